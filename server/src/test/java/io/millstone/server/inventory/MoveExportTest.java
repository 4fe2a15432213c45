package io.millstone.server.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.millstone.api.inventory.v1.ListMovesRequest;
import io.millstone.api.inventory.v1.Move;
import io.millstone.api.inventory.v1.MoveBatch;
import io.millstone.api.inventory.v1.StockServiceGrpc;
import io.millstone.server.TestPlatform;
import io.millstone.server.TestServer;
import io.millstone.server.masterdata.MasterdataFixtures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stores keeper exports every stock move to a spreadsheet: the server streams them oldest first
 * in batches, the first carrying the total, only the caller's company's moves, and never runs ahead
 * of a slow reader.
 */
class MoveExportTest {
  static final int MANY = 30_000;
  static TestServer t;
  static UUID mill;
  static UUID other;
  static StockServiceGrpc.StockServiceBlockingStub stock;
  static String token;

  @BeforeAll
  static void start() throws Exception {
    t = new TestServer();
    mill = t.createCompany("Export Mill").id();
    other = t.createCompany("Other Export Mill").id();
    token =
        t.login(t.createUser(mill, t.unique("exp.keeper"), "stores"), TestServer.PASSWORD)
            .getSessionToken();
    String admin =
        t.login(t.createUser(mill, t.unique("exp.admin"), "admin"), TestServer.PASSWORD)
            .getSessionToken();
    MasterdataFixtures md = MasterdataFixtures.of(t.channel(), admin);
    md.warehouse("MAIN", "Main godown");
    md.warehouse("STORES", "General stores");
    md.item("SUGAR", "Sugar");
    md.item("LIME", "Lime");
    String otherAdmin =
        t.login(t.createUser(other, t.unique("exp.other"), "admin"), TestServer.PASSWORD)
            .getSessionToken();
    MasterdataFixtures mo = MasterdataFixtures.of(t.channel(), otherAdmin);
    mo.warehouse("MAIN", "Their godown");
    mo.item("SUGAR", "Their sugar");
    // MANY moves of sugar into MAIN, 10 of lime into STORES; 5 of the other company's sugar.
    seed(mill, "SUGAR", "MAIN", MANY, "S");
    seed(mill, "LIME", "STORES", 10, "L");
    seed(other, "SUGAR", "MAIN", 5, "X");
    stock = TestServer.withToken(token, StockServiceGrpc.newBlockingStub(t.channel()));
  }

  /** Moves written straight into the ledger's table, one a minute from a fixed start. */
  static void seed(UUID company, String item, String warehouse, int n, String refPrefix)
      throws Exception {
    try (Connection c = TestPlatform.get().database().ownerDataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "WITH mv AS (INSERT INTO stock_movement (id, company_id, kind, reference,"
                    + " posted_at, posted_by) VALUES (gen_random_uuid(), ?, 'RECEIPT', 'seed',"
                    + " now(), 'seed') RETURNING id)"
                    + " INSERT INTO stock_move (id, company_id, movement_id, item_id,"
                    + " warehouse_id, quantity, unit_cost, value, kind, reference, posted_at,"
                    + " posted_by)"
                    + " SELECT gen_random_uuid(), ?, mv.id, i.id, w.id, g, 2, 2 * g, 'RECEIPT',"
                    + " ? || g, timestamptz '2026-01-01 00:00Z' + g * interval '1 minute', 'seed'"
                    + " FROM mv, generate_series(1, ?) g, item i, warehouse w"
                    + " WHERE i.company_id = ? AND i.code = ? AND w.company_id = ? AND w.code = ?")) {
      ps.setObject(1, company);
      ps.setObject(2, company);
      ps.setString(3, refPrefix);
      ps.setInt(4, n);
      ps.setObject(5, company);
      ps.setString(6, item);
      ps.setObject(7, company);
      ps.setString(8, warehouse);
      assertThat(ps.executeUpdate()).isEqualTo(n);
    }
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static List<Move> all(ListMovesRequest req, long[] total) {
    List<Move> out = new ArrayList<>();
    Iterator<MoveBatch> it = stock.exportMoves(req);
    boolean first = true;
    while (it.hasNext()) {
      MoveBatch b = it.next();
      if (first) {
        total[0] = b.getTotal();
        first = false;
      }
      assertThat(b.getMovesCount()).isLessThanOrEqualTo(MoveExport.BATCH_SIZE);
      out.addAll(b.getMovesList());
    }
    return out;
  }

