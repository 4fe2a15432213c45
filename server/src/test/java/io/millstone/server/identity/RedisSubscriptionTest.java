package io.millstone.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.server.TestPlatform;
import io.millstone.server.telemetry.LiveHub;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions share the node's Redis pool with every request. One closed while it was still being
 * made used to go back to the pool in subscribe mode, and whichever request drew that connection
 * next failed ("only (P)SUBSCRIBE / (P)UNSUBSCRIBE / PING / QUIT / RESET are allowed", or a stray
 * reply: "Long cannot be cast to List") — a whole suite's sign-ins failing at random.
 */
class RedisSubscriptionTest {

  @Test
  void sessionStoresAndLiveHubsClosedAsSoonAsOpenedLeaveNoConnectionSubscribed()
      throws InterruptedException {
    var redis = TestPlatform.get().redis();
    long before = subscribedConnections();
    for (int i = 0; i < 200; i++) {
      try (SessionStore store =
              new SessionStore(
                  redis,
                  Duration.ofHours(8),
                  Duration.ofHours(24),
                  Duration.ofSeconds(30),
                  Clock.systemUTC());
          LiveHub hub = new LiveHub(redis)) {
        String token =
            store.create(
                UUID.randomUUID(),
                "clerk",
                "Clerk",
                UUID.randomUUID(),
                "Mill",
                List.of("sales"),
                Set.of("sales.read"));
        assertThat(store.lookup(token)).as("round %d", i).isPresent();
        store.revoke(SessionStore.hash(token));
        assertThat(store.lookup(token)).as("round %d", i).isEmpty();
      }
    }
    // Every subscription ended with its store or hub: none is left on a connection, where the
    // pool would hand it to the next request. (PING is no test: Redis answers it when subscribed.)
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (subscribedConnections() > before && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(subscribedConnections()).isEqualTo(before);
  }

  /** Connections the Redis server counts as subscribed to a channel or a pattern. */
  private static long subscribedConnections() {
    Object list =
        TestPlatform.get().redis().sendCommand(redis.clients.jedis.Protocol.Command.CLIENT, "LIST");
    String text = new String((byte[]) list, java.nio.charset.StandardCharsets.UTF_8);
    return text.lines().filter(l -> !l.contains(" sub=0 ") || !l.contains(" psub=0 ")).count();
  }
}
