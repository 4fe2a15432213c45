package io.millstone.server.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MillstoneConfigTest {
  @TempDir Path dir;

  @Test
  void withNothingConfiguredTheServerListensOnLoopbackWithEmbeddedStores() {
    MillstoneConfig c = MillstoneConfig.load(Optional.empty(), Map.of());
    assertThat(c.host()).isEqualTo("127.0.0.1");
    assertThat(c.port()).isEqualTo(50051);
    assertThat(c.metricsHost()).isEqualTo("127.0.0.1");
    assertThat(c.metricsPort()).isEqualTo(9464);
    assertThat(c.dbUrl()).isEmpty();
    assertThat(c.redisUrl()).isEmpty();
    assertThat(c.dataDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".millstone"));
  }

  @Test
  void theEnvironmentOverridesTheFile() throws IOException {
    Path file = dir.resolve("server.conf");
    Files.writeString(
        file, "port=6000\ndb.url=jdbc:postgresql://db/x\nsession.idle.timeout=PT1H\n");

    MillstoneConfig c =
        MillstoneConfig.load(
            Optional.of(file),
            Map.of(
                "MILLSTONE_PORT", "7000", "MILLSTONE_REDIS_URL", "redis://r:6379", "PATH", "/bin"));

    assertThat(c.port()).isEqualTo(7000);
    assertThat(c.dbUrl()).contains("jdbc:postgresql://db/x");
    assertThat(c.redisUrl()).contains("redis://r:6379");
    assertThat(c.sessionIdleTimeout()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void reportsReadTheServersOwnDatabaseUnlessAReportConnectionIsSet() {
    MillstoneConfig plain = MillstoneConfig.load(Optional.empty(), Map.of());
    assertThat(plain.reportDbUrl()).isEmpty();
    assertThat(plain.reportDbPoolSize()).isEqualTo(4);

    MillstoneConfig replica =
        MillstoneConfig.load(
            Optional.empty(),
            Map.of(
                "MILLSTONE_REPORT_DB_URL", "jdbc:postgresql://replica/m?password=secret",
                "MILLSTONE_REPORT_DB_USER", "millstone_report",
                "MILLSTONE_REPORT_DB_POOL_SIZE", "2"));
    assertThat(replica.reportDbUrl()).contains("jdbc:postgresql://replica/m?password=secret");
    assertThat(replica.reportDbUser()).contains("millstone_report");
    assertThat(replica.reportDbPoolSize()).isEqualTo(2);
    assertThat(replica.toString())
        .contains("report.db=jdbc:postgresql://replica/m?password=***")
        .doesNotContain("secret");
    assertThat(replica.toBuilder().build().reportDbUrl()).isEqualTo(replica.reportDbUrl());
  }

  @Test
  void aMisspeltSettingStopsTheStartInsteadOfBeingIgnored() throws IOException {
    Path file = dir.resolve("server.conf");
    Files.writeString(file, "db.ulr=jdbc:postgresql://db/x\n");
    assertThatThrownBy(() -> MillstoneConfig.load(Optional.of(file), Map.of()))
        .hasMessageContaining("db.ulr");
    assertThatThrownBy(
            () -> MillstoneConfig.load(Optional.empty(), Map.of("MILLSTONE_DB_ULR", "jdbc:x")))
        .hasMessageContaining("MILLSTONE_DB_ULR");
  }

  @Test
  void theDemoIsOffUnlessTheSettingSaysTrueAndAMistypedValueStopsTheStart() throws IOException {
    assertThat(MillstoneConfig.load(Optional.empty(), Map.of()).demo()).isFalse();
    Path file = dir.resolve("server.conf");
    Files.writeString(file, "demo=true\n");
    assertThat(MillstoneConfig.load(Optional.of(file), Map.of()).demo()).isTrue();
    assertThat(MillstoneConfig.load(Optional.of(file), Map.of("MILLSTONE_DEMO", "false")).demo())
        .isFalse();
    assertThatThrownBy(
            () -> MillstoneConfig.load(Optional.empty(), Map.of("MILLSTONE_DEMO", "yes please")))
        .hasMessageContaining("demo")
        .hasMessageContaining("true or false");
  }

  @Test
  void scheduledBackupsAreOffUntilADirectoryIsGivenAndTakeShortIntervals() throws IOException {
    assertThat(MillstoneConfig.load(Optional.empty(), Map.of()).backupDir()).isEmpty();
    Path file = dir.resolve("server.conf");
    Files.writeString(
        file, "backup.dir=/var/backups/millstone\nbackup.interval=12h\nbackup.keep=3\n");

    MillstoneConfig c = MillstoneConfig.load(Optional.of(file), Map.of());

    assertThat(c.backupDir()).contains(Path.of("/var/backups/millstone"));
    assertThat(c.backupInterval()).isEqualTo(java.time.Duration.ofHours(12));
    assertThat(c.backupKeep()).isEqualTo(3);
    assertThat(
            MillstoneConfig.load(Optional.empty(), Map.of("MILLSTONE_BACKUP_INTERVAL", "P1D"))
                .backupInterval())
        .isEqualTo(java.time.Duration.ofDays(1));
    assertThatThrownBy(
            () -> MillstoneConfig.load(Optional.empty(), Map.of("MILLSTONE_BACKUP_KEEP", "0")))
        .hasMessageContaining("backup.keep");
  }

  @Test
  void aBadValueNamesTheSetting() {
    assertThatThrownBy(
            () -> MillstoneConfig.load(Optional.empty(), Map.of("MILLSTONE_PORT", "fifty")))
        .hasMessageContaining("port");
  }

  @Test
  void passwordsNeverAppearInItsDescription() {
    MillstoneConfig c =
        MillstoneConfig.builder()
            .dbUrl("jdbc:postgresql://db/x")
            .dbPassword("s3cret-db")
            .redisUrl("redis://:s3cret-redis@r:6379")
            .build();
    assertThat(c.toString()).doesNotContain("s3cret");
  }
}
