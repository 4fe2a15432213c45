package io.millstone.server.cane;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.millstone.api.cane.v1.CancelPermitRequest;
import io.millstone.api.cane.v1.CaneBill;
import io.millstone.api.cane.v1.CanePaymentInput;
import io.millstone.api.cane.v1.CanePaymentRun;
import io.millstone.api.cane.v1.CaneServiceGrpc;
import io.millstone.api.cane.v1.CentreInput;
import io.millstone.api.cane.v1.CentreKind;
import io.millstone.api.cane.v1.CreateCaneBillsRequest;
import io.millstone.api.cane.v1.CreateGrowerRequest;
import io.millstone.api.cane.v1.CreateSeasonRequest;
import io.millstone.api.cane.v1.GetGrowerStatementRequest;
import io.millstone.api.cane.v1.GetScaleWeightRequest;
import io.millstone.api.cane.v1.GrowerPaymentMethod;
import io.millstone.api.cane.v1.GrowerStatement;
import io.millstone.api.cane.v1.IssuePermitsRequest;
import io.millstone.api.cane.v1.ListOpenTicketsRequest;
import io.millstone.api.cane.v1.ListPermitsRequest;
import io.millstone.api.cane.v1.LoanKind;
import io.millstone.api.cane.v1.Permit;
import io.millstone.api.cane.v1.PermitInput;
import io.millstone.api.cane.v1.PermitState;
import io.millstone.api.cane.v1.PlotInput;
import io.millstone.api.cane.v1.PostCanePaymentRunRequest;
import io.millstone.api.cane.v1.PriceInput;
import io.millstone.api.cane.v1.RecordGrowerLoanRequest;
import io.millstone.api.cane.v1.ScaleWeight;
import io.millstone.api.cane.v1.Season;
import io.millstone.api.cane.v1.SetCanePriceRequest;
import io.millstone.api.cane.v1.TicketState;
import io.millstone.api.cane.v1.WeighInRequest;
import io.millstone.api.cane.v1.WeighOutRequest;
import io.millstone.api.cane.v1.WeighbridgeTicket;
import io.millstone.api.cane.v1.WeightSource;
import io.millstone.api.common.v1.Date;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.common.v1.IdempotencyKey;
import io.millstone.api.telemetry.v1.CreateMachineRequest;
import io.millstone.api.telemetry.v1.DefineTagRequest;
import io.millstone.api.telemetry.v1.EnrollResponse;
import io.millstone.api.telemetry.v1.Machine;
import io.millstone.api.telemetry.v1.ValueType;
import io.millstone.server.TestPlatform;
import io.millstone.server.TestServer;
import io.millstone.server.identity.BadRequests;
import io.millstone.server.masterdata.MasterdataFixtures;
import io.millstone.server.telemetry.TelemetryFixtures;
import io.millstone.server.telemetry.Uplink;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A crushing season at a mill: the cane office registers growers and lends them money, issues
 * permits for a centre's day; trucks are weighed in and out at the gate; the cane is billed per
 * grower less the loans it recovers, and the growers are paid in one run. After every test the
 * books, the stock ledger and the cane documents tell the same story.
 */
class CaneSeasonStoryTest {
  static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
  static TestServer t;
  static UUID mill;
  static MasterdataFixtures md;
  static CaneServiceGrpc.CaneServiceBlockingStub office; // the cane role
  static String adminToken;
  static String clerkUser;
  static String season;
  static LocalDate today;
  static int growers;

