package io.millstone.agent;

import io.millstone.agent.buffer.ReadingBuffer;
import io.millstone.agent.buffer.Sample;
import io.millstone.agent.config.DeviceCredential;
import io.millstone.agent.source.SimulatorSource;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;

/**
 * {@code scripts/bench ingest}: agent processes (the floor PCs' small-heap settings) drain a
 * backlog as fast as they can through the real uplink into the real server; the figure is committed
 * readings per second, end to end. In the same run, a binary COPY of as many rows straight into the
 * same readings table (as the database superuser, so no row-level security and no server in
 * between) gives the ceiling. Every reading is counted: lost and duplicated must be zero.
 */
public final class IngestBench {
  static final int AGENTS = Integer.getInteger("bench.agents", 2);
  static final int PER_AGENT = Integer.getInteger("bench.readings", 150_000);

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("millstone-ingest-bench-");
    TestMill mill = new TestMill();
    String prefix = "bench" + UUID.randomUUID().toString().substring(0, 6);
    mill.simulatedMachine(prefix);
    List<String> tags = new ArrayList<>();
    for (String s : SimulatorSource.SIGNALS) {
      // Number tags only: every reading is valid, so every one must be stored.
      if (!s.endsWith("running") && !s.endsWith("cycles") && !s.endsWith("stable")) {
        tags.add(prefix + "." + s);
      }
    }
    List<String> devices = new ArrayList<>();
    List<Path> configs = new ArrayList<>();
    Instant start = Instant.now().minus(Duration.ofMinutes(50));
    for (int a = 0; a < AGENTS; a++) {
      Path home = Files.createDirectories(dir.resolve("agent-" + a));
      DeviceCredential cred = mill.enrolledDevice(prefix + "-pc-" + a);
      cred.write(home.resolve("device.credentials"));
      devices.add(cred.deviceId());
      try (ReadingBuffer b = ReadingBuffer.open(home.resolve("buffer.db"))) {
        List<Sample> chunk = new ArrayList<>(5000);
        for (int i = 0; i < PER_AGENT; i++) {
          chunk.add(
              Sample.good(
                  tags.get(i % tags.size()),
                  start.plusMillis(i * 10L),
                  String.valueOf(100 + (i % 1000) / 10.0)));
          if (chunk.size() == 5000) {
            b.append(chunk);
            chunk.clear();
          }
        }
        b.append(chunk);
      }
      Path yaml = home.resolve("agent.yaml");
      Files.writeString(
          yaml,
          "server: "
              + mill.address()
              + "\ncredentials: device.credentials\nbuffer:\n  path: buffer.db\n"
              + "status_file: status.properties\nuplink:\n  batch_size: 5000\n");
      configs.add(yaml);
    }
    long total = (long) AGENTS * PER_AGENT;
    System.out.printf(
        "ingest bench: %d agent processes, %d buffered readings each, %d in all%n",
        AGENTS, PER_AGENT, total);

    List<Process> agents = new ArrayList<>();
    long t0 = System.nanoTime();
    for (Path yaml : configs) {
      agents.add(startAgent(yaml));
    }
    long rssMaxKb = 0;
    long stored = 0;
    long deadline = t0 + TimeUnit.MINUTES.toNanos(5);
    while (stored < total && System.nanoTime() < deadline) {
      Thread.sleep(200);
      for (Process p : agents) {
        rssMaxKb = Math.max(rssMaxKb, rssKb(p));
      }
      stored = 0;
      for (String d : devices) {
        TestMill.Stored s = mill.stored(d);
        stored += s.rows() + s.quarantined();
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    long rows = 0;
    long distinct = 0;
    long quarantined = 0;
    for (String d : devices) {
      TestMill.Stored s = mill.stored(d);
      rows += s.rows();
      distinct += s.distinctSeqs();
      quarantined += s.quarantined();
    }
    if (quarantined > 0) {
      System.out.printf("warning: %d readings were quarantined%n", quarantined);
    }
    for (Process p : agents) {
      p.destroy();
      p.waitFor(10, TimeUnit.SECONDS);
    }
    double rate = rows / seconds;
    System.out.printf(
        "agents: %d readings committed in %.1f s, %.0f readings/s%n", rows, seconds, rate);

    double ceiling = copyCeiling(mill, devices.get(0), total, start);
    System.out.printf("ceiling: binary COPY of %d rows, %.0f rows/s%n", total, ceiling);
    mill.close();
    System.out.printf(
        "ingest readings_per_sec=%.0f copy_ceiling_per_sec=%.0f ratio=%.2f lost=%d duplicated=%d"
            + " agent_rss_mb=%.0f agents=%d readings=%d%n",
        rate,
        ceiling,
        rate / ceiling,
        total - distinct,
        rows - distinct,
        rssMaxKb / 1024.0,
        AGENTS,
        total);
    System.exit(0);
  }

  static Process startAgent(Path yaml) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(AgentProcessTest.SMALL_JVM);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(EdgeAgent.class.getName());
    cmd.add("run");
    cmd.add("--config");
    cmd.add(yaml.toString());
    return new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(yaml.resolveSibling("agent.log").toFile())
        .start();
  }

