package io.millstone.server.purchasing;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.millstone.api.accounting.v1.GetTrialBalanceRequest;
import io.millstone.api.accounting.v1.LedgerServiceGrpc;
import io.millstone.api.common.v1.Date;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.common.v1.IdempotencyKey;
import io.millstone.api.masterdata.v1.ItemKind;
import io.millstone.api.masterdata.v1.TaxCategory;
import io.millstone.api.purchasing.v1.BillAllocationInput;
import io.millstone.api.purchasing.v1.BillLineInput;
import io.millstone.api.purchasing.v1.CreatePurchaseOrderRequest;
import io.millstone.api.purchasing.v1.DecidePurchaseOrderRequest;
import io.millstone.api.purchasing.v1.GetPurchaseOrderRequest;
import io.millstone.api.purchasing.v1.GoodsReceipt;
import io.millstone.api.purchasing.v1.PostGoodsReceiptRequest;
import io.millstone.api.purchasing.v1.PostSupplierBillRequest;
import io.millstone.api.purchasing.v1.PostSupplierPaymentRequest;
import io.millstone.api.purchasing.v1.PurchaseLineInput;
import io.millstone.api.purchasing.v1.PurchaseOrder;
import io.millstone.api.purchasing.v1.PurchaseOrderState;
import io.millstone.api.purchasing.v1.PurchasingServiceGrpc;
import io.millstone.api.purchasing.v1.ReceiptLineInput;
import io.millstone.api.purchasing.v1.SupplierBill;
import io.millstone.server.TestPlatform;
import io.millstone.server.TestServer;
import io.millstone.server.masterdata.MasterdataFixtures;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mill buys lime and cane: the stores raise an order, a manager approves the big ones, goods
 * come in over the weighbridge, accounts enter the supplier's invoice (matched against order and
 * receipt) and pay it.
 */
class ProcureToPayScenarioTest {
  static TestServer t;
  static UUID mill;
  static MasterdataFixtures md;
  static PurchasingServiceGrpc.PurchasingServiceBlockingStub storesDesk; // raises and receives
  static PurchasingServiceGrpc.PurchasingServiceBlockingStub manager; // approves
  static PurchasingServiceGrpc.PurchasingServiceBlockingStub manager2; // a second approver
  static PurchasingServiceGrpc.PurchasingServiceBlockingStub accounts; // bills and pays
  static LedgerServiceGrpc.LedgerServiceBlockingStub ledger;
  static String managerUser;
  static int codes;

