package io.millstone.client.remote;

import static io.millstone.client.remote.ProtoValues.date;
import static io.millstone.client.remote.ProtoValues.decimal;
import static io.millstone.client.remote.ProtoValues.key;
import static io.millstone.client.remote.ProtoValues.page;

import io.millstone.api.cane.v1.CancelPermitRequest;
import io.millstone.api.cane.v1.CaneBill;
import io.millstone.api.cane.v1.CanePaymentInput;
import io.millstone.api.cane.v1.CanePaymentRun;
import io.millstone.api.cane.v1.CaneServiceGrpc;
import io.millstone.api.cane.v1.CentreKind;
import io.millstone.api.cane.v1.CreateCaneBillsRequest;
import io.millstone.api.cane.v1.CreateGrowerRequest;
import io.millstone.api.cane.v1.CreateSeasonRequest;
import io.millstone.api.cane.v1.GetGrowerStatementRequest;
import io.millstone.api.cane.v1.GetScaleWeightRequest;
import io.millstone.api.cane.v1.Grower;
import io.millstone.api.cane.v1.GrowerLoan;
import io.millstone.api.cane.v1.GrowerPaymentMethod;
import io.millstone.api.cane.v1.GrowerStatement;
import io.millstone.api.cane.v1.IssuePermitsRequest;
import io.millstone.api.cane.v1.ListCaneBillsRequest;
import io.millstone.api.cane.v1.ListCaneBillsResponse;
import io.millstone.api.cane.v1.ListCanePaymentRunsRequest;
import io.millstone.api.cane.v1.ListGrowerLoansRequest;
import io.millstone.api.cane.v1.ListGrowersRequest;
import io.millstone.api.cane.v1.ListGrowersResponse;
import io.millstone.api.cane.v1.ListOpenTicketsRequest;
import io.millstone.api.cane.v1.ListPermitsRequest;
import io.millstone.api.cane.v1.ListPermitsResponse;
import io.millstone.api.cane.v1.ListSeasonsRequest;
import io.millstone.api.cane.v1.ListSeasonsResponse;
import io.millstone.api.cane.v1.LoanKind;
import io.millstone.api.cane.v1.LoanPaidFrom;
import io.millstone.api.cane.v1.Permit;
import io.millstone.api.cane.v1.PermitState;
import io.millstone.api.cane.v1.PostCanePaymentRunRequest;
import io.millstone.api.cane.v1.PriceInput;
import io.millstone.api.cane.v1.RecordGrowerLoanRequest;
import io.millstone.api.cane.v1.ReverseCaneBillRequest;
import io.millstone.api.cane.v1.ReverseCanePaymentRunRequest;
import io.millstone.api.cane.v1.ScaleWeight;
import io.millstone.api.cane.v1.Season;
import io.millstone.api.cane.v1.SetBridgeLimitRequest;
import io.millstone.api.cane.v1.SetCanePriceRequest;
import io.millstone.api.cane.v1.VoidTicketRequest;
import io.millstone.api.cane.v1.WeighInRequest;
import io.millstone.api.cane.v1.WeighOutRequest;
import io.millstone.api.cane.v1.WeighbridgeTicket;
import io.millstone.api.cane.v1.WeightSource;
import io.millstone.client.cane.CaneGateway;
import io.millstone.client.core.list.Page;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Seasons, growers, permits, the weighbridge, cane bills and payment runs (CaneService). */
public final class Cane implements CaneGateway {
  private final Session session;

  public Cane(Session session) {
    this.session = session;
  }

  @Override
  public String companyName() {
    return session.companyName();
  }

  @Override
  public String clerkName() {
    return session.displayName() == null || session.displayName().isBlank()
        ? session.username()
        : session.displayName();
  }

  private CaneServiceGrpc.CaneServiceBlockingStub stub() {
    return session.stub(CaneServiceGrpc.newBlockingStub(session.connection().channel()));
  }

  private static String trim(String s) {
    return s == null ? "" : s.trim();
  }

  @Override
  public Grower grower(String number) throws RemoteException {
    return Calls.call(
        () ->
            stub()
                .getGrower(
                    io.millstone.api.cane.v1.GetGrowerRequest.newBuilder()
                        .setGrowerNumber(trim(number))
                        .build()));
  }

  @Override
  public Season season(String code) throws RemoteException {
    return Calls.call(
        () ->
            stub()
                .getSeason(
                    io.millstone.api.cane.v1.GetSeasonRequest.newBuilder()
                        .setSeason(trim(code))
                        .build()));
  }

