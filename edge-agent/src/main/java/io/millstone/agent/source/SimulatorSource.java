package io.millstone.agent.source;

import io.millstone.agent.buffer.Sample;
import io.millstone.agent.config.SourceConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A believable mill tandem, boiler and batch centrifugal, and the weighbridge at the mill gate, for
 * demos and tests. Every value is a pure function of the seed and the reading's time (rounded down
 * to the interval), so two agents with the same seed read the same mill, and counters keep growing
 * across restarts.
 *
 * <p>The mill stops now and then for lack of cane: speed, feed and juice drop to zero and the run
 * state goes false. Boiler pressure sags while the mill is stopped (no fresh bagasse).
 *
 * <p>The weighbridge sees one truck every two minutes or so ({@link #WB_SLOT_MS} slots, the truck
 * arriving somewhere in the first 45 s of its slot): the weight climbs for 4–8 s while the truck
 * drives on (unstable), stands 30–60 s (stable), falls for 3–6 s as it drives off (unstable), and
 * the empty bridge reads 0 (stable). Even slots are loaded trucks (gross 8,000–16,000 kg), odd
 * slots empty trucks coming back for tare (4,000–6,500 kg): truck {@code j} is weighed gross in
 * slot {@code 2j} and tare in a later odd slot, 6 to 46 minutes after, its place in the queue of
 * empties shuffled within blocks of {@link #WB_BLOCK} trucks. Weights are whole kg in 10 kg steps.
 */
public final class SimulatorSource implements Source {
  private static final Logger log = LoggerFactory.getLogger(SimulatorSource.class);

  /** The signals this source gives, in the order it reads them. */
  public static final List<String> SIGNALS =
      List.of(
          "mill_running",
          "mill_speed",
          "cane_feed",
          "juice_flow",
          "juice_brix",
          "boiler_pressure",
          "steam_temp",
          "centrifugal_running",
          "centrifugal_cycles",
          "weighbridge_weight",
          "weighbridge_stable");

  static final long CENTRIFUGAL_CYCLE_MS = 180_000;
  static final long CENTRIFUGAL_SPIN_MS = 150_000;
  static final long STOP_SLOT_MS = 600_000;
  static final long WB_SLOT_MS = 120_000;
  static final int WB_BLOCK = 6;
  static final long WB_STEP_KG = 10;

  private final String name;
  private final long seed;
  private final Duration interval;
  private final Map<String, String> tagKeys;
  private ScheduledExecutorService timer;

  public SimulatorSource(SourceConfig config) {
    this.name = config.name();
    this.seed = config.longOption("seed", 1);
    this.interval = config.interval();
    Map<String, String> keys = new LinkedHashMap<>();
    for (String signal : SIGNALS) {
      if (config.tags().isEmpty()) {
        keys.put(signal, name + "." + signal);
      } else if (config.tags().containsKey(signal)) {
        keys.put(signal, config.tags().get(signal));
      }
    }
    for (String signal : config.tags().keySet()) {
      if (!SIGNALS.contains(signal)) {
        throw new IllegalArgumentException(
            "source '"
                + name
                + "': the simulator has no signal '"
                + signal
                + "'; it has "
                + String.join(", ", SIGNALS));
      }
    }
    this.tagKeys = Map.copyOf(keys);
  }

  @Override
  public String name() {
    return name;
  }

  /** The readings at {@code at} (rounded down to the interval), for every configured signal. */
  public List<Sample> read(Instant at) {
    long step = interval.toMillis();
    long t = Math.floorDiv(at.toEpochMilli(), step) * step;
    Instant when = Instant.ofEpochMilli(t);
    Map<String, String> v = values(t);
    List<Sample> out = new ArrayList<>(tagKeys.size());
    for (String signal : SIGNALS) {
      String key = tagKeys.get(signal);
      if (key != null) {
        out.add(Sample.good(key, when, v.get(signal)));
      }
    }
    return out;
  }

  Map<String, String> values(long t) {
    double minutes = t / 60_000.0;
    boolean running = !noCaneStop(t);
    double slow = Math.sin(2 * Math.PI * minutes / 47.0 + phase(1));
    double medium = Math.sin(2 * Math.PI * minutes / 7.0 + phase(2));
    double speed = running ? 5.2 + 0.25 * slow + 0.1 * medium + noise(t, 1, 0.03) : 0;
    double feed = running ? 128 + 12 * slow + 4 * medium + noise(t, 2, 1.5) : 0;
    double juice = running ? feed * 0.93 + noise(t, 3, 1.0) : 0;
    double brix =
        17.6 + 0.7 * Math.sin(2 * Math.PI * minutes / 133.0 + phase(3)) + noise(t, 4, 0.05);
    double pressure = 31.0 + 0.8 * medium + noise(t, 5, 0.08) - (running ? 0 : 2.5 * stopDepth(t));
    double steam = 382 + 6 * slow + noise(t, 6, 0.6) - (running ? 0 : 8 * stopDepth(t));
    long sinceEpochCycles =
        Math.floorDiv(t + offset(7, CENTRIFUGAL_CYCLE_MS), CENTRIFUGAL_CYCLE_MS);
    long inCycle = Math.floorMod(t + offset(7, CENTRIFUGAL_CYCLE_MS), CENTRIFUGAL_CYCLE_MS);
    Map<String, String> v = new LinkedHashMap<>();
    v.put("mill_running", Boolean.toString(running));
    v.put("mill_speed", fixed(Math.max(0, speed), 2));
    v.put("cane_feed", fixed(Math.max(0, feed), 1));
    v.put("juice_flow", fixed(Math.max(0, juice), 1));
    v.put("juice_brix", fixed(brix, 2));
    v.put("boiler_pressure", fixed(pressure, 2));
    v.put("steam_temp", fixed(steam, 1));
    v.put("centrifugal_running", Boolean.toString(inCycle < CENTRIFUGAL_SPIN_MS));
    // Cycles completed since the epoch, less a seed-fixed base, so the counter never goes back.
    v.put("centrifugal_cycles", Long.toString(sinceEpochCycles - 160_000L));
    Scale scale = weighbridge(t);
    v.put("weighbridge_weight", Long.toString(scale.kg()));
    v.put("weighbridge_stable", Boolean.toString(scale.stable()));
    return v;
  }

  /** What the weighbridge's indicator shows: whole kg, and whether the weight has settled. */
  record Scale(long kg, boolean stable) {}

  /** A truck that brings cane: its weight empty and loaded, in kg. */
  record Truck(long id, long tare, long gross) {}

  /**
   * One truck on the bridge: it arrives {@code arriveMs} into its slot, drives on for {@code
   * rampMs}, stands for {@code standMs} and drives off for {@code offMs}.
   */
  record Visit(
      long slot,
      Truck truck,
      boolean loaded,
      long arriveMs,
      long rampMs,
      long standMs,
      long offMs) {
    long kg() {
      return loaded ? truck.gross() : truck.tare();
    }

    /** When the truck is at rest on the bridge, as milliseconds since the epoch (from, to). */
    long standFrom() {
      return slot * WB_SLOT_MS + arriveMs + rampMs;
    }

    long standTo() {
      return standFrom() + standMs;
    }
  }

  Scale weighbridge(long t) {
    long slot = Math.floorDiv(t, WB_SLOT_MS);
    Visit v = visit(slot);
    long in = Math.floorMod(t, WB_SLOT_MS) - v.arriveMs();
    if (in < 0 || in >= v.rampMs() + v.standMs() + v.offMs()) {
      return new Scale(0, true);
    }
    long kg = v.kg();
    if (in >= v.rampMs() && in < v.rampMs() + v.standMs()) {
      return new Scale(kg, true);
    }
    // Driving on or off: the axles roll on one after another and the deck bounces; some of the
    // truck is on the bridge the whole time.
    double share =
        in < v.rampMs()
            ? 0.1 + 0.9 * in / v.rampMs()
            : 1 - 0.9 * (in - v.rampMs() - v.standMs()) / v.offMs();
    double moving = kg * share + noise(t, 8, kg * 0.015);
    return new Scale(steps(Math.clamp(moving, WB_STEP_KG, kg * 1.04)), false);
  }

  /** The truck on the bridge in this slot: a loaded one in even slots, an empty one in odd. */
  Visit visit(long slot) {
    SplittableRandom r = new SplittableRandom(seed * 0x2545F4914F6CDD1DL ^ slot * 0x9E37L);
    long arrive = r.nextLong(45_001);
    long ramp = 4_000 + r.nextLong(4_001);
    long stand = 30_000 + r.nextLong(30_001);
    long off = 3_000 + r.nextLong(3_001);
    long pair = Math.floorDiv(slot, 2);
    boolean loaded = Math.floorMod(slot, 2) == 0;
    long id;
    if (loaded) {
      id = pair;
    } else {
      // The empties of block b - 1 come back during block b, in a shuffled order.
      long block = Math.floorDiv(pair, WB_BLOCK) - 1;
      int[] order = queue(block);
      int place = (int) Math.floorMod(pair, WB_BLOCK);
      int pos = 0;
      while (order[pos] != place) {
        pos++;
      }
      id = block * WB_BLOCK + pos;
    }
    return new Visit(slot, truck(id), loaded, arrive, ramp, stand, off);
  }

  /** The slot in which truck {@code id} comes back empty to be weighed for tare. */
  long tareSlot(long id) {
    long block = Math.floorDiv(id, WB_BLOCK);
    long pair = (block + 1) * WB_BLOCK + queue(block)[(int) Math.floorMod(id, WB_BLOCK)];
    return 2 * pair + 1;
  }

  Truck truck(long id) {
    SplittableRandom r = new SplittableRandom(seed * 0x632BE59BD9B4E019L ^ id * 0xBF58476DL);
    long tare = 4_000 + WB_STEP_KG * r.nextLong(251);
    long gross = 8_000 + WB_STEP_KG * r.nextLong(801);
    return new Truck(id, tare, gross);
  }

  /** For each truck of a block, its place among the block's empties coming back. */
  private int[] queue(long block) {
    SplittableRandom r = new SplittableRandom(seed * 0x94D049BB133111EBL ^ block);
    int[] order = new int[WB_BLOCK];
    for (int i = 0; i < WB_BLOCK; i++) {
      order[i] = i;
    }
    for (int i = WB_BLOCK - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int x = order[i];
      order[i] = order[j];
      order[j] = x;
    }
    return order;
  }

  private static long steps(double kg) {
    return Math.round(kg / WB_STEP_KG) * WB_STEP_KG;
  }

  /** Roughly one ten-minute slot in twelve starts with a no-cane stop of two to six minutes. */
  boolean noCaneStop(long t) {
    long slot = Math.floorDiv(t, STOP_SLOT_MS);
    SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ slot);
    if (r.nextInt(12) != 0) {
      return false;
    }
    long length = 120_000 + r.nextLong(240_001);
    return Math.floorMod(t, STOP_SLOT_MS) < length;
  }

  private double stopDepth(long t) {
    return Math.min(1.0, Math.floorMod(t, STOP_SLOT_MS) / 120_000.0);
  }

  private double phase(int signal) {
    return new SplittableRandom(seed * 31 + signal).nextDouble(2 * Math.PI);
  }

  private long offset(int signal, long range) {
    return new SplittableRandom(seed * 31 + signal).nextLong(range);
  }

  private double noise(long t, int signal, double sd) {
    SplittableRandom r =
        new SplittableRandom((seed * 1_000_003L + signal) * 0x9E3779B97F4A7C15L ^ t);
    // Sum of uniforms: close enough to a bell curve, cheap and deterministic.
    double sum = 0;
    for (int i = 0; i < 4; i++) {
      sum += r.nextDouble() - 0.5;
    }
    return sum * sd * Math.sqrt(3);
  }

  private static String fixed(double d, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", d);
  }

  @Override
  public synchronized void start(Consumer<List<Sample>> sink) {
    if (timer != null) {
      throw new IllegalStateException("source '" + name + "' is already started");
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("source-" + name).factory());
    long step = interval.toMillis();
    long[] last = {Long.MIN_VALUE};
    timer.scheduleAtFixedRate(
        () -> {
          try {
            Instant now = Instant.now();
            long slot = Math.floorDiv(now.toEpochMilli(), step);
            if (slot == last[0]) {
              return; // the timer fired early; this interval was read already
            }
            last[0] = slot;
            sink.accept(read(now));
          } catch (RuntimeException e) {
            log.error("Source '{}' could not deliver its readings: {}", name, e.getMessage(), e);
          }
        },
        step - Math.floorMod(System.currentTimeMillis(), step),
        step,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdown();
      try {
        timer.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
