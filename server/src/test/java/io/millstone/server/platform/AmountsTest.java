package io.millstone.server.platform;

import static io.millstone.server.platform.NumberGrouping.INDIAN;
import static io.millstone.server.platform.NumberGrouping.WESTERN;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Money as the office writes it: lakh and crore, or thousands; records keep it plain. */
class AmountsTest {
  private static String indian(String v) {
    return Amounts.money(new BigDecimal(v), INDIAN);
  }

  private static String western(String v) {
    return Amounts.money(new BigDecimal(v), WESTERN);
  }

  @Test
  void lakhAndCroreGroupTheLastThreeDigitsThenTwoByTwo() {
    assertThat(indian("12345678")).isEqualTo("1,23,45,678.00");
    assertThat(indian("1000000")).isEqualTo("10,00,000.00");
    assertThat(indian("300000")).isEqualTo("3,00,000.00");
    assertThat(indian("100000")).isEqualTo("1,00,000.00");
    assertThat(indian("99999.99")).isEqualTo("99,999.99");
    assertThat(indian("1000")).isEqualTo("1,000.00");
    assertThat(indian("999")).isEqualTo("999.00");
    assertThat(indian("0")).isEqualTo("0.00");
    assertThat(indian("0.5")).isEqualTo("0.50");
  }

  @Test
  void negativesKeepTheirSignBeforeTheFirstGroup() {
    assertThat(indian("-500000.50")).isEqualTo("-5,00,000.50");
    assertThat(indian("-999")).isEqualTo("-999.00");
    assertThat(indian("-100000")).isEqualTo("-1,00,000.00");
    assertThat(western("-1234567")).isEqualTo("-1,234,567.00");
    assertThat(western("-123456")).isEqualTo("-123,456.00");
  }

  @Test
  void westernGroupsThousands() {
    assertThat(western("1234567")).isEqualTo("1,234,567.00");
    assertThat(western("300000")).isEqualTo("300,000.00");
    assertThat(western("999")).isEqualTo("999.00");
    assertThat(western("1000")).isEqualTo("1,000.00");
  }

  @Test
  void decimalsAreThoseOfThePlainFormTwoToSix() {
    assertThat(indian("1234567.125")).isEqualTo("12,34,567.125");
    assertThat(indian("1234567.1234567")).isEqualTo("12,34,567.123457");
    assertThat(western("1234567.10000")).isEqualTo("1,234,567.10");
    assertThat(indian("1E+5")).isEqualTo("1,00,000.00");
    assertThat(Amounts.money(new BigDecimal("1E+5"))).isEqualTo("100000.00");
  }

  @Test
  void fifteenIntegerDigitsAsTheMoneyColumnsHold() {
    assertThat(indian("999999999999999.9999")).isEqualTo("99,99,99,99,99,99,999.9999");
    assertThat(indian("123456789012345")).isEqualTo("12,34,56,78,90,12,345.00");
    assertThat(western("-123456789012345.50")).isEqualTo("-123,456,789,012,345.50");
  }

  @Test
  void withoutAGroupingTheAmountIsPlain() {
    assertThat(Amounts.money(new BigDecimal("300000"), null)).isEqualTo("300000.00");
    assertThat(new Money(new BigDecimal("300000")).toString()).isEqualTo("300000.00");
    assertThat(new Money(new BigDecimal("300000")).in(INDIAN)).isEqualTo("3,00,000.00");
    assertThat(NumberGrouping.of("WESTERN")).isEqualTo(WESTERN);
    assertThat(NumberGrouping.of("ARABIC")).isNull();
    assertThat(NumberGrouping.of(null)).isNull();
  }
}
