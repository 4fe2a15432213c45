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
    // One statement makes the head on the company's first event, locks it and reads it.
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO audit_chain_head (company_id, last_seq, last_hash) VALUES (?, 0, ?)"
                + " ON CONFLICT (company_id) DO UPDATE SET last_seq = audit_chain_head.last_seq"
                + " RETURNING last_seq, last_hash")) {
      ps.setObject(1, company);
      ps.setBytes(2, AuditChain.GENESIS);
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
    // The events and the new head in one statement: one round trip while the head is locked
    // (in chunks, to stay under PostgreSQL's limit on parameters).
    for (int from = 0; from < entries.size(); from += 500) {
      List<AuditEntry> chunk = entries.subList(from, Math.min(entries.size(), from + 500));
      byte[][] state = {prev};
      seq = appendChunk(c, actor, company, userId, now, chunk, seq, state);
      prev = state[0];
    }
  }

  private static long appendChunk(
      Connection c,
      Actor actor,
      UUID company,
      UUID userId,
      Instant now,
      List<AuditEntry> entries,
      long seq,
      byte[][] state)
      throws SQLException {
    byte[] prev = state[0];
    StringBuilder sql =
        new StringBuilder(
            "WITH events AS (INSERT INTO audit_event (company_id, seq, id, occurred_at, user_id, actor,"
                + " action, entity_type, entity_id, summary, request_id, prev_hash, hash) VALUES ");
    for (int i = 0; i < entries.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }
    sql.append(") UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE company_id = ?");
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int k = 0;
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
        ps.setObject(++k, company);
        ps.setLong(++k, seq);
        ps.setObject(++k, id);
        ps.setTimestamp(++k, Timestamp.from(now));
        if (userId == null) {
          ps.setNull(++k, Types.OTHER);
        } else {
          ps.setObject(++k, userId);
        }
        ps.setString(++k, actor.username());
        ps.setString(++k, e.action());
        ps.setString(++k, e.entityType());
        ps.setString(++k, e.entityId());
        ps.setString(++k, e.summary());
        ps.setString(++k, actor.requestId());
        ps.setBytes(++k, prev);
        ps.setBytes(++k, hash);
        prev = hash;
      }
      ps.setLong(++k, seq);
      ps.setBytes(++k, prev);
      ps.setObject(++k, company);
      ps.executeUpdate();
    }
    state[0] = prev;
    return seq;
  }
}
