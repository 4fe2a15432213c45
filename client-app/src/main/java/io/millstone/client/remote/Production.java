package io.millstone.client.remote;

import static io.millstone.client.remote.ProtoValues.date;
import static io.millstone.client.remote.ProtoValues.decimal;
import static io.millstone.client.remote.ProtoValues.key;
import static io.millstone.client.remote.ProtoValues.page;

import com.google.protobuf.Timestamp;
import io.millstone.api.masterdata.v1.Item;
import io.millstone.api.masterdata.v1.Warehouse;
import io.millstone.api.production.v1.Bom;
import io.millstone.api.production.v1.BomInput;
import io.millstone.api.production.v1.BomOutput;
import io.millstone.api.production.v1.DayFigures;
import io.millstone.api.production.v1.DowntimeEvent;
import io.millstone.api.production.v1.GetDayFiguresRequest;
import io.millstone.api.production.v1.GetRunRequest;
import io.millstone.api.production.v1.LabServiceGrpc;
import io.millstone.api.production.v1.ListBomsRequest;
import io.millstone.api.production.v1.ListRunDowntimeRequest;
import io.millstone.api.production.v1.ListRunsRequest;
import io.millstone.api.production.v1.ListRunsResponse;
import io.millstone.api.production.v1.ListSamplesRequest;
import io.millstone.api.production.v1.ListSamplesResponse;
import io.millstone.api.production.v1.ListStreamLimitsRequest;
import io.millstone.api.production.v1.ListWorkCentresRequest;
import io.millstone.api.production.v1.PlanRunRequest;
import io.millstone.api.production.v1.ProductionRun;
import io.millstone.api.production.v1.ProductionServiceGrpc;
import io.millstone.api.production.v1.Range;
import io.millstone.api.production.v1.RecordConsumptionRequest;
import io.millstone.api.production.v1.RecordOutputRequest;
import io.millstone.api.production.v1.RecordSamplesRequest;
import io.millstone.api.production.v1.RecordStopRequest;
import io.millstone.api.production.v1.ReverseRunRequest;
import io.millstone.api.production.v1.RunActionRequest;
import io.millstone.api.production.v1.RunPosting;
import io.millstone.api.production.v1.Sample;
import io.millstone.api.production.v1.SampleInput;
import io.millstone.api.production.v1.SaveBomRequest;
import io.millstone.api.production.v1.SaveStreamLimitsRequest;
import io.millstone.api.production.v1.SaveWorkCentreRequest;
import io.millstone.api.production.v1.Shift;
import io.millstone.api.production.v1.StopReason;
import io.millstone.api.production.v1.Stream;
import io.millstone.api.production.v1.StreamLimits;
import io.millstone.api.production.v1.WorkCentre;
import io.millstone.client.core.list.Page;
import io.millstone.client.core.list.PageSource;
import io.millstone.client.production.ProductionGateway;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Bills of materials, work centres, production runs (ProductionService) and the lab (LabService).
 */
public final class Production implements ProductionGateway {
  private static final int COMPLETIONS = 8;

  private final Session session;
  private final Items items;
  private final Warehouses warehouses;

  public Production(Session session) {
    this.session = session;
    this.items = new Items(session);
    this.warehouses = new Warehouses(session);
  }

  private ProductionServiceGrpc.ProductionServiceBlockingStub stub() {
    return session.stub(ProductionServiceGrpc.newBlockingStub(session.connection().channel()));
  }

  private LabServiceGrpc.LabServiceBlockingStub lab() {
    return session.stub(LabServiceGrpc.newBlockingStub(session.connection().channel()));
  }

  private static String trim(String s) {
    return s == null ? "" : s.trim();
  }

  private static Timestamp timestamp(Instant i) {
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
  }

