package io.millstone.server.papers.supply;

import java.util.List;

/**
 * One supply paper as it is laid out, before it is drawn: the title, the two blocks of facts under
 * it (who it is for on the left, the document on the right), its tables, the totals, the amount in
 * words and the lines to sign on. Every text is already in the paper's language and the company's
 * formats.
 */
record Sheet(
    io.millstone.server.papers.Letterhead company,
    String fileName,
    String title,
    String stamp,
    List<Field> party,
    List<Field> document,
    List<Table> tables,
    List<Field> totals,
    String words,
    String note,
    List<String> signatures) {

  record Field(String label, String value, boolean emphasis) {
    static Field of(String label, String value) {
      return new Field(label, value, false);
    }

    static Field strong(String label, String value) {
      return new Field(label, value, true);
    }
  }

  record Column(String header, boolean right, float weight) {}

  record Row(List<String> cells, boolean emphasis) {}

  /** A table whose header row is repeated on every page it runs over; a caption above it. */
  record Table(String caption, List<Column> columns, List<Row> rows) {}
}
