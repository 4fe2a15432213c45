package io.millstone.server.platform.error;

import io.millstone.server.platform.Money;
import io.millstone.server.platform.NumberGrouping;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Says a refusal in the caller's language: the sentence of its message id from {@code
 * messages_<lang>.properties} beside this class, with the exception's arguments. English sentences
 * in {@code messages.properties} are used where the arguments hold times (shown in the company's
 * zone) or money ({@link Money}, shown in the company's digit grouping: 3,00,000.00 or 300,000.00);
 * a language without the entry gets the English one. Without an entry, or without the arguments the
 * entry needs, the exception's own sentence stands. Digits stay ASCII in every language: the client
 * may show Bangla digits.
 */
public final class ErrorMessages {
  public static final Locale ENGLISH = Locale.ENGLISH;
  public static final Locale BANGLA = Locale.forLanguageTag("bn");
  private static final String BUNDLE = "io.millstone.server.platform.error.messages";
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private ErrorMessages() {}

  /**
   * The language an {@code accept-language} header asks for: Bangla when its first language is
   * {@code bn}, English otherwise (also for an absent, overlong or malformed header).
   */
  public static Locale fromHeader(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 100) {
      return ENGLISH;
    }
    try {
      List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
      if (!ranges.isEmpty()) {
        String first = ranges.getFirst().getRange();
        if (first.equals("bn") || first.startsWith("bn-")) {
          return BANGLA;
        }
      }
    } catch (IllegalArgumentException e) {
      // A header we cannot read gets the default language.
    }
    return ENGLISH;
  }

  /**
   * The sentence of a refusal that is no exception (the gateway's own: not signed in, a missing
   * permission, too many requests) in {@code locale}; {@code fallback} where no bundle has it.
   */
  public static String sentence(String messageId, Locale locale, String fallback, Object... args) {
    return say(messageId, List.of(args), null, null, locale, fallback);
  }

  /** The exception's sentence in {@code locale}. */
  public static String message(MillstoneException e, Locale locale) {
    return say(e.messageId(), e.args(), e.zone(), e.grouping(), locale, e.getMessage());
  }

  /**
   * What is wrong with one field of {@code refusal}, in {@code locale}, with times and money as the
   * refusal shows them.
   */
  public static String description(FieldViolation v, MillstoneException refusal, Locale locale) {
    return v.messageId() == null
        ? v.description()
        : say(v.messageId(), v.args(), refusal.zone(), refusal.grouping(), locale, v.description());
  }

  private static String say(
      String id,
      List<Object> args,
      ZoneId zone,
      NumberGrouping grouping,
      Locale locale,
      String fallback) {
    if (id == null) {
      return fallback;
    }
    String pattern = pattern(id, locale);
    if (pattern == null) {
      return fallback;
    }
    try {
      MessageFormat f = new MessageFormat(pattern, locale);
      if (f.getFormatsByArgumentIndex().length > args.size()) {
        // Thrown without the arguments its sentence needs (an older throw site).
        return fallback;
      }
      Object[] shown = new Object[args.size()];
      for (int i = 0; i < shown.length; i++) {
        shown[i] = shown(args.get(i), zone, grouping);
      }
      return f.format(shown);
    } catch (IllegalArgumentException bad) {
      return fallback;
    }
  }

  private static String pattern(String id, Locale locale) {
    try {
      ResourceBundle b =
          ResourceBundle.getBundle(
              BUNDLE,
              BANGLA.getLanguage().equals(locale.getLanguage()) ? BANGLA : Locale.ROOT,
              ResourceBundle.Control.getNoFallbackControl(
                  ResourceBundle.Control.FORMAT_PROPERTIES));
      return b.containsKey(id) ? b.getString(id) : null;
    } catch (MissingResourceException e) {
      return null;
    }
  }

  /**
   * Arguments as text, so that MessageFormat never regroups numbers or picks another calendar:
   * money in the company's grouping (plain where it is not known), other numbers plain.
   */
  private static String shown(Object arg, ZoneId zone, NumberGrouping grouping) {
    if (arg == null) {
      return "";
    } else if (arg instanceof Instant at) {
      return zone == null
          ? WHEN.format(at.atZone(ZoneOffset.UTC)) + " UTC"
          : WHEN.format(at.atZone(zone));
    } else if (arg instanceof LocalDate day) {
      return DAY.format(day);
    } else if (arg instanceof Money m) {
      return m.in(grouping);
    } else if (arg instanceof Phrase p) {
      StringBuilder s = new StringBuilder();
      p.parts().forEach(part -> s.append(shown(part, zone, grouping)));
      return s.toString();
    } else if (arg instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return arg.toString();
  }
}
