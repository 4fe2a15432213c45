package io.millstone.server.platform;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The server's settings, read once at start from an optional properties file and the environment
 * (environment wins). Keys in the file are dotted ({@code db.url}); the environment spells them
 * {@code MILLSTONE_DB_URL}. Immutable: build one with {@link #builder()}.
 */
public final class MillstoneConfig {
  /** MILLSTONE_ variables read by the launcher or by single commands, not server settings. */
  private static final java.util.Set<String> NOT_SETTINGS =
      java.util.Set.of(
          "MILLSTONE_CONFIG",
          "MILLSTONE_JAVA_OPTS",
          "MILLSTONE_JVM_DIR",
          "MILLSTONE_NEW_PASSWORD",
          "MILLSTONE_ACCESS_LOG",
          "MILLSTONE_PASSWORD",
          "MILLSTONE_CLIENT_CONFIG_DIR");

  private final String host;
  private final int port;
  private final String metricsHost;
  private final int metricsPort;
  private final Path dataDir;
  private final Optional<String> dbUrl;
  private final String dbUser;
  private final Optional<String> dbPassword;
  private final String dbOwnerUser;
  private final Optional<String> dbOwnerPassword;
  private final Optional<String> redisUrl;
  private final Optional<Path> tlsCert;
  private final Optional<Path> tlsKey;
  private final boolean tlsOnLoopback;
  private final Duration sessionIdleTimeout;
  private final Duration sessionCacheTtl;
  private final Duration maxCallDuration;
  private final int maxMessageBytes;
  private final int maxMetadataBytes;
  private final int maxConcurrentCallsPerConnection;
  private final int userCallsPerSecond;
  private final int addressCallsPerSecond;
  private final int loginAttemptsPerAddressPerMinute;
  private final int loginFailuresBeforeLockout;
  private final Duration lockoutDuration;
  private final int loginAccountFailuresBeforeLockout;
  private final Duration loginAccountFailureWindow;
  private final Duration loginAccountLockout;
  private final Duration sessionAbsoluteLifetime;
  private final int passwordHashThreads;
  private final int passwordHashQueue;
  private final int dbPoolSize;
  private final Optional<Path> backupDir;
  private final Duration backupInterval;
  private final int backupKeep;
  private final boolean demo;
  private final Optional<String> reportDbUrl;
  private final Optional<String> reportDbUser;
  private final Optional<String> reportDbPassword;
  private final int reportDbPoolSize;
  private final int attachmentMaxBytes;

  private MillstoneConfig(Builder b) {
    this.host = b.host;
    this.port = b.port;
    this.metricsHost = b.metricsHost;
    this.metricsPort = b.metricsPort;
    this.dataDir = Objects.requireNonNull(b.dataDir, "dataDir");
    this.dbUrl = Optional.ofNullable(b.dbUrl);
    this.dbUser = b.dbUser;
    this.dbPassword = Optional.ofNullable(b.dbPassword);
    this.dbOwnerUser = b.dbOwnerUser;
    this.dbOwnerPassword = Optional.ofNullable(b.dbOwnerPassword);
    this.redisUrl = Optional.ofNullable(b.redisUrl);
    this.tlsCert = Optional.ofNullable(b.tlsCert);
    this.tlsKey = Optional.ofNullable(b.tlsKey);
    this.tlsOnLoopback = b.tlsOnLoopback;
    this.sessionIdleTimeout = b.sessionIdleTimeout;
    this.sessionCacheTtl = b.sessionCacheTtl;
    this.maxCallDuration = b.maxCallDuration;
    this.maxMessageBytes = b.maxMessageBytes;
    this.maxMetadataBytes = b.maxMetadataBytes;
    this.maxConcurrentCallsPerConnection = b.maxConcurrentCallsPerConnection;
    this.userCallsPerSecond = b.userCallsPerSecond;
    this.addressCallsPerSecond = b.addressCallsPerSecond;
    this.loginAttemptsPerAddressPerMinute = b.loginAttemptsPerAddressPerMinute;
    this.loginFailuresBeforeLockout = b.loginFailuresBeforeLockout;
    this.lockoutDuration = b.lockoutDuration;
    this.loginAccountFailuresBeforeLockout = b.loginAccountFailuresBeforeLockout;
    this.loginAccountFailureWindow = b.loginAccountFailureWindow;
    this.loginAccountLockout = b.loginAccountLockout;
    this.sessionAbsoluteLifetime = b.sessionAbsoluteLifetime;
    this.passwordHashThreads = b.passwordHashThreads;
    this.passwordHashQueue = b.passwordHashQueue;
    this.dbPoolSize = b.dbPoolSize;
    this.backupDir = Optional.ofNullable(b.backupDir);
    this.backupInterval = b.backupInterval;
    this.backupKeep = b.backupKeep;
    this.demo = b.demo;
    this.reportDbUrl = Optional.ofNullable(b.reportDbUrl);
    this.reportDbUser = Optional.ofNullable(b.reportDbUser);
    this.reportDbPassword = Optional.ofNullable(b.reportDbPassword);
    this.reportDbPoolSize = b.reportDbPoolSize;
    this.attachmentMaxBytes = b.attachmentMaxBytes;
    if (attachmentMaxBytes < 1) {
      throw new IllegalArgumentException("attachment.max.bytes must be at least 1.");
    }
    if (reportDbPoolSize < 1) {
      throw new IllegalArgumentException("report.db.pool.size must be at least 1.");
    }
    if (backupInterval.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalArgumentException("backup.interval must be at least 1m.");
    }
    if (sessionAbsoluteLifetime.isNegative() || sessionAbsoluteLifetime.isZero()) {
      throw new IllegalArgumentException("session.absolute.lifetime must be positive.");
    }
    if (passwordHashThreads < 1 || passwordHashQueue < 0) {
      throw new IllegalArgumentException(
          "password.hash.threads must be at least 1 and password.hash.queue at least 0.");
    }
    if (backupKeep < 1) {
      throw new IllegalArgumentException("backup.keep must be at least 1.");
    }
    if (tlsCert.isPresent() != tlsKey.isPresent()) {
      throw new IllegalArgumentException("Set both tls.cert and tls.key, or neither.");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.host = host;
    b.port = port;
    b.metricsHost = metricsHost;
    b.metricsPort = metricsPort;
    b.dataDir = dataDir;
    b.dbUrl = dbUrl.orElse(null);
    b.dbUser = dbUser;
    b.dbPassword = dbPassword.orElse(null);
    b.dbOwnerUser = dbOwnerUser;
    b.dbOwnerPassword = dbOwnerPassword.orElse(null);
    b.redisUrl = redisUrl.orElse(null);
    b.tlsCert = tlsCert.orElse(null);
    b.tlsKey = tlsKey.orElse(null);
    b.tlsOnLoopback = tlsOnLoopback;
    b.sessionIdleTimeout = sessionIdleTimeout;
    b.sessionCacheTtl = sessionCacheTtl;
    b.maxCallDuration = maxCallDuration;
    b.maxMessageBytes = maxMessageBytes;
    b.maxMetadataBytes = maxMetadataBytes;
    b.maxConcurrentCallsPerConnection = maxConcurrentCallsPerConnection;
    b.userCallsPerSecond = userCallsPerSecond;
    b.addressCallsPerSecond = addressCallsPerSecond;
    b.loginAttemptsPerAddressPerMinute = loginAttemptsPerAddressPerMinute;
    b.loginFailuresBeforeLockout = loginFailuresBeforeLockout;
    b.lockoutDuration = lockoutDuration;
    b.loginAccountFailuresBeforeLockout = loginAccountFailuresBeforeLockout;
    b.loginAccountFailureWindow = loginAccountFailureWindow;
    b.loginAccountLockout = loginAccountLockout;
    b.sessionAbsoluteLifetime = sessionAbsoluteLifetime;
    b.passwordHashThreads = passwordHashThreads;
    b.passwordHashQueue = passwordHashQueue;
    b.dbPoolSize = dbPoolSize;
    b.backupDir = backupDir.orElse(null);
    b.backupInterval = backupInterval;
    b.backupKeep = backupKeep;
    b.demo = demo;
    b.reportDbUrl = reportDbUrl.orElse(null);
    b.reportDbUser = reportDbUser.orElse(null);
    b.reportDbPassword = reportDbPassword.orElse(null);
    b.reportDbPoolSize = reportDbPoolSize;
    b.attachmentMaxBytes = attachmentMaxBytes;
    return b;
  }

  /**
   * Reads the configuration: defaults, then {@code file} if given, then the environment. Unknown
   * keys are an error, so a typo in a config file is noticed at start rather than ignored.
   */
  public static MillstoneConfig load(Optional<Path> file, Map<String, String> env) {
    Properties props = new Properties();
    if (file.isPresent()) {
      try (Reader r = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
        props.load(r);
      } catch (IOException e) {
        throw new IllegalArgumentException("Cannot read config file " + file.get() + ": " + e, e);
      }
    }
    Builder b = builder();
    List<String> unknown = new ArrayList<>();
    for (String key : props.stringPropertyNames()) {
      if (!b.set(key, props.getProperty(key).trim())) {
        unknown.add(key);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "Unknown setting(s) in " + file.get() + ": " + String.join(", ", unknown));
    }
    List<String> unknownEnv = new ArrayList<>();
    for (Map.Entry<String, String> e : env.entrySet()) {
      String name = e.getKey();
      if (name.startsWith("MILLSTONE_") && !NOT_SETTINGS.contains(name)) {
        String key =
            name.substring("MILLSTONE_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
        if (!b.set(key, e.getValue().trim())) {
          unknownEnv.add(name);
        }
      }
    }
    if (!unknownEnv.isEmpty()) {
      // A misspelt MILLSTONE_DB_URL must not silently start an empty embedded database.
      throw new IllegalArgumentException(
          "Unknown environment variable(s): "
              + String.join(", ", unknownEnv.stream().sorted().toList()));
    }
    return b.build();
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public String metricsHost() {
    return metricsHost;
  }

  /** The Prometheus endpoint's port; 0 or less turns the endpoint off. */
  public int metricsPort() {
    return metricsPort;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Empty means: start an embedded PostgreSQL in the data directory. */
  public Optional<String> dbUrl() {
    return dbUrl;
  }

  /** The runtime role: owns nothing, cannot bypass row-level security. */
  public String dbUser() {
    return dbUser;
  }

  public Optional<String> dbPassword() {
    return dbPassword;
  }

  /** The role that owns the schema and runs migrations. */
  public String dbOwnerUser() {
    return dbOwnerUser;
  }

  public Optional<String> dbOwnerPassword() {
    return dbOwnerPassword;
  }

  /** Empty means: start an embedded Redis in the data directory. */
  public Optional<String> redisUrl() {
    return redisUrl;
  }

  public Optional<Path> tlsCert() {
    return tlsCert;
  }

  public Optional<Path> tlsKey() {
    return tlsKey;
  }

  /** Use TLS even on a loopback address (off loopback it is always used). */
  public boolean tlsOnLoopback() {
    return tlsOnLoopback;
  }

  public Duration sessionIdleTimeout() {
    return sessionIdleTimeout;
  }

  /** How long a node trusts a session it read from Redis before reading it again. */
  public Duration sessionCacheTtl() {
    return sessionCacheTtl;
  }

  public Duration maxCallDuration() {
    return maxCallDuration;
  }

  public int maxMessageBytes() {
    return maxMessageBytes;
  }

  public int maxMetadataBytes() {
    return maxMetadataBytes;
  }

  public int maxConcurrentCallsPerConnection() {
    return maxConcurrentCallsPerConnection;
  }

  public int userCallsPerSecond() {
    return userCallsPerSecond;
  }

  public int addressCallsPerSecond() {
    return addressCallsPerSecond;
  }

  public int loginAttemptsPerAddressPerMinute() {
    return loginAttemptsPerAddressPerMinute;
  }

  /** Failed sign-ins of one username from one address that lock that address out of it. */
  public int loginFailuresBeforeLockout() {
    return loginFailuresBeforeLockout;
  }

  /** How long a lock of one username from one address lasts. */
  public Duration lockoutDuration() {
    return lockoutDuration;
  }

  /**
   * Failed sign-ins of one username from all addresses together, within {@link
   * #loginAccountFailureWindow()}, that lock it for every address it has not signed in from lately.
   */
  public int loginAccountFailuresBeforeLockout() {
    return loginAccountFailuresBeforeLockout;
  }

  public Duration loginAccountFailureWindow() {
    return loginAccountFailureWindow;
  }

  public Duration loginAccountLockout() {
    return loginAccountLockout;
  }

  /** A session ends this long after sign-in, however busy it is. */
  public Duration sessionAbsoluteLifetime() {
    return sessionAbsoluteLifetime;
  }

  /** Threads that compute password hashes (sign-in, password changes). */
  public int passwordHashThreads() {
    return passwordHashThreads;
  }

  /**
   * Hashes that may wait for a thread; beyond that, a sign-in is told to try again (a new password
   * waits for a place).
   */
  public int passwordHashQueue() {
    return passwordHashQueue;
  }

  public int dbPoolSize() {
    return dbPoolSize;
  }

  /** Where scheduled backups go; empty means the server takes none. */
  public Optional<Path> backupDir() {
    return backupDir;
  }

  public Duration backupInterval() {
    return backupInterval;
  }

  /** How many scheduled backups to keep; older ones are deleted after a successful new one. */
  public int backupKeep() {
    return backupKeep;
  }

  /**
   * Whether {@code run} seeds the demo sugar mill (once) as {@code run --demo} does: the way to try
   * the demo on an installed server, whose service command line the admin does not edit.
   */
  public boolean demo() {
    return demo;
  }

  /**
   * Where reports read (the production report): a PostgreSQL read replica, say. Empty means the
   * server's own database and pool; reports then still run in read-only transactions.
   */
  public Optional<String> reportDbUrl() {
    return reportDbUrl;
  }

  /** The report connection's role; empty means {@link #dbUser()} (RLS must hold for it too). */
  public Optional<String> reportDbUser() {
    return reportDbUser;
  }

  public Optional<String> reportDbPassword() {
    return reportDbPassword;
  }

  /** Connections in the report pool, when {@link #reportDbUrl()} is set. */
  public int reportDbPoolSize() {
    return reportDbPoolSize;
  }

  public int attachmentMaxBytes() {
    return attachmentMaxBytes;
  }

  /** Passwords are never printed. */
  @Override
  public String toString() {
    return "MillstoneConfig{listen="
        + host
        + ":"
        + port
        + ", metrics="
        + (metricsPort > 0 ? metricsHost + ":" + metricsPort : "off")
        + ", dataDir="
        + dataDir
        + ", db="
        + dbUrl.map(DatabaseSettings::mask).orElse("embedded")
        + ", redis="
        + redisUrl.map(MillstoneConfig::withoutCredentials).orElse("embedded")
        + ", tls="
        + tlsCert.map(Path::toString).orElse("auto")
        + reportDbUrl.map(u -> ", report.db=" + DatabaseSettings.mask(u)).orElse("")
        + ", backups="
        + backupDir.map(d -> d + " every " + backupInterval + ", keep " + backupKeep).orElse("off")
        + "}";
  }

  static String withoutCredentials(String url) {
    int at = url.lastIndexOf('@');
    int scheme = url.indexOf("://");
    return at > 0 && scheme >= 0
        ? url.substring(0, scheme + 3) + "***@" + url.substring(at + 1)
        : url;
  }

  /** Collects settings; {@link #build()} checks them. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 50051;
    private String metricsHost = "127.0.0.1";
    private int metricsPort = 9464;
    private Path dataDir = Path.of(System.getProperty("user.home"), ".millstone");
    private String dbUrl;
    private String dbUser = "millstone_app";
    private String dbPassword;
    private String dbOwnerUser = "millstone_owner";
    private String dbOwnerPassword;
    private String redisUrl;
    private Path tlsCert;
    private Path tlsKey;
    private boolean tlsOnLoopback;
    private Duration sessionIdleTimeout = Duration.ofHours(8);
    private Duration sessionCacheTtl = Duration.ofSeconds(30);
    private Duration maxCallDuration = Duration.ofSeconds(60);
    private int maxMessageBytes = 4 * 1024 * 1024;
    private int maxMetadataBytes = 16 * 1024;
    private int maxConcurrentCallsPerConnection = 128;
    private int userCallsPerSecond = 200;
    private int addressCallsPerSecond = 1000;
    private int loginAttemptsPerAddressPerMinute = 30;
    private int loginFailuresBeforeLockout = 5;
    private Duration lockoutDuration = Duration.ofMinutes(15);
    private int loginAccountFailuresBeforeLockout = 50;
    private Duration loginAccountFailureWindow = Duration.ofHours(1);
    private Duration loginAccountLockout = Duration.ofHours(1);
    private Duration sessionAbsoluteLifetime = Duration.ofHours(24);
    private int passwordHashThreads = Runtime.getRuntime().availableProcessors();
    private int passwordHashQueue = 2 * Runtime.getRuntime().availableProcessors();

    /**
     * HikariCP's rule of thumb, twice the cores plus one: on a small machine more connections than
     * that only make transactions queue inside PostgreSQL on row locks, where waiting costs CPU
     * (the orders bench on 2 cores: 46 orders/s with 16, 70 with 5), instead of in the pool.
     */
    private int dbPoolSize = Math.max(4, 2 * Runtime.getRuntime().availableProcessors() + 1);

    private Path backupDir;
    private Duration backupInterval = Duration.ofHours(24);
    private int backupKeep = 7;
    private boolean demo;
    private String reportDbUrl;
    private String reportDbUser;
    private String reportDbPassword;
    private int reportDbPoolSize = 4;
    private int attachmentMaxBytes = 10 * 1024 * 1024;

    private Builder() {}

    public Builder host(String v) {
      host = v;
      return this;
    }

    public Builder port(int v) {
      port = v;
      return this;
    }

    public Builder metricsHost(String v) {
      metricsHost = v;
      return this;
    }

    public Builder metricsPort(int v) {
      metricsPort = v;
      return this;
    }

    public Builder dataDir(Path v) {
      dataDir = v;
      return this;
    }

    public Builder dbUrl(String v) {
      dbUrl = v;
      return this;
    }

    public Builder dbUser(String v) {
      dbUser = v;
      return this;
    }

    public Builder dbPassword(String v) {
      dbPassword = v;
      return this;
    }

    public Builder dbOwnerUser(String v) {
      dbOwnerUser = v;
      return this;
    }

    public Builder dbOwnerPassword(String v) {
      dbOwnerPassword = v;
      return this;
    }

    public Builder redisUrl(String v) {
      redisUrl = v;
      return this;
    }

    public Builder tlsCert(Path v) {
      tlsCert = v;
      return this;
    }

    public Builder tlsKey(Path v) {
      tlsKey = v;
      return this;
    }

    public Builder tlsOnLoopback(boolean v) {
      tlsOnLoopback = v;
      return this;
    }

    public Builder sessionIdleTimeout(Duration v) {
      sessionIdleTimeout = v;
      return this;
    }

    public Builder sessionCacheTtl(Duration v) {
      sessionCacheTtl = v;
      return this;
    }

    public Builder maxCallDuration(Duration v) {
      maxCallDuration = v;
      return this;
    }

    public Builder maxMessageBytes(int v) {
      maxMessageBytes = v;
      return this;
    }

    public Builder attachmentMaxBytes(int v) {
      attachmentMaxBytes = v;
      return this;
    }

    public Builder maxMetadataBytes(int v) {
      maxMetadataBytes = v;
      return this;
    }

    public Builder maxConcurrentCallsPerConnection(int v) {
      maxConcurrentCallsPerConnection = v;
      return this;
    }

    public Builder userCallsPerSecond(int v) {
      userCallsPerSecond = v;
      return this;
    }

    public Builder addressCallsPerSecond(int v) {
      addressCallsPerSecond = v;
      return this;
    }

    public Builder loginAttemptsPerAddressPerMinute(int v) {
      loginAttemptsPerAddressPerMinute = v;
      return this;
    }

    public Builder loginFailuresBeforeLockout(int v) {
      loginFailuresBeforeLockout = v;
      return this;
    }

    public Builder lockoutDuration(Duration v) {
      lockoutDuration = v;
      return this;
    }

    public Builder loginAccountFailuresBeforeLockout(int v) {
      loginAccountFailuresBeforeLockout = v;
      return this;
    }

    public Builder loginAccountFailureWindow(Duration v) {
      loginAccountFailureWindow = v;
      return this;
    }

    public Builder loginAccountLockout(Duration v) {
      loginAccountLockout = v;
      return this;
    }

    public Builder sessionAbsoluteLifetime(Duration v) {
      sessionAbsoluteLifetime = v;
      return this;
    }

    public Builder passwordHashThreads(int v) {
      passwordHashThreads = v;
      return this;
    }

    public Builder passwordHashQueue(int v) {
      passwordHashQueue = v;
      return this;
    }

    public Builder dbPoolSize(int v) {
      dbPoolSize = v;
      return this;
    }

    public Builder backupDir(Path v) {
      backupDir = v;
      return this;
    }

    public Builder backupInterval(Duration v) {
      backupInterval = v;
      return this;
    }

    public Builder backupKeep(int v) {
      backupKeep = v;
      return this;
    }

    public Builder demo(boolean v) {
      demo = v;
      return this;
    }

    public Builder reportDb(String url, String user, String password) {
      reportDbUrl = url;
      reportDbUser = user;
      reportDbPassword = password;
      return this;
    }

    /** Sets one dotted key from a file or the environment; false if the key is unknown. */
    boolean set(String key, String value) {
      try {
        switch (key) {
          case "host" -> host = value;
          case "port" -> port = Integer.parseInt(value);
          case "metrics.host" -> metricsHost = value;
          case "metrics.port" -> metricsPort = Integer.parseInt(value);
          case "data.dir" -> dataDir = Path.of(value);
          case "db.url" -> dbUrl = emptyToNull(value);
          case "db.user" -> dbUser = value;
          case "db.password" -> dbPassword = emptyToNull(value);
          case "db.owner.user" -> dbOwnerUser = value;
          case "db.owner.password" -> dbOwnerPassword = emptyToNull(value);
          case "redis.url" -> redisUrl = emptyToNull(value);
          case "tls.cert" -> tlsCert = value.isEmpty() ? null : Path.of(value);
          case "tls.key" -> tlsKey = value.isEmpty() ? null : Path.of(value);
          case "tls.on.loopback" -> tlsOnLoopback = Boolean.parseBoolean(value);
          case "session.idle.timeout" -> sessionIdleTimeout = Duration.parse(value);
          case "session.cache.ttl" -> sessionCacheTtl = Duration.parse(value);
          case "max.call.duration" -> maxCallDuration = Duration.parse(value);
          case "max.message.bytes" -> maxMessageBytes = Integer.parseInt(value);
          case "max.metadata.bytes" -> maxMetadataBytes = Integer.parseInt(value);
          case "max.concurrent.calls.per.connection" ->
              maxConcurrentCallsPerConnection = Integer.parseInt(value);
          case "rate.user.per.second" -> userCallsPerSecond = Integer.parseInt(value);
          case "rate.address.per.second" -> addressCallsPerSecond = Integer.parseInt(value);
          case "rate.login.per.address.per.minute" ->
              loginAttemptsPerAddressPerMinute = Integer.parseInt(value);
          case "login.failures.before.lockout" ->
              loginFailuresBeforeLockout = Integer.parseInt(value);
          case "login.lockout" -> lockoutDuration = Duration.parse(value);
          case "login.account.failures.before.lockout" ->
              loginAccountFailuresBeforeLockout = Integer.parseInt(value);
          case "login.account.failure.window" -> loginAccountFailureWindow = Duration.parse(value);
          case "login.account.lockout" -> loginAccountLockout = Duration.parse(value);
          case "session.absolute.lifetime" -> sessionAbsoluteLifetime = Duration.parse(value);
          case "password.hash.threads" -> passwordHashThreads = Integer.parseInt(value);
          case "password.hash.queue" -> passwordHashQueue = Integer.parseInt(value);
          case "db.pool.size" -> dbPoolSize = Integer.parseInt(value);
          case "backup.dir" -> backupDir = value.isEmpty() ? null : Path.of(value);
          case "backup.interval" -> backupInterval = shortDuration(value);
          case "backup.keep" -> backupKeep = Integer.parseInt(value);
          case "demo" -> demo = strictBoolean(value);
          case "report.db.url" -> reportDbUrl = emptyToNull(value);
          case "report.db.user" -> reportDbUser = emptyToNull(value);
          case "report.db.password" -> reportDbPassword = emptyToNull(value);
          case "report.db.pool.size" -> reportDbPoolSize = Integer.parseInt(value);
          case "attachment.max.bytes" -> attachmentMaxBytes = Integer.parseInt(value);
          default -> {
            return false;
          }
        }
        return true;
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "Setting " + key + " has an invalid value: " + e.getMessage(), e);
      }
    }

    /** Only {@code true} or {@code false}: a typo must not quietly mean false. */
    private static boolean strictBoolean(String value) {
      return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default ->
            throw new IllegalArgumentException("expected true or false, got '" + value + "'");
      };
    }

    /** {@code 90s}, {@code 30m}, {@code 24h}, {@code 7d}, or ISO-8601 such as {@code PT12H}. */
    static Duration shortDuration(String v) {
      var m = java.util.regex.Pattern.compile("(\\d+)([smhd])").matcher(v);
      if (!m.matches()) {
        return Duration.parse(v);
      }
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }

    private static String emptyToNull(String v) {
      return v == null || v.isEmpty() ? null : v;
    }

    public MillstoneConfig build() {
      return new MillstoneConfig(this);
    }
  }
}
