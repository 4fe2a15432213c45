package io.millstone.server.identity;

import io.millstone.api.identity.v1.Company;
import io.millstone.api.identity.v1.User;
import io.millstone.server.gateway.ProtoValues;

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
        .build();
  }
}