  @BeforeAll
  static void start() {
    t = new TestServer();
    mill = t.createCompany("Cane Mill").id();
    String admin = t.createUser(mill, t.unique("cane.admin"), "admin");
    adminToken = t.login(admin, TestServer.PASSWORD).getSessionToken();
    md = MasterdataFixtures.of(t.channel(), adminToken);
    md.warehouse("GATE", "Mill gate yard");
    md.warehouse("KALAI", "Kalai outside centre");
    md.warehouse("SPARES", "Spares store");
    clerkUser = t.createUser(mill, t.unique("cane.clerk"), "cane");
    office = t.as(clerkUser, CaneServiceGrpc.newBlockingStub(t.channel()));
    today = LocalDate.now(DHAKA);
    Season s =
        office.createSeason(
            CreateSeasonRequest.newBuilder()
                .setIdempotencyKey(key())
                .setCode("S" + today.getYear())
                .setName("Crushing season " + today.getYear())
                .setStartDate(date(today.minusDays(10)))
                .setEndDate(date(today.plusDays(90)))
                .addCentres(centre("GATE", CentreKind.CENTRE_KIND_MILL_GATE, "550"))
                .addCentres(centre("KALAI", CentreKind.CENTRE_KIND_OUTSIDE, "540"))
                .build());
    season = s.getCode();
    // The government's new price comes in mid-season, from today.
    s =
        office.setCanePrice(
            SetCanePriceRequest.newBuilder()
                .setSeason(season)
                .setWarehouseCode("GATE")
                .setPrice(price(today, "600"))
                .build());
    assertThat(s.getCentresList()).hasSize(2);
    assertThat(s.getCentres(0).getKind()).isEqualTo(CentreKind.CENTRE_KIND_MILL_GATE);
    assertThat(s.getCentres(0).getPricesList())
        .extracting(p -> p.getPricePerQuintal().getAmount())
        .containsExactly("550.00", "600.00");
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static CentreInput centre(String wh, CentreKind kind, String price) {
    return CentreInput.newBuilder()
        .setWarehouseCode(wh)
        .setKind(kind)
        .addPrices(price(today.minusDays(10), price))
        .build();
  }

  static PriceInput price(LocalDate from, String p) {
    return PriceInput.newBuilder().setEffectiveFrom(date(from)).setPricePerQuintal(dec(p)).build();
  }

  static Decimal dec(String v) {
    return Decimal.newBuilder().setValue(v).build();
  }

  static Date date(LocalDate d) {
    return Date.newBuilder()
        .setYear(d.getYear())
        .setMonth(d.getMonthValue())
        .setDay(d.getDayOfMonth())
        .build();
  }

  static IdempotencyKey key() {
    return IdempotencyKey.newBuilder().setValue(UUID.randomUUID().toString()).build();
  }

  /** A supplier registered as a grower with one plot; answers the grower number. */
  static String grower(String name) {
    int n = ++growers;
    md.supplier("GR-SUP-" + n, name);
    return office
        .createGrower(
            CreateGrowerRequest.newBuilder()
                .setIdempotencyKey(key())
                .setSupplierCode("GR-SUP-" + n)
                .setGrowerNumber("G-" + n)
                .setVillage("Kalai")
                .addPlots(
                    PlotInput.newBuilder()
                        .setPlotCode("North field")
                        .setAreaAcres(dec("1.5"))
                        .setVariety("Isd 39")
                        .setExpectedTonnes(dec("45")))
                .build())
        .getGrowerNumber();
  }

  static Permit permit(String grower, String centre, LocalDate day) {
    return office
        .issuePermits(
            IssuePermitsRequest.newBuilder()
                .setIdempotencyKey(key())
                .setSeason(season)
                .setWarehouseCode(centre)
                .setPermitDate(date(day))
                .addPermits(
                    PermitInput.newBuilder().setGrowerNumber(grower).setQuotaQuintals(dec("100")))
                .build())
        .getPermits(0);
  }

  static WeighInRequest.Builder weighIn(Permit p, String gross) {
    return WeighInRequest.newBuilder()
        .setPermitNumber(p.getNumber())
        .setGrowerNumber(p.getGrowerNumber())
        .setWarehouseCode(p.getWarehouseCode())
        .setVehicleNumber("Dhaka Metro Ta 11-2345")
        .setGrossKg(dec(gross))
        .setSource(WeightSource.WEIGHT_SOURCE_SCALE);
  }

  static WeighbridgeTicket weighOut(WeighbridgeTicket tk, String tare) {
    return office.weighOut(
        WeighOutRequest.newBuilder()
            .setTicketNumber(tk.getNumber())
            .setTareKg(dec(tare))
            .setSource(WeightSource.WEIGHT_SOURCE_SCALE)
            .build());
  }

  static void loan(String grower, LoanKind kind, String amount) {
    office.recordGrowerLoan(
        RecordGrowerLoanRequest.newBuilder()
            .setIdempotencyKey(key())
            .setGrowerNumber(grower)
            .setKind(kind)
            .setAmount(dec(amount))
            .setLoanDate(date(today.minusDays(5)))
            .build());
  }

  static long count(String sql, Object... args) throws Exception {
    try (Connection c = TestPlatform.get().database().ownerDataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static BigDecimal number(String sql, Object... args) throws Exception {
    try (Connection c = TestPlatform.get().database().ownerDataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBigDecimal(1);
      }
    }
  }

  /** How many rows the mill has in the cane tables: bad input must leave it unchanged. */
  static long caneRows() throws Exception {
    return count(
        "SELECT (SELECT count(*) FROM cane_season WHERE company_id = ?)"
            + " + (SELECT count(*) FROM cane_price WHERE company_id = ?)"
            + " + (SELECT count(*) FROM grower WHERE company_id = ?)"
            + " + (SELECT count(*) FROM grower_loan WHERE company_id = ?)"
            + " + (SELECT count(*) FROM cane_permit WHERE company_id = ?)"
            + " + (SELECT count(*) FROM cane_permit WHERE company_id = ? AND state <> 'ISSUED')"
            + " + (SELECT count(*) FROM weighbridge_ticket WHERE company_id = ?)"
            + " + (SELECT count(*) FROM weighbridge_ticket WHERE company_id = ? AND state <> 'OPEN')"
            + " + (SELECT count(*) FROM cane_bill WHERE company_id = ?)"
            + " + (SELECT count(*) FROM cane_payment WHERE company_id = ?)"
            + " + (SELECT count(*) FROM journal_entry WHERE company_id = ?)"
            + " + (SELECT count(*) FROM stock_move WHERE company_id = ?)",
        mill,
        mill,
        mill,
        mill,
        mill,
        mill,
        mill,
        mill,
        mill,
        mill,
        mill,
        mill);
  }

  static BigDecimal account(String code) throws Exception {
    return account(mill, code);
  }

  static BigDecimal account(UUID company, String code) throws Exception {
    return number(
        "SELECT coalesce(sum(l.debit - l.credit), 0) FROM journal_line l JOIN account a ON a.id ="
            + " l.account_id WHERE a.company_id = ? AND a.code = ?",
        company,
        code);
  }

  @AfterEach
  void theBooksTheStockAndTheCaneDocumentsAgree() throws Exception {
    booksAgree(mill);
  }

  /**
   * The books, the stock ledger and the cane documents of {@code company} tell the same story,
   * corrections included: voided tickets, REVERSED bills and the payments of REVERSED runs count
   * for nothing (their reversing entries cancel their postings).
   */
  static void booksAgree(UUID company) throws Exception {
    assertThat(
            count(
                "SELECT count(*) FROM (SELECT e.id FROM journal_entry e JOIN journal_line l ON"
                    + " l.entry_id = e.id WHERE e.company_id = ? GROUP BY e.id"
                    + " HAVING sum(l.debit) <> sum(l.credit)) x",
                company))
        .as("journal entries that do not balance")
        .isZero();
    BigDecimal received =
        number(
            "SELECT coalesce(sum(value), 0) FROM weighbridge_ticket WHERE company_id = ? AND"
                + " state = 'COMPLETED'",
            company);
    BigDecimal deducted =
        number(
            "SELECT coalesce(sum(deducted), 0) FROM cane_bill WHERE company_id = ?"
                + " AND state = 'POSTED'",
            company);
    BigDecimal paid =
        number(
            "SELECT coalesce(sum(amount), 0) FROM cane_payment WHERE company_id = ?"
                + " AND NOT reversed",
            company);
    assertThat(account(company, "2020").negate())
        .as("cane payable = cane received - loans recovered - payments")
        .isEqualByComparingTo(received.subtract(deducted).subtract(paid));
    assertThat(account(company, "1150"))
        .as("grower advances = loans not yet recovered")
        .isEqualByComparingTo(
            number(
                "SELECT coalesce(sum(amount - recovered), 0) FROM grower_loan WHERE company_id = ?",
                company));
    assertThat(
            number(
                "SELECT coalesce(sum(l.amount - l.recovered), 0) - coalesce((SELECT"
                    + " sum(l2.amount) FROM grower_loan l2 WHERE l2.company_id = ?), 0)"
                    + " + coalesce((SELECT sum(d.amount) FROM cane_bill_deduction d JOIN cane_bill"
                    + " b ON b.id = d.bill_id WHERE b.company_id = ? AND b.state = 'POSTED'), 0)"
                    + " FROM grower_loan l WHERE l.company_id = ?",
                company,
                company,
                company))
        .as("a loan's recovered amount is what its standing bills deducted")
        .isZero();
    assertThat(
            number(
                "SELECT coalesce(sum(m.value), 0) FROM stock_move m JOIN item i ON i.id = m.item_id"
                    + " WHERE m.company_id = ? AND i.code = 'CANE'",
                company))
        .as("the cane in stock is worth what the tickets say")
        .isEqualByComparingTo(received);
    assertThat(account(company, "1200")).isEqualByComparingTo(received);
    assertThat(
            count(
                "SELECT count(*) FROM weighbridge_ticket tk JOIN cane_permit p ON p.id ="
                    + " tk.permit_id WHERE tk.company_id = ? AND tk.state <> 'VOIDED'"
                    + " AND p.state <> 'USED'",
                company))
        .as("tickets whose permit is not marked used")
        .isZero();
    assertThat(
            count(
                "SELECT count(*) FROM weighbridge_ticket WHERE company_id = ? AND state = 'VOIDED'"
                    + " AND (journal_entry_id IS NOT NULL OR movement_id IS NOT NULL"
                    + " OR bill_id IS NOT NULL)",
                company))
        .as("voided tickets that posted something or were billed")
        .isZero();
    assertThat(
            count(
                "SELECT count(*) FROM cane_bill b, LATERAL (SELECT count(*) AS n,"
                    + " coalesce(sum(tk.value), 0) AS v FROM weighbridge_ticket tk"
                    + " WHERE tk.bill_id = b.id) x WHERE b.company_id = ? AND b.state = 'POSTED'"
                    + " AND (b.ticket_count <> x.n OR b.cane_value <> x.v)",
                company))
        .as("standing bills whose tickets are not theirs")
        .isZero();
    assertThat(
            count(
                "SELECT count(*) FROM cane_bill b WHERE b.company_id = ? AND b.paid <> coalesce(("
                    + "SELECT sum(cp.amount) FROM cane_payment cp WHERE cp.bill_id = b.id"
                    + " AND NOT cp.reversed), 0)",
                company))
        .as("bills whose paid amount is not their standing payment")
        .isZero();
  }

  @Test
  void aGrowerFromPermitToPaymentWithALoanRecovered() throws Exception {
    String g = grower("Abdul Karim");
    loan(g, LoanKind.LOAN_KIND_FERTILISER, "5000");
    Permit p = permit(g, "GATE", today);
    assertThat(p.getState()).isEqualTo(PermitState.PERMIT_STATE_ISSUED);
    assertThat(p.getNumber()).startsWith("PMT-");

    WeighInRequest first = weighIn(p, "12,500.5").setIdempotencyKey(key()).build();
    WeighbridgeTicket in = office.weighIn(first);
    // The clerk's screen retries after a timeout: the same ticket, not "already used".
    assertThat(office.weighIn(first).getNumber()).isEqualTo(in.getNumber());
    assertThat(in.getState()).isEqualTo(TicketState.TICKET_STATE_OPEN);
    assertThat(
            office
                .listOpenTickets(
                    ListOpenTicketsRequest.newBuilder().setWarehouseCode("GATE").build())
                .getTicketsList())
        .extracting(WeighbridgeTicket::getNumber)
        .contains(in.getNumber());

    WeighbridgeTicket out =
        office.weighOut(
            WeighOutRequest.newBuilder()
                .setTicketNumber(in.getNumber())
                .setTareKg(dec("4200"))
                .setSource(WeightSource.WEIGHT_SOURCE_MANUAL)
                .setManualReason("Scale display failed; read from the dial")
                .build());
    assertThat(out.getState()).isEqualTo(TicketState.TICKET_STATE_COMPLETED);
    assertThat(out.getNet().getKg().getValue()).isEqualTo("8300.5");
    assertThat(out.getNet().getQuintal().getValue()).isEqualTo("83.005");
    assertThat(out.getNet().getMaund().getValue()).isEqualTo("222.3892");
    assertThat(out.getTareSource()).isEqualTo(WeightSource.WEIGHT_SOURCE_MANUAL);
    // Today's price at the gate is the new one: 600 × 8300.5 / 100.
    assertThat(out.getPricePerQuintal().getAmount()).isEqualTo("600.00");
    assertThat(out.getValue().getAmount()).isEqualTo("49803.00");
    assertThat(out.getJournalEntryNumber()).isNotEmpty();
    // A valued day keeps its price.
    StatusRuntimeException repriced =
        TestServer.failure(
            () ->
                office.setCanePrice(
                    SetCanePriceRequest.newBuilder()
                        .setSeason(season)
                        .setWarehouseCode("GATE")
                        .setPrice(price(today, "610"))
                        .build()));
    assertThat(repriced.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(
            number(
                "SELECT m.quantity FROM stock_move m JOIN item i ON i.id = m.item_id JOIN warehouse"
                    + " w ON w.id = m.warehouse_id WHERE m.company_id = ? AND i.code = 'CANE'"
                    + " AND w.code = 'GATE' AND m.reference = ?",
                mill,
                out.getNumber()))
        .isEqualByComparingTo("8300.5");

    List<CaneBill> bills =
        office
            .createCaneBills(
                CreateCaneBillsRequest.newBuilder()
                    .setIdempotencyKey(key())
                    .setSeason(season)
                    .setFromDate(date(today))
                    .setToDate(date(today))
                    .build())
            .getBillsList();
    CaneBill bill =
        bills.stream().filter(b -> b.getGrowerNumber().equals(g)).findFirst().orElseThrow();
    assertThat(bill.getCaneValue().getAmount()).isEqualTo("49803.00");
    assertThat(bill.getDeducted().getAmount()).isEqualTo("5000.00");
    assertThat(bill.getNetPayable().getAmount()).isEqualTo("44803.00");
    assertThat(bill.getDeductionsList())
        .singleElement()
        .satisfies(d -> assertThat(d.getKind()).isEqualTo(LoanKind.LOAN_KIND_FERTILISER));

    CanePaymentRun run =
        office.postCanePaymentRun(
            PostCanePaymentRunRequest.newBuilder()
                .setIdempotencyKey(key())
                .setPaymentDate(date(today))
                .addAllPayments(
                    bills.stream()
                        .filter(b -> new BigDecimal(b.getNetPayable().getAmount()).signum() > 0)
                        .map(
                            b ->
                                CanePaymentInput.newBuilder()
                                    .setBillNumber(b.getNumber())
                                    .setMethod(
                                        b.getNumber().equals(bill.getNumber())
                                            ? GrowerPaymentMethod.GROWER_PAYMENT_METHOD_MOBILE_MONEY
                                            : GrowerPaymentMethod.GROWER_PAYMENT_METHOD_BANK)
                                    .setReference("BKASH-" + b.getNumber())
                                    .build())
                        .toList())
                .build());
    assertThat(run.getPaymentsList())
        .filteredOn(x -> x.getBillNumber().equals(bill.getNumber()))
        .singleElement()
        .satisfies(x -> assertThat(x.getAmount().getAmount()).isEqualTo("44803.00"));
    assertThat(
            number(
                "SELECT sum(l.credit) FROM journal_line l JOIN account a ON a.id = l.account_id"
                    + " JOIN journal_entry e ON e.id = l.entry_id WHERE e.company_id = ? AND"
                    + " e.number = ? AND a.code = '1020'",
                mill,
                run.getJournalEntryNumber()))
        .isEqualByComparingTo("44803.00");

    GrowerStatement st =
        office.getGrowerStatement(
            GetGrowerStatementRequest.newBuilder().setGrowerNumber(g).build());
    assertThat(st.getPermitsList())
        .singleElement()
        .satisfies(x -> assertThat(x.getState()).isEqualTo(PermitState.PERMIT_STATE_USED));
    assertThat(st.getTicketsList())
        .singleElement()
        .satisfies(x -> assertThat(x.getBillNumber()).isEqualTo(bill.getNumber()));
    assertThat(st.getBillsList()).hasSize(1);
    assertThat(st.getLoansList())
        .singleElement()
        .satisfies(x -> assertThat(x.getOutstanding().getAmount()).isEqualTo("0.00"));
    assertThat(st.getPaymentsList()).hasSize(1);
    assertThat(st.getCaneValue().getAmount()).isEqualTo("49803.00");
    assertThat(st.getDeducted().getAmount()).isEqualTo("5000.00");
    assertThat(st.getPaid().getAmount()).isEqualTo("44803.00");
    assertThat(st.getBalanceOwed().getAmount()).isEqualTo("0.00");
  }

  @Test
  void aLoanLargerThanTheCaneLeavesABillOfZeroAndTheRestOutstanding() throws Exception {
    String g = grower("Rahima Begum");
    loan(g, LoanKind.LOAN_KIND_ADVANCE, "3000");
    loan(g, LoanKind.LOAN_KIND_SEED, "90000");
    Permit p = permit(g, "KALAI", today);
    WeighbridgeTicket tk = weighOut(office.weighIn(weighIn(p, "9000").build()), "3000");
    // 540 × 6000 / 100 at the outside centre.
    assertThat(tk.getValue().getAmount()).isEqualTo("32400.00");
    CaneBill bill =
        office
            .createCaneBills(
                CreateCaneBillsRequest.newBuilder()
                    .setSeason(season)
                    .setFromDate(date(today))
                    .setToDate(date(today))
                    .setWarehouseCode("KALAI")
                    .build())
            .getBillsList()
            .stream()
            .filter(b -> b.getGrowerNumber().equals(g))
            .findFirst()
            .orElseThrow();
    assertThat(bill.getNetPayable().getAmount()).isEqualTo("0.00");
    // The oldest loan first, then what is left of the cane against the next.
    assertThat(bill.getDeductionsList())
        .extracting(d -> d.getKind(), d -> d.getAmount().getAmount())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(LoanKind.LOAN_KIND_ADVANCE, "3000.00"),
            org.assertj.core.groups.Tuple.tuple(LoanKind.LOAN_KIND_SEED, "29400.00"));
    GrowerStatement st =
        office.getGrowerStatement(
            GetGrowerStatementRequest.newBuilder().setGrowerNumber(g).build());
    assertThat(st.getLoansOutstanding().getAmount()).isEqualTo("60600.00");
    assertThat(st.getBalanceOwed().getAmount()).isEqualTo("0.00");
    StatusRuntimeException e =
        TestServer.failure(
            () ->
                office.postCanePaymentRun(
                    PostCanePaymentRunRequest.newBuilder()
                        .setPaymentDate(date(today))
                        .addPayments(
                            CanePaymentInput.newBuilder()
                                .setBillNumber(bill.getNumber())
                                .setMethod(GrowerPaymentMethod.GROWER_PAYMENT_METHOD_BANK)
                                .setReference("TRX-0"))
                        .build()));
    assertThat(BadRequests.fields(e)).containsExactly("payments[0].bill_number");
  }

  @Test
  void eightClerksWeighingInOnOnePermitMakeOneTicket() throws Exception {
    String g = grower("Motaleb Mia");
    Permit p = permit(g, "GATE", today);
    int clerks = 8;
    ExecutorService pool = Executors.newFixedThreadPool(clerks);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Status.Code>> results = new ArrayList<>();
    try {
      for (int i = 0; i < clerks; i++) {
        String gross = String.valueOf(10000 + i);
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return TestServer.codeOf(
                      () -> office.weighIn(weighIn(p, gross).setIdempotencyKey(key()).build()));
                }));
      }
      go.countDown();
      List<Status.Code> codes = new ArrayList<>();
      for (Future<Status.Code> f : results) {
        codes.add(f.get(60, TimeUnit.SECONDS));
      }
      assertThat(codes).filteredOn(c -> c == Status.Code.OK).hasSize(1);
      assertThat(codes)
          .filteredOn(c -> c != Status.Code.OK)
          .allMatch(c -> c == Status.Code.FAILED_PRECONDITION || c == Status.Code.ABORTED);
    } finally {
      pool.shutdownNow();
    }
    assertThat(
            count(
                "SELECT count(*) FROM weighbridge_ticket tk JOIN cane_permit p ON p.id ="
                    + " tk.permit_id WHERE p.number = ? AND p.company_id = ?",
                p.getNumber(),
                mill))
        .isEqualTo(1);
    StatusRuntimeException again =
        TestServer.failure(() -> office.weighIn(weighIn(p, "9000").build()));
    assertThat(again.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(again.getStatus().getDescription()).contains("already used");
  }

