package io.millstone.server.identity.model;

import java.math.BigDecimal;

/** What an administrator sets for a company. */
public record CompanySettings(
    String name,
    String currencyCode,
    BigDecimal vatRatePercent,
    int fiscalYearStartMonth,
    String timeZone) {

  /** Bangladesh defaults: Taka, 15% VAT, fiscal year from July, Dhaka time. */
  public static CompanySettings defaults(String name) {
    return new CompanySettings(name, "BDT", new BigDecimal("15"), 7, "Asia/Dhaka");
  }
}
