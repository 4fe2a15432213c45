package io.millstone.server.sales;

import static io.millstone.server.gateway.ProtoValues.date;
import static io.millstone.server.gateway.ProtoValues.decimal;
import static io.millstone.server.gateway.ProtoValues.money;
import static io.millstone.server.gateway.ProtoValues.word;
import static io.millstone.server.gateway.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.millstone.api.sales.v1.AgeingRow;
import io.millstone.api.sales.v1.Allocation;
import io.millstone.api.sales.v1.CancelOrderRequest;
import io.millstone.api.sales.v1.ConfirmOrderRequest;
import io.millstone.api.sales.v1.CreateOrderRequest;
import io.millstone.api.sales.v1.Delivery;
import io.millstone.api.sales.v1.DeliveryLine;
import io.millstone.api.sales.v1.GetInvoiceRequest;
import io.millstone.api.sales.v1.GetOrderRequest;
import io.millstone.api.sales.v1.GetReceivablesAgeingRequest;
import io.millstone.api.sales.v1.Invoice;
import io.millstone.api.sales.v1.InvoiceKind;
import io.millstone.api.sales.v1.InvoiceLine;
import io.millstone.api.sales.v1.ListInvoicesRequest;
import io.millstone.api.sales.v1.ListInvoicesResponse;
import io.millstone.api.sales.v1.ListOrdersRequest;
import io.millstone.api.sales.v1.ListOrdersResponse;
import io.millstone.api.sales.v1.OrderLine;
import io.millstone.api.sales.v1.OrderLineInput;
import io.millstone.api.sales.v1.OrderState;
import io.millstone.api.sales.v1.Payment;
import io.millstone.api.sales.v1.PostCreditNoteRequest;
import io.millstone.api.sales.v1.PostDeliveryRequest;
import io.millstone.api.sales.v1.PostInvoiceRequest;
import io.millstone.api.sales.v1.PostPaymentRequest;
import io.millstone.api.sales.v1.ReceivablesAgeing;
import io.millstone.api.sales.v1.SalesOrder;
import io.millstone.api.sales.v1.SalesServiceGrpc;
import io.millstone.api.sales.v1.UpdateOrderRequest;
import io.millstone.server.gateway.GatewayContext;
import io.millstone.server.gateway.ProtoValues;
import java.util.List;

/** Adapter from the SalesService contract to {@link SalesDesk}. */
public final class SalesGrpcService extends SalesServiceGrpc.SalesServiceImplBase {
  private final SalesDesk desk;

  public SalesGrpcService(SalesDesk desk) {
    this.desk = desk;
  }

  private static List<SalesDesk.OrderLineInput> lines(List<OrderLineInput> in) {
    return in.stream()
        .map(
            l ->
                new SalesDesk.OrderLineInput(
                    l.getItemCode(), l.getQuantity().getValue(), l.getUnitPrice().getValue()))
        .toList();
  }

  @Override
  public void createOrder(CreateOrderRequest req, StreamObserver<SalesOrder> out) {
    reply(
        out,
        order(
            desk.createOrder(
                GatewayContext.actor(),
                req.getIdempotencyKey().getValue(),
                req.getCustomerCode(),
                date(req.getOrderDate(), "order_date"),
                lines(req.getLinesList()),
                req.getNote(),
                req.getQuotation())));
  }

  @Override
  public void getOrder(GetOrderRequest req, StreamObserver<SalesOrder> out) {
    reply(out, order(desk.getOrder(GatewayContext.actor(), req.getId())));
  }

  @Override
  public void listOrders(ListOrdersRequest req, StreamObserver<ListOrdersResponse> out) {
    var page =
        desk.listOrders(
            GatewayContext.actor(),
            word(req.getState(), "ORDER_STATE_"),
            req.getCustomerCode(),
            req.getPage().getPageSize(),
            req.getPage().getPageToken());
    var b = ListOrdersResponse.newBuilder();
    page.orders().forEach(o -> b.addOrders(order(o)));
    b.setPage(ProtoValues.page(page.nextPageToken()));
    reply(out, b.build());
  }

  @Override
  public void updateOrder(UpdateOrderRequest req, StreamObserver<SalesOrder> out) {
    reply(
        out,
        order(
            desk.updateOrder(
                GatewayContext.actor(),
                req.getId(),
                req.getVersion(),
                lines(req.getLinesList()),
                req.getNote())));
  }

  @Override
  public void confirmOrder(ConfirmOrderRequest req, StreamObserver<SalesOrder> out) {
    reply(out, order(desk.confirmOrder(GatewayContext.actor(), req.getId(), req.getVersion())));
  }

  @Override
  public void cancelOrder(CancelOrderRequest req, StreamObserver<SalesOrder> out) {
    reply(out, order(desk.cancelOrder(GatewayContext.actor(), req.getId(), req.getVersion())));
  }

