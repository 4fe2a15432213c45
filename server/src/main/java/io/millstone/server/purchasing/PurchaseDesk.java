package io.millstone.server.purchasing;

import io.millstone.server.accounting.Ageing;
import io.millstone.server.accounting.Allocations;
import io.millstone.server.accounting.Books;
import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.inventory.StockLedger;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Amounts;
import io.millstone.server.platform.DatedKeyset;
import io.millstone.server.platform.Decimals;
import io.millstone.server.platform.Idempotency;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Tx;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.Versions;
import io.millstone.server.platform.error.BusinessRuleException;
import io.millstone.server.platform.error.InvalidInputException;
import io.millstone.server.platform.error.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Procure to pay. An order above the company's threshold waits for an approver who did not submit
 * it; the decision is stored and audited. Receipts bring stock in at the order's price against
 * "goods received, not yet billed"; a bill clears that account, books input VAT and the payable,
 * and is refused unless it matches what was ordered and received.
 */
public final class PurchaseDesk {
  static final int QTY_SCALE = StockLedger.QUANTITY_SCALE;
  static final Set<String> STATES =
      Set.of(
          "DRAFT", "AWAITING_APPROVAL", "APPROVED", "REJECTED", "RECEIVED", "CLOSED", "CANCELLED");

  public record LineInput(String itemCode, String quantity, String unitPrice) {}

  public record ReceiptLineInput(int orderLineNo, String quantity, String lot) {}

  public record BillLineInput(int orderLineNo, String quantity, String unitPrice) {}

  public record AllocationInput(String billId, String amount) {}

  public record LineView(
      int lineNo,
      String itemCode,
      String itemName,
      String unitCode,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal vatRate,
      BigDecimal net,
      BigDecimal vat,
      BigDecimal received,
      BigDecimal billed) {}

  public record OrderView(
      UUID id,
      String number,
      String supplierCode,
      String supplierName,
      LocalDate date,
      String state,
      String note,
      List<LineView> lines,
      BigDecimal net,
      BigDecimal vat,
      BigDecimal gross,
      String submittedBy,
      String decidedBy,
      Instant decidedAt,
      String decisionNote,
      long version,
      String currency) {}

  public record OrderPage(List<OrderView> orders, String nextPageToken) {}

  public record ReceiptView(
      UUID id,
      String number,
      UUID orderId,
      String orderNumber,
      String warehouseCode,
      LocalDate date,
      BigDecimal value,
      String entryNumber,
      String currency) {}

  public record BillView(
      UUID id,
      String number,
      String supplierInvoice,
      String supplierCode,
      UUID orderId,
      String orderNumber,
      LocalDate date,
      LocalDate dueDate,
      BigDecimal net,
      BigDecimal vat,
      BigDecimal gross,
      BigDecimal settled,
      String entryNumber,
      String currency) {
    public BigDecimal open() {
      return gross.subtract(settled);
    }
  }

  public record BillPage(List<BillView> bills, String nextPageToken) {}

  public record PaymentView(
      UUID id,
      String number,
      String supplierCode,
      LocalDate date,
      BigDecimal amount,
      String entryNumber,
      String currency) {}

  public record Settings(
      BigDecimal approvalThreshold,
      BigDecimal priceTolerancePct,
      BigDecimal quantityTolerancePct) {}

  private record Supplier(UUID id, String code, String name, int termsDays) {}

  private record OrderHead(
      UUID id,
      String number,
      String state,
      UUID supplierId,
      BigDecimal gross,
      String submittedBy,
      String createdBy) {}

  private record LineRow(
      UUID id,
      int lineNo,
      UUID itemId,
      String itemCode,
      String unit,
      String kind,
      BigDecimal quantity,
      BigDecimal price,
      BigDecimal rate,
      BigDecimal received,
      BigDecimal billed) {}

  private final Transactions tx;
  private final Books books;
  private final StockLedger stock;
  private final Clock clock;

