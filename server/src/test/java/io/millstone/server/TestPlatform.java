package io.millstone.server;

import io.millstone.server.platform.MillstoneConfig;
import io.millstone.server.platform.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One real PostgreSQL and one real Redis (embedded, in a fresh directory) for the whole test JVM:
 * starting them takes seconds, so test classes share them and keep apart by creating their own
 * companies and users.
 */
public final class TestPlatform {
  private static Platform platform;

  private TestPlatform() {}

  /** The settings tests run with: generous limits, so only the tests about limits meet them. */
  public static MillstoneConfig.Builder config(Path dataDir) {
    return MillstoneConfig.builder()
        .dataDir(dataDir)
        .metricsPort(0)
        .userCallsPerSecond(100_000)
        .addressCallsPerSecond(100_000)
        .loginAttemptsPerAddressPerMinute(100_000)
        .sessionCacheTtl(Duration.ofSeconds(30))
        .dbPoolSize(8);
  }

  /** The version of the newest migration the server ships (what a migrated schema is at). */
  public static int latestMigration() {
    try (var files =
        Files.list(
            Path.of(TestPlatform.class.getClassLoader().getResource("db/migration").toURI()))) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.matches("V\\d+__.*\\.sql"))
          .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
          .max()
          .orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static synchronized Platform get() {
    if (platform == null) {
      try {
        Path dir = Files.createTempDirectory(Path.of("target"), "test-stores-");
        platform =
            Platform.start(config(dir.toAbsolutePath()).build(), MillstoneServer.entities(), null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
    }
    return platform;
  }
}
