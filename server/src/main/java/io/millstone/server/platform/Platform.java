package io.millstone.server.platform;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.RedisClient;

/**
 * The stores a server node stands on: PostgreSQL (migrated, then opened as the runtime role) and
 * Redis, external when configured and embedded otherwise. Several server instances may share one
 * platform (tests do); it is closed after them.
 */
public final class Platform implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Platform.class);

  private final MillstoneConfig config;
  private final EmbeddedStores embedded;
  private final Database database;
  private final RedisClient redis;
  private final String redisUrl;
  private final boolean owner;

  private Platform(
      MillstoneConfig config,
      EmbeddedStores embedded,
      Database database,
      RedisClient redis,
      String redisUrl,
      boolean owner) {
    this.config = config;
    this.embedded = embedded;
    this.database = database;
    this.redis = redis;
    this.redisUrl = redisUrl;
    this.owner = owner;
  }

  /**
   * The same stores seen with other settings (limits, timeouts); closing the view leaves the stores
   * running. Tests use it to run a node with tight limits beside the others.
   */
  public Platform sharing(MillstoneConfig other) {
    return new Platform(other, embedded, database, redis, redisUrl, false);
  }

  /**
   * The same database with another Redis (a new pool on {@code redisUrl}); closing the view leaves
   * both running, its Redis pool is closed through {@link #redis()}. Tests use it to stop and start
   * a Redis of their own under running nodes.
   */
  public Platform withRedis(String redisUrl) {
    return new Platform(config, embedded, database, redisClient(redisUrl), redisUrl, false);
  }

  /** Starts or connects the stores, migrates the schema and opens the pools. */
  public static Platform start(
      MillstoneConfig config, List<Class<?>> entities, MeterRegistry registry) throws IOException {
    EmbeddedStores embedded =
        EmbeddedStores.start(config, config.dbUrl().isEmpty(), config.redisUrl().isEmpty());
    Database db = null;
    RedisClient redis = null;
    try {
      DatabaseSettings dbSettings =
          config.dbUrl().isPresent() ? externalDatabase(config) : embedded.databaseSettings();
      Database.migrate(dbSettings);
      db = Database.open(dbSettings, entities, registry);
      String redisUrl = config.redisUrl().orElseGet(embedded::redisUrl);
      redis = redisClient(redisUrl);
      redis.ping();
      log.info("Stores ready: {}", config);
      return new Platform(config, embedded, db, redis, redisUrl, true);
    } catch (RuntimeException e) {
      if (redis != null) {
        redis.close();
      }
      if (db != null) {
        db.close();
      }
      embedded.close();
      throw e;
    }
  }

  /** Only migrates: for the {@code migrate} command. */
  public static void migrateOnly(MillstoneConfig config) throws IOException {
    try (EmbeddedStores embedded = EmbeddedStores.start(config, config.dbUrl().isEmpty(), false)) {
      Database.migrate(
          config.dbUrl().isPresent() ? externalDatabase(config) : embedded.databaseSettings());
    }
  }

  static DatabaseSettings externalDatabase(MillstoneConfig config) {
    return new DatabaseSettings(
        config.dbUrl().orElseThrow(),
        config.dbOwnerUser(),
        config.dbOwnerPassword().orElse(null),
        config.dbUser(),
        config.dbPassword().orElse(null),
        config.dbPoolSize());
  }

  public MillstoneConfig config() {
    return config;
  }

  public Database database() {
    return database;
  }

  /**
   * The node's Redis connections. Each server node holds two of them for good (the session-eviction
   * and live-value subscriptions), so Jedis' default pool of 8 left six for every request; and a
   * request that found the pool empty waited without end. Now the pool is sized for the gRPC
   * workers, and a request that cannot get a connection within 10 s fails instead of hanging.
   */
  static RedisClient redisClient(String url) {
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(REDIS_POOL_SIZE);
    pool.setMaxIdle(REDIS_POOL_SIZE);
    pool.setMaxWait(Duration.ofSeconds(10));
    pool.setBlockWhenExhausted(true);
    return RedisClient.builder().fromURI(URI.create(url)).poolConfig(pool).build();
  }

  /** Connections in a node's Redis pool. */
  static final int REDIS_POOL_SIZE = 64;

  public RedisClient redis() {
    return redis;
  }

  /** With its password: never log it. */
  public String redisUrl() {
    return redisUrl;
  }

  @Override
  public void close() {
    if (!owner) {
      return;
    }
    try {
      redis.close();
    } finally {
      try {
        database.close();
      } finally {
        embedded.close();
      }
    }
  }
}
