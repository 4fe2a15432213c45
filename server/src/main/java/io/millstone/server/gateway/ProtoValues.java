package io.millstone.server.gateway;

import com.google.protobuf.Timestamp;
import io.millstone.api.common.v1.Date;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.common.v1.Money;
import io.millstone.api.common.v1.PageResponse;
import io.millstone.server.platform.error.InvalidInputException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/** The value conversions every service adapter needs, written once. */
public final class ProtoValues {
  private ProtoValues() {}

  /** A decimal without trailing zeros ("15", "37.3242"); null gives the empty message. */
  public static Decimal decimal(BigDecimal d) {
    if (d == null) {
      return Decimal.getDefaultInstance();
    }
    BigDecimal s = d.stripTrailingZeros();
    return Decimal.newBuilder()
        .setValue((s.scale() < 0 ? s.setScale(0) : s).toPlainString())
        .build();
  }

  /** Money with at least two decimals ("95000.00", "0.1250"). */
  public static Money money(BigDecimal amount, String currency) {
    BigDecimal a = amount.stripTrailingZeros();
    if (a.scale() < 2) {
      a = a.setScale(2);
    }
    return Money.newBuilder().setAmount(a.toPlainString()).setCurrencyCode(currency).build();
  }

  /** Null gives the unset timestamp. */
  public static Timestamp timestamp(Instant i) {
    return i == null
        ? Timestamp.getDefaultInstance()
        : Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
  }

  /** The unset timestamp gives null. */
  public static Instant instant(Timestamp t) {
    return t.getSeconds() == 0 && t.getNanos() == 0
        ? null
        : Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  /** The date in a contract field; null when unset (all zero); refuses impossible dates. */
  public static LocalDate date(Date d, String field) {
    if (d.getYear() == 0 && d.getMonth() == 0 && d.getDay() == 0) {
      return null;
    }
    try {
      return LocalDate.of(d.getYear(), d.getMonth(), d.getDay());
    } catch (DateTimeException e) {
      throw InvalidInputException.of(field, "is not a calendar date");
    }
  }

  public static Date date(LocalDate d) {
    return Date.newBuilder()
        .setYear(d.getYear())
        .setMonth(d.getMonthValue())
        .setDay(d.getDayOfMonth())
        .build();
  }

  /**
   * A contract enum as the domain's word: its name without the prefix, "" for the unspecified value
   * (no filter, or the default); an unknown number stays "UNRECOGNIZED" and is refused.
   */
  public static String word(Enum<?> e, String prefix) {
    String n = e.name();
    return n.endsWith("_UNSPECIFIED")
        ? ""
        : n.startsWith(prefix) ? n.substring(prefix.length()) : n;
  }

  /** The page answer of a keyset list: the next page's token, the total left unknown (-1). */
  public static PageResponse page(String nextPageToken) {
    return PageResponse.newBuilder().setNextPageToken(nextPageToken).setTotalSize(-1).build();
  }
}
