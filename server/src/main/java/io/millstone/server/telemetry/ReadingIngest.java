package io.millstone.server.telemetry;

import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Decimals;
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Tx;
import io.millstone.server.platform.error.AuthenticationException;
import io.millstone.server.platform.error.FieldViolation;
import io.millstone.server.platform.error.InvalidInputException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * Commits a batch of readings exactly once: in one transaction it locks the device, skips what is
 * at or below its high-water mark, COPYs the good readings in, quarantines the bad ones with a
 * reason, and raises the mark. A batch resent after a lost ack changes nothing.
 */
public final class ReadingIngest {
  public static final int MAX_BATCH = 5000;
  static final Duration MAX_FUTURE = Duration.ofMinutes(5);
  static final Duration MAX_AGE = Duration.ofDays(366);
  static final int VALUE_INTEGER_DIGITS = 24;
  static final int VALUE_SCALE = 6;

  /** One reading as the agent sent it. */
  public record Incoming(long seq, String tagKey, Instant sourceTime, String value, int quality) {}

  /** A reading kept out of the readings table, and why. */
  public record Rejection(long seq, String reason) {}

  /**
   * What the agent is told (everything up to {@code ackedSeq} is safe to delete), and the newest
   * value of each tag the batch touched, for the live monitor.
   */
  public record Result(
      long ackedSeq, int accepted, List<Rejection> rejected, List<LiveValue> latest) {}

  /** The newest value of a tag after a batch, with the tag's alarm state. */
  public record LiveValue(
      TagDirectory.TagInfo tag, String value, Instant sourceTime, int quality, String alarmState) {}

  private final Transactions tx;
  private final TagDirectory tags;
  private final ReadingPartitions partitions;
  private final LiveHub live;
  private final Clock clock;

  public ReadingIngest(
      Transactions tx, TagDirectory tags, ReadingPartitions partitions, LiveHub live, Clock clock) {
    this.tx = tx;
    this.tags = tags;
    this.partitions = partitions;
    this.live = live;
    this.clock = clock;
  }

