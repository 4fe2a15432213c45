package io.millstone.server.purchasing;

import io.millstone.server.inventory.OrderLines;
import io.millstone.server.platform.Amounts;
import io.millstone.server.platform.Money;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.error.BusinessRuleException;
import io.millstone.server.platform.error.Phrase;
import io.millstone.server.purchasing.PurchaseDesk.BillLineInput;
import io.millstone.server.purchasing.PurchaseDesk.Settings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The three-way match: a bill may claim no more than was received (for services: ordered), at no
 * more than the order's price, each within the company's tolerance.
 */
final class ThreeWayMatch {
  private ThreeWayMatch() {}

  /** Refuses the bill, naming every line that does not match and why. */
  static void check(
      OrderHeadRow o,
      Map<Integer, OrderLines.Row> rows,
      Settings rules,
      List<BillLineInput> lines,
      List<BigDecimal> qty,
      List<BigDecimal> prices) {
    Validator v = new Validator();
    List<Object> mismatches = new ArrayList<>(); // text, or a Phrase where it names money
    Map<Integer, BigDecimal> wanted = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      OrderLines.Row l = rows.get(lines.get(i).orderLineNo());
      if (l == null) {
        v.check(
            false,
            "lines[" + i + "].order_line_no",
            o.number() + " has no line " + lines.get(i).orderLineNo());
        continue;
      }
      BigDecimal billed = l.invoiced().add(wanted.merge(l.lineNo(), qty.get(i), BigDecimal::add));
      // Services are billed against the order; goods against what was received.
      BigDecimal basis = l.isService() ? l.quantity() : l.moved();
      BigDecimal allowed =
          basis.multiply(BigDecimal.ONE.add(rules.quantityTolerancePct().movePointLeft(2)));
      if (billed.compareTo(allowed) > 0) {
        mismatches.add(
            "line "
                + l.lineNo()
                + " ("
                + l.itemCode()
                + "): billed "
                + Amounts.qty(billed)
                + " "
                + l.unit()
                + " in all, but "
                + Amounts.qty(basis)
                + " "
                + l.unit()
                + (l.isService() ? " ordered" : " received"));
      }
      BigDecimal maxPrice =
          l.price().multiply(BigDecimal.ONE.add(rules.priceTolerancePct().movePointLeft(2)));
      if (prices.get(i).compareTo(maxPrice) > 0) {
        BigDecimal over =
            l.price().signum() == 0
                ? BigDecimal.valueOf(100)
                : prices
                    .get(i)
                    .subtract(l.price())
                    .multiply(BigDecimal.valueOf(100))
                    .divide(l.price(), 1, RoundingMode.HALF_UP);
        mismatches.add(
            Phrase.of(
                "line " + l.lineNo() + " (" + l.itemCode() + "): price ",
                new Money(prices.get(i)),
                " is " + over.toPlainString() + " % above the order's ",
                new Money(l.price()),
                " (tolerance " + Amounts.qty(rules.priceTolerancePct()) + " %)"));
      }
    }
    v.throwIfInvalid();
    if (!mismatches.isEmpty()) {
      throw new BusinessRuleException(
          "three_way_mismatch",
          "The bill does not match "
              + o.number()
              + " and its receipts: "
              + Phrase.join("; ", mismatches)
              + ". Correct the bill, receive the goods first, or ask the supplier for a corrected invoice.",
          o.number(),
          Phrase.join("; ", mismatches));
    }
  }
}
