package io.millstone.server.papers;

import io.millstone.server.papers.Paper.Align;
import io.millstone.server.papers.Paper.Column;
import io.millstone.server.papers.Paper.Row;
import io.millstone.server.papers.Paper.Style;
import io.millstone.server.papers.SalesPaperData.DeliveryDoc;
import io.millstone.server.papers.SalesPaperData.InvoiceDoc;
import io.millstone.server.papers.SalesPaperData.InvoiceLine;
import io.millstone.server.papers.SalesPaperData.Party;
import io.millstone.server.papers.SalesPaperData.ReceiptDoc;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.error.NotFoundException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The papers handed over with goods and money: the tax invoice (Mushak 6.3, original and copy), the
 * credit note (Mushak 6.7), the delivery challan with its gate pass, and the money receipt. Each is
 * read in one short transaction and laid out after it has closed.
 */
public final class SalesPapers {
  private final Transactions tx;

  public SalesPapers(Transactions tx) {
    this.tx = tx;
  }

  private record Read<T>(Letterhead head, T doc) {}

  /** Reads a document of the company by its id, or null when there is none. */
  @FunctionalInterface
  private interface Reader<T> {
    T read(java.sql.Connection c, UUID id) throws java.sql.SQLException;
  }

  /**
   * The company's letterhead and the document {@code id} in one transaction; NOT_FOUND names {@code
   * what} when the company has no such document.
   */
  private <T> Read<T> read(Actor actor, String id, String what, Reader<T> reader) {
    UUID uuid = Ids.parse(id, "id");
    Read<T> r =
        tx.sqlInCompany(
            actor,
            (t, c) -> new Read<>(Letterhead.read(c, actor.companyId()), reader.read(c, uuid)));
    if (r.doc() == null) {
      throw new NotFoundException(what, id);
    }
    return r;
  }

  /** Mushak 6.3 of a sales invoice: the original, then the copy on its own pages. */
  public PaperFile taxInvoice(Actor actor, String id, String language) {
    PaperLanguage lang = PaperLanguage.parse(language, "language");
    Read<InvoiceDoc> r =
        read(actor, id, "Invoice", (c, uuid) -> SalesPaperData.invoice(c, uuid, "INVOICE"));
    InvoiceDoc inv = r.doc();
    Paper p = Paper.open(r.head(), lang, false);
    for (String copy : List.of("paper.original", "paper.copy")) {
      if (!copy.equals("paper.original")) {
        p.newPage();
      }
      formHead(p, "paper.invoice.form", "paper.invoice.title", copy);
      p.text(p.label("paper.invoice.rule"), Style.SMALL, Align.CENTER);
      parties(p, inv.customer());
      p.fields(
          List.of(
              pair(p.label("paper.invoice.number"), inv.number()),
              pair(p.label("paper.invoice.issued"), p.dateTime(inv.postedAt())),
              pair(p.label("paper.invoice.date"), p.date(inv.date())),
              pair(p.label("paper.invoice.due"), p.date(inv.dueDate())),
              pair(p.label("paper.invoice.order"), inv.orderNumber())),
          2);
      lines(p, inv, false);
      p.text(p.label("paper.in_words", p.inWords(inv.gross())), Style.BOLD, Align.LEFT);
      p.signatures(List.of(p.label("paper.sign.authorised"), p.label("paper.sign.receiver")));
    }
    return p.finish("mushak-6.3-" + safe(inv.number()) + ".pdf");
  }