  @Test
  void expiredCancelledOtherGrowersAndFuturePermitsAreRefusedAndWriteNothing() throws Exception {
    String g = grower("Nurul Islam");
    String other = grower("Jahanara Khatun");
    Permit expired = permit(g, "GATE", today);
    // The day passes without the grower coming.
    count(
        "WITH x AS (UPDATE cane_permit SET permit_date = ? WHERE number = ? AND"
            + " company_id = ? RETURNING 1) SELECT count(*) FROM x",
        java.sql.Date.valueOf(today.minusDays(1)),
        expired.getNumber(),
        mill);
    assertThat(
            office
                .listPermits(
                    ListPermitsRequest.newBuilder()
                        .setGrowerNumber(g)
                        .setState(PermitState.PERMIT_STATE_EXPIRED)
                        .build())
                .getPermitsList())
        .extracting(Permit::getNumber)
        .containsExactly(expired.getNumber());
    Permit cancelled = permit(g, "GATE", today);
    office.cancelPermit(
        CancelPermitRequest.newBuilder()
            .setPermitNumber(cancelled.getNumber())
            .setReason("Grower's field flooded")
            .build());
    Permit tomorrow = permit(g, "GATE", today.plusDays(1));
    Permit othersPermit = permit(other, "GATE", today);
    long before = caneRows();

    assertThat(refusal(weighIn(expired, "9000").build())).contains("expired");
    assertThat(refusal(weighIn(cancelled, "9000").build())).contains("cancelled");
    assertThat(refusal(weighIn(tomorrow, "9000").build())).contains("only on that day");
    assertThat(refusal(weighIn(othersPermit, "9000").setGrowerNumber(g).build()))
        .contains("not to " + g);
    assertThat(refusal(weighIn(othersPermit, "9000").setWarehouseCode("KALAI").build()))
        .contains("is for centre GATE");
    assertThat(caneRows()).isEqualTo(before);
  }

