package io.millstone.server.purchasing;

import io.millstone.server.accounting.AccountRole;
import io.millstone.server.accounting.Books;
import io.millstone.server.accounting.Vat;
import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.inventory.ItemLines;
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
import io.millstone.server.platform.error.NotFoundException;
import io.millstone.server.purchasing.PurchaseDesk.BillLineInput;
import io.millstone.server.purchasing.PurchaseDesk.BillPage;
import io.millstone.server.purchasing.PurchaseDesk.BillView;
import io.millstone.server.purchasing.PurchaseDesk.Settings;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Supplier bills: each clears "goods received, not yet billed" (or books the service), books input
 * VAT and the payable, and is refused unless it passes the {@link ThreeWayMatch}.
 */
final class SupplierBills {
  private final Transactions tx;
  private final Books books;
  private final Clock clock;

  private record LineAmounts(BigDecimal net, BigDecimal vat) {}

  SupplierBills(Transactions tx, Books books, Clock clock) {
    this.tx = tx;
    this.books = books;
    this.clock = clock;
  }

  BillView bill(
      Actor actor,
      String key,
      String orderId,
      String supplierInvoice,
      LocalDate date,
      List<BillLineInput> lines) {
    UUID id = Ids.parse(orderId, "order_id");
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    v.text(supplierInvoice, "supplier_invoice", 60);
    v.check(date != null, "bill_date", "is required");
    v.check(!lines.isEmpty(), "lines", "needs at least one line");
    List<BigDecimal> qty = new ArrayList<>();
    List<BigDecimal> prices = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String f = "lines[" + i + "]";
      BigDecimal q = ItemLines.quantity(v, f, lines.get(i).quantity());
      qty.add(q);
      prices.add(ItemLines.price(v, f, lines.get(i).unitPrice()));
    }
    v.throwIfInvalid();
    String invoiceNo = supplierInvoice.trim();
    return tx.inCompany(
        actor,
        t -> {
          var outcome =
              Idempotency.once(
                  t,
                  key,
                  "purchasing.bill.post",
                  id + "\u001f" + invoiceNo + '\u001f' + date + '\u001f' + lines,
                  billId ->
                      bill(
                          t,
                          actor,
                          billId,
                          books.sequenceNumber(t, "BILL", date),
                          id,
                          invoiceNo,
                          date,
                          lines,
                          qty,
                          prices));
          return bill(t, outcome.id());
        });
  }

  private UUID bill(
      Tx t,
      Actor actor,
      UUID billId,
      String number,
      UUID orderId,
      String invoiceNo,
      LocalDate date,
      List<BillLineInput> lines,
      List<BigDecimal> qty,
      List<BigDecimal> prices) {
    OrderHeadRow o = Jdbc.work(t, c -> OrderHeadRow.lock(c, orderId, null));
    if (o.state() != PurchaseOrderState.APPROVED && o.state() != PurchaseOrderState.RECEIVED) {
      throw new BusinessRuleException(
          "order_not_billable", o.number() + " is " + o.stateWords() + "; it cannot be billed.");
    }
    SupplierRow s = Jdbc.work(t, c -> SupplierRow.byId(c, o.supplierId()));
    String earlier = Jdbc.work(t, c -> billNumber(c, s.id(), invoiceNo));
    if (earlier != null) {
      throw new BusinessRuleException(
          "bill_already_entered",
          "Invoice " + invoiceNo + " of " + s.code() + " was already entered as " + earlier + ".");
    }
    Settings rules = Jdbc.work(t, PurchasingRules::read);
    Map<Integer, OrderLines.Row> rows =
        Jdbc.work(t, c -> OrderLines.byLineNo(c, OrderLines.Table.PURCHASE, orderId));
    ThreeWayMatch.check(o, rows, rules, lines, qty, prices);
    BigDecimal net = BigDecimal.ZERO;
    BigDecimal vat = BigDecimal.ZERO;
    BigDecimal grni = BigDecimal.ZERO;
    BigDecimal services = BigDecimal.ZERO;
    List<LineAmounts> amounts = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      OrderLines.Row l = rows.get(lines.get(i).orderLineNo());
      BigDecimal lineNet = Amounts.amount(qty.get(i).multiply(prices.get(i)));
      BigDecimal lineVat = Vat.on(lineNet, l.rate());
      amounts.add(new LineAmounts(lineNet, lineVat));
      net = net.add(lineNet);
      vat = vat.add(lineVat);
      if (l.isService()) {
        services = services.add(lineNet);
      } else {
        grni = grni.add(Amounts.amount(qty.get(i).multiply(l.price())));
      }
    }
    BigDecimal gross = net.add(vat);
    BigDecimal variance = net.subtract(services).subtract(grni);
    List<Books.Line> posting = new ArrayList<>();
    if (grni.signum() > 0) {
      posting.add(
          new Books.Line(
              AccountRole.GOODS_RECEIVED_NOT_BILLED.code(), grni, BigDecimal.ZERO, o.number()));
    }
    if (services.signum() > 0) {
      posting.add(
          new Books.Line(
              AccountRole.ADMINISTRATIVE_EXPENSES.code(), services, BigDecimal.ZERO, o.number()));
    }
    if (variance.signum() > 0) {
      posting.add(
          new Books.Line(
              AccountRole.STOCK_ADJUSTMENTS.code(), variance, BigDecimal.ZERO, "Price difference"));
    }
    if (vat.signum() > 0) {
      posting.add(
          new Books.Line(
              AccountRole.INPUT_VAT.code(), vat, BigDecimal.ZERO, "Input VAT " + invoiceNo));
    }
    if (gross.signum() > 0) {
      posting.add(
          new Books.Line(
              AccountRole.PAYABLE.code(), BigDecimal.ZERO, gross, s.code() + " " + invoiceNo));
    }
    if (variance.signum() < 0) {
      posting.add(
          new Books.Line(
              AccountRole.STOCK_ADJUSTMENTS.code(),
              BigDecimal.ZERO,
              variance.negate(),
              "Price difference"));
    }
    UUID entry =
        gross.signum() > 0
            ? books.post(
                t,
                date,
                "Bill " + invoiceNo + " from " + s.code() + " for " + o.number(),
                "BILL",
                billId,
                posting)
            : null;
    BigDecimal fNet = net;
    BigDecimal fVat = vat;
    Jdbc.work(
        t,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO supplier_bill (id, company_id, number, supplier_invoice, supplier_id, order_id,"
                      + " bill_date, due_date, net, vat, gross, journal_entry_id, posted_at, posted_by)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, billId);
            ps.setObject(2, actor.companyId());
            ps.setString(3, number);
            ps.setString(4, invoiceNo);
            ps.setObject(5, s.id());
            ps.setObject(6, orderId);
            ps.setDate(7, Date.valueOf(date));
            ps.setDate(8, Date.valueOf(date.plusDays(s.termsDays())));
            ps.setBigDecimal(9, fNet);
            ps.setBigDecimal(10, fVat);
            ps.setBigDecimal(11, gross);
            ps.setObject(12, entry);
            ps.setTimestamp(13, Timestamp.from(clock.instant()));
            ps.setString(14, actor.username());
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO supplier_bill_line (id, company_id, bill_id, line_no, order_line_id, quantity,"
                          + " unit_price, vat_rate, net, vat) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
              PreparedStatement up =
                  c.prepareStatement(
                      "UPDATE purchase_order_line SET billed_qty = billed_qty + ? WHERE id = ?")) {
            for (int i = 0; i < lines.size(); i++) {
              OrderLines.Row l = rows.get(lines.get(i).orderLineNo());
              ps.setObject(1, Ids.newId());
              ps.setObject(2, actor.companyId());
              ps.setObject(3, billId);
              ps.setInt(4, i + 1);
              ps.setObject(5, l.id());
              ps.setBigDecimal(6, qty.get(i));
              ps.setBigDecimal(7, prices.get(i));
              ps.setBigDecimal(8, l.rate());
              ps.setBigDecimal(9, amounts.get(i).net());
              ps.setBigDecimal(10, amounts.get(i).vat());
              ps.addBatch();
              up.setBigDecimal(1, qty.get(i));
              up.setObject(2, l.id());
              up.addBatch();
            }
            ps.executeBatch();
            up.executeBatch();
          }
          OrderHeadRow.advance(c, actor, orderId, clock.instant());
          return null;
        });
    t.audit(
        "purchasing.bill.post",
        "supplier_bill",
        billId,
        number + " (" + invoiceNo + ") for " + o.number() + ", " + Amounts.money(gross));
    Notices.add(
        t,
        Notice.toPermission(
            "purchasing.read",
            "purchasing.bill.posted",
            "Supplier bill " + number + " posted for " + o.number() + ", " + Amounts.money(gross),
            "supplier_bill",
            billId,
            number,
            o.number(),
            Amounts.money(gross)));
    return billId;
  }

  BillPage list(
      Actor actor, String supplierCode, boolean openOnly, int pageSize, String pageToken) {
    String sup = supplierCode == null ? "" : supplierCode.trim().toUpperCase(Locale.ROOT);
    DatedKeyset keyset = DatedKeyset.of(pageSize, pageToken);
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          String currency = CompanyAdmin.currencyOf(t);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT b.bill_date, b.id FROM supplier_bill b JOIN party p ON p.id = b.supplier_id"
                      + " WHERE (? = '' OR p.code = ? OR upper(b.number) LIKE ?)"
                      // The quick filter is a supplier code or the start of the bill's number.
                      + " AND (NOT ? OR b.settled < b.gross)"
                      + keyset.clause("b.bill_date", "b.id"))) {
            ps.setString(1, sup);
            ps.setString(2, sup);
            ps.setString(3, io.millstone.server.platform.NumberFilter.prefix(sup));
            ps.setBoolean(4, openOnly);
            keyset.bind(ps, 5);
            var page = keyset.views(ps, id -> bill(c, id, currency));
            return new BillPage(page.rows(), page.nextPageToken());
          }
        });
  }

  private static BillView bill(Tx t, UUID id) {
    String currency = CompanyAdmin.currencyOf(t);
    return Jdbc.work(t, c -> bill(c, id, currency));
  }

  static BillView lockedBill(Connection c, UUID id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM supplier_bill WHERE id = ? FOR UPDATE")) {
      ps.setObject(1, id);
      ps.executeQuery().close();
    }
    return bill(c, id, "");
  }

  private static BillView bill(Connection c, UUID id, String currency) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT b.number, b.supplier_invoice, p.code, b.order_id, o.number, b.bill_date, b.due_date,"
                + " b.net, b.vat, b.gross, b.settled, b.journal_entry_id FROM supplier_bill b"
                + " JOIN party p ON p.id = b.supplier_id JOIN purchase_order o ON o.id = b.order_id"
                + " WHERE b.id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("Bill", id.toString());
        }
        return new BillView(
            id,
            rs.getString(1),
            rs.getString(2),
            rs.getString(3),
            rs.getObject(4, UUID.class),
            rs.getString(5),
            rs.getDate(6).toLocalDate(),
            rs.getDate(7).toLocalDate(),
            rs.getBigDecimal(8),
            rs.getBigDecimal(9),
            rs.getBigDecimal(10),
            rs.getBigDecimal(11),
            Books.entryNumber(c, rs.getObject(12, UUID.class)),
            currency);
      }
    }
  }

  /** The number under which a supplier's invoice was entered already, or null. */
  private static String billNumber(Connection c, UUID supplier, String invoiceNo)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT number FROM supplier_bill WHERE supplier_id = ? AND supplier_invoice = ?")) {
      ps.setObject(1, supplier);
      ps.setString(2, invoiceNo);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}
