package io.millstone.server.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.millstone.api.accounting.v1.ClosePeriodRequest;
import io.millstone.api.accounting.v1.GetTrialBalanceRequest;
import io.millstone.api.accounting.v1.LedgerServiceGrpc;
import io.millstone.api.accounting.v1.ListPeriodsRequest;
import io.millstone.api.accounting.v1.TrialBalance;
import io.millstone.api.accounting.v1.TrialBalanceLine;
import io.millstone.api.common.v1.Date;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.common.v1.IdempotencyKey;
import io.millstone.api.common.v1.Money;
import io.millstone.api.inventory.v1.ReceiveStockRequest;
import io.millstone.api.inventory.v1.StockLine;
import io.millstone.api.inventory.v1.StockServiceGrpc;
import io.millstone.api.masterdata.v1.ItemKind;
import io.millstone.api.masterdata.v1.TaxCategory;
import io.millstone.api.sales.v1.AllocationInput;
import io.millstone.api.sales.v1.ConfirmOrderRequest;
import io.millstone.api.sales.v1.CreateOrderRequest;
import io.millstone.api.sales.v1.CreditLineInput;
import io.millstone.api.sales.v1.Delivery;
import io.millstone.api.sales.v1.DeliveryLineInput;
import io.millstone.api.sales.v1.GetOrderRequest;
import io.millstone.api.sales.v1.GetReceivablesAgeingRequest;
import io.millstone.api.sales.v1.Invoice;
import io.millstone.api.sales.v1.InvoiceKind;
import io.millstone.api.sales.v1.ListInvoicesRequest;
import io.millstone.api.sales.v1.OrderLineInput;
import io.millstone.api.sales.v1.OrderState;
import io.millstone.api.sales.v1.Payment;
import io.millstone.api.sales.v1.PaymentMethod;
import io.millstone.api.sales.v1.PostCreditNoteRequest;
import io.millstone.api.sales.v1.PostDeliveryRequest;
import io.millstone.api.sales.v1.PostInvoiceRequest;
import io.millstone.api.sales.v1.PostPaymentRequest;
import io.millstone.api.sales.v1.SalesOrder;
import io.millstone.api.sales.v1.SalesServiceGrpc;
import io.millstone.api.sales.v1.UpdateOrderRequest;
import io.millstone.server.TestPlatform;
import io.millstone.server.TestServer;
import io.millstone.server.masterdata.MasterdataFixtures;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mill sells sugar and molasses: a quotation becomes an order, the stores deliver it in parts,
 * accounts invoice and collect. The books, the stock ledger and the receivables stay right, also
 * when many people work at once.
 */
class SalesScenarioTest {
  static TestServer t;
  static UUID mill;
  static MasterdataFixtures md;
  static SalesServiceGrpc.SalesServiceBlockingStub sales; // the sales officer
  static SalesServiceGrpc.SalesServiceBlockingStub stores; // the stores keeper
  static SalesServiceGrpc.SalesServiceBlockingStub accounts; // the accountant
  static SalesServiceGrpc.SalesServiceBlockingStub sales2; // a second sales officer
  static String salesUser;
  static LedgerServiceGrpc.LedgerServiceBlockingStub ledger;
  static StockServiceGrpc.StockServiceBlockingStub stock;
  static int codes;

