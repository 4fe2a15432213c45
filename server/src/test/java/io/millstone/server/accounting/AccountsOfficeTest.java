package io.millstone.server.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.millstone.api.accounting.v1.AddStatementLinesRequest;
import io.millstone.api.accounting.v1.BankServiceGrpc;
import io.millstone.api.accounting.v1.ClosePeriodRequest;
import io.millstone.api.accounting.v1.GetGeneralLedgerRequest;
import io.millstone.api.accounting.v1.GetJournalEntryRequest;
import io.millstone.api.accounting.v1.GetReconciliationRequest;
import io.millstone.api.accounting.v1.GetVatSummaryRequest;
import io.millstone.api.accounting.v1.JournalEntry;
import io.millstone.api.accounting.v1.JournalLine;
import io.millstone.api.accounting.v1.LedgerServiceGrpc;
import io.millstone.api.accounting.v1.ListBankAccountsRequest;
import io.millstone.api.accounting.v1.ListPeriodsRequest;
import io.millstone.api.accounting.v1.MatchStatementLineRequest;
import io.millstone.api.accounting.v1.OpenFiscalYearRequest;
import io.millstone.api.accounting.v1.Period;
import io.millstone.api.accounting.v1.PostJournalEntryRequest;
import io.millstone.api.accounting.v1.Reconciliation;
import io.millstone.api.accounting.v1.ReopenPeriodRequest;
import io.millstone.api.accounting.v1.StatementLineInput;
import io.millstone.api.common.v1.Date;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.common.v1.IdempotencyKey;
import io.millstone.api.purchasing.v1.CreatePurchaseOrderRequest;
import io.millstone.api.purchasing.v1.PurchaseLineInput;
import io.millstone.api.purchasing.v1.PurchasingServiceGrpc;
import io.millstone.api.sales.v1.CreateOrderRequest;
import io.millstone.api.sales.v1.OrderLineInput;
import io.millstone.api.sales.v1.SalesServiceGrpc;
import io.millstone.server.TestServer;
import io.millstone.server.identity.BadRequests;
import io.millstone.server.masterdata.MasterdataFixtures;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The accounts office: a voucher opened from the ledger, a month closed only once nothing in it is
 * left unposted and reopened for a correction, and the bank statement matched to the books.
 */
class AccountsOfficeTest {
  static TestServer t;
  static UUID mill;
  static String admin;
  static LedgerServiceGrpc.LedgerServiceBlockingStub books;
  static BankServiceGrpc.BankServiceBlockingStub bank;

