package io.millstone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millstone.api.masterdata.v1.Item;
import io.millstone.api.masterdata.v1.Party;
import io.millstone.api.masterdata.v1.Unit;
import io.millstone.client.core.list.PageSource;
import io.millstone.client.remote.CertificatePins;
import io.millstone.client.remote.ChannelFactory;
import io.millstone.client.remote.Items;
import io.millstone.client.remote.Parties;
import io.millstone.client.remote.RemoteException;
import io.millstone.client.remote.ServerAddress;
import io.millstone.client.remote.Session;
import io.millstone.client.remote.SignIn;
import io.millstone.client.remote.Units;
import io.millstone.client.shell.ShellViewModel;
import io.millstone.client.support.LiveServer;
import io.millstone.client.support.UiTest;
import io.millstone.server.masterdata.ItemAdmin;
import io.millstone.server.masterdata.PartyAdmin;
import io.millstone.server.masterdata.model.Item.Kind;
import io.millstone.server.masterdata.model.Item.TaxCategory;
import io.millstone.server.platform.Actor;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The master-data screens against the real master-data server. */
class MasterDataUiTest extends UiTest {
  static final int ITEMS = 10_000;
  static LiveServer server;
  static UUID company;
  static String admin;

  private static final String[] NAMES = {
    "Mill roller bearing", "Quick lime", "Sulphur lumps", "Bagasse (surplus)", "Molasses",
    "Press mud", "Jute bag 50 kg", "Boiler tube", "Centrifugal basket", "Cane knife"
  };

