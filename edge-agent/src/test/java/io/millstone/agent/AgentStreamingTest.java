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
    return new Agent(config(), device, "test", faults, Duration.ofSeconds(2)).start();
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
      Thread.sleep(3000);
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
      Thread.sleep(1000);
      mill.stopServer(); // the first agent keeps reading into its buffer
      Thread.sleep(1500);
      first.stopSources();
      unackedAtClose = first.buffer().depth();
      lastBefore = first.buffer().lastSeq();
    }
    assertThat(unackedAtClose).as("readings waiting in the buffer at close").isPositive();
    mill.startServer(mill.port());

    long generated;
    try (Agent second = agent(device, List.of())) {
      assertThat(second.buffer().depth()).isEqualTo(unackedAtClose);
      Thread.sleep(1000);
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
      Thread.sleep(2000);
      long buffered = a.buffer().depth();
      mill.startServer(mill.port());
      await("a reconnection", Duration.ofSeconds(60), () -> a.uplinkStatus().connected());
      Thread.sleep(500);
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
      Thread.sleep(2000);
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
      Thread.sleep(2000);
      generated = drain(a);
      assertThat(a.uplinkStatus().sessions()).isGreaterThanOrEqualTo(2);
    }
    assertThat(link.lostAcks).hasSize(1);
    // The server committed the batch before its ack was lost; on the new stream its Welcome says
    // so, and the agent deletes the batch instead of sending it again.
    assertStoredExactlyOnce(device.deviceId(), generated, "lost ack");
  }
}
