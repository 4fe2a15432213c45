package io.millstone.server.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.common.v1.IdempotencyKey;
import io.millstone.api.inventory.v1.IssueStockRequest;
import io.millstone.api.inventory.v1.ListOnHandRequest;
import io.millstone.api.inventory.v1.OnHand;
import io.millstone.api.inventory.v1.PostStockCountRequest;
import io.millstone.api.inventory.v1.ReceiveStockRequest;
import io.millstone.api.inventory.v1.StockLine;
import io.millstone.api.inventory.v1.StockMovement;
import io.millstone.api.inventory.v1.StockServiceGrpc;
import io.millstone.api.inventory.v1.TransferStockRequest;
import io.millstone.server.TestPlatform;
import io.millstone.server.TestServer;
import io.millstone.server.masterdata.MasterdataFixtures;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
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
 * The stores keeper receives, issues, transfers and counts sugar; the ledger stays right under
 * concurrency: stock never goes negative, balances equal the sum of their moves, and the value
 * follows the moving average.
 */
class StockLedgerScenarioTest {
  static TestServer t;
  static UUID mill;
  static StockServiceGrpc.StockServiceBlockingStub stock;
  static MasterdataFixtures md;
  static int items;

  /** A fresh item for each test, so the tests' stock and costs never mix. */
  static String newItem(String name) {
    String code = "IT-" + (++items);
    md.item(code, name);
    return code;
  }

