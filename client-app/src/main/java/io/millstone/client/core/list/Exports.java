package io.millstone.client.core.list;

import io.millstone.client.core.UiTaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The one way an export reaches a file, for lists and tables alike: rows go into {@code name.part}
 * beside the file, through the sink of the format asked for, and only a complete file is moved to
 * the name asked for. A cancelled or failed export deletes its .part, so nothing that looks
 * complete is left behind.
 */
public final class Exports {
  private Exports() {}

  /** The columns of an export: titles, which hold numbers, and their widths on screen. */
  public record Columns(List<String> titles, boolean[] numeric, double[] widths) {}

  /** Feeds the rows of an export; calls {@link Rows#row} once a row. */
  @FunctionalInterface
  public interface Feed {
    long feed(Rows rows, UiTaskExecutor.Progress progress) throws Exception;
  }

  /** Takes the rows of an export. */
  public interface Rows {
    void row(List<?> cells) throws IOException, InterruptedException;
  }

  /** The .part file an export writes before it is complete. */
  public static Path partOf(Path file) {
    return file.resolveSibling(file.getFileName() + ".part");
  }

  /** Writes the export; returns how many rows it wrote. */
  public static long write(
      Path file,
      ExportFormat format,
      String title,
      Columns columns,
      Feed feed,
      UiTaskExecutor.Progress progress)
      throws Exception {
    Path tmp = partOf(file);
    long count;
    try {
      try (RowSink sink =
          format == ExportFormat.XLSX
              ? new XlsxSink(tmp, title, columns.numeric(), columns.widths())
              : new CsvSink(tmp)) {
        sink.header(columns.titles());
        count =
            feed.feed(
                cells -> {
                  if (progress.isCancelled()) {
                    throw new InterruptedException("export cancelled");
                  }
                  sink.row(cells);
                },
                progress);
        if (progress.isCancelled()) {
          throw new InterruptedException("export cancelled");
        }
        sink.finish();
      }
    } catch (Exception | Error e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    return count;
  }
}
