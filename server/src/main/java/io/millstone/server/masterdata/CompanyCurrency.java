package io.millstone.server.masterdata;

import io.millstone.server.platform.Tx;
import io.millstone.server.platform.Validator;

/** Master-data prices are in the company's currency; identity owns that setting. */
final class CompanyCurrency {
  private CompanyCurrency() {}

  static String of(Tx tx) {
    return io.millstone.server.identity.CompanyAdmin.currencyOf(tx);
  }

  /** An empty currency means the company's; any other must be it. */
  static void check(Validator v, String field, String given, String companyCurrency) {
    v.check(
        given == null || given.isBlank() || given.trim().equals(companyCurrency),
        field,
        "must be " + companyCurrency + ", the company's currency");
  }
}
