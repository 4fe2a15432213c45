package io.millstone.client.remote;

import io.millstone.api.inventory.v1.ListMovesRequest;
import io.millstone.api.inventory.v1.ListMovesResponse;
import io.millstone.api.inventory.v1.ListOnHandRequest;
import io.millstone.api.inventory.v1.ListOnHandResponse;
import io.millstone.api.inventory.v1.Move;
import io.millstone.api.inventory.v1.OnHand;
import io.millstone.api.inventory.v1.StockServiceGrpc;
import io.millstone.client.core.list.Page;
import io.millstone.client.inventory.StockGateway;

/** Stock on hand and the stock ledger on the server (StockService). */
public final class Stock implements StockGateway {
  private final Session session;

  public Stock(Session session) {
    this.session = session;
  }

  private StockServiceGrpc.StockServiceBlockingStub stub() {
    return session.stub(StockServiceGrpc.newBlockingStub(session.connection().channel()));
  }

  @Override
  public Page<OnHand> onHand(String itemCode, String warehouseCode, String pageToken, int pageSize)
      throws RemoteException {
    ListOnHandRequest r =
        ListOnHandRequest.newBuilder()
            .setPage(ProtoValues.page(pageToken, pageSize))
            .setItemCode(itemCode == null ? "" : itemCode.trim())
            .setWarehouseCode(warehouseCode == null ? "" : warehouseCode.trim())
            .setHideZero(true)
            .build();
    ListOnHandResponse res = Calls.call(() -> stub().listOnHand(r));
    return new Page<>(
        res.getLinesList(), res.getPage().getNextPageToken(), res.getPage().getTotalSize());
  }

  @Override
  public Page<Move> moves(String itemCode, String warehouseCode) throws RemoteException {
    ListMovesRequest r =
        ListMovesRequest.newBuilder()
            .setItemCode(itemCode == null ? "" : itemCode.trim())
            .setWarehouseCode(warehouseCode == null ? "" : warehouseCode.trim())
            .setPage(ProtoValues.page("", 1000))
            .build();
    ListMovesResponse res = Calls.call(() -> stub().listMoves(r));
    return new Page<>(
        res.getMovesList(), res.getPage().getNextPageToken(), res.getPage().getTotalSize());
  }
}
