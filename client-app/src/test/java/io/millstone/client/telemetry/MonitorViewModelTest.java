package io.millstone.client.telemetry;

import static io.millstone.client.telemetry.FakeTelemetry.RUNNING;
import static io.millstone.client.telemetry.FakeTelemetry.SPEED;
import static io.millstone.client.telemetry.FakeTelemetry.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.client.core.Messages;
import io.millstone.client.remote.RemoteException;
import io.millstone.client.support.DirectExecutor;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MonitorViewModelTest {
  final Instant t0 = Instant.parse("2026-11-23T06:00:00Z");
  final MutableClock clock = new MutableClock(t0);
  final FakeTelemetry server = new FakeTelemetry();
  final Messages messages = new Messages(Messages.ENGLISH);
  final AtomicInteger wakes = new AtomicInteger();
  MonitorViewModel vm;

  @BeforeEach
  void open() {
    vm =
        new MonitorViewModel(
            server,
            new DirectExecutor(),
            new TelemetryText(messages, ZoneOffset.UTC),
            clock,
            Duration.ZERO);
    vm.setOnPending(wakes::incrementAndGet);
    vm.start();
  }

  private LiveTag tag(String key) {
    return vm.machines().get(0).tags().stream()
        .filter(t -> t.tag().getKey().equals(key))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void eachMachineGetsACardWithItsTagsBeforeAnyValueArrives() {
    assertThat(vm.machines()).hasSize(1);
    assertThat(vm.machines().get(0).machine().getArea()).isEqualTo("Mill tandem 1");
    assertThat(tag("mill1.speed").valueProperty().get()).isEqualTo("\u2014");
    assertThat(tag("mill1.speed").stateProperty().get()).isEqualTo(TagState.STALE);
  }

  @Test
  void aBurstOfReadingsReachesTheScreenInOneUpdateShowingTheNewest() {
    server.push(true, value(SPEED, "5.0", t0, "NORMAL"));
    for (int i = 1; i <= 500; i++) {
      server.push(false, value(SPEED, "5." + i, t0.plusMillis(i), "NORMAL"));
    }

    assertThat(wakes.get()).isEqualTo(1);
    assertThat(vm.applyPending()).isEqualTo(1);
    assertThat(vm.uiUpdates()).isEqualTo(1);
    assertThat(tag("mill1.speed").valueProperty().get()).isEqualTo("5.500");
    assertThat(tag("mill1.speed").stateProperty().get()).isEqualTo(TagState.NORMAL);
  }

  @Test
  void aReadingThatArrivesLateDoesNotOverwriteANewerOne() {
    server.push(false, value(SPEED, "7.1", t0.plusSeconds(2), "NORMAL"));
    server.push(false, value(SPEED, "6.0", t0.plusSeconds(1), "NORMAL"));
    vm.applyPending();

    assertThat(tag("mill1.speed").valueProperty().get()).isEqualTo("7.1");
  }

  @Test
  void aValuePastTheHighLimitIsShownHighAndAQuietTagTurnsStale() {
    server.push(true, value(SPEED, "9.5", t0, "HIGH"), value(RUNNING, "true", t0, "NORMAL"));
    vm.applyPending();
    assertThat(tag("mill1.speed").stateProperty().get()).isEqualTo(TagState.HIGH);
    assertThat(tag("mill1.running").valueProperty().get()).isEqualTo("Running");

    clock.advance(MonitorViewModel.STALE_AFTER.plusSeconds(1));
    vm.recolour();

    assertThat(tag("mill1.speed").stateProperty().get()).isEqualTo(TagState.STALE);
    assertThat(tag("mill1.speed").valueProperty().get()).isEqualTo("9.5");
  }

  @Test
  void closingTheScreenCancelsTheStreamAndNothingMoreIsShown() {
    server.push(true, value(SPEED, "5.0", t0, "NORMAL"));
    vm.applyPending();

    vm.stop();
    server
        .lastStream()
        .listener
        .onUpdate(
            io.millstone.api.telemetry.v1.WatchUpdate.newBuilder()
                .addValues(value(SPEED, "9.9", t0.plusSeconds(1), "HIGH"))
                .build());
    vm.applyPending();

    assertThat(server.lastStream().cancelled).isTrue();
    assertThat(tag("mill1.speed").valueProperty().get()).isEqualTo("5.0");
  }

  @Test
  void aBrokenStreamIsReopenedAndItsSnapshotRefreshesTheValues() {
    server.push(true, value(SPEED, "5.0", t0, "NORMAL"));
    assertThat(vm.liveProperty().get()).isTrue();
    FakeTelemetry.Stream first = server.lastStream();

    first.cancelled = true; // the server went away
    first.listener.onError(new RemoteException(RemoteException.Kind.UNAVAILABLE, "gone"));

    assertThat(server.streams).hasSize(2);
    assertThat(vm.liveProperty().get()).isFalse();
    assertThat(vm.getMessage()).contains("reconnecting");
    server.push(true, value(SPEED, "6.2", t0.plusSeconds(30), "NORMAL"));
    vm.applyPending();
    assertThat(vm.liveProperty().get()).isTrue();
    assertThat(vm.getMessage()).isEmpty();
    assertThat(tag("mill1.speed").valueProperty().get()).isEqualTo("6.2");
  }
}
