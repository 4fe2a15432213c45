package io.millstone.server.sales;

import io.millstone.server.accounting.AccountRole;
import io.millstone.server.accounting.Books;
import io.millstone.server.accounting.Vat;
import io.millstone.server.inventory.ItemLines;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Amounts;
import io.millstone.server.platform.Idempotency;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.Money;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Tx;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.error.BusinessRuleException;
import io.millstone.server.sales.SalesDesk.CreditLineInput;
import io.millstone.server.sales.SalesDesk.InvoiceLineView;
import io.millstone.server.sales.SalesDesk.InvoiceView;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Credit notes on an invoice's lines, at most what is still unpaid. */
final class CreditNotes {
  private final Transactions tx;
  private final Books books;

  CreditNotes(Transactions tx, Books books) {
    this.tx = tx;
    this.books = books;
  }

  InvoiceView post(
      Actor actor,
      String key,
      String invoiceId,
      LocalDate date,
      String reason,
      List<CreditLineInput> lines) {
    UUID id = Ids.parse(invoiceId, "invoice_id");
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    v.check(date != null, "credit_date", "is required");
    v.text(reason, "reason", 300);
    v.check(!lines.isEmpty(), "lines", "needs at least one line");
    List<BigDecimal> qty = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      qty.add(ItemLines.quantity(v, "lines[" + i + "]", lines.get(i).quantity()));
    }
    v.throwIfInvalid();
    return tx.inCompany(
        actor,
        t -> {
          var outcome =
              Idempotency.once(
                  t,
                  key,
                  "sales.credit_note.post",
                  id + "\u001f" + date + '\u001f' + reason + '\u001f' + lines,
                  noteId -> credit(t, actor, noteId, id, date, reason.trim(), lines, qty));
          return InvoiceRows.view(t, outcome.id());
        });
  }

  private UUID credit(
      Tx t,
      Actor actor,
      UUID noteId,
      UUID invoiceId,
      LocalDate date,
      String reason,
      List<CreditLineInput> lines,
      List<BigDecimal> qty) {
    InvoiceView inv = Jdbc.work(t, c -> InvoiceRows.locked(c, invoiceId));
    if (!inv.kind().equals("INVOICE")) {
      throw new BusinessRuleException(
          "not_an_invoice", inv.number() + " is a credit note; credit the invoice itself.");
    }
    Map<Integer, InvoiceLineView> byNo = new HashMap<>();
    inv.lines().forEach(l -> byNo.put(l.lineNo(), l));
    Map<Integer, BigDecimal> wanted = new LinkedHashMap<>();
    Validator v = new Validator();
    for (int i = 0; i < lines.size(); i++) {
      InvoiceLineView l = byNo.get(lines.get(i).lineNo());
      if (l == null) {
        v.check(
            false,
            "lines[" + i + "].line_no",
            inv.number() + " has no line " + lines.get(i).lineNo());
        continue;
      }
      BigDecimal total = wanted.merge(l.lineNo(), qty.get(i), BigDecimal::add);
      BigDecimal left = l.quantity().subtract(l.credited());
      v.check(
          total.compareTo(left) <= 0,
          "lines[" + i + "].quantity",
          "line "
              + l.lineNo()
              + " ("
              + l.itemCode()
              + ") has "
              + Amounts.qty(left)
              + " left to credit");
    }
    v.throwIfInvalid();
    record Credited(InvoiceLineView line, BigDecimal qty, BigDecimal net, BigDecimal vat) {}
    List<Credited> credited = new ArrayList<>();
    for (var e : wanted.entrySet()) {
      InvoiceLineView l = byNo.get(e.getKey());
      BigDecimal q = e.getValue();
      BigDecimal net;
      BigDecimal vat;
      if (l.credited().add(q).compareTo(l.quantity()) == 0) {
        InvoiceRows.SoFar before = Jdbc.work(t, c -> creditedSoFar(c, invoiceId, l.lineNo()));
        net = l.net().subtract(before.net());
        vat = l.vat().subtract(before.vat());
      } else {
        net = Amounts.amount(q.multiply(l.unitPrice()));
        vat = Vat.on(net, l.vatRate());
      }
      credited.add(new Credited(l, q, net, vat));
    }
    BigDecimal net = credited.stream().map(Credited::net).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal vat = credited.stream().map(Credited::vat).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal gross = net.add(vat);
    if (gross.compareTo(inv.open()) > 0) {
      throw new BusinessRuleException(
          "credit_exceeds_open",
          inv.number()
              + " has "
              + Amounts.money(inv.open())
              + " "
              + inv.currency()
              + " still open and this credit note is "
              + Amounts.money(gross)
              + "; credit at most what is unpaid (refunds of paid invoices are not supported yet).",
          inv.number(),
          new Money(inv.open()),
          inv.currency(),
          new Money(gross));
    }
    Map<String, BigDecimal> revenue = new TreeMap<>();
    Map<Integer, String> kinds = Jdbc.work(t, c -> itemKinds(c, invoiceId));
    for (Credited cr : credited) {
      revenue.merge(
          AccountRole.revenueOf(kinds.get(cr.line().lineNo())).code(), cr.net(), BigDecimal::add);
    }
    UUID entry = null;
    if (gross.signum() > 0) {
      List<Books.Line> posting = new ArrayList<>();
      revenue.forEach(
          (account, value) -> {
            if (value.signum() > 0) {
              posting.add(new Books.Line(account, value, BigDecimal.ZERO, inv.number()));
            }
          });
      if (vat.signum() > 0) {
        posting.add(
            new Books.Line(
                AccountRole.OUTPUT_VAT.code(), vat, BigDecimal.ZERO, "Output VAT reversed"));
      }
      posting.add(
          new Books.Line(
              AccountRole.RECEIVABLE.code(), BigDecimal.ZERO, gross, inv.customerCode()));
      entry =
          books.post(
              t,
              date,
              "Credit note on " + inv.number() + ": " + reason,
              "CREDIT_NOTE",
              noteId,
              posting);
    }
    String number = books.documentNumber(t, "CN", date);
    UUID journal = entry;
    Jdbc.work(
        t,
        c -> {
          UUID customerId = CustomerRow.idOf(c, inv.customerCode());
          InvoiceRows.insert(
              c,
              actor,
              noteId,
              number,
              "CREDIT_NOTE",
              inv.orderId(),
              customerId,
              invoiceId,
              date,
              date,
              reason,
              net,
              vat,
              gross,
              gross,
              journal);
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO sales_invoice_line (id, company_id, invoice_id, line_no, order_line_id, item_id,"
                          + " quantity, unit_price, vat_rate, net, vat)"
                          + " SELECT ?, company_id, ?, ?, order_line_id, item_id, ?, unit_price, vat_rate, ?, ?"
                          + " FROM sales_invoice_line WHERE invoice_id = ? AND line_no = ?");
              PreparedStatement up =
                  c.prepareStatement(
                      "UPDATE sales_invoice_line SET credited_qty = credited_qty + ?"
                          + " WHERE invoice_id = ? AND line_no = ?")) {
            int n = 0;
            for (Credited cr : credited) {
              ps.setObject(1, Ids.newId());
              ps.setObject(2, noteId);
              ps.setInt(3, ++n);
              ps.setBigDecimal(4, cr.qty());
              ps.setBigDecimal(5, cr.net());
              ps.setBigDecimal(6, cr.vat());
              ps.setObject(7, invoiceId);
              ps.setInt(8, cr.line().lineNo());
              ps.addBatch();
              up.setBigDecimal(1, cr.qty());
              up.setObject(2, invoiceId);
              up.setInt(3, cr.line().lineNo());
              up.addBatch();
            }
            ps.executeBatch();
            up.executeBatch();
          }
          InvoiceRows.settle(c, invoiceId, gross);
          return null;
        });
    t.audit(
        "sales.credit_note.post",
        "sales_invoice",
        noteId,
        number + " on " + inv.number() + ", " + Amounts.money(gross) + ": " + reason);
    return noteId;
  }

  /** What earlier credit notes took off the invoice line, net and VAT. */
  private static InvoiceRows.SoFar creditedSoFar(Connection c, UUID invoiceId, int lineNo)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT coalesce(sum(n.net), 0), coalesce(sum(n.vat), 0) FROM sales_invoice_line n"
                + " JOIN sales_invoice s ON s.id = n.invoice_id"
                + " JOIN sales_invoice_line o ON o.order_line_id = n.order_line_id"
                + " WHERE s.credited_invoice_id = ? AND o.invoice_id = ? AND o.line_no = ?")) {
      ps.setObject(1, invoiceId);
      ps.setObject(2, invoiceId);
      ps.setInt(3, lineNo);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new InvoiceRows.SoFar(rs.getBigDecimal(1), rs.getBigDecimal(2));
      }
    }
  }

  private static Map<Integer, String> itemKinds(Connection c, UUID invoiceId) throws SQLException {
    Map<Integer, String> out = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT l.line_no, i.kind FROM sales_invoice_line l JOIN item i ON i.id = l.item_id"
                + " WHERE l.invoice_id = ?")) {
      ps.setObject(1, invoiceId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getInt(1), rs.getString(2));
        }
      }
    }
    return out;
  }
}
