package io.millstone.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.millstone.agent.buffer.ReadingBuffer;
import io.millstone.agent.buffer.Sample;
import io.millstone.agent.config.DeviceCredential;
import io.millstone.agent.uplink.Channels;
import io.millstone.agent.uplink.UplinkClient;
import io.millstone.agent.uplink.UplinkStatus;
import io.millstone.server.MillstoneServer;
import io.millstone.server.cli.NettyTransport;
import io.millstone.server.cli.Tls;
import io.millstone.server.platform.MillstoneConfig;
import io.millstone.server.platform.Platform;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The uplink against a real server: it warns when this PC's clock is off, and over TLS it talks
 * only to the server whose certificate it pins.
 */
class UplinkClockAndTlsTest {
  @TempDir Path dir;

  static List<Sample> samples(String tag, int n) {
    List<Sample> out = new ArrayList<>();
    Instant now = Instant.now();
    for (int i = 0; i < n; i++) {
      out.add(Sample.good(tag, now.minusMillis(n - i), "5." + i % 10));
    }
    return out;
  }

  static void await(Duration timeout, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out");
      }
      Thread.sleep(50);
    }
  }

  @Test
  void anAgentWhoseClockIsAMinuteBehindIsToldSoAndStillDeliversItsReadings() throws Exception {
    try (UplinkFixture f = new UplinkFixture(dir);
        ReadingBuffer buffer = ReadingBuffer.open(dir.resolve("skew.db"))) {
      buffer.append(samples(f.tag, 50));
      Clock behind = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-1));
      ManagedChannel ch = Channels.open("127.0.0.1", f.mill.port(), Optional.empty());
      UplinkClient up =
          new UplinkClient(
              ch, f.device, buffer, UplinkClient.Options.defaults("test"), behind, List.of());
      try {
        up.start();
        await(Duration.ofSeconds(30), () -> buffer.depth() == 0);
        UplinkStatus s = up.status();
        assertThat(s.clockSkewed()).isTrue();
        assertThat(s.clockSkew())
            .get()
            .satisfies(d -> assertThat(d.toSeconds()).isBetween(55L, 65L));
      } finally {
        up.close();
        ch.shutdownNow();
      }
      assertThat(f.mill.stored(f.device.deviceId()).rows()).isEqualTo(50);
    }
  }

  @Test
  void overTlsTheAgentStreamsToThePinnedServerAndRefusesAnyOtherCertificate() throws Exception {
    try (UplinkFixture f = new UplinkFixture(dir)) {
      MillstoneConfig tlsConfig =
          TestMill.platform().config().toBuilder()
              .host("127.0.0.1")
              .port(0)
              .tlsOnLoopback(true)
              .dataDir(dir.resolve("tls-node"))
              .build();
      Tls.Listening listening = Tls.credentialsFor(tlsConfig);
      assertThat(listening.tls()).isTrue();
      Platform platform = TestMill.platform();
      MillstoneServer tlsNode =
          new MillstoneServer(
              NettyTransport.builder(tlsConfig, listening.credentials()), platform, null);
      tlsNode.start();
      int port = tlsNode.grpcServer().getPort();
      try {
        String wrongPin = "00".repeat(32);
        try (ReadingBuffer buffer = ReadingBuffer.open(dir.resolve("wrong.db"))) {
          buffer.append(samples(f.tag, 10));
          ManagedChannel ch = Channels.open("localhost", port, Optional.of(wrongPin));
          UplinkClient up =
              new UplinkClient(
                  ch,
                  f.device,
                  buffer,
                  UplinkClient.Options.defaults("test"),
                  Clock.systemUTC(),
                  List.of());
          try {
            up.start();
            await(Duration.ofSeconds(20), () -> up.status().sessions() >= 2);
            assertThat(up.status().connected()).isFalse();
            assertThat(buffer.depth()).as("nothing sent to an unpinned server").isEqualTo(10);
          } finally {
            up.close();
            ch.shutdownNow();
          }
        }
        assertThat(f.mill.stored(f.device.deviceId()).rows()).isZero();

        try (ReadingBuffer buffer = ReadingBuffer.open(dir.resolve("wrong.db"))) {
          ManagedChannel ch =
              Channels.open(
                  "localhost", port, Optional.of(listening.fingerprint().replace(":", "")));
          UplinkClient up =
              new UplinkClient(
                  ch,
                  f.device,
                  buffer,
                  UplinkClient.Options.defaults("test"),
                  Clock.systemUTC(),
                  List.of());
          try {
            up.start();
            await(Duration.ofSeconds(30), () -> buffer.depth() == 0);
          } finally {
            up.close();
            ch.shutdownNow();
          }
        }
        assertThat(f.mill.stored(f.device.deviceId()).rows()).isEqualTo(10);
      } finally {
        tlsNode.grpcServer().shutdownNow();
        tlsNode.stop();
        TimeUnit.MILLISECONDS.sleep(10);
      }
    }
  }

  /** A test mill with one numeric tag and an enrolled device. */
  static final class UplinkFixture implements AutoCloseable {
    final TestMill mill;
    final String tag;
    final DeviceCredential device;

    UplinkFixture(Path dir) {
      mill = new TestMill();
      String prefix = "u" + java.util.UUID.randomUUID().toString().substring(0, 8);
      mill.simulatedMachine(prefix);
      tag = prefix + ".mill_speed";
      device = mill.enrolledDevice("uplink-" + prefix);
    }

    @Override
    public void close() {
      mill.close();
    }
  }
}
