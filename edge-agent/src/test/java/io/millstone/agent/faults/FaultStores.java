package io.millstone.agent.faults;

import io.millstone.server.platform.LoopbackPorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import redis.embedded.RedisServer;

/**
 * PostgreSQL and Redis as a server process sees external stores: started by the test on fixed
 * loopback ports with their data on disk, so the test can stop and start each one under a running
 * server, on the same data and port, as an admin restarting a service would.
 */
final class FaultStores implements AutoCloseable {
  static final String OWNER = "millstone_owner";
  static final String RUNTIME = "millstone_app";
  static final String OWNER_PASSWORD = "owner-pw-faults";
  static final String RUNTIME_PASSWORD = "app-pw-faults";
  static final String REDIS_PASSWORD = "redis-pw-faults";

  private final Path dir;
  private final int pgPort;
  private final int redisPort;
  private EmbeddedPostgres postgres;
  private RedisServer redis;

  FaultStores(Path dir) throws IOException, SQLException {
    this.dir = dir;
    this.pgPort = freePort();
    this.redisPort = freePort();
    startPostgres();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      st.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + OWNER_PASSWORD + "'");
      st.execute(
          "CREATE ROLE "
              + RUNTIME
              + " LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '"
              + RUNTIME_PASSWORD
              + "'");
      st.execute("CREATE DATABASE millstone OWNER " + OWNER);
      st.execute("REVOKE ALL ON DATABASE millstone FROM PUBLIC");
      st.execute("GRANT CONNECT, TEMPORARY ON DATABASE millstone TO " + RUNTIME);
    }
    try (Connection c = postgres.getDatabase("postgres", "millstone").getConnection();
        Statement st = c.createStatement()) {
      st.execute("ALTER SCHEMA public OWNER TO " + OWNER);
      st.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
    }
    startRedis();
  }

  void startPostgres() throws IOException {
    postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir.resolve("postgres"))
            .setCleanDataDirectory(false)
            .setPort(pgPort)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("max_connections", "60")
            .setServerConfig("shared_buffers", "32MB")
            .setRegisterShutdownHook(true)
            .start();
  }

  /** A fast shutdown: open connections are cut, committed data stays. */
  void stopPostgres() throws IOException {
    postgres.close();
    postgres = null;
  }

  void startRedis() throws IOException {
    Path data = dir.resolve("redis");
    Files.createDirectories(data);
    redis =
        RedisServer.newRedisServer()
            .bind("127.0.0.1")
            .port(redisPort)
            .setting("dir " + data.toAbsolutePath())
            .setting("appendonly yes")
            .setting("appendfsync everysec")
            .setting("requirepass " + REDIS_PASSWORD)
            .onShutdownForceStop(true)
            .build();
    redis.start();
  }

  void stopRedis() throws IOException {
    redis.stop();
    redis = null;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + pgPort + "/millstone?sslmode=disable";
  }

  String redisUrl() {
    return redisUrl(redisPort);
  }

  /** Redis as reached through {@code port}, e.g. a {@link BreakableProxy} in front of it. */
  static String redisUrl(int port) {
    return "redis://:" + REDIS_PASSWORD + "@127.0.0.1:" + port;
  }

  int redisPort() {
    return redisPort;
  }

  /** A connection as the schema owner, which row-level security does not filter. */
  Connection ownerConnection() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), OWNER, OWNER_PASSWORD);
  }

  /** The server's settings for these stores, as MILLSTONE_ environment variables. */
  Map<String, String> serverEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("MILLSTONE_DB_URL", jdbcUrl());
    env.put("MILLSTONE_DB_USER", RUNTIME);
    env.put("MILLSTONE_DB_PASSWORD", RUNTIME_PASSWORD);
    env.put("MILLSTONE_DB_OWNER_USER", OWNER);
    env.put("MILLSTONE_DB_OWNER_PASSWORD", OWNER_PASSWORD);
    env.put("MILLSTONE_REDIS_URL", redisUrl());
    return env;
  }

  /** The stores and the server are stopped and started again on the same ports. */
  static int freePort() {
    return LoopbackPorts.free();
  }

  @Override
  public void close() throws IOException {
    try {
      if (redis != null) {
        redis.stop();
      }
    } finally {
      if (postgres != null) {
        postgres.close();
      }
    }
  }
}
