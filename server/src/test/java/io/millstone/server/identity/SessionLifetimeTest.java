package io.millstone.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.server.TestPlatform;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A session in constant use still ends its absolute lifetime after sign-in. */
class SessionLifetimeTest {

  /** A clock the test moves by hand. */
  static final class HandClock extends Clock {
    private Instant now = Instant.parse("2026-12-07T06:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static String signIn(SessionStore store) {
    return store.create(
        UUID.randomUUID(),
        "worker",
        "Shift Worker",
        UUID.randomUUID(),
        "Lifetime Mill",
        List.of("sales"),
        Set.of("sales.orders.read"));
  }

  @Test
  void aSessionUsedContinuouslyEndsAtItsAbsoluteLifetime() {
    HandClock clock = new HandClock();
    try (SessionStore store =
        new SessionStore(
            TestPlatform.get().redis(),
            Duration.ofHours(8),
            Duration.ofHours(24),
            Duration.ofSeconds(30),
            clock)) {
      String token = signIn(store);
      // Used every hour for a day: the idle timeout never strikes.
      for (int h = 0; h < 23; h++) {
        clock.advance(Duration.ofHours(1));
        assertThat(store.lookup(token)).as("after %d h", h + 1).isPresent();
      }

      clock.advance(Duration.ofHours(1));

      assertThat(store.lookup(token)).isEmpty();
      clock.advance(Duration.ofMinutes(-30));
      assertThat(store.lookup(token)).as("an ended session stays ended").isEmpty();
    }
  }

  @Test
  void theIdleExpiryInRedisNeverReachesPastTheAbsoluteEnd() {
    HandClock clock = new HandClock();
    try (SessionStore store =
        new SessionStore(
            TestPlatform.get().redis(),
            Duration.ofHours(8),
            Duration.ofHours(24),
            Duration.ofSeconds(30),
            clock)) {
      String token = signIn(store);
      clock.advance(Duration.ofHours(23));

      assertThat(store.lookup(token)).isPresent();

      long ttl = TestPlatform.get().redis().ttl("ms:session:" + SessionStore.hash(token));
      assertThat(ttl).isBetween(1L, Duration.ofHours(1).toSeconds());
    }
  }
}
