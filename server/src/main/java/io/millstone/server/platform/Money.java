package io.millstone.server.platform;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount of money among a refusal's arguments, so that the sentence shows it grouped the way the
 * company writes amounts ({@link io.millstone.server.platform.error.ErrorMessages}), where a plain
 * number would be shown as it is. Its text on its own is plain ({@link Amounts#money}), as in a
 * sentence written before the company is known.
 */
public record Money(BigDecimal amount) {
  public Money {
    Objects.requireNonNull(amount, "amount");
  }

  /** The amount as the company writes it: {@code 3,00,000.00} or {@code 300,000.00}. */
  public String in(NumberGrouping grouping) {
    return Amounts.money(amount, grouping);
  }

  @Override
  public String toString() {
    return Amounts.money(amount);
  }
}
