package io.millstone.server.identity;

import com.google.protobuf.Timestamp;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.identity.v1.Company;
import io.millstone.api.identity.v1.User;
import java.time.Instant;

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
        .setCreatedAt(timestamp(u.createdAt()))
        .setVersion(u.version())
        .build();
  }

  static Company company(CompanyView c) {
    return Company.newBuilder()
        .setId(c.id().toString())
        .setName(c.settings().name())
        .setCurrencyCode(c.settings().currencyCode())
        .setVatRatePercent(
            Decimal.newBuilder()
                .setValue(c.settings().vatRatePercent().stripTrailingZeros().toPlainString()))
        .setFiscalYearStartMonth(c.settings().fiscalYearStartMonth())
        .setTimeZone(c.settings().timeZone())
        .setVersion(c.version())
        .build();
  }

  static Timestamp timestamp(Instant i) {
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
  }
}
