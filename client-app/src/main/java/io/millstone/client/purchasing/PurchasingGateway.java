package io.millstone.client.purchasing;

import io.millstone.api.masterdata.v1.Item;
import io.millstone.api.masterdata.v1.Party;
import io.millstone.api.masterdata.v1.Warehouse;
import io.millstone.api.purchasing.v1.GoodsReceipt;
import io.millstone.api.purchasing.v1.PurchaseOrder;
import io.millstone.api.purchasing.v1.SupplierBill;
import io.millstone.api.purchasing.v1.SupplierPayment;
import io.millstone.client.core.list.Page;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the purchasing screens ask of the server. Every method blocks; call it off the UI thread.
 */
public interface PurchasingGateway {

  /** One order line as typed: the agreed price is required. */
  record LineInput(String itemCode, BigDecimal quantity, BigDecimal unitPrice) {}

  /** How much of an order line came in, into which lot (empty when none). */
  record ReceiptInput(int orderLineNo, BigDecimal quantity, String lot) {}

  /** How much of an order line the supplier bills, at what price. */
  record BillInput(int orderLineNo, BigDecimal quantity, BigDecimal unitPrice) {}

  /** The part of a payment set against one supplier bill. */
  record AllocationInput(String billId, BigDecimal amount) {}

  /** Suppliers whose code or name matches what was typed, for completion. */
  List<Party> suppliers(String typed) throws Exception;

  /** Active items whose code or name matches what was typed, for completion. */
  List<Item> items(String typed) throws Exception;

  List<Warehouse> warehouses() throws Exception;

  /** The company's standard VAT rate in percent. */
  BigDecimal vatRatePercent() throws Exception;

  PurchaseOrder createOrder(
      String supplierCode, LocalDate date, List<LineInput> lines, String note, String key)
      throws Exception;

  PurchaseOrder order(String id) throws Exception;

  /** Orders newest first; an empty state or supplier means all. */
  Page<PurchaseOrder> orders(String state, String supplierCode, String pageToken, int pageSize)
      throws Exception;

  PurchaseOrder submit(PurchaseOrder order) throws Exception;

  PurchaseOrder approve(PurchaseOrder order, String note) throws Exception;

  PurchaseOrder reject(PurchaseOrder order, String reason) throws Exception;

  GoodsReceipt receive(
      String orderId, String warehouseCode, LocalDate date, List<ReceiptInput> lines, String key)
      throws Exception;

  SupplierBill bill(
      String orderId, String supplierInvoice, LocalDate date, List<BillInput> lines, String key)
      throws Exception;

  /** Bills of the supplier with something left to pay. */
  List<SupplierBill> openBills(String supplierCode) throws Exception;

  SupplierPayment pay(
      String supplierCode,
      LocalDate date,
      BigDecimal amount,
      String method,
      String reference,
      List<AllocationInput> allocations,
      String key)
      throws Exception;

  /** Cancels an order nothing was received against. */
  default PurchaseOrder cancel(PurchaseOrder order) throws Exception {
    throw new UnsupportedOperationException();
  }

  /** Supplier bills newest first; an empty supplier means all. */
  default Page<SupplierBill> bills(
      String supplierCode, boolean openOnly, String pageToken, int pageSize) throws Exception {
    throw new UnsupportedOperationException();
  }

  default io.millstone.api.purchasing.v1.PayablesAgeing payablesAgeing() throws Exception {
    throw new UnsupportedOperationException();
  }
}
