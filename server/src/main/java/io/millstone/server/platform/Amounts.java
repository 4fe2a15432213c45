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

  /** Money in a message: 218500.00. */
  public static String money(BigDecimal d) {
    return d.setScale(
            Math.max(SCALE, Math.min(d.stripTrailingZeros().scale(), 6)), RoundingMode.HALF_UP)
        .toPlainString();
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
