package io.millstone.server.papers.vat;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.util.List;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/** Mushak 6.1, 6.2 and 9.1 as A4 PDFs: the books landscape (every column), the return portrait. */
final class VatPdf {
  private VatPdf() {}

  /** The fonts of a paper in its language. */
  interface Fonts {
    Font font(float size, boolean bold);
  }

  static Fonts fonts(VatPapers.Labels labels) {
    return (size, bold) -> new Font(Font.HELVETICA, size, bold ? Font.BOLD : Font.NORMAL);
  }

  static String money(BigDecimal v) {
    return new DecimalFormat("#,##0.00").format(v.setScale(2, RoundingMode.HALF_UP));
  }

  static String qty(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return new DecimalFormat("#,##0.######").format(s.scale() < 0 ? s.setScale(0) : s);
  }

  private static PdfPCell cell(String text, Font f, int align, boolean shaded) {
    PdfPCell c = new PdfPCell(new Phrase(text, f));
    c.setHorizontalAlignment(align);
    c.setVerticalAlignment(Element.ALIGN_MIDDLE);
    c.setPadding(2f);
    if (shaded) {
      c.setBackgroundColor(new Color(0xE4, 0xE4, 0xE4));
    }
    return c;
  }

  private static void heading(
      Document d, Fonts fonts, String title, String subtitle, String... more) {
    Paragraph t = new Paragraph(title, fonts.font(13, true));
    t.setAlignment(Element.ALIGN_CENTER);
    d.add(t);
    Paragraph s = new Paragraph(subtitle, fonts.font(8, false));
    s.setAlignment(Element.ALIGN_CENTER);
    s.setSpacingAfter(4f);
    d.add(s);
    for (String m : more) {
      d.add(new Paragraph(m, fonts.font(8, false)));
    }
  }

  static VatPapers.Paper book(VatBooks.Book b, VatPapers.Labels labels) {
    Fonts fonts = fonts(labels);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Document d = new Document(PageSize.A4.rotate(), 20, 20, 24, 24);
    PdfWriter w = PdfWriter.getInstance(d, bytes);
    d.open();
    heading(
        d,
        fonts,
        labels.get("book." + b.kind() + ".title"),
        labels.get("book." + b.kind() + ".subtitle"),
        labels.get("book.company", b.company().name())
            + "    "
            + labels.get("book.bin", b.company().bin())
            + "    "
            + labels.get("book.address", b.company().address()),
        VatPapers.period(b, labels));
    List<VatPapers.Column> cols = VatPapers.columns(b.kind());
    float[] widths = new float[cols.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = cols.get(i).weight();
    }
    PdfPTable t = new PdfPTable(widths);
    t.setWidthPercentage(100);
    t.setSpacingBefore(6f);
    t.setHeaderRows(2);
    Font head = fonts.font(5.5f, true);
    Font body = fonts.font(5.5f, false);
    Font bold = fonts.font(5.5f, true);
    for (VatPapers.Column c : cols) {
      t.addCell(cell(labels.get(c.key()), head, Element.ALIGN_CENTER, true));
    }
    for (int i = 0; i < cols.size(); i++) {
      t.addCell(cell("(" + (i + 1) + ")", head, Element.ALIGN_CENTER, true));
    }
    for (VatBooks.Line l : b.lines()) {
      for (VatPapers.Column c : cols) {
        switch (c.type()) {
          case MONEY ->
              t.addCell(
                  cell(money((BigDecimal) c.value().apply(l)), body, Element.ALIGN_RIGHT, false));
          case QTY ->
              t.addCell(
                  cell(qty((BigDecimal) c.value().apply(l)), body, Element.ALIGN_RIGHT, false));
          case TEXT ->
              t.addCell(cell(VatPapers.text(c, l, labels), body, Element.ALIGN_LEFT, false));
          case BLANK -> t.addCell(cell("", body, Element.ALIGN_LEFT, false));
        }
      }
    }
    if (b.lines().isEmpty()) {
      PdfPCell none = cell(labels.get("book.empty"), body, Element.ALIGN_CENTER, false);
      none.setColspan(cols.size());
      t.addCell(none);
    }
    for (int i = 0; i < cols.size(); i++) {
      BigDecimal total = VatPapers.total(cols.get(i), b);
      String text = i == 0 ? labels.get("book.total") : total == null ? "" : money(total);
      t.addCell(cell(text, bold, i == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT, true));
    }
    d.add(t);
    int pages = w.getPageNumber();
    d.close();
    return new VatPapers.Paper(
        bytes.toByteArray(), VatPapers.fileName(b, "pdf"), VatPapers.PDF, pages);
  }

