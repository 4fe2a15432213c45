package io.millstone.agent.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.agent.buffer.Sample;
import io.millstone.agent.config.SourceConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The simulated mill: repeatable with a seed, and readings a shift engineer would believe. */
class SimulatorSourceTest {
  static SimulatorSource mill(long seed) {
    return new SimulatorSource(
        SourceConfig.builder("simulator", "mill1")
            .interval(Duration.ofSeconds(10))
            .option("seed", seed)
            .build());
  }

  static Map<String, String> values(SimulatorSource s, Instant at) {
    return s.read(at).stream()
        .collect(Collectors.toMap(r -> r.tagKey().substring("mill1.".length()), Sample::value));
  }

  @Test
  void theSameSeedReadsTheSameMillAndAnotherSeedADifferentOne() {
    Instant at = Instant.parse("2026-11-23T08:15:30Z");
    assertThat(mill(7).read(at)).isEqualTo(mill(7).read(at));
    assertThat(mill(7).read(at)).isNotEqualTo(mill(8).read(at));
  }

  @Test
  void readingsAreTimedAtTheStartOfTheirIntervalAndCoverEverySignal() {
    List<Sample> r = mill(1).read(Instant.parse("2026-11-23T08:15:37.500Z"));
    assertThat(r)
        .extracting(Sample::tagKey)
        .containsExactlyElementsOf(
            SimulatorSource.SIGNALS.stream().map(s -> "mill1." + s).toList());
    assertThat(r).allSatisfy(s -> assertThat(s.sourceTime()).isEqualTo("2026-11-23T08:15:30Z"));
  }

  @Test
  void aDayOfReadingsStaysInAMillsRangesWithStopsAndAGrowingCentrifugalCounter() {
    SimulatorSource s = mill(42);
    Instant start = Instant.parse("2026-11-23T00:00:00Z");
    long stops = 0;
    long prevCycles = -1;
    boolean centrifugalStopped = false;
    for (int i = 0; i < 8640; i++) {
      Map<String, String> v = values(s, start.plusSeconds(i * 10L));
      double speed = Double.parseDouble(v.get("mill_speed"));
      double feed = Double.parseDouble(v.get("cane_feed"));
      if (v.get("mill_running").equals("false")) {
        stops++;
        assertThat(speed).isZero();
        assertThat(feed).isZero();
      } else {
        assertThat(speed).isBetween(4.0, 6.5);
        assertThat(feed).isBetween(90.0, 170.0);
        assertThat(Double.parseDouble(v.get("juice_flow"))).isBetween(80.0, 165.0);
      }
      assertThat(Double.parseDouble(v.get("juice_brix"))).isBetween(15.5, 20.0);
      assertThat(Double.parseDouble(v.get("boiler_pressure"))).isBetween(27.0, 33.0);
      assertThat(Double.parseDouble(v.get("steam_temp"))).isBetween(360.0, 395.0);
      long cycles = Long.parseLong(v.get("centrifugal_cycles"));
      assertThat(cycles).isGreaterThanOrEqualTo(prevCycles).isPositive();
      prevCycles = cycles;
      centrifugalStopped |= v.get("centrifugal_running").equals("false");
    }
    assertThat(stops).as("no-cane stops happen, but rarely").isBetween(100L, 2000L);
    assertThat(centrifugalStopped).as("the centrifugal discharges between cycles").isTrue();
  }

  @Test
  void configuredTagKeysReplaceTheDefaultsAndUnmappedSignalsAreLeftOut() {
    SimulatorSource s =
        new SimulatorSource(
            SourceConfig.builder("simulator", "sim")
                .tag("mill_speed", "mill2.speed")
                .tag("boiler_pressure", "boiler1.drum_pressure")
                .build());
    assertThat(s.read(Instant.now()))
        .extracting(Sample::tagKey)
        .containsExactly("mill2.speed", "boiler1.drum_pressure");
    assertThat(
            s.read(Instant.now()).stream()
                .collect(Collectors.toMap(Sample::tagKey, Function.identity()))
                .get("mill2.speed")
                .quality())
        .isEqualTo(Sample.GOOD);
  }
}
