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
 * <p>A round takes the relays' advisory lock (so relays publish one after another and numbers go
 * out in the order they become visible), claims unpublished rows with {@code FOR UPDATE SKIP
 * LOCKED}, gives each the next number, publishes them and commits. If Redis refuses, the round
 * rolls back: the rows stay unpublished and the relay tries again after a wait that doubles up to
 * {@link #MAX_BACKOFF}. Between rounds it waits for PostgreSQL's {@code NOTIFY} from a committed
 * notification (on any node), or {@link #IDLE} at most.
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

  /** Publishes one batch: the rows published, or -1 when another relay is publishing. */
  private int round(Connection c) throws SQLException {
    try {
      try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
        ps.setLong(1, LOCK);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (!rs.getBoolean(1)) {
            c.rollback();
            return -1;
          }
        }
      }
      List<Envelope> batch = new ArrayList<>();
      List<Long> ids = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT id, company_id, kind, args, summary, document_type, document_id, permission,"
                  + " recipient_user_id, actor_user_id, actor, occurred_at FROM notification"
                  + " WHERE seq IS NULL ORDER BY id LIMIT "
                  + BATCH
                  + " FOR UPDATE SKIP LOCKED")) {
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
            batch.add(
                new Envelope(
                    rs.getObject(2, UUID.class),
                    rs.getString(8),
                    rs.getObject(9, UUID.class),
                    rs.getObject(10, UUID.class),
                    Notifications.row(rs, 0L, 3)));
          }
        }
      }
      if (batch.isEmpty()) {
        c.commit();
        return 0;
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE notification SET seq = nextval('notification_seq'), published_at = now()"
                  + " WHERE id = ? RETURNING seq")) {
        for (int i = 0; i < batch.size(); i++) {
          ps.setLong(1, ids.get(i));
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            Envelope e = batch.get(i);
            batch.set(
                i,
                new Envelope(
                    e.company(),
                    e.permission(),
                    e.recipient(),
                    e.actorUser(),
                    e.notification().toBuilder().setId(rs.getLong(1)).build()));
          }
        }
      }
      byte[] channel = CHANNEL.getBytes(StandardCharsets.UTF_8);
      for (Envelope e : batch) {
        redis.publish(channel, e.encode());
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
    }
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
                + " AND seq IS NOT NULL")) {
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
