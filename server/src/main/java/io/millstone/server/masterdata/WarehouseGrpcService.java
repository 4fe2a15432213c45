package io.millstone.server.masterdata;

import io.grpc.stub.StreamObserver;
import io.millstone.api.masterdata.v1.CreateWarehouseRequest;
import io.millstone.api.masterdata.v1.DeactivateRequest;
import io.millstone.api.masterdata.v1.GetRequest;
import io.millstone.api.masterdata.v1.ListRequest;
import io.millstone.api.masterdata.v1.ListWarehousesResponse;
import io.millstone.api.masterdata.v1.LocationInput;
import io.millstone.api.masterdata.v1.UpdateWarehouseRequest;
import io.millstone.api.masterdata.v1.Warehouse;
import io.millstone.api.masterdata.v1.WarehouseServiceGrpc;
import io.millstone.server.gateway.GatewayContext;
import java.util.List;

/** Adapter from the WarehouseService contract to {@link WarehouseAdmin}. */
public final class WarehouseGrpcService extends WarehouseServiceGrpc.WarehouseServiceImplBase {
  private final WarehouseAdmin warehouses;

  public WarehouseGrpcService(WarehouseAdmin warehouses) {
    this.warehouses = warehouses;
  }

  private static List<WarehouseAdmin.LocationInput> locations(List<LocationInput> in) {
    return in.stream()
        .map(l -> new WarehouseAdmin.LocationInput(l.getCode(), l.getName(), l.getActive()))
        .toList();
  }

  @Override
  public void listWarehouses(ListRequest req, StreamObserver<ListWarehousesResponse> out) {
    var page =
        warehouses.list(
            GatewayContext.actor(),
            req.getFilter(),
            req.getOrderBy(),
            req.getPage().getPageSize(),
            req.getPage().getPageToken());
    var b = ListWarehousesResponse.newBuilder().setPage(MasterdataProtos.page(page));
    page.rows().forEach(w -> b.addWarehouses(MasterdataProtos.warehouse(w)));
    out.onNext(b.build());
    out.onCompleted();
  }

  @Override
  public void getWarehouse(GetRequest req, StreamObserver<Warehouse> out) {
    out.onNext(MasterdataProtos.warehouse(warehouses.get(GatewayContext.actor(), req.getId())));
    out.onCompleted();
  }

  @Override
  public void createWarehouse(CreateWarehouseRequest req, StreamObserver<Warehouse> out) {
    out.onNext(
        MasterdataProtos.warehouse(
            warehouses.create(
                GatewayContext.actor(),
                req.getIdempotencyKey().getValue(),
                req.getCode(),
                req.getName(),
                req.getAddress(),
                locations(req.getLocationsList()))));
    out.onCompleted();
  }

  @Override
  public void updateWarehouse(UpdateWarehouseRequest req, StreamObserver<Warehouse> out) {
    out.onNext(
        MasterdataProtos.warehouse(
            warehouses.update(
                GatewayContext.actor(),
                req.getId(),
                req.getVersion(),
                req.getName(),
                req.getAddress(),
                locations(req.getLocationsList()))));
    out.onCompleted();
  }

  @Override
  public void deactivateWarehouse(DeactivateRequest req, StreamObserver<Warehouse> out) {
    out.onNext(
        MasterdataProtos.warehouse(
            warehouses.deactivate(GatewayContext.actor(), req.getId(), req.getVersion())));
    out.onCompleted();
  }
}
