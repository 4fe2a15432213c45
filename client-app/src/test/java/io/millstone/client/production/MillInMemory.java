package io.millstone.client.production;

import io.millstone.api.common.v1.Date;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.common.v1.Money;
import io.millstone.api.masterdata.v1.Item;
import io.millstone.api.masterdata.v1.Warehouse;
import io.millstone.api.production.v1.Bom;
import io.millstone.api.production.v1.BomInput;
import io.millstone.api.production.v1.BomOutput;
import io.millstone.api.production.v1.DayFigures;
import io.millstone.api.production.v1.DowntimeEvent;
import io.millstone.api.production.v1.OutputType;
import io.millstone.api.production.v1.PostingLine;
import io.millstone.api.production.v1.ProductionRun;
import io.millstone.api.production.v1.Range;
import io.millstone.api.production.v1.RunLine;
import io.millstone.api.production.v1.RunPosting;
import io.millstone.api.production.v1.RunState;
import io.millstone.api.production.v1.RunStop;
import io.millstone.api.production.v1.Sample;
import io.millstone.api.production.v1.Shift;
import io.millstone.api.production.v1.StopReason;
import io.millstone.api.production.v1.Stream;
import io.millstone.api.production.v1.StreamLimits;
import io.millstone.api.production.v1.WorkCentre;
import io.millstone.client.core.list.Page;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A mill's production desk in memory, recording what the view models send. */
final class MillInMemory implements ProductionGateway {
  record StopSent(Instant from, Instant to, StopReason reason, String note, String downtimeId) {}

  final List<BomDraft> savedBoms = new ArrayList<>();
  final List<String[]> consumed = new ArrayList<>();
  final List<StopSent> stops = new ArrayList<>();
  final List<List<SampleLine>> sampleBatches = new ArrayList<>();
  final List<DowntimeEvent> downtime = new ArrayList<>();
  final List<StreamLimits> limits = new ArrayList<>();
  final List<Stream> limitsSaved = new ArrayList<>();
  ProductionRun run;
  int finished;

  static Decimal dec(String v) {
    return Decimal.newBuilder().setValue(v).build();
  }

  static Money money(String v) {
    return Money.newBuilder().setAmount(v).setCurrencyCode("BDT").build();
  }

  static Bom sugarBom() {
    return Bom.newBuilder()
        .setCode("SUGAR")
        .setName("Plantation white sugar")
        .setProductItemCode("SUGAR-L30")
        .setBaseQuantity(dec("100"))
        .addInputs(
            BomInput.newBuilder()
                .setItemCode("CANE")
                .setItemName("Sugar cane")
                .setUnitCode("t")
                .setQuantity(dec("100")))
        .addInputs(
            BomInput.newBuilder()
                .setItemCode("LIME")
                .setItemName("Quick lime")
                .setUnitCode("kg")
                .setQuantity(dec("150")))
        .addOutputs(
            BomOutput.newBuilder()
                .setItemCode("SUGAR-L30")
                .setItemName("Sugar L-30")
                .setUnitCode("t")
                .setType(OutputType.OUTPUT_TYPE_MAIN)
                .setCostSharePercent(dec("85"))
                .setExpectedQuantity(dec("6.5")))
        .addOutputs(
            BomOutput.newBuilder()
                .setItemCode("MOLASSES")
                .setItemName("Final molasses")
                .setUnitCode("t")
                .setType(OutputType.OUTPUT_TYPE_BY_PRODUCT)
                .setCostSharePercent(dec("15"))
                .setExpectedQuantity(dec("4.5")))
        .setExpectedLossPercent(dec("55"))
        .setActive(true)
        .setVersion(3)
        .build();
  }

  /** A run of the mill tandem on 07/12/2026 in the given shift, in the given state. */
  static ProductionRun run(Shift shift, RunState state) {
    return ProductionRun.newBuilder()
        .setId("run-1")
        .setNumber("PR-2026-00001")
        .setWorkCentreCode("MILL")
        .setBomCode("SUGAR")
        .setRunDate(Date.newBuilder().setYear(2026).setMonth(12).setDay(7))
        .setShift(shift)
        .setWarehouseCode("YARD")
        .setState(state)
        .build();
  }

  @Override
  public List<Item> items(String typed) {
    return List.of();
  }

  @Override
  public List<Warehouse> warehouses() {
    return List.of(Warehouse.newBuilder().setCode("YARD").build());
  }

  @Override
  public List<Bom> boms() {
    return List.of(sugarBom());
  }

  @Override
  public Bom saveBom(BomDraft d) {
    savedBoms.add(d);
    Bom.Builder b =
        Bom.newBuilder()
            .setCode(d.code())
            .setName(d.name())
            .setProductItemCode(d.productItemCode())
            .setBaseQuantity(dec(d.baseQuantity().toPlainString()))
            .setExpectedLossPercent(dec(d.expectedLossPercent().toPlainString()))
            .setActive(d.active())
            .setVersion(d.version() + 1);
    for (BomInputLine l : d.inputs()) {
      b.addInputs(
          BomInput.newBuilder()
              .setItemCode(l.itemCode())
              .setQuantity(dec(l.quantity().toPlainString())));
    }
    for (BomOutputLine l : d.outputs()) {
      b.addOutputs(
          BomOutput.newBuilder()
              .setItemCode(l.itemCode())
              .setType(l.type())
              .setFigure(l.figure())
              .setCostSharePercent(dec(l.costSharePercent().toPlainString())));
    }
    return b.build();
  }

