package io.millstone.server.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * OEE against a shift worked out by hand, every step written here.
 *
 * <p>The mill tandem's A shift, 06:00-14:00: 480 minutes. It stopped 30 minutes for cleaning
 * (planned), 20 minutes because the yard had no cane (its own loss), 45 minutes for a mechanical
 * fault and 15 for an electrical one. Its ideal rate is 3,600 t a day, 2.5 t a minute: an ideal
 * cycle time of 0.4 minutes a tonne. It crushed 850 t, of which 17 t went back to be crushed again
 * (833 t good).
 *
 * <pre>
 * planned busy time   = 480 - 30 (cleaning) - 20 (no cane)   = 430 min
 * actual production   = 430 - 45 - 15                        = 370 min
 * availability        = 370 / 430                            = 86.05 %
 * performance         = 0.4 x 850 / 370 = 340 / 370          = 91.89 %
 * quality             = 833 / 850                            = 98.00 %
 * OEE                 = 370/430 x 340/370 x 833/850
 *                     = 340/430 x 0.98 = 0.790698 x 0.98     = 77.49 %
 * speed loss          = 370 - 340                            =  30 min
 * quality loss        = 0.4 x 17                             =   6.8 min
 * good at ideal speed = 0.4 x 833                            = 333.2 min
 * check: 333.2 + 6.8 + 30 + 60 (breakdowns)                  = 430 min = planned busy time
 * </pre>
 */
class OeeFiguresTest {

  @Test
  void theHandWorkedShift() {
    OeeFigures f =
        OeeFigures.of(
            480,
            Map.of("CLEANING", 30L, "NO_CANE", 20L, "MECHANICAL", 45L, "ELECTRICAL", 15L),
            new BigDecimal("0.4"),
            new BigDecimal("850"),
            new BigDecimal("833"));

    assertThat(f.plannedStopMinutes()).isEqualTo(30);
    assertThat(f.noCaneMinutes()).isEqualTo(20);
    assertThat(f.plannedBusyMinutes()).isEqualTo(430);
    assertThat(f.downtimeByReason())
        .containsExactly(Map.entry("ELECTRICAL", 15L), Map.entry("MECHANICAL", 45L));
    assertThat(f.actualProductionMinutes()).isEqualTo(370);
    assertThat(f.availabilityPercent()).isEqualByComparingTo("86.05");
    assertThat(f.performancePercent()).isEqualByComparingTo("91.89");
    assertThat(f.qualityPercent()).isEqualByComparingTo("98.00");
    // from the exact fractions: 86.05 x 91.89 x 98.00 would give 77.49 here too, but only by luck
    assertThat(f.oeePercent()).isEqualByComparingTo("77.49");
    assertThat(f.speedLossMinutes()).isEqualByComparingTo("30");
    assertThat(f.qualityLossMinutes()).isEqualByComparingTo("6.8");
    assertThat(f.goodIdealMinutes()).isEqualByComparingTo("333.2");
    // every minute of the planned busy time is in exactly one place
    assertThat(
            f.goodIdealMinutes()
                .add(f.qualityLossMinutes())
                .add(f.speedLossMinutes())
                .add(BigDecimal.valueOf(f.downtimeMinutes())))
        .isEqualByComparingTo(BigDecimal.valueOf(f.plannedBusyMinutes()));
  }

  @Test
  void aDayWithoutCaneIsNotTheMachinesLoss() {
    // The yard was empty all shift: nothing was planned busy, so nothing is the machine's loss.
    OeeFigures f =
        OeeFigures.of(
            480, Map.of("NO_CANE", 480L), new BigDecimal("0.4"), BigDecimal.ZERO, BigDecimal.ZERO);
    assertThat(f.plannedBusyMinutes()).isZero();
    assertThat(f.noCaneMinutes()).isEqualTo(480);
    assertThat(f.downtimeMinutes()).isZero();
    assertThat(f.oeePercent()).isEqualByComparingTo("0");
  }

  @Test
  void impossibleInputIsRefused() {
    assertThatThrownBy(
            () ->
                OeeFigures.of(
                    480,
                    Map.of(),
                    new BigDecimal("0.4"),
                    new BigDecimal("10"),
                    new BigDecimal("11")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                OeeFigures.of(
                    480,
                    Map.of("MECHANICAL", 500L),
                    new BigDecimal("0.4"),
                    BigDecimal.ZERO,
                    BigDecimal.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
