package io.millstone.server.sales;

import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Versions;
import io.millstone.server.platform.error.NotFoundException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A sales order's head, locked for a change, and the statements that move it on. */
record OrderHeadRow(
    UUID id,
    String number,
    SalesOrderState state,
    UUID customerId,
    BigDecimal gross,
    boolean anyDelivered,
    LocalDate orderDate) {

  /** Locks the order; with {@code version} given, refuses if someone changed it meanwhile. */
  static OrderHeadRow lock(Connection c, UUID id, Long version) throws SQLException {
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
        return new OrderHeadRow(
            id,
            rs.getString(1),
            SalesOrderState.valueOf(rs.getString(2)),
            rs.getObject(3, UUID.class),
            rs.getBigDecimal(4),
            rs.getBoolean(8),
            rs.getDate(9).toLocalDate());
      }
    }
  }

  /** Records an edit: new state, note or number, and a new version. */
  static void touch(
      Connection c,
      Actor actor,
      UUID id,
      SalesOrderState state,
      String note,
      String newNumber,
      Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE sales_order SET state = ?, note = coalesce(?, note),"
                + " quote_number = CASE WHEN ? IS NULL THEN quote_number ELSE number END,"
                + " number = coalesce(?, number), version = version + 1, updated_at = ?, updated_by = ?"
                + " WHERE id = ?")) {
      ps.setString(1, state.name());
      ps.setString(2, note);
      ps.setString(3, newNumber);
      ps.setString(4, newNumber);
      ps.setTimestamp(5, Timestamp.from(now));
      ps.setString(6, actor.username());
      ps.setObject(7, id);
      ps.executeUpdate();
    }
  }

  /** CONFIRMED → DELIVERED when every goods line is delivered; → INVOICED when all is invoiced. */
  static void advance(Connection c, Actor actor, UUID orderId, Instant now) throws SQLException {
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
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setString(2, actor.username());
      ps.setObject(3, orderId);
      ps.setObject(4, orderId);
      ps.executeUpdate();
    }
  }
}
