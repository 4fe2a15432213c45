package io.millstone.server.notify;

import static io.millstone.server.notify.NotifyFixtures.PATIENCE;
import static io.millstone.server.notify.NotifyFixtures.Watcher;
import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.purchasing.v1.PurchaseOrder;
import io.millstone.server.TestPlatform;
import io.millstone.server.TestServer;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.LoopbackPorts;
import io.millstone.server.platform.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/**
 * Two server nodes on one database and a Redis of the test's own, which it stops and starts: a
 * notification committed while Redis is away waits in the outbox and arrives once when Redis is
 * back; two relays never publish a row twice.
 */
class NotificationDeliveryTest {
  static RedisServer redis;
  static Platform stores;
  static TestServer node1;
  static TestServer node2;
  static NotifyFixtures f;

  @BeforeAll
  static void start() throws Exception {
    int port = LoopbackPorts.free();
    Path dir = Files.createTempDirectory(Path.of("target"), "notify-redis-");
    // Sessions are kept in Redis; an append-only file keeps them across the restart.
    redis =
        RedisServer.newRedisServer()
            .bind("127.0.0.1")
            .port(port)
            .setting("dir " + dir.toAbsolutePath())
            .setting("appendonly yes")
            .setting("appendfsync always")
            .setting("save \"\"")
            .onShutdownForceStop(true)
            .build();
    redis.start();
    stores = TestPlatform.get().withRedis("redis://127.0.0.1:" + port);
    node1 = new TestServer(stores);
    node2 = new TestServer(stores);
    f = new NotifyFixtures(node1, "Two Node Mill");
  }

  @AfterAll
  static void stop() throws Exception {
    node1.close();
    node2.close();
    stores.redis().close();
    redis.stop();
  }

  @Test
  void aNotificationCommittedWhileRedisIsDownArrivesOnceWhenItIsBack() throws Exception {
    PurchaseOrder draft = f.draft();
    try (Watcher approver = new Watcher(node2, f.approver, 0)) {
      // Delivery works across nodes: sent on node 1, watched on node 2.
      PurchaseOrder before = f.requestApproval();
      approver.awaitAbout("purchasing.order.approval_requested", before.getId());

      long failures = failures();
      redis.stop();
      // Redis holds the sessions, so the clerk's change goes straight to the desk, as the gateway
      // would hand it on.
      Actor clerk = Actor.user(userId(f.stores), f.stores, f.company, Set.of(), "test");
      node1.server().purchaseDesk().submit(clerk, draft.getId(), draft.getVersion());

      // The relays tried to publish it and failed: it is still in the outbox, and not delivered.
      await(() -> failures() > failures);
      assertThat(unpublished(draft.getId())).isEqualTo(1);
      assertThat(approver.count("purchasing.order.approval_requested", draft.getId())).isZero();

      redis.start();
      approver.awaitAbout("purchasing.order.approval_requested", draft.getId());
      // Marked published once the round ends (the mark follows the publish).
      await(() -> unpublished(draft.getId()) == 0);

      // A later one arrives after it, in order, and nothing came twice.
      PurchaseOrder after = f.requestApproval();
      var got =
          approver.awaitUntil(
              l ->
                  l.stream()
                      .anyMatch(
                          n ->
                              Watcher.about(
                                  n, "purchasing.order.approval_requested", after.getId())));
      assertThat(approver.count("purchasing.order.approval_requested", draft.getId())).isEqualTo(1);
      assertThat(got.stream().map(n -> n.getId()).distinct().count()).isEqualTo(got.size());
      assertThat(got.stream().map(n -> n.getId()).toList()).isSorted();
    }
  }

