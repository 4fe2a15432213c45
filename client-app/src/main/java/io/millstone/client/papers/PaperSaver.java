package io.millstone.client.papers;

import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.core.print.PaperFile;
import io.millstone.client.core.print.PaperRequest;
import io.millstone.client.remote.ErrorText;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Saves a paper straight to a file the person chose (a ".part" beside it until it is whole). */
final class PaperSaver {
  private PaperSaver() {}

  static void save(
      UiTaskExecutor executor,
      Messages m,
      PaperRequest request,
      String language,
      Path target,
      Consumer<String> said) {
    executor.submit(
        () -> PaperFile.fetch(request, language, target, () -> false),
        f -> said.accept(m.get("print.saved", target.getFileName().toString())),
        t -> said.accept(ErrorText.of(t, m)));
  }
}
