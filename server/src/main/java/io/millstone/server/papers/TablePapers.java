package io.millstone.server.papers;

import io.millstone.server.papers.Paper.Column;
import io.millstone.server.papers.Paper.Row;
import io.millstone.server.papers.Paper.Style;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.error.FieldViolation;
import io.millstone.server.platform.error.InvalidInputException;
import java.time.Clock;
import java.util.List;

/**
 * Any list or report as the person sees it, printed: its title, the filter under it, its columns
 * and rows. Landscape when the columns at their longest text do not fit across a portrait page.
 */
public final class TablePapers {
  /** The most rows a printed list takes; a longer one is exported to Excel. */
  public static final int MAX_ROWS = 20_000;

  private final Transactions tx;
  private final Clock clock;

  public TablePapers(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  public PaperFile print(
      Actor actor,
      String title,
      String subtitle,
      List<Column> columns,
      List<Row> rows,
      String language) {
    PaperLanguage lang = PaperLanguage.parse(language, "language");
    if (columns.isEmpty()) {
      throw new InvalidInputException(
          List.of(
              new FieldViolation(
                  "columns", "needs at least one column", "paper_table_no_columns", List.of())));
    }
    if (rows.size() > MAX_ROWS) {
      throw new InvalidInputException(
          List.of(
              new FieldViolation(
                  "rows",
                  "has " + rows.size() + " rows; a PDF takes at most " + MAX_ROWS,
                  "paper_table_too_long",
                  List.of(rows.size(), MAX_ROWS))));
    }
    for (int i = 0; i < rows.size(); i++) {
      int cells = rows.get(i).cells().size();
      if (cells > columns.size()) {
        throw new InvalidInputException(
            List.of(
                new FieldViolation(
                    "rows[" + i + "].cells",
                    "has " + cells + " cells but the table has " + columns.size() + " columns",
                    "paper_table_row_width",
                    List.of(i + 1, cells, columns.size()))));
      }
    }
    Letterhead head = tx.sqlInCompany(actor, (t, c) -> Letterhead.read(c, actor.companyId()));
    Paper p = Paper.open(head, lang, Paper.needsLandscape(columns, rows));
    p.title(title);
    if (!subtitle.isBlank()) {
      p.subtitle(subtitle);
    }
    p.text(
        p.label("paper.printed", p.dateTime(clock.instant()))
            + "  ·  "
            + p.label(
                "paper.rows", p.digits(String.format(java.util.Locale.ROOT, "%,d", rows.size()))),
        Style.SMALL,
        Paper.Align.RIGHT);
    p.table(columns, rows, List.of());
    String name = title.isBlank() ? "list" : title.replaceAll("[^\\p{L}\\p{N}._-]+", "-");
    return p.finish(name + ".pdf");
  }
}
