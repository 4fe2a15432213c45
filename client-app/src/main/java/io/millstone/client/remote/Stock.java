package io.millstone.client.remote;

import io.millstone.api.inventory.v1.IssueStockRequest;
import io.millstone.api.inventory.v1.ListMovesRequest;
import io.millstone.api.inventory.v1.ListMovesResponse;
import io.millstone.api.inventory.v1.ListOnHandRequest;
import io.millstone.api.inventory.v1.ListOnHandResponse;
import io.millstone.api.inventory.v1.Move;
import io.millstone.api.inventory.v1.OnHand;
import io.millstone.api.inventory.v1.PostStockCountRequest;
import io.millstone.api.inventory.v1.ReceiveStockRequest;
import io.millstone.api.inventory.v1.SetReorderLevelRequest;
import io.millstone.api.inventory.v1.StockLine;
import io.millstone.api.inventory.v1.StockMovement;
import io.millstone.api.inventory.v1.StockServiceGrpc;
import io.millstone.api.inventory.v1.TransferStockRequest;
import io.millstone.client.core.list.Page;
import io.millstone.client.inventory.StockGateway;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

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

  /**
   * Every move matching the filter, oldest first, streamed (ExportMoves): taken batch by batch as
   * {@code rows} takes them, so the client holds one batch at a time. When {@code rows} throws (the
   * export was cancelled or its file failed), the call is cancelled and the server stops.
   */
  @Override
  public void exportMoves(
      String itemCode,
      String warehouseCode,
      java.util.function.LongConsumer total,
      io.millstone.client.core.list.ListViewModel.RowTaker<Move> rows)
      throws Exception {
    ListMovesRequest r =
        ListMovesRequest.newBuilder()
            .setItemCode(itemCode == null ? "" : itemCode.trim())
            .setWarehouseCode(warehouseCode == null ? "" : warehouseCode.trim())
            .build();
    io.grpc.Context.CancellableContext call = io.grpc.Context.current().withCancellation();
    io.grpc.Context previous = call.attach();
    try {
      // An export runs for as long as it takes (the server caps it); not the 30 s of a call.
      java.util.Iterator<io.millstone.api.inventory.v1.MoveBatch> batches =
          session
              .stub(StockServiceGrpc.newBlockingStub(session.connection().channel()))
              .withDeadlineAfter(30, java.util.concurrent.TimeUnit.MINUTES)
              .exportMoves(r);
      boolean first = true;
      while (Calls.call(batches::hasNext)) {
        io.millstone.api.inventory.v1.MoveBatch b = batches.next();
        if (first) {
          total.accept(b.getTotal());
          first = false;
        }
        for (Move m : b.getMovesList()) {
          rows.take(m);
        }
      }
    } finally {
      call.detach(previous);
      call.cancel(null);
    }
  }

  @Override
  public List<String> warehouses() throws RemoteException {
    return new Warehouses(session)
            .fetch(new io.millstone.client.core.list.PageSource.Query("", "code"), "", 200)
            .rows()
            .stream()
            .filter(io.millstone.api.masterdata.v1.Warehouse::getActive)
            .map(io.millstone.api.masterdata.v1.Warehouse::getCode)
            .toList();
  }

  @Override
  public List<OnHand> booked(String warehouseCode) throws RemoteException {
    List<OnHand> out = new ArrayList<>();
    String token = "";
    do {
      ListOnHandRequest r =
          ListOnHandRequest.newBuilder()
              .setPage(ProtoValues.page(token, 1000))
              .setWarehouseCode(warehouseCode == null ? "" : warehouseCode.trim())
              .build();
      ListOnHandResponse res = Calls.call(() -> stub().listOnHand(r));
      out.addAll(res.getLinesList());
      token = res.getPage().getNextPageToken();
    } while (!token.isEmpty());
    return out;
  }

  private static List<StockLine> lines(String warehouse, List<LineInput> lines) {
    List<StockLine> out = new ArrayList<>();
    for (LineInput l : lines) {
      out.add(
          StockLine.newBuilder()
              .setItemCode(l.itemCode() == null ? "" : l.itemCode().trim())
              .setWarehouseCode(warehouse == null ? "" : warehouse.trim())
              .setLot(l.lot() == null ? "" : l.lot().trim())
              .setQuantity(ProtoValues.decimal(l.quantity()))
              .build());
    }
    return out;
  }

  @Override
  public StockMovement receive(
      String warehouseCode,
      List<LineInput> lines,
      List<BigDecimal> unitCosts,
      String reference,
      String key)
      throws RemoteException {
    ReceiveStockRequest.Builder b =
        ReceiveStockRequest.newBuilder()
            .setIdempotencyKey(ProtoValues.key(key))
            .addAllLines(lines(warehouseCode, lines))
            .setReference(reference == null ? "" : reference.trim());
    unitCosts.forEach(c -> b.addUnitCosts(ProtoValues.decimal(c)));
    return Calls.call(() -> stub().receiveStock(b.build()));
  }

  @Override
  public StockMovement issue(
      String warehouseCode, List<LineInput> lines, String reference, String key)
      throws RemoteException {
    IssueStockRequest r =
        IssueStockRequest.newBuilder()
            .setIdempotencyKey(ProtoValues.key(key))
            .addAllLines(lines(warehouseCode, lines))
            .setReference(reference == null ? "" : reference.trim())
            .build();
    return Calls.call(() -> stub().issueStock(r));
  }

  @Override
  public StockMovement transfer(
      String fromWarehouse, String toWarehouse, List<LineInput> lines, String reference, String key)
      throws RemoteException {
    TransferStockRequest r =
        TransferStockRequest.newBuilder()
            .setIdempotencyKey(ProtoValues.key(key))
            .addAllLines(lines(fromWarehouse, lines))
            .setToWarehouseCode(toWarehouse == null ? "" : toWarehouse.trim())
            .setReference(reference == null ? "" : reference.trim())
            .build();
    return Calls.call(() -> stub().transferStock(r));
  }

  @Override
  public StockMovement count(
      String warehouseCode, List<LineInput> counted, String reference, String key)
      throws RemoteException {
    PostStockCountRequest r =
        PostStockCountRequest.newBuilder()
            .setIdempotencyKey(ProtoValues.key(key))
            .addAllCounted(lines(warehouseCode, counted))
            .setReference(reference == null ? "" : reference.trim())
            .build();
    return Calls.call(() -> stub().postStockCount(r));
  }

  @Override
  public void setReorderLevel(String itemCode, String warehouseCode, BigDecimal level)
      throws RemoteException {
    SetReorderLevelRequest r =
        SetReorderLevelRequest.newBuilder()
            .setItemCode(itemCode == null ? "" : itemCode.trim())
            .setWarehouseCode(warehouseCode == null ? "" : warehouseCode.trim())
            .setReorderLevel(ProtoValues.decimal(level))
            .build();
    Calls.call(() -> stub().setReorderLevel(r));
  }
}
