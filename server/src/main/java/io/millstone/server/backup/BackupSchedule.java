package io.millstone.server.backup;

import io.millstone.server.platform.Database;
import io.millstone.server.platform.DatabaseSettings;
import io.millstone.server.platform.MillstoneConfig;
import io.millstone.server.platform.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;

/**
 * Scheduled backups inside the server ({@code backup.dir}, {@code backup.interval}, {@code
 * backup.keep}). Every node checks each minute whether one is due; a PostgreSQL advisory lock lets
 * only one node take it, and the time of the last one (in Redis, and in the newest file's name)
 * keeps the others from taking another. Old backups are deleted only after a new one succeeded.
 */
public final class BackupSchedule implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BackupSchedule.class);
  static final String LAST_KEY = "millstone:backup:last";

  /** "millback": the advisory lock only the node taking the scheduled backup holds. */
  static final long LOCK = 0x6d696c6c6261636bL;

  static final String PREFIX = "millstone-backup-";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern NAME = Pattern.compile(PREFIX + "(\\d{8}T\\d{6}Z)\\.zip");

  /** What one check did. */
  public sealed interface Outcome {
    record Taken(Path file, int pruned) implements Outcome {}

    record NotDue(Instant next) implements Outcome {}

    /** Another node holds the lock: it is taking this one. */
    record TakenElsewhere() implements Outcome {}

    record Failed(String reason) implements Outcome {}
  }

  private final DatabaseSettings db;
  private final RedisClient redis;
  private final Path dataDir;
  private final Path dir;
  private final Duration interval;
  private final int keep;
  private final Clock clock;
  private ScheduledExecutorService timer;

  public BackupSchedule(
      DatabaseSettings db,
      RedisClient redis,
      Path dataDir,
      Path dir,
      Duration interval,
      int keep,
      Clock clock) {
    this.db = db;
    this.redis = redis;
    this.dataDir = dataDir;
    this.dir = dir;
    this.interval = interval;
    this.keep = keep;
    this.clock = clock;
  }

  /** Starts checking every minute when {@code backup.dir} is set; empty otherwise. */
  public static Optional<BackupSchedule> start(Platform platform) {
    MillstoneConfig config = platform.config();
    if (config.backupDir().isEmpty()) {
      return Optional.empty();
    }
    BackupSchedule s =
        new BackupSchedule(
            platform.database().settings(),
            platform.redis(),
            config.dataDir(),
            config.backupDir().get(),
            config.backupInterval(),
            config.backupKeep(),
            Clock.systemUTC());
    s.timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("millstone-backups").factory());
    s.timer.scheduleWithFixedDelay(s::runIfDue, 1, 60, TimeUnit.SECONDS);
    log.info(
        "Scheduled backups to {} every {}, keeping {}", s.dir, config.backupInterval(), s.keep);
    return Optional.of(s);
  }

  /** Takes a backup if one is due and no other node is taking it. Never throws. */
  public Outcome runIfDue() {
    try {
      Instant now = clock.instant();
      Optional<Instant> last = last();
      if (last.isPresent() && now.isBefore(last.get().plus(interval))) {
        return new Outcome.NotDue(last.get().plus(interval));
      }
      try (Connection lock = Database.ownerDataSource(db).getConnection()) {
        if (!tryLock(lock)) {
          return new Outcome.TakenElsewhere();
        }
        try {
          // Another node may have finished one between our first look and the lock.
          last = last();
          if (last.isPresent() && now.isBefore(last.get().plus(interval))) {
            return new Outcome.NotDue(last.get().plus(interval));
          }
          Path file = dir.resolve(PREFIX + STAMP.format(now) + ".zip");
          Manifest m = BackupWriter.write(db, dataDir, file);
          markDone(now);
          int pruned = prune();
          log.info(
              "Scheduled backup written to {} ({} rows); {} old one(s) deleted",
              file,
              m.totalRows(),
              pruned);
          return new Outcome.Taken(file, pruned);
        } finally {
          unlock(lock);
        }
      }
    } catch (IOException | SQLException | RuntimeException e) {
      log.error(
          "Scheduled backup to {} FAILED, the previous backups are kept: {}", dir, e.getMessage());
      return new Outcome.Failed(e.getMessage());
    }
  }

  private static boolean tryLock(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT pg_try_advisory_lock(" + LOCK + ")")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  private static void unlock(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
    }
  }

  /** The latest of: what Redis says, and the newest backup file's time. */
  private Optional<Instant> last() throws IOException {
    Optional<Instant> fromFiles = backups().stream().findFirst().map(BackupSchedule::timeOf);
    Optional<Instant> fromRedis = Optional.empty();
    try {
      fromRedis = Optional.ofNullable(redis.get(LAST_KEY)).map(Instant::parse);
    } catch (RuntimeException e) {
      log.warn("Cannot read the last backup time from Redis: {}", e.getMessage());
    }
    return Stream.of(fromFiles, fromRedis).flatMap(Optional::stream).max(Instant::compareTo);
  }

  private void markDone(Instant at) {
    try {
      redis.set(LAST_KEY, at.toString());
    } catch (RuntimeException e) {
      log.warn("Cannot record the backup time in Redis: {}", e.getMessage());
    }
  }

  /** The scheduled backups in the directory, newest first. */
  List<Path> backups() throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> NAME.matcher(p.getFileName().toString()).matches())
          .sorted((a, b) -> b.getFileName().compareTo(a.getFileName()))
          .toList();
    }
  }

  private static Instant timeOf(Path backup) {
    var m = NAME.matcher(backup.getFileName().toString());
    if (!m.matches()) {
      throw new IllegalArgumentException(backup.toString());
    }
    return Instant.from(STAMP.parse(m.group(1)));
  }

  private int prune() throws IOException {
    List<Path> all = backups();
    int deleted = 0;
    for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
      Files.deleteIfExists(old);
      deleted++;
    }
    return deleted;
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
