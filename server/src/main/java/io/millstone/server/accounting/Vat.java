package io.millstone.server.accounting;

import io.millstone.server.platform.Amounts;
import java.math.BigDecimal;

/**
 * VAT, computed in one place: on a line's net amount at the line's percentage rate, rounded half-up
 * to the minor unit, as the Mushak forms want. Statements that compute it inside PostgreSQL use
 * {@link #SQL_ON_LINE}, the same rule.
 */
public final class Vat {
  /** The same rule in SQL, on a line with {@code net} and {@code vat_rate} columns. */
  public static final String SQL_ON_LINE = "round(net * vat_rate / 100, 2)";

  private Vat() {}

  public static BigDecimal on(BigDecimal net, BigDecimal ratePercent) {
    return Amounts.amount(net.multiply(ratePercent).movePointLeft(2));
  }
}
