package io.millstone.client.core.print;

import io.millstone.client.core.Messages;
import io.millstone.client.core.ScreenContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** Opens papers in a print preview tab, and the Print button (Ctrl+P) of every document screen. */
public final class PrintPreview {
  public static final KeyCombination PRINT =
      new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);
  private static Path dir;

  private PrintPreview() {}

  /** The folder papers are kept in while shown; emptied of what a previous run left. */
  static synchronized Path folder() {
    if (dir == null) {
      try {
        dir = Files.createTempDirectory("millstone-papers-");
        dir.toFile().deleteOnExit();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return dir;
  }

  /** "en" or "bn": the person's language, the paper's language to begin with. */
  public static String language(Messages m) {
    return "bn".equals(m.locale().getLanguage()) ? "bn" : "en";
  }

  /**
   * Opens (or brings forward) the preview tab {@code key} of the paper {@code request} fetches,
   * titled "Print: {title}".
   */
  public static void open(ScreenContext ctx, String key, String title, PaperRequest request) {
    Messages m = ctx.messages();
    String tabId = "print-" + key;
    PrintPreviewViewModel vm =
        new PrintPreviewViewModel(request, language(m), folder(), ctx.executor(), m);
    PrintPreviewView view =
        new PrintPreviewView(
            vm,
            m,
            ctx.executor(),
            ctx.owner(),
            () -> {
              vm.close();
              ctx.workbench().close(tabId);
            });
    ctx.workbench()
        .show(
            tabId,
            new SimpleStringProperty(m.get("print.title", title)),
            view,
            close -> {
              vm.close();
              close.run();
            });
    vm.load();
    javafx.application.Platform.runLater(view::requestFocus);
  }

  /**
   * {@code content} with a row of print buttons under it; the returned pane is the node whose
   * Ctrl+P the buttons answer (make them with {@link #button} on it, then {@link #addButtons}).
   */
  public static javafx.scene.layout.BorderPane around(Node content) {
    javafx.scene.layout.BorderPane pane =
        new javafx.scene.layout.BorderPane(content) {
          // The shell focuses a screen when it shows it: the screen's own first field, not this
          // frame around it (which would take the caret from the screen's first field).
          @Override
          public void requestFocus() {
            content.requestFocus();
          }
        };
    javafx.scene.layout.HBox bar = new javafx.scene.layout.HBox(10);
    bar.setId("printBar");
    bar.setPadding(new javafx.geometry.Insets(0, 12, 10, 12));
    bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    pane.setBottom(bar);
    return pane;
  }

  /** Adds {@code buttons} to the print row of a pane made by {@link #around}. */
  public static void addButtons(javafx.scene.layout.BorderPane pane, Node... buttons) {
    ((javafx.scene.layout.HBox) pane.getBottom()).getChildren().addAll(buttons);
  }

  /**
   * A Print button with its own text (id {@code id}) that Ctrl+P in {@code screen} presses while it
   * is enabled and shown.
   */
  public static Button button(
      Messages m, Node screen, String id, String text, BooleanSupplier ready, Runnable open) {
    Button b = button(m, screen, ready, open);
    b.setId(id);
    b.setText(text);
    return b;
  }

  /**
   * The Print button of a document screen: it and Ctrl+P anywhere in {@code screen} run {@code
   * open} while {@code ready} (the document is saved, so the server has it to print). Ctrl+P on a
   * screen that also posts with Ctrl+P prints only once the document is posted.
   */
  public static Button button(Messages m, Node screen, BooleanSupplier ready, Runnable open) {
    Button b = new Button(m.get("print.button"), new FontIcon(Material2MZ.PRINT));
    b.setId("printButton");
    b.setMnemonicParsing(true);
    b.setTooltip(new Tooltip(m.get("print.button.tip")));
    b.setOnAction(
        e -> {
          if (ready.getAsBoolean()) {
            open.run();
          }
        });
    screen.addEventHandler(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (PRINT.match(e) && !b.isDisabled() && b.isVisible() && ready.getAsBoolean()) {
            e.consume();
            open.run();
          }
        });
    return b;
  }
}
