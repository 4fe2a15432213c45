package io.millstone.server.identity;

import io.millstone.server.platform.error.TooManyRequestsException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import redis.clients.jedis.RedisClient;

/**
 * Slows down password guessing, shared by every node through Redis: a limit on sign-in attempts per
 * client address per minute, and a temporary lockout of a username after repeated failures. Unknown
 * usernames are counted and locked exactly like real ones, so a lockout reveals nothing.
 */
public final class LoginThrottle {
  // INCR with an expiry set on first use, in one round trip and atomically.
  private static final String INCR_WITH_TTL =
      "local n = redis.call('INCR', KEYS[1]) "
          + "if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end "
          + "return n";

  private final RedisClient redis;
  private final int attemptsPerAddressPerMinute;
  private final int failuresBeforeLockout;
  private final Duration lockout;

  public LoginThrottle(
      RedisClient redis,
      int attemptsPerAddressPerMinute,
      int failuresBeforeLockout,
      Duration lockout) {
    this.redis = redis;
    this.attemptsPerAddressPerMinute = attemptsPerAddressPerMinute;
    this.failuresBeforeLockout = failuresBeforeLockout;
    this.lockout = lockout;
  }

  /** Refuses the attempt if the address or the account is over its limit. */
  public void checkAllowed(String address, String username) {
    long minute = System.currentTimeMillis() / 60_000;
    long n =
        (Long)
            redis.eval(
                INCR_WITH_TTL, List.of("ms:login-rate:" + address + ":" + minute), List.of("120"));
    if (n > attemptsPerAddressPerMinute) {
      throw new TooManyRequestsException(
          "login_rate_limited",
          "Too many sign-in attempts from your computer; wait a minute and try again.",
          Duration.ofSeconds(60 - (System.currentTimeMillis() / 1000) % 60));
    }
    long ttl = redis.ttl(lockKey(username));
    if (ttl > 0) {
      long minutes = Math.max(1, (ttl + 59) / 60);
      throw new TooManyRequestsException(
          "account_locked",
          "This account is locked after too many failed sign-ins; try again in "
              + minutes
              + (minutes == 1 ? " minute." : " minutes."),
          Duration.ofSeconds(ttl));
    }
  }

  public void recordFailure(String username) {
    long n =
        (Long)
            redis.eval(
                INCR_WITH_TTL,
                List.of(failureKey(username)),
                List.of(String.valueOf(lockout.toSeconds())));
    if (n >= failuresBeforeLockout) {
      redis.setex(lockKey(username), lockout.toSeconds(), "1");
      redis.del(failureKey(username));
    }
  }

  public void recordSuccess(String username) {
    redis.del(failureKey(username));
  }

  private static String failureKey(String username) {
    return "ms:login-failures:" + username.toLowerCase(Locale.ROOT);
  }

  private static String lockKey(String username) {
    return "ms:login-lock:" + username.toLowerCase(Locale.ROOT);
  }
}
