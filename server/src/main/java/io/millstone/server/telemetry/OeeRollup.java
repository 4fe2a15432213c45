package io.millstone.server.telemetry;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps each machine's time (running, stopped, no data) and counts (produced, rejected) per shift
 * bucket up to date in the ingest transaction, so OEE never re-reads raw readings (ADR 0028).
 *
 * <p>A machine is rolled up from the first reading after its rated speed is set ({@code
 * machine_oee}). Each machine has a cursor: every millisecond before {@code rolled_to} is counted.
 * A reading of any of the machine's tags at {@code t >= rolled_to} counts {@code [rolled_to, t)} in
 * the state the machine was in (split at shift boundaries) and moves the cursor to {@code t}. So:
 *
 * <ul>
 *   <li>A replayed reading cannot count twice: ingest drops seqs at or below the device's mark, and
 *       a reading older than the cursor is never rolled up.
 *   <li>A late reading (older than the cursor) is kept in the readings table but not rolled up; the
 *       cursor counts it in {@code late_readings}. Within one batch readings are sorted by time
 *       first, so an agent's out-of-order batch is rolled up in order.
 *   <li>A gap of more than {@link #MAX_GAP} between two readings of a machine (the agent was
 *       offline), or time before the first run-state reading, is <em>no data</em>: neither running
 *       nor stopped, and the counters re-base after it (what they counted in the gap is not
 *       attributed to any shift).
 *   <li>A counter that drops was reset (or wrapped): it counted from zero to its new value.
 *   <li>A counter's increase belongs to the shift of the moment just before its reading.
 * </ul>
 */
public final class OeeRollup {
  /** The longest silence of a machine that still carries its last run state. */
  public static final Duration MAX_GAP = Duration.ofMinutes(10);

  private OeeRollup() {}

  /** A reading as the rollup needs it. */
  public record MachineReading(
      UUID machineId, UUID tagId, boolean runState, Instant at, BigDecimal number, Boolean flag) {}

  private static final class Cursor {
    Instant rolledTo;
    Boolean running;
    BigDecimal producedLast;
    BigDecimal rejectedLast;
    UUID producedTag;
    UUID rejectedTag;
    long late;
  }

  private record Key(UUID machine, java.time.LocalDate date, String shift) {}

  private static final class Sums {
    long running;
    long stopped;
    long noData;
    BigDecimal produced = BigDecimal.ZERO;
    BigDecimal rejected = BigDecimal.ZERO;
  }

  /** Rolls a batch of accepted readings up, in the caller's transaction. */
  public static void apply(Connection c, UUID company, ZoneId zone, List<MachineReading> readings)
      throws SQLException {
    if (readings.isEmpty()) {
      return;
    }
    Map<UUID, List<MachineReading>> byMachine = new LinkedHashMap<>();
    for (MachineReading r : readings) {
      byMachine.computeIfAbsent(r.machineId(), k -> new ArrayList<>()).add(r);
    }
    // Only machines with a rated speed are rolled up: the rollup of a machine starts with its OEE
    // settings, and a weighbridge or a juice meter costs the ingest one query a batch, no more.
    Map<UUID, UUID[]> settings = settings(c, byMachine.keySet());
    byMachine.keySet().retainAll(settings.keySet());
    if (byMachine.isEmpty()) {
      return;
    }
    Map<UUID, Cursor> cursors = cursors(c, company, byMachine);
    settings.forEach(
        (m, tags) -> {
          Cursor cur = cursors.get(m);
          if (cur != null) {
            cur.producedTag = tags[0];
            cur.rejectedTag = tags[1];
          }
        });
    Map<Key, Sums> sums = new LinkedHashMap<>();
    for (var e : byMachine.entrySet()) {
      UUID m = e.getKey();
      Cursor cur = cursors.get(m);
      List<MachineReading> rs = new ArrayList<>(e.getValue());
      // In time order; at one instant the run state first, so counters see the new state.
      rs.sort(Comparator.comparing(MachineReading::at).thenComparing(r -> !r.runState()));
      for (MachineReading r : rs) {
        if (r.at().isBefore(cur.rolledTo)) {
          cur.late++;
          continue;
        }
        if (r.at().isAfter(cur.rolledTo)) {
          boolean noData =
              cur.running == null || Duration.between(cur.rolledTo, r.at()).compareTo(MAX_GAP) > 0;
          split(sums, m, zone, cur.rolledTo, r.at(), noData ? 0 : cur.running ? 1 : 2);
          if (noData) {
            cur.producedLast = null;
            cur.rejectedLast = null;
          }
          cur.rolledTo = r.at();
        }
        if (r.runState() && r.flag() != null) {
          cur.running = r.flag();
        }
        if (r.number() != null && r.tagId().equals(cur.producedTag)) {
          BigDecimal d = delta(cur.producedLast, r.number());
          cur.producedLast = r.number();
          if (d.signum() > 0) {
            Sums s = bucket(sums, m, zone, r.at());
            s.produced = s.produced.add(d);
          }
        } else if (r.number() != null && r.tagId().equals(cur.rejectedTag)) {
          BigDecimal d = delta(cur.rejectedLast, r.number());
          cur.rejectedLast = r.number();
          if (d.signum() > 0) {
            Sums s = bucket(sums, m, zone, r.at());
            s.rejected = s.rejected.add(d);
          }
        }
      }
    }
    write(c, company, sums, cursors);
  }

