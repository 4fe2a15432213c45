package io.millstone.server.bench;

import io.millstone.api.analytics.v1.GetProductionReportRequest;
import io.millstone.api.analytics.v1.ProductionReport;
import io.millstone.api.analytics.v1.ProductionReportServiceGrpc;
import io.millstone.api.common.v1.Date;
import io.millstone.api.production.v1.GetOeeRequest;
import io.millstone.api.production.v1.GetOeeResponse;
import io.millstone.api.production.v1.OeePeriod;
import io.millstone.api.production.v1.OeeServiceGrpc;
import io.millstone.server.demo.DemoSeeder;
import io.millstone.server.platform.Actor;
import io.millstone.server.telemetry.MachineAdmin;
import io.millstone.server.telemetry.OeeRollup;
import io.millstone.server.telemetry.ReadingPartitions;
import io.millstone.server.telemetry.model.Tag;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * {@code scripts/bench report}: a {@value #DAYS}-day crushing season. Its documents are the demo's,
 * seeded through the real desks ({@link DemoSeeder#seedSeason}: the demo's items, godowns, trade,
 * cane season, permits and weighbridge tickets, three shift runs a day with their stops, lab
 * samples, the demo machines' telemetry through the ingest), over the same days plus today. Beside
 * them {@value #MACHINES} bench machines (M-01…) in ten work centres (WC-01…), written through the
 * OEE rollup path in bulk (per-minute counter readings and run-state changes are COPYed into the
 * readings table and handed, day by day in time order, to telemetry's {@link OeeRollup} on the same
 * transaction, as the ingest does; downtime rows with their reasons beside them).
 *
 * <p>Then, over real gRPC, signed in as the bench's admin user: the production report of one day
 * (with its OEE per work centre), as a manager asks for it, p95 over 50 different days asked twice
 * (first time each day: cold; then warm) ({@code day_p95_ms}); the season-to-date OEE ({@code
 * season_ms}); and, as the ceiling, one bare SQL aggregate over the same day's raw machine readings
 * ({@code bare_day_ms}, p95 over the same days) — the day's bulkiest rows; the report itself reads
 * the season's runs, tickets and samples and the day's OEE rollups, not the raw readings.
 */
public final class ReportBench {
  static final int DAYS = Integer.getInteger("bench.days", 100);
  static final int MACHINES = Integer.getInteger("bench.machines", 30);
  static final int PER_CENTRE = 3;
  static final int GATE_TRUCKS = Integer.getInteger("bench.gateTrucks", 8);
  static final int OUTSIDE_TRUCKS = Integer.getInteger("bench.outsideTrucks", 2);
  static final int ASKED_DAYS = Math.min(50, DAYS);
  static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");

  public static void main(String[] args) throws Exception {
    try (TradeBench bench = new TradeBench(1, false)) {
      LocalDate last = LocalDate.now(DHAKA).minusDays(1);
      LocalDate first = last.minusDays(DAYS - 1);
      long d0 = System.nanoTime();
      // The demo season starts on the bench's first day and runs to today (its morning shift).
      // A third of the demo's lorries a day (8 at the gate, 2 at each outside centre): the demo's
      // 24 and 6 take over ten minutes for a hundred days on the bench machine.
      DemoSeeder.seedSeason(bench.server, bench.companyId, DAYS + 1, GATE_TRUCKS, OUTSIDE_TRUCKS);
      double demoSeconds = (System.nanoTime() - d0) / 1e9;
      System.out.printf(
          "report bench: %d days of the demo season's documents (%d + 2 x %d lorries a day)"
              + " seeded in %.1f s%n",
          DAYS + 1, GATE_TRUCKS, OUTSIDE_TRUCKS, demoSeconds);
      Season season = generate(bench, first, last);
      var oee = bench.signedIn(0, OeeServiceGrpc::newBlockingStub);
      var report = bench.signedIn(0, ProductionReportServiceGrpc::newBlockingStub);

      List<LocalDate> asked = new ArrayList<>();
      Random pick = new Random(7);
      while (asked.size() < ASKED_DAYS) {
        LocalDate d = first.plusDays(pick.nextInt(DAYS));
        if (!asked.contains(d)) {
          asked.add(d);
        }
      }
      long[] cold = new long[ASKED_DAYS];
      long[] warm = new long[ASKED_DAYS];
      for (int i = 0; i < ASKED_DAYS; i++) {
        cold[i] = measureDay(report, asked.get(i));
      }
      for (int i = 0; i < ASKED_DAYS; i++) {
        warm[i] = measureDay(report, asked.get(i));
      }
      long[] both = new long[2 * ASKED_DAYS];
      System.arraycopy(cold, 0, both, 0, ASKED_DAYS);
      System.arraycopy(warm, 0, both, ASKED_DAYS, ASKED_DAYS);
      double dayP95 = TradeBench.percentile(both, both.length, 0.95);

      measureSeason(oee, last); // the first time plans the statements
      long[] seasons = new long[5];
      GetOeeResponse seasonAnswer = null;
      for (int i = 0; i < seasons.length; i++) {
        long t0 = System.nanoTime();
        seasonAnswer = measureSeason(oee, last);
        seasons[i] = System.nanoTime() - t0;
      }
      double seasonMs = TradeBench.percentile(seasons, seasons.length, 0.5);

      long[] bare = new long[ASKED_DAYS];
      DataSource owner = bench.platform.database().ownerDataSource();
      try (Connection c = owner.getConnection()) {
        for (int i = 0; i < ASKED_DAYS; i++) {
          bare[i] = bareDay(c, bench.companyId, asked.get(i));
        }
      }
      double bareMs = TradeBench.percentile(bare, ASKED_DAYS, 0.95);
      var mill = seasonAnswer.getLines(0);
      System.out.printf(
          "report bench: %d days x %d machines, %d readings written and rolled up in %.1f s;"
              + " season OEE of %s %s %%%n",
          DAYS,
          MACHINES,
          season.readings,
          season.seconds,
          mill.getWorkCentreCode(),
          mill.getOeePercent().getValue());
      System.out.printf(
          "report bench: day's production report p95 cold %.1f ms, warm %.1f ms over %d days; bare day aggregate"
              + " p95 %.1f ms%n",
          TradeBench.percentile(cold, ASKED_DAYS, 0.95),
          TradeBench.percentile(warm, ASKED_DAYS, 0.95),
          ASKED_DAYS,
          bareMs);
      System.out.printf(
          "report day_p95_ms=%.1f season_ms=%.1f bare_day_ms=%.1f ratio=%.2f%n",
          dayP95, seasonMs, bareMs, bareMs > 0 ? dayP95 / bareMs : 0);
    }
    System.exit(0);
  }

  /**
   * The day's measurement: what a manager asking for one day's figures waits for, the production
   * report of the day with its OEE per work centre. Checked to be real (cane crushed that day, the
   * bench's work centres and the mill's in its OEE) so a broken report cannot look fast.
   */
  static long measureDay(
      ProductionReportServiceGrpc.ProductionReportServiceBlockingStub report, LocalDate day) {
    long t0 = System.nanoTime();
    ProductionReport r =
        report.getProductionReport(
            GetProductionReportRequest.newBuilder().setDate(date(day)).build());
    long took = System.nanoTime() - t0;
    BigDecimal crushed =
        r.getFiguresList().stream()
            .filter(f -> f.getKey().equals("cane_crushed"))
            .map(f -> new BigDecimal(f.getDay().getValue()))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("day " + day + ": no cane crushed"));
    if (crushed.signum() <= 0) {
      throw new IllegalStateException("day " + day + ": cane crushed " + crushed);
    }
    long centres =
        r.getOeeList().stream()
            .filter(
                o ->
                    o.getWorkCentreCode().startsWith("WC-") || o.getWorkCentreCode().equals("MILL"))
            .filter(o -> o.hasOeePercent() && !o.getOeePercent().getValue().isEmpty())
            .count();
    if (centres != MACHINES / PER_CENTRE + 1) {
      throw new IllegalStateException(
          "day " + day + ": OEE of " + centres + " work centres: " + r.getOeeList());
    }
    return took;
  }

  static GetOeeResponse measureSeason(OeeServiceGrpc.OeeServiceBlockingStub oee, LocalDate last) {
    return oee.getOee(
        GetOeeRequest.newBuilder()
            .setPeriod(OeePeriod.OEE_PERIOD_SEASON_TO_DATE)
            .setDate(date(last))
            .build());
  }

  /** The ceiling: one aggregate over the day's raw readings, nothing else. */
  static long bareDay(Connection c, UUID company, LocalDate day) throws Exception {
    Instant from = day.atTime(6, 0).atZone(DHAKA).toInstant();
    long t0 = System.nanoTime();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT tag_id, count(*), min(value_num), max(value_num), bool_or(value_bool)"
                + " FROM reading WHERE company_id = ? AND source_time >= ? AND source_time < ?"
                + " GROUP BY tag_id")) {
      ps.setObject(1, company);
      ps.setTimestamp(2, Timestamp.from(from));
      ps.setTimestamp(3, Timestamp.from(from.plus(Duration.ofDays(1))));
      try (ResultSet rs = ps.executeQuery()) {
        int n = 0;
        while (rs.next()) {
          n++;
        }
        if (n == 0) {
          throw new IllegalStateException("no readings on " + day);
        }
      }
    }
    return System.nanoTime() - t0;
  }

  record Season(long readings, double seconds) {}

  record Machine(UUID id, UUID runTag, UUID countTag) {}

  /** Machines, work centres and the season's readings, rolled up day by day. */
  static Season generate(TradeBench bench, LocalDate first, LocalDate last) throws Exception {
    Actor actor = Actor.system(bench.companyId, "bench");
    MachineAdmin admin = bench.server.machineAdmin();
    List<Machine> machines = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < MACHINES; i++) {
      String code = String.format("M-%02d", i + 1);
      var m = admin.create(actor, null, code, "Machine " + code, "Bench floor").machine();
      Tag run =
          admin.defineTag(
              actor,
              new MachineAdmin.TagInput(
                  m.id().toString(),
                  code.toLowerCase() + ".running",
                  "Running",
                  "",
                  Tag.ValueType.BOOLEAN,
                  null,
                  null,
                  null,
                  null,
                  null,
                  true));
      Tag count =
          admin.defineTag(
              actor,
              new MachineAdmin.TagInput(
                  m.id().toString(),
                  code.toLowerCase() + ".count",
                  "Count",
                  "t",
                  Tag.ValueType.COUNTER,
                  null,
                  null,
                  null,
                  null,
                  null,
                  false));
      bench.server.oeeDesk().setMachine(actor, code, "60", "t", count.key(), "");
      machines.add(new Machine(m.id(), run.id(), count.id()));
      codes.add(code);
    }
    for (int w = 0; w < MACHINES / PER_CENTRE; w++) {
      bench
          .server
          .productionDesk()
          .saveWorkCentre(
              actor,
              String.format("WC-%02d", w + 1),
              "Work centre " + (w + 1),
              codes.subList(w * PER_CENTRE, (w + 1) * PER_CENTRE),
              "PER_HOUR",
              "1000",
              true,
              0);
    }
    DataSource owner = bench.platform.database().ownerDataSource();
    ReadingPartitions partitions =
        new ReadingPartitions(owner, bench.platform.database().settings().runtimeUser());
    UUID device = UUID.randomUUID();
    Random rnd = new Random(15);
    long[] counters = new long[MACHINES];
    long seq = 0;
    long readings = 0;
    long t0 = System.nanoTime();
    String[] reasons = {"mechanical", "electrical", "no_cane", "planned", "other", ""};
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      Instant start = day.atTime(6, 0).atZone(DHAKA).toInstant();
      partitions.ensure(LocalDate.ofInstant(start, ZoneOffset.UTC));
      partitions.ensure(LocalDate.ofInstant(start.plus(Duration.ofDays(1)), ZoneOffset.UTC));
      List<OeeRollup.MachineReading> rolled = new ArrayList<>(MACHINES * 1450);
      StringBuilder csv = new StringBuilder(MACHINES * 1450 * 120);
      StringBuilder stops = new StringBuilder();
      for (int i = 0; i < MACHINES; i++) {
        Machine m = machines.get(i);
        // 0-4 stops a day of 10-70 minutes each, at whole minutes.
        boolean[] stopped = new boolean[1440];
        int n = rnd.nextInt(5);
        for (int s = 0; s < n; s++) {
          int from = rnd.nextInt(1440 - 80);
          int len = 10 + rnd.nextInt(60);
          for (int k = from; k < from + len; k++) {
            stopped[k] = true;
          }
        }
        boolean state = true;
        int stopStart = -1;
        for (int k = 0; k < 1440; k++) {
          Instant t = start.plusSeconds(60L * k);
          if (k == 0 || stopped[k] == state) {
            state = !stopped[k];
            seq++;
            rolled.add(new OeeRollup.MachineReading(m.id(), m.runTag(), true, t, null, state));
            row(csv, bench.companyId, m.runTag(), device, seq, t, "", state ? "t" : "f");
            if (!state) {
              stopStart = k;
            } else if (stopStart >= 0) {
              stop(stops, bench.companyId, m.id(), start, stopStart, k, reasons, rnd);
              stopStart = -1;
            }
          }
          if (k > 0 && !stopped[k - 1]) {
            // 60 t an hour at the rated speed; one minute in five a tonne short.
            if (rnd.nextInt(5) != 0) {
              counters[i]++;
            }
          }
          seq++;
          BigDecimal v = BigDecimal.valueOf(counters[i]);
          rolled.add(new OeeRollup.MachineReading(m.id(), m.countTag(), false, t, v, null));
          row(csv, bench.companyId, m.countTag(), device, seq, t, v.toPlainString(), "");
        }
        if (stopStart >= 0) {
          stop(stops, bench.companyId, m.id(), start, stopStart, 1440, reasons, rnd);
        }
      }
      try (Connection c = owner.getConnection()) {
        c.setAutoCommit(false);
        // COPY cannot write through row-level security: into temporary tables, then INSERT.
        try (var st = c.createStatement()) {
          st.execute("CREATE TEMP TABLE IF NOT EXISTS bench_reading (LIKE reading)");
          st.execute(
              "CREATE TEMP TABLE IF NOT EXISTS bench_downtime (LIKE downtime INCLUDING DEFAULTS)");
        }
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        copy.copyIn("COPY bench_reading FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
        copy.copyIn(
            "COPY bench_downtime (id, company_id, machine_id, started_at, ended_at, reason)"
                + " FROM STDIN (FORMAT csv)",
            new StringReader(stops.toString()));
        try (var st = c.createStatement()) {
          st.executeUpdate("INSERT INTO reading SELECT * FROM bench_reading");
          st.executeUpdate("INSERT INTO downtime SELECT * FROM bench_downtime");
          st.execute("TRUNCATE bench_reading, bench_downtime");
        }
        OeeRollup.apply(c, bench.companyId, DHAKA, rolled);
        c.commit();
      }
      readings += rolled.size();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    try (Connection c = owner.getConnection();
        var st = c.createStatement()) {
      st.execute("ANALYZE"); // the bench's readings and the demo season's documents
    }
    return new Season(readings, seconds);
  }

  static void stop(
      StringBuilder out,
      UUID company,
      UUID machine,
      Instant dayStart,
      int from,
      int to,
      String[] reasons,
      Random rnd) {
    out.append(UUID.randomUUID())
        .append(',')
        .append(company)
        .append(',')
        .append(machine)
        .append(',')
        .append(dayStart.plusSeconds(60L * from))
        .append(',')
        .append(dayStart.plusSeconds(60L * to))
        .append(',')
        .append('"')
        .append(reasons[rnd.nextInt(reasons.length)])
        .append("\"\n");
  }

  static void row(
      StringBuilder csv,
      UUID company,
      UUID tag,
      UUID device,
      long seq,
      Instant t,
      String num,
      String bool) {
    csv.append(company)
        .append(',')
        .append(tag)
        .append(',')
        .append(device)
        .append(',')
        .append(seq)
        .append(',')
        .append(t)
        .append(',')
        .append(t)
        .append(',')
        .append(num)
        .append(',')
        .append(bool)
        .append(",1\n");
  }

  static Date date(LocalDate d) {
    return Date.newBuilder()
        .setYear(d.getYear())
        .setMonth(d.getMonthValue())
        .setDay(d.getDayOfMonth())
        .build();
  }
}
