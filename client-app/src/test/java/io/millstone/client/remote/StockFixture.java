package io.millstone.client.remote;

import io.millstone.api.common.v1.Decimal;
import io.millstone.api.inventory.v1.ReceiveStockRequest;
import io.millstone.api.inventory.v1.StockLine;
import io.millstone.api.inventory.v1.StockServiceGrpc;
import java.util.UUID;

/** Puts opening stock on the server through the real StockService, for client tests. */
public final class StockFixture {
  private StockFixture() {}

  public static void receive(
      Session session, String item, String warehouse, String lot, String qty, String unitCost) {
    session
        .stub(StockServiceGrpc.newBlockingStub(session.connection().channel()))
        .receiveStock(
            ReceiveStockRequest.newBuilder()
                .setIdempotencyKey(ProtoValues.key(UUID.randomUUID().toString()))
                .addLines(
                    StockLine.newBuilder()
                        .setItemCode(item)
                        .setWarehouseCode(warehouse)
                        .setLot(lot)
                        .setQuantity(Decimal.newBuilder().setValue(qty)))
                .addUnitCosts(Decimal.newBuilder().setValue(unitCost))
                .setReference("opening stock")
                .build());
  }
}
