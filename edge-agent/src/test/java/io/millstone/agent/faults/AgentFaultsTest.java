package io.millstone.agent.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.millstone.agent.AgentStatusFile;
import io.millstone.agent.EdgeAgent;
import io.millstone.agent.buffer.ReadingBuffer;
import io.millstone.agent.config.AgentConfig;
import io.millstone.agent.source.SimulatorSource;
import io.millstone.api.telemetry.v1.MonitorServiceGrpc;
import io.millstone.api.telemetry.v1.TagValue;
import io.millstone.api.telemetry.v1.WatchRequest;
import io.millstone.api.telemetry.v1.WatchUpdate;
import io.millstone.server.MillstoneServer;
import io.millstone.server.cli.NettyTransport;
import io.millstone.server.cli.ServerCli;
import io.millstone.server.platform.MillstoneConfig;
import io.millstone.server.platform.Platform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain as it runs on a mill, every part in its own process or server: a simulator at a
 * known rate in a real agent process, its uplink through a TCP proxy that the test breaks, a real
 * server process, and PostgreSQL and Redis that the test restarts under it. One after the other:
 * the link is reset, the link goes silent for longer than the agent's keepalive, the server is
 * killed and started again, PostgreSQL restarts, Redis restarts, the agent is killed and started
 * again. At the end every reading the agent numbered is in PostgreSQL exactly once, the agent's
 * buffer is empty, the live feed came back by itself, and both sides said what went wrong.
 */
class AgentFaultsTest {

  /** The simulator reads its eleven signals every 10 ms: 1,100 readings a second. */
  static final int INTERVAL_MS = 10;

  @TempDir Path dir;
  FaultStores stores;
  BreakableProxy proxy;
  int serverPort;
  Process server;
  Process agent;
  final List<Process> started = new ArrayList<>();
  final List<Path> agentLogs = new ArrayList<>();
  final List<Path> serverLogs = new ArrayList<>();
  String prefix;
  String deviceId;
  String adminUser;
  ManagedChannel adminChannel;
  String watchToken;

