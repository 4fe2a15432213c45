package io.millstone.server.inventory;

import io.millstone.server.accounting.Vat;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Amounts;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Validator;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The lines of a sales or a purchase order as stored, written once for both: priced from the items
 * (one query), written in one batch with the order's totals, read back by line number, and checked
 * against a delivery or goods receipt. The two sides differ only in their {@link Table}.
 */
public final class OrderLines {
  private OrderLines() {}

  /**
   * Where one side keeps its orders and their lines, and the two quantities that grow against a
   * line: {@code moved} (delivered or received) and {@code invoiced} (invoiced or billed).
   */
  public record Table(String orders, String lines, String moved, String invoiced) {
    public static final Table SALES =
        new Table("sales_order", "sales_order_line", "delivered_qty", "invoiced_qty");
    public static final Table PURCHASE =
        new Table("purchase_order", "purchase_order_line", "received_qty", "billed_qty");
  }

  /** An item as an order line needs it: its default price and tax category. */
  public record Item(
      UUID id,
      String code,
      String name,
      String unit,
      String kind,
      BigDecimal price,
      String taxCategory) {}

  /** A line priced and taxed, ready to be written. */
  public record Priced(Item item, BigDecimal qty, BigDecimal price, BigDecimal rate) {
    public BigDecimal net() {
      return Amounts.amount(qty.multiply(price));
    }

    public BigDecimal vat() {
      return Vat.on(net(), rate);
    }
  }

  /**
   * A stored order line with what was moved (delivered or received) and invoiced (or billed)
   * against it.
   */
  public record Row(
      UUID id,
      int lineNo,
      UUID itemId,
      String itemCode,
      String itemName,
      String unit,
      String kind,
      BigDecimal quantity,
      BigDecimal price,
      BigDecimal rate,
      BigDecimal net,
      BigDecimal vat,
      BigDecimal moved,
      BigDecimal invoiced) {
    public boolean isService() {
      return kind.equals("SERVICE");
    }
  }

  /** How a side shows a stored line (its view record's constructor). */
  @FunctionalInterface
  public interface View<V> {
    V of(
        int lineNo,
        String itemCode,
        String itemName,
        String unitCode,
        BigDecimal quantity,
        BigDecimal unitPrice,
        BigDecimal vatRate,
        BigDecimal net,
        BigDecimal vat,
        BigDecimal moved,
        BigDecimal invoiced);
  }

  /**
   * Prices the lines from the active items of their codes (one query): the item's price unless one
   * was sent, the company's VAT rate on standard-rated items, none on the others. Refuses unknown
   * items and lines or orders worth more than a document can hold, under {@code lines[i].…}.
   *
   * @param parsed the lines as checked by {@link ItemLines#parse}
   */
  public static List<Priced> price(Connection c, BigDecimal vatRate, List<ItemLines.Parsed> parsed)
      throws SQLException {
    Validator v = new Validator();
    List<Priced> out = new ArrayList<>();
    Map<String, Item> known = items(c, parsed.stream().map(ItemLines.Parsed::itemCode).toList());
    for (int i = 0; i < parsed.size(); i++) {
      String code = parsed.get(i).itemCode();
      Item item = known.get(code);
      v.check(item != null, "lines[" + i + "].item_code", "'" + code + "' is not an active item");
      if (item != null) {
        BigDecimal price = parsed.get(i).price() == null ? item.price() : parsed.get(i).price();
        BigDecimal rate = item.taxCategory().equals("STANDARD") ? vatRate : BigDecimal.ZERO;
        Priced line = new Priced(item, parsed.get(i).quantity(), price, rate);
        v.check(
            Amounts.fitsLine(line.net()),
            "lines[" + i + "].quantity",
            "times the item's price makes a line worth more than a document can hold");
        out.add(line);
      }
    }
    v.check(
        Amounts.fitsLine(out.stream().map(Priced::net).reduce(BigDecimal.ZERO, BigDecimal::add)),
        "lines",
        "add up to more than a document can hold; split the order");
    v.throwIfInvalid();
    return out;
  }

