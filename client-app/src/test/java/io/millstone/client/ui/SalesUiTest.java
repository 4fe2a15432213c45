package io.millstone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.inventory.v1.Move;
import io.millstone.api.inventory.v1.OnHand;
import io.millstone.api.sales.v1.SalesOrder;
import io.millstone.client.remote.CertificatePins;
import io.millstone.client.remote.ChannelFactory;
import io.millstone.client.remote.ServerAddress;
import io.millstone.client.remote.Session;
import io.millstone.client.remote.SignIn;
import io.millstone.client.remote.StockFixture;
import io.millstone.client.support.LiveServer;
import io.millstone.client.support.UiTest;
import io.millstone.server.masterdata.ItemAdmin;
import io.millstone.server.masterdata.PartyAdmin;
import io.millstone.server.masterdata.model.Item.Kind;
import io.millstone.server.masterdata.model.Item.TaxCategory;
import io.millstone.server.platform.Actor;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The sales office sells sugar and molasses from the keyboard, the goods leave the godown, the tax
 * invoice shows its VAT, the stock goes down and the books still balance; against a real server.
 */
class SalesUiTest extends UiTest {
  static LiveServer server;
  static UUID company;
  static String admin;

  @BeforeAll
  static void millWithSugarInTheGodown() throws Exception {
    server = LiveServer.shared();
    company = server.createCompany("Karnaphuli Sugar Mills Ltd");
    admin = server.createUser(company, server.fresh("admin"), "admin");
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
        "MOL-B",
        new ItemAdmin.Input(
            "Molasses, grade B", "t", Kind.BY_PRODUCT, "12000.00", "BDT", TaxCategory.EXEMPT));
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
            "5000000",
            "BDT",
            30));
    customers.create(
        actor,
        null,
        "C-CORNER",
        new PartyAdmin.Input(
            "Corner Tea Stall", "Chawkbazar", "+880 1711 000000", "", "100000", "BDT", 15));
    server
        .server()
        .warehouseAdmin()
        .create(
            actor, UUID.randomUUID().toString(), "GODOWN", "Sugar godown", "Mill yard", List.of());
    try (Session s = session()) {
      StockFixture.receive(s, "SUG-L30", "GODOWN", "L-07", "100", "70000");
      StockFixture.receive(s, "MOL-B", "GODOWN", "", "50", "8000");
      // receipts outside purchasing do not post; the opening value is booked by hand
      StockFixture.bookOpeningStock(s, "1210", "7400000");
    }
  }

  static Session session() throws Exception {
    return new SignIn(
            new ChannelFactory(
                new CertificatePins(Files.createTempDirectory("pins")), (s, f) -> false))
        .signIn(ServerAddress.parse(server.address()), admin, LiveServer.PASSWORD.toCharArray());
  }

  /** Today as the company writes it (dd/MM/yyyy, in Dhaka). */
  private static String today() {
    return java.time.LocalDate.now(java.time.ZoneId.of("Asia/Dhaka"))
        .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
  }

  /** How many deliveries the server holds for the order. */
  private static int deliveriesOf(String orderNumber) throws Exception {
    try (var c = server.server().platform().database().ownerDataSource().getConnection();
        var ps =
            c.prepareStatement(
                "SELECT count(*) FROM delivery d JOIN sales_order o ON o.id = d.order_id"
                    + " WHERE o.company_id = ? AND o.number = ?")) {
      ps.setObject(1, company);
      ps.setString(2, orderNumber);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private void ctrl(KeyCode key) {
    press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
  }

  private void newOrder() {
    signInAndWait(admin);
    clickWhenReady("#nav-sales-orders");
    waitUntil(() -> lookup("#salesOrders").tryQuery().isPresent());
    clickWhenReady("#newButton");
    waitUntil(() -> lookup("#customerCode").tryQuery().map(n -> n.isFocused()).orElse(false));
  }

  @Test
  void anOrderTypedAtTheKeyboardIsConfirmedDeliveredAndInvoicedWithItsVat() throws Exception {
    newOrder();

    // customer by name, chosen from the completion list
    write("dhaka");
    waitUntil(() -> lookup("#customerSuggestions").tryQuery().isPresent());
    type(KeyCode.ENTER);
    waitUntil(() -> text("#customerName").equals("Dhaka Sweets & Bakery"));
    assertThat(text("#creditLimit")).isEqualTo("Credit limit 50,00,000.00");
    waitUntil(() -> lookup("#line-0-item").query().isFocused());

    // line 1: sugar by part of its code; the price comes from the item
    write("SUG");
    waitUntil(() -> lookup("#itemSuggestions").tryQuery().isPresent());
    type(KeyCode.ENTER);
    waitUntil(() -> text("#line-0-item").equals("SUG-L30"));
    waitUntil(() -> lookup("#line-0-qty").query().isFocused());
    write("40");
    type(KeyCode.ENTER);
    waitUntil(() -> lookup("#line-0-price").query().isFocused());
    assertThat(text("#line-0-price")).isEqualTo("95000");
    type(KeyCode.ENTER);

    // line 2: molasses, price typed over the item's
    waitUntil(() -> lookup("#line-1-item").tryQuery().map(n -> n.isFocused()).orElse(false));
    write("MOL-B");
    type(KeyCode.TAB);
    waitUntil(() -> lookup("#line-1-qty").query().isFocused());
    write("10");
    type(KeyCode.TAB);
    waitUntil(() -> text("#line-1-price").equals("12000"));
    write("11500");

    // live line and VAT totals: 40 × 95,000 at 15 %, 10 × 11,500 exempt
    waitUntil(() -> text("#grossTotal").equals("44,85,000.00"));
    assertThat(text("#line-0-net")).isEqualTo("38,00,000.00");
    assertThat(text("#line-0-vat")).isEqualTo("5,70,000.00");
    assertThat(text("#line-1-vat")).isEqualTo("0.00");
    assertThat(text("#netTotal")).isEqualTo("39,15,000.00");
    assertThat(text("#vatTotal")).isEqualTo("5,70,000.00");
    assertThat(text("#figuresSource")).startsWith("Estimated here");
    screenshot("sales-order.png");

    ctrl(KeyCode.ENTER);
    waitUntil(() -> text("#orderState").equals("Confirmed"));
    assertThat(text("#orderTitle")).startsWith("SO-");
    assertThat(text("#figuresSource")).isEqualTo("Figures as the server priced the order.");
    assertThat(text("#grossTotal")).isEqualTo("44,85,000.00");

    // the stores deliver everything from the godown, the sugar from lot L-07
    clickWhenReady("#deliverButton");
    waitUntil(() -> text("#deliver-1-qty").equals("40") && text("#deliver-2-qty").equals("10"));
    waitUntil(
        () ->
            "GODOWN"
                .equals(
                    lookup("#deliveryWarehouse")
                        .queryAs(javafx.scene.control.ComboBox.class)
                        .getValue()));
    clickOn("#deliver-1-lot");
    write("L-07");
    String orderNumber = text("#deliveryView .title-3").split(" ")[1];
    // Enter in a quantity field posts nothing: no confirmation, no call, no delivery
    clickOn("#deliver-1-qty");
    type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(lookup("#postingConfirmation").tryQuery()).isEmpty();
    assertThat(lookup("#postDelivery").query().isDisabled()).isFalse();
    assertThat(deliveriesOf(orderNumber)).isZero();
    // the button asks first, saying what leaves which warehouse on which day
    clickOn("#postDelivery");
    waitUntil(() -> lookup("#postingConfirmation").tryQuery().isPresent());
    assertThat(text("#postingQuestion")).contains(orderNumber).contains("GODOWN").contains(today());
    assertThat(text("#postingDetail-0")).isEqualTo("SUG-L30 Refined sugar L-30: 40 t (lot L-07)");
    assertThat(text("#postingDetail-1")).isEqualTo("MOL-B Molasses, grade B: 10 t");
    screenshot(lookup("#postingConfirmation").query().getScene(), "delivery-confirmation.png");
    clickOn("#confirmPost");
    waitUntil(() -> text("#orderState").equals("Delivered"));
    assertThat(deliveriesOf(orderNumber)).isEqualTo(1);

    // accounts invoice it: the tax invoice with BIN, VAT and its voucher
    clickWhenReady("#invoiceButton");
    waitUntil(() -> lookup("#postingConfirmation").tryQuery().isPresent());
    String numberToBe = text("#postingQuestion").replaceAll(".*(INV-\\d{4}-\\d{5}).*", "$1");
    assertThat(text("#postingQuestion"))
        .startsWith("Post tax invoice INV-")
        .contains(" dated " + today() + " to Dhaka Sweets & Bakery for 44,85,000.00?");
    assertThat(text("#postingDetail-2"))
        .isEqualTo("Net 39,15,000.00, VAT 5,70,000.00, total 44,85,000.00");
    screenshot(lookup("#postingConfirmation").query().getScene(), "invoice-confirmation.png");
    clickOn("#confirmPost");
    waitUntil(() -> text("#invoiceNumber").startsWith("INV-"));
    assertThat(text("#invoiceNumber")).isEqualTo(numberToBe);
    assertThat(text("#invoiceBin")).isEqualTo("1234567890123");
    assertThat(text("#invoiceNet")).isEqualTo("39,15,000.00 BDT");
    assertThat(text("#invoiceVat")).isEqualTo("5,70,000.00 BDT");
    assertThat(text("#invoiceGross")).isEqualTo("44,85,000.00 BDT");
    assertThat(text("#invoiceJv")).startsWith("JV-");
    assertThat(lookup("#invoiceLines").queryAs(TableView.class).getItems()).hasSize(2);
    screenshot("invoice.png");
    String invoiceNumber = text("#invoiceNumber");

    // a first payment of ten lakh, set against the invoice
    clickWhenReady("#nav-sales-payments");
    waitUntil(() -> lookup("#paymentCustomer").tryQuery().isPresent());
    fill("#paymentCustomer", "C-DHAKA");
    type(KeyCode.ENTER);
    waitUntil(() -> lookup("#allocation-" + invoiceNumber).tryQuery().isPresent());
    fill("#paymentAmount", "1000000");
    waitUntil(() -> text("#allocation-" + invoiceNumber).equals("1000000.00"));
    assertThat(text("#allocatedText")).isEqualTo("Allocated 10,00,000.00 of 10,00,000.00");
    fill("#paymentReference", "DBBL cheque 448812");
    screenshot("payment.png");
    clickOn("#postPayment");
    waitUntil(() -> lookup("#postingConfirmation").tryQuery().isPresent());
    assertThat(text("#postingQuestion"))
        .isEqualTo("Post a payment of 10,00,000.00 from C-DHAKA by Bank, dated " + today() + "?");
    confirmPosting();
    waitUntil(() -> text("#paymentPosted").startsWith("Payment "));
    assertThat(text("#paymentPosted")).contains("of 10,00,000.00 posted with JV-");
    assertThat(text("#paymentMessage")).isEmpty();

    // the order list, narrowed by state on the server, opens the order
    clickWhenReady("#nav-sales-orders");
    @SuppressWarnings("unchecked")
    ComboBox<String> states = lookup("#stateFilter").queryAs(ComboBox.class);
    @SuppressWarnings("unchecked")
    TableView<SalesOrder> orders = lookup("#salesOrders #table").queryAs(TableView.class);
    interact(() -> states.setValue("INVOICED"));
    waitUntil(() -> orders.getItems().size() == 1 && orders.getItems().get(0) != null);
    SalesOrder invoiced = orders.getItems().get(0);
    interact(() -> states.setValue("QUOTATION"));
    waitUntil(() -> orders.getItems().isEmpty());
    interact(() -> states.setValue("INVOICED"));
    waitUntil(() -> orders.getItems().size() == 1 && orders.getItems().get(0) != null);
    assertThat(invoiced.getCustomerCode()).isEqualTo("C-DHAKA");
    assertThat(invoiced.getGrossTotal().getAmount()).startsWith("4485000");
    interact(
        () -> {
          orders.requestFocus();
          orders.getSelectionModel().select(0);
        });
    type(KeyCode.ENTER);
    waitUntil(
        () ->
            window
                .shell()
                .tabs()
                .getSelectionModel()
                .getSelectedItem()
                .getId()
                .equals("tab-sales-order-" + invoiced.getId()));

    // the stock went down: 100 - 40 t of sugar left in lot L-07
    clickWhenReady("#nav-stock-on-hand");
    waitUntil(() -> lookup("#list-stock-on-hand").tryQuery().isPresent());
    @SuppressWarnings("unchecked")
    TableView<OnHand> onHand = lookup("#list-stock-on-hand #table").queryAs(TableView.class);
    waitUntil(() -> onHand.getItems().size() == 2 && onHand.getItems().get(1) != null);
    OnHand sugar =
        onHand.getItems().stream().filter(l -> l.getItemCode().equals("SUG-L30")).findFirst().get();
    assertThat(sugar.getLot()).isEqualTo("L-07");
    assertThat(new java.math.BigDecimal(sugar.getQuantity().getValue())).isEqualByComparingTo("60");
    assertThat(new java.math.BigDecimal(sugar.getValue().getAmount()))
        .isEqualByComparingTo("4200000");
    screenshot("stock.png");

    // the item's stock ledger, newest first: the delivery, then the opening receipt
    interact(
        () -> {
          onHand.requestFocus();
          onHand.getSelectionModel().select(sugar);
        });
    type(KeyCode.ENTER);
    waitUntil(() -> lookup("#stockMoves").tryQuery().isPresent());
    @SuppressWarnings("unchecked")
    TableView<Move> moves = lookup("#stockMoves #table").queryAs(TableView.class);
    waitUntil(() -> moves.getItems().size() == 2 && moves.getItems().get(1) != null);
    assertThat(moves.getItems().get(0).getQuantity().getValue()).startsWith("-40");
    assertThat(moves.getItems().get(1).getKind()).isEqualTo("RECEIPT");

    // and the books balance
    clickWhenReady("#nav-trial-balance");
    waitUntil(() -> text("#tbVerdict").equals("Debits equal credits (BDT)."));
    assertThat(text("#tbTotalDebit")).isEqualTo(text("#tbTotalCredit"));
    assertThat(text("#tbTotalDebit")).isNotEqualTo("0.00");
    screenshot("trial-balance.png");
  }

  @Test
  void theStoresSeeOrdersAndStockButNeitherPaymentsNorTheBooks() {
    signInAndWait(server.createUser(company, server.fresh("stores"), "stores"));

    assertThat(lookup("#nav-sales-orders").tryQuery()).isPresent();
    assertThat(lookup("#nav-stock-on-hand").tryQuery()).isPresent();
    assertThat(lookup("#nav-sales-payments").tryQuery()).isEmpty();
    assertThat(lookup("#nav-trial-balance").tryQuery()).isEmpty();
  }

  @Test
  void anOrderOverTheCustomersCreditLimitIsRefusedWithTheReasonBesideConfirm() {
    newOrder();
    write("C-CORNER");
    type(KeyCode.TAB);
    waitUntil(() -> text("#customerName").equals("Corner Tea Stall"));
    clickOn("#line-0-item");
    write("SUG-L30");
    type(KeyCode.TAB);
    write("2");
    type(KeyCode.TAB);
    waitUntil(() -> text("#grossTotal").equals("2,18,500.00"));

    ctrl(KeyCode.ENTER);

    waitUntil(() -> text("#orderMessage").contains("credit limit"));
    assertThat(text("#orderMessage"))
        .contains("Corner Tea Stall (C-CORNER)")
        .as("the server groups the amounts in lakh and crore, as the company writes them")
        .contains("this order is 2,18,500.00")
        .contains("Take a payment first");
    assertThat(text("#orderState")).isEmpty();
    assertThat(lookup("#confirmOrder").query().isVisible()).isTrue();
  }
}
