package io.millstone.client.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * How amounts and quantities are read from what a person typed and shown back: always BigDecimal,
 * amounts to the paisa (half up, as the server rounds), grouped the company's way ({@link
 * Notation}: lakh/crore or thousands), in Bangla digits when the person wants them.
 */
public final class Amounts {
  /** What a person types for a number is never longer; longer text is refused before parsing. */
  public static final int MAX_LENGTH = 40;

  private static final Pattern PLAIN = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)");
  // 1,234,567.50
  private static final Pattern WESTERN = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d*)?");
  // 10,00,000 and 1,23,45,678.00: the last group of three, the others of two.
  private static final Pattern INDIAN = Pattern.compile("-?\\d{1,2}(,\\d{2})*,\\d{3}(\\.\\d*)?");

  private Amounts() {}

  /**
   * The typed number, or null when the text is empty or not a number. Accepts "1000000",
   * "1,000,000" and "10,00,000", in Latin or Bangla digits; refuses a comma as the decimal mark
   * ("12,50"), exponents ("1E-300000000") and text longer than {@link #MAX_LENGTH}, before any
   * arithmetic, so no input can make the client compute for long.
   */
  public static BigDecimal parse(String text) {
    if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
      return null;
    }
    String t = Notation.latinDigits(text.strip()).replace("_", "");
    if (WESTERN.matcher(t).matches() || INDIAN.matcher(t).matches()) {
      t = t.replace(",", "");
    } else if (!PLAIN.matcher(t).matches()) {
      return null;
    }
    return new BigDecimal(t);
  }

  /** The number a server decimal string carries; zero when empty. */
  public static BigDecimal of(String serverText) {
    BigDecimal v = parse(serverText);
    return v == null ? BigDecimal.ZERO : v;
  }

  /** Rounded to the paisa, half up. */
  public static BigDecimal round(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP);
  }

  /** "1,23,45,678.50" (lakh/crore) or "12,345,678.50", as the company writes amounts. */
  public static String money(BigDecimal v) {
    return v == null ? "" : money(v, Notation.current());
  }

  public static String money(BigDecimal v, Notation n) {
    if (v == null) {
      return "";
    }
    String plain = v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    return n.digits(grouped(plain, n.grouping()));
  }

  public static String money(String serverText) {
    return serverText == null || serverText.isBlank() ? "" : money(of(serverText));
  }

  /** Groups the whole part of a plain decimal string ("-1234567.50" to "-12,34,567.50"). */
  static String grouped(String plain, Notation.Grouping grouping) {
    boolean negative = plain.startsWith("-");
    String unsigned = negative ? plain.substring(1) : plain;
    int dot = unsigned.indexOf('.');
    String whole = dot < 0 ? unsigned : unsigned.substring(0, dot);
    String fraction = dot < 0 ? "" : unsigned.substring(dot);
    StringBuilder b = new StringBuilder();
    int end = whole.length();
    int group = 3;
    while (end > group) {
      b.insert(0, whole, end - group, end).insert(0, ',');
      end -= group;
      if (grouping == Notation.Grouping.INDIAN) {
        group = 2;
      }
    }
    b.insert(0, whole, 0, end);
    return (negative ? "-" : "") + b + fraction;
  }

  /**
   * A quantity without needless zeros: "12.5", "40". Plain Latin digits, as it is also put back
   * into fields people edit; see {@link #quantityShown} for tables and labels.
   */
  public static String quantity(BigDecimal v) {
    if (v == null) {
      return "";
    }
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
  }

  public static String quantity(String serverText) {
    return serverText == null || serverText.isBlank() ? "" : quantity(of(serverText));
  }

  /** A quantity for reading: grouped the company's way, in the person's digits ("1,20,000.5"). */
  public static String quantityShown(BigDecimal v) {
    if (v == null) {
      return "";
    }
    Notation n = Notation.current();
    return n.digits(grouped(quantity(v), n.grouping()));
  }

  public static String quantityShown(String serverText) {
    return serverText == null || serverText.isBlank() ? "" : quantityShown(of(serverText));
  }
}
