package io.millstone.client.core.print;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Receives a paper into a file: the bytes go to "name.part" beside it and the file appears under
 * its own name only when the stream ended without error. A failed or cancelled stream leaves no
 * file behind.
 */
public final class PaperFile implements PaperSink {
  private final Path target;
  private final Path part;
  private final BooleanSupplier cancelled;
  private OutputStream out;
  private String fileName = "";
  private String contentType = "";
  private int pages;

  private PaperFile(Path target, BooleanSupplier cancelled) {
    this.target = target;
    this.part = target.resolveSibling(target.getFileName() + ".part");
    this.cancelled = cancelled;
  }

  /**
   * Streams {@code request} in {@code language} into {@code target}; returns what the server named
   * it. Blocks. Throws CancellationException when {@code cancelled} turned true on the way.
   */
  public static PaperFile fetch(
      PaperRequest request, String language, Path target, BooleanSupplier cancelled)
      throws Exception {
    PaperFile f = new PaperFile(target, cancelled);
    boolean whole = false;
    try {
      request.send(language, f);
      if (f.out == null) {
        throw new IOException("the server sent no file");
      }
      f.out.close();
      f.out = null;
      if (cancelled.getAsBoolean()) {
        throw new CancellationException();
      }
      Files.move(f.part, target, StandardCopyOption.REPLACE_EXISTING);
      whole = true;
      return f;
    } finally {
      if (f.out != null) {
        try {
          f.out.close();
        } catch (IOException ignored) {
          // the part is deleted below either way
        }
      }
      if (!whole) {
        Files.deleteIfExists(f.part);
      }
    }
  }

  @Override
  public void start(String fileName, String contentType, int pages) throws IOException {
    this.fileName = fileName == null ? "" : fileName;
    this.contentType = contentType == null ? "" : contentType;
    this.pages = pages;
    Files.createDirectories(part.getParent());
    out = Files.newOutputStream(part);
  }

  @Override
  public void write(byte[] data) throws IOException {
    if (out == null) {
      start("", "", 0);
    }
    out.write(data);
  }

  @Override
  public boolean cancelled() {
    return cancelled.getAsBoolean() || Thread.currentThread().isInterrupted();
  }

  public Path path() {
    return target;
  }

  /** The name the server gave the file (for the save dialog), never empty. */
  public String fileName() {
    return fileName.isBlank() ? target.getFileName().toString() : fileName;
  }

  public String contentType() {
    return contentType;
  }

  /** The page count the server announced (0 when it did not). */
  public int pages() {
    return pages;
  }
}