  @BeforeAll
  static void start() {
    t = new TestServer();
    mill = t.createCompany("Stock Mill").id();
    String token =
        t.login(t.createUser(mill, t.unique("stk.keeper"), "stores"), TestServer.PASSWORD)
            .getSessionToken();
    String admin =
        t.login(t.createUser(mill, t.unique("stk.admin"), "admin"), TestServer.PASSWORD)
            .getSessionToken();
    md = MasterdataFixtures.of(t.channel(), admin);
    md.warehouse("MAIN", "Main godown", "BAY-A");
    md.warehouse("STORES", "General stores");
    stock = TestServer.withToken(token, StockServiceGrpc.newBlockingStub(t.channel()));
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @AfterEach
  void ledgerInvariantsHold() throws Exception {
    try (Connection c = TestPlatform.get().database().ownerDataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FROM stock_balance b FULL JOIN ("
                    + " SELECT company_id, item_id, warehouse_id, lot, sum(quantity) q, sum(value) v"
                    + " FROM stock_move GROUP BY 1, 2, 3, 4) m USING (company_id, item_id, warehouse_id, lot)"
                    + " WHERE coalesce(b.quantity, 0) <> coalesce(m.q, 0) OR coalesce(b.value, 0) <> coalesce(m.v, 0)"
                    + " OR b.quantity < 0")) {
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1))
            .as("balances that differ from the sum of their moves, or negative")
            .isZero();
      }
    }
    try (Connection c = TestPlatform.get().database().ownerDataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FROM item_cost k LEFT JOIN (SELECT company_id, item_id, sum(quantity) q, sum(value) v"
                    + " FROM stock_balance GROUP BY 1, 2) b USING (company_id, item_id)"
                    + " WHERE k.quantity <> coalesce(b.q, 0) OR k.value <> coalesce(b.v, 0)")) {
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).as("item costs that differ from their balances").isZero();
      }
    }
  }

  static StockLine line(String item, String warehouse, String qty) {
    return StockLine.newBuilder()
        .setItemCode(item)
        .setWarehouseCode(warehouse)
        .setQuantity(Decimal.newBuilder().setValue(qty))
        .build();
  }

  static StockMovement receive(String item, String wh, String qty, String cost) {
    return stock.receiveStock(
        ReceiveStockRequest.newBuilder()
            .addLines(line(item, wh, qty))
            .addUnitCosts(Decimal.newBuilder().setValue(cost))
            .setReference("test")
            .build());
  }

  static OnHand onHand(String item, String wh) {
    return stock
        .listOnHand(ListOnHandRequest.newBuilder().setItemCode(item).setWarehouseCode(wh).build())
        .getLinesList()
        .stream()
        .findFirst()
        .orElse(OnHand.newBuilder().setQuantity(Decimal.newBuilder().setValue("0")).build());
  }

  @Test
  void issuesAreValuedAtTheMovingAverageCost() {
    String molasses = newItem("Molasses");
    receive(molasses, "MAIN", "100", "130000");
    receive(molasses, "MAIN", "50", "136000");

    StockMovement issue =
        stock.issueStock(
            IssueStockRequest.newBuilder().addLines(line(molasses, "MAIN", "30")).build());

    assertThat(issue.getMoves(0).getUnitCost().getAmount()).isEqualTo("132000.00");
    assertThat(issue.getMoves(0).getValue().getAmount()).isEqualTo("-3960000.00");
    OnHand left = onHand(molasses, "MAIN");
    assertThat(left.getQuantity().getValue()).isEqualTo("120");
    assertThat(left.getValue().getAmount()).isEqualTo("15840000.00");
  }

  @Test
  void parallelIssuesOfTheLastBagsNeverTakeStockBelowZero() throws Exception {
    String item = newItem("Sugar L-30");
    receive(item, "STORES", "10", "135000");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Callable<Status.Code>> calls = new ArrayList<>();
    List<String> refusals = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 24; i++) {
      calls.add(
          () -> {
            try {
              stock.issueStock(
                  IssueStockRequest.newBuilder().addLines(line(item, "STORES", "1")).build());
              return Status.Code.OK;
            } catch (StatusRuntimeException e) {
              refusals.add(e.getStatus().getDescription());
              return e.getStatus().getCode();
            }
          });
    }
    int ok = 0;
    int refused = 0;
    try {
      for (Future<Status.Code> f : pool.invokeAll(calls)) {
        if (f.get() == Status.Code.OK) {
          ok++;
        } else {
          // Refused at the balance (a race) or before it, beside the line's quantity.
          assertThat(f.get()).isIn(Status.Code.FAILED_PRECONDITION, Status.Code.INVALID_ARGUMENT);
          refused++;
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(ok).isEqualTo(10);
    assertThat(refused).isEqualTo(14);
    assertThat(refusals)
        .allSatisfy(
            r ->
                assertThat(r)
                    .containsAnyOf(
                        "Not enough stock of " + item + " in General stores: 0 t on hand",
                        "is more than the 0 t of " + item + " on hand in General stores"));
    assertThat(new BigDecimal(onHand(item, "STORES").getQuantity().getValue())).isZero();
  }

  @Test
  void parallelReceiptsAndIssuesOfOneItemKeepItsCostEqualToItsBalances() throws Exception {
    // Receipts add to the item's cost row at their end without reading it (their additions
    // commute); issues read the average under a lock. Mixed in parallel, the cost row must still
    // be the sum of the balances (checked after every test) and nothing may be lost.
    String item = newItem("Cane");
    receive(item, "MAIN", "100", "6000");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Callable<Void>> calls = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      int n = i;
      calls.add(
          () -> {
            if (n % 2 == 0) {
              receive(item, n % 4 == 0 ? "MAIN" : "STORES", "10", Integer.toString(5900 + n));
            } else {
              stock.issueStock(
                  IssueStockRequest.newBuilder().addLines(line(item, "MAIN", "2")).build());
            }
            return null;
          });
    }
    try {
      for (Future<Void> f : pool.invokeAll(calls)) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    BigDecimal main = new BigDecimal(onHand(item, "MAIN").getQuantity().getValue());
    BigDecimal stores = new BigDecimal(onHand(item, "STORES").getQuantity().getValue());
    assertThat(main.add(stores)).isEqualByComparingTo("228"); // 100 + 16 x 10 - 16 x 2
    assertThat(stores).isEqualByComparingTo("80");
  }

  @Test
  void aTransferMovesQuantityAndValueButNotTheCost() {
    String sugar = newItem("Sugar M-30");
    receive(sugar, "MAIN", "40", "135000");
    StockMovement moved =
        stock.transferStock(
            TransferStockRequest.newBuilder()
                .addLines(line(sugar, "MAIN", "15"))
                .setToWarehouseCode("STORES")
                .build());
    assertThat(moved.getMovesList())
        .extracting(
            m -> m.getKind() + " " + m.getWarehouseCode() + " " + m.getQuantity().getValue())
        .containsExactlyInAnyOrder("TRANSFER_OUT MAIN -15", "TRANSFER_IN STORES 15");
    assertThat(moved.getMoves(0).getValue().getAmount().replace("-", ""))
        .isEqualTo(moved.getMoves(1).getValue().getAmount().replace("-", ""));
  }

  @Test
  void aCountPostsOnlyTheDifference() {
    String lime = newItem("Quick lime");
    receive(lime, "STORES", "20", "14000");
    StockMovement counted =
        stock.postStockCount(
            PostStockCountRequest.newBuilder().addCounted(line(lime, "STORES", "18.5")).build());
    assertThat(counted.getMovesList())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getKind()).isEqualTo("ADJUSTMENT");
              assertThat(m.getQuantity().getValue()).isEqualTo("-1.5");
            });
    assertThat(onHand(lime, "STORES").getQuantity().getValue()).isEqualTo("18.5");
  }

  @Test
  void aRetriedReceiptWithTheSameKeyIsPostedOnce() {
    String sulphur = newItem("Sulphur");
    var req =
        ReceiveStockRequest.newBuilder()
            .setIdempotencyKey(IdempotencyKey.newBuilder().setValue(UUID.randomUUID().toString()))
            .addLines(line(sulphur, "MAIN", "7"))
            .addUnitCosts(Decimal.newBuilder().setValue("100"))
            .build();
    BigDecimal before = new BigDecimal(onHand(sulphur, "MAIN").getQuantity().getValue());
    String first = stock.receiveStock(req).getId();
    String second = stock.receiveStock(req).getId();
    assertThat(second).isEqualTo(first);
    assertThat(new BigDecimal(onHand(sulphur, "MAIN").getQuantity().getValue()))
        .isEqualByComparingTo(before.add(BigDecimal.valueOf(7)));
  }

  @Test
  void unknownItemsAndWarehousesAreNamedByLine() {
    var e =
        TestServer.failure(
            () ->
                stock.issueStock(
                    IssueStockRequest.newBuilder()
                        .addLines(line(newItem("Bagasse"), "MAIN", "1"))
                        .addLines(line("NOPE", "NOWHERE", "-2"))
                        .build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(io.millstone.server.identity.BadRequests.fields(e))
        .containsExactlyInAnyOrder("lines[1].quantity");
  }

  static io.millstone.api.inventory.v1.SetReorderLevelRequest level(
      String item, String wh, String level) {
    return io.millstone.api.inventory.v1.SetReorderLevelRequest.newBuilder()
        .setItemCode(item)
        .setWarehouseCode(wh)
        .setReorderLevel(Decimal.newBuilder().setValue(level))
        .build();
  }

  @Test
  void issuingMoreThanIsOnHandNamesTheItemAndWhatThereIsBesideTheLine() {
    String item = newItem("Lime");
    receive(item, "MAIN", "12", "900");
    var e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                stock.issueStock(
                    IssueStockRequest.newBuilder()
                        .addLines(line(item, "MAIN", "5"))
                        .addLines(line(item, "MAIN", "10"))
                        .setReference("RUN-7")
                        .build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    // Two lines of one item: the second takes it over what there is.
    assertThat(io.millstone.server.identity.BadRequests.fields(e))
        .containsExactly("lines[1].quantity");
    assertThat(e.getStatus().getDescription())
        .contains("is more than the 12 t of " + item + " on hand in Main godown");
    var t2 =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                stock.transferStock(
                    TransferStockRequest.newBuilder()
                        .addLines(line(item, "MAIN", "13"))
                        .setToWarehouseCode("STORES")
                        .build()));
    assertThat(io.millstone.server.identity.BadRequests.fields(t2))
        .containsExactly("lines[0].quantity");
    assertThat(onHand(item, "MAIN").getQuantity().getValue()).isEqualTo("12");
  }

  @Test
  void aReorderLevelPerWarehouseMarksTheLinesBelowIt() {
    String item = newItem("Sulphur");
    receive(item, "MAIN", "30", "500");
    receive(item, "STORES", "5", "500");
    var set = stock.setReorderLevel(level(item, "stores", "10"));
    assertThat(set.getWarehouseCode()).isEqualTo("STORES");
    assertThat(set.getReorderLevel().getValue()).isEqualTo("10");
    assertThat(onHand(item, "STORES").getBelowReorderLevel()).isTrue();
    assertThat(onHand(item, "STORES").getReorderLevel().getValue()).isEqualTo("10");
    assertThat(onHand(item, "MAIN").getBelowReorderLevel()).isFalse();
    assertThat(onHand(item, "MAIN").hasReorderLevel()).isFalse();
    // Raised stock clears it; 0 removes the warehouse's own level.
    receive(item, "STORES", "5", "500");
    assertThat(onHand(item, "STORES").getBelowReorderLevel()).isFalse();
    stock.setReorderLevel(level(item, "STORES", "0"));
    assertThat(onHand(item, "STORES").hasReorderLevel()).isFalse();
  }

  @Test
  void aBadReorderLevelIsRefusedFieldByFieldAndOtherCompaniesNeverSeeIt() throws Exception {
    String item = newItem("Caustic soda");
    var e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            StatusRuntimeException.class,
            () -> stock.setReorderLevel(level(item, "NOWHERE", "-1")));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(io.millstone.server.identity.BadRequests.fields(e)).containsExactly("reorder_level");
    var w =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            StatusRuntimeException.class, () -> stock.setReorderLevel(level(item, "NOWHERE", "5")));
    assertThat(io.millstone.server.identity.BadRequests.fields(w))
        .containsExactly("warehouse_code");
    stock.setReorderLevel(level(item, "MAIN", "5"));
    // Another company has no such item: its stores keeper cannot set a level on ours.
    UUID other = t.createCompany("Other Stock Mill").id();
    var outsider =
        TestServer.withToken(
            t.login(t.createUser(other, t.unique("stk.other"), "stores"), TestServer.PASSWORD)
                .getSessionToken(),
            StockServiceGrpc.newBlockingStub(t.channel()));
    var foreign =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            StatusRuntimeException.class, () -> outsider.setReorderLevel(level(item, "MAIN", "5")));
    assertThat(io.millstone.server.identity.BadRequests.fields(foreign)).contains("item_code");
    // A lab chemist may read stock but not set levels.
    var lab =
        TestServer.withToken(
            t.login(t.createUser(mill, t.unique("stk.lab"), "lab"), TestServer.PASSWORD)
                .getSessionToken(),
            StockServiceGrpc.newBlockingStub(t.channel()));
    assertThat(
            org.assertj.core.api.Assertions.catchThrowableOfType(
                    StatusRuntimeException.class,
                    () -> lab.setReorderLevel(level(item, "MAIN", "5")))
                .getStatus()
                .getCode())
        .isEqualTo(Status.Code.PERMISSION_DENIED);
  }
}
