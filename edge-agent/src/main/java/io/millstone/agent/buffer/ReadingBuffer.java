package io.millstone.agent.buffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The agent's durable buffer: every reading is committed to a SQLite file (WAL, {@code
 * synchronous=FULL}, so a commit survives kill -9 and power loss) before anything is sent, and is
 * deleted only once the server has acked it. The row id is the reading's sequence number; {@code
 * AUTOINCREMENT} keeps numbers from being reused after deletes and restarts, which the server's
 * exactly-once rule depends on.
 *
 * <p>Full buffer policy: when the buffer holds {@link Limits#maxReadings()} readings, or the disk
 * has less than {@link Limits#minFreeBytes()} free, new readings are <b>refused</b> and counted in
 * the persistent {@code dropped} counter (and logged). Readings already buffered are never
 * discarded to make room: they are older, and keeping them keeps the sequence gap-free.
 *
 * <p>One connection, used under this object's lock: SQLite has one writer at a time anyway, and a
 * commit of a thousand readings takes milliseconds.
 */
public final class ReadingBuffer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReadingBuffer.class);

  /**
   * How big the buffer may grow.
   *
   * @param maxReadings readings kept at most; the default holds 7.5 days at 1,000 readings/s
   * @param minFreeBytes free disk space always left to the rest of the machine
   */
  public record Limits(long maxReadings, long minFreeBytes) {
    /** 7.5 days at 1,000 readings/s; about 44 bytes a reading on disk (measured), some 28 GB. */
    public static final long DEFAULT_MAX_READINGS = 648_000_000L;

    public static final long DEFAULT_MIN_FREE_BYTES = 512L * 1024 * 1024;

    public static Limits defaults() {
      return new Limits(DEFAULT_MAX_READINGS, DEFAULT_MIN_FREE_BYTES);
    }
  }

  /** What happened to an appended batch. */
  public record Appended(int accepted, int dropped, long firstSeq, long lastSeq) {}

  private final Path file;
  private final Limits limits;
  private final Clock clock;
  private final Connection db;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final PreparedStatement insert;
  private long depth;
  private long dropped;
  private long lastAckSeq;
  private Instant lastAckAt;
  private Instant lastDropWarning = Instant.EPOCH;

  private ReadingBuffer(Path file, Limits limits, Clock clock) throws SQLException, IOException {
    this.file = file;
    this.limits = limits;
    this.clock = clock;
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    lockChannel =
        FileChannel.open(
            parent.resolve(file.getFileName() + ".lock"),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
    FileLock l;
    try {
      l = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      l = null;
    }
    if (l == null) {
      lockChannel.close();
      throw new IllegalStateException(
          "The buffer "
              + file
              + " is in use by another agent; stop it first, or give this agent its own buffer.");
    }
    lock = l;
    SQLiteConfig cfg = new SQLiteConfig();
    cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
    cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    cfg.setBusyTimeout(10_000);
    db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), cfg.toProperties());
    try (Statement st = db.createStatement()) {
      st.execute(
          "CREATE TABLE IF NOT EXISTS reading (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
              + " tag TEXT NOT NULL, t_us INTEGER NOT NULL, value TEXT NOT NULL,"
              + " quality INTEGER NOT NULL)");
      st.execute(
          "CREATE TABLE IF NOT EXISTS counter (name TEXT PRIMARY KEY, value INTEGER NOT NULL)");
    }
    db.setAutoCommit(false);
    try (Statement st = db.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT min(seq), max(seq) FROM reading")) {
        rs.next();
        long min = rs.getLong(1);
        long max = rs.getLong(2);
        // Only whole prefixes are deleted and appends go at the end, so the rows are one run.
        depth = rs.wasNull() ? 0 : max - min + 1;
      }
    }
    dropped = counter("dropped");
    lastAckSeq = counter("last_ack_seq");
    long ackMillis = counter("last_ack_at_ms");
    lastAckAt = ackMillis == 0 ? null : Instant.ofEpochMilli(ackMillis);
    db.commit();
    insert =
        db.prepareStatement("INSERT INTO reading (tag, t_us, value, quality) VALUES (?, ?, ?, ?)");
  }

  /** Opens (or creates) the buffer file; only one agent may hold it at a time. */
  public static ReadingBuffer open(Path file, Limits limits, Clock clock) {
    try {
      return new ReadingBuffer(file, limits, clock);
    } catch (SQLException e) {
      throw new BufferException("Could not open the reading buffer " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not open the reading buffer " + file, e);
    }
  }

  public static ReadingBuffer open(Path file) {
    return open(file, Limits.defaults(), Clock.systemUTC());
  }

  /**
   * Commits the samples (in order) and gives them sequence numbers; returns only once they are on
   * disk. Samples that do not fit are refused and counted as dropped.
   */
  public synchronized Appended append(List<Sample> batch) {
    if (batch.isEmpty()) {
      return new Appended(0, 0, 0, 0);
    }
    try {
      long room = Math.max(0, limits.maxReadings() - depth);
      if (room > 0 && freeDiskBytes() < limits.minFreeBytes()) {
        room = 0;
      }
      int take = (int) Math.min(room, batch.size());
      int refused = batch.size() - take;
      long first = 0;
      long last = 0;
      if (take > 0) {
        for (int i = 0; i < take; i++) {
          Sample s = batch.get(i);
          insert.setString(1, s.tagKey());
          insert.setLong(2, micros(s.sourceTime()));
          insert.setString(3, s.value());
          insert.setInt(4, s.quality());
          insert.addBatch();
        }
        insert.executeBatch();
        try (Statement st = db.createStatement();
            ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
          rs.next();
          last = rs.getLong(1);
          first = last - take + 1;
        }
      }
      if (refused > 0) {
        addToCounter("dropped", refused);
      }
      db.commit();
      depth += take;
      if (refused > 0) {
        dropped += refused;
        Instant now = clock.instant();
        if (now.isAfter(lastDropWarning.plusSeconds(60))) {
          lastDropWarning = now;
          log.warn(
              "The reading buffer {} is full ({} readings, {} MB free on disk): refused {} new"
                  + " readings, {} dropped in all. Check the connection to the server.",
              file,
              depth,
              freeDiskBytes() / (1024 * 1024),
              refused,
              dropped);
        }
      }
      return new Appended(take, refused, first, last);
    } catch (SQLException e) {
      rollback();
      throw new BufferException("Could not write readings to the buffer " + file, e);
    }
  }

  /** Up to {@code limit} buffered readings with a sequence number above {@code afterSeq}. */
  public synchronized List<BufferedReading> nextUnsent(long afterSeq, int limit) {
    try (PreparedStatement ps =
        db.prepareStatement(
            "SELECT seq, tag, t_us, value, quality FROM reading WHERE seq > ? ORDER BY seq"
                + " LIMIT ?")) {
      ps.setLong(1, afterSeq);
      ps.setInt(2, limit);
      List<BufferedReading> out = new ArrayList<>(Math.min(limit, 1024));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new BufferedReading(
                  rs.getLong(1),
                  rs.getString(2),
                  fromMicros(rs.getLong(3)),
                  rs.getString(4),
                  rs.getInt(5)));
        }
      }
      db.commit();
      return out;
    } catch (SQLException e) {
      rollback();
      throw new BufferException("Could not read the buffer " + file, e);
    }
  }

  /** The server has committed everything up to {@code upToSeq}: forget it. */
  public synchronized void ack(long upToSeq) {
    try {
      int deleted;
      try (PreparedStatement ps = db.prepareStatement("DELETE FROM reading WHERE seq <= ?")) {
        ps.setLong(1, upToSeq);
        deleted = ps.executeUpdate();
      }
      Instant now = clock.instant();
      long newAck = Math.max(lastAckSeq, upToSeq);
      setCounter("last_ack_seq", newAck);
      setCounter("last_ack_at_ms", now.toEpochMilli());
      db.commit();
      depth -= deleted;
      lastAckSeq = newAck;
      lastAckAt = now;
    } catch (SQLException e) {
      rollback();
      throw new BufferException("Could not delete acked readings from the buffer " + file, e);
    }
  }

  /**
   * Lines the buffer up with the server's high-water mark after a Welcome. Normally that is an ack
   * of everything at or below the mark. If the mark is above every number this buffer ever gave
   * out, the buffer is newer than the device's history (its file was lost or replaced): the
   * readings in it were never sent, so they are renumbered above the mark instead of being thrown
   * away, and numbering continues from there.
   *
   * @return how many readings were renumbered (0 normally)
   */
  public synchronized long reconcile(long serverMark) {
    long issued = lastSeq();
    if (serverMark <= issued) {
      ack(serverMark);
      return 0;
    }
    try {
      long moved;
      try (Statement st = db.createStatement()) {
        // Every new number is above the mark, and the mark is above every old number, so no
        // row collides with another while they move.
        moved = st.executeUpdate("UPDATE reading SET seq = seq + " + serverMark);
      }
      try (PreparedStatement up =
              db.prepareStatement("UPDATE sqlite_sequence SET seq = ? WHERE name = 'reading'");
          PreparedStatement add =
              db.prepareStatement(
                  "INSERT INTO sqlite_sequence (name, seq) VALUES ('reading', ?)")) {
        up.setLong(1, serverMark + issued);
        if (up.executeUpdate() == 0) {
          add.setLong(1, serverMark + issued);
          add.executeUpdate();
        }
      }
      db.commit();
      log.warn(
          "The server has readings up to {} from this device, but this buffer only ever numbered"
              + " up to {}: the buffer file is new or was replaced. Renumbered {} unsent readings"
              + " to follow the server's.",
          serverMark,
          issued,
          moved);
      return moved;
    } catch (SQLException e) {
      rollback();
      throw new BufferException("Could not renumber the buffer " + file, e);
    }
  }

  /** The highest sequence number this buffer has ever given out (0 if none). */
  public synchronized long lastSeq() {
    try (Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT max(seq) FROM sqlite_sequence WHERE name = 'reading'")) {
      long v = rs.next() ? rs.getLong(1) : 0;
      db.commit();
      return v;
    } catch (SQLException e) {
      rollback();
      throw new BufferException("Could not read the buffer " + file, e);
    }
  }

  /** Readings waiting for the server's ack. */
  public synchronized long depth() {
    return depth;
  }

  /** The source time of the oldest reading not yet acked. */
  public synchronized Optional<Instant> oldestUnsentTime() {
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("SELECT t_us FROM reading ORDER BY seq LIMIT 1")) {
      Optional<Instant> v = rs.next() ? Optional.of(fromMicros(rs.getLong(1))) : Optional.empty();
      db.commit();
      return v;
    } catch (SQLException e) {
      rollback();
      throw new BufferException("Could not read the buffer " + file, e);
    }
  }

  /** Readings refused because the buffer was full, over the buffer's whole life. */
  public synchronized long dropped() {
    return dropped;
  }

  public synchronized long lastAckSeq() {
    return lastAckSeq;
  }

  public synchronized Optional<Instant> lastAckAt() {
    return Optional.ofNullable(lastAckAt);
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized void close() {
    try {
      insert.close();
      db.close();
    } catch (SQLException e) {
      log.warn("Closing the buffer {}: {}", file, e.getMessage());
    }
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      log.warn("Releasing the buffer lock of {}: {}", file, e.getMessage());
    }
  }

  private long freeDiskBytes() {
    try {
      return Files.getFileStore(file.toAbsolutePath().getParent()).getUsableSpace();
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }

  private long counter(String name) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("SELECT value FROM counter WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  private void setCounter(String name, long value) throws SQLException {
    try (PreparedStatement ps =
        db.prepareStatement("INSERT OR REPLACE INTO counter (name, value) VALUES (?, ?)")) {
      ps.setString(1, name);
      ps.setLong(2, value);
      ps.executeUpdate();
    }
  }

  private void addToCounter(String name, long delta) throws SQLException {
    try (PreparedStatement ps =
        db.prepareStatement(
            "INSERT INTO counter (name, value) VALUES (?, ?)"
                + " ON CONFLICT (name) DO UPDATE SET value = value + excluded.value")) {
      ps.setString(1, name);
      ps.setLong(2, delta);
      ps.executeUpdate();
    }
  }

  private void rollback() {
    try {
      db.rollback();
    } catch (SQLException e) {
      log.warn("Rolling back the buffer {}: {}", file, e.getMessage());
    }
  }

  static long micros(Instant t) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, t);
  }

  static Instant fromMicros(long us) {
    return Instant.EPOCH.plus(us, ChronoUnit.MICROS);
  }

  /** The buffer could not be read or written: the disk is failing or the file is damaged. */
  public static final class BufferException extends RuntimeException {
    BufferException(String message, Throwable cause) {
      super(message + ": " + cause.getMessage(), cause);
    }
  }
}
