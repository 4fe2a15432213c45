package io.millstone.client.production;

import io.millstone.api.masterdata.v1.Item;
import io.millstone.api.masterdata.v1.Warehouse;
import io.millstone.api.production.v1.Bom;
import io.millstone.api.production.v1.CostBasis;
import io.millstone.api.production.v1.DayFigures;
import io.millstone.api.production.v1.DowntimeEvent;
import io.millstone.api.production.v1.OutputFigure;
import io.millstone.api.production.v1.OutputType;
import io.millstone.api.production.v1.ProductionRun;
import io.millstone.api.production.v1.RunPosting;
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
import java.util.List;

/**
 * What the production and lab screens ask of the server. Every method blocks; call it off the UI
 * thread.
 */
public interface ProductionGateway {

  /** One input of a BOM: quantity per the BOM's base quantity. */
  record BomInputLine(String itemCode, BigDecimal quantity) {}

  /** One output of a BOM with its type, figure, share of the cost and expected quantity. */
  record BomOutputLine(
      String itemCode,
      OutputType type,
      OutputFigure figure,
      BigDecimal costSharePercent,
      BigDecimal expectedQuantity) {}

  /** A BOM as the editor sends it; version 0 creates. */
  record BomDraft(
      String code,
      String name,
      String productItemCode,
      BigDecimal baseQuantity,
      List<BomInputLine> inputs,
      List<BomOutputLine> outputs,
      BigDecimal expectedLossPercent,
      boolean active,
      long version) {}

  /** A work centre as the record screen sends it; version 0 creates. */
  record WorkCentreDraft(
      String code,
      String name,
      List<String> machineCodes,
      CostBasis costBasis,
      BigDecimal conversionRate,
      boolean active,
      long version) {}

  /** One lab sample as typed in the grid; absent measurements are null. */
  record SampleLine(
      Stream stream,
      Instant takenAt,
      String runId,
      BigDecimal brix,
      BigDecimal pol,
      BigDecimal colour,
      BigDecimal moisture,
      BigDecimal grain,
      String note) {}

  /** Active items whose code or name matches what was typed, for completion. */
  List<Item> items(String typed) throws Exception;

  List<Warehouse> warehouses() throws Exception;

  List<Bom> boms() throws Exception;

  /** One BOM (by code) as the server has it now. */
  default Bom bom(String code) throws Exception {
    return boms().stream().filter(b -> b.getCode().equals(code)).findFirst().orElseThrow();
  }

  Bom saveBom(BomDraft draft) throws Exception;

  List<WorkCentre> workCentres() throws Exception;

  WorkCentre saveWorkCentre(WorkCentreDraft draft) throws Exception;

  ProductionRun plan(
      String workCentreCode,
      String bomCode,
      LocalDate date,
      Shift shift,
      String warehouseCode,
      String note,
      String key)
      throws Exception;

  ProductionRun run(String id) throws Exception;

  /** Runs newest first; an empty work centre means all. */
  Page<ProductionRun> runs(String workCentreCode, String pageToken, int pageSize) throws Exception;

  /** A date's runs and its figures over the finished ones; an empty work centre means all. */
  DayFigures day(LocalDate date, String workCentreCode) throws Exception;

  ProductionRun start(String runId) throws Exception;

  ProductionRun consume(String runId, String itemCode, BigDecimal quantity, String lot, String key)
      throws Exception;

  ProductionRun output(String runId, String itemCode, BigDecimal quantity, String lot, String key)
      throws Exception;

  ProductionRun stop(
      String runId,
      Instant from,
      Instant to,
      StopReason reason,
      String note,
      String downtimeId,
      String key)
      throws Exception;

  /** What the telemetry saw stop on the run's machines in its shift. */
  List<DowntimeEvent> downtime(String runId) throws Exception;

  /** What finishing the run would post now. */
  RunPosting preview(String runId) throws Exception;

  ProductionRun finish(String runId) throws Exception;

  ProductionRun reverse(String runId, String note) throws Exception;

  List<StreamLimits> limits() throws Exception;

  /** A lower and upper bound; either may be null (no bound). */
  record Bounds(BigDecimal min, BigDecimal max) {}

  /** Replaces a stream's limits; fields as the lab grid names them ("brix", "purity", ...). */
  StreamLimits saveLimits(Stream stream, java.util.Map<String, Bounds> limits) throws Exception;

  /** All or none. */
  List<Sample> recordSamples(List<SampleLine> samples, String key) throws Exception;

  /** Samples taken in [from, to], newest first. */
  List<Sample> samples(Instant from, Instant to) throws Exception;
}