  static VatPapers.Paper vatReturn(VatBooks.Return r, VatPapers.Labels labels) {
    Fonts fonts = fonts(labels);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Document d = new Document(PageSize.A4, 36, 36, 36, 36);
    PdfWriter w = PdfWriter.getInstance(d, bytes);
    d.open();
    heading(
        d,
        fonts,
        labels.get("return.title"),
        labels.get("return.subtitle", labels.month(r.year(), r.month())));
    Font head = fonts.font(8, true);
    Font body = fonts.font(8, false);
    PdfPTable t = new PdfPTable(new float[] {0.7f, 5f, 0.9f, 2f, 1.5f, 2f});
    t.setWidthPercentage(100);
    t.setSpacingBefore(6f);
    section(t, labels.get("return.part1"), head);
    info(t, labels.get("book.company", r.company().name()), body);
    info(t, labels.get("book.bin", r.company().bin()), body);
    info(t, labels.get("book.address", r.company().address()), body);
    part(t, labels.get("return.part3"), r.supplies(), labels, head, body);
    sum(t, labels.get("return.output"), r.outputVat(), head);
    part(t, labels.get("return.part4"), r.purchases(), labels, head, body);
    sum(t, labels.get("return.input"), r.inputVat(), head);
    section(t, labels.get("return.part5"), head);
    part(t, labels.get("return.part5.increasing"), r.increasing(), labels, head, body);
    sum(t, labels.get("return.increasingTotal"), r.increasingTotal(), head);
    part(t, labels.get("return.part5.decreasing"), r.decreasing(), labels, head, body);
    sum(t, labels.get("return.decreasingTotal"), r.decreasingTotal(), head);
    section(t, labels.get("return.part6"), head);
    sum(t, labels.get("return.net"), r.netPayable(), head);
    d.add(t);
    Paragraph note = new Paragraph(labels.get("return.blank"), fonts.font(7, false));
    note.setSpacingBefore(8f);
    d.add(note);
    int pages = w.getPageNumber();
    d.close();
    return new VatPapers.Paper(
        bytes.toByteArray(), VatPapers.fileName(r, "pdf"), VatPapers.PDF, pages);
  }

  private static void section(PdfPTable t, String title, Font f) {
    PdfPCell c = cell(title, f, Element.ALIGN_LEFT, true);
    c.setColspan(6);
    t.addCell(c);
  }

  private static void info(PdfPTable t, String text, Font f) {
    PdfPCell c = cell(text, f, Element.ALIGN_LEFT, false);
    c.setColspan(6);
    t.addCell(c);
  }

  private static void part(
      PdfPTable t,
      String title,
      List<VatBooks.ReturnLine> lines,
      VatPapers.Labels labels,
      Font head,
      Font body) {
    section(t, title, head);
    for (String k :
        List.of(
            "return.col.note",
            "return.col.description",
            "return.col.rate",
            "return.col.value",
            "return.col.sd",
            "return.col.vat")) {
      t.addCell(cell(labels.get(k), head, Element.ALIGN_CENTER, false));
    }
    if (lines.isEmpty()) {
      PdfPCell c = cell(labels.get("return.none"), body, Element.ALIGN_CENTER, false);
      c.setColspan(6);
      t.addCell(c);
    }
    for (VatBooks.ReturnLine l : lines) {
      t.addCell(cell(l.note(), body, Element.ALIGN_CENTER, false));
      t.addCell(cell(labels.note(l.note()), body, Element.ALIGN_LEFT, false));
      t.addCell(cell(qty(l.rate()), body, Element.ALIGN_RIGHT, false));
      t.addCell(cell(money(l.value()), body, Element.ALIGN_RIGHT, false));
      t.addCell(cell(money(l.supplementaryDuty()), body, Element.ALIGN_RIGHT, false));
      t.addCell(cell(money(l.vat()), body, Element.ALIGN_RIGHT, false));
    }
  }

  private static void sum(PdfPTable t, String label, BigDecimal vat, Font f) {
    PdfPCell c = cell(label, f, Element.ALIGN_LEFT, false);
    c.setColspan(5);
    t.addCell(c);
    t.addCell(cell(money(vat), f, Element.ALIGN_RIGHT, false));
  }
}
