package io.millstone.server.platform;

import java.security.SecureRandom;
import java.util.UUID;

/** Time-ordered UUIDs (version 7, RFC 9562) so new rows land at the right end of an index. */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static UUID newId() {
    long millis = System.currentTimeMillis();
    long randA = RANDOM.nextInt(1 << 12);
    long msb = (millis << 16) | (0x7L << 12) | randA;
    long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }

  /** Parses a client-supplied id, or returns null when it is not a UUID. */
  public static UUID parseOrNull(String s) {
    if (s == null || s.length() != 36) {
      return null;
    }
    try {
      return UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The id in a request field, or INVALID_ARGUMENT naming the field. */
  public static UUID parse(String text, String field) {
    UUID id = parseOrNull(text);
    if (id == null) {
      throw io.millstone.server.platform.error.InvalidInputException.of(field, "is not a valid id");
    }
    return id;
  }
}
