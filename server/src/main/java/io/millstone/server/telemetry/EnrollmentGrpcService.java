package io.millstone.server.telemetry;

import io.grpc.stub.StreamObserver;
import io.millstone.api.telemetry.v1.EnrollRequest;
import io.millstone.api.telemetry.v1.EnrollResponse;
import io.millstone.api.telemetry.v1.EnrollmentServiceGrpc;
import io.millstone.server.gateway.GatewayContext;
import io.millstone.server.gateway.ProtoValues;

/** Adapter from the EnrollmentService contract to {@link DeviceAdmin#enroll}. */
public final class EnrollmentGrpcService extends EnrollmentServiceGrpc.EnrollmentServiceImplBase {
  private final DeviceAdmin devices;

  public EnrollmentGrpcService(DeviceAdmin devices) {
    this.devices = devices;
  }

  @Override
  public void enroll(EnrollRequest req, StreamObserver<EnrollResponse> out) {
    var e =
        devices.enroll(
            req.getEnrollmentToken(),
            req.getAgentVersion(),
            req.getHostname(),
            GatewayContext.requestId());
    out.onNext(
        EnrollResponse.newBuilder()
            .setDeviceId(e.deviceId().toString())
            .setDeviceSecret(e.secret())
            .setCompanyId(e.companyId().toString())
            .setServerTime(ProtoValues.timestamp(e.serverTime()))
            .build());
    out.onCompleted();
  }
}
