package io.millstone.server.production;

import io.millstone.server.platform.Actor;
import io.millstone.server.platform.error.BusinessRuleException;
import io.millstone.server.platform.error.InvalidInputException;
import io.millstone.server.production.ProductionDesk.DowntimeView;
import io.millstone.server.production.RunRows.Head;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A run's stops, joined with the downtime the telemetry detected on the work centre's machines in
 * the run's shift, so a stop is entered once: a downtime event is explained by at most one stop.
 */
final class RunStops {
  private RunStops() {}

  /**
   * Refuses a stop that overlaps one already logged, or a downtime not of this run or explained.
   */
  static void checkFree(Connection c, Head h, UUID stopId, Instant from, Instant to, UUID downtime)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT from_at, to_at FROM production_run_stop WHERE run_id = ?"
                + " AND from_at < ? AND to_at > ? LIMIT 1")) {
      ps.setObject(1, h.id());
      ps.setTimestamp(2, Timestamp.from(to));
      ps.setTimestamp(3, Timestamp.from(from));
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          throw new BusinessRuleException(
              "stop_overlaps",
              "Run "
                  + h.number()
                  + " already has a stop from "
                  + rs.getTimestamp(1).toInstant()
                  + " to "
                  + rs.getTimestamp(2).toInstant()
                  + " that overlaps this one.",
              h.number(),
              rs.getTimestamp(1).toInstant(),
              rs.getTimestamp(2).toInstant());
        }
      }
    }
    if (downtime == null) {
      return;
    }
    DowntimeView d =
        downtime(c, h).stream().filter(x -> x.id().equals(downtime)).findFirst().orElse(null);
    if (d == null) {
      throw InvalidInputException.of(
          "downtime_id", "is not a downtime of the work centre's machines in the run's shift");
    }
    if (d.stopId() != null) {
      throw new BusinessRuleException(
          "downtime_explained",
          "That downtime of " + d.machineCode() + " is already explained by another stop.",
          d.machineCode());
    }
  }

  static void insert(
      Connection c,
      Actor actor,
      Clock clock,
      Head h,
      UUID id,
      Instant from,
      Instant to,
      String reason,
      String note,
      UUID downtime)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO production_run_stop (id, company_id, run_id, from_at, to_at, reason, note,"
                + " downtime_id, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setObject(1, id);
      ps.setObject(2, actor.companyId());
      ps.setObject(3, h.id());
      ps.setTimestamp(4, Timestamp.from(from));
      ps.setTimestamp(5, Timestamp.from(to));
      ps.setString(6, reason);
      ps.setString(7, note);
      ps.setObject(8, downtime);
      ps.setTimestamp(9, Timestamp.from(clock.instant()));
      ps.setString(10, actor.username());
      ps.executeUpdate();
    }
  }

  /** The downtime of the run's work centre's machines that overlaps its shift, oldest first. */
  static List<DowntimeView> downtime(Connection c, Head h) throws SQLException {
    List<DowntimeView> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT d.id, m.code, d.started_at, d.ended_at, d.reason, s.id FROM downtime d"
                + " JOIN work_centre_machine x ON x.machine_id = d.machine_id AND x.work_centre_id = ?"
                + " JOIN machine m ON m.id = d.machine_id"
                + " LEFT JOIN production_run_stop s ON s.downtime_id = d.id"
                + " WHERE d.started_at < ? AND coalesce(d.ended_at, 'infinity') > ?"
                + " ORDER BY d.started_at, m.code")) {
      ps.setObject(1, h.workCentreId());
      ps.setTimestamp(2, Timestamp.from(h.windowEnd()));
      ps.setTimestamp(3, Timestamp.from(h.windowStart()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Timestamp ended = rs.getTimestamp(4);
          out.add(
              new DowntimeView(
                  rs.getObject(1, UUID.class),
                  rs.getString(2),
                  rs.getTimestamp(3).toInstant(),
                  ended == null ? null : ended.toInstant(),
                  rs.getString(5),
                  rs.getObject(6, UUID.class)));
        }
      }
    }
    return out;
  }
}
