package io.millstone.server.masterdata;

import io.grpc.stub.StreamObserver;
import io.millstone.api.masterdata.v1.ConvertQuantityRequest;
import io.millstone.api.masterdata.v1.ConvertQuantityResponse;
import io.millstone.api.masterdata.v1.CreateUnitRequest;
import io.millstone.api.masterdata.v1.DeactivateRequest;
import io.millstone.api.masterdata.v1.GetRequest;
import io.millstone.api.masterdata.v1.ListRequest;
import io.millstone.api.masterdata.v1.ListUnitsResponse;
import io.millstone.api.masterdata.v1.Unit;
import io.millstone.api.masterdata.v1.UnitServiceGrpc;
import io.millstone.api.masterdata.v1.UpdateUnitRequest;
import io.millstone.server.gateway.GatewayContext;
import io.millstone.server.gateway.ProtoValues;

/** Adapter from the UnitService contract to {@link UnitAdmin}. */
public final class UnitGrpcService extends UnitServiceGrpc.UnitServiceImplBase {
  private final UnitAdmin units;

  public UnitGrpcService(UnitAdmin units) {
    this.units = units;
  }

  @Override
  public void listUnits(ListRequest req, StreamObserver<ListUnitsResponse> out) {
    var page =
        units.list(
            GatewayContext.actor(),
            req.getFilter(),
            req.getOrderBy(),
            req.getPage().getPageSize(),
            req.getPage().getPageToken());
    var b = ListUnitsResponse.newBuilder().setPage(MasterdataProtos.page(page));
    page.rows().forEach(u -> b.addUnits(MasterdataProtos.unit(u)));
    out.onNext(b.build());
    out.onCompleted();
  }

  @Override
  public void getUnit(GetRequest req, StreamObserver<Unit> out) {
    out.onNext(MasterdataProtos.unit(units.get(GatewayContext.actor(), req.getId())));
    out.onCompleted();
  }

  @Override
  public void createUnit(CreateUnitRequest req, StreamObserver<Unit> out) {
    out.onNext(
        MasterdataProtos.unit(
            units.create(
                GatewayContext.actor(),
                req.getIdempotencyKey().getValue(),
                req.getCode(),
                req.getName(),
                MasterdataProtos.dimension(req.getDimension()),
                req.getFactorToBase().getValue())));
    out.onCompleted();
  }

  @Override
  public void updateUnit(UpdateUnitRequest req, StreamObserver<Unit> out) {
    out.onNext(
        MasterdataProtos.unit(
            units.update(
                GatewayContext.actor(),
                req.getId(),
                req.getVersion(),
                req.getName(),
                req.getFactorToBase().getValue())));
    out.onCompleted();
  }

  @Override
  public void deactivateUnit(DeactivateRequest req, StreamObserver<Unit> out) {
    out.onNext(
        MasterdataProtos.unit(
            units.deactivate(GatewayContext.actor(), req.getId(), req.getVersion())));
    out.onCompleted();
  }

  @Override
  public void convertQuantity(
      ConvertQuantityRequest req, StreamObserver<ConvertQuantityResponse> out) {
    var q =
        units.convert(
            GatewayContext.actor(),
            req.getQuantity().getValue(),
            req.getFromUnitCode(),
            req.getToUnitCode());
    out.onNext(ConvertQuantityResponse.newBuilder().setQuantity(ProtoValues.decimal(q)).build());
    out.onCompleted();
  }
}
