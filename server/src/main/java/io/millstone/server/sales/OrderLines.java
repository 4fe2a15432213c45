package io.millstone.server.sales;

import io.millstone.server.accounting.Vat;
import io.millstone.server.inventory.ItemLines;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Amounts;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Validator;
import io.millstone.server.sales.SalesDesk.OrderLineInput;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The lines of a sales order: checked, priced from the items and written. */
final class OrderLines {
  /** A line priced and taxed, ready to be written. */
  record PricedLine(ItemRow item, BigDecimal qty, BigDecimal price, BigDecimal rate) {
    BigDecimal net() {
      return Amounts.amount(qty.multiply(price));
    }

    BigDecimal vat() {
      return Vat.on(net(), rate);
    }
  }

  private OrderLines() {}

  /** Checks the lines as sent; a price left blank is taken from the item later. */
  static List<ItemLines.Parsed> parse(Validator v, List<OrderLineInput> lines) {
    return ItemLines.parse(
        v,
        lines,
        OrderLineInput::itemCode,
        OrderLineInput::quantity,
        OrderLineInput::unitPrice,
        false);
  }

  /** Prices the lines from the items (one query): the item's price unless one was sent. */
  static List<PricedLine> price(
      Connection c, BigDecimal vatRate, List<OrderLineInput> lines, List<ItemLines.Parsed> parsed)
      throws SQLException {
    Validator v = new Validator();
    List<PricedLine> out = new ArrayList<>();
    Map<String, ItemRow> known =
        ItemRow.byCodes(
            c, lines.stream().map(l -> l.itemCode().trim().toUpperCase(Locale.ROOT)).toList());
    for (int i = 0; i < lines.size(); i++) {
      String code = lines.get(i).itemCode().trim().toUpperCase(Locale.ROOT);
      ItemRow item = known.get(code);
      v.check(item != null, "lines[" + i + "].item_code", "'" + code + "' is not an active item");
      if (item != null) {
        BigDecimal price = parsed.get(i).price() == null ? item.price() : parsed.get(i).price();
        BigDecimal rate = item.taxCategory().equals("STANDARD") ? vatRate : BigDecimal.ZERO;
        PricedLine line = new PricedLine(item, parsed.get(i).quantity(), price, rate);
        v.check(
            Amounts.fitsLine(line.net()),
            "lines[" + i + "].quantity",
            "times the item's price makes a line worth more than a document can hold");
        out.add(line);
      }
    }
    v.check(
        Amounts.fitsLine(
            out.stream().map(PricedLine::net).reduce(BigDecimal.ZERO, BigDecimal::add)),
        "lines",
        "add up to more than a document can hold; split the order");
    v.throwIfInvalid();
    return out;
  }

  /** Writes the lines and the order's totals from them. */
  static void write(Connection c, Actor actor, UUID orderId, List<PricedLine> lines)
      throws SQLException {
    insert(c, actor, orderId, lines);
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE sales_order o SET net_total = s.net, vat_total = s.vat, gross_total = s.net + s.vat"
                + " FROM (SELECT coalesce(sum(net), 0) net, coalesce(sum(vat), 0) vat FROM sales_order_line"
                + " WHERE order_id = ?) s WHERE o.id = ?")) {
      ps.setObject(1, orderId);
      ps.setObject(2, orderId);
      ps.executeUpdate();
    }
  }

  static void insert(Connection c, Actor actor, UUID orderId, List<PricedLine> lines)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO sales_order_line (id, company_id, order_id, line_no, item_id, quantity, unit_price,"
                + " vat_rate, net, vat) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < lines.size(); i++) {
        PricedLine l = lines.get(i);
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

  static BigDecimal gross(List<PricedLine> lines) {
    BigDecimal sum = BigDecimal.ZERO;
    for (PricedLine l : lines) {
      sum = sum.add(l.net()).add(l.vat());
    }
    return sum;
  }
}
