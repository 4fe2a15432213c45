package io.millstone.server.production;

import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.PageToken;
import io.millstone.server.platform.error.InvalidInputException;
import io.millstone.server.production.LabBench.SampleInput;
import io.millstone.server.production.LabBench.SamplePage;
import io.millstone.server.production.LabBench.SampleView;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The SQL of lab samples: written a grid at a time, read back with their flags. */
final class LabSamples {
  private LabSamples() {}

  private static final String[] COLUMNS = {
    "brix", "pol", "purity", "colour_icumsa", "moisture_percent", "grain_mm"
  };

  static void insert(
      Connection c,
      Actor actor,
      Clock clock,
      UUID batch,
      List<SampleInput> samples,
      List<Map<String, BigDecimal>> values,
      List<UUID> runs)
      throws SQLException {
    List<UUID> wanted = runs.stream().filter(r -> r != null).distinct().toList();
    if (!wanted.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement("SELECT id FROM production_run WHERE id = ANY(?)")) {
        ps.setArray(1, c.createArrayOf("uuid", wanted.toArray()));
        List<UUID> found = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            found.add(rs.getObject(1, UUID.class));
          }
        }
        for (int i = 0; i < runs.size(); i++) {
          if (runs.get(i) != null && !found.contains(runs.get(i))) {
            throw InvalidInputException.of(
                "samples[" + i + "].run_id", "is not a production run of this company");
          }
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO lab_sample (id, company_id, batch_id, line_no, stream, taken_at, run_id,"
                + " brix, pol, purity, colour_icumsa, moisture_percent, grain_mm, note, recorded_at,"
                + " recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      Timestamp now = Timestamp.from(clock.instant());
      for (int i = 0; i < samples.size(); i++) {
        SampleInput s = samples.get(i);
        ps.setObject(1, Ids.newId());
        ps.setObject(2, actor.companyId());
        ps.setObject(3, batch);
        ps.setInt(4, i + 1);
        ps.setString(5, s.stream());
        ps.setTimestamp(6, Timestamp.from(s.takenAt()));
        ps.setObject(7, runs.get(i));
        for (int k = 0; k < COLUMNS.length; k++) {
          ps.setBigDecimal(8 + k, values.get(i).get(COLUMNS[k]));
        }
        ps.setString(14, s.note() == null ? "" : s.note().trim());
        ps.setTimestamp(15, now);
        ps.setString(16, actor.username());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static final String SELECT =
      "SELECT id, stream, taken_at, run_id, brix, pol, purity, colour_icumsa, moisture_percent,"
          + " grain_mm, note, recorded_by FROM lab_sample";

  static List<SampleView> batch(
      Connection c, Map<String, Map<String, BigDecimal[]>> limits, UUID batch) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(SELECT + " WHERE batch_id = ? ORDER BY line_no")) {
      ps.setObject(1, batch);
      return read(ps, limits);
    }
  }

  static SamplePage page(
      Connection c,
      Map<String, Map<String, BigDecimal[]>> limits,
      String stream,
      UUID run,
      Instant from,
      Instant to,
      boolean outOfRangeOnly,
      int size,
      List<String> after)
      throws SQLException {
    boolean first = after.isEmpty();
    try (PreparedStatement ps =
        c.prepareStatement(
            SELECT
                + " WHERE (? = '' OR stream = ?) AND (?::uuid IS NULL OR run_id = ?::uuid)"
                + " AND taken_at >= coalesce(?, '-infinity'::timestamptz)"
                + " AND taken_at <= coalesce(?, 'infinity'::timestamptz)"
                + " AND (? OR (taken_at, id) < (?, ?::uuid))"
                + " ORDER BY taken_at DESC, id DESC LIMIT ?")) {
      ps.setString(1, stream);
      ps.setString(2, stream);
      ps.setObject(3, run);
      ps.setObject(4, run);
      ps.setTimestamp(5, from == null ? null : Timestamp.from(from));
      ps.setTimestamp(6, to == null ? null : Timestamp.from(to));
      ps.setBoolean(7, first);
      ps.setTimestamp(8, first ? null : Timestamp.from(Instant.parse(after.get(0))));
      ps.setObject(9, first ? null : UUID.fromString(after.get(1)));
      ps.setInt(10, size + 1);
      List<SampleView> rows = read(ps, limits);
      String next = "";
      if (rows.size() > size) {
        rows = rows.subList(0, size);
        SampleView last = rows.get(size - 1);
        next = PageToken.encode(last.takenAt().toString(), last.id().toString());
      }
      if (outOfRangeOnly) {
        rows = rows.stream().filter(s -> !s.flags().isEmpty()).toList();
      }
      return new SamplePage(rows, next);
    }
  }

  private static List<SampleView> read(
      PreparedStatement ps, Map<String, Map<String, BigDecimal[]>> limits) throws SQLException {
    List<SampleView> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (int k = 0; k < COLUMNS.length; k++) {
          BigDecimal d = rs.getBigDecimal(5 + k);
          if (d != null) {
            values.put(COLUMNS[k], d);
          }
        }
        String stream = rs.getString(2);
        out.add(
            new SampleView(
                rs.getObject(1, UUID.class),
                stream,
                rs.getTimestamp(3).toInstant(),
                rs.getObject(4, UUID.class),
                values,
                rs.getString(11),
                LabBench.flags(limits.get(stream), values),
                rs.getString(12)));
      }
    }
    return out;
  }
}
