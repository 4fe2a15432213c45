package io.millstone.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millstone.agent.uplink.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** agent.yaml as an engineer writes it, and the mistakes they are told about. */
class AgentConfigTest {
  @TempDir Path dir;

  @Test
  void aFullAgentYamlIsReadWithPathsRelativeToTheFile() throws Exception {
    Path yaml = dir.resolve("agent.yaml");
    Files.writeString(
        yaml,
        """
        server: erp.mill.local:7443
        tls:
          fingerprint: "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89"
        credentials: secret/device.credentials
        buffer:
          path: data/buffer.db
          max_readings: 1_000_000
          min_free_mb: 64
        uplink:
          batch_size: 2000
          max_clock_skew: 3s
        sources:
          - type: simulator
            name: mill1
            interval: 500ms
            seed: 42
            tags:
              mill_speed: mill1.speed
        """);

    AgentConfig c = AgentConfig.load(yaml);

    assertThat(c.host()).isEqualTo("erp.mill.local");
    assertThat(c.port()).isEqualTo(7443);
    assertThat(c.tlsFingerprint()).contains("abcdef0123456789".repeat(4));
    assertThat(c.credentialFile()).isEqualTo(dir.resolve("secret/device.credentials"));
    assertThat(c.bufferFile()).isEqualTo(dir.resolve("data/buffer.db"));
    assertThat(c.bufferLimits().maxReadings()).isEqualTo(1_000_000);
    assertThat(c.bufferLimits().minFreeBytes()).isEqualTo(64L << 20);
    assertThat(c.batchSize()).isEqualTo(2000);
    assertThat(c.maxClockSkew()).isEqualTo(Duration.ofSeconds(3));
    assertThat(c.sources())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.type()).isEqualTo("simulator");
              assertThat(s.interval()).isEqualTo(Duration.ofMillis(500));
              assertThat(s.longOption("seed", 0)).isEqualTo(42);
              assertThat(s.tags()).containsEntry("mill_speed", "mill1.speed");
            });
  }

  @Test
  void theDefaultBufferHoldsAtLeastSevenDaysAtAThousandReadingsASecond() throws Exception {
    Path yaml = dir.resolve("agent.yaml");
    Files.writeString(yaml, "server: 127.0.0.1:7443\n");
    assertThat(AgentConfig.load(yaml).bufferLimits().maxReadings())
        .isGreaterThanOrEqualTo(7L * 24 * 3600 * 1000);
  }

  @Test
  void aMistypedSettingIsNamedInsteadOfIgnored() throws Exception {
    Path yaml = dir.resolve("agent.yaml");
    Files.writeString(yaml, "server: 127.0.0.1:7443\nbuffer:\n  max_reading: 5\n");
    assertThatThrownBy(() -> AgentConfig.load(yaml))
        .hasMessageContaining("unknown setting 'max_reading' in buffer");
    Files.writeString(yaml, "server: erp.mill.local\n");
    assertThatThrownBy(() -> AgentConfig.load(yaml)).hasMessageContaining("HOST:PORT");
  }

  @Test
  void aServerOffThisMachineNeedsAPinnedCertificate() {
    assertThatThrownBy(() -> Channels.open("192.0.2.10", 7443, Optional.empty()))
        .hasMessageContaining("tls.fingerprint");
  }

  @Test
  void theCredentialIsWrittenReadableByItsOwnerOnly() throws Exception {
    Path file = dir.resolve("creds/device.credentials");
    new DeviceCredential("0190f3a0-0000-7000-8000-000000000001", "s3cret").write(file);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(DeviceCredential.read(file).authorization())
        .isEqualTo("Device 0190f3a0-0000-7000-8000-000000000001.s3cret");
  }
}
