package io.millstone.server.papers;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Amounts in words in lakh and crore, English and Bangla, as cheques and invoices write them. */
class AmountInWordsTest {
  private static String en(String v) {
    return AmountInWords.english(new BigDecimal(v));
  }

  private static String bn(String v) {
    return AmountInWords.bangla(new BigDecimal(v));
  }

  @Test
  void englishInLakhAndCrore() {
    assertThat(en("120000.50")).isEqualTo("Taka one lakh twenty thousand and fifty paisa only");
    assertThat(en("12345678.00"))
        .isEqualTo(
            "Taka one crore twenty-three lakh forty-five thousand six hundred seventy-eight only");
    assertThat(en("1000")).isEqualTo("Taka one thousand only");
    assertThat(en("101")).isEqualTo("Taka one hundred one only");
    assertThat(en("99")).isEqualTo("Taka ninety-nine only");
  }

  @Test
  void beyondNinetyNineCroreTheCroresAreCounted() {
    assertThat(en("1000000000")).isEqualTo("Taka one hundred crore only");
    assertThat(en("1000000000000")).isEqualTo("Taka one lakh crore only");
    assertThat(en("123456789012345.67"))
        .isEqualTo(
            "Taka one crore twenty-three lakh forty-five thousand six hundred seventy-eight crore"
                + " ninety lakh twelve thousand three hundred forty-five and sixty-seven paisa only");
  }

  @Test
  void zeroAndPaisaAlone() {
    assertThat(en("0")).isEqualTo("Taka zero only");
    assertThat(en("0.05")).isEqualTo("Taka five paisa only");
    assertThat(en("0.999")).isEqualTo("Taka one only");
    assertThat(en("-250")).isEqualTo("Taka minus two hundred fifty only");
    assertThat(bn("0")).isEqualTo("টাকা শূন্য মাত্র");
    assertThat(bn("0.25")).isEqualTo("টাকা পঁচিশ পয়সা মাত্র");
  }

  @Test
  void banglaHasAWordForEachNumberBelowAHundred() {
    assertThat(bn("120000.50")).isEqualTo("টাকা এক লক্ষ বিশ হাজার এবং পঞ্চাশ পয়সা মাত্র");
    assertThat(bn("12345678"))
        .isEqualTo("টাকা এক কোটি তেইশ লক্ষ পঁয়তাল্লিশ হাজার ছয় শত আটাত্তর মাত্র");
    assertThat(bn("99")).isEqualTo("টাকা নিরানব্বই মাত্র");
    assertThat(bn("1000000000")).isEqualTo("টাকা এক শত কোটি মাত্র");
    assertThat(bn("218500")).isEqualTo("টাকা দুই লক্ষ আঠারো হাজার পাঁচ শত মাত্র");
  }
}
