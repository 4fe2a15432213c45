package io.millstone.server.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.telemetry.v1.Alarm;
import io.millstone.api.telemetry.v1.CreateDeviceRequest;
import io.millstone.api.telemetry.v1.CreateDeviceResponse;
import io.millstone.api.telemetry.v1.DefineTagRequest;
import io.millstone.api.telemetry.v1.EnrollResponse;
import io.millstone.api.telemetry.v1.ListAlarmsRequest;
import io.millstone.api.telemetry.v1.ListDevicesRequest;
import io.millstone.api.telemetry.v1.ListMachinesRequest;
import io.millstone.api.telemetry.v1.ListQuarantineRequest;
import io.millstone.api.telemetry.v1.Machine;
import io.millstone.api.telemetry.v1.MonitorServiceGrpc;
import io.millstone.api.telemetry.v1.RevokeDeviceRequest;
import io.millstone.api.telemetry.v1.Tag;
import io.millstone.api.telemetry.v1.ValueType;
import io.millstone.server.TestServer;
import io.millstone.server.identity.BadRequests;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An engineer administers the plant from the client: machines and tags whose changed alarm limits
 * hold from the next reading, floor PCs whose token is shown once, and one mill's plant invisible
 * to another's.
 */
class PlantAdminTest {
  static TestServer t;
  static TelemetryFixtures mill;
  static TelemetryFixtures other;
  static MonitorServiceGrpc.MonitorServiceBlockingStub monitor;

