package io.millstone.client.remote;

import io.millstone.api.common.v1.Date;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.common.v1.IdempotencyKey;
import io.millstone.api.common.v1.PageRequest;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Conversions between the contract's value messages and Java values, for the adapters. */
public final class ProtoValues {
  private ProtoValues() {}

  static Date date(LocalDate d) {
    return d == null
        ? Date.getDefaultInstance()
        : Date.newBuilder()
            .setYear(d.getYear())
            .setMonth(d.getMonthValue())
            .setDay(d.getDayOfMonth())
            .build();
  }

  /** The date, or null when the message is unset. */
  public static LocalDate date(Date d) {
    return d == null || d.getYear() == 0
        ? null
        : LocalDate.of(d.getYear(), d.getMonth(), d.getDay());
  }

  static Decimal decimal(BigDecimal v) {
    return v == null
        ? Decimal.getDefaultInstance()
        : Decimal.newBuilder().setValue(v.toPlainString()).build();
  }

  /** The number a decimal string carries; zero when empty. */
  public static BigDecimal number(String text) {
    return text == null || text.isBlank() ? BigDecimal.ZERO : new BigDecimal(text.trim());
  }

  static IdempotencyKey key(String value) {
    return IdempotencyKey.newBuilder().setValue(value).build();
  }

  static PageRequest page(String token, int size) {
    return PageRequest.newBuilder()
        .setPageSize(size)
        .setPageToken(token == null ? "" : token)
        .build();
  }
}