  @Override
  public List<WorkCentre> workCentres() {
    return List.of(
        WorkCentre.newBuilder().setCode("MILL").setName("Mill tandem").setActive(true).build());
  }

  @Override
  public WorkCentre saveWorkCentre(WorkCentreDraft draft) {
    return WorkCentre.newBuilder().setCode(draft.code()).setName(draft.name()).build();
  }

  @Override
  public ProductionRun plan(
      String workCentreCode,
      String bomCode,
      LocalDate date,
      Shift shift,
      String warehouseCode,
      String note,
      String key) {
    run = run(shift, RunState.RUN_STATE_PLANNED);
    return run;
  }

  @Override
  public ProductionRun run(String id) {
    return run;
  }

  @Override
  public Page<ProductionRun> runs(String workCentreCode, String pageToken, int pageSize) {
    return new Page<>(run == null ? List.of() : List.of(run), "", run == null ? 0 : 1);
  }

  @Override
  public DayFigures day(LocalDate date, String workCentreCode) {
    DayFigures.Builder b = DayFigures.newBuilder().setWorkCentreCode(workCentreCode);
    if (run != null) {
      b.addRuns(run);
      if (run.getState() == RunState.RUN_STATE_FINISHED) {
        b.setDay(run.getFigures()).setFinishedRuns(1);
      }
    }
    return b.build();
  }

  @Override
  public ProductionRun start(String runId) {
    run = run.toBuilder().setState(RunState.RUN_STATE_STARTED).build();
    return run;
  }

  @Override
  public ProductionRun consume(
      String runId, String itemCode, BigDecimal quantity, String lot, String key) {
    consumed.add(new String[] {itemCode, quantity.toPlainString(), lot});
    run =
        run.toBuilder()
            .addConsumption(
                RunLine.newBuilder()
                    .setItemCode(itemCode)
                    .setQuantity(dec(quantity.toPlainString())))
            .build();
    return run;
  }

  @Override
  public ProductionRun output(
      String runId, String itemCode, BigDecimal quantity, String lot, String key) {
    run =
        run.toBuilder()
            .addOutputs(
                RunLine.newBuilder()
                    .setItemCode(itemCode)
                    .setQuantity(dec(quantity.toPlainString()))
                    .setLot(lot))
            .build();
    return run;
  }

  @Override
  public ProductionRun stop(
      String runId,
      Instant from,
      Instant to,
      StopReason reason,
      String note,
      String downtimeId,
      String key) {
    stops.add(new StopSent(from, to, reason, note, downtimeId));
    run = run.toBuilder().addStops(RunStop.newBuilder().setReason(reason).setNote(note)).build();
    return run;
  }

  @Override
  public List<DowntimeEvent> downtime(String runId) {
    return downtime;
  }

  @Override
  public RunPosting preview(String runId) {
    return RunPosting.newBuilder()
        .setRunId(runId)
        .addLines(
            PostingLine.newBuilder()
                .setAccountCode("1230")
                .setAccountName("Work in progress")
                .setDebit(money("6030000.00"))
                .setCredit(money("0"))
                .setMemo("inputs"))
        .addLines(
            PostingLine.newBuilder()
                .setAccountCode("1200")
                .setAccountName("Raw materials")
                .setDebit(money("0"))
                .setCredit(money("6030000.00"))
                .setMemo("inputs"))
        .setInputValue(money("6030000.00"))
        .setConversionCost(money("150000.00"))
        .setOutputValue(money("2781000.00"))
        .setAbnormalLossValue(money("0.00"))
        .build();
  }

  @Override
  public ProductionRun finish(String runId) {
    finished++;
    run =
        run.toBuilder()
            .setState(RunState.RUN_STATE_FINISHED)
            .setJournalEntryNumber("JV-2026-00009")
            .build();
    return run;
  }

  @Override
  public ProductionRun reverse(String runId, String note) {
    run = run.toBuilder().setState(RunState.RUN_STATE_REVERSED).build();
    return run;
  }

  @Override
  public List<StreamLimits> limits() {
    return limits;
  }

  @Override
  public StreamLimits saveLimits(Stream stream, java.util.Map<String, Bounds> bounds) {
    limitsSaved.add(stream);
    Bounds b = bounds.get("brix");
    Range.Builder r = Range.newBuilder();
    if (b.min() != null) {
      r.setMin(dec(b.min().toPlainString()));
    }
    if (b.max() != null) {
      r.setMax(dec(b.max().toPlainString()));
    }
    return StreamLimits.newBuilder().setStream(stream).setBrix(r).build();
  }

  static StreamLimits mixedJuiceLimits() {
    return StreamLimits.newBuilder()
        .setStream(Stream.STREAM_MIXED_JUICE)
        .setBrix(Range.newBuilder().setMin(dec("13")).setMax(dec("18")))
        .setPurity(Range.newBuilder().setMin(dec("78")))
        .build();
  }

  @Override
  public List<Sample> recordSamples(List<SampleLine> samples, String key) {
    sampleBatches.add(samples);
    List<Sample> out = new ArrayList<>();
    for (SampleLine s : samples) {
      out.add(Sample.newBuilder().setStream(s.stream()).build());
    }
    return out;
  }

  @Override
  public List<Sample> samples(Instant from, Instant to) {
    return List.of();
  }
}