  /** The active items of the given codes, by code, in one query. */
  private static Map<String, Item> items(Connection c, List<String> codes) throws SQLException {
    Map<String, Item> out = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, code, name, unit_code, kind, default_sale_price, tax_category FROM item"
                + " WHERE code = ANY(?) AND active")) {
      ps.setArray(1, c.createArrayOf("varchar", codes.stream().distinct().toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(
              rs.getString(2),
              new Item(
                  rs.getObject(1, UUID.class),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getBigDecimal(6),
                  rs.getString(7)));
        }
      }
    }
    return out;
  }

  /** Writes the lines (one batch) and the order's totals from them. */
  public static void write(Connection c, Table table, Actor actor, UUID orderId, List<Priced> lines)
      throws SQLException {
    insert(c, table, actor, orderId, lines);
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE "
                + table.orders()
                + " o SET net_total = s.net, vat_total = s.vat, gross_total = s.net + s.vat"
                + " FROM (SELECT coalesce(sum(net), 0) net, coalesce(sum(vat), 0) vat FROM "
                + table.lines()
                + " WHERE order_id = ?) s WHERE o.id = ?")) {
      ps.setObject(1, orderId);
      ps.setObject(2, orderId);
      ps.executeUpdate();
    }
  }

  /** Writes the lines, numbered from 1, in one batch. */
  public static void insert(
      Connection c, Table table, Actor actor, UUID orderId, List<Priced> lines)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + table.lines()
                + " (id, company_id, order_id, line_no, item_id, quantity, unit_price,"
                + " vat_rate, net, vat) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < lines.size(); i++) {
        Priced l = lines.get(i);
        ps.setObject(1, Ids.newId());
        ps.setObject(2, actor.companyId());
        ps.setObject(3, orderId);
        ps.setInt(4, i + 1);
        ps.setObject(5, l.item().id());
        ps.setBigDecimal(6, l.qty());
        ps.setBigDecimal(7, l.price());
        ps.setBigDecimal(8, l.rate());
        ps.setBigDecimal(9, l.net());
        ps.setBigDecimal(10, l.vat());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** What the lines come to with VAT. */
  public static BigDecimal gross(List<Priced> lines) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Priced l : lines) {
      sum = sum.add(l.net()).add(l.vat());
    }
    return sum;
  }

  /** The order's lines by line number. */
  public static Map<Integer, Row> byLineNo(Connection c, Table table, UUID orderId)
      throws SQLException {
    Map<Integer, Row> out = new TreeMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT l.id, l.line_no, l.item_id, i.code, i.name, i.unit_code, i.kind, l.quantity,"
                + " l.unit_price, l.vat_rate, l.net, l.vat, l."
                + table.moved()
                + ", l."
                + table.invoiced()
                + " FROM "
                + table.lines()
                + " l JOIN item i ON i.id = l.item_id WHERE l.order_id = ? ORDER BY l.line_no")) {
      ps.setObject(1, orderId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(
              rs.getInt(2),
              new Row(
                  rs.getObject(1, UUID.class),
                  rs.getInt(2),
                  rs.getObject(3, UUID.class),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getBigDecimal(8),
                  rs.getBigDecimal(9),
                  rs.getBigDecimal(10),
                  rs.getBigDecimal(11),
                  rs.getBigDecimal(12),
                  rs.getBigDecimal(13),
                  rs.getBigDecimal(14)));
        }
      }
    }
    return out;
  }

  /** The order's lines as the side shows them, by line number. */
  public static <V> List<V> views(Connection c, Table table, UUID orderId, View<V> view)
      throws SQLException {
    List<V> out = new ArrayList<>();
    for (Row l : byLineNo(c, table, orderId).values()) {
      out.add(
          view.of(
              l.lineNo(),
              l.itemCode(),
              l.itemName(),
              l.unit(),
              l.quantity(),
              l.price(),
              l.rate(),
              l.net(),
              l.vat(),
              l.moved(),
              l.invoiced()));
    }
    return out;
  }

  /**
   * Adds what a delivery or receipt moved to its order's lines, in one statement.
   *
   * @param wanted the quantity moved per order line number, as {@link #moving} returns it
   */
  public static void addMoved(
      Connection c, Table table, UUID orderId, Map<Integer, BigDecimal> wanted)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE "
                + table.lines()
                + " l SET "
                + table.moved()
                + " = l."
                + table.moved()
                + " + u.q FROM unnest(?::int[], ?::numeric[]) AS u(no, q)"
                + " WHERE l.order_id = ? AND l.line_no = u.no")) {
      ps.setArray(1, c.createArrayOf("int4", wanted.keySet().toArray(Integer[]::new)));
      ps.setArray(2, c.createArrayOf("numeric", wanted.values().toArray(BigDecimal[]::new)));
      ps.setObject(3, orderId);
      ps.executeUpdate();
    }
  }

  /** What a delivery or receipt does with a line it may move: {@code i} is the line as sent. */
  @FunctionalInterface
  public interface Mover {
    void line(int i, Row row);
  }

  /**
   * Checks the lines of a delivery or goods receipt against the order's: each must name a line of
   * the order, and all of them together take no more of a line than is left to move on it; each
   * line that names one is handed to {@code then} in turn. Records violations under {@code
   * lines[i].…} and returns the quantity wanted per order line number.
   *
   * @param leftTo what is left on a line, "left to deliver" or "left to receive"
   */
  public static Map<Integer, BigDecimal> moving(
      Validator v,
      String orderNumber,
      Map<Integer, Row> rows,
      List<Integer> lineNos,
      List<BigDecimal> qty,
      String leftTo,
      Mover then) {
    Map<Integer, BigDecimal> wanted = new HashMap<>();
    for (int i = 0; i < lineNos.size(); i++) {
      Row l = rows.get(lineNos.get(i));
      String f = "lines[" + i + "]";
      if (l == null) {
        v.check(false, f + ".order_line_no", orderNumber + " has no line " + lineNos.get(i));
        continue;
      }
      BigDecimal total = wanted.merge(l.lineNo(), qty.get(i), BigDecimal::add);
      BigDecimal open = l.quantity().subtract(l.moved());
      v.check(
          total.compareTo(open) <= 0,
          f + ".quantity",
          "line "
              + l.lineNo()
              + " ("
              + l.itemCode()
              + ") has "
              + Amounts.qty(open)
              + " "
              + l.unit()
              + " "
              + leftTo);
      then.line(i, l);
    }
    return wanted;
  }
}
