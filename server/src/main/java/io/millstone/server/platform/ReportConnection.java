package io.millstone.server.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Where reports read, so that a report never slows the clerks: the {@code report.db.*} settings (a
 * PostgreSQL streaming replica, in production) or, by default, the server's own pool. Every report
 * runs in a read-only transaction with the company set by {@code begin_work}, exactly as {@link
 * Transactions} sets it, so row-level security keeps companies apart here too.
 */
public final class ReportConnection implements AutoCloseable {
  /** The application name the report pool's connections show in {@code pg_stat_activity}. */
  public static final String APPLICATION_NAME = "millstone-report";

  private final DataSource source;
  private final HikariDataSource ownPool;
  private final String statementTimeout;

  private ReportConnection(DataSource source, HikariDataSource ownPool, Duration timeout) {
    this.source = source;
    this.ownPool = ownPool;
    this.statementTimeout = timeout.toMillis() + "ms";
  }

  /**
   * The report pool the settings ask for: a small pool of its own when {@code report.db.url} is set
   * (its role checked like the runtime role: no superuser, no BYPASSRLS, owning nothing), else the
   * runtime pool.
   */
  public static ReportConnection of(MillstoneConfig config, Database database) {
    if (config.reportDbUrl().isEmpty()) {
      return new ReportConnection(database.runtimeDataSource(), null, config.maxCallDuration());
    }
    DatabaseSettings main = database.settings();
    String user = config.reportDbUser().orElse(main.runtimeUser());
    String password =
        config
            .reportDbPassword()
            .orElse(config.reportDbUser().isEmpty() ? main.runtimePassword() : null);
    DatabaseSettings report =
        new DatabaseSettings(
            config.reportDbUrl().get(),
            main.ownerUser(),
            null,
            user,
            password,
            config.reportDbPoolSize());
    HikariConfig hc = new HikariConfig();
    hc.setPoolName(APPLICATION_NAME);
    hc.setJdbcUrl(report.jdbcUrl());
    hc.setUsername(user);
    hc.setPassword(password);
    hc.setMaximumPoolSize(report.poolSize());
    hc.setMinimumIdle(0);
    hc.setAutoCommit(false);
    hc.setReadOnly(true);
    hc.setConnectionTimeout(10_000);
    hc.addDataSourceProperty("ApplicationName", APPLICATION_NAME);
    HikariDataSource pool = new HikariDataSource(hc);
    try {
      Database.checkRuntimeRole(pool, report);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new ReportConnection(pool, pool, config.maxCallDuration());
  }

  /** Whether reports read through a pool of their own ({@code report.db.url} set). */
  public boolean separate() {
    return ownPool != null;
  }

  /**
   * Runs {@code work} in a read-only transaction on the report connection, in the actor's company.
   * Storage failures come back as errors a person can act on, as from {@link Transactions}.
   */
  public <T> T inCompany(Actor actor, Jdbc.Body<T> work) {
    try (Connection c = source.getConnection()) {
      c.setReadOnly(true);
      try {
        enterCompany(c, actor.companyId(), actor.userId().orElse(null), statementTimeout);
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
      // The pool puts the connection's read-only flag back as it was when it takes it back.
    } catch (SQLException e) {
      throw Transactions.translate(new IllegalStateException(e));
    } catch (RuntimeException e) {
      throw Transactions.translate(e);
    }
  }

  /**
   * Sets the company (and user) of the connection's transaction through {@code begin_work}, as
   * {@link Transactions} does, with plans made for each statement's parameters (reports). A null
   * user or timeout keeps what the transaction has.
   */
  public static void enterCompany(Connection c, UUID companyId, UUID userId, String timeout)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT * FROM begin_work(?, coalesce(?, current_setting('millstone.user_id', true), ''),"
                + " coalesce(?, current_setting('statement_timeout')), ?)")) {
      ps.setString(1, companyId.toString());
      ps.setString(2, userId == null ? null : userId.toString());
      ps.setString(3, timeout);
      ps.setString(4, Tx.CUSTOM_PLANS);
      ps.executeQuery().close();
    }
  }

  @Override
  public void close() {
    if (ownPool != null) {
      ownPool.close();
    }
  }
}