  @Override
  public void postDelivery(PostDeliveryRequest req, StreamObserver<Delivery> out) {
    var d =
        desk.postDelivery(
            GatewayContext.actor(),
            req.getIdempotencyKey().getValue(),
            req.getOrderId(),
            req.getWarehouseCode(),
            date(req.getDeliveryDate(), "delivery_date"),
            req.getLinesList().stream()
                .map(
                    l ->
                        new SalesDesk.DeliveryLineInput(
                            l.getOrderLineNo(), l.getQuantity().getValue(), l.getLot()))
                .toList());
    var b =
        Delivery.newBuilder()
            .setId(d.id().toString())
            .setNumber(d.number())
            .setOrderId(d.orderId().toString())
            .setOrderNumber(d.orderNumber())
            .setWarehouseCode(d.warehouseCode())
            .setDeliveryDate(date(d.date()))
            .setCost(money(d.cost(), d.currency()))
            .setJournalEntryNumber(d.entryNumber());
    d.lines()
        .forEach(
            l ->
                b.addLines(
                    DeliveryLine.newBuilder()
                        .setOrderLineNo(l.orderLineNo())
                        .setItemCode(l.itemCode())
                        .setLot(l.lot())
                        .setQuantity(decimal(l.quantity()))));
    reply(out, b.build());
  }

  @Override
  public void postInvoice(PostInvoiceRequest req, StreamObserver<Invoice> out) {
    reply(
        out,
        invoice(
            desk.postInvoice(
                GatewayContext.actor(),
                req.getIdempotencyKey().getValue(),
                req.getOrderId(),
                date(req.getInvoiceDate(), "invoice_date"))));
  }

  @Override
  public void postCreditNote(PostCreditNoteRequest req, StreamObserver<Invoice> out) {
    reply(
        out,
        invoice(
            desk.postCreditNote(
                GatewayContext.actor(),
                req.getIdempotencyKey().getValue(),
                req.getInvoiceId(),
                date(req.getCreditDate(), "credit_date"),
                req.getReason(),
                req.getLinesList().stream()
                    .map(
                        l ->
                            new SalesDesk.CreditLineInput(
                                l.getLineNo(), l.getQuantity().getValue()))
                    .toList())));
  }

  @Override
  public void getInvoice(GetInvoiceRequest req, StreamObserver<Invoice> out) {
    reply(out, invoice(desk.getInvoice(GatewayContext.actor(), req.getId())));
  }

  @Override
  public void listInvoices(ListInvoicesRequest req, StreamObserver<ListInvoicesResponse> out) {
    var page =
        desk.listInvoices(
            GatewayContext.actor(),
            req.getCustomerCode(),
            req.getOpenOnly(),
            req.getPage().getPageSize(),
            req.getPage().getPageToken());
    var b = ListInvoicesResponse.newBuilder();
    page.invoices().forEach(i -> b.addInvoices(invoice(i)));
    b.setPage(ProtoValues.page(page.nextPageToken()));
    reply(out, b.build());
  }

  @Override
  public void postPayment(PostPaymentRequest req, StreamObserver<Payment> out) {
    var p =
        desk.postPayment(
            GatewayContext.actor(),
            req.getIdempotencyKey().getValue(),
            req.getCustomerCode(),
            date(req.getPaymentDate(), "payment_date"),
            req.getAmount().getValue(),
            word(req.getMethod(), "PAYMENT_METHOD_"),
            req.getReference(),
            allocations(req.getAllocationsList()),
            req.getOnAccount());
    reply(out, payment(p));
  }

  private static List<SalesDesk.AllocationInput> allocations(
      List<io.millstone.api.sales.v1.AllocationInput> in) {
    return in.stream()
        .map(a -> new SalesDesk.AllocationInput(a.getInvoiceId(), a.getAmount().getValue()))
        .toList();
  }

  @Override
  public void listAdvances(
      io.millstone.api.sales.v1.ListAdvancesRequest req,
      StreamObserver<io.millstone.api.sales.v1.ListAdvancesResponse> out) {
    var b = io.millstone.api.sales.v1.ListAdvancesResponse.newBuilder();
    desk.advances(GatewayContext.actor(), req.getCustomerCode())
        .forEach(p -> b.addPayments(payment(p)));
    reply(out, b.build());
  }

  @Override
  public void applyAdvance(
      io.millstone.api.sales.v1.ApplyAdvanceRequest req, StreamObserver<Payment> out) {
    reply(
        out,
        payment(
            desk.applyAdvance(
                GatewayContext.actor(),
                req.getIdempotencyKey().getValue(),
                req.getPaymentId(),
                allocations(req.getAllocationsList()))));
  }

