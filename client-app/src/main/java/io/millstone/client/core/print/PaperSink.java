package io.millstone.client.core.print;

import java.io.IOException;

/**
 * Receives a paper (a PDF or Excel file) as the server streams it: first what it is, then its bytes
 * in order. The file is whole only when the call returns without an exception.
 */
public interface PaperSink {
  /** The first chunk's description: the file's name, its content type and a PDF's page count. */
  void start(String fileName, String contentType, int pages) throws IOException;

  /** The next bytes of the file. */
  void write(byte[] data) throws IOException;

  /** True once the person gave up on the paper: the stream is cancelled at the next chunk. */
  boolean cancelled();
}
