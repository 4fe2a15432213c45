package io.millstone.server.papers.supply;

import io.millstone.server.papers.supply.Sheet.Column;
import io.millstone.server.papers.supply.Sheet.Field;
import io.millstone.server.papers.supply.Sheet.Row;
import io.millstone.server.papers.supply.Sheet.Table;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.FontSelector;
import org.openpdf.text.pdf.GlyphLayoutManager;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Draws a {@link Sheet} on A4: the company's name, address and BIN at the top of every page, "Page
 * X of Y" at the foot, table header rows repeated on every page a table runs over. Drawn twice: the
 * first time to count the pages.
 */
final class SheetPdf {
  private SheetPdf() {}

  record Drawn(byte[] bytes, int pages) {}

  private static final String FONTS = "/usr/share/fonts/truetype/noto/";
  private static final Color RULE = new Color(0x80, 0x80, 0x80);
  private static final Color HEAD = new Color(0xE8, 0xE8, 0xE8);

  static Drawn draw(Sheet sheet, SupplyLayouts layouts) {
    SupplyRecords.Company company = sheet.company();
    Drawn first = once(sheet, layouts, company, 0);
    return once(sheet, layouts, company, first.pages());
  }

  /** The fonts of one document: Latin first, Bengali for what Latin cannot show. */
  private record Fonts(
      GlyphLayoutManager glm,
      BaseFont latin,
      BaseFont latinBold,
      BaseFont bengali,
      BaseFont bengaliBold) {
    static Fonts load() {
      GlyphLayoutManager glm = new GlyphLayoutManager();
      try {
        return new Fonts(
            glm,
            glm.loadFont(FONTS + "NotoSans-Regular.ttf", 9).getBaseFont(),
            glm.loadFont(FONTS + "NotoSans-Bold.ttf", 9).getBaseFont(),
            glm.loadFont(FONTS + "NotoSansBengali-Regular.ttf", 9).getBaseFont(),
            glm.loadFont(FONTS + "NotoSansBengali-Bold.ttf", 9).getBaseFont());
      } catch (Exception e) {
        throw new IllegalStateException("the fonts of printed papers cannot be loaded", e);
      }
    }

    Phrase text(String s, float size, boolean bold) {
      return text(s, size, bold, Color.BLACK);
    }

    Phrase text(String s, float size, boolean bold, Color color) {
      FontSelector f = new FontSelector();
      f.addFont(new Font(bold ? latinBold : latin, size, Font.NORMAL, color));
      f.addFont(new Font(bold ? bengaliBold : bengali, size, Font.NORMAL, color));
      return f.process(s == null ? "" : s);
    }
  }

