package io.millstone.server.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.millstone.api.analytics.v1.CardGroup;
import io.millstone.api.analytics.v1.DashboardServiceGrpc;
import io.millstone.api.analytics.v1.GetHomeRequest;
import io.millstone.api.analytics.v1.Home;
import io.millstone.api.analytics.v1.HomeCard;
import io.millstone.api.common.v1.Date;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.common.v1.IdempotencyKey;
import io.millstone.api.common.v1.Money;
import io.millstone.api.inventory.v1.ReceiveStockRequest;
import io.millstone.api.inventory.v1.StockLine;
import io.millstone.api.inventory.v1.StockServiceGrpc;
import io.millstone.api.masterdata.v1.GetRequest;
import io.millstone.api.masterdata.v1.Item;
import io.millstone.api.masterdata.v1.ItemKind;
import io.millstone.api.masterdata.v1.TaxCategory;
import io.millstone.api.masterdata.v1.UpdateItemRequest;
import io.millstone.api.purchasing.v1.CreatePurchaseOrderRequest;
import io.millstone.api.purchasing.v1.DecidePurchaseOrderRequest;
import io.millstone.api.purchasing.v1.PurchaseLineInput;
import io.millstone.api.purchasing.v1.PurchaseOrder;
import io.millstone.api.purchasing.v1.PurchaseOrderState;
import io.millstone.api.purchasing.v1.PurchasingServiceGrpc;
import io.millstone.api.sales.v1.CreateOrderRequest;
import io.millstone.api.sales.v1.DeliveryLineInput;
import io.millstone.api.sales.v1.OrderLineInput;
import io.millstone.api.sales.v1.PostDeliveryRequest;
import io.millstone.api.sales.v1.PostInvoiceRequest;
import io.millstone.api.sales.v1.SalesOrder;
import io.millstone.api.sales.v1.SalesServiceGrpc;
import io.millstone.server.TestServer;
import io.millstone.server.masterdata.MasterdataFixtures;
import io.millstone.server.production.ProductionFixtures;
import io.millstone.server.telemetry.TelemetryFixtures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A morning at the mill: the sales officer, the stores keeper and the manager open the client. Each
 * sees the cards of the lists they may read, with figures that add up the documents of the day.
 */
class HomeDashboardTest {
  static TestServer t;
  static UUID mill;
  static String admin;
  static MasterdataFixtures md;
  static String salesUser;
  static String storesUser;
  static String managerUser;
  static String lime;
  static PurchaseOrder waiting;