  @BeforeAll
  static void start() {
    t = new TestServer();
    UUID a = t.createCompany("Plant Mill").id();
    UUID b = t.createCompany("Other Plant Mill").id();
    String token =
        t.login(t.createUser(a, t.unique("plant.eng"), "engineer"), TestServer.PASSWORD)
            .getSessionToken();
    mill = new TelemetryFixtures(t.channel(), token);
    monitor = TestServer.withToken(token, MonitorServiceGrpc.newBlockingStub(t.channel()));
    other =
        new TelemetryFixtures(
            t.channel(),
            t.login(t.createUser(b, t.unique("other.eng"), "engineer"), TestServer.PASSWORD)
                .getSessionToken());
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  private static Decimal d(String v) {
    return Decimal.newBuilder().setValue(v).build();
  }

  private static List<Alarm> alarmsOf(String key) {
    return monitor.listAlarms(ListAlarmsRequest.getDefaultInstance()).getAlarmsList().stream()
        .filter(a -> a.getTagKey().equals(key))
        .toList();
  }

  @Test
  void anAlarmLimitSetOnAnExistingTagRaisesAnAlarmOnTheNextReadingAndEndsWhenTakenAway()
      throws Exception {
    Machine boiler =
        mill.machines.createMachine(
            io.millstone.api.telemetry.v1.CreateMachineRequest.newBuilder()
                .setCode("BOILER-7")
                .setName("Boiler No. 7")
                .setArea("Boiler house")
                .build());
    DefineTagRequest pressure =
        DefineTagRequest.newBuilder()
            .setMachineId(boiler.getId())
            .setKey("boiler7.pressure")
            .setName("Drum pressure")
            .setUnit("bar")
            .setValueType(ValueType.VALUE_TYPE_NUMBER)
            .setExpectedMin(d("0"))
            .setExpectedMax(d("60"))
            .build();
    mill.machines.defineTag(pressure);
    EnrollResponse pc = mill.enrolledDevice("boiler7-pc");
    Instant start = Instant.now().minusSeconds(60);
    stream(pc, "boiler7.pressure", start, "50");
    assertThat(alarmsOf("boiler7.pressure")).isEmpty();

    Tag changed =
        mill.machines.defineTag(
            pressure.toBuilder().setAlarmHigh(d("45")).setHysteresis(d("1")).build());
    assertThat(changed.getAlarmHigh().getValue()).isEqualTo("45");
    stream(pc, "boiler7.pressure", start.plusSeconds(10), "50");

    assertThat(alarmsOf("boiler7.pressure"))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getKind()).isEqualTo("HIGH");
              assertThat(a.getLimit().getValue()).isEqualTo("45");
              assertThat(a.getStartValue().getValue()).isEqualTo("50");
              assertThat(a.hasEndedAt()).isFalse();
            });
    // Taking the limit away ends the open alarm: no reading could end it any more.
    mill.machines.defineTag(pressure);
    assertThat(alarmsOf("boiler7.pressure"))
        .singleElement()
        .satisfies(a -> assertThat(a.hasEndedAt()).isTrue());
    mill.machines.defineTag(pressure.toBuilder().setAlarmHigh(d("45")).build());
    // The list shows the tag as changed, with its range kept.
    Tag listed =
        mill.machines
            .listMachines(ListMachinesRequest.newBuilder().setFilter("code: BOILER-7").build())
            .getMachines(0)
            .getTags(0);
    assertThat(listed.getAlarmHigh().getValue()).isEqualTo("45");
    assertThat(listed.getExpectedMax().getValue()).isEqualTo("60");
  }

  @Test
  void aFloorPcsEnrolmentTokenIsInTheCreateAnswerOnlyNeverInTheList() {
    CreateDeviceResponse created =
        mill.devices.createDevice(CreateDeviceRequest.newBuilder().setName("lab-pc").build());
    String token = created.getEnrollmentToken();
    assertThat(token).hasSizeGreaterThan(20);
    assertThat(created.getDevice().getState()).isEqualTo("ENROLLMENT_PENDING");

    var listed = mill.devices.listDevices(ListDevicesRequest.getDefaultInstance());
    assertThat(listed.getDevicesList())
        .anySatisfy(d -> assertThat(d.getName()).isEqualTo("lab-pc"));
    assertThat(listed.toByteString().toString(StandardCharsets.ISO_8859_1)).doesNotContain(token);
  }

  @Test
  void badInputIsRefusedFieldByFieldAndNothingIsSaved() {
    Machine m = mill.mill("BAD1");
    StatusRuntimeException upsideDown =
        catchStatus(
            () ->
                mill.machines.defineTag(
                    DefineTagRequest.newBuilder()
                        .setMachineId(m.getId())
                        .setKey("bad1.temp")
                        .setName("Juice temperature")
                        .setValueType(ValueType.VALUE_TYPE_NUMBER)
                        .setAlarmLow(d("90"))
                        .setAlarmHigh(d("80"))
                        .setExpectedMin(d("abc"))
                        .build()));
    assertThat(upsideDown.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(BadRequests.fields(upsideDown)).contains("alarm_high", "expected_min");
    assertThat(
            mill.machines
                .listMachines(ListMachinesRequest.newBuilder().setFilter("code: BAD1").build())
                .getMachines(0)
                .getTagsList())
        .extracting(Tag::getKey)
        .doesNotContain("bad1.temp");

    StatusRuntimeException noName =
        catchStatus(
            () -> mill.devices.createDevice(CreateDeviceRequest.newBuilder().setName(" ").build()));
    assertThat(BadRequests.fields(noName)).containsExactly("name");
    StatusRuntimeException notAnId =
        catchStatus(
            () ->
                mill.devices.revokeDevice(RevokeDeviceRequest.newBuilder().setId("pc-7").build()));
    assertThat(BadRequests.fields(notAnId)).containsExactly("id");
    StatusRuntimeException badFilter =
        catchStatus(
            () ->
                mill.devices.listQuarantine(
                    ListQuarantineRequest.newBuilder().setDeviceId("pc-7").build()));
    assertThat(BadRequests.fields(badFilter)).containsExactly("device_id");
  }

  @Test
  void anotherMillsMachinesFloorPcsAndQuarantineAreNeitherSeenNorChanged() throws Exception {
    Machine m = mill.mill("ISO1");
    EnrollResponse pc = mill.enrolledDevice("iso-pc");
    mill.someReadings("ISO1", pc);
    assertThat(
            mill.devices
                .listQuarantine(
                    ListQuarantineRequest.newBuilder().setDeviceId(pc.getDeviceId()).build())
                .getReadingsList())
        .isNotEmpty();

    assertThat(
            other.machines.listMachines(ListMachinesRequest.getDefaultInstance()).getMachinesList())
        .extracting(Machine::getCode)
        .doesNotContain("ISO1");
    assertThat(other.devices.listDevices(ListDevicesRequest.getDefaultInstance()).getDevicesList())
        .extracting(io.millstone.api.telemetry.v1.Device::getName)
        .doesNotContain("iso-pc");
    assertThat(
            other
                .devices
                .listQuarantine(
                    ListQuarantineRequest.newBuilder().setDeviceId(pc.getDeviceId()).build())
                .getReadingsList())
        .isEmpty();
    assertThat(
            catchStatus(
                    () ->
                        other.devices.revokeDevice(
                            RevokeDeviceRequest.newBuilder().setId(pc.getDeviceId()).build()))
                .getStatus()
                .getCode())
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(
            catchStatus(
                    () ->
                        other.machines.defineTag(
                            DefineTagRequest.newBuilder()
                                .setMachineId(m.getId())
                                .setKey("iso1.speed")
                                .setName("Taken over")
                                .setValueType(ValueType.VALUE_TYPE_NUMBER)
                                .setAlarmHigh(d("1"))
                                .build()))
                .getStatus()
                .getCode())
        .isEqualTo(Status.Code.NOT_FOUND);
    // The mill's own PC is still active and its tag unchanged.
    assertThat(mill.devices.listDevices(ListDevicesRequest.getDefaultInstance()).getDevicesList())
        .filteredOn(d -> d.getName().equals("iso-pc"))
        .singleElement()
        .satisfies(d -> assertThat(d.getState()).isEqualTo("ACTIVE"));
    assertThat(
            mill.machines
                .listMachines(ListMachinesRequest.newBuilder().setFilter("code: ISO1").build())
                .getMachines(0)
                .getTagsList())
        .filteredOn(tag -> tag.getKey().equals("iso1.speed"))
        .singleElement()
        .satisfies(tag -> assertThat(tag.getAlarmHigh().getValue()).isEqualTo("8"));
  }

  /** Sends one reading from the PC and waits for the server's ack (it is then committed). */
  private static void stream(EnrollResponse pc, String tag, Instant at, String value)
      throws InterruptedException {
    try (Uplink up = new Uplink(t.channel(), pc.getDeviceId(), pc.getDeviceSecret())) {
      long mark = up.hello();
      up.send(List.of(Uplink.reading(mark + 1, tag, at, value)));
    }
  }

  private static StatusRuntimeException catchStatus(Runnable call) {
    try {
      call.run();
    } catch (StatusRuntimeException e) {
      return e;
    }
    throw new AssertionError("the call was not refused");
  }
}
