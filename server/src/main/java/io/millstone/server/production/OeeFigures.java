package io.millstone.server.production;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Overall equipment effectiveness of one machine or work centre over one period, by ISO 22400-2
 * (ADR 0028). The period's minutes are split, every minute once:
 *
 * <pre>
 * shift minutes
 *   - planned stops (cleaning)                    -> not planned busy time
 *   - no cane (the yard was empty)                 -> its own loss, not the machine's
 *   = planned busy time (PBT)
 *   - unplanned downtime (mechanical, electrical, power)  -> availability loss
 *   = actual production time (APT)
 *   - speed loss  (APT less the ideal time of what was produced)
 *   - quality loss (the ideal time of what was produced but not good)
 *   = the ideal time of the good quantity
 * </pre>
 *
 * availability = APT / PBT; performance = ideal minutes per unit x produced / APT; quality = good /
 * produced; OEE = A x P x Q, worked out from the exact fractions (equal to the ideal time of the
 * good quantity over PBT), never from the rounded percentages.
 */
public record OeeFigures(
    long periodMinutes,
    long plannedStopMinutes,
    long noCaneMinutes,
    long plannedBusyMinutes,
    Map<String, Long> downtimeByReason,
    long downtimeMinutes,
    long actualProductionMinutes,
    BigDecimal speedLossMinutes,
    BigDecimal qualityLossMinutes,
    BigDecimal goodIdealMinutes,
    BigDecimal availabilityPercent,
    BigDecimal performancePercent,
    BigDecimal qualityPercent,
    BigDecimal oeePercent) {

  /** Stops planned out of the busy time. */
  static final Set<String> PLANNED = Set.of("CLEANING", "PLANNED");

  /** Stops that are a loss of their own: the machine was ready, the cane was not. */
  static final Set<String> NO_CANE = Set.of("NO_CANE");

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /**
   * The figures of a period.
   *
   * @param periodMinutes the shift calendar's minutes in the period
   * @param stopMinutesByReason stopped minutes by stop reason (MECHANICAL, ELECTRICAL, NO_CANE,
   *     CLEANING, POWER); each stop counted once
   * @param idealMinutesPerUnit the ideal cycle time (e.g. 0.4 min per tonne for a 3,600 TCD tandem)
   * @param produced what the machine produced, in the unit of the ideal cycle time
   * @param good what of it was good
   */
  public static OeeFigures of(
      long periodMinutes,
      Map<String, Long> stopMinutesByReason,
      BigDecimal idealMinutesPerUnit,
      BigDecimal produced,
      BigDecimal good) {
    if (produced.signum() < 0 || good.signum() < 0 || good.compareTo(produced) > 0) {
      throw new IllegalArgumentException("need 0 <= good <= produced: " + good + ", " + produced);
    }
    long planned = 0;
    long noCane = 0;
    long down = 0;
    Map<String, Long> downtime = new TreeMap<>();
    for (var e : stopMinutesByReason.entrySet()) {
      if (PLANNED.contains(e.getKey())) {
        planned += e.getValue();
      } else if (NO_CANE.contains(e.getKey())) {
        noCane += e.getValue();
      } else {
        down += e.getValue();
        downtime.merge(e.getKey(), e.getValue(), Long::sum);
      }
    }
    long busy = periodMinutes - planned - noCane;
    long actual = busy - down;
    if (busy < 0 || actual < 0) {
      throw new IllegalArgumentException(
          "stops of " + (planned + noCane + down) + " min exceed the period's " + periodMinutes);
    }
    BigDecimal producedIdeal = idealMinutesPerUnit.multiply(produced);
    BigDecimal goodIdeal = idealMinutesPerUnit.multiply(good);
    BigDecimal apt = BigDecimal.valueOf(actual);
    BigDecimal pbt = BigDecimal.valueOf(busy);
    BigDecimal a = ratio(apt, pbt);
    BigDecimal p = ratio(producedIdeal, apt);
    BigDecimal q = ratio(good, produced);
    return new OeeFigures(
        periodMinutes,
        planned,
        noCane,
        busy,
        downtime,
        down,
        actual,
        apt.subtract(producedIdeal),
        producedIdeal.subtract(goodIdeal),
        goodIdeal,
        percent(a),
        percent(p),
        percent(q),
        percent(a.multiply(p, MathContext.DECIMAL128).multiply(q, MathContext.DECIMAL128)));
  }

  private static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0 ? BigDecimal.ZERO : part.divide(whole, MathContext.DECIMAL128);
  }

  private static BigDecimal percent(BigDecimal fraction) {
    return fraction.multiply(HUNDRED).setScale(2, RoundingMode.HALF_EVEN);
  }
}
