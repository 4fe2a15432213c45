package io.millstone.server.sales;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** A sales order line with what was delivered and invoiced against it. */
record OrderLineRow(
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
    BigDecimal invoiced) {

  boolean isService() {
    return kind.equals("SERVICE");
  }

  /** The order's lines by line number. */
  static Map<Integer, OrderLineRow> byLineNo(Connection c, UUID orderId) throws SQLException {
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
}
