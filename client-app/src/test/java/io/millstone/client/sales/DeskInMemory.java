package io.millstone.client.sales;

import io.millstone.api.common.v1.Date;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.common.v1.Money;
import io.millstone.api.masterdata.v1.Item;
import io.millstone.api.masterdata.v1.Party;
import io.millstone.api.masterdata.v1.TaxCategory;
import io.millstone.api.masterdata.v1.Warehouse;
import io.millstone.api.sales.v1.Delivery;
import io.millstone.api.sales.v1.Invoice;
import io.millstone.api.sales.v1.OrderLine;
import io.millstone.api.sales.v1.OrderState;
import io.millstone.api.sales.v1.Payment;
import io.millstone.api.sales.v1.SalesOrder;
import io.millstone.client.core.list.Page;
import io.millstone.client.remote.RemoteException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sales desk in memory for view-model tests: items, customers and orders priced the way the
 * server prices them (price × quantity to the paisa, VAT on the net at the item's rate), with a
 * version check on update. Failures can be queued to see how the screen reacts.
 */
final class DeskInMemory implements SalesGateway {
  final Map<String, Item> items = new LinkedHashMap<>();
  final Map<String, Party> customers = new LinkedHashMap<>();
  final Map<String, SalesOrder> orders = new LinkedHashMap<>();
  final List<Invoice> openInvoices = new ArrayList<>();
  final List<List<LineInput>> sentLines = new ArrayList<>();
  final List<List<AllocationInput>> sentAllocations = new ArrayList<>();
  final List<Boolean> sentQuotation = new ArrayList<>();
  BigDecimal vatRate = new BigDecimal("15");
  RemoteException nextFailure;

  static Money money(String amount) {
    return Money.newBuilder().setAmount(amount).setCurrencyCode("BDT").build();
  }

  static Decimal dec(String v) {
    return Decimal.newBuilder().setValue(v).build();
  }

  void item(String code, String name, String price, TaxCategory tax) {
    items.put(
        code,
        Item.newBuilder()
            .setId("i-" + code)
            .setCode(code)
            .setName(name)
            .setUnitCode("t")
            .setDefaultSalePrice(money(price))
            .setTaxCategory(tax)
            .setActive(true)
            .build());
  }

  void customer(String code, String name, String limit) {
    customers.put(
        code,
        Party.newBuilder()
            .setId("p-" + code)
            .setCode(code)
            .setName(name)
            .setCreditLimit(money(limit))
            .build());
  }

  Invoice openInvoice(String number, LocalDate date, String open) {
    Invoice inv =
        Invoice.newBuilder()
            .setId("inv-" + number)
            .setNumber(number)
            .setInvoiceDate(
                Date.newBuilder()
                    .setYear(date.getYear())
                    .setMonth(date.getMonthValue())
                    .setDay(date.getDayOfMonth()))
            .setGross(money(open))
            .setOpen(money(open))
            .build();
    openInvoices.add(inv);
    return inv;
  }

  private void failIfAsked() throws RemoteException {
    if (nextFailure != null) {
      RemoteException e = nextFailure;
      nextFailure = null;
      throw e;
    }
  }

  private static boolean matches(String code, String name, String typed) {
    String t = typed.trim().toLowerCase(Locale.ROOT);
    return code.toLowerCase(Locale.ROOT).contains(t) || name.toLowerCase(Locale.ROOT).contains(t);
  }

  @Override
  public List<Party> customers(String typed) {
    return customers.values().stream()
        .filter(p -> matches(p.getCode(), p.getName(), typed))
        .toList();
  }

  @Override
  public List<Item> items(String typed) {
    return items.values().stream().filter(i -> matches(i.getCode(), i.getName(), typed)).toList();
  }

  @Override
  public List<Warehouse> warehouses() {
    return List.of(
        Warehouse.newBuilder().setCode("GODOWN").build(),
        Warehouse.newBuilder().setCode("YARD").build());
  }

  @Override
  public BigDecimal vatRatePercent() {
    return vatRate;
  }

  private SalesOrder priced(
      String id, long version, String customer, List<LineInput> lines, OrderState state) {
    SalesOrder.Builder b =
        SalesOrder.newBuilder()
            .setId(id)
            .setVersion(version)
            .setCustomerCode(customer)
            .setCustomerName(customers.get(customer).getName())
            .setState(state)
            .setQuoteNumber("QT-" + id)
            .setNumber(state == OrderState.ORDER_STATE_QUOTATION ? "" : "SO-" + id);
    BigDecimal net = BigDecimal.ZERO;
    BigDecimal vat = BigDecimal.ZERO;
    int no = 1;
    for (LineInput l : lines) {
      Item item = items.get(l.itemCode());
      BigDecimal price =
          l.unitPrice() != null
              ? l.unitPrice()
              : new BigDecimal(item.getDefaultSalePrice().getAmount());
      BigDecimal rate =
          item.getTaxCategory() == TaxCategory.TAX_CATEGORY_STANDARD ? vatRate : BigDecimal.ZERO;
      BigDecimal n = l.quantity().multiply(price).setScale(2, RoundingMode.HALF_UP);
      BigDecimal v = n.multiply(rate).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
      net = net.add(n);
      vat = vat.add(v);
      b.addLines(
          OrderLine.newBuilder()
              .setLineNo(no++)
              .setItemCode(item.getCode())
              .setItemName(item.getName())
              .setUnitCode(item.getUnitCode())
              .setQuantity(dec(l.quantity().toPlainString()))
              .setUnitPrice(money(price.toPlainString()))
              .setVatRatePercent(dec(rate.toPlainString()))
              .setNet(money(n.toPlainString()))
              .setVat(money(v.toPlainString()))
              .setDelivered(dec("0"))
              .setInvoiced(dec("0")));
    }
    return b.setNetTotal(money(net.toPlainString()))
        .setVatTotal(money(vat.toPlainString()))
        .setGrossTotal(money(net.add(vat).toPlainString()))
        .build();
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
    sentLines.add(lines);
    sentQuotation.add(quotation);
    failIfAsked();
    String id = Integer.toString(orders.size() + 1);
    SalesOrder o =
        priced(
            id,
            1,
            customerCode,
            lines,
            quotation ? OrderState.ORDER_STATE_QUOTATION : OrderState.ORDER_STATE_CONFIRMED);
    orders.put(id, o);
    return o;
  }

  @Override
  public SalesOrder updateOrder(SalesOrder original, List<LineInput> lines, String note)
      throws RemoteException {
    sentLines.add(lines);
    failIfAsked();
    SalesOrder current = orders.get(original.getId());
    if (current.getVersion() != original.getVersion()) {
      throw new RemoteException(
          RemoteException.Kind.CONFLICT,
          "QT-" + original.getId() + " was changed by sales.rahim after you opened it.");
    }
    SalesOrder o =
        priced(
            original.getId(),
            current.getVersion() + 1,
            current.getCustomerCode(),
            lines,
            current.getState());
    orders.put(o.getId(), o);
    return o;
  }

  @Override
  public SalesOrder confirmOrder(SalesOrder order) throws RemoteException {
    failIfAsked();
    SalesOrder o =
        orders.get(order.getId()).toBuilder()
            .setState(OrderState.ORDER_STATE_CONFIRMED)
            .setNumber("SO-" + order.getId())
            .setVersion(order.getVersion() + 1)
            .build();
    orders.put(o.getId(), o);
    return o;
  }

  @Override
  public SalesOrder order(String id) {
    return orders.get(id);
  }

  @Override
  public Page<SalesOrder> orders(String state, String customerCode, String pageToken, int size) {
    return new Page<>(List.copyOf(orders.values()), "", orders.size());
  }

  @Override
  public Delivery deliver(
      String orderId,
      String warehouseCode,
      LocalDate date,
      List<DeliveryInput> lines,
      String idempotencyKey)
      throws RemoteException {
    failIfAsked();
    return Delivery.newBuilder().setNumber("DN-1").setOrderId(orderId).build();
  }

  /** Tax invoices posted, and the dates they were posted with. */
  final List<LocalDate> invoiced = new ArrayList<>();

  @Override
  public io.millstone.api.accounting.v1.NextDocumentNumber nextInvoiceNumber() {
    return io.millstone.api.accounting.v1.NextDocumentNumber.newBuilder()
        .setNumber("INV-2026-00007")
        .setDate(io.millstone.api.common.v1.Date.newBuilder().setYear(2026).setMonth(12).setDay(7))
        .build();
  }

  @Override
  public Invoice invoice(String orderId, LocalDate date, String idempotencyKey)
      throws RemoteException {
    failIfAsked();
    invoiced.add(date);
    return Invoice.newBuilder().setNumber("INV-1").setOrderId(orderId).build();
  }

  @Override
  public List<Invoice> openInvoices(String customerCode) {
    return List.copyOf(openInvoices);
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
    sentAllocations.add(allocations);
    failIfAsked();
    return Payment.newBuilder()
        .setNumber("RCV-1")
        .setAmount(money(amount.toPlainString()))
        .setJournalEntryNumber("JV-7")
        .build();
  }
}
