package io.millstone.server.production;

import static io.millstone.server.gateway.ProtoValues.date;
import static io.millstone.server.gateway.ProtoValues.decimal;
import static io.millstone.server.gateway.ProtoValues.instant;
import static io.millstone.server.gateway.ProtoValues.money;
import static io.millstone.server.gateway.ProtoValues.timestamp;
import static io.millstone.server.gateway.ProtoValues.word;
import static io.millstone.server.gateway.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.millstone.api.production.v1.Bom;
import io.millstone.api.production.v1.BomInput;
import io.millstone.api.production.v1.BomOutput;
import io.millstone.api.production.v1.CostBasis;
import io.millstone.api.production.v1.DayFigures;
import io.millstone.api.production.v1.DowntimeEvent;
import io.millstone.api.production.v1.GetBomRequest;
import io.millstone.api.production.v1.GetDayFiguresRequest;
import io.millstone.api.production.v1.GetRunRequest;
import io.millstone.api.production.v1.ListBomsRequest;
import io.millstone.api.production.v1.ListBomsResponse;
import io.millstone.api.production.v1.ListRunDowntimeRequest;
import io.millstone.api.production.v1.ListRunDowntimeResponse;
import io.millstone.api.production.v1.ListRunsRequest;
import io.millstone.api.production.v1.ListRunsResponse;
import io.millstone.api.production.v1.ListWorkCentresRequest;
import io.millstone.api.production.v1.ListWorkCentresResponse;
import io.millstone.api.production.v1.LostTime;
import io.millstone.api.production.v1.OutputFigure;
import io.millstone.api.production.v1.OutputType;
import io.millstone.api.production.v1.PlanRunRequest;
import io.millstone.api.production.v1.PostingLine;
import io.millstone.api.production.v1.ProductionRun;
import io.millstone.api.production.v1.ProductionServiceGrpc;
import io.millstone.api.production.v1.RecordConsumptionRequest;
import io.millstone.api.production.v1.RecordOutputRequest;
import io.millstone.api.production.v1.RecordStopRequest;
import io.millstone.api.production.v1.ReverseRunRequest;
import io.millstone.api.production.v1.RunActionRequest;
import io.millstone.api.production.v1.RunFigures;
import io.millstone.api.production.v1.RunLine;
import io.millstone.api.production.v1.RunPosting;
import io.millstone.api.production.v1.RunState;
import io.millstone.api.production.v1.RunStop;
import io.millstone.api.production.v1.SaveBomRequest;
import io.millstone.api.production.v1.SaveWorkCentreRequest;
import io.millstone.api.production.v1.Shift;
import io.millstone.api.production.v1.StockMovePreview;
import io.millstone.api.production.v1.StopReason;
import io.millstone.api.production.v1.SugarMade;
import io.millstone.api.production.v1.WorkCentre;
import io.millstone.server.gateway.GatewayContext;
import io.millstone.server.gateway.ProtoValues;
import io.millstone.server.production.ProductionDesk.BomView;
import io.millstone.server.production.ProductionDesk.DayView;
import io.millstone.server.production.ProductionDesk.Figures;
import io.millstone.server.production.ProductionDesk.LineView;
import io.millstone.server.production.ProductionDesk.RunView;
import io.millstone.server.production.ProductionDesk.WorkCentreView;

/** Adapter from the ProductionService contract to {@link ProductionDesk}. */
public final class ProductionGrpcService extends ProductionServiceGrpc.ProductionServiceImplBase {
  private final ProductionDesk desk;

  public ProductionGrpcService(ProductionDesk desk) {
    this.desk = desk;
  }

  @Override
  public void saveBom(SaveBomRequest r, StreamObserver<Bom> out) {
    reply(
        out,
        bom(
            desk.saveBom(
                GatewayContext.actor(),
                r.getCode(),
                r.getName(),
                r.getProductItemCode(),
                r.getBaseQuantity().getValue(),
                r.getInputsList().stream()
                    .map(
                        i ->
                            new ProductionDesk.BomInputLine(
                                i.getItemCode(), i.getQuantity().getValue()))
                    .toList(),
                r.getOutputsList().stream()
                    .map(
                        o ->
                            new ProductionDesk.BomOutputLine(
                                o.getItemCode(),
                                word(o.getType(), "OUTPUT_TYPE_"),
                                o.getCostSharePercent().getValue(),
                                o.getExpectedQuantity().getValue(),
                                word(o.getFigure(), "OUTPUT_FIGURE_")))
                    .toList(),
                r.getExpectedLossPercent().getValue(),
                r.getActive(),
                r.getVersion())));
  }