  /** Mushak 6.7 of a credit note: the invoice it reduces, the reason, the lines, VAT decreased. */
  public PaperFile creditNote(Actor actor, String id, String language) {
    PaperLanguage lang = PaperLanguage.parse(language, "language");
    Read<InvoiceDoc> r =
        read(actor, id, "Credit note", (c, uuid) -> SalesPaperData.invoice(c, uuid, "CREDIT_NOTE"));
    InvoiceDoc cn = r.doc();
    Paper p = Paper.open(r.head(), lang, false);
    formHead(p, "paper.credit.form", "paper.credit.title", null);
    parties(p, cn.customer());
    p.fields(
        List.of(
            pair(p.label("paper.credit.number"), cn.number()),
            pair(p.label("paper.credit.issued"), p.dateTime(cn.postedAt())),
            pair(p.label("paper.credit.date"), p.date(cn.date())),
            pair(p.label("paper.credit.invoice"), cn.creditedNumber()),
            pair(p.label("paper.credit.invoice_date"), p.date(cn.creditedDate())),
            pair(p.label("paper.credit.reason"), cn.reason())),
        2);
    lines(p, cn, true);
    p.text(p.label("paper.in_words", p.inWords(cn.gross())), Style.BOLD, Align.LEFT);
    p.signatures(List.of(p.label("paper.sign.authorised"), p.label("paper.sign.receiver")));
    return p.finish("mushak-6.7-" + safe(cn.number()) + ".pdf");
  }

  /** The delivery challan and gate pass: what left which warehouse for whom, and who signed. */
  public PaperFile deliveryChallan(Actor actor, String id, String language) {
    PaperLanguage lang = PaperLanguage.parse(language, "language");
    Read<DeliveryDoc> r = read(actor, id, "Delivery", SalesPaperData::delivery);
    DeliveryDoc d = r.doc();
    Paper p = Paper.open(r.head(), lang, false);
    formHead(p, null, "paper.challan.title", null);
    p.boxes(List.of(p.label("paper.buyer")), List.of(partyLines(p, d.customer())));
    p.fields(
        List.of(
            pair(p.label("paper.challan.number"), d.number()),
            pair(p.label("paper.challan.date"), p.date(d.date())),
            pair(p.label("paper.challan.order"), d.orderNumber()),
            pair(p.label("paper.challan.warehouse"), d.warehouseCode() + " " + d.warehouseName()),
            // The vehicle is not kept with a delivery yet: its box is left to fill by hand.
            pair(p.label("paper.challan.vehicle"), "")),
        2);
    List<Row> rows = new ArrayList<>();
    BigDecimal qty = BigDecimal.ZERO;
    int n = 0;
    for (SalesPaperData.DeliveryLine l : d.lines()) {
      rows.add(
          Row.of(
              p.digits(Integer.toString(++n)),
              l.itemCode() + " " + l.itemName(),
              l.lot(),
              l.unitCode(),
              p.qty(l.quantity())));
      qty = qty.add(l.quantity());
    }
    p.table(
        List.of(
            new Column(p.label("paper.col.serial"), Align.RIGHT, 0.5f),
            new Column(p.label("paper.col.description"), Align.LEFT, 4f),
            new Column(p.label("paper.col.lot"), Align.LEFT, 1.2f),
            new Column(p.label("paper.col.unit"), Align.LEFT, 0.8f),
            new Column(p.label("paper.col.quantity"), Align.RIGHT, 1.2f)),
        rows,
        List.of(Row.total("", p.label("paper.total"), "", "", p.qty(qty))));
    p.signatures(
        List.of(
            p.label("paper.sign.store"),
            p.label("paper.sign.gate"),
            p.label("paper.sign.carrier"),
            p.label("paper.sign.receiver")));
    return p.finish("challan-" + safe(d.number()) + ".pdf");
  }

  /** The money receipt of a customer payment: amount in figures and words, how, and for what. */
  public PaperFile moneyReceipt(Actor actor, String id, String language) {
    PaperLanguage lang = PaperLanguage.parse(language, "language");
    Read<ReceiptDoc> r = read(actor, id, "Payment", SalesPaperData::receipt);
    ReceiptDoc m = r.doc();
    Paper p = Paper.open(r.head(), lang, false);
    formHead(p, null, "paper.receipt.title", null);
    p.fields(
        List.of(
            pair(p.label("paper.receipt.number"), m.number()),
            pair(p.label("paper.receipt.date"), p.date(m.date())),
            pair(
                p.label("paper.receipt.from"),
                m.customer().name() + " (" + m.customer().code() + ")"),
            pair(p.label("paper.receipt.amount"), p.money(m.amount())),
            pair(p.label("paper.receipt.method"), p.label("paper.method." + m.method())),
            pair(p.label("paper.receipt.reference"), m.reference())),
        2);
    p.text(p.label("paper.in_words", p.inWords(m.amount())), Style.BOLD, Align.LEFT);
    if (!m.allocations().isEmpty()) {
      p.text(p.label("paper.receipt.against"), Style.HEADER, Align.LEFT);
      List<Row> rows = new ArrayList<>();
      for (SalesPaperData.Allocation a : m.allocations()) {
        rows.add(Row.of(a.invoiceNumber(), p.date(a.invoiceDate()), p.money(a.amount())));
      }
      p.table(
          List.of(
              new Column(p.label("paper.invoice.number"), Align.LEFT, 2f),
              new Column(p.label("paper.receipt.date"), Align.LEFT, 1.5f),
              new Column(p.label("paper.receipt.amount"), Align.RIGHT, 1.5f)),
          rows,
          List.of());
    }
    p.signatures(List.of(p.label("paper.sign.cashier"), p.label("paper.sign.authorised")));
    return p.finish("receipt-" + safe(m.number()) + ".pdf");
  }

