package io.millstone.client.remote;

import static io.millstone.client.remote.ProtoValues.date;
import static io.millstone.client.remote.ProtoValues.decimal;
import static io.millstone.client.remote.ProtoValues.key;
import static io.millstone.client.remote.ProtoValues.page;

import io.millstone.api.identity.v1.CompanyServiceGrpc;
import io.millstone.api.identity.v1.GetCompanyRequest;
import io.millstone.api.masterdata.v1.Item;
import io.millstone.api.masterdata.v1.Party;
import io.millstone.api.masterdata.v1.Warehouse;
import io.millstone.api.sales.v1.ConfirmOrderRequest;
import io.millstone.api.sales.v1.CreateOrderRequest;
import io.millstone.api.sales.v1.Delivery;
import io.millstone.api.sales.v1.DeliveryLineInput;
import io.millstone.api.sales.v1.GetOrderRequest;
import io.millstone.api.sales.v1.Invoice;
import io.millstone.api.sales.v1.ListInvoicesRequest;
import io.millstone.api.sales.v1.ListInvoicesResponse;
import io.millstone.api.sales.v1.ListOrdersRequest;
import io.millstone.api.sales.v1.ListOrdersResponse;
import io.millstone.api.sales.v1.OrderLineInput;
import io.millstone.api.sales.v1.OrderState;
import io.millstone.api.sales.v1.Payment;
import io.millstone.api.sales.v1.PaymentMethod;
import io.millstone.api.sales.v1.PostDeliveryRequest;
import io.millstone.api.sales.v1.PostInvoiceRequest;
import io.millstone.api.sales.v1.PostPaymentRequest;
import io.millstone.api.sales.v1.SalesOrder;
import io.millstone.api.sales.v1.SalesServiceGrpc;
import io.millstone.api.sales.v1.UpdateOrderRequest;
import io.millstone.client.core.list.Page;
import io.millstone.client.core.list.PageSource;
import io.millstone.client.sales.SalesGateway;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Orders, deliveries, invoices and payments on the server (SalesService). */
public final class Sales implements SalesGateway {
  private static final int COMPLETIONS = 8;

  private final Session session;
  private final Items items;
  private final Parties customers;
  private final Warehouses warehouses;
  private volatile BigDecimal vatRate;

  public Sales(Session session) {
    this.session = session;
    this.items = new Items(session);
    this.customers = new Parties(session, Parties.Role.CUSTOMERS);
    this.warehouses = new Warehouses(session);
  }

  private SalesServiceGrpc.SalesServiceBlockingStub stub() {
    return session.stub(SalesServiceGrpc.newBlockingStub(session.connection().channel()));
  }

  @Override
  public List<Party> customers(String typed) throws RemoteException {
    return customers.fetch(new PageSource.Query(typed.trim(), "code"), "", COMPLETIONS).rows();
  }

  @Override
  public List<Item> items(String typed) throws RemoteException {
    return items.fetch(new PageSource.Query(typed.trim(), "code"), "", COMPLETIONS).rows();
  }

  @Override
  public List<Warehouse> warehouses() throws RemoteException {
    return warehouses.fetch(new PageSource.Query("", "code"), "", 200).rows();
  }

  @Override
  public BigDecimal vatRatePercent() throws RemoteException {
    BigDecimal rate = vatRate;
    if (rate == null) {
      String text =
          Calls.call(
                  () ->
                      session
                          .stub(CompanyServiceGrpc.newBlockingStub(session.connection().channel()))
                          .getCompany(GetCompanyRequest.getDefaultInstance()))
              .getVatRatePercent()
              .getValue();
      rate = ProtoValues.number(text);
      vatRate = rate;
    }
    return rate;
  }

  private static List<OrderLineInput> lines(List<LineInput> lines) {
    List<OrderLineInput> out = new ArrayList<>();
    for (LineInput l : lines) {
      OrderLineInput.Builder b =
          OrderLineInput.newBuilder()
              .setItemCode(l.itemCode() == null ? "" : l.itemCode().trim())
              .setQuantity(decimal(l.quantity()));
      if (l.unitPrice() != null) {
        b.setUnitPrice(decimal(l.unitPrice()));
      }
      out.add(b.build());
    }
    return out;
  }

  @Override
  public SalesOrder createOrder(
      String customerCode,
      LocalDate date,
      List<LineInput> lines,
      String note,
      boolean quotation,
      String idempotencyKey)
      throws RemoteException {
    CreateOrderRequest r =
        CreateOrderRequest.newBuilder()
            .setIdempotencyKey(key(idempotencyKey))
            .setCustomerCode(customerCode == null ? "" : customerCode.trim())
            .setOrderDate(date(date))
            .addAllLines(lines(lines))
            .setNote(note == null ? "" : note)
            .setQuotation(quotation)
            .build();
    return Calls.call(() -> stub().createOrder(r));
  }

