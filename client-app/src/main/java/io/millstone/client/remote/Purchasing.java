package io.millstone.client.remote;

import static io.millstone.client.remote.ProtoValues.date;
import static io.millstone.client.remote.ProtoValues.decimal;
import static io.millstone.client.remote.ProtoValues.key;
import static io.millstone.client.remote.ProtoValues.page;

import io.millstone.api.masterdata.v1.Item;
import io.millstone.api.masterdata.v1.Party;
import io.millstone.api.masterdata.v1.Warehouse;
import io.millstone.api.purchasing.v1.BillAllocationInput;
import io.millstone.api.purchasing.v1.BillLineInput;
import io.millstone.api.purchasing.v1.CreatePurchaseOrderRequest;
import io.millstone.api.purchasing.v1.DecidePurchaseOrderRequest;
import io.millstone.api.purchasing.v1.GetPurchaseOrderRequest;
import io.millstone.api.purchasing.v1.GoodsReceipt;
import io.millstone.api.purchasing.v1.ListPurchaseOrdersRequest;
import io.millstone.api.purchasing.v1.ListPurchaseOrdersResponse;
import io.millstone.api.purchasing.v1.ListSupplierBillsRequest;
import io.millstone.api.purchasing.v1.ListSupplierBillsResponse;
import io.millstone.api.purchasing.v1.PaymentMethod;
import io.millstone.api.purchasing.v1.PostGoodsReceiptRequest;
import io.millstone.api.purchasing.v1.PostSupplierBillRequest;
import io.millstone.api.purchasing.v1.PostSupplierPaymentRequest;
import io.millstone.api.purchasing.v1.PurchaseLineInput;
import io.millstone.api.purchasing.v1.PurchaseOrder;
import io.millstone.api.purchasing.v1.PurchaseOrderState;
import io.millstone.api.purchasing.v1.PurchasingServiceGrpc;
import io.millstone.api.purchasing.v1.ReceiptLineInput;
import io.millstone.api.purchasing.v1.SupplierBill;
import io.millstone.api.purchasing.v1.SupplierPayment;
import io.millstone.client.core.list.Page;
import io.millstone.client.core.list.PageSource;
import io.millstone.client.purchasing.PurchasingGateway;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Purchase orders, approvals, receipts, supplier bills and payments (PurchasingService). */
public final class Purchasing implements PurchasingGateway {
  private static final int COMPLETIONS = 8;

  private final Session session;
  private final Items items;
  private final Parties suppliers;
  private final Warehouses warehouses;
  private final Sales company;

  public Purchasing(Session session) {
    this.session = session;
    this.items = new Items(session);
    this.suppliers = new Parties(session, Parties.Role.SUPPLIERS);
    this.warehouses = new Warehouses(session);
    // The VAT rate lives with the company; the sales adapter already reads and keeps it.
    this.company = new Sales(session);
  }

  private PurchasingServiceGrpc.PurchasingServiceBlockingStub stub() {
    return session.stub(PurchasingServiceGrpc.newBlockingStub(session.connection().channel()));
  }

  private static String trim(String s) {
    return s == null ? "" : s.trim();
  }

  @Override
  public List<Party> suppliers(String typed) throws RemoteException {
    return suppliers.fetch(new PageSource.Query(trim(typed), "code"), "", COMPLETIONS).rows();
  }

  @Override
  public List<Item> items(String typed) throws RemoteException {
    return items.fetch(new PageSource.Query(trim(typed), "code"), "", COMPLETIONS).rows();
  }

  @Override
  public List<Warehouse> warehouses() throws RemoteException {
    return warehouses.fetch(new PageSource.Query("", "code"), "", 200).rows();
  }

  @Override
  public BigDecimal vatRatePercent() throws RemoteException {
    return company.vatRatePercent();
  }

  @Override
  public PurchaseOrder createOrder(
      String supplierCode, LocalDate date, List<LineInput> lines, String note, String key)
      throws RemoteException {
    CreatePurchaseOrderRequest.Builder b =
        CreatePurchaseOrderRequest.newBuilder()
            .setIdempotencyKey(key(key))
            .setSupplierCode(trim(supplierCode))
            .setOrderDate(date(date))
            .setNote(note == null ? "" : note);
    for (LineInput l : lines) {
      PurchaseLineInput.Builder lb =
          PurchaseLineInput.newBuilder()
              .setItemCode(trim(l.itemCode()))
              .setQuantity(decimal(l.quantity()));
      if (l.unitPrice() != null) {
        lb.setUnitPrice(decimal(l.unitPrice()));
      }
      b.addLines(lb);
    }
    return Calls.call(() -> stub().createPurchaseOrder(b.build()));
  }

  @Override
  public PurchaseOrder order(String id) throws RemoteException {
    return Calls.call(
        () -> stub().getPurchaseOrder(GetPurchaseOrderRequest.newBuilder().setId(id).build()));
  }

  @Override
  public Page<PurchaseOrder> orders(
      String state, String supplierCode, String pageToken, int pageSize) throws RemoteException {
    ListPurchaseOrdersRequest r =
        ListPurchaseOrdersRequest.newBuilder()
            .setPage(page(pageToken, pageSize))
            .setState(
                state == null || state.isBlank()
                    ? PurchaseOrderState.PURCHASE_ORDER_STATE_UNSPECIFIED
                    : PurchaseOrderState.valueOf("PURCHASE_ORDER_STATE_" + state))
            .setSupplierCode(trim(supplierCode))
            .build();
    ListPurchaseOrdersResponse res = Calls.call(() -> stub().listPurchaseOrders(r));
    return new Page<>(
        res.getOrdersList(), res.getPage().getNextPageToken(), res.getPage().getTotalSize());
  }

