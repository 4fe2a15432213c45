package io.millstone.client.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How amounts and quantities are read from what a person typed and shown back: always BigDecimal,
 * amounts to the paisa (half up, as the server rounds), Latin digits with thousands separators.
 */
public final class Amounts {
  private Amounts() {}

  /** The typed number, or null when the text is empty or not a number ("12,50" is not). */
  public static BigDecimal parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.trim().replace("_", "");
    // Thousands separators are fine ("1,250.50"); a comma as the decimal mark is not.
    if (t.matches("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
      t = t.replace(",", "");
    }
    try {
      return new BigDecimal(t);
    } catch (NumberFormatException e) {
      return null;
    }
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

  /** "1,234,567.50". */
  public static String money(BigDecimal v) {
    DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    f.setRoundingMode(RoundingMode.HALF_UP);
    return v == null ? "" : f.format(v);
  }

  public static String money(String serverText) {
    return serverText == null || serverText.isBlank() ? "" : money(of(serverText));
  }

  /** A quantity without needless zeros: "12.5", "40". */
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
}
