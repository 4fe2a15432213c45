package io.millstone.server.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millstone.server.platform.error.FieldViolation;
import io.millstone.server.platform.error.InvalidInputException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Numbers with absurd exponents are refused from their precision and scale, before any arithmetic,
 * and a number too large for its column is a field violation.
 */
class DecimalsTest {
  private static BigDecimal parse(String text, int scale) {
    Validator v = new Validator();
    BigDecimal d = Decimals.parse(v, "price", text, scale, true);
    v.throwIfInvalid();
    return d;
  }

  private static List<FieldViolation> refusal(String text, int scale) {
    try {
      parse(text, scale);
    } catch (InvalidInputException e) {
      return e.violations();
    }
    throw new AssertionError(text + " was accepted");
  }

  @Test
  void aHugePositiveExponentIsTooLargeNotAnOverflow() {
    assertThat(refusal("1E+2147483647", 4))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.field()).isEqualTo("price");
              assertThat(f.description()).startsWith("is too large");
            });
  }

  @Test
  void aHugeNegativeExponentHasTooManyDecimals() {
    assertThat(refusal("1E-300000000", 4))
        .singleElement()
        .satisfies(f -> assertThat(f.description()).isEqualTo("has more than 4 decimals"));
    assertThat(refusal("1E-2147483647", 6)).hasSize(1);
  }

  @Test
  void anExponentBeyondWhatBigDecimalReadsIsNotANumber() {
    assertThat(refusal("1E-2147483649", 4))
        .singleElement()
        .satisfies(f -> assertThat(f.description()).contains("is not a number"));
  }

  @Test
  void zeroWithAHugeExponentIsZero() {
    assertThat(parse("0E+2147483647", 4)).isEqualByComparingTo("0");
    assertThat(parse("0E-2147483647", 4)).isEqualByComparingTo("0");
  }

  @Test
  void exponentsThatGiveAnOrdinaryNumberAreRead() {
    assertThat(parse("1.25E+3", 4).toPlainString()).isEqualTo("1250");
    assertThat(parse("12500E-4", 4).toPlainString()).isEqualTo("1.25");
    assertThat(parse("1000000000000000000000E-10", 4).toPlainString()).isEqualTo("100000000000");
  }

  @Test
  void moneyTakesFifteenDigitsBeforeThePointAndQuantitiesThirteen() {
    assertThat(parse("999999999999999.9999", 4)).isEqualByComparingTo("999999999999999.9999");
    assertThat(refusal("1000000000000000", 4)).hasSize(1);
    assertThat(parse("9999999999999.999999", 6)).isEqualByComparingTo("9999999999999.999999");
    assertThat(refusal("10000000000000", 6))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.description())
                    .isEqualTo("is too large: at most 13 digits before the decimal point"));
  }

  @Test
  void checkJudgesAnAbsurdNumberWithoutRescalingIt() {
    assertThat(Decimals.check(new BigDecimal("7E+2147483647"), 6, 24))
        .isEqualTo(Decimals.Fit.TOO_LARGE);
    assertThat(Decimals.check(new BigDecimal("-7E+2147483647"), 6, 24))
        .isEqualTo(Decimals.Fit.TOO_LARGE);
    assertThat(Decimals.check(new BigDecimal("1E-30000000"), 6, 24))
        .isEqualTo(Decimals.Fit.TOO_PRECISE);
    assertThat(Decimals.check(new BigDecimal("1.500000"), 1, 24)).isEqualTo(Decimals.Fit.OK);
  }

  @Test
  void tooLongATextIsRefusedBeforeItIsRead() {
    assertThatThrownBy(() -> parse("1" + "0".repeat(60), 4))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("too long");
  }
}
