package io.millstone.server.cane;

import static io.millstone.server.gateway.ProtoValues.date;
import static io.millstone.server.gateway.ProtoValues.decimal;
import static io.millstone.server.gateway.ProtoValues.money;
import static io.millstone.server.gateway.ProtoValues.word;
import static io.millstone.server.gateway.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.millstone.api.cane.v1.CancelPermitRequest;
import io.millstone.api.cane.v1.CaneBill;
import io.millstone.api.cane.v1.CaneBillDeduction;
import io.millstone.api.cane.v1.CaneBillState;
import io.millstone.api.cane.v1.CanePayment;
import io.millstone.api.cane.v1.CanePaymentRun;
import io.millstone.api.cane.v1.CanePaymentRunState;
import io.millstone.api.cane.v1.CanePrice;
import io.millstone.api.cane.v1.CaneServiceGrpc;
import io.millstone.api.cane.v1.CentreKind;
import io.millstone.api.cane.v1.CreateCaneBillsRequest;
import io.millstone.api.cane.v1.CreateCaneBillsResponse;
import io.millstone.api.cane.v1.CreateGrowerRequest;
import io.millstone.api.cane.v1.CreateSeasonRequest;
import io.millstone.api.cane.v1.GetGrowerRequest;
import io.millstone.api.cane.v1.GetGrowerStatementRequest;
import io.millstone.api.cane.v1.GetScaleWeightRequest;
import io.millstone.api.cane.v1.GetSeasonRequest;
import io.millstone.api.cane.v1.Grower;
import io.millstone.api.cane.v1.GrowerLoan;
import io.millstone.api.cane.v1.GrowerPaymentMethod;
import io.millstone.api.cane.v1.GrowerStatement;
import io.millstone.api.cane.v1.IssuePermitsRequest;
import io.millstone.api.cane.v1.IssuePermitsResponse;
import io.millstone.api.cane.v1.ListCaneBillsRequest;
import io.millstone.api.cane.v1.ListCaneBillsResponse;
import io.millstone.api.cane.v1.ListCanePaymentRunsRequest;
import io.millstone.api.cane.v1.ListCanePaymentRunsResponse;
import io.millstone.api.cane.v1.ListGrowerLoansRequest;
import io.millstone.api.cane.v1.ListGrowerLoansResponse;
import io.millstone.api.cane.v1.ListGrowersRequest;
import io.millstone.api.cane.v1.ListGrowersResponse;
import io.millstone.api.cane.v1.ListOpenTicketsRequest;
import io.millstone.api.cane.v1.ListPermitsRequest;
import io.millstone.api.cane.v1.ListPermitsResponse;
import io.millstone.api.cane.v1.ListSeasonsRequest;
import io.millstone.api.cane.v1.ListSeasonsResponse;
import io.millstone.api.cane.v1.ListTicketsRequest;
import io.millstone.api.cane.v1.ListTicketsResponse;
import io.millstone.api.cane.v1.LoanKind;
import io.millstone.api.cane.v1.OverQuota;
import io.millstone.api.cane.v1.Permit;
import io.millstone.api.cane.v1.PermitState;
import io.millstone.api.cane.v1.Plot;
import io.millstone.api.cane.v1.PostCanePaymentRunRequest;
import io.millstone.api.cane.v1.PurchaseCentre;
import io.millstone.api.cane.v1.RecordGrowerLoanRequest;
import io.millstone.api.cane.v1.ReverseCaneBillRequest;
import io.millstone.api.cane.v1.ReverseCanePaymentRunRequest;
import io.millstone.api.cane.v1.ScaleWeight;
import io.millstone.api.cane.v1.Season;
import io.millstone.api.cane.v1.SetBridgeLimitRequest;
import io.millstone.api.cane.v1.SetCanePriceRequest;
import io.millstone.api.cane.v1.StatementPayment;
import io.millstone.api.cane.v1.TicketState;
import io.millstone.api.cane.v1.VoidTicketRequest;
import io.millstone.api.cane.v1.WeighInRequest;
import io.millstone.api.cane.v1.WeighOutRequest;
import io.millstone.api.cane.v1.WeighbridgeTicket;
import io.millstone.api.cane.v1.Weight;
import io.millstone.api.cane.v1.WeightSource;
import io.millstone.server.gateway.GatewayContext;
import io.millstone.server.gateway.ProtoValues;
import java.math.BigDecimal;

