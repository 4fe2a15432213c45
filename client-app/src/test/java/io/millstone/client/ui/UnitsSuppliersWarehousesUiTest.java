package io.millstone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.masterdata.v1.Party;
import io.millstone.api.masterdata.v1.Unit;
import io.millstone.api.masterdata.v1.Warehouse;
import io.millstone.client.core.list.PageSource;
import io.millstone.client.remote.CertificatePins;
import io.millstone.client.remote.ChannelFactory;
import io.millstone.client.remote.Parties;
import io.millstone.client.remote.RemoteException;
import io.millstone.client.remote.ServerAddress;
import io.millstone.client.remote.Session;
import io.millstone.client.remote.SignIn;
import io.millstone.client.remote.Units;
import io.millstone.client.remote.Warehouses;
import io.millstone.client.support.LiveServer;
import io.millstone.client.support.UiTest;
import io.millstone.server.masterdata.PartyAdmin;
import io.millstone.server.platform.Actor;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The units, suppliers and warehouses screens, each in a real window against the real server. */
class UnitsSuppliersWarehousesUiTest extends UiTest {
  static LiveServer server;
  static UUID company;
  static String admin;

  @BeforeAll
  static void millWithTwoSuppliers() {
    server = LiveServer.shared();
    company = server.createCompany("Joypurhat Sugar Mills Ltd");
    admin = server.createUser(company, server.fresh("admin"), "admin");
    PartyAdmin suppliers = server.server().supplierAdmin();
    Actor actor = Actor.system(company, "test");
    suppliers.create(
        actor,
        null,
        "S-LIME",
        new PartyAdmin.Input(
            "Rajshahi Lime Works",
            "Sapura, Rajshahi",
            "+880 721 000000",
            "5678901234567",
            "0",
            "BDT",
            15));
    suppliers.create(
        actor,
        null,
        "S-JUTE",
        new PartyAdmin.Input(
            "Khulna Jute Bags Ltd", "Khalishpur, Khulna", "+880 41 000000", "", "0", "BDT", 30));
  }

  private TabPane tabs() {
    return lookup("#workTabs").queryAs(TabPane.class);
  }

  @SuppressWarnings("unchecked")
  private TableView<Object> table() {
    return lookup("#table").queryAs(TableView.class);
  }

  private Session secondSession() throws RemoteException {
    return new SignIn(new ChannelFactory(new CertificatePins(config), (s, f) -> false))
        .signIn(ServerAddress.parse(server.address()), admin, LiveServer.PASSWORD.toCharArray());
  }

  private void openScreen(String id) {
    signInAndWait(admin);
    clickWhenReady("#nav-" + id);
    waitUntil(() -> lookup("#table").tryQuery().isPresent());
    waitUntil(() -> !table().getItems().isEmpty() && table().getItems().get(0) != null);
  }

  private void newRecord() {
    clickOn("#newButton");
    waitUntil(() -> lookup("#field-code").tryQuery().isPresent());
  }

  @SuppressWarnings("unchecked")
  private void choose(String field, String value) {
    ComboBox<String> box = lookup("#field-" + field).queryAs(ComboBox.class);
    interact(() -> box.setValue(value));
  }

  /** Goes back to the list tab and waits until it shows {@code rows} rows. */
  private void backToListShowing(String rows) {
    interact(() -> tabs().getSelectionModel().select(0));
    waitUntil(() -> text("#rowCount").equals(rows));
  }

  /** How many rows the list says it has, once it has counted them. */
  private int rowCount() {
    waitUntil(() -> text("#rowCount").matches("No rows|1 row|[0-9,]+ rows"));
    String t = text("#rowCount");
    return t.equals("No rows") ? 0 : Integer.parseInt(t.split(" ")[0].replace(",", ""));
  }

  private String rowsText(int n) {
    return window.messages().get("list.rows", n);
  }

  private List<String> codesInTheList() {
    return table().getItems().stream().map(String::valueOf).toList();
  }

