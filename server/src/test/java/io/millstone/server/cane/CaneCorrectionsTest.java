package io.millstone.server.cane;

import static io.millstone.server.cane.CaneSeasonStoryTest.booksAgree;
import static io.millstone.server.cane.CaneSeasonStoryTest.count;
import static io.millstone.server.cane.CaneSeasonStoryTest.date;
import static io.millstone.server.cane.CaneSeasonStoryTest.dec;
import static io.millstone.server.cane.CaneSeasonStoryTest.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.millstone.api.cane.v1.CaneBill;
import io.millstone.api.cane.v1.CaneBillState;
import io.millstone.api.cane.v1.CanePaymentInput;
import io.millstone.api.cane.v1.CanePaymentRun;
import io.millstone.api.cane.v1.CanePaymentRunState;
import io.millstone.api.cane.v1.CaneServiceGrpc;
import io.millstone.api.cane.v1.CentreInput;
import io.millstone.api.cane.v1.CentreKind;
import io.millstone.api.cane.v1.CreateCaneBillsRequest;
import io.millstone.api.cane.v1.CreateGrowerRequest;
import io.millstone.api.cane.v1.CreateSeasonRequest;
import io.millstone.api.cane.v1.GetGrowerStatementRequest;
import io.millstone.api.cane.v1.GetSeasonRequest;
import io.millstone.api.cane.v1.GrowerPaymentMethod;
import io.millstone.api.cane.v1.GrowerStatement;
import io.millstone.api.cane.v1.IssuePermitsRequest;
import io.millstone.api.cane.v1.ListCaneBillsRequest;
import io.millstone.api.cane.v1.ListCanePaymentRunsRequest;
import io.millstone.api.cane.v1.ListGrowerLoansRequest;
import io.millstone.api.cane.v1.ListPermitsRequest;
import io.millstone.api.cane.v1.ListTicketsRequest;
import io.millstone.api.cane.v1.LoanKind;
import io.millstone.api.cane.v1.OverQuota;
import io.millstone.api.cane.v1.Permit;
import io.millstone.api.cane.v1.PermitInput;
import io.millstone.api.cane.v1.PermitState;
import io.millstone.api.cane.v1.PlotInput;
import io.millstone.api.cane.v1.PostCanePaymentRunRequest;
import io.millstone.api.cane.v1.PriceInput;
import io.millstone.api.cane.v1.RecordGrowerLoanRequest;
import io.millstone.api.cane.v1.ReverseCaneBillRequest;
import io.millstone.api.cane.v1.ReverseCanePaymentRunRequest;
import io.millstone.api.cane.v1.Season;
import io.millstone.api.cane.v1.SetBridgeLimitRequest;
import io.millstone.api.cane.v1.TicketState;
import io.millstone.api.cane.v1.VoidTicketRequest;
import io.millstone.api.cane.v1.WeighInRequest;
import io.millstone.api.cane.v1.WeighOutRequest;
import io.millstone.api.cane.v1.WeighbridgeTicket;
import io.millstone.api.cane.v1.WeightSource;
import io.millstone.server.TestServer;
import io.millstone.server.identity.BadRequests;
import io.millstone.server.masterdata.MasterdataFixtures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cane office puts mistakes right: a load above its permit's quota is marked (or refused where
 * the season says so), a lorry turned away after weighing in has its ticket voided and its permit
 * back, a wrong bill is reversed and billed anew, a wrong payment run is reversed and the bills
 * paid again; a centre's bridge limit is set. After every test the books, the stock and the cane
 * documents still agree (CaneSeasonStoryTest.booksAgree).
 */
class CaneCorrectionsTest {
  static TestServer t;
  static UUID mill;
  static MasterdataFixtures md;
  static CaneServiceGrpc.CaneServiceBlockingStub office; // the cane role
  static CaneServiceGrpc.CaneServiceBlockingStub accounts; // the accounts role
  static String clerkUser;
  static LocalDate today;
  static int growers;

  /** Marks over-quota loads (the default), at GATE and KALAI. */
  static final String MARK = "MARK" + UUID.randomUUID().toString().substring(0, 4);

  /** Refuses over-quota loads, at REFUSE-YARD. */
  static final String REFUSE = "REF" + UUID.randomUUID().toString().substring(0, 4);