  @BeforeAll
  static void start() {
    t = new TestServer();
    mill = t.createCompany("Buying Mill").id();
    managerUser = t.createUser(mill, t.unique("buy.manager"), "admin");
    String token = t.login(managerUser, TestServer.PASSWORD).getSessionToken();
    md = MasterdataFixtures.of(t.channel(), token);
    md.warehouse("STORES", "General stores");
    manager = TestServer.withToken(token, PurchasingServiceGrpc.newBlockingStub(t.channel()));
    manager2 =
        t.as(
            t.createUser(mill, t.unique("buy.manager2"), "admin"),
            PurchasingServiceGrpc.newBlockingStub(t.channel()));
    storesDesk =
        t.as(
            t.createUser(mill, t.unique("buy.stores"), "stores"),
            PurchasingServiceGrpc.newBlockingStub(t.channel()));
    String acc = t.createUser(mill, t.unique("buy.accounts"), "accounts");
    accounts = t.as(acc, PurchasingServiceGrpc.newBlockingStub(t.channel()));
    ledger = t.as(acc, LedgerServiceGrpc.newBlockingStub(t.channel()));
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static String lime() {
    String code = "LIME-" + (++codes);
    md.items.createItem(
        MasterdataFixtures.itemRequest(code, "Quick lime")
            .setKind(ItemKind.ITEM_KIND_RAW_MATERIAL)
            .build());
    return code;
  }

  static String cane() {
    String code = "CANE-" + (++codes);
    md.items.createItem(
        MasterdataFixtures.itemRequest(code, "Sugar cane")
            .setKind(ItemKind.ITEM_KIND_RAW_MATERIAL)
            .setTaxCategory(TaxCategory.TAX_CATEGORY_EXEMPT)
            .build());
    return code;
  }

  static String supplier() {
    String code = "SUP-" + (++codes);
    md.supplier(code, "Joypurhat Lime Works " + codes);
    return code;
  }

  static Decimal dec(String v) {
    return Decimal.newBuilder().setValue(v).build();
  }

  static Date day(int m, int d) {
    return Date.newBuilder().setYear(2026).setMonth(m).setDay(d).build();
  }

  static IdempotencyKey key() {
    return IdempotencyKey.newBuilder().setValue(UUID.randomUUID().toString()).build();
  }

  static PurchaseOrder order(String supplier, String item, String qty, String price) {
    return storesDesk.createPurchaseOrder(
        CreatePurchaseOrderRequest.newBuilder()
            .setIdempotencyKey(key())
            .setSupplierCode(supplier)
            .setOrderDate(day(11, 3))
            .addLines(
                PurchaseLineInput.newBuilder()
                    .setItemCode(item)
                    .setQuantity(dec(qty))
                    .setUnitPrice(dec(price)))
            .build());
  }

  static PurchaseOrder submit(PurchaseOrder o) {
    return storesDesk.submitPurchaseOrder(
        DecidePurchaseOrderRequest.newBuilder()
            .setId(o.getId())
            .setVersion(o.getVersion())
            .build());
  }

  static GoodsReceipt receive(PurchaseOrder o, String qty) {
    return storesDesk.postGoodsReceipt(
        PostGoodsReceiptRequest.newBuilder()
            .setIdempotencyKey(key())
            .setOrderId(o.getId())
            .setWarehouseCode("STORES")
            .setReceiptDate(day(11, 4))
            .addLines(ReceiptLineInput.newBuilder().setOrderLineNo(1).setQuantity(dec(qty)))
            .build());
  }

  static SupplierBill bill(PurchaseOrder o, String invoiceNo, String qty, String price) {
    return accounts.postSupplierBill(
        PostSupplierBillRequest.newBuilder()
            .setIdempotencyKey(key())
            .setOrderId(o.getId())
            .setSupplierInvoice(invoiceNo)
            .setBillDate(day(11, 5))
            .addLines(
                BillLineInput.newBuilder()
                    .setOrderLineNo(1)
                    .setQuantity(dec(qty))
                    .setUnitPrice(dec(price)))
            .build());
  }

  static PurchaseOrder reread(PurchaseOrder o) {
    return manager.getPurchaseOrder(GetPurchaseOrderRequest.newBuilder().setId(o.getId()).build());
  }

  static BigDecimal balance(String account) {
    return ledger
        .getTrialBalance(GetTrialBalanceRequest.newBuilder().setAsOf(day(12, 31)).build())
        .getLinesList()
        .stream()
        .filter(l -> l.getAccountCode().equals(account))
        .map(
            l ->
                new BigDecimal(l.getDebit().getValue())
                    .subtract(new BigDecimal(l.getCredit().getValue())))
        .findFirst()
        .orElse(BigDecimal.ZERO);
  }

  static long count(String sql, Object... args) throws Exception {
    try (Connection c = TestPlatform.get().database().ownerDataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @AfterEach
  void payablesAndGoodsReceivedStayRight() throws Exception {
    assertThat(
            count(
                "SELECT count(*) FROM company c WHERE"
                    + " (SELECT coalesce(sum(l.credit - l.debit), 0) FROM journal_line l"
                    + "   JOIN account a ON a.id = l.account_id WHERE a.company_id = c.id AND a.code = '2000')"
                    + " <> (SELECT coalesce(sum(gross - settled), 0) FROM supplier_bill b WHERE b.company_id = c.id)"))
        .as("companies whose payables account differs from their open bills")
        .isZero();
    assertThat(
            count(
                "SELECT count(*) FROM company c WHERE"
                    + " (SELECT coalesce(sum(l.credit - l.debit), 0) FROM journal_line l"
                    + "   JOIN account a ON a.id = l.account_id WHERE a.company_id = c.id AND a.code = '2010')"
                    + " <> (SELECT coalesce(sum(round((l.received_qty - least(l.billed_qty, l.received_qty))"
                    + "   * l.unit_price, 2)), 0) FROM purchase_order_line l WHERE l.company_id = c.id)"))
        .as("companies whose goods-received-not-billed account differs from unbilled receipts")
        .isZero();
    assertThat(
            count(
                "SELECT count(*) FROM purchase_order_line l WHERE l.received_qty <> (SELECT"
                    + " coalesce(sum(r.quantity), 0) FROM goods_receipt_line r WHERE r.order_line_id = l.id)"))
        .as("order lines whose received quantity differs from their receipts")
        .isZero();
  }

  @Test
  void procureToPayWithAPartialReceiptAndASmallPriceDifference() {
    String lime = lime();
    String supplier = supplier();
    BigDecimal apBefore = balance("2000");
    BigDecimal vatInBefore = balance("1300");

    PurchaseOrder po = order(supplier, lime, "10", "5000");
    assertThat(po.getState()).isEqualTo(PurchaseOrderState.PURCHASE_ORDER_STATE_DRAFT);
    assertThat(po.getNumber()).matches("PO-2026-\\d{5}");
    assertThat(po.getGrossTotal().getAmount()).isEqualTo("57500.00");
    // 57,500 is below the 500,000 approval threshold: approved on submission.
    PurchaseOrder approved = submit(po);
    assertThat(approved.getState()).isEqualTo(PurchaseOrderState.PURCHASE_ORDER_STATE_APPROVED);
    assertThat(approved.getDecisionNote()).contains("approval threshold");

    GoodsReceipt first = receive(po, "6");
    assertThat(first.getNumber()).matches("GRN-2026-\\d{5}");
    assertThat(first.getValue().getAmount()).isEqualTo("30000.00");
    assertThat(first.getJournalEntryNumber()).startsWith("JV-");
    assertThat(balance("1200")).isGreaterThanOrEqualTo(new BigDecimal("30000"));

    SupplierBill b1 = bill(po, "JLW/2611/17", "6", "5000");
    assertThat(b1.getGross().getAmount()).isEqualTo("34500.00");
    assertThat(b1.getDueDate()).isEqualTo(day(12, 5));

    receive(po, "4");
    assertThat(reread(po).getState()).isEqualTo(PurchaseOrderState.PURCHASE_ORDER_STATE_RECEIVED);
    // 1 % above the order's price: within the 2 % tolerance; the difference goes to 5900.
    SupplierBill b2 = bill(po, "JLW/2611/18", "4", "5050");
    assertThat(b2.getNet().getAmount()).isEqualTo("20200.00");
    assertThat(reread(po).getState()).isEqualTo(PurchaseOrderState.PURCHASE_ORDER_STATE_CLOSED);
    // The bill list's quick filter takes a bill's number, in any case, as well as a supplier code.
    assertThat(
            accounts
                .listSupplierBills(
                    io.millstone.api.purchasing.v1.ListSupplierBillsRequest.newBuilder()
                        .setSupplierCode(b2.getNumber().toLowerCase())
                        .build())
                .getBillsList())
        .extracting(SupplierBill::getNumber)
        .containsExactly(b2.getNumber());

    var paid =
        accounts.postSupplierPayment(
            PostSupplierPaymentRequest.newBuilder()
                .setIdempotencyKey(key())
                .setSupplierCode(supplier)
                .setPaymentDate(day(11, 25))
                .setAmount(dec("57730"))
                .setReference("Cheque 100233")
                .addAllocations(
                    BillAllocationInput.newBuilder().setBillId(b1.getId()).setAmount(dec("34500")))
                .addAllocations(
                    BillAllocationInput.newBuilder().setBillId(b2.getId()).setAmount(dec("23230")))
                .build());
    assertThat(paid.getNumber()).matches("PV-2026-\\d{5}");
    assertThat(balance("2000")).isEqualByComparingTo(apBefore);
    assertThat(balance("1300").subtract(vatInBefore)).isEqualByComparingTo("7530"); // 4,500 + 3,030
    var vat =
        ledger.getVatSummary(
            io.millstone.api.accounting.v1.GetVatSummaryRequest.newBuilder()
                .setFrom(day(11, 1))
                .setTo(day(11, 30))
                .build());
    assertThat(new BigDecimal(vat.getInputVat().getValue()))
        .as("November's input VAT includes both bills")
        .isGreaterThanOrEqualTo(new BigDecimal("7530"));
  }

  @Test
  void aReceiptIsCheckedLikeADeliveryAndABadOneWritesNothing() throws Exception {
    PurchaseOrder po = submit(order(supplier(), lime(), "10", "5000"));
    var tooLongLot =
        PostGoodsReceiptRequest.newBuilder()
            .setIdempotencyKey(key())
            .setOrderId(po.getId())
            .setWarehouseCode("STORES")
            .setReceiptDate(day(11, 4))
            .addLines(
                ReceiptLineInput.newBuilder()
                    .setOrderLineNo(1)
                    .setQuantity(dec("1"))
                    .setLot("L".repeat(41)))
            .build();
    var e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            io.grpc.StatusRuntimeException.class, () -> storesDesk.postGoodsReceipt(tooLongLot));
    assertThat(e.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.INVALID_ARGUMENT);
    assertThat(io.millstone.server.identity.BadRequests.fields(e)).containsExactly("lines[0].lot");

    var tooMany = PostGoodsReceiptRequest.newBuilder(tooLongLot).clearLines();
    for (int i = 0; i < 201; i++) {
      tooMany.addLines(ReceiptLineInput.newBuilder().setOrderLineNo(1).setQuantity(dec("0.01")));
    }
    var e2 =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            io.grpc.StatusRuntimeException.class,
            () -> storesDesk.postGoodsReceipt(tooMany.build()));
    assertThat(io.millstone.server.identity.BadRequests.fields(e2)).containsExactly("lines");
    assertThat(count("SELECT count(*) FROM goods_receipt WHERE order_id = ?::uuid", po.getId()))
        .isZero();
  }

  @Test
  void aBigOrderWaitsForAnotherApproverAndTheDecisionIsAudited() throws Exception {
    String cane = cane();
    String grower = supplier();
    PurchaseOrder po =
        manager.createPurchaseOrder(
            CreatePurchaseOrderRequest.newBuilder()
                .setIdempotencyKey(key())
                .setSupplierCode(grower)
                .setOrderDate(day(11, 3))
                .addLines(
                    PurchaseLineInput.newBuilder()
                        .setItemCode(cane)
                        .setQuantity(dec("200"))
                        .setUnitPrice(dec("3500")))
                .build());
    PurchaseOrder waiting =
        manager.submitPurchaseOrder(
            DecidePurchaseOrderRequest.newBuilder()
                .setId(po.getId())
                .setVersion(po.getVersion())
                .build());
    assertThat(waiting.getState())
        .isEqualTo(PurchaseOrderState.PURCHASE_ORDER_STATE_AWAITING_APPROVAL);

    // Nothing can be received before approval.
    var early = TestServer.failure(() -> receive(po, "10"));
    assertThat(early.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(early.getStatus().getDescription()).contains("approved order");

    // The stores keeper may not approve at all; the submitter may not approve their own order.
    var noRight =
        TestServer.failure(
            () ->
                storesDesk.approvePurchaseOrder(
                    DecidePurchaseOrderRequest.newBuilder()
                        .setId(po.getId())
                        .setVersion(waiting.getVersion())
                        .build()));
    assertThat(noRight.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    var own =
        TestServer.failure(
            () ->
                manager.approvePurchaseOrder(
                    DecidePurchaseOrderRequest.newBuilder()
                        .setId(po.getId())
                        .setVersion(waiting.getVersion())
                        .build()));
    assertThat(own.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(own.getStatus().getDescription()).contains("another approver");

    PurchaseOrder ok =
        manager2.approvePurchaseOrder(
            DecidePurchaseOrderRequest.newBuilder()
                .setId(po.getId())
                .setVersion(waiting.getVersion())
                .setNote("Crushing season rate agreed")
                .build());
    assertThat(ok.getState()).isEqualTo(PurchaseOrderState.PURCHASE_ORDER_STATE_APPROVED);
    assertThat(ok.getDecidedBy()).isNotEqualTo(managerUser);
    assertThat(ok.getDecidedAt().getSeconds()).isPositive();
    assertThat(
            count(
                "SELECT count(*) FROM audit_event WHERE company_id = ? AND entity_id = ?"
                    + " AND action = 'purchasing.order.decide'",
                mill,
                po.getId()))
        .as("audited decisions: submitted, approved")
        .isEqualTo(2);

    // A stale approval is refused with who changed the order.
    var stale =
        TestServer.failure(
            () ->
                manager2.rejectPurchaseOrder(
                    DecidePurchaseOrderRequest.newBuilder()
                        .setId(po.getId())
                        .setVersion(waiting.getVersion())
                        .setNote("too dear")
                        .build()));
    assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
    receive(po, "200");
  }

  @Test
  void whoeverCreatedAnOrderMayNotApproveItEvenWhenSomeoneElseSubmittedIt() {
    String cane = cane();
    PurchaseOrder po =
        manager.createPurchaseOrder(
            CreatePurchaseOrderRequest.newBuilder()
                .setIdempotencyKey(key())
                .setSupplierCode(supplier())
                .setOrderDate(day(11, 4))
                .addLines(
                    PurchaseLineInput.newBuilder()
                        .setItemCode(cane)
                        .setQuantity(dec("300"))
                        .setUnitPrice(dec("3500")))
                .build());
    PurchaseOrder waiting =
        manager2.submitPurchaseOrder(
            DecidePurchaseOrderRequest.newBuilder()
                .setId(po.getId())
                .setVersion(po.getVersion())
                .build());
    assertThat(waiting.getState())
        .isEqualTo(PurchaseOrderState.PURCHASE_ORDER_STATE_AWAITING_APPROVAL);

    var own =
        TestServer.failure(
            () ->
                manager.approvePurchaseOrder(
                    DecidePurchaseOrderRequest.newBuilder()
                        .setId(po.getId())
                        .setVersion(waiting.getVersion())
                        .build()));
    assertThat(own.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(own.getStatus().getDescription())
        .contains("You created " + po.getNumber())
        .contains("another approver must approve it");
    assertThat(
            storesDesk
                .getPurchaseOrder(GetPurchaseOrderRequest.newBuilder().setId(po.getId()).build())
                .getState())
        .isEqualTo(PurchaseOrderState.PURCHASE_ORDER_STATE_AWAITING_APPROVAL);
  }

  @Test
  void aBillThatDoesNotMatchSaysWhichLineAndWhyAndIsNotPosted() throws Exception {
    String lime = lime();
    String supplier = supplier();
    PurchaseOrder po = order(supplier, lime, "10", "5000");
    submit(po);
    receive(po, "10");
    long billsBefore = count("SELECT count(*) FROM supplier_bill WHERE company_id = ?", mill);

    var tooMany = TestServer.failure(() -> bill(po, "JLW-9001", "12", "5000"));
    assertThat(tooMany.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(tooMany.getStatus().getDescription())
        .contains("line 1 (" + lime + "): billed 12 t in all, but 10 t received");

    var tooDear = TestServer.failure(() -> bill(po, "JLW-9001", "10", "5250"));
    assertThat(tooDear.getStatus().getDescription())
        .contains("price 5,250.00 is 5.0 % above the order's 5,000.00 (tolerance 2 %)");
    assertThat(count("SELECT count(*) FROM supplier_bill WHERE company_id = ?", mill))
        .isEqualTo(billsBefore);

    SupplierBill unpaid = bill(po, "JLW-9001", "10", "5000");
    var ageing =
        accounts.getPayablesAgeing(
            io.millstone.api.purchasing.v1.GetPayablesAgeingRequest.newBuilder()
                .setAsOf(day(12, 20))
                .build());
    var row =
        ageing.getRowsList().stream()
            .filter(r -> r.getSupplierCode().equals(supplier))
            .findFirst()
            .orElseThrow();
    // Billed 5 November on 30 days' terms: 15 days late on 20 December.
    assertThat(row.getDays130().getAmount()).isEqualTo(unpaid.getGross().getAmount());
    // The same supplier invoice entered again, on another order, is caught.
    PurchaseOrder other = order(supplier, lime, "1", "5000");
    submit(other);
    receive(other, "1");
    var again = TestServer.failure(() -> bill(other, "JLW-9001", "1", "5000"));
    assertThat(again.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(again.getStatus().getDescription()).contains("already entered");
  }

  static io.grpc.StatusRuntimeException refusal(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    return org.assertj.core.api.Assertions.catchThrowableOfType(
        io.grpc.StatusRuntimeException.class, call);
  }

  static DecidePurchaseOrderRequest decide(PurchaseOrder o) {
    return DecidePurchaseOrderRequest.newBuilder()
        .setId(o.getId())
        .setVersion(o.getVersion())
        .build();
  }

  @Test
  void anOrderNothingWasReceivedAgainstMayBeCancelledOnce() {
    String supplier = supplier();
    String lime = lime();
    // A draft and an approved order are cancelled; a second cancel is refused with a sentence.
    PurchaseOrder draft = order(supplier, lime, "5", "100");
    PurchaseOrder cancelled = storesDesk.cancelPurchaseOrder(decide(draft));
    assertThat(cancelled.getState()).isEqualTo(PurchaseOrderState.PURCHASE_ORDER_STATE_CANCELLED);
    PurchaseOrder approved = submit(order(supplier, lime, "5", "100"));
    assertThat(storesDesk.cancelPurchaseOrder(decide(approved)).getState())
        .isEqualTo(PurchaseOrderState.PURCHASE_ORDER_STATE_CANCELLED);
    var again = refusal(() -> storesDesk.cancelPurchaseOrder(decide(cancelled)));
    assertThat(again.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(again.getStatus().getDescription()).contains("is already cancelled");

    // Goods received: refused, and the order stays as it was.
    PurchaseOrder part = submit(order(supplier, lime, "5", "100"));
    receive(part, "2");
    PurchaseOrder before = reread(part);
    var received = refusal(() -> storesDesk.cancelPurchaseOrder(decide(before)));
    assertThat(received.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(received.getStatus().getDescription())
        .contains(before.getNumber() + " has goods received against it");
    assertThat(reread(part).getState()).isEqualTo(before.getState());
  }

  @Test
  void cancellingIsCheckedLikeAnyDecisionAndStaysInsideTheCompany() {
    PurchaseOrder o = order(supplier(), lime(), "5", "100");
    var bad =
        refusal(
            () ->
                storesDesk.cancelPurchaseOrder(
                    DecidePurchaseOrderRequest.newBuilder().setId("not-an-id").build()));
    assertThat(bad.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    var stale =
        refusal(
            () ->
                storesDesk.cancelPurchaseOrder(
                    DecidePurchaseOrderRequest.newBuilder()
                        .setId(o.getId())
                        .setVersion(o.getVersion() + 5)
                        .build()));
    assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
    // Another company's buyer does not find the order at all.
    UUID other = t.createCompany("Other Buying Mill").id();
    var outsider =
        t.as(
            t.createUser(other, t.unique("buy.other"), "admin"),
            PurchasingServiceGrpc.newBlockingStub(t.channel()));
    var foreign = refusal(() -> outsider.cancelPurchaseOrder(decide(o)));
    assertThat(foreign.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(reread(o).getState()).isEqualTo(PurchaseOrderState.PURCHASE_ORDER_STATE_DRAFT);
    // Who may not raise orders may not cancel them.
    var reader =
        t.as(
            t.createUser(mill, t.unique("buy.lab"), "lab"),
            PurchasingServiceGrpc.newBlockingStub(t.channel()));
    assertThat(refusal(() -> reader.cancelPurchaseOrder(decide(o))).getStatus().getCode())
        .isEqualTo(Status.Code.PERMISSION_DENIED);
  }
}
