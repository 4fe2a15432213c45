package io.millstone.server.papers;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.GlyphLayoutManager;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * One printed document being written: A4 portrait or landscape, every page framed with the
 * company's name, address and BIN on top and "Page X of Y" at the bottom ({@link PaperFrame}). Text
 * is set in Noto Sans, Bengali runs in Noto Sans Bengali, shaped by the document's own {@link
 * GlyphLayoutManager} (conjuncts, pre-base vowel signs, reph). Tables repeat their header row on
 * every page; rows given as totals come after the last row, so they print on the last page only.
 *
 * <pre>{@code
 * Paper p = Paper.open(letterhead, PaperLanguage.BANGLA, false);
 * p.title(p.label("paper.invoice.title"));
 * p.table(columns, rows, totals);
 * PaperFile f = p.finish("mushak-6.3-INV-1.pdf");
 * }</pre>
 */
public final class Paper {
  /** How a column's cells are aligned. */
  public enum Align {
    LEFT(Element.ALIGN_LEFT),
    RIGHT(Element.ALIGN_RIGHT),
    CENTER(Element.ALIGN_CENTER);

    final int pdf;

    Align(int pdf) {
      this.pdf = pdf;
    }
  }

  /** The type sizes and weights a paper uses. */
  public enum Style {
    NORMAL(8.5f, false),
    BOLD(8.5f, true),
    SMALL(7f, false),
    HEADER(8f, true),
    TITLE(13f, true),
    SUBTITLE(9.5f, false),
    COMPANY(12f, true);

    final float size;
    final boolean bold;

    Style(float size, boolean bold) {
      this.size = size;
      this.bold = bold;
    }
  }

  /** A table column: its header, alignment and relative width (0: from its longest text). */
  public record Column(String header, Align align, float weight) {
    public static Column left(String header) {
      return new Column(header, Align.LEFT, 0);
    }

    public static Column right(String header) {
      return new Column(header, Align.RIGHT, 0);
    }
  }

  /** A table row; an emphasised row (a total) prints bold. */
  public record Row(List<String> cells, boolean emphasis) {
    public static Row of(String... cells) {
      return new Row(List.of(cells), false);
    }

    public static Row total(String... cells) {
      return new Row(List.of(cells), true);
    }
  }

  static final float MARGIN = 36f;
  static final float TOP = 84f;
  static final float BOTTOM = 48f;

  /** Rows added to a long table before it is written out (its memory stays bounded). */
  private static final int ROWS_PER_FLUSH = 500;

  private final Letterhead head;
  private final PaperLanguage lang;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
  private final Document doc;
  private final PdfWriter writer;
  private final PaperFonts fonts;
  private final PaperFrame frame;

  private Paper(Letterhead head, PaperLanguage lang, boolean landscape) {
    this.head = head;
    this.lang = lang;
    // Landscape as a wider page, not a rotated one: previews and printers need not turn it.
    Rectangle size =
        landscape ? new Rectangle(PageSize.A4.getHeight(), PageSize.A4.getWidth()) : PageSize.A4;
    doc = new Document(size, MARGIN, MARGIN, TOP, BOTTOM);
    GlyphLayoutManager glm = new GlyphLayoutManager().setWriteActualText(true);
    // The manager must be the document's before the writer is made: the writer takes it from there.
    doc.setGlyphLayoutManager(glm);
    writer = PdfWriter.getInstance(doc, bytes);
    writer.setGlyphLayoutManager(glm);
    fonts = new PaperFonts(glm);
    frame = new PaperFrame(this);
    writer.setPageEvent(frame);
    doc.addCreator("Millstone");
    doc.open();
  }

  /** A new document for a company in a language, portrait or landscape A4. */
  public static Paper open(Letterhead head, PaperLanguage lang, boolean landscape) {
    return new Paper(head, lang, landscape);
  }

  public Letterhead head() {
    return head;
  }

  public PaperLanguage language() {
    return lang;
  }

  /** A label in the paper's language. */
  public String label(String key, Object... args) {
    return lang.label(key, args);
  }

  /** Money in the company's grouping and the paper's digits. */
  public String money(BigDecimal v) {
    return v == null ? "" : lang.money(v, head.grouping());
  }

  public String qty(BigDecimal v) {
    return v == null ? "" : lang.qty(v);
  }

  public String date(LocalDate d) {
    return lang.date(d, head.dateFormat());
  }

  /** A date and time of day in the company's zone. */
  public String dateTime(Instant at) {
    return lang.dateTime(at, head.dateFormat(), head.zone());
  }

  public String digits(String s) {
    return lang.digits(s);
  }

  /** An amount in words in the paper's language. */
  public String inWords(BigDecimal v) {
    return lang.inWords(v);
  }

  /** The document's title, centred and large. */
  public void title(String text) {
    Paragraph p = new Paragraph(phrase(text, Style.TITLE));
    p.setAlignment(Element.ALIGN_CENTER);
    p.setSpacingAfter(2);
    doc.add(p);
  }

  /** A line under the title, centred. */
  public void subtitle(String text) {
    Paragraph p = new Paragraph(phrase(text, Style.SUBTITLE));
    p.setAlignment(Element.ALIGN_CENTER);
    p.setSpacingAfter(4);
    doc.add(p);
  }