  @Override
  public SalesOrder updateOrder(SalesOrder original, List<LineInput> lines, String note)
      throws RemoteException {
    UpdateOrderRequest r =
        UpdateOrderRequest.newBuilder()
            .setId(original.getId())
            .setVersion(original.getVersion())
            .addAllLines(lines(lines))
            .setNote(note == null ? "" : note)
            .build();
    return Calls.call(() -> stub().updateOrder(r));
  }

  @Override
  public SalesOrder confirmOrder(SalesOrder order) throws RemoteException {
    ConfirmOrderRequest r =
        ConfirmOrderRequest.newBuilder()
            .setId(order.getId())
            .setVersion(order.getVersion())
            .build();
    return Calls.call(() -> stub().confirmOrder(r));
  }

  @Override
  public SalesOrder order(String id) throws RemoteException {
    return Calls.call(() -> stub().getOrder(GetOrderRequest.newBuilder().setId(id).build()));
  }

  @Override
  public Page<SalesOrder> orders(String state, String customerCode, String pageToken, int pageSize)
      throws RemoteException {
    ListOrdersRequest r =
        ListOrdersRequest.newBuilder()
            .setPage(page(pageToken, pageSize))
            .setState(
                state == null || state.isBlank()
                    ? OrderState.ORDER_STATE_UNSPECIFIED
                    : OrderState.valueOf("ORDER_STATE_" + state))
            .setCustomerCode(customerCode == null ? "" : customerCode.trim())
            .build();
    ListOrdersResponse res = Calls.call(() -> stub().listOrders(r));
    return new Page<>(
        res.getOrdersList(), res.getPage().getNextPageToken(), res.getPage().getTotalSize());
  }

  @Override
  public Delivery deliver(
      String orderId,
      String warehouseCode,
      LocalDate date,
      List<DeliveryInput> lines,
      String idempotencyKey)
      throws RemoteException {
    PostDeliveryRequest.Builder b =
        PostDeliveryRequest.newBuilder()
            .setIdempotencyKey(key(idempotencyKey))
            .setOrderId(orderId)
            .setWarehouseCode(warehouseCode == null ? "" : warehouseCode)
            .setDeliveryDate(date(date));
    for (DeliveryInput l : lines) {
      b.addLines(
          DeliveryLineInput.newBuilder()
              .setOrderLineNo(l.orderLineNo())
              .setQuantity(decimal(l.quantity()))
              .setLot(l.lot() == null ? "" : l.lot().trim()));
    }
    return Calls.call(() -> stub().postDelivery(b.build()));
  }

  @Override
  public io.millstone.api.accounting.v1.NextDocumentNumber nextInvoiceNumber()
      throws RemoteException {
    return Calls.call(
        () ->
            session
                .stub(
                    io.millstone.api.accounting.v1.LedgerServiceGrpc.newBlockingStub(
                        session.connection().channel()))
                .getNextDocumentNumber(
                    io.millstone.api.accounting.v1.GetNextDocumentNumberRequest.newBuilder()
                        .setSeries("INV")
                        .build()));
  }

  @Override
  public Invoice invoice(String orderId, LocalDate date, String idempotencyKey)
      throws RemoteException {
    PostInvoiceRequest r =
        PostInvoiceRequest.newBuilder()
            .setIdempotencyKey(key(idempotencyKey))
            .setOrderId(orderId)
            .setInvoiceDate(date(date))
            .build();
    return Calls.call(() -> stub().postInvoice(r));
  }

  @Override
  public List<Invoice> openInvoices(String customerCode) throws RemoteException {
    List<Invoice> out = new ArrayList<>();
    String token = "";
    do {
      ListInvoicesRequest r =
          ListInvoicesRequest.newBuilder()
              .setPage(page(token, 500))
              .setCustomerCode(customerCode == null ? "" : customerCode.trim())
              .setOpenOnly(true)
              .build();
      ListInvoicesResponse res = Calls.call(() -> stub().listInvoices(r));
      out.addAll(res.getInvoicesList());
      token = res.getPage().getNextPageToken();
    } while (!token.isEmpty());
    return out;
  }

  @Override
  public Payment pay(
      String customerCode,
      LocalDate date,
      BigDecimal amount,
      String method,
      String reference,
      List<AllocationInput> allocations,
      String idempotencyKey)
      throws RemoteException {
    return pay(customerCode, date, amount, method, reference, allocations, false, idempotencyKey);
  }

