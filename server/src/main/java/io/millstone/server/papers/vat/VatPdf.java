package io.millstone.server.papers.vat;

import io.millstone.server.papers.Letterhead;
import io.millstone.server.papers.Paper;
import io.millstone.server.papers.Paper.Align;
import io.millstone.server.papers.Paper.Column;
import io.millstone.server.papers.Paper.Row;
import io.millstone.server.papers.Paper.Style;
import io.millstone.server.papers.PaperFile;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Mushak 6.1, 6.2 and 9.1 as A4 PDFs through the papers engine (letterhead, page numbers, Bangla
 * shaping): the books landscape with every column of the form (the party's name, BIN and address in
 * one cell; the columns the books cannot fill are blank), the return portrait.
 */
final class VatPdf {
  private VatPdf() {}

  static PaperFile book(VatBooks.Book b, Letterhead head, VatPapers.Labels labels) {
    Paper p = Paper.open(head, labels.language(), true);
    p.title(labels.get("book." + b.kind() + ".title"));
    p.subtitle(labels.get("book." + b.kind() + ".subtitle"));
    p.text(VatPapers.period(b, labels), Style.BOLD, Align.CENTER);
    List<VatPapers.Column> form = VatPapers.columns(b.kind());
    // The PDF's columns: the form's, with the party's address and BIN under its name, and the
    // item's code with its description.
    List<VatPapers.Column> shown =
        form.stream()
            .filter(
                c ->
                    !c.key().equals("col.partyAddress")
                        && !c.key().equals("col.partyBin")
                        && !c.key().equals("col.itemCode")
                        && !c.key().equals("col.unit")
                        && !c.key().endsWith("Value"))
            .toList();
    List<Column> columns = new ArrayList<>();
    for (VatPapers.Column c : shown) {
      // A stock group's quantity and value share one blank column on paper.
      String header =
          c.type() == VatPapers.Type.BLANK
              ? labels.get(c.key().substring(0, c.key().length() - "Qty".length()))
              : labels.get(c.key());
      if (c.key().endsWith(".party")) {
        header =
            header
                + " ("
                + labels.get("col.partyBin")
                + ", "
                + labels.get("col.partyAddress")
                + ")";
      }
      Align align =
          c.type() == VatPapers.Type.MONEY || c.type() == VatPapers.Type.QTY
              ? Align.RIGHT
              : Align.LEFT;
      columns.add(new Column(header, align, weight(c)));
    }
    List<Row> rows = new ArrayList<>();
    for (VatBooks.Line l : b.lines()) {
      List<String> cells = new ArrayList<>();
      for (VatPapers.Column c : shown) {
        cells.add(
            switch (c.key()) {
              case "col.serial" -> p.digits(String.valueOf(l.serial()));
              case "col.date" -> p.date(l.date());
              case "col.SALES.party", "col.PURCHASE.party" ->
                  l.partyName()
                      + (l.partyBin().isEmpty() ? "" : "\n" + l.partyBin())
                      + (l.partyAddress().isEmpty() ? "" : "\n" + l.partyAddress());
              case "col.description" -> l.itemCode() + "\n" + l.description();
              case "col.quantity" -> p.qty(l.quantity()) + " " + l.unitCode();
              case "col.vatRate" -> p.qty(l.vatRate());
              default ->
                  switch (c.type()) {
                    case MONEY -> p.money((BigDecimal) c.value().apply(l));
                    case QTY -> p.qty((BigDecimal) c.value().apply(l));
                    case TEXT -> VatPapers.text(c, l, labels);
                    case BLANK -> "";
                  };
            });
      }
      rows.add(new Row(cells, false));
    }
    if (rows.isEmpty()) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < shown.size(); i++) {
        cells.add(shown.get(i).key().equals("col.description") ? labels.get("book.empty") : "");
      }
      rows.add(new Row(cells, false));
    }
    List<String> totals = new ArrayList<>();
    for (VatPapers.Column c : shown) {
      BigDecimal t = VatPapers.total(c, b);
      totals.add(c.key().equals("col.serial") ? "" : t == null ? "" : p.money(t));
    }
    totals.set(1, labels.get("book.total"));
    p.table(columns, rows, List.of(new Row(totals, true)));
    return p.finish(VatPapers.fileName(b, "pdf"));
  }

  /** Relative widths across a landscape page: the blank stock columns narrow. */
  private static float weight(VatPapers.Column c) {
    return switch (c.key()) {
      case "col.serial" -> 0.5f;
      case "col.date" -> 1.45f;
      case "col.SALES.party", "col.PURCHASE.party" -> 2.0f;
      case "col.description" -> 1.5f;
      case "col.SALES.document", "col.PURCHASE.document" -> 1.75f;
      case "col.quantity" -> 1.2f;
      case "col.vatRate" -> 0.7f;
      case "col.sd" -> 1.75f;
      case "col.taxableValue", "col.total" -> 1.6f;
      case "col.vat" -> 1.45f;
      case "col.remarks" -> 1.1f;
      default -> 1.4f;
    };
  }

  static PaperFile vatReturn(VatBooks.Return r, Letterhead head, VatPapers.Labels labels) {
    Paper p = Paper.open(head, labels.language(), false);
    p.title(labels.get("return.title"));
    p.subtitle(labels.get("return.subtitle", labels.month(r.year(), r.month())));
    p.text(labels.get("return.part1"), Style.BOLD, Align.LEFT);
    p.fields(
        List.of(
            new String[] {labels.get("col.partyBin"), r.company().bin()},
            new String[] {labels.get("return.period"), labels.month(r.year(), r.month())},
            new String[] {labels.get("return.name"), r.company().name()},
            new String[] {labels.get("col.partyAddress"), r.company().address()}),
        2);
    part(p, labels.get("return.part3"), r.supplies(), labels, "return.output", r.outputVat());
    part(p, labels.get("return.part4"), r.purchases(), labels, "return.input", r.inputVat());
    p.text(labels.get("return.part5"), Style.BOLD, Align.LEFT);
    part(
        p,
        labels.get("return.part5.increasing"),
        r.increasing(),
        labels,
        "return.increasingTotal",
        r.increasingTotal());
    part(
        p,
        labels.get("return.part5.decreasing"),
        r.decreasing(),
        labels,
        "return.decreasingTotal",
        r.decreasingTotal());
    p.text(labels.get("return.part6"), Style.BOLD, Align.LEFT);
    p.table(
        List.of(
            new Column(labels.get("return.col.description"), Align.LEFT, 8f),
            new Column(labels.get("return.col.vat"), Align.RIGHT, 2f)),
        List.of(),
        List.of(Row.total(labels.get("return.net"), p.money(r.netPayable()))));
    p.text(labels.get("return.blank"), Style.SMALL, Align.LEFT);
    return p.finish(VatPapers.fileName(r, "pdf"));
  }

  private static void part(
      Paper p,
      String title,
      List<VatBooks.ReturnLine> lines,
      VatPapers.Labels labels,
      String totalKey,
      BigDecimal total) {
    p.text(title, Style.BOLD, Align.LEFT);
    List<Column> columns =
        List.of(
            new Column(labels.get("return.col.note"), Align.CENTER, 0.7f),
            new Column(labels.get("return.col.description"), Align.LEFT, 4.6f),
            new Column(labels.get("return.col.rate"), Align.RIGHT, 0.8f),
            new Column(labels.get("return.col.value"), Align.RIGHT, 1.7f),
            new Column(labels.get("return.col.sd"), Align.RIGHT, 1.4f),
            new Column(labels.get("return.col.vat"), Align.RIGHT, 1.6f));
    List<Row> rows = new ArrayList<>();
    for (VatBooks.ReturnLine l : lines) {
      rows.add(
          Row.of(
              p.digits(l.note()),
              labels.note(l.note()),
              p.qty(l.rate()),
              p.money(l.value()),
              p.money(l.supplementaryDuty()),
              p.money(l.vat())));
    }
    if (rows.isEmpty()) {
      rows.add(Row.of("", labels.get("return.none"), "", "", "", ""));
    }
    BigDecimal value =
        lines.stream().map(VatBooks.ReturnLine::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal sd =
        lines.stream()
            .map(VatBooks.ReturnLine::supplementaryDuty)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    p.table(
        columns,
        rows,
        List.of(
            Row.total("", labels.get(totalKey), "", p.money(value), p.money(sd), p.money(total))));
  }
}
