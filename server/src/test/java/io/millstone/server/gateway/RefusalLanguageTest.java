package io.millstone.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.millstone.api.accounting.v1.GetNextDocumentNumberRequest;
import io.millstone.api.accounting.v1.LedgerServiceGrpc;
import io.millstone.api.identity.v1.Company;
import io.millstone.api.identity.v1.CompanyServiceGrpc;
import io.millstone.api.identity.v1.GetCompanyRequest;
import io.millstone.api.identity.v1.GetDisplaySettingsRequest;
import io.millstone.api.identity.v1.NumberGrouping;
import io.millstone.api.identity.v1.UpdateCompanyRequest;
import io.millstone.server.TestServer;
import io.millstone.server.identity.BadRequests;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A refusal is answered in the language the client's {@code accept-language} header asks for, with
 * times in the company's time zone; the reason stays the message id.
 */
class RefusalLanguageTest {
  static TestServer ts;
  static String admin;
  static String clerk;

  @BeforeAll
  static void start() {
    ts = new TestServer();
    UUID company = ts.createCompany(ts.unique("Refusal Language Mill")).id();
    admin = ts.createUser(company, ts.unique("lang.admin"), "admin");
    clerk = ts.createUser(company, ts.unique("lang.clerk"), "stores");
  }

  @AfterAll
  static void stop() {
    ts.close();
  }

