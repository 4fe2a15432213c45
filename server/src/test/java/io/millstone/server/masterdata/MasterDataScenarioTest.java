package io.millstone.server.masterdata;

import static io.millstone.server.TestServer.codeOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.common.v1.IdempotencyKey;
import io.millstone.api.common.v1.Money;
import io.millstone.api.common.v1.PageRequest;
import io.millstone.api.masterdata.v1.ConvertQuantityRequest;
import io.millstone.api.masterdata.v1.DeactivateRequest;
import io.millstone.api.masterdata.v1.DeleteSavedSearchRequest;
import io.millstone.api.masterdata.v1.GetRequest;
import io.millstone.api.masterdata.v1.Item;
import io.millstone.api.masterdata.v1.ItemKind;
import io.millstone.api.masterdata.v1.ListItemsResponse;
import io.millstone.api.masterdata.v1.ListRequest;
import io.millstone.api.masterdata.v1.ListSavedSearchesRequest;
import io.millstone.api.masterdata.v1.LocationInput;
import io.millstone.api.masterdata.v1.Party;
import io.millstone.api.masterdata.v1.UpdateItemRequest;
import io.millstone.api.masterdata.v1.UpdatePartyRequest;
import io.millstone.api.masterdata.v1.UpdateWarehouseRequest;
import io.millstone.api.masterdata.v1.Warehouse;
import io.millstone.server.TestPlatform;
import io.millstone.server.TestServer;
import io.millstone.server.identity.BadRequests;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mill's office sets up its master data over the contract: units and conversions, items,
 * customers and suppliers, warehouses, saved searches — with the mistakes people make.
 */
class MasterDataScenarioTest {
  static TestServer t;
  static UUID mill;
  static MasterdataFixtures admin;
  static MasterdataFixtures sales;

  @BeforeAll
  static void start() {
    t = new TestServer();
    mill = t.createCompany("Master Data Mill").id();
    admin =
        MasterdataFixtures.of(
            t.channel(), token(t.createUser(mill, t.unique("md.admin"), "admin")));
    sales =
        MasterdataFixtures.of(
            t.channel(), token(t.createUser(mill, t.unique("md.sales"), "sales")));
  }

