package io.millstone.server.telemetry;

import io.grpc.stub.StreamObserver;
import io.millstone.api.common.v1.PageResponse;
import io.millstone.api.telemetry.v1.CreateMachineRequest;
import io.millstone.api.telemetry.v1.DefineTagRequest;
import io.millstone.api.telemetry.v1.ListMachinesRequest;
import io.millstone.api.telemetry.v1.ListMachinesResponse;
import io.millstone.api.telemetry.v1.Machine;
import io.millstone.api.telemetry.v1.MachineServiceGrpc;
import io.millstone.api.telemetry.v1.Tag;
import io.millstone.server.gateway.GatewayContext;

/** Adapter from the MachineService contract to {@link MachineAdmin}. */
public final class MachineGrpcService extends MachineServiceGrpc.MachineServiceImplBase {
  private final MachineAdmin machines;

  public MachineGrpcService(MachineAdmin machines) {
    this.machines = machines;
  }

  @Override
  public void listMachines(ListMachinesRequest req, StreamObserver<ListMachinesResponse> out) {
    var page =
        machines.list(
            GatewayContext.actor(),
            req.getFilter(),
            req.getPage().getPageSize(),
            req.getPage().getPageToken());
    var b =
        ListMachinesResponse.newBuilder()
            .setPage(
                PageResponse.newBuilder()
                    .setNextPageToken(page.nextPageToken())
                    .setTotalSize(page.totalSize()));
    page.rows().forEach(m -> b.addMachines(TelemetryProtos.machine(m)));
    out.onNext(b.build());
    out.onCompleted();
  }

  @Override
  public void createMachine(CreateMachineRequest req, StreamObserver<Machine> out) {
    out.onNext(
        TelemetryProtos.machine(
            machines.create(
                GatewayContext.actor(),
                req.getIdempotencyKey().getValue(),
                req.getCode(),
                req.getName(),
                req.getArea())));
    out.onCompleted();
  }

  @Override
  public void defineTag(DefineTagRequest req, StreamObserver<Tag> out) {
    out.onNext(
        TelemetryProtos.tag(
            machines.defineTag(
                GatewayContext.actor(),
                new MachineAdmin.TagInput(
                    req.getMachineId(),
                    req.getKey(),
                    req.getName(),
                    req.getUnit(),
                    TelemetryProtos.valueType(req.getValueType()),
                    req.getExpectedMin().getValue(),
                    req.getExpectedMax().getValue(),
                    req.getAlarmLow().getValue(),
                    req.getAlarmHigh().getValue(),
                    req.getHysteresis().getValue(),
                    req.getIsRunState()))));
    out.onCompleted();
  }
}
