package io.millstone.server.inventory;

import io.millstone.server.platform.Amounts;
import io.millstone.server.platform.Decimals;
import io.millstone.server.platform.Validator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The lines of an order as sent (an item, a quantity, a price), checked the same way for sales and
 * purchase orders: at least one and at most 200 lines, a quantity above zero, a price not below
 * zero. Bad fields are recorded on the validator under {@code lines[i].…}.
 */
public final class ItemLines {
  /** Prices are kept to four decimals. */
  public static final int PRICE_SCALE = 4;

  /**
   * A line's item code (trimmed, upper-cased), quantity and price as sent; the price is null where
   * it may be left out.
   */
  public record Parsed(String itemCode, BigDecimal quantity, BigDecimal price) {}

  private ItemLines() {}

  /**
   * A line's quantity as sent, at the stock ledger's scale and above zero; null (with the violation
   * recorded under {@code line + ".quantity"}) where it is not.
   *
   * @param line the line's field, {@code lines[i]}
   */
  public static BigDecimal quantity(Validator v, String line, String sent) {
    BigDecimal q = Decimals.parse(v, line + ".quantity", sent, StockLedger.QUANTITY_SCALE, true);
    v.check(q == null || q.signum() > 0, line + ".quantity", "must be more than zero");
    return q;
  }

  /**
   * A line's unit price as sent, to four decimals and not below zero; null (with the violation
   * recorded under {@code line + ".unit_price"}) where it is not.
   */
  public static BigDecimal price(Validator v, String line, String sent) {
    BigDecimal p = Decimals.parse(v, line + ".unit_price", sent, PRICE_SCALE, true);
    v.check(p == null || p.signum() >= 0, line + ".unit_price", "must not be negative");
    return p;
  }

  /**
   * The quantities of a document that moves stock against an order's lines (a delivery, a goods
   * receipt), checked the same way on both sides: one to 200 lines, each quantity above zero and
   * each lot at most 40 characters. A null in the answer stands for a quantity recorded as bad.
   */
  public static <T> List<BigDecimal> moving(
      Validator v, List<T> lines, Function<T, String> quantity, Function<T, String> lot) {
    v.check(!lines.isEmpty(), "lines", "needs at least one line");
    v.check(lines.size() <= 200, "lines", "may hold at most 200 lines");
    List<BigDecimal> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      T l = lines.get(i);
      out.add(quantity(v, "lines[" + i + "]", quantity.apply(l)));
      String lotSent = lot.apply(l);
      v.check(
          lotSent == null || lotSent.length() <= 40,
          "lines[" + i + "].lot",
          "is too long (at most 40 characters)");
    }
    return out;
  }

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
      String code = itemCode.apply(l);
      v.text(code, f + ".item_code", 32);
      BigDecimal q = quantity(v, f, quantity.apply(l));
      BigDecimal p = null;
      String sent = price.apply(l);
      if (priceRequired || (sent != null && !sent.isBlank())) {
        p = price(v, f, sent);
      }
      if (q != null && p != null) {
        total = total.add(q.multiply(p));
        v.check(
            Amounts.fitsLine(q.multiply(p)),
            f + ".quantity",
            "times the price makes a line worth more than a document can hold; check both");
      }
      out.add(new Parsed(code == null ? null : code.trim().toUpperCase(Locale.ROOT), q, p));
    }
    v.check(
        Amounts.fitsLine(total),
        "lines",
        "add up to more than a document can hold; split the order");
    return out;
  }
}