  /** The form's number at the right, its title, and ORIGINAL or COPY. */
  private static void formHead(Paper p, String form, String title, String copy) {
    if (form != null) {
      p.text(p.label(form), Style.BOLD, Align.RIGHT);
    }
    p.title(p.label(title));
    if (copy != null) {
      p.subtitle(p.label(copy));
    }
  }

  /** Seller and buyer side by side: name, BIN, address (an unknown one left empty). */
  private static void parties(Paper p, Party buyer) {
    Letterhead h = p.head();
    p.boxes(
        List.of(p.label("paper.seller"), p.label("paper.buyer")),
        List.of(
            List.of(
                p.label("paper.name", h.name()),
                p.label("paper.party_bin", h.bin()),
                p.label("paper.address", h.address())),
            partyLines(p, buyer)));
  }

  private static List<String> partyLines(Paper p, Party party) {
    return List.of(
        p.label("paper.name", party.name()),
        p.label("paper.party_bin", party.bin()),
        p.label("paper.address", party.address()));
  }

  /** The goods table of 6.3 or 6.7 with its totals row. */
  private static void lines(Paper p, InvoiceDoc inv, boolean credit) {
    List<Row> rows = new ArrayList<>(inv.lines().size());
    int n = 0;
    for (InvoiceLine l : inv.lines()) {
      rows.add(
          Row.of(
              p.digits(Integer.toString(++n)),
              l.itemCode() + " " + l.itemName(),
              l.unitCode(),
              p.qty(l.quantity()),
              p.money(l.unitPrice()),
              p.money(l.net()),
              "",
              p.digits(io.millstone.server.platform.Amounts.qty(l.vatRate())) + "%",
              p.money(l.vat()),
              p.money(l.net().add(l.vat()))));
    }
    List<Column> columns =
        List.of(
            new Column(p.label("paper.col.serial"), Align.RIGHT, 0.55f),
            new Column(p.label("paper.col.description"), Align.LEFT, 2.1f),
            new Column(p.label("paper.col.unit"), Align.LEFT, 0.7f),
            new Column(p.label("paper.col.quantity"), Align.RIGHT, 1.05f),
            new Column(p.label("paper.col.unit_price"), Align.RIGHT, 1.35f),
            new Column(p.label("paper.col.value"), Align.RIGHT, 1.5f),
            new Column(p.label("paper.col.sd"), Align.RIGHT, 1.25f),
            new Column(p.label("paper.col.vat_rate"), Align.RIGHT, 0.85f),
            new Column(
                p.label(credit ? "paper.credit.vat_decreased" : "paper.col.vat"),
                Align.RIGHT,
                1.45f),
            new Column(p.label("paper.col.total"), Align.RIGHT, 1.6f));
    p.table(
        columns,
        rows,
        List.of(
            Row.total(
                "",
                p.label("paper.total"),
                "",
                "",
                "",
                p.money(inv.net()),
                "",
                "",
                p.money(inv.vat()),
                p.money(inv.gross()))));
  }

  private static String[] pair(String label, String value) {
    return new String[] {label, value == null ? "" : value};
  }

  /** A document number as part of a file name. */
  static String safe(String number) {
    return number.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
