package io.millstone.server.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * Real PostgreSQL and Redis servers started from Maven Central artifacts, for a newcomer who has
 * only a JDK. Their data lives under the data directory and survives restarts; both listen on
 * loopback only and use passwords generated on first start (kept in {@code secrets.properties},
 * readable by the owner only).
 */
public final class EmbeddedStores implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedStores.class);
  private static final String DATABASE = "millstone";

  private final EmbeddedPostgres postgres;
  private final RedisServer redis;
  private final DatabaseSettings databaseSettings;
  private final String redisUrl;

  private EmbeddedStores(
      EmbeddedPostgres postgres, RedisServer redis, DatabaseSettings db, String redisUrl) {
    this.postgres = postgres;
    this.redis = redis;
    this.databaseSettings = db;
    this.redisUrl = redisUrl;
  }

  /** Starts what the configuration does not point elsewhere; either part may be external. */
  public static EmbeddedStores start(
      MillstoneConfig config, boolean postgresNeeded, boolean redisNeeded) throws IOException {
    Path dir = config.dataDir();
    Files.createDirectories(dir);
    Properties secrets = loadOrCreateSecrets(dir.resolve("secrets.properties"));
    EmbeddedPostgres pg = null;
    RedisServer rs = null;
    try {
      DatabaseSettings db = null;
      if (postgresNeeded) {
        pg = startPostgres(dir.resolve("postgres"));
        db = bootstrapDatabase(pg, config, secrets);
      }
      String redisUrl = null;
      if (redisNeeded) {
        int port = freePort();
        Path redisDir = dir.resolve("redis");
        Files.createDirectories(redisDir);
        rs =
            RedisServer.newRedisServer()
                .bind("127.0.0.1")
                .port(port)
                .setting("dir " + redisDir.toAbsolutePath())
                .setting("appendonly yes")
                .setting("appendfsync everysec")
                .setting("protected-mode yes")
                .setting("requirepass " + secrets.getProperty("redis.password"))
                .setting("save 60 1")
                .onShutdownForceStop(true)
                .build();
        rs.start();
        redisUrl = "redis://:" + secrets.getProperty("redis.password") + "@127.0.0.1:" + port;
        log.info("Embedded Redis listening on 127.0.0.1:{}, data in {}", port, redisDir);
      }
      return new EmbeddedStores(pg, rs, db, redisUrl);
    } catch (IOException | RuntimeException e) {
      closeQuietly(pg, rs);
      throw e;
    }
  }

  private static EmbeddedPostgres startPostgres(Path pgDir) throws IOException {
    Files.createDirectories(pgDir.getParent());
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setDataDirectory(pgDir)
            .setCleanDataDirectory(false)
            .setPort(freePort())
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("max_connections", "100")
            .setServerConfig("shared_buffers", "128MB")
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setRegisterShutdownHook(false)
            .start();
    log.info("Embedded PostgreSQL listening on 127.0.0.1:{}, data in {}", pg.getPort(), pgDir);
    return pg;
  }

  /** Creates, once, the two roles and the database; later starts only refresh the passwords. */
  private static DatabaseSettings bootstrapDatabase(
      EmbeddedPostgres pg, MillstoneConfig config, Properties secrets) {
    String owner = config.dbOwnerUser();
    String runtime = config.dbUser();
    String ownerPassword = secrets.getProperty("db.owner.password");
    String runtimePassword = secrets.getProperty("db.password");
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      ensureRole(c, owner, ownerPassword, "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE");
      ensureRole(
          c,
          runtime,
          runtimePassword,
          "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION");
      boolean exists;
      try (PreparedStatement ps =
          c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        ps.setString(1, DATABASE);
        try (ResultSet rs = ps.executeQuery()) {
          exists = rs.next();
        }
      }
      if (!exists) {
        st.execute("CREATE DATABASE " + DATABASE + " OWNER " + owner + " ENCODING 'UTF8'");
        st.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
        st.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + DATABASE + " TO " + runtime);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not prepare the embedded database: " + e, e);
    }
    try (Connection c = pg.getDatabase("postgres", DATABASE).getConnection();
        Statement st = c.createStatement()) {
      // The owner creates the tables; nobody else may create anything in the schema.
      st.execute("ALTER SCHEMA public OWNER TO " + owner);
      st.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not prepare the embedded database: " + e, e);
    }
    String url =
        "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + DATABASE + "?sslmode=disable";
    return new DatabaseSettings(
        url, owner, ownerPassword, runtime, runtimePassword, config.dbPoolSize());
  }

  private static void ensureRole(Connection c, String role, String password, String attributes)
      throws SQLException {
    boolean exists;
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
      ps.setString(1, role);
      try (ResultSet rs = ps.executeQuery()) {
        exists = rs.next();
      }
    }
    // Role names are checked by DatabaseSettings; passwords are base64url, so quoting is safe.
    try (Statement st = c.createStatement()) {
      st.execute(
          (exists ? "ALTER ROLE " : "CREATE ROLE ")
              + role
              + " WITH "
              + attributes
              + " PASSWORD '"
              + password
              + "'");
    }
  }

  private static Properties loadOrCreateSecrets(Path file) throws IOException {
    Properties p = new Properties();
    if (Files.exists(file)) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      }
    }
    boolean changed = false;
    for (String key : new String[] {"db.owner.password", "db.password", "redis.password"}) {
      if (p.getProperty(key, "").isEmpty()) {
        p.setProperty(key, randomSecret());
        changed = true;
      }
    }
    if (changed) {
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        p.store(w, "Passwords of the embedded stores. Keep this file private.");
      }
    }
    return p;
  }

  private static String randomSecret() {
    byte[] b = new byte[24];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Null when PostgreSQL is external. */
  public DatabaseSettings databaseSettings() {
    return databaseSettings;
  }

  /** Null when Redis is external. */
  public String redisUrl() {
    return redisUrl;
  }

  @Override
  public void close() {
    closeQuietly(postgres, redis);
  }

  private static void closeQuietly(EmbeddedPostgres pg, RedisServer rs) {
    if (rs != null) {
      try {
        rs.stop();
      } catch (IOException | RuntimeException e) {
        log.warn("Embedded Redis did not stop cleanly: {}", e.toString());
      }
    }
    if (pg != null) {
      try {
        pg.close();
      } catch (IOException | RuntimeException e) {
        log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.toString());
      }
    }
  }
}