  @BeforeAll
  static void start() {
    t = new TestServer();
    mill = t.createCompany("Corrections Mill").id();
    String admin = t.createUser(mill, t.unique("cane.admin"), "admin");
    md = MasterdataFixtures.of(t.channel(), t.login(admin, TestServer.PASSWORD).getSessionToken());
    md.warehouse("GATE", "Mill gate yard");
    md.warehouse("KALAI", "Kalai outside centre");
    md.warehouse("YARD", "Strict yard");
    clerkUser = t.createUser(mill, t.unique("cane.clerk"), "cane");
    office = t.as(clerkUser, CaneServiceGrpc.newBlockingStub(t.channel()));
    accounts =
        t.as(
            t.createUser(mill, t.unique("accounts"), "accounts"),
            CaneServiceGrpc.newBlockingStub(t.channel()));
    today = LocalDate.now(ZoneId.of("Asia/Dhaka"));
    Season marking =
        office.createSeason(
            season(MARK)
                .addCentres(centre("GATE"))
                .addCentres(centre("KALAI"))
                // Unspecified: MARK.
                .build());
    assertThat(marking.getOverQuota()).isEqualTo(OverQuota.OVER_QUOTA_MARK);
    Season refusing =
        office.createSeason(
            season(REFUSE)
                .addCentres(centre("YARD"))
                .setOverQuota(OverQuota.OVER_QUOTA_REFUSE)
                .build());
    assertThat(refusing.getOverQuota()).isEqualTo(OverQuota.OVER_QUOTA_REFUSE);
    assertThat(
            office
                .getSeason(GetSeasonRequest.newBuilder().setSeason(REFUSE).build())
                .getOverQuota())
        .isEqualTo(OverQuota.OVER_QUOTA_REFUSE);
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @AfterEach
  void theBooksTheStockAndTheCaneDocumentsAgree() throws Exception {
    booksAgree(mill);
  }

  static CreateSeasonRequest.Builder season(String code) {
    return CreateSeasonRequest.newBuilder()
        .setIdempotencyKey(key())
        .setCode(code)
        .setName("Season " + code)
        .setStartDate(date(today.minusDays(10)))
        .setEndDate(date(today.plusDays(90)));
  }

  static CentreInput centre(String wh) {
    return CentreInput.newBuilder()
        .setWarehouseCode(wh)
        .setKind(CentreKind.CENTRE_KIND_MILL_GATE)
        .addPrices(
            PriceInput.newBuilder()
                .setEffectiveFrom(date(today.minusDays(10)))
                .setPricePerQuintal(dec("600")))
        .build();
  }

  static String grower(String name) {
    int n = ++growers;
    md.supplier("CR-SUP-" + n, name);
    return office
        .createGrower(
            CreateGrowerRequest.newBuilder()
                .setIdempotencyKey(key())
                .setSupplierCode("CR-SUP-" + n)
                .setGrowerNumber("CR-" + n)
                .setVillage("Kalai")
                .addPlots(
                    PlotInput.newBuilder()
                        .setPlotCode("North field")
                        .setAreaAcres(dec("1.5"))
                        .setExpectedTonnes(dec("45")))
                .build())
        .getGrowerNumber();
  }

  static Permit permit(String season, String grower, String centre, String quota) {
    return office
        .issuePermits(
            IssuePermitsRequest.newBuilder()
                .setIdempotencyKey(key())
                .setSeason(season)
                .setWarehouseCode(centre)
                .setPermitDate(date(today))
                .addPermits(
                    PermitInput.newBuilder().setGrowerNumber(grower).setQuotaQuintals(dec(quota)))
                .build())
        .getPermits(0);
  }

  static WeighInRequest.Builder weighIn(Permit p, String gross) {
    return WeighInRequest.newBuilder()
        .setIdempotencyKey(key())
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

  /** A completed load at GATE in the marking season: gross - tare kg net. */
  static WeighbridgeTicket load(String grower, String gross, String tare) {
    return weighOut(
        office.weighIn(weighIn(permit(MARK, grower, "GATE", "100"), gross).build()), tare);
  }

  static List<CaneBill> bill(String grower) {
    return office
        .createCaneBills(
            CreateCaneBillsRequest.newBuilder()
                .setIdempotencyKey(key())
                .setSeason(MARK)
                .setFromDate(date(today))
                .setToDate(date(today))
                .build())
        .getBillsList()
        .stream()
        .filter(b -> b.getGrowerNumber().equals(grower))
        .toList();
  }

  static CanePaymentRun pay(CaneBill b, GrowerPaymentMethod method) {
    return office.postCanePaymentRun(
        PostCanePaymentRunRequest.newBuilder()
            .setIdempotencyKey(key())
            .setPaymentDate(date(today))
            .addPayments(
                CanePaymentInput.newBuilder()
                    .setBillNumber(b.getNumber())
                    .setMethod(method)
                    .setReference("TRX-" + b.getNumber() + "-" + UUID.randomUUID()))
            .build());
  }

  static String refusal(Runnable call) {
    StatusRuntimeException e = TestServer.failure(call::run);
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    return e.getStatus().getDescription();
  }

  /** Rows in the cane tables and the states corrections change: bad input leaves it alone. */
  static long rows() throws Exception {
    return count(
        "SELECT (SELECT count(*) FROM cane_permit WHERE company_id = ? AND state <> 'ISSUED')"
            + " + (SELECT count(*) FROM weighbridge_ticket WHERE company_id = ?)"
            + " + (SELECT count(*) FROM weighbridge_ticket WHERE company_id = ? AND state <> 'OPEN')"
            + " + (SELECT count(*) FROM weighbridge_ticket WHERE company_id = ? AND bill_id IS NULL)"
            + " + (SELECT count(*) FROM cane_bill WHERE company_id = ? AND state <> 'POSTED')"
            + " + (SELECT count(*) FROM cane_bill WHERE company_id = ?)"
            + " + (SELECT count(*) FROM cane_payment WHERE company_id = ? AND NOT reversed)"
            + " + (SELECT count(*) FROM cane_payment_run WHERE company_id = ? AND state = 'POSTED')"
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
        mill);
  }

  static long entries() throws Exception {
    return count("SELECT count(*) FROM journal_entry WHERE company_id = ?", mill);
  }

  // ---- Over quota ----

  @Test
  void aLoadAboveItsQuotaIsMarkedOrRefusedAsTheSeasonSays() throws Exception {
    String g = grower("Nurul Islam");
    // 40 q allowed, 60 q brought: accepted, 2000 kg marked.
    WeighbridgeTicket in = office.weighIn(weighIn(permit(MARK, g, "GATE", "40"), "9000").build());
    assertThat(in.getOverQuotaKg().getValue()).isEmpty();
    assertThat(in.getQuotaQuintals().getValue()).isEqualTo("40");
    WeighbridgeTicket over = weighOut(in, "3000");
    assertThat(over.getState()).isEqualTo(TicketState.TICKET_STATE_COMPLETED);
    assertThat(over.getOverQuotaKg().getValue()).isEqualTo("2000");
    assertThat(over.getValue().getAmount()).isEqualTo("36000.00");
    // Within the quota: 0.
    WeighbridgeTicket within =
        weighOut(office.weighIn(weighIn(permit(MARK, g, "KALAI", "40"), "7000").build()), "3000");
    assertThat(within.getOverQuotaKg().getValue()).isEqualTo("0");
    // Shown in the lists and the statement.
    assertThat(
            office
                .listTickets(ListTicketsRequest.newBuilder().setGrowerNumber(g).build())
                .getTicketsList())
        .extracting(x -> x.getNumber() + " " + x.getOverQuotaKg().getValue())
        .containsExactlyInAnyOrder(over.getNumber() + " 2000", within.getNumber() + " 0");
    assertThat(
            office
                .getGrowerStatement(
                    GetGrowerStatementRequest.newBuilder().setGrowerNumber(g).build())
                .getTicketsList())
        .extracting(x -> x.getOverQuotaKg().getValue())
        .containsExactlyInAnyOrder("2000", "0");

    // The strict yard refuses 52.3 q on a 40 q permit, and writes nothing.
    Permit strict = permit(REFUSE, g, "YARD", "40");
    WeighbridgeTicket heavy = office.weighIn(weighIn(strict, "8230").build());
    long before = rows();
    assertThat(refusal(() -> weighOut(heavy, "3000")))
        .isEqualTo("Permit " + strict.getNumber() + " allows 40 q; this load is 52.3 q net.");
    assertThat(rows()).isEqualTo(before);
    // Exactly the quota is within it.
    WeighbridgeTicket exact = weighOut(heavy, "4230");
    assertThat(exact.getOverQuotaKg().getValue()).isEqualTo("0");
    assertThat(exact.getNet().getQuintal().getValue()).isEqualTo("40");
  }

  // ---- Void ----

  @Test
  void aLorryTurnedAwayHasItsTicketVoidedAndItsPermitBackForTheSameDay() throws Exception {
    String g = grower("Hasina Khatun");
    Permit p = permit(MARK, g, "GATE", "100");
    WeighbridgeTicket in = office.weighIn(weighIn(p, "9000").build());
    long journal = entries();
    VoidTicketRequest voiding =
        VoidTicketRequest.newBuilder()
            .setIdempotencyKey(key())
            .setTicketId(in.getId())
            .setReason("Cane too wet; turned away")
            .build();
    WeighbridgeTicket voided = office.voidTicket(voiding);
    assertThat(voided.getState()).isEqualTo(TicketState.TICKET_STATE_VOIDED);
    assertThat(voided.getVoidReason()).isEqualTo("Cane too wet; turned away");
    assertThat(voided.getVoidedBy()).isEqualTo(clerkUser);
    assertThat(voided.hasVoidedAt()).isTrue();
    // The screen retries: the same answer.
    assertThat(office.voidTicket(voiding).getState()).isEqualTo(TicketState.TICKET_STATE_VOIDED);
    // Weigh-in posted nothing, so voiding posts nothing.
    assertThat(entries()).isEqualTo(journal);
    Permit again =
        office
            .listPermits(ListPermitsRequest.newBuilder().setGrowerNumber(g).build())
            .getPermits(0);
    assertThat(again.getState()).isEqualTo(PermitState.PERMIT_STATE_ISSUED);
    assertThat(again.getTicketNumber()).isEmpty();

    // The lorry comes back dried the same day: the permit weighs it.
    WeighbridgeTicket second = office.weighIn(weighIn(p, "8800").build());
    assertThat(second.getNumber()).isNotEqualTo(in.getNumber());
    WeighbridgeTicket done = weighOut(second, "3000");
    assertThat(done.getState()).isEqualTo(TicketState.TICKET_STATE_COMPLETED);
    assertThat(
            office
                .listTickets(
                    ListTicketsRequest.newBuilder()
                        .setGrowerNumber(g)
                        .setState(TicketState.TICKET_STATE_VOIDED)
                        .build())
                .getTicketsList())
        .extracting(WeighbridgeTicket::getNumber)
        .containsExactly(in.getNumber());

    // A completed ticket, a voided one, weighing out a voided one: sentences, nothing written.
    long before = rows();
    assertThat(
            refusal(
                () ->
                    office.voidTicket(
                        VoidTicketRequest.newBuilder()
                            .setTicketId(done.getNumber())
                            .setReason("wrong")
                            .build())))
        .isEqualTo(
            "Ticket "
                + done.getNumber()
                + " was weighed out and its cane received; a completed ticket cannot be voided.");
    assertThat(
            refusal(
                () ->
                    office.voidTicket(
                        VoidTicketRequest.newBuilder()
                            .setTicketId(in.getNumber())
                            .setReason("again")
                            .build())))
        .isEqualTo("Ticket " + in.getNumber() + " was voided: Cane too wet; turned away");
    assertThat(refusal(() -> weighOut(in, "3000"))).contains("was voided");
    assertThat(rows()).isEqualTo(before);
  }

  // ---- Bills ----

  @Test
  void aBillReversedGivesItsLoansBackAndItsTicketsAreBilledAnew() throws Exception {
    String g = grower("Abul Kashem");
    office.recordGrowerLoan(
        RecordGrowerLoanRequest.newBuilder()
            .setIdempotencyKey(key())
            .setGrowerNumber(g)
            .setKind(LoanKind.LOAN_KIND_SEED)
            .setAmount(dec("5000"))
            .setLoanDate(date(today.minusDays(3)))
            .build());
    WeighbridgeTicket a = load(g, "9000", "3000"); // 6000 kg: 36000.00
    WeighbridgeTicket b = load(g, "7000", "3000"); // 4000 kg: 24000.00
    CaneBill first = bill(g).getFirst();
    assertThat(first.getTicketCount()).isEqualTo(2);
    assertThat(first.getDeducted().getAmount()).isEqualTo("5000.00");
    assertThat(first.getState()).isEqualTo(CaneBillState.CANE_BILL_STATE_POSTED);

    ReverseCaneBillRequest reversing =
        ReverseCaneBillRequest.newBuilder()
            .setIdempotencyKey(key())
            .setBillId(first.getId())
            .setReason("Billed before the second load's moisture check")
            .build();
    CaneBill reversed = office.reverseCaneBill(reversing);
    assertThat(reversed.getState()).isEqualTo(CaneBillState.CANE_BILL_STATE_REVERSED);
    assertThat(reversed.getReversedBy()).isEqualTo(clerkUser);
    assertThat(reversed.getReverseReason()).startsWith("Billed before");
    assertThat(reversed.getReversalEntryNumber()).isNotEmpty();
    // A retry answers the same.
    assertThat(office.reverseCaneBill(reversing).getReversalEntryNumber())
        .isEqualTo(reversed.getReversalEntryNumber());
    // The reversing entry is the bill's entry turned round, dated today.
    assertThat(
            count(
                "SELECT count(*) FROM (SELECT a.code, sum(l.debit - l.credit) AS net"
                    + " FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id"
                    + " JOIN account a ON a.id = l.account_id WHERE e.company_id = ?"
                    + " AND e.number IN (?, ?) GROUP BY a.code HAVING sum(l.debit - l.credit) <> 0)"
                    + " x",
                mill,
                first.getJournalEntryNumber(),
                reversed.getReversalEntryNumber()))
        .isZero();
    assertThat(
            count(
                "SELECT count(*) FROM journal_entry WHERE company_id = ? AND number = ?"
                    + " AND entry_date = ?",
                mill,
                reversed.getReversalEntryNumber(),
                java.sql.Date.valueOf(today)))
        .isOne();
    assertThat(
            office
                .listGrowerLoans(ListGrowerLoansRequest.newBuilder().setGrowerNumber(g).build())
                .getLoans(0)
                .getOutstanding()
                .getAmount())
        .isEqualTo("5000.00");
    assertThat(
            office
                .listTickets(ListTicketsRequest.newBuilder().setGrowerNumber(g).build())
                .getTicketsList())
        .extracting(WeighbridgeTicket::getBillNumber)
        .containsOnly("");
    // A reversed bill is not unpaid, and cannot be paid.
    assertThat(
            office
                .listCaneBills(
                    ListCaneBillsRequest.newBuilder()
                        .setGrowerNumber(g)
                        .setUnpaidOnly(true)
                        .build())
                .getBillsList())
        .isEmpty();
    assertThat(
            BadRequests.fields(
                TestServer.failure(
                    () -> pay(first, GrowerPaymentMethod.GROWER_PAYMENT_METHOD_BANK))))
        .containsExactly("payments[0].bill_number");

    // Billed anew: the same tickets, the loan recovered again.
    CaneBill second = bill(g).getFirst();
    assertThat(second.getNumber()).isNotEqualTo(first.getNumber());
    assertThat(second.getTicketCount()).isEqualTo(2);
    assertThat(second.getCaneValue().getAmount()).isEqualTo("60000.00");
    assertThat(second.getDeducted().getAmount()).isEqualTo("5000.00");
    assertThat(
            office
                .listTickets(ListTicketsRequest.newBuilder().setGrowerNumber(g).build())
                .getTicketsList())
        .extracting(WeighbridgeTicket::getNumber, WeighbridgeTicket::getBillNumber)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(a.getNumber(), second.getNumber()),
            org.assertj.core.groups.Tuple.tuple(b.getNumber(), second.getNumber()));
    GrowerStatement st =
        office.getGrowerStatement(
            GetGrowerStatementRequest.newBuilder().setGrowerNumber(g).build());
    assertThat(st.getBillsList()).hasSize(2);
    assertThat(st.getDeducted().getAmount()).isEqualTo("5000.00");
    assertThat(st.getBalanceOwed().getAmount()).isEqualTo("55000.00");

    // Paid: refused until its payment run is reversed.
    CanePaymentRun run = pay(second, GrowerPaymentMethod.GROWER_PAYMENT_METHOD_MOBILE_MONEY);
    assertThat(
            office
                .listCaneBills(ListCaneBillsRequest.newBuilder().setGrowerNumber(g).build())
                .getBillsList())
        .extracting(CaneBill::getNumber, CaneBill::getPaymentRunNumber)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(first.getNumber(), ""),
            org.assertj.core.groups.Tuple.tuple(second.getNumber(), run.getNumber()));
    long before = rows();
    assertThat(
            refusal(
                () ->
                    office.reverseCaneBill(
                        ReverseCaneBillRequest.newBuilder()
                            .setBillId(second.getNumber())
                            .setReason("wrong grower")
                            .build())))
        .isEqualTo(
            "Bill "
                + second.getNumber()
                + " was paid by payment run "
                + run.getNumber()
                + "; reverse its payment run first.");
    assertThat(
            refusal(
                () ->
                    office.reverseCaneBill(
                        ReverseCaneBillRequest.newBuilder()
                            .setBillId(first.getNumber())
                            .setReason("again")
                            .build())))
        .startsWith("Bill " + first.getNumber() + " was reversed already");
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void aBillThatRecoveredNothingIsReversedWithoutAnEntry() throws Exception {
    String g = grower("Jamal Uddin");
    load(g, "6000", "3000");
    CaneBill bill = bill(g).getFirst();
    assertThat(bill.getJournalEntryNumber()).isEmpty();
    long journal = entries();
    CaneBill reversed =
        office.reverseCaneBill(
            ReverseCaneBillRequest.newBuilder()
                .setBillId(bill.getNumber())
                .setReason("Wrong period")
                .build());
    assertThat(reversed.getState()).isEqualTo(CaneBillState.CANE_BILL_STATE_REVERSED);
    assertThat(reversed.getReversalEntryNumber()).isEmpty();
    assertThat(entries()).isEqualTo(journal);
    assertThat(bill(g)).singleElement().satisfies(b -> assertThat(b.getTicketCount()).isOne());
  }

  // ---- Payment runs ----

  @Test
  void aPaymentRunReversedLeavesItsBillsUnpaidOnceAndTheyArePaidAgain() throws Exception {
    String g = grower("Shahida Akter");
    String h = grower("Moni Begum");
    load(g, "9000", "3000");
    load(h, "7000", "3000");
    CaneBill gb = bill(g).getFirst();
    CaneBill hb =
        office
            .listCaneBills(
                ListCaneBillsRequest.newBuilder().setGrowerNumber(h).setUnpaidOnly(true).build())
            .getBills(0);
    CanePaymentRun run =
        office.postCanePaymentRun(
            PostCanePaymentRunRequest.newBuilder()
                .setIdempotencyKey(key())
                .setPaymentDate(date(today))
                .addPayments(
                    CanePaymentInput.newBuilder()
                        .setBillNumber(gb.getNumber())
                        .setMethod(GrowerPaymentMethod.GROWER_PAYMENT_METHOD_BANK)
                        .setReference("BANK-1"))
                .addPayments(
                    CanePaymentInput.newBuilder()
                        .setBillNumber(hb.getNumber())
                        .setMethod(GrowerPaymentMethod.GROWER_PAYMENT_METHOD_MOBILE_MONEY)
                        .setReference("BKASH-1"))
                .build());
    assertThat(run.getState()).isEqualTo(CanePaymentRunState.CANE_PAYMENT_RUN_STATE_POSTED);
    BigDecimal bank = CaneSeasonStoryTest.account(mill, "1010");
    BigDecimal mobile = CaneSeasonStoryTest.account(mill, "1020");

    // The accounts office may reverse a run (it may post one).
    CanePaymentRun reversed =
        accounts.reverseCanePaymentRun(
            ReverseCanePaymentRunRequest.newBuilder()
                .setIdempotencyKey(key())
                .setRunId(run.getId())
                .setReason("Bank file rejected")
                .build());
    assertThat(reversed.getState()).isEqualTo(CanePaymentRunState.CANE_PAYMENT_RUN_STATE_REVERSED);
    assertThat(reversed.getReversalEntryNumber()).isNotEmpty();
    assertThat(reversed.getReverseReason()).isEqualTo("Bank file rejected");
    // Dr bank and mobile money back, Cr 2020: the run's entry turned round.
    assertThat(CaneSeasonStoryTest.account(mill, "1010"))
        .isEqualByComparingTo(bank.add(new BigDecimal("36000")));
    assertThat(CaneSeasonStoryTest.account(mill, "1020"))
        .isEqualByComparingTo(mobile.add(new BigDecimal("24000")));
    assertThat(
            office
                .listCaneBills(ListCaneBillsRequest.newBuilder().setUnpaidOnly(true).build())
                .getBillsList())
        .extracting(CaneBill::getNumber)
        .contains(gb.getNumber(), hb.getNumber());

    // Once only.
    long before = rows();
    assertThat(
            refusal(
                () ->
                    office.reverseCanePaymentRun(
                        ReverseCanePaymentRunRequest.newBuilder()
                            .setRunId(run.getNumber())
                            .setReason("again")
                            .build())))
        .isEqualTo("Payment run " + run.getNumber() + " was reversed already: Bank file rejected");
    assertThat(rows()).isEqualTo(before);

    // Paid again in a new run; the statement counts the standing payment once.
    CanePaymentRun again = pay(gb, GrowerPaymentMethod.GROWER_PAYMENT_METHOD_BANK);
    assertThat(again.getTotal().getAmount()).isEqualTo("36000.00");
    assertThat(
            office
                .listCaneBills(ListCaneBillsRequest.newBuilder().setGrowerNumber(g).build())
                .getBills(0)
                .getPaymentRunNumber())
        .isEqualTo(again.getNumber());
    GrowerStatement st =
        office.getGrowerStatement(
            GetGrowerStatementRequest.newBuilder().setGrowerNumber(g).build());
    assertThat(st.getPaymentsList())
        .extracting(x -> x.getRunNumber() + " " + x.getReversed())
        .containsExactlyInAnyOrder(run.getNumber() + " true", again.getNumber() + " false");
    assertThat(st.getPaid().getAmount()).isEqualTo("36000.00");
    assertThat(st.getBalanceOwed().getAmount()).isEqualTo("0.00");

    // The unpaid bill of the reversed run may now be reversed itself.
    assertThat(
            office
                .reverseCaneBill(
                    ReverseCaneBillRequest.newBuilder()
                        .setBillId(hb.getNumber())
                        .setReason("Wrong grower")
                        .build())
                .getState())
        .isEqualTo(CaneBillState.CANE_BILL_STATE_REVERSED);
  }

  @Test
  void pastPaymentRunsAreListedNewestFirstWithTheirStates() throws Exception {
    String g = grower("Rokeya Khatun");
    String h = grower("Amena Bibi");
    load(g, "8000", "3000");
    load(h, "6000", "3000");
    List<CaneBill> bills =
        office
            .createCaneBills(
                CreateCaneBillsRequest.newBuilder()
                    .setIdempotencyKey(key())
                    .setSeason(MARK)
                    .setFromDate(date(today))
                    .setToDate(date(today))
                    .build())
            .getBillsList();
    CaneBill gb = bills.stream().filter(b -> b.getGrowerNumber().equals(g)).findFirst().get();
    CaneBill hb = bills.stream().filter(b -> b.getGrowerNumber().equals(h)).findFirst().get();
    CanePaymentRun first = pay(gb, GrowerPaymentMethod.GROWER_PAYMENT_METHOD_BANK);
    CanePaymentRun second = pay(hb, GrowerPaymentMethod.GROWER_PAYMENT_METHOD_MOBILE_MONEY);
    accounts.reverseCanePaymentRun(
        ReverseCanePaymentRunRequest.newBuilder()
            .setIdempotencyKey(key())
            .setRunId(first.getNumber())
            .setReason("Wrong account")
            .build());

    List<CanePaymentRun> runs =
        accounts
            .listCanePaymentRuns(
                ListCanePaymentRunsRequest.newBuilder()
                    .setSeason(MARK)
                    .setFromDate(date(today))
                    .setToDate(date(today))
                    .build())
            .getRunsList();
    assertThat(runs)
        .filteredOn(
            r ->
                r.getNumber().equals(first.getNumber()) || r.getNumber().equals(second.getNumber()))
        .extracting(
            CanePaymentRun::getNumber,
            CanePaymentRun::getState,
            CanePaymentRun::getPaymentsCount,
            r -> r.getTotal().getAmount(),
            CanePaymentRun::getReverseReason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                second.getNumber(),
                CanePaymentRunState.CANE_PAYMENT_RUN_STATE_POSTED,
                1,
                "18000.00",
                ""),
            org.assertj.core.groups.Tuple.tuple(
                first.getNumber(),
                CanePaymentRunState.CANE_PAYMENT_RUN_STATE_REVERSED,
                1,
                "30000.00",
                "Wrong account"));
    CanePaymentRun listedSecond =
        runs.stream().filter(r -> r.getNumber().equals(second.getNumber())).findFirst().get();
    assertThat(listedSecond.getPayments(0).getMethod())
        .isEqualTo(GrowerPaymentMethod.GROWER_PAYMENT_METHOD_MOBILE_MONEY);
    assertThat(listedSecond.getPayments(0).getBillNumber()).isEqualTo(hb.getNumber());
    // Newest first, page by page.
    for (int i = 1; i < runs.size(); i++) {
      assertThat(runs.get(i - 1).getNumber()).isGreaterThan(runs.get(i).getNumber());
    }
    var page1 =
        office.listCanePaymentRuns(
            ListCanePaymentRunsRequest.newBuilder()
                .setPage(io.millstone.api.common.v1.PageRequest.newBuilder().setPageSize(1))
                .build());
    assertThat(page1.getRunsCount()).isEqualTo(1);
    assertThat(page1.getPage().getNextPageToken()).isNotEmpty();
    var page2 =
        office.listCanePaymentRuns(
            ListCanePaymentRunsRequest.newBuilder()
                .setPage(
                    io.millstone.api.common.v1.PageRequest.newBuilder()
                        .setPageSize(1)
                        .setPageToken(page1.getPage().getNextPageToken()))
                .build());
    assertThat(page2.getRuns(0).getNumber()).isLessThan(page1.getRuns(0).getNumber());
    // Before the day: none of today's.
    assertThat(
            office
                .listCanePaymentRuns(
                    ListCanePaymentRunsRequest.newBuilder()
                        .setToDate(date(today.minusDays(1)))
                        .build())
                .getRunsList())
        .extracting(CanePaymentRun::getNumber)
        .doesNotContain(first.getNumber(), second.getNumber());

    // Bad input: field violations.
    assertThat(
            BadRequests.fields(
                TestServer.failure(
                    () ->
                        office.listCanePaymentRuns(
                            ListCanePaymentRunsRequest.newBuilder()
                                .setFromDate(date(today))
                                .setToDate(date(today.minusDays(1)))
                                .setPage(
                                    io.millstone.api.common.v1.PageRequest.newBuilder()
                                        .setPageToken("!!not a token!!"))
                                .build()))))
        .containsExactlyInAnyOrder("to_date", "page.page_token");
  }

