package io.millstone.server.production;

import io.millstone.server.accounting.Books;
import io.millstone.server.inventory.StockLedger;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Transactions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Production, as the rest of the server sees it: bills of materials ({@link Boms}), work centres
 * ({@link WorkCentres}), runs per shift ({@link ProductionRuns}) posted and reversed by {@link
 * RunPostings}, each in its own class with its SQL beside it.
 */
public final class ProductionDesk {
  public record BomInputLine(String itemCode, String quantity) {}

  public record BomOutputLine(
      String itemCode, String type, String costSharePct, String expectedQuantity, String figure) {}

  public record BomInputView(String itemCode, String itemName, String unitCode, BigDecimal qty) {}

  public record BomOutputView(
      String itemCode,
      String itemName,
      String unitCode,
      String type,
      BigDecimal costSharePct,
      BigDecimal expectedQuantity,
      String figure) {}

  public record BomView(
      UUID id,
      String code,
      String name,
      String productItemCode,
      BigDecimal baseQuantity,
      List<BomInputView> inputs,
      List<BomOutputView> outputs,
      BigDecimal expectedLossPct,
      boolean active,
      long version) {}

  public record WorkCentreView(
      UUID id,
      String code,
      String name,
      List<String> machineCodes,
      String costBasis,
      BigDecimal rate,
      boolean active,
      long version,
      String currency) {}

  public record LineView(
      UUID id,
      String itemCode,
      String itemName,
      String unitCode,
      BigDecimal quantity,
      String lot,
      BigDecimal value,
      String outputType) {}

  public record StopView(
      UUID id, Instant from, Instant to, String reason, String note, UUID downtimeId) {
    public long minutes() {
      return java.time.Duration.between(from, to).toMinutes();
    }
  }

  public record SugarView(String itemCode, String itemName, BigDecimal tonnes) {}

  public record Figures(
      BigDecimal caneTonnes,
      BigDecimal tcd,
      List<SugarView> sugarByGrade,
      BigDecimal sugarTonnes,
      BigDecimal recoveryPct,
      BigDecimal molassesPct,
      BigDecimal bagassePct,
      BigDecimal pressMudPct,
      java.util.Map<String, Long> lostMinutes,
      long lostMinutesTotal,
      BigDecimal lossPct) {}

  public record RunView(
      UUID id,
      String number,
      String workCentreCode,
      String bomCode,
      LocalDate date,
      String shift,
      String warehouseCode,
      String state,
      String note,
      List<LineView> consumption,
      List<LineView> outputs,
      List<StopView> stops,
      Figures figures,
      BigDecimal inputValue,
      BigDecimal conversionCost,
      BigDecimal outputValue,
      BigDecimal abnormalLossValue,
      String entryNumber,
      String reversalEntryNumber,
      Instant startedAt,
      Instant finishedAt,
      Instant windowStart,
      Instant windowEnd,
      String reversalNote,
      String currency) {}

  public record RunPage(List<RunView> runs, String nextPageToken) {}

  /**
   * A day's runs (every shift but reversed runs, in work-centre and shift order) and the day's
   * figures taken over its finished runs.
   */
  public record DayView(
      LocalDate date, String workCentreCode, List<RunView> runs, Figures day, int finishedRuns) {}

  public record DowntimeView(
      UUID id,
      String machineCode,
      Instant startedAt,
      Instant endedAt,
      String reason,
      UUID stopId) {}

  public record PostingLineView(
      String accountCode, String accountName, BigDecimal debit, BigDecimal credit, String memo) {}

  public record MovePreview(
      String itemCode, String warehouseCode, String lot, BigDecimal qty, BigDecimal value) {}

  public record PostingView(
      UUID runId,
      List<PostingLineView> lines,
      List<MovePreview> moves,
      BigDecimal inputValue,
      BigDecimal conversionCost,
      BigDecimal outputValue,
      BigDecimal abnormalLossValue,
      String currency) {}

  private final Boms boms;
  private final WorkCentres centres;
  private final ProductionRuns runs;
  private final RunPostings postings;

  public ProductionDesk(Transactions tx, Books books, StockLedger stock, Clock clock) {
    this.boms = new Boms(tx, clock);
    this.centres = new WorkCentres(tx, clock);
    this.runs = new ProductionRuns(tx, books, clock);
    this.postings = new RunPostings(tx, books, stock, clock);
  }

  public BomView saveBom(
      Actor actor,
      String code,
      String name,
      String productItemCode,
      String baseQuantity,
      List<BomInputLine> inputs,
      List<BomOutputLine> outputs,
      String expectedLossPct,
      boolean active,
      long version) {
    return boms.save(
        actor,
        code,
        name,
        productItemCode,
        baseQuantity,
        inputs,
        outputs,
        expectedLossPct,
        active,
        version);
  }

  public BomView getBom(Actor actor, String code) {
    return boms.get(actor, code);
  }

  public List<BomView> listBoms(Actor actor, boolean activeOnly) {
    return boms.list(actor, activeOnly);
  }

  public WorkCentreView saveWorkCentre(
      Actor actor,
      String code,
      String name,
      List<String> machineCodes,
      String costBasis,
      String rate,
      boolean active,
      long version) {
    return centres.save(actor, code, name, machineCodes, costBasis, rate, active, version);
  }

  public List<WorkCentreView> listWorkCentres(Actor actor) {
    return centres.list(actor);
  }

  public RunView plan(
      Actor actor,
      String key,
      String workCentreCode,
      String bomCode,
      LocalDate date,
      String shift,
      String warehouseCode,
      String note) {
    return runs.plan(actor, key, workCentreCode, bomCode, date, shift, warehouseCode, note);
  }

  public RunView start(Actor actor, String runId) {
    return runs.start(actor, runId);
  }

  public RunView recordLine(
      Actor actor,
      String key,
      String runId,
      boolean output,
      String itemCode,
      String quantity,
      String lot) {
    return runs.recordLine(actor, key, runId, output, itemCode, quantity, lot);
  }

  public RunView recordStop(
      Actor actor,
      String key,
      String runId,
      Instant from,
      Instant to,
      String reason,
      String note,
      String downtimeId) {
    return runs.recordStop(actor, key, runId, from, to, reason, note, downtimeId);
  }

  public List<DowntimeView> downtime(Actor actor, String runId) {
    return runs.downtime(actor, runId);
  }

  public DayView day(Actor actor, LocalDate date, String workCentreCode) {
    return runs.day(actor, date, workCentreCode);
  }

  public RunView get(Actor actor, String runId) {
    return runs.get(actor, runId);
  }

  public RunPage list(
      Actor actor,
      String workCentreCode,
      LocalDate from,
      LocalDate to,
      String state,
      int pageSize,
      String pageToken) {
    return runs.list(actor, workCentreCode, from, to, state, pageSize, pageToken);
  }

  public PostingView preview(Actor actor, String runId) {
    return postings.preview(actor, runId);
  }

  public RunView finish(Actor actor, String runId) {
    return postings.finish(actor, runId);
  }

  public RunView reverse(Actor actor, String runId, String note) {
    return postings.reverse(actor, runId, note);
  }
}