  /** The device's mark, and a note of the agent's version; the agent resumes after the mark. */
  public long hello(Actor device, UUID deviceId, String agentVersion) {
    return tx.sqlInCompany(
        device,
        (t, c) -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE device SET last_seen_at = now(), agent_version = ?"
                      + " WHERE id = ? RETURNING high_water_mark, state")) {
            ps.setString(
                1,
                agentVersion == null
                    ? ""
                    : agentVersion.substring(0, Math.min(50, agentVersion.length())));
            ps.setObject(2, deviceId);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              requireActive(rs.getString(2));
              return rs.getLong(1);
            }
          }
        });
  }

  public Result ingest(Actor device, UUID deviceId, List<Incoming> batch) {
    checkShape(batch);
    Instant now = clock.instant();
    // Partitions first, on the owner's connection, before this transaction touches readings.
    Set<LocalDate> days = new LinkedHashSet<>();
    for (Incoming r : batch) {
      if (r.sourceTime() != null && plausible(r.sourceTime(), now)) {
        days.add(LocalDate.ofInstant(r.sourceTime(), ZoneOffset.UTC));
      }
    }
    days.forEach(partitions::ensure);
    Result r = tx.inCompany(device, t -> commit(t, device.companyId(), deviceId, batch, now));
    if (!r.latest().isEmpty()) {
      // After the commit: what clients see live is always already in the database.
      live.publish(device.companyId(), r.latest());
    }
    return r;
  }

  private Result commit(Tx t, UUID company, UUID deviceId, List<Incoming> batch, Instant now) {
    java.time.ZoneId zone =
        java.time.ZoneId.of(io.millstone.server.identity.CompanyAdmin.timeZoneOf(t));
    return Jdbc.work(
        t,
        c -> {
          long mark;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT high_water_mark, state FROM device WHERE id = ? FOR UPDATE")) {
            ps.setObject(1, deviceId);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              requireActive(rs.getString(2));
              mark = rs.getLong(1);
            }
          }
          List<Incoming> fresh = batch.stream().filter(r -> r.seq() > mark).toList();
          if (fresh.isEmpty()) {
            return new Result(mark, 0, List.of(), List.of());
          }
          Map<String, TagDirectory.TagInfo> known =
              tags.tags(t, company, fresh.stream().map(Incoming::tagKey).toList());
          StringBuilder csv = new StringBuilder(fresh.size() * 120);
          List<Rejection> rejected = new ArrayList<>();
          List<Incoming> rejectedRows = new ArrayList<>();
          List<Derivations.Accepted> good = new ArrayList<>();
          int accepted = 0;
          for (Incoming r : fresh) {
            TagDirectory.TagInfo tag = known.get(r.tagKey());
            String reason = null;
            String num = "";
            String bool = "";
            if (tag == null) {
              reason = "unknown tag '" + clip(r.tagKey()) + "': define it on a machine first";
            } else if (r.sourceTime() == null) {
              reason = "the reading has no source time";
            } else if (!plausible(r.sourceTime(), now)) {
              reason =
                  "the source time "
                      + r.sourceTime()
                      + " is "
                      + (r.sourceTime().isAfter(now) ? "in the future" : "more than a year old")
                      + " (server time "
                      + now
                      + "); check the agent's clock";
            } else if (r.quality() < 1 || r.quality() > 3) {
              reason = "the quality is missing";
            } else {
              String v = r.value() == null ? "" : r.value().trim();
              switch (tag.type()) {
                case NUMBER -> {
                  Parsed p = number(v);
                  if (p.value() == null) {
                    reason = "'" + clip(v) + "' " + p.problem();
                  } else {
                    num = p.value().toPlainString();
                  }
                }
                case COUNTER -> {
                  Parsed p = number(v);
                  BigDecimal d = p.value();
                  if (d == null && !p.problem().equals(NOT_A_NUMBER)) {
                    reason = "'" + clip(v) + "' " + p.problem();
                  } else if (d == null || d.signum() < 0 || d.stripTrailingZeros().scale() > 0) {
                    reason = "'" + clip(v) + "' is not a counter value (a whole number, 0 or more)";
                  } else {
                    num = d.toPlainString();
                  }
                }
                case BOOLEAN -> {
                  String b = v.toLowerCase(Locale.ROOT);
                  if (b.equals("true") || b.equals("1")) {
                    bool = "t";
                  } else if (b.equals("false") || b.equals("0")) {
                    bool = "f";
                  } else {
                    reason = "'" + clip(v) + "' is not true or false";
                  }
                }
              }
            }
            if (reason != null) {
              rejected.add(new Rejection(r.seq(), reason));
              rejectedRows.add(r);
              continue;
            }
            accepted++;
            good.add(
                new Derivations.Accepted(
                    r.seq(),
                    tag,
                    r.sourceTime(),
                    num.isEmpty() ? null : new BigDecimal(num),
                    bool.isEmpty() ? null : bool.equals("t"),
                    r.quality()));
            csv.append(company)
                .append(',')
                .append(tag.id())
                .append(',')
                .append(deviceId)
                .append(',')
                .append(r.seq())
                .append(',')
                .append(r.sourceTime())
                .append(',')
                .append(now)
                .append(',')
                .append(num)
                .append(',')
                .append(bool)
                .append(',')
                .append(r.quality())
                .append('\n');
          }
          Map<UUID, String> alarmStates = Map.of();
          if (accepted > 0) {
            copyIn(c, csv.toString());
            alarmStates = Derivations.apply(c, company, zone, good);
          }
          if (!rejectedRows.isEmpty()) {
            quarantine(c, company, deviceId, rejectedRows, rejected, now);
          }
          long newMark = fresh.get(fresh.size() - 1).seq();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE device SET high_water_mark = ?, last_seen_at = ? WHERE id = ?")) {
            ps.setLong(1, newMark);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setObject(3, deviceId);
            ps.executeUpdate();
          }
          return new Result(newMark, accepted, List.copyOf(rejected), latest(good, alarmStates));
        });
  }

  private static List<LiveValue> latest(List<Derivations.Accepted> good, Map<UUID, String> alarms) {
    Map<UUID, Derivations.Accepted> newest = new java.util.LinkedHashMap<>();
    for (Derivations.Accepted a : good) {
      Derivations.Accepted prev = newest.get(a.tag().id());
      if (prev == null || !a.sourceTime().isBefore(prev.sourceTime())) {
        newest.put(a.tag().id(), a);
      }
    }
    List<LiveValue> out = new ArrayList<>(newest.size());
    for (Derivations.Accepted a : newest.values()) {
      String value =
          a.number() != null
              ? a.number().stripTrailingZeros().toPlainString()
              : String.valueOf(a.flag());
      out.add(
          new LiveValue(
              a.tag(),
              value,
              a.sourceTime(),
              a.quality(),
              alarms.getOrDefault(a.tag().id(), "NORMAL")));
    }
    return out;
  }

  /**
   * COPY cannot write through row-level security, so rows are copied into a temporary table of this
   * connection and moved with one INSERT, which the policies do check.
   */
  private static void copyIn(Connection c, String csv) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("CREATE TEMP TABLE IF NOT EXISTS reading_in (LIKE reading) ON COMMIT DELETE ROWS");
    }
    try {
      c.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn("COPY reading_in FROM STDIN (FORMAT csv)", new StringReader(csv));
    } catch (IOException e) {
      throw new SQLException("copy failed: " + e.getMessage(), e);
    }
    try (Statement st = c.createStatement()) {
      st.executeUpdate("INSERT INTO reading SELECT * FROM reading_in");
    }
  }

  private static void quarantine(
      Connection c,
      UUID company,
      UUID deviceId,
      List<Incoming> rows,
      List<Rejection> reasons,
      Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO reading_quarantine (company_id, device_id, seq, tag_key, source_time, value,"
                + " reason, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      for (int i = 0; i < rows.size(); i++) {
        Incoming r = rows.get(i);
        ps.setObject(1, company);
        ps.setObject(2, deviceId);
        ps.setLong(3, r.seq());
        ps.setString(4, clip(r.tagKey() == null ? "" : r.tagKey()));
        ps.setTimestamp(5, r.sourceTime() == null ? null : Timestamp.from(r.sourceTime()));
        ps.setString(6, clip(r.value() == null ? "" : r.value()));
        ps.setString(7, reasons.get(i).reason());
        ps.setTimestamp(8, Timestamp.from(now));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void checkShape(List<Incoming> batch) {
    List<FieldViolation> problems = new ArrayList<>();
    if (batch.size() > MAX_BATCH) {
      problems.add(
          new FieldViolation(
              "batch.readings",
              "holds " + batch.size() + " readings; send at most " + MAX_BATCH + " per batch"));
    }
    long prev = 0;
    for (int i = 0; i < batch.size() && problems.isEmpty(); i++) {
      long seq = batch.get(i).seq();
      if (seq <= prev) {
        problems.add(
            new FieldViolation(
                "batch.readings[" + i + "].seq",
                "must be above 0 and above the reading before it"));
      }
      prev = seq;
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  private static void requireActive(String state) {
    if (!"ACTIVE".equals(state)) {
      throw new AuthenticationException(
          "device_revoked", "This device's credential was revoked; enrol the agent again.");
    }
  }

  private static boolean plausible(Instant t, Instant now) {
    return !t.isAfter(now.plus(MAX_FUTURE)) && !t.isBefore(now.minus(MAX_AGE));
  }

  static final String NOT_A_NUMBER = "is not a number";

  /** A reading's value as stored, or why it cannot be. */
  record Parsed(BigDecimal value, String problem) {}

  /**
   * The value as the readings column keeps it ({@code NUMERIC(30,6)}: 24 digits before the point,
   * rounded to 6 after). Its size is judged from precision and scale before any arithmetic: an
   * exponent such as {@code E-30000000} costs seconds in {@code setScale}, and {@code E+2147483647}
   * overflows it, which would hold or end the device's stream.
   */
  static Parsed number(String v) {
    if (v.isEmpty() || v.length() > Decimals.MAX_TEXT) {
      return new Parsed(null, NOT_A_NUMBER);
    }
    BigDecimal d;
    try {
      d = new BigDecimal(v);
    } catch (NumberFormatException e) {
      return new Parsed(null, NOT_A_NUMBER);
    }
    if (d.signum() == 0) {
      return new Parsed(BigDecimal.ZERO, null);
    }
    long integerDigits = (long) d.precision() - d.scale();
    if (integerDigits > VALUE_INTEGER_DIGITS) {
      return new Parsed(
          null, "is too large for a reading (at most " + VALUE_INTEGER_DIGITS + " digits)");
    }
    // A number written in at most 40 characters without an exponent has at most 40 decimals.
    if (d.scale() > Decimals.MAX_TEXT) {
      return new Parsed(
          null,
          "has an exponent too small for a reading (kept to "
              + VALUE_SCALE
              + " decimals); send the value without an exponent");
    }
    return new Parsed(
        d.setScale(Math.min(Math.max(d.scale(), 0), VALUE_SCALE), RoundingMode.HALF_EVEN), null);
  }

  private static String clip(String s) {
    return s.length() > 100 ? s.substring(0, 100) + "…" : s;
  }
}
