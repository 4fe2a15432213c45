package io.millstone.server.platform;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.Reader;
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

  private static final String RUN_FILE = "run/stores.properties";

  private final EmbeddedPostgres postgres;
  private final RedisServer redis;
  private final DatabaseSettings databaseSettings;
  private final String redisUrl;
  private final Path runFile;

  private EmbeddedStores(
      EmbeddedPostgres postgres,
      RedisServer redis,
      DatabaseSettings db,
      String redisUrl,
      Path runFile) {
    this.postgres = postgres;
    this.redis = redis;
    this.databaseSettings = db;
    this.redisUrl = redisUrl;
    this.runFile = runFile;
  }

  /**
   * The embedded stores another process of this installation has running, read from the run file it
   * wrote; empty when none runs (no file, or its process is gone). Either part is null when that
   * store is external.
   */
  public record Running(long pid, DatabaseSettings databaseSettings, String redisUrl) {}

  public static java.util.Optional<Running> running(MillstoneConfig config) throws IOException {
    Path file = config.dataDir().resolve(RUN_FILE);
    Properties run = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      run.load(r);
    } catch (java.nio.file.NoSuchFileException | java.nio.file.AccessDeniedException e) {
      return java.util.Optional.empty();
    }
    long pid = Long.parseLong(run.getProperty("pid", "-1"));
    if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      return java.util.Optional.empty(); // left by a process that did not stop cleanly
    }
    Properties secrets = loadSecrets(config.dataDir().resolve("secrets.properties"));
    int pgPort = Integer.parseInt(run.getProperty("postgres.port", "0"));
    int redisPort = Integer.parseInt(run.getProperty("redis.port", "0"));
    return java.util.Optional.of(
        new Running(
            pid,
            pgPort > 0 ? settings(config, secrets, pgPort) : null,
            redisPort > 0 ? redisUrl(secrets, redisPort) : null));
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
        Path pgDir = dir.resolve("postgres");
        String superuserPassword = secrets.getProperty("db.superuser.password");
        pg = startPostgres(dir, pgDir, superuserPassword);
        requirePasswords(pg, pgDir, superuserPassword);
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
        redisUrl = redisUrl(secrets, port);
        log.info("Embedded Redis listening on 127.0.0.1:{}, data in {}", port, redisDir);
      }
      Path runFile = null;
      if (pg != null || rs != null) {
        runFile = dir.resolve(RUN_FILE);
        writeRunFile(runFile, pg == null ? 0 : pg.getPort(), rs == null ? 0 : rs.ports().get(0));
      }
      return new EmbeddedStores(pg, rs, db, redisUrl, runFile);
    } catch (IOException | RuntimeException e) {
      closeQuietly(pg, rs);
      throw e;
    }
  }

  /** Tells the admin commands of this installation where the stores listen; owner-only. */
  private static void writeRunFile(Path file, int pgPort, int redisPort) throws IOException {
    Files.createDirectories(file.getParent());
    Properties p = new Properties();
    p.setProperty("pid", String.valueOf(ProcessHandle.current().pid()));
    p.setProperty("postgres.port", String.valueOf(pgPort));
    p.setProperty("redis.port", String.valueOf(redisPort));
    java.io.StringWriter w = new java.io.StringWriter();
    p.store(w, "Embedded stores of the running Millstone server; removed when it stops.");
    writeOwnerOnly(file, w.toString());
  }

  /** Replaces {@code file} atomically with {@code content}, readable by its owner only. */
  private static void writeOwnerOnly(Path file, String content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(
        tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(
        tmp,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static String redisUrl(Properties secrets, int port) {
    return "redis://:" + secrets.getProperty("redis.password") + "@127.0.0.1:" + port;
  }

  private static DatabaseSettings settings(MillstoneConfig config, Properties secrets, int port) {
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE + "?sslmode=disable";
    return new DatabaseSettings(
        url,
        config.dbOwnerUser(),
        secrets.getProperty("db.owner.password"),
        config.dbUser(),
        secrets.getProperty("db.password"),
        config.dbPoolSize());
  }

  /**
   * Starts PostgreSQL on {@code pgDir}. A new cluster is made by initdb with SCRAM-SHA-256 and the
   * superuser's generated password (from a file only the service user can read, removed at once),
   * so it never trusts a connection, not even in its first seconds. The binaries are unpacked into
   * {@link #binariesDirectory} (owner-only, under the data directory) rather than zonky's shared
   * directory under /tmp, where another local user could plant binaries with the marker file that
   * makes zonky trust them.
   */
  static EmbeddedPostgres startPostgres(Path dataDir, Path pgDir, String superuserPassword)
      throws IOException {
    Files.createDirectories(pgDir.getParent());
    Path binaries = binariesDirectory(dataDir);
    // Zonky makes its working directory writable by everyone; inside an owner-only directory
    // nobody else can reach it.
    Path work = binaries.resolve("postgres");
    EmbeddedPostgres.Builder builder =
        zonkyBuilder(work)
            .setOverrideWorkingDirectory(work.toFile())
            .setPgBinaryResolver(new BinariesIn(work))
            .setDataDirectory(pgDir)
            // Zonky's own connections (as the superuser "postgres") give the password.
            .setConnectConfig("password", superuserPassword)
            .setCleanDataDirectory(false)
            .setPort(freePort())
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("max_connections", "100")
            .setServerConfig("shared_buffers", "128MB")
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setRegisterShutdownHook(false);
    Path pwfile = null;
    if (!Files.exists(pgDir.resolve("postgresql.conf"))) {
      // Zonky passes these after its own "-A trust", and initdb takes the last --auth given.
      pwfile = binaries.resolve("initdb-superuser-password");
      writeOwnerOnly(pwfile, superuserPassword + "\n");
      builder
          .setLocaleConfig("auth", "scram-sha-256")
          .setLocaleConfig("pwfile", pwfile.toAbsolutePath().toString());
    }
    EmbeddedPostgres pg;
    try {
      pg = builder.start();
    } finally {
      if (pwfile != null) {
        Files.deleteIfExists(pwfile);
      }
    }
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx------"));
    log.info("Embedded PostgreSQL listening on 127.0.0.1:{}, data in {}", pg.getPort(), pgDir);
    return pg;
  }

  /**
   * A builder whose "parent directory" is {@code work} too: zonky otherwise makes /tmp/embedded-pg
   * and, at every start, stops and deletes whatever it finds there that looks like an old cluster
   * of its own, which another local user could arrange. Zonky reads that directory from a system
   * property only, when the builder is made.
   */
  private static synchronized EmbeddedPostgres.Builder zonkyBuilder(Path work) {
    String before = System.getProperty(ZONKY_WORKING_DIR);
    System.setProperty(ZONKY_WORKING_DIR, work.toAbsolutePath().toString());
    try {
      return EmbeddedPostgres.builder();
    } finally {
      if (before == null) {
        System.clearProperty(ZONKY_WORKING_DIR);
      } else {
        System.setProperty(ZONKY_WORKING_DIR, before);
      }
    }
  }

  private static final String ZONKY_WORKING_DIR = "ot.epg.working-dir";

  /**
   * Where the PostgreSQL binaries are unpacked: {@code binaries/} in the data directory, made (or
   * made again) readable and writable by the service user only.
   */
  static Path binariesDirectory(Path dataDir) throws IOException {
    Path dir = dataDir.resolve("binaries");
    try {
      Files.createDirectory(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (java.nio.file.FileAlreadyExistsException e) {
      if (Files.isSymbolicLink(dir) || !Files.isDirectory(dir)) {
        throw new IOException(dir + " must be a directory of its own, not a link or a file", e);
      }
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
    return dir;
  }

  /**
   * Zonky's bundled binaries, keyed by the directory they unpack into: zonky remembers one unpacked
   * copy per resolver for the life of the JVM, so each data directory gets its own.
   */
  private record BinariesIn(Path directory) implements PgBinaryResolver {
    @Override
    public java.io.InputStream getPgBinary(String system, String machineHardware)
        throws IOException {
      return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
    }
  }

  /**
   * Every connection to the embedded PostgreSQL must give its role's password (SCRAM-SHA-256), the
   * superuser's too: any local user could otherwise connect as the superuser and read every
   * company's rows past row-level security. A new cluster is made so by initdb ({@link
   * #startPostgres}); a data directory made by an older version (whose initdb left {@code trust})
   * has its pg_hba.conf replaced and reloaded here, and the superuser's password set.
   */
  static void requirePasswords(EmbeddedPostgres pg, Path pgDir, String superuserPassword)
      throws IOException {
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      // Passwords are base64url, so quoting is safe; SCRAM is PostgreSQL's default encryption.
      st.execute("SET password_encryption = 'scram-sha-256'");
      st.execute("ALTER ROLE postgres WITH PASSWORD '" + superuserPassword + "'");
      Path hba = pgDir.resolve("pg_hba.conf");
      if (!Files.exists(hba) || !Files.readString(hba).equals(PG_HBA)) {
        writeOwnerOnly(hba, PG_HBA);
        try (ResultSet rs = st.executeQuery("SELECT pg_reload_conf()")) {
          rs.next();
        }
        log.info("Embedded PostgreSQL now requires a password on every connection");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not secure the embedded database: " + e, e);
    }
  }

  /**
   * The embedded PostgreSQL superuser's password, for maintenance that needs the superuser (tests
   * and benchmarks that create databases or change server settings); nothing in the server uses it
   * after start. Empty when this data directory has none yet.
   */
  public static java.util.Optional<String> superuserPassword(Path dataDir) throws IOException {
    return java.util.Optional.ofNullable(
        loadSecrets(dataDir.resolve("secrets.properties")).getProperty("db.superuser.password"));
  }

  private static final String PG_HBA =
      """
      # Written by Millstone: every connection gives its role's password (SCRAM-SHA-256).
      # TYPE  DATABASE  USER  ADDRESS        METHOD
      local   all       all                  scram-sha-256
      host    all       all   127.0.0.1/32   scram-sha-256
      host    all       all   ::1/128        scram-sha-256
      """;

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
    return settings(config, secrets, pg.getPort());
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
    Properties p = loadSecrets(file);
    boolean changed = false;
    for (String key :
        new String[] {
          "db.owner.password", "db.password", "db.superuser.password", "redis.password"
        }) {
      if (p.getProperty(key, "").isEmpty()) {
        p.setProperty(key, randomSecret());
        changed = true;
      }
    }
    if (changed) {
      java.io.StringWriter w = new java.io.StringWriter();
      p.store(w, "Passwords of the embedded stores. Keep this file private.");
      writeOwnerOnly(file, w.toString());
    }
    return p;
  }

  /** The generated passwords as they are; empty when there are none yet. */
  private static Properties loadSecrets(Path file) throws IOException {
    Properties p = new Properties();
    if (Files.exists(file)) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      }
    }
    return p;
  }

  private static String randomSecret() {
    byte[] b = new byte[24];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static int freePort() {
    return LoopbackPorts.free();
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
    try {
      if (runFile != null) {
        Files.deleteIfExists(runFile);
      }
    } catch (IOException e) {
      log.warn("Could not remove {}: {}", runFile, e.toString());
    } finally {
      closeQuietly(postgres, redis);
    }
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
