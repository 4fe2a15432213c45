package io.millstone.server.sales;

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
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Quotation to cash. Every document that moves stock or money posts to the books and the stock
 * ledger in its own transaction, so a document, its stock moves and its journal entry commit or
 * fail together. Orders, deliveries and receipts take their numbers in a short transaction of their
 * own (those series may have gaps); tax invoices and credit notes take theirs last, inside their
 * transaction, so the series is gapless and only invoices of one company wait on each other.
 */
public final class SalesDesk {
  static final int QTY_SCALE = StockLedger.QUANTITY_SCALE;
  static final int PRICE_SCALE = 4;

  static final int AMOUNT_SCALE = Amounts.SCALE;

  /** Scales of the stored amounts and VAT rates (numeric(19, 4), numeric(7, 4)). */
  private static final int STORED_SCALE = 4;

  private static final int RATE_SCALE = 4;

  static final Set<String> STATES =
      Set.of("QUOTATION", "CONFIRMED", "DELIVERED", "INVOICED", "CANCELLED");

  public record OrderLineInput(String itemCode, String quantity, String unitPrice) {}

  public record DeliveryLineInput(int orderLineNo, String quantity, String lot) {}

  public record CreditLineInput(int lineNo, String quantity) {}

  public record AllocationInput(String invoiceId, String amount) {}

  public record OrderLineView(
      int lineNo,
      String itemCode,
      String itemName,
      String unitCode,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal vatRate,
      BigDecimal net,
      BigDecimal vat,
      BigDecimal delivered,
      BigDecimal invoiced) {}

  public record OrderView(
      UUID id,
      String number,
      String quoteNumber,
      String customerCode,
      String customerName,
      LocalDate date,
      String state,
      String note,
      List<OrderLineView> lines,
      BigDecimal net,
      BigDecimal vat,
      BigDecimal gross,
      long version,
      Instant updatedAt,
      String updatedBy,
      String currency) {}

  public record OrderPage(List<OrderView> orders, String nextPageToken) {}

  public record DeliveryLineView(
      int orderLineNo, String itemCode, String lot, BigDecimal quantity) {}

  public record DeliveryView(
      UUID id,
      String number,
      UUID orderId,
      String orderNumber,
      String warehouseCode,
      LocalDate date,
      List<DeliveryLineView> lines,
      BigDecimal cost,
      String entryNumber,
      String currency) {}

  public record InvoiceLineView(
      int lineNo,
      String itemCode,
      String itemName,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal vatRate,
      BigDecimal net,
      BigDecimal vat,
      BigDecimal credited) {}

