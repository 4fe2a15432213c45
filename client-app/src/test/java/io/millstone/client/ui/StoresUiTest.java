package io.millstone.client.ui;

import io.millstone.api.inventory.v1.OnHand;
import io.millstone.api.purchasing.v1.SupplierBill;
import io.millstone.api.sales.v1.Invoice;
import io.millstone.api.sales.v1.SalesOrder;
import io.millstone.client.core.AgeingView;
import io.millstone.client.purchasing.PurchasingGateway;
import io.millstone.client.remote.CertificatePins;
import io.millstone.client.remote.ChannelFactory;
import io.millstone.client.remote.Purchasing;
import io.millstone.client.remote.Sales;
import io.millstone.client.remote.ServerAddress;
import io.millstone.client.remote.Session;
import io.millstone.client.remote.SignIn;
import io.millstone.client.remote.StockFixture;
import io.millstone.client.sales.SalesGateway;
import io.millstone.client.support.LiveServer;
import io.millstone.client.support.UiTest;
import io.millstone.server.masterdata.ItemAdmin;
import io.millstone.server.masterdata.PartyAdmin;
import io.millstone.server.masterdata.model.Item.Kind;
import io.millstone.server.masterdata.model.Item.TaxCategory;
import io.millstone.server.platform.Actor;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The storekeeper receives, issues, transfers (more than is on hand is refused beside the line) and
 * counts stock, and sets a reorder level; the office reads the receivables ageing, opens a
 * customer's invoices, credits one, cancels an order, keeps part of a payment as an advance, and
 * reads the payables and a supplier's bill. Against a real server.
 */
class StoresUiTest extends UiTest {
  static LiveServer server;
  static UUID company;
  static String admin;
  static String stores;
  static SalesOrder openOrder;

  @BeforeAll
  static void millWithStockSalesAndABill() throws Exception {
    server = LiveServer.shared();
    company = server.createCompany("Rajshahi Sugar Mills Ltd");
    admin = server.createUser(company, server.fresh("admin"), "admin");
    stores = server.createUser(company, server.fresh("stores"), "stores");
    Actor actor = Actor.system(company, "test");
    ItemAdmin items = server.server().itemAdmin();
    items.create(
        actor,
        null,
        "SUG-L30",
        new ItemAdmin.Input(
            "Refined sugar L-30",
            "t",
            Kind.FINISHED_GOOD,
            "95000.00",
            "BDT",
            TaxCategory.STANDARD));
    items.create(
        actor,
        null,
        "LIME",
        new ItemAdmin.Input(
            "Quick lime", "t", Kind.RAW_MATERIAL, "0", "BDT", TaxCategory.STANDARD));
    PartyAdmin customers = server.server().customerAdmin();
    customers.create(
        actor,
        null,
        "C-DHAKA",
        new PartyAdmin.Input(
            "Dhaka Sweets & Bakery",
            "Motijheel, Dhaka",
            "+880 2 955 0000",
            "1234567890123",
            "50000000",
            "BDT",
            30));
    customers.create(
        actor,
        null,
        "C-CORNER",
        new PartyAdmin.Input(
            "Corner Tea Stall", "Chawkbazar", "+880 1711 000000", "", "5000000", "BDT", 15));
    server
        .server()
        .supplierAdmin()
        .create(
            actor,
            null,
            "S-LIME",
            new PartyAdmin.Input(
                "Joypurhat Lime Works", "Station Road", "+880 571 62000", "", "0", "BDT", 30));
    for (String[] w :
        List.of(
            new String[] {"GODOWN", "Sugar godown"}, new String[] {"STORES", "General stores"})) {
      server
          .server()
          .warehouseAdmin()
          .create(actor, UUID.randomUUID().toString(), w[0], w[1], "Mill yard", List.of());
    }
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Dhaka"));
    try (Session s = session()) {
      StockFixture.receive(s, "SUG-L30", "GODOWN", "", "100", "70000");
      StockFixture.receive(s, "LIME", "STORES", "", "20", "9000");
      StockFixture.bookOpeningStock(s, "1210", "7180000");
      Sales sales = new Sales(s);
      // An invoice 45 days old when the fiscal year allows it (ageing shows it 1-30 days late),
      // one of today, and one to the corner stall; an order nothing was delivered from.
      LocalDate old = today.minusDays(45);
      try {
        sell(sales, "C-DHAKA", "2", old);
      } catch (Exception e) {
        sell(sales, "C-DHAKA", "2", today);
      }
      sell(sales, "C-DHAKA", "1", today);
      sell(sales, "C-CORNER", "1", today);
      openOrder =
          sales.createOrder(
              "C-DHAKA",
              today,
              List.of(new SalesGateway.LineInput("SUG-L30", new BigDecimal("3"), null)),
              "",
              false,
              UUID.randomUUID().toString());
      Purchasing buy = new Purchasing(s);
      var po =
          buy.submit(
              buy.createOrder(
                  "S-LIME",
                  today,
                  List.of(
                      new PurchasingGateway.LineInput(
                          "LIME", new BigDecimal("10"), new BigDecimal("9000"))),
                  "",
                  UUID.randomUUID().toString()));
      buy.receive(
          po.getId(),
          "STORES",
          today,
          List.of(new PurchasingGateway.ReceiptInput(1, new BigDecimal("10"), "")),
          UUID.randomUUID().toString());
      buy.bill(
          po.getId(),
          "JLW-0777",
          today,
          List.of(new PurchasingGateway.BillInput(1, new BigDecimal("10"), new BigDecimal("9000"))),
          UUID.randomUUID().toString());
    }
  }