  @BeforeAll
  static void start() {
    t = new TestServer();
    mill = t.createCompany("Sales Mill").id();
    String admin =
        t.login(t.createUser(mill, t.unique("sal.admin"), "admin"), TestServer.PASSWORD)
            .getSessionToken();
    md = MasterdataFixtures.of(t.channel(), admin);
    md.warehouse("GODOWN", "Sugar godown");
    salesUser = t.createUser(mill, t.unique("sal.officer"), "sales");
    sales = t.as(salesUser, SalesServiceGrpc.newBlockingStub(t.channel()));
    sales2 =
        t.as(
            t.createUser(mill, t.unique("sal.officer2"), "sales"),
            SalesServiceGrpc.newBlockingStub(t.channel()));
    String storesUser = t.createUser(mill, t.unique("sal.stores"), "stores");
    stores = t.as(storesUser, SalesServiceGrpc.newBlockingStub(t.channel()));
    stock = t.as(storesUser, StockServiceGrpc.newBlockingStub(t.channel()));
    String accountsUser = t.createUser(mill, t.unique("sal.accounts"), "accounts");
    accounts = t.as(accountsUser, SalesServiceGrpc.newBlockingStub(t.channel()));
    ledger = t.as(accountsUser, LedgerServiceGrpc.newBlockingStub(t.channel()));
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  // ------------------------------------------------------------ fixtures

  static String sugar(String price) {
    String code = "SUG-" + (++codes);
    md.items.createItem(
        MasterdataFixtures.itemRequest(code, "Refined sugar L30")
            .setDefaultSalePrice(Money.newBuilder().setAmount(price).setCurrencyCode("BDT"))
            .build());
    return code;
  }

  static String molasses() {
    String code = "MOL-" + (++codes);
    md.items.createItem(
        MasterdataFixtures.itemRequest(code, "Molasses")
            .setKind(ItemKind.ITEM_KIND_BY_PRODUCT)
            .setDefaultSalePrice(Money.newBuilder().setAmount("12000").setCurrencyCode("BDT"))
            .setTaxCategory(TaxCategory.TAX_CATEGORY_EXEMPT)
            .build());
    return code;
  }

  static String customer(String creditLimit) {
    String code = "CUS-" + (++codes);
    md.customers.createCustomer(
        MasterdataFixtures.partyRequest(code, "Dhaka Traders " + codes)
            .setCreditLimit(Money.newBuilder().setAmount(creditLimit).setCurrencyCode("BDT"))
            .build());
    return code;
  }

  /** A customer the accounts office gave credit without a limit. */
  static String customerWithoutCreditLimit() {
    String code = "CUS-" + (++codes);
    md.customers.createCustomer(
        MasterdataFixtures.partyRequest(code, "Dhaka Traders " + codes)
            .clearCreditLimit()
            .setNoCreditLimit(true)
            .build());
    return code;
  }

  static void receive(String item, String qty, String cost, String lot) {
    stock.receiveStock(
        ReceiveStockRequest.newBuilder()
            .addLines(
                StockLine.newBuilder()
                    .setItemCode(item)
                    .setWarehouseCode("GODOWN")
                    .setLot(lot)
                    .setQuantity(dec(qty)))
            .addUnitCosts(dec(cost))
            .setReference("opening")
            .build());
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

  static OrderLineInput line(String item, String qty) {
    return OrderLineInput.newBuilder().setItemCode(item).setQuantity(dec(qty)).build();
  }

  static SalesOrder order(String customer, boolean quotation, OrderLineInput... lines) {
    var b =
        CreateOrderRequest.newBuilder()
            .setIdempotencyKey(key())
            .setCustomerCode(customer)
            .setOrderDate(day(11, 2))
            .setQuotation(quotation);
    for (var l : lines) {
      b.addLines(l);
    }
    return sales.createOrder(b.build());
  }

  static Delivery deliver(String orderId, int month, int dayOfMonth, Object... lineQtyLot) {
    var b =
        PostDeliveryRequest.newBuilder()
            .setIdempotencyKey(key())
            .setOrderId(orderId)
            .setWarehouseCode("GODOWN")
            .setDeliveryDate(day(month, dayOfMonth));
    for (int i = 0; i < lineQtyLot.length; i += 3) {
      b.addLines(
          DeliveryLineInput.newBuilder()
              .setOrderLineNo((Integer) lineQtyLot[i])
              .setQuantity(dec((String) lineQtyLot[i + 1]))
              .setLot((String) lineQtyLot[i + 2]));
    }
    return stores.postDelivery(b.build());
  }

  static Invoice invoice(String orderId, int month, int dayOfMonth) {
    return accounts.postInvoice(
        PostInvoiceRequest.newBuilder()
            .setIdempotencyKey(key())
            .setOrderId(orderId)
            .setInvoiceDate(day(month, dayOfMonth))
            .build());
  }

  static SalesOrder reread(SalesOrder o) {
    return sales.getOrder(GetOrderRequest.newBuilder().setId(o.getId()).build());
  }

  static BigDecimal amount(Money m) {
    return new BigDecimal(m.getAmount());
  }

  static TrialBalance trialBalance() {
    return ledger.getTrialBalance(GetTrialBalanceRequest.newBuilder().setAsOf(day(12, 31)).build());
  }

  /** Debit minus credit of an account in the trial balance. */
  static BigDecimal balance(String account) {
    return trialBalance().getLinesList().stream()
        .filter(l -> l.getAccountCode().equals(account))
        .map(SalesScenarioTest::net)
        .findFirst()
        .orElse(BigDecimal.ZERO);
  }

  static BigDecimal net(TrialBalanceLine l) {
    return new BigDecimal(l.getDebit().getValue())
        .subtract(new BigDecimal(l.getCredit().getValue()));
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

  // ------------------------------------------------------------ invariants

  @AfterEach
  void booksStockAndReceivablesStayRight() throws Exception {
    assertThat(
            count(
                "SELECT count(*) FROM journal_entry e WHERE (SELECT sum(debit) - sum(credit)"
                    + " FROM journal_line l WHERE l.entry_id = e.id) <> 0"))
        .as("journal entries that do not balance")
        .isZero();
    TrialBalance tb = trialBalance();
    assertThat(new BigDecimal(tb.getTotalDebit().getValue()))
        .as("the ledger's debits equal its credits")
        .isEqualByComparingTo(new BigDecimal(tb.getTotalCredit().getValue()));
    assertThat(
            count(
                "SELECT count(*) FROM stock_balance b FULL JOIN (SELECT company_id, item_id, warehouse_id, lot,"
                    + " sum(quantity) q, sum(value) v FROM stock_move GROUP BY 1, 2, 3, 4) m"
                    + " USING (company_id, item_id, warehouse_id, lot)"
                    + " WHERE coalesce(b.quantity, 0) <> coalesce(m.q, 0)"
                    + " OR coalesce(b.value, 0) <> coalesce(m.v, 0) OR b.quantity < 0"))
        .as("stock balances that differ from the sum of their moves, or are negative")
        .isZero();
    assertThat(
            count(
                "SELECT count(*) FROM company c WHERE"
                    + " (SELECT coalesce(sum(l.debit - l.credit), 0) FROM journal_line l"
                    + "   JOIN account a ON a.id = l.account_id WHERE a.company_id = c.id AND a.code = '1100')"
                    + " <> (SELECT coalesce(sum(gross - settled), 0) FROM sales_invoice s"
                    + "   WHERE s.company_id = c.id AND s.kind = 'INVOICE')"
                    // advances not yet set against an invoice are credits on the account
                    + " - (SELECT coalesce(sum(m.amount - (SELECT coalesce(sum(a.amount), 0)"
                    + "   FROM payment_allocation a WHERE a.payment_id = m.id)), 0)"
                    + "   FROM customer_payment m WHERE m.company_id = c.id)"))
        .as("companies whose receivables account differs from their open invoices less advances")
        .isZero();
    var valuation =
        stock.getStockValuation(
            io.millstone.api.inventory.v1.GetStockValuationRequest.getDefaultInstance());
    assertThat(amount(valuation.getTotal()))
        .as("the stock's value equals the inventory accounts")
        .isEqualByComparingTo(amount(valuation.getLedgerBalance()));
    assertThat(
            count(
                "SELECT count(*) FROM sales_order_line l WHERE l.delivered_qty <> (SELECT"
                    + " coalesce(sum(d.quantity), 0) FROM delivery_line d WHERE d.order_line_id = l.id)"))
        .as("order lines whose delivered quantity differs from their deliveries")
        .isZero();
  }

  // ------------------------------------------------------------ stories

  @Test
  void quotationToCashWithPartialDeliveries() {
    String sugar = sugar("95000");
    String molasses = molasses();
    String buyer = customer("5000000");
    receive(sugar, "100", "70000", "L-2611");
    receive(molasses, "50", "4000", "");
    BigDecimal arBefore = balance("1100");
    BigDecimal vatBefore = balance("2100");

    // The sales officer quotes 10 t of sugar at the list price and 5 t of molasses at a discount.
    SalesOrder quote =
        order(
            buyer,
            true,
            line(sugar, "10"),
            line(molasses, "5").toBuilder().setUnitPrice(dec("11500")).build());
    assertThat(quote.getState()).isEqualTo(OrderState.ORDER_STATE_QUOTATION);
    assertThat(quote.getNumber()).startsWith("QT-2026-");
    assertThat(quote.getLines(0).getUnitPrice().getAmount()).isEqualTo("95000.00");
    assertThat(amount(quote.getLines(0).getVat())).isEqualByComparingTo("142500"); // 15 %
    assertThat(amount(quote.getLines(1).getVat())).isZero(); // molasses is VAT exempt
    assertThat(amount(quote.getGrossTotal()))
        .isEqualByComparingTo("1150000"); // 950,000 + 142,500 + 57,500

    SalesOrder so =
        sales.confirmOrder(
            ConfirmOrderRequest.newBuilder()
                .setId(quote.getId())
                .setVersion(quote.getVersion())
                .build());
    assertThat(so.getState()).isEqualTo(OrderState.ORDER_STATE_CONFIRMED);
    assertThat(so.getNumber()).matches("SO-2026-\\d{5}");
    assertThat(so.getQuoteNumber()).isEqualTo(quote.getNumber());

    // The stores deliver 6 t of sugar from lot L-2611 first.
    Delivery first = deliver(so.getId(), 11, 5, 1, "6", "L-2611");
    assertThat(first.getNumber()).matches("DN-2026-\\d{5}");
    assertThat(amount(first.getCost())).isEqualByComparingTo("420000"); // 6 t at 70,000
    assertThat(first.getJournalEntryNumber()).startsWith("JV-2026-");
    assertThat(reread(so).getState()).isEqualTo(OrderState.ORDER_STATE_CONFIRMED);
    assertThat(reread(so).getLines(0).getDelivered().getValue()).isEqualTo("6");

    // Accounts invoice what was delivered.
    Invoice inv1 = invoice(so.getId(), 11, 6);
    assertThat(inv1.getNumber()).matches("INV-2026-\\d{5}");
    assertThat(inv1.getLinesCount()).isEqualTo(1);
    assertThat(amount(inv1.getNet())).isEqualByComparingTo("570000");
    assertThat(amount(inv1.getVat())).isEqualByComparingTo("85500");
    assertThat(amount(inv1.getGross())).isEqualByComparingTo("655500");
    assertThat(inv1.getCustomerBin()).isEqualTo("0012345678901");
    assertThat(inv1.getDueDate()).isEqualTo(day(12, 6)); // 30 days' terms

    // Nothing more to invoice until more is delivered.
    var nothing = TestServer.failure(() -> invoice(so.getId(), 11, 6));
    assertThat(nothing.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(nothing.getStatus().getDescription()).contains("Nothing on " + so.getNumber());

    // The rest goes out; the order is fully delivered, then fully invoiced.
    deliver(so.getId(), 11, 9, 1, "4", "L-2611", 2, "5", "");
    assertThat(reread(so).getState()).isEqualTo(OrderState.ORDER_STATE_DELIVERED);
    Invoice inv2 = invoice(so.getId(), 11, 9);
    assertThat(reread(so).getState()).isEqualTo(OrderState.ORDER_STATE_INVOICED);
    assertThat(amount(inv1.getGross()).add(amount(inv2.getGross())))
        .as("the invoices add up to the order")
        .isEqualByComparingTo(amount(so.getGrossTotal()));

    // The customer pays both invoices in one bank transfer.
    Payment paid =
        accounts.postPayment(
            PostPaymentRequest.newBuilder()
                .setIdempotencyKey(key())
                .setCustomerCode(buyer)
                .setPaymentDate(day(11, 20))
                .setAmount(dec("1150000"))
                .setMethod(PaymentMethod.PAYMENT_METHOD_BANK)
                .setReference("DBBL TT 4471")
                .addAllocations(
                    AllocationInput.newBuilder()
                        .setInvoiceId(inv1.getId())
                        .setAmount(dec("655500")))
                .addAllocations(
                    AllocationInput.newBuilder()
                        .setInvoiceId(inv2.getId())
                        .setAmount(dec("494500")))
                .build());
    assertThat(paid.getNumber()).matches("RV-2026-\\d{5}");
    assertThat(
            accounts
                .listInvoices(
                    ListInvoicesRequest.newBuilder()
                        .setCustomerCode(buyer)
                        .setOpenOnly(true)
                        .build())
                .getInvoicesList())
        .as("open invoices of the customer after payment")
        .isEmpty();

    // The books: receivables back where they were, output VAT is the order's VAT.
    assertThat(balance("1100")).isEqualByComparingTo(arBefore);
    assertThat(balance("2100").subtract(vatBefore)).isEqualByComparingTo("-142500");
  }

  @Test
  void aCreditNoteTakesBackPartOfAnInvoice() {
    String sugar = sugar("90000");
    String buyer = customerWithoutCreditLimit();
    receive(sugar, "20", "65000", "");
    SalesOrder so = order(buyer, false, line(sugar, "10"));
    deliver(so.getId(), 11, 10, 1, "10", "");
    Invoice inv = invoice(so.getId(), 11, 10);
    assertThat(amount(inv.getGross())).isEqualByComparingTo("1035000");

    // One tonne arrived wet; the customer is credited for it.
    Invoice cn =
        accounts.postCreditNote(
            PostCreditNoteRequest.newBuilder()
                .setIdempotencyKey(key())
                .setInvoiceId(inv.getId())
                .setCreditDate(day(11, 12))
                .setReason("1 t arrived wet")
                .addLines(CreditLineInput.newBuilder().setLineNo(1).setQuantity(dec("1")))
                .build());
    assertThat(cn.getKind()).isEqualTo(InvoiceKind.INVOICE_KIND_CREDIT_NOTE);
    assertThat(cn.getNumber()).matches("CN-2026-\\d{5}");
    // The invoice list's quick filter takes a document's number, or its start, in any case.
    assertThat(
            accounts
                .listInvoices(
                    io.millstone.api.sales.v1.ListInvoicesRequest.newBuilder()
                        .setCustomerCode(cn.getNumber().toLowerCase())
                        .build())
                .getInvoicesList())
        .extracting(Invoice::getNumber)
        .containsExactly(cn.getNumber());
    assertThat(
            accounts
                .listInvoices(
                    io.millstone.api.sales.v1.ListInvoicesRequest.newBuilder()
                        .setCustomerCode(inv.getNumber().substring(0, inv.getNumber().length() - 1))
                        .build())
                .getInvoicesList())
        .extracting(Invoice::getNumber)
        .contains(inv.getNumber())
        .allMatch(n -> n.startsWith("INV-"));
    assertThat(amount(cn.getNet())).isEqualByComparingTo("90000");
    assertThat(amount(cn.getVat())).isEqualByComparingTo("13500");
    Invoice after =
        accounts.getInvoice(
            io.millstone.api.sales.v1.GetInvoiceRequest.newBuilder().setId(inv.getId()).build());
    assertThat(amount(after.getOpen())).isEqualByComparingTo("931500");
    assertThat(after.getLines(0).getCredited().getValue()).isEqualTo("1");

    // Crediting more than is left on the line is refused beside the field, and nothing is saved.
    var tooMuch =
        TestServer.failure(
            () ->
                accounts.postCreditNote(
                    PostCreditNoteRequest.newBuilder()
                        .setIdempotencyKey(key())
                        .setInvoiceId(inv.getId())
                        .setCreditDate(day(11, 12))
                        .setReason("again")
                        .addLines(CreditLineInput.newBuilder().setLineNo(1).setQuantity(dec("9.5")))
                        .build()));
    assertThat(tooMuch.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(tooMuch.getStatus().getDescription()).contains("9 left to credit");
  }

  @Test
  void aBanglaClientIsRefusedCreditInBanglaWithTheSameFigures() {
    String sugar = sugar("95000");
    String buyer = customer("100000");
    io.grpc.Metadata bangla = new io.grpc.Metadata();
    bangla.put(
        io.grpc.Metadata.Key.of("accept-language", io.grpc.Metadata.ASCII_STRING_MARSHALLER), "bn");
    var refused =
        TestServer.failure(
            () ->
                sales
                    .withInterceptors(
                        io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(bangla))
                    .createOrder(
                        CreateOrderRequest.newBuilder()
                            .setIdempotencyKey(key())
                            .setCustomerCode(buyer)
                            .setOrderDate(day(11, 2))
                            .addLines(line(sugar, "1"))
                            .build()));
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(refused.getStatus().getDescription())
        .contains("(" + buyer + ")-এর ক্রেডিট সীমা 1,00,000.00")
        .contains("এই অর্ডার 1,09,250.00");
  }

  /**
   * The credit refusal a sales officer gets for 2 t of sugar at 95,000 when a customer with a limit
   * of 300,000 already has 2 t on order, in {@code language}.
   */
  static String creditRefusal(
      MasterdataFixtures fixtures,
      SalesServiceGrpc.SalesServiceBlockingStub officer,
      String language) {
    String item = "SUG-" + (++codes);
    fixtures.items.createItem(
        MasterdataFixtures.itemRequest(item, "Refined sugar L30")
            .setDefaultSalePrice(Money.newBuilder().setAmount("95000").setCurrencyCode("BDT"))
            .build());
    String buyer = "CUS-" + (++codes);
    fixtures.customers.createCustomer(
        MasterdataFixtures.partyRequest(buyer, "Dhaka Traders " + codes)
            .setCreditLimit(Money.newBuilder().setAmount("300000").setCurrencyCode("BDT"))
            .build());
    CreateOrderRequest twoTonnes =
        CreateOrderRequest.newBuilder()
            .setOrderDate(day(11, 2))
            .setCustomerCode(buyer)
            .addLines(line(item, "2"))
            .buildPartial();
    officer.createOrder(twoTonnes.toBuilder().setIdempotencyKey(key()).build());
    io.grpc.Metadata h = new io.grpc.Metadata();
    h.put(
        io.grpc.Metadata.Key.of("accept-language", io.grpc.Metadata.ASCII_STRING_MARSHALLER),
        language);
    var refused =
        TestServer.failure(
            () ->
                officer
                    .withInterceptors(io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(h))
                    .createOrder(twoTonnes.toBuilder().setIdempotencyKey(key()).build()));
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    return refused.getStatus().getDescription();
  }

  @Test
  void theCreditRefusalGroupsAmountsAsTheCompanyWritesThem() {
    // The mill, a BDT company, writes lakh and crore.
    assertThat(creditRefusal(md, sales, "en"))
        .contains("credit limit of 3,00,000.00;")
        .contains("open orders (2,18,500.00) leave 81,500.00, and this order is 2,18,500.00.");
    assertThat(creditRefusal(md, sales, "bn"))
        .contains("-এর ক্রেডিট সীমা 3,00,000.00;")
        .contains("খোলা অর্ডার (2,18,500.00) বাদে বাকি থাকে 81,500.00, আর এই অর্ডার 2,18,500.00।");

    // A company that writes amounts the Western way.
    UUID western = t.createCompany(t.unique("Western Mill")).id();
    var admin = t.server().companyAdmin();
    var read = admin.get(io.millstone.server.platform.Actor.system(western, "test"));
    admin.update(
        io.millstone.server.platform.Actor.system(western, "test"),
        read.settings(),
        new io.millstone.server.identity.model.DisplayFormats("WESTERN", null),
        read.version());
    MasterdataFixtures westernMd =
        MasterdataFixtures.of(
            t.channel(),
            t.login(t.createUser(western, t.unique("west.admin"), "admin"), TestServer.PASSWORD)
                .getSessionToken());
    var westernSales =
        t.as(
            t.createUser(western, t.unique("west.sales"), "sales"),
            SalesServiceGrpc.newBlockingStub(t.channel()));
    assertThat(creditRefusal(westernMd, westernSales, "en"))
        .contains("credit limit of 300,000.00;")
        .contains("open orders (218,500.00) leave 81,500.00, and this order is 218,500.00.");
    assertThat(creditRefusal(westernMd, westernSales, "bn"))
        .contains("-এর ক্রেডিট সীমা 300,000.00;")
        .contains("আর এই অর্ডার 218,500.00।");
  }

  @Test
  void aZeroCreditLimitGivesNoCreditWhileNoLimitIsTheAccountsOfficesExplicitChoice() {
    String sugar = sugar("95000");
    String cashOnly = customer("0");
    var refused = TestServer.failure(() -> order(cashOnly, false, line(sugar, "1")));
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(refused.getStatus().getDescription())
        .contains("credit limit of 0.00")
        .contains("this order is 1,09,250.00");
    assertThat(order(customerWithoutCreditLimit(), false, line(sugar, "1")).getState())
        .isEqualTo(OrderState.ORDER_STATE_CONFIRMED);
  }

  @Test
  void anOrderAboveTheCreditLimitIsRefusedWithTheFigures() {
    String sugar = sugar("95000");
    String buyer = customer("300000");
    // 2 t: 190,000 + 28,500 VAT fits the limit.
    order(buyer, false, line(sugar, "2"));
    // Another 2 t would take the customer to 437,000.
    var refused = TestServer.failure(() -> order(buyer, false, line(sugar, "2")));
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(refused.getStatus().getDescription())
        .contains("credit limit of 3,00,000.00")
        .contains("open orders (2,18,500.00)")
        .contains("leave 81,500.00")
        .contains("this order is 2,18,500.00");
    // A quotation does not use credit; confirming it checks.
    SalesOrder quote = order(buyer, true, line(sugar, "2"));
    var confirm =
        TestServer.failure(
            () ->
                sales.confirmOrder(
                    ConfirmOrderRequest.newBuilder()
                        .setId(quote.getId())
                        .setVersion(quote.getVersion())
                        .build()));
    assertThat(confirm.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(reread(quote).getState()).isEqualTo(OrderState.ORDER_STATE_QUOTATION);
  }

  @Test
  void aClosedPeriodRefusesTheInvoiceAndTheNumberIsNotUsedUp() throws Exception {
    String sugar = sugar("95000");
    String buyer = customerWithoutCreditLimit();
    receive(sugar, "5", "70000", "");
    SalesOrder so = order(buyer, false, line(sugar, "1"));
    deliver(so.getId(), 8, 20, 1, "1", "");
    var august =
        ledger.listPeriods(ListPeriodsRequest.getDefaultInstance()).getPeriodsList().stream()
            .filter(p -> p.getStartDate().equals(day(8, 1)))
            .findFirst()
            .orElseThrow();
    ledger.closePeriod(ClosePeriodRequest.newBuilder().setId(august.getId()).build());
    long invoicesBefore = count("SELECT count(*) FROM sales_invoice WHERE company_id = ?", mill);

    var refused = TestServer.failure(() -> invoice(so.getId(), 8, 31));
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(refused.getStatus().getDescription()).contains("August 2026").contains("is closed");
    assertThat(count("SELECT count(*) FROM sales_invoice WHERE company_id = ?", mill))
        .isEqualTo(invoicesBefore);

    // Invoiced in November instead; the tax invoice series has no gap.
    Invoice inv = invoice(so.getId(), 11, 23);
    assertThat(inv.getNumber()).isEqualTo(String.format("INV-2026-%05d", invoicesBefore(inv)));
  }

  /** The number an invoice must have if its series is gapless: one more than those before it. */
  static long invoicesBefore(Invoice inv) throws Exception {
    return count(
        "SELECT count(*) FROM sales_invoice WHERE company_id = ? AND kind = 'INVOICE' AND number <= ?",
        mill,
        inv.getNumber());
  }

  @Test
  void parallelDeliveriesOfTheLastTonnesNeverTakeStockBelowZero() throws Exception {
    String sugar = sugar("95000");
    String buyer = customerWithoutCreditLimit();
    receive(sugar, "10", "70000", "");
    List<SalesOrder> orders = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      orders.add(order(buyer, false, line(sugar, "1")));
    }
    List<Callable<Status.Code>> jobs = new ArrayList<>();
    for (SalesOrder o : orders) {
      jobs.add(
          () -> {
            try {
              deliver(o.getId(), 11, 15, 1, "1", "");
              return Status.Code.OK;
            } catch (StatusRuntimeException e) {
              assertThat(e.getStatus().getDescription()).contains("Not enough stock of " + sugar);
              return e.getStatus().getCode();
            }
          });
    }
    List<Status.Code> codes = runAll(jobs);
    assertThat(codes.stream().filter(c -> c == Status.Code.OK)).hasSize(10);
    assertThat(codes.stream().filter(c -> c == Status.Code.FAILED_PRECONDITION)).hasSize(6);
    assertThat(
            count(
                "SELECT count(*) FROM delivery d JOIN sales_order o ON o.id = d.order_id"
                    + " JOIN party p ON p.id = o.customer_id WHERE p.code = ? AND p.company_id = ?",
                buyer,
                mill))
        .as("deliveries saved")
        .isEqualTo(10);
  }

  @Test
  void fiftyParallelCreatesWithOneKeyMakeOneOrderAndARetryGetsItBack() throws Exception {
    String sugar = sugar("95000");
    String buyer = customerWithoutCreditLimit();
    CreateOrderRequest req =
        CreateOrderRequest.newBuilder()
            .setIdempotencyKey(key())
            .setCustomerCode(buyer)
            .setOrderDate(day(11, 16))
            .addLines(line(sugar, "3"))
            .build();
    List<Callable<String>> jobs = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      jobs.add(() -> sales.createOrder(req).getId() + " " + sales.createOrder(req).getNumber());
    }
    Set<String> answers = new HashSet<>(runAll(jobs));
    assertThat(answers).as("every caller got the same order").hasSize(1);
    assertThat(
            count(
                "SELECT count(*) FROM sales_order o JOIN party p ON p.id = o.customer_id"
                    + " WHERE p.code = ? AND p.company_id = ?",
                buyer,
                mill))
        .isEqualTo(1);
    // The reply to the first create was lost; the client retries later with the same key.
    SalesOrder retried = sales.createOrder(req);
    assertThat(retried.getId() + " " + retried.getNumber()).isEqualTo(answers.iterator().next());
    // The same key for a different order is refused.
    var reused =
        TestServer.failure(
            () -> sales.createOrder(req.toBuilder().setLines(0, line(sugar, "4")).build()));
    assertThat(reused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
  }

  @Test
  void aPostedDocumentAnswersExactlyWhatIsStored() {
    // Create, delivery and invoice answer from what they wrote; a retry with the same key reads
    // the stored document back. Both answers must be the same to the last field.
    String sugar = sugar("95000");
    String molasses = molasses();
    String buyer = customerWithoutCreditLimit();
    receive(sugar, "20", "70000", "L-1");
    receive(sugar, "20", "70000", "L-2");
    receive(molasses, "20", "4000", "");
    CreateOrderRequest create =
        CreateOrderRequest.newBuilder()
            .setIdempotencyKey(key())
            .setCustomerCode(buyer)
            .setOrderDate(day(11, 20))
            .setNote("  by the north gate ")
            .addLines(line(sugar, "7.125"))
            .addLines(line(molasses, "3").toBuilder().setUnitPrice(dec("11500.5")))
            .build();
    SalesOrder so = sales.createOrder(create);
    assertThat(sales.createOrder(create)).isEqualTo(so);
    assertThat(reread(so)).isEqualTo(so);

    PostDeliveryRequest delivery =
        PostDeliveryRequest.newBuilder()
            .setIdempotencyKey(key())
            .setOrderId(so.getId())
            .setWarehouseCode("godown")
            .setDeliveryDate(day(11, 21))
            .addLines(
                DeliveryLineInput.newBuilder().setOrderLineNo(2).setQuantity(dec("3")).setLot(""))
            .addLines(
                DeliveryLineInput.newBuilder()
                    .setOrderLineNo(1)
                    .setQuantity(dec("2.125"))
                    .setLot("L-2"))
            .addLines(
                DeliveryLineInput.newBuilder()
                    .setOrderLineNo(1)
                    .setQuantity(dec("5"))
                    .setLot("L-1"))
            .build();
    Delivery d = stores.postDelivery(delivery);
    assertThat(d.getLinesCount()).isEqualTo(3);
    assertThat(d.getJournalEntryNumber()).matches("JV-2026-\\d{5}");
    assertThat(stores.postDelivery(delivery)).isEqualTo(d);

    PostInvoiceRequest invoice =
        PostInvoiceRequest.newBuilder()
            .setIdempotencyKey(key())
            .setOrderId(so.getId())
            .setInvoiceDate(day(11, 22))
            .build();
    Invoice inv = accounts.postInvoice(invoice);
    assertThat(inv.getNumber()).matches("INV-2026-\\d{5}");
    assertThat(accounts.postInvoice(invoice)).isEqualTo(inv);
  }

  @Test
  void twoPeopleEditTheSameOrderAndTheSecondIsToldWhoChangedIt() {
    String sugar = sugar("95000");
    String buyer = customerWithoutCreditLimit();
    SalesOrder read = order(buyer, true, line(sugar, "3"));
    SalesOrder mine =
        sales.updateOrder(
            UpdateOrderRequest.newBuilder()
                .setId(read.getId())
                .setVersion(read.getVersion())
                .addLines(line(sugar, "4"))
                .setNote("4 t, customer called")
                .build());
    assertThat(amount(mine.getNetTotal())).isEqualByComparingTo("380000");
    var theirs =
        TestServer.failure(
            () ->
                sales2.updateOrder(
                    UpdateOrderRequest.newBuilder()
                        .setId(read.getId())
                        .setVersion(read.getVersion())
                        .addLines(line(sugar, "5"))
                        .build()));
    assertThat(theirs.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
    assertThat(theirs.getStatus().getDescription())
        .contains("Order " + read.getNumber())
        .contains("changed by " + salesUser);
    assertThat(reread(read).getLines(0).getQuantity().getValue()).isEqualTo("4");
  }

  @Test
  void taxInvoiceNumbersStayGaplessUnderParallelInvoicing() throws Exception {
    String sugar = sugar("95000");
    String buyer = customerWithoutCreditLimit();
    receive(sugar, "12", "70000", "");
    List<SalesOrder> orders = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      SalesOrder o = order(buyer, false, line(sugar, "1"));
      deliver(o.getId(), 11, 18, 1, "1", "");
      orders.add(o);
    }
    List<Callable<String>> jobs = new ArrayList<>();
    for (SalesOrder o : orders) {
      jobs.add(() -> invoice(o.getId(), 11, 18).getNumber());
    }
    runAll(jobs);
    // Across the whole company: numbers 1..n with none missing and none twice.
    assertThat(
            count(
                "SELECT count(*) FROM (SELECT row_number() OVER (ORDER BY number) n, number FROM sales_invoice"
                    + " WHERE company_id = ? AND kind = 'INVOICE') s"
                    + " WHERE s.number <> 'INV-2026-' || lpad(s.n::text, 5, '0')",
                mill))
        .as("invoice numbers out of sequence")
        .isZero();
  }

  @Test
  void theAgeingShowsWhatIsOverdue() {
    String sugar = sugar("10000");
    String buyer = customerWithoutCreditLimit();
    receive(sugar, "2", "5000", "");
    SalesOrder so = order(buyer, false, line(sugar, "1"));
    deliver(so.getId(), 9, 1, 1, "1", "");
    invoice(so.getId(), 9, 1); // due 1 October
    var ageing =
        accounts.getReceivablesAgeing(
            GetReceivablesAgeingRequest.newBuilder().setAsOf(day(11, 15)).build());
    var row =
        ageing.getRowsList().stream()
            .filter(r -> r.getCustomerCode().equals(buyer))
            .findFirst()
            .orElseThrow();
    assertThat(amount(row.getDays3160())).isEqualByComparingTo("11500"); // 45 days late
    assertThat(amount(row.getTotal())).isEqualByComparingTo("11500");
  }

  @Test
  void theVatSummaryAndTheGeneralLedgerShowWhatWasPosted() throws Exception {
    String sugar = sugar("50000");
    String buyer = customerWithoutCreditLimit();
    receive(sugar, "3", "30000", "");
    SalesOrder so = order(buyer, false, line(sugar, "2"));
    deliver(so.getId(), 10, 7, 1, "2", "");
    Invoice inv = invoice(so.getId(), 10, 8);
    var vat =
        ledger.getVatSummary(
            io.millstone.api.accounting.v1.GetVatSummaryRequest.newBuilder()
                .setFrom(day(10, 1))
                .setTo(day(10, 31))
                .build());
    assertThat(vat.getMonthsList()).hasSize(1);
    BigDecimal expected =
        new BigDecimal(
            count(
                "SELECT coalesce(sum(CASE kind WHEN 'INVOICE' THEN vat ELSE -vat END), 0)::bigint"
                    + " FROM sales_invoice WHERE company_id = ? AND invoice_date BETWEEN '2026-10-01' AND '2026-10-31'",
                mill));
    assertThat(new BigDecimal(vat.getOutputVat().getValue()))
        .as("October's output VAT is the VAT of October's invoices")
        .isEqualByComparingTo(expected)
        .isGreaterThanOrEqualTo(amount(inv.getVat()));
    assertThat(new BigDecimal(vat.getNetPayable().getValue()))
        .isEqualByComparingTo(
            new BigDecimal(vat.getOutputVat().getValue())
                .subtract(new BigDecimal(vat.getInputVat().getValue())));

    var gl =
        ledger.getGeneralLedger(
            io.millstone.api.accounting.v1.GetGeneralLedgerRequest.newBuilder()
                .setAccountCode("1100")
                .setFrom(day(10, 8))
                .setTo(day(10, 8))
                .build());
    assertThat(gl.getLinesList())
        .anySatisfy(
            l -> {
              assertThat(l.getSource()).isEqualTo("INVOICE");
              assertThat(new BigDecimal(l.getDebit().getValue()))
                  .isEqualByComparingTo(amount(inv.getGross()));
            });
    BigDecimal last = new BigDecimal(gl.getLines(gl.getLinesCount() - 1).getBalance().getValue());
    assertThat(new BigDecimal(gl.getClosingBalance().getValue())).isEqualByComparingTo(last);
  }

  @Test
  void theOrderListPagesNewestFirstWithoutRepeatsAndRefusesAForgedToken() {
    String sugar = sugar("1000");
    String buyer = customerWithoutCreditLimit();
    Set<String> made = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      made.add(order(buyer, true, line(sugar, "1")).getId());
    }
    List<String> seen = new ArrayList<>();
    String token = "";
    int pages = 0;
    do {
      var page =
          sales.listOrders(
              io.millstone.api.sales.v1.ListOrdersRequest.newBuilder()
                  .setCustomerCode(buyer)
                  .setPage(
                      io.millstone.api.common.v1.PageRequest.newBuilder()
                          .setPageSize(2)
                          .setPageToken(token))
                  .build());
      page.getOrdersList().forEach(o -> seen.add(o.getId()));
      token = page.getPage().getNextPageToken();
      pages++;
    } while (!token.isEmpty() && pages < 10);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(made);
    var forged =
        TestServer.failure(
            () ->
                sales.listOrders(
                    io.millstone.api.sales.v1.ListOrdersRequest.newBuilder()
                        .setPage(
                            io.millstone.api.common.v1.PageRequest.newBuilder()
                                .setPageToken("bm90LWEtZGF0ZR9ub3QtYW4taWQ"))
                        .build()));
    assertThat(forged.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
  }

  static <T> List<T> runAll(List<Callable<T>> jobs) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs.size(), 16));
    try {
      List<T> out = new ArrayList<>();
      for (Future<T> f : pool.invokeAll(jobs)) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  static PostPaymentRequest.Builder advance(String customer, String amount) {
    return PostPaymentRequest.newBuilder()
        .setIdempotencyKey(key())
        .setCustomerCode(customer)
        .setPaymentDate(day(11, 1))
        .setAmount(dec(amount))
        .setOnAccount(true);
  }

  static io.millstone.api.sales.v1.ApplyAdvanceRequest apply(
      Payment advance, Invoice inv, String amount) {
    return io.millstone.api.sales.v1.ApplyAdvanceRequest.newBuilder()
        .setIdempotencyKey(key())
        .setPaymentId(advance.getId())
        .addAllocations(
            AllocationInput.newBuilder().setInvoiceId(inv.getId()).setAmount(dec(amount)))
        .build();
  }

  static StatusRuntimeException refusal(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    return org.assertj.core.api.Assertions.catchThrowableOfType(StatusRuntimeException.class, call);
  }

  @Test
  void anAdvanceIsReceivedBeforeTheInvoiceAndSetAgainstItLater() {
    String sugar = sugar("10000");
    String buyer = customerWithoutCreditLimit();
    receive(sugar, "5", "5000", "");
    Payment adv = accounts.postPayment(advance(buyer, "15000").build());
    assertThat(amount(adv.getUnapplied())).isEqualByComparingTo("15000");
    assertThat(adv.getAllocationsList()).isEmpty();
    var listed =
        accounts.listAdvances(
            io.millstone.api.sales.v1.ListAdvancesRequest.newBuilder()
                .setCustomerCode(buyer.toLowerCase(java.util.Locale.ROOT))
                .build());
    assertThat(listed.getPaymentsList())
        .extracting(Payment::getNumber)
        .containsExactly(adv.getNumber());

    SalesOrder so = order(buyer, false, line(sugar, "1"));
    deliver(so.getId(), 11, 3, 1, "1", "");
    Invoice inv = invoice(so.getId(), 11, 3); // 11,500 with VAT
    // More than the invoice has open is refused beside the allocation; nothing is set.
    var tooMuch = refusal(() -> accounts.applyAdvance(apply(adv, inv, "12000")));
    assertThat(io.millstone.server.identity.BadRequests.fields(tooMuch))
        .containsExactly("allocations[0].amount");
    Payment applied = accounts.applyAdvance(apply(adv, inv, "11500"));
    assertThat(amount(applied.getUnapplied())).isEqualByComparingTo("3500");
    assertThat(applied.getAllocationsList())
        .extracting(io.millstone.api.sales.v1.Allocation::getInvoiceNumber)
        .containsExactly(inv.getNumber());
    assertThat(
            amount(
                accounts
                    .getInvoice(
                        io.millstone.api.sales.v1.GetInvoiceRequest.newBuilder()
                            .setId(inv.getId())
                            .build())
                    .getOpen()))
        .isZero();
    // What is left: more than that is refused on the whole allocation.
    SalesOrder so2 = order(buyer, false, line(sugar, "1"));
    deliver(so2.getId(), 11, 4, 1, "1", "");
    Invoice inv2 = invoice(so2.getId(), 11, 4);
    var overAdvance = refusal(() -> accounts.applyAdvance(apply(adv, inv2, "4000")));
    assertThat(io.millstone.server.identity.BadRequests.fields(overAdvance))
        .containsExactly("allocations");
    accounts.applyAdvance(apply(adv, inv2, "3500"));
    assertThat(
            accounts
                .listAdvances(
                    io.millstone.api.sales.v1.ListAdvancesRequest.newBuilder()
                        .setCustomerCode(buyer)
                        .build())
                .getPaymentsList())
        .isEmpty();
    // A payment partly set against an invoice keeps the rest as an advance.
    Payment part =
        accounts.postPayment(
            advance(buyer, "10000")
                .addAllocations(
                    AllocationInput.newBuilder().setInvoiceId(inv2.getId()).setAmount(dec("8000")))
                .build());
    assertThat(amount(part.getUnapplied())).isEqualByComparingTo("2000");
  }

  @Test
  void advancesAreCheckedAndStayWithTheirCustomerAndCompany() {
    String buyer = customerWithoutCreditLimit();
    String other = customerWithoutCreditLimit();
    // Without on_account every taka must still be set against an invoice.
    var plain =
        refusal(() -> accounts.postPayment(advance(buyer, "100").setOnAccount(false).build()));
    assertThat(io.millstone.server.identity.BadRequests.fields(plain)).contains("allocations");
    var bad = refusal(() -> accounts.postPayment(advance(buyer, "-5").setCustomerCode("").build()));
    assertThat(io.millstone.server.identity.BadRequests.fields(bad))
        .contains("amount", "customer_code");
    var noInvoice =
        refusal(
            () ->
                accounts.applyAdvance(
                    io.millstone.api.sales.v1.ApplyAdvanceRequest.newBuilder()
                        .setPaymentId("nope")
                        .build()));
    assertThat(io.millstone.server.identity.BadRequests.fields(noInvoice))
        .contains("payment_id", "allocations");
    // Another customer's invoice is not this advance's to settle.
    String sugar = sugar("10000");
    receive(sugar, "2", "5000", "");
    SalesOrder so = order(other, false, line(sugar, "1"));
    deliver(so.getId(), 11, 3, 1, "1", "");
    Invoice theirs = invoice(so.getId(), 11, 3);
    Payment adv = accounts.postPayment(advance(buyer, "500").build());
    var notHis = refusal(() -> accounts.applyAdvance(apply(adv, theirs, "500")));
    assertThat(io.millstone.server.identity.BadRequests.fields(notHis))
        .containsExactly("allocations[0].invoice_id");
    // Another company sees neither the customer nor the advance.
    UUID elsewhere = t.createCompany("Other Sales Mill").id();
    var outsider =
        t.as(
            t.createUser(elsewhere, t.unique("sal.other"), "admin"),
            SalesServiceGrpc.newBlockingStub(t.channel()));
    assertThat(
            refusal(
                    () ->
                        outsider.listAdvances(
                            io.millstone.api.sales.v1.ListAdvancesRequest.newBuilder()
                                .setCustomerCode(buyer)
                                .build()))
                .getStatus()
                .getCode())
        .isIn(Status.Code.INVALID_ARGUMENT, Status.Code.NOT_FOUND);
    assertThat(refusal(() -> outsider.applyAdvance(apply(adv, theirs, "1"))).getStatus().getCode())
        .isEqualTo(Status.Code.NOT_FOUND);
  }
}
