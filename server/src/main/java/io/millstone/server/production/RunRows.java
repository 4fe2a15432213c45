package io.millstone.server.production;

import io.millstone.server.accounting.Books;
import io.millstone.server.platform.error.NotFoundException;
import io.millstone.server.production.ProductionDesk.LineView;
import io.millstone.server.production.ProductionDesk.RunView;
import io.millstone.server.production.ProductionDesk.StopView;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A production run's rows: its head (locked for a change), its lines and stops, its view. */
final class RunRows {
  private RunRows() {}

  /** What a change to a run needs of its head. */
  record Head(
      UUID id,
      String number,
      UUID workCentreId,
      UUID bomId,
      LocalDate date,
      String shift,
      UUID warehouseId,
      String warehouseCode,
      String state,
      Instant windowStart,
      Instant windowEnd,
      UUID entryId,
      UUID issueMovementId,
      UUID receiptMovementId) {}

  /** A consumption or output line with its item. */
  record Line(
      UUID id, ItemRow item, BigDecimal quantity, String lot, BigDecimal value, String type) {}

  /** A BOM's main input (the first line) and the outputs' types, shares and figures by item. */
  record BomFacts(
      UUID mainInputId,
      BigDecimal expectedLossPct,
      Map<UUID, String> types,
      Map<UUID, BigDecimal> shares,
      Map<UUID, String> figures) {}