  static Invoice sell(Sales sales, String customer, String qty, LocalDate date) throws Exception {
    SalesOrder o =
        sales.createOrder(
            customer,
            date,
            List.of(new SalesGateway.LineInput("SUG-L30", new BigDecimal(qty), null)),
            "",
            false,
            UUID.randomUUID().toString());
    sales.deliver(
        o.getId(),
        "GODOWN",
        date,
        List.of(new SalesGateway.DeliveryInput(1, new BigDecimal(qty), "")),
        UUID.randomUUID().toString());
    return sales.invoice(o.getId(), date, UUID.randomUUID().toString());
  }

  static Session session() throws Exception {
    return new SignIn(
            new ChannelFactory(
                new CertificatePins(Files.createTempDirectory("pins")), (s, f) -> false))
        .signIn(ServerAddress.parse(server.address()), admin, LiveServer.PASSWORD.toCharArray());
  }

  private void choose(String query, String value) {
    @SuppressWarnings("unchecked")
    ComboBox<String> box = lookup(query).queryAs(ComboBox.class);
    waitUntil(() -> box.getItems().contains(value));
    interact(() -> box.setValue(value));
  }

  private void open(String screen, String query) {
    clickWhenReady("#nav-" + screen);
    waitUntil(() -> lookup(query).tryQuery().isPresent());
  }

  private void postAndConfirm() {
    clickOn("#postMove");
    confirmPosting();
  }

