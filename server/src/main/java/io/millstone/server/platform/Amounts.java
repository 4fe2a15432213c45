package io.millstone.server.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How documents round and print money and quantities. */
public final class Amounts {
  /** Amounts on documents are rounded to the currency's minor unit (paisa for BDT). */
  public static final int SCALE = 2;

  /**
   * The largest document total kept: money columns are NUMERIC(19,4), 15 digits before the point. A
   * line's value is kept below a tenth of that, so its VAT and the sum of an order's lines still
   * fit — a document that would not is refused as bad input instead of failing in the database.
   */
  public static final BigDecimal LINE_VALUE_LIMIT = new BigDecimal("1E14");

  private Amounts() {}

  /** Whether {@code v} is a line value a document can hold (see {@link #LINE_VALUE_LIMIT}). */
  public static boolean fitsLine(BigDecimal v) {
    return v.abs().compareTo(LINE_VALUE_LIMIT) < 0;
  }

  /** An amount rounded half-up to the minor unit, as tax invoices are. */
  public static BigDecimal amount(BigDecimal v) {
    return v.setScale(SCALE, RoundingMode.HALF_UP);
  }

  public static BigDecimal zero() {
    return BigDecimal.ZERO.setScale(SCALE);
  }

  /**
   * Money written plainly: 218500.00 (two to six decimals, as many as it has). For records, not for
   * people: audit-log summaries and stored notes keep amounts so, whatever the company's grouping,
   * since they are read back and compared as they were written. A sentence a person reads (a
   * refusal) passes a {@link Money} argument instead, shown in the company's grouping by {@link
   * #money(BigDecimal, NumberGrouping)} on the refusal's way out.
   */
  public static String money(BigDecimal d) {
    return d.setScale(
            Math.max(SCALE, Math.min(d.stripTrailingZeros().scale(), 6)), RoundingMode.HALF_UP)
        .toPlainString();
  }

  /**
   * Money as a company writes it: {@code INDIAN} groups lakh and crore (-1,23,45,678.50), {@code
   * WESTERN} thousands (-12,345,678.50); the decimals are those of {@link #money(BigDecimal)}, and
   * without a grouping the amount is plain.
   */
  public static String money(BigDecimal d, NumberGrouping grouping) {
    String plain = money(d);
    if (grouping == null) {
      return plain;
    }
    boolean negative = plain.startsWith("-");
    int point = plain.indexOf('.');
    String digits = plain.substring(negative ? 1 : 0, point < 0 ? plain.length() : point);
    StringBuilder out = new StringBuilder(plain.length() + digits.length() / 2 + 1);
    int firstGroup = 3;
    int group = grouping == NumberGrouping.INDIAN ? 2 : 3;
    int n = digits.length();
    for (int i = 0; i < n; i++) {
      int left = n - i; // digits from here to the point
      if (i > 0 && left >= firstGroup && (left - firstGroup) % group == 0) {
        out.append(',');
      }
      out.append(digits.charAt(i));
    }
    return (negative ? "-" : "") + out + (point < 0 ? "" : plain.substring(point));
  }

  /** A quantity as people write it: 9, 2.5. */
  public static String qty(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }

  /** VAT on a net amount at a percentage rate, rounded to the minor unit. */
  public static BigDecimal vat(BigDecimal net, BigDecimal ratePercent) {
    return amount(net.multiply(ratePercent).movePointLeft(2));
  }
}