  @Override
  public Payment pay(
      String customerCode,
      LocalDate date,
      BigDecimal amount,
      String method,
      String reference,
      List<AllocationInput> allocations,
      boolean onAccount,
      String idempotencyKey)
      throws RemoteException {
    PostPaymentRequest.Builder b =
        PostPaymentRequest.newBuilder()
            .setOnAccount(onAccount)
            .setIdempotencyKey(key(idempotencyKey))
            .setCustomerCode(customerCode == null ? "" : customerCode.trim())
            .setPaymentDate(date(date))
            .setAmount(decimal(amount))
            .setMethod(
                method == null || method.isBlank()
                    ? PaymentMethod.PAYMENT_METHOD_UNSPECIFIED
                    : PaymentMethod.valueOf("PAYMENT_METHOD_" + method))
            .setReference(reference == null ? "" : reference.trim());
    for (AllocationInput a : allocations) {
      b.addAllocations(
          io.millstone.api.sales.v1.AllocationInput.newBuilder()
              .setInvoiceId(a.invoiceId())
              .setAmount(decimal(a.amount())));
    }
    return Calls.call(() -> stub().postPayment(b.build()));
  }

  @Override
  public List<Payment> advances(String customerCode) throws RemoteException {
    var r =
        io.millstone.api.sales.v1.ListAdvancesRequest.newBuilder()
            .setCustomerCode(customerCode == null ? "" : customerCode.trim())
            .build();
    return Calls.call(() -> stub().listAdvances(r)).getPaymentsList();
  }

  @Override
  public Payment applyAdvance(String paymentId, List<AllocationInput> allocations, String key)
      throws RemoteException {
    var b =
        io.millstone.api.sales.v1.ApplyAdvanceRequest.newBuilder()
            .setIdempotencyKey(key(key))
            .setPaymentId(paymentId);
    for (AllocationInput a : allocations) {
      b.addAllocations(
          io.millstone.api.sales.v1.AllocationInput.newBuilder()
              .setInvoiceId(a.invoiceId())
              .setAmount(decimal(a.amount())));
    }
    return Calls.call(() -> stub().applyAdvance(b.build()));
  }

  @Override
  public SalesOrder cancelOrder(SalesOrder order) throws RemoteException {
    var r =
        io.millstone.api.sales.v1.CancelOrderRequest.newBuilder()
            .setId(order.getId())
            .setVersion(order.getVersion())
            .build();
    return Calls.call(() -> stub().cancelOrder(r));
  }

  @Override
  public Invoice invoiceById(String id) throws RemoteException {
    var r = io.millstone.api.sales.v1.GetInvoiceRequest.newBuilder().setId(id).build();
    return Calls.call(() -> stub().getInvoice(r));
  }

  @Override
  public Page<Invoice> invoices(
      String customerCode, boolean openOnly, String pageToken, int pageSize)
      throws RemoteException {
    ListInvoicesRequest r =
        ListInvoicesRequest.newBuilder()
            .setPage(page(pageToken, pageSize))
            .setCustomerCode(customerCode == null ? "" : customerCode.trim())
            .setOpenOnly(openOnly)
            .build();
    ListInvoicesResponse res = Calls.call(() -> stub().listInvoices(r));
    return new Page<>(
        res.getInvoicesList(), res.getPage().getNextPageToken(), res.getPage().getTotalSize());
  }

  @Override
  public Invoice creditNote(
      String invoiceId, LocalDate date, String reason, List<CreditInput> lines, String key)
      throws RemoteException {
    var b =
        io.millstone.api.sales.v1.PostCreditNoteRequest.newBuilder()
            .setIdempotencyKey(key(key))
            .setInvoiceId(invoiceId)
            .setCreditDate(date(date))
            .setReason(reason == null ? "" : reason.trim());
    for (CreditInput l : lines) {
      b.addLines(
          io.millstone.api.sales.v1.CreditLineInput.newBuilder()
              .setLineNo(l.lineNo())
              .setQuantity(decimal(l.quantity())));
    }
    return Calls.call(() -> stub().postCreditNote(b.build()));
  }

  @Override
  public io.millstone.api.sales.v1.ReceivablesAgeing receivablesAgeing() throws RemoteException {
    return Calls.call(
        () ->
            stub()
                .getReceivablesAgeing(
                    io.millstone.api.sales.v1.GetReceivablesAgeingRequest.getDefaultInstance()));
  }
}
