package io.millstone.server.papers;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

/**
 * What every page of a paper carries: the company's name, address and BIN across the top over a
 * rule, and "Page X of Y" at the foot (Y is written into a shared template when the document
 * closes, so the pages need not be counted first).
 */
final class PaperFrame extends PdfPageEventHelper {
  private static final float TOTAL_WIDTH = 40f;

  private final Paper paper;
  private PdfTemplate total;
  private int pages;

  PaperFrame(Paper paper) {
    this.paper = paper;
  }

  int pages() {
    return pages;
  }

  @Override
  public void onOpenDocument(PdfWriter writer, Document document) {
    total = writer.getDirectContent().createTemplate(TOTAL_WIDTH, 14);
  }

  @Override
  public void onEndPage(PdfWriter writer, Document document) {
    pages++;
    PdfContentByte cb = writer.getDirectContent();
    Rectangle page = document.getPageSize();
    float left = Paper.MARGIN;
    float right = page.getWidth() - Paper.MARGIN;
    float top = page.getHeight() - 28;
    Letterhead head = paper.head();
    ColumnText.showTextAligned(
        cb,
        Element.ALIGN_CENTER,
        paper.phrase(head.name(), Paper.Style.COMPANY),
        page.getWidth() / 2,
        top,
        0);
    if (!head.address().isBlank()) {
      ColumnText.showTextAligned(
          cb,
          Element.ALIGN_CENTER,
          paper.phrase(head.address(), Paper.Style.SMALL),
          page.getWidth() / 2,
          top - 14,
          0);
    }
    ColumnText.showTextAligned(
        cb,
        Element.ALIGN_CENTER,
        paper.phrase(
            paper.label("paper.bin", head.bin().isBlank() ? "—" : head.bin()), Paper.Style.SMALL),
        page.getWidth() / 2,
        top - 25,
        0);
    cb.setLineWidth(0.6f);
    cb.moveTo(left, top - 33);
    cb.lineTo(right, top - 33);
    cb.stroke();

    float foot = 24;
    Phrase pageOf =
        paper.phrase(
            paper.label("paper.page_of", paper.digits(Integer.toString(pages))), Paper.Style.SMALL);
    ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, pageOf, right - TOTAL_WIDTH, foot, 0);
    cb.addTemplate(total, right - TOTAL_WIDTH + 2, foot - 3);
  }

  @Override
  public void onCloseDocument(PdfWriter writer, Document document) {
    ColumnText.showTextAligned(
        total,
        Element.ALIGN_LEFT,
        paper.phrase(paper.digits(Integer.toString(pages)), Paper.Style.SMALL),
        0,
        3,
        0);
  }
}
