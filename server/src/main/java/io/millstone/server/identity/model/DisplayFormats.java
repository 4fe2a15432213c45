package io.millstone.server.identity.model;

import java.util.List;
import java.util.Set;

/**
 * How a company writes amounts and dates: digit grouping ({@code INDIAN} lakh/crore or {@code
 * WESTERN}) and the date pattern. A null field in an update keeps the current value.
 */
public record DisplayFormats(String numberGrouping, String dateFormat) {
  public static final String INDIAN = "INDIAN";
  public static final String WESTERN = "WESTERN";

  /** The date patterns a company may choose (the database checks the same list). */
  public static final List<String> DATE_FORMATS =
      List.of("dd/MM/yyyy", "dd-MM-yyyy", "dd.MM.yyyy", "yyyy-MM-dd", "MM/dd/yyyy");

  private static final Set<String> LAKH_CRORE_CURRENCIES =
      Set.of("BDT", "INR", "PKR", "NPR", "LKR");

  /** Lakh/crore grouping where the currency's people write it so, dd/MM/yyyy dates. */
  public static DisplayFormats defaultsFor(String currencyCode) {
    return new DisplayFormats(
        LAKH_CRORE_CURRENCIES.contains(currencyCode) ? INDIAN : WESTERN, "dd/MM/yyyy");
  }

  /** These formats with the other's non-null fields taking their place. */
  public DisplayFormats with(DisplayFormats change) {
    return new DisplayFormats(
        change.numberGrouping() == null ? numberGrouping : change.numberGrouping(),
        change.dateFormat() == null ? dateFormat : change.dateFormat());
  }
}
