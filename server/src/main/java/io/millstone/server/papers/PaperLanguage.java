package io.millstone.server.papers;

import io.millstone.server.platform.Amounts;
import io.millstone.server.platform.NumberGrouping;
import io.millstone.server.platform.error.FieldViolation;
import io.millstone.server.platform.error.InvalidInputException;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The language a paper is printed in: its labels (the server's message bundle, keys {@code
 * paper.*}), and in Bangla its digits (০১২৩৪৫৬৭৮৯) in amounts, quantities, dates and page numbers.
 * Document numbers and BINs are printed as the system keeps them.
 */
public enum PaperLanguage {
  ENGLISH(Locale.ROOT, "en"),
  BANGLA(Locale.of("bn"), "bn");

  private static final String BUNDLE = "io.millstone.server.platform.error.messages";

  private final Locale locale;
  private final String code;

  PaperLanguage(Locale locale, String code) {
    this.locale = locale;
    this.code = code;
  }

  /** "en" (or empty) English, "bn" Bangla; anything else is bad input of {@code field}. */
  public static PaperLanguage parse(String code, String field) {
    if (code == null || code.isEmpty() || code.equals("en")) {
      return ENGLISH;
    }
    if (code.equals("bn")) {
      return BANGLA;
    }
    throw new InvalidInputException(
        java.util.List.of(
            new FieldViolation(
                field, "must be en or bn", "paper_language", java.util.List.of(code))));
  }

  public boolean bangla() {
    return this == BANGLA;
  }

  public String code() {
    return code;
  }

  /** A label of the bundle, its arguments filled in (as given: format numbers first). */
  public String label(String key, Object... args) {
    String pattern;
    try {
      ResourceBundle b =
          ResourceBundle.getBundle(
              BUNDLE,
              locale,
              ResourceBundle.Control.getNoFallbackControl(
                  ResourceBundle.Control.FORMAT_PROPERTIES));
      pattern = b.containsKey(key) ? b.getString(key) : null;
    } catch (MissingResourceException e) {
      pattern = null;
    }
    if (pattern == null && this == BANGLA) {
      return ENGLISH.label(key, args);
    }
    if (pattern == null) {
      return key;
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }

  /** ASCII digits as this language writes them. */
  public String digits(String s) {
    if (this != BANGLA || s == null) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(c >= '0' && c <= '9' ? (char) ('০' + (c - '0')) : c);
    }
    return out.toString();
  }

  /** Money in the company's grouping, two decimals: 1,23,45,678.00 (১,২৩,৪৫,৬৭৮.০০). */
  public String money(BigDecimal v, NumberGrouping grouping) {
    return digits(Amounts.money(Amounts.amount(v), grouping));
  }

  /** A quantity as people write it: 9, 2.5. */
  public String qty(BigDecimal v) {
    return digits(Amounts.qty(v));
  }

  /** A date in the company's pattern (dd/MM/yyyy by default). */
  public String date(LocalDate d, String pattern) {
    return d == null ? "" : digits(DateTimeFormatter.ofPattern(pattern).format(d));
  }

  /** A moment as a date and 24-hour time in the company's zone: 05/12/2026 14:32. */
  public String dateTime(Instant at, String datePattern, ZoneId zone) {
    return at == null
        ? ""
        : digits(DateTimeFormatter.ofPattern(datePattern + " HH:mm").format(at.atZone(zone)));
  }

  /** An amount in words: "Taka … only" or "টাকা … মাত্র". */
  public String inWords(BigDecimal v) {
    return AmountInWords.of(v, this == BANGLA);
  }
}