  private static Drawn once(
      Sheet sheet, SupplyLayouts layouts, SupplyRecords.Company company, int total) {
    Fonts fonts = Fonts.load();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4, 36, 36, 96, 54);
    try {
      PdfWriter writer = PdfWriter.getInstance(doc, out);
      doc.setGlyphLayoutManager(fonts.glm());
      writer.setGlyphLayoutManager(fonts.glm());
      int[] pages = {0};
      writer.setPageEvent(
          new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter w, Document d) {
              pages[0] = w.getPageNumber();
              frame(w.getDirectContent(), d, fonts, sheet, layouts, company, pages[0], total);
            }
          });
      doc.open();
      body(doc, sheet, fonts);
      doc.close();
      return new Drawn(out.toByteArray(), pages[0]);
    } catch (DocumentException e) {
      throw new IllegalStateException("the paper " + sheet.fileName() + " cannot be drawn", e);
    }
  }

  private static void frame(
      PdfContentByte cb,
      Document d,
      Fonts fonts,
      Sheet sheet,
      SupplyLayouts layouts,
      SupplyRecords.Company company,
      int page,
      int total) {
    Rectangle p = d.getPageSize();
    float mid = p.getWidth() / 2;
    float top = p.getHeight() - 34;
    ColumnText.showTextAligned(
        cb, Element.ALIGN_CENTER, fonts.text(company.name(), 14, true), mid, top, 0);
    float y = top - 15;
    if (!company.address().isBlank()) {
      ColumnText.showTextAligned(
          cb,
          Element.ALIGN_CENTER,
          fonts.text(company.address().replace('\n', ',').replace(",,", ","), 9, false),
          mid,
          y,
          0);
      y -= 12;
    }
    if (!company.bin().isBlank()) {
      ColumnText.showTextAligned(
          cb,
          Element.ALIGN_CENTER,
          fonts.text(layouts.label("bin") + ": " + company.bin(), 9, false),
          mid,
          y,
          0);
      y -= 12;
    }
    cb.setColorStroke(RULE);
    cb.setLineWidth(0.8f);
    cb.moveTo(d.left(), p.getHeight() - 84);
    cb.lineTo(d.right(), p.getHeight() - 84);
    cb.moveTo(d.left(), 42);
    cb.lineTo(d.right(), 42);
    cb.stroke();
    String name = sheet.fileName().replaceFirst("\\.pdf$", "");
    ColumnText.showTextAligned(
        cb, Element.ALIGN_LEFT, fonts.text(sheet.title() + " " + name, 8, false), d.left(), 30, 0);
    ColumnText.showTextAligned(
        cb,
        Element.ALIGN_RIGHT,
        fonts.text(layouts.label("page", page, Math.max(total, page)), 8, false),
        d.right(),
        30,
        0);
  }

  private static void body(Document doc, Sheet sheet, Fonts fonts) throws DocumentException {
    Paragraph title = new Paragraph(fonts.text(sheet.title(), 14, true));
    title.setAlignment(Element.ALIGN_CENTER);
    title.setSpacingAfter(4);
    doc.add(title);
    if (!sheet.stamp().isBlank()) {
      Paragraph stamp = new Paragraph(fonts.text(sheet.stamp(), 12, true, new Color(0xB0, 0, 0)));
      stamp.setAlignment(Element.ALIGN_CENTER);
      doc.add(stamp);
    }
    PdfPTable head = new PdfPTable(new float[] {1.15f, 1f});
    head.setWidthPercentage(100);
    head.setSpacingBefore(6);
    head.setSpacingAfter(10);
    head.addCell(plain(fields(sheet.party(), fonts, new float[] {1f, 2.6f})));
    head.addCell(plain(fields(sheet.document(), fonts, new float[] {1f, 2.3f})));
    doc.add(head);
    for (Table t : sheet.tables()) {
      if (!t.caption().isBlank()) {
        Paragraph caption = new Paragraph(fonts.text(t.caption(), 10, true));
        caption.setSpacingBefore(6);
        caption.setSpacingAfter(3);
        doc.add(caption);
      }
      doc.add(table(t, fonts));
    }
    if (!sheet.totals().isEmpty()) {
      PdfPTable totals =
          fields(
              sheet.totals(),
              fonts,
              sheet.tables().isEmpty() ? new float[] {1f, 2.6f} : new float[] {1.3f, 1.7f});
      totals.setWidthPercentage(sheet.tables().isEmpty() ? 100 : 50);
      totals.setHorizontalAlignment(
          sheet.tables().isEmpty() ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
      totals.setSpacingBefore(8);
      alignValues(totals, !sheet.tables().isEmpty());
      doc.add(totals);
    }
    if (!sheet.words().isBlank()) {
      Paragraph words = new Paragraph(fonts.text(sheet.words(), 10, true));
      words.setSpacingBefore(8);
      doc.add(words);
    }
    if (sheet.note() != null && !sheet.note().isBlank()) {
      Paragraph note = new Paragraph(fonts.text(sheet.note(), 9, false));
      note.setSpacingBefore(6);
      doc.add(note);
    }
    if (!sheet.signatures().isEmpty()) {
      int n = sheet.signatures().size();
      float[] widths = new float[2 * n - 1];
      for (int i = 0; i < widths.length; i++) {
        widths[i] = i % 2 == 0 ? 3f : 1f;
      }
      PdfPTable signs = new PdfPTable(widths);
      signs.setWidthPercentage(100);
      signs.setSpacingBefore(48);
      boolean first = true;
      for (String s : sheet.signatures()) {
        if (!first) {
          PdfPCell gap = new PdfPCell();
          gap.setBorder(Rectangle.NO_BORDER);
          signs.addCell(gap);
        }
        first = false;
        PdfPCell c = new PdfPCell(fonts.text(s, 9, false));
        c.setBorder(Rectangle.TOP);
        c.setBorderColor(RULE);
        c.setPaddingTop(4);
        c.setHorizontalAlignment(Element.ALIGN_CENTER);
        signs.addCell(c);
      }
      doc.add(signs);
    }
  }

  private static PdfPCell plain(PdfPTable inner) {
    PdfPCell c = new PdfPCell(inner);
    c.setBorder(Rectangle.NO_BORDER);
    c.setPadding(0);
    return c;
  }

  private static PdfPTable fields(List<Field> fields, Fonts fonts, float[] widths) {
    PdfPTable t = new PdfPTable(widths);
    t.setWidthPercentage(100);
    for (Field f : fields) {
      PdfPCell l = new PdfPCell(fonts.text(f.label(), 9, false, new Color(0x40, 0x40, 0x40)));
      PdfPCell v = new PdfPCell(fonts.text(f.value(), f.emphasis() ? 10 : 9, f.emphasis()));
      for (PdfPCell c : List.of(l, v)) {
        c.setBorder(Rectangle.NO_BORDER);
        c.setPaddingTop(1);
        c.setPaddingBottom(2);
        t.addCell(c);
      }
    }
    return t;
  }

  private static void alignValues(PdfPTable t, boolean right) {
    for (int r = 0; r < t.getRows().size(); r++) {
      PdfPCell[] cells = t.getRow(r).getCells();
      if (right && cells.length > 1 && cells[1] != null) {
        cells[1].setHorizontalAlignment(Element.ALIGN_RIGHT);
      }
    }
  }

  private static PdfPTable table(Table table, Fonts fonts) {
    float[] widths = new float[table.columns().size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = table.columns().get(i).weight();
    }
    PdfPTable t = new PdfPTable(widths);
    t.setWidthPercentage(100);
    t.setHeaderRows(1);
    for (Column col : table.columns()) {
      PdfPCell c = new PdfPCell(fonts.text(col.header(), 8.5f, true));
      c.setBackgroundColor(HEAD);
      c.setBorderColor(RULE);
      c.setPadding(3);
      c.setHorizontalAlignment(col.right() ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
      t.addCell(c);
    }
    for (Row row : table.rows()) {
      for (int i = 0; i < table.columns().size(); i++) {
        String cell = i < row.cells().size() ? row.cells().get(i) : "";
        PdfPCell c = new PdfPCell(fonts.text(cell, 8.5f, row.emphasis()));
        c.setBorderColor(RULE);
        c.setPadding(3);
        c.setHorizontalAlignment(
            table.columns().get(i).right() ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        t.addCell(c);
      }
    }
    return t;
  }
}
