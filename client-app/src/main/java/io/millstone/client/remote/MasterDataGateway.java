package io.millstone.client.remote;

import io.millstone.api.common.v1.Decimal;
import io.millstone.api.common.v1.IdempotencyKey;
import io.millstone.api.common.v1.Money;
import io.millstone.api.common.v1.PageRequest;
import io.millstone.api.masterdata.v1.GetRequest;
import io.millstone.api.masterdata.v1.ListRequest;
import io.millstone.client.core.form.RecordGateway;
import io.millstone.client.core.list.PageSource;
import io.millstone.client.remote.RemoteException.Kind;
import java.util.Map;

/** What the master-data adapters share: list requests, money and number conversions. */
abstract class MasterDataGateway<T> implements PageSource<T>, RecordGateway<T> {
  protected final Session session;

  MasterDataGateway(Session session) {
    this.session = session;
  }

  static ListRequest listRequest(Query query, String pageToken, int pageSize) {
    return ListRequest.newBuilder()
        .setPage(
            PageRequest.newBuilder()
                .setPageSize(pageSize)
                .setPageToken(pageToken == null ? "" : pageToken))
        .setFilter(query.filter())
        .setOrderBy(query.orderBy())
        .build();
  }

  static GetRequest getRequest(String id) {
    return GetRequest.newBuilder().setId(id).build();
  }

  static IdempotencyKey key(String value) {
    return IdempotencyKey.newBuilder().setValue(value).build();
  }

  static String text(Map<String, String> values, String field) {
    String v = values.get(field);
    return v == null ? "" : v.trim();
  }

  /**
   * Money in the company's currency, as typed ("10,00,000" or "1000000", Latin or Bangla digits)
   * and sent plain; text that is no number goes as typed, for the server to name the field.
   */
  Money money(Map<String, String> values, String field) {
    return Money.newBuilder()
        .setAmount(plain(text(values, field + ".amount")))
        .setCurrencyCode(session.currencyCode())
        .build();
  }

  static Decimal decimal(Map<String, String> values, String field) {
    return Decimal.newBuilder().setValue(plain(text(values, field))).build();
  }

  /** A typed number without its grouping, in Latin digits; unreadable text unchanged. */
  static String plain(String typed) {
    java.math.BigDecimal v = io.millstone.client.core.Amounts.parse(typed);
    return v == null ? typed : v.toPlainString();
  }

  static int integer(Map<String, String> values, String field) throws RemoteException {
    String v = text(values, field);
    if (v.isEmpty()) {
      return 0;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new RemoteException(
          Kind.INVALID_INPUT, "Enter a whole number.", "", Map.of(field, "Enter a whole number."));
    }
  }

  static <E extends Enum<E>> E enumOf(Class<E> type, String value, E fallback) {
    try {
      return value == null || value.isBlank() ? fallback : Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      return fallback;
    }
  }

  @Override
  public String titleOf(T record) {
    Map<String, String> v = valuesOf(record);
    return v.getOrDefault("code", "") + " " + v.getOrDefault("name", "");
  }
}
