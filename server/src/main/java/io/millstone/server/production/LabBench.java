package io.millstone.server.production;

import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Decimals;
import io.millstone.server.platform.Idempotency;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.PageToken;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Validator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The laboratory: samples of each stream with brix and pol (purity computed as pol / brix x 100),
 * sugar tests, and limits per stream that flag each value outside them when samples are read.
 */
public final class LabBench {
  public static final Set<String> STREAMS =
      Set.of(
          "PRIMARY_JUICE",
          "MIXED_JUICE",
          "CLEAR_JUICE",
          "SYRUP",
          "MASSECUITE_A",
          "MASSECUITE_B",
          "MASSECUITE_C",
          "FINAL_MOLASSES",
          "SUGAR");

  /** The measured values, in the order of the contract, and their physical upper bounds. */
  public static final Map<String, BigDecimal> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("brix", BigDecimal.valueOf(100));
    FIELDS.put("pol", BigDecimal.valueOf(100));
    FIELDS.put("purity", BigDecimal.valueOf(100));
    FIELDS.put("colour_icumsa", BigDecimal.valueOf(100000));
    FIELDS.put("moisture_percent", BigDecimal.valueOf(100));
    FIELDS.put("grain_mm", BigDecimal.valueOf(10));
  }

  /** A bound pair as sent; empty text for no bound. */
  public record Range(String min, String max) {}

  public record LimitsView(String stream, Map<String, BigDecimal[]> ranges) {}

  /** A sample as sent: values by field name ("brix", ...), empty text when not measured. */
  public record SampleInput(
      String stream, Instant takenAt, String runId, Map<String, String> values, String note) {}

  public record Flag(String field, String side) {}

  public record SampleView(
      UUID id,
      String stream,
      Instant takenAt,
      UUID runId,
      Map<String, BigDecimal> values,
      String note,
      List<Flag> flags,
      String recordedBy) {}

  public record SamplePage(List<SampleView> samples, String nextPageToken) {}

  private final Transactions tx;
  private final Clock clock;

  public LabBench(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  public LimitsView saveLimits(Actor actor, String stream, Map<String, Range> ranges) {
    Validator v = new Validator();
    v.check(STREAMS.contains(stream), "stream", "is not one of " + STREAMS);
    Map<String, BigDecimal[]> parsed = new LinkedHashMap<>();
    for (String f : FIELDS.keySet()) {
      Range r = ranges.getOrDefault(f, new Range("", ""));
      BigDecimal min = bound(v, f + ".min", r.min(), FIELDS.get(f));
      BigDecimal max = bound(v, f + ".max", r.max(), FIELDS.get(f));
      v.check(
          min == null || max == null || min.compareTo(max) <= 0,
          f + ".max",
          "must not be below min");
      parsed.put(f, new BigDecimal[] {min, max});
    }
    v.throwIfInvalid();
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO lab_stream_limit (company_id, stream, field, min_value, max_value,"
                      + " updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (company_id, stream, field) DO UPDATE SET min_value = EXCLUDED.min_value,"
                      + " max_value = EXCLUDED.max_value, updated_at = EXCLUDED.updated_at,"
                      + " updated_by = EXCLUDED.updated_by")) {
            for (var e : parsed.entrySet()) {
              ps.setObject(1, actor.companyId());
              ps.setString(2, stream);
              ps.setString(3, e.getKey());
              ps.setBigDecimal(4, e.getValue()[0]);
              ps.setBigDecimal(5, e.getValue()[1]);
              ps.setTimestamp(6, Timestamp.from(clock.instant()));
              ps.setString(7, actor.username());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          t.audit("lab.limits.save", "lab_stream_limit", null, stream);
          return new LimitsView(stream, limits(c).getOrDefault(stream, Map.of()));
        });
  }

  private static BigDecimal bound(Validator v, String field, String text, BigDecimal top) {
    if (text == null || text.isBlank()) {
      return null;
    }
    BigDecimal d = Decimals.parse(v, field, text, 4, true);
    v.check(
        d == null || (d.signum() >= 0 && d.compareTo(top) <= 0),
        field,
        "must be between 0 and " + top.toPlainString());
    return d;
  }

  public List<LimitsView> listLimits(Actor actor) {
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          List<LimitsView> out = new ArrayList<>();
          limits(c).forEach((s, r) -> out.add(new LimitsView(s, r)));
          return out;
        });
  }

  /** Every stream's limits: field to {min, max}, either null for no bound. */
  private static Map<String, Map<String, BigDecimal[]>> limits(Connection c) throws SQLException {
    Map<String, Map<String, BigDecimal[]>> out = new java.util.TreeMap<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT stream, field, min_value, max_value FROM lab_stream_limit")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
              .put(rs.getString(2), new BigDecimal[] {rs.getBigDecimal(3), rs.getBigDecimal(4)});
        }
      }
    }
    return out;
  }

  public List<SampleView> record(Actor actor, String key, List<SampleInput> samples) {
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    v.check(!samples.isEmpty(), "samples", "needs at least one sample");
    v.check(samples.size() <= 200, "samples", "may hold at most 200 samples");
    Instant now = clock.instant();
    List<Map<String, BigDecimal>> values = new ArrayList<>();
    List<UUID> runs = new ArrayList<>();
    for (int i = 0; i < samples.size() && i < 200; i++) {
      SampleInput s = samples.get(i);
      String f = "samples[" + i + "].";
      v.check(STREAMS.contains(s.stream()), f + "stream", "is not one of " + STREAMS);
      v.check(s.takenAt() != null, f + "taken_at", "is required");
      v.check(
          s.takenAt() == null
              || (!s.takenAt().isAfter(now.plus(Duration.ofMinutes(10)))
                  && !s.takenAt().isBefore(now.minus(Duration.ofDays(366)))),
          f + "taken_at",
          "must be within the last year and not in the future");
      v.check(
          s.note() == null || s.note().length() <= 300,
          f + "note",
          "is too long (at most 300 characters)");
      Map<String, BigDecimal> m = new LinkedHashMap<>();
      for (String field : FIELDS.keySet()) {
        if (field.equals("purity")) {
          continue;
        }
        String text = s.values().getOrDefault(field, "");
        if (text == null || text.isBlank()) {
          continue;
        }
        BigDecimal d = Decimals.parse(v, f + field, text, 4, true);
        if (d != null) {
          boolean ok = d.signum() >= 0 && d.compareTo(FIELDS.get(field)) <= 0;
          v.check(ok, f + field, "must be between 0 and " + FIELDS.get(field).toPlainString());
          if (ok) {
            m.put(field, d);
          }
        }
      }
      BigDecimal brix = m.get("brix");
      BigDecimal pol = m.get("pol");
      v.check(
          pol == null || brix != null, f + "brix", "is required with pol (purity is pol / brix)");
      v.check(
          pol == null || brix == null || pol.compareTo(brix) <= 0,
          f + "pol",
          "lab_pol_above_brix",
          "cannot be above brix (" + (brix == null ? "" : brix.toPlainString()) + ")",
          brix == null ? "" : brix.toPlainString());
      if (pol != null && brix != null && brix.signum() > 0 && pol.compareTo(brix) <= 0) {
        m.put(
            "purity",
            pol.multiply(BigDecimal.valueOf(100)).divide(brix, 2, RoundingMode.HALF_EVEN));
      }
      v.check(
          !m.isEmpty() || s.values().values().stream().anyMatch(x -> x != null && !x.isBlank()),
          f + "brix",
          "a sample needs at least one measured value");
      values.add(m);
      runs.add(
          s.runId() == null || s.runId().isBlank() ? null : Ids.parse(s.runId(), f + "run_id"));
    }
    v.throwIfInvalid();
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          var outcome =
              Idempotency.once(
                  t,
                  key,
                  "lab.sample.record",
                  samples.toString(),
                  batch ->
                      Jdbc.work(
                          t,
                          x -> {
                            LabSamples.insert(x, actor, clock, batch, samples, values, runs);
                            return batch;
                          }));
          return LabSamples.batch(c, limits(c), outcome.id());
        });
  }

  public SamplePage list(
      Actor actor,
      String stream,
      String runId,
      Instant from,
      Instant to,
      boolean outOfRangeOnly,
      int pageSize,
      String pageToken) {
    Validator v = new Validator();
    v.check(stream.isEmpty() || STREAMS.contains(stream), "stream", "is not one of " + STREAMS);
    v.check(from == null || to == null || !to.isBefore(from), "to", "must not be before from");
    v.check(pageSize >= 0, "page.page_size", "must not be negative");
    List<String> after = PageToken.decode(pageToken, 2);
    v.check(after != null, "page.page_token", "is not a token this server gave out");
    UUID run = runId == null || runId.isBlank() ? null : Ids.parse(runId, "run_id");
    v.throwIfInvalid();
    int size = pageSize == 0 ? 50 : Math.min(pageSize, 500);
    return tx.sqlInCompany(
        actor,
        (t, c) ->
            LabSamples.page(c, limits(c), stream, run, from, to, outOfRangeOnly, size, after));
  }

  /** Flags a sample's values outside its stream's limits. */
  static List<Flag> flags(Map<String, BigDecimal[]> limits, Map<String, BigDecimal> values) {
    List<Flag> out = new ArrayList<>();
    for (var e : values.entrySet()) {
      BigDecimal[] r = limits == null ? null : limits.get(e.getKey());
      if (r == null) {
        continue;
      }
      if (r[0] != null && e.getValue().compareTo(r[0]) < 0) {
        out.add(new Flag(e.getKey(), "LOW"));
      } else if (r[1] != null && e.getValue().compareTo(r[1]) > 0) {
        out.add(new Flag(e.getKey(), "HIGH"));
      }
    }
    return out;
  }
}
