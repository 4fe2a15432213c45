package io.millstone.server.cane;

import io.millstone.server.accounting.Books;
import io.millstone.server.inventory.StockLedger;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Transactions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Cane procurement, as the rest of the server sees it: one entrance to the season's documents, each
 * kept in its own class ({@link Seasons}, {@link Growers}, {@link Permits}, {@link Weighbridge},
 * {@link CaneBills}, {@link CaneReversals}, {@link GrowerStatements}) with plain SQL (ADR 0021, ADR
 * 0025).
 */
public final class CaneDesk {
  /** The item cane is received as ({@link CaneItem}). */
  static final String CANE_ITEM = "CANE";

  /**
   * The heaviest load a bridge weighs unless its centre says otherwise (cane_centre.max_weight_kg):
   * 80 t, a loaded ten-wheeler with a margin. Weights must be above zero and at most this.
   */
  static final BigDecimal DEFAULT_MAX_WEIGHT_KG = new BigDecimal("80000");

  static final BigDecimal KG_PER_MAUND = new BigDecimal("37.3242");
  static final BigDecimal KG_PER_QUINTAL = new BigDecimal("100");

  public record PriceInput(LocalDate effectiveFrom, String pricePerQuintal) {}

  public record CentreInput(String warehouseCode, String kind, List<PriceInput> prices) {}

  public record PriceView(LocalDate effectiveFrom, BigDecimal pricePerQuintal) {}

  public record CentreView(
      String warehouseCode,
      String warehouseName,
      String kind,
      BigDecimal maxWeightKg,
      List<PriceView> prices) {}

  public record SeasonView(
      UUID id,
      String code,
      String name,
      LocalDate start,
      LocalDate end,
      List<CentreView> centres,
      String overQuota,
      String currency) {}

  public record SeasonPage(List<SeasonView> seasons, String nextPageToken) {}

  public record PlotInput(
      String plotCode, String areaAcres, String variety, String expectedTonnes) {}

  public record PlotView(
      String plotCode, BigDecimal areaAcres, String variety, BigDecimal expectedTonnes) {}

  public record GrowerView(
      UUID id,
      String growerNumber,
      String supplierCode,
      String name,
      String village,
      String phone,
      List<PlotView> plots) {}

  public record GrowerPage(List<GrowerView> growers, String nextPageToken) {}

  public record LoanView(
      UUID id,
      String number,
      String growerNumber,
      String kind,
      LocalDate date,
      BigDecimal amount,
      BigDecimal recovered,
      String entryNumber,
      String note,
      String currency) {
    public BigDecimal outstanding() {
      return amount.subtract(recovered);
    }
  }

  public record PermitInput(String growerNumber, String quotaQuintals) {}

  public record PermitView(
      UUID id,
      String number,
      String seasonCode,
      String growerNumber,
      String growerName,
      String warehouseCode,
      LocalDate date,
      BigDecimal quotaQuintals,
      String state,
      String cancelReason,
      String ticketNumber) {}

  public record PermitPage(List<PermitView> permits, String nextPageToken) {}

  public record TicketView(
      UUID id,
      String number,
      String state,
      String permitNumber,
      String growerNumber,
      String growerName,
      String warehouseCode,
      LocalDate ticketDate,
      String vehicle,
      BigDecimal grossKg,
      String grossSource,
      String grossReason,
      Instant weighedInAt,
      BigDecimal tareKg,
      String tareSource,
      String tareReason,
      Instant weighedOutAt,
      BigDecimal netKg,
      BigDecimal pricePerQuintal,
      BigDecimal value,
      String entryNumber,
      String billNumber,
      BigDecimal overQuotaKg,
      String voidReason,
      String voidedBy,
      Instant voidedAt,
      BigDecimal quotaQuintals,
      String currency) {}

  public record TicketPage(List<TicketView> tickets, String nextPageToken) {}

  public record ScaleReading(
      String machineCode,
      boolean present,
      BigDecimal weightKg,
      boolean stable,
      Instant sourceTime) {}

  public record DeductionView(String loanNumber, String kind, BigDecimal amount) {}

  public record BillView(
      UUID id,
      String number,
      String growerNumber,
      String growerName,
      String seasonCode,
      LocalDate from,
      LocalDate to,
      LocalDate billDate,
      String warehouseCode,
      int ticketCount,
      BigDecimal caneKg,
      BigDecimal caneValue,
      List<DeductionView> deductions,
      BigDecimal deducted,
      BigDecimal netPayable,
      BigDecimal paid,
      String entryNumber,
      String state,
      String reverseReason,
      String reversedBy,
      Instant reversedAt,
      String reversalEntryNumber,
      String paymentRunNumber,
      String currency) {}

