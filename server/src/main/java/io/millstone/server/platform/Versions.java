package io.millstone.server.platform;

import io.millstone.server.platform.error.ConflictException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The optimistic-lock check every edit makes, with a message naming who changed the record. */
public final class Versions {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private Versions() {}

  /**
   * Refuses the edit if the record moved on since the caller read it.
   *
   * @param what how a person names the record: "Item SUGAR-L30", "The company settings"
   */
  public static void check(
      String what, long expected, long actual, String updatedBy, Instant updatedAt) {
    if (expected != actual) {
      // The arguments let the gateway say it in the caller's language, with the time in the
      // company's zone; the sentence here is the fallback.
      throw ConflictException.of(
          "version_conflict",
          what
              + " was changed by "
              + updatedBy
              + " at "
              + WHEN.format(updatedAt)
              + " after you opened it; reload to see their change, then apply yours again.",
          what,
          updatedBy,
          updatedAt);
    }
  }
}
