package io.millstone.client.core.print;

import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A paper on its way from the server and then on screen: it streams into a temporary ".part" file
 * (LOADING), becomes a PDF whose pages are rendered one at a time as asked (READY), or shows why it
 * could not come (FAILED) or that the person stopped it (CANCELLED); neither of the last two leaves
 * a file. A change of language asks the server again. Pages are rendered with PDFBox, one page at a
 * time, never on the UI thread.
 */
public final class PrintPreviewViewModel extends AbstractViewModel {
  public enum State {
    LOADING,
    READY,
    FAILED,
    CANCELLED
  }

  public enum Zoom {
    FIT_WIDTH,
    ACTUAL
  }

  /** A page's size in points (1/72 inch), for laying out before it is rendered. */
  public record PageSize(float width, float height) {}

  private final PaperRequest request;
  private final Messages m;
  private final Path dir;
  private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
  private final ReadOnlyIntegerWrapper pages = new ReadOnlyIntegerWrapper(0);
  private final IntegerProperty page = new SimpleIntegerProperty(0);
  private final StringProperty language = new SimpleStringProperty("en");
  private final ObjectProperty<Zoom> zoom = new SimpleObjectProperty<>(Zoom.FIT_WIDTH);
  private final StringProperty fileName = new SimpleStringProperty("");
  private final StringBinding pageText;
  private final Object renderLock = new Object();
  private AtomicBoolean stop = new AtomicBoolean();
  private UiTaskExecutor.Handle handle;
  private int generation;
  private Path file;
  private PDDocument document;
  private PDFRenderer renderer;
  private PageSize[] sizes = new PageSize[0];

  /**
   * @param dir where the paper is kept while it is shown (deleted on close)
   * @param language "en" or "bn": the person's language to begin with
   */
  public PrintPreviewViewModel(
      PaperRequest request, String language, Path dir, UiTaskExecutor executor, Messages m) {
    super(executor);
    this.request = request;
    this.m = m;
    this.dir = dir;
    this.language.set("bn".equals(language) ? "bn" : "en");
    this.pageText =
        Bindings.createStringBinding(
            () ->
                pages.get() == 0 ? "" : m.get("print.pageOf", Math.max(1, page.get()), pages.get()),
            page,
            pages);
  }

  /** Asks the server for the paper in the chosen language, dropping what was shown before. */
  public void load() {
    cancelRunning();
    closeDocument();
    int gen = ++generation;
    AtomicBoolean mine = new AtomicBoolean();
    stop = mine;
    state.set(State.LOADING);
    pages.set(0);
    page.set(0);
    setMessage("");
    setBusy(true);
    String lang = language.get();
    Path target = dir.resolve("paper-" + UUID.randomUUID() + ".pdf");
    handle =
        executor.submit(
            () -> open(PaperFile.fetch(request, lang, target, mine::get)),
            opened -> {
              if (gen != generation) {
                opened.close();
                return;
              }
              setBusy(false);
              synchronized (renderLock) {
                file = opened.file;
                document = opened.document;
                renderer = new PDFRenderer(document);
                sizes = opened.sizes;
              }
              fileName.set(opened.fileName);
              pages.set(sizes.length);
              page.set(sizes.length == 0 ? 0 : 1);
              state.set(State.READY);
            },
            t -> {
              if (gen != generation) {
                return;
              }
              setBusy(false);
              if (mine.get() || isCancellation(t)) {
                state.set(State.CANCELLED);
                setMessage(m.get("print.cancelled"));
              } else {
                state.set(State.FAILED);
                setMessage(ErrorText.of(t, m));
              }
            });
  }

  private static boolean isCancellation(Throwable t) {
    for (Throwable e = t; e != null; e = e.getCause()) {
      if (e instanceof CancellationException || e instanceof InterruptedException) {
        return true;
      }
    }
    return false;
  }

  private record Opened(Path file, PDDocument document, PageSize[] sizes, String fileName) {
    void close() {
      try {
        document.close();
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temporary file; the next start cleans the folder
      }
    }
  }

