package io.millstone.server.purchasing;

import static io.millstone.server.gateway.ProtoValues.date;
import static io.millstone.server.gateway.ProtoValues.decimal;
import static io.millstone.server.gateway.ProtoValues.money;
import static io.millstone.server.gateway.ProtoValues.word;
import static io.millstone.server.gateway.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.millstone.api.purchasing.v1.CreatePurchaseOrderRequest;
import io.millstone.api.purchasing.v1.DecidePurchaseOrderRequest;
import io.millstone.api.purchasing.v1.GetPurchaseOrderRequest;
import io.millstone.api.purchasing.v1.GetPurchasingSettingsRequest;
import io.millstone.api.purchasing.v1.GoodsReceipt;
import io.millstone.api.purchasing.v1.ListPurchaseOrdersRequest;
import io.millstone.api.purchasing.v1.ListPurchaseOrdersResponse;
import io.millstone.api.purchasing.v1.ListSupplierBillsRequest;
import io.millstone.api.purchasing.v1.ListSupplierBillsResponse;
import io.millstone.api.purchasing.v1.PostGoodsReceiptRequest;
import io.millstone.api.purchasing.v1.PostSupplierBillRequest;
import io.millstone.api.purchasing.v1.PostSupplierPaymentRequest;
import io.millstone.api.purchasing.v1.PurchaseOrder;
import io.millstone.api.purchasing.v1.PurchaseOrderLine;
import io.millstone.api.purchasing.v1.PurchasingServiceGrpc;
import io.millstone.api.purchasing.v1.PurchasingSettings;
import io.millstone.api.purchasing.v1.SupplierBill;
import io.millstone.api.purchasing.v1.SupplierPayment;
import io.millstone.server.gateway.GatewayContext;
import io.millstone.server.gateway.ProtoValues;

/** Adapter from the PurchasingService contract to {@link PurchaseDesk}. */
public final class PurchasingGrpcService extends PurchasingServiceGrpc.PurchasingServiceImplBase {
  private final PurchaseDesk desk;

  public PurchasingGrpcService(PurchaseDesk desk) {
    this.desk = desk;
  }

  @Override
  public void createPurchaseOrder(
      CreatePurchaseOrderRequest req, StreamObserver<PurchaseOrder> out) {
    reply(
        out,
        order(
            desk.createOrder(
                GatewayContext.actor(),
                req.getIdempotencyKey().getValue(),
                req.getSupplierCode(),
                date(req.getOrderDate(), "order_date"),
                req.getLinesList().stream()
                    .map(
                        l ->
                            new PurchaseDesk.LineInput(
                                l.getItemCode(),
                                l.getQuantity().getValue(),
                                l.getUnitPrice().getValue()))
                    .toList(),
                req.getNote())));
  }

  @Override
  public void getPurchaseOrder(GetPurchaseOrderRequest req, StreamObserver<PurchaseOrder> out) {
    reply(out, order(desk.getOrder(GatewayContext.actor(), req.getId())));
  }

  @Override
  public void listPurchaseOrders(
      ListPurchaseOrdersRequest req, StreamObserver<ListPurchaseOrdersResponse> out) {
    var page =
        desk.listOrders(
            GatewayContext.actor(),
            word(req.getState(), "PURCHASE_ORDER_STATE_"),
            req.getSupplierCode(),
            req.getPage().getPageSize(),
            req.getPage().getPageToken());
    var b = ListPurchaseOrdersResponse.newBuilder();
    page.orders().forEach(o -> b.addOrders(order(o)));
    b.setPage(ProtoValues.page(page.nextPageToken()));
    reply(out, b.build());
  }

  @Override
  public void submitPurchaseOrder(
      DecidePurchaseOrderRequest req, StreamObserver<PurchaseOrder> out) {
    reply(out, order(desk.submit(GatewayContext.actor(), req.getId(), req.getVersion())));
  }

  @Override
  public void approvePurchaseOrder(
      DecidePurchaseOrderRequest req, StreamObserver<PurchaseOrder> out) {
    reply(
        out,
        order(desk.approve(GatewayContext.actor(), req.getId(), req.getVersion(), req.getNote())));
  }