  @BeforeAll
  static void start() {
    t = new TestServer();
    mill = t.createCompany("Home Mill").id();
    String adminUser = t.createUser(mill, t.unique("home.admin"), "admin");
    admin = t.login(adminUser, TestServer.PASSWORD).getSessionToken();
    md = MasterdataFixtures.of(t.channel(), admin);
    md.warehouse("GODOWN", "Sugar godown");
    salesUser = t.createUser(mill, t.unique("home.sales"), "sales");
    storesUser = t.createUser(mill, t.unique("home.stores"), "stores");
    managerUser = t.createUser(mill, t.unique("home.manager"), "manager");

    // A finished shift today: 10 t of cane crushed, 0.65 t of sugar made.
    new TelemetryFixtures(t.channel(), admin).mill("HOME-MILL");
    ProductionFixtures.oneShift(t, mill, admin, "HOME-MILL");

    // Sugar sold: an order today (2 t at 60,000 + 15 % VAT), and an invoice from 60 days ago,
    // due after the customer's 30 days, unpaid.
    String sugar = "HSUG";
    md.items.createItem(
        MasterdataFixtures.itemRequest(sugar, "Refined sugar")
            .setDefaultSalePrice(Money.newBuilder().setAmount("60000").setCurrencyCode("BDT"))
            .build());
    receive(sugar, "GODOWN", "50", "50000");
    String customer = "HCUS";
    md.customer(customer, "Dhaka Traders");
    var sales = t.as(salesUser, SalesServiceGrpc.newBlockingStub(t.channel()));
    sales.createOrder(order(customer, sugar, "2", today()));
    SalesOrder old = sales.createOrder(order(customer, sugar, "1", today().minusDays(60)));
    var adminSales = TestServer.withToken(admin, SalesServiceGrpc.newBlockingStub(t.channel()));
    adminSales.postDelivery(
        PostDeliveryRequest.newBuilder()
            .setIdempotencyKey(key())
            .setOrderId(old.getId())
            .setWarehouseCode("GODOWN")
            .setDeliveryDate(date(today().minusDays(60)))
            .addLines(DeliveryLineInput.newBuilder().setOrderLineNo(1).setQuantity(dec("1")))
            .build());
    adminSales.postInvoice(
        PostInvoiceRequest.newBuilder()
            .setIdempotencyKey(key())
            .setOrderId(old.getId())
            .setInvoiceDate(date(today().minusDays(60)))
            .build());

    // Lime runs short: 40 kg in store, reorder below 100 kg.
    lime = "HLIME";
    md.items.createItem(
        MasterdataFixtures.itemRequest(lime, "Quick lime")
            .setKind(ItemKind.ITEM_KIND_CONSUMABLE)
            .setUnitCode("kg")
            .setTaxCategory(TaxCategory.TAX_CATEGORY_EXEMPT)
            .setReorderLevel(dec("100"))
            .build());
    receive(lime, "GODOWN", "40", "20");

    // The stores keeper orders 700,000 of lime, above the approval threshold.
    md.supplier("HSUP", "Joypurhat Lime Works");
    var stores = t.as(storesUser, PurchasingServiceGrpc.newBlockingStub(t.channel()));
    PurchaseOrder po =
        stores.createPurchaseOrder(
            CreatePurchaseOrderRequest.newBuilder()
                .setIdempotencyKey(key())
                .setSupplierCode("HSUP")
                .setOrderDate(date(today()))
                .addLines(
                    PurchaseLineInput.newBuilder()
                        .setItemCode(lime)
                        .setQuantity(dec("20000"))
                        .setUnitPrice(dec("35")))
                .build());
    waiting =
        stores.submitPurchaseOrder(
            DecidePurchaseOrderRequest.newBuilder()
                .setId(po.getId())
                .setVersion(po.getVersion())
                .build());
    assertThat(waiting.getState())
        .isEqualTo(PurchaseOrderState.PURCHASE_ORDER_STATE_AWAITING_APPROVAL);
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static Home home(String user) {
    return t.as(user, DashboardServiceGrpc.newBlockingStub(t.channel()))
        .getHome(GetHomeRequest.getDefaultInstance());
  }

  static Map<String, HomeCard> byId(Home h) {
    return h.getCardsList().stream()
        .collect(Collectors.toMap(HomeCard::getId, Function.identity()));
  }

  @Test
  void theSalesOfficerSeesTodaysOrdersAndOverdueMoneyButNoProductionOrAccountsCards() {
    Home h = home(salesUser);
    Map<String, HomeCard> cards = byId(h);
    assertThat(h.getToday()).isEqualTo(date(today()));
    assertThat(h.getCardsList())
        .extracting(HomeCard::getGroup)
        .doesNotContain(
            CardGroup.CARD_GROUP_PRODUCTION,
            CardGroup.CARD_GROUP_ACCOUNTS,
            CardGroup.CARD_GROUP_APPROVALS);
    assertThat(cards)
        .containsKeys("sales.orders.today", "sales.deliveries.today", "sales.receivables.overdue");

    HomeCard orders = cards.get("sales.orders.today");
    // 2 t x 60,000 = 120,000 net, 18,000 VAT
    assertThat(amount(orders.getMoney())).isEqualByComparingTo("138000");
    assertThat(orders.getMoney().getCurrencyCode()).isEqualTo("BDT");
    assertThat(orders.getDocuments()).isEqualTo(1);
    assertThat(orders.getSeriesCount()).isEqualTo(7);
    assertThat(new BigDecimal(orders.getSeries(6).getValue())).isEqualByComparingTo("138000");
    assertThat(orders.getScreenId()).isEqualTo("sales-orders");

    HomeCard overdue = cards.get("sales.receivables.overdue");
    assertThat(amount(overdue.getMoney())).isEqualByComparingTo("69000");
    assertThat(overdue.getAttention()).isTrue();
    assertThat(cards.get("sales.deliveries.today").getDocuments()).isZero();
  }

  @Test
  void theManagerSeesEveryCardWithTheDaysFigures() {
    Map<String, HomeCard> cards = byId(home(managerUser));
    assertThat(cards)
        .containsKeys(
            "sales.orders.today",
            "sales.deliveries.today",
            "sales.receivables.overdue",
            "accounts.cash",
            "accounts.payables.week",
            "accounts.vat.month",
            "stores.sugar",
            "stores.molasses",
            "stores.reorder",
            "production.cane.today",
            "production.recovery.today",
            "production.oee.now",
            "production.alarms",
            "approvals.purchase");

    HomeCard cane = cards.get("production.cane.today");
    assertThat(new BigDecimal(cane.getTonnes().getValue())).isEqualByComparingTo("10");
    assertThat(cane.getSeriesCount()).isEqualTo(7);
    assertThat(new BigDecimal(cane.getSeries(6).getValue())).isEqualByComparingTo("10");
    assertThat(new BigDecimal(cane.getSeries(5).getValue())).isZero();
    // 0.65 t of sugar from 10 t of cane
    assertThat(new BigDecimal(cards.get("production.recovery.today").getPercent().getValue()))
        .isEqualByComparingTo("6.5");
    assertThat(cards.get("production.oee.now").getValueCase())
        .as("no machine here has a rated speed, so the shift has no OEE")
        .isEqualTo(HomeCard.ValueCase.VALUE_NOT_SET);

    // The shift's sugar is in the yard; the sugar sold through the godown is not a BOM's sugar.
    assertThat(new BigDecimal(cards.get("stores.sugar").getTonnes().getValue()))
        .isEqualByComparingTo("0.65");
    HomeCard reorder = cards.get("stores.reorder");
    assertThat(reorder.getCount()).isEqualTo(1);
    assertThat(reorder.getFilter()).isEqualTo(lime);
    assertThat(reorder.getScreenId()).isEqualTo("stock-on-hand");

    HomeCard approvals = cards.get("approvals.purchase");
    assertThat(approvals.getCount()).isEqualTo(1);
    assertThat(approvals.getScreenId()).isEqualTo("purchase-approvals");
    assertThat(approvals.getAttention()).isTrue();

    // The invoice's 69,000 VAT-inclusive; its 9,000 output VAT is in the month it was posted.
    assertThat(cards.get("accounts.cash").getSeriesCount()).isEqualTo(7);
    assertThat(amount(cards.get("accounts.payables.week").getMoney())).isZero();
  }

  @Test
  void anItemAboveItsReorderLevelIsNoLongerCounted() {
    Item item = md.items.getItem(GetRequest.newBuilder().setId(idOf(lime)).build());
    assertThat(new BigDecimal(item.getReorderLevel().getValue())).isEqualByComparingTo("100");
    // A reorder level is kept through an update that keeps it, and 0 removes it.
    Item changed =
        md.items.updateItem(
            UpdateItemRequest.newBuilder()
                .setId(item.getId())
                .setVersion(item.getVersion())
                .setName(item.getName())
                .setUnitCode(item.getUnitCode())
                .setKind(item.getKind())
                .setDefaultSalePrice(item.getDefaultSalePrice())
                .setTaxCategory(item.getTaxCategory())
                .setReorderLevel(dec("30"))
                .build());
    assertThat(new BigDecimal(changed.getReorderLevel().getValue())).isEqualByComparingTo("30");
    try {
      assertThat(byId(home(managerUser)).get("stores.reorder").getCount()).isZero();
    } finally {
      md.items.updateItem(
          UpdateItemRequest.newBuilder()
              .setId(changed.getId())
              .setVersion(changed.getVersion())
              .setName(changed.getName())
              .setUnitCode(changed.getUnitCode())
              .setKind(changed.getKind())
              .setDefaultSalePrice(changed.getDefaultSalePrice())
              .setTaxCategory(changed.getTaxCategory())
              .setReorderLevel(dec("100"))
              .build());
    }
  }

  @Test
  void aNegativeReorderLevelIsRefusedOnTheField() {
    var e =
        TestServer.failure(
            () ->
                md.items.createItem(
                    MasterdataFixtures.itemRequest("HNEG", "Sulphur")
                        .setReorderLevel(dec("-5"))
                        .build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(io.grpc.protobuf.StatusProto.fromThrowable(e).toString()).contains("reorder_level");
  }

  @Test
  void theSubmitterDoesNotSeeTheirOwnOrderAsWaitingForThem() {
    // The stores keeper cannot approve at all: no approvals card.
    assertThat(byId(home(storesUser))).doesNotContainKey("approvals.purchase");
    // An admin who approves, but created nothing, sees the order waiting.
    assertThat(
            byId(home(t.createUser(mill, t.unique("home.admin2"), "admin")))
                .get("approvals.purchase")
                .getCount())
        .isEqualTo(1);
  }

  @Test
  void aPersonWithoutTheDashboardPermissionIsRefused() {
    String nobody = t.createUser(mill, t.unique("home.nobody"));
    assertThat(TestServer.codeOf(() -> home(nobody))).isEqualTo(Status.Code.PERMISSION_DENIED);
  }

  // ------------------------------------------------------------ fixtures

  static String idOf(String code) {
    return md
        .items
        .listItems(io.millstone.api.masterdata.v1.ListRequest.newBuilder().setFilter(code).build())
        .getItemsList()
        .stream()
        .filter(i -> i.getCode().equals(code))
        .findFirst()
        .orElseThrow()
        .getId();
  }

  static CreateOrderRequest order(String customer, String item, String qty, LocalDate day) {
    return CreateOrderRequest.newBuilder()
        .setIdempotencyKey(key())
        .setCustomerCode(customer)
        .setOrderDate(date(day))
        .addLines(OrderLineInput.newBuilder().setItemCode(item).setQuantity(dec(qty)))
        .build();
  }

  static void receive(String item, String warehouse, String qty, String cost) {
    TestServer.withToken(admin, StockServiceGrpc.newBlockingStub(t.channel()))
        .receiveStock(
            ReceiveStockRequest.newBuilder()
                .addLines(
                    StockLine.newBuilder()
                        .setItemCode(item)
                        .setWarehouseCode(warehouse)
                        .setQuantity(dec(qty)))
                .addUnitCosts(dec(cost))
                .setReference("opening")
                .build());
  }

  static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Dhaka"));
  }

  static Date date(LocalDate d) {
    return Date.newBuilder()
        .setYear(d.getYear())
        .setMonth(d.getMonthValue())
        .setDay(d.getDayOfMonth())
        .build();
  }

  static Decimal dec(String v) {
    return Decimal.newBuilder().setValue(v).build();
  }

  static IdempotencyKey key() {
    return IdempotencyKey.newBuilder().setValue(UUID.randomUUID().toString()).build();
  }

  static BigDecimal amount(Money m) {
    return new BigDecimal(m.getAmount());
  }

  static List<String> ids(Home h) {
    return h.getCardsList().stream().map(HomeCard::getId).toList();
  }
}
