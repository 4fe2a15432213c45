package io.millstone.server.purchasing;

/** Where a purchase order is in its life; stored by name in {@code purchase_order.state}. */
public enum PurchaseOrderState {
  DRAFT,
  AWAITING_APPROVAL,
  APPROVED,
  REJECTED,
  RECEIVED,
  CLOSED,
  CANCELLED
}