  @Override
  public void getBom(GetBomRequest r, StreamObserver<Bom> out) {
    reply(out, bom(desk.getBom(GatewayContext.actor(), r.getCode())));
  }

  @Override
  public void listBoms(ListBomsRequest r, StreamObserver<ListBomsResponse> out) {
    var b = ListBomsResponse.newBuilder();
    desk.listBoms(GatewayContext.actor(), r.getActiveOnly()).forEach(x -> b.addBoms(bom(x)));
    reply(out, b.build());
  }

  @Override
  public void saveWorkCentre(SaveWorkCentreRequest r, StreamObserver<WorkCentre> out) {
    reply(
        out,
        centre(
            desk.saveWorkCentre(
                GatewayContext.actor(),
                r.getCode(),
                r.getName(),
                r.getMachineCodesList(),
                word(r.getCostBasis(), "COST_BASIS_"),
                r.getConversionRate().getValue(),
                r.getActive(),
                r.getVersion())));
  }

  @Override
  public void listWorkCentres(
      ListWorkCentresRequest r, StreamObserver<ListWorkCentresResponse> out) {
    var b = ListWorkCentresResponse.newBuilder();
    desk.listWorkCentres(GatewayContext.actor()).forEach(x -> b.addWorkCentres(centre(x)));
    reply(out, b.build());
  }

  @Override
  public void planRun(PlanRunRequest r, StreamObserver<ProductionRun> out) {
    reply(
        out,
        run(
            desk.plan(
                GatewayContext.actor(),
                r.getIdempotencyKey().getValue(),
                r.getWorkCentreCode(),
                r.getBomCode(),
                date(r.getRunDate(), "run_date"),
                shift(r.getShift()),
                r.getWarehouseCode(),
                r.getNote())));
  }

  private static String shift(Shift s) {
    return word(s, "SHIFT_");
  }

  @Override
  public void startRun(RunActionRequest r, StreamObserver<ProductionRun> out) {
    reply(out, run(desk.start(GatewayContext.actor(), r.getRunId())));
  }

  @Override
  public void recordConsumption(RecordConsumptionRequest r, StreamObserver<ProductionRun> out) {
    reply(
        out,
        run(
            desk.recordLine(
                GatewayContext.actor(),
                r.getIdempotencyKey().getValue(),
                r.getRunId(),
                false,
                r.getItemCode(),
                r.getQuantity().getValue(),
                r.getLot())));
  }

  @Override
  public void recordOutput(RecordOutputRequest r, StreamObserver<ProductionRun> out) {
    reply(
        out,
        run(
            desk.recordLine(
                GatewayContext.actor(),
                r.getIdempotencyKey().getValue(),
                r.getRunId(),
                true,
                r.getItemCode(),
                r.getQuantity().getValue(),
                r.getLot())));
  }

  @Override
  public void recordStop(RecordStopRequest r, StreamObserver<ProductionRun> out) {
    reply(
        out,
        run(
            desk.recordStop(
                GatewayContext.actor(),
                r.getIdempotencyKey().getValue(),
                r.getRunId(),
                r.hasFrom() ? instant(r.getFrom()) : null,
                r.hasTo() ? instant(r.getTo()) : null,
                word(r.getReason(), "STOP_REASON_"),
                r.getNote(),
                r.getDowntimeId())));
  }

  @Override
  public void listRunDowntime(
      ListRunDowntimeRequest r, StreamObserver<ListRunDowntimeResponse> out) {
    var b = ListRunDowntimeResponse.newBuilder();
    for (var d : desk.downtime(GatewayContext.actor(), r.getRunId())) {
      var e =
          DowntimeEvent.newBuilder()
              .setId(d.id().toString())
              .setMachineCode(d.machineCode())
              .setStartedAt(timestamp(d.startedAt()))
              .setTelemetryReason(d.reason())
              .setStopId(d.stopId() == null ? "" : d.stopId().toString());
      if (d.endedAt() != null) {
        e.setEndedAt(timestamp(d.endedAt()));
      }
      b.addEvents(e);
    }
    reply(out, b.build());
  }

