package io.millstone.client.core.list;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Rows as RFC 4180 CSV in UTF-8 with a byte-order mark (so spreadsheets read Bangla). */
final class CsvSink implements RowSink {
  private final BufferedWriter w;
  private final CsvWriter csv;

  CsvSink(Path file) throws IOException {
    w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    w.write('\uFEFF'); // lets spreadsheet programs read Bangla text as UTF-8
    csv = new CsvWriter(w);
  }

  @Override
  public void header(List<String> titles) throws IOException {
    csv.row(titles);
  }

  @Override
  public void row(List<?> cells) throws IOException {
    List<String> fields = new ArrayList<>(cells.size());
    for (Object c : cells) {
      fields.add(c == null ? "" : c.toString());
    }
    csv.row(fields);
  }

  @Override
  public void finish() throws IOException {
    w.flush();
  }

  @Override
  public void close() throws IOException {
    w.close();
  }
}
