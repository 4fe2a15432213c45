package io.millstone.server.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What the backup reads from PostgreSQL's catalog about the Millstone schema. */
final class Catalog {
  /** Flyway's own history: a restore rebuilds it by migrating, so it is not copied. */
  static final String HISTORY_TABLE = "flyway_schema_history";

  private Catalog() {}

  /**
   * The schema's tables (partitioned ones as one table, without their partitions), parents before
   * the tables whose foreign keys point at them.
   */
  static List<String> tablesInLoadOrder(Connection c) throws SQLException {
    Set<String> tables = new java.util.TreeSet<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')"
                    + " AND NOT c.relispartition")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    tables.remove(HISTORY_TABLE);
    Map<String, Set<String>> parents = new TreeMap<>();
    tables.forEach(t -> parents.put(t, new LinkedHashSet<>()));
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT child.relname, parent.relname FROM pg_constraint k"
                    + " JOIN pg_class child ON child.oid = k.conrelid"
                    + " JOIN pg_class parent ON parent.oid = k.confrelid"
                    + " JOIN pg_namespace n ON n.oid = k.connamespace"
                    + " WHERE k.contype = 'f' AND n.nspname = current_schema()")) {
      while (rs.next()) {
        String child = rs.getString(1);
        String parent = rs.getString(2);
        if (!child.equals(parent) && parents.containsKey(child) && tables.contains(parent)) {
          parents.get(child).add(parent);
        }
      }
    }
    List<String> order = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    while (placed.size() < tables.size()) {
      boolean progress = false;
      for (String t : tables) {
        if (!placed.contains(t) && placed.containsAll(parents.get(t))) {
          order.add(t);
          placed.add(t);
          progress = true;
        }
      }
      if (!progress) {
        throw new IllegalStateException(
            "Foreign keys form a cycle among "
                + tables.stream().filter(t -> !placed.contains(t)).toList()
                + "; the backup cannot order them");
      }
    }
    return order;
  }

  /** The columns a COPY reads and writes: all but generated ones, in table order. */
  static List<String> columns(Connection c, String table) throws SQLException {
    return strings(
        c,
        "SELECT a.attname FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid"
            + " JOIN pg_namespace n ON n.oid = t.relnamespace"
            + " WHERE n.nspname = current_schema() AND t.relname = ?"
            + " AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''"
            + " ORDER BY a.attnum",
        table);
  }

  /** Every sequence of the schema (identity ones and the per-company document numbers). */
  static List<String> sequences(Connection c) throws SQLException {
    return names(c, "c.relkind = 'S'");
  }

  /** The partitions of {@code reading}. */
  static List<String> readingPartitions(Connection c) throws SQLException {
    return strings(
        c,
        "SELECT child.relname FROM pg_inherits i"
            + " JOIN pg_class child ON child.oid = i.inhrelid"
            + " JOIN pg_class parent ON parent.oid = i.inhparent"
            + " JOIN pg_namespace n ON n.oid = parent.relnamespace"
            + " WHERE n.nspname = current_schema() AND parent.relname = 'reading'"
            + " ORDER BY 1");
  }

  /** Tables and partitions whose row-level security also binds their owner. */
  static List<String> forcedRowSecurity(Connection c) throws SQLException {
    return names(c, "c.relkind IN ('r', 'p') AND c.relforcerowsecurity");
  }

  /** Tables and partitions with triggers of their own (not those behind foreign keys). */
  static List<String> withUserTriggers(Connection c) throws SQLException {
    return names(
        c,
        "c.relkind IN ('r', 'p') AND EXISTS (SELECT 1 FROM pg_trigger g"
            + " WHERE g.tgrelid = c.oid AND NOT g.tgisinternal)");
  }

  private static List<String> names(Connection c, String where) throws SQLException {
    return strings(
        c,
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = current_schema() AND "
            + where
            + " ORDER BY 1");
  }

  /** The first column of every row of a catalogue query. */
  private static List<String> strings(Connection c, String sql, String... params)
      throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  static Map<String, Manifest.Sequence> sequenceValues(Connection c) throws SQLException {
    Map<String, Manifest.Sequence> out = new LinkedHashMap<>();
    for (String s : sequences(c)) {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT last_value, is_called FROM " + quote(s))) {
        rs.next();
        out.put(s, new Manifest.Sequence(rs.getLong(1), rs.getBoolean(2)));
      }
    }
    return out;
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  static String columnList(List<String> columns) {
    return String.join(", ", columns.stream().map(Catalog::quote).toList());
  }
}