/** Adapter from the CaneService contract to {@link CaneDesk}. */
public final class CaneGrpcService extends CaneServiceGrpc.CaneServiceImplBase {
  private final CaneDesk desk;

  public CaneGrpcService(CaneDesk desk) {
    this.desk = desk;
  }

  @Override
  public void createSeason(CreateSeasonRequest req, StreamObserver<Season> out) {
    reply(
        out,
        season(
            desk.createSeason(
                GatewayContext.actor(),
                req.getIdempotencyKey().getValue(),
                req.getCode(),
                req.getName(),
                date(req.getStartDate(), "start_date"),
                date(req.getEndDate(), "end_date"),
                req.getCentresList().stream()
                    .map(
                        c ->
                            new CaneDesk.CentreInput(
                                c.getWarehouseCode(),
                                word(c.getKind(), "CENTRE_KIND_"),
                                c.getPricesList().stream()
                                    .map(
                                        p ->
                                            new CaneDesk.PriceInput(
                                                date(p.getEffectiveFrom(), "effective_from"),
                                                p.getPricePerQuintal().getValue()))
                                    .toList()))
                    .toList(),
                word(req.getOverQuota(), "OVER_QUOTA_"))));
  }

  @Override
  public void listSeasons(ListSeasonsRequest req, StreamObserver<ListSeasonsResponse> out) {
    var page =
        desk.listSeasons(
            GatewayContext.actor(), req.getPage().getPageSize(), req.getPage().getPageToken());
    var b = ListSeasonsResponse.newBuilder().setPage(ProtoValues.page(page.nextPageToken()));
    page.seasons().forEach(s -> b.addSeasons(season(s)));
    reply(out, b.build());
  }

  @Override
  public void getSeason(GetSeasonRequest req, StreamObserver<Season> out) {
    reply(out, season(desk.getSeason(GatewayContext.actor(), req.getSeason())));
  }

  @Override
  public void setCanePrice(SetCanePriceRequest req, StreamObserver<Season> out) {
    reply(
        out,
        season(
            desk.setPrice(
                GatewayContext.actor(),
                req.getSeason(),
                req.getWarehouseCode(),
                new CaneDesk.PriceInput(
                    date(req.getPrice().getEffectiveFrom(), "price.effective_from"),
                    req.getPrice().getPricePerQuintal().getValue()))));
  }

  @Override
  public void setBridgeLimit(SetBridgeLimitRequest req, StreamObserver<Season> out) {
    reply(
        out,
        season(
            desk.setBridgeLimit(
                GatewayContext.actor(),
                req.getSeason(),
                req.getWarehouseCode(),
                req.getMaxWeightKg().getValue())));
  }

  @Override
  public void createGrower(CreateGrowerRequest req, StreamObserver<Grower> out) {
    reply(
        out,
        grower(
            desk.createGrower(
                GatewayContext.actor(),
                req.getIdempotencyKey().getValue(),
                req.getSupplierCode(),
                req.getGrowerNumber(),
                req.getVillage(),
                req.getPlotsList().stream()
                    .map(
                        p ->
                            new CaneDesk.PlotInput(
                                p.getPlotCode(),
                                p.getAreaAcres().getValue(),
                                p.getVariety(),
                                p.getExpectedTonnes().getValue()))
                    .toList())));
  }

  @Override
  public void getGrower(GetGrowerRequest req, StreamObserver<Grower> out) {
    reply(out, grower(desk.getGrower(GatewayContext.actor(), req.getGrowerNumber())));
  }

  @Override
  public void listGrowers(ListGrowersRequest req, StreamObserver<ListGrowersResponse> out) {
    var page =
        desk.listGrowers(
            GatewayContext.actor(),
            req.getVillage(),
            req.getSearch(),
            req.getPage().getPageSize(),
            req.getPage().getPageToken());
    var b = ListGrowersResponse.newBuilder().setPage(ProtoValues.page(page.nextPageToken()));
    page.growers().forEach(g -> b.addGrowers(grower(g)));
    reply(out, b.build());
  }

  @Override
  public void recordGrowerLoan(RecordGrowerLoanRequest req, StreamObserver<GrowerLoan> out) {
    reply(
        out,
        loan(
            desk.recordLoan(
                GatewayContext.actor(),
                req.getIdempotencyKey().getValue(),
                req.getGrowerNumber(),
                word(req.getKind(), "LOAN_KIND_"),
                req.getAmount().getValue(),
                date(req.getLoanDate(), "loan_date"),
                word(req.getPaidFrom(), "LOAN_PAID_FROM_"),
                req.getNote())));
  }