  @Test
  void theStorekeeperReceivesIssuesTransfersAndCountsStockAndSetsAReorderLevel() {
    signInAndWait(stores);

    // a receipt outside purchasing: lime found in the store, at its cost
    open("stock-receipt", "#stock-receipt");
    choose("#stock-receipt #moveWarehouse", "STORES");
    fill("#stock-receipt #moveReference", "found in store");
    fill("#stock-receipt #line-1-item", "LIME");
    fill("#stock-receipt #line-1-qty", "5");
    fill("#stock-receipt #line-1-cost", "9000");
    postAndConfirm();
    waitUntil(() -> !text("#stock-receipt #movePosted").isEmpty());

    // an issue to a production run
    open("stock-issue", "#stock-issue");
    choose("#stock-issue #moveWarehouse", "STORES");
    fill("#stock-issue #moveReference", "RUN-1");
    fill("#stock-issue #line-1-item", "LIME");
    fill("#stock-issue #line-1-qty", "3");
    postAndConfirm();
    waitUntil(() -> !text("#stock-issue #movePosted").isEmpty());

    // a transfer of more than the godown holds is refused beside the line, naming what there is
    open("stock-transfer", "#stock-transfer");
    choose("#stock-transfer #moveWarehouse", "GODOWN");
    choose("#stock-transfer #moveToWarehouse", "STORES");
    fill("#stock-transfer #moveReference", "GP-118");
    fill("#stock-transfer #line-1-item", "SUG-L30");
    fill("#stock-transfer #line-1-qty", "500");
    clickOn("#stock-transfer #line-1-qty");
    type(KeyCode.TAB);
    waitUntil(() -> lookup("#stock-transfer #moveAddLine").tryQuery().isPresent());
    clickOn("#stock-transfer #moveAddLine");
    fill("#stock-transfer #line-2-item", "LIME");
    fill("#stock-transfer #line-2-qty", "2");
    postAndConfirm();
    waitUntil(
        () ->
            text("#stock-transfer #line-1-error")
                .matches("is more than the 9\\d t of SUG-L30 on hand in Sugar godown"));
    // lime is in the stores, not the godown: that line is refused beside itself too
    waitUntil(
        () ->
            text("#stock-transfer #line-2-error")
                .equals("is more than the 0 t of LIME on hand in Sugar godown"));
    screenshot("stock-transfer.png");
    fill("#stock-transfer #line-2-item", "");
    fill("#stock-transfer #line-2-qty", "");
    fill("#stock-transfer #line-1-qty", "10");
    postAndConfirm();
    waitUntil(() -> text("#stock-transfer #movePosted").contains("2"));

    // the count of the stores starts from the books; lime is one tonne short
    open("stock-count", "#stock-count");
    choose("#stock-count #moveWarehouse", "STORES");
    waitUntil(() -> text("#stock-count #line-1-item").equals("LIME"));
    waitUntil(() -> text("#stock-count #line-1-qty").equals("32"));
    fill("#stock-count #line-1-qty", "31");
    fill("#stock-count #moveReference", "CS-12");
    screenshot("stock-count.png");
    postAndConfirm();
    waitUntil(() -> text("#stock-count #movePosted").contains("1"));
    waitUntil(() -> text("#stock-count #line-1-qty").equals("31"));

    // a reorder level for lime in the stores: the line shows it is below
    open("stock-on-hand", "#list-stock-on-hand #table");
    @SuppressWarnings("unchecked")
    TableView<OnHand> onHand = lookup("#list-stock-on-hand #table").queryAs(TableView.class);
    waitUntil(
        () ->
            onHand.getItems().stream()
                .anyMatch(
                    o ->
                        o != null
                            && o.getItemCode().equals("LIME")
                            && o.getWarehouseCode().equals("STORES")));
    interact(
        () -> {
          onHand.requestFocus();
          onHand
              .getSelectionModel()
              .select(
                  onHand.getItems().stream()
                      .filter(
                          o ->
                              o != null
                                  && o.getItemCode().equals("LIME")
                                  && o.getWarehouseCode().equals("STORES"))
                      .findFirst()
                      .get());
        });
    clickWhenReady("#setReorderLevel");
    waitUntil(() -> lookup("#textDialog").tryQuery().isPresent());
    write("40");
    type(KeyCode.ENTER);
    waitUntil(
        () ->
            onHand.getItems().stream()
                .anyMatch(
                    o ->
                        o != null
                            && o.getItemCode().equals("LIME")
                            && o.getWarehouseCode().equals("STORES")
                            && o.getBelowReorderLevel()));
    screenshot("stock-reorder.png");
  }

