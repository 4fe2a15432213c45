package io.millstone.server.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Walks every company's audit chain (as the owner role) and reports each place where a row was
 * edited, deleted, inserted or moved.
 */
public final class AuditVerifier {

  /** What the walk found; {@code problems} is empty when every chain is intact. */
  public record Report(int companies, long rows, List<String> problems) {
    public boolean intact() {
      return problems.isEmpty();
    }
  }

  private final DataSource ownerDataSource;

  public AuditVerifier(DataSource ownerDataSource) {
    this.ownerDataSource = ownerDataSource;
  }

  public Report verify() throws SQLException {
    try (Connection c = ownerDataSource.getConnection()) {
      c.setReadOnly(true);
      c.setAutoCommit(false);
      c.createStatement().execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
      Report report = verify(c);
      c.commit();
      return report;
    }
  }

  /**
   * Walks the chains as {@code c} sees them, inside its open transaction: a restore checks what it
   * loaded before it commits.
   */
  public static Report verify(Connection c) throws SQLException {
    List<String> problems = new ArrayList<>();
    long rows = 0;
    Set<UUID> companies = new LinkedHashSet<>();
    {
      try (ResultSet rs =
          c.createStatement()
              .executeQuery(
                  "SELECT company_id FROM audit_chain_head UNION SELECT company_id FROM audit_event"
                      + " ORDER BY 1")) {
        while (rs.next()) {
          companies.add(rs.getObject(1, UUID.class));
        }
      }
      for (UUID company : companies) {
        rows += verifyCompany(c, company, problems);
      }
      // Every company's chain starts with its creation, so a company without one lost it all.
      try (ResultSet rs =
          c.createStatement()
              .executeQuery(
                  "SELECT id FROM company c WHERE NOT EXISTS"
                      + " (SELECT 1 FROM audit_chain_head h WHERE h.company_id = c.id) ORDER BY id")) {
        while (rs.next()) {
          problems.add(
              "company " + rs.getObject(1) + ": its whole audit trail, head included, is missing");
        }
      }
    }
    return new Report(companies.size(), rows, problems);
  }

  private static long verifyCompany(Connection c, UUID company, List<String> problems)
      throws SQLException {
    long expectedSeq = 1;
    byte[] prev = AuditChain.GENESIS;
    long rows = 0;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT seq, id, occurred_at, user_id, actor, action, entity_type, entity_id, summary,"
                + " request_id, prev_hash, hash FROM audit_event WHERE company_id = ? ORDER BY seq")) {
      ps.setObject(1, company);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows++;
          long seq = rs.getLong("seq");
          byte[] storedPrev = rs.getBytes("prev_hash");
          byte[] stored = rs.getBytes("hash");
          String where = "company " + company + ", audit row " + seq;
          if (seq != expectedSeq) {
            problems.add(
                where
                    + ": expected row "
                    + expectedSeq
                    + " next; rows "
                    + expectedSeq
                    + (seq - 1 > expectedSeq ? "-" + (seq - 1) : "")
                    + " are missing (deleted)");
          }
          if (!Arrays.equals(storedPrev, prev)) {
            problems.add(where + ": does not follow the row before it (rows deleted or reordered)");
          }
          byte[] computed =
              AuditChain.hash(
                  storedPrev,
                  company,
                  seq,
                  rs.getObject("id", UUID.class),
                  rs.getTimestamp("occurred_at").toInstant(),
                  rs.getObject("user_id", UUID.class),
                  rs.getString("actor"),
                  rs.getString("action"),
                  rs.getString("entity_type"),
                  rs.getString("entity_id"),
                  rs.getString("summary"),
                  rs.getString("request_id"));
          if (!Arrays.equals(computed, stored)) {
            problems.add(where + ": content does not match its hash (the row was edited)");
          }
          prev = stored;
          expectedSeq = seq + 1;
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT last_seq, last_hash FROM audit_chain_head WHERE company_id = ?")) {
      ps.setObject(1, company);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          problems.add("company " + company + ": the chain head is missing");
        } else if (rs.getLong(1) != expectedSeq - 1 || !Arrays.equals(rs.getBytes(2), prev)) {
          problems.add(
              "company "
                  + company
                  + ": the chain ends at row "
                  + (expectedSeq - 1)
                  + " but its head says row "
                  + rs.getLong(1)
                  + " ("
                  + HexFormat.of().formatHex(rs.getBytes(2), 0, 4)
                  + "…): rows at the end were deleted");
        }
      }
    }
    return rows;
  }
}