  @Override
  public List<Season> seasons() throws RemoteException {
    ListSeasonsResponse res =
        Calls.call(
            () ->
                stub().listSeasons(ListSeasonsRequest.newBuilder().setPage(page("", 100)).build()));
    return res.getSeasonsList();
  }

  @Override
  public Season createSeason(
      String code,
      String name,
      LocalDate start,
      LocalDate end,
      List<CentreInput> centres,
      String overQuota,
      String key)
      throws RemoteException {
    CreateSeasonRequest.Builder b =
        CreateSeasonRequest.newBuilder()
            .setIdempotencyKey(key(key))
            .setOverQuota(
                overQuota == null || overQuota.isBlank()
                    ? io.millstone.api.cane.v1.OverQuota.OVER_QUOTA_UNSPECIFIED
                    : io.millstone.api.cane.v1.OverQuota.valueOf("OVER_QUOTA_" + overQuota))
            .setCode(trim(code))
            .setName(trim(name))
            .setStartDate(date(start))
            .setEndDate(date(end));
    for (CentreInput c : centres) {
      b.addCentres(
          io.millstone.api.cane.v1.CentreInput.newBuilder()
              .setWarehouseCode(trim(c.warehouseCode()))
              .setKind(
                  c.kind() == null || c.kind().isBlank()
                      ? CentreKind.CENTRE_KIND_UNSPECIFIED
                      : CentreKind.valueOf("CENTRE_KIND_" + c.kind()))
              .addPrices(
                  PriceInput.newBuilder()
                      .setEffectiveFrom(date(start))
                      .setPricePerQuintal(decimal(c.pricePerQuintal()))));
    }
    return Calls.call(() -> stub().createSeason(b.build()));
  }

  @Override
  public Season setPrice(String season, String warehouseCode, LocalDate from, BigDecimal price)
      throws RemoteException {
    SetCanePriceRequest r =
        SetCanePriceRequest.newBuilder()
            .setSeason(trim(season))
            .setWarehouseCode(trim(warehouseCode))
            .setPrice(
                PriceInput.newBuilder()
                    .setEffectiveFrom(date(from))
                    .setPricePerQuintal(decimal(price)))
            .build();
    return Calls.call(() -> stub().setCanePrice(r));
  }

  @Override
  public List<Grower> growers(String search, String village) throws RemoteException {
    List<Grower> out = new ArrayList<>();
    String token = "";
    do {
      ListGrowersRequest r =
          ListGrowersRequest.newBuilder()
              .setPage(page(token, 500))
              .setSearch(trim(search))
              .setVillage(trim(village))
              .build();
      ListGrowersResponse res = Calls.call(() -> stub().listGrowers(r));
      out.addAll(res.getGrowersList());
      token = res.getPage().getNextPageToken();
    } while (!token.isEmpty() && out.size() < 5000);
    return out;
  }

  @Override
  public Grower createGrower(
      String supplierCode, String growerNumber, String village, List<PlotInput> plots, String key)
      throws RemoteException {
    CreateGrowerRequest.Builder b =
        CreateGrowerRequest.newBuilder()
            .setIdempotencyKey(key(key))
            .setSupplierCode(trim(supplierCode))
            .setGrowerNumber(trim(growerNumber))
            .setVillage(trim(village));
    for (PlotInput p : plots) {
      io.millstone.api.cane.v1.PlotInput.Builder pb =
          io.millstone.api.cane.v1.PlotInput.newBuilder()
              .setPlotCode(trim(p.plotCode()))
              .setVariety(trim(p.variety()));
      if (p.areaAcres() != null) {
        pb.setAreaAcres(decimal(p.areaAcres()));
      }
      if (p.tonnes() != null) {
        pb.setExpectedTonnes(decimal(p.tonnes()));
      }
      b.addPlots(pb);
    }
    return Calls.call(() -> stub().createGrower(b.build()));
  }

  @Override
  public List<GrowerLoan> loans(String growerNumber) throws RemoteException {
    return Calls.call(
            () ->
                stub()
                    .listGrowerLoans(
                        ListGrowerLoansRequest.newBuilder()
                            .setGrowerNumber(trim(growerNumber))
                            .build()))
        .getLoansList();
  }