  static String refusal(WeighInRequest req) {
    StatusRuntimeException e = TestServer.failure(() -> office.weighIn(req));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    return e.getStatus().getDescription();
  }

  @Test
  void absurdWeightsAndATareAboveTheGrossAreRefusedAndWriteNothing() throws Exception {
    String g = grower("Sirajul Haque");
    Permit p = permit(g, "GATE", today);
    long before = caneRows();
    for (String bad : List.of("0", "-5", "80000.001", "1e9", "twelve", "12.3456")) {
      assertThat(
              BadRequests.fields(TestServer.failure(() -> office.weighIn(weighIn(p, bad).build()))))
          .as(bad)
          .containsExactly("gross_kg");
    }
    assertThat(
            BadRequests.fields(
                TestServer.failure(
                    () ->
                        office.weighIn(
                            weighIn(p, "9000")
                                .setSource(WeightSource.WEIGHT_SOURCE_MANUAL)
                                .build()))))
        .containsExactly("manual_reason");
    assertThat(caneRows()).isEqualTo(before);

    WeighbridgeTicket in = office.weighIn(weighIn(p, "9000").build());
    long open = caneRows();
    for (String tare : List.of("9000", "9500.5")) {
      assertThat(BadRequests.fields(TestServer.failure(() -> weighOut(in, tare))))
          .containsExactly("tare_kg");
    }
    assertThat(BadRequests.fields(TestServer.failure(() -> weighOut(in, "0"))))
        .containsExactly("tare_kg");
    assertThat(caneRows()).isEqualTo(open);
    WeighbridgeTicket done = weighOut(in, "3000");
    assertThat(done.getNet().getKg().getValue()).isEqualTo("6000");
    assertThat(TestServer.failure(() -> weighOut(in, "3000")).getStatus().getCode())
        .isEqualTo(Status.Code.FAILED_PRECONDITION);
  }

