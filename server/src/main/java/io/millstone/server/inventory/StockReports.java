package io.millstone.server.inventory;

import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.PageToken;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Validator;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What is on hand, and the moves behind it. */
public final class StockReports {
  /** A balance line with the item's name and unit. */
  public record OnHandView(
      String itemCode,
      String itemName,
      String unitCode,
      String warehouseCode,
      String lot,
      BigDecimal quantity,
      BigDecimal value,
      BigDecimal reorderLevel,
      boolean belowReorderLevel) {}

  /** A page of balance lines. */
  public record OnHandPage(List<OnHandView> lines, String next, String currency) {}

  /** An item's moves and the currency their values are in. */
  public record Moves(List<StockLedger.MoveView> moves, String currency) {}

  public record ValuationLine(
      String itemCode,
      String itemName,
      String unitCode,
      BigDecimal quantity,
      BigDecimal averageCost,
      BigDecimal value) {}

  public record Valuation(
      List<ValuationLine> lines, BigDecimal total, BigDecimal ledgerBalance, String currency) {}

  private final Transactions tx;

  public StockReports(Transactions tx) {
    this.tx = tx;
  }

  public OnHandPage onHand(
      Actor actor,
      String itemCode,
      String warehouseCode,
      boolean hideZero,
      int pageSize,
      String token) {
    List<String> after = PageToken.decode(token, 3);
    new Validator()
        .check(
            after != null,
            "page.page_token",
            "is not a token this server gave out; start from the first page")
        .check(pageSize >= 0, "page.page_size", "must not be negative")
        .throwIfInvalid();
    int size = pageSize == 0 ? 100 : Math.min(pageSize, 1000);
    String item = itemCode == null ? "" : itemCode.trim().toUpperCase(Locale.ROOT);
    String wh = warehouseCode == null ? "" : warehouseCode.trim().toUpperCase(Locale.ROOT);
    return tx.reportInCompany(
        actor,
        (t, c) -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  // The level of the item in this warehouse is held against the warehouse's stock
                  // (all lots); without one, the item's company-wide level against all its stock.
                  "SELECT i.code, i.name, i.unit_code, w.code, b.lot, b.quantity, b.value,"
                      + " coalesce(r.reorder_level, nullif(i.reorder_level, 0)),"
                      + " CASE WHEN r.reorder_level IS NOT NULL THEN"
                      + " (SELECT sum(x.quantity) FROM stock_balance x WHERE x.item_id = b.item_id"
                      + " AND x.warehouse_id = b.warehouse_id) < r.reorder_level"
                      + " WHEN i.reorder_level > 0 THEN (SELECT sum(x.quantity) FROM stock_balance x"
                      + " WHERE x.item_id = b.item_id) < i.reorder_level ELSE false END"
                      + " FROM stock_balance b JOIN item i ON i.id = b.item_id"
                      + " JOIN warehouse w ON w.id = b.warehouse_id"
                      + " LEFT JOIN item_warehouse_reorder r ON r.item_id = b.item_id"
                      + " AND r.warehouse_id = b.warehouse_id"
                      + " WHERE (? = '' OR i.code = ?) AND (? = '' OR w.code = ?)"
                      + " AND (NOT ? OR b.quantity <> 0)"
                      + " AND (i.code, w.code, b.lot) > (?, ?, ?)"
                      + " ORDER BY i.code, w.code, b.lot LIMIT ?")) {
            ps.setString(1, item);
            ps.setString(2, item);
            ps.setString(3, wh);
            ps.setString(4, wh);
            ps.setBoolean(5, hideZero);
            ps.setString(6, after.isEmpty() ? "" : after.get(0));
            ps.setString(7, after.isEmpty() ? "" : after.get(1));
            ps.setString(8, after.isEmpty() ? "" : after.get(2));
            ps.setInt(9, size + 1);
            List<OnHandView> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new OnHandView(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBigDecimal(6),
                        rs.getBigDecimal(7),
                        rs.getBigDecimal(8),
                        rs.getBoolean(9)));
              }
            }
            String next = "";
            if (out.size() > size) {
              out = out.subList(0, size);
              OnHandView last = out.get(size - 1);
              next = PageToken.encode(last.itemCode(), last.warehouseCode(), last.lot());
            }
            return new OnHandPage(List.copyOf(out), next, CompanyAdmin.currencyOf(t));
          }
        });
  }

  /** An item's moves, newest first, at most {@code limit}. */
  public Moves moves(Actor actor, String itemCode, String warehouseCode, int limit) {
    new Validator().text(itemCode, "item_code", 32).throwIfInvalid();
    String item = itemCode.trim().toUpperCase(Locale.ROOT);
    String wh = warehouseCode == null ? "" : warehouseCode.trim().toUpperCase(Locale.ROOT);
    return tx.reportInCompany(
        actor,
        (t, c) -> {
          List<StockLedger.MoveView> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT m.id, i.code, w.code, m.lot, m.quantity, m.unit_cost, m.value, m.kind,"
                      + " m.reference, m.posted_at, m.posted_by FROM stock_move m"
                      + " JOIN item i ON i.id = m.item_id JOIN warehouse w ON w.id = m.warehouse_id"
                      + " WHERE i.code = ? AND (? = '' OR w.code = ?)"
                      + " ORDER BY m.posted_at DESC, m.id DESC LIMIT ?")) {
            ps.setString(1, item);
            ps.setString(2, wh);
            ps.setString(3, wh);
            ps.setInt(4, limit <= 0 ? 200 : Math.min(limit, 1000));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new StockLedger.MoveView(
                        rs.getObject(1, java.util.UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6),
                        rs.getBigDecimal(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getTimestamp(10).toInstant(),
                        rs.getString(11)));
              }
            }
          }
          return new Moves(out, CompanyAdmin.currencyOf(t));
        });
  }

  /** Every item with stock, at moving-average cost, and the ledger's inventory accounts. */
  public Valuation valuation(Actor actor) {
    return tx.reportInCompany(
        actor,
        (t, c) -> {
          List<ValuationLine> lines = new ArrayList<>();
          BigDecimal total = BigDecimal.ZERO;
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT i.code, i.name, i.unit_code, k.quantity, k.value FROM item_cost k"
                          + " JOIN item i ON i.id = k.item_id WHERE k.quantity <> 0 OR k.value <> 0"
                          + " ORDER BY i.code");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              BigDecimal q = rs.getBigDecimal(4);
              BigDecimal v = rs.getBigDecimal(5);
              total = total.add(v);
              lines.add(
                  new ValuationLine(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      q,
                      q.signum() > 0
                          ? v.divide(q, StockLedger.MONEY_SCALE, java.math.RoundingMode.HALF_EVEN)
                          : BigDecimal.ZERO,
                      v));
            }
          }
          BigDecimal ledger;
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT coalesce(sum(l.debit - l.credit), 0) FROM journal_line l"
                          + " JOIN account a ON a.id = l.account_id WHERE a.code IN ('1200', '1210', '1220')");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            ledger = rs.getBigDecimal(1);
          }
          return new Valuation(lines, total, ledger, CompanyAdmin.currencyOf(t));
        });
  }
}
