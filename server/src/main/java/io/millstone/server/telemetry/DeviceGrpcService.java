package io.millstone.server.telemetry;

import io.grpc.stub.StreamObserver;
import io.millstone.api.common.v1.PageResponse;
import io.millstone.api.telemetry.v1.CreateDeviceRequest;
import io.millstone.api.telemetry.v1.CreateDeviceResponse;
import io.millstone.api.telemetry.v1.Device;
import io.millstone.api.telemetry.v1.DeviceServiceGrpc;
import io.millstone.api.telemetry.v1.ListDevicesRequest;
import io.millstone.api.telemetry.v1.ListDevicesResponse;
import io.millstone.api.telemetry.v1.ListQuarantineRequest;
import io.millstone.api.telemetry.v1.ListQuarantineResponse;
import io.millstone.api.telemetry.v1.QuarantinedReading;
import io.millstone.api.telemetry.v1.RevokeDeviceRequest;
import io.millstone.server.gateway.GatewayContext;
import io.millstone.server.gateway.ProtoValues;

/** Adapter from the DeviceService contract to {@link DeviceAdmin}. */
public final class DeviceGrpcService extends DeviceServiceGrpc.DeviceServiceImplBase {
  private final DeviceAdmin devices;

  public DeviceGrpcService(DeviceAdmin devices) {
    this.devices = devices;
  }

  @Override
  public void createDevice(CreateDeviceRequest req, StreamObserver<CreateDeviceResponse> out) {
    var created =
        devices.create(GatewayContext.actor(), req.getIdempotencyKey().getValue(), req.getName());
    out.onNext(
        CreateDeviceResponse.newBuilder()
            .setDevice(TelemetryProtos.device(created.device()))
            .setEnrollmentToken(created.enrollmentToken())
            .setEnrollmentExpiresAt(ProtoValues.timestamp(created.expiresAt()))
            .build());
    out.onCompleted();
  }

  @Override
  public void listDevices(ListDevicesRequest req, StreamObserver<ListDevicesResponse> out) {
    var b = ListDevicesResponse.newBuilder();
    devices.list(GatewayContext.actor()).forEach(d -> b.addDevices(TelemetryProtos.device(d)));
    out.onNext(b.build());
    out.onCompleted();
  }

  @Override
  public void revokeDevice(RevokeDeviceRequest req, StreamObserver<Device> out) {
    out.onNext(TelemetryProtos.device(devices.revoke(GatewayContext.actor(), req.getId())));
    out.onCompleted();
  }

  @Override
  public void listQuarantine(
      ListQuarantineRequest req, StreamObserver<ListQuarantineResponse> out) {
    int size = req.getPage().getPageSize() <= 0 ? 100 : req.getPage().getPageSize();
    var b = ListQuarantineResponse.newBuilder().setPage(PageResponse.newBuilder().setTotalSize(-1));
    for (var q : devices.quarantine(GatewayContext.actor(), req.getDeviceId(), size)) {
      b.addReadings(
          QuarantinedReading.newBuilder()
              .setDeviceId(q.deviceId().toString())
              .setSeq(q.seq())
              .setTagKey(q.tagKey())
              .setSourceTime(ProtoValues.timestamp(q.sourceTime()))
              .setValue(q.value())
              .setReason(q.reason())
              .setReceivedAt(ProtoValues.timestamp(q.receivedAt())));
    }
    out.onNext(b.build());
    out.onCompleted();
  }
}