  @Override
  public void rejectPurchaseOrder(
      DecidePurchaseOrderRequest req, StreamObserver<PurchaseOrder> out) {
    reply(
        out,
        order(desk.reject(GatewayContext.actor(), req.getId(), req.getVersion(), req.getNote())));
  }

  @Override
  public void cancelPurchaseOrder(
      DecidePurchaseOrderRequest req, StreamObserver<PurchaseOrder> out) {
    reply(out, order(desk.cancel(GatewayContext.actor(), req.getId(), req.getVersion())));
  }

  @Override
  public void postGoodsReceipt(PostGoodsReceiptRequest req, StreamObserver<GoodsReceipt> out) {
    var r =
        desk.receive(
            GatewayContext.actor(),
            req.getIdempotencyKey().getValue(),
            req.getOrderId(),
            req.getWarehouseCode(),
            date(req.getReceiptDate(), "receipt_date"),
            req.getLinesList().stream()
                .map(
                    l ->
                        new PurchaseDesk.ReceiptLineInput(
                            l.getOrderLineNo(), l.getQuantity().getValue(), l.getLot()))
                .toList());
    reply(
        out,
        GoodsReceipt.newBuilder()
            .setId(r.id().toString())
            .setNumber(r.number())
            .setOrderId(r.orderId().toString())
            .setOrderNumber(r.orderNumber())
            .setWarehouseCode(r.warehouseCode())
            .setReceiptDate(date(r.date()))
            .setValue(money(r.value(), r.currency()))
            .setJournalEntryNumber(r.entryNumber())
            .build());
  }

  @Override
  public void postSupplierBill(PostSupplierBillRequest req, StreamObserver<SupplierBill> out) {
    reply(
        out,
        bill(
            desk.bill(
                GatewayContext.actor(),
                req.getIdempotencyKey().getValue(),
                req.getOrderId(),
                req.getSupplierInvoice(),
                date(req.getBillDate(), "bill_date"),
                req.getLinesList().stream()
                    .map(
                        l ->
                            new PurchaseDesk.BillLineInput(
                                l.getOrderLineNo(),
                                l.getQuantity().getValue(),
                                l.getUnitPrice().getValue()))
                    .toList())));
  }

  @Override
  public void listSupplierBills(
      ListSupplierBillsRequest req, StreamObserver<ListSupplierBillsResponse> out) {
    var page =
        desk.listBills(
            GatewayContext.actor(),
            req.getSupplierCode(),
            req.getOpenOnly(),
            req.getPage().getPageSize(),
            req.getPage().getPageToken());
    var b = ListSupplierBillsResponse.newBuilder();
    page.bills().forEach(x -> b.addBills(bill(x)));
    b.setPage(ProtoValues.page(page.nextPageToken()));
    reply(out, b.build());
  }

  @Override
  public void postSupplierPayment(
      PostSupplierPaymentRequest req, StreamObserver<SupplierPayment> out) {
    var p =
        desk.pay(
            GatewayContext.actor(),
            req.getIdempotencyKey().getValue(),
            req.getSupplierCode(),
            date(req.getPaymentDate(), "payment_date"),
            req.getAmount().getValue(),
            word(req.getMethod(), "PAYMENT_METHOD_"),
            req.getReference(),
            req.getAllocationsList().stream()
                .map(a -> new PurchaseDesk.AllocationInput(a.getBillId(), a.getAmount().getValue()))
                .toList());
    reply(
        out,
        SupplierPayment.newBuilder()
            .setId(p.id().toString())
            .setNumber(p.number())
            .setSupplierCode(p.supplierCode())
            .setPaymentDate(date(p.date()))
            .setAmount(money(p.amount(), p.currency()))
            .setJournalEntryNumber(p.entryNumber())
            .build());
  }

