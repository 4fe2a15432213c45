package io.millstone.server.bench;

import io.millstone.api.cane.v1.CaneServiceGrpc;
import io.millstone.api.cane.v1.CentreInput;
import io.millstone.api.cane.v1.CentreKind;
import io.millstone.api.cane.v1.CreateGrowerRequest;
import io.millstone.api.cane.v1.CreateSeasonRequest;
import io.millstone.api.cane.v1.IssuePermitsRequest;
import io.millstone.api.cane.v1.Permit;
import io.millstone.api.cane.v1.PermitInput;
import io.millstone.api.cane.v1.PriceInput;
import io.millstone.api.cane.v1.WeighInRequest;
import io.millstone.api.cane.v1.WeighOutRequest;
import io.millstone.api.cane.v1.WeightSource;
import io.millstone.api.common.v1.Date;
import io.millstone.api.production.v1.BomInput;
import io.millstone.api.production.v1.BomOutput;
import io.millstone.api.production.v1.CostBasis;
import io.millstone.api.production.v1.OutputFigure;
import io.millstone.api.production.v1.OutputType;
import io.millstone.api.production.v1.PlanRunRequest;
import io.millstone.api.production.v1.ProductionServiceGrpc;
import io.millstone.api.production.v1.RecordConsumptionRequest;
import io.millstone.api.production.v1.RecordOutputRequest;
import io.millstone.api.production.v1.RunActionRequest;
import io.millstone.api.production.v1.SaveBomRequest;
import io.millstone.api.production.v1.SaveWorkCentreRequest;
import io.millstone.api.production.v1.Shift;
import io.millstone.server.inventory.StockLedger;
import io.millstone.server.masterdata.ItemAdmin;
import io.millstone.server.masterdata.PartyAdmin;
import io.millstone.server.masterdata.WarehouseAdmin;
import io.millstone.server.masterdata.model.Item;
import io.millstone.server.platform.Actor;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code scripts/bench season}: weighbridge clerks at three purchase centres weigh trucks in and
 * out over real gRPC (each ticket checks its permit, and its weigh-out posts the cane to stock and
 * the books at the centre's price) while production runs post. A warm-up day's worth of trucks
 * first, then a day's {@value #DAY} tickets are timed. The reference is pgbench's TPC-B on the same
 * PostgreSQL; a ticket is two transactions (in and out), a run its own count.
 */
public final class SeasonBench {
  static final int CLERKS = Integer.getInteger("bench.concurrency", 6);
  static final int DAY = Integer.getInteger("bench.tickets", 3000);
  static final int WARMUP = Integer.getInteger("bench.warmup.tickets", 3000);
  static final int GROWERS = 300;
  static final String[] CENTRES = {"GATE", "OUT-1", "OUT-2"};
  static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");

  public static void main(String[] args) throws Exception {
    try (TradeBench bench = new TradeBench(CLERKS + 2)) {
      LocalDate today = LocalDate.now(DHAKA);
      var office = bench.signedIn(CLERKS, CaneServiceGrpc::newBlockingStub);
      List<ConcurrentLinkedQueue<String>> permits = setUp(bench, office, today);
      Runs runs = new Runs(bench, today);
      System.out.printf(
          "season bench: %d clerks at %d centres, %d tickets warm-up, %d measured%n",
          CLERKS, CENTRES.length, WARMUP, DAY);

      // Warm-up: the same work, not counted (the JIT is still compiling the first thousands).
      weigh(bench, permits, WARMUP, new long[WARMUP], runs);
      long[] latencies = new long[DAY];
      long runsBefore = runs.done.get();
      long start = System.nanoTime();
      int errors = weigh(bench, permits, DAY, latencies, runs);
      double seconds = (System.nanoTime() - start) / 1e9;
      long runsDone = runs.done.get() - runsBefore;
      runs.stop();
      double ticketsPerSec = DAY / seconds;
      double runsPerSec = runsDone / seconds;
      double p95 = TradeBench.percentile(latencies, DAY, 0.95);
      System.out.printf(
          "season bench: %d tickets in %.1f s (%d errors), %d runs posted meanwhile (%d run"
              + " errors); running pgbench...%n",
          DAY, seconds, errors, runsDone, runs.errors.get());
      double tps = bench.pgbenchTps(CLERKS, 20);
      System.out.printf(
          "season tickets_per_sec=%.0f runs_per_sec=%.2f p95_ms=%.1f seconds_for_%d=%.1f"
              + " pgbench_tps=%.0f ratio_to_pgbench=%s clerks=%d errors=%d%n",
          ticketsPerSec,
          runsPerSec,
          p95,
          DAY,
          seconds,
          tps,
          tps > 0
              ? String.format("%.2f", (ticketsPerSec * 2 + runsPerSec * Runs.CALLS) / tps)
              : "n/a",
          CLERKS,
          errors + runs.errors.get());
    }
    System.exit(0);
  }

  /** Centres, a season, growers and a day of permits for every truck the run will weigh. */
  static List<ConcurrentLinkedQueue<String>> setUp(
      TradeBench bench, CaneServiceGrpc.CaneServiceBlockingStub office, LocalDate today) {
    Actor actor = Actor.system(bench.companyId, "bench");
    var season =
        CreateSeasonRequest.newBuilder()
            .setIdempotencyKey(TradeBench.key())
            .setCode("BENCH")
            .setName("Bench season")
            .setStartDate(date(today.minusDays(30)))
            .setEndDate(date(today.plusDays(90)));
    for (String code : CENTRES) {
      bench
          .server
          .warehouseAdmin()
          .create(
              actor,
              null,
              code,
              "Centre " + code,
              "",
              List.of(new WarehouseAdmin.LocationInput("YARD", "Yard", true)));
      season.addCentres(
          CentreInput.newBuilder()
              .setWarehouseCode(code)
              .setKind(
                  code.equals("GATE")
                      ? CentreKind.CENTRE_KIND_MILL_GATE
                      : CentreKind.CENTRE_KIND_OUTSIDE)
              .addPrices(
                  PriceInput.newBuilder()
                      .setEffectiveFrom(date(today.minusDays(30)))
                      .setPricePerQuintal(TradeBench.dec(code.equals("GATE") ? "600" : "587"))));
    }
    office.createSeason(season.build());
    for (int g = 1; g <= GROWERS; g++) {
      String supplier = String.format("GS-%04d", g);
      bench
          .server
          .supplierAdmin()
          .create(
              actor,
              null,
              supplier,
              new PartyAdmin.Input("Bench grower " + g, "Village " + g % 12, "", "", "", "", 30));
      office.createGrower(
          CreateGrowerRequest.newBuilder()
              .setIdempotencyKey(TradeBench.key())
              .setSupplierCode(supplier)
              .setGrowerNumber(String.format("G%04d", g))
              .setVillage("Village " + g % 12)
              .build());
    }
    List<ConcurrentLinkedQueue<String>> out = new ArrayList<>();
    // Enough for one centre to weigh every truck, whichever clerks turn out faster.
    int perCentre = WARMUP + DAY;
    for (String centre : CENTRES) {
      var queue = new ConcurrentLinkedQueue<String>();
      for (int issued = 0; issued < perCentre; issued += GROWERS) {
        var req =
            IssuePermitsRequest.newBuilder()
                .setIdempotencyKey(TradeBench.key())
                .setSeason("BENCH")
                .setWarehouseCode(centre)
                .setPermitDate(date(today));
        for (int g = 1; g <= GROWERS; g++) {
          req.addPermits(
              PermitInput.newBuilder()
                  .setGrowerNumber(String.format("G%04d", g))
                  .setQuotaQuintals(TradeBench.dec("80")));
        }
        for (Permit p : office.issuePermits(req.build()).getPermitsList()) {
          queue.add(p.getNumber() + " " + p.getGrowerNumber());
        }
      }
      out.add(queue);
    }
    return out;
  }

  /**
   * {@code tickets} trucks weighed in and out by the clerks, each clerk at one centre taking the
   * next permit of its queue; answers the number of tickets that failed.
   */
  static int weigh(
      TradeBench bench,
      List<ConcurrentLinkedQueue<String>> permits,
      int tickets,
      long[] latencies,
      Runs runs)
      throws InterruptedException {
    AtomicInteger left = new AtomicInteger(tickets);
    AtomicInteger recorded = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(CLERKS);
    runs.start();
    for (int i = 0; i < CLERKS; i++) {
      int centre = i % CENTRES.length;
      var clerk = bench.signedIn(i, CaneServiceGrpc::newBlockingStub);
      Thread.ofPlatform()
          .name("clerk-" + i)
          .start(
              () -> {
                try {
                  while (left.getAndDecrement() > 0) {
                    String[] permit = permits.get(centre).remove().split(" ");
                    var rnd = ThreadLocalRandom.current();
                    long gross = 9_000 + rnd.nextInt(600) * 10L;
                    long tare = 4_000 + rnd.nextInt(150) * 10L;
                    long t0 = System.nanoTime();
                    try {
                      var stub = clerk.withDeadlineAfter(30, TimeUnit.SECONDS);
                      var ticket =
                          stub.weighIn(
                              WeighInRequest.newBuilder()
                                  .setIdempotencyKey(TradeBench.key())
                                  .setPermitNumber(permit[0])
                                  .setGrowerNumber(permit[1])
                                  .setWarehouseCode(CENTRES[centre])
                                  .setVehicleNumber("DHAKA-TA-" + rnd.nextInt(10_000, 99_999))
                                  .setGrossKg(TradeBench.dec(Long.toString(gross)))
                                  .setSource(WeightSource.WEIGHT_SOURCE_SCALE)
                                  .build());
                      stub.weighOut(
                          WeighOutRequest.newBuilder()
                              .setTicketNumber(ticket.getNumber())
                              .setTareKg(TradeBench.dec(Long.toString(tare)))
                              .setSource(WeightSource.WEIGHT_SOURCE_SCALE)
                              .build());
                      int k = recorded.getAndIncrement();
                      if (k < latencies.length) {
                        latencies[k] = System.nanoTime() - t0;
                      }
                    } catch (RuntimeException e) {
                      if (errors.incrementAndGet() < 5) {
                        System.out.println("season bench: ticket error " + e);
                      }
                    }
                  }
                } finally {
                  done.countDown();
                }
              });
    }
    done.await();
    runs.pause();
    return errors.get();
  }

  static Date date(LocalDate d) {
    return Date.newBuilder()
        .setYear(d.getYear())
        .setMonth(d.getMonthValue())
        .setDay(d.getDayOfMonth())
        .build();
  }

  /**
   * Production runs posted in the background while the clerks weigh, one thread: a run on the next
   * free work centre, day and shift, started, fed cane and lime from the gate's yard, its four
   * outputs recorded, finished (posted). Eight calls.
   */
  static final class Runs {
    static final int CALLS = 8;
    static final int CENTRES = 20;

    final AtomicLong done = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    private final AtomicBoolean active = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread thread;
    private final ProductionServiceGrpc.ProductionServiceBlockingStub planner;
    private final LocalDate today;
    private int slot;

    Runs(TradeBench bench, LocalDate today) {
      this.today = today;
      Actor actor = Actor.system(bench.companyId, "bench");
      Object[][] items = {
        {"LIME", "Quick lime", Item.Kind.CONSUMABLE},
        {"SUGAR", "Sugar L-30", Item.Kind.FINISHED_GOOD},
        {"MOLASSES", "Molasses", Item.Kind.BY_PRODUCT},
        {"BAGASSE", "Bagasse", Item.Kind.BY_PRODUCT},
        {"PRESSMUD", "Press mud", Item.Kind.BY_PRODUCT}
      };
      for (Object[] i : items) {
        bench
            .server
            .itemAdmin()
            .create(
                actor,
                null,
                (String) i[0],
                new ItemAdmin.Input(
                    (String) i[1], "kg", (Item.Kind) i[2], "0", "", Item.TaxCategory.STANDARD));
      }
      // The yard already holds cane bought earlier, so runs never wait for the weighbridge.
      bench
          .server
          .stockLedger()
          .receive(
              actor,
              null,
              List.of(
                  new StockLedger.LineInput("CANE", "GATE", "", "1000000000"),
                  new StockLedger.LineInput("LIME", "GATE", "", "100000000")),
              List.of("6", "24"),
              "Opening stock");
      planner = bench.signedIn(CLERKS + 1, ProductionServiceGrpc::newBlockingStub);
      planner.saveBom(
          SaveBomRequest.newBuilder()
              .setCode("SUGAR-100")
              .setName("Sugar from 100 t of cane")
              .setProductItemCode("SUGAR")
              .setBaseQuantity(TradeBench.dec("100000"))
              .addInputs(
                  BomInput.newBuilder().setItemCode("CANE").setQuantity(TradeBench.dec("100000")))
              .addInputs(
                  BomInput.newBuilder().setItemCode("LIME").setQuantity(TradeBench.dec("200")))
              .addOutputs(
                  output(
                      "SUGAR", OutputType.OUTPUT_TYPE_MAIN, "88", OutputFigure.OUTPUT_FIGURE_SUGAR))
              .addOutputs(
                  output(
                      "MOLASSES",
                      OutputType.OUTPUT_TYPE_CO_PRODUCT,
                      "8",
                      OutputFigure.OUTPUT_FIGURE_MOLASSES))
              .addOutputs(
                  output(
                      "BAGASSE",
                      OutputType.OUTPUT_TYPE_BY_PRODUCT,
                      "3",
                      OutputFigure.OUTPUT_FIGURE_BAGASSE))
              .addOutputs(
                  output(
                      "PRESSMUD",
                      OutputType.OUTPUT_TYPE_BY_PRODUCT,
                      "1",
                      OutputFigure.OUTPUT_FIGURE_PRESS_MUD))
              .setExpectedLossPercent(TradeBench.dec("55"))
              .setActive(true)
              .build());
      for (int c = 1; c <= CENTRES; c++) {
        planner.saveWorkCentre(
            SaveWorkCentreRequest.newBuilder()
                .setCode(String.format("WC-%02d", c))
                .setName("Mill tandem " + c)
                .setCostBasis(CostBasis.COST_BASIS_PER_TONNE)
                .setConversionRate(TradeBench.dec("450"))
                .setActive(true)
                .build());
      }
      thread =
          Thread.ofPlatform()
              .name("runs")
              .start(
                  () -> {
                    while (!stopped.get()) {
                      try {
                        awaitActive();
                      } catch (InterruptedException e) {
                        return;
                      }
                      if (stopped.get()) {
                        return;
                      }
                      try {
                        run();
                        done.incrementAndGet();
                      } catch (RuntimeException e) {
                        if (errors.incrementAndGet() < 5) {
                          System.out.println("season bench: run error " + e);
                        }
                      }
                    }
                  });
    }

    static BomOutput.Builder output(String item, OutputType type, String share, OutputFigure f) {
      return BomOutput.newBuilder()
          .setItemCode(item)
          .setType(type)
          .setCostSharePercent(TradeBench.dec(share))
          .setFigure(f);
    }

    private void run() {
      int s = slot++;
      Shift[] shifts = {Shift.SHIFT_A, Shift.SHIFT_B, Shift.SHIFT_C};
      var p = planner.withDeadlineAfter(30, TimeUnit.SECONDS);
      var run =
          p.planRun(
              PlanRunRequest.newBuilder()
                  .setIdempotencyKey(TradeBench.key())
                  .setWorkCentreCode(String.format("WC-%02d", s % CENTRES + 1))
                  .setBomCode("SUGAR-100")
                  .setRunDate(date(today.minusDays(s / (CENTRES * 3))))
                  .setShift(shifts[(s / CENTRES) % 3])
                  .setWarehouseCode("GATE")
                  .build());
      String id = run.getId();
      p.startRun(RunActionRequest.newBuilder().setRunId(id).build());
      line(p, true, id, "CANE", "120000");
      line(p, true, id, "LIME", "240");
      line(p, false, id, "SUGAR", "7800");
      line(p, false, id, "MOLASSES", "5400");
      line(p, false, id, "BAGASSE", "36000");
      line(p, false, id, "PRESSMUD", "4200");
      p.finishRun(RunActionRequest.newBuilder().setRunId(id).build());
    }

    private static void line(
        ProductionServiceGrpc.ProductionServiceBlockingStub p,
        boolean consumed,
        String run,
        String item,
        String qty) {
      if (consumed) {
        p.recordConsumption(
            RecordConsumptionRequest.newBuilder()
                .setIdempotencyKey(TradeBench.key())
                .setRunId(run)
                .setItemCode(item)
                .setQuantity(TradeBench.dec(qty))
                .build());
      } else {
        p.recordOutput(
            RecordOutputRequest.newBuilder()
                .setIdempotencyKey(TradeBench.key())
                .setRunId(run)
                .setItemCode(item)
                .setQuantity(TradeBench.dec(qty))
                .build());
      }
    }

    private synchronized void awaitActive() throws InterruptedException {
      while (!active.get() && !stopped.get()) {
        wait();
      }
    }

    synchronized void start() {
      active.set(true);
      notifyAll();
    }

    void pause() {
      active.set(false);
    }

    void stop() throws InterruptedException {
      synchronized (this) {
        active.set(false);
        stopped.set(true);
        notifyAll();
      }
      thread.join(60_000);
    }
  }
}
