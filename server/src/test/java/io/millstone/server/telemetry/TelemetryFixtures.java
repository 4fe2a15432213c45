package io.millstone.server.telemetry;

import io.grpc.Channel;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.telemetry.v1.CreateDeviceRequest;
import io.millstone.api.telemetry.v1.CreateMachineRequest;
import io.millstone.api.telemetry.v1.DefineTagRequest;
import io.millstone.api.telemetry.v1.DeviceServiceGrpc;
import io.millstone.api.telemetry.v1.EnrollRequest;
import io.millstone.api.telemetry.v1.EnrollResponse;
import io.millstone.api.telemetry.v1.EnrollmentServiceGrpc;
import io.millstone.api.telemetry.v1.Machine;
import io.millstone.api.telemetry.v1.MachineServiceGrpc;
import io.millstone.api.telemetry.v1.ValueType;
import io.millstone.server.TestServer;
import java.time.Instant;
import java.util.List;

/** A mill with one machine, two tags and an enrolled agent, set up as an engineer would. */
public final class TelemetryFixtures {
  public final MachineServiceGrpc.MachineServiceBlockingStub machines;
  public final DeviceServiceGrpc.DeviceServiceBlockingStub devices;
  private final Channel channel;

  public TelemetryFixtures(Channel ch, String adminToken) {
    this.channel = ch;
    machines = TestServer.withToken(adminToken, MachineServiceGrpc.newBlockingStub(ch));
    devices = TestServer.withToken(adminToken, DeviceServiceGrpc.newBlockingStub(ch));
  }

  public Machine mill(String code) {
    Machine m =
        machines.createMachine(
            CreateMachineRequest.newBuilder()
                .setCode(code)
                .setName("Mill " + code)
                .setArea("Mill tandem 1")
                .build());
    machines.defineTag(
        DefineTagRequest.newBuilder()
            .setMachineId(m.getId())
            .setKey(code.toLowerCase() + ".speed")
            .setName("Mill speed")
            .setUnit("rpm")
            .setValueType(ValueType.VALUE_TYPE_NUMBER)
            .setAlarmHigh(Decimal.newBuilder().setValue("8"))
            .build());
    machines.defineTag(
        DefineTagRequest.newBuilder()
            .setMachineId(m.getId())
            .setKey(code.toLowerCase() + ".running")
            .setName("Running")
            .setValueType(ValueType.VALUE_TYPE_BOOLEAN)
            .setIsRunState(true)
            .build());
    return m;
  }

  public EnrollResponse enrolledDevice(String name) {
    String token =
        devices
            .createDevice(CreateDeviceRequest.newBuilder().setName(name).build())
            .getEnrollmentToken();
    return EnrollmentServiceGrpc.newBlockingStub(channel)
        .enroll(
            EnrollRequest.newBuilder().setEnrollmentToken(token).setAgentVersion("test").build());
  }

  /**
   * Streams readings that raise an alarm and start a stop, and one for an unknown tag, so every
   * telemetry table has rows.
   */
  public void someReadings(String code, EnrollResponse device) throws InterruptedException {
    try (Uplink up = new Uplink(channel, device.getDeviceId(), device.getDeviceSecret())) {
      long mark = up.hello();
      Instant now = Instant.now();
      up.send(
          List.of(
              Uplink.reading(mark + 1, code.toLowerCase() + ".speed", now, "9.5"),
              Uplink.reading(mark + 2, code.toLowerCase() + ".running", now, "false"),
              Uplink.reading(mark + 3, "no.such.tag", now, "1")));
    }
  }

  /**
   * Makes the machine take part in OEE (a cane counter, 150 t an hour) and streams two minutes of
   * it running, ending a minute before now: a row in every OEE table.
   */
  public void rolledUp(String code, EnrollResponse device, String token)
      throws InterruptedException {
    String k = code.toLowerCase();
    Machine m =
        machines
            .listMachines(io.millstone.api.telemetry.v1.ListMachinesRequest.getDefaultInstance())
            .getMachinesList()
            .stream()
            .filter(x -> x.getCode().equals(code))
            .findFirst()
            .orElseThrow();
    machines.defineTag(
        DefineTagRequest.newBuilder()
            .setMachineId(m.getId())
            .setKey(k + ".cane")
            .setName("Cane crushed")
            .setUnit("t")
            .setValueType(ValueType.VALUE_TYPE_COUNTER)
            .build());
    TestServer.withToken(
            token, io.millstone.api.production.v1.OeeServiceGrpc.newBlockingStub(channel))
        .setMachineOee(
            io.millstone.api.production.v1.SetMachineOeeRequest.newBuilder()
                .setMachineCode(code)
                .setIdealRatePerHour(Decimal.newBuilder().setValue("150"))
                .setRateUnit("t")
                .setProducedTagKey(k + ".cane")
                .build());
    try (Uplink up = new Uplink(channel, device.getDeviceId(), device.getDeviceSecret())) {
      long mark = up.hello();
      Instant start = Instant.now().minusSeconds(180);
      up.send(
          List.of(
              Uplink.reading(mark + 1, k + ".running", start, "true"),
              Uplink.reading(mark + 2, k + ".cane", start, "0"),
              Uplink.reading(mark + 3, k + ".running", start.plusSeconds(120), "true"),
              Uplink.reading(mark + 4, k + ".cane", start.plusSeconds(120), "5")));
    }
  }
}