  @AfterEach
  void tearDown() throws Exception {
    // The processes' logs outlive the temporary directory, for whoever reads a failure.
    Path keep = Path.of("target", "faults-logs");
    Files.createDirectories(keep);
    for (Path log : concat(agentLogs, serverLogs)) {
      if (Files.exists(log)) {
        Files.copy(log, keep.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    for (Process p : started) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
    if (adminChannel != null) {
      adminChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    if (proxy != null) {
      proxy.close();
    }
    if (stores != null) {
      stores.close();
    }
  }

  @Test
  void everyReadingIsStoredExactlyOnceThroughLinkServerAndStoreFaults() throws Exception {
    long testStart = System.nanoTime();
    stores = new FaultStores(dir.resolve("stores"));
    serverPort = FaultStores.freePort();
    prefix = "f" + UUID.randomUUID().toString().substring(0, 8);
    Path yaml = setUpCompanyMachineAndAgent();

    server = startServer();
    awaitServing();
    proxy = new BreakableProxy(serverPort);
    Files.writeString(yaml, agentYaml(proxy.port(), true));
    Instant agentStarted = Instant.now();
    agent = startAgent(yaml);
    awaitStatus("the agent's first acked readings", s -> acked(s) > 0, Duration.ofSeconds(60));
    Map<String, Long> seconds = new LinkedHashMap<>();

    // 1. The link is cut with TCP resets and stays refused until the agent has tried again.
    long t = System.nanoTime();
    long before = sessions();
    long acceptedBefore = proxy.connectionsAccepted();
    proxy.breakLink();
    await(
        "the agent to try the broken link again",
        Duration.ofSeconds(60),
        () -> proxy.connectionsAccepted() > acceptedBefore);
    awaitNumberedDuring("the broken link");
    proxy.heal();
    awaitCaughtUp("link reset", before);
    seconds.put("link_reset", secondsSince(t));

    // 2. The link goes silent (no RST, no FIN) until the agent's keepalive (30 s + 15 s timeout)
    // gives the connection up.
    t = System.nanoTime();
    before = sessions();
    long keepaliveFailures = agentSaid(KEEPALIVE_FAILED);
    proxy.blackhole();
    awaitAgentSays("the keepalive to fail", KEEPALIVE_FAILED, keepaliveFailures);
    awaitNumberedDuring("the silent link");
    proxy.heal();
    awaitCaughtUp("blackhole", before);
    seconds.put("blackhole", secondsSince(t));

    // 3. The server process dies with SIGKILL and an admin starts it again on the same stores.
    t = System.nanoTime();
    before = sessions();
    server.destroyForcibly();
    assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
    awaitNumberedDuring("the server's absence");
    server = startServer();
    awaitServing();
    awaitCaughtUp("server killed", before);
    seconds.put("server_sigkill", secondsSince(t));

    // A user watching the live values from here on, through the server (not the proxy).
    WatchRecorder watch = watch();

    // 4. PostgreSQL restarts under the running server.
    t = System.nanoTime();
    // Down until the agent has been told so by the server (often already while it stops).
    long databaseAway = agentSaid(DATABASE_AWAY);
    stores.stopPostgres();
    awaitAgentSays("the agent to hear the database is away", DATABASE_AWAY, databaseAway);
    awaitNumberedDuring("PostgreSQL's absence");
    stores.startPostgres();
    awaitCaughtUp("PostgreSQL restarted", -1);
    seconds.put("postgres_restart", secondsSince(t));

    // 5. Redis goes away: readings must still be stored while it is down.
    t = System.nanoTime();
    long cannotPublish = serverSaid(CANNOT_PUBLISH);
    stores.stopRedis();
    long ackedWhenRedisStopped = acked(status());
    awaitStatus(
        "readings acked while Redis is down",
        s -> acked(s) > ackedWhenRedisStopped + 900,
        Duration.ofSeconds(30));
    awaitServerSays("the server to say it cannot publish", CANNOT_PUBLISH, cannotPublish);
    stores.startRedis();
    Instant redisBack = Instant.now();
    awaitCaughtUp("Redis restarted", -1);
    seconds.put("redis_restart", secondsSince(t));
    await(
        "a live value read after Redis came back on the open Watch",
        Duration.ofSeconds(30),
        () -> watch.newestSourceTime().isAfter(redisBack));
    // The latest values a newly opened screen starts from (kept in Redis) caught up too.
    await(
        "a new Watch's first picture to hold values read after Redis came back",
        Duration.ofSeconds(30),
        () -> snapshotNewest().isAfter(redisBack));

    // 6. The agent process dies with SIGKILL: no shutdown hook, no last commit; it starts again.
    t = System.nanoTime();
    Map<String, String> firstRun = status();
    agent.destroyForcibly();
    assertThat(agent.waitFor(10, TimeUnit.SECONDS)).isTrue();
    agent = startAgent(yaml);
    Process second = agent;
    awaitStatus(
        "the restarted agent's acks",
        s -> s.get("pid").equals(Long.toString(second.pid())) && acked(s) > 0,
        Duration.ofSeconds(60));
    awaitCaughtUp("agent killed", -1);
    seconds.put("agent_sigkill", secondsSince(t));

    // Stop the simulator cleanly, then let an agent without sources send what is left.
    agent.destroy();
    assertThat(agent.waitFor(30, TimeUnit.SECONDS)).as("stops within 30 s of SIGTERM").isTrue();
    Instant agentStopped = Instant.now();
    Path drainYaml = dir.resolve("drain.yaml");
    Files.writeString(drainYaml, agentYaml(proxy.port(), false));
    Process drain = startAgent(drainYaml);
    agent = drain;
    awaitStatus(
        "the agent's buffer to drain",
        s -> s.get("pid").equals(Long.toString(drain.pid())) && "0".equals(s.get("buffer_depth")),
        Duration.ofSeconds(60));
    drain.destroy();
    assertThat(drain.waitFor(30, TimeUnit.SECONDS)).isTrue();

    AgentConfig drained = AgentConfig.load(drainYaml);
    long generated;
    long depth;
    try (ReadingBuffer b =
        ReadingBuffer.open(drained.bufferFile(), drained.bufferLimits(), Clock.systemUTC())) {
      generated = b.lastSeq();
      depth = b.depth();
    }

    Counted c = count(generated);
    long ranMillis = Duration.between(agentStarted, agentStopped).toMillis();
    long expectedAtRate = ranMillis / INTERVAL_MS * SimulatorSource.SIGNALS.size();
    System.out.printf(
        "faults: generated=%d stored=%d distinct=%d missing=%d duplicated=%d quarantined=%d"
            + " buffer_depth=%d expected_at_rate~%d agent_sessions_first_run=%s"
            + " proxy_connections=%d phases_s=%s total_s=%d%n",
        generated,
        c.rows,
        c.distinct,
        c.missing,
        c.duplicated,
        c.quarantined,
        depth,
        expectedAtRate,
        firstRun.get("sessions"),
        proxy.connectionsAccepted(),
        seconds,
        secondsSince(testStart));

    assertThat(depth).as("readings left in the agent's buffer").isZero();
    assertThat(c.missing).as("numbered readings missing from PostgreSQL").isZero();
    assertThat(c.duplicated).as("readings stored more than once").isZero();
    assertThat(c.rows).as("rows stored for the device").isEqualTo(generated);
    assertThat(c.quarantined).isZero();
    // The simulator kept numbering readings through every fault except its own process's restart
    // (checked while each fault lasted, by awaitNumberedDuring); its rate on a busy machine is
    // printed above, not asserted.

    // The agent said what it went through: its first run reconnected after each link and server
    // fault, and its log names them in words an admin can act on.
    assertThat(Long.parseLong(firstRun.get("sessions"))).isGreaterThanOrEqualTo(5);
    String agentLog = Files.readString(agentLogs.get(0));
    assertThat(agentLog)
        .contains("Uplink to the server failed")
        .contains("could not reach the server")
        .contains("Keepalive failed")
        .containsPattern(DATABASE_AWAY)
        .doesNotContain("Something went wrong on the server");
    // The server said it could not reach either store.
    String serverLog = Files.readString(serverLogs.get(serverLogs.size() - 1));
    assertThat(serverLog)
        .contains("UplinkService/Stream unavailable")
        .containsPattern(CANNOT_PUBLISH);
  }

  // --- the processes ---

  Process startServer() throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(ServerCli.class.getName());
    cmd.add("run");
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().keySet().removeIf(k -> k.startsWith("MILLSTONE_"));
    pb.environment().putAll(serverEnvironment(dir.resolve("server"), serverPort));
    pb.redirectErrorStream(true);
    Path log = dir.resolve("server-" + serverLogs.size() + ".log");
    serverLogs.add(log);
    pb.redirectOutput(log.toFile());
    Process p = pb.start();
    started.add(p);
    return p;
  }

  Map<String, String> serverEnvironment(Path dataDir, int port) {
    Map<String, String> env = new LinkedHashMap<>(stores.serverEnvironment());
    env.put("MILLSTONE_DATA_DIR", dataDir.toString());
    env.put("MILLSTONE_HOST", "127.0.0.1");
    env.put("MILLSTONE_PORT", String.valueOf(port));
    env.put("MILLSTONE_METRICS_PORT", "0");
    env.put("MILLSTONE_DB_POOL_SIZE", "6");
    env.put("MILLSTONE_RATE_USER_PER_SECOND", "100000");
    env.put("MILLSTONE_RATE_ADDRESS_PER_SECOND", "100000");
    return env;
  }

  void awaitServing() throws Exception {
    ManagedChannel ch =
        NettyChannelBuilder.forAddress("127.0.0.1", serverPort).usePlaintext().build();
    try {
      await(
          "the server to serve",
          Duration.ofSeconds(90),
          () -> {
            assertThat(server.isAlive()).as("server process is running").isTrue();
            try {
              return HealthGrpc.newBlockingStub(ch)
                      .withDeadlineAfter(2, TimeUnit.SECONDS)
                      .check(HealthCheckRequest.getDefaultInstance())
                      .getStatus()
                  == HealthCheckResponse.ServingStatus.SERVING;
            } catch (RuntimeException e) {
              return false;
            }
          });
    } finally {
      ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  Process startAgent(Path yaml) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(
        List.of(
            "-Xmx48m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:MaxDirectMemorySize=32m"));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(EdgeAgent.class.getName());
    cmd.add("run");
    cmd.add("--config");
    cmd.add(yaml.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.redirectErrorStream(true);
    Path log = dir.resolve("agent-" + agentLogs.size() + ".log");
    agentLogs.add(log);
    pb.redirectOutput(log.toFile());
    Process p = pb.start();
    started.add(p);
    return p;
  }

  String agentYaml(int port, boolean withSource) {
    return MillSetup.agentYaml(prefix, port, withSource, INTERVAL_MS);
  }

  static final Pattern DATABASE_AWAY =
      Pattern.compile("The database (cannot be reached|is restarting)");
  static final Pattern CANNOT_PUBLISH = Pattern.compile("Could not publish live values");

  static final Pattern KEEPALIVE_FAILED = Pattern.compile("Keepalive failed");

  /** How often the running agent's log has said what {@code p} matches so far. */
  long agentSaid(Pattern p) {
    return matches(agentLogs.get(agentLogs.size() - 1), p);
  }

  /** How often the running server's log has said what {@code p} matches so far. */
  long serverSaid(Pattern p) {
    return matches(serverLogs.get(serverLogs.size() - 1), p);
  }

  /** Waits until the running agent's log says what {@code p} matches once more than before. */
  void awaitAgentSays(String what, Pattern p, long before) throws Exception {
    awaitStatus(what, s -> agentSaid(p) > before, Duration.ofSeconds(120));
  }

  /** Waits until the running server's log says what {@code p} matches once more than before. */
  void awaitServerSays(String what, Pattern p, long before) throws Exception {
    await(what, Duration.ofSeconds(120), () -> serverSaid(p) > before);
  }

  static long matches(Path log, Pattern p) {
    try {
      return Files.exists(log)
          ? p.matcher(Files.readString(log, StandardCharsets.ISO_8859_1)).results().count()
          : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * While a fault lasts, the simulator keeps numbering readings into the agent's buffer: the status
   * file shows a newer last number than when this was called.
   */
  void awaitNumberedDuring(String fault) throws Exception {
    long numbered = Long.parseLong(status().get("buffer_last_seq"));
    awaitStatus(
        "readings numbered during " + fault,
        s -> Long.parseLong(s.get("buffer_last_seq")) > numbered,
        Duration.ofSeconds(60));
  }

  // --- what the agent reports ---

  Map<String, String> status() throws IOException {
    return AgentStatusFile.read(dir.resolve("status.properties"));
  }

  static long acked(Map<String, String> s) {
    return Long.parseLong(s.getOrDefault("last_ack_seq", "0"));
  }

  long sessions() throws IOException {
    return Long.parseLong(status().get("sessions"));
  }

  interface StatusCheck {
    boolean test(Map<String, String> status);
  }

  void awaitStatus(String what, StatusCheck check, Duration within) throws Exception {
    Process running = agent;
    await(
        what,
        within,
        () -> {
          assertThat(running.isAlive()).as("agent process is running").isTrue();
          try {
            Path f = dir.resolve("status.properties");
            return Files.exists(f) && check.test(status());
          } catch (IOException e) {
            return false;
          }
        });
  }

  /**
   * After a fault heals: the agent opened a new session (when {@code sessionsBefore} is not -1),
   * and acked everything it had numbered when the fault healed.
   */
  void awaitCaughtUp(String fault, long sessionsBefore) throws Exception {
    Process running = agent;
    long target = Long.parseLong(status().get("buffer_last_seq"));
    awaitStatus(
        "the agent to catch up after: " + fault,
        s ->
            s.get("pid").equals(Long.toString(running.pid()))
                && (sessionsBefore < 0 || Long.parseLong(s.get("sessions")) > sessionsBefore)
                && acked(s) >= target,
        Duration.ofSeconds(60));
  }

  // --- the live feed a user sees ---

  /** Collects what a Watch stream delivers. */
  static final class WatchRecorder implements StreamObserver<WatchUpdate> {
    final AtomicReference<Instant> newest = new AtomicReference<>(Instant.EPOCH);
    final java.util.concurrent.atomic.AtomicLong updates =
        new java.util.concurrent.atomic.AtomicLong();
    volatile Throwable error;

    @Override
    public void onNext(WatchUpdate u) {
      updates.incrementAndGet();
      for (TagValue v : u.getValuesList()) {
        Instant at =
            Instant.ofEpochSecond(v.getSourceTime().getSeconds(), v.getSourceTime().getNanos());
        newest.accumulateAndGet(at, (a, b) -> a.isAfter(b) ? a : b);
      }
    }

    @Override
    public void onError(Throwable t) {
      error = t;
    }

    @Override
    public void onCompleted() {}

    Instant newestSourceTime() {
      assertThat(error).as("the Watch stream is still open").isNull();
      return newest.get();
    }
  }

  /** Opens a Watch, as a screen does, and returns the newest time in its first picture. */
  Instant snapshotNewest() {
    WatchRecorder r = new WatchRecorder();
    var call = io.grpc.Context.current().withCancellation();
    try {
      call.run(
          () ->
              MillSetup.withToken(watchToken, MonitorServiceGrpc.newStub(adminChannel))
                  .watch(WatchRequest.getDefaultInstance(), r));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (r.updates.get() == 0 && r.error == null && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      return r.error != null ? Instant.EPOCH : r.newest.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Instant.EPOCH;
    } finally {
      call.cancel(null);
    }
  }

  WatchRecorder watch() {
    adminChannel = NettyChannelBuilder.forAddress("127.0.0.1", serverPort).usePlaintext().build();
    String token = MillSetup.login(adminChannel, adminUser);
    watchToken = token;
    WatchRecorder r = new WatchRecorder();
    MillSetup.withToken(token, MonitorServiceGrpc.newStub(adminChannel))
        .watch(WatchRequest.getDefaultInstance(), r);
    return r;
  }

  // --- what PostgreSQL holds ---

  record Counted(long rows, long distinct, long missing, long duplicated, long quarantined) {}

  Counted count(long generated) throws Exception {
    try (Connection c = stores.ownerConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT (SELECT count(*) FROM reading WHERE device_id = ?),"
                    + " (SELECT count(DISTINCT seq) FROM reading WHERE device_id = ?),"
                    + " (SELECT count(*) FROM generate_series(1, ?::bigint) g(seq) WHERE NOT EXISTS"
                    + "   (SELECT 1 FROM reading r WHERE r.device_id = ? AND r.seq = g.seq)),"
                    + " (SELECT count(*) FROM (SELECT seq FROM reading WHERE device_id = ?"
                    + "   GROUP BY seq HAVING count(*) > 1) d),"
                    + " (SELECT count(*) FROM reading_quarantine WHERE device_id = ?)")) {
      UUID id = UUID.fromString(deviceId);
      ps.setObject(1, id);
      ps.setObject(2, id);
      ps.setLong(3, generated);
      ps.setObject(4, id);
      ps.setObject(5, id);
      ps.setObject(6, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Counted(
            rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
      }
    }
  }

  // --- set-up, as an admin does it ---

  /** Migrates the stores with a short-lived server node in this JVM, which the admin then uses. */
  Path setUpCompanyMachineAndAgent() throws Exception {
    MillstoneConfig cfg =
        MillstoneConfig.load(Optional.empty(), serverEnvironment(dir.resolve("setup"), 0));
    Path yaml = dir.resolve("agent.yaml");
    try (Platform platform = Platform.start(cfg, MillstoneServer.entities(), null)) {
      MillstoneServer node =
          new MillstoneServer(
              NettyTransport.builder(cfg, InsecureServerCredentials.create()), platform, null);
      node.start();
      try {
        MillSetup.Enrolled e = MillSetup.enrol(node, prefix, yaml, agentYaml(serverPort, true));
        adminUser = e.adminUser();
        deviceId = e.deviceId();
      } finally {
        node.grpcServer().shutdownNow();
        node.stop();
      }
    }
    return yaml;
  }

  static void await(String what, Duration within, BooleanSupplier done) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + within.toSeconds() + " s for " + what);
      }
      Thread.sleep(100);
    }
  }

  static List<Path> concat(List<Path> a, List<Path> b) {
    List<Path> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  static long secondsSince(long nanos) {
    return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - nanos);
  }
}