  @Test
  void everyMoveOfTheCompanyOldestFirstWithTheTotalOnTheFirstBatch() {
    long[] total = {0};
    List<Move> moves = all(ListMovesRequest.getDefaultInstance(), total);
    assertThat(total[0]).isEqualTo(MANY + 10);
    assertThat(moves).hasSize(MANY + 10);
    assertThat(moves).noneMatch(m -> m.getReference().startsWith("X"));
    Instant prev = Instant.MIN;
    for (Move m : moves) {
      Instant at = Instant.ofEpochSecond(m.getPostedAt().getSeconds(), m.getPostedAt().getNanos());
      assertThat(at).isAfterOrEqualTo(prev);
      prev = at;
    }
    assertThat(moves.get(0).getReference()).isIn("S1", "L1");
    assertThat(moves.get(0).getUnitCost().getCurrencyCode()).isNotEmpty();
  }

  @Test
  void theFilterPicksTheItemAndWarehouse() {
    long[] total = {0};
    List<Move> lime = all(ListMovesRequest.newBuilder().setItemCode("lime").build(), total);
    assertThat(total[0]).isEqualTo(10);
    assertThat(lime).extracting(Move::getItemCode).containsOnly("LIME");
    assertThat(lime).extracting(Move::getReference).startsWith("L1", "L2", "L3");
    List<Move> none =
        all(
            ListMovesRequest.newBuilder().setItemCode("LIME").setWarehouseCode("MAIN").build(),
            total);
    assertThat(total[0]).isZero();
    assertThat(none).isEmpty();
  }

  @Test
  void badInputIsRefusedWithTheField() {
    var e =
        TestServer.failure(
            () ->
                all(
                    ListMovesRequest.newBuilder().setItemCode("X".repeat(40)).build(),
                    new long[1]));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription()).contains("item_code");
  }

  @Test
  void aSlowReaderKeepsTheServerWaitingNotBuffering() throws Exception {
    var async = TestServer.withToken(token, StockServiceGrpc.newStub(t.channel()));
    LinkedBlockingQueue<MoveBatch> got = new LinkedBlockingQueue<>();
    CountDownLatch done = new CountDownLatch(1);
    ClientCallStreamObserver<?>[] requester = new ClientCallStreamObserver<?>[1];
    long sentBefore = t.server().moveExport().batchesSent();
    async.exportMoves(
        ListMovesRequest.newBuilder().setItemCode("SUGAR").build(),
        new ClientResponseObserver<ListMovesRequest, MoveBatch>() {
          @Override
          public void beforeStart(ClientCallStreamObserver<ListMovesRequest> r) {
            requester[0] = r;
            r.disableAutoRequestWithInitial(1);
          }

          @Override
          public void onNext(MoveBatch value) {
            got.add(value);
          }

          @Override
          public void onError(Throwable e) {
            done.countDown();
          }

          @Override
          public void onCompleted() {
            done.countDown();
          }
        });
    MoveBatch first = got.poll(30, TimeUnit.SECONDS);
    assertThat(first).isNotNull();
    assertThat(first.getTotal()).isEqualTo(MANY);
    // The reader asked for one batch; the server sends until the transport is full, then waits.
    waitUntil(() -> t.server().moveExport().waiting() > 0);
    long sent = t.server().moveExport().batchesSent() - sentBefore;
    int batches = MANY / MoveExport.BATCH_SIZE;
    assertThat(sent).isLessThan(batches / 2);
    // Reading on, everything arrives.
    requester[0].request(Integer.MAX_VALUE);
    assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
    long count = first.getMovesCount();
    for (MoveBatch b : got) {
      count += b.getMovesCount();
    }
    assertThat(count).isEqualTo(MANY);
  }

  static void waitUntil(java.util.function.BooleanSupplier c) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!c.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(until);
      Thread.sleep(10);
    }
  }
}
