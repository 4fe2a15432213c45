package io.millstone.client.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.common.v1.Date;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.production.v1.GetOeeResponse;
import io.millstone.api.production.v1.OeeLine;
import io.millstone.api.production.v1.OeeLoss;
import io.millstone.api.production.v1.OeePeriod;
import io.millstone.api.production.v1.Shift;
import io.millstone.client.core.Messages;
import io.millstone.client.support.DirectExecutor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OeeViewModelTest {
  final List<String> asked = new ArrayList<>();

  static Decimal dec(String v) {
    return Decimal.newBuilder().setValue(v).build();
  }

  static Date date(LocalDate d) {
    return Date.newBuilder()
        .setYear(d.getYear())
        .setMonth(d.getMonthValue())
        .setDay(d.getDayOfMonth())
        .build();
  }

  static OeeLine line(String centre, String machine, String oee, String noData, String... losses) {
    OeeLine.Builder b =
        OeeLine.newBuilder()
            .setWorkCentreCode(centre)
            .setMachineCode(machine)
            .setName(machine.isEmpty() ? centre : machine)
            .setOeePercent(dec(oee))
            .setNoDataMinutes(dec(noData));
    for (int i = 0; i < losses.length; i += 2) {
      b.addLosses(OeeLoss.newBuilder().setCode(losses[i]).setMinutes(dec(losses[i + 1])));
    }
    return b.build();
  }

  OeeViewModel vm() {
    OeeGateway g =
        (period, d, shift) -> {
          asked.add(period + " " + d + " " + shift);
          return GetOeeResponse.newBuilder()
              .setFrom(date(d))
              .setTo(date(d))
              .addLines(line("MILL", "", "85.19", "0", "NO_CANE", "30", "VALUABLE", "1201.2"))
              .addLines(
                  line(
                      "MILL",
                      "MILL-1",
                      "85.19",
                      "50",
                      "NO_CANE",
                      "30",
                      "MECHANICAL",
                      "45",
                      "SPEED_LOSS",
                      "163.8",
                      "QUALITY_LOSS",
                      "0",
                      "VALUABLE",
                      "1201.2"))
              .addLines(line("BOILER", "", "79.17", "0"))
              .build();
        };
    return new OeeViewModel(g, new DirectExecutor(), new Messages(Messages.ENGLISH));
  }

  @Test
  void aLinesLossesAreListedLargestFirstWithItsMinutesWithoutReadings() {
    OeeViewModel vm = vm();
    vm.refresh();
    OeeLine mill1 = vm.lines().get(1);
    vm.selectedProperty().set(mill1);
    assertThat(vm.losses())
        .extracting(OeeViewModel.Loss::code)
        .containsExactly("SPEED_LOSS", "NO_DATA", "MECHANICAL", "NO_CANE");
    assertThat(OeeViewModel.lostMinutes(mill1)).isEqualByComparingTo("238.8");
  }

  @Test
  void theBarsAreTheWorkCentresOeeAndTheSpanAsksForItsPeriod() {
    OeeViewModel vm = vm();
    vm.refresh();
    assertThat(vm.bars())
        .containsExactly(
            new OeeViewModel.Bar("MILL", 85.19), new OeeViewModel.Bar("BOILER", 79.17));
    LocalDate day = vm.dateProperty().get();
    vm.spanProperty().set(OeeViewModel.Span.SHIFT_B);
    vm.spanProperty().set(OeeViewModel.Span.SEASON);
    assertThat(asked)
        .containsExactly(
            OeePeriod.OEE_PERIOD_DAY + " " + day + " " + Shift.SHIFT_UNSPECIFIED,
            OeePeriod.OEE_PERIOD_SHIFT + " " + day + " " + Shift.SHIFT_B,
            OeePeriod.OEE_PERIOD_SEASON_TO_DATE + " " + day + " " + Shift.SHIFT_UNSPECIFIED);
  }
}
