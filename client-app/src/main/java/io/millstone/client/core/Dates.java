package io.millstone.client.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/**
 * How dates and times are written and read: the company's date pattern (dd/MM/yyyy by default) and
 * times in the company's time zone, never the PC's or UTC ({@link Notation}).
 */
public final class Dates {
  /** The date patterns a company may choose (the server checks the same list). */
  public static final List<String> PATTERNS =
      List.of("dd/MM/yyyy", "dd-MM-yyyy", "dd.MM.yyyy", "yyyy-MM-dd", "MM/dd/yyyy");

  private Dates() {}

  private static DateTimeFormatter dateFormat(Notation n) {
    // "uuuu" with strict resolving, so 31/02/2026 is refused rather than turned into 28/02.
    return DateTimeFormatter.ofPattern(n.datePattern().replace("yyyy", "uuuu"), Locale.ROOT)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  /** "07/12/2026"; empty for none. */
  public static String date(LocalDate d) {
    Notation n = Notation.current();
    return d == null ? "" : n.digits(dateFormat(n).format(d));
  }

  /** "07/12/2026 10:15" in the company's zone; empty for none. */
  public static String dateTime(Instant at) {
    Notation n = Notation.current();
    return at == null ? "" : n.digits(dateTimeFormat(n.datePattern()).format(at.atZone(n.zone())));
  }

  private record CachedFormat(String pattern, DateTimeFormatter format) {}

  private static volatile CachedFormat dateTimeFormat = new CachedFormat("", null);

  /**
   * The date-time formatter of the company's pattern, made once (an export formats a million
   * times).
   */
  private static DateTimeFormatter dateTimeFormat(String datePattern) {
    CachedFormat c = dateTimeFormat;
    if (!c.pattern().equals(datePattern)) {
      c =
          new CachedFormat(
              datePattern,
              DateTimeFormatter.ofPattern(
                  datePattern.replace("yyyy", "uuuu") + " HH:mm", Locale.ROOT));
      dateTimeFormat = c;
    }
    return c.format();
  }

  /** "10:15:42" in the company's zone; empty for none. */
  public static String time(Instant at) {
    Notation n = Notation.current();
    return at == null
        ? ""
        : n.digits(
            DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).format(at.atZone(n.zone())));
  }

  /** The company's time zone: where "today" and every time on screen are. */
  public static ZoneId zone() {
    return Notation.current().zone();
  }

  /** Today in the company's time zone, whatever the PC's clock zone is. */
  public static LocalDate today() {
    return LocalDate.now(zone());
  }

  /** A typed date in the company's pattern (Latin or Bangla digits), or null. */
  public static LocalDate parse(String text) {
    if (text == null || text.isBlank() || text.length() > 20) {
      return null;
    }
    try {
      return LocalDate.parse(Notation.latinDigits(text.strip()), dateFormat(Notation.current()));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * A date picker with {@code id}, writing dates the company's way, bound both ways to {@code
   * date}.
   */
  public static DatePicker picker(
      String id, javafx.beans.property.Property<java.time.LocalDate> date) {
    DatePicker picker = new DatePicker();
    useFor(picker);
    picker.setId(id);
    picker.valueProperty().bindBidirectional(date);
    return picker;
  }

  /**
   * Makes a date picker show and read dates the company's way, with the pattern as its prompt. A
   * date that cannot be read leaves the picker's date as it was (an empty field clears it).
   */
  public static void useFor(DatePicker picker) {
    picker.setPromptText(prompt());
    picker.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(LocalDate d) {
            return date(d);
          }

          @Override
          public LocalDate fromString(String s) {
            if (s == null || s.isBlank()) {
              return null;
            }
            LocalDate d = parse(s);
            return d == null ? picker.getValue() : d;
          }
        });
  }

  /** The company's pattern without the year, for short labels: "dd/MM", "MM-dd", "MM/dd". */
  public static String dayMonthPattern() {
    String p = Notation.current().datePattern();
    return p.replaceAll("^yyyy[^dM]|[^dM]yyyy$", "");
  }

  /** The pattern as a prompt for date fields ("dd/MM/yyyy"). */
  public static String prompt() {
    return Notation.current().datePattern();
  }
}