  @Test
  void aVoidAndAWeighOutAtOnceAndTwoReversalsOfOneRunAtOnceEachHaveOneOutcome() throws Exception {
    String g = grower("Selina Parvin");
    WeighbridgeTicket in = office.weighIn(weighIn(permit(MARK, g, "GATE", "100"), "9000").build());
    List<Status.Code> codes =
        race(
            () ->
                office.voidTicket(
                    VoidTicketRequest.newBuilder()
                        .setTicketId(in.getNumber())
                        .setReason("Turned away")
                        .build()),
            () -> weighOut(in, "3000"));
    assertThat(codes).containsExactlyInAnyOrder(Status.Code.OK, Status.Code.FAILED_PRECONDITION);

    WeighbridgeTicket other = load(g, "8000", "3000");
    CaneBill bill =
        bill(g).stream().filter(b -> b.getTicketCount() > 0).reduce((a, b) -> b).orElseThrow();
    assertThat(other.getState()).isEqualTo(TicketState.TICKET_STATE_COMPLETED);
    CanePaymentRun run = pay(bill, GrowerPaymentMethod.GROWER_PAYMENT_METHOD_BANK);
    Runnable reverse =
        () ->
            office.reverseCanePaymentRun(
                ReverseCanePaymentRunRequest.newBuilder()
                    .setIdempotencyKey(key())
                    .setRunId(run.getNumber())
                    .setReason("Duplicate run")
                    .build());
    assertThat(race(reverse, reverse))
        .containsExactlyInAnyOrder(Status.Code.OK, Status.Code.FAILED_PRECONDITION);
    assertThat(
            count(
                "SELECT count(*) FROM journal_entry WHERE company_id = ? AND source ="
                    + " 'CANE_PAYMENT' AND source_id = ? AND reversal_of IS NOT NULL",
                mill,
                UUID.fromString(run.getId())))
        .isOne();
  }