  private static DecidePurchaseOrderRequest decision(PurchaseOrder o, String note) {
    return DecidePurchaseOrderRequest.newBuilder()
        .setId(o.getId())
        .setVersion(o.getVersion())
        .setNote(note == null ? "" : note.trim())
        .build();
  }

  @Override
  public PurchaseOrder submit(PurchaseOrder order) throws RemoteException {
    return Calls.call(() -> stub().submitPurchaseOrder(decision(order, "")));
  }

  @Override
  public PurchaseOrder approve(PurchaseOrder order, String note) throws RemoteException {
    return Calls.call(() -> stub().approvePurchaseOrder(decision(order, note)));
  }

  @Override
  public PurchaseOrder reject(PurchaseOrder order, String reason) throws RemoteException {
    return Calls.call(() -> stub().rejectPurchaseOrder(decision(order, reason)));
  }

  @Override
  public GoodsReceipt receive(
      String orderId, String warehouseCode, LocalDate date, List<ReceiptInput> lines, String key)
      throws RemoteException {
    PostGoodsReceiptRequest.Builder b =
        PostGoodsReceiptRequest.newBuilder()
            .setIdempotencyKey(key(key))
            .setOrderId(orderId)
            .setWarehouseCode(trim(warehouseCode))
            .setReceiptDate(date(date));
    for (ReceiptInput l : lines) {
      b.addLines(
          ReceiptLineInput.newBuilder()
              .setOrderLineNo(l.orderLineNo())
              .setQuantity(decimal(l.quantity()))
              .setLot(trim(l.lot())));
    }
    return Calls.call(() -> stub().postGoodsReceipt(b.build()));
  }

  @Override
  public SupplierBill bill(
      String orderId, String supplierInvoice, LocalDate date, List<BillInput> lines, String key)
      throws RemoteException {
    PostSupplierBillRequest.Builder b =
        PostSupplierBillRequest.newBuilder()
            .setIdempotencyKey(key(key))
            .setOrderId(orderId)
            .setSupplierInvoice(trim(supplierInvoice))
            .setBillDate(date(date));
    for (BillInput l : lines) {
      b.addLines(
          BillLineInput.newBuilder()
              .setOrderLineNo(l.orderLineNo())
              .setQuantity(decimal(l.quantity()))
              .setUnitPrice(decimal(l.unitPrice())));
    }
    return Calls.call(() -> stub().postSupplierBill(b.build()));
  }

  @Override
  public List<SupplierBill> openBills(String supplierCode) throws RemoteException {
    List<SupplierBill> out = new ArrayList<>();
    String token = "";
    do {
      ListSupplierBillsRequest r =
          ListSupplierBillsRequest.newBuilder()
              .setPage(page(token, 500))
              .setSupplierCode(trim(supplierCode))
              .setOpenOnly(true)
              .build();
      ListSupplierBillsResponse res = Calls.call(() -> stub().listSupplierBills(r));
      out.addAll(res.getBillsList());
      token = res.getPage().getNextPageToken();
    } while (!token.isEmpty());
    return out;
  }

  @Override
  public SupplierPayment pay(
      String supplierCode,
      LocalDate date,
      BigDecimal amount,
      String method,
      String reference,
      List<AllocationInput> allocations,
      String key)
      throws RemoteException {
    PostSupplierPaymentRequest.Builder b =
        PostSupplierPaymentRequest.newBuilder()
            .setIdempotencyKey(key(key))
            .setSupplierCode(trim(supplierCode))
            .setPaymentDate(date(date))
            .setAmount(decimal(amount))
            .setMethod(
                method == null || method.isBlank()
                    ? PaymentMethod.PAYMENT_METHOD_UNSPECIFIED
                    : PaymentMethod.valueOf("PAYMENT_METHOD_" + method))
            .setReference(trim(reference));
    for (AllocationInput a : allocations) {
      b.addAllocations(
          BillAllocationInput.newBuilder().setBillId(a.billId()).setAmount(decimal(a.amount())));
    }
    return Calls.call(() -> stub().postSupplierPayment(b.build()));
  }

  @Override
  public PurchaseOrder cancel(PurchaseOrder order) throws RemoteException {
    var r =
        io.millstone.api.purchasing.v1.DecidePurchaseOrderRequest.newBuilder()
            .setId(order.getId())
            .setVersion(order.getVersion())
            .build();
    return Calls.call(() -> stub().cancelPurchaseOrder(r));
  }

  @Override
  public Page<SupplierBill> bills(
      String supplierCode, boolean openOnly, String pageToken, int pageSize)
      throws RemoteException {
    ListSupplierBillsRequest r =
        ListSupplierBillsRequest.newBuilder()
            .setPage(page(pageToken, pageSize))
            .setSupplierCode(trim(supplierCode))
            .setOpenOnly(openOnly)
            .build();
    ListSupplierBillsResponse res = Calls.call(() -> stub().listSupplierBills(r));
    return new Page<>(
        res.getBillsList(), res.getPage().getNextPageToken(), res.getPage().getTotalSize());
  }

  @Override
  public io.millstone.api.purchasing.v1.PayablesAgeing payablesAgeing() throws RemoteException {
    return Calls.call(
        () ->
            stub()
                .getPayablesAgeing(
                    io.millstone.api.purchasing.v1.GetPayablesAgeingRequest.getDefaultInstance()));
  }
}
