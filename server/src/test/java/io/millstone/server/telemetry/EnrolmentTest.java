package io.millstone.server.telemetry;

import static io.millstone.server.TestServer.codeOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.millstone.api.telemetry.v1.CreateDeviceRequest;
import io.millstone.api.telemetry.v1.CreateDeviceResponse;
import io.millstone.api.telemetry.v1.EnrollRequest;
import io.millstone.api.telemetry.v1.EnrollResponse;
import io.millstone.api.telemetry.v1.EnrollmentServiceGrpc;
import io.millstone.api.telemetry.v1.ListDevicesRequest;
import io.millstone.api.telemetry.v1.RevokeDeviceRequest;
import io.millstone.server.TestPlatform;
import io.millstone.server.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An enrolment token enrols one agent, once; a revoked device stays revoked. */
class EnrolmentTest {
  static TestServer t;
  static TelemetryFixtures admin;

  @BeforeAll
  static void start() {
    t = new TestServer();
    UUID mill = t.createCompany("Enrolment Mill").id();
    admin =
        new TelemetryFixtures(
            t.channel(),
            t.login(t.createUser(mill, t.unique("enr.admin"), "admin"), TestServer.PASSWORD)
                .getSessionToken());
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  private static CreateDeviceResponse device(String name) {
    return admin.devices.createDevice(CreateDeviceRequest.newBuilder().setName(name).build());
  }

  private static EnrollResponse enrol(String token) {
    return EnrollmentServiceGrpc.newBlockingStub(t.channel())
        .withDeadlineAfter(30, TimeUnit.SECONDS)
        .enroll(
            EnrollRequest.newBuilder().setEnrollmentToken(token).setAgentVersion("test").build());
  }

  private static String state(String deviceId) {
    return admin
        .devices
        .listDevices(ListDevicesRequest.getDefaultInstance())
        .getDevicesList()
        .stream()
        .filter(d -> d.getId().equals(deviceId))
        .findFirst()
        .orElseThrow()
        .getState();
  }

  /**
   * The test holds the device row while the agents start, so every one of them has found the token
   * and waits to spend it before any can: the race is certain, not left to timing.
   */
  @Test
  void oneTokenUsedByManyAgentsAtOnceEnrolsExactlyOne() throws Exception {
    CreateDeviceResponse d = device("race");
    int n = 8;
    CyclicBarrier start = new CyclicBarrier(n);
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try (Connection c = TestPlatform.get().database().ownerDataSource().getConnection()) {
      List<Future<Status.Code>> outcomes = new ArrayList<>();
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement("SELECT 1 FROM device WHERE id = ? FOR UPDATE")) {
        ps.setObject(1, UUID.fromString(d.getDevice().getId()));
        ps.executeQuery().close();
      }
      for (int i = 0; i < n; i++) {
        outcomes.add(
            pool.submit(
                () -> {
                  start.await();
                  return codeOf(() -> enrol(d.getEnrollmentToken()));
                }));
      }
      awaitLockWaiters(c, n, outcomes);
      c.rollback();
      List<Status.Code> codes = new ArrayList<>();
      for (Future<Status.Code> f : outcomes) {
        codes.add(f.get(60, TimeUnit.SECONDS));
      }
      assertThat(codes).filteredOn(code -> code == Status.Code.OK).hasSize(1);
      assertThat(codes)
          .filteredOn(code -> code != Status.Code.OK)
          .hasSize(n - 1)
          .allMatch(code -> code == Status.Code.UNAUTHENTICATED);
    } finally {
      pool.shutdownNow();
    }
    assertThat(state(d.getDevice().getId())).isEqualTo("ACTIVE");
  }

  @Test
  void aRevokedDeviceCannotBeEnrolledWithItsUnusedToken() {
    CreateDeviceResponse d = device("revoked-before-enrol");
    admin.devices.revokeDevice(
        RevokeDeviceRequest.newBuilder().setId(d.getDevice().getId()).build());

    StatusRuntimeException e = TestServer.failure(() -> enrol(d.getEnrollmentToken()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(e.getStatus().getDescription()).contains("not valid");
    assertThat(state(d.getDevice().getId())).isEqualTo("REVOKED");
  }

  /**
   * The revocation commits while the enrolment is between finding the token and spending it: the
   * test holds the device row with its revocation uncommitted until the enrolment waits for it.
   */
  @Test
  void anEnrolmentOvertakenByARevocationLeavesTheDeviceRevoked() throws Exception {
    CreateDeviceResponse d = device("revoked-during-enrol");
    UUID id = UUID.fromString(d.getDevice().getId());
    CompletableFuture<Status.Code> enrolment;
    try (Connection c = TestPlatform.get().database().ownerDataSource().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE device SET state = 'REVOKED', secret_hash = NULL,"
                  + " enrollment_token_hash = NULL WHERE id = ?")) {
        ps.setObject(1, id);
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
      enrolment = CompletableFuture.supplyAsync(() -> codeOf(() -> enrol(d.getEnrollmentToken())));
      awaitLockWaiters(c, 1, List.of(enrolment));
      c.commit();
    }
    assertThat(enrolment.get(30, TimeUnit.SECONDS)).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(state(d.getDevice().getId())).isEqualTo("REVOKED");
  }

  /**
   * Until {@code n} other sessions wait for a lock this transaction holds, or an enrolment ended
   * without waiting.
   */
  private static void awaitLockWaiters(Connection c, int n, List<? extends Future<?>> enrolments)
      throws Exception {
    Instant guard = Instant.now().plus(Duration.ofSeconds(20));
    try (Statement st = c.createStatement()) {
      while (enrolments.stream().noneMatch(Future::isDone)) {
        // The first waiter waits for this transaction, the others queue on the row behind it.
        try (ResultSet rs =
            st.executeQuery(
                "SELECT count(*) FROM pg_locks WHERE NOT granted"
                    + " AND locktype IN ('transactionid', 'tuple')")) {
          rs.next();
          if (rs.getLong(1) >= n) {
            return;
          }
        }
        if (Instant.now().isAfter(guard)) {
          throw new AssertionError("the enrolments never reached the device row");
        }
        Thread.sleep(10);
      }
    }
  }
}