  /** The instant, or null when the message is unset. */
  public static Instant instant(Timestamp t) {
    return t == null || (t.getSeconds() == 0 && t.getNanos() == 0)
        ? null
        : Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  @Override
  public List<Item> items(String typed) throws RemoteException {
    return items.fetch(new PageSource.Query(trim(typed), "code"), "", COMPLETIONS).rows();
  }

  @Override
  public List<Warehouse> warehouses() throws RemoteException {
    return warehouses.fetch(new PageSource.Query("", "code"), "", 200).rows();
  }

  @Override
  public Bom bom(String code) throws RemoteException {
    return Calls.call(
        () ->
            stub()
                .getBom(
                    io.millstone.api.production.v1.GetBomRequest.newBuilder()
                        .setCode(trim(code))
                        .build()));
  }

  @Override
  public List<Bom> boms() throws RemoteException {
    return Calls.call(() -> stub().listBoms(ListBomsRequest.getDefaultInstance())).getBomsList();
  }

  @Override
  public Bom saveBom(BomDraft d) throws RemoteException {
    SaveBomRequest.Builder b =
        SaveBomRequest.newBuilder()
            .setCode(trim(d.code()))
            .setName(trim(d.name()))
            .setProductItemCode(trim(d.productItemCode()))
            .setBaseQuantity(decimal(d.baseQuantity()))
            .setExpectedLossPercent(decimal(d.expectedLossPercent()))
            .setActive(d.active())
            .setVersion(d.version());
    for (BomInputLine l : d.inputs()) {
      b.addInputs(
          BomInput.newBuilder().setItemCode(trim(l.itemCode())).setQuantity(decimal(l.quantity())));
    }
    for (BomOutputLine l : d.outputs()) {
      b.addOutputs(
          BomOutput.newBuilder()
              .setItemCode(trim(l.itemCode()))
              .setType(l.type())
              .setFigure(l.figure())
              .setCostSharePercent(decimal(l.costSharePercent()))
              .setExpectedQuantity(decimal(l.expectedQuantity())));
    }
    return Calls.call(() -> stub().saveBom(b.build()));
  }

  @Override
  public List<WorkCentre> workCentres() throws RemoteException {
    return Calls.call(() -> stub().listWorkCentres(ListWorkCentresRequest.getDefaultInstance()))
        .getWorkCentresList();
  }

  @Override
  public WorkCentre saveWorkCentre(WorkCentreDraft d) throws RemoteException {
    SaveWorkCentreRequest r =
        SaveWorkCentreRequest.newBuilder()
            .setCode(trim(d.code()))
            .setName(trim(d.name()))
            .addAllMachineCodes(d.machineCodes().stream().map(String::trim).toList())
            .setCostBasis(d.costBasis())
            .setConversionRate(decimal(d.conversionRate()))
            .setActive(d.active())
            .setVersion(d.version())
            .build();
    return Calls.call(() -> stub().saveWorkCentre(r));
  }

  @Override
  public ProductionRun plan(
      String workCentreCode,
      String bomCode,
      LocalDate runDate,
      Shift shift,
      String warehouseCode,
      String note,
      String idempotencyKey)
      throws RemoteException {
    PlanRunRequest r =
        PlanRunRequest.newBuilder()
            .setIdempotencyKey(key(idempotencyKey))
            .setWorkCentreCode(trim(workCentreCode))
            .setBomCode(trim(bomCode))
            .setRunDate(date(runDate))
            .setShift(shift == null ? Shift.SHIFT_UNSPECIFIED : shift)
            .setWarehouseCode(trim(warehouseCode))
            .setNote(trim(note))
            .build();
    return Calls.call(() -> stub().planRun(r));
  }

  @Override
  public ProductionRun run(String id) throws RemoteException {
    return Calls.call(() -> stub().getRun(GetRunRequest.newBuilder().setRunId(id).build()));
  }

  @Override
  public Page<ProductionRun> runs(String workCentreCode, String pageToken, int pageSize)
      throws RemoteException {
    ListRunsRequest r =
        ListRunsRequest.newBuilder()
            .setPage(page(pageToken, pageSize))
            .setWorkCentreCode(trim(workCentreCode))
            .build();
    ListRunsResponse res = Calls.call(() -> stub().listRuns(r));
    return new Page<>(
        res.getRunsList(), res.getPage().getNextPageToken(), res.getPage().getTotalSize());
  }

  @Override
  public DayFigures day(LocalDate date, String workCentreCode) throws RemoteException {
    GetDayFiguresRequest r =
        GetDayFiguresRequest.newBuilder()
            .setDate(date(date))
            .setWorkCentreCode(trim(workCentreCode))
            .build();
    return Calls.call(() -> stub().getDayFigures(r));
  }

  private static RunActionRequest action(String runId) {
    return RunActionRequest.newBuilder().setRunId(runId).build();
  }

  @Override
  public ProductionRun start(String runId) throws RemoteException {
    return Calls.call(() -> stub().startRun(action(runId)));
  }

  @Override
  public ProductionRun consume(
      String runId, String itemCode, BigDecimal quantity, String lot, String idempotencyKey)
      throws RemoteException {
    RecordConsumptionRequest r =
        RecordConsumptionRequest.newBuilder()
            .setIdempotencyKey(key(idempotencyKey))
            .setRunId(runId)
            .setItemCode(trim(itemCode))
            .setQuantity(decimal(quantity))
            .setLot(trim(lot))
            .build();
    return Calls.call(() -> stub().recordConsumption(r));
  }

  @Override
  public ProductionRun output(
      String runId, String itemCode, BigDecimal quantity, String lot, String idempotencyKey)
      throws RemoteException {
    RecordOutputRequest r =
        RecordOutputRequest.newBuilder()
            .setIdempotencyKey(key(idempotencyKey))
            .setRunId(runId)
            .setItemCode(trim(itemCode))
            .setQuantity(decimal(quantity))
            .setLot(trim(lot))
            .build();
    return Calls.call(() -> stub().recordOutput(r));
  }

  @Override
  public ProductionRun stop(
      String runId,
      Instant from,
      Instant to,
      StopReason reason,
      String note,
      String downtimeId,
      String idempotencyKey)
      throws RemoteException {
    RecordStopRequest.Builder b =
        RecordStopRequest.newBuilder()
            .setIdempotencyKey(key(idempotencyKey))
            .setRunId(runId)
            .setReason(reason == null ? StopReason.STOP_REASON_UNSPECIFIED : reason)
            .setNote(trim(note))
            .setDowntimeId(trim(downtimeId));
    if (from != null) {
      b.setFrom(timestamp(from));
    }
    if (to != null) {
      b.setTo(timestamp(to));
    }
    return Calls.call(() -> stub().recordStop(b.build()));
  }

  @Override
  public List<DowntimeEvent> downtime(String runId) throws RemoteException {
    return Calls.call(
            () ->
                stub().listRunDowntime(ListRunDowntimeRequest.newBuilder().setRunId(runId).build()))
        .getEventsList();
  }

  @Override
  public RunPosting preview(String runId) throws RemoteException {
    return Calls.call(() -> stub().previewRunPosting(action(runId)));
  }

  @Override
  public ProductionRun finish(String runId) throws RemoteException {
    return Calls.call(() -> stub().finishRun(action(runId)));
  }

  @Override
  public ProductionRun reverse(String runId, String note) throws RemoteException {
    return Calls.call(
        () ->
            stub()
                .reverseRun(
                    ReverseRunRequest.newBuilder().setRunId(runId).setNote(trim(note)).build()));
  }

  @Override
  public List<StreamLimits> limits() throws RemoteException {
    return Calls.call(() -> lab().listStreamLimits(ListStreamLimitsRequest.getDefaultInstance()))
        .getLimitsList();
  }

  @Override
  public StreamLimits saveLimits(Stream stream, java.util.Map<String, Bounds> limits)
      throws RemoteException {
    SaveStreamLimitsRequest r =
        SaveStreamLimitsRequest.newBuilder()
            .setStream(stream)
            .setBrix(range(limits.get("brix")))
            .setPol(range(limits.get("pol")))
            .setPurity(range(limits.get("purity")))
            .setColourIcumsa(range(limits.get("colour_icumsa")))
            .setMoisturePercent(range(limits.get("moisture_percent")))
            .setGrainMm(range(limits.get("grain_mm")))
            .build();
    return Calls.call(() -> lab().saveStreamLimits(r));
  }

  private static Range range(Bounds b) {
    Range.Builder r = Range.newBuilder();
    if (b != null && b.min() != null) {
      r.setMin(decimal(b.min()));
    }
    if (b != null && b.max() != null) {
      r.setMax(decimal(b.max()));
    }
    return r.build();
  }

  @Override
  public List<Sample> recordSamples(List<SampleLine> samples, String idempotencyKey)
      throws RemoteException {
    RecordSamplesRequest.Builder b =
        RecordSamplesRequest.newBuilder().setIdempotencyKey(key(idempotencyKey));
    for (SampleLine s : samples) {
      SampleInput.Builder i =
          SampleInput.newBuilder()
              .setStream(s.stream())
              .setRunId(trim(s.runId()))
              .setNote(trim(s.note()));
      if (s.takenAt() != null) {
        i.setTakenAt(timestamp(s.takenAt()));
      }
      if (s.brix() != null) {
        i.setBrix(decimal(s.brix()));
      }
      if (s.pol() != null) {
        i.setPol(decimal(s.pol()));
      }
      if (s.colour() != null) {
        i.setColourIcumsa(decimal(s.colour()));
      }
      if (s.moisture() != null) {
        i.setMoisturePercent(decimal(s.moisture()));
      }
      if (s.grain() != null) {
        i.setGrainMm(decimal(s.grain()));
      }
      b.addSamples(i);
    }
    return Calls.call(() -> lab().recordSamples(b.build())).getSamplesList();
  }

  @Override
  public List<Sample> samples(Instant from, Instant to) throws RemoteException {
    List<Sample> out = new ArrayList<>();
    String token = "";
    do {
      ListSamplesRequest r =
          ListSamplesRequest.newBuilder()
              .setPage(page(token, 500))
              .setFrom(timestamp(from))
              .setTo(timestamp(to))
              .build();
      ListSamplesResponse res = Calls.call(() -> lab().listSamples(r));
      out.addAll(res.getSamplesList());
      token = res.getPage().getNextPageToken();
    } while (!token.isEmpty() && out.size() < 2000);
    return out;
  }
}
