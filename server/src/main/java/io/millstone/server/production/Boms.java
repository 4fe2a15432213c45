package io.millstone.server.production;

import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Decimals;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.Versions;
import io.millstone.server.platform.error.ConflictException;
import io.millstone.server.platform.error.NotFoundException;
import io.millstone.server.production.ProductionDesk.BomInputLine;
import io.millstone.server.production.ProductionDesk.BomInputView;
import io.millstone.server.production.ProductionDesk.BomOutputLine;
import io.millstone.server.production.ProductionDesk.BomOutputView;
import io.millstone.server.production.ProductionDesk.BomView;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Bills of materials: inputs per base quantity of the main input, outputs typed main, co-product or
 * by-product with cost shares that sum to 100, and the loss the process is expected to have.
 */
final class Boms {
  static final Set<String> TYPES = Set.of("MAIN", "CO_PRODUCT", "BY_PRODUCT");
  static final Set<String> FIGURES = Set.of("SUGAR", "MOLASSES", "BAGASSE", "PRESS_MUD", "OTHER");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  // A base or line quantity beyond this is a typing slip, not a recipe.
  private static final BigDecimal ABSURD = new BigDecimal("1000000000");

  private final Transactions tx;
  private final Clock clock;

  Boms(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  BomView save(
      Actor actor,
      String code,
      String name,
      String productItemCode,
      String baseQuantity,
      List<BomInputLine> inputs,
      List<BomOutputLine> outputs,
      String expectedLossPct,
      boolean active,
      long version) {
    Validator v = new Validator();
    v.text(code, "code", 32);
    v.text(name, "name", 200);
    v.text(productItemCode, "product_item_code", 32);
    BigDecimal base = quantity(v, "base_quantity", baseQuantity, true);
    BigDecimal loss = Decimals.parse(v, "expected_loss_percent", expectedLossPct, 4, false);
    v.check(
        loss == null || (loss.signum() >= 0 && loss.compareTo(HUNDRED) < 0),
        "expected_loss_percent",
        "must be at least 0 and below 100");
    v.check(!inputs.isEmpty(), "inputs", "needs at least one input (the first is the main input)");
    v.check(inputs.size() <= 50, "inputs", "may hold at most 50 lines");
    v.check(!outputs.isEmpty(), "outputs", "needs at least one output");
    v.check(outputs.size() <= 20, "outputs", "may hold at most 20 lines");
    List<BigDecimal> inQty = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      v.text(inputs.get(i).itemCode(), "inputs[" + i + "].item_code", 32);
      inQty.add(quantity(v, "inputs[" + i + "].quantity", inputs.get(i).quantity(), true));
    }
    List<BigDecimal> shares = new ArrayList<>();
    List<BigDecimal> expected = new ArrayList<>();
    BigDecimal sum = BigDecimal.ZERO;
    int mains = 0;
    for (int i = 0; i < outputs.size(); i++) {
      BomOutputLine o = outputs.get(i);
      String f = "outputs[" + i + "]";
      v.text(o.itemCode(), f + ".item_code", 32);
      v.check(TYPES.contains(o.type()), f + ".type", "must be MAIN, CO_PRODUCT or BY_PRODUCT");
      v.check(
          o.figure().isEmpty() || FIGURES.contains(o.figure()),
          f + ".figure",
          "is not one of " + FIGURES);
      if ("MAIN".equals(o.type())) {
        mains++;
      }
      BigDecimal s = Decimals.parse(v, f + ".cost_share_percent", o.costSharePct(), 4, true);
      v.check(
          s == null || (s.signum() >= 0 && s.compareTo(HUNDRED) <= 0),
          f + ".cost_share_percent",
          "must be between 0 and 100");
      shares.add(s);
      sum = s == null ? sum : sum.add(s);
      expected.add(quantity(v, f + ".expected_quantity", o.expectedQuantity(), false));
    }
    v.check(mains == 1, "outputs", "needs exactly one MAIN output (the product)");
    if (!shares.contains(null)) {
      v.check(
          sum.compareTo(HUNDRED) == 0,
          "outputs",
          "bom_shares_sum",
          "cost shares must sum to 100; they sum to " + sum.stripTrailingZeros().toPlainString(),
          sum.stripTrailingZeros().toPlainString());
    }
    v.check(version >= 0, "version", "must not be negative");
    v.throwIfInvalid();
    String bomCode = ItemRow.norm(code);
    String product = ItemRow.norm(productItemCode);
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          List<String> codes =
              Stream.concat(
                      Stream.of(product),
                      Stream.concat(
                          inputs.stream().map(BomInputLine::itemCode),
                          outputs.stream().map(BomOutputLine::itemCode)))
                  .map(ItemRow::norm)
                  .toList();
          Map<String, ItemRow> items = ItemRow.byCodes(c, codes);
          Validator w = new Validator();
          Set<String> seen = new HashSet<>();
          for (int i = 0; i < inputs.size(); i++) {
            stockItem(w, items, "inputs[" + i + "].item_code", inputs.get(i).itemCode());
            w.check(
                seen.add(ItemRow.norm(inputs.get(i).itemCode())),
                "inputs[" + i + "].item_code",
                "is listed twice");
          }
          Set<String> outs = new HashSet<>();
          String mainItem = "";
          for (int i = 0; i < outputs.size(); i++) {
            String oc = ItemRow.norm(outputs.get(i).itemCode());
            stockItem(w, items, "outputs[" + i + "].item_code", oc);
            w.check(outs.add(oc), "outputs[" + i + "].item_code", "is listed twice");
            w.check(!seen.contains(oc), "outputs[" + i + "].item_code", "is also an input");
            if ("MAIN".equals(outputs.get(i).type())) {
              mainItem = oc;
            }
          }
          w.check(
              product.equals(mainItem),
              "product_item_code",
              "must be the item of the MAIN output (" + mainItem + ")");
          w.throwIfInvalid();
          UUID id = existing(c, bomCode, version);
          var now = Timestamp.from(clock.instant());
          if (id == null) {
            id = Ids.newId();
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO production_bom (id, company_id, code, name, product_item_id,"
                        + " base_quantity, expected_loss_pct, active, created_at, updated_at, updated_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
              ps.setObject(1, id);
              ps.setObject(2, actor.companyId());
              ps.setString(3, bomCode);
              ps.setString(4, name.trim());
              ps.setObject(5, items.get(product).id());
              ps.setBigDecimal(6, base);
              ps.setBigDecimal(7, loss);
              ps.setBoolean(8, active);
              ps.setTimestamp(9, now);
              ps.setTimestamp(10, now);
              ps.setString(11, actor.username());
              ps.executeUpdate();
            }
          } else {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "UPDATE production_bom SET name = ?, product_item_id = ?, base_quantity = ?,"
                        + " expected_loss_pct = ?, active = ?, updated_at = ?, updated_by = ?,"
                        + " version = version + 1 WHERE id = ?")) {
              ps.setString(1, name.trim());
              ps.setObject(2, items.get(product).id());
              ps.setBigDecimal(3, base);
              ps.setBigDecimal(4, loss);
              ps.setBoolean(5, active);
              ps.setTimestamp(6, now);
              ps.setString(7, actor.username());
              ps.setObject(8, id);
              ps.executeUpdate();
            }
            for (String table : List.of("production_bom_input", "production_bom_output")) {
              try (PreparedStatement ps =
                  c.prepareStatement("DELETE FROM " + table + " WHERE bom_id = ?")) {
                ps.setObject(1, id);
                ps.executeUpdate();
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO production_bom_input (id, company_id, bom_id, line_no, item_id, quantity)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < inputs.size(); i++) {
              ps.setObject(1, Ids.newId());
              ps.setObject(2, actor.companyId());
              ps.setObject(3, id);
              ps.setInt(4, i + 1);
              ps.setObject(5, items.get(ItemRow.norm(inputs.get(i).itemCode())).id());
              ps.setBigDecimal(6, inQty.get(i));
              ps.addBatch();
            }
            ps.executeBatch();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO production_bom_output (id, company_id, bom_id, line_no, item_id,"
                      + " output_type, cost_share_pct, expected_quantity, figure)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < outputs.size(); i++) {
              BomOutputLine o = outputs.get(i);
              ps.setObject(1, Ids.newId());
              ps.setObject(2, actor.companyId());
              ps.setObject(3, id);
              ps.setInt(4, i + 1);
              ps.setObject(5, items.get(ItemRow.norm(o.itemCode())).id());
              ps.setString(6, o.type());
              ps.setBigDecimal(7, shares.get(i));
              ps.setBigDecimal(8, expected.get(i));
              ps.setString(9, o.figure().isEmpty() ? "OTHER" : o.figure());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          t.audit("production.bom.save", "production_bom", id, bomCode + " " + name.trim());
          return view(c, id);
        });
  }

  private static void stockItem(Validator v, Map<String, ItemRow> items, String field, String c) {
    ItemRow r = items.get(ItemRow.norm(c));
    v.check(r != null && r.active(), field, "'" + ItemRow.norm(c) + "' is not an active item");
    v.check(
        r == null || !r.kind().equals("SERVICE"),
        field,
        "'" + ItemRow.norm(c) + "' is a service and has no stock");
  }

  /** A quantity above zero (or zero when not required) and below a billion. */
  static BigDecimal quantity(Validator v, String field, String text, boolean required) {
    BigDecimal q = Decimals.parse(v, field, text, 6, required);
    if (q != null) {
      v.check(
          required ? q.signum() > 0 : q.signum() >= 0,
          field,
          required ? "must be more than zero" : "must not be negative");
      v.check(q.compareTo(ABSURD) < 0, field, "is not a plausible quantity");
    }
    return q;
  }

  /** The id of the BOM to replace (null to create), checking the version the caller read. */
  private static UUID existing(Connection c, String code, long version) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, version, updated_by, updated_at FROM production_bom WHERE code = ? FOR UPDATE")) {
      ps.setString(1, code);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          if (version != 0) {
            throw new NotFoundException("Bill of materials", code);
          }
          return null;
        }
        if (version == 0) {
          throw ConflictException.of(
              "bom_exists",
              "A bill of materials " + code + " exists already; open it to change it.",
              code);
        }
        Versions.check(
            "Bill of materials " + code,
            version,
            rs.getLong(2),
            rs.getString(3),
            rs.getTimestamp(4).toInstant());
        return rs.getObject(1, UUID.class);
      }
    }
  }

  BomView get(Actor actor, String code) {
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT id FROM production_bom WHERE code = ?")) {
            ps.setString(1, ItemRow.norm(code));
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw new NotFoundException("Bill of materials", ItemRow.norm(code));
              }
              return view(c, rs.getObject(1, UUID.class));
            }
          }
        });
  }

  List<BomView> list(Actor actor, boolean activeOnly) {
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          List<UUID> ids = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id FROM production_bom WHERE (active OR NOT ?) ORDER BY code LIMIT 500")) {
            ps.setBoolean(1, activeOnly);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
              }
            }
          }
          List<BomView> out = new ArrayList<>();
          for (UUID id : ids) {
            out.add(view(c, id));
          }
          return out;
        });
  }

  static BomView view(Connection c, UUID id) throws SQLException {
    List<BomInputView> inputs = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT i.code, i.name, i.unit_code, l.quantity FROM production_bom_input l"
                + " JOIN item i ON i.id = l.item_id WHERE l.bom_id = ? ORDER BY l.line_no")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          inputs.add(
              new BomInputView(
                  rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4)));
        }
      }
    }
    List<BomOutputView> outputs = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT i.code, i.name, i.unit_code, l.output_type, l.cost_share_pct, l.expected_quantity,"
                + " l.figure FROM production_bom_output l JOIN item i ON i.id = l.item_id"
                + " WHERE l.bom_id = ? ORDER BY l.line_no")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          outputs.add(
              new BomOutputView(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getBigDecimal(5),
                  rs.getBigDecimal(6),
                  rs.getString(7)));
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT b.code, b.name, i.code, b.base_quantity, b.expected_loss_pct, b.active, b.version"
                + " FROM production_bom b JOIN item i ON i.id = b.product_item_id WHERE b.id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new BomView(
            id,
            rs.getString(1),
            rs.getString(2),
            rs.getString(3),
            rs.getBigDecimal(4),
            inputs,
            outputs,
            rs.getBigDecimal(5),
            rs.getBoolean(6),
            rs.getLong(7));
      }
    }
  }
}
