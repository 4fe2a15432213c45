package io.millstone.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ClientInterceptor;
import io.millstone.agent.config.AgentConfig;
import io.millstone.agent.config.DeviceCredential;
import io.millstone.agent.config.SourceConfig;
import io.millstone.agent.uplink.LossyLink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The agent against a real server on loopback, with a real SQLite buffer: simulator readings arrive
 * in PostgreSQL exactly once through agent restarts, server restarts and lost messages. "Generated"
 * is every sequence number the buffer handed out; "stored" is what the server holds.
 */
class AgentStreamingTest {
  @TempDir Path dir;
  TestMill mill;
  String prefix;

  @BeforeEach
  void setUp() {
    mill = new TestMill();
    prefix = "m" + UUID.randomUUID().toString().substring(0, 8);
    mill.simulatedMachine(prefix);
  }

  @AfterEach
  void tearDown() {
    mill.close();
  }

  AgentConfig config() {
    return AgentConfig.builder()
        .server(mill.address())
        .credentialFile(dir.resolve("device.credentials"))
        .bufferFile(dir.resolve("buffer.db"))
        .statusFile(dir.resolve("status.properties"))
        .batchSize(200)
        .addSource(
            SourceConfig.builder("simulator", prefix)
                .interval(Duration.ofMillis(20))
                .option("seed", 42)
                .build())
        .build();
  }

  Agent agent(DeviceCredential device, List<ClientInterceptor> faults) {
    return unstarted(device, faults).start();
  }

  Agent unstarted(DeviceCredential device, List<ClientInterceptor> faults) {
    return new Agent(config(), device, "test", faults, Duration.ofSeconds(2));
  }

  /**
   * More readings than {@link #assertStoredExactlyOnce} asks for: counted by the buffer, not by a
   * clock, so a slow machine only takes longer.
   */
  static final long ENOUGH = 150;

  static void awaitNumbered(Agent a, long atLeast) throws InterruptedException {
    await(
        "the simulator to number " + atLeast + " readings",
        Duration.ofSeconds(60),
        () -> a.buffer().lastSeq() >= atLeast);
  }

