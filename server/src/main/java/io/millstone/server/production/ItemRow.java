package io.millstone.server.production;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What production needs of an item: its kind (which stock account it sits in) and its unit with the
 * unit's kilograms, so quantities of mass become tonnes for the mass balance and the figures.
 */
record ItemRow(
    UUID id,
    String code,
    String name,
    String kind,
    String unitCode,
    boolean active,
    BigDecimal kgPerUnit) {

  /** The tonnes in {@code qty} of this item, or null when its unit is not a mass. */
  BigDecimal tonnes(BigDecimal qty) {
    return kgPerUnit == null
        ? null
        : qty.multiply(kgPerUnit).divide(BigDecimal.valueOf(1000), 6, RoundingMode.HALF_EVEN);
  }

  static String norm(String code) {
    return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
  }

  private static final String SELECT =
      "SELECT i.id, i.code, i.name, i.kind, i.unit_code, i.active,"
          + " CASE WHEN u.dimension = 'MASS' THEN u.factor_to_base END"
          + " FROM item i LEFT JOIN unit_of_measure u"
          + " ON u.company_id = i.company_id AND u.code = i.unit_code";

  /** The items of the given codes, by code; unknown codes are absent. */
  static Map<String, ItemRow> byCodes(Connection c, List<String> codes) throws SQLException {
    Map<String, ItemRow> out = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE i.code = ANY(?)")) {
      ps.setArray(1, c.createArrayOf("text", codes.stream().map(ItemRow::norm).toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ItemRow r = read(rs);
          out.put(r.code(), r);
        }
      }
    }
    return out;
  }

  static ItemRow byId(Connection c, UUID id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE i.id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return read(rs);
      }
    }
  }

  private static ItemRow read(ResultSet rs) throws SQLException {
    return new ItemRow(
        rs.getObject(1, UUID.class),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getBoolean(6),
        rs.getBigDecimal(7));
  }
}
