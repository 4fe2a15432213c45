package io.millstone.client.remote;

import io.millstone.api.accounting.v1.JournalLine;
import io.millstone.api.accounting.v1.LedgerServiceGrpc;
import io.millstone.api.accounting.v1.OpenFiscalYearRequest;
import io.millstone.api.accounting.v1.PostJournalEntryRequest;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.inventory.v1.ReceiveStockRequest;
import io.millstone.api.inventory.v1.StockLine;
import io.millstone.api.inventory.v1.StockServiceGrpc;
import io.millstone.server.identity.model.CompanySettings;
import java.time.LocalDate;
import java.time.ZoneId;
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

  /** Books received opening stock at its value: inventory against retained earnings. */
  public static void bookOpeningStock(Session session, String inventoryAccount, String value) {
    var ledger = session.stub(LedgerServiceGrpc.newBlockingStub(session.connection().channel()));
    // The company's today (Dhaka, the default), as the stock receipt is dated: the test machine's
    // own zone may already be on another day.
    LocalDate today = LocalDate.now(ZoneId.of(CompanySettings.defaults("any").timeZone()));
    // entries by hand go only into an open fiscal year
    ledger.openFiscalYear(
        OpenFiscalYearRequest.newBuilder().setDate(ProtoValues.date(today)).build());
    ledger.postJournalEntry(
        PostJournalEntryRequest.newBuilder()
            .setIdempotencyKey(ProtoValues.key(UUID.randomUUID().toString()))
            .setEntryDate(ProtoValues.date(today))
            .setMemo("Opening stock")
            .addLines(
                JournalLine.newBuilder()
                    .setAccountCode(inventoryAccount)
                    .setDebit(Decimal.newBuilder().setValue(value))
                    .setCredit(Decimal.newBuilder().setValue("0")))
            .addLines(
                JournalLine.newBuilder()
                    .setAccountCode("3100")
                    .setDebit(Decimal.newBuilder().setValue("0"))
                    .setCredit(Decimal.newBuilder().setValue(value)))
            .build());
  }
}