  static void await(String what, Duration timeout, BooleanSupplier done)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      Thread.sleep(50);
    }
  }

  /** Stops reading, lets the uplink empty the buffer, and returns how many readings were made. */
  static long drain(Agent a) throws InterruptedException {
    a.stopSources();
    await("the buffer to drain", Duration.ofSeconds(60), () -> a.buffer().depth() == 0);
    return a.buffer().lastSeq();
  }

  void assertStoredExactlyOnce(String deviceId, long generated, String scenario) {
    TestMill.Stored s = mill.stored(deviceId);
    System.out.printf(
        "%s: generated=%d stored=%d distinct=%d duplicated=%d lost=%d quarantined=%d%n",
        scenario,
        generated,
        s.rows(),
        s.distinctSeqs(),
        s.rows() - s.distinctSeqs(),
        generated - s.distinctSeqs(),
        s.quarantined());
    assertThat(generated).as("readings generated").isGreaterThan(100);
    assertThat(s.quarantined()).as("readings the server refused").isZero();
    assertThat(s.noDuplicates()).as("no reading stored twice").isTrue();
    assertThat(s.rows()).as("every generated reading stored").isEqualTo(generated);
    assertThat(s.minSeq()).isEqualTo(1);
    assertThat(s.maxSeq()).isEqualTo(generated);
  }

  @Test
  void anAgentEnrolledFromTheCommandLineStreamsSimulatorReadingsThatAreStoredExactlyOnce()
      throws Exception {
    Path creds = dir.resolve("device.credentials");
    String token = mill.deviceToken("floor-pc-" + prefix);
    java.io.InputStream stdin = System.in;
    int exit;
    try {
      // The token piped in, as an admin does with: cat token.txt | millstone-agent enroll ...
      System.setIn(new java.io.ByteArrayInputStream((token + "\n").getBytes()));
      exit =
          new CommandLine(new EdgeAgent())
              .execute(
                  "enroll",
                  "--server",
                  mill.address(),
                  "--token-file",
                  "-",
                  "--credentials",
                  creds.toString());
    } finally {
      System.setIn(stdin);
    }
    assertThat(exit).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(creds)))
        .isEqualTo("rw-------");
    DeviceCredential device = DeviceCredential.read(creds);

    long generated;
    try (Agent a = agent(device, List.of())) {
      await("a first ack", Duration.ofSeconds(30), () -> a.uplinkStatus().lastAckedSeq() > 0);
      awaitNumbered(a, ENOUGH);
      generated = drain(a);
      assertThat(a.uplinkStatus().connected()).isTrue();
      assertThat(a.uplinkStatus().lastAckedSeq()).isEqualTo(generated);
      assertThat(a.uplinkStatus().clockSkewed()).as("same machine, same clock").isFalse();
      assertThat(a.buffer().dropped()).isZero();
      System.out.println(
          "test JVM (agent and server together) VmRSS kB: " + AgentStatusFile.residentKb());
    }
    assertStoredExactlyOnce(device.deviceId(), generated, "stream");
    assertThat(mill.storedValue(device.deviceId(), 1)).isNotNull();
  }

  @Test
  void readingsBufferedBeforeAnAgentRestartAreSentAfterItOnceAndNumberingContinues()
      throws Exception {
    DeviceCredential device = mill.enrolledDevice("restart-" + prefix);
    long unackedAtClose;
    long lastBefore;
    try (Agent first = agent(device, List.of())) {
      await("a first ack", Duration.ofSeconds(30), () -> first.uplinkStatus().lastAckedSeq() > 0);
      mill.stopServer(); // the first agent keeps reading into its buffer
      await("the agent to notice", Duration.ofSeconds(30), () -> !first.uplinkStatus().connected());
      // Nothing can be acked any more: what is numbered from here on stays in the buffer.
      long numberedWhenDown = first.buffer().lastSeq();
      await(
          "readings numbered while the server is down",
          Duration.ofSeconds(30),
          () -> first.buffer().lastSeq() > numberedWhenDown);
      first.stopSources();
      unackedAtClose = first.buffer().depth();
      lastBefore = first.buffer().lastSeq();
    }
    assertThat(unackedAtClose).as("readings waiting in the buffer at close").isPositive();
    mill.startServer(mill.port());

    long generated;
    try (Agent second = unstarted(device, List.of())) {
      // Looked at before it starts: once started, it reads and sends at once.
      assertThat(second.buffer().depth()).isEqualTo(unackedAtClose);
      second.start();
      awaitNumbered(second, Math.max(ENOUGH, lastBefore + 1));
      generated = drain(second);
      assertThat(generated).as("the second run numbers after the first").isGreaterThan(lastBefore);
    }
    assertStoredExactlyOnce(device.deviceId(), generated, "agent restart");
  }

  @Test
  void afterTheServerIsStoppedAndStartedAgainTheAgentReconnectsAndEverythingArrivesOnce()
      throws Exception {
    DeviceCredential device = mill.enrolledDevice("server-restart-" + prefix);
    long generated;
    try (Agent a = agent(device, List.of())) {
      await("a first ack", Duration.ofSeconds(30), () -> a.uplinkStatus().lastAckedSeq() > 0);
      mill.stopServer();
      await("the agent to notice", Duration.ofSeconds(30), () -> !a.uplinkStatus().connected());
      long numberedWhenDown = a.buffer().lastSeq();
      await(
          "readings numbered while the server is down",
          Duration.ofSeconds(30),
          () -> a.buffer().lastSeq() > numberedWhenDown);
      long buffered = a.buffer().depth();
      mill.startServer(mill.port());
      await("a reconnection", Duration.ofSeconds(60), () -> a.uplinkStatus().connected());
      awaitNumbered(a, ENOUGH);
      generated = drain(a);
      assertThat(buffered).as("readings buffered while the server was down").isPositive();
      assertThat(a.uplinkStatus().sessions()).isGreaterThanOrEqualTo(2);
    }
    assertStoredExactlyOnce(device.deviceId(), generated, "server restart");
  }

  @Test
  void aBatchLostOnTheWayToTheServerIsResentInOrderAndStoredOnce() throws Exception {
    DeviceCredential device = mill.enrolledDevice("lost-batch-" + prefix);
    LossyLink link = LossyLink.losingBatch(3);
    long generated;
    try (Agent a = agent(device, List.of(link))) {
      await(
          "the third batch to be lost", Duration.ofSeconds(30), () -> !link.lostBatches.isEmpty());
      awaitNumbered(a, ENOUGH);
      generated = drain(a);
      assertThat(a.uplinkStatus().sessions())
          .as("a new stream after the silence")
          .isGreaterThanOrEqualTo(2);
    }
    assertThat(link.compressors).as("every stream gzip-compressed").containsOnly("gzip");
    assertThat(link.lostBatches).hasSize(1);
    long lost = link.lostBatches.get(0);
    assertThat(link.batchStarts.stream().filter(s -> s == lost))
        .as("the lost batch was sent again")
        .hasSize(2);
    assertStoredExactlyOnce(device.deviceId(), generated, "lost batch");
  }

  @Test
  void aBatchWhoseAckIsLostIsNeitherLostNorStoredTwice() throws Exception {
    DeviceCredential device = mill.enrolledDevice("lost-ack-" + prefix);
    LossyLink link = LossyLink.losingAck(3);
    long generated;
    try (Agent a = agent(device, List.of(link))) {
      await("the third ack to be lost", Duration.ofSeconds(30), () -> !link.lostAcks.isEmpty());
      awaitNumbered(a, ENOUGH);
      generated = drain(a);
      assertThat(a.uplinkStatus().sessions()).isGreaterThanOrEqualTo(2);
    }
    assertThat(link.lostAcks).hasSize(1);
    // The server committed the batch before its ack was lost; on the new stream its Welcome says
    // so, and the agent deletes the batch instead of sending it again.
    assertStoredExactlyOnce(device.deviceId(), generated, "lost ack");
  }
}
