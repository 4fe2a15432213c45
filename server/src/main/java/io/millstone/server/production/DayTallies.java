package io.millstone.server.production;

import io.millstone.server.production.ProductionDesk.Figures;
import io.millstone.server.production.ProductionDesk.StopView;
import io.millstone.server.production.RunRows.BomFacts;
import io.millstone.server.production.RunRows.Line;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The day figures of a range of dates ({@code GetDayFigures}' day total, date by date) for readers
 * outside production such as the home screen: the same {@link RunFigures.Tally} over each date's
 * finished runs, with the runs' lines, stops and BOMs read for the whole range at once rather than
 * run by run.
 */
public final class DayTallies {
  private DayTallies() {}

  private record Run(UUID id, LocalDate date, UUID bomId, Instant from, Instant to) {}

  /** Every date from {@code from} to {@code to}, each with its finished runs' figures. */
  public static Map<LocalDate, Figures> finished(Connection c, LocalDate from, LocalDate to)
      throws SQLException {
    String where = " WHERE r.state = 'FINISHED' AND r.run_date BETWEEN ? AND ?";
    Map<UUID, Run> runs = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT r.id, r.run_date, r.bom_id, r.window_start, r.window_end"
                + " FROM production_run r"
                + where
                + " ORDER BY r.run_date, r.id")) {
      bind(ps, from, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          UUID id = rs.getObject(1, UUID.class);
          runs.put(
              id,
              new Run(
                  id,
                  rs.getDate(2).toLocalDate(),
                  rs.getObject(3, UUID.class),
                  rs.getTimestamp(4).toInstant(),
                  rs.getTimestamp(5).toInstant()));
        }
      }
    }
    Map<UUID, List<Line>> in = new HashMap<>();
    Map<UUID, List<Line>> out = new HashMap<>();
    Map<UUID, List<StopView>> stops = new HashMap<>();
    if (!runs.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT l.run_id, l.direction, l.id, l.quantity, l.lot, l.value, l.output_type,"
                  + " i.id, i.code, i.name, i.kind, i.unit_code, i.active,"
                  + " CASE WHEN u.dimension = 'MASS' THEN u.factor_to_base END"
                  + " FROM production_run r JOIN production_run_line l ON l.run_id = r.id"
                  + " JOIN item i ON i.id = l.item_id LEFT JOIN unit_of_measure u"
                  + " ON u.company_id = i.company_id AND u.code = i.unit_code"
                  + where
                  + " ORDER BY l.recorded_at, l.id")) {
        bind(ps, from, to);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ItemRow item =
                new ItemRow(
                    rs.getObject(8, UUID.class),
                    rs.getString(9),
                    rs.getString(10),
                    rs.getString(11),
                    rs.getString(12),
                    rs.getBoolean(13),
                    rs.getBigDecimal(14));
            Line line =
                new Line(
                    rs.getObject(3, UUID.class),
                    item,
                    rs.getBigDecimal(4),
                    rs.getString(5),
                    rs.getBigDecimal(6),
                    rs.getString(7));
            (rs.getString(2).equals("IN") ? in : out)
                .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                .add(line);
          }
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT s.run_id, s.id, s.from_at, s.to_at, s.reason, s.note, s.downtime_id"
                  + " FROM production_run r JOIN production_run_stop s ON s.run_id = r.id"
                  + where
                  + " ORDER BY s.from_at, s.id")) {
        bind(ps, from, to);
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
    }
    Map<UUID, BomFacts> boms = new HashMap<>();
    Map<LocalDate, RunFigures.Tally> days = new TreeMap<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      days.put(d, new RunFigures.Tally());
    }
    for (Run r : runs.values()) {
      BomFacts bom = boms.get(r.bomId());
      if (bom == null) {
        bom = RunRows.bom(c, r.bomId());
        boms.put(r.bomId(), bom);
      }
      days.get(r.date())
          .add(
              in.getOrDefault(r.id(), List.of()),
              out.getOrDefault(r.id(), List.of()),
              stops.getOrDefault(r.id(), List.of()),
              bom,
              java.time.Duration.between(r.from(), r.to()).toMinutes());
    }
    Map<LocalDate, Figures> figures = new TreeMap<>();
    days.forEach((d, t) -> figures.put(d, t.figures()));
    return figures;
  }

  private static void bind(PreparedStatement ps, LocalDate from, LocalDate to) throws SQLException {
    ps.setDate(1, Date.valueOf(from));
    ps.setDate(2, Date.valueOf(to));
  }
}
