package io.millstone.server.production;

import static io.millstone.server.production.ProductionFixtures.date;
import static io.millstone.server.production.ProductionFixtures.dec;
import static io.millstone.server.production.ProductionFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.millstone.api.common.v1.PageRequest;
import io.millstone.api.production.v1.BomInput;
import io.millstone.api.production.v1.CostBasis;
import io.millstone.api.production.v1.GetDayFiguresRequest;
import io.millstone.api.production.v1.GetRunRequest;
import io.millstone.api.production.v1.ListRunDowntimeRequest;
import io.millstone.api.production.v1.ListRunsRequest;
import io.millstone.api.production.v1.ListSamplesRequest;
import io.millstone.api.production.v1.OutputFigure;
import io.millstone.api.production.v1.OutputType;
import io.millstone.api.production.v1.ProductionRun;
import io.millstone.api.production.v1.Range;
import io.millstone.api.production.v1.RecordConsumptionRequest;
import io.millstone.api.production.v1.RecordOutputRequest;
import io.millstone.api.production.v1.RecordSamplesRequest;
import io.millstone.api.production.v1.RecordStopRequest;
import io.millstone.api.production.v1.ReverseRunRequest;
import io.millstone.api.production.v1.RunActionRequest;
import io.millstone.api.production.v1.SampleInput;
import io.millstone.api.production.v1.SaveStreamLimitsRequest;
import io.millstone.api.production.v1.SaveWorkCentreRequest;
import io.millstone.api.production.v1.Shift;
import io.millstone.api.production.v1.StopReason;
import io.millstone.api.production.v1.Stream;
import io.millstone.server.TestServer;
import io.millstone.server.identity.BadRequests;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every production and lab call refuses bad input with field violations a screen can show next to
 * its fields, and writes nothing.
 */
class ProductionBadInputTest {
  static TestServer t;
  static ProductionFixtures f;
  static ProductionRun started;
  static final List<String> TABLES =
      List.of(
          "production_bom",
          "production_bom_input",
          "production_bom_output",
          "work_centre",
          "work_centre_machine",
          "production_run",
          "production_run_line",
          "production_run_stop",
          "lab_stream_limit",
          "lab_sample",
          "stock_move",
          "journal_entry");
  Map<String, Long> before;

  @BeforeAll
  static void start() {
    t = new TestServer();
    f = new ProductionFixtures(t, "Careful Mill");
    started = f.startedRun(f.workCentre().getCode(), Shift.SHIFT_A);
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @BeforeEach
  void count() throws Exception {
    before = counts();
  }

  @AfterEach
  void nothingWritten() throws Exception {
    assertThat(counts()).isEqualTo(before);
    f.checkInvariants();
  }

  static Map<String, Long> counts() throws Exception {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String table : TABLES) {
      out.put(table, f.count(table));
    }
    return out;
  }

  static List<String> fields(Runnable call) {
    StatusRuntimeException e = TestServer.failure(call);
    assertThat(e.getStatus().getCode())
        .as(e.getStatus().toString())
        .isEqualTo(Status.Code.INVALID_ARGUMENT);
    return BadRequests.fields(e);
  }

