package io.millstone.server.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.millstone.server.platform.error.UnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL side of the server: Flyway migrations run as the owner role, then a HikariCP pool
 * and a Hibernate session factory (schema validated, never generated) as the runtime role.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final DatabaseSettings settings;
  private final HikariDataSource pool;
  private final SessionFactory sessionFactory;

  private Database(DatabaseSettings settings, HikariDataSource pool, SessionFactory sf) {
    this.settings = settings;
    this.pool = pool;
    this.sessionFactory = sf;
  }

  /** Applies pending migrations as the owner role and reports what ran. */
  public static MigrateResult migrate(DatabaseSettings settings) {
    MigrateResult result = flyway(settings, null).migrate();
    if (result.migrationsExecuted > 0) {
      log.info(
          "Applied {} migration(s); schema now at version {}",
          result.migrationsExecuted,
          result.targetSchemaVersion);
    }
    return result;
  }

  /**
   * Migrates only up to {@code target} (a version such as "9"), for a restore that must load a
   * backup into the schema it was taken from.
   */
  public static MigrateResult migrateTo(DatabaseSettings settings, String target) {
    return flyway(settings, target).migrate();
  }

  /** Where the schema stands: the applied version (null if none) and how many migrations wait. */
  public record MigrationState(String applied, int pending, String latestKnown) {}

  public static MigrationState migrationState(DatabaseSettings settings) {
    MigrationInfoService info = flyway(settings, null).info();
    MigrationInfo current = info.current();
    MigrationInfo[] all = info.all();
    String latest = null;
    for (MigrationInfo m : all) {
      if (m.getVersion() != null && m.getScript() != null && !m.getScript().isEmpty()) {
        latest = m.getVersion().getVersion();
      }
    }
    return new MigrationState(
        current == null || current.getVersion() == null ? null : current.getVersion().getVersion(),
        info.pending().length,
        latest);
  }

  private static Flyway flyway(DatabaseSettings settings, String target) {
    var conf =
        Flyway.configure()
            .dataSource(ownerDataSource(settings))
            .locations("classpath:db/migration")
            .placeholders(Map.of("runtime_role", settings.runtimeUser()))
            .failOnMissingLocations(true);
    if (target != null) {
      conf = conf.target(target);
    }
    return conf.load();
  }

  /** Opens the runtime pool and the session factory; the schema must already be migrated. */
  public static Database open(
      DatabaseSettings settings, List<Class<?>> entities, MeterRegistry registry) {
    HikariConfig hc = new HikariConfig();
    hc.setPoolName("millstone");
    hc.setJdbcUrl(settings.jdbcUrl());
    hc.setUsername(settings.runtimeUser());
    hc.setPassword(settings.runtimePassword());
    hc.setMaximumPoolSize(settings.poolSize());
    hc.setMinimumIdle(Math.min(2, settings.poolSize()));
    hc.setAutoCommit(false);
    hc.setConnectionTimeout(10_000);
    hc.addDataSourceProperty("ApplicationName", "millstone-server");
    hc.addDataSourceProperty("reWriteBatchedInserts", "true");
    if (registry != null) {
      hc.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    }
    HikariDataSource pool = new HikariDataSource(hc);
    try {
      checkRuntimeRole(pool, settings);
      Configuration cfg = new Configuration();
      entities.forEach(cfg::addAnnotatedClass);
      cfg.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool);
      cfg.setProperty(AvailableSettings.HBM2DDL_AUTO, "validate");
      cfg.setProperty(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, "true");
      cfg.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, "50");
      cfg.setProperty(AvailableSettings.ORDER_INSERTS, "true");
      cfg.setProperty(AvailableSettings.ORDER_UPDATES, "true");
      cfg.setProperty(AvailableSettings.JDBC_TIME_ZONE, "UTC");
      cfg.setProperty(AvailableSettings.SHOW_SQL, "false");
      SessionFactory sf = cfg.buildSessionFactory();
      return new Database(settings, pool, sf);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /**
   * Refuses a runtime role for which row-level security would silently not hold: a superuser, a
   * role with BYPASSRLS, one that owns a schema or anything in one (owners are exempt unless RLS is
   * forced, and may drop or alter the policies), or a member of the owner role (the owner's admin
   * policies would apply to it).
   */
  static void checkRuntimeRole(DataSource runtime, DatabaseSettings settings) {
    String role = settings.runtimeUser();
    List<String> problems = new ArrayList<>();
    try (Connection c = runtime.getConnection()) {
      try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user");
          ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          if (rs.getBoolean(1)) {
            problems.add("is a superuser");
          }
          if (rs.getBoolean(2)) {
            problems.add("has BYPASSRLS");
          }
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?)"
                  + " AND pg_has_role(current_user, ?, 'MEMBER')")) {
        ps.setString(1, settings.ownerUser());
        ps.setString(2, settings.ownerUser());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next() && rs.getBoolean(1)) {
            problems.add("is a member of the owner role " + settings.ownerUser());
          }
        }
      }
      List<String> owned = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(OWNED_BY_CURRENT_USER);
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          owned.add(rs.getString(1));
        }
      }
      if (!owned.isEmpty()) {
        problems.add(
            "owns "
                + String.join(", ", owned.subList(0, Math.min(5, owned.size())))
                + (owned.size() > 5 ? " and " + (owned.size() - 5) + " more" : ""));
      }
      c.rollback();
    } catch (SQLException e) {
      throw new UnavailableException(
          "Could not check the database role " + role + ": " + e.getMessage(), e);
    }
    if (!problems.isEmpty()) {
      // IllegalArgumentException: a configuration error, printed to the admin as it is.
      throw new IllegalArgumentException(
          "The runtime database role "
              + role
              + " "
              + String.join(", ", problems)
              + ": row-level security would not keep companies apart, so the server refuses to"
              + " start. Run the server as a role that is NOSUPERUSER NOBYPASSRLS, owns nothing"
              + " and is not a member of "
              + settings.ownerUser()
              + " (db.user), and let "
              + settings.ownerUser()
              + " (db.owner.user) own the schema; see \"External PostgreSQL\" in the admin"
              + " guide.");
    }
  }

  // Schemas, relations and functions outside PostgreSQL's own schemas that the role owns, itself or
  // through a role it is a member of (pg_database_owner: the database's owner owns public).
  private static final String OWNED_BY_CURRENT_USER =
      """
      SELECT 'schema ' || n.nspname FROM pg_namespace n
       WHERE pg_has_role(current_user, n.nspowner, 'MEMBER')
         AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
      UNION ALL
      SELECT 'table ' || n.nspname || '.' || c.relname FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE pg_has_role(current_user, c.relowner, 'MEMBER')
         AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
      UNION ALL
      SELECT 'function ' || n.nspname || '.' || p.proname FROM pg_proc p
        JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE pg_has_role(current_user, p.proowner, 'MEMBER')
         AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
      """;

  public SessionFactory sessionFactory() {
    return sessionFactory;
  }

  /** The runtime pool; every connection from it is subject to row-level security. */
  public DataSource runtimeDataSource() {
    return pool;
  }

  /** A fresh, unpooled connection source as the owner, for admin commands and migrations. */
  public DataSource ownerDataSource() {
    return ownerDataSource(settings);
  }

  public DatabaseSettings settings() {
    return settings;
  }

  public static DataSource ownerDataSource(DatabaseSettings s) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setConnectTimeout(10);
    ds.setURL(s.jdbcUrl());
    ds.setUser(s.ownerUser());
    if (s.ownerPassword() != null) {
      ds.setPassword(s.ownerPassword());
    }
    ds.setApplicationName("millstone-admin");
    return ds;
  }

  @Override
  public void close() {
    sessionFactory.close();
    pool.close();
  }
}