  public record BillPage(List<BillView> bills, String nextPageToken) {}

  public record PaymentInput(String billNumber, String method, String reference) {}

  public record PaymentView(
      String billNumber,
      String growerNumber,
      String growerName,
      String method,
      String reference,
      BigDecimal amount) {}

  public record RunView(
      UUID id,
      String number,
      LocalDate date,
      List<PaymentView> payments,
      BigDecimal total,
      String entryNumber,
      String state,
      String reverseReason,
      String reversedBy,
      Instant reversedAt,
      String reversalEntryNumber,
      String currency) {}

  public record RunPage(List<RunView> runs, String nextPageToken) {}

  public record StatementPayment(
      String runNumber,
      String billNumber,
      LocalDate date,
      String method,
      String reference,
      BigDecimal amount,
      boolean reversed) {}

  public record StatementView(
      GrowerView grower,
      List<PermitView> permits,
      List<TicketView> tickets,
      List<BillView> bills,
      List<LoanView> loans,
      List<StatementPayment> payments,
      BigDecimal caneValue,
      BigDecimal deducted,
      BigDecimal paid,
      BigDecimal balanceOwed,
      BigDecimal loansOutstanding,
      String currency) {}

  private final Seasons seasons;
  private final Growers growers;
  private final Permits permits;
  private final Weighbridge weighbridge;
  private final CaneBills bills;
  private final CaneReversals reversals;
  private final GrowerStatements statements;

  public CaneDesk(Transactions tx, Books books, StockLedger stock, ScaleSource scale, Clock clock) {
    this.seasons = new Seasons(tx, clock);
    this.growers = new Growers(tx, books, clock);
    this.permits = new Permits(tx, books, clock);
    this.weighbridge = new Weighbridge(tx, books, stock, scale, clock);
    this.bills = new CaneBills(tx, books, clock);
    this.reversals = new CaneReversals(tx, books, clock);
    this.statements = new GrowerStatements(tx, clock);
  }

  /** Where the weighbridge's live values come from (telemetry's latest values, ADR 0025). */
  public interface ScaleSource {
    /** The latest value of each of the company's tags of one machine, by tag key. */
    java.util.Map<String, LiveValue> latest(UUID company, UUID machineId);

    record LiveValue(String value, Instant sourceTime) {}
  }

  /** {@link #createSeason} with over-quota loads marked (the default). */
  public SeasonView createSeason(
      Actor actor,
      String key,
      String code,
      String name,
      LocalDate start,
      LocalDate end,
      List<CentreInput> centres) {
    return createSeason(actor, key, code, name, start, end, centres, "");
  }

  public SeasonView createSeason(
      Actor actor,
      String key,
      String code,
      String name,
      LocalDate start,
      LocalDate end,
      List<CentreInput> centres,
      String overQuota) {
    return seasons.create(actor, key, code, name, start, end, centres, overQuota);
  }

  public SeasonPage listSeasons(Actor actor, int pageSize, String pageToken) {
    return seasons.list(actor, pageSize, pageToken);
  }

  public SeasonView getSeason(Actor actor, String season) {
    return seasons.get(actor, season);
  }

  public SeasonView setPrice(Actor actor, String season, String warehouseCode, PriceInput price) {
    return seasons.setPrice(actor, season, warehouseCode, price);
  }

  public SeasonView setBridgeLimit(
      Actor actor, String season, String warehouseCode, String maxWeightKg) {
    return seasons.setBridgeLimit(actor, season, warehouseCode, maxWeightKg);
  }

  public GrowerView createGrower(
      Actor actor,
      String key,
      String supplierCode,
      String growerNumber,
      String village,
      List<PlotInput> plots) {
    return growers.create(actor, key, supplierCode, growerNumber, village, plots);
  }

  public GrowerView getGrower(Actor actor, String growerNumber) {
    return growers.get(actor, growerNumber);
  }

  public GrowerPage listGrowers(
      Actor actor, String village, String search, int pageSize, String pageToken) {
    return growers.list(actor, village, search, pageSize, pageToken);
  }

  public LoanView recordLoan(
      Actor actor,
      String key,
      String growerNumber,
      String kind,
      String amount,
      LocalDate date,
      String paidFrom,
      String note) {
    return growers.recordLoan(actor, key, growerNumber, kind, amount, date, paidFrom, note);
  }

