package io.millstone.client.inventory;

import io.millstone.api.inventory.v1.Move;
import io.millstone.api.inventory.v1.OnHand;
import io.millstone.client.core.list.Page;

/** What the stock screens ask of the server. Every method blocks; call it off the UI thread. */
public interface StockGateway {

  /** Stock on hand by item, warehouse and lot; empty codes mean all. Lines at zero are left out. */
  Page<OnHand> onHand(String itemCode, String warehouseCode, String pageToken, int pageSize)
      throws Exception;

  /** An item's stock ledger, newest move first. */
  Page<Move> moves(String itemCode, String warehouseCode) throws Exception;
}
