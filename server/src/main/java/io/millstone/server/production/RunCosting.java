package io.millstone.server.production;

import io.millstone.server.accounting.AccountRole;
import io.millstone.server.accounting.Books;
import io.millstone.server.production.RunRows.BomFacts;
import io.millstone.server.production.RunRows.Line;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run is worth, from what its inputs cost: inputs plus conversion cost is the run's cost;
 * the loss above the BOM's expected loss is valued at the cost of a tonne of good output and goes
 * to abnormal loss; the rest is split over the outputs by the BOM's cost shares (normalised over
 * the outputs actually made, and within an item by quantity). Rounding goes to the output with the
 * largest share, so outputs plus abnormal loss always equal inputs plus conversion cost, to the
 * paisa.
 */
record RunCosting(
    List<BigDecimal> inputValues,
    BigDecimal conversion,
    List<BigDecimal> outputValues,
    BigDecimal abnormalLoss) {
  static final int MONEY = 4;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  BigDecimal inputTotal() {
    return sum(inputValues);
  }

  BigDecimal outputTotal() {
    return sum(outputValues);
  }

  static BigDecimal sum(List<BigDecimal> values) {
    return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The conversion cost at the work centre's rate: per tonne of main input, or per shift hour. */
  static BigDecimal conversion(String basis, BigDecimal rate, BigDecimal caneTonnes, long hours) {
    BigDecimal base = basis.equals("PER_TONNE") ? caneTonnes : BigDecimal.valueOf(hours);
    return rate.multiply(base).setScale(MONEY, RoundingMode.HALF_EVEN);
  }

  static RunCosting of(
      List<Line> in, List<BigDecimal> inValues, List<Line> out, BomFacts bom, BigDecimal conv) {
    BigDecimal total = sum(inValues).add(conv);
    BigDecimal abnormal = BigDecimal.ZERO.setScale(MONEY);
    BigDecimal cane = RunFigures.caneTonnes(in, bom);
    if (out.isEmpty()) {
      abnormal = total;
    } else if (cane.signum() > 0) {
      BigDecimal expected = cane.multiply(bom.expectedLossPct()).divide(HUNDRED);
      BigDecimal lost = cane.subtract(RunFigures.outputTonnes(out));
      BigDecimal above = lost.subtract(expected);
      BigDecimal good = cane.subtract(expected);
      if (above.signum() > 0 && good.signum() > 0) {
        abnormal = total.multiply(above).divide(good, MONEY, RoundingMode.HALF_EVEN).min(total);
      }
    }
    BigDecimal left = total.subtract(abnormal);
    // Each line's weight: its item's share, split within the item by quantity.
    Map<java.util.UUID, BigDecimal> itemQty = new HashMap<>();
    for (Line l : out) {
      itemQty.merge(l.item().id(), l.quantity(), BigDecimal::add);
    }
    List<BigDecimal> weights = new ArrayList<>();
    BigDecimal weightSum = BigDecimal.ZERO;
    for (Line l : out) {
      BigDecimal share = bom.shares().getOrDefault(l.item().id(), BigDecimal.ZERO);
      BigDecimal w =
          share
              .multiply(l.quantity())
              .divide(itemQty.get(l.item().id()), 12, RoundingMode.HALF_EVEN);
      weights.add(w);
      weightSum = weightSum.add(w);
    }
    if (weightSum.signum() == 0) {
      // Only zero-share outputs were made: they carry the cost by quantity.
      weights.clear();
      for (Line l : out) {
        weights.add(l.quantity());
        weightSum = weightSum.add(l.quantity());
      }
    }
    List<BigDecimal> values = new ArrayList<>();
    BigDecimal given = BigDecimal.ZERO;
    int largest = 0;
    for (int i = 0; i < out.size(); i++) {
      BigDecimal v = left.multiply(weights.get(i)).divide(weightSum, MONEY, RoundingMode.HALF_EVEN);
      values.add(v);
      given = given.add(v);
      if (weights.get(i).compareTo(weights.get(largest)) > 0) {
        largest = i;
      }
    }
    // The paisa lost to rounding goes to the output carrying the most cost.
    if (!values.isEmpty()) {
      values.set(largest, values.get(largest).add(left.subtract(given)));
    }
    return new RunCosting(inValues, conv, values, abnormal);
  }

  /** The same costing with the outputs' values as the stock ledger wrote them. */
  RunCosting withOutputs(List<BigDecimal> written) {
    return new RunCosting(
        inputValues, conversion, written, inputTotal().add(conversion).subtract(sum(written)));
  }

  /**
   * The run's entry: inputs out of their stock accounts into work in progress, the conversion cost
   * absorbed into it, the outputs out of it into their stock accounts, the abnormal loss expensed.
   */
  List<Books.Line> entry(List<Line> in, List<Line> out, String number) {
    List<Books.Line> lines = new ArrayList<>();
    String wip = AccountRole.WORK_IN_PROGRESS.code();
    BigDecimal zero = BigDecimal.ZERO;
    Map<String, BigDecimal> credits = byAccount(in, inputValues);
    credits.forEach((a, v) -> add(lines, a, zero, v, "consumed by " + number));
    add(lines, wip, inputTotal(), zero, "inputs of " + number);
    add(lines, wip, conversion, zero, "conversion cost of " + number);
    add(lines, AccountRole.OVERHEADS_ABSORBED.code(), zero, conversion, "absorbed by " + number);
    byAccount(out, outputValues).forEach((a, v) -> add(lines, a, v, zero, "made by " + number));
    add(lines, wip, zero, outputTotal(), "outputs of " + number);
    add(lines, AccountRole.ABNORMAL_PROCESS_LOSS.code(), abnormalLoss, zero, "loss of " + number);
    add(lines, wip, zero, abnormalLoss, "abnormal loss of " + number);
    return lines;
  }

  static Map<String, BigDecimal> byAccount(List<Line> lines, List<BigDecimal> values) {
    Map<String, BigDecimal> out = new TreeMap<>();
    for (int i = 0; i < lines.size(); i++) {
      out.merge(
          AccountRole.inventoryOf(lines.get(i).item().kind()).code(),
          values.get(i),
          BigDecimal::add);
    }
    return out;
  }

  private static void add(
      List<Books.Line> lines, String account, BigDecimal debit, BigDecimal credit, String memo) {
    if (debit.signum() != 0 || credit.signum() != 0) {
      lines.add(new Books.Line(account, debit, credit, memo));
    }
  }
}
