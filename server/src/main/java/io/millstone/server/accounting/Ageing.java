package io.millstone.server.accounting;

import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.platform.Amounts;
import io.millstone.server.platform.Tx;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Open documents per party by days past due: current, 1-30, 31-60, 61-90, over 90. */
public record Ageing(LocalDate asOf, List<Ageing.Row> rows, BigDecimal total, String currency) {

  public record Row(
      String partyCode,
      String partyName,
      BigDecimal current,
      BigDecimal days1to30,
      BigDecimal days31to60,
      BigDecimal days61to90,
      BigDecimal over90,
      BigDecimal total) {}

  /**
   * Ages what {@code openSql} returns: party code, party name, due date and open amount of each
   * document dated on or before its one parameter, the as-of date.
   *
   * @param asOf null for today in the company's time zone
   */
  public static Ageing of(Tx t, Connection c, Clock clock, String openSql, LocalDate asOf)
      throws SQLException {
    LocalDate day =
        asOf != null
            ? asOf
            : LocalDate.ofInstant(clock.instant(), ZoneId.of(CompanyAdmin.timeZoneOf(t)));
    Map<String, BigDecimal[]> buckets = new TreeMap<>();
    Map<String, String> names = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(openSql)) {
      ps.setDate(1, Date.valueOf(day));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.put(rs.getString(1), rs.getString(2));
          long late = ChronoUnit.DAYS.between(rs.getDate(3).toLocalDate(), day);
          int b = late <= 0 ? 0 : late <= 30 ? 1 : late <= 60 ? 2 : late <= 90 ? 3 : 4;
          BigDecimal[] row = buckets.computeIfAbsent(rs.getString(1), k -> zeros());
          row[b] = row[b].add(rs.getBigDecimal(4));
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    BigDecimal total = Amounts.zero();
    for (var e : buckets.entrySet()) {
      BigDecimal[] b = e.getValue();
      BigDecimal sum = b[0].add(b[1]).add(b[2]).add(b[3]).add(b[4]);
      total = total.add(sum);
      rows.add(new Row(e.getKey(), names.get(e.getKey()), b[0], b[1], b[2], b[3], b[4], sum));
    }
    return new Ageing(day, rows, total, CompanyAdmin.currencyOf(t));
  }

  private static BigDecimal[] zeros() {
    BigDecimal[] z = new BigDecimal[5];
    java.util.Arrays.fill(z, Amounts.zero());
    return z;
  }
}
