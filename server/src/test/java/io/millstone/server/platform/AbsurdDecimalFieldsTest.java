package io.millstone.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.millstone.api.common.v1.Date;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.common.v1.IdempotencyKey;
import io.millstone.api.common.v1.PageRequest;
import io.millstone.api.masterdata.v1.ConvertQuantityRequest;
import io.millstone.api.masterdata.v1.ListRequest;
import io.millstone.api.sales.v1.CreateOrderRequest;
import io.millstone.api.sales.v1.OrderLineInput;
import io.millstone.api.sales.v1.SalesServiceGrpc;
import io.millstone.server.TestServer;
import io.millstone.server.identity.BadRequests;
import io.millstone.server.masterdata.MasterdataFixtures;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A decimal field with an absurd exponent is bad input naming the field, never INTERNAL. */
class AbsurdDecimalFieldsTest {
  static TestServer t;
  static MasterdataFixtures md;
  static String adminToken;
  static SalesServiceGrpc.SalesServiceBlockingStub sales;

  @BeforeAll
  static void start() {
    t = new TestServer();
    UUID mill = t.createCompany("Exponent Sales Mill").id();
    adminToken =
        t.login(t.createUser(mill, t.unique("abs.admin"), "admin"), TestServer.PASSWORD)
            .getSessionToken();
    md = MasterdataFixtures.of(t.channel(), adminToken);
    sales =
        t.as(
            t.createUser(mill, t.unique("abs.sales"), "sales"),
            SalesServiceGrpc.newBlockingStub(t.channel()));
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @Test
  void convertingAQuantityWithAHugeExponentNamesTheQuantity() {
    StatusRuntimeException e =
        TestServer.failure(
            () ->
                md.units.convertQuantity(
                    ConvertQuantityRequest.newBuilder()
                        .setQuantity(Decimal.newBuilder().setValue("1E+2147483647"))
                        .setFromUnitCode("t")
                        .setToUnitCode("kg")
                        .build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(BadRequests.violations(e))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.getField()).isEqualTo("quantity");
              assertThat(f.getDescription()).startsWith("is too large");
            });
  }

  @Test
  void anOrderLinePriceWithAHugeExponentNamesThePrice() {
    md.item("ABS-1", "Refined sugar");
    md.customer("ABS-C1", "Exponent Traders");
    StatusRuntimeException e =
        TestServer.failure(
            () ->
                sales.createOrder(
                    CreateOrderRequest.newBuilder()
                        .setIdempotencyKey(
                            IdempotencyKey.newBuilder().setValue(UUID.randomUUID().toString()))
                        .setCustomerCode("ABS-C1")
                        .setOrderDate(Date.newBuilder().setYear(2026).setMonth(11).setDay(2))
                        .addLines(
                            OrderLineInput.newBuilder()
                                .setItemCode("ABS-1")
                                .setQuantity(Decimal.newBuilder().setValue("1"))
                                .setUnitPrice(Decimal.newBuilder().setValue("1E+2147483647")))
                        .build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(BadRequests.fields(e)).containsExactly("lines[0].unit_price");
  }

  @Test
  void aPageTokenCarryingAPriceWithAHugeExponentIsADamagedToken() {
    md.item("ABS-2", "Molasses");
    for (String value : List.of("1E-300000000", "7E+2147483647")) {
      String token =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(
                  ("price\u001f" + value + "\u001f" + UUID.randomUUID())
                      .getBytes(StandardCharsets.UTF_8));
      StatusRuntimeException e =
          TestServer.failure(
              () ->
                  md.items.listItems(
                      ListRequest.newBuilder()
                          .setOrderBy("price")
                          .setPage(PageRequest.newBuilder().setPageToken(token))
                          .build()));
      assertThat(e.getStatus().getCode()).as(value).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(BadRequests.fields(e)).containsExactly("page.page_token");
    }
  }

  @Test
  void anOrderLineWhoseQuantityTimesPriceWouldNotFitIsBadInputNamingTheLine() {
    md.item("ABS-OVF", "Raw sugar");
    md.customer("ABS-COVF", "Overflow Traders");
    // Each number fits its column; their product (a 27-digit line value) does not.
    StatusRuntimeException e =
        TestServer.failure(
            () ->
                sales.createOrder(
                    CreateOrderRequest.newBuilder()
                        .setIdempotencyKey(
                            IdempotencyKey.newBuilder().setValue(UUID.randomUUID().toString()))
                        .setCustomerCode("ABS-COVF")
                        .setOrderDate(Date.newBuilder().setYear(2026).setMonth(11).setDay(2))
                        .addLines(
                            OrderLineInput.newBuilder()
                                .setItemCode("ABS-OVF")
                                .setQuantity(Decimal.newBuilder().setValue("9999999999999"))
                                .setUnitPrice(Decimal.newBuilder().setValue("99999999999999")))
                        .build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(BadRequests.fields(e)).contains("lines[0].quantity");
  }

  @Test
  void aVatRateOfZeroWrittenWithAHugeExponentIsStoredAsZeroNotAnInternalError() {
    var companies =
        TestServer.withToken(
            adminToken,
            io.millstone.api.identity.v1.CompanyServiceGrpc.newBlockingStub(t.channel()));
    var read =
        companies.getCompany(io.millstone.api.identity.v1.GetCompanyRequest.getDefaultInstance());
    var update =
        io.millstone.api.identity.v1.UpdateCompanyRequest.newBuilder()
            .setName(read.getName())
            .setCurrencyCode(read.getCurrencyCode())
            .setVatRatePercent(Decimal.newBuilder().setValue("0E+2147483647"))
            .setFiscalYearStartMonth(read.getFiscalYearStartMonth())
            .setTimeZone(read.getTimeZone())
            .setVersion(read.getVersion());
    var zero = companies.updateCompany(update.build());
    assertThat(new java.math.BigDecimal(zero.getVatRatePercent().getValue())).isZero();
    // Too large, too many decimals: bad input naming the rate.
    for (String absurd : List.of("1E+2147483647", "1E-2147483647")) {
      StatusRuntimeException e =
          TestServer.failure(
              () ->
                  companies.updateCompany(
                      update
                          .setVersion(zero.getVersion())
                          .setVatRatePercent(Decimal.newBuilder().setValue(absurd))
                          .build()));
      assertThat(e.getStatus().getCode()).as(absurd).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(BadRequests.fields(e)).as(absurd).containsExactly("vat_rate_percent");
    }
    companies.updateCompany(
        update.setVersion(zero.getVersion()).setVatRatePercent(read.getVatRatePercent()).build());
  }
}