  public PurchaseDesk(Transactions tx, Books books, StockLedger stock, Clock clock) {
    this.tx = tx;
    this.books = books;
    this.stock = stock;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- orders

  public OrderView createOrder(
      Actor actor,
      String key,
      String supplierCode,
      LocalDate date,
      List<LineInput> lines,
      String note) {
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    v.text(supplierCode, "supplier_code", 32);
    v.check(date != null, "order_date", "is required");
    v.check(note == null || note.length() <= 500, "note", "is too long (at most 500 characters)");
    v.check(!lines.isEmpty(), "lines", "needs at least one line");
    v.check(lines.size() <= 200, "lines", "may hold at most 200 lines");
    List<BigDecimal> qty = new ArrayList<>();
    List<BigDecimal> prices = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String f = "lines[" + i + "]";
      v.text(lines.get(i).itemCode(), f + ".item_code", 32);
      BigDecimal q = Decimals.parse(v, f + ".quantity", lines.get(i).quantity(), QTY_SCALE, true);
      v.check(q == null || q.signum() > 0, f + ".quantity", "must be more than zero");
      BigDecimal p = Decimals.parse(v, f + ".unit_price", lines.get(i).unitPrice(), 4, true);
      v.check(p == null || p.signum() >= 0, f + ".unit_price", "must not be negative");
      qty.add(q);
      prices.add(p);
    }
    v.throwIfInvalid();
    String code = supplierCode.trim().toUpperCase(Locale.ROOT);
    return tx.inCompany(
        actor,
        t -> {
          var outcome =
              Idempotency.once(
                  t,
                  key,
                  "purchasing.order.create",
                  code + '\u001f' + date + '\u001f' + lines + '\u001f' + note,
                  id ->
                      Jdbc.work(
                          t,
                          c -> {
                            String number = books.sequenceNumber(t, "PO", date);
                            Supplier s = supplier(c, code);
                            BigDecimal vatRate = CompanyAdmin.vatRateOf(t);
                            Instant now = clock.instant();
                            try (PreparedStatement ps =
                                c.prepareStatement(
                                    "INSERT INTO purchase_order (id, company_id, number, supplier_id, order_date, state,"
                                        + " note, net_total, vat_total, gross_total, created_at, created_by, updated_at,"
                                        + " updated_by) VALUES (?, ?, ?, ?, ?, 'DRAFT', ?, 0, 0, 0, ?, ?, ?, ?)")) {
                              ps.setObject(1, id);
                              ps.setObject(2, actor.companyId());
                              ps.setString(3, number);
                              ps.setObject(4, s.id());
                              ps.setDate(5, Date.valueOf(date));
                              ps.setString(6, note == null ? "" : note.trim());
                              ps.setTimestamp(7, Timestamp.from(now));
                              ps.setString(8, actor.username());
                              ps.setTimestamp(9, Timestamp.from(now));
                              ps.setString(10, actor.username());
                              ps.executeUpdate();
                            }
                            Validator items = new Validator();
                            try (PreparedStatement ps =
                                c.prepareStatement(
                                    "INSERT INTO purchase_order_line (id, company_id, order_id, line_no, item_id,"
                                        + " quantity, unit_price, vat_rate, net, vat)"
                                        + " SELECT ?, ?, ?, ?, i.id, ?, ?, CASE WHEN i.tax_category = 'STANDARD'"
                                        + " THEN ? ELSE 0 END, ?, 0 FROM item i WHERE i.code = ? AND i.active")) {
                              for (int i = 0; i < lines.size(); i++) {
                                String item =
                                    lines.get(i).itemCode().trim().toUpperCase(Locale.ROOT);
                                ps.setObject(1, Ids.newId());
                                ps.setObject(2, actor.companyId());
                                ps.setObject(3, id);
                                ps.setInt(4, i + 1);
                                ps.setBigDecimal(5, qty.get(i));
                                ps.setBigDecimal(6, prices.get(i));
                                ps.setBigDecimal(7, vatRate);
                                ps.setBigDecimal(
                                    8, Amounts.amount(qty.get(i).multiply(prices.get(i))));
                                ps.setString(9, item);
                                items.check(
                                    ps.executeUpdate() == 1,
                                    "lines[" + i + "].item_code",
                                    "'" + item + "' is not an active item");
                              }
                            }
                            items.throwIfInvalid();
                            try (PreparedStatement ps =
                                c.prepareStatement(
                                    "UPDATE purchase_order_line SET vat = round(net * vat_rate / 100, 2) WHERE order_id = ?")) {
                              ps.setObject(1, id);
                              ps.executeUpdate();
                            }
                            try (PreparedStatement ps =
                                c.prepareStatement(
                                    "UPDATE purchase_order o SET net_total = s.net, vat_total = s.vat,"
                                        + " gross_total = s.net + s.vat FROM (SELECT sum(net) net, sum(vat) vat"
                                        + " FROM purchase_order_line WHERE order_id = ?) s WHERE o.id = ?")) {
                              ps.setObject(1, id);
                              ps.setObject(2, id);
                              ps.executeUpdate();
                            }
                            t.audit(
                                "purchasing.order.create",
                                "purchase_order",
                                id,
                                number + " to " + s.code());
                            return id;
                          }));
          return order(t, outcome.id());
        });
  }

  public OrderView getOrder(Actor actor, String id) {
    UUID orderId = Ids.parse(id, "id");
    return tx.inCompany(actor, t -> order(t, orderId));
  }

