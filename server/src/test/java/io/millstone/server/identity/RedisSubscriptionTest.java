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
  void sessionStoresAndLiveHubsClosedAsSoonAsOpenedLeaveThePoolFitForRequests() {
    var redis = TestPlatform.get().redis();
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
    // Every connection left in the pool still answers an ordinary command.
    for (int i = 0; i < 200; i++) {
      assertThat(redis.ping()).isEqualTo("PONG");
    }
  }
}
