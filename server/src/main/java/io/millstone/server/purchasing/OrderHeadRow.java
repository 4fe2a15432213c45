package io.millstone.server.purchasing;

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
import java.util.Locale;
import java.util.UUID;

/** A purchase order's head, locked for a change, and the statements that move it on. */
record OrderHeadRow(
    UUID id,
    String number,
    PurchaseOrderState state,
    UUID supplierId,
    BigDecimal gross,
    String submittedBy,
    String createdBy) {

  /** Locks the order; with a {@code version}, refuses it if someone changed it since. */
  static OrderHeadRow lock(Connection c, UUID id, Long version) throws SQLException {
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
        return new OrderHeadRow(
            id,
            rs.getString(1),
            PurchaseOrderState.valueOf(rs.getString(2)),
            rs.getObject(3, UUID.class),
            rs.getBigDecimal(4),
            rs.getString(5),
            rs.getString(9));
      }
    }
  }

  /** The state in words: "awaiting approval". */
  String stateWords() {
    return state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  static void touch(Connection c, Actor actor, UUID id, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE purchase_order SET version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?")) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setString(2, actor.username());
      ps.setObject(3, id);
      ps.executeUpdate();
    }
  }

  /** APPROVED → RECEIVED when all goods are in; → CLOSED when everything is billed too. */
  static void advance(Connection c, Actor actor, UUID orderId, Instant now) throws SQLException {
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
    touch(c, actor, orderId, now);
  }
}