  /** Sends a draft on: approved at once at or below the threshold, else to an approver. */
  public OrderView submit(Actor actor, String id, long version) {
    UUID orderId = Ids.parse(id, "id");
    return decide(
        actor,
        orderId,
        version,
        (c, o) -> {
          if (!o.state().equals("DRAFT")) {
            throw new BusinessRuleException(
                "not_a_draft", o.number() + " was already submitted; it is " + state(o) + ".");
          }
          BigDecimal threshold = settings(c).approvalThreshold();
          boolean needsApproval = o.gross().compareTo(threshold) > 0;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE purchase_order SET state = ?, submitted_by = ?, decided_by = ?, decided_at = ?,"
                      + " decision_note = ? WHERE id = ?")) {
            ps.setString(1, needsApproval ? "AWAITING_APPROVAL" : "APPROVED");
            ps.setString(2, actor.username());
            ps.setString(3, needsApproval ? "" : actor.username());
            ps.setTimestamp(4, needsApproval ? null : Timestamp.from(clock.instant()));
            ps.setString(
                5,
                needsApproval
                    ? ""
                    : "Within the approval threshold of " + Amounts.money(threshold));
            ps.setObject(6, o.id());
            ps.executeUpdate();
          }
          return needsApproval ? "submitted for approval" : "approved within threshold";
        });
  }

  public OrderView approve(Actor actor, String id, long version, String note) {
    return decision(actor, id, version, note, true);
  }

  public OrderView reject(Actor actor, String id, long version, String note) {
    new Validator().text(note, "note", 300).throwIfInvalid();
    return decision(actor, id, version, note, false);
  }

  private OrderView decision(Actor actor, String id, long version, String note, boolean approve) {
    UUID orderId = Ids.parse(id, "id");
    new Validator()
        .check(note == null || note.length() <= 300, "note", "is too long (at most 300 characters)")
        .throwIfInvalid();
    return decide(
        actor,
        orderId,
        version,
        (c, o) -> {
          if (!o.state().equals("AWAITING_APPROVAL")) {
            throw new BusinessRuleException(
                "not_awaiting_approval",
                o.number() + " is " + state(o) + ", not awaiting approval.");
          }
          // Segregation of duties: neither the person who raised the order nor the one who sent
          // it for approval may decide on it.
          boolean submitted = o.submittedBy().equals(actor.username());
          if (submitted || o.createdBy().equals(actor.username())) {
            throw new BusinessRuleException(
                "purchasing.approval.own_order",
                "You "
                    + (submitted ? "submitted " : "created ")
                    + o.number()
                    + "; another approver must "
                    + (approve ? "approve" : "reject")
                    + " it.");
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE purchase_order SET state = ?, decided_by = ?, decided_at = ?, decision_note = ?"
                      + " WHERE id = ?")) {
            ps.setString(1, approve ? "APPROVED" : "REJECTED");
            ps.setString(2, actor.username());
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            ps.setString(4, note == null ? "" : note.trim());
            ps.setObject(5, o.id());
            ps.executeUpdate();
          }
          return approve ? "approved" : "rejected: " + note;
        });
  }

  @FunctionalInterface
  private interface Decision {
    String apply(Connection c, OrderHead o) throws SQLException;
  }

  private OrderView decide(Actor actor, UUID orderId, long version, Decision decision) {
    return tx.inCompany(
        actor,
        t -> {
          String what =
              Jdbc.work(
                  t,
                  c -> {
                    OrderHead o = lockOrder(c, orderId, version);
                    String done = decision.apply(c, o);
                    touch(c, actor, orderId);
                    return o.number() + " " + done;
                  });
          t.audit("purchasing.order.decide", "purchase_order", orderId, what);
          return order(t, orderId);
        });
  }

  public OrderPage listOrders(
      Actor actor, String state, String supplierCode, int pageSize, String pageToken) {
    String st = state == null ? "" : state.trim().toUpperCase(Locale.ROOT);
    String sup = supplierCode == null ? "" : supplierCode.trim().toUpperCase(Locale.ROOT);
    new Validator()
        .check(st.isEmpty() || STATES.contains(st), "state", "is not one of " + STATES)
        .throwIfInvalid();
    DatedKeyset keyset = DatedKeyset.of(pageSize, pageToken);
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          String currency = CompanyAdmin.currencyOf(t);
          DatedKeyset.Page<DatedKeyset.Key> page;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT o.order_date, o.id FROM purchase_order o JOIN party p ON p.id = o.supplier_id"
                      + " WHERE (? = '' OR o.state = ?) AND (? = '' OR p.code = ?)"
                      + keyset.clause("o.order_date", "o.id"))) {
            ps.setString(1, st);
            ps.setString(2, st);
            ps.setString(3, sup);
            ps.setString(4, sup);
            keyset.bind(ps, 5);
            page = keyset.keys(ps);
          }
          List<OrderView> out = new ArrayList<>();
          for (DatedKeyset.Key k : page.rows()) {
            out.add(order(c, k.id(), currency));
          }
          return new OrderPage(out, page.nextPageToken());
        });
  }

  // ---------------------------------------------------------------- receipts

  public ReceiptView receive(
      Actor actor,
      String key,
      String orderId,
      String warehouseCode,
      LocalDate date,
      List<ReceiptLineInput> lines) {
    UUID id = Ids.parse(orderId, "order_id");
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    v.text(warehouseCode, "warehouse_code", 32);
    v.check(date != null, "receipt_date", "is required");
    v.check(!lines.isEmpty(), "lines", "needs at least one line");
    List<BigDecimal> qty = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      BigDecimal q =
          Decimals.parse(v, "lines[" + i + "].quantity", lines.get(i).quantity(), QTY_SCALE, true);
      v.check(q == null || q.signum() > 0, "lines[" + i + "].quantity", "must be more than zero");
      qty.add(q);
    }
    v.throwIfInvalid();
    String wh = warehouseCode.trim().toUpperCase(Locale.ROOT);
    return tx.inCompany(
        actor,
        t -> {
          var outcome =
              Idempotency.once(
                  t,
                  key,
                  "purchasing.receipt.post",
                  id + "\u001f" + wh + '\u001f' + date + '\u001f' + lines,
                  receiptId ->
                      receive(
                          t,
                          actor,
                          receiptId,
                          books.sequenceNumber(t, "GRN", date),
                          id,
                          wh,
                          date,
                          lines,
                          qty));
          return receipt(t, outcome.id());
        });
  }

  private UUID receive(
      Tx t,
      Actor actor,
      UUID receiptId,
      String number,
      UUID orderId,
      String wh,
      LocalDate date,
      List<ReceiptLineInput> lines,
      List<BigDecimal> qty) {
    OrderHead o = Jdbc.work(t, c -> lockOrder(c, orderId, null));
    if (!o.state().equals("APPROVED")) {
      throw new BusinessRuleException(
          "order_not_approved",
          o.number()
              + " is "
              + state(o)
              + (o.state().equals("RECEIVED")
                  ? "; everything on it was received."
                  : "; goods can be received only against an approved order."));
    }
    Map<Integer, LineRow> rows = Jdbc.work(t, c -> lines(c, orderId));
    Validator v = new Validator();
    Map<Integer, BigDecimal> wanted = new HashMap<>();
    List<StockLedger.LineInput> stockLines = new ArrayList<>();
    List<BigDecimal> costs = new ArrayList<>();
    List<LineRow> stockRows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      LineRow l = rows.get(lines.get(i).orderLineNo());
      String f = "lines[" + i + "]";
      if (l == null) {
        v.check(
            false, f + ".order_line_no", o.number() + " has no line " + lines.get(i).orderLineNo());
        continue;
      }
      BigDecimal total = wanted.merge(l.lineNo(), qty.get(i), BigDecimal::add);
      BigDecimal open = l.quantity().subtract(l.received());
      v.check(
          total.compareTo(open) <= 0,
          f + ".quantity",
          "line "
              + l.lineNo()
              + " ("
              + l.itemCode()
              + ") has "
              + Amounts.qty(open)
              + " "
              + l.unit()
              + " left to receive");
      v.check(
          !l.kind().equals("SERVICE"),
          f + ".order_line_no",
          l.itemCode() + " is a service; bill it without a receipt");
      String lot = lines.get(i).lot() == null ? "" : lines.get(i).lot().trim();
      stockLines.add(new StockLedger.LineInput(l.itemCode(), wh, lot, qty.get(i).toPlainString()));
      costs.add(l.price());
      stockRows.add(l);
    }
    v.throwIfInvalid();
    StockLedger.Moved moved = stock.receiveWithin(t, number, stockLines, costs);
    Map<String, BigDecimal> byAccount = new TreeMap<>();
    for (int k = 0; k < stockRows.size(); k++) {
      byAccount.merge(
          Books.inventoryAccount(stockRows.get(k).kind()), moved.values().get(k), BigDecimal::add);
    }
    BigDecimal value = moved.total();
    UUID entry = null;
    if (value.signum() > 0) {
      List<Books.Line> posting = new ArrayList<>();
      byAccount.forEach(
          (account, amount) -> {
            if (amount.signum() > 0) {
              posting.add(new Books.Line(account, amount, BigDecimal.ZERO, number));
            }
          });
      posting.add(new Books.Line("2010", BigDecimal.ZERO, value, o.number()));
      entry =
          books.post(
              t,
              date,
              "Goods receipt " + number + " for " + o.number(),
              "RECEIPT",
              receiptId,
              posting);
    }
    UUID journal = entry;
    Jdbc.work(
        t,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO goods_receipt (id, company_id, number, order_id, warehouse_id, receipt_date,"
                      + " movement_id, journal_entry_id, value, posted_at, posted_by)"
                      + " SELECT ?, ?, ?, ?, w.id, ?, ?, ?, ?, ?, ? FROM warehouse w WHERE w.code = ?")) {
            ps.setObject(1, receiptId);
            ps.setObject(2, actor.companyId());
            ps.setString(3, number);
            ps.setObject(4, orderId);
            ps.setDate(5, Date.valueOf(date));
            ps.setObject(6, moved.movementId());
            ps.setObject(7, journal);
            ps.setBigDecimal(8, value);
            ps.setTimestamp(9, Timestamp.from(clock.instant()));
            ps.setString(10, actor.username());
            ps.setString(11, wh);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO goods_receipt_line (id, company_id, receipt_id, order_line_id, lot, quantity)"
                          + " VALUES (?, ?, ?, ?, ?, ?)");
              PreparedStatement up =
                  c.prepareStatement(
                      "UPDATE purchase_order_line SET received_qty = received_qty + ? WHERE id = ?")) {
            for (int k = 0; k < stockRows.size(); k++) {
              ps.setObject(1, Ids.newId());
              ps.setObject(2, actor.companyId());
              ps.setObject(3, receiptId);
              ps.setObject(4, stockRows.get(k).id());
              ps.setString(5, stockLines.get(k).lot());
              ps.setBigDecimal(6, qty.get(k));
              ps.addBatch();
              up.setBigDecimal(1, qty.get(k));
              up.setObject(2, stockRows.get(k).id());
              up.addBatch();
            }
            ps.executeBatch();
            up.executeBatch();
          }
          advance(c, actor, orderId);
          return null;
        });
    t.audit(
        "purchasing.receipt.post",
        "goods_receipt",
        receiptId,
        number + " for " + o.number() + ", " + Amounts.money(value));
    return receiptId;
  }

  // ---------------------------------------------------------------- bills

  public BillView bill(
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
      BigDecimal q = Decimals.parse(v, f + ".quantity", lines.get(i).quantity(), QTY_SCALE, true);
      v.check(q == null || q.signum() > 0, f + ".quantity", "must be more than zero");
      BigDecimal p = Decimals.parse(v, f + ".unit_price", lines.get(i).unitPrice(), 4, true);
      v.check(p == null || p.signum() >= 0, f + ".unit_price", "must not be negative");
      qty.add(q);
      prices.add(p);
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
    OrderHead o = Jdbc.work(t, c -> lockOrder(c, orderId, null));
    if (!o.state().equals("APPROVED") && !o.state().equals("RECEIVED")) {
      throw new BusinessRuleException(
          "order_not_billable", o.number() + " is " + state(o) + "; it cannot be billed.");
    }
    Supplier s = Jdbc.work(t, c -> supplierById(c, o.supplierId()));
    String earlier = Jdbc.work(t, c -> billNumber(c, s.id(), invoiceNo));
    if (earlier != null) {
      throw new BusinessRuleException(
          "bill_already_entered",
          "Invoice " + invoiceNo + " of " + s.code() + " was already entered as " + earlier + ".");
    }
    Settings rules = Jdbc.work(t, PurchaseDesk::settings);
    Map<Integer, LineRow> rows = Jdbc.work(t, c -> lines(c, orderId));
    Validator v = new Validator();
    List<String> mismatches = new ArrayList<>();
    Map<Integer, BigDecimal> wanted = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      LineRow l = rows.get(lines.get(i).orderLineNo());
      if (l == null) {
        v.check(
            false,
            "lines[" + i + "].order_line_no",
            o.number() + " has no line " + lines.get(i).orderLineNo());
        continue;
      }
      BigDecimal billed = l.billed().add(wanted.merge(l.lineNo(), qty.get(i), BigDecimal::add));
      // Services are billed against the order; goods against what was received.
      BigDecimal basis = l.kind().equals("SERVICE") ? l.quantity() : l.received();
      BigDecimal allowed =
          basis.multiply(BigDecimal.ONE.add(rules.quantityTolerancePct().movePointLeft(2)));
      if (billed.compareTo(allowed) > 0) {
        mismatches.add(
            "line "
                + l.lineNo()
                + " ("
                + l.itemCode()
                + "): billed "
                + Amounts.qty(billed)
                + " "
                + l.unit()
                + " in all, but "
                + Amounts.qty(basis)
                + " "
                + l.unit()
                + (l.kind().equals("SERVICE") ? " ordered" : " received"));
      }
      BigDecimal maxPrice =
          l.price().multiply(BigDecimal.ONE.add(rules.priceTolerancePct().movePointLeft(2)));
      if (prices.get(i).compareTo(maxPrice) > 0) {
        BigDecimal over =
            l.price().signum() == 0
                ? BigDecimal.valueOf(100)
                : prices
                    .get(i)
                    .subtract(l.price())
                    .multiply(BigDecimal.valueOf(100))
                    .divide(l.price(), 1, RoundingMode.HALF_UP);
        mismatches.add(
            "line "
                + l.lineNo()
                + " ("
                + l.itemCode()
                + "): price "
                + Amounts.money(prices.get(i))
                + " is "
                + over.toPlainString()
                + " % above the order's "
                + Amounts.money(l.price())
                + " (tolerance "
                + Amounts.qty(rules.priceTolerancePct())
                + " %)");
      }
    }
    v.throwIfInvalid();
    if (!mismatches.isEmpty()) {
      throw new BusinessRuleException(
          "three_way_mismatch",
          "The bill does not match "
              + o.number()
              + " and its receipts: "
              + String.join("; ", mismatches)
              + ". Correct the bill, receive the goods first, or ask the supplier for a corrected invoice.");
    }
    BigDecimal net = BigDecimal.ZERO;
    BigDecimal vat = BigDecimal.ZERO;
    BigDecimal grni = BigDecimal.ZERO;
    BigDecimal services = BigDecimal.ZERO;
    List<BigDecimal[]> amounts = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      LineRow l = rows.get(lines.get(i).orderLineNo());
      BigDecimal lineNet = Amounts.amount(qty.get(i).multiply(prices.get(i)));
      BigDecimal lineVat = Amounts.vat(lineNet, l.rate());
      amounts.add(new BigDecimal[] {lineNet, lineVat});
      net = net.add(lineNet);
      vat = vat.add(lineVat);
      if (l.kind().equals("SERVICE")) {
        services = services.add(lineNet);
      } else {
        grni = grni.add(Amounts.amount(qty.get(i).multiply(l.price())));
      }
    }
    BigDecimal gross = net.add(vat);
    BigDecimal variance = net.subtract(services).subtract(grni);
    List<Books.Line> posting = new ArrayList<>();
    if (grni.signum() > 0) {
      posting.add(new Books.Line("2010", grni, BigDecimal.ZERO, o.number()));
    }
    if (services.signum() > 0) {
      posting.add(new Books.Line("6000", services, BigDecimal.ZERO, o.number()));
    }
    if (variance.signum() > 0) {
      posting.add(new Books.Line("5900", variance, BigDecimal.ZERO, "Price difference"));
    }
    if (vat.signum() > 0) {
      posting.add(new Books.Line("1300", vat, BigDecimal.ZERO, "Input VAT " + invoiceNo));
    }
    if (gross.signum() > 0) {
      posting.add(new Books.Line("2000", BigDecimal.ZERO, gross, s.code() + " " + invoiceNo));
    }
    if (variance.signum() < 0) {
      posting.add(new Books.Line("5900", BigDecimal.ZERO, variance.negate(), "Price difference"));
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
              LineRow l = rows.get(lines.get(i).orderLineNo());
              ps.setObject(1, Ids.newId());
              ps.setObject(2, actor.companyId());
              ps.setObject(3, billId);
              ps.setInt(4, i + 1);
              ps.setObject(5, l.id());
              ps.setBigDecimal(6, qty.get(i));
              ps.setBigDecimal(7, prices.get(i));
              ps.setBigDecimal(8, l.rate());
              ps.setBigDecimal(9, amounts.get(i)[0]);
              ps.setBigDecimal(10, amounts.get(i)[1]);
              ps.addBatch();
              up.setBigDecimal(1, qty.get(i));
              up.setObject(2, l.id());
              up.addBatch();
            }
            ps.executeBatch();
            up.executeBatch();
          }
          advance(c, actor, orderId);
          return null;
        });
    t.audit(
        "purchasing.bill.post",
        "supplier_bill",
        billId,
        number + " (" + invoiceNo + ") for " + o.number() + ", " + Amounts.money(gross));
    return billId;
  }

  public BillPage listBills(
      Actor actor, String supplierCode, boolean openOnly, int pageSize, String pageToken) {
    String sup = supplierCode == null ? "" : supplierCode.trim().toUpperCase(Locale.ROOT);
    DatedKeyset keyset = DatedKeyset.of(pageSize, pageToken);
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          String currency = CompanyAdmin.currencyOf(t);
          DatedKeyset.Page<DatedKeyset.Key> page;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT b.bill_date, b.id FROM supplier_bill b JOIN party p ON p.id = b.supplier_id"
                      + " WHERE (? = '' OR p.code = ?) AND (NOT ? OR b.settled < b.gross)"
                      + keyset.clause("b.bill_date", "b.id"))) {
            ps.setString(1, sup);
            ps.setString(2, sup);
            ps.setBoolean(3, openOnly);
            keyset.bind(ps, 4);
            page = keyset.keys(ps);
          }
          List<BillView> out = new ArrayList<>();
          for (DatedKeyset.Key k : page.rows()) {
            out.add(bill(c, k.id(), currency));
          }
          return new BillPage(out, page.nextPageToken());
        });
  }

  // ---------------------------------------------------------------- payments

  public PaymentView pay(
      Actor actor,
      String key,
      String supplierCode,
      LocalDate date,
      String amountText,
      String method,
      String reference,
      List<AllocationInput> allocations) {
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    v.text(supplierCode, "supplier_code", 32);
    v.check(date != null, "payment_date", "is required");
    BigDecimal amount = Decimals.parse(v, "amount", amountText, Amounts.SCALE, true);
    v.check(amount == null || amount.signum() > 0, "amount", "must be more than zero");
    String m = method == null || method.isBlank() ? "BANK" : method.trim().toUpperCase(Locale.ROOT);
    v.check(m.equals("BANK") || m.equals("CASH"), "method", "must be BANK or CASH");
    v.check(
        reference == null || reference.length() <= 100,
        "reference",
        "is too long (at most 100 characters)");
    Allocations alloc =
        Allocations.read(
            v,
            allocations,
            AllocationInput::billId,
            AllocationInput::amount,
            "bill_id",
            "bill",
            amount);
    List<UUID> bills = alloc.documents();
    List<BigDecimal> amounts = alloc.amounts();
    v.throwIfInvalid();
    String code = supplierCode.trim().toUpperCase(Locale.ROOT);
    String ref = reference == null ? "" : reference.trim();
    return tx.inCompany(
        actor,
        t -> {
          var outcome =
              Idempotency.once(
                  t,
                  key,
                  "purchasing.payment.post",
                  code + '\u001f' + date + '\u001f' + amount + m + ref + allocations,
                  paymentId -> {
                    Supplier s = Jdbc.work(t, c -> supplier(c, code));
                    String number = books.sequenceNumber(t, "PV", date);
                    List<Integer> order = alloc.lockOrder();
                    Validator check = new Validator();
                    for (int i : order) {
                      BillView b = Jdbc.work(t, c -> lockedBill(c, bills.get(i)));
                      String f = "allocations[" + i + "]";
                      check.check(
                          b.supplierCode().equals(s.code()),
                          f + ".bill_id",
                          b.number() + " is not a bill of " + s.code());
                      check.check(
                          amounts.get(i).compareTo(b.open()) <= 0,
                          f + ".amount",
                          b.number() + " has only " + Amounts.money(b.open()) + " open");
                    }
                    check.throwIfInvalid();
                    UUID entry =
                        books.post(
                            t,
                            date,
                            "Payment " + number + " to " + s.code(),
                            "SUPPLIER_PAYMENT",
                            paymentId,
                            List.of(
                                new Books.Line("2000", amount, BigDecimal.ZERO, s.code()),
                                new Books.Line(
                                    m.equals("CASH") ? "1000" : "1010",
                                    BigDecimal.ZERO,
                                    amount,
                                    ref)));
                    Jdbc.work(
                        t,
                        c -> {
                          try (PreparedStatement ps =
                              c.prepareStatement(
                                  "INSERT INTO supplier_payment (id, company_id, number, supplier_id, payment_date,"
                                      + " amount, method, reference, journal_entry_id, posted_at, posted_by)"
                                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                            ps.setObject(1, paymentId);
                            ps.setObject(2, actor.companyId());
                            ps.setString(3, number);
                            ps.setObject(4, s.id());
                            ps.setDate(5, Date.valueOf(date));
                            ps.setBigDecimal(6, amount);
                            ps.setString(7, m);
                            ps.setString(8, ref);
                            ps.setObject(9, entry);
                            ps.setTimestamp(10, Timestamp.from(clock.instant()));
                            ps.setString(11, actor.username());
                            ps.executeUpdate();
                          }
                          try (PreparedStatement ps =
                                  c.prepareStatement(
                                      "INSERT INTO supplier_payment_allocation (id, company_id, payment_id, bill_id,"
                                          + " amount) VALUES (?, ?, ?, ?, ?)");
                              PreparedStatement up =
                                  c.prepareStatement(
                                      "UPDATE supplier_bill SET settled = settled + ? WHERE id = ?")) {
                            for (int i = 0; i < bills.size(); i++) {
                              ps.setObject(1, Ids.newId());
                              ps.setObject(2, actor.companyId());
                              ps.setObject(3, paymentId);
                              ps.setObject(4, bills.get(i));
                              ps.setBigDecimal(5, amounts.get(i));
                              ps.addBatch();
                              up.setBigDecimal(1, amounts.get(i));
                              up.setObject(2, bills.get(i));
                              up.addBatch();
                            }
                            ps.executeBatch();
                            up.executeBatch();
                          }
                          return null;
                        });
                    t.audit(
                        "purchasing.payment.post",
                        "supplier_payment",
                        paymentId,
                        number + " to " + s.code() + ", " + Amounts.money(amount));
                    return paymentId;
                  });
          return Jdbc.work(t, c -> payment(c, outcome.id(), CompanyAdmin.currencyOf(t)));
        });
  }

  /** Open bills per supplier by days past due. */
  public Ageing payablesAgeing(Actor actor, LocalDate asOf) {
    return tx.reportInCompany(
        actor,
        (t, c) ->
            Ageing.of(
                t,
                c,
                clock,
                "SELECT p.code, p.name, b.due_date, b.gross - b.settled FROM supplier_bill b"
                    + " JOIN party p ON p.id = b.supplier_id"
                    + " WHERE b.settled < b.gross AND b.bill_date <= ?",
                asOf));
  }

  // ---------------------------------------------------------------- settings

  public Settings settings(Actor actor) {
    return tx.sqlInCompany(actor, (t, c) -> settings(c));
  }

  public Settings updateSettings(
      Actor actor, String threshold, String priceTolerance, String quantityTolerance) {
    Validator v = new Validator();
    BigDecimal th = Decimals.parse(v, "approval_threshold", threshold, 4, true);
    BigDecimal pt = Decimals.parse(v, "price_tolerance_percent", priceTolerance, 4, true);
    BigDecimal qt = Decimals.parse(v, "quantity_tolerance_percent", quantityTolerance, 4, true);
    v.check(th == null || th.signum() >= 0, "approval_threshold", "must not be negative");
    v.check(
        pt == null || (pt.signum() >= 0 && pt.compareTo(BigDecimal.valueOf(100)) <= 0),
        "price_tolerance_percent",
        "must be between 0 and 100");
    v.check(
        qt == null || (qt.signum() >= 0 && qt.compareTo(BigDecimal.valueOf(100)) <= 0),
        "quantity_tolerance_percent",
        "must be between 0 and 100");
    v.throwIfInvalid();
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE purchasing_setting SET approval_threshold = ?, price_tolerance_pct = ?,"
                      + " quantity_tolerance_pct = ?")) {
            ps.setBigDecimal(1, th);
            ps.setBigDecimal(2, pt);
            ps.setBigDecimal(3, qt);
            ps.executeUpdate();
          }
          t.audit(
              "purchasing.settings.update",
              "purchasing_setting",
              actor.companyId(),
              "approval above "
                  + th.toPlainString()
                  + ", price tolerance "
                  + pt
                  + " %, quantity "
                  + qt
                  + " %");
          return settings(c);
        });
  }

  // ---------------------------------------------------------------- reading back

  private static Settings settings(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT approval_threshold, price_tolerance_pct, quantity_tolerance_pct FROM purchasing_setting");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return new Settings(new BigDecimal("500000"), new BigDecimal("2"), BigDecimal.ZERO);
      }
      return new Settings(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3));
    }
  }

  private static OrderHead lockOrder(Connection c, UUID id, Long version) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT number, state, supplier_id, gross_total, submitted_by, version, updated_by, updated_at,"
                + " created_by FROM purchase_order WHERE id = ? FOR UPDATE")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("Purchase order", id.toString());
        }
        if (version != null) {
          Versions.check(
              "Order " + rs.getString(1),
              version,
              rs.getLong(6),
              rs.getString(7),
              rs.getTimestamp(8).toInstant());
        }
        return new OrderHead(
            id,
            rs.getString(1),
            rs.getString(2),
            rs.getObject(3, UUID.class),
            rs.getBigDecimal(4),
            rs.getString(5),
            rs.getString(9));
      }
    }
  }

  private void touch(Connection c, Actor actor, UUID id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE purchase_order SET version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?")) {
      ps.setTimestamp(1, Timestamp.from(clock.instant()));
      ps.setString(2, actor.username());
      ps.setObject(3, id);
      ps.executeUpdate();
    }
  }

  /** APPROVED → RECEIVED when all goods are in; → CLOSED when everything is billed too. */
  private void advance(Connection c, Actor actor, UUID orderId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE purchase_order o SET state = CASE"
                + " WHEN s.all_billed THEN 'CLOSED' WHEN s.all_received THEN 'RECEIVED' ELSE o.state END"
                + " FROM (SELECT bool_and(l.billed_qty >= l.quantity) all_billed,"
                + "  bool_and(l.received_qty = l.quantity OR i.kind = 'SERVICE') all_received"
                + "  FROM purchase_order_line l JOIN item i ON i.id = l.item_id WHERE l.order_id = ?) s"
                + " WHERE o.id = ?")) {
      ps.setObject(1, orderId);
      ps.setObject(2, orderId);
      ps.executeUpdate();
    }
    touch(c, actor, orderId);
  }

  private static Map<Integer, LineRow> lines(Connection c, UUID orderId) throws SQLException {
    Map<Integer, LineRow> out = new TreeMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT l.id, l.line_no, l.item_id, i.code, i.unit_code, i.kind, l.quantity, l.unit_price,"
                + " l.vat_rate, l.received_qty, l.billed_qty FROM purchase_order_line l"
                + " JOIN item i ON i.id = l.item_id WHERE l.order_id = ? ORDER BY l.line_no")) {
      ps.setObject(1, orderId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(
              rs.getInt(2),
              new LineRow(
                  rs.getObject(1, UUID.class),
                  rs.getInt(2),
                  rs.getObject(3, UUID.class),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getBigDecimal(7),
                  rs.getBigDecimal(8),
                  rs.getBigDecimal(9),
                  rs.getBigDecimal(10),
                  rs.getBigDecimal(11)));
        }
      }
    }
    return out;
  }

  private OrderView order(Tx t, UUID id) {
    String currency = CompanyAdmin.currencyOf(t);
    return Jdbc.work(t, c -> order(c, id, currency));
  }

  private static OrderView order(Connection c, UUID id, String currency) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT o.number, p.code, p.name, o.order_date, o.state, o.note, o.net_total, o.vat_total,"
                + " o.gross_total, o.submitted_by, o.decided_by, o.decided_at, o.decision_note, o.version"
                + " FROM purchase_order o JOIN party p ON p.id = o.supplier_id WHERE o.id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("Purchase order", id.toString());
        }
        List<LineView> lines = new ArrayList<>();
        try (PreparedStatement pl =
            c.prepareStatement(
                "SELECT l.line_no, i.code, i.name, i.unit_code, l.quantity, l.unit_price, l.vat_rate, l.net,"
                    + " l.vat, l.received_qty, l.billed_qty FROM purchase_order_line l"
                    + " JOIN item i ON i.id = l.item_id WHERE l.order_id = ? ORDER BY l.line_no")) {
          pl.setObject(1, id);
          try (ResultSet rl = pl.executeQuery()) {
            while (rl.next()) {
              lines.add(
                  new LineView(
                      rl.getInt(1),
                      rl.getString(2),
                      rl.getString(3),
                      rl.getString(4),
                      rl.getBigDecimal(5),
                      rl.getBigDecimal(6),
                      rl.getBigDecimal(7),
                      rl.getBigDecimal(8),
                      rl.getBigDecimal(9),
                      rl.getBigDecimal(10),
                      rl.getBigDecimal(11)));
            }
          }
        }
        Timestamp decided = rs.getTimestamp(12);
        return new OrderView(
            id,
            rs.getString(1),
            rs.getString(2),
            rs.getString(3),
            rs.getDate(4).toLocalDate(),
            rs.getString(5),
            rs.getString(6),
            lines,
            rs.getBigDecimal(7),
            rs.getBigDecimal(8),
            rs.getBigDecimal(9),
            rs.getString(10),
            rs.getString(11),
            decided == null ? null : decided.toInstant(),
            rs.getString(13),
            rs.getLong(14),
            currency);
      }
    }
  }

  private ReceiptView receipt(Tx t, UUID id) {
    String currency = CompanyAdmin.currencyOf(t);
    return Jdbc.work(
        t,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT r.number, r.order_id, o.number, w.code, r.receipt_date, r.value, r.journal_entry_id"
                      + " FROM goods_receipt r JOIN purchase_order o ON o.id = r.order_id"
                      + " JOIN warehouse w ON w.id = r.warehouse_id WHERE r.id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return new ReceiptView(
                  id,
                  rs.getString(1),
                  rs.getObject(2, UUID.class),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getDate(5).toLocalDate(),
                  rs.getBigDecimal(6),
                  Books.entryNumber(c, rs.getObject(7, UUID.class)),
                  currency);
            }
          }
        });
  }

  private BillView bill(Tx t, UUID id) {
    String currency = CompanyAdmin.currencyOf(t);
    return Jdbc.work(t, c -> bill(c, id, currency));
  }

  private static BillView lockedBill(Connection c, UUID id) throws SQLException {
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

  private static PaymentView payment(Connection c, UUID id, String currency) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT m.number, p.code, m.payment_date, m.amount, m.journal_entry_id"
                + " FROM supplier_payment m JOIN party p ON p.id = m.supplier_id WHERE m.id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new PaymentView(
            id,
            rs.getString(1),
            rs.getString(2),
            rs.getDate(3).toLocalDate(),
            rs.getBigDecimal(4),
            Books.entryNumber(c, rs.getObject(5, UUID.class)),
            currency);
      }
    }
  }

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

  private static Supplier supplier(Connection c, String code) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, code, name, payment_terms_days FROM party WHERE code = ? AND is_supplier AND active")) {
      ps.setString(1, code);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw InvalidInputException.of(
              "supplier_code", "'" + code + "' is not an active supplier");
        }
        return new Supplier(
            rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4));
      }
    }
  }

  private static Supplier supplierById(Connection c, UUID id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id, code, name, payment_terms_days FROM party WHERE id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Supplier(
            rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4));
      }
    }
  }

  private static String state(OrderHead o) {
    return o.state().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
