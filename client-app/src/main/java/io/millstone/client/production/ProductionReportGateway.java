package io.millstone.client.production;

import io.millstone.api.analytics.v1.ProductionReport;
import io.millstone.api.cane.v1.WeighbridgeTicket;
import io.millstone.api.inventory.v1.Move;
import io.millstone.api.production.v1.ProductionRun;
import io.millstone.api.production.v1.Sample;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The production report and the records a figure of it opens. */
public interface ProductionReportGateway {
  ProductionReport report(LocalDate date) throws Exception;

  /** The runs of the ids, in the order given. */
  List<ProductionRun> runs(List<String> ids) throws Exception;

  /** Completed tickets weighed out from {@code from} (inclusive) to {@code to} (exclusive). */
  List<WeighbridgeTicket> tickets(Instant from, Instant to) throws Exception;

  /** Lab samples taken from {@code from} to {@code to}. */
  List<Sample> samples(Instant from, Instant to) throws Exception;

  /** The item's latest stock moves, newest first. */
  List<Move> stockMoves(String itemCode) throws Exception;
}
