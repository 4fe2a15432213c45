package io.millstone.server.production;

import io.millstone.server.production.ProductionDesk.Figures;
import io.millstone.server.production.ProductionDesk.StopView;
import io.millstone.server.production.RunRows.BomFacts;
import io.millstone.server.production.RunRows.Line;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The finished runs of a span of dates (a season to date), read in a handful of statements, whose
 * figures are then taken over any group of them (a shift, a day, the season) with the same {@link
 * RunFigures.Tally} as a day's figures: tonnes and minutes summed run by run, each on its own BOM,
 * rates worked out once from the sums. For reports; a run's own screen reads it through {@link
 * RunRows#view}.
 */
public final class RunTallies {
  /** A finished run as a report groups and opens it. */
  public record Run(
      UUID id,
      String number,
      String workCentreCode,
      LocalDate date,
      String shift,
      List<StopView> stops) {}

  private record Facts(List<Line> in, List<Line> out, BomFacts bom, long minutes) {}

  private final List<Run> runs;
  private final Map<UUID, Facts> facts;

  private RunTallies(List<Run> runs, Map<UUID, Facts> facts) {
    this.runs = runs;
    this.facts = facts;
  }

  /** The runs finished (not reversed) with a run date from {@code from} to {@code to}. */
  public static RunTallies finished(Connection c, LocalDate from, LocalDate to)
      throws SQLException {
    Map<UUID, Object[]> heads = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT r.id, r.number, w.code, r.run_date, r.shift, r.bom_id, r.window_start,"
                + " r.window_end FROM production_run r JOIN work_centre w ON w.id = r.work_centre_id"
                + " WHERE r.run_date BETWEEN ? AND ? AND r.state = 'FINISHED'"
                + " ORDER BY r.run_date, w.code, array_position(ARRAY['A','B','C','DAY'], r.shift)")) {
      ps.setDate(1, Date.valueOf(from));
      ps.setDate(2, Date.valueOf(to));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          heads.put(
              rs.getObject(1, UUID.class),
              new Object[] {
                rs.getString(2),
                rs.getString(3),
                rs.getDate(4).toLocalDate(),
                rs.getString(5),
                rs.getObject(6, UUID.class),
                Duration.between(rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant())
                    .toMinutes()
              });
        }
      }
    }
    Map<UUID, List<Line>> in = new HashMap<>();
    Map<UUID, List<Line>> out = new HashMap<>();
    Map<UUID, ItemRow> items = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT l.run_id, l.id, l.item_id, l.quantity, l.lot, l.value, l.output_type,"
                + " l.direction FROM production_run_line l JOIN production_run r ON r.id = l.run_id"
                + " WHERE r.run_date BETWEEN ? AND ? AND r.state = 'FINISHED'"
                + " ORDER BY l.recorded_at, l.id")) {
      ps.setDate(1, Date.valueOf(from));
      ps.setDate(2, Date.valueOf(to));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          UUID run = rs.getObject(1, UUID.class);
          UUID item = rs.getObject(3, UUID.class);
          ItemRow row = items.get(item);
          if (row == null) {
            row = ItemRow.byId(c, item);
            items.put(item, row);
          }
          Line line =
              new Line(
                  rs.getObject(2, UUID.class),
                  row,
                  rs.getBigDecimal(4),
                  rs.getString(5),
                  rs.getBigDecimal(6),
                  rs.getString(7));
          (rs.getString(8).equals("IN") ? in : out)
              .computeIfAbsent(run, k -> new ArrayList<>())
              .add(line);
        }
      }
    }
    Map<UUID, List<StopView>> stops = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT s.run_id, s.id, s.from_at, s.to_at, s.reason, s.note, s.downtime_id"
                + " FROM production_run_stop s JOIN production_run r ON r.id = s.run_id"
                + " WHERE r.run_date BETWEEN ? AND ? AND r.state = 'FINISHED'"
                + " ORDER BY s.from_at, s.id")) {
      ps.setDate(1, Date.valueOf(from));
      ps.setDate(2, Date.valueOf(to));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          stops
              .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
              .add(
                  new StopView(
                      rs.getObject(2, UUID.class),
                      rs.getTimestamp(3).toInstant(),
                      rs.getTimestamp(4).toInstant(),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getObject(7, UUID.class)));
        }
      }
    }
    Map<UUID, BomFacts> boms = new HashMap<>();
    List<Run> runs = new ArrayList<>();
    Map<UUID, Facts> facts = new HashMap<>();
    for (Map.Entry<UUID, Object[]> e : heads.entrySet()) {
      UUID id = e.getKey();
      Object[] h = e.getValue();
      UUID bomId = (UUID) h[4];
      BomFacts bom = boms.get(bomId);
      if (bom == null) {
        bom = RunRows.bom(c, bomId);
        boms.put(bomId, bom);
      }
      List<StopView> s = stops.getOrDefault(id, List.of());
      runs.add(
          new Run(
              id, (String) h[0], (String) h[1], (LocalDate) h[2], (String) h[3], List.copyOf(s)));
      facts.put(
          id,
          new Facts(
              in.getOrDefault(id, List.of()), out.getOrDefault(id, List.of()), bom, (Long) h[5]));
    }
    return new RunTallies(List.copyOf(runs), facts);
  }

  public List<Run> runs() {
    return runs;
  }

  /** The figures of the runs {@code which} picks, taken together. */
  public Figures figures(Predicate<Run> which) {
    RunFigures.Tally tally = new RunFigures.Tally();
    for (Run r : runs) {
      if (which.test(r)) {
        Facts f = facts.get(r.id());
        tally.add(f.in(), f.out(), r.stops(), f.bom(), f.minutes());
      }
    }
    return tally.figures();
  }

  /** Tonnes of the runs' outputs counted in {@code figure} (SUGAR, MOLASSES, BAGASSE...). */
  public BigDecimal outputTonnes(Predicate<Run> which, String figure) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Run r : runs) {
      if (which.test(r)) {
        Facts f = facts.get(r.id());
        for (Line l : f.out()) {
          BigDecimal t = l.item().tonnes(l.quantity());
          if (t != null && figure.equals(f.bom().figures().getOrDefault(l.item().id(), "OTHER"))) {
            sum = sum.add(t);
          }
        }
      }
    }
    return sum;
  }
}
