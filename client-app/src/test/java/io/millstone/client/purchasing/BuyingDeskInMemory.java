package io.millstone.client.purchasing;

import io.millstone.api.common.v1.Date;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.common.v1.Money;
import io.millstone.api.masterdata.v1.Item;
import io.millstone.api.masterdata.v1.Party;
import io.millstone.api.masterdata.v1.TaxCategory;
import io.millstone.api.masterdata.v1.Warehouse;
import io.millstone.api.purchasing.v1.GoodsReceipt;
import io.millstone.api.purchasing.v1.PurchaseOrder;
import io.millstone.api.purchasing.v1.PurchaseOrderLine;
import io.millstone.api.purchasing.v1.PurchaseOrderState;
import io.millstone.api.purchasing.v1.SupplierBill;
import io.millstone.api.purchasing.v1.SupplierPayment;
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
 * A purchasing desk in memory for view-model tests: suppliers, items and orders priced the way the
 * server prices them (quantity × price to the paisa, VAT on the net at the item's rate), approved
 * at once up to a threshold. Failures can be queued to see how a screen reacts.
 */
final class BuyingDeskInMemory implements PurchasingGateway {
  final Map<String, Item> items = new LinkedHashMap<>();
  final Map<String, Party> suppliers = new LinkedHashMap<>();
  final Map<String, PurchaseOrder> orders = new LinkedHashMap<>();
  final List<SupplierBill> openBills = new ArrayList<>();
  final List<List<LineInput>> sentLines = new ArrayList<>();
  final List<List<ReceiptInput>> sentReceipts = new ArrayList<>();
  final List<List<BillInput>> sentBills = new ArrayList<>();
  final List<List<AllocationInput>> sentAllocations = new ArrayList<>();
  final List<String> decisions = new ArrayList<>();
  BigDecimal vatRate = new BigDecimal("15");
  BigDecimal threshold = new BigDecimal("500000");
  RemoteException nextFailure;

  static Money money(BigDecimal v) {
    return Money.newBuilder()
        .setAmount(v.setScale(2, RoundingMode.HALF_UP).toPlainString())
        .setCurrencyCode("BDT")
        .build();
  }

  static Decimal dec(String v) {
    return Decimal.newBuilder().setValue(v).build();
  }

  static Date date(LocalDate d) {
    return Date.newBuilder()
        .setYear(d.getYear())
        .setMonth(d.getMonthValue())
        .setDay(d.getDayOfMonth())
        .build();
  }

  void item(String code, String name, TaxCategory tax) {
    items.put(
        code,
        Item.newBuilder()
            .setId("i-" + code)
            .setCode(code)
            .setName(name)
            .setUnitCode("t")
            .setTaxCategory(tax)
            .setActive(true)
            .build());
  }

  void supplier(String code, String name) {
    suppliers.put(code, Party.newBuilder().setId("p-" + code).setCode(code).setName(name).build());
  }

  SupplierBill openBill(String number, LocalDate date, String open) {
    SupplierBill b =
        SupplierBill.newBuilder()
            .setId("bill-" + number)
            .setNumber(number)
            .setBillDate(date(date))
            .setGross(money(new BigDecimal(open)))
            .setOpen(money(new BigDecimal(open)))
            .build();
    openBills.add(b);
    return b;
  }

  /**
   * An approved order with one line of which {@code received} came in and {@code billed} billed.
   */
  static PurchaseOrder approvedOrder(String qty, String price, String received, String billed) {
    BigDecimal net = new BigDecimal(qty).multiply(new BigDecimal(price));
    return PurchaseOrder.newBuilder()
        .setId("po-1")
        .setNumber("PO-000001")
        .setSupplierCode("S-LIME")
        .setSupplierName("Joypurhat Lime Works")
        .setState(PurchaseOrderState.PURCHASE_ORDER_STATE_APPROVED)
        .addLines(
            PurchaseOrderLine.newBuilder()
                .setLineNo(1)
                .setItemCode("LIME")
                .setItemName("Quick lime")
                .setUnitCode("t")
                .setQuantity(dec(qty))
                .setUnitPrice(money(new BigDecimal(price)))
                .setNet(money(net))
                .setVat(money(BigDecimal.ZERO))
                .setVatRatePercent(dec("0"))
                .setReceived(dec(received))
                .setBilled(dec(billed)))
        .build();
  }

  private void failIfAsked() throws RemoteException {
    RemoteException f = nextFailure;
    if (f != null) {
      nextFailure = null;
      throw f;
    }
  }

  private static boolean matches(String code, String name, String typed) {
    String t = typed.trim().toLowerCase(Locale.ROOT);
    return code.toLowerCase(Locale.ROOT).contains(t) || name.toLowerCase(Locale.ROOT).contains(t);
  }

  @Override
  public List<Party> suppliers(String typed) {
    return suppliers.values().stream()
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
        Warehouse.newBuilder().setCode("STORES").build(),
        Warehouse.newBuilder().setCode("YARD").build());
  }

  @Override
  public BigDecimal vatRatePercent() {
    return vatRate;
  }

  @Override
  public PurchaseOrder createOrder(
      String supplierCode, LocalDate date, List<LineInput> lines, String note, String key)
      throws RemoteException {
    failIfAsked();
    sentLines.add(lines);
    Party s = suppliers.get(supplierCode);
    PurchaseOrder.Builder o =
        PurchaseOrder.newBuilder()
            .setId("po-" + (orders.size() + 1))
            .setNumber(String.format("PO-%06d", orders.size() + 1))
            .setSupplierCode(supplierCode)
            .setSupplierName(s == null ? "" : s.getName())
            .setOrderDate(date(date))
            .setState(PurchaseOrderState.PURCHASE_ORDER_STATE_DRAFT)
            .setNote(note);
    BigDecimal net = BigDecimal.ZERO;
    BigDecimal vat = BigDecimal.ZERO;
    int no = 0;
    for (LineInput l : lines) {
      Item i = items.get(l.itemCode());
      BigDecimal rate =
          i.getTaxCategory() == TaxCategory.TAX_CATEGORY_STANDARD ? vatRate : BigDecimal.ZERO;
      BigDecimal n = l.quantity().multiply(l.unitPrice()).setScale(2, RoundingMode.HALF_UP);
      BigDecimal v = n.multiply(rate).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
      net = net.add(n);
      vat = vat.add(v);
      o.addLines(
          PurchaseOrderLine.newBuilder()
              .setLineNo(++no)
              .setItemCode(i.getCode())
              .setItemName(i.getName())
              .setUnitCode(i.getUnitCode())
              .setQuantity(dec(l.quantity().toPlainString()))
              .setUnitPrice(money(l.unitPrice()))
              .setVatRatePercent(dec(rate.toPlainString()))
              .setNet(money(n))
              .setVat(money(v))
              .setReceived(dec("0"))
              .setBilled(dec("0")));
    }
    o.setNetTotal(money(net)).setVatTotal(money(vat)).setGrossTotal(money(net.add(vat)));
    PurchaseOrder built = o.build();
    orders.put(built.getId(), built);
    return built;
  }

  @Override
  public PurchaseOrder order(String id) {
    return orders.get(id);
  }

  @Override
  public Page<PurchaseOrder> orders(String state, String supplierCode, String token, int size) {
    List<PurchaseOrder> rows =
        orders.values().stream()
            .filter(
                o -> state.isEmpty() || o.getState().name().equals("PURCHASE_ORDER_STATE_" + state))
            .toList()
            .reversed();
    return new Page<>(rows, "", rows.size());
  }

  private PurchaseOrder put(PurchaseOrder o) {
    orders.put(o.getId(), o);
    return o;
  }

  @Override
  public PurchaseOrder submit(PurchaseOrder order) throws RemoteException {
    failIfAsked();
    boolean big = new BigDecimal(order.getGrossTotal().getAmount()).compareTo(threshold) > 0;
    return put(
        order.toBuilder()
            .setState(
                big
                    ? PurchaseOrderState.PURCHASE_ORDER_STATE_AWAITING_APPROVAL
                    : PurchaseOrderState.PURCHASE_ORDER_STATE_APPROVED)
            .setSubmittedBy("stores")
            .setDecidedBy(big ? "" : "stores")
            .setDecisionNote(big ? "" : "Within the approval threshold of 5,00,000.00")
            .build());
  }

  @Override
  public PurchaseOrder approve(PurchaseOrder order, String note) throws RemoteException {
    failIfAsked();
    decisions.add("approve " + order.getNumber() + " " + note);
    return put(
        order.toBuilder()
            .setState(PurchaseOrderState.PURCHASE_ORDER_STATE_APPROVED)
            .setDecidedBy("admin")
            .build());
  }

  @Override
  public PurchaseOrder reject(PurchaseOrder order, String reason) throws RemoteException {
    failIfAsked();
    decisions.add("reject " + order.getNumber() + " " + reason);
    return put(
        order.toBuilder()
            .setState(PurchaseOrderState.PURCHASE_ORDER_STATE_REJECTED)
            .setDecidedBy("admin")
            .setDecisionNote(reason)
            .build());
  }

  @Override
  public GoodsReceipt receive(
      String orderId, String warehouseCode, LocalDate date, List<ReceiptInput> lines, String key)
      throws RemoteException {
    failIfAsked();
    sentReceipts.add(lines);
    return GoodsReceipt.newBuilder()
        .setId("gr-1")
        .setNumber("GR-000001")
        .setOrderId(orderId)
        .setWarehouseCode(warehouseCode)
        .setValue(money(BigDecimal.ONE))
        .build();
  }

  @Override
  public SupplierBill bill(
      String orderId, String supplierInvoice, LocalDate date, List<BillInput> lines, String key)
      throws RemoteException {
    failIfAsked();
    sentBills.add(lines);
    return SupplierBill.newBuilder()
        .setId("bill-1")
        .setNumber("BILL-000001")
        .setSupplierInvoice(supplierInvoice)
        .setGross(money(BigDecimal.TEN))
        .build();
  }

  @Override
  public List<SupplierBill> openBills(String supplierCode) {
    return List.copyOf(openBills);
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
    failIfAsked();
    sentAllocations.add(allocations);
    return SupplierPayment.newBuilder()
        .setId("pay-1")
        .setNumber("SP-000001")
        .setAmount(money(amount))
        .setJournalEntryNumber("JV-000009")
        .build();
  }
}
