package io.millstone.client.core.print;

import io.millstone.client.core.Messages;
import io.millstone.client.core.Styles;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.core.print.PrintPreviewViewModel.State;
import io.millstone.client.core.print.PrintPreviewViewModel.Zoom;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.print.PageLayout;
import javafx.print.PageOrientation;
import javafx.print.Paper;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.effect.DropShadow;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The print preview: the paper's pages one under the other, rendered only as they come into view;
 * "Page X of Y"; the paper's language (English or Bangla, asked of the server again); zoom fit
 * width or 100 %; Print (the desktop's printers through the JavaFX print dialog: printer, copies,
 * pages), Save as PDF… and Close (Escape). Ctrl+P prints, Ctrl+S saves.
 */
public final class PrintPreviewView extends BorderPane {
  static final KeyCombination PRINT =
      new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);
  static final KeyCombination SAVE =
      new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
  private static final double GAP = 16;

  /** Screen pixels per point at 100 % (96 dpi screens). */
  private static final double ACTUAL = 96.0 / 72.0;

  /** Printed pages are rendered at most this fine (dots per inch). */
  private static final int PRINT_DPI = 300;

  private final PrintPreviewViewModel vm;
  private final Messages m;
  private final UiTaskExecutor executor;
  private final Supplier<Window> owner;
  private final VBox pages = new VBox(GAP);
  private final ScrollPane scroll = new ScrollPane(pages);
  private final Map<Integer, Float> rendered = new HashMap<>();
  private final Label status = new Label();
  private double scale = ACTUAL;
  private boolean printing;

  public PrintPreviewView(
      PrintPreviewViewModel vm,
      Messages m,
      UiTaskExecutor executor,
      Supplier<Window> owner,
      Runnable close) {
    this.vm = vm;
    this.m = m;
    this.executor = executor;
    this.owner = owner;
    setId("printPreview");
    getStyleClass().add("print-preview");

    Button print = new Button(m.get("print.print"), new FontIcon(Material2MZ.PRINT));
    print.setId("previewPrint");
    print.setMnemonicParsing(true);
    print.setTooltip(new Tooltip("Ctrl+P"));
    print.setOnAction(e -> print());
    Button save = new Button(m.get("print.saveAs"), new FontIcon(Material2MZ.SAVE));
    save.setId("previewSave");
    save.setMnemonicParsing(true);
    save.setTooltip(new Tooltip("Ctrl+S"));
    save.setOnAction(e -> save());
    print.disableProperty().bind(vm.stateProperty().isNotEqualTo(State.READY));
    save.disableProperty().bind(vm.stateProperty().isNotEqualTo(State.READY));

    ToggleGroup languages = new ToggleGroup();
    ToggleButton en = new ToggleButton(m.get("print.language.en"));
    en.setId("previewEnglish");
    en.setToggleGroup(languages);
    ToggleButton bn = new ToggleButton(m.get("print.language.bn"));
    bn.setId("previewBangla");
    bn.setToggleGroup(languages);
    (("bn".equals(vm.languageProperty().get())) ? bn : en).setSelected(true);
    languages
        .selectedToggleProperty()
        .addListener(
            (o, a, b) -> {
              if (b == null) {
                a.setSelected(true); // one is always chosen
              } else {
                vm.chooseLanguage(b == bn ? "bn" : "en");
              }
            });

    ToggleGroup zooms = new ToggleGroup();
    ToggleButton fit = new ToggleButton(m.get("print.zoom.fitWidth"));
    fit.setId("previewFitWidth");
    fit.setToggleGroup(zooms);
    ToggleButton actual = new ToggleButton(m.get("print.zoom.actual"));
    actual.setId("previewActual");
    actual.setToggleGroup(zooms);
    (vm.zoomProperty().get() == Zoom.ACTUAL ? actual : fit).setSelected(true);
    zooms
        .selectedToggleProperty()
        .addListener(
            (o, a, b) -> {
              if (b == null) {
                a.setSelected(true);
              } else {
                vm.zoomProperty().set(b == actual ? Zoom.ACTUAL : Zoom.FIT_WIDTH);
              }
            });

    Label pageOf = new Label();
    pageOf.setId("previewPageOf");
    pageOf.textProperty().bind(vm.pageTextProperty());
    pageOf.setMinWidth(Region.USE_PREF_SIZE);
    Button closeButton = new Button(m.get("print.close"), new FontIcon(Material2AL.CLOSE));
    closeButton.setId("previewClose");
    closeButton.setTooltip(new Tooltip("Esc"));
    closeButton.setOnAction(e -> close.run());
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    Label in = new Label(m.get("print.language"));
    HBox bar =
        new HBox(
            8,
            print,
            save,
            new Region(),
            in,
            en,
            bn,
            new Region(),
            fit,
            actual,
            grow,
            pageOf,
            closeButton);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8));
    bar.getStyleClass().add(Styles.TOOLBAR);
    status.setId("previewStatus");
    status.textProperty().bind(vm.messageProperty());
    status.setWrapText(true);
    status.visibleProperty().bind(vm.stateProperty().isEqualTo(State.READY));
    VBox top = new VBox(bar);
    setTop(top);
    HBox bottom = new HBox(status);
    bottom.setPadding(new Insets(4, 8, 4, 8));
    setBottom(bottom);

    pages.setAlignment(Pos.TOP_CENTER);
    pages.setPadding(new Insets(GAP));
    pages.setId("previewPages");
    scroll.setId("previewScroll");
    scroll.setFitToWidth(true);
    scroll.setPannable(true);
    scroll.getStyleClass().add("print-preview-pages");
    scroll.setStyle("-fx-background: #8a8f96;");
    scroll.vvalueProperty().addListener((o, a, b) -> showVisible());
    scroll.viewportBoundsProperty().addListener((o, a, b) -> relayoutIfWidthChanged(a, b));
    vm.zoomProperty().addListener((o, a, b) -> layoutPages());
    vm.stateProperty().addListener((o, a, b) -> showState());
    showState();

    addEventHandler(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ESCAPE) {
            e.consume();
            close.run();
          } else if (PRINT.match(e)) {
            e.consume();
            if (!print.isDisabled()) {
              print();
            }
          } else if (SAVE.match(e)) {
            e.consume();
            if (!save.isDisabled()) {
              save();
            }
          } else if (vm.getState() == State.READY
              && (e.getCode() == KeyCode.PAGE_DOWN || e.getCode() == KeyCode.PAGE_UP)) {
            e.consume();
            goTo(vm.pageProperty().get() + (e.getCode() == KeyCode.PAGE_DOWN ? 1 : -1));
          } else if (vm.getState() == State.READY
              && e.isShortcutDown()
              && (e.getCode() == KeyCode.HOME || e.getCode() == KeyCode.END)) {
            e.consume();
            goTo(e.getCode() == KeyCode.HOME ? 1 : vm.pagesProperty().get());
          }
        });
  }

  private void showState() {
    switch (vm.getState()) {
      case LOADING -> {
        ProgressIndicator spin = new ProgressIndicator();
        spin.setMaxSize(48, 48);
        Label text = new Label(m.get("print.loading"));
        Button stop = new Button(m.get("print.cancel"));
        stop.setId("previewStop");
        stop.setOnAction(e -> vm.cancel());
        VBox box = new VBox(12, spin, text, stop);
        box.setId("previewLoading");
        box.setAlignment(Pos.CENTER);
        setCenter(box);
        javafx.application.Platform.runLater(stop::requestFocus);
      }
      case READY -> {
        // A new paper (another language): new sheets, nothing rendered yet.
        pages.getChildren().clear();
        rendered.clear();
        setCenter(scroll);
        layoutPages();
        javafx.application.Platform.runLater(scroll::requestFocus);
      }
      case FAILED, CANCELLED -> {
        Label why = new Label();
        why.setId("previewError");
        why.textProperty().bind(vm.messageProperty());
        why.setWrapText(true);
        why.setMaxWidth(560);
        why.getStyleClass()
            .add(
                vm.getState() == State.FAILED
                    ? atlantafx.base.theme.Styles.DANGER
                    : atlantafx.base.theme.Styles.TEXT_MUTED);
        StackPane box = new StackPane(why);
        box.setPadding(new Insets(24));
        setCenter(box);
      }
    }
  }

  private void relayoutIfWidthChanged(javafx.geometry.Bounds before, javafx.geometry.Bounds after) {
    if (before == null || Math.abs(before.getWidth() - after.getWidth()) > 0.5) {
      if (vm.zoomProperty().get() == Zoom.FIT_WIDTH) {
        layoutPages();
        return;
      }
    }
    showVisible();
  }

  private double widestPage() {
    double w = 0;
    for (int i = 0; i < vm.pagesProperty().get(); i++) {
      w = Math.max(w, vm.size(i).width());
    }
    return w;
  }

  /** Places a blank sheet of the right size for every page; the visible ones are then rendered. */
  private void layoutPages() {
    if (vm.getState() != State.READY) {
      return;
    }
    int n = vm.pagesProperty().get();
    double viewport = scroll.getViewportBounds().getWidth();
    double next =
        vm.zoomProperty().get() == Zoom.ACTUAL || viewport <= 0
            ? ACTUAL
            : Math.max(0.2, (viewport - 2 * GAP - 4) / widestPage());
    boolean sameScale = Math.abs(next - scale) < 0.001 && pages.getChildren().size() == n;
    scale = next;
    if (!sameScale) {
      rendered.clear();
      pages.getChildren().clear();
      for (int i = 0; i < n; i++) {
        PrintPreviewViewModel.PageSize s = vm.size(i);
        ImageView image = new ImageView();
        image.setFitWidth(s.width() * scale);
        image.setFitHeight(s.height() * scale);
        image.setSmooth(true);
        StackPane sheet = new StackPane(image);
        sheet.setId("previewPage" + (i + 1));
        sheet.setStyle("-fx-background-color: white;");
        sheet.setEffect(new DropShadow(8, javafx.scene.paint.Color.gray(0, 0.35)));
        sheet.setMinSize(s.width() * scale, s.height() * scale);
        sheet.setPrefSize(s.width() * scale, s.height() * scale);
        sheet.setMaxSize(s.width() * scale, s.height() * scale);
        pages.getChildren().add(sheet);
      }
    }
    pages.applyCss();
    pages.layout();
    showVisible();
  }

  /** Renders the pages in view (and one on each side), forgets those far away, sets "page X". */
  private void showVisible() {
    int n = pages.getChildren().size();
    if (vm.getState() != State.READY || n == 0) {
      return;
    }
    double viewport = scroll.getViewportBounds().getHeight();
    double content = pages.getHeight();
    double top = Math.max(0, scroll.getVvalue() * Math.max(0, content - viewport));
    double bottom = top + Math.max(viewport, 1);
    int current = 1;
    double y = GAP;
    for (int i = 0; i < n; i++) {
      double h = vm.size(i).height() * scale;
      if (y <= top + viewport / 3) {
        current = i + 1;
      }
      boolean near = y + h >= top - h && y <= bottom + h;
      if (near) {
        render(i);
      } else if (rendered.remove(i) != null) {
        ((ImageView) ((StackPane) pages.getChildren().get(i)).getChildren().get(0)).setImage(null);
      }
      y += h + GAP;
    }
    vm.pageProperty().set(current);
  }

  private void render(int index) {
    Window w = getScene() == null ? null : getScene().getWindow();
    double outputScale = w == null ? 1 : Math.max(1, w.getOutputScaleX());
    float dpi = (float) Math.min(220, 72 * scale * outputScale);
    Float had = rendered.get(index);
    if (had != null && Math.abs(had - dpi) < 0.5) {
      return;
    }
    rendered.put(index, dpi);
    double drawnAt = scale;
    executor.submit(
        () -> vm.render(index, dpi),
        img -> {
          if (img == null
              || Math.abs(drawnAt - scale) > 0.001
              || index >= pages.getChildren().size()
              || !Float.valueOf(dpi).equals(rendered.get(index))) {
            return;
          }
          ImageView view =
              (ImageView) ((StackPane) pages.getChildren().get(index)).getChildren().get(0);
          view.setImage(SwingFXUtils.toFXImage(img, null));
        },
        t -> rendered.remove(index));
  }

  private void goTo(int page) {
    int n = pages.getChildren().size();
    if (n == 0) {
      return;
    }
    int p = Math.max(1, Math.min(n, page));
    double y = GAP;
    for (int i = 0; i < p - 1; i++) {
      y += vm.size(i).height() * scale + GAP;
    }
    double range = Math.max(1, pages.getHeight() - scroll.getViewportBounds().getHeight());
    scroll.setVvalue(Math.min(1, (y - GAP / 2) / range));
    vm.pageProperty().set(p);
  }

  private void save() {
    FileChooser fc = new FileChooser();
    fc.setTitle(m.get("vat.saveTitle", vm.fileNameProperty().get()));
    fc.setInitialFileName(vm.fileNameProperty().get());
    fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
    File f = fc.showSaveDialog(owner.get());
    if (f != null) {
      vm.saveAs(f.toPath(), ok -> {});
    }
  }

  /**
   * Prints through JavaFX: the desktop's print dialog chooses the printer, copies and pages; each
   * page is rendered by PDFBox at the printer's resolution (at most 300 dpi) and printed as an
   * image filling the printable area, portrait or landscape as the page is.
   */
  private void print() {
    if (printing) {
      return;
    }
    if (Printer.getDefaultPrinter() == null && Printer.getAllPrinters().isEmpty()) {
      vmMessage(m.get("print.noPrinter"));
      return;
    }
    PrinterJob job = PrinterJob.createPrinterJob();
    if (job == null) {
      vmMessage(m.get("print.noPrinter"));
      return;
    }
    job.getJobSettings().setJobName(vm.fileNameProperty().get());
    if (!job.showPrintDialog(owner.get())) {
      job.cancelJob();
      return;
    }
    int n = vm.pagesProperty().get();
    var range = job.getJobSettings().getPageRanges();
    printing = true;
    executor.submitWithProgress(
        progress -> {
          Printer printer = job.getPrinter();
          int resolution = job.getJobSettings().getPrintResolution().getFeedResolution();
          float dpi = Math.max(150, Math.min(PRINT_DPI, resolution));
          int sent = 0;
          for (int i = 0; i < n; i++) {
            if (progress.isCancelled()) {
              job.cancelJob();
              return 0;
            }
            if (!inRange(range, i + 1)) {
              continue;
            }
            PrintPreviewViewModel.PageSize s = vm.size(i);
            PageLayout layout =
                printer.createPageLayout(
                    Paper.A4,
                    s.width() > s.height() ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
                    Printer.MarginType.HARDWARE_MINIMUM);
            BufferedImage img = vm.render(i, dpi);
            Image fx = SwingFXUtils.toFXImage(img, null);
            ImageView view = new ImageView(fx);
            view.setPreserveRatio(true);
            view.setSmooth(true);
            double fitW = layout.getPrintableWidth();
            double fitH = layout.getPrintableHeight();
            if (fitW / s.width() < fitH / s.height()) {
              view.setFitWidth(fitW);
            } else {
              view.setFitHeight(fitH);
            }
            if (!job.printPage(layout, view)) {
              job.cancelJob();
              throw new IllegalStateException(String.valueOf(job.getJobStatus()));
            }
            sent++;
            progress.update(sent, n);
          }
          if (!job.endJob()) {
            throw new IllegalStateException(String.valueOf(job.getJobStatus()));
          }
          return sent;
        },
        p -> vmMessage(m.get("print.printing", Math.max(1, (int) Math.round(p * n)), n)),
        sent -> {
          printing = false;
          vmMessage(m.get("print.printed", sent, job.getPrinter().getName()));
        },
        t -> {
          printing = false;
          vmMessage(io.millstone.client.remote.ErrorText.of(t, m));
        });
  }

  private static boolean inRange(javafx.print.PageRange[] ranges, int page) {
    if (ranges == null || ranges.length == 0) {
      return true;
    }
    for (var r : ranges) {
      if (page >= r.getStartPage() && page <= r.getEndPage()) {
        return true;
      }
    }
    return false;
  }

  private void vmMessage(String text) {
    vm.tell(text);
  }
}
