package io.millstone.server.inventory;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.common.v1.PageResponse;
import io.millstone.api.inventory.v1.IssueStockRequest;
import io.millstone.api.inventory.v1.ListMovesRequest;
import io.millstone.api.inventory.v1.ListMovesResponse;
import io.millstone.api.inventory.v1.ListOnHandRequest;
import io.millstone.api.inventory.v1.ListOnHandResponse;
import io.millstone.api.inventory.v1.Move;
import io.millstone.api.inventory.v1.MoveBatch;
import io.millstone.api.inventory.v1.OnHand;
import io.millstone.api.inventory.v1.PostStockCountRequest;
import io.millstone.api.inventory.v1.ReceiveStockRequest;
import io.millstone.api.inventory.v1.StockLine;
import io.millstone.api.inventory.v1.StockMovement;
import io.millstone.api.inventory.v1.StockServiceGrpc;
import io.millstone.api.inventory.v1.TransferStockRequest;
import io.millstone.server.gateway.GatewayContext;
import io.millstone.server.gateway.ProtoValues;
import io.millstone.server.gateway.StreamErrors;
import java.util.List;

/** Adapter from the StockService contract to {@link StockLedger} and {@link StockReports}. */
public final class StockGrpcService extends StockServiceGrpc.StockServiceImplBase {
  private final StockLedger ledger;
  private final StockReports reports;
  private final ReorderLevels levels;
  private final MoveExport export;

  public StockGrpcService(
      StockLedger ledger, StockReports reports, ReorderLevels levels, MoveExport export) {
    this.ledger = ledger;
    this.reports = reports;
    this.levels = levels;
    this.export = export;
  }

  /**
   * Every move matching the filter, oldest first, in batches, the first carrying the total. The
   * moves are read through a cursor on a thread of the export's own and sent only while the
   * transport is ready for more (gRPC flow control), so a slow reader holds the database cursor,
   * not the server's memory.
   */
  @Override
  public void exportMoves(ListMovesRequest req, StreamObserver<MoveBatch> out) {
    var actor = GatewayContext.actor();
    var filter = MoveExport.Filter.of(req.getItemCode(), req.getWarehouseCode());
    var call = (ServerCallStreamObserver<MoveBatch>) out;
    var gate = new FlowGate(call, export);
    call.setOnReadyHandler(gate::signal);
    call.setOnCancelHandler(gate::cancel);
    String method = StockServiceGrpc.getExportMovesMethod().getFullMethodName();
    Runnable work =
        io.grpc.Context.current()
            .wrap(
                () -> {
                  try {
                    export.export(
                        actor,
                        filter,
                        new MoveExport.Sink() {
                          private long total;
                          private String currency;
                          private boolean first = true;

                          @Override
                          public void total(long total, String currency) {
                            this.total = total;
                            this.currency = currency;
                          }

                          @Override
                          public void accept(List<StockLedger.MoveView> batch)
                              throws InterruptedException {
                            MoveBatch.Builder b = MoveBatch.newBuilder();
                            if (first) {
                              b.setTotal(total);
                              first = false;
                            }
                            for (var m : batch) {
                              b.addMoves(move(m, currency));
                            }
                            gate.awaitReady();
                            call.onNext(b.build());
                          }
                        });
                    gate.complete();
                  } catch (MoveExport.ExportCancelledException e) {
                    // The reader left; nothing to tell it.
                  } catch (RuntimeException e) {
                    gate.fail(StreamErrors.of(e, method));
                  }
                });
    Thread.ofVirtual().name("export-moves").start(work);
  }

  /**
   * Lets the export thread send only while the call is ready, waking it when gRPC says the reader
   * took more (or went away). Every call on the observer happens on the export thread.
   */
  private static final class FlowGate {
    private final ServerCallStreamObserver<MoveBatch> call;
    private final MoveExport export;
    private final java.util.concurrent.locks.ReentrantLock lock =
        new java.util.concurrent.locks.ReentrantLock();
    private final java.util.concurrent.locks.Condition changed = lock.newCondition();
    private boolean cancelled;

    FlowGate(ServerCallStreamObserver<MoveBatch> call, MoveExport export) {
      this.call = call;
      this.export = export;
    }

