package io.millstone.server.papers;

import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.NumberGrouping;
import io.millstone.server.platform.Tx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.UUID;

/**
 * What tops every page a company prints: its name, postal address and BIN (as the administrator set
 * them in company settings; empty until set), and how it writes amounts (lakh/crore or thousands),
 * dates (dd/MM/yyyy by default) and times (its zone, Asia/Dhaka in the demo).
 */
public record Letterhead(
    String name,
    String address,
    String bin,
    String currencyCode,
    ZoneId zone,
    NumberGrouping grouping,
    String dateFormat) {

  /** The letterhead of the company a transaction works in. */
  public static Letterhead of(Tx t) {
    UUID company = t.actor().orElseThrow().companyId();
    return Jdbc.work(t, c -> read(c, company));
  }

  /** The letterhead of a company, read on a connection already in that company. */
  public static Letterhead read(Connection c, UUID company) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT name, address, bin, currency_code, time_zone, number_grouping, date_format"
                + " FROM company WHERE id = ?")) {
      ps.setObject(1, company);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("company " + company + " not found");
        }
        NumberGrouping g = NumberGrouping.of(rs.getString(6));
        return new Letterhead(
            rs.getString(1),
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            ZoneId.of(rs.getString(5)),
            g == null ? NumberGrouping.INDIAN : g,
            rs.getString(7));
      }
    }
  }
}
