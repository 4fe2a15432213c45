package io.millstone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.purchasing.v1.PurchaseOrder;
import io.millstone.client.support.LiveServer;
import io.millstone.client.support.UiTest;
import io.millstone.server.masterdata.ItemAdmin;
import io.millstone.server.masterdata.PartyAdmin;
import io.millstone.server.masterdata.model.Item.Kind;
import io.millstone.server.masterdata.model.Item.TaxCategory;
import io.millstone.server.platform.Actor;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mill buys lime and cane against a real server: the stores type an order at the keyboard and
 * submit it (approved at once, being small), receive it into the stores; accounts enter the
 * supplier's bill (a wrong price is refused with the server's reason) and pay it. A big order waits
 * for an admin, who approves it; an admin cannot approve their own order.
 */
class PurchasingUiTest extends UiTest {
  static LiveServer server;
  static UUID company;
  static String stores;
  static String accounts;
  static String admin;

  @BeforeAll
  static void millWithASupplier() {
    server = LiveServer.shared();
    company = server.createCompany("Joypurhat Sugar Mills Ltd");
    stores = server.createUser(company, server.fresh("stores"), "stores");
    accounts = server.createUser(company, server.fresh("accounts"), "accounts");
    admin = server.createUser(company, server.fresh("admin"), "admin");
    Actor actor = Actor.system(company, "test");
    ItemAdmin items = server.server().itemAdmin();
    items.create(
        actor,
        null,
        "LIME",
        new ItemAdmin.Input(
            "Quick lime", "t", Kind.RAW_MATERIAL, "0", "BDT", TaxCategory.STANDARD));
    items.create(
        actor,
        null,
        "CANE",
        new ItemAdmin.Input("Sugar cane", "t", Kind.RAW_MATERIAL, "0", "BDT", TaxCategory.EXEMPT));
    server
        .server()
        .supplierAdmin()
        .create(
            actor,
            null,
            "S-JLW",
            new PartyAdmin.Input(
                "Joypurhat Lime Works",
                "Station Road, Joypurhat",
                "+880 571 62000",
                "",
                "0",
                "BDT",
                30));
    server
        .server()
        .warehouseAdmin()
        .create(
            actor,
            UUID.randomUUID().toString(),
            "STORES",
            "General stores",
            "Mill yard",
            List.of());
  }

  private void ctrl(KeyCode key) {
    press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
  }

  private void switchTo(String user) {
    clickWhenReady("#signOut");
    waitUntil(() -> lookup("#username").tryQuery().isPresent());
    signInAndWait(user);
  }

  private void newOrder() {
    clickWhenReady("#nav-purchase-orders");
    waitUntil(() -> lookup("#purchaseOrders").tryQuery().isPresent());
    clickWhenReady("#purchaseOrders #newButton");
    waitUntil(() -> lookup("#supplierCode").tryQuery().map(n -> n.isFocused()).orElse(false));
  }

  /** Types a line at the keyboard: item, Enter, quantity, Enter, price. */
  private void line(int index, String item, String qty, String price) {
    waitUntil(
        () -> lookup("#po-" + index + "-item").tryQuery().map(n -> n.isFocused()).orElse(false));
    write(item);
    type(KeyCode.TAB);
    waitUntil(() -> lookup("#po-" + index + "-qty").query().isFocused());
    write(qty);
    type(KeyCode.ENTER);
    waitUntil(() -> lookup("#po-" + index + "-price").query().isFocused());
    write(price);
  }

  private void openOrderFromList(String number) {
    clickWhenReady("#nav-purchase-orders");
    waitUntil(() -> lookup("#purchaseOrders #table").tryQuery().isPresent());
    @SuppressWarnings("unchecked")
    TableView<PurchaseOrder> orders = lookup("#purchaseOrders #table").queryAs(TableView.class);
    waitUntil(
        () -> orders.getItems().stream().anyMatch(o -> o != null && o.getNumber().equals(number)));
    interact(
        () -> {
          orders.requestFocus();
          orders
              .getSelectionModel()
              .select(
                  orders.getItems().stream()
                      .filter(o -> o != null && o.getNumber().equals(number))
                      .findFirst()
                      .get());
        });
    type(KeyCode.ENTER);
    waitUntil(() -> text("#poTitle").equals(number));
  }