  private static Opened open(PaperFile f) throws IOException {
    PDDocument d;
    try {
      d = Loader.loadPDF(f.path().toFile());
    } catch (IOException e) {
      Files.deleteIfExists(f.path());
      throw e;
    }
    PageSize[] sizes = new PageSize[d.getNumberOfPages()];
    for (int i = 0; i < sizes.length; i++) {
      var p = d.getPage(i);
      PDRectangle box = p.getCropBox();
      boolean turned = p.getRotation() % 180 != 0;
      sizes[i] =
          turned
              ? new PageSize(box.getHeight(), box.getWidth())
              : new PageSize(box.getWidth(), box.getHeight());
    }
    return new Opened(f.path(), d, sizes, f.fileName());
  }

  /** Stops a paper on its way; the preview shows it was cancelled and keeps no file. */
  public void cancel() {
    if (state.get() != State.LOADING) {
      return;
    }
    stop.set(true);
    if (handle != null) {
      handle.cancel();
    }
    generation++;
    setBusy(false);
    state.set(State.CANCELLED);
    setMessage(m.get("print.cancelled"));
  }

  private void cancelRunning() {
    if (state.get() == State.LOADING && handle != null) {
      stop.set(true);
      handle.cancel();
    }
  }

  /** Chooses the paper's language ("en" or "bn"); asks the server again when it changed. */
  public void chooseLanguage(String lang) {
    String l = "bn".equals(lang) ? "bn" : "en";
    if (!l.equals(language.get())) {
      language.set(l);
      load();
    }
  }

  /**
   * Renders page {@code index} (from 0) at {@code dpi}. Blocks; call it off the UI thread. Pages
   * render one at a time (PDFBox reads the file from one thread).
   */
  public BufferedImage render(int index, float dpi) throws IOException {
    synchronized (renderLock) {
      PDFRenderer r = renderer;
      if (r == null || index < 0 || index >= sizes.length) {
        return null;
      }
      return r.renderImageWithDPI(index, dpi, ImageType.RGB);
    }
  }

  /** The size of page {@code index} in points. */
  public PageSize size(int index) {
    return sizes[index];
  }

  /**
   * Copies the finished paper to {@code target}; {@code done} hears the outcome on the UI thread.
   */
  public void saveAs(Path target, Consumer<Boolean> done) {
    Path from = file;
    if (from == null || state.get() != State.READY) {
      return;
    }
    executor.submit(
        () -> {
          Path part = target.resolveSibling(target.getFileName() + ".part");
          try {
            Files.copy(from, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
          } finally {
            Files.deleteIfExists(part);
          }
          return target;
        },
        t -> {
          setMessage(m.get("print.saved", t.getFileName().toString()));
          done.accept(true);
        },
        t -> {
          setMessage(ErrorText.of(t, m));
          done.accept(false);
        });
  }

  /** Shows {@code text} to the person (how printing went). */
  public void tell(String text) {
    setMessage(text);
  }

  /** Stops anything on its way and deletes the paper's temporary file. */
  public void close() {
    cancelRunning();
    generation++;
    closeDocument();
  }

  private void closeDocument() {
    synchronized (renderLock) {
      renderer = null;
      sizes = new PageSize[0];
      if (document != null) {
        try {
          document.close();
        } catch (IOException ignored) {
          // closing a read-only temporary file
        }
        document = null;
      }
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a temporary file
        }
        file = null;
      }
    }
  }

  public ReadOnlyObjectProperty<State> stateProperty() {
    return state.getReadOnlyProperty();
  }

  public State getState() {
    return state.get();
  }

  public ReadOnlyIntegerProperty pagesProperty() {
    return pages.getReadOnlyProperty();
  }

  /** The page the person is looking at, from 1 (0 before the paper came). */
  public IntegerProperty pageProperty() {
    return page;
  }

  /** "Page X of Y". */
  public StringBinding pageTextProperty() {
    return pageText;
  }

  public StringProperty languageProperty() {
    return language;
  }

  public ObjectProperty<Zoom> zoomProperty() {
    return zoom;
  }

  /** The name the server gave the paper, for the save dialog. */
  public StringProperty fileNameProperty() {
    return fileName;
  }

  /** The finished paper on disk while it is shown; null otherwise. */
  public Path file() {
    return file;
  }
}