  @Override
  public void listGrowerLoans(
      ListGrowerLoansRequest req, StreamObserver<ListGrowerLoansResponse> out) {
    var b = ListGrowerLoansResponse.newBuilder();
    desk.listLoans(GatewayContext.actor(), req.getGrowerNumber(), req.getOutstandingOnly())
        .forEach(l -> b.addLoans(loan(l)));
    reply(out, b.build());
  }

  @Override
  public void issuePermits(IssuePermitsRequest req, StreamObserver<IssuePermitsResponse> out) {
    var b = IssuePermitsResponse.newBuilder();
    desk.issuePermits(
            GatewayContext.actor(),
            req.getIdempotencyKey().getValue(),
            req.getSeason(),
            req.getWarehouseCode(),
            date(req.getPermitDate(), "permit_date"),
            req.getPermitsList().stream()
                .map(
                    p ->
                        new CaneDesk.PermitInput(
                            p.getGrowerNumber(), p.getQuotaQuintals().getValue()))
                .toList())
        .forEach(p -> b.addPermits(permit(p)));
    reply(out, b.build());
  }

  @Override
  public void cancelPermit(CancelPermitRequest req, StreamObserver<Permit> out) {
    reply(
        out,
        permit(desk.cancelPermit(GatewayContext.actor(), req.getPermitNumber(), req.getReason())));
  }

  @Override
  public void listPermits(ListPermitsRequest req, StreamObserver<ListPermitsResponse> out) {
    var page =
        desk.listPermits(
            GatewayContext.actor(),
            req.getWarehouseCode(),
            date(req.getPermitDate(), "permit_date"),
            word(req.getState(), "PERMIT_STATE_"),
            req.getGrowerNumber(),
            req.getPage().getPageSize(),
            req.getPage().getPageToken());
    var b = ListPermitsResponse.newBuilder().setPage(ProtoValues.page(page.nextPageToken()));
    page.permits().forEach(p -> b.addPermits(permit(p)));
    reply(out, b.build());
  }

  @Override
  public void weighIn(WeighInRequest req, StreamObserver<WeighbridgeTicket> out) {
    reply(
        out,
        ticket(
            desk.weighIn(
                GatewayContext.actor(),
                req.getIdempotencyKey().getValue(),
                req.getPermitNumber(),
                req.getGrowerNumber(),
                req.getWarehouseCode(),
                req.getVehicleNumber(),
                req.getGrossKg().getValue(),
                word(req.getSource(), "WEIGHT_SOURCE_"),
                req.getManualReason())));
  }

  @Override
  public void weighOut(WeighOutRequest req, StreamObserver<WeighbridgeTicket> out) {
    reply(
        out,
        ticket(
            desk.weighOut(
                GatewayContext.actor(),
                req.getTicketNumber(),
                req.getTareKg().getValue(),
                word(req.getSource(), "WEIGHT_SOURCE_"),
                req.getManualReason())));
  }

  @Override
  public void voidTicket(VoidTicketRequest req, StreamObserver<WeighbridgeTicket> out) {
    reply(
        out,
        ticket(
            desk.voidTicket(
                GatewayContext.actor(),
                req.getIdempotencyKey().getValue(),
                req.getTicketId(),
                req.getReason())));
  }

  @Override
  public void listOpenTickets(ListOpenTicketsRequest req, StreamObserver<ListTicketsResponse> out) {
    var b = ListTicketsResponse.newBuilder().setPage(ProtoValues.page(""));
    desk.openTickets(GatewayContext.actor(), req.getWarehouseCode())
        .forEach(x -> b.addTickets(ticket(x)));
    reply(out, b.build());
  }

  @Override
  public void listTickets(ListTicketsRequest req, StreamObserver<ListTicketsResponse> out) {
    var page =
        desk.listTickets(
            GatewayContext.actor(),
            req.getWarehouseCode(),
            req.getGrowerNumber(),
            date(req.getFromDate(), "from_date"),
            date(req.getToDate(), "to_date"),
            word(req.getState(), "TICKET_STATE_"),
            req.getPage().getPageSize(),
            req.getPage().getPageToken());
    var b = ListTicketsResponse.newBuilder().setPage(ProtoValues.page(page.nextPageToken()));
    page.tickets().forEach(x -> b.addTickets(ticket(x)));
    reply(out, b.build());
  }

