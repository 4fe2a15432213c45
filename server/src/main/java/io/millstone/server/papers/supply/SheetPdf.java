package io.millstone.server.papers.supply;

import io.millstone.server.papers.Paper;
import io.millstone.server.papers.Paper.Align;
import io.millstone.server.papers.Paper.Style;
import io.millstone.server.papers.PaperFile;
import io.millstone.server.papers.PaperLanguage;
import io.millstone.server.papers.supply.Sheet.Column;
import io.millstone.server.papers.supply.Sheet.Field;
import io.millstone.server.papers.supply.Sheet.Row;
import io.millstone.server.papers.supply.Sheet.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link Sheet} with the papers engine ({@link Paper}): A4 with the company's letterhead
 * and "Page X of Y" on every page, the party beside the document's facts, tables whose header row
 * repeats on every page, the totals, the amount in words and the lines to sign on.
 */
final class SheetPdf {
  private SheetPdf() {}

  static PaperFile draw(Sheet sheet, PaperLanguage lang) {
    Paper p = Paper.open(sheet.company(), lang, false);
    p.title(sheet.title());
    if (!sheet.stamp().isBlank()) {
      p.text(sheet.stamp(), Style.TITLE, Align.CENTER);
    }
    // The party on the left, the document on the right, row by row.
    List<String[]> pairs = new ArrayList<>();
    int rows = Math.max(sheet.party().size(), sheet.document().size());
    for (int i = 0; i < rows; i++) {
      pairs.add(pair(i < sheet.party().size() ? sheet.party().get(i) : null));
      pairs.add(pair(i < sheet.document().size() ? sheet.document().get(i) : null));
    }
    p.fields(pairs, 2);
    for (Table t : sheet.tables()) {
      if (!t.caption().isBlank()) {
        p.text(t.caption(), Style.BOLD, Align.LEFT);
      }
      List<Paper.Column> columns = new ArrayList<>();
      for (Column c : t.columns()) {
        columns.add(new Paper.Column(c.header(), c.right() ? Align.RIGHT : Align.LEFT, c.weight()));
      }
      List<Paper.Row> body = new ArrayList<>();
      List<Paper.Row> totals = new ArrayList<>();
      for (Row r : t.rows()) {
        (r.emphasis() ? totals : body).add(new Paper.Row(filled(r.cells()), r.emphasis()));
      }
      p.table(columns, body, totals);
    }
    if (!sheet.totals().isEmpty()) {
      List<String[]> totals = new ArrayList<>();
      for (Field f : sheet.totals()) {
        totals.add(pair(f));
      }
      p.fields(totals, sheet.tables().isEmpty() ? 1 : 2);
    }
    if (!sheet.words().isBlank()) {
      p.text(sheet.words(), Style.BOLD, Align.LEFT);
    }
    if (sheet.note() != null && !sheet.note().isBlank()) {
      p.text(sheet.note(), Style.NORMAL, Align.LEFT);
    }
    if (!sheet.signatures().isEmpty()) {
      p.signatures(sheet.signatures());
    }
    return p.finish(sheet.fileName());
  }

  private static String[] pair(Field f) {
    return f == null
        ? new String[] {BLANK, BLANK}
        : new String[] {filled(f.label()), filled(f.value())};
  }

  /**
   * A blank cell as a space: the engine sets an empty text in no font, and OpenPDF then falls back
   * to Helvetica, which its glyph layout refuses.
   */
  private static final String BLANK = " ";

  private static String filled(String s) {
    return s == null || s.isEmpty() ? BLANK : s;
  }

  private static List<String> filled(List<String> cells) {
    return cells.stream().map(SheetPdf::filled).toList();
  }
}