    void signal() {
      lock.lock();
      try {
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }

    void cancel() {
      lock.lock();
      try {
        cancelled = true;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }

    void awaitReady() throws InterruptedException {
      lock.lock();
      try {
        boolean counted = false;
        try {
          while (!cancelled && !call.isReady()) {
            if (!counted) {
              export.waitingChanged(1);
              counted = true;
            }
            changed.await();
          }
        } finally {
          if (counted) {
            export.waitingChanged(-1);
          }
        }
        if (cancelled || call.isCancelled()) {
          throw new InterruptedException("reader left");
        }
      } finally {
        lock.unlock();
      }
    }

    void complete() {
      if (!isCancelled()) {
        call.onCompleted();
      }
    }

    void fail(Throwable e) {
      if (!isCancelled()) {
        call.onError(e);
      }
    }

    private boolean isCancelled() {
      lock.lock();
      try {
        return cancelled;
      } finally {
        lock.unlock();
      }
    }
  }

  @Override
  public void setReorderLevel(
      io.millstone.api.inventory.v1.SetReorderLevelRequest req,
      StreamObserver<io.millstone.api.inventory.v1.ReorderLevel> out) {
    var l =
        levels.set(
            GatewayContext.actor(),
            req.getItemCode(),
            req.getWarehouseCode(),
            req.getReorderLevel().getValue());
    out.onNext(
        io.millstone.api.inventory.v1.ReorderLevel.newBuilder()
            .setItemCode(l.itemCode())
            .setWarehouseCode(l.warehouseCode())
            .setReorderLevel(ProtoValues.decimal(l.level()))
            .build());
    out.onCompleted();
  }

  private static List<StockLedger.LineInput> lines(List<StockLine> in) {
    return in.stream()
        .map(
            l ->
                new StockLedger.LineInput(
                    l.getItemCode(), l.getWarehouseCode(), l.getLot(), l.getQuantity().getValue()))
        .toList();
  }

  @Override
  public void receiveStock(ReceiveStockRequest req, StreamObserver<StockMovement> out) {
    var actor = GatewayContext.actor();
    var m =
        ledger.receive(
            actor,
            req.getIdempotencyKey().getValue(),
            lines(req.getLinesList()),
            req.getUnitCostsList().stream().map(Decimal::getValue).toList(),
            req.getReference());
    out.onNext(movement(m));
    out.onCompleted();
  }

  @Override
  public void issueStock(IssueStockRequest req, StreamObserver<StockMovement> out) {
    var actor = GatewayContext.actor();
    var m =
        ledger.issue(
            actor,
            req.getIdempotencyKey().getValue(),
            lines(req.getLinesList()),
            req.getReference());
    out.onNext(movement(m));
    out.onCompleted();
  }

  @Override
  public void transferStock(TransferStockRequest req, StreamObserver<StockMovement> out) {
    var actor = GatewayContext.actor();
    var m =
        ledger.transfer(
            actor,
            req.getIdempotencyKey().getValue(),
            lines(req.getLinesList()),
            req.getToWarehouseCode(),
            req.getReference());
    out.onNext(movement(m));
    out.onCompleted();
  }

  @Override
  public void postStockCount(PostStockCountRequest req, StreamObserver<StockMovement> out) {
    var actor = GatewayContext.actor();
    var m =
        ledger.count(
            actor,
            req.getIdempotencyKey().getValue(),
            lines(req.getCountedList()),
            req.getReference());
    out.onNext(movement(m));
    out.onCompleted();
  }

  @Override
  public void listOnHand(ListOnHandRequest req, StreamObserver<ListOnHandResponse> out) {
    var page =
        reports.onHand(
            GatewayContext.actor(),
            req.getItemCode(),
            req.getWarehouseCode(),
            req.getHideZero(),
            req.getPage().getPageSize(),
            req.getPage().getPageToken());
    var b =
        ListOnHandResponse.newBuilder()
            .setPage(PageResponse.newBuilder().setNextPageToken(page.next()).setTotalSize(-1));
    for (var l : page.lines()) {
      OnHand.Builder line =
          OnHand.newBuilder()
              .setItemCode(l.itemCode())
              .setItemName(l.itemName())
              .setUnitCode(l.unitCode())
              .setWarehouseCode(l.warehouseCode())
              .setLot(l.lot())
              .setQuantity(ProtoValues.decimal(l.quantity()))
              .setValue(ProtoValues.money(l.value(), page.currency()))
              .setBelowReorderLevel(l.belowReorderLevel());
      if (l.reorderLevel() != null) {
        line.setReorderLevel(ProtoValues.decimal(l.reorderLevel()));
      }
      b.addLines(line);
    }
    out.onNext(b.build());
    out.onCompleted();
  }

  @Override
  public void listMoves(ListMovesRequest req, StreamObserver<ListMovesResponse> out) {
    var b = ListMovesResponse.newBuilder().setPage(PageResponse.newBuilder().setTotalSize(-1));
    var moves =
        reports.moves(
            GatewayContext.actor(),
            req.getItemCode(),
            req.getWarehouseCode(),
            req.getPage().getPageSize());
    moves.moves().forEach(m -> b.addMoves(move(m, moves.currency())));
    out.onNext(b.build());
    out.onCompleted();
  }

  private static StockMovement movement(StockLedger.Movement m) {
    String currency = m.currency();
    var b = StockMovement.newBuilder().setId(m.id().toString());
    m.moves().forEach(x -> b.addMoves(move(x, currency)));
    return b.build();
  }

  private static Move move(StockLedger.MoveView m, String currency) {
    return Move.newBuilder()
        .setId(m.id().toString())
        .setItemCode(m.itemCode())
        .setWarehouseCode(m.warehouseCode())
        .setLot(m.lot())
        .setQuantity(ProtoValues.decimal(m.quantity()))
        .setUnitCost(ProtoValues.money(m.unitCost(), currency))
        .setValue(ProtoValues.money(m.value(), currency))
        .setKind(m.kind())
        .setReference(m.reference())
        .setPostedAt(ProtoValues.timestamp(m.postedAt()))
        .setPostedBy(m.postedBy())
        .build();
  }

  @Override
  public void getStockValuation(
      io.millstone.api.inventory.v1.GetStockValuationRequest req,
      StreamObserver<io.millstone.api.inventory.v1.StockValuation> out) {
    var v = reports.valuation(GatewayContext.actor());
    var b =
        io.millstone.api.inventory.v1.StockValuation.newBuilder()
            .setTotal(ProtoValues.money(v.total(), v.currency()))
            .setLedgerBalance(ProtoValues.money(v.ledgerBalance(), v.currency()));
    for (var l : v.lines()) {
      b.addLines(
          io.millstone.api.inventory.v1.ValuationLine.newBuilder()
              .setItemCode(l.itemCode())
              .setItemName(l.itemName())
              .setUnitCode(l.unitCode())
              .setQuantity(ProtoValues.decimal(l.quantity()))
              .setAverageCost(ProtoValues.money(l.averageCost(), v.currency()))
              .setValue(ProtoValues.money(l.value(), v.currency())));
    }
    out.onNext(b.build());
    out.onCompleted();
  }
}
