package io.millstone.server.production;

import io.millstone.server.production.ProductionDesk.Figures;
import io.millstone.server.production.ProductionDesk.StopView;
import io.millstone.server.production.ProductionDesk.SugarView;
import io.millstone.server.production.RunRows.BomFacts;
import io.millstone.server.production.RunRows.Line;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures a mill judges a run by, from its lines and stops: cane crushed (tonnes of the BOM's
 * main input), crushing rate per day over the shift's hours less its stops, sugar by grade,
 * recovery and each by-product as a percentage of cane, lost time by reason, and the loss.
 */
final class RunFigures {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private RunFigures() {}

  static Figures of(
      List<Line> in, List<Line> out, List<StopView> stops, BomFacts bom, Instant from, Instant to) {
    return new Tally().add(in, out, stops, bom, Duration.between(from, to).toMinutes()).figures();
  }

  /**
   * The figures of several runs taken together (a day's shifts): tonnes and minutes are summed run
   * by run, each on its own BOM, and the rates and percentages are worked out once from the sums,
   * never averaged.
   */
  static final class Tally {
    private BigDecimal cane = BigDecimal.ZERO;
    private BigDecimal allOut = BigDecimal.ZERO;
    private final Map<String, BigDecimal> byFigure = new TreeMap<>();
    private final Map<String, SugarView> sugar = new LinkedHashMap<>();
    private final Map<String, Long> lost = new TreeMap<>();
    private long lostTotal;
    private long shiftMinutes;

    Tally add(List<Line> in, List<Line> out, List<StopView> stops, BomFacts bom, long minutes) {
      cane = cane.add(caneTonnes(in, bom));
      for (Line l : out) {
        BigDecimal t = l.item().tonnes(l.quantity());
        if (t == null) {
          continue;
        }
        allOut = allOut.add(t);
        String figure = bom.figures().getOrDefault(l.item().id(), "OTHER");
        byFigure.merge(figure, t, BigDecimal::add);
        if (figure.equals("SUGAR")) {
          sugar.merge(
              l.item().code(),
              new SugarView(l.item().code(), l.item().name(), t),
              (a, b) -> new SugarView(a.itemCode(), a.itemName(), a.tonnes().add(b.tonnes())));
        }
      }
      for (StopView s : stops) {
        lost.merge(s.reason(), s.minutes(), Long::sum);
        lostTotal += s.minutes();
      }
      shiftMinutes += minutes;
      return this;
    }

    Figures figures() {
      long crushing = shiftMinutes - lostTotal;
      BigDecimal tcd =
          crushing <= 0
              ? BigDecimal.ZERO
              : cane.multiply(BigDecimal.valueOf(24 * 60))
                  .divide(BigDecimal.valueOf(crushing), 2, RoundingMode.HALF_EVEN);
      BigDecimal sugarT = byFigure.getOrDefault("SUGAR", BigDecimal.ZERO);
      return new Figures(
          cane,
          tcd,
          new ArrayList<>(sugar.values()),
          sugarT,
          pct(sugarT, cane),
          pct(byFigure.getOrDefault("MOLASSES", BigDecimal.ZERO), cane),
          pct(byFigure.getOrDefault("BAGASSE", BigDecimal.ZERO), cane),
          pct(byFigure.getOrDefault("PRESS_MUD", BigDecimal.ZERO), cane),
          new TreeMap<>(lost),
          lostTotal,
          cane.signum() == 0 ? BigDecimal.ZERO : pct(cane.subtract(allOut), cane));
    }
  }

  /** Tonnes of the BOM's main input the lines consumed. */
  static BigDecimal caneTonnes(List<Line> in, BomFacts bom) {
    BigDecimal cane = BigDecimal.ZERO;
    for (Line l : in) {
      if (l.item().id().equals(bom.mainInputId())) {
        BigDecimal t = l.item().tonnes(l.quantity());
        cane = cane.add(t == null ? l.quantity() : t);
      }
    }
    return cane;
  }

  /** Tonnes of all outputs whose unit is a mass. */
  static BigDecimal outputTonnes(List<Line> out) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Line l : out) {
      BigDecimal t = l.item().tonnes(l.quantity());
      if (t != null) {
        sum = sum.add(t);
      }
    }
    return sum;
  }

  static BigDecimal pct(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0
        ? BigDecimal.ZERO
        : part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_EVEN);
  }
}
