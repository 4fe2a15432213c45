package io.millstone.server.production;

import static io.millstone.server.production.ProductionFixtures.dec;
import static io.millstone.server.production.ProductionFixtures.key;
import static io.millstone.server.production.ProductionFixtures.num;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.millstone.api.production.v1.DayFigures;
import io.millstone.api.production.v1.GetDayFiguresRequest;
import io.millstone.api.production.v1.ListRunDowntimeRequest;
import io.millstone.api.production.v1.ListSamplesRequest;
import io.millstone.api.production.v1.ProductionRun;
import io.millstone.api.production.v1.Range;
import io.millstone.api.production.v1.RecordSamplesRequest;
import io.millstone.api.production.v1.RecordStopRequest;
import io.millstone.api.production.v1.ReverseRunRequest;
import io.millstone.api.production.v1.RunActionRequest;
import io.millstone.api.production.v1.RunPosting;
import io.millstone.api.production.v1.RunState;
import io.millstone.api.production.v1.SampleInput;
import io.millstone.api.production.v1.SaveStreamLimitsRequest;
import io.millstone.api.production.v1.Shift;
import io.millstone.api.production.v1.StopReason;
import io.millstone.api.production.v1.Stream;
import io.millstone.server.TestPlatform;
import io.millstone.server.TestServer;
import io.millstone.server.telemetry.TelemetryFixtures;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A crushing shift: the shift engineer plans and starts the mill tandem's run, notes the cane and
 * lime it used and the sugar, molasses, bagasse and press mud it made, explains the stop the
 * telemetry saw, the lab records its samples, the engineer looks at the posting and finishes the
 * run; the books and the stock show it, and the day's figures read like a mill's.
 */
class ProductionRunScenarioTest {
  static TestServer t;
  static ProductionFixtures f;

  @BeforeAll
  static void start() {
    t = new TestServer();
    f = new ProductionFixtures(t, "Crushing Mill");
  }

