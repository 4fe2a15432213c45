package io.millstone.server.purchasing;

import io.millstone.server.accounting.Ageing;
import io.millstone.server.accounting.Books;
import io.millstone.server.inventory.StockLedger;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Transactions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Procure to pay, as the rest of the server sees it: one entrance to the purchasing documents, each
 * kept in its own class ({@link PurchaseOrders}, {@link OrderApproval}, {@link GoodsReceipts},
 * {@link SupplierBills} with the {@link ThreeWayMatch}, {@link SupplierPayments}) with its SQL in
 * the row records beside it.
 */
public final class PurchaseDesk {
  static final Set<String> STATES =
      Arrays.stream(PurchaseOrderState.values())
          .map(Enum::name)
          .collect(Collectors.toCollection(java.util.LinkedHashSet::new));

  public record LineInput(String itemCode, String quantity, String unitPrice) {}

  public record ReceiptLineInput(int orderLineNo, String quantity, String lot) {}

  public record BillLineInput(int orderLineNo, String quantity, String unitPrice) {}

  public record AllocationInput(String billId, String amount) {}

  public record LineView(
      int lineNo,
      String itemCode,
      String itemName,
      String unitCode,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal vatRate,
      BigDecimal net,
      BigDecimal vat,
      BigDecimal received,
      BigDecimal billed) {}

  public record OrderView(
      UUID id,
      String number,
      String supplierCode,
      String supplierName,
      LocalDate date,
      PurchaseOrderState state,
      String note,
      List<LineView> lines,
      BigDecimal net,
      BigDecimal vat,
      BigDecimal gross,
      String submittedBy,
      String decidedBy,
      Instant decidedAt,
      String decisionNote,
      long version,
      String currency) {}

  public record OrderPage(List<OrderView> orders, String nextPageToken) {}

  public record ReceiptView(
      UUID id,
      String number,
      UUID orderId,
      String orderNumber,
      String warehouseCode,
      LocalDate date,
      BigDecimal value,
      String entryNumber,
      String currency) {}

  public record BillView(
      UUID id,
      String number,
      String supplierInvoice,
      String supplierCode,
      UUID orderId,
      String orderNumber,
      LocalDate date,
      LocalDate dueDate,
      BigDecimal net,
      BigDecimal vat,
      BigDecimal gross,
      BigDecimal settled,
      String entryNumber,
      String currency) {
    public BigDecimal open() {
      return gross.subtract(settled);
    }
  }

  public record BillPage(List<BillView> bills, String nextPageToken) {}

  public record PaymentView(
      UUID id,
      String number,
      String supplierCode,
      LocalDate date,
      BigDecimal amount,
      String entryNumber,
      String currency) {}

  public record Settings(
      BigDecimal approvalThreshold,
      BigDecimal priceTolerancePct,
      BigDecimal quantityTolerancePct) {}

  private final PurchaseOrders orders;
  private final OrderApproval approval;
  private final GoodsReceipts receipts;
  private final SupplierBills bills;
  private final SupplierPayments payments;
  private final PurchasingRules rules;

  public PurchaseDesk(Transactions tx, Books books, StockLedger stock, Clock clock) {
    this.orders = new PurchaseOrders(tx, books, clock);
    this.approval = new OrderApproval(tx, clock);
    this.receipts = new GoodsReceipts(tx, books, stock, clock);
    this.bills = new SupplierBills(tx, books, clock);
    this.payments = new SupplierPayments(tx, books, clock);
    this.rules = new PurchasingRules(tx);
  }

  public OrderView createOrder(
      Actor actor,
      String key,
      String supplierCode,
      LocalDate date,
      List<LineInput> lines,
      String note) {
    return orders.create(actor, key, supplierCode, date, lines, note);
  }

  public OrderView getOrder(Actor actor, String id) {
    return orders.get(actor, id);
  }

  public OrderPage listOrders(
      Actor actor, String state, String supplierCode, int pageSize, String pageToken) {
    return orders.list(actor, state, supplierCode, pageSize, pageToken);
  }

  /** Sends a draft on: approved at once at or below the threshold, else to an approver. */
  public OrderView submit(Actor actor, String id, long version) {
    return approval.submit(actor, id, version);
  }

  public OrderView approve(Actor actor, String id, long version, String note) {
    return approval.approve(actor, id, version, note);
  }

  public OrderView reject(Actor actor, String id, long version, String note) {
    return approval.reject(actor, id, version, note);
  }

  public OrderView cancel(Actor actor, String id, long version) {
    return approval.cancel(actor, id, version);
  }

  public ReceiptView receive(
      Actor actor,
      String key,
      String orderId,
      String warehouseCode,
      LocalDate date,
      List<ReceiptLineInput> lines) {
    return receipts.receive(actor, key, orderId, warehouseCode, date, lines);
  }

  public BillView bill(
      Actor actor,
      String key,
      String orderId,
      String supplierInvoice,
      LocalDate date,
      List<BillLineInput> lines) {
    return bills.bill(actor, key, orderId, supplierInvoice, date, lines);
  }

  public BillPage listBills(
      Actor actor, String supplierCode, boolean openOnly, int pageSize, String pageToken) {
    return bills.list(actor, supplierCode, openOnly, pageSize, pageToken);
  }

  public PaymentView pay(
      Actor actor,
      String key,
      String supplierCode,
      LocalDate date,
      String amount,
      String method,
      String reference,
      List<AllocationInput> allocations) {
    return payments.pay(actor, key, supplierCode, date, amount, method, reference, allocations);
  }

  /** Open bills per supplier by days past due. */
  public Ageing payablesAgeing(Actor actor, LocalDate asOf) {
    return payments.payablesAgeing(actor, asOf);
  }

  public Settings settings(Actor actor) {
    return rules.settings(actor);
  }

  public Settings updateSettings(
      Actor actor, String threshold, String priceTolerance, String quantityTolerance) {
    return rules.update(actor, threshold, priceTolerance, quantityTolerance);
  }
}