  /** Both calls at once (released together); their status codes. */
  static List<Status.Code> race(Runnable a, Runnable b) throws Exception {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    try {
      List<java.util.concurrent.Future<Status.Code>> futures = new java.util.ArrayList<>();
      for (Runnable call : List.of(a, b)) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return TestServer.codeOf(call);
                }));
      }
      go.countDown();
      List<Status.Code> codes = new java.util.ArrayList<>();
      for (var f : futures) {
        codes.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
      return codes;
    } finally {
      pool.shutdownNow();
    }
  }

  // ---- Bridge limit ----

  @Test
  void aCentresBridgeLimitIsSetAndWeighInsAboveItAreRefused() throws Exception {
    String g = grower("Rafiqul Alam");
    Season s =
        office.setBridgeLimit(
            SetBridgeLimitRequest.newBuilder()
                .setSeason(MARK)
                .setWarehouseCode("KALAI")
                .setMaxWeightKg(dec("30000"))
                .build());
    assertThat(s.getCentresList())
        .filteredOn(c -> c.getWarehouseCode().equals("KALAI"))
        .singleElement()
        .satisfies(c -> assertThat(c.getMaxWeightKg().getValue()).isEqualTo("30000"));
    Permit p = permit(MARK, g, "KALAI", "800");
    long before = rows();
    StatusRuntimeException e =
        TestServer.failure(() -> office.weighIn(weighIn(p, "30500").build()));
    assertThat(BadRequests.violations(e))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.getField()).isEqualTo("gross_kg");
              assertThat(v.getDescription())
                  .isEqualTo("is more than the KALAI bridge weighs (30000 kg)");
            });
    assertThat(rows()).isEqualTo(before);

    // A bigger bridge weighs a heavier lorry than the old 80 t default.
    office.setBridgeLimit(
        SetBridgeLimitRequest.newBuilder()
            .setSeason(MARK)
            .setWarehouseCode("KALAI")
            .setMaxWeightKg(dec("120000"))
            .build());
    WeighbridgeTicket heavy = office.weighIn(weighIn(p, "95000").build());
    assertThat(weighOut(heavy, "15000").getNet().getKg().getValue()).isEqualTo("80000");
  }

  // ---- Bad input and permissions ----

  @Test
  void badInputToTheCorrectionsGivesFieldViolationsAndWritesNothing() throws Exception {
    String g = grower("Kohinoor Begum");
    WeighbridgeTicket open =
        office.weighIn(weighIn(permit(MARK, g, "GATE", "100"), "9000").build());
    long before = rows();
    assertThat(
            BadRequests.fields(
                TestServer.failure(
                    () ->
                        office.voidTicket(
                            VoidTicketRequest.newBuilder()
                                .setIdempotencyKey(
                                    io.millstone.api.common.v1.IdempotencyKey.newBuilder()
                                        .setValue("short"))
                                .setTicketId(open.getNumber())
                                .setReason("  ")
                                .build()))))
        .containsExactlyInAnyOrder("idempotency_key", "reason");
    assertThat(
            BadRequests.fields(
                TestServer.failure(
                    () ->
                        office.voidTicket(VoidTicketRequest.newBuilder().setReason("x").build()))))
        .containsExactly("ticket_id");
    assertThat(
            TestServer.failure(
                    () ->
                        office.voidTicket(
                            VoidTicketRequest.newBuilder()
                                .setTicketId("WBT-NOPE")
                                .setReason("x")
                                .build()))
                .getStatus()
                .getCode())
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(
            BadRequests.fields(
                TestServer.failure(
                    () ->
                        office.reverseCaneBill(
                            ReverseCaneBillRequest.newBuilder().setBillId("CNB-1").build()))))
        .containsExactly("reason");
    assertThat(
            BadRequests.fields(
                TestServer.failure(
                    () ->
                        office.reverseCaneBill(
                            ReverseCaneBillRequest.newBuilder().setReason("why").build()))))
        .containsExactly("bill_id");
    assertThat(
            TestServer.failure(
                    () ->
                        office.reverseCaneBill(
                            ReverseCaneBillRequest.newBuilder()
                                .setBillId("CNB-NOPE")
                                .setReason("why")
                                .build()))
                .getStatus()
                .getCode())
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(
            BadRequests.fields(
                TestServer.failure(
                    () ->
                        office.reverseCanePaymentRun(
                            ReverseCanePaymentRunRequest.newBuilder()
                                .setReason("x".repeat(301))
                                .build()))))
        .containsExactlyInAnyOrder("run_id", "reason");
    assertThat(
            TestServer.failure(
                    () ->
                        office.reverseCanePaymentRun(
                            ReverseCanePaymentRunRequest.newBuilder()
                                .setRunId("CPR-NOPE")
                                .setReason("why")
                                .build()))
                .getStatus()
                .getCode())
        .isEqualTo(Status.Code.NOT_FOUND);
    for (String bad : List.of("0", "-1", "200000.001", "abc", "1.2345", "")) {
      assertThat(
              BadRequests.fields(
                  TestServer.failure(
                      () ->
                          office.setBridgeLimit(
                              SetBridgeLimitRequest.newBuilder()
                                  .setSeason(MARK)
                                  .setWarehouseCode("GATE")
                                  .setMaxWeightKg(dec(bad))
                                  .build()))))
          .as(bad)
          .containsExactly("max_weight_kg");
    }
    assertThat(
            BadRequests.fields(
                TestServer.failure(
                    () ->
                        office.setBridgeLimit(
                            SetBridgeLimitRequest.newBuilder()
                                .setSeason(MARK)
                                .setWarehouseCode("SPARES-NONE")
                                .setMaxWeightKg(dec("50000"))
                                .build()))))
        .containsExactly("warehouse_code");
    assertThat(
            office
                .getSeason(GetSeasonRequest.newBuilder().setSeason(MARK).build())
                .getCentresList())
        .filteredOn(c -> c.getWarehouseCode().equals("GATE"))
        .singleElement()
        .satisfies(c -> assertThat(c.getMaxWeightKg().getValue()).isEqualTo("80000"));
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void theAccountsOfficeMayReverseRunsButNotVoidTicketsReverseBillsOrSetBridges() {
    for (Runnable call :
        List.<Runnable>of(
            () ->
                accounts.voidTicket(
                    VoidTicketRequest.newBuilder().setTicketId("WBT-1").setReason("x").build()),
            () ->
                accounts.reverseCaneBill(
                    ReverseCaneBillRequest.newBuilder().setBillId("CNB-1").setReason("x").build()),
            () ->
                accounts.setBridgeLimit(
                    SetBridgeLimitRequest.newBuilder()
                        .setSeason(MARK)
                        .setWarehouseCode("GATE")
                        .setMaxWeightKg(dec("1000"))
                        .build()))) {
      assertThat(TestServer.failure(call::run).getStatus().getCode())
          .isEqualTo(Status.Code.PERMISSION_DENIED);
    }
  }
}
