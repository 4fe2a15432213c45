package io.millstone.server.inventory;

import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.error.BusinessRuleException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The statements on stock_balance and stock_move: an issue is refused inside the same statement
 * that would take a balance below zero, so stock never goes negative however many postings race.
 */
final class StockBalances {
  private StockBalances() {}

  /** A line's pending change to its balance. */
  record Issue(StockLine line, BigDecimal quantity, BigDecimal value) {}

  /**
   * Takes the issued quantities off their balances in one statement (the item rows are already
   * locked, so the order of the balance rows cannot deadlock). A balance that would go below zero
   * is not changed by it; those lines then go one by one, which refuses the first short one with
   * the figures, exactly as before.
   */
  static void issueAll(Connection c, Actor actor, List<Issue> issues, boolean mayGoNegative)
      throws SQLException {
    if (issues.isEmpty()) {
      return;
    }
    int n = issues.size();
    UUID[] items = new UUID[n];
    UUID[] warehouses = new UUID[n];
    String[] lots = new String[n];
    BigDecimal[] quantities = new BigDecimal[n];
    BigDecimal[] values = new BigDecimal[n];
    for (int i = 0; i < n; i++) {
      Issue is = issues.get(i);
      items[i] = is.line().item().id();
      warehouses[i] = is.line().warehouse().id();
      lots[i] = is.line().lot();
      quantities[i] = is.quantity();
      values[i] = is.value();
    }
    Set<List<Object>> applied = new HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE stock_balance b SET quantity = b.quantity + u.q, value = b.value + u.v"
                + " FROM (SELECT item, wh, lot, sum(q) q, sum(v) v FROM unnest(?::uuid[], ?::uuid[],"
                + " ?::text[], ?::numeric[], ?::numeric[]) AS x(item, wh, lot, q, v)"
                + " GROUP BY item, wh, lot) u"
                + " WHERE b.company_id = ? AND b.item_id = u.item AND b.warehouse_id = u.wh"
                + " AND b.lot = u.lot AND (? OR b.quantity + u.q >= 0)"
                + " RETURNING b.item_id, b.warehouse_id, b.lot")) {
      ps.setArray(1, c.createArrayOf("uuid", items));
      ps.setArray(2, c.createArrayOf("uuid", warehouses));
      ps.setArray(3, c.createArrayOf("text", lots));
      ps.setArray(4, c.createArrayOf("numeric", quantities));
      ps.setArray(5, c.createArrayOf("numeric", values));
      ps.setObject(6, actor.companyId());
      ps.setBoolean(7, mayGoNegative);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          applied.add(
              List.of(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)));
        }
      }
    }
    for (Issue is : issues) {
      StockLine l = is.line();
      if (!applied.contains(List.of(l.item().id(), l.warehouse().id(), l.lot()))) {
        balance(c, actor, l, l.warehouse(), is.quantity(), is.value(), mayGoNegative);
      }
    }
  }

  /** Writes a move and changes its balance; refuses to take the balance below zero. */
  static void move(
      Connection c,
      PreparedStatement moveRows,
      Actor actor,
      UUID movementId,
      StockLine l,
      StockLine.WarehouseRef w,
      BigDecimal qty,
      BigDecimal unitCost,
      BigDecimal value,
      String kind,
      String ref,
      Instant now,
      boolean mayGoNegative)
      throws SQLException {
    balance(c, actor, l, w, qty, value, mayGoNegative);
    moveRow(moveRows, actor, movementId, l, w, qty, unitCost, value, kind, ref, now);
  }

  /** Adds received lines to their balances, in the order given (item, warehouse, lot). */
  static void receiveAll(Connection c, Actor actor, List<Issue> received) throws SQLException {
    for (Issue r : received) {
      balance(c, actor, r.line(), r.line().warehouse(), r.quantity(), r.value(), true);
    }
  }

  /** Changes a line's balance; refuses to take it below zero unless that is allowed. */
  private static void balance(
      Connection c,
      Actor actor,
      StockLine l,
      StockLine.WarehouseRef w,
      BigDecimal qty,
      BigDecimal value,
      boolean mayGoNegative)
      throws SQLException {
    int changed;
    if (qty.signum() > 0) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO stock_balance (company_id, item_id, warehouse_id, lot, quantity, value)"
                  + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (company_id, item_id, warehouse_id, lot)"
                  + " DO UPDATE SET quantity = stock_balance.quantity + EXCLUDED.quantity,"
                  + " value = stock_balance.value + EXCLUDED.value")) {
        ps.setObject(1, actor.companyId());
        ps.setObject(2, l.item().id());
        ps.setObject(3, w.id());
        ps.setString(4, l.lot());
        ps.setBigDecimal(5, qty);
        ps.setBigDecimal(6, value);
        changed = ps.executeUpdate();
      }
    } else {
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE stock_balance SET quantity = quantity + ?, value = value + ?"
                  + " WHERE company_id = ? AND item_id = ? AND warehouse_id = ? AND lot = ?"
                  + " AND (? OR quantity + ? >= 0)")) {
        ps.setBigDecimal(1, qty);
        ps.setBigDecimal(2, value);
        ps.setObject(3, actor.companyId());
        ps.setObject(4, l.item().id());
        ps.setObject(5, w.id());
        ps.setString(6, l.lot());
        ps.setBoolean(7, mayGoNegative);
        ps.setBigDecimal(8, qty);
        changed = ps.executeUpdate();
      }
      if (changed == 0) {
        if (mayGoNegative) {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO stock_balance (company_id, item_id, warehouse_id, lot, quantity, value)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, actor.companyId());
            ps.setObject(2, l.item().id());
            ps.setObject(3, w.id());
            ps.setString(4, l.lot());
            ps.setBigDecimal(5, qty);
            ps.setBigDecimal(6, value);
            changed = ps.executeUpdate();
          }
        } else {
          BigDecimal onHand =
              booked(
                  c, actor.companyId(), new StockLine(l.index(), l.item(), w, l.lot(), qty, null));
          String unit = l.item().unitCode();
          throw new BusinessRuleException(
              "insufficient_stock",
              "Not enough stock of "
                  + l.item().code()
                  + (l.lot().isEmpty() ? "" : " lot " + l.lot())
                  + " in "
                  + w.name()
                  + ": "
                  + StockLedger.plain(onHand)
                  + " "
                  + unit
                  + " on hand, "
                  + StockLedger.plain(qty.negate())
                  + " "
                  + unit
                  + " requested (line "
                  + (l.index() + 1)
                  + ").");
        }
      }
    }
  }

  static void moveRow(
      PreparedStatement moveRows,
      Actor actor,
      UUID movementId,
      StockLine l,
      StockLine.WarehouseRef w,
      BigDecimal qty,
      BigDecimal unitCost,
      BigDecimal value,
      String kind,
      String ref,
      Instant now)
      throws SQLException {
    moveRows.setObject(1, Ids.newId());
    moveRows.setObject(2, actor.companyId());
    moveRows.setObject(3, movementId);
    moveRows.setObject(4, l.item().id());
    moveRows.setObject(5, w.id());
    moveRows.setString(6, l.lot());
    moveRows.setBigDecimal(7, qty);
    moveRows.setBigDecimal(8, unitCost);
    moveRows.setBigDecimal(9, value);
    moveRows.setString(10, kind);
    moveRows.setString(11, ref);
    moveRows.setTimestamp(12, Timestamp.from(now));
    moveRows.setString(13, actor.username());
    moveRows.addBatch();
  }

  static BigDecimal booked(Connection c, UUID company, StockLine l) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT quantity FROM stock_balance WHERE company_id = ? AND item_id = ? AND warehouse_id = ? AND lot = ?")) {
      ps.setObject(1, company);
      ps.setObject(2, l.item().id());
      ps.setObject(3, l.warehouse().id());
      ps.setString(4, l.lot());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getBigDecimal(1) : BigDecimal.ZERO;
      }
    }
  }

  static boolean allowNegative(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT allow_negative_stock FROM inventory_setting");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() && rs.getBoolean(1);
    }
  }
}
