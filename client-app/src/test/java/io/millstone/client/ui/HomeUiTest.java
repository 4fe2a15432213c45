package io.millstone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.client.support.LiveServer;
import io.millstone.client.support.UiTest;
import io.millstone.server.demo.DemoSeeder;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The morning: the mill manager and a sales officer open the client on the demo mill (three weeks
 * of season, orders and invoices) and land on their home screens; a card opens the list behind it.
 */
class HomeUiTest extends UiTest {
  static LiveServer server;
  static String manager;
  static String sales;

  @BeforeAll
  static void demoMill() throws Exception {
    server = LiveServer.shared();
    LiveServer.demoMill();
    UUID mill = demoCompany();
    manager = server.createUser(mill, server.fresh("manager"), "manager");
    sales = server.createUser(mill, server.fresh("sales"), "sales");
  }

  /** The demo company: the one of the demo's name whose season was seeded. */
  static UUID demoCompany() throws Exception {
    try (var c = server.server().platform().database().ownerDataSource().getConnection();
        var ps =
            c.prepareStatement(
                "SELECT c.id FROM company c WHERE c.name = ?"
                    + " AND EXISTS (SELECT 1 FROM production_run r WHERE r.company_id = c.id)")) {
      ps.setString(1, DemoSeeder.COMPANY_NAME);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getObject(1, UUID.class);
      }
    }
  }

  private boolean cardShown(String id) {
    return lookup("#value-" + id.replace('.', '-')).tryQuery().map(Node::isVisible).orElse(false);
  }

  private String value(String id) {
    return lookup("#value-" + id.replace('.', '-')).queryAs(Label.class).getText();
  }

  @Test
  void theManagerSeesEveryPartOfTheMillAndACardOpensItsList() {
    signInAndWait(manager);
    waitUntil(
        () ->
            cardShown("approvals.purchase")
                && cardShown("production.cane.today")
                && cardShown("sales.orders.today")
                && cardShown("stores.sugar")
                && cardShown("accounts.cash")
                && !text("#homeUpdated").isEmpty());
    assertThat(lookup("#homeRow-CARD_GROUP_PRODUCTION").tryQuery()).isPresent();
    assertThat(lookup("#chart-production-cane-today").tryQuery()).isPresent();
    // The shift under way, from the demo machines' history (ScenarioTest checks the figure):
    // a percentage, or a dash in the first moments of a shift with no planned busy time yet.
    assertThat(value("production.oee.now")).matches("\\d{1,3}(\\.\\d{1,2})? %|\u2014");
    assertThat(value("stores.sugar")).endsWith(" t");
    screenshot("home-manager.png");

    clickWhenReady("#card-stores-sugar");
    waitUntil(() -> lookup("#tab-stock-on-hand").tryQuery().isPresent());
    assertThat(lookup("#homeSlot").query().isVisible()).isFalse();

    // Alt+Home brings the home screen back over the open tab.
    press(KeyCode.ALT, KeyCode.HOME).release(KeyCode.HOME, KeyCode.ALT);
    waitUntil(() -> lookup("#homeSlot").query().isVisible());
    assertThat(lookup("#workTabs").queryAs(TabPane.class).getTabs()).hasSize(1);
  }

  @Test
  void theSalesOfficerSeesSalesAndStockButNotProductionOrAccounts() {
    signInAndWait(sales);
    waitUntil(
        () ->
            cardShown("sales.orders.today")
                && cardShown("sales.receivables.overdue")
                && !text("#homeUpdated").isEmpty());
    assertThat(lookup("#homeRow-CARD_GROUP_PRODUCTION").tryQuery()).isEmpty();
    assertThat(lookup("#homeRow-CARD_GROUP_ACCOUNTS").tryQuery()).isEmpty();
    assertThat(lookup("#homeRow-CARD_GROUP_APPROVALS").tryQuery()).isEmpty();
    screenshot("home-sales.png");

    // Enter on a focused card opens its list.
    interact(() -> lookup("#card-sales-orders-today").query().requestFocus());
    type(KeyCode.ENTER);
    waitUntil(() -> lookup("#tab-sales-orders").tryQuery().isPresent());
  }
}
