package io.millstone.client.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.analytics.v1.DrillDown;
import io.millstone.api.analytics.v1.DrillKind;
import io.millstone.api.analytics.v1.Figure;
import io.millstone.api.analytics.v1.FigureGroup;
import io.millstone.api.analytics.v1.Flag;
import io.millstone.api.analytics.v1.ProductionReport;
import io.millstone.api.cane.v1.WeighbridgeTicket;
import io.millstone.api.common.v1.Date;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.inventory.v1.Move;
import io.millstone.api.production.v1.ProductionRun;
import io.millstone.api.production.v1.RunStop;
import io.millstone.api.production.v1.Sample;
import io.millstone.api.production.v1.Shift;
import io.millstone.api.production.v1.StopReason;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.support.DirectExecutor;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ProductionReportViewModelTest {
  private final List<LocalDate> asked = new ArrayList<>();
  private final Messages m = new Messages(Messages.ENGLISH);

  private final ProductionReportGateway gateway =
      new ProductionReportGateway() {
        @Override
        public ProductionReport report(LocalDate date) throws Exception {
          asked.add(date);
          if (date.isAfter(Dates.today())) {
            throw new IllegalStateException("date: is in the future");
          }
          return ProductionReport.newBuilder()
              .setSeasonName("Crushing season 2026-27")
              .setSeasonStart(Date.newBuilder().setYear(2026).setMonth(11).setDay(18))
              .setCrushingDays(20)
              .setBandPercent(dec("10"))
              .addFigures(
                  Figure.newBuilder()
                      .setKey("cane_crushed")
                      .setGroup(FigureGroup.FIGURE_GROUP_CANE)
                      .setUnit("t")
                      .setShiftA(dec("79.163"))
                      .setDay(dec("237.49"))
                      .setDrill(
                          DrillDown.newBuilder()
                              .setKind(DrillKind.DRILL_KIND_RUNS)
                              .addRunIds("run-a")))
              .addFigures(
                  Figure.newBuilder()
                      .setKey("lost:MECHANICAL")
                      .setGroup(FigureGroup.FIGURE_GROUP_STOPS)
                      .setUnit("min")
                      .setDay(dec("79"))
                      .setFlag(Flag.FLAG_HIGH)
                      .setFlagReason("97.5 % above the season average of 40")
                      .setDrill(
                          DrillDown.newBuilder()
                              .setKind(DrillKind.DRILL_KIND_STOPS)
                              .addRunIds("run-a")
                              .setReason("MECHANICAL")))
              .build();
        }

        @Override
        public List<ProductionRun> runs(List<String> ids) {
          return List.of(
              ProductionRun.newBuilder()
                  .setId("run-a")
                  .setNumber("PR-2026-00058")
                  .setShift(Shift.SHIFT_A)
                  .addStops(
                      RunStop.newBuilder()
                          .setReason(StopReason.STOP_REASON_MECHANICAL)
                          .setFrom(com.google.protobuf.Timestamp.newBuilder().setSeconds(1000))
                          .setTo(com.google.protobuf.Timestamp.newBuilder().setSeconds(1000 + 1800))
                          .setNote("Choke at the No. 2 mill"))
                  .addStops(
                      RunStop.newBuilder()
                          .setReason(StopReason.STOP_REASON_NO_CANE)
                          .setFrom(com.google.protobuf.Timestamp.newBuilder().setSeconds(5000))
                          .setTo(com.google.protobuf.Timestamp.newBuilder().setSeconds(5600)))
                  .build());
        }

        @Override
        public List<WeighbridgeTicket> tickets(Instant from, Instant to) {
          return List.of();
        }

        @Override
        public List<Sample> samples(Instant from, Instant to) {
          return List.of();
        }

        @Override
        public List<Move> stockMoves(String itemCode) {
          return List.of();
        }
      };

  private static Decimal dec(String v) {
    return Decimal.newBuilder().setValue(v).build();
  }

  private ProductionReportViewModel open() {
    ProductionReportViewModel vm = new ProductionReportViewModel(gateway, new DirectExecutor(), m);
    vm.refresh();
    return vm;
  }

  @Test
  void itOpensOnYesterdayWithEachGroupUnderItsHeading() {
    ProductionReportViewModel vm = open();
    assertThat(asked).containsExactly(Dates.today().minusDays(1));
    assertThat(vm.rows())
        .extracting(ProductionReportViewModel.Row::label)
        .containsExactly("Cane", "Cane crushed", "Stops", "\u2003Mechanical");
    assertThat(vm.headingProperty().get())
        .isEqualTo(
            "Crushing season 2026-27, from 18/11/2026: 20 crushing day(s) so far. Flagged: more"
                + " than 10 % from the season average, or outside the lab's limits.");
  }

  @Test
  void aFlaggedFigureCarriesAnArrowAndAWord() {
    ProductionReportViewModel vm = open();
    Figure lost = vm.rows().get(3).figure();
    assertThat(ProductionReportViewModel.flagText(lost, m)).isEqualTo("\u25b2 Above");
    assertThat(ProductionReportViewModel.flagText(vm.rows().get(1).figure(), m)).isEmpty();
  }

  @Test
  void aReasonsLostTimeOpensOnlyTheStopsOfThatReason() {
    ProductionReportViewModel vm = open();
    AtomicReference<ProductionReportViewModel.Behind> shown = new AtomicReference<>();
    vm.drill(vm.rows().get(3), shown::set);
    assertThat(shown.get().rows()).hasSize(1);
    assertThat(shown.get().rows().get(0).cells())
        .containsSubsequence("PR-2026-00058", "30", "Mechanical", "Choke at the No. 2 mill");
    assertThat(shown.get().rows().get(0).run().getId()).isEqualTo("run-a");
    // a heading opens nothing
    shown.set(null);
    vm.drill(vm.rows().get(0), shown::set);
    assertThat(shown.get()).isNull();
  }

  @Test
  void aRefusedDateEmptiesTheReportAndSaysWhy() {
    ProductionReportViewModel vm = open();
    vm.dateProperty().set(Dates.today().plusDays(1));
    assertThat(vm.rows()).isEmpty();
    assertThat(vm.getMessage()).contains("in the future");
    vm.previousDay();
    vm.previousDay();
    assertThat(vm.rows()).hasSize(4);
    assertThat(vm.getMessage()).isEmpty();
  }
}