  @Override
  public void getPayablesAgeing(
      io.millstone.api.purchasing.v1.GetPayablesAgeingRequest req,
      StreamObserver<io.millstone.api.purchasing.v1.PayablesAgeing> out) {
    var a = desk.payablesAgeing(GatewayContext.actor(), date(req.getAsOf(), "as_of"));
    String cur = a.currency();
    var b =
        io.millstone.api.purchasing.v1.PayablesAgeing.newBuilder()
            .setAsOf(date(a.asOf()))
            .setTotal(money(a.total(), cur));
    for (var r : a.rows()) {
      b.addRows(
          io.millstone.api.purchasing.v1.PayablesAgeingRow.newBuilder()
              .setSupplierCode(r.partyCode())
              .setSupplierName(r.partyName())
              .setCurrent(money(r.current(), cur))
              .setDays130(money(r.days1to30(), cur))
              .setDays3160(money(r.days31to60(), cur))
              .setDays6190(money(r.days61to90(), cur))
              .setOver90(money(r.over90(), cur))
              .setTotal(money(r.total(), cur)));
    }
    reply(out, b.build());
  }

  @Override
  public void getPurchasingSettings(
      GetPurchasingSettingsRequest req, StreamObserver<PurchasingSettings> out) {
    reply(out, settings(desk.settings(GatewayContext.actor())));
  }

  @Override
  public void updatePurchasingSettings(
      PurchasingSettings req, StreamObserver<PurchasingSettings> out) {
    reply(
        out,
        settings(
            desk.updateSettings(
                GatewayContext.actor(),
                req.getApprovalThreshold().getValue(),
                req.getPriceTolerancePercent().getValue(),
                req.getQuantityTolerancePercent().getValue())));
  }

  static PurchasingSettings settings(PurchaseDesk.Settings s) {
    return PurchasingSettings.newBuilder()
        .setApprovalThreshold(decimal(s.approvalThreshold()))
        .setPriceTolerancePercent(decimal(s.priceTolerancePct()))
        .setQuantityTolerancePercent(decimal(s.quantityTolerancePct()))
        .build();
  }

  static PurchaseOrder order(PurchaseDesk.OrderView o) {
    String cur = o.currency();
    var b =
        PurchaseOrder.newBuilder()
            .setId(o.id().toString())
            .setNumber(o.number())
            .setSupplierCode(o.supplierCode())
            .setSupplierName(o.supplierName())
            .setOrderDate(date(o.date()))
            .setState(
                io.millstone.api.purchasing.v1.PurchaseOrderState.valueOf(
                    "PURCHASE_ORDER_STATE_" + o.state()))
            .setNote(o.note())
            .setNetTotal(money(o.net(), cur))
            .setVatTotal(money(o.vat(), cur))
            .setGrossTotal(money(o.gross(), cur))
            .setSubmittedBy(o.submittedBy())
            .setDecidedBy(o.decidedBy())
            .setDecisionNote(o.decisionNote())
            .setVersion(o.version());
    if (o.decidedAt() != null) {
      b.setDecidedAt(ProtoValues.timestamp(o.decidedAt()));
    }
    for (var l : o.lines()) {
      b.addLines(
          PurchaseOrderLine.newBuilder()
              .setLineNo(l.lineNo())
              .setItemCode(l.itemCode())
              .setItemName(l.itemName())
              .setUnitCode(l.unitCode())
              .setQuantity(decimal(l.quantity()))
              .setUnitPrice(money(l.unitPrice(), cur))
              .setVatRatePercent(decimal(l.vatRate()))
              .setNet(money(l.net(), cur))
              .setVat(money(l.vat(), cur))
              .setReceived(decimal(l.received()))
              .setBilled(decimal(l.billed())));
    }
    return b.build();
  }

  static SupplierBill bill(PurchaseDesk.BillView b) {
    String cur = b.currency();
    return SupplierBill.newBuilder()
        .setId(b.id().toString())
        .setNumber(b.number())
        .setSupplierInvoice(b.supplierInvoice())
        .setSupplierCode(b.supplierCode())
        .setOrderId(b.orderId().toString())
        .setOrderNumber(b.orderNumber())
        .setBillDate(date(b.date()))
        .setDueDate(date(b.dueDate()))
        .setNet(money(b.net(), cur))
        .setVat(money(b.vat(), cur))
        .setGross(money(b.gross(), cur))
        .setOpen(money(b.open(), cur))
        .setJournalEntryNumber(b.entryNumber())
        .build();
  }
}
