package io.millstone.client.telemetry;

import static io.millstone.client.telemetry.FakeTelemetry.RUNNING;
import static io.millstone.client.telemetry.FakeTelemetry.ts;
import static io.millstone.client.telemetry.FakeTelemetry.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.telemetry.v1.Downtime;
import io.millstone.client.core.Messages;
import io.millstone.client.support.DirectExecutor;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DowntimeViewModelTest {
  final Instant now = Instant.parse("2026-11-23T06:00:00Z");
  final FakeTelemetry server = new FakeTelemetry();
  DowntimeViewModel vm;

  @BeforeEach
  void stops() {
    server.periods.add(
        Downtime.newBuilder()
            .setId("d-ongoing")
            .setMachineId(FakeTelemetry.MILL.getId())
            .setStartedAt(ts(now.minus(Duration.ofMinutes(4)).minusSeconds(30)))
            .build());
    server.periods.add(
        Downtime.newBuilder()
            .setId("d-ended")
            .setMachineId(FakeTelemetry.MILL.getId())
            .setStartedAt(ts(now.minus(Duration.ofHours(5))))
            .setEndedAt(ts(now.minus(Duration.ofHours(2)).minusSeconds(55 * 60)))
            .setReason("no_cane")
            .build());
  }

  private DowntimeViewModel open(boolean mayEdit) {
    vm =
        new DowntimeViewModel(
            server,
            new DirectExecutor(),
            new TelemetryText(new Messages(Messages.ENGLISH), ZoneOffset.UTC),
            new MutableClock(now),
            mayEdit,
            Duration.ZERO);
    vm.start();
    return vm;
  }

  @Test
  void eachStopShowsItsMachineDurationAndReason() {
    open(true);

    assertThat(vm.rows()).hasSize(2);
    DowntimeViewModel.Row ongoing = vm.rows().get(0);
    assertThat(ongoing.machine()).isEqualTo("Mill tandem 1 \u00b7 Mill 1");
    assertThat(ongoing.duration()).isEqualTo("4 min 30 s");
    assertThat(ongoing.until()).isEqualTo("still stopped");
    assertThat(ongoing.reason()).isEqualTo("\u2014 not given \u2014");
    assertThat(vm.rows().get(1).duration()).isEqualTo("2 h 05 min");
    assertThat(vm.rows().get(1).reason()).isEqualTo("No cane");
  }

  @Test
  void savingWithoutAReasonSaysSoBesideTheReasonAndSendsNothing() {
    open(true);
    vm.selectedProperty().set(vm.rows().get(0));

    vm.save();

    assertThat(vm.reasonErrorProperty().get()).isEqualTo("Choose a reason before saving.");
    assertThat(server.periods.get(0).getReason()).isEmpty();
  }

  @Test
  void aReasonTheServerRefusesIsShownBesideTheReason() {
    open(true);
    vm.selectedProperty().set(vm.rows().get(0));
    vm.reasonProperty().set("mechanical");
    server.refuseReason = FakeTelemetry.refusal("reason", "must be one of [mechanical, other]");

    vm.save();

    assertThat(vm.reasonErrorProperty().get())
        .isEqualTo("Reason: must be one of [mechanical, other]");
  }

  @Test
  void aSavedReasonShowsInTheListWithWhoGaveIt() {
    open(true);
    vm.selectedProperty().set(vm.rows().get(0));
    vm.reasonProperty().set("mechanical");
    vm.noteProperty().set("Bearing of the top roller ran hot");

    vm.save();

    assertThat(vm.reasonErrorProperty().get()).isEmpty();
    assertThat(vm.rows().get(0).reason()).isEqualTo("Mechanical fault");
    assertThat(vm.rows().get(0).period().getReasonSetBy()).isEqualTo("shift.engineer");
    assertThat(vm.rows().get(0).period().getNote()).isEqualTo("Bearing of the top roller ran hot");
    assertThat(vm.getMessage()).startsWith("Reason saved for Mill tandem 1 \u00b7 Mill 1");
  }

  @Test
  void withoutThePermissionNothingIsSaved() {
    open(false);
    vm.selectedProperty().set(vm.rows().get(0));
    vm.reasonProperty().set("planned");

    vm.save();

    assertThat(server.periods.get(0).getReason()).isEmpty();
  }

  @Test
  void aMachineStartingOrStoppingReloadsTheStops() {
    open(true);
    server.periods.remove(0);

    server.push(false, value(RUNNING, "true", now, "NORMAL"));

    assertThat(vm.rows()).extracting(r -> r.period().getId()).containsExactly("d-ended");
  }
}
