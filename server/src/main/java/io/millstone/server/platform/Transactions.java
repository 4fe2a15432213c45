package io.millstone.server.platform;

import io.millstone.server.audit.AuditLog;
import io.millstone.server.platform.error.ConflictException;
import io.millstone.server.platform.error.MillstoneException;
import io.millstone.server.platform.error.UnavailableException;
import jakarta.persistence.OptimisticLockException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StaleStateException;
import org.hibernate.Transaction;

/**
 * Runs work in one transaction with the company (and user) set for row-level security through
 * {@code set_config(..., true)}, the parameterised form of {@code SET LOCAL}: the setting ends with
 * the transaction, so a pooled connection never carries one company's context into the next.
 *
 * <p>Business work runs its prepared statements on PostgreSQL's generic plans: its statements find
 * rows by key, so a plan made once per connection serves every call, where PostgreSQL would
 * otherwise keep planning each execution anew for its parameters (15 % of the database's CPU on the
 * orders benchmark, ADR 0015). Reports and ad-hoc lists, whose best plan depends on the dates and
 * filters asked for, run on plans made for their parameters: {@link #reportInCompany}, {@link
 * Tx#customPlans}.
 */
public final class Transactions {
  private final SessionFactory sessionFactory;
  private final AuditLog auditLog;
  private final String statementTimeout;
  private final CompanyContext<?> companyContext;

  /**
   * What a company's unit of work reads about the company in the statement that starts it ({@code
   * begin_work}: the settings most work needs), kept on the {@link Tx} under {@code type}, so that
   * reading them later costs no round trip. {@code zone} names the company's time zone in them and
   * {@code grouping} how it groups digits, so that a refusal leaving the transaction shows its
   * times in that zone and its money in that grouping.
   */
  public record CompanyContext<T>(
      Class<T> type,
      RowReader<T> reader,
      Function<T, java.time.ZoneId> zone,
      Function<T, NumberGrouping> grouping) {}

  /** Reads one row of a result set. */
  @FunctionalInterface
  public interface RowReader<T> {
    T read(java.sql.ResultSet rs) throws SQLException;
  }

  public Transactions(
      SessionFactory sessionFactory,
      AuditLog auditLog,
      Duration statementTimeout,
      CompanyContext<?> companyContext) {
    this.sessionFactory = sessionFactory;
    this.auditLog = auditLog;
    this.statementTimeout = statementTimeout.toMillis() + "ms";
    this.companyContext = companyContext;
  }

  /** Work in the actor's company, audited as the actor. */
  public <T> T inCompany(Actor actor, Function<Tx, T> work) {
    return run(actor.companyId(), actor.userId().orElse(null), actor, Tx.GENERIC_PLANS, work);
  }

  /**
   * A report in the actor's company: JDBC work whose statements are planned for the parameters of
   * each call (date ranges, filters), not on the generic plans of business work.
   */
  public <T> T reportInCompany(Actor actor, SqlWork<T> work) {
    return run(
        actor.companyId(),
        actor.userId().orElse(null),
        actor,
        Tx.CUSTOM_PLANS,
        t -> Jdbc.work(t, c -> work.run(t, c)));
  }

  /** Plain JDBC work on the transaction's connection, for SQL that HQL does not express well. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T run(Tx tx, java.sql.Connection connection) throws SQLException;
  }

  /** {@link #inCompany} for JDBC work: same transaction, company setting and audit. */
  public <T> T sqlInCompany(Actor actor, SqlWork<T> work) {
    return inCompany(actor, t -> Jdbc.work(t, c -> work.run(t, c)));
  }

  /**
   * Work as a user before a company is chosen (sign-in): the user sees their own account,
   * memberships and the names of their companies, nothing else. Nothing can be audited.
   */
  public <T> T asUser(UUID userId, Function<Tx, T> work) {
    return run(null, userId, null, Tx.GENERIC_PLANS, work);
  }

  private <T> T run(
      UUID companyId, UUID userId, Actor actor, String planMode, Function<Tx, T> work) {
    try (Session session = sessionFactory.openSession()) {
      Transaction t = session.beginTransaction();
      Tx tx = new Tx(session, actor, planMode);
      try {
        tx.withConnection(
            c -> {
              begin(c, tx, companyId, userId, planMode);
              return null;
            });
        T result = work.apply(tx);
        session.flush();
        if (!tx.auditEntries().isEmpty()) {
          tx.withConnection(
              c -> {
                auditLog.append(c, actor, tx.auditEntries());
                return null;
              });
        }
        t.commit();
        return result;
      } catch (RuntimeException e) {
        if (t.isActive()) {
          try {
            t.rollback();
          } catch (RuntimeException suppressed) {
            e.addSuppressed(suppressed);
          }
        }
        if (e instanceof MillstoneException me && companyContext != null) {
          showInCompanyWays(me, tx, companyContext);
        }
        throw translate(e);
      }
    }
  }

  /** The refusal's times in the company's zone, its money in the company's digit grouping. */
  private static <T> void showInCompanyWays(
      MillstoneException e, Tx tx, CompanyContext<T> context) {
    tx.memoed(context.type())
        .ifPresent(
            v -> {
              e.showMoneyIn(context.grouping().apply(v));
              try {
                e.showTimesIn(context.zone().apply(v));
              } catch (java.time.DateTimeException badZone) {
                // Times then stay in UTC, as the refusal says.
              }
            });
  }

  private void begin(java.sql.Connection c, Tx tx, UUID companyId, UUID userId, String planMode)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM begin_work(?, ?, ?, ?)")) {
      ps.setString(1, companyId == null ? "" : companyId.toString());
      ps.setString(2, userId == null ? "" : userId.toString());
      ps.setString(3, statementTimeout);
      ps.setString(4, planMode);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        if (rs.next() && companyContext != null) {
          seed(tx, companyContext, rs);
        }
      }
    }
  }

  private static <T> void seed(Tx tx, CompanyContext<T> context, java.sql.ResultSet rs)
      throws SQLException {
    T value = context.reader().read(rs);
    tx.memo(context.type(), () -> value);
  }

  /** Turns storage failures into errors a person can act on; business errors pass through. */
  static RuntimeException translate(RuntimeException e) {
    if (e instanceof MillstoneException) {
      return e;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
        return new ConflictException(
            "Someone else saved a change to this record at the same moment; reload it and try"
                + " again.",
            e);
      }
      if (t instanceof SQLTransientConnectionException) {
        return new UnavailableException(
            "The server is busy and could not get a database connection; try again shortly.", e);
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.equals("40001") || state.equals("40P01")) {
          return new ConflictException(
              "Your change collided with another one being saved at the same time; try again.", e);
        }
        if (state.equals("23505")) {
          return new ConflictException(
              "Someone else created the same record at the same moment; reload and check before"
                  + " trying again.",
              e);
        }
        if (state.equals("57014")) {
          return new UnavailableException(
              "The database took too long to answer; try again, or narrow the request.", e);
        }
        if (state.startsWith("08")) {
          return new UnavailableException("The database cannot be reached; try again shortly.", e);
        }
        if (state.startsWith("57P")) {
          // admin_shutdown, crash_shutdown, cannot_connect_now: PostgreSQL is restarting
          return new UnavailableException("The database is restarting; try again shortly.", e);
        }
      }
    }
    return e;
  }
}
