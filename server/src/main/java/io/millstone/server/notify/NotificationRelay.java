package io.millstone.server.notify;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;

/**
 * Publishes the notification outbox through Redis; one runs on every node.
 *
 * <p>A round holds the relays' advisory lock from start to end (so relays publish one after another
 * and numbers go out in the order they become visible). It claims unnumbered rows with {@code FOR
 * UPDATE SKIP LOCKED}, gives each the next number and <em>commits</em>, then publishes them and
 * marks them published. A person told of a notification therefore always finds it when their client
 * asks (the bell's count, the list): it was visible before it was pushed. If Redis refuses, the
 * numbered rows stay unpublished; the next round, after a wait that doubles up to {@link
 * #MAX_BACKOFF}, publishes them again under the same numbers before numbering any new one (a stream
 * drops an id it has already sent, so one that got through the first time is not shown twice).
 * Between rounds it waits for PostgreSQL's {@code NOTIFY} from a committed notification (on any
 * node), or {@link #IDLE} at most.
 *
 * <p>It works on one connection of the database owner: publishing is the server's own work across
 * every company, not a person's in one.
 */
public final class NotificationRelay implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NotificationRelay.class);

  /** The relays' advisory lock; the streams take it shared to read only finished rounds. */
  static final long LOCK = 0x4d534e6f74696679L; // "MSNotify"

  static final String CHANNEL = "ms:notify";
  static final Duration IDLE = Duration.ofSeconds(2);
  static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
  static final Duration RETENTION = Duration.ofDays(90);
  private static final int BATCH = 200;

  private final DataSource owner;
  private final RedisClient redis;
  private final Thread thread;
  private final Object wake = new Object();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private volatile boolean closed;
  private Connection connection;
  private long lastCleanup;

  public NotificationRelay(DataSource owner, RedisClient redis) {
    this.owner = owner;
    this.redis = redis;
    this.thread = Thread.ofPlatform().daemon().name("notification-relay").unstarted(this::run);
  }

  public NotificationRelay start() {
    thread.start();
    return this;
  }

  /** Rows this relay has published (for tests and metrics). */
  public long published() {
    return published.get();
  }

  /** Rounds that failed and were rolled back, Redis or database being unreachable. */
  public long failures() {
    return failures.get();
  }

  private void run() {
    Duration backoff = FIRST_BACKOFF;
    boolean failing = false;
    while (!closed) {
      try {
        Connection c = connection();
        int n = round(c);
        if (failing) {
          failing = false;
          log.info("Notifications are published again");
        }
        backoff = FIRST_BACKOFF;
        if (n == BATCH) {
          continue; // more are waiting
        }
        cleanup(c);
        await(c, n < 0 ? FIRST_BACKOFF : IDLE);
      } catch (SQLException | RuntimeException e) {
        failures.incrementAndGet();
        if (!failing) {
          failing = true; // logged once per outage
          log.warn(
              "Could not publish notifications ({}); they stay in the outbox and go out when"
                  + " it works again",
              e.toString());
        }
        if (e instanceof SQLException) {
          dropConnection();
        }
        pause(backoff);
        backoff =
            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                ? MAX_BACKOFF
                : backoff.multipliedBy(2);
      }
    }
    dropConnection();
  }

  private Connection connection() throws SQLException {
    if (connection == null) {
      Connection c = owner.getConnection();
      try (Statement s = c.createStatement()) {
        s.execute("LISTEN millstone_notification");
      }
      c.setAutoCommit(false);
      c.commit();
      connection = c;
    }
    return connection;
  }

  /**
   * Publishes one batch: the rows published, or -1 when another relay is publishing. Rows numbered
   * in a round whose publishing failed go out first, before any new row is numbered.
   */
  private int round(Connection c) throws SQLException {
    if (!lock(c)) {
      return -1;
    }
    try {
      List<Envelope> batch = select(c, NUMBERED_UNPUBLISHED);
      if (batch.isEmpty()) {
        batch = number(c);
      }
      c.commit(); // the rows are numbered and visible before anyone is told of them
      if (batch.isEmpty()) {
        return 0;
      }
      byte[] channel = CHANNEL.getBytes(StandardCharsets.UTF_8);
      for (Envelope e : batch) {
        redis.publish(channel, e.encode());
      }
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE notification SET published_at = now() WHERE seq = ANY (?)")) {
        ps.setArray(
            1,
            c.createArrayOf("bigint", batch.stream().map(e -> e.notification().getId()).toArray()));
        ps.executeUpdate();
      }
      c.commit();
      published.addAndGet(batch.size());
      return batch.size();
    } catch (SQLException | RuntimeException e) {
      try {
        c.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    } finally {
      unlock(c);
    }
  }

  /**
   * Takes the relays' lock for the whole round, numbering to publishing: numbers go out in order,
   * and a stream's catch-up (which takes it shared) reads either before the round or after it.
   */
  private static boolean lock(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      ps.setLong(1, LOCK);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        boolean got = rs.getBoolean(1);
        c.commit();
        return got;
      }
    }
  }

  private static void unlock(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      ps.setLong(1, LOCK);
      ps.execute();
      c.commit();
    }
  }

  private static final String COLUMNS =
      "company_id, kind, args, summary, document_type, document_id, permission,"
          + " recipient_user_id, actor_user_id, actor, occurred_at";

  /** Numbered in a round that could not publish them; they keep their numbers. */
  private static final String NUMBERED_UNPUBLISHED =
      "SELECT seq, "
          + COLUMNS
          + " FROM notification WHERE seq IS NOT NULL AND published_at IS NULL ORDER BY seq"
          + " LIMIT "
          + BATCH;

  /** Claims the oldest unnumbered rows and gives each the next number, in outbox order. */
  private static List<Envelope> number(Connection c) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT id FROM notification WHERE seq IS NULL ORDER BY id LIMIT "
                    + BATCH
                    + " FOR UPDATE SKIP LOCKED");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    List<Envelope> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE notification SET seq = nextval('notification_seq') WHERE id = ?"
                + " RETURNING seq, "
                + COLUMNS)) {
      for (long id : ids) {
        ps.setLong(1, id);
        out.addAll(envelopes(ps));
      }
    }
    return out;
  }

  private static List<Envelope> select(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      return envelopes(ps);
    }
  }

  /** The rows {@code ps} returns: seq, then {@link #COLUMNS}. */
  private static List<Envelope> envelopes(PreparedStatement ps) throws SQLException {
    List<Envelope> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new Envelope(
                rs.getObject(2, UUID.class),
                rs.getString(8),
                rs.getObject(9, UUID.class),
                rs.getObject(10, UUID.class),
                Notifications.row(rs, rs.getLong(1), 3)));
      }
    }
    return out;
  }

  /** Once an hour, deletes notifications older than {@link #RETENTION}. */
  private void cleanup(Connection c) throws SQLException {
    long now = System.nanoTime();
    if (lastCleanup != 0 && now - lastCleanup < Duration.ofHours(1).toNanos()) {
      return;
    }
    lastCleanup = now;
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM notification WHERE occurred_at < now() - make_interval(days => ?)"
                + " AND published_at IS NOT NULL")) {
      ps.setInt(1, (int) RETENTION.toDays());
      ps.executeUpdate();
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    }
  }

  /** Waits for a committed notification's NOTIFY, a {@link #wake}, or {@code most}. */
  private void await(Connection c, Duration most) throws SQLException {
    PGConnection pg = c.unwrap(PGConnection.class);
    pg.getNotifications((int) most.toMillis());
    c.commit();
  }

  private void pause(Duration d) {
    synchronized (wake) {
      if (!closed) {
        try {
          wake.wait(d.toMillis());
        } catch (InterruptedException e) {
          closed = true;
        }
      }
    }
  }

  private void dropConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // gone already
      }
      connection = null;
    }
  }

  @Override
  public void close() {
    closed = true;
    synchronized (wake) {
      wake.notifyAll();
    }
    try {
      thread.join(IDLE.toMillis() + 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
