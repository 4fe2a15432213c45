package io.millstone.server.audit;

import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Ids;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Appends audit rows to the company's hash chain inside the caller's transaction. The chain head
 * row is locked only for the last moments of the transaction (the append runs just before commit),
 * so concurrent writers in one company queue for microseconds, not for their whole work.
 */
public final class AuditLog {
  private final Clock clock;

  public AuditLog(Clock clock) {
    this.clock = clock;
  }

  public void append(Connection c, Actor actor, List<AuditEntry> entries) throws SQLException {
    UUID company = actor.companyId();
    long seq;
    byte[] prev;
    try (PreparedStatement ins =
        c.prepareStatement(
            "INSERT INTO audit_chain_head (company_id, last_seq, last_hash) VALUES (?, 0, ?)"
                + " ON CONFLICT (company_id) DO NOTHING")) {
      ins.setObject(1, company);
      ins.setBytes(2, AuditChain.GENESIS);
      ins.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT last_seq, last_hash FROM audit_chain_head WHERE company_id = ? FOR UPDATE")) {
      ps.setObject(1, company);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("audit chain head missing for company " + company);
        }
        seq = rs.getLong(1);
        prev = rs.getBytes(2);
      }
    }
    Instant now = AuditChain.truncateToMicros(clock.instant());
    UUID userId = actor.userId().orElse(null);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO audit_event (company_id, seq, id, occurred_at, user_id, actor, action,"
                + " entity_type, entity_id, summary, request_id, prev_hash, hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (AuditEntry e : entries) {
        seq++;
        UUID id = Ids.newId();
        byte[] hash =
            AuditChain.hash(
                prev,
                company,
                seq,
                id,
                now,
                userId,
                actor.username(),
                e.action(),
                e.entityType(),
                e.entityId(),
                e.summary(),
                actor.requestId());
        ps.setObject(1, company);
        ps.setLong(2, seq);
        ps.setObject(3, id);
        ps.setTimestamp(4, Timestamp.from(now));
        if (userId == null) {
          ps.setNull(5, Types.OTHER);
        } else {
          ps.setObject(5, userId);
        }
        ps.setString(6, actor.username());
        ps.setString(7, e.action());
        ps.setString(8, e.entityType());
        ps.setString(9, e.entityId());
        ps.setString(10, e.summary());
        ps.setString(11, actor.requestId());
        ps.setBytes(12, prev);
        ps.setBytes(13, hash);
        ps.addBatch();
        prev = hash;
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE company_id = ?")) {
      ps.setLong(1, seq);
      ps.setBytes(2, prev);
      ps.setObject(3, company);
      ps.executeUpdate();
    }
  }
}