  static Timestamp ts(Instant i) {
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).build();
  }

  @Test
  void aBomWhoseSharesDoNotSumTo100OrWhoseQuantitiesAreAbsurdIsRefused() {
    var shares = f.bomRequest("BAD-1");
    shares.setOutputs(
        4,
        ProductionFixtures.output(
            f.pressMud,
            OutputType.OUTPUT_TYPE_BY_PRODUCT,
            "3",
            OutputFigure.OUTPUT_FIGURE_PRESS_MUD));
    var e = TestServer.failure(() -> f.production.saveBom(shares.build()));
    assertThat(BadRequests.fields(e)).containsExactly("outputs");
    assertThat(BadRequests.violations(e).get(0).getDescription()).contains("sum to 101");

    assertThat(
            fields(
                () ->
                    f.production.saveBom(
                        f.bomRequest("BAD-2")
                            .setBaseQuantity(dec("-100"))
                            .setInputs(
                                0,
                                BomInput.newBuilder().setItemCode(f.cane).setQuantity(dec("1e12")))
                            .setExpectedLossPercent(dec("100"))
                            .build())))
        .contains("base_quantity", "inputs[0].quantity", "expected_loss_percent");
    assertThat(
            fields(
                () ->
                    f.production.saveBom(
                        f.bomRequest("BAD-3")
                            .setOutputs(
                                0,
                                ProductionFixtures.output(
                                    f.sugarL30,
                                    OutputType.OUTPUT_TYPE_BY_PRODUCT,
                                    "75",
                                    OutputFigure.OUTPUT_FIGURE_SUGAR))
                            .addInputs(
                                BomInput.newBuilder().setItemCode("NO-SUCH").setQuantity(dec("1")))
                            .build())))
        .contains("outputs");
    assertThat(
            fields(
                () ->
                    f.production.saveBom(
                        f.bomRequest("BAD-4")
                            .addInputs(
                                BomInput.newBuilder().setItemCode("NO-SUCH").setQuantity(dec("1")))
                            .build())))
        .containsExactly("inputs[2].item_code");
  }

  @Test
  void aWorkCentreWithANegativeRateNoBasisOrAnUnknownMachineIsRefused() {
    assertThat(
            fields(
                () ->
                    f.production.saveWorkCentre(
                        SaveWorkCentreRequest.newBuilder()
                            .setCode("BAD-WC")
                            .setName("Boiler house")
                            .setConversionRate(dec("-5"))
                            .build())))
        .contains("cost_basis", "conversion_rate");
    assertThat(
            fields(
                () ->
                    f.production.saveWorkCentre(
                        SaveWorkCentreRequest.newBuilder()
                            .setCode("BAD-WC")
                            .setName("Boiler house")
                            .setCostBasis(CostBasis.COST_BASIS_PER_HOUR)
                            .setConversionRate(dec("2500"))
                            .addMachineCodes("NO-SUCH-MACHINE")
                            .build())))
        .containsExactly("machine_codes[0]");
  }

  @Test
  void aRunPlannedForADateOutsideSenseOrWithoutAShiftIsRefused() {
    assertThat(
            fields(
                () ->
                    f.production.planRun(
                        f.planRequest("NO-SUCH-WC", Shift.SHIFT_B)
                            .setRunDate(date(ProductionFixtures.today().plusYears(3)))
                            .build())))
        .containsExactly("run_date");
    assertThat(
            fields(
                () ->
                    f.production.planRun(
                        f.planRequest("", Shift.SHIFT_UNSPECIFIED).setBomCode("").build())))
        .contains("work_centre_code", "bom_code", "shift");
    assertThat(
            fields(() -> f.production.planRun(f.planRequest("NO-SUCH-WC", Shift.SHIFT_B).build())))
        .containsExactly("work_centre_code");
  }

  @Test
  void consumptionAndOutputWithNegativeAbsurdOrForeignQuantitiesAreRefused() {
    assertThat(
            fields(
                () ->
                    f.production.recordConsumption(
                        RecordConsumptionRequest.newBuilder()
                            .setIdempotencyKey(key())
                            .setRunId(started.getId())
                            .setItemCode(f.cane)
                            .setQuantity(dec("-10"))
                            .build())))
        .containsExactly("quantity");
    assertThat(
            fields(
                () ->
                    f.production.recordConsumption(
                        RecordConsumptionRequest.newBuilder()
                            .setIdempotencyKey(key())
                            .setRunId(started.getId())
                            .setItemCode(f.cane)
                            .setQuantity(dec("5000000000"))
                            .build())))
        .containsExactly("quantity");
    assertThat(
            fields(
                () ->
                    f.production.recordConsumption(
                        RecordConsumptionRequest.newBuilder()
                            .setIdempotencyKey(key())
                            .setRunId(started.getId())
                            .setItemCode(f.sugarL30)
                            .setQuantity(dec("10"))
                            .build())))
        .containsExactly("item_code");
    assertThat(
            fields(
                () ->
                    f.production.recordOutput(
                        RecordOutputRequest.newBuilder()
                            .setIdempotencyKey(key())
                            .setRunId("not-a-run")
                            .setItemCode(f.sugarL30)
                            .setQuantity(dec("0"))
                            .setLot("L".repeat(41))
                            .build())))
        .contains("run_id");
    assertThat(
            fields(
                () ->
                    f.production.recordOutput(
                        RecordOutputRequest.newBuilder()
                            .setIdempotencyKey(key())
                            .setRunId(started.getId())
                            .setItemCode(f.sugarL30)
                            .setQuantity(dec("0"))
                            .setLot("L".repeat(41))
                            .build())))
        .containsExactlyInAnyOrder("quantity", "lot");
  }

  @Test
  void aStopBackwardsOutsideTheShiftOrWithoutAReasonIsRefused() {
    Instant start = Instant.ofEpochSecond(started.getWindowStart().getSeconds());
    assertThat(
            fields(
                () ->
                    f.production.recordStop(
                        RecordStopRequest.newBuilder()
                            .setIdempotencyKey(key())
                            .setRunId(started.getId())
                            .setFrom(ts(start.plusSeconds(3600)))
                            .setTo(ts(start.plusSeconds(1800)))
                            .build())))
        .containsExactlyInAnyOrder("to", "reason");
    assertThat(
            fields(
                () ->
                    f.production.recordStop(
                        RecordStopRequest.newBuilder()
                            .setIdempotencyKey(key())
                            .setRunId(started.getId())
                            .setFrom(ts(start.minusSeconds(3600)))
                            .setTo(ts(start.plusSeconds(9 * 3600)))
                            .setReason(StopReason.STOP_REASON_POWER)
                            .build())))
        .containsExactlyInAnyOrder("from", "to");
    assertThat(
            fields(
                () ->
                    f.production.recordStop(
                        RecordStopRequest.newBuilder()
                            .setIdempotencyKey(key())
                            .setRunId(started.getId())
                            .setFrom(ts(start.plusSeconds(60)))
                            .setTo(ts(start.plusSeconds(600)))
                            .setReason(StopReason.STOP_REASON_POWER)
                            .setDowntimeId(java.util.UUID.randomUUID().toString())
                            .build())))
        .containsExactly("downtime_id");
  }

  @Test
  void runCallsWithABadRunIdOrNoReversalNoteAreRefused() {
    assertThat(
            fields(
                () -> f.production.startRun(RunActionRequest.newBuilder().setRunId("x").build())))
        .containsExactly("run_id");
    assertThat(
            fields(
                () ->
                    f.production.previewRunPosting(
                        RunActionRequest.newBuilder().setRunId("x").build())))
        .containsExactly("run_id");
    assertThat(
            fields(
                () -> f.production.finishRun(RunActionRequest.newBuilder().setRunId("").build())))
        .containsExactly("run_id");
    assertThat(fields(() -> f.production.getRun(GetRunRequest.newBuilder().setRunId("x").build())))
        .containsExactly("run_id");
    assertThat(
            fields(
                () ->
                    f.production.listRunDowntime(
                        ListRunDowntimeRequest.newBuilder().setRunId("x").build())))
        .containsExactly("run_id");
    assertThat(
            fields(
                () ->
                    f.production.reverseRun(
                        ReverseRunRequest.newBuilder().setRunId(started.getId()).build())))
        .containsExactly("note");
    assertThat(
            fields(
                () ->
                    f.production.listRuns(
                        ListRunsRequest.newBuilder()
                            .setFromDate(date(ProductionFixtures.today()))
                            .setToDate(date(ProductionFixtures.today().minusDays(3)))
                            .setPage(PageRequest.newBuilder().setPageToken("garbage"))
                            .build())))
        .contains("to_date");
    assertThat(fields(() -> f.production.getDayFigures(GetDayFiguresRequest.newBuilder().build())))
        .containsExactly("date");
  }

  @Test
  void labValuesOutsidePhysicalRangeAndPolAboveBrixAreRefused() {
    var e =
        TestServer.failure(
            () ->
                f.lab.recordSamples(
                    RecordSamplesRequest.newBuilder()
                        .setIdempotencyKey(key())
                        .addSamples(
                            SampleInput.newBuilder()
                                .setStream(Stream.STREAM_PRIMARY_JUICE)
                                .setTakenAt(ts(Instant.now().minusSeconds(600)))
                                .setBrix(dec("18"))
                                .setPol(dec("16")))
                        .addSamples(
                            SampleInput.newBuilder()
                                .setStream(Stream.STREAM_SYRUP)
                                .setTakenAt(ts(Instant.now().minusSeconds(600)))
                                .setBrix(dec("120"))
                                .setMoisturePercent(dec("-1")))
                        .addSamples(
                            SampleInput.newBuilder()
                                .setStream(Stream.STREAM_MIXED_JUICE)
                                .setTakenAt(ts(Instant.now().minusSeconds(600)))
                                .setBrix(dec("15"))
                                .setPol(dec("16")))
                        .addSamples(
                            SampleInput.newBuilder()
                                .setTakenAt(ts(Instant.now().plusSeconds(86400)))
                                .setGrainMm(dec("0.5")))
                        .build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(BadRequests.fields(e))
        .containsExactlyInAnyOrder(
            "samples[1].brix",
            "samples[1].moisture_percent",
            "samples[2].pol",
            "samples[3].stream",
            "samples[3].taken_at");
    assertThat(
            fields(
                () ->
                    f.lab.saveStreamLimits(
                        SaveStreamLimitsRequest.newBuilder()
                            .setBrix(Range.newBuilder().setMin(dec("18")).setMax(dec("13")))
                            .setPol(Range.newBuilder().setMax(dec("101")))
                            .build())))
        .containsExactlyInAnyOrder("stream", "brix.max", "pol.max");
    assertThat(
            fields(
                () ->
                    f.lab.listSamples(
                        ListSamplesRequest.newBuilder()
                            .setPage(PageRequest.newBuilder().setPageToken("garbage"))
                            .build())))
        .contains("page.page_token");
  }
}
