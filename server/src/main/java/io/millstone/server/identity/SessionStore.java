package io.millstone.server.identity;

import io.millstone.server.platform.RedisSubscription;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;

/**
 * Sessions live in Redis under the SHA-256 of their token (a stolen Redis dump holds no usable
 * token), with a sliding idle expiry. Each node keeps what it read for a short time so most calls
 * need no Redis round trip; revocations are published so every node forgets the session at once. If
 * the revocation feed is down, the node stops trusting its cache until the feed is back. Besides
 * the idle expiry, a session ends its absolute lifetime after sign-in however busy it is, so a
 * stolen token that is kept in use does not work forever.
 */
public final class SessionStore implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SessionStore.class);
  static final String EVICT_CHANNEL = "ms:session:evict";
  private static final int MAX_CACHED = 100_000;

  private record Cached(Session session, long loadedAtNanos) {}

  private final RedisClient redis;
  private final Duration idleTimeout;
  private final Duration absoluteLifetime;
  private final Clock clock;
  private final long cacheTtlNanos;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private volatile boolean cacheTrusted;
  private final JedisPubSub subscriber;
  private final RedisSubscription evictions;

  public SessionStore(
      RedisClient redis,
      Duration idleTimeout,
      Duration absoluteLifetime,
      Duration cacheTtl,
      Clock clock) {
    this.redis = redis;
    this.idleTimeout = idleTimeout;
    this.absoluteLifetime = absoluteLifetime;
    this.clock = clock;
    this.cacheTtlNanos = cacheTtl.toNanos();
    this.subscriber =
        new JedisPubSub() {
          @Override
          public void onSubscribe(String channel, int count) {
            if (evictions.wanted()) {
              cache.clear();
              cacheTrusted = true;
            }
          }

          @Override
          public void onMessage(String channel, String message) {
            cache.remove(message);
          }
        };
    this.evictions =
        new RedisSubscription(
            "session-evictions",
            () -> {
              try {
                redis.subscribe(subscriber, EVICT_CHANNEL);
              } finally {
                cacheTrusted = false;
                cache.clear();
              }
            },
            subscriber::unsubscribe,
            subscriber::isSubscribed,
            e ->
                log.warn(
                    "Session revocation feed lost ({}); reading sessions from Redis until it is"
                        + " back",
                    e.toString()),
            Duration.ofSeconds(1));
    evictions.start();
  }

  /** Creates a session and returns its token: 256 random bits, shown to the client once. */
  public String create(
      UUID userId,
      String username,
      String displayName,
      UUID companyId,
      String companyName,
      List<String> roles,
      Set<String> permissions) {
    return create(userId, username, displayName, companyId, companyName, roles, permissions, false);
  }

  /**
   * Creates a session, restricted to changing the password when {@code mustChangePassword}, and
   * returns its token.
   */
  public String create(
      UUID userId,
      String username,
      String displayName,
      UUID companyId,
      String companyName,
      List<String> roles,
      Set<String> permissions,
      boolean mustChangePassword) {
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    String hash = hash(token);
    Map<String, String> fields = new HashMap<>();
    fields.put("u", userId.toString());
    fields.put("n", username);
    fields.put("d", displayName);
    fields.put("c", companyId.toString());
    fields.put("cn", companyName);
    fields.put("r", String.join(" ", roles));
    fields.put("p", String.join(" ", new TreeSet<>(permissions)));
    Instant now = clock.instant();
    fields.put("t", now.toString());
    if (mustChangePassword) {
      fields.put("mc", "1");
    }
    try (Pipeline p = redis.pipelined()) {
      p.hset(key(hash), fields);
      p.expire(key(hash), expirySeconds(now, now));
      p.sadd(userKey(userId), hash);
      p.expire(userKey(userId), idleTimeout.toSeconds());
      p.sync();
    }
    return token;
  }

  /** The session for a token, extending its idle expiry; empty if unknown, expired or revoked. */
  public Optional<Session> lookup(String token) {
    if (token == null || token.isEmpty() || token.length() > 100) {
      return Optional.empty();
    }
    String hash = hash(token);
    long now = System.nanoTime();
    Instant at = clock.instant();
    Cached c = cache.get(hash);
    if (c != null && cacheTrusted && now - c.loadedAtNanos < cacheTtlNanos) {
      if (outlived(c.session.createdAt(), at)) {
        revoke(hash);
        return Optional.empty();
      }
      return Optional.of(c.session);
    }
    Response<Map<String, String>> fields;
    try (Pipeline p = redis.pipelined()) {
      fields = p.hgetAll(key(hash));
      p.expire(key(hash), idleTimeout.toSeconds());
      p.sync();
    }
    Map<String, String> f = fields.get();
    if (f == null || f.isEmpty() || !f.containsKey("u")) {
      cache.remove(hash);
      return Optional.empty();
    }
    Instant created = Instant.parse(f.get("t"));
    if (outlived(created, at)) {
      revoke(hash);
      return Optional.empty();
    }
    // The idle expiry slides, but never past the absolute end.
    long expiry = expirySeconds(created, at);
    if (expiry < idleTimeout.toSeconds()) {
      redis.expire(key(hash), expiry);
    }
    Session s =
        new Session(
            Session.Kind.PERSON,
            hash,
            UUID.fromString(f.get("u")),
            f.get("n"),
            f.get("d"),
            UUID.fromString(f.get("c")),
            f.getOrDefault("cn", ""),
            split(f.get("r")),
            Set.copyOf(split(f.get("p"))),
            created,
            "1".equals(f.get("mc")));
    // Keep the user's index of sessions alive as long as any of them is in use, so revoking
    // all of a user's sessions still finds a long-lived one.
    redis.expire(userKey(s.userId()), idleTimeout.toSeconds());
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    cache.put(hash, new Cached(s, now));
    return Optional.of(s);
  }

  public void revoke(String tokenHash) {
    Map<String, String> f = redis.hgetAll(key(tokenHash));
    try (Pipeline p = redis.pipelined()) {
      p.del(key(tokenHash));
      if (f != null && f.containsKey("u")) {
        p.srem(userKey(UUID.fromString(f.get("u"))), tokenHash);
      }
      p.publish(EVICT_CHANNEL, tokenHash);
      p.sync();
    }
    cache.remove(tokenHash);
  }

  /**
   * Revokes the user's sessions, optionally only those in one company and sparing one. Returns how
   * many were revoked.
   */
  public int revokeAll(UUID userId, UUID onlyCompany, String except) {
    int n = 0;
    for (String h : redis.smembers(userKey(userId))) {
      if (h.equals(except)) {
        continue;
      }
      if (onlyCompany != null) {
        String c = redis.hget(key(h), "c");
        if (c != null && !c.equals(onlyCompany.toString())) {
          continue;
        }
      }
      if (redis.exists(key(h))) {
        n++;
        revoke(h);
      } else {
        redis.srem(userKey(userId), h);
      }
    }
    return n;
  }

  /** Lifts the one-time-password restriction from a live session, on every node at once. */
  public void passwordChanged(String tokenHash) {
    redis.hdel(key(tokenHash), "mc");
    redis.publish(EVICT_CHANNEL, tokenHash);
    cache.remove(tokenHash);
  }

  /** Gives the user's open sessions in a company their new roles at once. */
  public void updateRoles(
      UUID userId, UUID companyId, List<String> roles, Set<String> permissions) {
    for (String h : redis.smembers(userKey(userId))) {
      // Atomic, and only on a live session of that company: an ended one is never recreated.
      Object updated =
          redis.eval(
              "if redis.call('HGET', KEYS[1], 'c') == ARGV[1] then "
                  + "redis.call('HSET', KEYS[1], 'r', ARGV[2], 'p', ARGV[3]) return 1 end return 0",
              List.of(key(h)),
              List.of(
                  companyId.toString(),
                  String.join(" ", roles),
                  String.join(" ", new TreeSet<>(permissions))));
      if (Long.valueOf(1).equals(updated)) {
        redis.publish(EVICT_CHANNEL, h);
        cache.remove(h);
      }
    }
  }

  public Duration idleTimeout() {
    return idleTimeout;
  }

  private boolean outlived(Instant created, Instant now) {
    return !now.isBefore(created.plus(absoluteLifetime));
  }

  /** The idle timeout, or less when the session's absolute end comes sooner; at least 1 s. */
  private long expirySeconds(Instant created, Instant now) {
    Duration left = Duration.between(now, created.plus(absoluteLifetime));
    return Math.max(1, Math.min(idleTimeout.toSeconds(), left.toSeconds()));
  }

  private static List<String> split(String s) {
    return s == null || s.isBlank() ? List.of() : Arrays.asList(s.split(" "));
  }

  private static String key(String hash) {
    return "ms:session:" + hash;
  }

  private static String userKey(UUID userId) {
    return "ms:user-sessions:" + userId;
  }

  static String hash(String token) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    evictions.close();
  }
}
