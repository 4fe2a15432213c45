package io.millstone.server.purchasing;

import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Decimals;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Validator;
import io.millstone.server.purchasing.PurchaseDesk.Settings;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The company's purchasing rules: approval threshold and the three-way match's tolerances. */
final class PurchasingRules {
  private final Transactions tx;

  PurchasingRules(Transactions tx) {
    this.tx = tx;
  }

  Settings settings(Actor actor) {
    return tx.sqlInCompany(actor, (t, c) -> read(c));
  }

  Settings update(Actor actor, String threshold, String priceTolerance, String quantityTolerance) {
    Validator v = new Validator();
    BigDecimal th = Decimals.parse(v, "approval_threshold", threshold, 4, true);
    BigDecimal pt = Decimals.parse(v, "price_tolerance_percent", priceTolerance, 4, true);
    BigDecimal qt = Decimals.parse(v, "quantity_tolerance_percent", quantityTolerance, 4, true);
    v.check(th == null || th.signum() >= 0, "approval_threshold", "must not be negative");
    v.check(
        pt == null || (pt.signum() >= 0 && pt.compareTo(BigDecimal.valueOf(100)) <= 0),
        "price_tolerance_percent",
        "must be between 0 and 100");
    v.check(
        qt == null || (qt.signum() >= 0 && qt.compareTo(BigDecimal.valueOf(100)) <= 0),
        "quantity_tolerance_percent",
        "must be between 0 and 100");
    v.throwIfInvalid();
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE purchasing_setting SET approval_threshold = ?, price_tolerance_pct = ?,"
                      + " quantity_tolerance_pct = ?")) {
            ps.setBigDecimal(1, th);
            ps.setBigDecimal(2, pt);
            ps.setBigDecimal(3, qt);
            ps.executeUpdate();
          }
          t.audit(
              "purchasing.settings.update",
              "purchasing_setting",
              actor.companyId(),
              "approval above "
                  + th.toPlainString()
                  + ", price tolerance "
                  + pt
                  + " %, quantity "
                  + qt
                  + " %");
          return read(c);
        });
  }

  /** The company's rules, or the defaults if none were stored. */
  static Settings read(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT approval_threshold, price_tolerance_pct, quantity_tolerance_pct FROM purchasing_setting");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return new Settings(new BigDecimal("500000"), new BigDecimal("2"), BigDecimal.ZERO);
      }
      return new Settings(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3));
    }
  }
}