  @AfterEach
  void invariants() throws Exception {
    f.checkInvariants();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static Timestamp ts(Instant i) {
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
  }

  static Instant instant(Timestamp ts) {
    return Instant.ofEpochSecond(ts.getSeconds(), ts.getNanos());
  }

  /** A downtime the telemetry detected on a machine, as its ingest writes it. */
  static UUID downtime(String machineCode, Instant from, Instant to) throws Exception {
    UUID id = UUID.randomUUID();
    try (Connection c = TestPlatform.get().database().ownerDataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO downtime (id, company_id, machine_id, started_at, ended_at)"
                    + " SELECT ?, company_id, id, ?, ? FROM machine WHERE company_id = ? AND code = ?")) {
      ps.setObject(1, id);
      ps.setTimestamp(2, java.sql.Timestamp.from(from));
      ps.setTimestamp(3, java.sql.Timestamp.from(to));
      ps.setObject(4, f.company);
      ps.setString(5, machineCode);
      assertThat(ps.executeUpdate()).isEqualTo(1);
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
    return id;
  }

  @Test
  void aShiftFromPlanToFinishPostsItsStockAndBooksAndCarriesTheMillsFigures() throws Exception {
    f.receive(f.cane, "1500", "6000");
    f.receive(f.lime, "5000", "20");
    String machine = "MT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    new TelemetryFixtures(t.channel(), f.token).mill(machine);
    String centre = f.workCentre(machine).getCode();

    // Yesterday's shift A: its samples and stops lie in the past at any hour the test runs
    // (today's 08:00 is still ahead before 08:00 Dhaka, and samples may not be in the future).
    ProductionRun planned =
        f.production.planRun(
            f.planRequest(centre, Shift.SHIFT_A)
                .setRunDate(ProductionFixtures.date(ProductionFixtures.today().minusDays(1)))
                .build());
    ProductionRun run =
        f.production.startRun(RunActionRequest.newBuilder().setRunId(planned.getId()).build());
    assertThat(run.getState()).isEqualTo(RunState.RUN_STATE_STARTED);
    Instant shiftStart = instant(run.getWindowStart());
    assertThat(instant(run.getWindowEnd())).isEqualTo(shiftStart.plusSeconds(8 * 3600));

    f.consume(run, f.cane, "1000");
    f.consume(run, f.lime, "1500");
    f.make(run, f.sugarL30, "60", "L30-A1");
    f.make(run, f.sugarM30, "5", "M30-A1");
    f.make(run, f.molasses, "45", "");
    f.make(run, f.bagasse, "300", "");
    run = f.make(run, f.pressMud, "35", "");

    // The telemetry saw the mill stop for 45 minutes; the engineer explains that stop once.
    UUID seen =
        downtime(machine, shiftStart.plusSeconds(3600), shiftStart.plusSeconds(3600 + 45 * 60));
    var events =
        f.production.listRunDowntime(
            ListRunDowntimeRequest.newBuilder().setRunId(run.getId()).build());
    assertThat(events.getEventsList()).hasSize(1);
    assertThat(events.getEvents(0).getStopId()).isEmpty();
    run =
        f.production.recordStop(
            RecordStopRequest.newBuilder()
                .setIdempotencyKey(key())
                .setRunId(run.getId())
                .setFrom(ts(shiftStart.plusSeconds(3600)))
                .setTo(ts(shiftStart.plusSeconds(3600 + 45 * 60)))
                .setReason(StopReason.STOP_REASON_MECHANICAL)
                .setNote("Mill 2 top roller bearing")
                .setDowntimeId(seen.toString())
                .build());
    run =
        f.production.recordStop(
            RecordStopRequest.newBuilder()
                .setIdempotencyKey(key())
                .setRunId(run.getId())
                .setFrom(ts(shiftStart.plusSeconds(5 * 3600)))
                .setTo(ts(shiftStart.plusSeconds(5 * 3600 + 15 * 60)))
                .setReason(StopReason.STOP_REASON_NO_CANE)
                .build());
    events =
        f.production.listRunDowntime(
            ListRunDowntimeRequest.newBuilder().setRunId(run.getId()).build());
    assertThat(events.getEvents(0).getStopId()).isEqualTo(run.getStops(0).getId());
    ProductionRun r0 = run;
    StatusRuntimeException twice =
        TestServer.failure(
            () ->
                f.production.recordStop(
                    RecordStopRequest.newBuilder()
                        .setIdempotencyKey(key())
                        .setRunId(r0.getId())
                        .setFrom(ts(shiftStart.plusSeconds(7 * 3600)))
                        .setTo(ts(shiftStart.plusSeconds(7 * 3600 + 60)))
                        .setReason(StopReason.STOP_REASON_ELECTRICAL)
                        .setDowntimeId(seen.toString())
                        .build()));
    assertThat(twice.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(twice.getStatus().getDescription()).contains("already explained");

    // The lab: limits for mixed juice, then a grid of samples.
    f.lab.saveStreamLimits(
        SaveStreamLimitsRequest.newBuilder()
            .setStream(Stream.STREAM_MIXED_JUICE)
            .setBrix(Range.newBuilder().setMin(dec("13")).setMax(dec("18")))
            .setPurity(Range.newBuilder().setMin(dec("78")))
            .build());
    var samples =
        f.lab.recordSamples(
            RecordSamplesRequest.newBuilder()
                .setIdempotencyKey(key())
                .addSamples(
                    SampleInput.newBuilder()
                        .setStream(Stream.STREAM_MIXED_JUICE)
                        .setTakenAt(ts(shiftStart.plusSeconds(2 * 3600)))
                        .setRunId(run.getId())
                        .setBrix(dec("15.2"))
                        .setPol(dec("12.6")))
                .addSamples(
                    SampleInput.newBuilder()
                        .setStream(Stream.STREAM_MIXED_JUICE)
                        .setTakenAt(ts(shiftStart.plusSeconds(4 * 3600)))
                        .setRunId(run.getId())
                        .setBrix(dec("19.0"))
                        .setPol(dec("14.0")))
                .addSamples(
                    SampleInput.newBuilder()
                        .setStream(Stream.STREAM_SUGAR)
                        .setTakenAt(ts(shiftStart.plusSeconds(4 * 3600)))
                        .setColourIcumsa(dec("180"))
                        .setMoisturePercent(dec("0.04"))
                        .setGrainMm(dec("0.6")))
                .build());
    assertThat(samples.getSamples(0).getPurity().getValue()).isEqualTo("82.89");
    assertThat(samples.getSamples(0).getOutOfRangeList()).isEmpty();
    assertThat(samples.getSamples(1).getOutOfRangeList())
        .extracting(x -> x.getField() + " " + x.getSide())
        .containsExactlyInAnyOrder("brix HIGH", "purity LOW");
    var flagged =
        f.lab.listSamples(
            ListSamplesRequest.newBuilder().setRunId(run.getId()).setOutOfRangeOnly(true).build());
    assertThat(flagged.getSamplesList()).hasSize(1);

    // Before posting: the entry it would post.
    RunPosting preview =
        f.production.previewRunPosting(RunActionRequest.newBuilder().setRunId(run.getId()).build());
    assertThat(num(preview.getInputValue().getAmount())).isEqualByComparingTo("6030000");
    assertThat(num(preview.getConversionCost().getAmount())).isEqualByComparingTo("150000");
    assertThat(preview.getMovesList()).hasSize(7);
    BigDecimal dr = BigDecimal.ZERO;
    BigDecimal cr = BigDecimal.ZERO;
    for (var l : preview.getLinesList()) {
      dr = dr.add(num(l.getDebit().getAmount()));
      cr = cr.add(num(l.getCredit().getAmount()));
    }
    assertThat(dr).isEqualByComparingTo(cr);

    ProductionRun done = f.finish(run);
    assertThat(done.getState()).isEqualTo(RunState.RUN_STATE_FINISHED);
    assertThat(done.getJournalEntryNumber()).isNotEmpty();
    // Inputs 6,000,000 of cane + 30,000 of lime, conversion 1,000 t x 150.
    assertThat(num(done.getInputValue().getAmount())).isEqualByComparingTo("6030000");
    assertThat(num(done.getConversionCost().getAmount())).isEqualByComparingTo("150000");
    // 555 t lost against 550 t expected: 5 t above, at the cost of a tonne of good output (450 t).
    assertThat(num(done.getAbnormalLossValue().getAmount())).isEqualByComparingTo("68666.6667");
    assertThat(num(done.getOutputValue().getAmount())).isEqualByComparingTo("6111333.3333");
    assertThat(num(done.getOutputValue().getAmount()))
        .isEqualByComparingTo(num(preview.getOutputValue().getAmount()));
    // Sugar L-30 carries 75 % of the cost after the loss.
    assertThat(num(done.getOutputs(0).getValue().getAmount())).isEqualByComparingTo("4583500.0000");

    var fig = done.getFigures();
    assertThat(fig.getCaneCrushedTonnes().getValue()).isEqualTo("1000");
    assertThat(fig.getSugarTonnes().getValue()).isEqualTo("65");
    assertThat(fig.getRecoveryPercent().getValue()).isEqualTo("6.5");
    assertThat(fig.getMolassesPercentCane().getValue()).isEqualTo("4.5");
    assertThat(fig.getBagassePercentCane().getValue()).isEqualTo("30");
    assertThat(fig.getPressMudPercentCane().getValue()).isEqualTo("3.5");
    assertThat(fig.getLostMinutes()).isEqualTo(60);
    assertThat(fig.getLostTimeList())
        .extracting(x -> x.getReason() + " " + x.getMinutes())
        .containsExactlyInAnyOrder("STOP_REASON_MECHANICAL 45", "STOP_REASON_NO_CANE 15");
    // 1,000 t in 7 crushing hours is 3,428.57 t a day.
    assertThat(fig.getCrushingRateTcd().getValue()).isEqualTo("3428.57");
    assertThat(fig.getSugarByGradeList()).hasSize(2);

    // Finishing twice posts once.
    StatusRuntimeException again = TestServer.failure(() -> f.finish(done));
    assertThat(again.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
  }

  @Test
  void aReversedRunPutsTheCaneBackAndTakesTheSugarOutOnceWithoutEditingAnything() throws Exception {
    var g = new ProductionFixtures(t, "Reversing Mill");
    g.receive(g.cane, "200", "6000");
    g.receive(g.lime, "500", "20");
    String centre = g.workCentre().getCode();
    ProductionRun run = g.startedRun(centre, Shift.SHIFT_B);
    g.consume(run, g.cane, "200");
    g.consume(run, g.lime, "300");
    g.make(run, g.sugarL30, "13", "L30-B1");
    g.make(run, g.molasses, "9", "");
    run = g.make(run, g.bagasse, "60", "");
    ProductionRun done = g.finish(run);
    long entries = g.count("journal_entry");
    long moves = g.count("stock_move");

    ProductionRun reversed =
        g.production.reverseRun(
            ReverseRunRequest.newBuilder()
                .setRunId(done.getId())
                .setNote("Wrong BOM: this was a raw sugar run")
                .build());
    assertThat(reversed.getState()).isEqualTo(RunState.RUN_STATE_REVERSED);
    assertThat(reversed.getReversalEntryNumber()).isNotEmpty();
    // The original entry and moves stay; the reversal adds one entry and the opposite moves.
    assertThat(g.count("journal_entry")).isEqualTo(entries + 1);
    assertThat(g.count("stock_move")).isEqualTo(moves + 5);
    assertThat(reversed.getJournalEntryNumber()).isEqualTo(done.getJournalEntryNumber());
    assertThat(num(reversed.getInputValue().getAmount()))
        .isEqualByComparingTo(num(done.getInputValue().getAmount()));

    StatusRuntimeException twice =
        TestServer.failure(
            () ->
                g.production.reverseRun(
                    ReverseRunRequest.newBuilder()
                        .setRunId(done.getId())
                        .setNote("again")
                        .build()));
    assertThat(twice.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(twice.getStatus().getDescription()).contains("reversed");

    // The shift is free again for the corrected run.
    ProductionRun again = g.startedRun(centre, Shift.SHIFT_B);
    assertThat(again.getState()).isEqualTo(RunState.RUN_STATE_STARTED);
    g.checkInvariants();
  }

  @Test
  void theDaysFiguresAddTheFinishedShiftsTonnesAndMinutesBeforeWorkingOutTheRates()
      throws Exception {
    var g = new ProductionFixtures(t, "Day Figures Mill");
    g.receive(g.cane, "800", "6000");
    String centre = g.workCentre().getCode();
    String other = g.workCentre().getCode();

    ProductionRun a = g.startedRun(centre, Shift.SHIFT_A);
    g.consume(a, g.cane, "400");
    g.make(a, g.sugarL30, "26", "L30-A");
    g.make(a, g.molasses, "18", "");
    g.make(a, g.bagasse, "120", "");
    a = g.make(a, g.pressMud, "14", "");
    Instant from = instant(a.getWindowStart());
    a =
        g.production.recordStop(
            RecordStopRequest.newBuilder()
                .setIdempotencyKey(key())
                .setRunId(a.getId())
                .setFrom(ts(from.plusSeconds(3600)))
                .setTo(ts(from.plusSeconds(3600 + 30 * 60)))
                .setReason(StopReason.STOP_REASON_MECHANICAL)
                .build());
    g.finish(a);

    ProductionRun b = g.startedRun(centre, Shift.SHIFT_B);
    g.consume(b, g.cane, "300");
    g.make(b, g.sugarL30, "21", "L30-B");
    g.make(b, g.molasses, "13.5", "");
    g.make(b, g.bagasse, "90", "");
    b = g.make(b, g.pressMud, "10.5", "");
    g.finish(b);

    // The night shift is still crushing: listed with what it has so far, not counted yet.
    ProductionRun c = g.startedRun(centre, Shift.SHIFT_C);
    g.consume(c, g.cane, "50");

    DayFigures day =
        g.production.getDayFigures(
            GetDayFiguresRequest.newBuilder()
                .setDate(ProductionFixtures.date(ProductionFixtures.today()))
                .setWorkCentreCode(centre)
                .build());
    assertThat(day.getRunsList())
        .extracting(r -> r.getShift() + " " + r.getState())
        .containsExactly(
            "SHIFT_A RUN_STATE_FINISHED",
            "SHIFT_B RUN_STATE_FINISHED",
            "SHIFT_C RUN_STATE_STARTED");
    assertThat(day.getRuns(0).getFigures().getRecoveryPercent().getValue()).isEqualTo("6.5");
    assertThat(day.getRuns(1).getFigures().getRecoveryPercent().getValue()).isEqualTo("7");
    assertThat(day.getFinishedRuns()).isEqualTo(2);
    var fig = day.getDay();
    assertThat(fig.getCaneCrushedTonnes().getValue()).isEqualTo("700");
    assertThat(fig.getSugarTonnes().getValue()).isEqualTo("47");
    // 47 t of 700 t is 6.71 % -- not 6.75, the average of the shifts' 6.5 and 7.
    assertThat(fig.getRecoveryPercent().getValue()).isEqualTo("6.71");
    assertThat(fig.getMolassesPercentCane().getValue()).isEqualTo("4.5");
    assertThat(fig.getBagassePercentCane().getValue()).isEqualTo("30");
    assertThat(fig.getPressMudPercentCane().getValue()).isEqualTo("3.5");
    assertThat(fig.getLostMinutes()).isEqualTo(30);
    // 700 t over 16 shift hours less 30 minutes stopped (930 min): 700 x 1440 / 930 a day.
    assertThat(fig.getCrushingRateTcd().getValue()).isEqualTo("1083.87");

    // Another work centre crushed nothing that day; every centre together is this one's day.
    DayFigures idle =
        g.production.getDayFigures(
            GetDayFiguresRequest.newBuilder()
                .setDate(ProductionFixtures.date(ProductionFixtures.today()))
                .setWorkCentreCode(other)
                .build());
    assertThat(idle.getRunsList()).isEmpty();
    assertThat(idle.getDay().getCaneCrushedTonnes().getValue()).isEqualTo("0");
    DayFigures all =
        g.production.getDayFigures(
            GetDayFiguresRequest.newBuilder()
                .setDate(ProductionFixtures.date(ProductionFixtures.today()))
                .build());
    assertThat(all.getDay()).isEqualTo(fig);

    StatusRuntimeException unknown =
        TestServer.failure(
            () ->
                g.production.getDayFigures(
                    GetDayFiguresRequest.newBuilder()
                        .setDate(ProductionFixtures.date(ProductionFixtures.today()))
                        .setWorkCentreCode("NO-SUCH")
                        .build()));
    assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void theLabRecordsSamplesButCannotPostARunAndProductionCannotRecordSamples() {
    var labDesk =
        t.as(
            t.createUser(f.company, t.fresh("lab.chemist"), "lab"),
            io.millstone.api.production.v1.LabServiceGrpc.newBlockingStub(t.channel()));
    var labOnProduction =
        t.as(
            t.createUser(f.company, t.fresh("lab.chemist2"), "lab"),
            io.millstone.api.production.v1.ProductionServiceGrpc.newBlockingStub(t.channel()));
    var engineer =
        t.as(
            t.createUser(f.company, t.fresh("shift.engineer"), "production"),
            io.millstone.api.production.v1.LabServiceGrpc.newBlockingStub(t.channel()));
    var sample =
        RecordSamplesRequest.newBuilder()
            .setIdempotencyKey(key())
            .addSamples(
                SampleInput.newBuilder()
                    .setStream(Stream.STREAM_FINAL_MOLASSES)
                    .setTakenAt(ts(Instant.now().minusSeconds(300)))
                    .setBrix(dec("88"))
                    .setPol(dec("30")))
            .build();
    assertThat(labDesk.recordSamples(sample).getSamples(0).getPurity().getValue())
        .isEqualTo("34.09");
    // The same key again answers the same samples instead of recording them twice.
    assertThat(labDesk.recordSamples(sample).getSamples(0).getId())
        .isEqualTo(labDesk.recordSamples(sample).getSamples(0).getId());
    assertThat(
            TestServer.codeOf(
                () ->
                    labOnProduction.finishRun(
                        RunActionRequest.newBuilder()
                            .setRunId(UUID.randomUUID().toString())
                            .build())))
        .isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(TestServer.codeOf(() -> engineer.recordSamples(sample)))
        .isEqualTo(Status.Code.PERMISSION_DENIED);
  }

  @Test
  void aSavedBomAndWorkCentreAreEditedWithTheVersionReadAndAStaleOneIsRefused() {
    var g = new ProductionFixtures(t, "Editing Mill");
    var bom =
        g.production.getBom(
            io.millstone.api.production.v1.GetBomRequest.newBuilder().setCode(g.bom).build());
    assertThat(bom.getVersion()).as("a saved BOM has a version to send back").isPositive();
    var changed =
        g.production.saveBom(
            g.bomRequest(g.bom)
                .setExpectedLossPercent(dec("56"))
                .setVersion(bom.getVersion())
                .build());
    assertThat(changed.getExpectedLossPercent().getValue()).isEqualTo("56");
    assertThat(changed.getVersion()).isEqualTo(bom.getVersion() + 1);
    var stale =
        TestServer.failure(
            () -> g.production.saveBom(g.bomRequest(g.bom).setVersion(bom.getVersion()).build()));
    assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);

    var centre = g.workCentre();
    var renamed =
        g.production.saveWorkCentre(
            io.millstone.api.production.v1.SaveWorkCentreRequest.newBuilder()
                .setCode(centre.getCode())
                .setName("Mill tandem (six mills)")
                .addAllMachineCodes(centre.getMachineCodesList())
                .setCostBasis(centre.getCostBasis())
                .setConversionRate(dec(centre.getConversionRate().getAmount()))
                .setActive(true)
                .setVersion(centre.getVersion())
                .build());
    assertThat(renamed.getName()).isEqualTo("Mill tandem (six mills)");
    assertThat(renamed.getVersion()).isEqualTo(centre.getVersion() + 1);
  }

  @Test
  void twoRunsRacingForTheLastCaneInTheYardPostOnceAndRefuseTheOtherClearly() throws Exception {
    var g = new ProductionFixtures(t, "Racing Mill");
    g.receive(g.cane, "100", "6000");
    List<ProductionRun> runs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      ProductionRun r = g.startedRun(g.workCentre().getCode(), Shift.SHIFT_C);
      g.consume(r, g.cane, "80");
      runs.add(g.make(r, g.sugarL30, "6", ""));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    for (ProductionRun r : runs) {
      Callable<String> finish =
          () -> {
            go.await();
            try {
              return g.finish(r).getState().name();
            } catch (StatusRuntimeException e) {
              return e.getStatus().getCode() + ": " + e.getStatus().getDescription();
            }
          };
      results.add(pool.submit(finish));
    }
    go.countDown();
    List<String> outcomes = new ArrayList<>();
    for (Future<String> r : results) {
      outcomes.add(r.get());
    }
    pool.shutdown();
    assertThat(outcomes).filteredOn(o -> o.equals("RUN_STATE_FINISHED")).hasSize(1);
    assertThat(outcomes)
        .filteredOn(o -> o.startsWith("FAILED_PRECONDITION"))
        .singleElement()
        .asString()
        .contains("Not enough stock of " + g.cane)
        .contains("20 t on hand, 80 t requested");
    try (Connection c = TestPlatform.get().database().ownerDataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT min(quantity) FROM stock_balance WHERE company_id = ?")) {
      ps.setObject(1, g.company);
      var rs = ps.executeQuery();
      rs.next();
      assertThat(rs.getBigDecimal(1)).isGreaterThanOrEqualTo(BigDecimal.ZERO);
    }
    g.checkInvariants();
  }
}
