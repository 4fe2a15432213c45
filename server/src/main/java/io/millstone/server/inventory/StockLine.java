package io.millstone.server.inventory;

import io.millstone.server.inventory.StockLedger.LineInput;
import io.millstone.server.masterdata.model.Item;
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.Tx;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.error.InvalidInputException;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A line of a movement, resolved: the item, the warehouse, the lot, how much and at what cost. */
record StockLine(
    int index,
    ItemRef item,
    WarehouseRef warehouse,
    String lot,
    BigDecimal quantity,
    BigDecimal unitCost) {

  /** What a movement needs of an item, read with plain JDBC (no entity load on the hot path). */
  record ItemRef(UUID id, String code, boolean active, Item.Kind kind, String unitCode) {}

  /** What a movement needs of a warehouse. */
  record WarehouseRef(UUID id, String code, String name, boolean active) {}

  /** Resolves the lines as sent (one query for the items, one for the warehouses). */
  static List<StockLine> resolve(
      Tx t, List<LineInput> inputs, List<BigDecimal> qty, List<BigDecimal> costs) {
    Validator v = new Validator();
    // One query for all the movement's items and one for its warehouses.
    Map<String, ItemRef> items = items(t, inputs.stream().map(LineInput::itemCode).toList());
    Map<String, WarehouseRef> warehouses =
        warehouses(t, inputs.stream().map(LineInput::warehouseCode).toList());
    List<StockLine> out = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      LineInput in = inputs.get(i);
      String ic = in.itemCode() == null ? "" : in.itemCode().trim().toUpperCase(Locale.ROOT);
      String wc =
          in.warehouseCode() == null ? "" : in.warehouseCode().trim().toUpperCase(Locale.ROOT);
      String lot = in.lot() == null ? "" : in.lot().trim();
      ItemRef item = items.get(ic);
      WarehouseRef w = warehouses.get(wc);
      v.check(
          item != null && item.active(),
          "lines[" + i + "].item_code",
          "'" + ic + "' is not an active item");
      v.check(
          w != null && w.active(),
          "lines[" + i + "].warehouse_code",
          "'" + wc + "' is not an active warehouse");
      v.check(lot.length() <= 40, "lines[" + i + "].lot", "is too long (at most 40 characters)");
      if (item != null && item.kind() == Item.Kind.SERVICE) {
        v.check(
            false, "lines[" + i + "].item_code", item.code() + " is a service and has no stock");
      }
      out.add(new StockLine(i, item, w, lot, qty.get(i), costs == null ? null : costs.get(i)));
    }
    v.throwIfInvalid();
    return out;
  }

  private static List<String> normalised(List<String> codes) {
    return codes.stream()
        .map(c -> c == null ? "" : c.trim().toUpperCase(Locale.ROOT))
        .distinct()
        .toList();
  }

  /** One row of a by-code look-up. */
  @FunctionalInterface
  private interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /**
   * The records of the given codes (trimmed, upper-cased) from {@code select} (which has {@code
   * code} as its second column), by code; unknown codes are absent. Plain JDBC with one array
   * parameter: an HQL {@code in :codes} was re-translated to SQL on every call and was the order
   * path's largest single cost in the JVM.
   */
  private static <T> Map<String, T> byCode(
      Tx t, String select, List<String> codes, RowReader<T> reader) {
    String[] wanted = normalised(codes).toArray(String[]::new);
    UUID company = t.actor().orElseThrow().companyId();
    return Jdbc.work(
        t,
        c -> {
          Map<String, T> out = new HashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(select + " WHERE company_id = ? AND code = ANY(?)")) {
            ps.setObject(1, company);
            ps.setArray(2, c.createArrayOf("text", wanted));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(rs.getString(2), reader.read(rs));
              }
            }
          }
          return out;
        });
  }

  private static Map<String, ItemRef> items(Tx t, List<String> codes) {
    return byCode(
        t,
        "SELECT id, code, active, kind, unit_code FROM item",
        codes,
        rs ->
            new ItemRef(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getBoolean(3),
                Item.Kind.valueOf(rs.getString(4)),
                rs.getString(5)));
  }

  private static Map<String, WarehouseRef> warehouses(Tx t, List<String> codes) {
    return byCode(
        t,
        "SELECT id, code, name, active FROM warehouse",
        codes,
        rs ->
            new WarehouseRef(
                rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
  }

  static WarehouseRef warehouse(Tx t, String code, String field) {
    WarehouseRef w = warehouses(t, List.of(code)).get(code.trim().toUpperCase(Locale.ROOT));
    if (w == null || !w.active()) {
      throw InvalidInputException.of(field, "'" + code + "' is not an active warehouse");
    }
    return w;
  }

  static ItemRef item(Tx t, String code, String field) {
    ItemRef i = items(t, List.of(code)).get(code.trim().toUpperCase(Locale.ROOT));
    if (i == null || !i.active()) {
      throw InvalidInputException.of(field, "'" + code + "' is not an active item");
    }
    return i;
  }
}