  static long rssKb(Process p) {
    try {
      return AgentProcessTest.rssKb(p);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** Binary COPY of {@code n} reading rows like the agents' into the same table. */
  static double copyCeiling(TestMill mill, String deviceId, long n, Instant start)
      throws Exception {
    var settings = TestMill.platform().database().settings();
    UUID company;
    UUID tag;
    try (Connection c = TestMill.platform().database().ownerDataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT company_id, tag_id FROM reading WHERE device_id = ? LIMIT 1")) {
      ps.setObject(1, UUID.fromString(deviceId));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        company = rs.getObject(1, UUID.class);
        tag = rs.getObject(2, UUID.class);
      }
    }
    UUID fakeDevice = UUID.randomUUID();
    ByteArrayOutputStream bytes =
        new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE, n * 120));
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0});
    out.writeInt(0);
    out.writeInt(0);
    long received = micros(Instant.now());
    for (long i = 0; i < n; i++) {
      out.writeShort(9);
      uuid(out, company);
      uuid(out, tag);
      uuid(out, fakeDevice);
      out.writeInt(8);
      out.writeLong(i + 1);
      out.writeInt(8);
      out.writeLong(micros(start.plusMillis(i * 10L)));
      out.writeInt(8);
      out.writeLong(received);
      byte[] num = numeric(new BigDecimal(String.valueOf(100 + (i % 1000) / 10.0)).setScale(6));
      out.writeInt(num.length);
      out.write(num);
      out.writeInt(-1);
      out.writeInt(2);
      out.writeShort(1);
    }
    out.writeShort(-1);
    byte[] data = bytes.toByteArray();
    String url = settings.jdbcUrl();
    try (Connection c =
        DriverManager.getConnection(
            url,
            "postgres",
            io.millstone.server.platform.EmbeddedStores.superuserPassword(
                    TestMill.platform().config().dataDir())
                .orElseThrow())) {
      c.setAutoCommit(false);
      long t0 = System.nanoTime();
      c.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "COPY reading FROM STDIN (FORMAT binary)", new java.io.ByteArrayInputStream(data));
      c.commit();
      double s = (System.nanoTime() - t0) / 1e9;
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM reading WHERE device_id = ?")) {
        ps.setObject(1, fakeDevice);
        ps.executeUpdate();
        c.commit();
      }
      return n / s;
    }
  }

  private static void uuid(DataOutputStream out, UUID u) throws IOException {
    out.writeInt(16);
    out.writeLong(u.getMostSignificantBits());
    out.writeLong(u.getLeastSignificantBits());
  }

  private static final long EPOCH_2000_MICROS = 946_684_800_000_000L;

  private static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000 - EPOCH_2000_MICROS;
  }

  /** PostgreSQL's binary numeric: base-10000 digits around the decimal point. */
  static byte[] numeric(BigDecimal v) throws IOException {
    BigDecimal a = v.abs();
    String plain = a.toPlainString();
    int dot = plain.indexOf('.');
    String ip = dot < 0 ? plain : plain.substring(0, dot);
    String fp = dot < 0 ? "" : plain.substring(dot + 1);
    while (ip.length() % 4 != 0) {
      ip = "0" + ip;
    }
    while (fp.length() % 4 != 0) {
      fp = fp + "0";
    }
    List<Integer> digits = new ArrayList<>();
    for (int i = 0; i < ip.length(); i += 4) {
      digits.add(Integer.parseInt(ip.substring(i, i + 4)));
    }
    int weight = digits.size() - 1;
    for (int i = 0; i < fp.length(); i += 4) {
      digits.add(Integer.parseInt(fp.substring(i, i + 4)));
    }
    while (!digits.isEmpty() && digits.get(0) == 0) {
      digits.remove(0);
      weight--;
    }
    while (!digits.isEmpty() && digits.get(digits.size() - 1) == 0) {
      digits.remove(digits.size() - 1);
    }
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream o = new DataOutputStream(b);
    o.writeShort(digits.size());
    o.writeShort(digits.isEmpty() ? 0 : weight);
    o.writeShort(v.signum() < 0 ? 0x4000 : 0);
    o.writeShort(Math.max(0, v.scale()));
    for (int d : digits) {
      o.writeShort(d);
    }
    return b.toByteArray();
  }
}
