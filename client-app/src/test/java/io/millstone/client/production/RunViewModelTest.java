package io.millstone.client.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.production.v1.DowntimeEvent;
import io.millstone.api.production.v1.RunState;
import io.millstone.api.production.v1.Shift;
import io.millstone.api.production.v1.StopReason;
import io.millstone.client.core.Messages;
import io.millstone.client.core.PostingSummary;
import io.millstone.client.support.DirectExecutor;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class RunViewModelTest {
  private static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
  private final MillInMemory mill = new MillInMemory();
  private final Messages messages = new Messages(Messages.ENGLISH);
  private final RunViewModel vm =
      new RunViewModel(mill, new DirectExecutor(), messages, (t, x) -> {});

  private static Instant dhaka(int day, int hour, int minute) {
    return ZonedDateTime.of(2026, 12, day, hour, minute, 0, 0, DHAKA).toInstant();
  }

  private void startedRun(Shift shift) {
    vm.start();
    vm.shiftProperty().set(shift);
    vm.plan();
    vm.startRun();
  }

  @Test
  void planningTakesTheFirstCentreBomAndWarehouseAndOffersTheBomsItems() {
    vm.start();

    assertThat(vm.workCentreProperty().get()).isEqualTo("MILL");
    assertThat(vm.bomProperty().get()).isEqualTo("SUGAR");
    assertThat(vm.warehouseProperty().get()).isEqualTo("YARD");
    assertThat(vm.inputChoices())
        .extracting(RunViewModel.ItemChoice::code)
        .containsExactly("CANE", "LIME");
    assertThat(vm.consumeItemProperty().get()).isEqualTo("CANE");
    assertThat(vm.outputItemProperty().get()).isEqualTo("SUGAR-L30");

    vm.plan();

    assertThat(vm.titleProperty().get()).isEqualTo("Run PR-2026-00001");
    assertThat(vm.isState(RunState.RUN_STATE_PLANNED)).isTrue();
  }

  @Test
  void aStopInTheNightShiftAfterMidnightFallsOnTheNextDay() {
    startedRun(Shift.SHIFT_C);

    assertThat(vm.atInShift("23:10")).isEqualTo(dhaka(7, 23, 10));
    assertThat(vm.atInShift("01:30")).isEqualTo(dhaka(8, 1, 30));
    assertThat(vm.atInShift("25:00")).isNull();
  }

  @Test
  void aDowntimeTheTelemetrySawFillsTheStopWhichThenNamesIt() {
    startedRun(Shift.SHIFT_A);
    DowntimeEvent seen =
        DowntimeEvent.newBuilder()
            .setId("dt-7")
            .setMachineCode("MILL-2")
            .setStartedAt(ts(dhaka(7, 7, 0)))
            .setEndedAt(ts(dhaka(7, 7, 45)))
            .setTelemetryReason("electrical")
            .build();

    vm.useDowntime(seen);
    vm.stop();

    assertThat(mill.stops).hasSize(1);
    MillInMemory.StopSent sent = mill.stops.get(0);
    assertThat(sent.from()).isEqualTo(dhaka(7, 7, 0));
    assertThat(sent.to()).isEqualTo(dhaka(7, 7, 45));
    assertThat(sent.downtimeId()).isEqualTo("dt-7");
    assertThat(sent.reason()).isEqualTo(StopReason.STOP_REASON_ELECTRICAL);
    assertThat(vm.stopFromProperty().get()).isEmpty();
    assertThat(vm.stopDowntimeProperty().get()).isEmpty();
  }

  @Test
  void aStopThatEndsBeforeItStartsIsNotSent() {
    startedRun(Shift.SHIFT_A);
    vm.stopFromProperty().set("11:00");
    vm.stopToProperty().set("10:45");

    vm.stop();

    assertThat(mill.stops).isEmpty();
    assertThat(vm.stopErrorProperty().get()).isEqualTo("The stop must end after it starts.");
  }

  @Test
  void consumptionNeedsAQuantityAboveZero() {
    startedRun(Shift.SHIFT_A);
    vm.consumeQtyProperty().set("0");
    vm.consume();
    assertThat(mill.consumed).isEmpty();
    assertThat(vm.consumeErrorProperty().get()).isEqualTo("Type a quantity above zero.");

    vm.consumeQtyProperty().set("1,000");
    vm.consumeLotProperty().set("YARD-7");
    vm.consume();

    assertThat(mill.consumed).hasSize(1);
    assertThat(mill.consumed.get(0)).containsExactly("CANE", "1000", "YARD-7");
    assertThat(vm.consumeQtyProperty().get()).isEmpty();
    assertThat(vm.runProperty().get().getConsumptionCount()).isEqualTo(1);
  }

  @Test
  void finishingAsksFirstWithTheEntryTheServerPreviewed() {
    startedRun(Shift.SHIFT_A);

    PostingSummary s = vm.summary();

    assertThat(s.question())
        .startsWith("Finish run PR-2026-00001 (MILL, 07/12/2026, Shift A)?")
        .contains("Inputs worth 60,30,000.00 and conversion cost 1,50,000.00");
    assertThat(s.details())
        .containsExactly(
            "Debit 1230 Work in progress: 60,30,000.00 (inputs)",
            "Credit 1200 Raw materials: 60,30,000.00 (inputs)");

    vm.finish();

    assertThat(mill.finished).isEqualTo(1);
    assertThat(vm.isState(RunState.RUN_STATE_FINISHED)).isTrue();
    assertThat(vm.postingProperty().get()).isNull();
    assertThat(vm.summary()).isNull();
    assertThat(vm.getMessage()).isEqualTo("Only a started run can be finished.");
  }

  @Test
  void aReversalNeedsItsReason() {
    startedRun(Shift.SHIFT_A);
    vm.finish();

    vm.reverse(" ");
    assertThat(vm.isState(RunState.RUN_STATE_FINISHED)).isTrue();
    assertThat(vm.getMessage()).isEqualTo("Give the reason for the reversal.");

    vm.reverse("Wrong lime quantity");
    assertThat(vm.isState(RunState.RUN_STATE_REVERSED)).isTrue();
  }

  private static com.google.protobuf.Timestamp ts(Instant i) {
    return com.google.protobuf.Timestamp.newBuilder()
        .setSeconds(i.getEpochSecond())
        .setNanos(i.getNano())
        .build();
  }
}
