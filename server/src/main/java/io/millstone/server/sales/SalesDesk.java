package io.millstone.server.sales;

import io.millstone.server.accounting.Ageing;
import io.millstone.server.accounting.Books;
import io.millstone.server.accounting.PaymentMethod;
import io.millstone.server.inventory.StockLedger;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Amounts;
import io.millstone.server.platform.Transactions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Quotation to cash, as the rest of the server sees it: one entrance to the sales documents, each
 * in its own class ({@link SalesOrders} with the {@link CreditCheck}, {@link Deliveries}, {@link
 * Invoices}, {@link CreditNotes}, {@link CustomerPayments}) with its SQL in the row records beside
 * it. Every document that moves stock or money posts to the books and the stock ledger in its own
 * transaction, so a document, its stock moves and its journal entry commit or fail together.
 * Orders, deliveries and receipts take their numbers from sequences (those series may have gaps);
 * tax invoices and credit notes take theirs last, inside their transaction, so the series is
 * gapless and only invoices of one company wait on each other.
 */
public final class SalesDesk {
  static final int QTY_SCALE = StockLedger.QUANTITY_SCALE;
  static final int PRICE_SCALE = 4;

  static final int AMOUNT_SCALE = Amounts.SCALE;

  /** Scales of the stored amounts and VAT rates (numeric(19, 4), numeric(7, 4)). */
  static final int STORED_SCALE = 4;

  static final int RATE_SCALE = 4;

  static final Set<String> STATES =
      Arrays.stream(SalesOrderState.values())
          .map(Enum::name)
          .collect(Collectors.toCollection(LinkedHashSet::new));

  public record OrderLineInput(String itemCode, String quantity, String unitPrice) {}

  public record DeliveryLineInput(int orderLineNo, String quantity, String lot) {}

  public record CreditLineInput(int lineNo, String quantity) {}

  public record AllocationInput(String invoiceId, String amount) {}

  public record OrderLineView(
      int lineNo,
      String itemCode,
      String itemName,
      String unitCode,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal vatRate,
      BigDecimal net,
      BigDecimal vat,
      BigDecimal delivered,
      BigDecimal invoiced) {}

  public record OrderView(
      UUID id,
      String number,
      String quoteNumber,
      String customerCode,
      String customerName,
      LocalDate date,
      SalesOrderState state,
      String note,
      List<OrderLineView> lines,
      BigDecimal net,
      BigDecimal vat,
      BigDecimal gross,
      long version,
      Instant updatedAt,
      String updatedBy,
      String currency) {}

  public record OrderPage(List<OrderView> orders, String nextPageToken) {}

  public record DeliveryLineView(
      int orderLineNo, String itemCode, String lot, BigDecimal quantity) {}

  public record DeliveryView(
      UUID id,
      String number,
      UUID orderId,
      String orderNumber,
      String warehouseCode,
      LocalDate date,
      List<DeliveryLineView> lines,
      BigDecimal cost,
      String entryNumber,
      String currency) {}

  public record InvoiceLineView(
      int lineNo,
      String itemCode,
      String itemName,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal vatRate,
      BigDecimal net,
      BigDecimal vat,
      BigDecimal credited) {}

