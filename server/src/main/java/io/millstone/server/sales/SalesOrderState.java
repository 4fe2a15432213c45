package io.millstone.server.sales;

import java.util.Locale;

/** Where a sales order is in its life; stored by name in {@code sales_order.state}. */
public enum SalesOrderState {
  QUOTATION,
  CONFIRMED,
  /** Every goods line delivered. */
  DELIVERED,
  /** Everything invoiced. */
  INVOICED,
  CANCELLED;

  /** The state in words, for messages: "confirmed". */
  String words() {
    return name().toLowerCase(Locale.ROOT);
  }
}