  public record InvoiceView(
      UUID id,
      String number,
      String kind,
      UUID orderId,
      String orderNumber,
      String customerCode,
      String customerName,
      String customerBin,
      UUID creditedInvoiceId,
      LocalDate date,
      LocalDate dueDate,
      String reason,
      List<InvoiceLineView> lines,
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

  public record InvoicePage(List<InvoiceView> invoices, String nextPageToken) {}

  public record AllocationView(UUID invoiceId, String invoiceNumber, BigDecimal amount) {}

  public record PaymentView(
      UUID id,
      String number,
      String customerCode,
      LocalDate date,
      BigDecimal amount,
      String method,
      String reference,
      List<AllocationView> allocations,
      String entryNumber,
      String currency) {}

  private record Customer(
      UUID id,
      String code,
      String name,
      BigDecimal creditLimit,
      boolean noCreditLimit,
      int termsDays,
      String bin) {}

  private record ItemRow(
      UUID id,
      String code,
      String name,
      String unit,
      String kind,
      BigDecimal price,
      String taxCategory) {}

  private record PricedLine(ItemRow item, BigDecimal qty, BigDecimal price, BigDecimal rate) {
    BigDecimal net() {
      return Amounts.amount(qty.multiply(price));
    }

    BigDecimal vat() {
      return Amounts.vat(net(), rate);
    }
  }

  private final Transactions tx;
  private final Books books;
  private final StockLedger stock;
  private final Clock clock;

  public SalesDesk(Transactions tx, Books books, StockLedger stock, Clock clock) {
    this.tx = tx;
    this.books = books;
    this.stock = stock;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- orders

  public OrderView createOrder(
      Actor actor,
      String key,
      String customerCode,
      LocalDate date,
      List<OrderLineInput> lines,
      String note,
      boolean quotation) {
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    v.text(customerCode, "customer_code", 32);
    v.check(date != null, "order_date", "is required");
    v.check(note == null || note.length() <= 500, "note", "is too long (at most 500 characters)");
    List<BigDecimal[]> parsed = parseLines(v, lines);
    v.throwIfInvalid();
    String customer = customerCode.trim().toUpperCase(Locale.ROOT);
    return tx.inCompany(
        actor,
        t ->
            // What this call writes, answered as written instead of read back.
            Idempotency.once(
                t,
                key,
                "sales.order.create",
                customer + '\u001f' + date + '\u001f' + lines + '\u001f' + note + quotation,
                id ->
                    Jdbc.work(
                        t,
                        c -> {
                          String number = books.sequenceNumber(t, quotation ? "QT" : "SO", date);
                          Customer cust = customer(c, customer, "customer_code");
                          List<PricedLine> priced =
                              price(c, CompanyAdmin.vatRateOf(t), lines, parsed);
                          String state = quotation ? "QUOTATION" : "CONFIRMED";
                          if (!quotation) {
                            checkCredit(c, cust, gross(priced), null);
                          }
                          // PostgreSQL keeps microseconds: the answer shows the stored instant.
                          Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                          BigDecimal net = BigDecimal.ZERO;
                          BigDecimal vat = BigDecimal.ZERO;
                          for (PricedLine l : priced) {
                            net = net.add(l.net());
                            vat = vat.add(l.vat());
                          }
                          String trimmedNote = note == null ? "" : note.trim();
                          try (PreparedStatement ps =
                              c.prepareStatement(
                                  "INSERT INTO sales_order (id, company_id, number, customer_id, order_date, state, note,"
                                      + " net_total, vat_total, gross_total, created_at, created_by, updated_at, updated_by)"
                                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                            ps.setObject(1, id);
                            ps.setObject(2, actor.companyId());
                            ps.setString(3, number);
                            ps.setObject(4, cust.id());
                            ps.setDate(5, Date.valueOf(date));
                            ps.setString(6, state);
                            ps.setString(7, trimmedNote);
                            ps.setBigDecimal(8, net);
                            ps.setBigDecimal(9, vat);
                            ps.setBigDecimal(10, net.add(vat));
                            ps.setTimestamp(11, Timestamp.from(now));
                            ps.setString(12, actor.username());
                            ps.setTimestamp(13, Timestamp.from(now));
                            ps.setString(14, actor.username());
                            ps.executeUpdate();
                          }
                          insertLines(c, actor, id, priced);
                          List<OrderLineView> views = new ArrayList<>();
                          for (int i = 0; i < priced.size(); i++) {
                            PricedLine l = priced.get(i);
                            views.add(
                                new OrderLineView(
                                    i + 1,
                                    l.item().code(),
                                    l.item().name(),
                                    l.item().unit(),
                                    l.qty().setScale(QTY_SCALE),
                                    l.price().setScale(PRICE_SCALE),
                                    l.rate().setScale(RATE_SCALE, java.math.RoundingMode.HALF_UP),
                                    l.net().setScale(STORED_SCALE),
                                    l.vat().setScale(STORED_SCALE),
                                    BigDecimal.ZERO.setScale(QTY_SCALE),
                                    BigDecimal.ZERO.setScale(QTY_SCALE)));
                          }
                          OrderView made =
                              new OrderView(
                                  id,
                                  number,
                                  "",
                                  cust.code(),
                                  cust.name(),
                                  date,
                                  state,
                                  trimmedNote,
                                  List.copyOf(views),
                                  net.setScale(STORED_SCALE),
                                  vat.setScale(STORED_SCALE),
                                  net.add(vat).setScale(STORED_SCALE),
                                  0,
                                  now,
                                  actor.username(),
                                  CompanyAdmin.currencyOf(t));
                          t.audit(
                              "sales.order.create",
                              "sales_order",
                              id,
                              number + " for " + cust.code() + ", " + Amounts.money(gross(priced)));
                          return made;
                        }),
                id -> order(t, id)));
  }

  public OrderView getOrder(Actor actor, String orderId) {
    UUID id = Ids.parse(orderId, "id");
    return tx.inCompany(actor, t -> order(t, id));
  }

  public OrderView updateOrder(
      Actor actor, String orderId, long version, List<OrderLineInput> lines, String note) {
    UUID id = Ids.parse(orderId, "id");
    Validator v = new Validator();
    v.check(note == null || note.length() <= 500, "note", "is too long (at most 500 characters)");
    List<BigDecimal[]> parsed = parseLines(v, lines);
    v.throwIfInvalid();
    return tx.inCompany(
        actor,
        t -> {
          Jdbc.work(
              t,
              c -> {
                OrderHead o = lockOrder(c, id, version);
                if (!o.state().equals("QUOTATION") && !o.state().equals("CONFIRMED")) {
                  throw new BusinessRuleException(
                      "order_not_editable",
                      o.number()
                          + " is "
                          + o.state().toLowerCase(Locale.ROOT)
                          + "; it can no longer be changed.");
                }
                if (o.anyDelivered()) {
                  throw new BusinessRuleException(
                      "order_not_editable",
                      o.number()
                          + " has deliveries; change it with a credit note or a new order instead.");
                }
                List<PricedLine> priced = price(c, CompanyAdmin.vatRateOf(t), lines, parsed);
                if (o.state().equals("CONFIRMED")) {
                  checkCredit(c, customerById(c, o.customerId()), gross(priced), id);
                }
                try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM sales_order_line WHERE order_id = ?")) {
                  ps.setObject(1, id);
                  ps.executeUpdate();
                }
                writeLines(c, actor, id, priced);
                touch(c, actor, id, o.state(), note == null ? "" : note.trim(), null);
                t.audit("sales.order.update", "sales_order", id, o.number() + " lines replaced");
                return null;
              });
          return order(t, id);
        });
  }

  public OrderView confirmOrder(Actor actor, String orderId, long version) {
    UUID id = Ids.parse(orderId, "id");
    return tx.inCompany(
        actor,
        t -> {
          Jdbc.work(
              t,
              c -> {
                OrderHead o = lockOrder(c, id, version);
                if (!o.state().equals("QUOTATION")) {
                  throw new BusinessRuleException(
                      "not_a_quotation",
                      o.number()
                          + " is "
                          + o.state().toLowerCase(Locale.ROOT)
                          + ", not a quotation.");
                }
                String number = books.sequenceNumber(t, "SO", o.orderDate());
                checkCredit(c, customerById(c, o.customerId()), o.gross(), id);
                touch(c, actor, id, "CONFIRMED", null, number);
                t.audit(
                    "sales.order.confirm",
                    "sales_order",
                    id,
                    o.number() + " confirmed as " + number);
                return null;
              });
          return order(t, id);
        });
  }

  public OrderView cancelOrder(Actor actor, String orderId, long version) {
    UUID id = Ids.parse(orderId, "id");
    return tx.inCompany(
        actor,
        t -> {
          Jdbc.work(
              t,
              c -> {
                OrderHead o = lockOrder(c, id, version);
                if (o.anyDelivered() || o.state().equals("CANCELLED")) {
                  throw new BusinessRuleException(
                      "order_not_cancellable",
                      o.number()
                          + (o.state().equals("CANCELLED")
                              ? " is already cancelled."
                              : " has deliveries and cannot be cancelled; take the goods back and"
                                  + " issue a credit note instead."));
                }
                touch(c, actor, id, "CANCELLED", null, null);
                t.audit("sales.order.cancel", "sales_order", id, o.number() + " cancelled");
                return null;
              });
          return order(t, id);
        });
  }

  public OrderPage listOrders(
      Actor actor, String state, String customerCode, int pageSize, String pageToken) {
    String st = state == null ? "" : state.trim().toUpperCase(Locale.ROOT);
    String cust = customerCode == null ? "" : customerCode.trim().toUpperCase(Locale.ROOT);
    new Validator()
        .check(st.isEmpty() || STATES.contains(st), "state", "is not one of " + STATES)
        .throwIfInvalid();
    DatedKeyset keyset = DatedKeyset.of(pageSize, pageToken);
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          String currency = CompanyAdmin.currencyOf(t);
          List<OrderView> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  ORDER_SELECT
                      + " WHERE (? = '' OR o.state = ?) AND (? = '' OR p.code = ?)"
                      + keyset.clause("o.order_date", "o.id"))) {
            ps.setString(1, st);
            ps.setString(2, st);
            ps.setString(3, cust);
            ps.setString(4, cust);
            keyset.bind(ps, 5);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(orderRow(rs, List.of(), currency));
              }
            }
          }
          var page = keyset.page(out, o -> new DatedKeyset.Key(o.date(), o.id()));
          return new OrderPage(page.rows(), page.nextPageToken());
        });
  }

  // ---------------------------------------------------------------- deliveries

  public DeliveryView postDelivery(
      Actor actor,
      String key,
      String orderId,
      String warehouseCode,
      LocalDate date,
      List<DeliveryLineInput> lines) {
    UUID id = Ids.parse(orderId, "order_id");
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    v.text(warehouseCode, "warehouse_code", 32);
    v.check(date != null, "delivery_date", "is required");
    v.check(!lines.isEmpty(), "lines", "needs at least one line");
    v.check(lines.size() <= 200, "lines", "may hold at most 200 lines");
    List<BigDecimal> qty = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      BigDecimal q =
          Decimals.parse(v, "lines[" + i + "].quantity", lines.get(i).quantity(), QTY_SCALE, true);
      v.check(q == null || q.signum() > 0, "lines[" + i + "].quantity", "must be more than zero");
      String lot = lines.get(i).lot();
      v.check(
          lot == null || lot.length() <= 40,
          "lines[" + i + "].lot",
          "is too long (at most 40 characters)");
      qty.add(q);
    }
    v.throwIfInvalid();
    String wh = warehouseCode.trim().toUpperCase(Locale.ROOT);
    return tx.inCompany(
        actor,
        t ->
            Idempotency.once(
                t,
                key,
                "sales.delivery.post",
                id + "\u001f" + wh + '\u001f' + date + '\u001f' + lines,
                deliveryId ->
                    deliver(
                        t,
                        actor,
                        deliveryId,
                        books.sequenceNumber(t, "DN", date),
                        id,
                        wh,
                        date,
                        lines,
                        qty),
                deliveryId -> delivery(t, deliveryId)));
  }

  /** Posts the delivery and answers it as written. */
  private DeliveryView deliver(
      Tx t,
      Actor actor,
      UUID deliveryId,
      String number,
      UUID orderId,
      String wh,
      LocalDate date,
      List<DeliveryLineInput> lines,
      List<BigDecimal> qty) {
    // The order row is locked first: deliveries of one order queue, others run in parallel.
    OrderHead o = Jdbc.work(t, c -> lockOrder(c, orderId, null));
    if (!o.state().equals("CONFIRMED")) {
      throw new BusinessRuleException(
          "order_not_open_for_delivery",
          o.number()
              + " is "
              + o.state().toLowerCase(Locale.ROOT)
              + (o.state().equals("QUOTATION")
                  ? "; confirm it before delivering."
                  : "; there is nothing left to deliver."));
    }
    Map<Integer, OrderLineRow> orderLines = Jdbc.work(t, c -> orderLines(c, orderId));
    Map<Integer, BigDecimal> wanted = new HashMap<>();
    Validator v = new Validator();
    List<StockLedger.LineInput> stockLines = new ArrayList<>();
    List<Integer> stockIndex = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      OrderLineRow l = orderLines.get(lines.get(i).orderLineNo());
      if (l == null) {
        v.check(
            false,
            "lines[" + i + "].order_line_no",
            o.number() + " has no line " + lines.get(i).orderLineNo());
        continue;
      }
      BigDecimal total = wanted.merge(l.lineNo(), qty.get(i), BigDecimal::add);
      BigDecimal open = l.quantity().subtract(l.delivered());
      v.check(
          total.compareTo(open) <= 0,
          "lines[" + i + "].quantity",
          "line "
              + l.lineNo()
              + " ("
              + l.itemCode()
              + ") has "
              + Amounts.qty(open)
              + " "
              + l.unit()
              + " left to deliver");
      if (!l.kind().equals("SERVICE")) {
        String lot = lines.get(i).lot() == null ? "" : lines.get(i).lot().trim();
        stockLines.add(
            new StockLedger.LineInput(l.itemCode(), wh, lot, qty.get(i).toPlainString()));
        stockIndex.add(i);
      }
    }
    v.throwIfInvalid();
    Map<String, BigDecimal> costByAccount = new TreeMap<>();
    BigDecimal cost = BigDecimal.ZERO;
    UUID movementId = null;
    if (!stockLines.isEmpty()) {
      StockLedger.Moved issued = stock.issueWithin(t, number, stockLines);
      movementId = issued.movementId();
      for (int k = 0; k < stockIndex.size(); k++) {
        OrderLineRow l = orderLines.get(lines.get(stockIndex.get(k)).orderLineNo());
        costByAccount.merge(
            Books.inventoryAccount(l.kind()), issued.values().get(k), BigDecimal::add);
      }
      cost = issued.total();
    }
    Books.Posted entry = null;
    if (cost.signum() > 0) {
      List<Books.Line> posting = new ArrayList<>();
      posting.add(new Books.Line("5000", cost, BigDecimal.ZERO, "Cost of goods sold " + number));
      costByAccount.forEach(
          (account, value) -> {
            if (value.signum() > 0) {
              posting.add(new Books.Line(account, BigDecimal.ZERO, value, number));
            }
          });
      entry =
          books.postEntry(
              t,
              date,
              "Delivery " + number + " for " + o.number(),
              "DELIVERY",
              deliveryId,
              posting);
    }
    UUID move = movementId;
    UUID journal = entry == null ? null : entry.id();
    BigDecimal value = cost;
    Jdbc.work(
        t,
        c -> {
          if (move == null) {
            throw new BusinessRuleException(
                "nothing_to_deliver",
                "Only services are on this delivery; services are invoiced without a delivery.");
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO delivery (id, company_id, number, order_id, warehouse_id, delivery_date,"
                      + " movement_id, journal_entry_id, cost_value, posted_at, posted_by)"
                      + " VALUES (?, ?, ?, ?, (SELECT id FROM warehouse WHERE code = ?), ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, deliveryId);
            ps.setObject(2, actor.companyId());
            ps.setString(3, number);
            ps.setObject(4, orderId);
            ps.setString(5, wh);
            ps.setDate(6, Date.valueOf(date));
            ps.setObject(7, move);
            ps.setObject(8, journal);
            ps.setBigDecimal(9, value);
            ps.setTimestamp(10, Timestamp.from(clock.instant()));
            ps.setString(11, actor.username());
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO delivery_line (id, company_id, delivery_id, order_line_id, lot, quantity)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < lines.size(); i++) {
              ps.setObject(1, Ids.newId());
              ps.setObject(2, actor.companyId());
              ps.setObject(3, deliveryId);
              ps.setObject(4, orderLines.get(lines.get(i).orderLineNo()).id());
              ps.setString(5, lines.get(i).lot() == null ? "" : lines.get(i).lot().trim());
              ps.setBigDecimal(6, qty.get(i));
              ps.addBatch();
            }
            ps.executeBatch();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE sales_order_line l SET delivered_qty = l.delivered_qty + u.q"
                      + " FROM unnest(?::int[], ?::numeric[]) AS u(no, q)"
                      + " WHERE l.order_id = ? AND l.line_no = u.no")) {
            ps.setArray(1, c.createArrayOf("int4", wanted.keySet().toArray(Integer[]::new)));
            ps.setArray(2, c.createArrayOf("numeric", wanted.values().toArray(BigDecimal[]::new)));
            ps.setObject(3, orderId);
            ps.executeUpdate();
          }
          advanceState(c, actor, orderId);
          return null;
        });
    t.audit(
        "sales.delivery.post",
        "delivery",
        deliveryId,
        number + " for " + o.number() + ", cost " + Amounts.money(cost));
    List<DeliveryLineView> views = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      OrderLineRow l = orderLines.get(lines.get(i).orderLineNo());
      String lot = lines.get(i).lot() == null ? "" : lines.get(i).lot().trim();
      views.add(
          new DeliveryLineView(l.lineNo(), l.itemCode(), lot, qty.get(i).setScale(QTY_SCALE)));
    }
    // As the stored delivery is read: by order line, then lot.
    views.sort(
        Comparator.comparingInt(DeliveryLineView::orderLineNo)
            .thenComparing(DeliveryLineView::lot));
    return new DeliveryView(
        deliveryId,
        number,
        orderId,
        o.number(),
        wh,
        date,
        List.copyOf(views),
        cost.setScale(STORED_SCALE),
        entry == null ? "" : entry.number(),
        CompanyAdmin.currencyOf(t));
  }

  // ---------------------------------------------------------------- invoices

  public InvoiceView postInvoice(Actor actor, String key, String orderId, LocalDate date) {
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
                invoiceId -> invoice(t, invoiceId)));
  }

  /** Posts the invoice and answers it as written. */
  private InvoiceView invoice(Tx t, Actor actor, UUID invoiceId, UUID orderId, LocalDate date) {
    OrderHead o = Jdbc.work(t, c -> lockOrder(c, orderId, null));
    if (!o.state().equals("CONFIRMED") && !o.state().equals("DELIVERED")) {
      throw new BusinessRuleException(
          "order_not_open_for_invoice",
          o.number() + " is " + o.state().toLowerCase(Locale.ROOT) + "; nothing to invoice.");
    }
    Map<Integer, OrderLineRow> orderLines = Jdbc.work(t, c -> orderLines(c, orderId));
    Customer cust = Jdbc.work(t, c -> customerById(c, o.customerId()));
    record Billed(OrderLineRow line, BigDecimal qty, BigDecimal net, BigDecimal vat) {}
    List<Billed> billed = new ArrayList<>();
    for (OrderLineRow l : orderLines.values()) {
      // Services are invoiced in full; goods as far as they were delivered.
      BigDecimal upTo = l.kind().equals("SERVICE") ? l.quantity() : l.delivered();
      BigDecimal q = upTo.subtract(l.invoiced());
      if (q.signum() <= 0) {
        continue;
      }
      BigDecimal net;
      BigDecimal vat;
      if (l.invoiced().add(q).compareTo(l.quantity()) == 0) {
        // The last part of a line takes what is left, so the invoices add up to the order.
        BigDecimal[] before =
            l.invoiced().signum() == 0
                ? new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO}
                : Jdbc.work(t, c -> invoicedSoFar(c, l.id()));
        net = l.net().subtract(before[0]);
        vat = l.vat().subtract(before[1]);
      } else {
        net = Amounts.amount(q.multiply(l.price()));
        vat = Amounts.vat(net, l.rate());
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
      revenue.merge(Books.revenueAccount(b.line().kind()), b.net(), BigDecimal::add);
    }
    Books.Posted entry = null;
    if (gross.signum() > 0) {
      List<Books.Line> posting = new ArrayList<>();
      posting.add(new Books.Line("1100", gross, BigDecimal.ZERO, cust.code()));
      revenue.forEach(
          (account, value) -> {
            if (value.signum() > 0) {
              posting.add(new Books.Line(account, BigDecimal.ZERO, value, o.number()));
            }
          });
      if (vat.signum() > 0) {
        posting.add(new Books.Line("2100", BigDecimal.ZERO, vat, "Output VAT"));
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
          advanceState(c, actor, orderId);
          return null;
        });
    // Last: the gapless number. Its counter stays locked only until this transaction commits.
    String number = books.documentNumber(t, "INV", date);
    UUID journal = entry == null ? null : entry.id();
    Jdbc.work(
        t,
        c -> {
          insertInvoice(
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
    List<InvoiceLineView> views = new ArrayList<>();
    for (int n = 0; n < billed.size(); n++) {
      Billed b = billed.get(n);
      views.add(
          new InvoiceLineView(
              n + 1,
              b.line().itemCode(),
              b.line().itemName(),
              b.qty().setScale(QTY_SCALE),
              b.line().price(),
              b.line().rate(),
              b.net().setScale(STORED_SCALE),
              b.vat().setScale(STORED_SCALE),
              BigDecimal.ZERO.setScale(QTY_SCALE)));
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
        net.setScale(STORED_SCALE),
        vat.setScale(STORED_SCALE),
        gross.setScale(STORED_SCALE),
        BigDecimal.ZERO.setScale(STORED_SCALE),
        entry == null ? "" : entry.number(),
        CompanyAdmin.currencyOf(t));
  }

  public InvoiceView postCreditNote(
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
      BigDecimal q =
          Decimals.parse(v, "lines[" + i + "].quantity", lines.get(i).quantity(), QTY_SCALE, true);
      v.check(q == null || q.signum() > 0, "lines[" + i + "].quantity", "must be more than zero");
      qty.add(q);
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
          return invoice(t, outcome.id());
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
    InvoiceView inv = Jdbc.work(t, c -> lockedInvoice(c, invoiceId));
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
        BigDecimal[] before = Jdbc.work(t, c -> creditedSoFar(c, invoiceId, l.lineNo()));
        net = l.net().subtract(before[0]);
        vat = l.vat().subtract(before[1]);
      } else {
        net = Amounts.amount(q.multiply(l.unitPrice()));
        vat = Amounts.vat(net, l.vatRate());
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
              + "; credit at most what is unpaid (refunds of paid invoices are not supported yet).");
    }
    Map<String, BigDecimal> revenue = new TreeMap<>();
    Map<Integer, String> kinds = Jdbc.work(t, c -> itemKinds(c, invoiceId));
    for (Credited cr : credited) {
      revenue.merge(Books.revenueAccount(kinds.get(cr.line().lineNo())), cr.net(), BigDecimal::add);
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
        posting.add(new Books.Line("2100", vat, BigDecimal.ZERO, "Output VAT reversed"));
      }
      posting.add(new Books.Line("1100", BigDecimal.ZERO, gross, inv.customerCode()));
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
          UUID customerId = customerId(c, inv.customerCode());
          insertInvoice(
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
          settle(c, invoiceId, gross);
          return null;
        });
    t.audit(
        "sales.credit_note.post",
        "sales_invoice",
        noteId,
        number + " on " + inv.number() + ", " + Amounts.money(gross) + ": " + reason);
    return noteId;
  }

  public InvoiceView getInvoice(Actor actor, String invoiceId) {
    UUID id = Ids.parse(invoiceId, "id");
    return tx.inCompany(actor, t -> invoice(t, id));
  }

  public InvoicePage listInvoices(
      Actor actor, String customerCode, boolean openOnly, int pageSize, String pageToken) {
    String cust = customerCode == null ? "" : customerCode.trim().toUpperCase(Locale.ROOT);
    DatedKeyset keyset = DatedKeyset.of(pageSize, pageToken);
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          String currency = CompanyAdmin.currencyOf(t);
          DatedKeyset.Page<DatedKeyset.Key> page;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT s.invoice_date, s.id FROM sales_invoice s JOIN party p ON p.id = s.customer_id"
                      + " WHERE (? = '' OR p.code = ?) AND (NOT ? OR (s.kind = 'INVOICE' AND s.settled < s.gross))"
                      + keyset.clause("s.invoice_date", "s.id"))) {
            ps.setString(1, cust);
            ps.setString(2, cust);
            ps.setBoolean(3, openOnly);
            keyset.bind(ps, 4);
            page = keyset.keys(ps);
          }
          List<InvoiceView> out = new ArrayList<>();
          for (DatedKeyset.Key k : page.rows()) {
            out.add(invoice(c, k.id(), currency));
          }
          return new InvoicePage(out, page.nextPageToken());
        });
  }

  // ---------------------------------------------------------------- payments

  public PaymentView postPayment(
      Actor actor,
      String key,
      String customerCode,
      LocalDate date,
      String amountText,
      String method,
      String reference,
      List<AllocationInput> allocations) {
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    v.text(customerCode, "customer_code", 32);
    v.check(date != null, "payment_date", "is required");
    BigDecimal amount = Decimals.parse(v, "amount", amountText, AMOUNT_SCALE, true);
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
            AllocationInput::invoiceId,
            AllocationInput::amount,
            "invoice_id",
            "invoice",
            amount);
    List<UUID> invoices = alloc.documents();
    List<BigDecimal> amounts = alloc.amounts();
    v.throwIfInvalid();
    String cust = customerCode.trim().toUpperCase(Locale.ROOT);
    String ref = reference == null ? "" : reference.trim();
    return tx.inCompany(
        actor,
        t -> {
          var outcome =
              Idempotency.once(
                  t,
                  key,
                  "sales.payment.post",
                  cust + '\u001f' + date + '\u001f' + amount + m + ref + allocations,
                  paymentId -> {
                    Customer customer = Jdbc.work(t, c -> customer(c, cust, "customer_code"));
                    String number = books.sequenceNumber(t, "RV", date);
                    // Invoices are locked in one order so concurrent payments never deadlock.
                    List<Integer> order = alloc.lockOrder();
                    Validator check = new Validator();
                    for (int i : order) {
                      InvoiceView inv = Jdbc.work(t, c -> lockedInvoice(c, invoices.get(i)));
                      String field = "allocations[" + i + "]";
                      check.check(
                          inv.kind().equals("INVOICE")
                              && inv.customerCode().equals(customer.code()),
                          field + ".invoice_id",
                          inv.number() + " is not an invoice of " + customer.code());
                      check.check(
                          amounts.get(i).compareTo(inv.open()) <= 0,
                          field + ".amount",
                          inv.number() + " has only " + Amounts.money(inv.open()) + " open");
                    }
                    check.throwIfInvalid();
                    UUID entry =
                        books.post(
                            t,
                            date,
                            "Payment " + number + " from " + customer.code(),
                            "PAYMENT",
                            paymentId,
                            List.of(
                                new Books.Line(
                                    m.equals("CASH") ? "1000" : "1010",
                                    amount,
                                    BigDecimal.ZERO,
                                    ref),
                                new Books.Line("1100", BigDecimal.ZERO, amount, customer.code())));
                    Jdbc.work(
                        t,
                        c -> {
                          try (PreparedStatement ps =
                              c.prepareStatement(
                                  "INSERT INTO customer_payment (id, company_id, number, customer_id, payment_date,"
                                      + " amount, method, reference, journal_entry_id, posted_at, posted_by)"
                                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                            ps.setObject(1, paymentId);
                            ps.setObject(2, actor.companyId());
                            ps.setString(3, number);
                            ps.setObject(4, customer.id());
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
                                  "INSERT INTO payment_allocation (id, company_id, payment_id, invoice_id, amount)"
                                      + " VALUES (?, ?, ?, ?, ?)")) {
                            for (int i = 0; i < invoices.size(); i++) {
                              ps.setObject(1, Ids.newId());
                              ps.setObject(2, actor.companyId());
                              ps.setObject(3, paymentId);
                              ps.setObject(4, invoices.get(i));
                              ps.setBigDecimal(5, amounts.get(i));
                              ps.addBatch();
                            }
                            ps.executeBatch();
                          }
                          for (int i = 0; i < invoices.size(); i++) {
                            settle(c, invoices.get(i), amounts.get(i));
                          }
                          return null;
                        });
                    t.audit(
                        "sales.payment.post",
                        "customer_payment",
                        paymentId,
                        number + " from " + customer.code() + ", " + Amounts.money(amount));
                    return paymentId;
                  });
          return payment(t, outcome.id());
        });
  }

  // ---------------------------------------------------------------- reports

  public Ageing receivablesAgeing(Actor actor, LocalDate asOf) {
    return tx.reportInCompany(
        actor,
        (t, c) ->
            Ageing.of(
                t,
                c,
                clock,
                "SELECT p.code, p.name, s.due_date, s.gross - s.settled FROM sales_invoice s"
                    + " JOIN party p ON p.id = s.customer_id"
                    + " WHERE s.kind = 'INVOICE' AND s.settled < s.gross AND s.invoice_date <= ?",
                asOf));
  }

  // ---------------------------------------------------------------- reading back

  private record OrderHead(
      UUID id,
      String number,
      String state,
      UUID customerId,
      BigDecimal gross,
      boolean anyDelivered,
      LocalDate orderDate) {}

  private record OrderLineRow(
      UUID id,
      int lineNo,
      UUID itemId,
      String itemCode,
      String itemName,
      String unit,
      String kind,
      BigDecimal quantity,
      BigDecimal price,
      BigDecimal rate,
      BigDecimal net,
      BigDecimal vat,
      BigDecimal delivered,
      BigDecimal invoiced) {}

  /** Locks the order; with {@code version} given, refuses if someone changed it meanwhile. */
  private static OrderHead lockOrder(Connection c, UUID id, Long version) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT number, state, customer_id, gross_total, version, updated_by, updated_at,"
                + " EXISTS (SELECT 1 FROM sales_order_line l WHERE l.order_id = o.id AND l.delivered_qty > 0),"
                + " order_date FROM sales_order o WHERE id = ? FOR UPDATE")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("Sales order", id.toString());
        }
        if (version != null) {
          Versions.check(
              "Order " + rs.getString(1),
              version,
              rs.getLong(5),
              rs.getString(6),
              rs.getTimestamp(7).toInstant());
        }
        return new OrderHead(
            id,
            rs.getString(1),
            rs.getString(2),
            rs.getObject(3, UUID.class),
            rs.getBigDecimal(4),
            rs.getBoolean(8),
            rs.getDate(9).toLocalDate());
      }
    }
  }

  private static Map<Integer, OrderLineRow> orderLines(Connection c, UUID orderId)
      throws SQLException {
    Map<Integer, OrderLineRow> out = new TreeMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT l.id, l.line_no, l.item_id, i.code, i.unit_code, i.kind, l.quantity, l.unit_price,"
                + " l.vat_rate, l.net, l.vat, l.delivered_qty, l.invoiced_qty, i.name"
                + " FROM sales_order_line l JOIN item i ON i.id = l.item_id WHERE l.order_id = ? ORDER BY l.line_no")) {
      ps.setObject(1, orderId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(
              rs.getInt(2),
              new OrderLineRow(
                  rs.getObject(1, UUID.class),
                  rs.getInt(2),
                  rs.getObject(3, UUID.class),
                  rs.getString(4),
                  rs.getString(14),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getBigDecimal(7),
                  rs.getBigDecimal(8),
                  rs.getBigDecimal(9),
                  rs.getBigDecimal(10),
                  rs.getBigDecimal(11),
                  rs.getBigDecimal(12),
                  rs.getBigDecimal(13)));
        }
      }
    }
    return out;
  }

  private OrderView order(Tx t, UUID id) {
    String currency = CompanyAdmin.currencyOf(t);
    return Jdbc.work(t, c -> order(c, id, currency));
  }

  private static final String ORDER_SELECT =
      "SELECT o.id, o.number, o.quote_number, p.code, p.name, o.order_date, o.state, o.note,"
          + " o.net_total, o.vat_total, o.gross_total, o.version, o.updated_at, o.updated_by"
          + " FROM sales_order o JOIN party p ON p.id = o.customer_id";

  private static OrderView orderRow(ResultSet rs, List<OrderLineView> lines, String currency)
      throws SQLException {
    return new OrderView(
        rs.getObject(1, UUID.class),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getDate(6).toLocalDate(),
        rs.getString(7),
        rs.getString(8),
        lines,
        rs.getBigDecimal(9),
        rs.getBigDecimal(10),
        rs.getBigDecimal(11),
        rs.getLong(12),
        rs.getTimestamp(13).toInstant(),
        rs.getString(14),
        currency);
  }

  private static OrderView order(Connection c, UUID id, String currency) throws SQLException {
    List<OrderLineView> lines = new ArrayList<>();
    try (PreparedStatement pl =
        c.prepareStatement(
            "SELECT l.line_no, i.code, i.name, i.unit_code, l.quantity, l.unit_price, l.vat_rate, l.net,"
                + " l.vat, l.delivered_qty, l.invoiced_qty FROM sales_order_line l"
                + " JOIN item i ON i.id = l.item_id WHERE l.order_id = ? ORDER BY l.line_no")) {
      pl.setObject(1, id);
      try (ResultSet rl = pl.executeQuery()) {
        while (rl.next()) {
          lines.add(
              new OrderLineView(
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
    try (PreparedStatement ps = c.prepareStatement(ORDER_SELECT + " WHERE o.id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("Sales order", id.toString());
        }
        return orderRow(rs, lines, currency);
      }
    }
  }

  private DeliveryView delivery(Tx t, UUID id) {
    String currency = CompanyAdmin.currencyOf(t);
    return Jdbc.work(
        t,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT d.number, d.order_id, o.number, w.code, d.delivery_date, d.cost_value, d.journal_entry_id"
                      + " FROM delivery d JOIN sales_order o ON o.id = d.order_id"
                      + " JOIN warehouse w ON w.id = d.warehouse_id WHERE d.id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw new NotFoundException("Delivery", id.toString());
              }
              List<DeliveryLineView> lines = new ArrayList<>();
              try (PreparedStatement pl =
                  c.prepareStatement(
                      "SELECT l.line_no, i.code, d.lot, d.quantity FROM delivery_line d"
                          + " JOIN sales_order_line l ON l.id = d.order_line_id JOIN item i ON i.id = l.item_id"
                          + " WHERE d.delivery_id = ? ORDER BY l.line_no, d.lot")) {
                pl.setObject(1, id);
                try (ResultSet rl = pl.executeQuery()) {
                  while (rl.next()) {
                    lines.add(
                        new DeliveryLineView(
                            rl.getInt(1), rl.getString(2), rl.getString(3), rl.getBigDecimal(4)));
                  }
                }
              }
              return new DeliveryView(
                  id,
                  rs.getString(1),
                  rs.getObject(2, UUID.class),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getDate(5).toLocalDate(),
                  lines,
                  rs.getBigDecimal(6),
                  Books.entryNumber(c, rs.getObject(7, UUID.class)),
                  currency);
            }
          }
        });
  }

  private InvoiceView invoice(Tx t, UUID id) {
    String currency = CompanyAdmin.currencyOf(t);
    return Jdbc.work(t, c -> invoice(c, id, currency));
  }

  private static InvoiceView invoice(Connection c, UUID id, String currency) throws SQLException {
    return readInvoice(c, id, currency, false);
  }

  private static InvoiceView lockedInvoice(Connection c, UUID id) throws SQLException {
    return readInvoice(c, id, "", true);
  }

  private static InvoiceView readInvoice(Connection c, UUID id, String currency, boolean lock)
      throws SQLException {
    if (lock) {
      try (PreparedStatement ps =
          c.prepareStatement("SELECT 1 FROM sales_invoice WHERE id = ? FOR UPDATE")) {
        ps.setObject(1, id);
        ps.executeQuery().close();
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT s.number, s.kind, s.order_id, o.number, p.code, p.name, p.bin, s.credited_invoice_id,"
                + " s.invoice_date, s.due_date, s.reason, s.net, s.vat, s.gross, s.settled, s.journal_entry_id"
                + " FROM sales_invoice s JOIN sales_order o ON o.id = s.order_id"
                + " JOIN party p ON p.id = s.customer_id WHERE s.id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("Invoice", id.toString());
        }
        List<InvoiceLineView> lines = new ArrayList<>();
        try (PreparedStatement pl =
            c.prepareStatement(
                "SELECT l.line_no, i.code, i.name, l.quantity, l.unit_price, l.vat_rate, l.net, l.vat,"
                    + " l.credited_qty FROM sales_invoice_line l JOIN item i ON i.id = l.item_id"
                    + " WHERE l.invoice_id = ? ORDER BY l.line_no")) {
          pl.setObject(1, id);
          try (ResultSet rl = pl.executeQuery()) {
            while (rl.next()) {
              lines.add(
                  new InvoiceLineView(
                      rl.getInt(1),
                      rl.getString(2),
                      rl.getString(3),
                      rl.getBigDecimal(4),
                      rl.getBigDecimal(5),
                      rl.getBigDecimal(6),
                      rl.getBigDecimal(7),
                      rl.getBigDecimal(8),
                      rl.getBigDecimal(9)));
            }
          }
        }
        return new InvoiceView(
            id,
            rs.getString(1),
            rs.getString(2),
            rs.getObject(3, UUID.class),
            rs.getString(4),
            rs.getString(5),
            rs.getString(6),
            rs.getString(7),
            rs.getObject(8, UUID.class),
            rs.getDate(9).toLocalDate(),
            rs.getDate(10).toLocalDate(),
            rs.getString(11),
            lines,
            rs.getBigDecimal(12),
            rs.getBigDecimal(13),
            rs.getBigDecimal(14),
            rs.getBigDecimal(15),
            Books.entryNumber(c, rs.getObject(16, UUID.class)),
            currency);
      }
    }
  }

  private PaymentView payment(Tx t, UUID id) {
    String currency = CompanyAdmin.currencyOf(t);
    return Jdbc.work(
        t,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT m.number, p.code, m.payment_date, m.amount, m.method, m.reference, m.journal_entry_id"
                      + " FROM customer_payment m JOIN party p ON p.id = m.customer_id WHERE m.id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw new NotFoundException("Payment", id.toString());
              }
              List<AllocationView> allocations = new ArrayList<>();
              try (PreparedStatement pa =
                  c.prepareStatement(
                      "SELECT a.invoice_id, s.number, a.amount FROM payment_allocation a"
                          + " JOIN sales_invoice s ON s.id = a.invoice_id WHERE a.payment_id = ? ORDER BY s.number")) {
                pa.setObject(1, id);
                try (ResultSet ra = pa.executeQuery()) {
                  while (ra.next()) {
                    allocations.add(
                        new AllocationView(
                            ra.getObject(1, UUID.class), ra.getString(2), ra.getBigDecimal(3)));
                  }
                }
              }
              return new PaymentView(
                  id,
                  rs.getString(1),
                  rs.getString(2),
                  rs.getDate(3).toLocalDate(),
                  rs.getBigDecimal(4),
                  rs.getString(5),
                  rs.getString(6),
                  allocations,
                  Books.entryNumber(c, rs.getObject(7, UUID.class)),
                  currency);
            }
          }
        });
  }

  // ---------------------------------------------------------------- helpers

  private static List<BigDecimal[]> parseLines(Validator v, List<OrderLineInput> lines) {
    v.check(!lines.isEmpty(), "lines", "needs at least one line");
    v.check(lines.size() <= 200, "lines", "may hold at most 200 lines");
    List<BigDecimal[]> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      OrderLineInput l = lines.get(i);
      v.text(l.itemCode(), "lines[" + i + "].item_code", 32);
      BigDecimal q = Decimals.parse(v, "lines[" + i + "].quantity", l.quantity(), QTY_SCALE, true);
      v.check(q == null || q.signum() > 0, "lines[" + i + "].quantity", "must be more than zero");
      BigDecimal p = null;
      if (l.unitPrice() != null && !l.unitPrice().isBlank()) {
        p = Decimals.parse(v, "lines[" + i + "].unit_price", l.unitPrice(), PRICE_SCALE, true);
        v.check(
            p == null || p.signum() >= 0, "lines[" + i + "].unit_price", "must not be negative");
      }
      out.add(new BigDecimal[] {q, p});
    }
    return out;
  }

  private static List<PricedLine> price(
      Connection c, BigDecimal vatRate, List<OrderLineInput> lines, List<BigDecimal[]> parsed)
      throws SQLException {
    Validator v = new Validator();
    List<PricedLine> out = new ArrayList<>();
    Map<String, ItemRow> known =
        items(c, lines.stream().map(l -> l.itemCode().trim().toUpperCase(Locale.ROOT)).toList());
    for (int i = 0; i < lines.size(); i++) {
      String code = lines.get(i).itemCode().trim().toUpperCase(Locale.ROOT);
      ItemRow item = known.get(code);
      v.check(item != null, "lines[" + i + "].item_code", "'" + code + "' is not an active item");
      if (item != null) {
        BigDecimal price = parsed.get(i)[1] == null ? item.price() : parsed.get(i)[1];
        BigDecimal rate = item.taxCategory().equals("STANDARD") ? vatRate : BigDecimal.ZERO;
        out.add(new PricedLine(item, parsed.get(i)[0], price, rate));
      }
    }
    v.throwIfInvalid();
    return out;
  }

  private static void writeLines(Connection c, Actor actor, UUID orderId, List<PricedLine> lines)
      throws SQLException {
    insertLines(c, actor, orderId, lines);
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE sales_order o SET net_total = s.net, vat_total = s.vat, gross_total = s.net + s.vat"
                + " FROM (SELECT coalesce(sum(net), 0) net, coalesce(sum(vat), 0) vat FROM sales_order_line"
                + " WHERE order_id = ?) s WHERE o.id = ?")) {
      ps.setObject(1, orderId);
      ps.setObject(2, orderId);
      ps.executeUpdate();
    }
  }

  private static void insertLines(Connection c, Actor actor, UUID orderId, List<PricedLine> lines)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO sales_order_line (id, company_id, order_id, line_no, item_id, quantity, unit_price,"
                + " vat_rate, net, vat) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < lines.size(); i++) {
        PricedLine l = lines.get(i);
        ps.setObject(1, Ids.newId());
        ps.setObject(2, actor.companyId());
        ps.setObject(3, orderId);
        ps.setInt(4, i + 1);
        ps.setObject(5, l.item().id());
        ps.setBigDecimal(6, l.qty());
        ps.setBigDecimal(7, l.price());
        ps.setBigDecimal(8, l.rate());
        ps.setBigDecimal(9, l.net());
        ps.setBigDecimal(10, l.vat());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Records an edit: new state, note or number, and a new version. */
  private void touch(
      Connection c, Actor actor, UUID id, String state, String note, String newNumber)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE sales_order SET state = ?, note = coalesce(?, note),"
                + " quote_number = CASE WHEN ? IS NULL THEN quote_number ELSE number END,"
                + " number = coalesce(?, number), version = version + 1, updated_at = ?, updated_by = ?"
                + " WHERE id = ?")) {
      ps.setString(1, state);
      ps.setString(2, note);
      ps.setString(3, newNumber);
      ps.setString(4, newNumber);
      ps.setTimestamp(5, Timestamp.from(clock.instant()));
      ps.setString(6, actor.username());
      ps.setObject(7, id);
      ps.executeUpdate();
    }
  }

  /** CONFIRMED → DELIVERED when every goods line is delivered; → INVOICED when all is invoiced. */
  private void advanceState(Connection c, Actor actor, UUID orderId) throws SQLException {
    // The lines' state and the order's new state and version in one statement.
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE sales_order o SET state = CASE WHEN s.invoiced THEN 'INVOICED'"
                + " WHEN s.delivered THEN 'DELIVERED' ELSE 'CONFIRMED' END,"
                + " version = o.version + 1, updated_at = ?, updated_by = ?"
                + " FROM (SELECT bool_and(l.invoiced_qty = l.quantity) invoiced,"
                + " bool_and(l.delivered_qty = l.quantity OR i.kind = 'SERVICE') delivered"
                + " FROM sales_order_line l JOIN item i ON i.id = l.item_id WHERE l.order_id = ?) s"
                + " WHERE o.id = ?")) {
      ps.setTimestamp(1, Timestamp.from(clock.instant()));
      ps.setString(2, actor.username());
      ps.setObject(3, orderId);
      ps.setObject(4, orderId);
      ps.executeUpdate();
    }
  }

  private static BigDecimal[] invoicedSoFar(Connection c, UUID orderLineId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT coalesce(sum(l.net), 0), coalesce(sum(l.vat), 0) FROM sales_invoice_line l"
                + " JOIN sales_invoice s ON s.id = l.invoice_id WHERE l.order_line_id = ? AND s.kind = 'INVOICE'")) {
      ps.setObject(1, orderLineId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)};
      }
    }
  }

  private static BigDecimal[] creditedSoFar(Connection c, UUID invoiceId, int lineNo)
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
        return new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)};
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

  private static void insertInvoice(
      Connection c,
      Actor actor,
      UUID id,
      String number,
      String kind,
      UUID orderId,
      UUID customerId,
      UUID credited,
      LocalDate date,
      LocalDate due,
      String reason,
      BigDecimal net,
      BigDecimal vat,
      BigDecimal gross,
      BigDecimal settled,
      UUID entry)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO sales_invoice (id, company_id, number, kind, order_id, customer_id, credited_invoice_id,"
                + " invoice_date, due_date, reason, net, vat, gross, settled, journal_entry_id, posted_at, posted_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?)")) {
      ps.setObject(1, id);
      ps.setObject(2, actor.companyId());
      ps.setString(3, number);
      ps.setString(4, kind);
      ps.setObject(5, orderId);
      ps.setObject(6, customerId);
      ps.setObject(7, credited);
      ps.setDate(8, Date.valueOf(date));
      ps.setDate(9, Date.valueOf(due));
      ps.setString(10, reason);
      ps.setBigDecimal(11, net);
      ps.setBigDecimal(12, vat);
      ps.setBigDecimal(13, gross);
      ps.setBigDecimal(14, settled);
      ps.setObject(15, entry);
      ps.setString(16, actor.username());
      ps.executeUpdate();
    }
  }

  private static void settle(Connection c, UUID invoiceId, BigDecimal amount) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE sales_invoice SET settled = settled + ? WHERE id = ?")) {
      ps.setBigDecimal(1, amount);
      ps.setObject(2, invoiceId);
      ps.executeUpdate();
    }
  }

  /**
   * Refuses an order that would take the customer past their credit limit; a limit of zero gives no
   * credit, only the accounts office's explicit "no limit" skips the check. The customer's row is
   * locked so two orders cannot both fit the last headroom.
   */
  private static void checkCredit(Connection c, Customer cust, BigDecimal orderGross, UUID except)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM party WHERE id = ? FOR UPDATE")) {
      ps.setObject(1, cust.id());
      ps.executeQuery().close();
    }
    if (cust.noCreditLimit()) {
      return;
    }
    BigDecimal receivable;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT coalesce(sum(gross - settled), 0) FROM sales_invoice WHERE customer_id = ? AND kind = 'INVOICE'")) {
      ps.setObject(1, cust.id());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        receivable = rs.getBigDecimal(1);
      }
    }
    BigDecimal ordered;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT coalesce(sum((l.net + l.vat) * (l.quantity - l.invoiced_qty) / l.quantity), 0)"
                + " FROM sales_order_line l JOIN sales_order o ON o.id = l.order_id"
                + " WHERE o.customer_id = ? AND o.state IN ('CONFIRMED', 'DELIVERED') AND o.id IS DISTINCT FROM ?")) {
      ps.setObject(1, cust.id());
      ps.setObject(2, except);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        ordered = Amounts.amount(rs.getBigDecimal(1));
      }
    }
    BigDecimal exposure = receivable.add(ordered).add(orderGross);
    if (exposure.compareTo(cust.creditLimit()) > 0) {
      BigDecimal room =
          cust.creditLimit().subtract(receivable).subtract(ordered).max(BigDecimal.ZERO);
      throw new BusinessRuleException(
          "credit_limit_exceeded",
          cust.name()
              + " ("
              + cust.code()
              + ") has a credit limit of "
              + Amounts.money(cust.creditLimit())
              + "; unpaid invoices ("
              + Amounts.money(receivable)
              + ") and open orders ("
              + Amounts.money(ordered)
              + ") leave "
              + Amounts.money(room)
              + ", and this order is "
              + Amounts.money(orderGross)
              + ". Take a payment first, or ask for a higher limit.");
    }
  }

  private static Customer customer(Connection c, String code, String field) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, code, name, credit_limit, no_credit_limit, payment_terms_days, bin"
                + " FROM party WHERE code = ? AND is_customer AND active")) {
      ps.setString(1, code);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw InvalidInputException.of(field, "'" + code + "' is not an active customer");
        }
        return new Customer(
            rs.getObject(1, UUID.class),
            rs.getString(2),
            rs.getString(3),
            rs.getBigDecimal(4),
            rs.getBoolean(5),
            rs.getInt(6),
            rs.getString(7));
      }
    }
  }

  private static Customer customerById(Connection c, UUID id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, code, name, credit_limit, no_credit_limit, payment_terms_days, bin"
                + " FROM party WHERE id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Customer(
            rs.getObject(1, UUID.class),
            rs.getString(2),
            rs.getString(3),
            rs.getBigDecimal(4),
            rs.getBoolean(5),
            rs.getInt(6),
            rs.getString(7));
      }
    }
  }

  private static UUID customerId(Connection c, String code) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM party WHERE code = ?")) {
      ps.setString(1, code);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getObject(1, UUID.class);
      }
    }
  }

  /** The active items of the given codes, by code, in one query. */
  private static Map<String, ItemRow> items(Connection c, List<String> codes) throws SQLException {
    Map<String, ItemRow> out = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, code, name, unit_code, kind, default_sale_price, tax_category FROM item"
                + " WHERE code = ANY(?) AND active")) {
      ps.setArray(1, c.createArrayOf("varchar", codes.stream().distinct().toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(
              rs.getString(2),
              new ItemRow(
                  rs.getObject(1, UUID.class),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getBigDecimal(6),
                  rs.getString(7)));
        }
      }
    }
    return out;
  }

  private static BigDecimal gross(List<PricedLine> lines) {
    BigDecimal sum = BigDecimal.ZERO;
    for (PricedLine l : lines) {
      sum = sum.add(l.net()).add(l.vat());
    }
    return sum;
  }
}
