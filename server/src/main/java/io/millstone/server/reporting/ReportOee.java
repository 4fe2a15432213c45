package io.millstone.server.reporting;

import io.millstone.server.production.OeeRollups;
import io.millstone.server.reporting.ProductionReport.WorkCentreOee;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The production report's OEE: each work centre's day, previous day and season to date. */
final class ReportOee {
  private ReportOee() {}

  /**
   * OEE per work centre for the day, beside the previous day and the season to date, from the
   * rollups kept at ingest ({@link OeeRollups}; only work centres with a machine of known rated
   * speed have one).
   */
  static List<WorkCentreOee> byWorkCentre(
      Connection c, ZoneId zone, LocalDate seasonStart, LocalDate date) throws SQLException {
    Instant now = Instant.now();
    Map<String, OeeRollups.Line> prev =
        centres(c, zone, now, OeeRollups.Period.day(date.minusDays(1)));
    Map<String, OeeRollups.Line> season =
        centres(c, zone, now, OeeRollups.Period.days(seasonStart, date));
    List<WorkCentreOee> out = new ArrayList<>();
    for (OeeRollups.Line l : centres(c, zone, now, OeeRollups.Period.day(date)).values()) {
      OeeRollups.Line p = prev.get(l.workCentreCode());
      OeeRollups.Line s = season.get(l.workCentreCode());
      out.add(
          new WorkCentreOee(
              l.workCentreCode(),
              l.figures().availabilityPercent(),
              l.figures().performancePercent(),
              l.figures().qualityPercent(),
              l.figures().oeePercent(),
              p == null ? BigDecimal.ZERO : p.figures().oeePercent(),
              s == null ? BigDecimal.ZERO : s.figures().oeePercent()));
    }
    return out;
  }

  private static Map<String, OeeRollups.Line> centres(
      Connection c, ZoneId zone, Instant now, OeeRollups.Period p) throws SQLException {
    Map<String, OeeRollups.Line> m = new LinkedHashMap<>();
    for (OeeRollups.Line l : OeeRollups.read(c, zone, now, p, null, null)) {
      if (l.machineCode().isEmpty()) {
        m.put(l.workCentreCode(), l);
      }
    }
    return m;
  }
}
