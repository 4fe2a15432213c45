package io.millstone.client.core.list;

import java.io.IOException;
import java.util.List;

/**
 * Where an export writes its rows, one at a time (never the whole list in memory). A cell is a
 * String (its text as shown), a Number, or a date ({@link java.time.LocalDate}, {@link
 * java.time.LocalDateTime}); the sink writes each the way its format can.
 */
interface RowSink extends AutoCloseable {
  void header(List<String> titles) throws IOException;

  void row(List<?> cells) throws IOException;

  /** Writes what is left; the file is complete only after this. */
  void finish() throws IOException;

  @Override
  void close() throws IOException;
}
