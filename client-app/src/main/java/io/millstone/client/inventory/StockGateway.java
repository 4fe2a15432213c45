package io.millstone.client.inventory;

import io.millstone.api.inventory.v1.Move;
import io.millstone.api.inventory.v1.OnHand;
import io.millstone.api.inventory.v1.StockMovement;
import io.millstone.client.core.list.Page;
import java.math.BigDecimal;
import java.util.List;

/** What the stock screens ask of the server. Every method blocks; call it off the UI thread. */
public interface StockGateway {

  /** One line of a stock movement as typed: item, lot (empty when none) and quantity. */
  record LineInput(String itemCode, String lot, BigDecimal quantity) {}

  /** Stock on hand by item, warehouse and lot; empty codes mean all. Lines at zero are left out. */
  Page<OnHand> onHand(String itemCode, String warehouseCode, String pageToken, int pageSize)
      throws Exception;

  /** An item's stock ledger, newest move first. */
  Page<Move> moves(String itemCode, String warehouseCode) throws Exception;

  /**
   * Every move matching the filter (empty codes mean all), oldest first, streamed one at a time to
   * {@code rows}; {@code total} receives how many there are before the first.
   */
  default void exportMoves(
      String itemCode,
      String warehouseCode,
      java.util.function.LongConsumer total,
      io.millstone.client.core.list.ListViewModel.RowTaker<Move> rows)
      throws Exception {
    List<Move> all = new java.util.ArrayList<>(moves(itemCode, warehouseCode).rows());
    java.util.Collections.reverse(all);
    total.accept(all.size());
    for (Move m : all) {
      rows.take(m);
    }
  }

  /** The active warehouses' codes. */
  default List<String> warehouses() throws Exception {
    return List.of();
  }

  /** Everything booked in a warehouse, lines at zero too (what a count starts from). */
  default List<OnHand> booked(String warehouseCode) throws Exception {
    throw new UnsupportedOperationException();
  }

  /** Stock that arrives outside a purchase order, at the unit costs given (one per line). */
  default StockMovement receive(
      String warehouseCode,
      List<LineInput> lines,
      List<BigDecimal> unitCosts,
      String reference,
      String key)
      throws Exception {
    throw new UnsupportedOperationException();
  }

  /** Stock that leaves outside a delivery: to production (a run or cost centre as reference). */
  default StockMovement issue(
      String warehouseCode, List<LineInput> lines, String reference, String key) throws Exception {
    throw new UnsupportedOperationException();
  }

  default StockMovement transfer(
      String fromWarehouse, String toWarehouse, List<LineInput> lines, String reference, String key)
      throws Exception {
    throw new UnsupportedOperationException();
  }

  /** Posts counted quantities; the differences from the books post as adjustments. */
  default StockMovement count(
      String warehouseCode, List<LineInput> counted, String reference, String key)
      throws Exception {
    throw new UnsupportedOperationException();
  }

  /** Sets an item's reorder level in a warehouse; zero removes it. */
  default void setReorderLevel(String itemCode, String warehouseCode, BigDecimal level)
      throws Exception {
    throw new UnsupportedOperationException();
  }
}
