package io.millstone.server.masterdata;

import io.grpc.stub.StreamObserver;
import io.millstone.api.masterdata.v1.CreateItemRequest;
import io.millstone.api.masterdata.v1.DeactivateRequest;
import io.millstone.api.masterdata.v1.GetRequest;
import io.millstone.api.masterdata.v1.Item;
import io.millstone.api.masterdata.v1.ItemServiceGrpc;
import io.millstone.api.masterdata.v1.ListItemsResponse;
import io.millstone.api.masterdata.v1.ListRequest;
import io.millstone.api.masterdata.v1.UpdateItemRequest;
import io.millstone.server.gateway.GatewayContext;

/** Adapter from the ItemService contract to {@link ItemAdmin}. */
public final class ItemGrpcService extends ItemServiceGrpc.ItemServiceImplBase {
  private final ItemAdmin items;

  public ItemGrpcService(ItemAdmin items) {
    this.items = items;
  }

  private static ItemAdmin.Input input(
      String name,
      String unitCode,
      io.millstone.api.masterdata.v1.ItemKind kind,
      io.millstone.api.common.v1.Money price,
      io.millstone.api.masterdata.v1.TaxCategory tax,
      io.millstone.api.common.v1.Decimal reorderLevel) {
    return new ItemAdmin.Input(
        name,
        unitCode,
        MasterdataProtos.kind(kind),
        price.getAmount(),
        price.getCurrencyCode(),
        MasterdataProtos.tax(tax),
        reorderLevel.getValue());
  }

  @Override
  public void listItems(ListRequest req, StreamObserver<ListItemsResponse> out) {
    var page =
        items.list(
            GatewayContext.actor(),
            req.getFilter(),
            req.getOrderBy(),
            req.getPage().getPageSize(),
            req.getPage().getPageToken());
    var b = ListItemsResponse.newBuilder().setPage(MasterdataProtos.page(page));
    page.rows().forEach(i -> b.addItems(MasterdataProtos.item(i)));
    out.onNext(b.build());
    out.onCompleted();
  }

  @Override
  public void getItem(GetRequest req, StreamObserver<Item> out) {
    out.onNext(MasterdataProtos.item(items.get(GatewayContext.actor(), req.getId())));
    out.onCompleted();
  }

  @Override
  public void createItem(CreateItemRequest req, StreamObserver<Item> out) {
    out.onNext(
        MasterdataProtos.item(
            items.create(
                GatewayContext.actor(),
                req.getIdempotencyKey().getValue(),
                req.getCode(),
                input(
                    req.getName(),
                    req.getUnitCode(),
                    req.getKind(),
                    req.getDefaultSalePrice(),
                    req.getTaxCategory(),
                    req.getReorderLevel()))));
    out.onCompleted();
  }

  @Override
  public void updateItem(UpdateItemRequest req, StreamObserver<Item> out) {
    out.onNext(
        MasterdataProtos.item(
            items.update(
                GatewayContext.actor(),
                req.getId(),
                req.getVersion(),
                input(
                    req.getName(),
                    req.getUnitCode(),
                    req.getKind(),
                    req.getDefaultSalePrice(),
                    req.getTaxCategory(),
                    req.getReorderLevel()))));
    out.onCompleted();
  }

  @Override
  public void deactivateItem(DeactivateRequest req, StreamObserver<Item> out) {
    out.onNext(
        MasterdataProtos.item(
            items.deactivate(GatewayContext.actor(), req.getId(), req.getVersion())));
    out.onCompleted();
  }
}