  @Test
  void theOfficeAgesReceivablesCreditsAnInvoiceCancelsAnOrderAndTakesAnAdvance() {
    signInAndWait(admin);

    // receivables by customer and days past due; Enter opens the customer's open invoices
    open("sales-receivables", "#receivablesView #ageingTable");
    @SuppressWarnings("unchecked")
    TableView<AgeingView.Row> ageing =
        lookup("#receivablesView #ageingTable").queryAs(TableView.class);
    waitUntil(() -> ageing.getItems().stream().anyMatch(r -> r.code().equals("C-DHAKA")));
    screenshot("ageing.png");
    interact(
        () -> {
          ageing.requestFocus();
          ageing
              .getSelectionModel()
              .select(
                  ageing.getItems().stream()
                      .filter(r -> r.code().equals("C-DHAKA"))
                      .findFirst()
                      .get());
        });
    type(KeyCode.ENTER);
    waitUntil(() -> lookup("#tab-sales-invoices-C-DHAKA").tryQuery().isPresent());
    @SuppressWarnings("unchecked")
    TableView<Invoice> invoices = lookup("#list-sales-invoices #table").queryAs(TableView.class);
    waitUntil(() -> invoices.getItems().stream().filter(i -> i != null).count() == 2);
    screenshot("invoices.png");

    // the newest invoice opens as the server holds it, and a tonne is credited
    interact(
        () -> {
          invoices.requestFocus();
          invoices.getSelectionModel().select(0);
        });
    Invoice first = invoices.getItems().get(0);
    type(KeyCode.ENTER);
    waitUntil(() -> text("#invoiceNumber").equals(first.getNumber()));
    clickWhenReady("#creditNoteButton");
    waitUntil(() -> lookup("#creditNoteView").tryQuery().isPresent());
    fill("#creditReason", "one tonne damp in transit");
    fill("#credit-1-qty", "5");
    clickOn("#postCreditNote");
    waitUntil(() -> !text("#credit-1-error").isEmpty());
    fill("#credit-1-qty", "1");
    clickOn("#postCreditNote");
    waitUntil(() -> lookup("#confirmPost").tryQuery().isPresent());
    screenshot(lookup("#confirmPost").query().getScene(), "credit-note.png");
    confirmPosting();
    waitUntil(() -> text("#invoiceNumber").startsWith("CN-"));

    // the order nothing was delivered from is cancelled
    open("sales-orders", "#salesOrders #table");
    @SuppressWarnings("unchecked")
    TableView<SalesOrder> orders = lookup("#salesOrders #table").queryAs(TableView.class);
    waitUntil(
        () ->
            orders.getItems().stream()
                .anyMatch(o -> o != null && o.getId().equals(openOrder.getId())));
    interact(
        () -> {
          orders.requestFocus();
          orders
              .getSelectionModel()
              .select(
                  orders.getItems().stream()
                      .filter(o -> o != null && o.getId().equals(openOrder.getId()))
                      .findFirst()
                      .get());
        });
    type(KeyCode.ENTER);
    waitUntil(() -> text("#orderTitle").contains(openOrder.getNumber()));
    clickWhenReady("#cancelOrder");
    confirmPosting();
    waitUntil(() -> text("#orderState").equals(window.messages().get("sales.state.cancelled")));

    // the corner stall pays more than it owes: the rest is kept as an advance
    open("sales-payments", "#paymentView");
    fill("#paymentCustomer", "C-CORNER");
    type(KeyCode.ENTER);
    waitUntil(() -> lookup("#allocations TextField").tryQuery().isPresent());
    fill("#paymentAmount", "200000");
    clickOn("#paymentOnAccount");
    clickOn("#postPayment");
    confirmPosting();
    waitUntil(() -> !text("#paymentPosted").isEmpty());
    waitUntil(() -> !text("#advancesText").isEmpty());

    // payables by supplier; Enter opens the supplier's bills, Enter a bill
    open("payables", "#payablesView #ageingTable");
    @SuppressWarnings("unchecked")
    TableView<AgeingView.Row> payables =
        lookup("#payablesView #ageingTable").queryAs(TableView.class);
    waitUntil(() -> payables.getItems().stream().anyMatch(r -> r.code().equals("S-LIME")));
    interact(
        () -> {
          payables.requestFocus();
          payables.getSelectionModel().select(0);
        });
    type(KeyCode.ENTER);
    waitUntil(() -> lookup("#tab-supplier-bills-S-LIME").tryQuery().isPresent());
    @SuppressWarnings("unchecked")
    TableView<SupplierBill> bills = lookup("#list-supplier-bills #table").queryAs(TableView.class);
    waitUntil(() -> bills.getItems().stream().anyMatch(b -> b != null));
    interact(
        () -> {
          bills.requestFocus();
          bills.getSelectionModel().select(0);
        });
    type(KeyCode.ENTER);
    waitUntil(() -> text("#bill-supplierInvoice").equals("JLW-0777"));
  }
}