  /** A paragraph of text. */
  public void text(String text, Style style, Align align) {
    Paragraph p = new Paragraph(phrase(text, style));
    p.setAlignment(align.pdf);
    p.setSpacingBefore(2);
    doc.add(p);
  }

  /** Empty space down the page. */
  public void space(float points) {
    Paragraph p = new Paragraph(phrase(" ", Style.SMALL));
    p.setLeading(points);
    doc.add(p);
  }

  /**
   * Labelled values side by side, {@code perRow} pairs across the page (no borders): "Invoice no.:
   * INV-1 | Date: 01/12/2026".
   */
  public void fields(List<String[]> pairs, int perRow) {
    PdfPTable t = new PdfPTable(perRow * 2);
    float[] w = new float[perRow * 2];
    for (int i = 0; i < w.length; i++) {
      w[i] = i % 2 == 0 ? 1f : 2f;
    }
    t.setWidths(w);
    t.setWidthPercentage(100);
    t.setSpacingBefore(4);
    t.setSpacingAfter(4);
    for (String[] pair : pairs) {
      t.addCell(cell(pair[0], Style.BOLD, Align.LEFT, false));
      t.addCell(cell(pair[1], Style.NORMAL, Align.LEFT, false));
    }
    int left = pairs.size() % perRow;
    for (int i = 0; left > 0 && i < (perRow - left) * 2; i++) {
      t.addCell(cell("", Style.NORMAL, Align.LEFT, false));
    }
    doc.add(t);
  }

  /**
   * Boxes side by side, each a heading over lines (the seller and the buyer): an empty line leaves
   * its place in the box, so a missing BIN or address is seen to be missing.
   */
  public void boxes(List<String> headings, List<List<String>> lines) {
    PdfPTable t = new PdfPTable(headings.size());
    t.setWidthPercentage(100);
    t.setSpacingBefore(4);
    t.setSpacingAfter(6);
    for (int i = 0; i < headings.size(); i++) {
      PdfPCell c = new PdfPCell(phrase("", Style.NORMAL));
      c.setPadding(5);
      c.setBorderWidth(0.5f);
      c.addElement(new Paragraph(phrase(headings.get(i), Style.HEADER)));
      for (String line : lines.get(i)) {
        c.addElement(new Paragraph(phrase(line.isEmpty() ? " " : line, Style.NORMAL)));
      }
      t.addCell(c);
    }
    doc.add(t);
  }

  /**
   * A table: the header row repeats on every page, {@code totals} follow the last row (bold).
   * Widths are the columns' weights, or where a weight is 0 the longest text of the column.
   */
  public void table(List<Column> columns, List<Row> rows, List<Row> totals) {
    PdfPTable t = new PdfPTable(widths(columns, rows));
    t.setWidthPercentage(100);
    t.setHeaderRows(1);
    t.setSpacingBefore(4);
    t.setComplete(false);
    for (Column c : columns) {
      PdfPCell h = cell(c.header(), Style.HEADER, c.align(), true);
      h.setGrayFill(0.9f);
      t.addCell(h);
    }
    int n = 0;
    for (Row r : rows) {
      addRow(t, columns, r);
      if (++n % ROWS_PER_FLUSH == 0) {
        doc.add(t);
      }
    }
    for (Row r : totals) {
      addRow(t, columns, new Row(r.cells(), true));
    }
    t.setComplete(true);
    doc.add(t);
  }

  private void addRow(PdfPTable t, List<Column> columns, Row r) {
    for (int i = 0; i < columns.size(); i++) {
      String text = i < r.cells().size() ? r.cells().get(i) : "";
      t.addCell(cell(text, r.emphasis() ? Style.BOLD : Style.NORMAL, columns.get(i).align(), true));
    }
  }

  /** Signature lines across the foot of the content: a line over each label. */
  public void signatures(List<String> labels) {
    PdfPTable t = new PdfPTable(labels.size());
    t.setWidthPercentage(100);
    t.setSpacingBefore(36);
    t.setKeepTogether(true);
    for (String label : labels) {
      PdfPCell c = cell(label, Style.NORMAL, Align.CENTER, false);
      c.setBorder(Rectangle.TOP);
      c.setBorderWidthTop(0.5f);
      c.setPaddingLeft(12);
      c.setPaddingRight(12);
      PdfPCell outer = new PdfPCell(phrase("", Style.NORMAL));
      outer.setBorder(Rectangle.NO_BORDER);
      outer.setPaddingLeft(10);
      outer.setPaddingRight(10);
      PdfPTable inner = new PdfPTable(1);
      inner.setWidthPercentage(100);
      inner.addCell(c);
      outer.addElement(inner);
      t.addCell(outer);
    }
    doc.add(t);
  }

  /** Starts a new page (the copy of an invoice after its original). */
  public void newPage() {
    doc.newPage();
  }

  /** Closes the document and returns it as a PDF file named {@code fileName}. */
  public PaperFile finish(String fileName) {
    doc.close();
    return new PaperFile(bytes.toByteArray(), fileName, PaperFile.PDF, frame.pages());
  }