  private static CompanyServiceGrpc.CompanyServiceBlockingStub companies(String language) {
    CompanyServiceGrpc.CompanyServiceBlockingStub s =
        ts.as(admin, CompanyServiceGrpc.newBlockingStub(ts.channel()));
    if (language == null) {
      return s;
    }
    Metadata h = new Metadata();
    h.put(Metadata.Key.of("accept-language", Metadata.ASCII_STRING_MARSHALLER), language);
    return s.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(h));
  }

  /** Saves the settings once, then answers the refusal of a second save with the old version. */
  private static StatusRuntimeException staleUpdate(String language) {
    Company read = companies(null).getCompany(GetCompanyRequest.getDefaultInstance());
    UpdateCompanyRequest.Builder update =
        UpdateCompanyRequest.newBuilder()
            .setName(read.getName())
            .setCurrencyCode(read.getCurrencyCode())
            .setVatRatePercent(read.getVatRatePercent())
            .setFiscalYearStartMonth(read.getFiscalYearStartMonth())
            .setTimeZone(read.getTimeZone())
            .setVersion(read.getVersion());
    companies(null).updateCompany(update.build());
    return TestServer.failure(() -> companies(language).updateCompany(update.build()));
  }

  private static String reason(StatusRuntimeException e) {
    return io.grpc.protobuf.StatusProto.fromThrowable(e).getDetailsList().stream()
        .filter(a -> a.is(com.google.rpc.ErrorInfo.class))
        .map(
            a -> {
              try {
                return a.unpack(com.google.rpc.ErrorInfo.class).getReason();
              } catch (com.google.protobuf.InvalidProtocolBufferException x) {
                throw new AssertionError(x);
              }
            })
        .findFirst()
        .orElse("");
  }

  private static String description(StatusRuntimeException e, String field) {
    return BadRequests.violations(e).stream()
        .filter(v -> v.getField().equals(field))
        .map(com.google.rpc.BadRequest.FieldViolation::getDescription)
        .findFirst()
        .orElse("");
  }

  @Test
  void aConflictingUpdateIsExplainedInEnglishWithoutALanguageHeader() {
    StatusRuntimeException e = staleUpdate(null);

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
    assertThat(e.getStatus().getDescription())
        .startsWith("The company settings was changed by " + admin + " at ")
        .contains("reload to see their change")
        .doesNotContain("UTC")
        .matches("(?s).* at \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2} after you opened it.*");
    assertThat(reason(e)).isEqualTo("VERSION_CONFLICT");
  }

  @Test
  void aConflictingUpdateIsExplainedInBanglaWhenTheClientAsksForBangla() {
    StatusRuntimeException e = staleUpdate("bn");

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
    assertThat(e.getStatus().getDescription())
        .startsWith("আপনি খোলার পরে " + admin)
        .contains("The company settings বদলেছেন")
        .contains("আবার লোড করুন");
    assertThat(reason(e)).isEqualTo("VERSION_CONFLICT");
  }

  @Test
  void theConflictTimeIsTheCompanysClockNotUtc() {
    java.time.Instant before = java.time.Instant.now();
    StatusRuntimeException e = staleUpdate("en-GB, en;q=0.8");

    String dhaka =
        java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:")
            .format(before.atZone(java.time.ZoneId.of("Asia/Dhaka")));
    String dhakaLater =
        java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:")
            .format(java.time.Instant.now().atZone(java.time.ZoneId.of("Asia/Dhaka")));
    assertThat(e.getStatus().getDescription()).containsAnyOf(" at " + dhaka, " at " + dhakaLater);
  }

  @Test
  void everySignedInPersonReadsHowTheCompanyWritesAmountsAndDates() {
    var d =
        ts.as(clerk, CompanyServiceGrpc.newBlockingStub(ts.channel()))
            .getDisplaySettings(GetDisplaySettingsRequest.getDefaultInstance());

    assertThat(d.getNumberGrouping()).isEqualTo(NumberGrouping.NUMBER_GROUPING_INDIAN);
    assertThat(d.getDateFormat()).isEqualTo("dd/MM/yyyy");
    assertThat(d.getTimeZone()).isEqualTo("Asia/Dhaka");
    assertThat(d.getCurrencyCode()).isEqualTo("BDT");
  }

  @Test
  void anUnknownDateFormatIsRefusedWithTheFieldNamedInBangla() {
    Company read = companies(null).getCompany(GetCompanyRequest.getDefaultInstance());
    StatusRuntimeException e =
        TestServer.failure(
            () ->
                companies("bn")
                    .updateCompany(
                        UpdateCompanyRequest.newBuilder()
                            .setName("")
                            .setCurrencyCode(read.getCurrencyCode())
                            .setVatRatePercent(read.getVatRatePercent())
                            .setFiscalYearStartMonth(read.getFiscalYearStartMonth())
                            .setTimeZone(read.getTimeZone())
                            .setDateFormat("yyyy/dd/MM")
                            .setVersion(read.getVersion())
                            .build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(BadRequests.fields(e)).contains("name");
    assertThat(description(e, "name")).isEqualTo("দিতে হবে");
  }

  @Test
  void theCompanyCanWriteAmountsTheWesternWay() {
    Company read = companies(null).getCompany(GetCompanyRequest.getDefaultInstance());
    Company saved =
        companies(null)
            .updateCompany(
                UpdateCompanyRequest.newBuilder()
                    .setName(read.getName())
                    .setCurrencyCode(read.getCurrencyCode())
                    .setVatRatePercent(read.getVatRatePercent())
                    .setFiscalYearStartMonth(read.getFiscalYearStartMonth())
                    .setTimeZone(read.getTimeZone())
                    .setNumberGrouping(NumberGrouping.NUMBER_GROUPING_WESTERN)
                    .setVersion(read.getVersion())
                    .build());
    try {
      assertThat(saved.getNumberGrouping()).isEqualTo(NumberGrouping.NUMBER_GROUPING_WESTERN);
      assertThat(saved.getDateFormat()).isEqualTo("dd/MM/yyyy");
    } finally {
      companies(null)
          .updateCompany(
              UpdateCompanyRequest.newBuilder()
                  .setName(saved.getName())
                  .setCurrencyCode(saved.getCurrencyCode())
                  .setVatRatePercent(saved.getVatRatePercent())
                  .setFiscalYearStartMonth(saved.getFiscalYearStartMonth())
                  .setTimeZone(saved.getTimeZone())
                  .setNumberGrouping(NumberGrouping.NUMBER_GROUPING_INDIAN)
                  .setVersion(saved.getVersion())
                  .build());
    }
  }

  @Test
  void theNextInvoiceNumberIsReadWithoutTakingIt() {
    var ledger = ts.as(admin, LedgerServiceGrpc.newBlockingStub(ts.channel()));
    var first =
        ledger.getNextDocumentNumber(
            GetNextDocumentNumberRequest.newBuilder().setSeries("INV").build());
    var again =
        ledger.getNextDocumentNumber(
            GetNextDocumentNumberRequest.newBuilder().setSeries("INV").build());

    assertThat(first.getNumber()).matches("INV-\\d{4}-00001");
    assertThat(again.getNumber()).isEqualTo(first.getNumber());
  }

  @Test
  void theGatewaysOwnRefusalsAreInBanglaForABanglaClient() {
    Metadata bangla = new Metadata();
    bangla.put(Metadata.Key.of("accept-language", Metadata.ASCII_STRING_MARSHALLER), "bn");
    var attach = MetadataUtils.newAttachHeadersInterceptor(bangla);

    StatusRuntimeException notSignedIn =
        TestServer.failure(
            () ->
                CompanyServiceGrpc.newBlockingStub(ts.channel())
                    .withInterceptors(attach)
                    .getCompany(GetCompanyRequest.getDefaultInstance()));
    assertThat(notSignedIn.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(notSignedIn.getStatus().getDescription()).startsWith("আগে সাইন ইন করুন");
    assertThat(reason(notSignedIn)).isEqualTo("NOT_SIGNED_IN");

    // The stores clerk may not change the company's settings.
    StatusRuntimeException denied =
        TestServer.failure(
            () ->
                ts.as(clerk, CompanyServiceGrpc.newBlockingStub(ts.channel()))
                    .withInterceptors(attach)
                    .updateCompany(UpdateCompanyRequest.getDefaultInstance()));
    assertThat(denied.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(denied.getStatus().getDescription())
        .startsWith("এই কোম্পানিতে আপনার 'identity.company.manage' অনুমতি নেই");
    assertThat(reason(denied)).isEqualTo("MISSING_PERMISSION");

    StatusRuntimeException english =
        TestServer.failure(
            () ->
                CompanyServiceGrpc.newBlockingStub(ts.channel())
                    .getCompany(GetCompanyRequest.getDefaultInstance()));
    assertThat(english.getStatus().getDescription())
        .isEqualTo("Sign in first: this call needs a session.");
  }
}