  @BeforeAll
  static void millWithTenThousandItems() throws Exception {
    server = LiveServer.shared();
    company = server.createCompany("Karnaphuli Sugar Mills Ltd");
    admin = server.createUser(company, server.fresh("admin"), "admin");
    ItemAdmin items = server.server().itemAdmin();
    Actor actor = Actor.system(company, "test");
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      int part = t;
      done.add(
          pool.submit(
              () -> {
                for (int i = part; i < ITEMS; i += 3) {
                  boolean sugar = i % 100 == 0;
                  items.create(
                      actor,
                      null,
                      String.format(sugar ? "SUG-%05d" : "ITM-%05d", i),
                      new ItemAdmin.Input(
                          sugar ? "Refined sugar L-30 lot " + i : NAMES[i % 10] + " " + i,
                          sugar ? "t" : "kg",
                          sugar ? Kind.FINISHED_GOOD : Kind.CONSUMABLE,
                          sugar ? "95000.00" : Integer.toString(100 + i % 900) + ".50",
                          "BDT",
                          TaxCategory.STANDARD));
                }
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    PartyAdmin customers = server.server().customerAdmin();
    String[][] buyers = {
      {"C-ANWAR", "Anwar Distillers Ltd", "1234567890123", "5000000"},
      {"C-BENGAL", "Bengal Confectionery", "2345678901234", "1200000"},
      {"C-CARE", "Care Pharma (syrups)", "", "300000"},
      {"C-DHAKA", "Dhaka Sweets & Bakery", "3456789012345", "800000"},
      {"C-EASTERN", "Eastern Beverage Co.", "4567890123456", "2500000"}
    };
    for (String[] b : buyers) {
      customers.create(
          actor,
          null,
          b[0],
          new PartyAdmin.Input(b[1], "Motijheel, Dhaka", "+880 2 955 0000", b[2], b[3], "BDT", 30));
    }
  }

  private TabPane tabs() {
    return lookup("#workTabs").queryAs(TabPane.class);
  }

  @SuppressWarnings("unchecked")
  private <T> TableView<T> table() {
    return lookup("#table").queryAs(TableView.class);
  }

  /** A row the table really shows, with a record in it (not a placeholder or a spare cell). */
  private org.testfx.service.query.NodeQuery loadedRow() {
    return lookup(".table-row-cell")
        .match((javafx.scene.control.TableRow<?> r) -> r.isVisible() && r.getItem() != null);
  }

  private void openItems() {
    signInAndWait(admin);
    clickWhenReady("#nav-items");
    waitUntil(() -> lookup("#table").tryQuery().isPresent());
    waitUntil(() -> table().getItems().size() > 0 && table().getItems().get(0) != null);
  }

  @SuppressWarnings("unchecked")
  private void choose(String field, String value) {
    ComboBox<String> box = lookup("#field-" + field).queryAs(ComboBox.class);
    interact(() -> box.setValue(value));
  }

  @SuppressWarnings("unchecked")
  private ComboBox<String> unitPicker() {
    return lookup("#field-unit_code").queryAs(ComboBox.class);
  }

  /** What the unit picker shows, as a person reads it. */
  private String pickerText() {
    ComboBox<String> box = unitPicker();
    return box.getConverter().toString(box.getValue());
  }

  private Session secondSession() throws RemoteException {
    return new SignIn(new ChannelFactory(new CertificatePins(config), (s, f) -> false))
        .signIn(ServerAddress.parse(server.address()), admin, LiveServer.PASSWORD.toCharArray());
  }

  @Test
  void theQuickFilterNarrowsAListOfTenThousandItemsWithoutLoadingThemAll() {
    openItems();
    waitUntil(() -> text("#rowCount").equals("10,000 rows"));
    screenshot("items.png");

    fill("#quickFilter", "name: sugar");

    waitUntil(() -> text("#rowCount").equals("100 rows"));
    waitUntil(() -> table().getItems().size() == 100 && table().getItems().get(0) != null);
    Item first = (Item) table().getItems().get(0);
    assertThat(first.getName()).startsWith("Refined sugar");
    var rows = window.shell().tabs().getTabs().get(0).getContent();
    assertThat(rows).isNotNull();
    fill("#quickFilter", "code: SUG-000*");
    waitUntil(() -> text("#rowCount").equals("1 row"));
  }

  @Test
  void creatingAnItemWithTheKeyboardSavesItOnTheServer() throws Exception {
    openItems();
    press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
    waitUntil(() -> lookup("#field-code").tryQuery().isPresent());

    fill("#field-code", "MOL-B");
    fill("#field-name", "Molasses, grade B");
    // The unit is picked from the company's units with the keyboard: Tab into it, type "t".
    waitUntil(() -> !unitPicker().getItems().isEmpty());
    type(KeyCode.TAB);
    waitUntil(() -> unitPicker().isFocused());
    write("t");
    waitUntil(() -> "t".equals(unitPicker().getValue()));
    assertThat(pickerText()).isEqualTo("t — Metric tonne");
    choose("kind", "ITEM_KIND_BY_PRODUCT");
    fill("#field-default_sale_price_amount", "14500.00");
    choose("tax_category", "TAX_CATEGORY_STANDARD");
    press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);

    waitUntil(() -> text("#formTitle").equals("MOL-B Molasses, grade B"));
    assertThat(lookup("#field-code").query().isDisabled()).isTrue();
    try (Session s = secondSession()) {
      List<Item> found = new Items(s).fetch(new PageSource.Query("code: MOL-B", ""), "", 10).rows();
      assertThat(found)
          .singleElement()
          .satisfies(
              i -> {
                assertThat(i.getName()).isEqualTo("Molasses, grade B");
                assertThat(i.getUnitCode()).isEqualTo("t");
                assertThat(i.getDefaultSalePrice().getAmount()).startsWith("14500");
              });
    }
    assertThat(window.notifier().recent()).contains("Saved: MOL-B Molasses, grade B");
  }

  @Test
  void aBadValueShowsItsErrorBesideTheFieldAndNothingIsSaved() throws Exception {
    Unit sack;
    try (Session s = secondSession()) {
      sack =
          new Units(s)
              .create(
                  Map.of(
                      "code", "sack",
                      "name", "Sack (25 kg)",
                      "dimension", "DIMENSION_MASS",
                      "factor_to_base", "25"),
                  UUID.randomUUID().toString());
    }
    openItems();
    clickOn("#newButton");
    waitUntil(() -> lookup("#field-code").tryQuery().isPresent());
    fill("#field-code", "LIME-Q");
    fill("#field-name", "Quick lime, 25 kg sack");
    // The picker offers the sack; the stores manager retires it before this form is saved.
    waitUntil(() -> unitPicker().getItems().contains("sack"));
    try (Session s = secondSession()) {
      new Units(s).deactivate(sack);
    }
    clickOn("#field-unit_code");
    write("sack");
    type(KeyCode.ENTER);
    waitUntil(() -> "sack".equals(unitPicker().getValue()));
    choose("kind", "ITEM_KIND_CONSUMABLE");
    choose("tax_category", "TAX_CATEGORY_STANDARD");
    fill("#field-default_sale_price_amount", "12,50");

    clickOn("#saveButton");
    waitUntil(() -> !text("#error-default_sale_price_amount").isEmpty());
    assertThat(text("#error-default_sale_price_amount"))
        .isEqualTo("Enter a number such as 1250.50.");

    fill("#field-default_sale_price_amount", "1250.50");
    clickOn("#saveButton");

    waitUntil(() -> !text("#error-unit_code").isEmpty());
    assertThat(text("#error-unit_code")).contains("sack").contains("not an active unit");
    assertThat(text("#error-default_sale_price_amount")).isEmpty();
    assertThat(text("#formMessage"))
        .isEqualTo("Correct the fields marked in red, then save again.");
    screenshot("item-form-error.png");
    try (Session s = secondSession()) {
      assertThat(new Items(s).fetch(new PageSource.Query("code: LIME-Q", ""), "", 10).rows())
          .isEmpty();
    }
  }

  @Test
  void whenTwoSessionsEditTheSameCustomerTheSecondGetsTheConflictDialog() throws Exception {
    signInAndWait(admin);
    clickWhenReady("#nav-customers");
    waitUntil(() -> text("#rowCount").equals("5 rows"));
    waitUntil(() -> table().getItems().get(4) != null);
    screenshot("customers.png");
    fill("#quickFilter", "code: C-DHAKA");
    type(KeyCode.ENTER);
    waitUntil(() -> text("#rowCount").equals("1 row") && table().getItems().get(0) != null);
    waitUntil(() -> loadedRow().tryQuery().isPresent());
    clickOn(loadedRow().queryAs(javafx.scene.Node.class));
    type(KeyCode.ENTER);
    waitUntil(() -> text("#formTitle").equals("C-DHAKA Dhaka Sweets & Bakery"));

    try (Session other = secondSession()) {
      Parties theirs = new Parties(other, Parties.Role.CUSTOMERS);
      Party p = theirs.fetch(new PageSource.Query("code: C-DHAKA", ""), "", 1).rows().get(0);
      Map<String, String> v = new HashMap<>(theirs.valuesOf(p));
      v.put("credit_limit.amount", "950000");
      v.put("phone", "+880 1711 000000");
      theirs.update(p, v);
    }
    // The form shows the limit the company's way, and takes it typed that way too.
    assertThat(text("#field-credit_limit_amount")).isEqualTo("8,00,000.00");
    fill("#field-credit_limit_amount", "9,00,000");
    press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);

    waitUntil(() -> lookup("#conflictDialog").tryQuery().isPresent());
    List<String> cells =
        lookup("#conflictChanges .label").queryAllAs(Label.class).stream()
            .map(Label::getText)
            .toList();
    assertThat(cells).containsSubsequence("Phone", "+880 2 955 0000", "+880 1711 000000");
    assertThat(cells).containsSubsequence("Credit limit", "9,00,000", "9,50,000.00");
    assertThat(cells).doesNotContain("Name", "BIN");
    screenshot(lookup("#conflictDialog").query().getScene(), "customer-conflict.png");
    clickOn("Reload");

    waitUntil(() -> text("#field-credit_limit_amount").equals("9,50,000.00"));
    assertThat(text("#field-phone")).isEqualTo("+880 1711 000000");
  }

  @Test
  void aUserWithoutPermissionDoesNotSeeSuppliersAndTheServerRefusesThemAnyway() {
    String clerk = server.createUser(company, server.fresh("sales"), "sales");
    signInAndWait(clerk);

    assertThat(lookup("#nav-customers").tryQuery()).isPresent();
    assertThat(lookup("#nav-suppliers").tryQuery()).isEmpty();
    press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
    write("supplier");
    waitUntil(() -> lookup("#paletteResults").tryQuery().isPresent());
    type(KeyCode.ENTER);
    assertThat(tabs().getTabs()).noneMatch(t -> t.getText().equals("Suppliers"));
    assertThatThrownBy(
            () ->
                new Parties(window.session(), Parties.Role.SUPPLIERS)
                    .fetch(PageSource.Query.ALL, "", 10))
        .isInstanceOfSatisfying(
            RemoteException.class,
            e -> assertThat(e.kind()).isEqualTo(RemoteException.Kind.PERMISSION_DENIED));
  }

  @Test
  void typingARecordsCodeInTheCommandPaletteOpensThatRecordsForm() {
    openItems();

    press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
    waitUntil(() -> lookup("#paletteInput").tryQuery().isPresent());
    write("SUG-002");
    @SuppressWarnings("unchecked")
    javafx.scene.control.ListView<ShellViewModel.PaletteEntry> results =
        lookup("#paletteResults").queryAs(javafx.scene.control.ListView.class);
    waitUntil(() -> results.getItems().stream().anyMatch(ShellViewModel.PaletteEntry::isRecord));
    assertThat(results.getItems())
        .filteredOn(ShellViewModel.PaletteEntry::isRecord)
        .extracting(ShellViewModel.PaletteEntry::label)
        .containsExactly("Items: SUG-00200 Refined sugar L-30 lot 200");
    // The first record is chosen, so Enter opens it rather than the filtered list.
    assertThat(results.getSelectionModel().getSelectedItem().isRecord()).isTrue();
    screenshot(results.getScene(), "palette.png");
    type(KeyCode.ENTER);

    waitUntil(() -> text("#formTitle").equals("SUG-00200 Refined sugar L-30 lot 200"));
    assertThat(tabs().getSelectionModel().getSelectedItem().getText())
        .isEqualTo("SUG-00200 Refined sugar L-30 lot 200");
    assertThat(text("#field-name")).isEqualTo("Refined sugar L-30 lot 200");
    assertThat(unitPicker().getValue()).isEqualTo("t");
  }

  @Test
  void columnWidthsAreRememberedPerUser() throws Exception {
    openItems();
    var column = table().getColumns().get(1);
    interact(() -> table().resizeColumn(column, 80));
    waitUntil(
        () ->
            Files.exists(config.resolve("client.properties"))
                && Files.readString(config.resolve("client.properties"))
                    .contains("columns." + admin + ".items.name="));
    assertThat(Files.readString(config.resolve("client.properties")))
        .contains("columns." + admin + ".items.name=" + Math.round(column.getWidth()));
  }
}
