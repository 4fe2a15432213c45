package io.millstone.client.core;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The visible text of the client in one language, from {@code messages*.properties}. */
public final class Messages {
  public static final Locale ENGLISH = Locale.ENGLISH;
  public static final Locale BANGLA = Locale.forLanguageTag("bn");

  private final ResourceBundle bundle;
  private final Locale locale;

  public Messages(Locale locale) {
    this.locale = locale;
    this.bundle =
        ResourceBundle.getBundle(
            "io.millstone.client.messages",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public Locale locale() {
    return locale;
  }

  public ResourceBundle bundle() {
    return bundle;
  }

  /** The text for {@code key}, with {@code {0}}-style arguments filled in. */
  public String get(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return "!" + key + "!";
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, digitsLocale()).format(args);
  }

  /**
   * The locale numbers in messages are written in: Bangla digits only when the person asked for
   * them ({@link Notation}), Latin digits otherwise, as everywhere else on screen.
   */
  private Locale digitsLocale() {
    if ("bn".equals(locale.getLanguage()) && !Notation.current().banglaDigits()) {
      return LATIN_DIGITS_BANGLA;
    }
    return locale;
  }

  private static final Locale LATIN_DIGITS_BANGLA = Locale.forLanguageTag("bn-u-nu-latn");

  public boolean has(String key) {
    return bundle.containsKey(key);
  }
}
