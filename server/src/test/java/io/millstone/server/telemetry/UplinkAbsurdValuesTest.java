package io.millstone.server.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.telemetry.v1.Ack;
import io.millstone.api.telemetry.v1.EnrollResponse;
import io.millstone.api.telemetry.v1.ListQuarantineRequest;
import io.millstone.server.TestServer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A reading whose value has an absurd exponent is quarantined with a reason at once; it neither
 * holds nor ends the device's stream, and other devices stream on.
 */
class UplinkAbsurdValuesTest {
  static TestServer t;
  static TelemetryFixtures mill;
  static TelemetryFixtures otherMill;

  @BeforeAll
  static void start() {
    t = new TestServer();
    UUID a = t.createCompany("Exponent Mill").id();
    mill =
        new TelemetryFixtures(
            t.channel(),
            t.login(t.createUser(a, t.unique("exp.admin"), "admin"), TestServer.PASSWORD)
                .getSessionToken());
    UUID b = t.createCompany("Neighbour Mill").id();
    otherMill =
        new TelemetryFixtures(
            t.channel(),
            t.login(t.createUser(b, t.unique("exp.other"), "admin"), TestServer.PASSWORD)
                .getSessionToken());
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @Test
  void readingsWithAbsurdExponentsAreQuarantinedAndTheStreamGoesOn() throws Exception {
    mill.mill("E1");
    otherMill.mill("N1");
    EnrollResponse dev = mill.enrolledDevice("exp-pc");
    EnrollResponse neighbour = otherMill.enrolledDevice("neighbour-pc");
    Instant now = Instant.now();
    try (Uplink up = new Uplink(t.channel(), dev.getDeviceId(), dev.getDeviceSecret());
        Uplink next =
            new Uplink(t.channel(), neighbour.getDeviceId(), neighbour.getDeviceSecret())) {
      up.hello();
      next.hello();
      up.sendOnly(
          List.of(
              Uplink.reading(1, "e1.speed", now, "5.5"),
              Uplink.reading(2, "e1.speed", now, "1E-30000000"),
              Uplink.reading(3, "e1.speed", now, "7e+2147483647"),
              Uplink.reading(4, "e1.speed", now, "-1E+2147483647"),
              Uplink.reading(5, "e1.speed", now, "6.5")));
      // Another company's device streams while that batch is being handled.
      assertThat(
              next.send(List.of(Uplink.reading(1, "n1.speed", now, "4.0"))).getAck().getAccepted())
          .isEqualTo(1);

      Ack ack = up.next().getAck();
      assertThat(ack.getAckedSeq()).isEqualTo(5);
      assertThat(ack.getAccepted()).isEqualTo(2);
      assertThat(ack.getRejectedList())
          .extracting(r -> r.getSeq() + ": " + r.getReason())
          .satisfiesExactly(
              r -> assertThat(r).startsWith("2: '1E-30000000' has an exponent too small"),
              r -> assertThat(r).startsWith("3: '7e+2147483647' is too large for a reading"),
              r -> assertThat(r).startsWith("4: '-1E+2147483647' is too large for a reading"));

      assertThat(
              up.send(List.of(Uplink.reading(6, "e1.speed", now.plusMillis(1), "7.0")))
                  .getAck()
                  .getAccepted())
          .as("the same device's next batch is stored")
          .isEqualTo(1);
    }
    assertThat(UplinkTest.storedReadings(dev.getDeviceId())).isEqualTo(3);
    assertThat(UplinkTest.storedReadings(neighbour.getDeviceId())).isEqualTo(1);
    assertThat(
            mill.devices
                .listQuarantine(
                    ListQuarantineRequest.newBuilder().setDeviceId(dev.getDeviceId()).build())
                .getReadingsList())
        .extracting(q -> q.getValue() + " " + q.getReason())
        .containsExactlyInAnyOrder(
            "1E-30000000 '1E-30000000' has an exponent too small for a reading (kept to 6"
                + " decimals); send the value without an exponent",
            "7e+2147483647 '7e+2147483647' is too large for a reading (at most 24 digits)",
            "-1E+2147483647 '-1E+2147483647' is too large for a reading (at most 24 digits)");
  }
}
