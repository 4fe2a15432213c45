package io.millstone.server.purchasing;

import io.millstone.server.platform.error.InvalidInputException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** A supplier as the purchasing documents need it. */
record SupplierRow(UUID id, String code, String name, int termsDays) {

  /** The active supplier with this code; refused as bad input under {@code supplier_code}. */
  static SupplierRow byCode(Connection c, String code) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, code, name, payment_terms_days FROM party WHERE code = ? AND is_supplier AND active")) {
      ps.setString(1, code);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw InvalidInputException.of(
              "supplier_code", "'" + code + "' is not an active supplier");
        }
        return read(rs);
      }
    }
  }

  static SupplierRow byId(Connection c, UUID id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id, code, name, payment_terms_days FROM party WHERE id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return read(rs);
      }
    }
  }

  private static SupplierRow read(ResultSet rs) throws SQLException {
    return new SupplierRow(
        rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4));
  }
}
