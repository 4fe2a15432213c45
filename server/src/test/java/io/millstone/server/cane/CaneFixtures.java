package io.millstone.server.cane;

import io.grpc.Channel;
import io.millstone.api.cane.v1.CanePaymentInput;
import io.millstone.api.cane.v1.CaneServiceGrpc;
import io.millstone.api.cane.v1.CentreInput;
import io.millstone.api.cane.v1.CentreKind;
import io.millstone.api.cane.v1.CreateCaneBillsRequest;
import io.millstone.api.cane.v1.CreateGrowerRequest;
import io.millstone.api.cane.v1.CreateSeasonRequest;
import io.millstone.api.cane.v1.GrowerPaymentMethod;
import io.millstone.api.cane.v1.IssuePermitsRequest;
import io.millstone.api.cane.v1.LoanKind;
import io.millstone.api.cane.v1.PermitInput;
import io.millstone.api.cane.v1.PlotInput;
import io.millstone.api.cane.v1.PostCanePaymentRunRequest;
import io.millstone.api.cane.v1.PriceInput;
import io.millstone.api.cane.v1.RecordGrowerLoanRequest;
import io.millstone.api.cane.v1.WeighInRequest;
import io.millstone.api.cane.v1.WeighOutRequest;
import io.millstone.api.cane.v1.WeightSource;
import io.millstone.api.common.v1.Date;
import io.millstone.api.common.v1.Decimal;
import io.millstone.server.TestServer;
import java.time.LocalDate;
import java.time.ZoneId;

/** One grower's season in a few calls: a row in every cane table (for the isolation probes). */
public final class CaneFixtures {
  private CaneFixtures() {}

  /**
   * A season at {@code warehouse}, supplier {@code supplier} registered as a grower with a plot and
   * a loan, a permit for today, one load weighed in and out, billed (recovering the loan) and paid.
   */
  public static void oneLoadPaid(Channel ch, String token, String warehouse, String supplier) {
    var cane = TestServer.withToken(token, CaneServiceGrpc.newBlockingStub(ch));
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Dhaka"));
    cane.createSeason(
        CreateSeasonRequest.newBuilder()
            .setCode("ISO")
            .setName("Isolated season")
            .setStartDate(date(today.minusDays(1)))
            .setEndDate(date(today.plusDays(30)))
            .addCentres(
                CentreInput.newBuilder()
                    .setWarehouseCode(warehouse)
                    .setKind(CentreKind.CENTRE_KIND_MILL_GATE)
                    .addPrices(
                        PriceInput.newBuilder()
                            .setEffectiveFrom(date(today.minusDays(1)))
                            .setPricePerQuintal(dec("600"))))
            .build());
    cane.createGrower(
        CreateGrowerRequest.newBuilder()
            .setSupplierCode(supplier)
            .setGrowerNumber("ISO-G1")
            .setVillage("Isolated village")
            .addPlots(
                PlotInput.newBuilder()
                    .setPlotCode("P1")
                    .setAreaAcres(dec("1"))
                    .setExpectedTonnes(dec("30")))
            .build());
    cane.recordGrowerLoan(
        RecordGrowerLoanRequest.newBuilder()
            .setGrowerNumber("ISO-G1")
            .setKind(LoanKind.LOAN_KIND_SEED)
            .setAmount(dec("100"))
            .setLoanDate(date(today.minusDays(1)))
            .build());
    var permit =
        cane.issuePermits(
                IssuePermitsRequest.newBuilder()
                    .setSeason("ISO")
                    .setWarehouseCode(warehouse)
                    .setPermitDate(date(today))
                    .addPermits(
                        PermitInput.newBuilder()
                            .setGrowerNumber("ISO-G1")
                            .setQuotaQuintals(dec("50")))
                    .build())
            .getPermits(0);
    var ticket =
        cane.weighIn(
            WeighInRequest.newBuilder()
                .setPermitNumber(permit.getNumber())
                .setGrowerNumber("ISO-G1")
                .setWarehouseCode(warehouse)
                .setVehicleNumber("ISO 1")
                .setGrossKg(dec("8000"))
                .setSource(WeightSource.WEIGHT_SOURCE_SCALE)
                .build());
    cane.weighOut(
        WeighOutRequest.newBuilder()
            .setTicketNumber(ticket.getNumber())
            .setTareKg(dec("3000"))
            .setSource(WeightSource.WEIGHT_SOURCE_SCALE)
            .build());
    var bill =
        cane.createCaneBills(
                CreateCaneBillsRequest.newBuilder()
                    .setSeason("ISO")
                    .setFromDate(date(today))
                    .setToDate(date(today))
                    .build())
            .getBills(0);
    cane.postCanePaymentRun(
        PostCanePaymentRunRequest.newBuilder()
            .setPaymentDate(date(today))
            .addPayments(
                CanePaymentInput.newBuilder()
                    .setBillNumber(bill.getNumber())
                    .setMethod(GrowerPaymentMethod.GROWER_PAYMENT_METHOD_BANK)
                    .setReference("ISO-TRX"))
            .build());
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
}