  @Override
  public void previewRunPosting(RunActionRequest r, StreamObserver<RunPosting> out) {
    var p = desk.preview(GatewayContext.actor(), r.getRunId());
    var b =
        RunPosting.newBuilder()
            .setRunId(p.runId().toString())
            .setInputValue(money(p.inputValue(), p.currency()))
            .setConversionCost(money(p.conversionCost(), p.currency()))
            .setOutputValue(money(p.outputValue(), p.currency()))
            .setAbnormalLossValue(money(p.abnormalLossValue(), p.currency()));
    p.lines()
        .forEach(
            l ->
                b.addLines(
                    PostingLine.newBuilder()
                        .setAccountCode(l.accountCode())
                        .setAccountName(l.accountName())
                        .setDebit(money(l.debit(), p.currency()))
                        .setCredit(money(l.credit(), p.currency()))
                        .setMemo(l.memo())));
    p.moves()
        .forEach(
            m ->
                b.addMoves(
                    StockMovePreview.newBuilder()
                        .setItemCode(m.itemCode())
                        .setWarehouseCode(m.warehouseCode())
                        .setLot(m.lot())
                        .setQuantity(decimal(m.qty()))
                        .setValue(money(m.value(), p.currency()))));
    reply(out, b.build());
  }

  @Override
  public void finishRun(RunActionRequest r, StreamObserver<ProductionRun> out) {
    reply(out, run(desk.finish(GatewayContext.actor(), r.getRunId())));
  }

  @Override
  public void reverseRun(ReverseRunRequest r, StreamObserver<ProductionRun> out) {
    reply(out, run(desk.reverse(GatewayContext.actor(), r.getRunId(), r.getNote())));
  }

  @Override
  public void getRun(GetRunRequest r, StreamObserver<ProductionRun> out) {
    reply(out, run(desk.get(GatewayContext.actor(), r.getRunId())));
  }

  @Override
  public void listRuns(ListRunsRequest r, StreamObserver<ListRunsResponse> out) {
    var page =
        desk.list(
            GatewayContext.actor(),
            r.getWorkCentreCode(),
            date(r.getFromDate(), "from_date"),
            date(r.getToDate(), "to_date"),
            word(r.getState(), "RUN_STATE_"),
            r.getPage().getPageSize(),
            r.getPage().getPageToken());
    var b = ListRunsResponse.newBuilder();
    page.runs().forEach(x -> b.addRuns(run(x)));
    b.setPage(ProtoValues.page(page.nextPageToken()));
    reply(out, b.build());
  }

  @Override
  public void getDayFigures(GetDayFiguresRequest r, StreamObserver<DayFigures> out) {
    DayView d = desk.day(GatewayContext.actor(), date(r.getDate(), "date"), r.getWorkCentreCode());
    var b =
        DayFigures.newBuilder()
            .setDate(ProtoValues.date(d.date()))
            .setWorkCentreCode(d.workCentreCode())
            .setDay(figures(d.day()))
            .setFinishedRuns(d.finishedRuns());
    d.runs().forEach(x -> b.addRuns(run(x)));
    reply(out, b.build());
  }

  static Bom bom(BomView v) {
    var b =
        Bom.newBuilder()
            .setId(v.id().toString())
            .setCode(v.code())
            .setName(v.name())
            .setProductItemCode(v.productItemCode())
            .setBaseQuantity(decimal(v.baseQuantity()))
            .setExpectedLossPercent(decimal(v.expectedLossPct()))
            .setActive(v.active())
            .setVersion(v.version());
    v.inputs()
        .forEach(
            i ->
                b.addInputs(
                    BomInput.newBuilder()
                        .setItemCode(i.itemCode())
                        .setItemName(i.itemName())
                        .setUnitCode(i.unitCode())
                        .setQuantity(decimal(i.qty()))));
    v.outputs()
        .forEach(
            o ->
                b.addOutputs(
                    BomOutput.newBuilder()
                        .setItemCode(o.itemCode())
                        .setItemName(o.itemName())
                        .setUnitCode(o.unitCode())
                        .setType(OutputType.valueOf("OUTPUT_TYPE_" + o.type()))
                        .setCostSharePercent(decimal(o.costSharePct()))
                        .setExpectedQuantity(decimal(o.expectedQuantity()))
                        .setFigure(OutputFigure.valueOf("OUTPUT_FIGURE_" + o.figure()))));
    return b.build();
  }

