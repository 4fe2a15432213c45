package io.millstone.client.sales;

import io.millstone.api.masterdata.v1.Item;
import io.millstone.api.masterdata.v1.Party;
import io.millstone.api.masterdata.v1.Warehouse;
import io.millstone.api.sales.v1.Delivery;
import io.millstone.api.sales.v1.Invoice;
import io.millstone.api.sales.v1.Payment;
import io.millstone.api.sales.v1.SalesOrder;
import io.millstone.client.core.list.Page;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the sales screens ask of the server. Every method blocks; call it off the UI thread. */
public interface SalesGateway {

  /** One order line as typed: a null price means the item's default sale price. */
  record LineInput(String itemCode, BigDecimal quantity, BigDecimal unitPrice) {}

  /** How much of an order line leaves the warehouse, from which lot (empty when none). */
  record DeliveryInput(int orderLineNo, BigDecimal quantity, String lot) {}

  /** The part of a payment set against one invoice. */
  record AllocationInput(String invoiceId, BigDecimal amount) {}

  /** Customers whose code or name matches what was typed, for completion. */
  List<Party> customers(String typed) throws Exception;

  /** Active items whose code or name matches what was typed, for completion. */
  List<Item> items(String typed) throws Exception;

  List<Warehouse> warehouses() throws Exception;

  /** The company's standard VAT rate in percent. */
  BigDecimal vatRatePercent() throws Exception;

  SalesOrder createOrder(
      String customerCode,
      LocalDate date,
      List<LineInput> lines,
      String note,
      boolean quotation,
      String idempotencyKey)
      throws Exception;

  SalesOrder updateOrder(SalesOrder original, List<LineInput> lines, String note) throws Exception;

  SalesOrder confirmOrder(SalesOrder order) throws Exception;

  SalesOrder order(String id) throws Exception;

  /** Orders newest first; an empty state or customer means all. */
  Page<SalesOrder> orders(String state, String customerCode, String pageToken, int pageSize)
      throws Exception;

  Delivery deliver(
      String orderId,
      String warehouseCode,
      LocalDate date,
      List<DeliveryInput> lines,
      String idempotencyKey)
      throws Exception;

  Invoice invoice(String orderId, LocalDate date, String idempotencyKey) throws Exception;

  /**
   * The number and date the next tax invoice would take, read without taking it, for the
   * confirmation before posting; null where the server cannot say.
   */
  default io.millstone.api.accounting.v1.NextDocumentNumber nextInvoiceNumber() throws Exception {
    return null;
  }

  /** Invoices of the customer with something left to pay, oldest first. */
  List<Invoice> openInvoices(String customerCode) throws Exception;

  Payment pay(
      String customerCode,
      LocalDate date,
      BigDecimal amount,
      String method,
      String reference,
      List<AllocationInput> allocations,
      String idempotencyKey)
      throws Exception;

  /** How much of an invoice line a credit note takes back. */
  record CreditInput(int lineNo, BigDecimal quantity) {}

  /** Pay with the rest (or all) of the amount kept as the customer's advance when onAccount. */
  default Payment pay(
      String customerCode,
      LocalDate date,
      BigDecimal amount,
      String method,
      String reference,
      List<AllocationInput> allocations,
      boolean onAccount,
      String idempotencyKey)
      throws Exception {
    return pay(customerCode, date, amount, method, reference, allocations, idempotencyKey);
  }

  /** The customer's payments with something not yet set against an invoice, oldest first. */
  default List<Payment> advances(String customerCode) throws Exception {
    return List.of();
  }

  /** Sets (part of) an advance against open invoices. */
  default Payment applyAdvance(String paymentId, List<AllocationInput> allocations, String key)
      throws Exception {
    throw new UnsupportedOperationException();
  }

  default SalesOrder cancelOrder(SalesOrder order) throws Exception {
    throw new UnsupportedOperationException();
  }

  default Invoice invoiceById(String id) throws Exception {
    throw new UnsupportedOperationException();
  }

  /** Invoices and credit notes newest first; an empty customer means all. */
  default Page<Invoice> invoices(
      String customerCode, boolean openOnly, String pageToken, int pageSize) throws Exception {
    throw new UnsupportedOperationException();
  }

  default Invoice creditNote(
      String invoiceId, LocalDate date, String reason, List<CreditInput> lines, String key)
      throws Exception {
    throw new UnsupportedOperationException();
  }

  default io.millstone.api.sales.v1.ReceivablesAgeing receivablesAgeing() throws Exception {
    throw new UnsupportedOperationException();
  }
}