  /** A table cell: padded, thin border or none, text in the paper's fonts. */
  PdfPCell cell(String text, Style style, Align align, boolean border) {
    PdfPCell c = new PdfPCell(phrase(text == null ? "" : text, style));
    c.setHorizontalAlignment(align.pdf);
    c.setVerticalAlignment(Element.ALIGN_MIDDLE);
    c.setPaddingTop(2);
    c.setPaddingBottom(4);
    c.setPaddingLeft(3);
    c.setPaddingRight(3);
    c.setUseAscender(true);
    if (border) {
      c.setBorderWidth(0.5f);
    } else {
      c.setBorder(Rectangle.NO_BORDER);
    }
    return c;
  }

  /**
   * Text as a phrase: each run of Bengali letters in Noto Sans Bengali, everything else in Noto
   * Sans; spaces go with the run they are in.
   */
  public Phrase phrase(String text, Style style) {
    Phrase p = new Phrase();
    // Every font a document uses must be loaded into its layout manager: even an empty phrase
    // gets Noto, never the default Helvetica.
    p.setFont(font(false, style));
    p.setLeading(style.size * 1.45f);
    // A paragraph made from this phrase takes its font for its own line ends: without one it is
    // Helvetica, which the glyph layout refuses (supply-papers: a small fix).
    p.setFont(font(false, style));
    StringBuilder run = new StringBuilder();
    Boolean runBengali = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      Boolean bengali = Character.isWhitespace(cp) ? null : isBengali(cp);
      if (bengali != null && runBengali != null && !bengali.equals(runBengali)) {
        p.add(new Chunk(run.toString(), font(runBengali, style)));
        run.setLength(0);
      }
      if (bengali != null) {
        runBengali = bengali;
      }
      run.appendCodePoint(cp);
      i += Character.charCount(cp);
    }
    if (!run.isEmpty()) {
      p.add(new Chunk(run.toString(), font(Boolean.TRUE.equals(runBengali), style)));
    }
    return p;
  }

  /** The width {@code text} takes in {@code style}, in points (Bengali measured unshaped). */
  static float width(String text, Style style) {
    float w = 0;
    StringBuilder run = new StringBuilder();
    boolean runBengali = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      boolean bengali = isBengali(cp);
      if (bengali != runBengali && !run.isEmpty()) {
        w +=
            PaperFonts.Measure.of(runBengali, style.bold).getWidthPoint(run.toString(), style.size);
        run.setLength(0);
      }
      runBengali = bengali;
      run.appendCodePoint(cp);
      i += Character.charCount(cp);
    }
    return w
        + PaperFonts.Measure.of(runBengali, style.bold).getWidthPoint(run.toString(), style.size);
  }

  /** Each column's natural width: its longest text (header or cell) plus padding. */
  static float[] naturalWidths(List<Column> columns, List<Row> rows) {
    float[] w = new float[columns.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = width(columns.get(i).header(), Style.HEADER);
    }
    for (Row r : rows) {
      for (int i = 0; i < w.length && i < r.cells().size(); i++) {
        w[i] = Math.max(w[i], width(r.cells().get(i), r.emphasis() ? Style.BOLD : Style.NORMAL));
      }
    }
    for (int i = 0; i < w.length; i++) {
      w[i] += 8;
    }
    return w;
  }

  private float[] widths(List<Column> columns, List<Row> rows) {
    float[] natural = null;
    float[] w = new float[columns.size()];
    for (int i = 0; i < w.length; i++) {
      if (columns.get(i).weight() > 0) {
        w[i] = columns.get(i).weight();
      } else {
        if (natural == null) {
          natural = naturalWidths(columns, rows);
        }
        w[i] = natural[i];
      }
    }
    return w;
  }

  /** The width a table has across a page: A4 less the margins. */
  float contentWidth() {
    return doc.getPageSize().getWidth() - 2 * MARGIN;
  }

  /** The width across a portrait A4 page, less the margins. */
  public static float portraitWidth() {
    return PageSize.A4.getWidth() - 2 * MARGIN;
  }

  /** Whether a table's columns, at their longest text, are wider than a portrait page. */
  public static boolean needsLandscape(List<Column> columns, List<Row> rows) {
    float sum = 0;
    for (float w : naturalWidths(columns, rows)) {
      sum += w;
    }
    return sum > portraitWidth();
  }

  Font font(boolean bengali, Style style) {
    return new Font(base(bengali, style), style.size);
  }

  private BaseFont base(boolean bengali, Style style) {
    if (bengali) {
      return style.bold ? fonts.bengaliBold : fonts.bengali;
    }
    return style.bold ? fonts.latinBold : fonts.latin;
  }

  PdfWriter writer() {
    return writer;
  }

  Document document() {
    return doc;
  }

  /** Bengali letters, signs and digits, the danda, and the joiners that shape them. */
  static boolean isBengali(int cp) {
    return (cp >= 0x0980 && cp <= 0x09FF)
        || cp == 0x0964
        || cp == 0x0965
        || cp == 0x200C
        || cp == 0x200D;
  }
}