  @BeforeAll
  static void start() {
    t = new TestServer();
    mill = t.createCompany("Accounts Office Mill").id();
    String clerk = t.createUser(mill, t.unique("acc.office"), "accounts");
    admin = t.createUser(mill, t.unique("acc.admin"), "admin");
    books = t.as(clerk, LedgerServiceGrpc.newBlockingStub(t.channel()));
    bank = t.as(clerk, BankServiceGrpc.newBlockingStub(t.channel()));
    books.openFiscalYear(OpenFiscalYearRequest.newBuilder().setDate(day(2026, 7, 1)).build());
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static Date day(int y, int m, int d) {
    return Date.newBuilder().setYear(y).setMonth(m).setDay(d).build();
  }

  static Decimal dec(String v) {
    return Decimal.newBuilder().setValue(v).build();
  }

  static JournalEntry post(Date date, String drAccount, String crAccount, String amount) {
    return books.postJournalEntry(
        PostJournalEntryRequest.newBuilder()
            .setEntryDate(date)
            .setMemo("office")
            .addLines(JournalLine.newBuilder().setAccountCode(drAccount).setDebit(dec(amount)))
            .addLines(JournalLine.newBuilder().setAccountCode(crAccount).setCredit(dec(amount)))
            .build());
  }

  static Period period(int year, int month) {
    return books.listPeriods(ListPeriodsRequest.getDefaultInstance()).getPeriodsList().stream()
        .filter(p -> p.getStartDate().getYear() == year && p.getStartDate().getMonth() == month)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aLedgerLineOpensItsVoucher() {
    JournalEntry jv = post(day(2026, 8, 3), "6000", "1000", "750");
    var gl =
        books.getGeneralLedger(
            GetGeneralLedgerRequest.newBuilder()
                .setAccountCode("6000")
                .setFrom(day(2026, 8, 1))
                .setTo(day(2026, 8, 31))
                .build());
    String entryId =
        gl.getLinesList().stream()
            .filter(l -> l.getEntryNumber().equals(jv.getNumber()))
            .findFirst()
            .orElseThrow()
            .getEntryId();
    JournalEntry opened =
        books.getJournalEntry(GetJournalEntryRequest.newBuilder().setId(entryId).build());
    assertThat(opened.getNumber()).isEqualTo(jv.getNumber());
    assertThat(opened.getLinesList())
        .extracting(JournalLine::getAccountCode)
        .containsExactly("6000", "1000");

    var bad =
        TestServer.failure(
            () -> books.getJournalEntry(GetJournalEntryRequest.newBuilder().setId("nope").build()));
    assertThat(BadRequests.fields(bad)).containsExactly("id");
    var missing =
        TestServer.failure(
            () ->
                books.getJournalEntry(
                    GetJournalEntryRequest.newBuilder()
                        .setId(UUID.randomUUID().toString())
                        .build()));
    assertThat(missing.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void aClosedMonthIsReopenedForACorrectionByWhoeverMayReopen() {
    post(day(2026, 9, 10), "1000", "4900", "10");
    Period september = period(2026, 9);
    books.closePeriod(ClosePeriodRequest.newBuilder().setId(september.getId()).build());
    assertThat(
            TestServer.failure(() -> post(day(2026, 9, 30), "1000", "4900", "5"))
                .getStatus()
                .getCode())
        .isEqualTo(Status.Code.FAILED_PRECONDITION);

    var sales =
        t.as(
            t.createUser(mill, t.unique("acc.sales"), "sales"),
            LedgerServiceGrpc.newBlockingStub(t.channel()));
    var denied =
        TestServer.failure(
            () ->
                sales.reopenPeriod(
                    ReopenPeriodRequest.newBuilder().setId(september.getId()).build()));
    assertThat(denied.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);

    Period reopened =
        books.reopenPeriod(ReopenPeriodRequest.newBuilder().setId(september.getId()).build());
    assertThat(reopened.getClosed()).isFalse();
    assertThat(post(day(2026, 9, 30), "1000", "4900", "5").getNumber()).startsWith("JV-2026-");
  }

  @Test
  void reopeningNeedsAPeriodOfThisCompany() {
    var bad =
        TestServer.failure(
            () -> books.reopenPeriod(ReopenPeriodRequest.newBuilder().setId("x").build()));
    assertThat(BadRequests.fields(bad)).containsExactly("id");
    var other = t.createCompany("Another Mill").id();
    var theirs =
        t.as(
            t.createUser(other, t.unique("acc.other"), "accounts"),
            LedgerServiceGrpc.newBlockingStub(t.channel()));
    String ourOctober = period(2026, 10).getId();
    var hidden =
        TestServer.failure(
            () -> theirs.reopenPeriod(ReopenPeriodRequest.newBuilder().setId(ourOctober).build()));
    assertThat(hidden.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void aMonthWithUnpostedDocumentsIsNotClosedAndTheRefusalNamesThem() {
    String token = t.login(admin, TestServer.PASSWORD).getSessionToken();
    var md = MasterdataFixtures.of(t.channel(), token);
    md.item("AO-SUGAR", "Office sugar");
    md.customer("AO-C1", "Office customer");
    md.supplier("AO-S1", "Office supplier");
    var quote =
        TestServer.withToken(token, SalesServiceGrpc.newBlockingStub(t.channel()))
            .createOrder(
                CreateOrderRequest.newBuilder()
                    .setCustomerCode("AO-C1")
                    .setOrderDate(day(2026, 11, 4))
                    .setQuotation(true)
                    .addLines(
                        OrderLineInput.newBuilder().setItemCode("AO-SUGAR").setQuantity(dec("1")))
                    .build());
    var po =
        TestServer.withToken(token, PurchasingServiceGrpc.newBlockingStub(t.channel()))
            .createPurchaseOrder(
                CreatePurchaseOrderRequest.newBuilder()
                    .setSupplierCode("AO-S1")
                    .setOrderDate(day(2026, 11, 5))
                    .addLines(
                        PurchaseLineInput.newBuilder()
                            .setItemCode("AO-SUGAR")
                            .setQuantity(dec("2"))
                            .setUnitPrice(dec("100")))
                    .build());
    Period november = period(2026, 11);

    var refused =
        TestServer.failure(
            () ->
                books.closePeriod(ClosePeriodRequest.newBuilder().setId(november.getId()).build()));
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(refused.getStatus().getDescription())
        .contains("November 2026 (FY 2026-27) cannot be closed")
        .contains("quotation " + quote.getNumber())
        .contains("draft purchase order " + po.getNumber());
    assertThat(period(2026, 11).getClosed()).isFalse();
  }

  @Test
  void theVatSummaryShowsEachRateOfTheMonth() {
    String token = t.login(admin, TestServer.PASSWORD).getSessionToken();
    var md = MasterdataFixtures.of(t.channel(), token);
    md.item("AO-LIME", "Office lime");
    md.supplier("AO-S2", "Lime supplier");
    md.warehouse("AO-W1", "Office store", "BAY-1");
    var buy = TestServer.withToken(token, PurchasingServiceGrpc.newBlockingStub(t.channel()));
    var day = day(2026, 7, 14);
    var po =
        buy.createPurchaseOrder(
            CreatePurchaseOrderRequest.newBuilder()
                .setSupplierCode("AO-S2")
                .setOrderDate(day)
                .addLines(
                    PurchaseLineInput.newBuilder()
                        .setItemCode("AO-LIME")
                        .setQuantity(dec("2"))
                        .setUnitPrice(dec("1000")))
                .build());
    po =
        buy.submitPurchaseOrder(
            io.millstone.api.purchasing.v1.DecidePurchaseOrderRequest.newBuilder()
                .setId(po.getId())
                .setVersion(po.getVersion())
                .build());
    buy.postGoodsReceipt(
        io.millstone.api.purchasing.v1.PostGoodsReceiptRequest.newBuilder()
            .setOrderId(po.getId())
            .setWarehouseCode("AO-W1")
            .setReceiptDate(day)
            .addLines(
                io.millstone.api.purchasing.v1.ReceiptLineInput.newBuilder()
                    .setOrderLineNo(1)
                    .setQuantity(dec("2")))
            .build());
    buy.postSupplierBill(
        io.millstone.api.purchasing.v1.PostSupplierBillRequest.newBuilder()
            .setOrderId(po.getId())
            .setSupplierInvoice("AO-INV-1")
            .setBillDate(day)
            .addLines(
                io.millstone.api.purchasing.v1.BillLineInput.newBuilder()
                    .setOrderLineNo(1)
                    .setQuantity(dec("2"))
                    .setUnitPrice(dec("1000")))
            .build());

    var s =
        books.getVatSummary(
            GetVatSummaryRequest.newBuilder()
                .setFrom(day(2026, 7, 1))
                .setTo(day(2026, 7, 31))
                .build());
    assertThat(s.getMonthsList()).hasSize(1);
    assertThat(s.getMonths(0).getInputVat().getValue()).isEqualTo("300");
    assertThat(s.getMonths(0).getRatesList())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getRate().getValue()).isEqualTo("15");
              assertThat(r.getInputVat().getValue()).isEqualTo("300");
              assertThat(r.getNetPayable().getValue()).isEqualTo("-300");
            });
  }

  static Reconciliation reconciliation() {
    return bank.getReconciliation(
        GetReconciliationRequest.newBuilder()
            .setAccountCode("1010")
            .setFrom(day(2027, 2, 1))
            .setTo(day(2027, 2, 28))
            .build());
  }

  @Test
  void theBankStatementIsMatchedToTheReceiptsAndWhatIsLeftIsShownOnBothSides() {
    assertThat(
            bank.listBankAccounts(ListBankAccountsRequest.getDefaultInstance()).getAccountsList())
        .extracting(a -> a.getCode())
        .contains("1000", "1010")
        .doesNotContain("1100", "4000");
    post(day(2027, 2, 3), "1010", "4900", "25000");
    post(day(2027, 2, 9), "6000", "1010", "1200");
    String key = UUID.randomUUID().toString();
    var add =
        AddStatementLinesRequest.newBuilder()
            .setIdempotencyKey(IdempotencyKey.newBuilder().setValue(key))
            .setAccountCode("1010")
            .setFrom(day(2027, 2, 1))
            .setTo(day(2027, 2, 28))
            .addLines(
                StatementLineInput.newBuilder()
                    .setDate(day(2027, 2, 4))
                    .setReference("DEP 4471")
                    .setAmount(dec("25000")))
            .addLines(
                StatementLineInput.newBuilder()
                    .setDate(day(2027, 2, 10))
                    .setReference("CHARGES")
                    .setAmount(dec("-115")))
            .build();
    Reconciliation r = bank.addStatementLines(add);
    assertThat(bank.addStatementLines(add).getStatementLinesList())
        .as("a retry adds nothing twice")
        .hasSize(2);
    assertThat(r.getStatementLinesList()).hasSize(2);
    var deposit = r.getStatementLines(0);
    String receipt =
        r.getBookLinesList().stream()
            .filter(b -> b.getAmount().getValue().equals("25000"))
            .findFirst()
            .orElseThrow()
            .getJournalLineId();
    assertThat(deposit.getSuggestedJournalLineId()).isEqualTo(receipt);
    assertThat(r.getStatementLines(1).getSuggestedJournalLineId()).isEmpty();

    var wrong =
        TestServer.failure(
            () ->
                bank.matchStatementLine(
                    MatchStatementLineRequest.newBuilder()
                        .setStatementLineId(r.getStatementLines(1).getId())
                        .setJournalLineId(receipt)
                        .setFrom(day(2027, 2, 1))
                        .setTo(day(2027, 2, 28))
                        .build()));
    assertThat(BadRequests.fields(wrong)).containsExactly("journal_line_id");

    Reconciliation matched =
        bank.matchStatementLine(
            MatchStatementLineRequest.newBuilder()
                .setStatementLineId(deposit.getId())
                .setJournalLineId(receipt)
                .setFrom(day(2027, 2, 1))
                .setTo(day(2027, 2, 28))
                .build());
    assertThat(matched.getStatementLines(0).getMatchedEntryNumber()).startsWith("JV-");
    assertThat(matched.getUnreconciledStatement().getValue()).isEqualTo("-115");
    assertThat(matched.getUnreconciledBooks().getValue()).isEqualTo("-1200");
    var twice =
        TestServer.failure(
            () ->
                bank.matchStatementLine(
                    MatchStatementLineRequest.newBuilder()
                        .setStatementLineId(deposit.getId())
                        .setJournalLineId(receipt)
                        .setFrom(day(2027, 2, 1))
                        .setTo(day(2027, 2, 28))
                        .build()));
    assertThat(twice.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);

    var other = t.createCompany("Bank Other Mill").id();
    var theirs =
        t.as(
            t.createUser(other, t.unique("bank.other"), "accounts"),
            BankServiceGrpc.newBlockingStub(t.channel()));
    var hidden =
        TestServer.failure(
            () ->
                theirs.matchStatementLine(
                    MatchStatementLineRequest.newBuilder()
                        .setStatementLineId(r.getStatementLines(1).getId())
                        .setJournalLineId(receipt)
                        .setFrom(day(2027, 2, 1))
                        .setTo(day(2027, 2, 28))
                        .build()));
    assertThat(hidden.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(
            theirs
                .getReconciliation(
                    GetReconciliationRequest.newBuilder()
                        .setAccountCode("1010")
                        .setFrom(day(2027, 2, 1))
                        .setTo(day(2027, 2, 28))
                        .build())
                .getStatementLinesList())
        .isEmpty();
  }

  @Test
  void statementLinesThatMakeNoSenseAreRefusedAndNothingIsAdded() {
    var bad =
        TestServer.failure(
            () ->
                bank.addStatementLines(
                    AddStatementLinesRequest.newBuilder()
                        .setAccountCode("4000")
                        .setFrom(day(2027, 3, 1))
                        .setTo(day(2027, 3, 31))
                        .addLines(
                            StatementLineInput.newBuilder()
                                .setDate(day(2027, 3, 2))
                                .setAmount(dec("0")))
                        .addLines(StatementLineInput.newBuilder().setAmount(dec("12")))
                        .build()));
    assertThat(BadRequests.fields(bad))
        .containsExactlyInAnyOrder("lines[0].amount", "lines[1].date");
    var notBank =
        TestServer.failure(
            () ->
                bank.addStatementLines(
                    AddStatementLinesRequest.newBuilder()
                        .setAccountCode("4000")
                        .setFrom(day(2027, 3, 1))
                        .setTo(day(2027, 3, 31))
                        .addLines(
                            StatementLineInput.newBuilder()
                                .setDate(day(2027, 3, 2))
                                .setAmount(dec("10")))
                        .build()));
    assertThat(BadRequests.fields(notBank)).containsExactly("account_code");
    var backwards =
        TestServer.failure(
            () ->
                bank.getReconciliation(
                    GetReconciliationRequest.newBuilder()
                        .setAccountCode("1010")
                        .setFrom(day(2027, 3, 31))
                        .setTo(day(2027, 3, 1))
                        .build()));
    assertThat(BadRequests.fields(backwards)).containsExactly("to");
  }
}
