package io.millstone.server.cane;

import io.millstone.server.platform.Ids;
import io.millstone.server.platform.error.BusinessRuleException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The item cane is received as: CANE, a raw material. Made in kg with the company's first season
 * when the company has none; a company that already keeps CANE in another unit of mass (the demo
 * keeps it in maunds) keeps it, and each ticket's net kg is converted into that unit (ADR 0025).
 */
final class CaneItem {
  private CaneItem() {}

  /** Makes CANE (kg) unless the company has an item with that code already. */
  static void ensure(Connection c, UUID company) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO item (id, company_id, code, name, unit_code, kind, tax_category,"
                + " created_at, updated_at, updated_by)"
                + " SELECT ?, ?, ?, 'Sugar cane', 'kg', 'RAW_MATERIAL', 'EXEMPT', now(), now(),"
                + " 'cane' WHERE EXISTS (SELECT 1 FROM unit_of_measure WHERE company_id = ?"
                + " AND code = 'kg') ON CONFLICT (company_id, code) DO NOTHING")) {
      ps.setObject(1, Ids.newId());
      ps.setObject(2, company);
      ps.setString(3, CaneDesk.CANE_ITEM);
      ps.setObject(4, company);
      ps.executeUpdate();
    }
  }

  /** Net kg as a quantity of CANE in its own unit (kg: as it is), at most 6 decimals. */
  static BigDecimal quantityOf(Connection c, BigDecimal kg) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT u.code, u.dimension, u.factor_to_base FROM item i JOIN unit_of_measure u"
                + " ON u.company_id = i.company_id AND u.code = i.unit_code WHERE i.code = ?")) {
      ps.setString(1, CaneDesk.CANE_ITEM);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new BusinessRuleException(
              "cane_no_item",
              "There is no item CANE to receive cane as; create a season first (it makes one).");
        }
        if (!"MASS".equals(rs.getString(2))) {
          throw new BusinessRuleException(
              "cane_item_not_mass",
              "Item CANE is kept in "
                  + rs.getString(1)
                  + ", which is not a weight; change its unit to kg.",
              rs.getString(1));
        }
        // The base unit of mass is the kg (UnitAdmin: kg factor 1, maund 37.3242).
        BigDecimal factor = rs.getBigDecimal(3);
        BigDecimal q = kg.divide(factor, 6, RoundingMode.HALF_UP).stripTrailingZeros();
        return q.scale() < 0 ? q.setScale(0) : q;
      }
    }
  }
}
