package io.millstone.server.sales;

import io.millstone.server.platform.error.InvalidInputException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** A customer as the sales documents need it. */
record CustomerRow(
    UUID id,
    String code,
    String name,
    BigDecimal creditLimit,
    boolean noCreditLimit,
    int termsDays,
    String bin) {
  private static final String COLUMNS =
      "SELECT id, code, name, credit_limit, no_credit_limit, payment_terms_days, bin FROM party";

  private static CustomerRow read(ResultSet rs) throws SQLException {
    return new CustomerRow(
        rs.getObject(1, UUID.class),
        rs.getString(2),
        rs.getString(3),
        rs.getBigDecimal(4),
        rs.getBoolean(5),
        rs.getInt(6),
        rs.getString(7));
  }

  /** The active customer with this code; refused as bad input under {@code field}. */
  static CustomerRow byCode(Connection c, String code, String field) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(COLUMNS + " WHERE code = ? AND is_customer AND active")) {
      ps.setString(1, code);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw InvalidInputException.of(field, "'" + code + "' is not an active customer");
        }
        return read(rs);
      }
    }
  }

  static CustomerRow byId(Connection c, UUID id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return read(rs);
      }
    }
  }

  static UUID idOf(Connection c, String code) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM party WHERE code = ?")) {
      ps.setString(1, code);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getObject(1, UUID.class);
      }
    }
  }
}
