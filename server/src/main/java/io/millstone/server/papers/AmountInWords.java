package io.millstone.server.papers;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An amount of taka written out as cheques and invoices in Bangladesh write it, in lakh and crore:
 * "Taka one lakh twenty thousand and fifty paisa only", "টাকা এক লক্ষ বিশ হাজার এবং পঞ্চাশ পয়সা
 * মাত্র". Beyond 99 crore the crores are themselves counted in words (one hundred crore, one lakh
 * crore). Paisa are the amount rounded half-up to two decimals.
 */
public final class AmountInWords {
  private static final String[] EN_ONES = {
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen"
  };
  private static final String[] EN_TENS = {
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"
  };

  /** The words for 0 to 99: in Bangla each has its own word. */
  private static final String[] BN =
      ("শূন্য এক দুই তিন চার পাঁচ ছয় সাত আট নয় দশ"
              + " এগারো বারো তেরো চৌদ্দ পনেরো ষোলো সতেরো আঠারো উনিশ বিশ"
              + " একুশ বাইশ তেইশ চব্বিশ পঁচিশ ছাব্বিশ সাতাশ আটাশ ঊনত্রিশ ত্রিশ"
              + " একত্রিশ বত্রিশ তেত্রিশ চৌত্রিশ পঁয়ত্রিশ ছত্রিশ সাঁইত্রিশ আটত্রিশ ঊনচল্লিশ চল্লিশ"
              + " একচল্লিশ বিয়াল্লিশ তেতাল্লিশ চুয়াল্লিশ পঁয়তাল্লিশ ছেচল্লিশ সাতচল্লিশ আটচল্লিশ ঊনপঞ্চাশ পঞ্চাশ"
              + " একান্ন বায়ান্ন তিপ্পান্ন চুয়ান্ন পঞ্চান্ন ছাপ্পান্ন সাতান্ন আটান্ন ঊনষাট ষাট"
              + " একষট্টি বাষট্টি তেষট্টি চৌষট্টি পঁয়ষট্টি ছেষট্টি সাতষট্টি আটষট্টি ঊনসত্তর সত্তর"
              + " একাত্তর বাহাত্তর তিয়াত্তর চুয়াত্তর পঁচাত্তর ছিয়াত্তর সাতাত্তর আটাত্তর ঊনআশি আশি"
              + " একাশি বিরাশি তিরাশি চুরাশি পঁচাশি ছিয়াশি সাতাশি অষ্টআশি ঊননব্বই নব্বই"
              + " একানব্বই বিরানব্বই তিরানব্বই চুরানব্বই পঁচানব্বই ছিয়ানব্বই সাতানব্বই আটানব্বই নিরানব্বই")
          .split(" ");

  private static final BigInteger CRORE = BigInteger.valueOf(10_000_000);

  private AmountInWords() {}

  /** "Taka one lakh twenty thousand and fifty paisa only". */
  public static String english(BigDecimal amount) {
    return words(amount, false);
  }

  /** "টাকা এক লক্ষ বিশ হাজার এবং পঞ্চাশ পয়সা মাত্র". */
  public static String bangla(BigDecimal amount) {
    return words(amount, true);
  }

  /** In the language of a paper ("bn" Bangla, anything else English). */
  public static String of(BigDecimal amount, boolean bangla) {
    return words(amount, bangla);
  }

  private static String words(BigDecimal amount, boolean bn) {
    BigDecimal a = amount.setScale(2, RoundingMode.HALF_UP);
    boolean negative = a.signum() < 0;
    a = a.abs();
    BigInteger taka = a.toBigInteger();
    int paisa = a.subtract(new BigDecimal(taka)).movePointRight(2).intValueExact();
    StringBuilder s = new StringBuilder(bn ? "টাকা " : "Taka ");
    if (negative) {
      s.append(bn ? "ঋণাত্মক " : "minus ");
    }
    if (taka.signum() > 0 || paisa == 0) {
      s.append(integer(taka, bn));
    }
    if (paisa > 0) {
      if (taka.signum() > 0) {
        s.append(bn ? " এবং " : " and ");
      }
      s.append(below100(paisa, bn)).append(bn ? " পয়সা" : " paisa");
    }
    return s.append(bn ? " মাত্র" : " only").toString();
  }

  /** A whole number in words, in crore, lakh, thousand and hundred. */
  static String integer(BigInteger n, boolean bn) {
    if (n.signum() == 0) {
      return bn ? BN[0] : EN_ONES[0];
    }
    StringBuilder s = new StringBuilder();
    BigInteger[] crores = n.divideAndRemainder(CRORE);
    if (crores[0].signum() > 0) {
      s.append(integer(crores[0], bn)).append(bn ? " কোটি" : " crore");
    }
    long rest = crores[1].longValueExact();
    long lakh = rest / 100_000;
    long thousand = rest / 1_000 % 100;
    long hundred = rest / 100 % 10;
    long ones = rest % 100;
    part(s, lakh, bn ? "লক্ষ" : "lakh", bn);
    part(s, thousand, bn ? "হাজার" : "thousand", bn);
    part(s, hundred, bn ? "শত" : "hundred", bn);
    if (ones > 0) {
      if (!s.isEmpty()) {
        s.append(' ');
      }
      s.append(below100((int) ones, bn));
    }
    return s.toString();
  }

  private static void part(StringBuilder s, long count, String unit, boolean bn) {
    if (count > 0) {
      if (!s.isEmpty()) {
        s.append(' ');
      }
      s.append(below100((int) count, bn)).append(' ').append(unit);
    }
  }

  private static String below100(int n, boolean bn) {
    if (bn) {
      return BN[n];
    }
    if (n < 20) {
      return EN_ONES[n];
    }
    return EN_TENS[n / 10] + (n % 10 == 0 ? "" : "-" + EN_ONES[n % 10]);
  }
}
