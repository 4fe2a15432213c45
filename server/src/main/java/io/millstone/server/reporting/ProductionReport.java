package io.millstone.server.reporting;

import io.millstone.server.platform.Actor;
import io.millstone.server.platform.ReportConnection;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.error.FieldViolation;
import io.millstone.server.platform.error.InvalidInputException;
import io.millstone.server.production.ProductionDesk.Figures;
import io.millstone.server.production.ProductionDesk.SugarView;
import io.millstone.server.production.RunTallies;
import io.millstone.server.production.RunTallies.Run;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Yesterday's production report (issue 15): a production day split by shift, beside the previous
 * day and the season to date, with the season's daily series and lost time for the charts. Read
 * through the {@link ReportConnection}; runs are tallied by {@link RunTallies} (the day figures'
 * own tally), cane received from weighbridge tickets, lab averages from samples, stock from the
 * stock ledger. docs/production-report.md explains each figure.
 */
public final class ProductionReport {
  /** A figure more than this far (percent) from the season average is flagged. */
  public static final BigDecimal BAND_PERCENT = BigDecimal.TEN;

  static final List<String> SHIFTS = List.of("A", "B", "C");
  static final List<String> STREAMS =
      List.of(
          "PRIMARY_JUICE",
          "MIXED_JUICE",
          "CLEAR_JUICE",
          "SYRUP",
          "MASSECUITE_A",
          "MASSECUITE_B",
          "MASSECUITE_C",
          "FINAL_MOLASSES",
          "SUGAR");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
  private static final LocalTime DAY_STARTS = LocalTime.of(6, 0);

  /** What a figure opens: runs, tickets, samples, stops or stock moves. */
  public record Drill(
      String kind,
      List<UUID> runIds,
      Instant from,
      Instant to,
      String stream,
      String reason,
      String itemCode) {
    static Drill runs(List<UUID> ids) {
      return new Drill("RUNS", ids, null, null, "", "", "");
    }
  }

  /** One row; null values do not apply. */
  public record Figure(
      String key,
      String group,
      String label,
      String unit,
      BigDecimal shiftA,
      BigDecimal shiftB,
      BigDecimal shiftC,
      BigDecimal day,
      BigDecimal previousDay,
      BigDecimal seasonToDate,
      BigDecimal seasonAverage,
      String flag,
      String flagReason,
      Drill drill) {}

  public record SeasonDay(LocalDate date, BigDecimal cane, BigDecimal tcd, BigDecimal recovery) {}

  public record Lost(String reason, long minutes, BigDecimal cumulativePercent) {}

  /**
   * A work centre's OEE for the day, with the previous day's and the season to date's OEE beside it
   * (each from its own summed minutes, never averaged).
   */
  public record WorkCentreOee(
      String workCentreCode,
      BigDecimal availabilityPercent,
      BigDecimal performancePercent,
      BigDecimal qualityPercent,
      BigDecimal oeePercent,
      BigDecimal previousDayOeePercent,
      BigDecimal seasonOeePercent) {}

  public record Report(
      LocalDate date,
      String seasonCode,
      String seasonName,
      LocalDate seasonStart,
      int crushingDays,
      List<Figure> figures,
      List<SeasonDay> series,
      List<Lost> lostTimeDay,
      List<Lost> lostTimeSeason,
      List<WorkCentreOee> oee,
      BigDecimal bandPercent,
      String timeZone) {}

  private final ReportConnection reports;

  public ProductionReport(ReportConnection reports) {
    this.reports = reports;
  }

  /** The report for {@code date} in the actor's company, read on the report connection. */
  public Report get(Actor actor, LocalDate date) {
    new Validator().check(date != null, "date", "required", "is required").throwIfInvalid();
    return reports.inCompany(actor, c -> build(c, actor.companyId(), date));
  }

