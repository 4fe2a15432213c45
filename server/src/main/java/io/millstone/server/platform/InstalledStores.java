package io.millstone.server.platform;

import java.io.IOException;
import java.util.Optional;

/**
 * The stores of this installation as an admin command reaches them: external ones from the
 * configuration; embedded ones through the run file of the server that has them running, or, when
 * asked to and no server runs, started by the command itself (never a second PostgreSQL on the same
 * data directory: PostgreSQL refuses that too).
 */
public final class InstalledStores implements AutoCloseable {
  private final DatabaseSettings database;
  private final String redisUrl;
  private final String origin;
  private final EmbeddedStores startedHere;

  private InstalledStores(
      DatabaseSettings database, String redisUrl, String origin, EmbeddedStores startedHere) {
    this.database = database;
    this.redisUrl = redisUrl;
    this.origin = origin;
    this.startedHere = startedHere;
  }

  /** Reaches what is reachable without starting anything; a missing part is empty. */
  public static InstalledStores attach(MillstoneConfig config) throws IOException {
    Optional<EmbeddedStores.Running> running =
        config.dbUrl().isPresent() && config.redisUrl().isPresent()
            ? Optional.empty()
            : EmbeddedStores.running(config);
    DatabaseSettings db =
        config.dbUrl().isPresent()
            ? Platform.externalDatabase(config)
            : running.map(EmbeddedStores.Running::databaseSettings).orElse(null);
    String redis =
        config.redisUrl().or(() -> running.map(EmbeddedStores.Running::redisUrl)).orElse(null);
    return new InstalledStores(db, redis, origin(config, running), null);
  }

  /**
   * Reaches the database, starting the embedded one (and, if {@code redisNeeded}, Redis) when the
   * installation uses embedded stores and no server of it is running.
   */
  public static InstalledStores attachOrStart(MillstoneConfig config, boolean redisNeeded)
      throws IOException {
    InstalledStores attached = attach(config);
    if (attached.database != null && (!redisNeeded || attached.redisUrl != null)) {
      return attached;
    }
    EmbeddedStores started =
        EmbeddedStores.start(
            config, attached.database == null, redisNeeded && attached.redisUrl == null);
    return new InstalledStores(
        attached.database != null ? attached.database : started.databaseSettings(),
        attached.redisUrl != null ? attached.redisUrl : started.redisUrl(),
        "embedded, started by this command (no server is running on " + config.dataDir() + ")",
        started);
  }

  private static String origin(MillstoneConfig config, Optional<EmbeddedStores.Running> running) {
    if (config.dbUrl().isPresent() && config.redisUrl().isPresent()) {
      return "external";
    }
    return running
        .map(r -> "embedded, run by server process " + r.pid())
        .orElse("embedded in " + config.dataDir() + ", not running (no server process)");
  }

  /** Empty when the database is embedded and no server of this installation runs. */
  public Optional<DatabaseSettings> database() {
    return Optional.ofNullable(database);
  }

  /** With its password: never print it. Empty when embedded and not running. */
  public Optional<String> redisUrl() {
    return Optional.ofNullable(redisUrl);
  }

  /** Where the stores are, in words for the admin. */
  public String origin() {
    return origin;
  }

  @Override
  public void close() {
    if (startedHere != null) {
      startedHere.close();
    }
  }
}
