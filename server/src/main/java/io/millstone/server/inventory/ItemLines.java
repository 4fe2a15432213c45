package io.millstone.server.inventory;

import io.millstone.server.platform.Amounts;
import io.millstone.server.platform.Decimals;
import io.millstone.server.platform.Validator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The lines of an order as sent (an item, a quantity, a price), checked the same way for sales and
 * purchase orders: at least one and at most 200 lines, a quantity above zero, a price not below
 * zero. Bad fields are recorded on the validator under {@code lines[i].…}.
 */
public final class ItemLines {
  /** Prices are kept to four decimals. */
  public static final int PRICE_SCALE = 4;

  /** A line's quantity and price as sent; the price is null where it may be left out. */
  public record Parsed(BigDecimal quantity, BigDecimal price) {}

  private ItemLines() {}

  /**
   * @param priceRequired whether a line must carry a price (a purchase order: the agreed price), or
   *     may leave it to the item's default (a sales order)
   */
  public static <T> List<Parsed> parse(
      Validator v,
      List<T> lines,
      Function<T, String> itemCode,
      Function<T, String> quantity,
      Function<T, String> price,
      boolean priceRequired) {
    v.check(!lines.isEmpty(), "lines", "needs at least one line");
    v.check(lines.size() <= 200, "lines", "may hold at most 200 lines");
    List<Parsed> out = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < lines.size(); i++) {
      T l = lines.get(i);
      String f = "lines[" + i + "]";
      v.text(itemCode.apply(l), f + ".item_code", 32);
      BigDecimal q =
          Decimals.parse(v, f + ".quantity", quantity.apply(l), StockLedger.QUANTITY_SCALE, true);
      v.check(q == null || q.signum() > 0, f + ".quantity", "must be more than zero");
      BigDecimal p = null;
      String sent = price.apply(l);
      if (priceRequired || (sent != null && !sent.isBlank())) {
        p = Decimals.parse(v, f + ".unit_price", sent, PRICE_SCALE, true);
        v.check(p == null || p.signum() >= 0, f + ".unit_price", "must not be negative");
      }
      if (q != null && p != null) {
        total = total.add(q.multiply(p));
        v.check(
            Amounts.fitsLine(q.multiply(p)),
            f + ".quantity",
            "times the price makes a line worth more than a document can hold; check both");
      }
      out.add(new Parsed(q, p));
    }
    v.check(
        Amounts.fitsLine(total),
        "lines",
        "add up to more than a document can hold; split the order");
    return out;
  }
}
