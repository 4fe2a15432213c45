package io.millstone.client.telemetry;

import static io.millstone.client.telemetry.FakeTelemetry.SPEED;
import static io.millstone.client.telemetry.FakeTelemetry.ts;
import static io.millstone.client.telemetry.FakeTelemetry.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.common.v1.Decimal;
import io.millstone.api.telemetry.v1.Alarm;
import io.millstone.client.core.Messages;
import io.millstone.client.support.DirectExecutor;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AlarmsViewModelTest {
  final Instant t0 = Instant.parse("2026-11-23T06:00:00Z");
  final FakeTelemetry server = new FakeTelemetry();

  private AlarmsViewModel open(boolean mayAcknowledge) {
    AlarmsViewModel vm =
        new AlarmsViewModel(
            server,
            new DirectExecutor(),
            new TelemetryText(new Messages(Messages.ENGLISH), ZoneOffset.UTC),
            mayAcknowledge,
            Duration.ZERO);
    vm.start();
    return vm;
  }

  private Alarm alarm(String id, Instant started, Instant ended, String ackBy) {
    Alarm.Builder b =
        Alarm.newBuilder()
            .setId(id)
            .setTagId(SPEED.getId())
            .setTagKey(SPEED.getKey())
            .setMachineId(FakeTelemetry.MILL.getId())
            .setKind("HIGH")
            .setLimit(Decimal.newBuilder().setValue("8"))
            .setStartValue(Decimal.newBuilder().setValue("9.5"))
            .setStartedAt(ts(started))
            .setAcknowledgedBy(ackBy);
    if (ended != null) {
      b.setEndedAt(ts(ended));
    }
    return b.build();
  }

  @Test
  void activeAlarmsComeFirstThenOnesWaitingForAcknowledgement() {
    server.alarms.add(alarm("ended-acked", t0.plusSeconds(300), t0.plusSeconds(320), "asha"));
    server.alarms.add(alarm("ended-open", t0.plusSeconds(200), t0.plusSeconds(210), ""));
    server.alarms.add(alarm("active-old", t0, null, ""));
    server.alarms.add(alarm("active-new", t0.plusSeconds(100), null, "rahim"));

    AlarmsViewModel vm = open(true);

    assertThat(vm.rows())
        .extracting(r -> r.alarm().getId())
        .containsExactly("active-old", "active-new", "ended-open", "ended-acked");
    assertThat(vm.rows().get(0).machine()).isEqualTo("Mill tandem 1 \u00b7 Mill 1");
    assertThat(vm.rows().get(0).tag()).isEqualTo("Mill speed");
    assertThat(vm.rows().get(0).raisedAt()).isEqualTo("23/11/2026 06:00:00");
  }

  @Test
  void acknowledgingShowsWhoDidItInTheRow() {
    server.alarms.add(alarm("a1", t0, null, ""));
    AlarmsViewModel vm = open(true);

    vm.acknowledge(vm.rows().get(0));

    assertThat(server.acknowledged).containsExactly("a1");
    assertThat(vm.rows().get(0).acknowledged()).isTrue();
    assertThat(vm.rows().get(0).alarm().getAcknowledgedBy()).isEqualTo("shift.engineer");
    assertThat(vm.getMessage()).contains("Mill speed").contains("shift.engineer");
  }

  @Test
  void withoutThePermissionNothingIsSentToAcknowledge() {
    server.alarms.add(alarm("a1", t0, null, ""));
    AlarmsViewModel vm = open(false);

    vm.acknowledge(vm.rows().get(0));

    assertThat(server.acknowledged).isEmpty();
  }

  @Test
  void aTagGoingIntoAlarmOnTheLiveStreamReloadsTheList() {
    AlarmsViewModel vm = open(true);
    server.push(true, value(SPEED, "7.0", t0, "NORMAL"));
    assertThat(vm.rows()).isEmpty();
    int loads = server.alarmLoads;

    server.alarms.add(alarm("a1", t0.plusSeconds(1), null, ""));
    server.push(false, value(SPEED, "7.2", t0.plusMillis(500), "NORMAL"));
    assertThat(server.alarmLoads).isEqualTo(loads);
    server.push(false, value(SPEED, "9.5", t0.plusSeconds(1), "HIGH"));

    assertThat(server.alarmLoads).isEqualTo(loads + 1);
    assertThat(vm.rows()).extracting(r -> r.alarm().getId()).containsExactly("a1");
  }
}
