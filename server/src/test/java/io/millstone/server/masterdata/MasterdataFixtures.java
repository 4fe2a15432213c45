package io.millstone.server.masterdata;

import io.grpc.Channel;
import io.millstone.api.common.v1.Money;
import io.millstone.api.masterdata.v1.CreateItemRequest;
import io.millstone.api.masterdata.v1.CreatePartyRequest;
import io.millstone.api.masterdata.v1.CreateWarehouseRequest;
import io.millstone.api.masterdata.v1.CustomerServiceGrpc;
import io.millstone.api.masterdata.v1.Item;
import io.millstone.api.masterdata.v1.ItemKind;
import io.millstone.api.masterdata.v1.ItemServiceGrpc;
import io.millstone.api.masterdata.v1.LocationInput;
import io.millstone.api.masterdata.v1.Party;
import io.millstone.api.masterdata.v1.SaveSearchRequest;
import io.millstone.api.masterdata.v1.SavedSearchServiceGrpc;
import io.millstone.api.masterdata.v1.SupplierServiceGrpc;
import io.millstone.api.masterdata.v1.TaxCategory;
import io.millstone.api.masterdata.v1.UnitServiceGrpc;
import io.millstone.api.masterdata.v1.Warehouse;
import io.millstone.api.masterdata.v1.WarehouseServiceGrpc;
import io.millstone.server.TestServer;

/** Signed-in stubs for master data, with short ways to make the records a test needs. */
public final class MasterdataFixtures {
  public final ItemServiceGrpc.ItemServiceBlockingStub items;
  public final UnitServiceGrpc.UnitServiceBlockingStub units;
  public final CustomerServiceGrpc.CustomerServiceBlockingStub customers;
  public final SupplierServiceGrpc.SupplierServiceBlockingStub suppliers;
  public final WarehouseServiceGrpc.WarehouseServiceBlockingStub warehouses;
  public final SavedSearchServiceGrpc.SavedSearchServiceBlockingStub searches;

  private MasterdataFixtures(Channel ch, String token) {
    items = TestServer.withToken(token, ItemServiceGrpc.newBlockingStub(ch));
    units = TestServer.withToken(token, UnitServiceGrpc.newBlockingStub(ch));
    customers = TestServer.withToken(token, CustomerServiceGrpc.newBlockingStub(ch));
    suppliers = TestServer.withToken(token, SupplierServiceGrpc.newBlockingStub(ch));
    warehouses = TestServer.withToken(token, WarehouseServiceGrpc.newBlockingStub(ch));
    searches = TestServer.withToken(token, SavedSearchServiceGrpc.newBlockingStub(ch));
  }

  public static MasterdataFixtures of(Channel ch, String token) {
    return new MasterdataFixtures(ch, token);
  }

  public static CreateItemRequest.Builder itemRequest(String code, String name) {
    return CreateItemRequest.newBuilder()
        .setCode(code)
        .setName(name)
        .setUnitCode("t")
        .setKind(ItemKind.ITEM_KIND_FINISHED_GOOD)
        .setDefaultSalePrice(Money.newBuilder().setAmount("95000.00").setCurrencyCode("BDT"))
        .setTaxCategory(TaxCategory.TAX_CATEGORY_STANDARD);
  }

  public Item item(String code, String name) {
    return items.createItem(itemRequest(code, name).build());
  }

  public static CreatePartyRequest.Builder partyRequest(String code, String name) {
    return CreatePartyRequest.newBuilder()
        .setCode(code)
        .setName(name)
        .setAddress("Station Road, Joypurhat")
        .setPhone("+880 1711 000000")
        .setBin("0012345678901")
        .setCreditLimit(Money.newBuilder().setAmount("500000").setCurrencyCode("BDT"))
        .setPaymentTermsDays(30);
  }

  public Party customer(String code, String name) {
    return customers.createCustomer(partyRequest(code, name).build());
  }

  public Party supplier(String code, String name) {
    return suppliers.createSupplier(partyRequest(code, name).build());
  }

  public Warehouse warehouse(String code, String name, String... locationCodes) {
    var b = CreateWarehouseRequest.newBuilder().setCode(code).setName(name);
    for (String l : locationCodes) {
      b.addLocations(
          LocationInput.newBuilder().setCode(l).setName("Location " + l).setActive(true));
    }
    return warehouses.createWarehouse(b.build());
  }

  public void savedSearch(String screen, String name, String filter) {
    searches.saveSearch(
        SaveSearchRequest.newBuilder().setScreen(screen).setName(name).setFilter(filter).build());
  }
}
