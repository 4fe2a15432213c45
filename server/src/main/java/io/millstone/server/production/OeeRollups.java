package io.millstone.server.production;

import io.millstone.server.telemetry.ShiftCalendar;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * OEE per work centre and machine for a shift, a day or a range of days, read from the per-shift
 * rollups the ingest keeps ({@code oee_shift_rollup}, see telemetry's {@code OeeRollup}) and the
 * period's few downtime rows for the stop reasons; never from raw readings. The entry point for the
 * OEE screen, the production report and the home dashboard.
 *
 * <p>The figures come from {@link OeeFigures}, fed in milliseconds (it is unit-free in time: given
 * milliseconds, its "minutes" are milliseconds; {@link Line} converts them to minutes):
 *
 * <ul>
 *   <li>A machine's period is the time the rollup saw it running or stopped; minutes with no
 *       reading (the agent offline) are left out of the period and shown as no data.
 *   <li>Its stopped time takes the reasons of the downtime overlapping it: planned → planned stop,
 *       no cane → no cane, mechanical / electrical / other → downtime by reason (a stop entered on
 *       a run and tied to the downtime gives its reason when the downtime has none); what no
 *       downtime reason covers is <em>unexplained</em> downtime, an availability loss.
 *   <li>A work centre sums its machines: their periods, stops by reason and ideal time of what they
 *       produced (each machine's ideal cycle time × its count), so a centre's OEE is its machines'
 *       valuable time over their planned busy time, never an average of percentages.
 *   <li>A day or a season is the sum of its shifts' milliseconds and counts, the same way.
 * </ul>
 */
public final class OeeRollups {
  private OeeRollups() {}

  /** The loss codes of the tree, in the order they are taken out of the period. */
  public static final List<String> LOSSES =
      List.of(
          "PLANNED",
          "NO_CANE",
          "MECHANICAL",
          "ELECTRICAL",
          "POWER",
          "OTHER",
          "UNEXPLAINED",
          "SPEED_LOSS",
          "QUALITY_LOSS",
          "VALUABLE");

  /**
   * The days and shift asked about: one shift of a date ({@code shift} A, B or C) or whole days.
   */
  public record Period(LocalDate from, LocalDate to, String shift) {
    public static Period shift(LocalDate date, String shift) {
      return new Period(date, date, shift);
    }

    public static Period day(LocalDate date) {
      return new Period(date, date, null);
    }

    public static Period days(LocalDate from, LocalDate to) {
      return new Period(from, to, null);
    }

    Instant start(ZoneId zone) {
      return ShiftCalendar.start(from, shift == null ? "A" : shift, zone);
    }

    Instant end(ZoneId zone) {
      return shift == null
          ? ShiftCalendar.start(to.plusDays(1), "A", zone)
          : new ShiftCalendar.Bucket(to, shift).end(zone);
    }
  }

  /**
   * One line: a work centre (machineCode empty) or one of its machines.
   *
   * @param figures in milliseconds (see the class comment); use the methods for minutes
   * @param produced what the counter counted; good = produced less rejects
   * @param noDataMillis time in the period with no reading from the machine
   */
  public record Line(
      String workCentreCode,
      String workCentreName,
      String machineCode,
      String name,
      String unit,
      OeeFigures figures,
      BigDecimal produced,
      BigDecimal good,
      long noDataMillis) {

    /** Minutes by loss code in tree order (see {@link #LOSSES}), zero losses included. */
    public Map<String, BigDecimal> lossMinutes() {
      Map<String, BigDecimal> m = new LinkedHashMap<>();
      m.put("PLANNED", minutes(figures.plannedStopMinutes()));
      m.put("NO_CANE", minutes(figures.noCaneMinutes()));
      for (String r : List.of("MECHANICAL", "ELECTRICAL", "POWER", "OTHER", "UNEXPLAINED")) {
        m.put(r, minutes(figures.downtimeByReason().getOrDefault(r, 0L)));
      }
      m.put("SPEED_LOSS", minutes(figures.speedLossMinutes()));
      m.put("QUALITY_LOSS", minutes(figures.qualityLossMinutes()));
      m.put("VALUABLE", minutes(figures.goodIdealMinutes()));
      return m;
    }

    public BigDecimal runningMinutes() {
      return minutes(figures.actualProductionMinutes());
    }

    public BigDecimal plannedBusyMinutes() {
      return minutes(figures.plannedBusyMinutes());
    }

    public BigDecimal noDataMinutes() {
      return minutes(noDataMillis);
    }
  }

  static BigDecimal minutes(long ms) {
    return minutes(BigDecimal.valueOf(ms));
  }

  static BigDecimal minutes(BigDecimal ms) {
    return ms.divide(BigDecimal.valueOf(60_000), 1, RoundingMode.HALF_EVEN);
  }

  private static final class Machine {
    String wcCode;
    String wcName;
    UUID id;
    String code;
    String name;
    String unit;
    BigDecimal idealMsPerUnit;
    Instant rolledTo;
    long running;
    long stopped;
    long noData;
    BigDecimal produced = BigDecimal.ZERO;
    BigDecimal rejected = BigDecimal.ZERO;
    final Map<String, Long> explained = new LinkedHashMap<>();
  }

  /**
   * OEE of the work centres (all, or the one whose code is given) and their machines (all, or the
   * one given) over a period: for each work centre its own line, then its machines' lines. Only
   * machines with an ideal rate set take part. Reads in the caller's transaction (company set).
   *
   * @param asOf now: the period's clock time after it is not yet due, so not "no data"
   */
  public static List<Line> read(
      Connection c, ZoneId zone, Instant asOf, Period p, String workCentreCode, String machineCode)
      throws SQLException {
    String wc = workCentreCode == null ? "" : workCentreCode;
    String mc = machineCode == null ? "" : machineCode;
    List<Machine> machines = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT w.code, w.name, m.id, m.code, m.name, s.ideal_rate_per_hour, s.rate_unit,"
                + " cur.rolled_to FROM work_centre w"
                + " JOIN work_centre_machine wm ON wm.work_centre_id = w.id"
                + " JOIN machine m ON m.id = wm.machine_id"
                + " JOIN machine_oee s ON s.machine_id = m.id"
                + " LEFT JOIN oee_cursor cur ON cur.machine_id = m.id"
                + " WHERE w.active AND (? = '' OR w.code = ?) AND (? = '' OR m.code = ?)"
                + " ORDER BY w.code, m.code")) {
      ps.setString(1, wc);
      ps.setString(2, wc);
      ps.setString(3, mc);
      ps.setString(4, mc);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Machine m = new Machine();
          m.wcCode = rs.getString(1);
          m.wcName = rs.getString(2);
          m.id = rs.getObject(3, UUID.class);
          m.code = rs.getString(4);
          m.name = rs.getString(5);
          m.idealMsPerUnit =
              BigDecimal.valueOf(3_600_000).divide(rs.getBigDecimal(6), MathContext.DECIMAL128);
          m.unit = rs.getString(7);
          Timestamp to = rs.getTimestamp(8);
          m.rolledTo = to == null ? Instant.EPOCH : to.toInstant();
          machines.add(m);
        }
      }
    }
    if (machines.isEmpty()) {
      return List.of();
    }
    Map<UUID, List<Machine>> byId = new HashMap<>();
    for (Machine m : machines) {
      byId.computeIfAbsent(m.id, k -> new ArrayList<>()).add(m);
    }
    Object[] ids = byId.keySet().toArray();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT machine_id, sum(running_ms), sum(stopped_ms), sum(no_data_ms), sum(produced),"
                + " sum(rejected) FROM oee_shift_rollup WHERE machine_id = ANY (?)"
                + " AND shift_date BETWEEN ? AND ? AND (?::varchar IS NULL OR shift = ?)"
                + " GROUP BY machine_id")) {
      ps.setArray(1, c.createArrayOf("uuid", ids));
      ps.setObject(2, p.from());
      ps.setObject(3, p.to());
      ps.setString(4, p.shift());
      ps.setString(5, p.shift());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          for (Machine m : byId.get(rs.getObject(1, UUID.class))) {
            m.running = rs.getLong(2);
            m.stopped = rs.getLong(3);
            m.produced = rs.getBigDecimal(5);
            m.rejected = rs.getBigDecimal(6);
          }
        }
      }
    }
    Instant start = p.start(zone);
    Instant end = p.end(zone);
    // Minutes of the period gone by with no reading at all: the calendar less what was seen.
    long due = Math.max(0, min(end, asOf).toEpochMilli() - start.toEpochMilli());
    for (Machine m : machines) {
      m.noData = Math.max(0, due - m.running - m.stopped);
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT d.machine_id, d.started_at, d.ended_at, d.reason, s.reason FROM downtime d"
                + " LEFT JOIN production_run_stop s ON s.downtime_id = d.id"
                + " WHERE d.machine_id = ANY (?) AND d.started_at < ?"
                + " AND (d.ended_at IS NULL OR d.ended_at > ?)")) {
      ps.setArray(1, c.createArrayOf("uuid", ids));
      ps.setTimestamp(2, Timestamp.from(end));
      ps.setTimestamp(3, Timestamp.from(start));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String reason = reason(rs.getString(4), rs.getString(5));
          if (reason.equals("UNEXPLAINED")) {
            continue; // what no reason covers is unexplained anyway
          }
          for (Machine m : byId.get(rs.getObject(1, UUID.class))) {
            Instant from = max(start, rs.getTimestamp(2).toInstant());
            Timestamp endedAt = rs.getTimestamp(3);
            // An open stop, and a closed one, count only as far as the rollup has got.
            Instant to = min(min(end, m.rolledTo), endedAt == null ? end : endedAt.toInstant());
            if (to.isAfter(from)) {
              m.explained.merge(reason, to.toEpochMilli() - from.toEpochMilli(), Long::sum);
            }
          }
        }
      }
    }
    List<Line> out = new ArrayList<>();
    int i = 0;
    while (i < machines.size()) {
      String code = machines.get(i).wcCode;
      List<Machine> group = new ArrayList<>();
      while (i < machines.size() && machines.get(i).wcCode.equals(code)) {
        group.add(machines.get(i++));
      }
      out.add(centre(group));
      for (Machine m : group) {
        out.add(machine(m));
      }
    }
    return out;
  }

  /** The OEE stop reason of a downtime: its own reason, else the reason of the stop tied to it. */
  static String reason(String downtimeReason, String stopReason) {
    String r = downtimeReason == null ? "" : downtimeReason;
    return switch (r) {
      case "planned" -> "PLANNED";
      case "no_cane" -> "NO_CANE";
      case "mechanical" -> "MECHANICAL";
      case "electrical" -> "ELECTRICAL";
      case "other" -> "OTHER";
      default ->
          stopReason == null
              ? "UNEXPLAINED"
              : switch (stopReason) {
                case "CLEANING" -> "PLANNED";
                case "NO_CANE", "MECHANICAL", "ELECTRICAL", "POWER" -> stopReason;
                default -> "OTHER";
              };
    };
  }

  /**
   * The machine's stopped milliseconds by reason: the downtime reasons in tree order, each capped
   * by what is left of the stopped time; the rest unexplained.
   */
  private static Map<String, Long> stops(Machine m) {
    Map<String, Long> out = new LinkedHashMap<>();
    long left = m.stopped;
    for (String r : LOSSES) {
      Long ms = m.explained.get(r);
      if (ms != null && left > 0) {
        long take = Math.min(ms, left);
        out.put(r, take);
        left -= take;
      }
    }
    if (left > 0) {
      out.put("UNEXPLAINED", left);
    }
    return out;
  }

  private static Line machine(Machine m) {
    BigDecimal good = good(m);
    OeeFigures f =
        OeeFigures.of(m.running + m.stopped, stops(m), m.idealMsPerUnit, m.produced, good);
    return new Line(m.wcCode, m.wcName, m.code, m.name, m.unit, f, m.produced, good, m.noData);
  }

  private static BigDecimal good(Machine m) {
    BigDecimal g = m.produced.subtract(m.rejected);
    return g.signum() < 0 ? BigDecimal.ZERO : g;
  }

  private static Line centre(List<Machine> group) {
    long period = 0;
    long noData = 0;
    Map<String, Long> stops = new HashMap<>();
    BigDecimal idealProduced = BigDecimal.ZERO;
    BigDecimal idealGood = BigDecimal.ZERO;
    BigDecimal produced = BigDecimal.ZERO;
    BigDecimal good = BigDecimal.ZERO;
    String unit = group.get(0).unit;
    for (Machine m : group) {
      period += m.running + m.stopped;
      noData += m.noData;
      stops(m).forEach((k, v) -> stops.merge(k, v, Long::sum));
      idealProduced = idealProduced.add(m.idealMsPerUnit.multiply(m.produced));
      idealGood = idealGood.add(m.idealMsPerUnit.multiply(good(m)));
      produced = produced.add(m.produced);
      good = good.add(good(m));
      if (!m.unit.equals(unit)) {
        unit = "";
      }
    }
    // The centre's "units" are its machines' ideal milliseconds, so each counts at its own speed.
    OeeFigures f = OeeFigures.of(period, stops, BigDecimal.ONE, idealProduced, idealGood);
    Machine first = group.get(0);
    return new Line(first.wcCode, first.wcName, "", first.wcName, unit, f, produced, good, noData);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
