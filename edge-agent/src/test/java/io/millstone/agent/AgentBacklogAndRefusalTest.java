package io.millstone.agent;

import static io.millstone.agent.AgentStreamingTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.agent.buffer.ReadingBuffer;
import io.millstone.agent.buffer.Sample;
import io.millstone.agent.config.AgentConfig;
import io.millstone.agent.config.DeviceCredential;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server and buffer in the situations after an outage or a mistake: a large backlog, tags
 * the server does not know, a revoked device.
 */
class AgentBacklogAndRefusalTest {
  @TempDir Path dir;
  TestMill mill;
  String prefix;

  @BeforeEach
  void setUp() {
    mill = new TestMill();
    prefix = "b" + UUID.randomUUID().toString().substring(0, 8);
    mill.simulatedMachine(prefix);
  }

  @AfterEach
  void tearDown() {
    mill.close();
  }

  AgentConfig config(int batchSize) {
    return AgentConfig.builder()
        .server(mill.address())
        .credentialFile(dir.resolve("device.credentials"))
        .bufferFile(dir.resolve("buffer.db"))
        .statusFile(dir.resolve("status.properties"))
        .batchSize(batchSize)
        .build();
  }

  /** Readings of the last hour, as a buffer holds them after an outage. */
  void fill(int n, String tag) {
    try (ReadingBuffer b = ReadingBuffer.open(dir.resolve("buffer.db"))) {
      Instant start = Instant.now().minus(Duration.ofHours(1));
      List<Sample> chunk = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        chunk.add(Sample.good(tag, start.plusMillis(i * 50L), String.valueOf(4 + i % 20 / 10.0)));
        if (chunk.size() == 1000) {
          b.append(chunk);
          chunk.clear();
        }
      }
      b.append(chunk);
    }
  }

  @Test
  void aBacklogOfFiftyThousandReadingsDrainsInFullBatchesExactlyOnce() throws Exception {
    DeviceCredential device = mill.enrolledDevice("backlog-" + prefix);
    fill(50_000, prefix + ".mill_speed");
    long started = System.nanoTime();
    try (Agent a = new Agent(config(5000), device, "test", List.of(), null).start()) {
      await("the backlog to drain", Duration.ofSeconds(120), () -> a.buffer().depth() == 0);
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          "backlog: 50000 readings drained in %.1f s (%.0f readings/s end to end)%n",
          seconds, 50_000 / seconds);
      assertThat(a.uplinkStatus().readingsAccepted()).isEqualTo(50_000);
      assertThat(a.uplinkStatus().sessions()).isEqualTo(1);
    }
    TestMill.Stored s = mill.stored(device.deviceId());
    assertThat(s.rows()).isEqualTo(50_000);
    assertThat(s.noDuplicates()).isTrue();
  }

  @Test
  void readingsForATagTheServerDoesNotKnowAreQuarantinedCountedAndDoNotBlockTheRest()
      throws Exception {
    DeviceCredential device = mill.enrolledDevice("unknown-" + prefix);
    try (ReadingBuffer b = ReadingBuffer.open(dir.resolve("buffer.db"))) {
      Instant now = Instant.now();
      b.append(
          List.of(
              Sample.good(prefix + ".mill_speed", now, "5.1"),
              Sample.good(prefix + ".no_such_signal", now, "1"),
              Sample.good(prefix + ".mill_speed", now.plusMillis(1), "5.2")));
    }
    try (Agent a = new Agent(config(1000), device, "test", List.of(), null).start()) {
      await("the buffer to drain", Duration.ofSeconds(30), () -> a.buffer().depth() == 0);
      assertThat(a.uplinkStatus().readingsAccepted()).isEqualTo(2);
      assertThat(a.uplinkStatus().readingsRejected()).isEqualTo(1);
    }
    TestMill.Stored s = mill.stored(device.deviceId());
    assertThat(s.rows()).isEqualTo(2);
    assertThat(s.quarantined()).isEqualTo(1);
  }

  @Test
  void aRevokedDeviceKeepsItsReadingsBufferedAndSaysToEnrolAgain() throws Exception {
    DeviceCredential device = mill.enrolledDevice("revoked-" + prefix);
    mill.revoke(device.deviceId());
    fill(100, prefix + ".mill_speed");
    try (Agent a = new Agent(config(1000), device, "test", List.of(), null).start()) {
      await("two refused attempts", Duration.ofSeconds(30), () -> a.uplinkStatus().sessions() >= 2);
      assertThat(a.uplinkStatus().connected()).isFalse();
      assertThat(a.uplinkStatus().lastError()).get().asString().contains("enrol the agent again");
      assertThat(a.buffer().depth()).isEqualTo(100);
    }
    assertThat(mill.stored(device.deviceId()).rows()).isZero();
  }
}
