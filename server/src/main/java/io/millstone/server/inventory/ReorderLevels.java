package io.millstone.server.inventory;

import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Decimals;
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Validator;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;

/**
 * Reorder levels per item and warehouse: below its level the item's stock in that warehouse is
 * short. A level of zero removes the warehouse's own level, and the item's company-wide level (held
 * against all its stock) applies again.
 */
public final class ReorderLevels {
  /** A level as set. */
  public record Level(String itemCode, String warehouseCode, BigDecimal level) {}

  private final Transactions tx;
  private final Clock clock;

  public ReorderLevels(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  public Level set(Actor actor, String itemCode, String warehouseCode, String levelText) {
    Validator v = new Validator();
    v.text(itemCode, "item_code", 32);
    v.text(warehouseCode, "warehouse_code", 32);
    BigDecimal level =
        Decimals.parse(v, "reorder_level", levelText, StockLedger.QUANTITY_SCALE, true);
    v.check(level == null || level.signum() >= 0, "reorder_level", "must not be negative");
    v.throwIfInvalid();
    return tx.inCompany(
        actor,
        t -> {
          StockLine.ItemRef item = StockLine.item(t, itemCode, "item_code");
          StockLine.WarehouseRef w = StockLine.warehouse(t, warehouseCode, "warehouse_code");
          Jdbc.work(
              t,
              c -> {
                if (level.signum() == 0) {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "DELETE FROM item_warehouse_reorder WHERE item_id = ? AND warehouse_id = ?")) {
                    ps.setObject(1, item.id());
                    ps.setObject(2, w.id());
                    ps.executeUpdate();
                  }
                } else {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "INSERT INTO item_warehouse_reorder (company_id, item_id, warehouse_id,"
                              + " reorder_level, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)"
                              + " ON CONFLICT (item_id, warehouse_id) DO UPDATE SET"
                              + " reorder_level = excluded.reorder_level,"
                              + " updated_at = excluded.updated_at, updated_by = excluded.updated_by")) {
                    ps.setObject(1, actor.companyId());
                    ps.setObject(2, item.id());
                    ps.setObject(3, w.id());
                    ps.setBigDecimal(4, level);
                    ps.setTimestamp(5, Timestamp.from(clock.instant()));
                    ps.setString(6, actor.username());
                    ps.executeUpdate();
                  }
                }
                return null;
              });
          t.audit(
              "inventory.reorder.set",
              "item",
              item.id(),
              item.code()
                  + " in "
                  + w.code()
                  + (level.signum() == 0
                      ? ": own reorder level removed"
                      : ": reorder level " + StockLedger.plain(level)));
          return new Level(item.code(), w.code(), level);
        });
  }
}