  @Test
  void aNewUnitIsSavedAndListedAmongTheCompanysUnits() throws Exception {
    openScreen("units");
    int before = rowCount();
    newRecord();

    fill("#field-code", "dz");
    fill("#field-name", "Dozen");
    choose("dimension", "DIMENSION_COUNT");
    fill("#field-factor_to_base", "12");
    press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);

    waitUntil(() -> text("#formTitle").equals("dz Dozen"));
    backToListShowing(rowsText(before + 1));
    waitUntil(() -> codesInTheList().stream().anyMatch(u -> u.contains("code: \"dz\"")));
    screenshot("units.png");
    try (Session s = secondSession()) {
      List<Unit> found = new Units(s).fetch(new PageSource.Query("code: dz", ""), "", 5).rows();
      assertThat(found)
          .singleElement()
          .satisfies(
              u -> {
                assertThat(u.getName()).isEqualTo("Dozen");
                assertThat(u.getFactorToBase().getValue()).startsWith("12");
              });
    }
  }

  @Test
  void aSupplierWithABadBinIsRefusedBesideTheFieldThenSavedOnceCorrected() throws Exception {
    openScreen("suppliers");
    waitUntil(() -> text("#rowCount").equals("2 rows"));
    newRecord();

    fill("#field-code", "S-SULPHUR");
    fill("#field-name", "Chittagong Sulphur Traders");
    fill("#field-phone", "+880 31 000000");
    fill("#field-bin", "12345");
    fill("#field-payment_terms_days", "45");
    clickOn("#saveButton");

    waitUntil(() -> !text("#error-bin").isEmpty());
    assertThat(text("#error-bin")).isEqualTo("A BIN has 13 digits.");
    assertThat(text("#formMessage"))
        .isEqualTo("Correct the fields marked in red, then save again.");
    screenshot("supplier-bad-bin.png");
    try (Session s = secondSession()) {
      assertThat(
              new Parties(s, Parties.Role.SUPPLIERS)
                  .fetch(new PageSource.Query("code: S-SULPHUR", ""), "", 5)
                  .rows())
          .isEmpty();
    }

    fill("#field-bin", "6789012345678");
    clickOn("#saveButton");

    waitUntil(() -> text("#formTitle").equals("S-SULPHUR Chittagong Sulphur Traders"));
    assertThat(text("#error-bin")).isEmpty();
    backToListShowing("3 rows");
    waitUntil(() -> codesInTheList().stream().anyMatch(p -> p.contains("S-SULPHUR")));
    screenshot("suppliers.png");
    try (Session s = secondSession()) {
      List<Party> found =
          new Parties(s, Parties.Role.SUPPLIERS)
              .fetch(new PageSource.Query("code: S-SULPHUR", ""), "", 5)
              .rows();
      assertThat(found).singleElement().extracting(Party::getBin).isEqualTo("6789012345678");
    }
  }

  @Test
  void aNewWarehouseWithItsLocationsIsSavedAndListed() throws Exception {
    signInAndWait(admin);
    clickWhenReady("#nav-warehouses");
    waitUntil(() -> lookup("#table").tryQuery().isPresent());
    int before = rowCount();
    newRecord();

    fill("#field-code", "WH-SUGAR");
    fill("#field-name", "Sugar godown");
    fill("#field-address", "Mill gate 2, Joypurhat");
    clickOn("#field-locations");
    write("A-01 Bay A, row 1\nA-02 Bay A, row 2\nB-01 Bay B");
    press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);

    waitUntil(() -> text("#formTitle").equals("WH-SUGAR Sugar godown"));
    backToListShowing(rowsText(before + 1));
    waitUntil(() -> codesInTheList().stream().anyMatch(w -> w.contains("WH-SUGAR")));
    screenshot("warehouses.png");
    try (Session s = secondSession()) {
      List<Warehouse> found =
          new Warehouses(s).fetch(new PageSource.Query("code: WH-SUGAR", ""), "", 5).rows();
      assertThat(found)
          .singleElement()
          .satisfies(
              w -> {
                assertThat(w.getAddress()).isEqualTo("Mill gate 2, Joypurhat");
                assertThat(Warehouses.activeLocations(w)).isEqualTo(3);
              });
    }
  }
}
