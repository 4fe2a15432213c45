package io.millstone.server.papers.supply;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of taka in words as a bill states it, counted in crore, lakh and thousand: "Taka One
 * Lakh Twenty Thousand Five Hundred and Paisa Fifty Only", or in Bangla "এক লক্ষ বিশ হাজার পাঁচ শত
 * টাকা পঞ্চাশ পয়সা মাত্র".
 */
final class AmountWords {
  private AmountWords() {}

  private static final String[] EN_ONES = {
    "Zero",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Eleven",
    "Twelve",
    "Thirteen",
    "Fourteen",
    "Fifteen",
    "Sixteen",
    "Seventeen",
    "Eighteen",
    "Nineteen"
  };
  private static final String[] EN_TENS = {
    "", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"
  };

  /** 0 to 99 in Bangla: each has its own word. */
  private static final String[] BN =
      ("শূন্য এক দুই তিন চার পাঁচ ছয় সাত আট নয় দশ এগারো বারো তেরো চৌদ্দ পনেরো ষোলো সতেরো আঠারো উনিশ"
              + " বিশ একুশ বাইশ তেইশ চব্বিশ পঁচিশ ছাব্বিশ সাতাশ আটাশ উনত্রিশ ত্রিশ একত্রিশ বত্রিশ তেত্রিশ"
              + " চৌত্রিশ পঁয়ত্রিশ ছত্রিশ সাঁইত্রিশ আটত্রিশ উনচল্লিশ চল্লিশ একচল্লিশ বিয়াল্লিশ তেতাল্লিশ"
              + " চুয়াল্লিশ পঁয়তাল্লিশ ছেচল্লিশ সাতচল্লিশ আটচল্লিশ উনপঞ্চাশ পঞ্চাশ একান্ন বাহান্ন তিপ্পান্ন"
              + " চুয়ান্ন পঞ্চান্ন ছাপ্পান্ন সাতান্ন আটান্ন উনষাট ষাট একষট্টি বাষট্টি তেষট্টি চৌষট্টি পঁয়ষট্টি"
              + " ছেষট্টি সাতষট্টি আটষট্টি উনসত্তর সত্তর একাত্তর বাহাত্তর তিয়াত্তর চুয়াত্তর পঁচাত্তর ছিয়াত্তর"
              + " সাতাত্তর আটাত্তর উনআশি আশি একাশি বিরাশি তিরাশি চুরাশি পঁচাশি ছিয়াশি সাতাশি আটাশি উননব্বই"
              + " নব্বই একানব্বই বিরানব্বই তিরানব্বই চুরানব্বই পঁচানব্বই ছিয়ানব্বই সাতানব্বই আটানব্বই নিরানব্বই")
          .split(" ");

  /** The amount (rounded to paisa) in English or, for {@code bangla}, in Bangla. */
  static String of(BigDecimal amount, boolean bangla) {
    BigDecimal a = amount.abs().setScale(2, RoundingMode.HALF_UP);
    long taka = a.longValue();
    int paisa = a.remainder(BigDecimal.ONE).movePointRight(2).intValue();
    return bangla ? bangla(taka, paisa) : english(taka, paisa);
  }

  private static String english(long taka, int paisa) {
    StringBuilder out = new StringBuilder("Taka ").append(enCount(taka));
    if (paisa > 0) {
      out.append(" and Paisa ").append(enBelowHundred(paisa));
    }
    return out.append(" Only").toString();
  }

  private static String bangla(long taka, int paisa) {
    StringBuilder out = new StringBuilder(bnCount(taka)).append(" টাকা");
    if (paisa > 0) {
      out.append(' ').append(BN[paisa]).append(" পয়সা");
    }
    return out.append(" মাত্র").toString();
  }

  private static String enCount(long n) {
    if (n == 0) {
      return EN_ONES[0];
    }
    StringBuilder out = new StringBuilder();
    long crore = n / 10_000_000;
    long rest = n % 10_000_000;
    if (crore > 0) {
      append(out, enCount(crore) + " Crore");
    }
    int lakh = (int) (rest / 100_000);
    int thousand = (int) (rest / 1000 % 100);
    int hundred = (int) (rest / 100 % 10);
    int below = (int) (rest % 100);
    if (lakh > 0) {
      append(out, enBelowHundred(lakh) + " Lakh");
    }
    if (thousand > 0) {
      append(out, enBelowHundred(thousand) + " Thousand");
    }
    if (hundred > 0) {
      append(out, EN_ONES[hundred] + " Hundred");
    }
    if (below > 0) {
      append(out, enBelowHundred(below));
    }
    return out.toString();
  }

  private static String enBelowHundred(int n) {
    if (n < 20) {
      return EN_ONES[n];
    }
    return EN_TENS[n / 10] + (n % 10 == 0 ? "" : "-" + EN_ONES[n % 10]);
  }

  private static String bnCount(long n) {
    if (n == 0) {
      return BN[0];
    }
    StringBuilder out = new StringBuilder();
    long crore = n / 10_000_000;
    long rest = n % 10_000_000;
    if (crore > 0) {
      append(out, bnCount(crore) + " কোটি");
    }
    int lakh = (int) (rest / 100_000);
    int thousand = (int) (rest / 1000 % 100);
    int hundred = (int) (rest / 100 % 10);
    int below = (int) (rest % 100);
    if (lakh > 0) {
      append(out, BN[lakh] + " লক্ষ");
    }
    if (thousand > 0) {
      append(out, BN[thousand] + " হাজার");
    }
    if (hundred > 0) {
      append(out, BN[hundred] + " শত");
    }
    if (below > 0) {
      append(out, BN[below]);
    }
    return out.toString();
  }

  private static void append(StringBuilder out, String words) {
    if (!out.isEmpty()) {
      out.append(' ');
    }
    out.append(words);
  }
}
