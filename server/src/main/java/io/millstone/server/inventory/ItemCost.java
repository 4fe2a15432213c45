package io.millstone.server.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The company-wide quantity and value of an item, locked for this transaction. */
final class ItemCost {
  final UUID company;
  final UUID item;
  BigDecimal quantity;
  BigDecimal value;

  ItemCost(UUID company, UUID item, BigDecimal quantity, BigDecimal value) {
    this.company = company;
    this.item = item;
    this.quantity = quantity;
    this.value = value;
  }

  BigDecimal average() {
    return quantity.signum() <= 0
        ? BigDecimal.ZERO.setScale(StockLedger.MONEY_SCALE)
        : value.divide(quantity, StockLedger.MONEY_SCALE, RoundingMode.HALF_EVEN);
  }

  /** The value of {@code q} leaving stock; all that is left takes all the value left. */
  BigDecimal valueOf(BigDecimal q) {
    if (quantity.signum() > 0 && q.compareTo(quantity) == 0) {
      return value;
    }
    return StockLedger.money(q.multiply(average()));
  }

  void add(BigDecimal q, BigDecimal v) {
    quantity = quantity.add(q);
    value = value.add(v);
  }

  static void saveAll(Connection c, Collection<ItemCost> costs) throws SQLException {
    if (costs.isEmpty()) {
      return;
    }
    // One statement for all the movement's items (each item once: the map is keyed by item).
    UUID[] items = new UUID[costs.size()];
    BigDecimal[] quantities = new BigDecimal[costs.size()];
    BigDecimal[] values = new BigDecimal[costs.size()];
    UUID company = null;
    int i = 0;
    for (ItemCost k : costs) {
      items[i] = k.item;
      quantities[i] = k.quantity;
      values[i] = k.value;
      company = k.company;
      i++;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE item_cost SET quantity = u.q, value = u.v"
                + " FROM unnest(?::uuid[], ?::numeric[], ?::numeric[]) AS u(item, q, v)"
                + " WHERE item_cost.company_id = ? AND item_cost.item_id = u.item")) {
      ps.setArray(1, c.createArrayOf("uuid", items));
      ps.setArray(2, c.createArrayOf("numeric", quantities));
      ps.setArray(3, c.createArrayOf("numeric", values));
      ps.setObject(4, company);
      ps.executeUpdate();
    }
  }

  /**
   * Locks the cost rows of all items of a movement in item order (one statement, however many
   * lines, once the items have cost rows; two more for the first movement of an item), creating
   * missing ones: the queue for an item starts here and ends at commit.
   */
  /**
   * Zero rows for a receipt's items, read from nothing and locked by nothing: the receipt adds what
   * it brings to them and {@link #addAll} adds that to the stored rows.
   */
  static Map<UUID, ItemCost> unlocked(UUID company, List<StockLine> lines) {
    Map<UUID, ItemCost> out = new HashMap<>();
    for (StockLine l : lines) {
      out.computeIfAbsent(
          l.item().id(), i -> new ItemCost(company, i, BigDecimal.ZERO, BigDecimal.ZERO));
    }
    return out;
  }

  /**
   * Adds each row's quantity and value to the stored row (made if missing), in item order, in one
   * statement: the rows are locked from here to commit. For receipts, whose additions commute.
   */
  static void addAll(Connection c, Collection<ItemCost> added) throws SQLException {
    if (added.isEmpty()) {
      return;
    }
    List<ItemCost> sorted = new ArrayList<>(added);
    sorted.sort(Comparator.comparing((ItemCost k) -> k.item));
    UUID[] items = new UUID[sorted.size()];
    BigDecimal[] quantities = new BigDecimal[sorted.size()];
    BigDecimal[] values = new BigDecimal[sorted.size()];
    for (int i = 0; i < sorted.size(); i++) {
      items[i] = sorted.get(i).item;
      quantities[i] = sorted.get(i).quantity;
      values[i] = sorted.get(i).value;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO item_cost (company_id, item_id, quantity, value)"
                + " SELECT ?, u.item, u.q, u.v"
                + " FROM unnest(?::uuid[], ?::numeric[], ?::numeric[]) AS u(item, q, v)"
                + " ORDER BY u.item"
                + " ON CONFLICT (company_id, item_id) DO UPDATE"
                + " SET quantity = item_cost.quantity + EXCLUDED.quantity,"
                + " value = item_cost.value + EXCLUDED.value")) {
      ps.setObject(1, sorted.get(0).company);
      ps.setArray(2, c.createArrayOf("uuid", items));
      ps.setArray(3, c.createArrayOf("numeric", quantities));
      ps.setArray(4, c.createArrayOf("numeric", values));
      ps.executeUpdate();
    }
  }

  static Map<UUID, ItemCost> lockAll(Connection c, UUID company, List<StockLine> lines)
      throws SQLException {
    UUID[] items = lines.stream().map(l -> l.item().id()).distinct().sorted().toArray(UUID[]::new);
    Map<UUID, ItemCost> out = selectCostsForUpdate(c, company, items);
    if (out.size() == items.length) {
      return out;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO item_cost (company_id, item_id, quantity, value)"
                + " SELECT ?, i, 0, 0 FROM unnest(?::uuid[]) AS i ORDER BY i ON CONFLICT DO NOTHING")) {
      ps.setObject(1, company);
      ps.setArray(
          2,
          c.createArrayOf(
              "uuid", Arrays.stream(items).filter(i -> !out.containsKey(i)).toArray(UUID[]::new)));
      ps.executeUpdate();
    }
    return selectCostsForUpdate(c, company, items);
  }

  private static Map<UUID, ItemCost> selectCostsForUpdate(Connection c, UUID company, UUID[] items)
      throws SQLException {
    Map<UUID, ItemCost> out = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT item_id, quantity, value FROM item_cost WHERE company_id = ? AND item_id = ANY(?)"
                + " ORDER BY item_id FOR UPDATE")) {
      ps.setObject(1, company);
      ps.setArray(2, c.createArrayOf("uuid", items));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          UUID item = rs.getObject(1, UUID.class);
          out.put(item, new ItemCost(company, item, rs.getBigDecimal(2), rs.getBigDecimal(3)));
        }
      }
    }
    return out;
  }
}