  @Override
  public void getScaleWeight(GetScaleWeightRequest req, StreamObserver<ScaleWeight> out) {
    var r =
        desk.scaleWeight(
            GatewayContext.actor(), req.getMachineCode(), req.getWeightTag(), req.getStableTag());
    var b =
        ScaleWeight.newBuilder()
            .setMachineCode(r.machineCode())
            .setPresent(r.present())
            .setStable(r.stable());
    if (r.present()) {
      b.setWeight(weight(r.weightKg())).setSourceTime(ProtoValues.timestamp(r.sourceTime()));
    }
    reply(out, b.build());
  }

  @Override
  public void createCaneBills(
      CreateCaneBillsRequest req, StreamObserver<CreateCaneBillsResponse> out) {
    var b = CreateCaneBillsResponse.newBuilder();
    desk.createBills(
            GatewayContext.actor(),
            req.getIdempotencyKey().getValue(),
            req.getSeason(),
            date(req.getFromDate(), "from_date"),
            date(req.getToDate(), "to_date"),
            req.getWarehouseCode(),
            date(req.getBillDate(), "bill_date"))
        .forEach(x -> b.addBills(bill(x)));
    reply(out, b.build());
  }

  @Override
  public void listCaneBills(ListCaneBillsRequest req, StreamObserver<ListCaneBillsResponse> out) {
    var page =
        desk.listBills(
            GatewayContext.actor(),
            req.getGrowerNumber(),
            req.getUnpaidOnly(),
            req.getSeason(),
            req.getPage().getPageSize(),
            req.getPage().getPageToken());
    var b = ListCaneBillsResponse.newBuilder().setPage(ProtoValues.page(page.nextPageToken()));
    page.bills().forEach(x -> b.addBills(bill(x)));
    reply(out, b.build());
  }

  @Override
  public void postCanePaymentRun(
      PostCanePaymentRunRequest req, StreamObserver<CanePaymentRun> out) {
    var r =
        desk.paymentRun(
            GatewayContext.actor(),
            req.getIdempotencyKey().getValue(),
            date(req.getPaymentDate(), "payment_date"),
            req.getPaymentsList().stream()
                .map(
                    p ->
                        new CaneDesk.PaymentInput(
                            p.getBillNumber(),
                            word(p.getMethod(), "GROWER_PAYMENT_METHOD_"),
                            p.getReference()))
                .toList());
    reply(out, run(r));
  }

  @Override
  public void listCanePaymentRuns(
      ListCanePaymentRunsRequest req, StreamObserver<ListCanePaymentRunsResponse> out) {
    var page =
        desk.listPaymentRuns(
            GatewayContext.actor(),
            req.getSeason(),
            date(req.getFromDate(), "from_date"),
            date(req.getToDate(), "to_date"),
            req.getPage().getPageSize(),
            req.getPage().getPageToken());
    var b =
        ListCanePaymentRunsResponse.newBuilder().setPage(ProtoValues.page(page.nextPageToken()));
    page.runs().forEach(r -> b.addRuns(run(r)));
    reply(out, b.build());
  }

  @Override
  public void reverseCaneBill(ReverseCaneBillRequest req, StreamObserver<CaneBill> out) {
    reply(
        out,
        bill(
            desk.reverseBill(
                GatewayContext.actor(),
                req.getIdempotencyKey().getValue(),
                req.getBillId(),
                req.getReason())));
  }

  @Override
  public void reverseCanePaymentRun(
      ReverseCanePaymentRunRequest req, StreamObserver<CanePaymentRun> out) {
    reply(
        out,
        run(
            desk.reverseRun(
                GatewayContext.actor(),
                req.getIdempotencyKey().getValue(),
                req.getRunId(),
                req.getReason())));
  }

  static CanePaymentRun run(CaneDesk.RunView r) {
    var b =
        CanePaymentRun.newBuilder()
            .setId(r.id().toString())
            .setNumber(r.number())
            .setPaymentDate(date(r.date()))
            .setTotal(money(r.total(), r.currency()))
            .setJournalEntryNumber(r.entryNumber())
            .setState(CanePaymentRunState.valueOf("CANE_PAYMENT_RUN_STATE_" + r.state()))
            .setReverseReason(r.reverseReason())
            .setReversedBy(r.reversedBy())
            .setReversalEntryNumber(r.reversalEntryNumber());
    if (r.reversedAt() != null) {
      b.setReversedAt(ProtoValues.timestamp(r.reversedAt()));
    }
    for (var p : r.payments()) {
      b.addPayments(
          CanePayment.newBuilder()
              .setBillNumber(p.billNumber())
              .setGrowerNumber(p.growerNumber())
              .setGrowerName(p.growerName())
              .setMethod(GrowerPaymentMethod.valueOf("GROWER_PAYMENT_METHOD_" + p.method()))
              .setReference(p.reference())
              .setAmount(money(p.amount(), r.currency())));
    }
    return b.build();
  }