  @Test
  void badInputToEveryNewCallGivesFieldViolationsAndWritesNothing() throws Exception {
    String g = grower("Kamrul Hasan");
    long before = caneRows();
    assertThat(
            fields(
                () ->
                    office.createSeason(
                        CreateSeasonRequest.newBuilder()
                            .setCode("BAD")
                            .setName("Backwards")
                            .setStartDate(date(today))
                            .setEndDate(date(today.minusDays(1)))
                            .build())))
        .contains("end_date", "centres");
    assertThat(
            fields(
                () ->
                    office.createSeason(
                        CreateSeasonRequest.newBuilder()
                            .setCode("BAD2")
                            .setName("Price outside")
                            .setStartDate(date(today))
                            .setEndDate(date(today.plusDays(30)))
                            .addCentres(
                                CentreInput.newBuilder()
                                    .setWarehouseCode("SPARES")
                                    .setKind(CentreKind.CENTRE_KIND_OUTSIDE)
                                    .addPrices(price(today, "600"))
                                    .addPrices(price(today.plusDays(31), "-1")))
                            .build())))
        .contains("centres[0].prices[1].effective_from", "centres[0].prices[1].price_per_quintal");
    assertThat(
            fields(
                () ->
                    office.setCanePrice(
                        SetCanePriceRequest.newBuilder()
                            .setSeason(season)
                            .setWarehouseCode("GATE")
                            .setPrice(price(today.plusDays(200), "700"))
                            .build())))
        .containsExactly("price.effective_from");
    assertThat(
            fields(
                () ->
                    office.createGrower(
                        CreateGrowerRequest.newBuilder()
                            .setSupplierCode("NOPE")
                            .setGrowerNumber("")
                            .setVillage("Kalai")
                            .addPlots(
                                PlotInput.newBuilder().setPlotCode("A").setAreaAcres(dec("-1")))
                            .build())))
        .contains("grower_number", "plots[0].area_acres");
    assertThat(
            fields(
                () ->
                    office.recordGrowerLoan(
                        RecordGrowerLoanRequest.newBuilder()
                            .setGrowerNumber(g)
                            .setAmount(dec("-100"))
                            .build())))
        .contains("kind", "amount", "loan_date");
    assertThat(
            fields(
                () ->
                    office.issuePermits(
                        IssuePermitsRequest.newBuilder()
                            .setSeason(season)
                            .setWarehouseCode("GATE")
                            .setPermitDate(date(today.plusDays(91)))
                            .addPermits(
                                PermitInput.newBuilder()
                                    .setGrowerNumber(g)
                                    .setQuotaQuintals(dec("100")))
                            .build())))
        .containsExactly("permit_date");
    assertThat(
            fields(
                () ->
                    office.issuePermits(
                        IssuePermitsRequest.newBuilder()
                            .setSeason(season)
                            .setWarehouseCode("SPARES")
                            .setPermitDate(date(today))
                            .addPermits(
                                PermitInput.newBuilder()
                                    .setGrowerNumber(g)
                                    .setQuotaQuintals(dec("0")))
                            .build())))
        .containsExactly("permits[0].quota_quintals");
    assertThat(
            fields(
                () ->
                    office.issuePermits(
                        IssuePermitsRequest.newBuilder()
                            .setSeason(season)
                            .setWarehouseCode("SPARES")
                            .setPermitDate(date(today))
                            .addPermits(
                                PermitInput.newBuilder()
                                    .setGrowerNumber(g)
                                    .setQuotaQuintals(dec("10")))
                            .build())))
        .containsExactly("warehouse_code");
    assertThat(
            fields(
                () ->
                    office.cancelPermit(
                        CancelPermitRequest.newBuilder().setPermitNumber("PMT-1").build())))
        .containsExactly("reason");
    assertThat(fields(() -> office.weighIn(WeighInRequest.newBuilder().build())))
        .contains(
            "permit_number",
            "grower_number",
            "warehouse_code",
            "vehicle_number",
            "gross_kg",
            "source");
    assertThat(fields(() -> office.weighOut(WeighOutRequest.newBuilder().build())))
        .contains("ticket_number", "tare_kg", "source");
    assertThat(
            fields(
                () ->
                    office.createCaneBills(
                        CreateCaneBillsRequest.newBuilder()
                            .setSeason(season)
                            .setFromDate(date(today.minusDays(30)))
                            .setToDate(date(today))
                            .build())))
        .containsExactly("from_date");
    assertThat(
            fields(
                () ->
                    office.postCanePaymentRun(
                        PostCanePaymentRunRequest.newBuilder()
                            .setPaymentDate(date(today))
                            .addPayments(CanePaymentInput.newBuilder().setBillNumber("CNB-1"))
                            .build())))
        .contains("payments[0].method", "payments[0].reference");
    assertThat(fields(() -> office.getScaleWeight(GetScaleWeightRequest.newBuilder().build())))
        .containsExactly("machine_code");
    assertThat(caneRows()).isEqualTo(before);
  }

