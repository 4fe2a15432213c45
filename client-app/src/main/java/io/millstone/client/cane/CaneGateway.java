package io.millstone.client.cane;

import io.millstone.api.cane.v1.CaneBill;
import io.millstone.api.cane.v1.CanePaymentRun;
import io.millstone.api.cane.v1.Grower;
import io.millstone.api.cane.v1.GrowerLoan;
import io.millstone.api.cane.v1.GrowerStatement;
import io.millstone.api.cane.v1.Permit;
import io.millstone.api.cane.v1.ScaleWeight;
import io.millstone.api.cane.v1.Season;
import io.millstone.api.cane.v1.WeighbridgeTicket;
import io.millstone.client.core.list.Page;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the cane screens ask of the server (CaneService). Every method blocks; call it off the UI
 * thread. Enum-like choices travel as the contract's names without their prefix ("MILL_GATE",
 * "BANK", "ISSUED").
 */
public interface CaneGateway {

  /** A purchase centre of a new season with its opening price per quintal. */
  record CentreInput(String warehouseCode, String kind, BigDecimal pricePerQuintal) {}

  /** One plot of a new grower. */
  record PlotInput(String plotCode, BigDecimal areaAcres, String variety, BigDecimal tonnes) {}

  /** One grower's permit of the day. */
  record PermitInput(String growerNumber, BigDecimal quotaQuintals) {}

  /** One bill of a payment run, how it is paid and the transfer's reference. */
  record PaymentInput(String billNumber, String method, String reference) {}

  /** The company signed in to, printed at the head of a weighbridge ticket. */
  default String companyName() {
    return "";
  }

  /** The person signed in (their name, else their user name): the clerk on a printed ticket. */
  default String clerkName() {
    return "";
  }

  /** Seasons, newest first. */
  List<Season> seasons() throws Exception;

  /** One season (by code) as the server has it now. */
  default Season season(String code) throws Exception {
    return seasons().stream().filter(s -> s.getCode().equals(code)).findFirst().orElseThrow();
  }

  /** One grower (by number) as the server has it now, plots included. */
  default Grower grower(String number) throws Exception {
    return growers(number, "").stream()
        .filter(g -> g.getGrowerNumber().equals(number))
        .findFirst()
        .orElseThrow();
  }

  Season createSeason(
      String code,
      String name,
      LocalDate start,
      LocalDate end,
      List<CentreInput> centres,
      String overQuota,
      String key)
      throws Exception;

  Season setPrice(String season, String warehouseCode, LocalDate from, BigDecimal price)
      throws Exception;

  /** The heaviest load a centre's bridge weighs, in kg; heavier weigh-ins are refused. */
  Season setBridgeLimit(String season, String warehouseCode, BigDecimal maxKg) throws Exception;

  /** Growers whose number or name starts with what was typed (all when empty). */
  List<Grower> growers(String search, String village) throws Exception;

  Grower createGrower(
      String supplierCode, String growerNumber, String village, List<PlotInput> plots, String key)
      throws Exception;

  List<GrowerLoan> loans(String growerNumber) throws Exception;

  GrowerLoan recordLoan(
      String growerNumber,
      String kind,
      BigDecimal amount,
      LocalDate date,
      String paidFrom,
      String note,
      String key)
      throws Exception;

  /** All issued or none. */
  List<Permit> issuePermits(
      String season, String warehouseCode, LocalDate date, List<PermitInput> permits, String key)
      throws Exception;

  /** Permits of a centre and day (null: every day) in a state (empty: every state). */
  Page<Permit> permits(
      String warehouseCode,
      LocalDate date,
      String state,
      String growerNumber,
      String pageToken,
      int pageSize)
      throws Exception;

  Permit cancelPermit(String permitNumber, String reason) throws Exception;

  /** The bridge's live weight; {@code present} false when it has not reported. */
  ScaleWeight scaleWeight(String machineCode) throws Exception;

  /** Trucks weighed in and waiting for their tare at a centre, oldest first. */
  List<WeighbridgeTicket> openTickets(String warehouseCode) throws Exception;

  /**
   * The loaded truck. A null manual reason means the weight was taken from the scale; otherwise the
   * weight was typed and the reason says why.
   */
  WeighbridgeTicket weighIn(
      String permitNumber,
      String growerNumber,
      String warehouseCode,
      String vehicle,
      BigDecimal grossKg,
      String manualReason,
      String key)
      throws Exception;

  /** The empty truck; completes the ticket. The manual reason as for {@link #weighIn}. */
  WeighbridgeTicket weighOut(String ticketNumber, BigDecimal tareKg, String manualReason)
      throws Exception;

  /** A truck weighed in and turned away: the ticket is voided and its permit issued again. */
  WeighbridgeTicket voidTicket(String ticketNumber, String reason, String key) throws Exception;

  List<CaneBill> createBills(
      String season, LocalDate from, LocalDate to, String warehouseCode, String key)
      throws Exception;

  /** Bills not yet paid (of a season; empty: all). */
  List<CaneBill> unpaidBills(String season) throws Exception;

  /** Reverses an unpaid bill: its recovery entry is undone and its tickets can be billed anew. */
  CaneBill reverseBill(String billNumber, String reason, String key) throws Exception;

  /** Reverses a payment run: its entry is undone and the bills it paid are unpaid again. */
  CanePaymentRun reverseRun(String runNumber, String reason, String key) throws Exception;

  /** Payment runs newest first, POSTED and REVERSED (of a season; empty: all). */
  List<CanePaymentRun> paymentRuns(String season) throws Exception;

  CanePaymentRun payRun(LocalDate date, List<PaymentInput> payments, String key) throws Exception;

  GrowerStatement statement(String growerNumber, String season) throws Exception;
}
