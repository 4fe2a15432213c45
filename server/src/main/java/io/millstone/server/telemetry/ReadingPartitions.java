package io.millstone.server.telemetry;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Creates the daily partitions of {@code reading} (UTC days), ahead of time and on demand. Only the
 * owner role may create tables, so this uses the owner's connection; each partition gets the same
 * forced row-level security as its parent, so it is safe even if queried directly.
 */
public final class ReadingPartitions {
  static final int DAYS_AHEAD = 7;
  private static final DateTimeFormatter NAME = DateTimeFormatter.BASIC_ISO_DATE;

  private final DataSource owner;
  private final String runtimeRole;
  private final Set<LocalDate> known = ConcurrentHashMap.newKeySet();

  public ReadingPartitions(DataSource owner, String runtimeRole) {
    this.owner = owner;
    this.runtimeRole = runtimeRole;
  }

  /** Yesterday, today and the next week: called at start and daily. */
  public void ensureAhead() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    for (int d = -1; d <= DAYS_AHEAD; d++) {
      ensure(today.plusDays(d));
    }
  }

  /** The name of the partition holding the readings of {@code day}. */
  public static String partitionName(LocalDate day) {
    return "reading_" + NAME.format(day);
  }

  /** The day a partition named by {@link #partitionName} holds. */
  public static LocalDate dayOf(String partition) {
    return LocalDate.parse(partition.substring("reading_".length()), NAME);
  }

  /**
   * Creates the partition of {@code day} with its row-level security, in the caller's transaction
   * (a restore creates the partitions of the readings it loads this way).
   */
  public static void create(Statement st, LocalDate day, String runtimeRole) throws SQLException {
    String table = partitionName(day);
    st.execute(
        "CREATE TABLE IF NOT EXISTS "
            + table
            + " PARTITION OF reading FOR VALUES FROM ('"
            + day
            + "') TO ('"
            + day.plusDays(1)
            + "')");
    st.execute("ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY");
    st.execute("ALTER TABLE " + table + " FORCE ROW LEVEL SECURITY");
    st.execute("DROP POLICY IF EXISTS tenant_isolation ON " + table);
    st.execute(
        "CREATE POLICY tenant_isolation ON "
            + table
            + " USING (company_id = current_company_id()) WITH CHECK (company_id = current_company_id())");
    st.execute("DROP POLICY IF EXISTS owner_admin ON " + table);
    st.execute(
        "CREATE POLICY owner_admin ON "
            + table
            + " TO CURRENT_USER USING (true) WITH CHECK (true)");
    st.execute("REVOKE ALL ON " + table + " FROM " + runtimeRole);
  }

  public void ensure(LocalDate day) {
    if (known.contains(day)) {
      return;
    }
    synchronized (this) {
      if (known.contains(day)) {
        return;
      }
      try (Connection c = owner.getConnection();
          Statement st = c.createStatement()) {
        c.setAutoCommit(false);
        // Serialises partition creation across server nodes.
        st.execute("SELECT pg_advisory_xact_lock(hashtext('millstone.reading_partitions'))");
        create(st, day, runtimeRole);
        c.commit();
        known.add(day);
      } catch (SQLException e) {
        throw new IllegalStateException(
            "Cannot create the readings partition for " + day + ": " + e.getMessage(), e);
      }
    }
  }
}