  @Test
  void badInputToTheListsIsNamedAndUnknownRecordsAreNotFound() {
    var badDate = Date.newBuilder().setYear(2026).setMonth(13).setDay(40).build();
    assertThat(
            fields(
                () ->
                    office.listTickets(
                        io.millstone.api.cane.v1.ListTicketsRequest.newBuilder()
                            .setFromDate(badDate)
                            .build())))
        .containsExactly("from_date");
    assertThat(
            fields(
                () ->
                    office.listPermits(
                        io.millstone.api.cane.v1.ListPermitsRequest.newBuilder()
                            .setPermitDate(badDate)
                            .build())))
        .containsExactly("permit_date");
    assertThat(
            fields(
                () ->
                    office.listGrowers(
                        io.millstone.api.cane.v1.ListGrowersRequest.newBuilder()
                            .setPage(
                                io.millstone.api.common.v1.PageRequest.newBuilder()
                                    .setPageToken("not a token"))
                            .build())))
        .isNotEmpty();
    assertThat(
            TestServer.failure(
                    () ->
                        office.getGrower(
                            io.millstone.api.cane.v1.GetGrowerRequest.newBuilder()
                                .setGrowerNumber("G-NOBODY")
                                .build()))
                .getStatus()
                .getCode())
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(
            TestServer.failure(
                    () ->
                        office.getGrowerStatement(
                            io.millstone.api.cane.v1.GetGrowerStatementRequest.newBuilder()
                                .setGrowerNumber("G-NOBODY")
                                .build()))
                .getStatus()
                .getCode())
        .isEqualTo(Status.Code.NOT_FOUND);
  }

