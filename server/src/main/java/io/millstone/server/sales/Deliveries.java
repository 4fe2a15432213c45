package io.millstone.server.sales;

import io.millstone.server.accounting.AccountRole;
import io.millstone.server.accounting.Books;
import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.inventory.ItemLines;
import io.millstone.server.inventory.OrderLines;
import io.millstone.server.inventory.StockLedger;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Amounts;
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
import io.millstone.server.sales.SalesDesk.DeliveryLineInput;
import io.millstone.server.sales.SalesDesk.DeliveryLineView;
import io.millstone.server.sales.SalesDesk.DeliveryView;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Deliveries: stock leaves at moving-average cost, posted to cost of goods sold. */
final class Deliveries {
  private final Transactions tx;
  private final Books books;
  private final StockLedger stock;
  private final Clock clock;

  Deliveries(Transactions tx, Books books, StockLedger stock, Clock clock) {
    this.tx = tx;
    this.books = books;
    this.stock = stock;
    this.clock = clock;
  }

  DeliveryView post(
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
    List<BigDecimal> qty =
        ItemLines.moving(v, lines, DeliveryLineInput::quantity, DeliveryLineInput::lot);
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
    OrderHeadRow o = Jdbc.work(t, c -> OrderHeadRow.lock(c, orderId, null));
    if (o.state() != SalesOrderState.CONFIRMED) {
      throw new BusinessRuleException(
          "order_not_open_for_delivery",
          o.number()
              + " is "
              + o.state().words()
              + (o.state() == SalesOrderState.QUOTATION
                  ? "; confirm it before delivering."
                  : "; there is nothing left to deliver."));
    }
    Map<Integer, OrderLines.Row> orderLines =
        Jdbc.work(t, c -> OrderLines.byLineNo(c, OrderLines.Table.SALES, orderId));
    Validator v = new Validator();
    List<StockLedger.LineInput> stockLines = new ArrayList<>();
    List<Integer> stockIndex = new ArrayList<>();
    Map<Integer, BigDecimal> wanted =
        OrderLines.moving(
            v,
            o.number(),
            orderLines,
            lines.stream().map(DeliveryLineInput::orderLineNo).toList(),
            qty,
            "left to deliver",
            (i, l) -> {
              if (!l.isService()) {
                String lot = lines.get(i).lot() == null ? "" : lines.get(i).lot().trim();
                stockLines.add(
                    new StockLedger.LineInput(l.itemCode(), wh, lot, qty.get(i).toPlainString()));
                stockIndex.add(i);
              }
            });
    v.throwIfInvalid();
    Map<String, BigDecimal> costByAccount = new TreeMap<>();
    BigDecimal cost = BigDecimal.ZERO;
    UUID movementId = null;
    if (!stockLines.isEmpty()) {
      StockLedger.Moved issued = stock.issueWithin(t, number, stockLines);
      movementId = issued.movementId();
      for (int k = 0; k < stockIndex.size(); k++) {
        OrderLines.Row l = orderLines.get(lines.get(stockIndex.get(k)).orderLineNo());
        costByAccount.merge(
            AccountRole.inventoryOf(l.kind()).code(), issued.values().get(k), BigDecimal::add);
      }
      cost = issued.total();
    }
    Books.Posted entry = null;
    if (cost.signum() > 0) {
      List<Books.Line> posting = new ArrayList<>();
      posting.add(
          new Books.Line(
              AccountRole.COST_OF_GOODS_SOLD.code(),
              cost,
              BigDecimal.ZERO,
              "Cost of goods sold " + number));
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
          OrderLines.addMoved(c, OrderLines.Table.SALES, orderId, wanted);
          OrderHeadRow.advance(c, actor, orderId, clock.instant());
          return null;
        });
    t.audit(
        "sales.delivery.post",
        "delivery",
        deliveryId,
        number + " for " + o.number() + ", cost " + Amounts.money(cost));
    Notices.add(
        t,
        Notice.toPermission(
            "sales.read",
            "sales.delivery.posted",
            "Delivery " + number + " posted for " + o.number(),
            "delivery",
            deliveryId,
            number,
            o.number()));
    List<DeliveryLineView> views = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      OrderLines.Row l = orderLines.get(lines.get(i).orderLineNo());
      String lot = lines.get(i).lot() == null ? "" : lines.get(i).lot().trim();
      views.add(
          new DeliveryLineView(
              l.lineNo(), l.itemCode(), lot, qty.get(i).setScale(SalesDesk.QTY_SCALE)));
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
        cost.setScale(SalesDesk.STORED_SCALE),
        entry == null ? "" : entry.number(),
        CompanyAdmin.currencyOf(t));
  }

  private static DeliveryView delivery(Tx t, UUID id) {
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
}
