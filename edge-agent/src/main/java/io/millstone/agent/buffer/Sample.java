package io.millstone.agent.buffer;

import java.time.Instant;
import java.util.Objects;

/**
 * One value read from a machine, before it has a sequence number.
 *
 * @param tagKey the server's tag key, e.g. {@code mill1.speed}
 * @param sourceTime when the source read it
 * @param value numbers as decimal strings, booleans as {@code true}/{@code false}, counters as
 *     whole numbers
 * @param quality 1 good, 2 uncertain, 3 bad (the proto's {@code Quality} numbers)
 */
public record Sample(String tagKey, Instant sourceTime, String value, int quality) {
  public static final int GOOD = 1;
  public static final int UNCERTAIN = 2;
  public static final int BAD = 3;

  public Sample {
    Objects.requireNonNull(tagKey, "tagKey");
    Objects.requireNonNull(sourceTime, "sourceTime");
    Objects.requireNonNull(value, "value");
  }

  public static Sample good(String tagKey, Instant at, String value) {
    return new Sample(tagKey, at, value, GOOD);
  }
}
