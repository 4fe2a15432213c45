package io.millstone.client.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.production.v1.Stream;
import io.millstone.client.core.Messages;
import io.millstone.client.support.DirectExecutor;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class LabViewModelTest {
  private final MillInMemory mill = new MillInMemory();
  private final Messages messages = new Messages(Messages.ENGLISH);
  private final LabViewModel vm;

  LabViewModelTest() {
    mill.limits.add(MillInMemory.mixedJuiceLimits());
    vm = new LabViewModel(mill, new DirectExecutor(), messages, (t, x) -> {});
    vm.start();
  }

  private LabViewModel.Row mixedJuice(String time, String brix, String pol) {
    LabViewModel.Row r = vm.rows().get(vm.rows().size() - 1);
    r.streamProperty().set(Stream.STREAM_MIXED_JUICE);
    r.timeProperty().set(time);
    r.value("brix").set(brix);
    r.value("pol").set(pol);
    return r;
  }

  @Test
  void purityIsComputedAndAValueOutsideTheStreamsLimitsIsMarkedWithTheLimit() {
    LabViewModel.Row ok = mixedJuice("08:00", "15.2", "12.6");
    assertThat(ok.value("purity").get()).isEqualTo("82.89");
    assertThat(ok.flag("brix").get()).isEmpty();
    assertThat(ok.flag("purity").get()).isEmpty();

    ok.value("brix").set("19");
    ok.value("pol").set("14");

    assertThat(ok.value("purity").get()).isEqualTo("73.68");
    assertThat(ok.flag("brix").get())
        .isEqualTo("Brix % 19 is above the limit for Mixed juice (13–18).");
    assertThat(ok.flag("purity").get())
        .isEqualTo("Purity 73.68 is below the limit for Mixed juice (78–).");
    assertThat(ok.flag("pol").get()).isEmpty();
  }

  @Test
  void aStreamWithoutLimitsMarksNothing() {
    LabViewModel.Row r = vm.rows().get(0);
    r.streamProperty().set(Stream.STREAM_SYRUP);
    r.value("brix").set("99");
    assertThat(r.flag("brix").get()).isEmpty();
  }

  @Test
  void aNewRowTakesTheNextStreamOfTheRoundAtTheSameTime() {
    mixedJuice("08:00", "15.2", "12.6");

    LabViewModel.Row next = vm.addRow();

    assertThat(next.streamProperty().get()).isEqualTo(Stream.STREAM_CLEAR_JUICE);
    assertThat(next.timeProperty().get()).isEqualTo("08:00");
  }

  @Test
  void aLetterPicksTheNextStreamStartingWithIt() {
    assertThat(vm.streamByLetter(Stream.STREAM_PRIMARY_JUICE, "m"))
        .isEqualTo(Stream.STREAM_MIXED_JUICE);
    assertThat(vm.streamByLetter(Stream.STREAM_MIXED_JUICE, "m"))
        .isEqualTo(Stream.STREAM_MASSECUITE_A);
    assertThat(vm.streamByLetter(Stream.STREAM_SYRUP, "s")).isEqualTo(Stream.STREAM_SUGAR);
    assertThat(vm.streamByLetter(Stream.STREAM_SUGAR, "s")).isEqualTo(Stream.STREAM_SYRUP);
  }

  @Test
  void theTypedRowsAreRecordedTogetherAndTheGridStartsAfresh() {
    vm.dateProperty().set(LocalDate.of(2026, 12, 6));
    mixedJuice("08:00", "15.2", "12.6");
    LabViewModel.Row sugar = vm.addRow();
    sugar.streamProperty().set(Stream.STREAM_SUGAR);
    sugar.value("colour_icumsa").set("180");
    sugar.value("moisture_percent").set("0.04");
    vm.addRow(); // left empty: not sent

    vm.save();

    assertThat(mill.sampleBatches).hasSize(1);
    var sent = mill.sampleBatches.get(0);
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).takenAt())
        .isEqualTo(ZonedDateTime.of(2026, 12, 6, 8, 0, 0, 0, ZoneId.of("Asia/Dhaka")).toInstant());
    assertThat(sent.get(0).brix()).isEqualByComparingTo("15.2");
    assertThat(sent.get(1).colour()).isEqualByComparingTo("180");
    assertThat(sent.get(1).brix()).isNull();
    assertThat(vm.rows()).hasSize(1);
    assertThat(vm.doneProperty().get())
        .isEqualTo("2 samples recorded, 0 with values out of range.");
  }

  @Test
  void polAboveBrixIsRefusedBeforeAnythingIsSent() {
    LabViewModel.Row r = mixedJuice("08:00", "12", "13");

    vm.save();

    assertThat(mill.sampleBatches).isEmpty();
    assertThat(r.errorProperty().get()).isEqualTo("Pol cannot be above brix.");
  }

  @Test
  void theSamplesBelongToTheRunStartedThatDay() {
    mill.run =
        MillInMemory.run(
            io.millstone.api.production.v1.Shift.SHIFT_A,
            io.millstone.api.production.v1.RunState.RUN_STATE_STARTED);
    vm.dateProperty().set(LocalDate.of(2026, 12, 6));
    assertThat(vm.runs()).isEmpty();
    vm.dateProperty().set(LocalDate.of(2026, 12, 7));
    assertThat(vm.runProperty().get().getNumber()).isEqualTo("PR-2026-00001");
    mixedJuice("08:00", "15.2", "12.6");

    vm.save();

    assertThat(mill.sampleBatches.get(0).get(0).runId()).isEqualTo("run-1");

    vm.dateProperty().set(LocalDate.of(2026, 12, 8));
    assertThat(vm.runs()).isEmpty();
    assertThat(vm.runProperty().get()).isNull();
  }
}
