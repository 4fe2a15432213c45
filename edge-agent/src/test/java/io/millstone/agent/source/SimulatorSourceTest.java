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

  static SimulatorSource weighbridge(long seed) {
    return new SimulatorSource(
        SourceConfig.builder("simulator", "gate")
            .interval(Duration.ofSeconds(1))
            .option("seed", seed)
            .tag("weighbridge_weight", "wb_gate.weight")
            .tag("weighbridge_stable", "wb_gate.stable")
            .build());
  }

  /** A stretch of stable, non-zero readings: a truck standing on the bridge. */
  record Standing(Instant from, int seconds, long kg) {}

  @Test
  void aTruckDrivesOnUnsteadilyThenStandsStillForHalfAMinuteToAMinuteAtWholeTensOfKg() {
    SimulatorSource s = weighbridge(42);
    Instant start = Instant.parse("2026-11-23T00:00:00Z");
    List<Standing> standing = new java.util.ArrayList<>();
    Instant from = null;
    long kg = 0;
    int seconds = 0;
    int unstableBefore = 0;
    int unstableRun = 0;
    for (int i = 0; i < 86_400; i++) {
      Map<String, String> v =
          s.read(start.plusSeconds(i)).stream()
              .collect(Collectors.toMap(Sample::tagKey, Sample::value));
      long w = Long.parseLong(v.get("wb_gate.weight"));
      boolean stable = Boolean.parseBoolean(v.get("wb_gate.stable"));
      assertThat(w % 10).as("the bridge reads in 10 kg steps").isZero();
      assertThat(w).isBetween(0L, 16_640L);
      if (stable && w > 0) {
        if (from == null) {
          from = start.plusSeconds(i);
          kg = w;
          seconds = 0;
          unstableBefore = unstableRun;
        }
        assertThat(w).as("a standing truck's weight does not move").isEqualTo(kg);
        seconds++;
      } else if (from != null) {
        assertThat(stable).as("a truck drives off before the bridge reads 0 again").isFalse();
        assertThat(unstableBefore).as("driving on takes 4 to 8 s").isBetween(4, 8);
        standing.add(new Standing(from, seconds, kg));
        from = null;
      }
      if (!stable) {
        assertThat(w).as("a moving truck is on the bridge").isPositive();
      }
      unstableRun = stable ? 0 : unstableRun + 1;
    }

    assertThat(standing).as("one truck in every two minutes of the day").hasSize(720);
    assertThat(standing)
        .allSatisfy(
            t -> {
              assertThat(t.seconds()).isBetween(30, 60);
              assertThat(t.kg())
                  .satisfiesAnyOf(
                      kg1 -> assertThat(kg1).as("loaded").isBetween(8_000L, 16_000L),
                      kg1 -> assertThat(kg1).as("empty").isBetween(4_000L, 6_500L));
            });
    assertThat(standing).filteredOn(t -> t.kg() <= 6_500).hasSize(360);
    for (int i = 1; i < standing.size(); i++) {
      long gap = Duration.between(standing.get(i - 1).from(), standing.get(i).from()).toSeconds();
      assertThat(gap).as("trucks come every one to three minutes").isBetween(60L, 180L);
    }
  }

  @Test
  void everyLoadedTruckComesBackEmptyLaterAndIsWeighedLighter() {
    SimulatorSource s = weighbridge(42);
    long first = Math.floorDiv(Instant.parse("2026-11-23T00:00:00Z").toEpochMilli(), 120_000);
    int trucks = 0;
    for (long slot = first; slot < first + 720; slot++) {
      SimulatorSource.Visit v = s.visit(slot);
      if (!v.loaded()) {
        assertThat(s.tareSlot(v.truck().id()))
            .as("each empty truck on the bridge was weighed loaded before")
            .isEqualTo(slot);
        continue;
      }
      trucks++;
      SimulatorSource.Truck truck = v.truck();
      long back = s.tareSlot(truck.id());
      assertThat(back - slot).as("back 6 to 46 minutes later").isBetween(3L, 23L);
      SimulatorSource.Visit empty = s.visit(back);
      assertThat(empty.truck()).isEqualTo(truck);
      assertThat(empty.loaded()).isFalse();
      assertThat(truck.gross()).isGreaterThan(truck.tare());
      assertThat(truck.tare()).isBetween(4_000L, 6_500L);
      assertThat(truck.gross()).isBetween(8_000L, 16_000L);

      // What the bridge reads while each visit stands still.
      assertThat(scale(s, v)).isEqualTo(truck.gross() + " stable");
      assertThat(scale(s, empty)).isEqualTo(truck.tare() + " stable");
    }
    assertThat(trucks).isEqualTo(360);
  }

  static String scale(SimulatorSource s, SimulatorSource.Visit v) {
    Map<String, String> m =
        s.read(Instant.ofEpochMilli((v.standFrom() + v.standTo()) / 2)).stream()
            .collect(Collectors.toMap(Sample::tagKey, Sample::value));
    return m.get("wb_gate.weight") + (m.get("wb_gate.stable").equals("true") ? " stable" : "");
  }

  @Test
  void theWeighbridgeReadsTheSameWhateverTheOrderOfReadsAndOnlyTheSeedChangesIt() {
    Instant start = Instant.parse("2026-11-23T06:00:00Z");
    SimulatorSource forward = weighbridge(7);
    SimulatorSource backward = weighbridge(7);
    List<List<Sample>> a = new java.util.ArrayList<>();
    List<List<Sample>> b = new java.util.ArrayList<>();
    for (int i = 0; i < 1800; i++) {
      a.add(forward.read(start.plusSeconds(i)));
      b.add(0, backward.read(start.plusSeconds(1799 - i)));
    }
    assertThat(a).isEqualTo(b);
    assertThat(a.get(0))
        .extracting(Sample::tagKey)
        .containsExactly("wb_gate.weight", "wb_gate.stable");
    List<List<Sample>> other = new java.util.ArrayList<>();
    for (int i = 0; i < 1800; i++) {
      other.add(weighbridge(8).read(start.plusSeconds(i)));
    }
    assertThat(other).isNotEqualTo(a);
    // Within one interval the reading is that of the interval's start.
    assertThat(forward.read(start.plusMillis(999))).isEqualTo(a.get(0));
  }
}
