package io.millstone.server.identity;

import io.millstone.server.platform.error.TooManyRequestsException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import redis.clients.jedis.RedisClient;

/**
 * Slows down password guessing, shared by every node through Redis: a limit on sign-in attempts per
 * client address per minute, a temporary lock of a username from one address after repeated
 * failures from that address, and a slower ceiling on a username's failures from all addresses
 * together. An address that has not proved anything can lock only itself out: locking the account
 * for everyone takes many more failures (the ceiling), and even then an address the user has signed
 * in from recently is still let in. Unknown usernames are counted and locked exactly like real
 * ones, so a lockout reveals nothing.
 */
public final class LoginThrottle {
  // INCR with an expiry set on first use, in one round trip and atomically.
  private static final String INCR_WITH_TTL =
      "local n = redis.call('INCR', KEYS[1]) "
          + "if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end "
          + "return n";

  /** How long a successful sign-in keeps its address exempt from the account-wide lock. */
  static final Duration KNOWN_ADDRESS_KEPT = Duration.ofDays(30);

  /** The limits; see the {@code login.*} settings. */
  public record Limits(
      int attemptsPerAddressPerMinute,
      int failuresBeforeAddressLockout,
      Duration addressLockout,
      int failuresBeforeAccountLockout,
      Duration accountFailureWindow,
      Duration accountLockout) {}

  /** What {@link #unlock} cleared, for the admin to read. */
  public record Unlocked(int addressLocks, boolean accountLock) {}

  private final RedisClient redis;
  private final Limits limits;

  public LoginThrottle(RedisClient redis, Limits limits) {
    this.redis = redis;
    this.limits = limits;
  }

  /** Refuses the attempt if the address, or this username from this address, is over its limit. */
  public void checkAllowed(String address, String username) {
    long minute = System.currentTimeMillis() / 60_000;
    long n =
        (Long)
            redis.eval(
                INCR_WITH_TTL, List.of("ms:login-rate:" + address + ":" + minute), List.of("120"));
    if (n > limits.attemptsPerAddressPerMinute()) {
      throw new TooManyRequestsException(
          "login_rate_limited",
          "Too many sign-in attempts from your computer; wait a minute and try again.",
          Duration.ofSeconds(60 - (System.currentTimeMillis() / 1000) % 60));
    }
    String user = normal(username);
    long ttl = redis.ttl(addressLockKey(user, address));
    if (ttl <= 0 && !redis.sismember(knownKey(user), address)) {
      ttl = redis.ttl(accountLockKey(user));
    }
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

  public void recordFailure(String address, String username) {
    String user = normal(username);
    redis.sadd(addressesKey(user), address);
    redis.expire(addressesKey(user), longest());
    long fromAddress =
        (Long)
            redis.eval(
                INCR_WITH_TTL,
                List.of(addressFailureKey(user, address)),
                List.of(String.valueOf(limits.addressLockout().toSeconds())));
    if (fromAddress >= limits.failuresBeforeAddressLockout()) {
      redis.setex(addressLockKey(user, address), limits.addressLockout().toSeconds(), "1");
      redis.del(addressFailureKey(user, address));
    }
    long fromAll =
        (Long)
            redis.eval(
                INCR_WITH_TTL,
                List.of(accountFailureKey(user)),
                List.of(String.valueOf(limits.accountFailureWindow().toSeconds())));
    if (fromAll >= limits.failuresBeforeAccountLockout()) {
      redis.setex(accountLockKey(user), limits.accountLockout().toSeconds(), "1");
      redis.del(accountFailureKey(user));
    }
  }

  /** The address proved it knows the password: its count starts again and it is known. */
  public void recordSuccess(String address, String username) {
    String user = normal(username);
    redis.del(addressFailureKey(user, address));
    redis.sadd(knownKey(user), address);
    redis.expire(knownKey(user), KNOWN_ADDRESS_KEPT.toSeconds());
  }

  /** Clears every lock and failure count of the username, from every address. */
  public Unlocked unlock(String username) {
    String user = normal(username);
    Set<String> addresses = redis.smembers(addressesKey(user));
    int addressLocks = 0;
    List<String> keys = new ArrayList<>();
    for (String a : addresses) {
      if (redis.exists(addressLockKey(user, a))) {
        addressLocks++;
      }
      keys.add(addressLockKey(user, a));
      keys.add(addressFailureKey(user, a));
    }
    boolean accountLock = redis.exists(accountLockKey(user));
    keys.add(accountLockKey(user));
    keys.add(accountFailureKey(user));
    keys.add(addressesKey(user));
    redis.del(keys.toArray(String[]::new));
    return new Unlocked(addressLocks, accountLock);
  }

  private long longest() {
    return Math.max(
        limits.addressLockout().toSeconds(),
        Math.max(limits.accountFailureWindow().toSeconds(), limits.accountLockout().toSeconds()));
  }

  private static String normal(String username) {
    return username.toLowerCase(Locale.ROOT);
  }

  // The username is inside braces and the address after them, so neither can pass for the other.
  private static String addressFailureKey(String user, String address) {
    return "ms:login-failures:{" + user + "}:" + address;
  }

  private static String addressLockKey(String user, String address) {
    return "ms:login-lock:{" + user + "}:" + address;
  }

  private static String accountFailureKey(String user) {
    return "ms:login-failures:{" + user + "}";
  }

  private static String accountLockKey(String user) {
    return "ms:login-lock:{" + user + "}";
  }

  /** The addresses that have failures or locks for the username, so unlock finds them all. */
  private static String addressesKey(String user) {
    return "ms:login-addresses:{" + user + "}";
  }

  /** Addresses the user signed in from lately; the account-wide lock does not apply to them. */
  private static String knownKey(String user) {
    return "ms:login-known:{" + user + "}";
  }
}
