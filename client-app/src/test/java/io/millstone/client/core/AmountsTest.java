package io.millstone.client.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Amounts are read the ways people type them and shown the way the company writes them. */
class AmountsTest {
  private static final Notation WESTERN =
      new Notation(Notation.Grouping.WESTERN, "dd/MM/yyyy", ZoneId.of("Asia/Dhaka"), false);

  @AfterEach
  void backToTheDefaults() {
    Notation.use(Notation.DEFAULT);
  }

  @Test
  void bdtAmountsAreShownInLakhAndCrore() {
    assertThat(Amounts.money(new BigDecimal("12345678"))).isEqualTo("1,23,45,678.00");
    assertThat(Amounts.money(new BigDecimal("100000"))).isEqualTo("1,00,000.00");
    assertThat(Amounts.money(new BigDecimal("99999.995"))).isEqualTo("1,00,000.00");
    assertThat(Amounts.money(new BigDecimal("-1234.5"))).isEqualTo("-1,234.50");
    assertThat(Amounts.money(new BigDecimal("999"))).isEqualTo("999.00");
  }

  @Test
  void aCompanyThatWritesWesternGroupingSeesThousands() {
    Notation.use(WESTERN);

    assertThat(Amounts.money(new BigDecimal("12345678"))).isEqualTo("12,345,678.00");
  }

  @Test
  void tenLakhIsReadHoweverItIsTyped() {
    BigDecimal tenLakh = new BigDecimal("1000000");

    assertThat(Amounts.parse("10,00,000")).isEqualByComparingTo(tenLakh);
    assertThat(Amounts.parse("1000000")).isEqualByComparingTo(tenLakh);
    assertThat(Amounts.parse("1,000,000")).isEqualByComparingTo(tenLakh);
    assertThat(Amounts.parse("১০,০০,০০০")).isEqualByComparingTo(tenLakh);
    assertThat(Amounts.parse(" 1,23,45,678.50 ")).isEqualByComparingTo("12345678.50");
  }

  @Test
  void aCommaAsTheDecimalMarkOrStrayGroupingIsNotANumber() {
    assertThat(Amounts.parse("12,50")).isNull();
    assertThat(Amounts.parse("1,0000")).isNull();
    assertThat(Amounts.parse("10,0,000")).isNull();
    assertThat(Amounts.parse("abc")).isNull();
  }

  @Test
  void exponentsAndOverlongNumbersAreRefusedAtOnce() {
    // Refused by their text alone: no BigDecimal is made, so none can be scaled for hours later.
    assertThat(Amounts.parse("1E-300000000")).isNull();
    assertThat(Amounts.parse("1e999999999")).isNull();
    assertThat(Amounts.parse("1".repeat(41))).isNull();
    assertThat(Amounts.parse("9".repeat(100_000))).isNull();
    assertThat(Amounts.parse("1".repeat(40))).isNotNull();
  }

  @Test
  void banglaReadersWhoAskForBanglaDigitsSeeThem() {
    Notation.use(Notation.DEFAULT.withBanglaDigits(true));

    assertThat(Amounts.money(new BigDecimal("120000"))).isEqualTo("১,২০,০০০.০০");
    assertThat(Amounts.quantityShown(new BigDecimal("1250.5"))).isEqualTo("১,২৫০.৫");
  }

  @Test
  void quantitiesPutBackIntoFieldsStayPlain() {
    Notation.use(Notation.DEFAULT.withBanglaDigits(true));

    assertThat(Amounts.quantity(new BigDecimal("120000.000"))).isEqualTo("120000");
  }
}
