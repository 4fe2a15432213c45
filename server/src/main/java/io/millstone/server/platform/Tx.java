package io.millstone.server.platform;

import io.millstone.server.audit.AuditEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/**
 * One database transaction scoped to a company. Work done through it commits together with the
 * audit rows it records, or not at all.
 */
public final class Tx {
  private final Session session;
  private final Actor actor;
  private final List<AuditEntry> auditEntries = new ArrayList<>();
  private final java.util.Map<Class<?>, Object> memos = new java.util.HashMap<>(4);
  private String planMode;

  /** {@code plan_cache_mode} of business work: one plan per statement and connection. */
  static final String GENERIC_PLANS = "force_generic_plan";

  /** {@code plan_cache_mode} of reports and lists: PostgreSQL plans for the parameters given. */
  static final String CUSTOM_PLANS = "auto";

  Tx(Session session, Actor actor, String planMode) {
    this.session = session;
    this.actor = actor;
    this.planMode = planMode;
  }

  /**
   * From here on, statements of this transaction are planned for their parameters (PostgreSQL's own
   * choice) instead of on generic plans: for lists whose filters and sort the user picks.
   */
  public void customPlans() {
    if (CUSTOM_PLANS.equals(planMode)) {
      return;
    }
    withConnection(
        c -> {
          try (java.sql.PreparedStatement ps =
              c.prepareStatement("SELECT set_config('plan_cache_mode', ?, true)")) {
            ps.setString(1, CUSTOM_PLANS);
            ps.execute();
          }
          return null;
        });
    planMode = CUSTOM_PLANS;
  }

  /**
   * The Hibernate session, for entity work (records people edit: master data, settings, devices).
   * SQL goes through {@link Jdbc#work}, never through the session's own work methods.
   */
  public Session session() {
    return session;
  }

  /**
   * The only way to this transaction's JDBC connection; {@link Jdbc#work} is its public face. The
   * connection is Hibernate's own, so entity work and SQL share one transaction.
   */
  <T> T withConnection(Jdbc.Body<T> body) {
    return session.doReturningWork(body::run);
  }

  /** Empty for work outside any company (sign-in before a company is chosen). */
  public Optional<Actor> actor() {
    return Optional.ofNullable(actor);
  }

  /** Records what this transaction changed; written to the audit chain just before commit. */
  public void audit(String action, String entityType, Object entityId, String summary) {
    if (actor == null) {
      throw new IllegalStateException("audit needs a company: run the work with an actor");
    }
    auditEntries.add(new AuditEntry(action, entityType, String.valueOf(entityId), summary));
  }

  /**
   * What {@code load} returns, loaded once per transaction: for facts many steps of one unit of
   * work read (the company's settings) and that the transaction itself does not change.
   */
  public <T> T memo(Class<T> key, java.util.function.Supplier<T> load) {
    return key.cast(memos.computeIfAbsent(key, k -> load.get()));
  }

  /** What {@link #memo} holds under {@code key}, without loading it. */
  <T> java.util.Optional<T> memoed(Class<T> key) {
    return java.util.Optional.ofNullable(key.cast(memos.get(key)));
  }

  List<AuditEntry> auditEntries() {
    return auditEntries;
  }
}
