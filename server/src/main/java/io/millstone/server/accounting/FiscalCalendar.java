package io.millstone.server.accounting;

import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.platform.Tx;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;

/** The company's fiscal years as the books name and number them. */
final class FiscalCalendar {
  private FiscalCalendar() {}

  static String longDate(LocalDate date) {
    return date.getDayOfMonth()
        + " "
        + date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
        + " "
        + date.getYear();
  }

  /** The first day of the fiscal year holding {@code date}, under the company's settings. */
  static LocalDate fiscalYearStart(Tx t, LocalDate date) {
    int startMonth = CompanyAdmin.settingsOf(t).fiscalYearStartMonth();
    int year = date.getMonthValue() >= startMonth ? date.getYear() : date.getYear() - 1;
    return LocalDate.of(year, startMonth, 1);
  }

  /** "FY 2026-27", or "FY 2026" for a year that starts in January. */
  static String fiscalYearName(Tx t, LocalDate date) {
    LocalDate start = fiscalYearStart(t, date);
    int year = start.getYear();
    return start.getMonthValue() == 1
        ? "FY " + year
        : "FY " + year + "-" + String.format("%02d", (year + 1) % 100);
  }

  /** The year in a sequence number: the calendar year the date's fiscal year starts in. */
  static String yearLabel(Tx t, LocalDate date) {
    int startMonth = CompanyAdmin.settingsOf(t).fiscalYearStartMonth();
    return String.valueOf(date.getMonthValue() >= startMonth ? date.getYear() : date.getYear() - 1);
  }
}