  /**
   * The report, on a connection in a transaction (read-only on the report connection); the company
   * is set here through {@code begin_work}, so row-level security applies. The benchmark's entry.
   */
  public static Report build(Connection c, UUID companyId, LocalDate date) throws SQLException {
    ReportConnection.enterCompany(c, companyId, null, null);
    ZoneId zone = zoneOf(c, companyId);
    LocalDate today = LocalDate.now(zone);
    if (date.isAfter(today)) {
      throw new InvalidInputException(
          List.of(
              new FieldViolation(
                  "date",
                  "is in the future; the report shows days up to today (" + today + ")",
                  "report_date_future",
                  List.of(today))));
    }
    Season season = season(c, date);
    LocalDate from = season.start();
    LocalDate prev = date.minusDays(1);
    RunTallies tallies = RunTallies.finished(c, from, date);
    Tickets tickets = Tickets.read(c, zone, from, date);
    Lab lab = Lab.read(c, zone, from, date);

    Predicate<Run> onDay = r -> r.date().equals(date);
    Predicate<Run> onPrev = r -> r.date().equals(prev);
    Predicate<Run> all = r -> true;
    Map<String, Predicate<Run>> shifts = new LinkedHashMap<>();
    for (String s : SHIFTS) {
      shifts.put(s, r -> r.date().equals(date) && r.shift().equals(s));
    }
    Map<String, Figures> shiftFigures = new LinkedHashMap<>();
    shifts.forEach((s, p) -> shiftFigures.put(s, tallies.figures(p)));
    Spans spans =
        new Spans(
            shiftFigures, tallies.figures(onDay), tallies.figures(onPrev), tallies.figures(all));
    Figures seasonFigures = spans.season();
    int crushingDays = (int) tallies.runs().stream().map(Run::date).distinct().count();
    List<UUID> dayRuns = tallies.runs().stream().filter(onDay).map(Run::id).toList();
    Instant dayFrom = start(date, zone);
    Instant dayTo = start(date.plusDays(1), zone);

    List<Figure> figures = new ArrayList<>();
    Rows rows = new Rows(crushingDays);

    // Cane.
    figures.add(
        rows.quantity(
            "cane_received",
            "CANE",
            "Cane received",
            "t",
            s -> tickets.tonnes(date, s),
            tickets.tonnes(date, null),
            tickets.tonnes(prev, null),
            tickets.total(),
            new Drill("TICKETS", List.of(), dayFrom, dayTo, "", "", "")));
    figures.add(
        spans.quantity(
            rows,
            "cane_crushed",
            "CANE",
            "Cane crushed",
            "t",
            Figures::caneTonnes,
            Drill.runs(dayRuns)));
    figures.add(
        spans.rate(
            rows,
            "crushing_rate",
            "CANE",
            "Crushing rate",
            "TCD",
            Figures::tcd,
            Drill.runs(dayRuns)));

    // Outputs.
    figures.add(
        spans.quantity(
            rows, "sugar", "OUTPUT", "Sugar made", "t", Figures::sugarTonnes, Drill.runs(dayRuns)));
    for (SugarView grade : seasonFigures.sugarByGrade()) {
      Function<Figures, BigDecimal> of = f -> gradeTonnes(f, grade.itemCode());
      figures.add(
          spans.quantity(
              rows,
              "sugar:" + grade.itemCode(),
              "OUTPUT",
              grade.itemName(),
              "t",
              of,
              Drill.runs(dayRuns)));
    }
    for (String[] out :
        new String[][] {
          {"molasses", "MOLASSES", "Molasses"},
          {"bagasse", "BAGASSE", "Bagasse"},
          {"press_mud", "PRESS_MUD", "Press mud"}
        }) {
      figures.add(
          rows.quantity(
              out[0],
              "OUTPUT",
              out[2],
              "t",
              s -> tallies.outputTonnes(shifts.get(s), out[1]),
              tallies.outputTonnes(onDay, out[1]),
              tallies.outputTonnes(onPrev, out[1]),
              tallies.outputTonnes(all, out[1]),
              Drill.runs(dayRuns)));
    }
    figures.add(
        spans.rate(
            rows,
            "recovery",
            "OUTPUT",
            "Recovery",
            "%",
            Figures::recoveryPct,
            Drill.runs(dayRuns)));

    // Stops.
    figures.add(
        spans.quantity(
            rows,
            "lost_time",
            "STOPS",
            "Lost time",
            "min",
            f -> BigDecimal.valueOf(f.lostMinutesTotal()),
            new Drill("STOPS", dayRuns, dayFrom, dayTo, "", "", "")));
    for (String reason : seasonFigures.lostMinutes().keySet()) {
      Function<Figures, BigDecimal> of =
          f -> BigDecimal.valueOf(f.lostMinutes().getOrDefault(reason, 0L));
      figures.add(
          spans.quantity(
              rows,
              "lost:" + reason,
              "STOPS",
              "Lost time, " + reason.toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
              "min",
              of,
              new Drill("STOPS", dayRuns, dayFrom, dayTo, "", reason, "")));
    }

    // Stock at the end of the day (06:00 the next morning) and of the previous day.
    for (StockRow s : stock(c, dayTo, start(date, zone))) {
      figures.add(
          new Figure(
              "stock:" + s.itemCode(),
              "STOCK",
              s.itemName(),
              "t",
              null,
              null,
              null,
              s.day(),
              s.previousDay(),
              null,
              null,
              "NONE",
              "",
              new Drill("STOCK", List.of(), null, dayTo, "", "", s.itemCode())));
    }

    // Lab, last: the longest block, read after the tonnes and the time lost.
    Map<String, Map<String, BigDecimal[]>> limits = limits(c);
    for (String stream : lab.streams()) {
      for (String field : List.of("brix", "pol", "purity")) {
        BigDecimal dayValue = lab.value(date, null, stream, field);
        BigDecimal[] limit = limits.getOrDefault(stream, Map.of()).get(field);
        String[] flag = labFlag(dayValue, limit);
        figures.add(
            new Figure(
                "lab:" + stream + ":" + field,
                "LAB",
                label(stream) + " " + field,
                "%",
                lab.value(date, "A", stream, field),
                lab.value(date, "B", stream, field),
                lab.value(date, "C", stream, field),
                dayValue,
                lab.value(prev, null, stream, field),
                lab.value(null, null, stream, field),
                lab.value(null, null, stream, field),
                flag[0],
                flag[1],
                new Drill("SAMPLES", List.of(), dayFrom, dayTo, stream, "", "")));
      }
    }

    List<SeasonDay> series = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(date); d = d.plusDays(1)) {
      LocalDate on = d;
      Figures f = tallies.figures(r -> r.date().equals(on));
      series.add(new SeasonDay(on, tonnes(f.caneTonnes()), f.tcd(), f.recoveryPct()));
    }
    return new Report(
        date,
        season.code(),
        season.name(),
        season.start(),
        crushingDays,
        figures,
        series,
        pareto(spans.day().lostMinutes()),
        pareto(seasonFigures.lostMinutes()),
        ReportOee.byWorkCentre(c, zone, from, date),
        BAND_PERCENT,
        zone.getId());
  }

  /**
   * The run figures of the report's spans — each shift of the day, the day, the previous day and
   * the season to date — so that a figure is named once and read off all of them alike.
   */
  private record Spans(Map<String, Figures> shifts, Figures day, Figures previous, Figures season) {
    Figure quantity(
        Rows rows,
        String key,
        String group,
        String label,
        String unit,
        Function<Figures, BigDecimal> of,
        Drill drill) {
      return rows.quantity(
          key,
          group,
          label,
          unit,
          s -> of.apply(shifts.get(s)),
          of.apply(day),
          of.apply(previous),
          of.apply(season),
          drill);
    }

    Figure rate(
        Rows rows,
        String key,
        String group,
        String label,
        String unit,
        Function<Figures, BigDecimal> of,
        Drill drill) {
      return rows.rate(
          key,
          group,
          label,
          unit,
          s -> of.apply(shifts.get(s)),
          of.apply(day),
          of.apply(previous),
          of.apply(season),
          drill);
    }
  }

  /** 06:00 of {@code d} on the company's clock: where a production day (shift A) starts. */
  static Instant start(LocalDate d, ZoneId zone) {
    return d.atTime(DAY_STARTS).atZone(zone).toInstant();
  }

  private static ZoneId zoneOf(Connection c, UUID companyId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT time_zone FROM company WHERE id = ?")) {
      ps.setObject(1, companyId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? ZoneId.of(rs.getString(1)) : ZoneId.of("UTC");
      }
    }
  }

  private record Season(String code, String name, LocalDate start) {}

  /** The latest season that started on or before the date. */
  private static Season season(Connection c, LocalDate date) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT code, name, start_date FROM cane_season WHERE start_date <= ?"
                + " ORDER BY start_date DESC LIMIT 1")) {
      ps.setDate(1, Date.valueOf(date));
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return new Season(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate());
        }
      }
    }
    LocalDate first = null;
    try (PreparedStatement ps = c.prepareStatement("SELECT min(start_date) FROM cane_season");
        ResultSet rs = ps.executeQuery()) {
      if (rs.next() && rs.getDate(1) != null) {
        first = rs.getDate(1).toLocalDate();
      }
    }
    throw new InvalidInputException(
        List.of(
            first == null
                ? new FieldViolation(
                    "date",
                    "has no cane season: there is none yet; create the season first",
                    "report_no_season",
                    List.of())
                : new FieldViolation(
                    "date",
                    "is before the first cane season, which starts on " + first,
                    "report_before_season",
                    List.of(first))));
  }

  private static BigDecimal gradeTonnes(Figures f, String itemCode) {
    return f.sugarByGrade().stream()
        .filter(g -> g.itemCode().equals(itemCode))
        .map(SugarView::tonnes)
        .findFirst()
        .orElse(BigDecimal.ZERO);
  }

  static BigDecimal tonnes(BigDecimal t) {
    return t == null ? null : t.setScale(3, RoundingMode.HALF_EVEN);
  }

  /** Lost minutes by reason, largest first, each with the cumulative percent of the total. */
  static List<Lost> pareto(Map<String, Long> byReason) {
    long total = byReason.values().stream().mapToLong(Long::longValue).sum();
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(byReason.entrySet());
    sorted.sort(
        Map.Entry.<String, Long>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    List<Lost> out = new ArrayList<>();
    long running = 0;
    for (Map.Entry<String, Long> e : sorted) {
      running += e.getValue();
      out.add(
          new Lost(
              e.getKey(),
              e.getValue(),
              total == 0
                  ? BigDecimal.ZERO
                  : BigDecimal.valueOf(running * 100)
                      .divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_EVEN)));
    }
    return out;
  }

  /**
   * Rows of quantities and rates, with the previous day, the season average and the band's flag.
   */
  private record Rows(int crushingDays) {
    /**
     * A quantity (tonnes, minutes): the season average is the season's total to date divided by its
     * crushing days.
     */
    Figure quantity(
        String key,
        String group,
        String label,
        String unit,
        Function<String, BigDecimal> shift,
        BigDecimal day,
        BigDecimal previous,
        BigDecimal season,
        Drill drill) {
      int scale = unit.equals("min") ? 0 : 3;
      BigDecimal average =
          crushingDays == 0
              ? BigDecimal.ZERO
              : season.divide(BigDecimal.valueOf(crushingDays), scale, RoundingMode.HALF_EVEN);
      return row(key, group, label, unit, shift, day, previous, season, average, drill, scale);
    }

    /** A rate (TCD, recovery): the season average is the season's own rate, from its sums. */
    Figure rate(
        String key,
        String group,
        String label,
        String unit,
        Function<String, BigDecimal> shift,
        BigDecimal day,
        BigDecimal previous,
        BigDecimal season,
        Drill drill) {
      return row(key, group, label, unit, shift, day, previous, season, season, drill, 2);
    }

    private Figure row(
        String key,
        String group,
        String label,
        String unit,
        Function<String, BigDecimal> shift,
        BigDecimal day,
        BigDecimal previous,
        BigDecimal season,
        BigDecimal average,
        Drill drill,
        int scale) {
      String[] flag = bandFlag(day, average);
      if (group.equals("STOPS") && flag[0].equals("LOW")) {
        // Less time lost than usual is never a warning: only lost time above the band is flagged.
        flag = new String[] {"NONE", ""};
      }
      return new Figure(
          key,
          group,
          label,
          unit,
          scaled(shift.apply("A"), scale),
          scaled(shift.apply("B"), scale),
          scaled(shift.apply("C"), scale),
          scaled(day, scale),
          scaled(previous, scale),
          scaled(season, scale),
          scaled(average, scale),
          flag[0],
          flag[1],
          drill);
    }
  }

  private static BigDecimal scaled(BigDecimal v, int scale) {
    return v == null ? null : v.setScale(scale, RoundingMode.HALF_EVEN);
  }

  /**
   * HIGH or LOW when the day is more than {@link #BAND_PERCENT} away from the season average; a day
   * above an average of zero is HIGH.
   */
  static String[] bandFlag(BigDecimal day, BigDecimal average) {
    if (day == null || average == null) {
      return new String[] {"NONE", ""};
    }
    if (average.signum() == 0) {
      return day.signum() > 0
          ? new String[] {"HIGH", "above a season average of 0"}
          : new String[] {"NONE", ""};
    }
    BigDecimal off =
        day.subtract(average).multiply(HUNDRED).divide(average.abs(), 1, RoundingMode.HALF_EVEN);
    if (off.abs().compareTo(BAND_PERCENT) <= 0) {
      return new String[] {"NONE", ""};
    }
    String avg = average.stripTrailingZeros().toPlainString();
    return off.signum() > 0
        ? new String[] {"HIGH", off.toPlainString() + " % above the season average of " + avg}
        : new String[] {"LOW", off.abs().toPlainString() + " % below the season average of " + avg};
  }

  /** HIGH or LOW when the day's lab average is outside the stream's limits. */
  static String[] labFlag(BigDecimal day, BigDecimal[] limit) {
    if (day == null || limit == null) {
      return new String[] {"NONE", ""};
    }
    if (limit[0] != null && day.compareTo(limit[0]) < 0) {
      return new String[] {
        "LOW", "below the lab's limit of " + limit[0].stripTrailingZeros().toPlainString()
      };
    }
    if (limit[1] != null && day.compareTo(limit[1]) > 0) {
      return new String[] {
        "HIGH", "above the lab's limit of " + limit[1].stripTrailingZeros().toPlainString()
      };
    }
    return new String[] {"NONE", ""};
  }

  static String label(String stream) {
    String s = stream.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** Min and max per stream and field (brix, pol, purity). */
  private static Map<String, Map<String, BigDecimal[]>> limits(Connection c) throws SQLException {
    Map<String, Map<String, BigDecimal[]>> out = new HashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT stream, field, min_value, max_value FROM lab_stream_limit"
                    + " WHERE field IN ('brix', 'pol', 'purity')");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
            .put(rs.getString(2), new BigDecimal[] {rs.getBigDecimal(3), rs.getBigDecimal(4)});
      }
    }
    return out;
  }

  private record StockRow(
      String itemCode, String itemName, BigDecimal day, BigDecimal previousDay) {}

  /**
   * Tonnes on hand (every warehouse) of the items the BOMs count as sugar or molasses, from the
   * stock ledger's moves posted before the end of the day and of the previous day.
   */
  private static List<StockRow> stock(Connection c, Instant dayEnd, Instant previousEnd)
      throws SQLException {
    List<StockRow> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "WITH items AS (SELECT i.id, i.code, i.name, min(o.figure) AS figure,"
                + " max(CASE WHEN u.dimension = 'MASS' THEN u.factor_to_base END) AS kg"
                + " FROM production_bom_output o JOIN item i ON i.id = o.item_id"
                + " LEFT JOIN unit_of_measure u ON u.company_id = i.company_id AND u.code = i.unit_code"
                + " WHERE o.figure IN ('SUGAR', 'MOLASSES') GROUP BY i.id, i.code, i.name)"
                + " SELECT it.code, it.name, it.kg,"
                + " coalesce(sum(m.quantity), 0),"
                + " coalesce(sum(m.quantity) FILTER (WHERE m.posted_at < ?), 0)"
                + " FROM items it LEFT JOIN stock_move m ON m.item_id = it.id AND m.posted_at < ?"
                + " GROUP BY it.code, it.name, it.kg, it.figure ORDER BY it.figure DESC, it.code")) {
      ps.setTimestamp(1, Timestamp.from(previousEnd));
      ps.setTimestamp(2, Timestamp.from(dayEnd));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          BigDecimal kg = rs.getBigDecimal(3);
          if (kg == null) {
            continue;
          }
          out.add(
              new StockRow(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getBigDecimal(4).multiply(kg).divide(THOUSAND, 3, RoundingMode.HALF_EVEN),
                  rs.getBigDecimal(5).multiply(kg).divide(THOUSAND, 3, RoundingMode.HALF_EVEN)));
        }
      }
    }
    return out;
  }

  /**
   * Net tonnes of the tickets weighed out, by production day and shift (06-14 A, 14-22 B, 22-06 C
   * belonging to the day it started).
   */
  private record Tickets(Map<LocalDate, Map<String, BigDecimal>> byDay, BigDecimal total) {
    static Tickets read(Connection c, ZoneId zone, LocalDate from, LocalDate to)
        throws SQLException {
      Map<LocalDate, Map<String, BigDecimal>> byDay = new HashMap<>();
      BigDecimal total = BigDecimal.ZERO;
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT (t.local - interval '6 hours')::date, "
                  + SHIFT_OF_LOCAL
                  + ","
                  + " sum(t.net_kg) FROM (SELECT net_kg, weighed_out_at AT TIME ZONE ? AS local"
                  + " FROM weighbridge_ticket WHERE state = 'COMPLETED' AND weighed_out_at >= ?"
                  + " AND weighed_out_at < ?) t GROUP BY 1, 2")) {
        ps.setString(1, zone.getId());
        ps.setTimestamp(2, Timestamp.from(start(from, zone)));
        ps.setTimestamp(3, Timestamp.from(start(to.plusDays(1), zone)));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            BigDecimal t = rs.getBigDecimal(3).divide(THOUSAND, 3, RoundingMode.HALF_EVEN);
            byDay
                .computeIfAbsent(rs.getDate(1).toLocalDate(), k -> new HashMap<>())
                .merge(rs.getString(2), t, BigDecimal::add);
            total = total.add(t);
          }
        }
      }
      return new Tickets(byDay, total);
    }

    /** The tonnes of the day's shift, or of the whole day when {@code shift} is null. */
    BigDecimal tonnes(LocalDate day, String shift) {
      Map<String, BigDecimal> m = byDay.getOrDefault(day, Map.of());
      if (shift != null) {
        return m.getOrDefault(shift, BigDecimal.ZERO);
      }
      return m.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  private static final String SHIFT_OF_LOCAL =
      "CASE WHEN t.local::time >= '06:00' AND t.local::time < '14:00' THEN 'A'"
          + " WHEN t.local::time >= '14:00' AND t.local::time < '22:00' THEN 'B' ELSE 'C' END";

  /**
   * Lab sums by production day, shift and stream. Brix and pol are the plain mean of the samples
   * that measured them; purity is the summed pol over the summed brix of the samples that measured
   * both, x 100 (never an average of purities).
   */
  private record Lab(List<String> streams, Map<List<Object>, BigDecimal[]> sums) {
    static Lab read(Connection c, ZoneId zone, LocalDate from, LocalDate to) throws SQLException {
      Map<List<Object>, BigDecimal[]> sums = new HashMap<>();
      java.util.Set<String> seen = new java.util.HashSet<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT (t.local - interval '6 hours')::date, "
                  + SHIFT_OF_LOCAL
                  + ", t.stream, count(t.brix), coalesce(sum(t.brix), 0), count(t.pol),"
                  + " coalesce(sum(t.pol), 0),"
                  + " coalesce(sum(t.brix) FILTER (WHERE t.pol IS NOT NULL), 0),"
                  + " coalesce(sum(t.pol) FILTER (WHERE t.brix IS NOT NULL), 0)"
                  + " FROM (SELECT stream, brix, pol, taken_at AT TIME ZONE ? AS local"
                  + " FROM lab_sample WHERE taken_at >= ? AND taken_at < ?) t GROUP BY 1, 2, 3")) {
        ps.setString(1, zone.getId());
        ps.setTimestamp(2, Timestamp.from(start(from, zone)));
        ps.setTimestamp(3, Timestamp.from(start(to.plusDays(1), zone)));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            LocalDate d = rs.getDate(1).toLocalDate();
            String shift = rs.getString(2);
            String stream = rs.getString(3);
            BigDecimal[] v = {
              BigDecimal.valueOf(rs.getLong(4)),
              rs.getBigDecimal(5),
              BigDecimal.valueOf(rs.getLong(6)),
              rs.getBigDecimal(7),
              rs.getBigDecimal(8),
              rs.getBigDecimal(9)
            };
            if (v[0].signum() > 0 || v[2].signum() > 0) {
              seen.add(stream);
            }
            for (List<Object> key :
                List.<List<Object>>of(
                    List.of(d, shift, stream), List.of(d, "", stream), List.of("", "", stream))) {
              sums.merge(key, v, Lab::plus);
            }
          }
        }
      }
      List<String> streams = STREAMS.stream().filter(seen::contains).toList();
      return new Lab(streams, sums);
    }

    private static BigDecimal[] plus(BigDecimal[] a, BigDecimal[] b) {
      BigDecimal[] s = new BigDecimal[a.length];
      for (int i = 0; i < a.length; i++) {
        s[i] = a[i].add(b[i]);
      }
      return s;
    }

    /** The average of a day's shift, a day (shift null) or the season (day null); null if none. */
    BigDecimal value(LocalDate day, String shift, String stream, String field) {
      BigDecimal[] v =
          sums.get(List.of(day == null ? "" : day, shift == null ? "" : shift, stream));
      if (v == null) {
        return null;
      }
      return switch (field) {
        case "brix" -> mean(v[1], v[0]);
        case "pol" -> mean(v[3], v[2]);
        default ->
            v[4].signum() == 0
                ? null
                : v[5].multiply(HUNDRED).divide(v[4], 2, RoundingMode.HALF_EVEN);
      };
    }

    private static BigDecimal mean(BigDecimal sum, BigDecimal n) {
      return n.signum() == 0 ? null : sum.divide(n, 2, RoundingMode.HALF_EVEN);
    }
  }
}
