package io.millstone.server.telemetry;

import static io.millstone.server.TestServer.codeOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.millstone.api.identity.v1.AuthServiceGrpc;
import io.millstone.api.identity.v1.WhoAmIRequest;
import io.millstone.api.telemetry.v1.Ack;
import io.millstone.api.telemetry.v1.EnrollRequest;
import io.millstone.api.telemetry.v1.EnrollResponse;
import io.millstone.api.telemetry.v1.EnrollmentServiceGrpc;
import io.millstone.api.telemetry.v1.ListQuarantineRequest;
import io.millstone.api.telemetry.v1.Reading;
import io.millstone.api.telemetry.v1.RevokeDeviceRequest;
import io.millstone.server.TestPlatform;
import io.millstone.server.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An agent enrols and streams readings; every reading lands once, bad ones are kept aside. */
class UplinkTest {
  static TestServer t;
  static TelemetryFixtures admin;
  static String adminToken;

  @BeforeAll
  static void start() {
    t = new TestServer();
    UUID mill = t.createCompany("Telemetry Mill").id();
    adminToken =
        t.login(t.createUser(mill, t.unique("tel.admin"), "admin"), TestServer.PASSWORD)
            .getSessionToken();
    admin = new TelemetryFixtures(t.channel(), adminToken);
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static long storedReadings(String deviceId) throws Exception {
    try (Connection c = TestPlatform.get().database().ownerDataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*), count(DISTINCT seq) FROM reading WHERE device_id = ?")) {
      ps.setObject(1, UUID.fromString(deviceId));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).as("no reading stored twice").isEqualTo(rs.getLong(2));
        return rs.getLong(1);
      }
    }
  }

  static List<Reading> readings(long from, int n, String tag) {
    List<Reading> out = new ArrayList<>();
    Instant now = Instant.now();
    for (int i = 0; i < n; i++) {
      out.add(
          Uplink.reading(
              from + i, tag, now.minusMillis(n - i), String.valueOf(4 + (i % 30) / 10.0)));
    }
    return out;
  }

  @Test
  void readingsAreStoredOnceEvenWhenABatchIsSentAgainAfterALostAck() throws Exception {
    admin.mill("M1");
    EnrollResponse dev = admin.enrolledDevice("floor-pc-1");
    try (Uplink up = new Uplink(t.channel(), dev.getDeviceId(), dev.getDeviceSecret())) {
      assertThat(up.hello()).isZero();

      Ack first = up.send(readings(1, 500, "m1.speed")).getAck();
      assertThat(first.getAckedSeq()).isEqualTo(500);
      assertThat(first.getAccepted()).isEqualTo(500);

      Ack again = up.send(readings(1, 500, "m1.speed")).getAck();
      assertThat(again.getAckedSeq()).isEqualTo(500);
      assertThat(again.getAccepted()).isZero();

      Ack overlap = up.send(readings(401, 200, "m1.speed")).getAck();
      assertThat(overlap.getAckedSeq()).isEqualTo(600);
      assertThat(overlap.getAccepted()).isEqualTo(100);
    }
    assertThat(storedReadings(dev.getDeviceId())).isEqualTo(600);
    try (Uplink again = new Uplink(t.channel(), dev.getDeviceId(), dev.getDeviceSecret())) {
      assertThat(again.hello()).as("a reconnecting agent resumes after the mark").isEqualTo(600);
    }
  }

  @Test
  void badReadingsAreAckedAsRejectedKeptInQuarantineAndTheRestIsStored() throws Exception {
    admin.mill("M2");
    EnrollResponse dev = admin.enrolledDevice("floor-pc-2");
    Instant now = Instant.now();
    try (Uplink up = new Uplink(t.channel(), dev.getDeviceId(), dev.getDeviceSecret())) {
      up.hello();
      Ack ack =
          up.send(
                  List.of(
                      Uplink.reading(1, "m2.speed", now, "5.5"),
                      Uplink.reading(2, "m2.torque", now, "12"),
                      Uplink.reading(3, "m2.speed", now, "fast"),
                      Uplink.reading(4, "m2.speed", now.plus(Duration.ofDays(3)), "5.0"),
                      Uplink.reading(5, "m2.running", now, "maybe"),
                      Uplink.reading(6, "m2.running", now, "true")))
              .getAck();

      assertThat(ack.getAckedSeq()).isEqualTo(6);
      assertThat(ack.getAccepted()).isEqualTo(2);
      assertThat(ack.getRejectedList())
          .extracting(r -> r.getSeq() + ": " + r.getReason())
          .satisfiesExactly(
              r -> assertThat(r).startsWith("2: unknown tag 'm2.torque'"),
              r -> assertThat(r).startsWith("3: 'fast' is not a number"),
              r -> assertThat(r).startsWith("4: ").contains("in the future"),
              r -> assertThat(r).startsWith("5: 'maybe' is not true or false"));
    }
    assertThat(storedReadings(dev.getDeviceId())).isEqualTo(2);
    assertThat(
            admin
                .devices
                .listQuarantine(
                    ListQuarantineRequest.newBuilder().setDeviceId(dev.getDeviceId()).build())
                .getReadingsList())
        .hasSize(4)
        .anySatisfy(q -> assertThat(q.getTagKey()).isEqualTo("m2.torque"));
  }

  @Test
  void anotherCompanysTagsAnAncientReadingAndAnOversizeBatchAreRefusedAndNothingElseIsLost()
      throws Exception {
    // Another company has a machine whose tag this device might name.
    UUID other = t.createCompany("Other Mill").id();
    String otherAdmin =
        t.login(t.createUser(other, t.unique("tel.other"), "admin"), TestServer.PASSWORD)
            .getSessionToken();
    new TelemetryFixtures(t.channel(), otherAdmin).mill("OX");
    admin.mill("M5");
    EnrollResponse dev = admin.enrolledDevice("floor-pc-5");
    Instant now = Instant.now();
    try (Uplink up = new Uplink(t.channel(), dev.getDeviceId(), dev.getDeviceSecret())) {
      up.hello();
      Ack ack =
          up.send(
                  List.of(
                      Uplink.reading(1, "m5.speed", now, "4.5"),
                      Uplink.reading(2, "ox.speed", now, "4.5"),
                      Uplink.reading(3, "m5.speed", Instant.parse("1970-01-01T00:00:00Z"), "4")))
              .getAck();
      assertThat(ack.getAccepted()).isEqualTo(1);
      assertThat(ack.getRejectedList())
          .extracting(r -> r.getSeq() + ": " + r.getReason())
          .satisfiesExactly(
              r -> assertThat(r).startsWith("2: unknown tag 'ox.speed'"),
              r -> assertThat(r).startsWith("3: "));
      // A batch above the limit ends the stream with a status that says what to do.
      up.sendOnly(readings(4, ReadingIngest.MAX_BATCH + 1, "m5.speed"));
      Status closed = up.closed.get(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(closed.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(closed.getDescription()).contains("send at most " + ReadingIngest.MAX_BATCH);
    }
    assertThat(storedReadings(dev.getDeviceId())).as("the accepted reading is kept").isEqualTo(1);
    try (Uplink again = new Uplink(t.channel(), dev.getDeviceId(), dev.getDeviceSecret())) {
      assertThat(again.hello()).as("the agent resumes after what was committed").isEqualTo(3);
      assertThat(again.send(readings(4, 100, "m5.speed")).getAck().getAccepted()).isEqualTo(100);
    }
    assertThat(storedReadings(dev.getDeviceId())).isEqualTo(101);
  }

  @Test
  void anEnrolmentTokenWorksOnceAndAWrongSecretIsRefused() throws Exception {
    String token =
        admin
            .devices
            .createDevice(
                io.millstone.api.telemetry.v1.CreateDeviceRequest.newBuilder()
                    .setName("once")
                    .build())
            .getEnrollmentToken();
    var enroll = EnrollmentServiceGrpc.newBlockingStub(t.channel());
    EnrollResponse dev =
        enroll.enroll(EnrollRequest.newBuilder().setEnrollmentToken(token).build());
    assertThat(
            codeOf(
                () -> enroll.enroll(EnrollRequest.newBuilder().setEnrollmentToken(token).build())))
        .isEqualTo(Status.Code.UNAUTHENTICATED);

    try (Uplink wrong = new Uplink(t.channel(), dev.getDeviceId(), "not-the-secret")) {
      assertThat(wrong.closed.get(10, TimeUnit.SECONDS).getCode())
          .isEqualTo(Status.Code.UNAUTHENTICATED);
    }
  }

  @Test
  void aDeviceCanOnlyStreamAndPeopleCannotStream() throws Exception {
    EnrollResponse dev = admin.enrolledDevice("narrow");
    var asDevice =
        AuthServiceGrpc.newBlockingStub(t.channel())
            .withInterceptors(
                io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(deviceHeader(dev)));
    assertThat(codeOf(() -> asDevice.whoAmI(WhoAmIRequest.getDefaultInstance())))
        .isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(
            codeOf(
                () ->
                    io.millstone.api.telemetry.v1.DeviceServiceGrpc.newBlockingStub(t.channel())
                        .withInterceptors(
                            io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(
                                deviceHeader(dev)))
                        .listDevices(
                            io.millstone.api.telemetry.v1.ListDevicesRequest.getDefaultInstance())))
        .isEqualTo(Status.Code.PERMISSION_DENIED);

    io.grpc.Metadata person = new io.grpc.Metadata();
    person.put(
        io.grpc.Metadata.Key.of("authorization", io.grpc.Metadata.ASCII_STRING_MARSHALLER),
        "Bearer " + adminToken);
    var queue = new java.util.concurrent.LinkedBlockingQueue<Status>();
    var stream =
        io.millstone.api.telemetry.v1.UplinkServiceGrpc.newStub(t.channel())
            .withInterceptors(io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(person))
            .stream(
                new io.grpc.stub.StreamObserver<>() {
                  @Override
                  public void onNext(io.millstone.api.telemetry.v1.DownlinkMessage m) {}

                  @Override
                  public void onError(Throwable e) {
                    queue.add(Status.fromThrowable(e));
                  }

                  @Override
                  public void onCompleted() {
                    queue.add(Status.OK);
                  }
                });
    assertThat(queue.poll(10, TimeUnit.SECONDS).getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    stream.onCompleted();
  }

  @Test
  void aRevokedDeviceIsCutOffAndCannotReconnect() throws Exception {
    admin.mill("M3");
    EnrollResponse dev = admin.enrolledDevice("to-revoke");
    try (Uplink up = new Uplink(t.channel(), dev.getDeviceId(), dev.getDeviceSecret())) {
      up.hello();
      up.send(readings(1, 10, "m3.speed"));
      admin.devices.revokeDevice(RevokeDeviceRequest.newBuilder().setId(dev.getDeviceId()).build());
      up.sendOnly(readings(11, 10, "m3.speed"));
      assertThat(up.closed.get(10, TimeUnit.SECONDS).getCode())
          .isEqualTo(Status.Code.UNAUTHENTICATED);
    }
    assertThat(storedReadings(dev.getDeviceId())).isEqualTo(10);
    try (Uplink again = new Uplink(t.channel(), dev.getDeviceId(), dev.getDeviceSecret())) {
      assertThat(again.closed.get(10, TimeUnit.SECONDS).getCode())
          .isEqualTo(Status.Code.UNAUTHENTICATED);
    }
  }

  private static io.grpc.Metadata deviceHeader(EnrollResponse dev) {
    io.grpc.Metadata md = new io.grpc.Metadata();
    md.put(
        io.grpc.Metadata.Key.of("authorization", io.grpc.Metadata.ASCII_STRING_MARSHALLER),
        "Device " + dev.getDeviceId() + "." + dev.getDeviceSecret());
    return md;
  }
}