  @Override
  public void getGrowerStatement(
      GetGrowerStatementRequest req, StreamObserver<GrowerStatement> out) {
    var s = desk.statement(GatewayContext.actor(), req.getGrowerNumber(), req.getSeason());
    String cur = s.currency();
    var b =
        GrowerStatement.newBuilder()
            .setGrower(grower(s.grower()))
            .setCaneValue(money(s.caneValue(), cur))
            .setDeducted(money(s.deducted(), cur))
            .setPaid(money(s.paid(), cur))
            .setBalanceOwed(money(s.balanceOwed(), cur))
            .setLoansOutstanding(money(s.loansOutstanding(), cur));
    s.permits().forEach(p -> b.addPermits(permit(p)));
    s.tickets().forEach(x -> b.addTickets(ticket(x)));
    s.bills().forEach(x -> b.addBills(bill(x)));
    s.loans().forEach(x -> b.addLoans(loan(x)));
    for (var p : s.payments()) {
      b.addPayments(
          StatementPayment.newBuilder()
              .setRunNumber(p.runNumber())
              .setBillNumber(p.billNumber())
              .setPaymentDate(date(p.date()))
              .setMethod(GrowerPaymentMethod.valueOf("GROWER_PAYMENT_METHOD_" + p.method()))
              .setReference(p.reference())
              .setAmount(money(p.amount(), cur))
              .setReversed(p.reversed()));
    }
    reply(out, b.build());
  }

  static Weight weight(BigDecimal kg) {
    return Weight.newBuilder()
        .setKg(decimal(kg))
        .setQuintal(decimal(CaneDesk.quintals(kg)))
        .setMaund(decimal(CaneDesk.maunds(kg)))
        .build();
  }

  static Season season(CaneDesk.SeasonView s) {
    var b =
        Season.newBuilder()
            .setId(s.id().toString())
            .setCode(s.code())
            .setName(s.name())
            .setStartDate(date(s.start()))
            .setEndDate(date(s.end()))
            .setOverQuota(OverQuota.valueOf("OVER_QUOTA_" + s.overQuota()));
    for (var c : s.centres()) {
      var cb =
          PurchaseCentre.newBuilder()
              .setWarehouseCode(c.warehouseCode())
              .setWarehouseName(c.warehouseName())
              .setKind(CentreKind.valueOf("CENTRE_KIND_" + c.kind()))
              .setMaxWeightKg(decimal(c.maxWeightKg()));
      for (var p : c.prices()) {
        cb.addPrices(
            CanePrice.newBuilder()
                .setEffectiveFrom(date(p.effectiveFrom()))
                .setPricePerQuintal(money(p.pricePerQuintal(), s.currency())));
      }
      b.addCentres(cb);
    }
    return b.build();
  }

  static Grower grower(CaneDesk.GrowerView g) {
    var b =
        Grower.newBuilder()
            .setId(g.id().toString())
            .setGrowerNumber(g.growerNumber())
            .setSupplierCode(g.supplierCode())
            .setName(g.name())
            .setVillage(g.village())
            .setPhone(g.phone());
    for (var p : g.plots()) {
      b.addPlots(
          Plot.newBuilder()
              .setPlotCode(p.plotCode())
              .setAreaAcres(decimal(p.areaAcres()))
              .setVariety(p.variety())
              .setExpectedTonnes(decimal(p.expectedTonnes())));
    }
    return b.build();
  }

  static GrowerLoan loan(CaneDesk.LoanView l) {
    return GrowerLoan.newBuilder()
        .setId(l.id().toString())
        .setNumber(l.number())
        .setGrowerNumber(l.growerNumber())
        .setKind(LoanKind.valueOf("LOAN_KIND_" + l.kind()))
        .setLoanDate(date(l.date()))
        .setAmount(money(l.amount(), l.currency()))
        .setRecovered(money(l.recovered(), l.currency()))
        .setOutstanding(money(l.outstanding(), l.currency()))
        .setJournalEntryNumber(l.entryNumber())
        .setNote(l.note())
        .build();
  }

