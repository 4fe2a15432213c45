package io.millstone.server.platform;

import java.math.BigDecimal;

/** Reads the decimal strings of the contracts (never floating point), naming the field if bad. */
public final class Decimals {
  private Decimals() {}

  /**
   * The number in {@code text}, or null after recording why it is not acceptable.
   *
   * @param required whether an empty value is a violation (otherwise it reads as zero)
   */
  public static BigDecimal parse(
      Validator v, String field, String text, int maxScale, boolean required) {
    if (text == null || text.isBlank()) {
      if (required) {
        v.check(false, field, "is required");
        return null;
      }
      return BigDecimal.ZERO;
    }
    String t = text.trim().replace(",", "");
    if (t.length() > 40) {
      v.check(false, field, "is too long to be a number");
      return null;
    }
    BigDecimal d;
    try {
      d = new BigDecimal(t);
    } catch (NumberFormatException e) {
      v.check(false, field, "'" + text + "' is not a number; write it like 1250.50");
      return null;
    }
    BigDecimal plain = d.stripTrailingZeros();
    if (plain.scale() > maxScale) {
      v.check(false, field, "has more than " + maxScale + " decimals");
      return null;
    }
    if (plain.precision() - plain.scale() > 15) {
      v.check(false, field, "is too large");
      return null;
    }
    return plain.scale() < 0 ? plain.setScale(0) : plain;
  }
}