  @Test
  void twoRelaysPublishEachNotificationOnce() throws Exception {
    Map<String, AtomicInteger> published = new ConcurrentHashMap<>();
    try (NotificationHub tap = new NotificationHub(stores.redis());
        Watcher on1 = new Watcher(node1, f.approver, 0);
        Watcher on2 = new Watcher(node2, f.approver, 0)) {
      AutoCloseable l =
          tap.listen(
              new NotificationHub.Listener() {
                @Override
                public void published(Envelope e) {
                  published
                      .computeIfAbsent(e.notification().getDocumentId(), k -> new AtomicInteger())
                      .incrementAndGet();
                }

                @Override
                public void resync() {}
              });
      // The tap listens once its subscription is confirmed: wait for one notification through it.
      PurchaseOrder first = f.requestApproval();
      await(() -> published.containsKey(first.getId()));

      List<PurchaseOrder> orders = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        orders.add(f.requestApproval());
      }
      PurchaseOrder last = orders.get(orders.size() - 1);
      on1.awaitAbout("purchasing.order.approval_requested", last.getId());
      on2.awaitAbout("purchasing.order.approval_requested", last.getId());
      await(() -> orders.stream().allMatch(o -> published.containsKey(o.getId())));
      for (PurchaseOrder o : orders) {
        assertThat(published.get(o.getId()).get()).as(o.getNumber()).isEqualTo(1);
        assertThat(on1.count("purchasing.order.approval_requested", o.getId())).isEqualTo(1);
        assertThat(on2.count("purchasing.order.approval_requested", o.getId())).isEqualTo(1);
      }
      l.close();
    }
  }

  @Test
  void aPushedNotificationIsAlreadyVisibleWhenItArrives() throws Exception {
    // The instant a message comes through Redis, the database is asked for it: a client that
    // reads its bell on a push must find what it was told of. To make a relay that publishes
    // before it commits fail here every time, the commit that numbers a row is slowed down.
    Map<Long, Boolean> visibleOnArrival = new ConcurrentHashMap<>();
    owner(
        "CREATE FUNCTION test_slow_commit() RETURNS trigger LANGUAGE plpgsql AS"
            + " $$ BEGIN PERFORM pg_sleep(0.2); RETURN NULL; END $$",
        "CREATE CONSTRAINT TRIGGER test_slow_commit AFTER UPDATE ON notification"
            + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"
            + " WHEN (OLD.seq IS NULL AND NEW.seq IS NOT NULL)"
            + " EXECUTE FUNCTION test_slow_commit()");
    try (NotificationHub tap = new NotificationHub(stores.redis())) {
      AutoCloseable l =
          tap.listen(
              new NotificationHub.Listener() {
                @Override
                public void published(Envelope e) {
                  visibleOnArrival.put(
                      e.notification().getId(), numbered(e.notification().getId()));
                }

                @Override
                public void resync() {}
              });
      f.requestApproval();
      await(() -> !visibleOnArrival.isEmpty());
      for (int i = 0; i < 5; i++) {
        f.requestApproval();
      }
      await(() -> visibleOnArrival.size() >= 6);
      l.close();
      assertThat(visibleOnArrival).doesNotContainValue(false);
    } finally {
      owner("DROP TRIGGER test_slow_commit ON notification", "DROP FUNCTION test_slow_commit()");
    }
  }

  static void owner(String... statements) throws Exception {
    try (Connection c = TestPlatform.get().database().ownerDataSource().getConnection();
        java.sql.Statement st = c.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
    }
  }

  /** Whether a reader outside the relay's transaction sees the row numbered {@code seq}. */
  static boolean numbered(long seq) {
    try (Connection c = TestPlatform.get().database().ownerDataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT 1 FROM notification WHERE seq = ?")) {
      ps.setLong(1, seq);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static long failures() {
    return node1.server().notificationRelay().failures()
        + node2.server().notificationRelay().failures();
  }

  static void await(BooleanSupplier done) throws InterruptedException {
    long until = System.nanoTime() + PATIENCE.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("timed out");
      }
      Thread.sleep(20); // polling a condition, bounded by PATIENCE
    }
  }

  static UUID userId(String username) throws Exception {
    try (Connection c = TestPlatform.get().database().ownerDataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT id FROM app_user WHERE username = ?")) {
      ps.setString(1, username);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getObject(1, UUID.class);
      }
    }
  }

  static long unpublished(String documentId) {
    try (Connection c = TestPlatform.get().database().ownerDataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FROM notification WHERE document_id = ? AND published_at IS NULL")) {
      ps.setString(1, documentId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