  /** What a counter counted since its last value: a drop is a reset, counting from zero. */
  static BigDecimal delta(BigDecimal last, BigDecimal now) {
    if (last == null) {
      return BigDecimal.ZERO;
    }
    return now.compareTo(last) >= 0 ? now.subtract(last) : now;
  }

  private static Sums bucket(Map<Key, Sums> sums, UUID m, ZoneId zone, Instant at) {
    // Units counted by a reading at 14:00:00 were made before 14:00.
    ShiftCalendar.Bucket b = ShiftCalendar.of(at.minusNanos(1), zone);
    return sums.computeIfAbsent(new Key(m, b.date(), b.shift()), k -> new Sums());
  }

  /** Adds [from, to) to the buckets it spans: kind 0 no data, 1 running, 2 stopped. */
  private static void split(
      Map<Key, Sums> sums, UUID m, ZoneId zone, Instant from, Instant to, int kind) {
    Instant a = from;
    while (a.isBefore(to)) {
      ShiftCalendar.Bucket b = ShiftCalendar.of(a, zone);
      Instant end = b.end(zone);
      Instant piece = end.isBefore(to) ? end : to;
      long ms = Duration.between(a, piece).toMillis();
      Sums s = sums.computeIfAbsent(new Key(m, b.date(), b.shift()), k -> new Sums());
      switch (kind) {
        case 1 -> s.running += ms;
        case 2 -> s.stopped += ms;
        default -> s.noData += ms;
      }
      a = piece;
    }
  }

  private static Map<UUID, Cursor> cursors(
      Connection c, UUID company, Map<UUID, List<MachineReading>> byMachine) throws SQLException {
    // Cursors are taken in one order (by machine id), so two devices feeding the same machines
    // wait for each other instead of deadlocking.
    UUID[] ids = byMachine.keySet().stream().sorted().toArray(UUID[]::new);
    // A machine's first reading starts its cursor (nothing before it is known).
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO oee_cursor (company_id, machine_id, rolled_to) VALUES (?, ?, ?)"
                + " ON CONFLICT (machine_id) DO NOTHING")) {
      for (UUID machine : ids) {
        Instant first =
            byMachine.get(machine).stream()
                .map(MachineReading::at)
                .min(Comparator.naturalOrder())
                .get();
        ps.setObject(1, company);
        ps.setObject(2, machine);
        ps.setTimestamp(3, Timestamp.from(first));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    Map<UUID, Cursor> out = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT machine_id, rolled_to, running, produced_last, rejected_last FROM oee_cursor"
                + " WHERE machine_id = ANY (?) ORDER BY machine_id FOR UPDATE")) {
      ps.setArray(1, c.createArrayOf("uuid", ids));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Cursor cur = new Cursor();
          cur.rolledTo = rs.getTimestamp(2).toInstant();
          boolean running = rs.getBoolean(3);
          cur.running = rs.wasNull() ? null : running;
          cur.producedLast = rs.getBigDecimal(4);
          cur.rejectedLast = rs.getBigDecimal(5);
          out.put(rs.getObject(1, UUID.class), cur);
        }
      }
    }
    return out;
  }

  /** The produced and rejected counter tags of the machines that have OEE settings. */
  private static Map<UUID, UUID[]> settings(Connection c, java.util.Set<UUID> machines)
      throws SQLException {
    Map<UUID, UUID[]> out = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT machine_id, produced_tag_id, rejected_tag_id FROM machine_oee"
                + " WHERE machine_id = ANY (?)")) {
      ps.setArray(1, c.createArrayOf("uuid", machines.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(
              rs.getObject(1, UUID.class),
              new UUID[] {rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)});
        }
      }
    }
    return out;
  }

  private static void write(
      Connection c, UUID company, Map<Key, Sums> sums, Map<UUID, Cursor> cursors)
      throws SQLException {
    if (!sums.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO oee_shift_rollup (company_id, machine_id, shift_date, shift, running_ms,"
                  + " stopped_ms, no_data_ms, produced, rejected) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                  + " ON CONFLICT (machine_id, shift_date, shift) DO UPDATE SET"
                  + " running_ms = oee_shift_rollup.running_ms + EXCLUDED.running_ms,"
                  + " stopped_ms = oee_shift_rollup.stopped_ms + EXCLUDED.stopped_ms,"
                  + " no_data_ms = oee_shift_rollup.no_data_ms + EXCLUDED.no_data_ms,"
                  + " produced = oee_shift_rollup.produced + EXCLUDED.produced,"
                  + " rejected = oee_shift_rollup.rejected + EXCLUDED.rejected")) {
        for (var e : sums.entrySet()) {
          Sums s = e.getValue();
          ps.setObject(1, company);
          ps.setObject(2, e.getKey().machine());
          ps.setObject(3, e.getKey().date());
          ps.setString(4, e.getKey().shift());
          ps.setLong(5, s.running);
          ps.setLong(6, s.stopped);
          ps.setLong(7, s.noData);
          ps.setBigDecimal(8, s.produced);
          ps.setBigDecimal(9, s.rejected);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE oee_cursor SET rolled_to = ?, running = ?, produced_last = ?, rejected_last = ?,"
                + " late_readings = late_readings + ? WHERE machine_id = ?")) {
      for (var e : cursors.entrySet()) {
        Cursor cur = e.getValue();
        ps.setTimestamp(1, Timestamp.from(cur.rolledTo));
        ps.setObject(2, cur.running, java.sql.Types.BOOLEAN);
        ps.setBigDecimal(3, cur.producedLast);
        ps.setBigDecimal(4, cur.rejectedLast);
        ps.setLong(5, cur.late);
        ps.setObject(6, e.getKey());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
