package io.millstone.server.gateway;

import static io.millstone.server.TestServer.codeOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.common.v1.IdempotencyKey;
import io.millstone.api.identity.v1.AuthServiceGrpc;
import io.millstone.api.identity.v1.CompanyServiceGrpc;
import io.millstone.api.identity.v1.CreateUserRequest;
import io.millstone.api.identity.v1.GetCompanyRequest;
import io.millstone.api.identity.v1.GetUserRequest;
import io.millstone.api.identity.v1.ListUsersRequest;
import io.millstone.api.identity.v1.UpdateCompanyRequest;
import io.millstone.api.identity.v1.UserServiceGrpc;
import io.millstone.api.identity.v1.WhoAmIRequest;
import io.millstone.server.MillstoneServer;
import io.millstone.server.TestPlatform;
import io.millstone.server.TestServer;
import io.millstone.server.cli.NettyTransport;
import io.millstone.server.identity.BadRequests;
import io.millstone.server.platform.MillstoneConfig;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input is refused with the field named and nothing saved; an oversize message is refused by
 * the transport; the server stays healthy throughout. Runs over real Netty on loopback, so the
 * transport's own limits are the ones in production.
 */
class BadInputTest {
  static MillstoneServer server;
  static ManagedChannel channel;
  static UserServiceGrpc.UserServiceBlockingStub users;
  static CompanyServiceGrpc.CompanyServiceBlockingStub companies;
  static String adminToken;

  @BeforeAll
  static void start() throws Exception {
    MillstoneConfig config =
        TestPlatform.get().config().toBuilder().host("127.0.0.1").port(0).build();
    server =
        new MillstoneServer(
            NettyTransport.builder(config, InsecureServerCredentials.create()),
            TestPlatform.get().sharing(config),
            null);
    server.start();
    int port = server.grpcServer().getPort();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    UUID company =
        server
            .companyAdmin()
            .create(
                io.millstone.server.identity.model.CompanySettings.defaults("Bad Input Mill"),
                "test")
            .id();
    String admin = "badinput." + UUID.randomUUID().toString().substring(0, 8);
    server
        .userAdmin()
        .create(
            io.millstone.server.platform.Actor.system(company, "test"),
            null,
            admin,
            "Admin",
            TestServer.PASSWORD,
            java.util.List.of("admin"));
    adminToken =
        AuthServiceGrpc.newBlockingStub(channel)
            .login(
                io.millstone.api.identity.v1.LoginRequest.newBuilder()
                    .setUsername(admin)
                    .setPassword(TestServer.PASSWORD)
                    .build())
            .getSessionToken();
    users = TestServer.withToken(adminToken, UserServiceGrpc.newBlockingStub(channel));
    companies = TestServer.withToken(adminToken, CompanyServiceGrpc.newBlockingStub(channel));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.stop();
  }

  private static long userCount() {
    return users
        .listUsers(ListUsersRequest.newBuilder().setIncludeInactive(true).build())
        .getPage()
        .getTotalSize();
  }

  @Test
  void anEmptyCreateNamesEveryMissingFieldAndSavesNothing() {
    long before = userCount();

    StatusRuntimeException e =
        TestServer.failure(() -> users.createUser(CreateUserRequest.getDefaultInstance()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(BadRequests.fields(e))
        .containsExactlyInAnyOrder("username", "display_name", "password");
    assertThat(userCount()).isEqualTo(before);
  }

  @Test
  void anOversizeFieldIsNamedWithItsLimit() {
    StatusRuntimeException e =
        TestServer.failure(
            () ->
                users.createUser(
                    CreateUserRequest.newBuilder()
                        .setUsername("u".repeat(10_000))
                        .setDisplayName("Long")
                        .setPassword("a long enough password")
                        .build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(BadRequests.violations(e))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.getField()).isEqualTo("username");
              assertThat(v.getDescription()).contains("at most 64");
            });
  }

  @Test
  void malformedSettingsAreEachNamedAndTheCompanyIsUnchanged() {
    var before = companies.getCompany(GetCompanyRequest.getDefaultInstance());

    StatusRuntimeException e =
        TestServer.failure(
            () ->
                companies.updateCompany(
                    UpdateCompanyRequest.newBuilder()
                        .setName("Still a name")
                        .setCurrencyCode("TK1")
                        .setVatRatePercent(Decimal.newBuilder().setValue("fifteen"))
                        .setFiscalYearStartMonth(13)
                        .setTimeZone("Mars/Olympus_Mons")
                        .setVersion(before.getVersion())
                        .build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(BadRequests.fields(e))
        .containsExactlyInAnyOrder(
            "currency_code", "vat_rate_percent", "fiscal_year_start_month", "time_zone");
    assertThat(companies.getCompany(GetCompanyRequest.getDefaultInstance())).isEqualTo(before);
  }

  @Test
  void aMalformedIdIsInvalidNotInternal() {
    StatusRuntimeException e =
        TestServer.failure(
            () ->
                users.getUser(
                    GetUserRequest.newBuilder().setId("'; drop table users; --").build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(BadRequests.fields(e)).containsExactly("id");
  }

  @Test
  void aTamperedPageTokenIsInvalidNotInternal() {
    StatusRuntimeException e =
        TestServer.failure(
            () ->
                users.listUsers(
                    ListUsersRequest.newBuilder()
                        .setPage(
                            io.millstone.api.common.v1.PageRequest.newBuilder()
                                .setPageToken("bm90IGEgdG9rZW4"))
                        .build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(BadRequests.fields(e)).containsExactly("page.page_token");
  }

  @Test
  void anUnknownRoleIsNamedByPosition() {
    StatusRuntimeException e =
        TestServer.failure(
            () ->
                users.createUser(
                    CreateUserRequest.newBuilder()
                        .setUsername("roleless" + UUID.randomUUID().toString().substring(0, 6))
                        .setDisplayName("Someone")
                        .setPassword("a long enough password")
                        .addRoles("sales")
                        .addRoles("superuser")
                        .build()));
    assertThat(BadRequests.fields(e)).containsExactly("roles[1]");
  }

  @Test
  void aShortIdempotencyKeyIsNamed() {
    StatusRuntimeException e =
        TestServer.failure(
            () ->
                users.createUser(
                    CreateUserRequest.newBuilder()
                        .setIdempotencyKey(IdempotencyKey.newBuilder().setValue("x"))
                        .setUsername("keyed" + UUID.randomUUID().toString().substring(0, 6))
                        .setDisplayName("Keyed")
                        .setPassword("a long enough password")
                        .build()));
    assertThat(BadRequests.fields(e)).containsExactly("idempotency_key");
  }

  @Test
  void anOversizeMessageIsRefusedAndTheServerStaysHealthy() {
    StatusRuntimeException e =
        TestServer.failure(
            () ->
                users.createUser(
                    CreateUserRequest.newBuilder()
                        .setUsername("huge")
                        .setDisplayName("x".repeat(5 * 1024 * 1024))
                        .setPassword("a long enough password")
                        .build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(
            HealthGrpc.newBlockingStub(channel)
                .check(HealthCheckRequest.getDefaultInstance())
                .getStatus())
        .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    assertThat(
            codeOf(
                () ->
                    TestServer.withToken(adminToken, AuthServiceGrpc.newBlockingStub(channel))
                        .whoAmI(WhoAmIRequest.getDefaultInstance())))
        .isEqualTo(Status.Code.OK);
  }
}