  static List<String> fields(Runnable call) {
    StatusRuntimeException e = TestServer.failure(call);
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    return BadRequests.fields(e);
  }

  @Test
  void theWeighbridgeTakesItsWeightFromTheAgent() throws Exception {
    TelemetryFixtures telemetry = new TelemetryFixtures(t.channel(), adminToken);
    Machine m =
        telemetry.machines.createMachine(
            CreateMachineRequest.newBuilder()
                .setCode("WB-GATE")
                .setName("Mill gate weighbridge")
                .setArea("Cane yard")
                .build());
    telemetry.machines.defineTag(
        DefineTagRequest.newBuilder()
            .setMachineId(m.getId())
            .setKey("wb_gate.weight")
            .setName("Weighbridge load")
            .setUnit("kg")
            .setValueType(ValueType.VALUE_TYPE_NUMBER)
            .build());
    telemetry.machines.defineTag(
        DefineTagRequest.newBuilder()
            .setMachineId(m.getId())
            .setKey("wb_gate.stable")
            .setName("Weight stable")
            .setValueType(ValueType.VALUE_TYPE_BOOLEAN)
            .build());
    ScaleWeight none =
        office.getScaleWeight(GetScaleWeightRequest.newBuilder().setMachineCode("WB-GATE").build());
    assertThat(none.getPresent()).isFalse();

    EnrollResponse agent = telemetry.enrolledDevice("gate-floor-pc");
    try (Uplink up = new Uplink(t.channel(), agent.getDeviceId(), agent.getDeviceSecret())) {
      long mark = up.hello();
      Instant now = Instant.now();
      up.send(
          List.of(
              Uplink.reading(mark + 1, "wb_gate.weight", now, "14260"),
              Uplink.reading(mark + 2, "wb_gate.stable", now, "true")));
    }
    ScaleWeight w = none;
    for (int i = 0; i < 100 && !w.getPresent(); i++) {
      w =
          office.getScaleWeight(
              GetScaleWeightRequest.newBuilder().setMachineCode("WB-GATE").build());
      if (!w.getPresent()) {
        Thread.sleep(100);
      }
    }
    assertThat(w.getPresent()).isTrue();
    assertThat(new BigDecimal(w.getWeight().getKg().getValue())).isEqualByComparingTo("14260");
    assertThat(w.getWeight().getQuintal().getValue()).isEqualTo("142.6");
    assertThat(w.getStable()).isTrue();

    // The clerk takes the weight the bridge shows.
    String g = grower("Delwar Hossain");
    Permit p = permit(g, "GATE", today);
    WeighbridgeTicket tk = office.weighIn(weighIn(p, w.getWeight().getKg().getValue()).build());
    assertThat(tk.getGrossSource()).isEqualTo(WeightSource.WEIGHT_SOURCE_SCALE);
    assertThat(new BigDecimal(tk.getGross().getKg().getValue())).isEqualByComparingTo("14260");
    weighOut(tk, "5260");
  }

