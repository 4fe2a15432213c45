package io.millstone.server.telemetry;

import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Notices;
import io.millstone.server.platform.Notices.Notice;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What readings imply beyond themselves, worked out in the ingest transaction: alarms (a number
 * crossing a limit starts one; it ends only once the value is back past the limit by the
 * hysteresis), downtime (a run-state tag turning false starts a period, true ends it) and the
 * machines' OEE rollup per shift ({@link OeeRollup}).
 */
final class Derivations {
  /** An accepted reading with its parsed value. */
  record Accepted(
      long seq,
      TagDirectory.TagInfo tag,
      Instant sourceTime,
      BigDecimal number,
      Boolean flag,
      int quality) {}

  /** The state of each tag after the batch: NORMAL, HIGH or LOW. */
  static Map<UUID, String> apply(
      Connection c, UUID company, java.time.ZoneId zone, List<Accepted> readings)
      throws SQLException {
    OeeRollup.apply(
        c,
        company,
        zone,
        readings.stream()
            .map(
                a ->
                    new OeeRollup.MachineReading(
                        a.tag().machineId(),
                        a.tag().id(),
                        a.tag().runState(),
                        a.sourceTime(),
                        a.number(),
                        a.flag()))
            .toList());
    Set<UUID> alarmTags = new HashSet<>();
    Set<UUID> machines = new HashSet<>();
    for (Accepted a : readings) {
      if (a.tag().alarmHigh() != null || a.tag().alarmLow() != null) {
        alarmTags.add(a.tag().id());
      }
      if (a.tag().runState()) {
        machines.add(a.tag().machineId());
      }
    }
    Map<UUID, String> state = new LinkedHashMap<>();
    if (!alarmTags.isEmpty()) {
      Map<UUID, String> open = openAlarms(c, alarmTags);
      for (Accepted a : readings) {
        if (a.number() == null || !alarmTags.contains(a.tag().id())) {
          continue;
        }
        String now = open.getOrDefault(a.tag().id(), "NORMAL");
        String next = nextState(a.tag(), now, a.number());
        if (!next.equals(now)) {
          if (!now.equals("NORMAL")) {
            endAlarm(c, a.tag().id(), now, a.sourceTime());
          }
          if (!next.equals("NORMAL")) {
            startAlarm(c, company, a, next);
          }
          open.put(a.tag().id(), next);
        }
      }
      for (UUID t : alarmTags) {
        state.put(t, open.getOrDefault(t, "NORMAL"));
      }
    }
    if (!machines.isEmpty()) {
      Set<UUID> stopped = openDowntime(c, machines);
      for (Accepted a : readings) {
        if (!a.tag().runState() || a.flag() == null) {
          continue;
        }
        UUID m = a.tag().machineId();
        if (!a.flag() && stopped.add(m)) {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO downtime (id, company_id, machine_id, started_at) VALUES (?, ?, ?, ?)")) {
            ps.setObject(1, Ids.newId());
            ps.setObject(2, company);
            ps.setObject(3, m);
            ps.setTimestamp(4, Timestamp.from(a.sourceTime()));
            ps.executeUpdate();
          }
        } else if (a.flag() && stopped.remove(m)) {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE downtime SET ended_at = greatest(started_at, ?) WHERE machine_id = ? AND ended_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(a.sourceTime()));
            ps.setObject(2, m);
            ps.executeUpdate();
          }
        }
      }
    }
    return state;
  }

  static String nextState(TagDirectory.TagInfo t, String current, BigDecimal v) {
    BigDecimal h = t.hysteresis() == null ? BigDecimal.ZERO : t.hysteresis();
    switch (current) {
      case "HIGH" -> {
        if (v.compareTo(t.alarmHigh().subtract(h)) >= 0) {
          return "HIGH";
        }
      }
      case "LOW" -> {
        if (v.compareTo(t.alarmLow().add(h)) <= 0) {
          return "LOW";
        }
      }
      default -> {}
    }
    if (t.alarmHigh() != null && v.compareTo(t.alarmHigh()) > 0) {
      return "HIGH";
    }
    if (t.alarmLow() != null && v.compareTo(t.alarmLow()) < 0) {
      return "LOW";
    }
    return "NORMAL";
  }

  private static Map<UUID, String> openAlarms(Connection c, Set<UUID> tags) throws SQLException {
    Map<UUID, String> open = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT tag_id, kind FROM alarm WHERE ended_at IS NULL AND tag_id = ANY (?)")) {
      Array arr = c.createArrayOf("uuid", tags.toArray());
      ps.setArray(1, arr);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          open.put(rs.getObject(1, UUID.class), rs.getString(2));
        }
      }
    }
    return open;
  }

  private static Set<UUID> openDowntime(Connection c, Set<UUID> machines) throws SQLException {
    Set<UUID> open = new HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT machine_id FROM downtime WHERE ended_at IS NULL AND machine_id = ANY (?)")) {
      ps.setArray(1, c.createArrayOf("uuid", machines.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          open.add(rs.getObject(1, UUID.class));
        }
      }
    }
    return open;
  }

  private static void startAlarm(Connection c, UUID company, Accepted a, String kind)
      throws SQLException {
    UUID alarm = Ids.newId();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO alarm (id, company_id, tag_id, kind, limit_value, start_value, started_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setObject(1, alarm);
      ps.setObject(2, company);
      ps.setObject(3, a.tag().id());
      ps.setString(4, kind);
      ps.setBigDecimal(5, kind.equals("HIGH") ? a.tag().alarmHigh() : a.tag().alarmLow());
      ps.setBigDecimal(6, a.number());
      ps.setTimestamp(7, Timestamp.from(a.sourceTime()));
      ps.executeUpdate();
    }
    // Told in the same transaction: an alarm of a batch that does not commit is never announced.
    Notices.add(
        c,
        Actor.system(company, "telemetry"),
        Notice.toPermission(
            "telemetry.machines.read",
            "telemetry.alarm.raised",
            a.tag().key()
                + " "
                + kind.toLowerCase(java.util.Locale.ROOT)
                + " alarm at "
                + a.number().toPlainString(),
            "alarm",
            alarm,
            a.tag().key(),
            kind,
            a.number().toPlainString()));
  }

  private static void endAlarm(Connection c, UUID tag, String kind, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE alarm SET ended_at = greatest(started_at, ?) WHERE tag_id = ? AND kind = ? AND ended_at IS NULL")) {
      ps.setTimestamp(1, Timestamp.from(at));
      ps.setObject(2, tag);
      ps.setString(3, kind);
      ps.executeUpdate();
    }
  }
}