  public List<LoanView> listLoans(Actor actor, String growerNumber, boolean outstandingOnly) {
    return growers.loans(actor, growerNumber, outstandingOnly);
  }

  public List<PermitView> issuePermits(
      Actor actor,
      String key,
      String season,
      String warehouseCode,
      LocalDate date,
      List<PermitInput> input) {
    return permits.issue(actor, key, season, warehouseCode, date, input);
  }

  public PermitView cancelPermit(Actor actor, String number, String reason) {
    return permits.cancel(actor, number, reason);
  }

  public PermitPage listPermits(
      Actor actor,
      String warehouseCode,
      LocalDate date,
      String state,
      String growerNumber,
      int pageSize,
      String pageToken) {
    return permits.list(actor, warehouseCode, date, state, growerNumber, pageSize, pageToken);
  }

  public TicketView weighIn(
      Actor actor,
      String key,
      String permitNumber,
      String growerNumber,
      String warehouseCode,
      String vehicle,
      String grossKg,
      String source,
      String reason) {
    return weighbridge.weighIn(
        actor, key, permitNumber, growerNumber, warehouseCode, vehicle, grossKg, source, reason);
  }

  public TicketView weighOut(
      Actor actor, String ticketNumber, String tareKg, String source, String reason) {
    return weighbridge.weighOut(actor, ticketNumber, tareKg, source, reason);
  }

  public TicketView voidTicket(Actor actor, String key, String ticket, String reason) {
    return weighbridge.voidTicket(actor, key, ticket, reason);
  }

  public List<TicketView> openTickets(Actor actor, String warehouseCode) {
    return weighbridge.open(actor, warehouseCode);
  }

  public TicketPage listTickets(
      Actor actor,
      String warehouseCode,
      String growerNumber,
      LocalDate from,
      LocalDate to,
      String state,
      int pageSize,
      String pageToken) {
    return weighbridge.list(
        actor, warehouseCode, growerNumber, from, to, state, pageSize, pageToken);
  }

  public ScaleReading scaleWeight(
      Actor actor, String machineCode, String weightTag, String stableTag) {
    return weighbridge.scale(actor, machineCode, weightTag, stableTag);
  }

  public List<BillView> createBills(
      Actor actor,
      String key,
      String season,
      LocalDate from,
      LocalDate to,
      String warehouseCode,
      LocalDate billDate) {
    return bills.create(actor, key, season, from, to, warehouseCode, billDate);
  }

  public BillPage listBills(
      Actor actor,
      String growerNumber,
      boolean unpaidOnly,
      String season,
      int pageSize,
      String pageToken) {
    return bills.list(actor, growerNumber, unpaidOnly, season, pageSize, pageToken);
  }

  public RunPage listPaymentRuns(
      Actor actor, String season, LocalDate from, LocalDate to, int pageSize, String pageToken) {
    return bills.listRuns(actor, season, from, to, pageSize, pageToken);
  }

  public RunView paymentRun(Actor actor, String key, LocalDate date, List<PaymentInput> payments) {
    return bills.pay(actor, key, date, payments);
  }

  public BillView reverseBill(Actor actor, String key, String bill, String reason) {
    return reversals.reverseBill(actor, key, bill, reason);
  }

  public RunView reverseRun(Actor actor, String key, String run, String reason) {
    return reversals.reverseRun(actor, key, run, reason);
  }

  public StatementView statement(Actor actor, String growerNumber, String season) {
    return statements.of(actor, growerNumber, season);
  }

  /** kg as quintals (kg / 100), 4 decimals. */
  public static BigDecimal quintals(BigDecimal kg) {
    return kg == null ? null : kg.divide(KG_PER_QUINTAL, 4, RoundingMode.HALF_UP);
  }

  /** kg as maunds (kg / 37.3242), 4 decimals. */
  public static BigDecimal maunds(BigDecimal kg) {
    return kg == null ? null : kg.divide(KG_PER_MAUND, 4, RoundingMode.HALF_UP);
  }

  /** The value of cane: price per quintal × net kg / 100, rounded half up to 2 decimals. */
  static BigDecimal caneValue(BigDecimal pricePerQuintal, BigDecimal netKg) {
    return pricePerQuintal.multiply(netKg).divide(KG_PER_QUINTAL, 2, RoundingMode.HALF_UP);
  }
}
