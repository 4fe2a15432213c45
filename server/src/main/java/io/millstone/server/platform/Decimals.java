package io.millstone.server.platform;

import java.math.BigDecimal;

/** Reads the decimal strings of the contracts (never floating point), naming the field if bad. */
public final class Decimals {
  /** Longest text read as a number; a longer one is refused before it is parsed. */
  public static final int MAX_TEXT = 40;

  private Decimals() {}

  /**
   * The number in {@code text}, or null after recording why it is not acceptable.
   *
   * <p>The value must fit the column a field with {@code maxScale} decimals is stored in: money and
   * prices ({@code NUMERIC(19,4)}) take 15 digits before the point, quantities ({@code
   * NUMERIC(19,6)}) 13, wider columns (conversion factors) 15 as well.
   *
   * @param required whether an empty value is a violation (otherwise it reads as zero)
   */
  public static BigDecimal parse(
      Validator v, String field, String text, int maxScale, boolean required) {
    return parse(v, field, text, maxScale, integerDigitsFor(maxScale), required);
  }

  /**
   * As {@link #parse(Validator, String, String, int, boolean)}, with the digits the column holds
   * before the point given.
   */
  public static BigDecimal parse(
      Validator v,
      String field,
      String text,
      int maxScale,
      int maxIntegerDigits,
      boolean required) {
    if (text == null || text.isBlank()) {
      if (required) {
        v.check(false, field, "is required");
        return null;
      }
      return BigDecimal.ZERO;
    }
    String t = text.trim().replace(",", "");
    if (t.length() > MAX_TEXT) {
      v.check(false, field, "is too long to be a number");
      return null;
    }
    BigDecimal d;
    try {
      d = new BigDecimal(t);
    } catch (NumberFormatException e) {
      v.check(false, field, "'" + clip(text) + "' is not a number; write it like 1250.50");
      return null;
    }
    return switch (check(d, maxScale, maxIntegerDigits)) {
      case TOO_LARGE -> {
        v.check(
            false,
            field,
            "is too large: at most " + maxIntegerDigits + " digits before the decimal point");
        yield null;
      }
      case TOO_PRECISE -> {
        v.check(false, field, "has more than " + maxScale + " decimals");
        yield null;
      }
      case OK -> {
        BigDecimal plain = d.stripTrailingZeros();
        yield plain.scale() < 0 ? plain.setScale(0) : plain;
      }
    };
  }

  /** Whether a parsed number fits a column. */
  public enum Fit {
    OK,
    TOO_LARGE,
    TOO_PRECISE
  }

  /**
   * Whether {@code d} fits a column with {@code maxIntegerDigits} digits before the point and
   * {@code maxScale} after it, judged from its precision and scale alone (in long arithmetic, so an
   * exponent such as {@code E+2147483647} cannot overflow), before any arithmetic: rescaling or
   * comparing a number like {@code 1E-30000000} costs seconds of CPU and gigabytes.
   */
  public static Fit check(BigDecimal d, int maxScale, int maxIntegerDigits) {
    if (d.signum() == 0) {
      return Fit.OK;
    }
    long precision = d.precision();
    long scale = d.scale();
    if (precision - scale > maxIntegerDigits) {
      return Fit.TOO_LARGE;
    }
    // Trailing zeros can lower the scale by at most precision - 1: beyond that, the number has
    // more decimals than the column keeps whatever its zeros.
    if (scale - (precision - 1) > maxScale) {
      return Fit.TOO_PRECISE;
    }
    BigDecimal plain = d.stripTrailingZeros();
    return plain.scale() > maxScale ? Fit.TOO_PRECISE : Fit.OK;
  }

  /** Digits before the point of the column that keeps a value with {@code maxScale} decimals. */
  static int integerDigitsFor(int maxScale) {
    return maxScale > 4 && maxScale <= 6 ? 19 - maxScale : 15;
  }

  private static String clip(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
