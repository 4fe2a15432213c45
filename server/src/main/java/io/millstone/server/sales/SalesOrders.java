package io.millstone.server.sales;

import io.millstone.server.accounting.Books;
import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.inventory.ItemLines;
import io.millstone.server.inventory.OrderLines;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Amounts;
import io.millstone.server.platform.DatedKeyset;
import io.millstone.server.platform.Idempotency;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Tx;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.error.BusinessRuleException;
import io.millstone.server.platform.error.NotFoundException;
import io.millstone.server.sales.SalesDesk.OrderLineInput;
import io.millstone.server.sales.SalesDesk.OrderLineView;
import io.millstone.server.sales.SalesDesk.OrderPage;
import io.millstone.server.sales.SalesDesk.OrderView;
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
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Quotations and sales orders: created, edited, confirmed (with the credit check), cancelled. */
final class SalesOrders {
  private final Transactions tx;
  private final Books books;
  private final Clock clock;

  SalesOrders(Transactions tx, Books books, Clock clock) {
    this.tx = tx;
    this.books = books;
    this.clock = clock;
  }

  OrderView create(
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
    List<ItemLines.Parsed> parsed = parse(v, lines);
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
                          CustomerRow cust = CustomerRow.byCode(c, customer, "customer_code");
                          List<OrderLines.Priced> priced =
                              OrderLines.price(c, CompanyAdmin.vatRateOf(t), parsed);
                          SalesOrderState state =
                              quotation ? SalesOrderState.QUOTATION : SalesOrderState.CONFIRMED;
                          if (!quotation) {
                            CreditCheck.check(c, cust, OrderLines.gross(priced), null);
                          }
                          // PostgreSQL keeps microseconds: the answer shows the stored instant.
                          Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                          BigDecimal net = BigDecimal.ZERO;
                          BigDecimal vat = BigDecimal.ZERO;
                          for (OrderLines.Priced l : priced) {
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
                            ps.setString(6, state.name());
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
                          OrderLines.insert(c, OrderLines.Table.SALES, actor, id, priced);
                          List<OrderLineView> views = new ArrayList<>();
                          for (int i = 0; i < priced.size(); i++) {
                            OrderLines.Priced l = priced.get(i);
                            views.add(
                                new OrderLineView(
                                    i + 1,
                                    l.item().code(),
                                    l.item().name(),
                                    l.item().unit(),
                                    l.qty().setScale(SalesDesk.QTY_SCALE),
                                    l.price().setScale(SalesDesk.PRICE_SCALE),
                                    l.rate()
                                        .setScale(
                                            SalesDesk.RATE_SCALE, java.math.RoundingMode.HALF_UP),
                                    l.net().setScale(SalesDesk.STORED_SCALE),
                                    l.vat().setScale(SalesDesk.STORED_SCALE),
                                    BigDecimal.ZERO.setScale(SalesDesk.QTY_SCALE),
                                    BigDecimal.ZERO.setScale(SalesDesk.QTY_SCALE)));
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
                                  net.setScale(SalesDesk.STORED_SCALE),
                                  vat.setScale(SalesDesk.STORED_SCALE),
                                  net.add(vat).setScale(SalesDesk.STORED_SCALE),
                                  0,
                                  now,
                                  actor.username(),
                                  CompanyAdmin.currencyOf(t));
                          t.audit(
                              "sales.order.create",
                              "sales_order",
                              id,
                              number
                                  + " for "
                                  + cust.code()
                                  + ", "
                                  + Amounts.money(OrderLines.gross(priced)));
                          return made;
                        }),
                id -> view(t, id)));
  }

  OrderView get(Actor actor, String orderId) {
    UUID id = Ids.parse(orderId, "id");
    return tx.inCompany(actor, t -> view(t, id));
  }

  OrderView update(
      Actor actor, String orderId, long version, List<OrderLineInput> lines, String note) {
    UUID id = Ids.parse(orderId, "id");
    Validator v = new Validator();
    v.check(note == null || note.length() <= 500, "note", "is too long (at most 500 characters)");
    List<ItemLines.Parsed> parsed = parse(v, lines);
    v.throwIfInvalid();
    return tx.inCompany(
        actor,
        t -> {
          Jdbc.work(
              t,
              c -> {
                OrderHeadRow o = OrderHeadRow.lock(c, id, version);
                if (o.state() != SalesOrderState.QUOTATION
                    && o.state() != SalesOrderState.CONFIRMED) {
                  throw new BusinessRuleException(
                      "order_not_editable",
                      o.number() + " is " + o.state().words() + "; it can no longer be changed.");
                }
                if (o.anyDelivered()) {
                  throw new BusinessRuleException(
                      "order_not_editable",
                      o.number()
                          + " has deliveries; change it with a credit note or a new order instead.");
                }
                List<OrderLines.Priced> priced =
                    OrderLines.price(c, CompanyAdmin.vatRateOf(t), parsed);
                if (o.state() == SalesOrderState.CONFIRMED) {
                  CreditCheck.check(
                      c, CustomerRow.byId(c, o.customerId()), OrderLines.gross(priced), id);
                }
                try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM sales_order_line WHERE order_id = ?")) {
                  ps.setObject(1, id);
                  ps.executeUpdate();
                }
                OrderLines.write(c, OrderLines.Table.SALES, actor, id, priced);
                OrderHeadRow.touch(
                    c,
                    actor,
                    id,
                    o.state(),
                    note == null ? "" : note.trim(),
                    null,
                    clock.instant());
                t.audit("sales.order.update", "sales_order", id, o.number() + " lines replaced");
                return null;
              });
          return view(t, id);
        });
  }

  OrderView confirm(Actor actor, String orderId, long version) {
    UUID id = Ids.parse(orderId, "id");
    return tx.inCompany(
        actor,
        t -> {
          Jdbc.work(
              t,
              c -> {
                OrderHeadRow o = OrderHeadRow.lock(c, id, version);
                if (o.state() != SalesOrderState.QUOTATION) {
                  throw new BusinessRuleException(
                      "not_a_quotation",
                      o.number() + " is " + o.state().words() + ", not a quotation.");
                }
                String number = books.sequenceNumber(t, "SO", o.orderDate());
                CreditCheck.check(c, CustomerRow.byId(c, o.customerId()), o.gross(), id);
                OrderHeadRow.touch(
                    c, actor, id, SalesOrderState.CONFIRMED, null, number, clock.instant());
                t.audit(
                    "sales.order.confirm",
                    "sales_order",
                    id,
                    o.number() + " confirmed as " + number);
                return null;
              });
          return view(t, id);
        });
  }

  OrderView cancel(Actor actor, String orderId, long version) {
    UUID id = Ids.parse(orderId, "id");
    return tx.inCompany(
        actor,
        t -> {
          Jdbc.work(
              t,
              c -> {
                OrderHeadRow o = OrderHeadRow.lock(c, id, version);
                if (o.anyDelivered() || o.state() == SalesOrderState.CANCELLED) {
                  throw new BusinessRuleException(
                      "order_not_cancellable",
                      o.number()
                          + (o.state() == SalesOrderState.CANCELLED
                              ? " is already cancelled."
                              : " has deliveries and cannot be cancelled; take the goods back and"
                                  + " issue a credit note instead."));
                }
                OrderHeadRow.touch(
                    c, actor, id, SalesOrderState.CANCELLED, null, null, clock.instant());
                t.audit("sales.order.cancel", "sales_order", id, o.number() + " cancelled");
                return null;
              });
          return view(t, id);
        });
  }

  OrderPage list(Actor actor, String state, String customerCode, int pageSize, String pageToken) {
    String st = state == null ? "" : state.trim().toUpperCase(Locale.ROOT);
    String cust = customerCode == null ? "" : customerCode.trim().toUpperCase(Locale.ROOT);
    new Validator()
        .check(
            st.isEmpty() || SalesDesk.STATES.contains(st),
            "state",
            "is not one of " + SalesDesk.STATES)
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
                      + " WHERE (? = '' OR o.state = ?) AND (? = '' OR p.code = ?"
                      // The quick filter is a customer code or the start of an order's number.
                      + " OR upper(o.number) LIKE ? OR upper(o.quote_number) LIKE ?)"
                      + keyset.clause("o.order_date", "o.id"))) {
            ps.setString(1, st);
            ps.setString(2, st);
            ps.setString(3, cust);
            ps.setString(4, cust);
            ps.setString(5, io.millstone.server.platform.NumberFilter.prefix(cust));
            ps.setString(6, io.millstone.server.platform.NumberFilter.prefix(cust));
            keyset.bind(ps, 7);
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

  static OrderView view(Tx t, UUID id) {
    String currency = CompanyAdmin.currencyOf(t);
    return Jdbc.work(t, c -> view(c, id, currency));
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
        SalesOrderState.valueOf(rs.getString(7)),
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

  static OrderView view(Connection c, UUID id, String currency) throws SQLException {
    List<OrderLineView> lines = OrderLines.views(c, OrderLines.Table.SALES, id, OrderLineView::new);
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

  /** Checks the lines as sent; a price left blank is taken from the item later. */
  private static List<ItemLines.Parsed> parse(Validator v, List<OrderLineInput> lines) {
    return ItemLines.parse(
        v,
        lines,
        OrderLineInput::itemCode,
        OrderLineInput::quantity,
        OrderLineInput::unitPrice,
        false);
  }
}
