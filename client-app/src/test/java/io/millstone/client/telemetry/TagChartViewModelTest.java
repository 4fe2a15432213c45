package io.millstone.client.telemetry;

import static io.millstone.client.telemetry.FakeTelemetry.MILL;
import static io.millstone.client.telemetry.FakeTelemetry.SPEED;
import static io.millstone.client.telemetry.FakeTelemetry.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.client.core.Messages;
import io.millstone.client.support.DirectExecutor;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TagChartViewModelTest {
  final Instant now = Instant.parse("2026-11-23T06:00:00Z");
  final MutableClock clock = new MutableClock(now);
  final FakeTelemetry server = new FakeTelemetry();
  TagChartViewModel vm;

  @BeforeEach
  void open() {
    vm =
        new TagChartViewModel(
            server,
            new DirectExecutor(),
            new TelemetryText(new Messages(Messages.ENGLISH), ZoneOffset.UTC),
            clock,
            Duration.ZERO,
            MILL,
            SPEED);
    vm.start();
  }

  @Test
  void theChartOpensOnTheLastHourOfHistoryForThatTag() {
    FakeTelemetry.HistoryCall call = server.historyCalls.get(0);
    assertThat(call.tagId()).isEqualTo(SPEED.getId());
    assertThat(call.from()).isEqualTo(now.minus(Duration.ofHours(1)));
    assertThat(call.to()).isEqualTo(now);
    assertThat(vm.history()).hasSize(3);
    assertThat(vm.history().get(0).min()).isEqualTo(6.0);
    assertThat(vm.history().get(0).max()).isEqualTo(7.0);
    assertThat(vm.bucketSecondsProperty().get()).isEqualTo(12);
  }

  @Test
  void aLongerRangeAsksForTheSameNumberOfWiderBuckets() {
    vm.select(TagChartViewModel.Range.WEEK);

    FakeTelemetry.HistoryCall call = server.historyCalls.get(1);
    assertThat(call.from()).isEqualTo(now.minus(Duration.ofDays(7)));
    assertThat(call.buckets()).isEqualTo(TagChartViewModel.BUCKETS);
    assertThat(vm.bucketSecondsProperty().get()).isEqualTo(7 * 24 * 3600 / 300);
  }

  @Test
  void zoomingNarrowsTheRangeAndAsksForFinerBuckets() {
    vm.select(TagChartViewModel.Range.DAY);
    int wide = vm.bucketSecondsProperty().get();

    vm.zoomTo(now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(2)));

    FakeTelemetry.HistoryCall call = server.historyCalls.get(server.historyCalls.size() - 1);
    assertThat(call.from()).isEqualTo(now.minus(Duration.ofHours(3)));
    assertThat(call.to()).isEqualTo(now.minus(Duration.ofHours(2)));
    assertThat(call.buckets()).isEqualTo(TagChartViewModel.BUCKETS);
    assertThat(vm.bucketSecondsProperty().get()).isLessThan(wide);
    assertThat(vm.followingProperty().get()).isFalse();
  }

  @Test
  void scrollingInKeepsThePointUnderTheMouseInPlace() {
    Instant center = now.minus(Duration.ofMinutes(15)); // three quarters across the last hour

    vm.zoomBy(0.5, center);

    assertThat(vm.fromProperty().get()).isEqualTo(now.minus(Duration.ofSeconds(37 * 60 + 30)));
    assertThat(vm.toProperty().get()).isEqualTo(now.minus(Duration.ofSeconds(7 * 60 + 30)));
    assertThat(server.historyCalls).hasSize(2);
  }

  @Test
  void liveValuesAreAppendedAndSlideTheWindowWhileItEndsNow() {
    server.push(false, value(SPEED, "7.5", now.plusSeconds(5), "NORMAL"));

    assertThat(vm.live()).extracting(TagChartViewModel.Point::avg).containsExactly(7.5);
    assertThat(vm.toProperty().get()).isEqualTo(now.plusSeconds(5));
    assertThat(vm.fromProperty().get()).isEqualTo(now.plusSeconds(5).minus(Duration.ofHours(1)));
  }

  @Test
  void aZoomedChartOfThePastIsNotDisturbedByLiveValues() {
    vm.zoomTo(now.minus(Duration.ofHours(1)), now.minus(Duration.ofMinutes(30)));

    server.push(false, value(SPEED, "7.5", now.plusSeconds(5), "NORMAL"));

    assertThat(vm.live()).isEmpty();
    assertThat(vm.toProperty().get()).isEqualTo(now.minus(Duration.ofMinutes(30)));
  }

  @Test
  void closingTheChartCancelsItsStream() {
    vm.stop();

    assertThat(server.lastStream().machineId).isEqualTo(MILL.getId());
    assertThat(server.lastStream().cancelled).isTrue();
  }
}
