package io.millstone.server.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a reading's value text becomes the number stored, and which texts are refused. */
class ReadingValueTest {
  @Test
  void anOrdinaryValueIsKeptToSixDecimals() {
    assertThat(ReadingIngest.number("4.1234567").value().toPlainString()).isEqualTo("4.123457");
    assertThat(ReadingIngest.number("12").value().toPlainString()).isEqualTo("12");
    assertThat(ReadingIngest.number("1.5E+3").value().toPlainString()).isEqualTo("1500");
  }

  @Test
  void aHugePositiveExponentIsTooLargeForAReading() {
    assertThat(ReadingIngest.number("7e+2147483647").problem()).startsWith("is too large");
    assertThat(ReadingIngest.number("-7e+2147483647").problem()).startsWith("is too large");
    assertThat(ReadingIngest.number("1E+24").problem()).startsWith("is too large");
  }

  @Test
  void aHugeNegativeExponentIsRefusedNotRoundedToZero() {
    assertThat(ReadingIngest.number("1E-30000000").value()).isNull();
    assertThat(ReadingIngest.number("1E-2147483647").problem()).contains("exponent");
  }

  @Test
  void zeroWithAnyExponentIsZero() {
    assertThat(ReadingIngest.number("0E+2147483647").value()).isZero();
    assertThat(ReadingIngest.number("0E-2147483647").value()).isZero();
  }

  @Test
  void textThatIsNoNumberSaysSo() {
    assertThat(ReadingIngest.number("fast").problem()).isEqualTo("is not a number");
    assertThat(ReadingIngest.number("1E-9999999999").problem()).isEqualTo("is not a number");
  }
}
