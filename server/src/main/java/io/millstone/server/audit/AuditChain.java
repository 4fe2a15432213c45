package io.millstone.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;

/**
 * The hash that links one audit row to the one before it. Any edit of a row's fields, a deleted row
 * or two rows swapped breaks the chain at that point.
 */
final class AuditChain {
  static final byte[] GENESIS = new byte[32];

  private AuditChain() {}

  static byte[] hash(
      byte[] prevHash,
      UUID companyId,
      long seq,
      UUID id,
      Instant occurredAt,
      UUID userId,
      String actor,
      String action,
      String entityType,
      String entityId,
      String summary,
      String requestId) {
    // Each field is length-prefixed, so text cannot slide from one field into the next.
    StringBuilder sb = new StringBuilder(256);
    for (Object f :
        new Object[] {
          companyId,
          seq,
          id,
          micros(occurredAt),
          userId == null ? "" : userId,
          actor,
          action,
          entityType,
          entityId,
          summary,
          requestId
        }) {
      String v = String.valueOf(f);
      sb.append(v.length()).append(':').append(v).append(';');
    }
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(prevHash);
      md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** PostgreSQL keeps microseconds; the hash must see the instant exactly as it is stored. */
  static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
  }

  static Instant truncateToMicros(Instant t) {
    return Instant.ofEpochSecond(t.getEpochSecond(), (t.getNano() / 1000) * 1000L);
  }
}