  @Test
  void aSmallOrderIsSubmittedReceivedBilledAndPaidAndABigOneWaitsForAnAdmin() {
    signInAndWait(stores);
    newOrder();

    // the supplier by name from the completion list, then two lines by keyboard
    write("Joypurhat");
    waitUntil(() -> lookup("#supplierSuggestions").tryQuery().isPresent());
    type(KeyCode.ENTER);
    waitUntil(() -> text("#supplierName").equals("Joypurhat Lime Works"));
    line(0, "LIME", "10", "14200");
    type(KeyCode.ENTER);
    line(1, "CANE", "20", "4200");

    // a live estimate: 10 t lime at 15 % VAT, 20 t cane exempt
    waitUntil(() -> text("#poGross").equals("2,47,300.00"));
    assertThat(text("#po-0-net")).isEqualTo("1,42,000.00");
    assertThat(text("#po-0-vat")).isEqualTo("21,300.00");
    assertThat(text("#po-1-vat")).isEqualTo("0.00");
    assertThat(text("#poVat")).isEqualTo("21,300.00");
    assertThat(text("#poFiguresSource")).startsWith("Estimated here");
    screenshot("purchase-order.png");

    // submitted within the threshold: approved at once, with the server's figures
    ctrl(KeyCode.ENTER);
    waitUntil(() -> text("#poState").equals("Approved"));
    String small = text("#poTitle");
    assertThat(small).startsWith("PO-");
    assertThat(text("#poFiguresSource")).isEqualTo("Figures as the server priced the order.");
    assertThat(text("#poGross")).isEqualTo("2,47,300.00");
    assertThat(text("#poDecision")).contains("threshold");

    // the goods come in: all of it, the lime from lot L-2611
    clickWhenReady("#receiveButton");
    waitUntil(() -> text("#receive-1-qty").equals("10") && text("#receive-2-qty").equals("20"));
    waitUntil(
        () -> "STORES".equals(lookup("#receiptWarehouse").queryAs(ComboBox.class).getValue()));
    clickOn("#receive-1-lot");
    write("L-2611");
    clickOn("#postReceipt");
    confirmPosting();
    waitUntil(() -> text("#poState").equals("Received"));

    // accounts enter the supplier's bill; a price above the order's is refused with the reason
    switchTo(accounts);
    openOrderFromList(small);
    clickWhenReady("#billButton");
    waitUntil(() -> text("#bill-1-qty").equals("10") && text("#bill-1-price").equals("14200"));
    fill("#billSupplierInvoice", "JLW/2026/118");
    fill("#bill-1-price", "15500");
    clickOn("#postBill");
    confirmPosting();
    waitUntil(() -> !text("#billMessage").isEmpty());
    String refusal = text("#billMessage");
    assertThat(refusal).contains("line 1 (LIME)").contains("above the order's");
    assertThat(text("#poState")).isEqualTo("Received");
    screenshot("bill.png");
    fill("#bill-1-price", "14200");
    clickOn("#postBill");
    confirmPosting();

    // posted, the payment to the supplier opens with the bill allocated
    waitUntil(() -> lookup("#spAmount").tryQuery().isPresent());
    waitUntil(() -> lookup("#spAllocations").query().lookupAll(".text-field").size() == 1);
    fill("#spAmount", "247300");
    waitUntil(() -> text("#spAllocatedText").equals("Allocated 2,47,300.00 of 2,47,300.00"));
    fill("#spReference", "Sonali Bank cheque 771203");
    clickOn("#postSupplierPayment");
    confirmPosting();
    waitUntil(() -> text("#spPosted").startsWith("Payment "));
    assertThat(text("#spPosted")).contains("of 2,47,300.00 posted with JV-");
    waitUntil(() -> text("#spMessage").equals("S-JLW has no open bills."));

    // a big order from the stores waits for approval
    switchTo(stores);
    newOrder();
    write("S-JLW");
    type(KeyCode.ENTER);
    waitUntil(() -> text("#supplierName").equals("Joypurhat Lime Works"));
    line(0, "LIME", "100", "14200");
    waitUntil(() -> text("#poGross").equals("16,33,000.00"));
    ctrl(KeyCode.ENTER);
    waitUntil(() -> text("#poState").equals("Awaiting approval"));
    String big = text("#poTitle");
    assertThat(text("#poDecision"))
        .isEqualTo("Submitted by " + stores + "; waits for an approver.");

    // an admin approves it from the queue
    switchTo(admin);
    clickWhenReady("#nav-purchase-approvals");
    @SuppressWarnings("unchecked")
    TableView<PurchaseOrder> queue = lookup("#approvalsTable").queryAs(TableView.class);
    waitUntil(() -> queue.getItems().size() == 1);
    assertThat(queue.getItems().get(0).getNumber()).isEqualTo(big);
    fill("#approvalNote", "Lime for the crushing season");
    screenshot("approvals.png");
    clickOn("#approveButton");
    waitUntil(() -> text("#approvalDone").startsWith("Approved " + big));
    waitUntil(() -> queue.getItems().isEmpty());
    openOrderFromList(big);
    waitUntil(() -> text("#poState").equals("Approved"));
    assertThat(text("#poDecision")).startsWith("Decided by " + admin);
  }

  @Test
  void anAdminCannotApproveTheirOwnOrderAndARejectionNeedsAReason() {
    signInAndWait(admin);
    newOrder();
    write("S-JLW");
    type(KeyCode.ENTER);
    waitUntil(() -> text("#supplierName").equals("Joypurhat Lime Works"));
    line(0, "CANE", "500", "4200");
    waitUntil(() -> text("#poGross").equals("21,00,000.00"));
    ctrl(KeyCode.ENTER);
    waitUntil(() -> text("#poState").equals("Awaiting approval"));
    String own = text("#poTitle");

    clickWhenReady("#nav-purchase-approvals");
    @SuppressWarnings("unchecked")
    TableView<PurchaseOrder> queue = lookup("#approvalsTable").queryAs(TableView.class);
    waitUntil(() -> queue.getItems().stream().anyMatch(o -> o.getNumber().equals(own)));
    interact(
        () ->
            queue
                .getSelectionModel()
                .select(
                    queue.getItems().stream()
                        .filter(o -> o.getNumber().equals(own))
                        .findFirst()
                        .get()));
    clickOn("#approveButton");
    waitUntil(() -> !text("#approvalMessage").isEmpty());
    assertThat(text("#approvalMessage")).containsIgnoringCase("submitted");
    assertThat(queue.getItems()).anyMatch(o -> o.getNumber().equals(own));

    clickOn("#rejectButton");
    assertThat(text("#approvalNoteError")).startsWith("Give the reason for the rejection");
  }
}