  private static Payment payment(SalesDesk.PaymentView p) {
    var b =
        Payment.newBuilder()
            .setId(p.id().toString())
            .setNumber(p.number())
            .setCustomerCode(p.customerCode())
            .setPaymentDate(date(p.date()))
            .setAmount(money(p.amount(), p.currency()))
            .setMethod(
                io.millstone.api.sales.v1.PaymentMethod.valueOf("PAYMENT_METHOD_" + p.method()))
            .setReference(p.reference())
            .setJournalEntryNumber(p.entryNumber())
            .setUnapplied(money(p.unapplied(), p.currency()));
    p.allocations()
        .forEach(
            a ->
                b.addAllocations(
                    Allocation.newBuilder()
                        .setInvoiceId(a.invoiceId().toString())
                        .setInvoiceNumber(a.invoiceNumber())
                        .setAmount(money(a.amount(), p.currency()))));
    return b.build();
  }

  @Override
  public void getReceivablesAgeing(
      GetReceivablesAgeingRequest req, StreamObserver<ReceivablesAgeing> out) {
    var a = desk.receivablesAgeing(GatewayContext.actor(), date(req.getAsOf(), "as_of"));
    String cur = a.currency();
    var b = ReceivablesAgeing.newBuilder().setAsOf(date(a.asOf())).setTotal(money(a.total(), cur));
    for (var r : a.rows()) {
      b.addRows(
          AgeingRow.newBuilder()
              .setCustomerCode(r.partyCode())
              .setCustomerName(r.partyName())
              .setCurrent(money(r.current(), cur))
              .setDays130(money(r.days1to30(), cur))
              .setDays3160(money(r.days31to60(), cur))
              .setDays6190(money(r.days61to90(), cur))
              .setOver90(money(r.over90(), cur))
              .setTotal(money(r.total(), cur)));
    }
    reply(out, b.build());
  }

  static SalesOrder order(SalesDesk.OrderView o) {
    String cur = o.currency();
    var b =
        SalesOrder.newBuilder()
            .setId(o.id().toString())
            .setNumber(o.number())
            .setQuoteNumber(o.quoteNumber())
            .setCustomerCode(o.customerCode())
            .setCustomerName(o.customerName())
            .setOrderDate(date(o.date()))
            .setState(OrderState.valueOf("ORDER_STATE_" + o.state()))
            .setNote(o.note())
            .setNetTotal(money(o.net(), cur))
            .setVatTotal(money(o.vat(), cur))
            .setGrossTotal(money(o.gross(), cur))
            .setVersion(o.version())
            .setUpdatedAt(ProtoValues.timestamp(o.updatedAt()))
            .setUpdatedBy(o.updatedBy());
    for (var l : o.lines()) {
      b.addLines(
          OrderLine.newBuilder()
              .setLineNo(l.lineNo())
              .setItemCode(l.itemCode())
              .setItemName(l.itemName())
              .setUnitCode(l.unitCode())
              .setQuantity(decimal(l.quantity()))
              .setUnitPrice(money(l.unitPrice(), cur))
              .setVatRatePercent(decimal(l.vatRate()))
              .setNet(money(l.net(), cur))
              .setVat(money(l.vat(), cur))
              .setDelivered(decimal(l.delivered()))
              .setInvoiced(decimal(l.invoiced())));
    }
    return b.build();
  }

  static Invoice invoice(SalesDesk.InvoiceView i) {
    String cur = i.currency();
    var b =
        Invoice.newBuilder()
            .setId(i.id().toString())
            .setNumber(i.number())
            .setKind(InvoiceKind.valueOf("INVOICE_KIND_" + i.kind()))
            .setOrderId(i.orderId().toString())
            .setOrderNumber(i.orderNumber())
            .setCustomerCode(i.customerCode())
            .setCustomerName(i.customerName())
            .setCustomerBin(i.customerBin())
            .setCreditedInvoiceId(
                i.creditedInvoiceId() == null ? "" : i.creditedInvoiceId().toString())
            .setInvoiceDate(date(i.date()))
            .setDueDate(date(i.dueDate()))
            .setReason(i.reason())
            .setNet(money(i.net(), cur))
            .setVat(money(i.vat(), cur))
            .setGross(money(i.gross(), cur))
            .setSettled(money(i.settled(), cur))
            .setOpen(money(i.open(), cur))
            .setJournalEntryNumber(i.entryNumber());
    for (var l : i.lines()) {
      b.addLines(
          InvoiceLine.newBuilder()
              .setLineNo(l.lineNo())
              .setItemCode(l.itemCode())
              .setItemName(l.itemName())
              .setQuantity(decimal(l.quantity()))
              .setUnitPrice(money(l.unitPrice(), cur))
              .setVatRatePercent(decimal(l.vatRate()))
              .setNet(money(l.net(), cur))
              .setVat(money(l.vat(), cur))
              .setCredited(decimal(l.credited())));
    }
    return b.build();
  }
}