  static String token(String user) {
    return t.login(user, TestServer.PASSWORD).getSessionToken();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static String convert(String qty, String from, String to) {
    return admin
        .units
        .convertQuantity(
            ConvertQuantityRequest.newBuilder()
                .setQuantity(Decimal.newBuilder().setValue(qty))
                .setFromUnitCode(from)
                .setToUnitCode(to)
                .build())
        .getQuantity()
        .getValue();
  }

  @Test
  void aNewCompanyHasTheMillsUnitsAndConvertsExactly() {
    var units =
        admin.units.listUnits(
            ListRequest.newBuilder().setPage(PageRequest.newBuilder().setPageSize(100)).build());
    assertThat(units.getUnitsList())
        .extracting(u -> u.getCode())
        .contains("kg", "t", "q", "maund", "bag", "l", "m3");

    assertThat(convert("1", "maund", "kg")).isEqualTo("37.3242");
    assertThat(convert("40", "maund", "t")).isEqualTo("1.492968");
    assertThat(convert("2.5", "t", "bag")).isEqualTo("50");
    assertThat(convert("1000", "kg", "maund")).isEqualTo("26.792269");
    StatusRuntimeException e = TestServer.failure(() -> convert("1", "kg", "l"));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(e.getStatus().getDescription()).contains("kg (mass)").contains("l (volume)");
  }

  @Test
  void anItemIsCreatedOnceHoweverOftenTheRequestIsRetried() throws Exception {
    var req =
        MasterdataFixtures.itemRequest("sug-l30", "Sugar L-30 (50 kg bags)")
            .setIdempotencyKey(IdempotencyKey.newBuilder().setValue(UUID.randomUUID().toString()))
            .build();
    var pool = Executors.newFixedThreadPool(8);
    Set<String> ids = new HashSet<>();
    try {
      List<Callable<Item>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        calls.add(() -> admin.items.createItem(req));
      }
      for (var f : pool.invokeAll(calls)) {
        ids.add(f.get().getId());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(ids).hasSize(1);
    Item item = admin.items.getItem(GetRequest.newBuilder().setId(ids.iterator().next()).build());
    assertThat(item.getCode()).isEqualTo("SUG-L30");
    assertThat(item.getDefaultSalePrice().getAmount()).isEqualTo("95000.00");
    assertThat(item.getDefaultSalePrice().getCurrencyCode()).isEqualTo("BDT");
    assertThat(item.getChanged().getUpdatedBy()).isEqualTo(t.unique("md.admin"));
  }

  @Test
  void badItemFieldsAreEachNamedAndNothingIsSaved() {
    long before = admin.items.listItems(ListRequest.getDefaultInstance()).getPage().getTotalSize();

    StatusRuntimeException e =
        TestServer.failure(
            () ->
                admin.items.createItem(
                    MasterdataFixtures.itemRequest("", "")
                        .setUnitCode("sack")
                        .setKind(ItemKind.ITEM_KIND_UNSPECIFIED)
                        .setDefaultSalePrice(
                            Money.newBuilder().setAmount("-5").setCurrencyCode("BDT"))
                        .build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(BadRequests.fields(e))
        .containsExactlyInAnyOrder("code", "name", "kind", "default_sale_price.amount");

    StatusRuntimeException unit =
        TestServer.failure(
            () ->
                admin.items.createItem(
                    MasterdataFixtures.itemRequest("BAD-UNIT", "Bad unit")
                        .setUnitCode("sack")
                        .build()));
    assertThat(BadRequests.fields(unit)).containsExactly("unit_code");

    StatusRuntimeException currency =
        TestServer.failure(
            () ->
                admin.items.createItem(
                    MasterdataFixtures.itemRequest("USD-1", "Dollar priced")
                        .setDefaultSalePrice(
                            Money.newBuilder().setAmount("10").setCurrencyCode("USD"))
                        .build()));
    assertThat(BadRequests.violations(currency))
        .singleElement()
        .satisfies(v -> assertThat(v.getDescription()).contains("BDT"));

    admin.item("MOL-A", "Molasses grade A");
    StatusRuntimeException dup = TestServer.failure(() -> admin.item("mol-a", "Molasses again"));
    assertThat(BadRequests.fields(dup)).containsExactly("code");

    assertThat(admin.items.listItems(ListRequest.getDefaultInstance()).getPage().getTotalSize())
        .isEqualTo(before + 1);
  }

  @Test
  void aSecondEditorWithAStaleVersionIsToldWhoChangedTheItem() {
    Item item = admin.item("BAG-01", "Bagasse");
    MasterdataFixtures other =
        MasterdataFixtures.of(
            t.channel(), token(t.createUser(mill, t.unique("md.stores"), "stores")));
    UpdateItemRequest change =
        UpdateItemRequest.newBuilder()
            .setId(item.getId())
            .setVersion(item.getVersion())
            .setName("Bagasse (surplus)")
            .setUnitCode("t")
            .setKind(ItemKind.ITEM_KIND_BY_PRODUCT)
            .setDefaultSalePrice(Money.newBuilder().setAmount("1200"))
            .setTaxCategory(item.getTaxCategory())
            .build();
    other.items.updateItem(change);

    StatusRuntimeException e =
        TestServer.failure(
            () -> admin.items.updateItem(change.toBuilder().setName("Bagasse fuel").build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
    assertThat(e.getStatus().getDescription())
        .contains("Item BAG-01 was changed by " + t.unique("md.stores"))
        .contains("reload");
  }

  @Test
  void theQuickFilterNarrowsSortsAndPagesTheItemList() {
    UUID company = t.createCompany("Filter Mill").id();
    MasterdataFixtures f =
        MasterdataFixtures.of(
            t.channel(), token(t.createUser(company, t.unique("filter.admin"), "admin")));
    for (int i = 0; i < 25; i++) {
      f.items.createItem(
          MasterdataFixtures.itemRequest("SUG-" + (100 + i), "Sugar grade " + i)
              .setDefaultSalePrice(Money.newBuilder().setAmount(String.valueOf(1000 + i * 10)))
              .build());
    }
    f.items.createItem(
        MasterdataFixtures.itemRequest("MOL-1", "Molasses")
            .setKind(ItemKind.ITEM_KIND_BY_PRODUCT)
            .build());
    Item lime =
        f.items.createItem(
            MasterdataFixtures.itemRequest("LIME-1", "Quick lime")
                .setUnitCode("kg")
                .setKind(ItemKind.ITEM_KIND_CONSUMABLE)
                .build());
    f.items.deactivateItem(
        DeactivateRequest.newBuilder().setId(lime.getId()).setVersion(lime.getVersion()).build());

    assertThat(total(f, "name: sugar")).isEqualTo(25);
    assertThat(total(f, "code: SUG-10*")).isEqualTo(10);
    assertThat(total(f, "molasses")).isEqualTo(1);
    assertThat(total(f, "kind: by")).isEqualTo(1);
    assertThat(total(f, "")).isEqualTo(26);
    assertThat(total(f, "active: no")).isEqualTo(1);
    assertThat(total(f, "active: any lime")).isEqualTo(1);
    assertThat(total(f, "name: \"grade 1\"")).isEqualTo(11);

    StatusRuntimeException unknown = TestServer.failure(() -> total(f, "colour: red"));
    assertThat(BadRequests.violations(unknown))
        .singleElement()
        .satisfies(v -> assertThat(v.getDescription()).contains("colour").contains("name"));
    StatusRuntimeException sort =
        TestServer.failure(
            () -> f.items.listItems(ListRequest.newBuilder().setOrderBy("password").build()));
    assertThat(BadRequests.fields(sort)).containsExactly("order_by");

    List<String> prices = new ArrayList<>();
    String token = "";
    do {
      ListItemsResponse page =
          f.items.listItems(
              ListRequest.newBuilder()
                  .setFilter("name: sugar")
                  .setOrderBy("-price")
                  .setPage(PageRequest.newBuilder().setPageSize(7).setPageToken(token))
                  .build());
      page.getItemsList().forEach(i -> prices.add(i.getDefaultSalePrice().getAmount()));
      token = page.getPage().getNextPageToken();
    } while (!token.isEmpty());
    assertThat(prices).hasSize(25).doesNotHaveDuplicates();
    assertThat(prices.get(0)).isEqualTo("1240.00");
    assertThat(prices.get(24)).isEqualTo("1000.00");
  }

  private static long total(MasterdataFixtures f, String filter) {
    return f.items
        .listItems(ListRequest.newBuilder().setFilter(filter).build())
        .getPage()
        .getTotalSize();
  }

  @Test
  void customersNeedAThirteenDigitBinAndStayApartFromSuppliers() {
    StatusRuntimeException oldBin =
        TestServer.failure(
            () ->
                admin.customers.createCustomer(
                    MasterdataFixtures.partyRequest("C-OLD", "Old BIN Traders")
                        .setBin("123456789")
                        .build()));
    assertThat(BadRequests.violations(oldBin))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.getField()).isEqualTo("bin");
              assertThat(v.getDescription()).contains("13-digit");
            });

    Party customer = admin.customer("C-DHK-01", "Dhaka Sweets Ltd");
    Party grower = admin.supplier("G-0001", "Abdul Karim (cane grower)");

    assertThat(customer.getIsCustomer()).isTrue();
    assertThat(customer.getIsSupplier()).isFalse();
    assertThat(
            codeOf(
                () ->
                    admin.customers.getCustomer(
                        GetRequest.newBuilder().setId(grower.getId()).build())))
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(
            admin
                .suppliers
                .listSuppliers(ListRequest.newBuilder().setFilter("grower").build())
                .getPartiesList())
        .extracting(Party::getCode)
        .containsExactly("G-0001");

    Party updated =
        admin.customers.updateCustomer(
            UpdatePartyRequest.newBuilder()
                .setId(customer.getId())
                .setVersion(customer.getVersion())
                .setName("Dhaka Sweets Ltd")
                .setBin("0098765432101")
                .setCreditLimit(Money.newBuilder().setAmount("750000.50"))
                .setPaymentTermsDays(45)
                .build());
    assertThat(updated.getCreditLimit().getAmount()).isEqualTo("750000.50");
    assertThat(updated.getVersion()).isGreaterThan(customer.getVersion());
  }

  @Test
  void eachRoleManagesOnlyWhatItsPermissionsAllowAndTheServerRefusesTheRest() {
    assertThat(
            sales
                .customers
                .createCustomer(
                    MasterdataFixtures.partyRequest("C-SALES-1", "Rajshahi Traders")
                        .clearCreditLimit()
                        .build())
                .getCode())
        .isEqualTo("C-SALES-1");
    assertThat(codeOf(() -> sales.item("SALES-ITEM", "Not allowed")))
        .isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(codeOf(() -> sales.supplier("S-SALES", "Not allowed")))
        .isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(codeOf(() -> sales.items.listItems(ListRequest.getDefaultInstance())))
        .isEqualTo(Status.Code.OK);
  }

  @Test
  void onlyTheAccountsOfficeGivesCreditAndEveryChangeOfItIsAudited() throws Exception {
    MasterdataFixtures accounts =
        MasterdataFixtures.of(
            t.channel(), token(t.createUser(mill, t.unique("md.accounts"), "accounts")));
    // The sales office may open a customer, but without credit.
    StatusRuntimeException withCredit =
        TestServer.failure(() -> sales.customer("C-CRED-0", "Bogura Sweets"));
    assertThat(withCredit.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(withCredit.getStatus().getDescription())
        .contains("Only the accounts office")
        .contains("C-CRED-0");
    Party opened =
        sales.customers.createCustomer(
            MasterdataFixtures.partyRequest("C-CRED-1", "Bogura Sweets")
                .clearCreditLimit()
                .build());
    assertThat(opened.getCreditLimit().getAmount()).isEqualTo("0.00");
    assertThat(opened.getNoCreditLimit()).isFalse();

    // Nor raise it, nor lift it; editing the rest and sending back the limit read is fine.
    UpdatePartyRequest.Builder edit =
        UpdatePartyRequest.newBuilder()
            .setId(opened.getId())
            .setVersion(opened.getVersion())
            .setName("Bogura Sweets Ltd")
            .setBin(opened.getBin())
            .setCreditLimit(opened.getCreditLimit())
            .setPaymentTermsDays(30);
    assertThat(
            codeOf(
                () ->
                    sales.customers.updateCustomer(
                        edit.clone()
                            .setCreditLimit(Money.newBuilder().setAmount("900000"))
                            .build())))
        .isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(
            codeOf(
                () -> sales.customers.updateCustomer(edit.clone().setNoCreditLimit(true).build())))
        .isEqualTo(Status.Code.PERMISSION_DENIED);
    Party renamed = sales.customers.updateCustomer(edit.build());
    assertThat(renamed.getName()).isEqualTo("Bogura Sweets Ltd");

    // The accounts office sets a limit, then lifts it: "no limit" is said, not a zero.
    Party limited =
        accounts.customers.updateCustomer(
            edit.clone()
                .setVersion(renamed.getVersion())
                .setName(renamed.getName())
                .setCreditLimit(Money.newBuilder().setAmount("250000"))
                .build());
    assertThat(limited.getCreditLimit().getAmount()).isEqualTo("250000.00");
    StatusRuntimeException both =
        TestServer.failure(
            () ->
                accounts.customers.updateCustomer(
                    edit.clone()
                        .setVersion(limited.getVersion())
                        .setName(limited.getName())
                        .setCreditLimit(Money.newBuilder().setAmount("250000"))
                        .setNoCreditLimit(true)
                        .build()));
    assertThat(BadRequests.violations(both))
        .extracting(v -> v.getField())
        .containsExactly("credit_limit.amount");
    Party unlimited =
        accounts.customers.updateCustomer(
            edit.clone()
                .setVersion(limited.getVersion())
                .setName(limited.getName())
                .clearCreditLimit()
                .setNoCreditLimit(true)
                .build());
    assertThat(unlimited.getNoCreditLimit()).isTrue();

    try (var c = TestPlatform.get().database().ownerDataSource().getConnection();
        var ps =
            c.prepareStatement(
                "SELECT summary FROM audit_event WHERE company_id = ? AND entity_id = ?"
                    + " AND action = 'masterdata.customer.update' ORDER BY seq")) {
      ps.setObject(1, mill);
      ps.setString(2, opened.getId());
      List<String> summaries = new ArrayList<>();
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          summaries.add(rs.getString(1));
        }
      }
      assertThat(summaries)
          .hasSize(3)
          .satisfies(
              list -> {
                assertThat(list.get(1))
                    .containsPattern("credit limit 0(\\.0+)?, .* -> .*credit limit 250000");
                assertThat(list.get(2))
                    .containsPattern("credit limit 250000.* -> .*no credit limit");
              });
    }
  }

  @Test
  void warehouseLocationsLeftOutAreDeactivatedNotDeleted() {
    Warehouse w = admin.warehouse("MAIN", "Main godown", "BAY-A", "BAY-B");
    assertThat(w.getLocationsList()).extracting(l -> l.getCode()).containsExactly("BAY-A", "BAY-B");

    Warehouse after =
        admin.warehouses.updateWarehouse(
            UpdateWarehouseRequest.newBuilder()
                .setId(w.getId())
                .setVersion(w.getVersion())
                .setName("Main godown")
                .addLocations(
                    LocationInput.newBuilder().setCode("BAY-A").setName("Bay A").setActive(true))
                .addLocations(
                    LocationInput.newBuilder()
                        .setCode("TANK-1")
                        .setName("Molasses tank")
                        .setActive(true))
                .build());

    assertThat(after.getLocationsList())
        .extracting(l -> l.getCode() + "=" + l.getActive())
        .containsExactly("BAY-A=true", "BAY-B=false", "TANK-1=true");
  }

  @Test
  void savedSearchesBelongToTheirOwner() {
    admin.savedSearch("items", "Sugar", "name: sugar");
    admin.savedSearch("items", "Sugar", "name: sugar active: any");
    assertThat(
            admin
                .searches
                .listSavedSearches(ListSavedSearchesRequest.newBuilder().setScreen("items").build())
                .getSearchesList())
        .singleElement()
        .satisfies(s -> assertThat(s.getFilter()).isEqualTo("name: sugar active: any"));
    assertThat(
            sales
                .searches
                .listSavedSearches(ListSavedSearchesRequest.newBuilder().setScreen("items").build())
                .getSearchesList())
        .isEmpty();

    String id =
        admin
            .searches
            .listSavedSearches(ListSavedSearchesRequest.newBuilder().setScreen("items").build())
            .getSearches(0)
            .getId();
    assertThat(
            codeOf(
                () ->
                    sales.searches.deleteSavedSearch(
                        DeleteSavedSearchRequest.newBuilder().setId(id).build())))
        .isEqualTo(Status.Code.NOT_FOUND);
    admin.searches.deleteSavedSearch(DeleteSavedSearchRequest.newBuilder().setId(id).build());
    assertThat(
            admin
                .searches
                .listSavedSearches(ListSavedSearchesRequest.newBuilder().setScreen("items").build())
                .getSearchesList())
        .isEmpty();
  }
}
