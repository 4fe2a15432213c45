package io.millstone.server.sales;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An item as an order line needs it: its default price and tax category. */
record ItemRow(
    UUID id,
    String code,
    String name,
    String unit,
    String kind,
    BigDecimal price,
    String taxCategory) {

  /** The active items of the given codes, by code, in one query. */
  static Map<String, ItemRow> byCodes(Connection c, List<String> codes) throws SQLException {
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
}