  static Permit permit(CaneDesk.PermitView p) {
    return Permit.newBuilder()
        .setId(p.id().toString())
        .setNumber(p.number())
        .setSeasonCode(p.seasonCode())
        .setGrowerNumber(p.growerNumber())
        .setGrowerName(p.growerName())
        .setWarehouseCode(p.warehouseCode())
        .setPermitDate(date(p.date()))
        .setQuotaQuintals(decimal(p.quotaQuintals()))
        .setState(PermitState.valueOf("PERMIT_STATE_" + p.state()))
        .setCancelReason(p.cancelReason())
        .setTicketNumber(p.ticketNumber())
        .build();
  }

  static WeighbridgeTicket ticket(CaneDesk.TicketView x) {
    String cur = x.currency();
    var b =
        WeighbridgeTicket.newBuilder()
            .setId(x.id().toString())
            .setNumber(x.number())
            .setState(TicketState.valueOf("TICKET_STATE_" + x.state()))
            .setPermitNumber(x.permitNumber())
            .setGrowerNumber(x.growerNumber())
            .setGrowerName(x.growerName())
            .setWarehouseCode(x.warehouseCode())
            .setTicketDate(date(x.ticketDate()))
            .setVehicleNumber(x.vehicle())
            .setGross(weight(x.grossKg()))
            .setGrossSource(WeightSource.valueOf("WEIGHT_SOURCE_" + x.grossSource()))
            .setGrossManualReason(x.grossReason())
            .setWeighedInAt(ProtoValues.timestamp(x.weighedInAt()))
            .setTareManualReason(x.tareReason())
            .setJournalEntryNumber(x.entryNumber())
            .setBillNumber(x.billNumber())
            .setVoidReason(x.voidReason())
            .setVoidedBy(x.voidedBy())
            .setQuotaQuintals(decimal(x.quotaQuintals()));
    if (x.voidedAt() != null) {
      b.setVoidedAt(ProtoValues.timestamp(x.voidedAt()));
    }
    if (x.overQuotaKg() != null) {
      b.setOverQuotaKg(decimal(x.overQuotaKg()));
    }
    if (x.tareKg() != null) {
      b.setTare(weight(x.tareKg()))
          .setTareSource(WeightSource.valueOf("WEIGHT_SOURCE_" + x.tareSource()))
          .setWeighedOutAt(ProtoValues.timestamp(x.weighedOutAt()))
          .setNet(weight(x.netKg()))
          .setPricePerQuintal(money(x.pricePerQuintal(), cur))
          .setValue(money(x.value(), cur));
    }
    return b.build();
  }

  static CaneBill bill(CaneDesk.BillView x) {
    String cur = x.currency();
    var b =
        CaneBill.newBuilder()
            .setId(x.id().toString())
            .setNumber(x.number())
            .setGrowerNumber(x.growerNumber())
            .setGrowerName(x.growerName())
            .setSeasonCode(x.seasonCode())
            .setFromDate(date(x.from()))
            .setToDate(date(x.to()))
            .setBillDate(date(x.billDate()))
            .setWarehouseCode(x.warehouseCode())
            .setTicketCount(x.ticketCount())
            .setCane(weight(x.caneKg()))
            .setCaneValue(money(x.caneValue(), cur))
            .setDeducted(money(x.deducted(), cur))
            .setNetPayable(money(x.netPayable(), cur))
            .setPaid(money(x.paid(), cur))
            .setJournalEntryNumber(x.entryNumber())
            .setState(CaneBillState.valueOf("CANE_BILL_STATE_" + x.state()))
            .setReverseReason(x.reverseReason())
            .setReversedBy(x.reversedBy())
            .setReversalEntryNumber(x.reversalEntryNumber())
            .setPaymentRunNumber(x.paymentRunNumber());
    if (x.reversedAt() != null) {
      b.setReversedAt(ProtoValues.timestamp(x.reversedAt()));
    }
    for (var d : x.deductions()) {
      b.addDeductions(
          CaneBillDeduction.newBuilder()
              .setLoanNumber(d.loanNumber())
              .setKind(LoanKind.valueOf("LOAN_KIND_" + d.kind()))
              .setAmount(money(d.amount(), cur)));
    }
    return b.build();
  }
}