  static Head lock(Connection c, UUID id, boolean forUpdate) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT r.number, r.work_centre_id, r.bom_id, r.run_date, r.shift, r.warehouse_id, w.code,"
                + " r.state, r.window_start, r.window_end, r.journal_entry_id, r.issue_movement_id,"
                + " r.receipt_movement_id FROM production_run r JOIN warehouse w ON w.id = r.warehouse_id"
                + " WHERE r.id = ?"
                + (forUpdate ? " FOR UPDATE OF r" : ""))) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("Production run", id.toString());
        }
        return new Head(
            id,
            rs.getString(1),
            rs.getObject(2, UUID.class),
            rs.getObject(3, UUID.class),
            rs.getDate(4).toLocalDate(),
            rs.getString(5),
            rs.getObject(6, UUID.class),
            rs.getString(7),
            rs.getString(8),
            rs.getTimestamp(9).toInstant(),
            rs.getTimestamp(10).toInstant(),
            rs.getObject(11, UUID.class),
            rs.getObject(12, UUID.class),
            rs.getObject(13, UUID.class));
      }
    }
  }

  static List<Line> lines(Connection c, UUID runId, String direction) throws SQLException {
    List<UUID> ids = new ArrayList<>();
    List<Object[]> raw = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, item_id, quantity, lot, value, output_type FROM production_run_line"
                + " WHERE run_id = ? AND direction = ? ORDER BY recorded_at, id")) {
      ps.setObject(1, runId);
      ps.setString(2, direction);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getObject(2, UUID.class));
          raw.add(
              new Object[] {
                rs.getObject(1, UUID.class),
                rs.getBigDecimal(3),
                rs.getString(4),
                rs.getBigDecimal(5),
                rs.getString(6)
              });
        }
      }
    }
    Map<UUID, ItemRow> items = new HashMap<>();
    for (UUID i : ids) {
      items.computeIfAbsent(
          i,
          k -> {
            try {
              return ItemRow.byId(c, k);
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          });
    }
    List<Line> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      Object[] r = raw.get(i);
      out.add(
          new Line(
              (UUID) r[0],
              items.get(ids.get(i)),
              (BigDecimal) r[1],
              (String) r[2],
              (BigDecimal) r[3],
              (String) r[4]));
    }
    return out;
  }

  static List<StopView> stops(Connection c, UUID runId) throws SQLException {
    List<StopView> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, from_at, to_at, reason, note, downtime_id FROM production_run_stop"
                + " WHERE run_id = ? ORDER BY from_at, id")) {
      ps.setObject(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new StopView(
                  rs.getObject(1, UUID.class),
                  rs.getTimestamp(2).toInstant(),
                  rs.getTimestamp(3).toInstant(),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getObject(6, UUID.class)));
        }
      }
    }
    return out;
  }

  static BomFacts bom(Connection c, UUID bomId) throws SQLException {
    UUID main;
    BigDecimal loss;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT (SELECT item_id FROM production_bom_input WHERE bom_id = b.id ORDER BY line_no"
                + " LIMIT 1), b.expected_loss_pct FROM production_bom b WHERE b.id = ?")) {
      ps.setObject(1, bomId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        main = rs.getObject(1, UUID.class);
        loss = rs.getBigDecimal(2);
      }
    }
    Map<UUID, String> types = new HashMap<>();
    Map<UUID, BigDecimal> shares = new HashMap<>();
    Map<UUID, String> figures = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT item_id, output_type, cost_share_pct, figure FROM production_bom_output"
                + " WHERE bom_id = ?")) {
      ps.setObject(1, bomId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          UUID item = rs.getObject(1, UUID.class);
          types.put(item, rs.getString(2));
          shares.put(item, rs.getBigDecimal(3));
          figures.put(item, rs.getString(4));
        }
      }
    }
    return new BomFacts(main, loss, types, shares, figures);
  }

  static RunView view(Connection c, UUID id, String currency) throws SQLException {
    return view(c, id, currency, null);
  }

  /**
   * The run as {@link #view(Connection, UUID, String)} reads it; a finished run's lines, stops and
   * minutes are also added to {@code finished} (a day's figures), from the same reads.
   */
  static RunView view(Connection c, UUID id, String currency, RunFigures.Tally finished)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT r.number, wc.code, b.code, r.run_date, r.shift, w.code, r.state, r.note,"
                + " r.input_value, r.conversion_cost, r.output_value, r.abnormal_loss_value,"
                + " r.journal_entry_id, r.reversal_entry_id, r.started_at, r.finished_at,"
                + " r.window_start, r.window_end, r.reversal_note, r.bom_id"
                + " FROM production_run r JOIN work_centre wc ON wc.id = r.work_centre_id"
                + " JOIN production_bom b ON b.id = r.bom_id JOIN warehouse w ON w.id = r.warehouse_id"
                + " WHERE r.id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("Production run", id.toString());
        }
        List<Line> in = lines(c, id, "IN");
        List<Line> out = lines(c, id, "OUT");
        List<StopView> stops = stops(c, id);
        Instant from = rs.getTimestamp(17).toInstant();
        Instant to = rs.getTimestamp(18).toInstant();
        BomFacts bom = bom(c, rs.getObject(20, UUID.class));
        if (finished != null && rs.getString(7).equals("FINISHED")) {
          finished.add(in, out, stops, bom, Duration.between(from, to).toMinutes());
        }
        return new RunView(
            id,
            rs.getString(1),
            rs.getString(2),
            rs.getString(3),
            rs.getDate(4).toLocalDate(),
            rs.getString(5),
            rs.getString(6),
            rs.getString(7),
            rs.getString(8),
            in.stream().map(RunRows::lineView).toList(),
            out.stream().map(RunRows::lineView).toList(),
            stops,
            RunFigures.of(in, out, stops, bom, from, to),
            rs.getBigDecimal(9),
            rs.getBigDecimal(10),
            rs.getBigDecimal(11),
            rs.getBigDecimal(12),
            Books.entryNumber(c, rs.getObject(13, UUID.class)),
            Books.entryNumber(c, rs.getObject(14, UUID.class)),
            instant(rs.getTimestamp(15)),
            instant(rs.getTimestamp(16)),
            from,
            to,
            rs.getString(19),
            currency);
      }
    }
  }

  private static LineView lineView(Line l) {
    return new LineView(
        l.id(),
        l.item().code(),
        l.item().name(),
        l.item().unitCode(),
        l.quantity(),
        l.lot(),
        l.value(),
        l.type());
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