  static WorkCentre centre(WorkCentreView v) {
    return WorkCentre.newBuilder()
        .setId(v.id().toString())
        .setCode(v.code())
        .setName(v.name())
        .addAllMachineCodes(v.machineCodes())
        .setCostBasis(CostBasis.valueOf("COST_BASIS_" + v.costBasis()))
        .setConversionRate(money(v.rate(), v.currency()))
        .setActive(v.active())
        .setVersion(v.version())
        .build();
  }

  static ProductionRun run(RunView v) {
    var b =
        ProductionRun.newBuilder()
            .setId(v.id().toString())
            .setNumber(v.number())
            .setWorkCentreCode(v.workCentreCode())
            .setBomCode(v.bomCode())
            .setRunDate(date(v.date()))
            .setShift(Shift.valueOf("SHIFT_" + v.shift()))
            .setWarehouseCode(v.warehouseCode())
            .setState(RunState.valueOf("RUN_STATE_" + v.state()))
            .setNote(v.note())
            .setFigures(figures(v.figures()))
            .setJournalEntryNumber(v.entryNumber())
            .setReversalEntryNumber(v.reversalEntryNumber())
            .setStartedAt(timestamp(v.startedAt()))
            .setFinishedAt(timestamp(v.finishedAt()))
            .setWindowStart(timestamp(v.windowStart()))
            .setWindowEnd(timestamp(v.windowEnd()))
            .setReversalNote(v.reversalNote());
    if (v.inputValue() != null) {
      b.setInputValue(money(v.inputValue(), v.currency()))
          .setConversionCost(money(v.conversionCost(), v.currency()))
          .setOutputValue(money(v.outputValue(), v.currency()))
          .setAbnormalLossValue(money(v.abnormalLossValue(), v.currency()));
    }
    v.consumption().forEach(l -> b.addConsumption(line(l, v.currency())));
    v.outputs().forEach(l -> b.addOutputs(line(l, v.currency())));
    v.stops()
        .forEach(
            s ->
                b.addStops(
                    RunStop.newBuilder()
                        .setId(s.id().toString())
                        .setFrom(timestamp(s.from()))
                        .setTo(timestamp(s.to()))
                        .setReason(StopReason.valueOf("STOP_REASON_" + s.reason()))
                        .setNote(s.note())
                        .setDowntimeId(s.downtimeId() == null ? "" : s.downtimeId().toString())
                        .setMinutes(s.minutes())));
    return b.build();
  }

  private static RunLine line(LineView l, String currency) {
    var b =
        RunLine.newBuilder()
            .setId(l.id().toString())
            .setItemCode(l.itemCode())
            .setItemName(l.itemName())
            .setUnitCode(l.unitCode())
            .setQuantity(decimal(l.quantity()))
            .setLot(l.lot());
    if (l.value() != null) {
      b.setValue(money(l.value(), currency));
    }
    if (l.outputType() != null) {
      b.setType(OutputType.valueOf("OUTPUT_TYPE_" + l.outputType()));
    }
    return b.build();
  }

  private static RunFigures figures(Figures f) {
    var b =
        RunFigures.newBuilder()
            .setCaneCrushedTonnes(decimal(f.caneTonnes()))
            .setCrushingRateTcd(decimal(f.tcd()))
            .setSugarTonnes(decimal(f.sugarTonnes()))
            .setRecoveryPercent(decimal(f.recoveryPct()))
            .setMolassesPercentCane(decimal(f.molassesPct()))
            .setBagassePercentCane(decimal(f.bagassePct()))
            .setPressMudPercentCane(decimal(f.pressMudPct()))
            .setLostMinutes(f.lostMinutesTotal())
            .setLossPercent(decimal(f.lossPct()));
    f.sugarByGrade()
        .forEach(
            s ->
                b.addSugarByGrade(
                    SugarMade.newBuilder()
                        .setItemCode(s.itemCode())
                        .setItemName(s.itemName())
                        .setTonnes(decimal(s.tonnes()))));
    f.lostMinutes()
        .forEach(
            (reason, minutes) ->
                b.addLostTime(
                    LostTime.newBuilder()
                        .setReason(StopReason.valueOf("STOP_REASON_" + reason))
                        .setMinutes(minutes)));
    return b.build();
  }
}
