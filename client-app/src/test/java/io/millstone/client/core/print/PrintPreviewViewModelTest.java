package io.millstone.client.core.print;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.client.core.Messages;
import io.millstone.client.remote.RemoteException;
import io.millstone.client.support.DirectExecutor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrintPreviewViewModelTest {
  private final Messages m = new Messages(Messages.ENGLISH);
  @TempDir Path dir;

  static byte[] pdf(int pages) throws IOException {
    try (PDDocument d = new PDDocument()) {
      for (int i = 0; i < pages; i++) {
        d.addPage(new PDPage(PDRectangle.A4));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      d.save(out);
      return out.toByteArray();
    }
  }

  /** The server as a test sees it: a PDF in chunks, checking for cancellation between them. */
  static final class Server implements PaperRequest {
    final List<String> languages = new ArrayList<>();
    byte[] file;
    Exception failure;
    Runnable afterFirstChunk = () -> {};
    Runnable whileStreaming = () -> {};

    Server(byte[] file) {
      this.file = file;
    }

    @Override
    public void send(String language, PaperSink sink) throws Exception {
      languages.add(language);
      if (failure != null) {
        throw failure;
      }
      int chunk = Math.max(1, file.length / 4);
      for (int from = 0; from < file.length; from += chunk) {
        if (sink.cancelled()) {
          throw new CancellationException();
        }
        if (from == 0) {
          sink.start("invoice-INV-1.pdf", "application/pdf", 3);
        }
        sink.write(Arrays.copyOfRange(file, from, Math.min(file.length, from + chunk)));
        whileStreaming.run();
        if (from == 0) {
          afterFirstChunk.run();
        }
      }
    }
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  @Test
  void aPaperIsLoadingWhileItStreamsThenShowsItsPages() throws Exception {
    Server server = new Server(pdf(3));
    PrintPreviewViewModel[] vm = new PrintPreviewViewModel[1];
    List<PrintPreviewViewModel.State> seen = new ArrayList<>();
    List<Boolean> busy = new ArrayList<>();
    List<List<Path>> partFiles = new ArrayList<>();
    server.whileStreaming =
        () -> {
          seen.add(vm[0].getState());
          busy.add(vm[0].isBusy());
          try {
            partFiles.add(files());
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        };
    vm[0] = new PrintPreviewViewModel(server, "en", dir, new DirectExecutor(), m);
    vm[0].load();

    assertThat(seen).isNotEmpty().containsOnly(PrintPreviewViewModel.State.LOADING);
    assertThat(busy).containsOnly(true);
    assertThat(partFiles.get(0))
        .singleElement()
        .satisfies(p -> assertThat(p.toString()).endsWith(".part"));
    assertThat(vm[0].getState()).isEqualTo(PrintPreviewViewModel.State.READY);
    assertThat(vm[0].isBusy()).isFalse();
    assertThat(vm[0].pagesProperty().get()).isEqualTo(3);
    assertThat(vm[0].pageTextProperty().get()).isEqualTo("Page 1 of 3");
    vm[0].pageProperty().set(2);
    assertThat(vm[0].pageTextProperty().get()).isEqualTo("Page 2 of 3");
    assertThat(vm[0].fileNameProperty().get()).isEqualTo("invoice-INV-1.pdf");
    assertThat(vm[0].size(0).width()).isEqualTo(PDRectangle.A4.getWidth());
    BufferedImage page = vm[0].render(1, 72);
    assertThat(page.getWidth()).isBetween(594, 596);
    assertThat(files()).singleElement().satisfies(p -> assertThat(p.toString()).endsWith(".pdf"));

    vm[0].close();
    assertThat(files()).isEmpty();
  }

  @Test
  void aRefusedPaperShowsWhyAndLeavesNoFile() throws Exception {
    Server server = new Server(pdf(1));
    server.failure =
        new RemoteException(RemoteException.Kind.BUSINESS_RULE, "This invoice is a draft.");
    PrintPreviewViewModel vm =
        new PrintPreviewViewModel(server, "en", dir, new DirectExecutor(), m);
    vm.load();

    assertThat(vm.getState()).isEqualTo(PrintPreviewViewModel.State.FAILED);
    assertThat(vm.getMessage()).isEqualTo("This invoice is a draft.");
    assertThat(vm.pagesProperty().get()).isZero();
    assertThat(vm.pageTextProperty().get()).isEmpty();
    assertThat(files()).isEmpty();
  }

  @Test
  void aStreamBrokenHalfWayLeavesNoFile() throws Exception {
    Server server = new Server(pdf(2));
    server.afterFirstChunk =
        () -> {
          throw new IllegalStateException("connection reset");
        };
    PrintPreviewViewModel vm =
        new PrintPreviewViewModel(server, "en", dir, new DirectExecutor(), m);
    vm.load();

    assertThat(vm.getState()).isEqualTo(PrintPreviewViewModel.State.FAILED);
    assertThat(vm.getMessage()).contains("connection reset");
    assertThat(files()).isEmpty();
  }

  @Test
  void aCancelledPaperStopsTheStreamAndLeavesNoFile() throws Exception {
    Server server = new Server(pdf(3));
    PrintPreviewViewModel[] vm = new PrintPreviewViewModel[1];
    int[] chunks = new int[1];
    server.whileStreaming = () -> chunks[0]++;
    server.afterFirstChunk = () -> vm[0].cancel();
    vm[0] = new PrintPreviewViewModel(server, "en", dir, new DirectExecutor(), m);
    vm[0].load();

    assertThat(chunks[0]).as("no chunk was read after the cancel").isEqualTo(1);
    assertThat(vm[0].getState()).isEqualTo(PrintPreviewViewModel.State.CANCELLED);
    assertThat(vm[0].getMessage()).isEqualTo(m.get("print.cancelled"));
    assertThat(vm[0].isBusy()).isFalse();
    assertThat(files()).isEmpty();
  }

  @Test
  void choosingAnotherLanguageAsksTheServerAgainAndKeepsOneFile() throws Exception {
    Server server = new Server(pdf(1));
    PrintPreviewViewModel vm =
        new PrintPreviewViewModel(server, "bn", dir, new DirectExecutor(), m);
    vm.load();
    server.file = pdf(2);
    vm.chooseLanguage("en");
    vm.chooseLanguage("en");

    assertThat(server.languages).containsExactly("bn", "en");
    assertThat(vm.pagesProperty().get()).isEqualTo(2);
    assertThat(vm.languageProperty().get()).isEqualTo("en");
    assertThat(files()).hasSize(1);
  }

  @Test
  void saveAsCopiesTheFinishedPaper(@TempDir Path elsewhere) throws Exception {
    byte[] file = pdf(2);
    PrintPreviewViewModel vm =
        new PrintPreviewViewModel(new Server(file), "en", dir, new DirectExecutor(), m);
    vm.load();
    Path target = elsewhere.resolve("copy.pdf");
    List<Boolean> done = new ArrayList<>();
    vm.saveAs(target, done::add);

    assertThat(done).containsExactly(true);
    assertThat(Files.readAllBytes(target)).isEqualTo(file);
    assertThat(vm.getMessage()).isEqualTo("Saved as copy.pdf.");
    try (Stream<Path> s = Files.list(elsewhere)) {
      assertThat(s.toList()).containsExactly(target);
    }
  }
}