  public record InvoiceView(
      UUID id,
      String number,
      String kind,
      UUID orderId,
      String orderNumber,
      String customerCode,
      String customerName,
      String customerBin,
      UUID creditedInvoiceId,
      LocalDate date,
      LocalDate dueDate,
      String reason,
      List<InvoiceLineView> lines,
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

  public record InvoicePage(List<InvoiceView> invoices, String nextPageToken) {}

  public record AllocationView(UUID invoiceId, String invoiceNumber, BigDecimal amount) {}

  public record PaymentView(
      UUID id,
      String number,
      String customerCode,
      LocalDate date,
      BigDecimal amount,
      PaymentMethod method,
      String reference,
      List<AllocationView> allocations,
      String entryNumber,
      String currency) {
    /** What is not yet set against an invoice: an advance. */
    public BigDecimal unapplied() {
      return allocations.stream().map(AllocationView::amount).reduce(amount, BigDecimal::subtract);
    }
  }

  private final SalesOrders orders;
  private final Deliveries deliveries;
  private final Invoices invoices;
  private final CreditNotes creditNotes;
  private final CustomerPayments payments;

  public SalesDesk(Transactions tx, Books books, StockLedger stock, Clock clock) {
    this.orders = new SalesOrders(tx, books, clock);
    this.deliveries = new Deliveries(tx, books, stock, clock);
    this.invoices = new Invoices(tx, books, clock);
    this.creditNotes = new CreditNotes(tx, books);
    this.payments = new CustomerPayments(tx, books, clock);
  }

  public OrderView createOrder(
      Actor actor,
      String key,
      String customerCode,
      LocalDate date,
      List<OrderLineInput> lines,
      String note,
      boolean quotation) {
    return orders.create(actor, key, customerCode, date, lines, note, quotation);
  }

  public OrderView getOrder(Actor actor, String orderId) {
    return orders.get(actor, orderId);
  }

  public OrderView updateOrder(
      Actor actor, String orderId, long version, List<OrderLineInput> lines, String note) {
    return orders.update(actor, orderId, version, lines, note);
  }

  public OrderView confirmOrder(Actor actor, String orderId, long version) {
    return orders.confirm(actor, orderId, version);
  }

  public OrderView cancelOrder(Actor actor, String orderId, long version) {
    return orders.cancel(actor, orderId, version);
  }

  public OrderPage listOrders(
      Actor actor, String state, String customerCode, int pageSize, String pageToken) {
    return orders.list(actor, state, customerCode, pageSize, pageToken);
  }

  public DeliveryView postDelivery(
      Actor actor,
      String key,
      String orderId,
      String warehouseCode,
      LocalDate date,
      List<DeliveryLineInput> lines) {
    return deliveries.post(actor, key, orderId, warehouseCode, date, lines);
  }

  public InvoiceView postInvoice(Actor actor, String key, String orderId, LocalDate date) {
    return invoices.post(actor, key, orderId, date);
  }

  public InvoiceView postCreditNote(
      Actor actor,
      String key,
      String invoiceId,
      LocalDate date,
      String reason,
      List<CreditLineInput> lines) {
    return creditNotes.post(actor, key, invoiceId, date, reason, lines);
  }

  public InvoiceView getInvoice(Actor actor, String invoiceId) {
    return invoices.get(actor, invoiceId);
  }

  public InvoicePage listInvoices(
      Actor actor, String customerCode, boolean openOnly, int pageSize, String pageToken) {
    return invoices.list(actor, customerCode, openOnly, pageSize, pageToken);
  }

  public PaymentView postPayment(
      Actor actor,
      String key,
      String customerCode,
      LocalDate date,
      String amount,
      String method,
      String reference,
      List<AllocationInput> allocations) {
    return payments.post(
        actor, key, customerCode, date, amount, method, reference, allocations, false);
  }

  /**
   * A payment that may leave part (or all) of its amount on the customer's account as an advance.
   */
  public PaymentView postPayment(
      Actor actor,
      String key,
      String customerCode,
      LocalDate date,
      String amount,
      String method,
      String reference,
      List<AllocationInput> allocations,
      boolean onAccount) {
    return payments.post(
        actor, key, customerCode, date, amount, method, reference, allocations, onAccount);
  }

  /** The customer's payments with something not yet set against an invoice, oldest first. */
  public List<PaymentView> advances(Actor actor, String customerCode) {
    return payments.advances(actor, customerCode);
  }

  public PaymentView applyAdvance(
      Actor actor, String key, String paymentId, List<AllocationInput> allocations) {
    return payments.apply(actor, key, paymentId, allocations);
  }

  public Ageing receivablesAgeing(Actor actor, LocalDate asOf) {
    return payments.receivablesAgeing(actor, asOf);
  }
}