  @Override
  public GrowerLoan recordLoan(
      String growerNumber,
      String kind,
      BigDecimal amount,
      LocalDate date,
      String paidFrom,
      String note,
      String key)
      throws RemoteException {
    RecordGrowerLoanRequest r =
        RecordGrowerLoanRequest.newBuilder()
            .setIdempotencyKey(key(key))
            .setGrowerNumber(trim(growerNumber))
            .setKind(
                kind == null || kind.isBlank()
                    ? LoanKind.LOAN_KIND_UNSPECIFIED
                    : LoanKind.valueOf("LOAN_KIND_" + kind))
            .setAmount(decimal(amount))
            .setLoanDate(date(date))
            .setPaidFrom(
                paidFrom == null || paidFrom.isBlank()
                    ? LoanPaidFrom.LOAN_PAID_FROM_UNSPECIFIED
                    : LoanPaidFrom.valueOf("LOAN_PAID_FROM_" + paidFrom))
            .setNote(trim(note))
            .build();
    return Calls.call(() -> stub().recordGrowerLoan(r));
  }

  @Override
  public List<Permit> issuePermits(
      String season, String warehouseCode, LocalDate date, List<PermitInput> permits, String key)
      throws RemoteException {
    IssuePermitsRequest.Builder b =
        IssuePermitsRequest.newBuilder()
            .setIdempotencyKey(key(key))
            .setSeason(trim(season))
            .setWarehouseCode(trim(warehouseCode))
            .setPermitDate(date(date));
    for (PermitInput p : permits) {
      b.addPermits(
          io.millstone.api.cane.v1.PermitInput.newBuilder()
              .setGrowerNumber(trim(p.growerNumber()))
              .setQuotaQuintals(decimal(p.quotaQuintals())));
    }
    return Calls.call(() -> stub().issuePermits(b.build())).getPermitsList();
  }

  @Override
  public Page<Permit> permits(
      String warehouseCode,
      LocalDate date,
      String state,
      String growerNumber,
      String pageToken,
      int pageSize)
      throws RemoteException {
    ListPermitsRequest.Builder b =
        ListPermitsRequest.newBuilder()
            .setPage(page(pageToken, pageSize))
            .setWarehouseCode(trim(warehouseCode))
            .setGrowerNumber(trim(growerNumber))
            .setState(
                state == null || state.isBlank()
                    ? PermitState.PERMIT_STATE_UNSPECIFIED
                    : PermitState.valueOf("PERMIT_STATE_" + state));
    if (date != null) {
      b.setPermitDate(date(date));
    }
    ListPermitsResponse res = Calls.call(() -> stub().listPermits(b.build()));
    return new Page<>(
        res.getPermitsList(), res.getPage().getNextPageToken(), res.getPage().getTotalSize());
  }

  @Override
  public Permit cancelPermit(String permitNumber, String reason) throws RemoteException {
    return Calls.call(
        () ->
            stub()
                .cancelPermit(
                    CancelPermitRequest.newBuilder()
                        .setPermitNumber(trim(permitNumber))
                        .setReason(trim(reason))
                        .build()));
  }

  @Override
  public ScaleWeight scaleWeight(String machineCode) throws RemoteException {
    return Calls.call(
        () ->
            stub()
                .getScaleWeight(
                    GetScaleWeightRequest.newBuilder().setMachineCode(trim(machineCode)).build()));
  }

  @Override
  public List<WeighbridgeTicket> openTickets(String warehouseCode) throws RemoteException {
    return Calls.call(
            () ->
                stub()
                    .listOpenTickets(
                        ListOpenTicketsRequest.newBuilder()
                            .setWarehouseCode(trim(warehouseCode))
                            .build()))
        .getTicketsList();
  }

  private static WeightSource source(String manualReason) {
    return manualReason == null
        ? WeightSource.WEIGHT_SOURCE_SCALE
        : WeightSource.WEIGHT_SOURCE_MANUAL;
  }

  @Override
  public WeighbridgeTicket weighIn(
      String permitNumber,
      String growerNumber,
      String warehouseCode,
      String vehicle,
      BigDecimal grossKg,
      String manualReason,
      String key)
      throws RemoteException {
    WeighInRequest r =
        WeighInRequest.newBuilder()
            .setIdempotencyKey(key(key))
            .setPermitNumber(trim(permitNumber))
            .setGrowerNumber(trim(growerNumber))
            .setWarehouseCode(trim(warehouseCode))
            .setVehicleNumber(trim(vehicle))
            .setGrossKg(decimal(grossKg))
            .setSource(source(manualReason))
            .setManualReason(trim(manualReason))
            .build();
    return Calls.call(() -> stub().weighIn(r));
  }

  @Override
  public WeighbridgeTicket weighOut(String ticketNumber, BigDecimal tareKg, String manualReason)
      throws RemoteException {
    WeighOutRequest r =
        WeighOutRequest.newBuilder()
            .setTicketNumber(trim(ticketNumber))
            .setTareKg(decimal(tareKg))
            .setSource(source(manualReason))
            .setManualReason(trim(manualReason))
            .build();
    return Calls.call(() -> stub().weighOut(r));
  }