  @Test
  void aMillThatKeepsCaneInMaundsReceivesEachTicketInMaunds() throws Exception {
    UUID other = t.createCompany("Maund Mill").id();
    String token =
        t.login(t.createUser(other, t.unique("maund.admin"), "admin"), TestServer.PASSWORD)
            .getSessionToken();
    MasterdataFixtures omd = MasterdataFixtures.of(t.channel(), token);
    omd.items.createItem(
        MasterdataFixtures.itemRequest("CANE", "Sugar cane")
            .setUnitCode("maund")
            .setKind(io.millstone.api.masterdata.v1.ItemKind.ITEM_KIND_RAW_MATERIAL)
            .setTaxCategory(io.millstone.api.masterdata.v1.TaxCategory.TAX_CATEGORY_EXEMPT)
            .build());
    omd.warehouse("YARD", "Cane yard");
    omd.supplier("M-SUP", "Maund grower");
    CaneFixtures.oneLoadPaid(t.channel(), token, "YARD", "M-SUP");
    // 5000 kg net is 133.961344 maunds; the stock keeps the ticket's value, 600 × 50 = 30000.
    assertThat(
            number(
                "SELECT m.quantity FROM stock_move m JOIN item i ON i.id = m.item_id"
                    + " WHERE m.company_id = ? AND i.code = 'CANE'",
                other))
        .isEqualByComparingTo("133.961344");
    assertThat(
            number(
                "SELECT m.value FROM stock_move m JOIN item i ON i.id = m.item_id"
                    + " WHERE m.company_id = ? AND i.code = 'CANE'",
                other))
        .isEqualByComparingTo("30000");
  }
}
