package io.millstone.server.sales;

import io.millstone.server.accounting.AccountRole;
import io.millstone.server.accounting.Books;
import io.millstone.server.accounting.Vat;
import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.inventory.OrderLines;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Amounts;
import io.millstone.server.platform.DatedKeyset;
import io.millstone.server.platform.Idempotency;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.Notices;
import io.millstone.server.platform.Notices.Notice;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Tx;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.error.BusinessRuleException;
import io.millstone.server.sales.SalesDesk.InvoiceLineView;
import io.millstone.server.sales.SalesDesk.InvoicePage;
import io.millstone.server.sales.SalesDesk.InvoiceView;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * VAT invoices for what was delivered (services in full). The gapless number is taken last, inside
 * the transaction, so the series has no holes and is held for as short a time as can be.
 */
final class Invoices {
  private final Transactions tx;
  private final Books books;
  private final Clock clock;

  Invoices(Transactions tx, Books books, Clock clock) {
    this.tx = tx;
    this.books = books;
    this.clock = clock;
  }

  InvoiceView post(Actor actor, String key, String orderId, LocalDate date) {
    UUID id = Ids.parse(orderId, "order_id");
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    v.check(date != null, "invoice_date", "is required");
    v.throwIfInvalid();
    return tx.inCompany(
        actor,
        t ->
            Idempotency.once(
                t,
                key,
                "sales.invoice.post",
                id + "\u001f" + date,
                invoiceId -> invoice(t, actor, invoiceId, id, date),
                invoiceId -> InvoiceRows.view(t, invoiceId)));
  }

