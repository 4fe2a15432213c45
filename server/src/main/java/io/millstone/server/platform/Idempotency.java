package io.millstone.server.platform;

import io.millstone.server.platform.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Makes a create safe to retry. The key is claimed in the same transaction as the create; a
 * concurrent request with the same key waits on the key's index entry and then returns the record
 * the first one made. A key reused for a different request is refused.
 */
public final class Idempotency {
  public static final int MAX_KEY_LENGTH = 100;

  /** The id of the record, and whether this call made it or found it made by an earlier one. */
  public record Outcome(UUID id, boolean replayed) {}

  private Idempotency() {}

  public static void validateKey(Validator v, String key, String field) {
    if (key != null && !key.isEmpty()) {
      v.check(
          key.length() >= 8 && key.length() <= MAX_KEY_LENGTH,
          field,
          "must be 8 to " + MAX_KEY_LENGTH + " characters (a random UUID is a good key)");
    }
  }

  /**
   * {@link #once(Tx, String, String, String, Function)} for a create that answers what it wrote:
   * {@code create} makes the record under the new id and returns its view, so a first call reads
   * nothing back; a replay answers {@code stored} of the id the key points to.
   */
  public static <T> T once(
      Tx tx,
      String key,
      String operation,
      String fingerprint,
      Function<UUID, T> create,
      Function<UUID, T> stored) {
    List<T> made = new ArrayList<>(1);
    Outcome outcome =
        once(
            tx,
            key,
            operation,
            fingerprint,
            id -> {
              made.add(create.apply(id));
              return id;
            });
    return outcome.replayed() ? stored.apply(outcome.id()) : made.get(0);
  }

  /**
   * Runs {@code create} with a new id unless {@code key} was already used in this company. {@code
   * fingerprint} describes the request (without secrets) so a reused key can be detected.
   */
  public static Outcome once(
      Tx tx, String key, String operation, String fingerprint, Function<UUID, UUID> create) {
    UUID newId = Ids.newId();
    if (key == null || key.isEmpty()) {
      return new Outcome(create.apply(newId), false);
    }
    UUID company = tx.actor().orElseThrow().companyId();
    byte[] hash = sha256(operation + '\u001f' + fingerprint);
    // Plain JDBC: these two statements run on every create, where Hibernate's native-query
    // machinery cost more CPU than PostgreSQL did.
    Object[] row =
        Jdbc.work(
            tx,
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO idempotency_key (company_id, key, operation, request_hash,"
                          + " result_id) VALUES (?, ?, ?, ?, ?)"
                          + " ON CONFLICT (company_id, key) DO NOTHING")) {
                ps.setObject(1, company);
                ps.setString(2, key);
                ps.setString(3, operation);
                ps.setBytes(4, hash);
                ps.setObject(5, newId);
                if (ps.executeUpdate() == 1) {
                  return null;
                }
              }
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT operation, request_hash, result_id FROM idempotency_key"
                          + " WHERE company_id = ? AND key = ?")) {
                ps.setObject(1, company);
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                  if (!rs.next()) {
                    throw new IllegalStateException("idempotency key vanished: " + key);
                  }
                  return new Object[] {
                    rs.getString(1), rs.getBytes(2), rs.getObject(3, UUID.class)
                  };
                }
              }
            });
    if (row == null) {
      return new Outcome(create.apply(newId), false);
    }
    if (!operation.equals(row[0]) || !Arrays.equals(hash, (byte[]) row[1])) {
      throw InvalidInputException.of(
          "idempotency_key",
          "was already used for a different request; send a new key for a new record");
    }
    return new Outcome((UUID) row[2], true);
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
