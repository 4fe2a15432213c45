package io.millstone.client.core;

import java.time.ZoneId;
import java.util.Objects;

/**
 * How this client writes amounts, dates and times: the company's digit grouping, date pattern and
 * time zone (read at sign-in), and whether the person reads Bangla digits (their preference, only
 * in Bangla). One is in force at a time; the window sets it at sign-in and when the language
 * changes, and {@link Amounts} and {@link Dates} write with it.
 */
public record Notation(Grouping grouping, String datePattern, ZoneId zone, boolean banglaDigits) {

  /** Digit grouping of amounts. */
  public enum Grouping {
    /** 1,23,45,678.00: lakh and crore. */
    INDIAN,
    /** 12,345,678.00. */
    WESTERN
  }

  /** Before sign-in, and where the server says nothing: the Bangladesh conventions. */
  public static final Notation DEFAULT =
      new Notation(Grouping.INDIAN, "dd/MM/yyyy", ZoneId.of("Asia/Dhaka"), false);

  // The one shared setting of the client: every screen writes numbers the same way, and passing
  // it to each of the static formatting calls (hundreds, in every view) would change nothing else.
  private static volatile Notation current = DEFAULT;

  public Notation {
    Objects.requireNonNull(grouping);
    Objects.requireNonNull(datePattern);
    Objects.requireNonNull(zone);
  }

  public static Notation current() {
    return current;
  }

  /** Puts {@code n} in force for every screen built or refreshed from now on. */
  public static void use(Notation n) {
    current = Objects.requireNonNull(n);
  }

  public Notation withBanglaDigits(boolean on) {
    return new Notation(grouping, datePattern, zone, on);
  }

  /**
   * The company's conventions as the server names them; unknown or empty values keep the default.
   */
  public static Notation of(String grouping, String datePattern, String zone) {
    Grouping g = "WESTERN".equals(grouping) ? Grouping.WESTERN : Grouping.INDIAN;
    String p = Dates.PATTERNS.contains(datePattern) ? datePattern : DEFAULT.datePattern();
    ZoneId z;
    try {
      z = zone == null || zone.isBlank() ? DEFAULT.zone() : ZoneId.of(zone);
    } catch (java.time.DateTimeException e) {
      z = DEFAULT.zone();
    }
    return new Notation(g, p, z, false);
  }

  /** Latin digits as Bangla digits (০১২৩৪৫৬৭৮৯) when the person wants them; otherwise as is. */
  public String digits(String latin) {
    if (!banglaDigits || latin == null) {
      return latin;
    }
    StringBuilder b = new StringBuilder(latin.length());
    for (int i = 0; i < latin.length(); i++) {
      char c = latin.charAt(i);
      b.append(c >= '0' && c <= '9' ? (char) ('\u09E6' + (c - '0')) : c);
    }
    return b.toString();
  }

  /** Bangla digits typed as Latin ones, so either may be typed. */
  public static String latinDigits(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder b = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '\u09E6' && c <= '\u09EF') {
        if (b == null) {
          b = new StringBuilder(text);
        }
        b.setCharAt(i, (char) ('0' + (c - '\u09E6')));
      }
    }
    return b == null ? text : b.toString();
  }
}