  /** Posts the invoice and answers it as written. */
  private InvoiceView invoice(Tx t, Actor actor, UUID invoiceId, UUID orderId, LocalDate date) {
    OrderHeadRow o = Jdbc.work(t, c -> OrderHeadRow.lock(c, orderId, null));
    if (o.state() != SalesOrderState.CONFIRMED && o.state() != SalesOrderState.DELIVERED) {
      throw new BusinessRuleException(
          "order_not_open_for_invoice",
          o.number() + " is " + o.state().words() + "; nothing to invoice.");
    }
    Map<Integer, OrderLines.Row> orderLines =
        Jdbc.work(t, c -> OrderLines.byLineNo(c, OrderLines.Table.SALES, orderId));
    CustomerRow cust = Jdbc.work(t, c -> CustomerRow.byId(c, o.customerId()));
    record Billed(OrderLines.Row line, BigDecimal qty, BigDecimal net, BigDecimal vat) {}
    List<Billed> billed = new ArrayList<>();
    for (OrderLines.Row l : orderLines.values()) {
      // Services are invoiced in full; goods as far as they were delivered.
      BigDecimal upTo = l.isService() ? l.quantity() : l.moved();
      BigDecimal q = upTo.subtract(l.invoiced());
      if (q.signum() <= 0) {
        continue;
      }
      BigDecimal net;
      BigDecimal vat;
      if (l.invoiced().add(q).compareTo(l.quantity()) == 0) {
        // The last part of a line takes what is left, so the invoices add up to the order.
        InvoiceRows.SoFar before =
            l.invoiced().signum() == 0
                ? InvoiceRows.SoFar.NONE
                : Jdbc.work(t, c -> invoicedSoFar(c, l.id()));
        net = l.net().subtract(before.net());
        vat = l.vat().subtract(before.vat());
      } else {
        net = Amounts.amount(q.multiply(l.price()));
        vat = Vat.on(net, l.rate());
      }
      billed.add(new Billed(l, q, net, vat));
    }
    if (billed.isEmpty()) {
      throw new BusinessRuleException(
          "nothing_to_invoice",
          "Nothing on " + o.number() + " is delivered and waiting to be invoiced.");
    }
    BigDecimal net = billed.stream().map(Billed::net).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal vat = billed.stream().map(Billed::vat).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal gross = net.add(vat);
    Map<String, BigDecimal> revenue = new TreeMap<>();
    for (Billed b : billed) {
      revenue.merge(AccountRole.revenueOf(b.line().kind()).code(), b.net(), BigDecimal::add);
    }
    Books.Posted entry = null;
    if (gross.signum() > 0) {
      List<Books.Line> posting = new ArrayList<>();
      posting.add(
          new Books.Line(AccountRole.RECEIVABLE.code(), gross, BigDecimal.ZERO, cust.code()));
      revenue.forEach(
          (account, value) -> {
            if (value.signum() > 0) {
              posting.add(new Books.Line(account, BigDecimal.ZERO, value, o.number()));
            }
          });
      if (vat.signum() > 0) {
        posting.add(
            new Books.Line(AccountRole.OUTPUT_VAT.code(), BigDecimal.ZERO, vat, "Output VAT"));
      }
      entry =
          books.postEntry(
              t,
              date,
              "Invoice for " + o.number() + " to " + cust.code(),
              "INVOICE",
              invoiceId,
              posting);
    }
    // The order's side first, so that the gapless number below is held for as little as can be.
    Jdbc.work(
        t,
        c -> {
          try (PreparedStatement up =
              c.prepareStatement(
                  // The order id lets PostgreSQL find the lines by its index: joined by line id
                  // alone, the generic plan scanned every order line of the company.
                  "UPDATE sales_order_line l SET invoiced_qty = l.invoiced_qty + u.q"
                      + " FROM unnest(?::uuid[], ?::numeric[]) AS u(id, q)"
                      + " WHERE l.order_id = ? AND l.id = u.id")) {
            up.setArray(
                1,
                c.createArrayOf(
                    "uuid", billed.stream().map(b -> b.line().id()).toArray(UUID[]::new)));
            up.setArray(
                2,
                c.createArrayOf(
                    "numeric", billed.stream().map(Billed::qty).toArray(BigDecimal[]::new)));
            up.setObject(3, orderId);
            up.executeUpdate();
          }
          OrderHeadRow.advance(c, actor, orderId, clock.instant());
          return null;
        });
    // Last: the gapless number. Its counter stays locked only until this transaction commits.
    String number = books.documentNumber(t, "INV", date);
    UUID journal = entry == null ? null : entry.id();
    Jdbc.work(
        t,
        c -> {
          InvoiceRows.insert(
              c,
              actor,
              invoiceId,
              number,
              "INVOICE",
              orderId,
              cust.id(),
              null,
              date,
              date.plusDays(cust.termsDays()),
              "",
              net,
              vat,
              gross,
              BigDecimal.ZERO,
              journal);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO sales_invoice_line (id, company_id, invoice_id, line_no, order_line_id, item_id,"
                      + " quantity, unit_price, vat_rate, net, vat) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Billed b : billed) {
              ps.setObject(1, Ids.newId());
              ps.setObject(2, actor.companyId());
              ps.setObject(3, invoiceId);
              ps.setInt(4, ++n);
              ps.setObject(5, b.line().id());
              ps.setObject(6, b.line().itemId());
              ps.setBigDecimal(7, b.qty());
              ps.setBigDecimal(8, b.line().price());
              ps.setBigDecimal(9, b.line().rate());
              ps.setBigDecimal(10, b.net());
              ps.setBigDecimal(11, b.vat());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
    t.audit(
        "sales.invoice.post",
        "sales_invoice",
        invoiceId,
        number
            + " for "
            + o.number()
            + ", "
            + Amounts.money(gross)
            + " incl. VAT "
            + Amounts.money(vat));
    Notices.add(
        t,
        Notice.toPermission(
            "sales.read",
            "sales.invoice.posted",
            "Invoice " + number + " posted for " + o.number() + ", " + Amounts.money(gross),
            "sales_invoice",
            invoiceId,
            number,
            o.number(),
            Amounts.money(gross)));
    List<InvoiceLineView> views = new ArrayList<>();
    for (int n = 0; n < billed.size(); n++) {
      Billed b = billed.get(n);
      views.add(
          new InvoiceLineView(
              n + 1,
              b.line().itemCode(),
              b.line().itemName(),
              b.qty().setScale(SalesDesk.QTY_SCALE),
              b.line().price(),
              b.line().rate(),
              b.net().setScale(SalesDesk.STORED_SCALE),
              b.vat().setScale(SalesDesk.STORED_SCALE),
              BigDecimal.ZERO.setScale(SalesDesk.QTY_SCALE)));
    }
    return new InvoiceView(
        invoiceId,
        number,
        "INVOICE",
        orderId,
        o.number(),
        cust.code(),
        cust.name(),
        cust.bin(),
        null,
        date,
        date.plusDays(cust.termsDays()),
        "",
        List.copyOf(views),
        net.setScale(SalesDesk.STORED_SCALE),
        vat.setScale(SalesDesk.STORED_SCALE),
        gross.setScale(SalesDesk.STORED_SCALE),
        BigDecimal.ZERO.setScale(SalesDesk.STORED_SCALE),
        entry == null ? "" : entry.number(),
        CompanyAdmin.currencyOf(t));
  }

  InvoiceView get(Actor actor, String invoiceId) {
    UUID id = Ids.parse(invoiceId, "id");
    return tx.inCompany(actor, t -> InvoiceRows.view(t, id));
  }

  InvoicePage list(
      Actor actor, String customerCode, boolean openOnly, int pageSize, String pageToken) {
    String cust = customerCode == null ? "" : customerCode.trim().toUpperCase(Locale.ROOT);
    DatedKeyset keyset = DatedKeyset.of(pageSize, pageToken);
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          String currency = CompanyAdmin.currencyOf(t);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT s.invoice_date, s.id FROM sales_invoice s JOIN party p ON p.id = s.customer_id"
                      + " WHERE (? = '' OR p.code = ? OR upper(s.number) LIKE ?)"
                      // The quick filter is a customer code or the start of the document's number.
                      + " AND (NOT ? OR (s.kind = 'INVOICE' AND s.settled < s.gross))"
                      + keyset.clause("s.invoice_date", "s.id"))) {
            ps.setString(1, cust);
            ps.setString(2, cust);
            ps.setString(3, io.millstone.server.platform.NumberFilter.prefix(cust));
            ps.setBoolean(4, openOnly);
            keyset.bind(ps, 5);
            var page = keyset.views(ps, id -> InvoiceRows.view(c, id, currency));
            return new InvoicePage(page.rows(), page.nextPageToken());
          }
        });
  }

  /** What the order line was invoiced for so far, net and VAT. */
  private static InvoiceRows.SoFar invoicedSoFar(Connection c, UUID orderLineId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT coalesce(sum(l.net), 0), coalesce(sum(l.vat), 0) FROM sales_invoice_line l"
                + " JOIN sales_invoice s ON s.id = l.invoice_id WHERE l.order_line_id = ? AND s.kind = 'INVOICE'")) {
      ps.setObject(1, orderLineId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new InvoiceRows.SoFar(rs.getBigDecimal(1), rs.getBigDecimal(2));
      }
    }
  }
}
