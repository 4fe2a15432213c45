package io.millstone.server.telemetry;

import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.error.NotFoundException;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** History for charts, the alarm list with acknowledgement, downtime with reasons. */
public final class Monitoring {
  static final Set<String> REASONS =
      Set.of("mechanical", "no_cane", "electrical", "planned", "other");

  /** One chart point: the values in [start, start + width). */
  public record Bucket(Instant start, double min, double max, double avg, long count) {}

  /** An alarm as the list shows it. */
  public record AlarmView(
      UUID id,
      UUID tagId,
      String tagKey,
      UUID machineId,
      String kind,
      BigDecimal limit,
      BigDecimal startValue,
      Instant startedAt,
      Instant endedAt,
      String acknowledgedBy,
      Instant acknowledgedAt) {}

  /** A stop of a machine and why. */
  public record DowntimeView(
      UUID id,
      UUID machineId,
      Instant startedAt,
      Instant endedAt,
      String reason,
      String note,
      String setBy) {}

  private final Transactions tx;

  public Monitoring(Transactions tx) {
    this.tx = tx;
  }

  public List<Bucket> history(
      Actor actor, String tagId, Instant from, Instant to, int buckets, int[] widthOut) {
    UUID tag = Ids.parseOrNull(tagId);
    Validator v = new Validator();
    v.check(tag != null, "tag_id", "is not a valid id");
    v.check(from != null, "from", "is required");
    v.check(to != null, "to", "is required");
    v.check(from == null || to == null || from.isBefore(to), "to", "must be after from");
    v.check(buckets >= 0 && buckets <= 2000, "buckets", "must be from 1 to 2000 (0 means 200)");
    v.check(
        from == null || to == null || Duration.between(from, to).toDays() <= 400,
        "to",
        "the range may span at most 400 days");
    v.throwIfInvalid();
    int n = buckets == 0 ? 200 : buckets;
    long width = Math.max(1, (Duration.between(from, to).getSeconds() + n - 1) / n);
    widthOut[0] = (int) Math.min(Integer.MAX_VALUE, width);
    return tx.reportInCompany(
        actor,
        (t, c) -> {
          List<Bucket> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT floor(extract(epoch FROM source_time) / ?)::bigint AS b,"
                      + " min(v), max(v), avg(v), count(*) FROM ("
                      + "  SELECT source_time, coalesce(value_num, CASE WHEN value_bool THEN 1 ELSE 0 END)::float8 AS v"
                      + "  FROM reading WHERE tag_id = ? AND source_time >= ? AND source_time < ?) r"
                      + " GROUP BY b ORDER BY b")) {
            ps.setLong(1, width);
            ps.setObject(2, tag);
            ps.setTimestamp(3, Timestamp.from(from));
            ps.setTimestamp(4, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new Bucket(
                        Instant.ofEpochSecond(rs.getLong(1) * width),
                        rs.getDouble(2),
                        rs.getDouble(3),
                        rs.getDouble(4),
                        rs.getLong(5)));
              }
            }
          }
          return out;
        });
  }

  public List<AlarmView> alarms(Actor actor, boolean openOnly, int limit) {
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          List<AlarmView> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT a.id, a.tag_id, g.key, g.machine_id, a.kind, a.limit_value, a.start_value,"
                      + " a.started_at, a.ended_at, a.acknowledged_by, a.acknowledged_at"
                      + " FROM alarm a JOIN tag g ON g.id = a.tag_id"
                      + (openOnly ? " WHERE a.ended_at IS NULL OR a.acknowledged_at IS NULL" : "")
                      + " ORDER BY a.started_at DESC LIMIT ?")) {
            ps.setInt(1, Math.max(1, Math.min(limit <= 0 ? 200 : limit, 1000)));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(alarm(rs));
              }
            }
          }
          return out;
        });
  }

  public AlarmView acknowledge(Actor actor, String id) {
    UUID alarm = Ids.parseOrNull(id);
    new Validator().check(alarm != null, "id", "is not a valid id").throwIfInvalid();
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE alarm SET acknowledged_by = ?, acknowledged_at = now()"
                      + " WHERE id = ? AND acknowledged_at IS NULL")) {
            ps.setString(1, actor.username());
            ps.setObject(2, alarm);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT a.id, a.tag_id, g.key, g.machine_id, a.kind, a.limit_value, a.start_value,"
                      + " a.started_at, a.ended_at, a.acknowledged_by, a.acknowledged_at"
                      + " FROM alarm a JOIN tag g ON g.id = a.tag_id WHERE a.id = ?")) {
            ps.setObject(1, alarm);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw new NotFoundException("Alarm", id);
              }
              AlarmView a = alarm(rs);
              t.audit("telemetry.alarm.acknowledge", "alarm", a.id(), a.tagKey() + " " + a.kind());
              return a;
            }
          }
        });
  }

  public List<DowntimeView> downtime(Actor actor, String machineId, Instant from, Instant to) {
    UUID machine = machineId == null || machineId.isEmpty() ? null : Ids.parseOrNull(machineId);
    new Validator()
        .check(
            machineId == null || machineId.isEmpty() || machine != null,
            "machine_id",
            "is not a valid id")
        .throwIfInvalid();
    Instant f = from == null ? Instant.now().minus(Duration.ofDays(7)) : from;
    Instant e = to == null ? Instant.now().plus(Duration.ofDays(1)) : to;
    return tx.reportInCompany(
        actor,
        (t, c) -> {
          List<DowntimeView> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, machine_id, started_at, ended_at, reason, note, reason_set_by FROM downtime"
                      + " WHERE (CAST(? AS uuid) IS NULL OR machine_id = ?) AND started_at < ?"
                      + " AND (ended_at IS NULL OR ended_at >= ?) ORDER BY started_at DESC LIMIT 1000")) {
            ps.setObject(1, machine);
            ps.setObject(2, machine);
            ps.setTimestamp(3, Timestamp.from(e));
            ps.setTimestamp(4, Timestamp.from(f));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(downtime(rs));
              }
            }
          }
          return out;
        });
  }

  public DowntimeView setReason(Actor actor, String id, String reason, String note) {
    UUID period = Ids.parseOrNull(id);
    new Validator()
        .check(period != null, "id", "is not a valid id")
        .check(REASONS.contains(reason), "reason", "must be one of " + REASONS)
        .check(note == null || note.length() <= 500, "note", "is too long (at most 500 characters)")
        .throwIfInvalid();
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE downtime SET reason = ?, note = ?, reason_set_by = ? WHERE id = ?"
                      + " RETURNING id, machine_id, started_at, ended_at, reason, note, reason_set_by")) {
            ps.setString(1, reason);
            ps.setString(2, note == null ? "" : note.trim());
            ps.setString(3, actor.username());
            ps.setObject(4, period);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw new NotFoundException("Downtime period", id);
              }
              DowntimeView d = downtime(rs);
              t.audit("telemetry.downtime.reason", "downtime", d.id(), reason + ": " + d.note());
              return d;
            }
          }
        });
  }

  private static AlarmView alarm(ResultSet rs) throws java.sql.SQLException {
    return new AlarmView(
        rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class),
        rs.getString(3),
        rs.getObject(4, UUID.class),
        rs.getString(5),
        rs.getBigDecimal(6),
        rs.getBigDecimal(7),
        instant(rs.getTimestamp(8)),
        instant(rs.getTimestamp(9)),
        rs.getString(10),
        instant(rs.getTimestamp(11)));
  }

  private static DowntimeView downtime(ResultSet rs) throws java.sql.SQLException {
    return new DowntimeView(
        rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class),
        instant(rs.getTimestamp(3)),
        instant(rs.getTimestamp(4)),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
