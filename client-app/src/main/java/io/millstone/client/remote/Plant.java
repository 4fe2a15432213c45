package io.millstone.client.remote;

import io.millstone.api.common.v1.Decimal;
import io.millstone.api.common.v1.IdempotencyKey;
import io.millstone.api.common.v1.PageRequest;
import io.millstone.api.production.v1.MachineOee;
import io.millstone.api.production.v1.OeeServiceGrpc;
import io.millstone.api.production.v1.SetMachineOeeRequest;
import io.millstone.api.telemetry.v1.CreateDeviceRequest;
import io.millstone.api.telemetry.v1.CreateDeviceResponse;
import io.millstone.api.telemetry.v1.CreateMachineRequest;
import io.millstone.api.telemetry.v1.DefineTagRequest;
import io.millstone.api.telemetry.v1.Device;
import io.millstone.api.telemetry.v1.DeviceServiceGrpc;
import io.millstone.api.telemetry.v1.ListDevicesRequest;
import io.millstone.api.telemetry.v1.ListQuarantineRequest;
import io.millstone.api.telemetry.v1.Machine;
import io.millstone.api.telemetry.v1.MachineServiceGrpc;
import io.millstone.api.telemetry.v1.QuarantinedReading;
import io.millstone.api.telemetry.v1.RevokeDeviceRequest;
import io.millstone.api.telemetry.v1.Tag;
import io.millstone.client.telemetry.PlantGateway;
import java.util.List;

/** The plant's administration on the server (MachineService, DeviceService, OeeService). */
public final class Plant implements PlantGateway {
  private static final int QUARANTINE_ROWS = 500;
  private final Session session;
  private final Telemetry telemetry;

  public Plant(Session session) {
    this.session = session;
    this.telemetry = new Telemetry(session);
  }

  private MachineServiceGrpc.MachineServiceBlockingStub machinesStub() {
    return session.stub(MachineServiceGrpc.newBlockingStub(session.connection().channel()));
  }

  private DeviceServiceGrpc.DeviceServiceBlockingStub devicesStub() {
    return session.stub(DeviceServiceGrpc.newBlockingStub(session.connection().channel()));
  }

  private static String trim(String s) {
    return s == null ? "" : s.trim();
  }

  private static Decimal decimal(String s) {
    return Decimal.newBuilder().setValue(trim(s)).build();
  }

  @Override
  public List<Machine> machines() throws RemoteException {
    return telemetry.machines();
  }

  @Override
  public Machine createMachine(String code, String name, String area, String idempotencyKey)
      throws RemoteException {
    CreateMachineRequest r =
        CreateMachineRequest.newBuilder()
            .setIdempotencyKey(IdempotencyKey.newBuilder().setValue(idempotencyKey))
            .setCode(trim(code))
            .setName(trim(name))
            .setArea(trim(area))
            .build();
    return Calls.call(() -> machinesStub().createMachine(r));
  }

  @Override
  public Tag defineTag(TagDraft d) throws RemoteException {
    DefineTagRequest r =
        DefineTagRequest.newBuilder()
            .setMachineId(trim(d.machineId()))
            .setKey(trim(d.key()))
            .setName(trim(d.name()))
            .setUnit(trim(d.unit()))
            .setValueType(d.valueType())
            .setExpectedMin(decimal(d.expectedMin()))
            .setExpectedMax(decimal(d.expectedMax()))
            .setAlarmLow(decimal(d.alarmLow()))
            .setAlarmHigh(decimal(d.alarmHigh()))
            .setHysteresis(decimal(d.hysteresis()))
            .setIsRunState(d.runState())
            .build();
    return Calls.call(() -> machinesStub().defineTag(r));
  }

  @Override
  public MachineOee setMachineOee(OeeDraft d) throws RemoteException {
    SetMachineOeeRequest r =
        SetMachineOeeRequest.newBuilder()
            .setMachineCode(trim(d.machineCode()))
            .setIdealRatePerHour(decimal(d.idealRatePerHour()))
            .setRateUnit(trim(d.rateUnit()))
            .setProducedTagKey(trim(d.producedTagKey()))
            .setRejectedTagKey(trim(d.rejectedTagKey()))
            .build();
    return Calls.call(
        () ->
            session
                .stub(OeeServiceGrpc.newBlockingStub(session.connection().channel()))
                .setMachineOee(r));
  }

  @Override
  public List<Device> devices() throws RemoteException {
    return Calls.call(() -> devicesStub().listDevices(ListDevicesRequest.getDefaultInstance()))
        .getDevicesList();
  }

  @Override
  public CreateDeviceResponse createDevice(String name, String idempotencyKey)
      throws RemoteException {
    CreateDeviceRequest r =
        CreateDeviceRequest.newBuilder()
            .setIdempotencyKey(IdempotencyKey.newBuilder().setValue(idempotencyKey))
            .setName(trim(name))
            .build();
    return Calls.call(() -> devicesStub().createDevice(r));
  }

  @Override
  public Device revokeDevice(String id) throws RemoteException {
    return Calls.call(
        () -> devicesStub().revokeDevice(RevokeDeviceRequest.newBuilder().setId(id).build()));
  }

  @Override
  public List<QuarantinedReading> quarantine(String deviceId) throws RemoteException {
    ListQuarantineRequest r =
        ListQuarantineRequest.newBuilder()
            .setDeviceId(trim(deviceId))
            .setPage(PageRequest.newBuilder().setPageSize(QUARANTINE_ROWS))
            .build();
    return Calls.call(() -> devicesStub().listQuarantine(r)).getReadingsList();
  }
}
