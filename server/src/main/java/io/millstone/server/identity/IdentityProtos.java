package io.millstone.server.identity;

import io.millstone.api.identity.v1.Company;
import io.millstone.api.identity.v1.DisplaySettings;
import io.millstone.api.identity.v1.NumberGrouping;
import io.millstone.api.identity.v1.User;
import io.millstone.server.gateway.ProtoValues;
import io.millstone.server.identity.model.DisplayFormats;

/** Conversions between identity domain values and their contract messages. */
final class IdentityProtos {
  private IdentityProtos() {}

  static User user(UserView u) {
    return User.newBuilder()
        .setId(u.id().toString())
        .setUsername(u.username())
        .setDisplayName(u.displayName())
        .setActive(u.active())
        .addAllRoles(u.roles())
        .setCreatedAt(ProtoValues.timestamp(u.createdAt()))
        .setVersion(u.version())
        .setMustChangePassword(u.mustChangePassword())
        .build();
  }

  static Company company(CompanyView c) {
    return Company.newBuilder()
        .setId(c.id().toString())
        .setName(c.settings().name())
        .setCurrencyCode(c.settings().currencyCode())
        .setVatRatePercent(ProtoValues.decimal(c.settings().vatRatePercent()))
        .setFiscalYearStartMonth(c.settings().fiscalYearStartMonth())
        .setTimeZone(c.settings().timeZone())
        .setVersion(c.version())
        .setNumberGrouping(grouping(c.formats().numberGrouping()))
        .setDateFormat(c.formats().dateFormat())
        .setBin(c.details().bin())
        .setAddress(c.details().address())
        .setCreditPolicy(
            "OFF".equals(c.details().creditPolicy())
                ? io.millstone.api.identity.v1.CreditPolicy.CREDIT_POLICY_OFF
                : io.millstone.api.identity.v1.CreditPolicy.CREDIT_POLICY_REFUSE)
        .build();
  }

  static DisplaySettings displaySettings(CompanyAdmin.DisplaySettingsView d) {
    return DisplaySettings.newBuilder()
        .setCurrencyCode(d.currencyCode())
        .setNumberGrouping(grouping(d.numberGrouping()))
        .setDateFormat(d.dateFormat())
        .setTimeZone(d.timeZone())
        .build();
  }

  static NumberGrouping grouping(String g) {
    return DisplayFormats.WESTERN.equals(g)
        ? NumberGrouping.NUMBER_GROUPING_WESTERN
        : NumberGrouping.NUMBER_GROUPING_INDIAN;
  }

  /** Null (keep the current one) for unspecified. */
  static String grouping(NumberGrouping g) {
    return switch (g) {
      case NUMBER_GROUPING_INDIAN -> DisplayFormats.INDIAN;
      case NUMBER_GROUPING_WESTERN -> DisplayFormats.WESTERN;
      default -> null;
    };
  }
}