  @Override
  public WeighbridgeTicket voidTicket(String ticketNumber, String reason, String key)
      throws RemoteException {
    VoidTicketRequest r =
        VoidTicketRequest.newBuilder()
            .setIdempotencyKey(key(key))
            .setTicketId(trim(ticketNumber))
            .setReason(trim(reason))
            .build();
    return Calls.call(() -> stub().voidTicket(r));
  }

  @Override
  public CaneBill reverseBill(String billNumber, String reason, String key) throws RemoteException {
    ReverseCaneBillRequest r =
        ReverseCaneBillRequest.newBuilder()
            .setIdempotencyKey(key(key))
            .setBillId(trim(billNumber))
            .setReason(trim(reason))
            .build();
    return Calls.call(() -> stub().reverseCaneBill(r));
  }

  @Override
  public CanePaymentRun reverseRun(String runNumber, String reason, String key)
      throws RemoteException {
    ReverseCanePaymentRunRequest r =
        ReverseCanePaymentRunRequest.newBuilder()
            .setIdempotencyKey(key(key))
            .setRunId(trim(runNumber))
            .setReason(trim(reason))
            .build();
    return Calls.call(() -> stub().reverseCanePaymentRun(r));
  }

  @Override
  public Season setBridgeLimit(String season, String warehouseCode, BigDecimal maxKg)
      throws RemoteException {
    SetBridgeLimitRequest r =
        SetBridgeLimitRequest.newBuilder()
            .setSeason(trim(season))
            .setWarehouseCode(trim(warehouseCode))
            .setMaxWeightKg(decimal(maxKg))
            .build();
    return Calls.call(() -> stub().setBridgeLimit(r));
  }

  @Override
  public List<CaneBill> createBills(
      String season, LocalDate from, LocalDate to, String warehouseCode, String key)
      throws RemoteException {
    CreateCaneBillsRequest r =
        CreateCaneBillsRequest.newBuilder()
            .setIdempotencyKey(key(key))
            .setSeason(trim(season))
            .setFromDate(date(from))
            .setToDate(date(to))
            .setWarehouseCode(trim(warehouseCode))
            .build();
    return Calls.call(() -> stub().createCaneBills(r)).getBillsList();
  }

  @Override
  public List<CanePaymentRun> paymentRuns(String season) throws RemoteException {
    ListCanePaymentRunsRequest r =
        ListCanePaymentRunsRequest.newBuilder()
            .setPage(page("", 100))
            .setSeason(trim(season))
            .build();
    return Calls.call(() -> stub().listCanePaymentRuns(r)).getRunsList();
  }

  @Override
  public List<CaneBill> unpaidBills(String season) throws RemoteException {
    List<CaneBill> out = new ArrayList<>();
    String token = "";
    do {
      ListCaneBillsRequest r =
          ListCaneBillsRequest.newBuilder()
              .setPage(page(token, 500))
              .setUnpaidOnly(true)
              .setSeason(trim(season))
              .build();
      ListCaneBillsResponse res = Calls.call(() -> stub().listCaneBills(r));
      out.addAll(res.getBillsList());
      token = res.getPage().getNextPageToken();
    } while (!token.isEmpty() && out.size() < 5000);
    return out;
  }

  @Override
  public CanePaymentRun payRun(LocalDate date, List<PaymentInput> payments, String key)
      throws RemoteException {
    PostCanePaymentRunRequest.Builder b =
        PostCanePaymentRunRequest.newBuilder()
            .setIdempotencyKey(key(key))
            .setPaymentDate(date(date));
    for (PaymentInput p : payments) {
      b.addPayments(
          CanePaymentInput.newBuilder()
              .setBillNumber(trim(p.billNumber()))
              .setMethod(
                  p.method() == null || p.method().isBlank()
                      ? GrowerPaymentMethod.GROWER_PAYMENT_METHOD_UNSPECIFIED
                      : GrowerPaymentMethod.valueOf("GROWER_PAYMENT_METHOD_" + p.method()))
              .setReference(trim(p.reference())));
    }
    return Calls.call(() -> stub().postCanePaymentRun(b.build()));
  }

  @Override
  public GrowerStatement statement(String growerNumber, String season) throws RemoteException {
    return Calls.call(
        () ->
            stub()
                .getGrowerStatement(
                    GetGrowerStatementRequest.newBuilder()
                        .setGrowerNumber(trim(growerNumber))
                        .setSeason(trim(season))
                        .build()));
  }
}
