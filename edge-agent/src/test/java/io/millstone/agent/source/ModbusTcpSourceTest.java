package io.millstone.agent.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.agent.buffer.BufferWriter;
import io.millstone.agent.buffer.BufferedReading;
import io.millstone.agent.buffer.ReadingBuffer;
import io.millstone.agent.buffer.Sample;
import io.millstone.agent.config.SourceConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The modbus-tcp source against a real Modbus TCP server on loopback, writing into the real SQLite
 * buffer: what the device holds arrives scaled, neighbouring registers are read in one request, and
 * a device that goes away and comes back is read again.
 */
class ModbusTcpSourceTest {
  @TempDir Path dir;
  TestModbusDevice device;
  ReadingBuffer buffer;
  BufferWriter writer;
  ModbusTcpSource source;

  @BeforeEach
  void setUp() {
    device = new TestModbusDevice();
    buffer = ReadingBuffer.open(dir.resolve("buffer.db"));
    writer = new BufferWriter(buffer, () -> {});
  }

  @AfterEach
  void tearDown() {
    if (source != null) {
      source.close();
    }
    writer.close();
    buffer.close();
    device.close();
  }

  static Map<String, Object> tag(String key, String register, int address, Object... more) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", key);
    m.put("register", register);
    m.put("address", address);
    for (int i = 0; i < more.length; i += 2) {
      m.put((String) more[i], more[i + 1]);
    }
    return m;
  }

  ModbusTcpSource boiler(List<Map<String, Object>> tags) {
    return new ModbusTcpSource(
        SourceConfig.builder("modbus-tcp", "boiler")
            .interval(Duration.ofMillis(100))
            .option("host", "127.0.0.1")
            .option("port", device.port())
            .option("unit_id", TestModbusDevice.UNIT)
            .option("connect_timeout", "1s")
            .option("request_timeout", "1s")
            .option("tags", tags)
            .build());
  }

  static void await(String what, Duration timeout, BooleanSupplier done)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      Thread.sleep(50);
    }
  }

  /** The newest buffered value of each tag key. */
  Map<String, BufferedReading> latest() {
    Map<String, BufferedReading> m = new LinkedHashMap<>();
    long after = 0;
    while (true) {
      List<BufferedReading> page = buffer.nextUnsent(after, 1000);
      if (page.isEmpty()) {
        return m;
      }
      for (BufferedReading r : page) {
        m.put(r.tagKey(), r);
        after = r.seq();
      }
    }
  }

  /** Every buffered reading, oldest first. */
  List<BufferedReading> all() {
    List<BufferedReading> out = new ArrayList<>();
    long after = 0;
    List<BufferedReading> page;
    while (!(page = buffer.nextUnsent(after, 1000)).isEmpty()) {
      out.addAll(page);
      after = page.get(page.size() - 1).seq();
    }
    return out;
  }

  /**
   * Stops polling and writes every round the source handed over, so that the buffer holds all of
   * them: what is not there now was never read.
   */
  void stopAndFlush() {
    source.close();
    writer.close();
  }

  String latestValue(String key) {
    BufferedReading r = latest().get(key);
    return r == null ? null : r.value();
  }

  List<Map<String, Object>> boilerTags() {
    return List.of(
        tag("boiler.pressure", "holding", 100, "type", "uint16", "scale", 0.1),
        tag("boiler.level_delta", "holding", 101, "type", "int16"),
        tag("boiler.steam_temp", "holding", 102, "type", "float32"),
        tag("boiler.feed_total", "input", 10, "type", "uint32", "word_order", "low_first"),
        tag("boiler.flue_temp", "input", 12, "type", "int16", "scale", 0.5, "offset", -40),
        tag("boiler.burner_on", "coil", 5),
        tag("boiler.low_water", "discrete_input", 7));
  }

  @Test
  void registersAndCoilsArriveInTheBufferDecodedAndScaled() throws Exception {
    int steam = Float.floatToIntBits(382.5f);
    device.holding(100, 312, -5 & 0xffff, steam >>> 16, steam & 0xffff);
    device.input(10, 70_000 & 0xffff, 70_000 >>> 16, 500);
    device.coil(5, true);
    device.discreteInput(7, false);
    source = boiler(boilerTags());
    Instant before = Instant.now().minusMillis(1);

    source.start(writer);
    await("all seven tags in the buffer", Duration.ofSeconds(10), () -> latest().size() == 7);

    assertThat(latest())
        .extractingFromEntries(e -> e.getKey() + "=" + e.getValue().value())
        .containsExactlyInAnyOrder(
            "boiler.pressure=31.2",
            "boiler.level_delta=-5",
            "boiler.steam_temp=382.5",
            "boiler.feed_total=70000",
            "boiler.flue_temp=210",
            "boiler.burner_on=true",
            "boiler.low_water=false");
    assertThat(latest().values())
        .allSatisfy(
            r -> {
              assertThat(r.quality()).isEqualTo(1);
              assertThat(r.sourceTime()).isAfter(before).isBeforeOrEqualTo(Instant.now());
            });

    // The PLC changes its registers; the next polls read the new values.
    device.holding(100, 325);
    device.coil(5, false);
    await(
        "the changed pressure and burner state",
        Duration.ofSeconds(10),
        () ->
            "32.5".equals(latestValue("boiler.pressure"))
                && "false".equals(latestValue("boiler.burner_on")));
    assertThat(source.status()).containsEntry("connected", "true").containsEntry("last_error", "");
  }

  @Test
  void neighbouringRegistersAreReadInOneRequestPerTable() throws Exception {
    source = boiler(boilerTags());
    source.start(writer);
    await("a few polls", Duration.ofSeconds(10), () -> device.reads.size() >= 12);
    source.close();

    assertThat(device.reads)
        .containsOnly(
            new TestModbusDevice.Read("holding", 100, 4),
            new TestModbusDevice.Read("input", 10, 3),
            new TestModbusDevice.Read("coil", 5, 1),
            new TestModbusDevice.Read("discrete_input", 7, 1));
  }

  @Test
  void aDeviceThatGoesAwayIsReadAgainWhenItComesBack() throws Exception {
    device.holding(100, 312);
    source = boiler(List.of(tag("boiler.pressure", "holding", 100, "scale", 0.1)));
    source.start(writer);
    await(
        "a first reading",
        Duration.ofSeconds(10),
        () -> "31.2".equals(latestValue("boiler.pressure")));

    device.stop();
    await(
        "the source to notice",
        Duration.ofSeconds(10),
        () -> source.status().get("connected").equals("false"));
    Instant noticed = Instant.now();
    // The source tries again while the device is away, and finds nobody.
    await(
        "a failed reconnection",
        Duration.ofSeconds(10),
        () -> source.status().get("last_error").startsWith("cannot connect"));

    device.holding(100, 290);
    device.start();
    await(
        "readings to resume with the new value",
        Duration.ofSeconds(20),
        () -> "29".equals(latestValue("boiler.pressure")));
    assertThat(source.status()).containsEntry("connected", "true");

    // The old value was read only before the device went away: the source made none up while it
    // was gone (a made-up reading would repeat the last value it had).
    stopAndFlush();
    assertThat(all())
        .filteredOn(r -> r.value().equals("31.2"))
        .isNotEmpty()
        .allSatisfy(
            r ->
                assertThat(r.sourceTime())
                    .as("no readings are made up while the device is away")
                    .isBefore(noticed));
  }

  @Test
  void aBlockTheDeviceRefusesIsSkippedAndTheOthersAreStillRead() throws Exception {
    device.refuseInputRegistersFrom(12);
    device.holding(100, 312);
    device.input(20, 7);
    source =
        boiler(
            List.of(
                tag("boiler.pressure", "holding", 100, "scale", 0.1),
                tag("boiler.missing", "input", 40),
                tag("boiler.flue_temp", "input", 11)));
    source.start(writer);

    await(
        "the pressure and the flue temperature",
        Duration.ofSeconds(10),
        () -> latestValue("boiler.pressure") != null && latestValue("boiler.flue_temp") != null);
    // Refused once and again (a block already known to fail); once the source is stopped and
    // flushed, every round that asked for it is in the buffer.
    await(
        "the refused block asked for twice",
        Duration.ofSeconds(10),
        () ->
            device.reads.stream()
                    .filter(r -> r.equals(new TestModbusDevice.Read("input", 40, 1)))
                    .count()
                >= 2);
    assertThat(source.status()).containsEntry("connected", "true");
    stopAndFlush();
    assertThat(latest()).containsKeys("boiler.pressure", "boiler.flue_temp");
    assertThat(latest()).doesNotContainKey("boiler.missing");
  }

  @Test
  void contiguousTagsShareABlockAndFarOnesDoNot() {
    var config =
        io.millstone.agent.config.ModbusTcpConfig.of(
            SourceConfig.builder("modbus-tcp", "b")
                .option("host", "127.0.0.1")
                .option("max_gap", 2)
                .option("max_block", 5)
                .option(
                    "tags",
                    List.of(
                        tag("a", "holding", 0, "type", "float32"),
                        tag("b", "holding", 4),
                        tag("h", "holding", 5),
                        tag("c", "holding", 8),
                        tag("d", "holding", 200),
                        tag("e", "coil", 0),
                        tag("f", "coil", 3),
                        tag("g", "coil", 9)))
                .build());

    assertThat(ModbusTcpSource.plan(config.tags(), config.maxGap(), config.maxBlock()))
        .extracting(b -> b.table().yaml + " " + b.start() + "+" + b.count())
        .containsExactly("holding 0+5", "holding 5+4", "holding 200+1", "coil 0+4", "coil 9+1");
  }

  static String decode(String type, String order, double scale, int... words) {
    Map<String, Object> t = tag("t", "holding", 0, "type", type);
    if (scale != 1) {
      t.put("scale", scale);
    }
    if (order != null) {
      t.put("word_order", order);
    }
    var tag =
        io.millstone.agent.config.ModbusTcpConfig.of(
                SourceConfig.builder("modbus-tcp", "b")
                    .option("host", "127.0.0.1")
                    .option("tags", List.of(t))
                    .build())
            .tags()
            .get(0);
    byte[] data = new byte[words.length * 2];
    for (int i = 0; i < words.length; i++) {
      data[2 * i] = (byte) (words[i] >> 8);
      data[2 * i + 1] = (byte) words[i];
    }
    return ModbusTcpSource.decode(tag, data, 0);
  }

  @Test
  void registersAreReadAsTheDevicesDataTypesSay() {
    assertThat(decode("int16", null, 1, 0xFFFF)).isEqualTo("-1");
    assertThat(decode("uint16", null, 1, 0xFFFF)).isEqualTo("65535");
    assertThat(decode("int32", null, 1, 0xFFFF, 0xFFFE)).isEqualTo("-2");
    assertThat(decode("int32", "low_first", 1, 0xFFFE, 0xFFFF)).isEqualTo("-2");
    assertThat(decode("uint32", null, 1, 0xFFFF, 0xFFFF)).isEqualTo("4294967295");
    assertThat(decode("uint16", null, 0.1, 3)).as("0.1 stays exact").isEqualTo("0.3");
    assertThat(decode("uint16", null, 1, 0)).isEqualTo("0");
    int bits = Float.floatToIntBits(-12.75f);
    assertThat(decode("float32", null, 1, bits >>> 16, bits & 0xFFFF)).isEqualTo("-12.75");
    assertThat(decode("float32", "low_first", 2, bits & 0xFFFF, bits >>> 16)).isEqualTo("-25.5");
    int nan = Float.floatToIntBits(Float.NaN);
    assertThat(decode("float32", null, 1, nan >>> 16, nan & 0xFFFF))
        .as("a NaN gives no reading")
        .isNull();
    assertThat(decode("bool", null, 1, 0)).isEqualTo("false");
    assertThat(decode("bool", null, 1, 0x0100)).isEqualTo("true");
  }

  @Test
  void aWeighingIndicatorsWeightAndStableBitAreReadTogetherScaledAndInTheirWordOrder() {
    // The mill gate's indicator: the weight in 0.1 kg counts as an int32, low word first, then
    // its status word (bit 1: in motion, bit 2: overload). An outside centre's indicator shows
    // tonnes as a float32.
    int tonnes = Float.floatToIntBits(12.34f);
    device.holding(0, 123_400 & 0xffff, 123_400 >>> 16, 0b000);
    device.input(10, tonnes >>> 16, tonnes & 0xffff);
    source =
        boiler(
            List.of(
                tag(
                    "wb_gate.weight",
                    "holding",
                    0,
                    "type",
                    "int32",
                    "word_order",
                    "low_first",
                    "scale",
                    0.1),
                tag("wb_gate.stable", "holding", 2, "bit", 1, "invert", true),
                tag("wb_gate.overload", "holding", 2, "type", "bool", "bit", 2),
                tag("wb_out.weight", "input", 10, "type", "float32", "scale", 1000)));

    // Polled by hand: one round, no timer.
    List<Sample> standing = source.poll();
    assertThat(standing)
        .extracting(r -> r.tagKey() + "=" + r.value())
        .containsExactlyInAnyOrder(
            "wb_gate.weight=12340",
            "wb_gate.stable=true",
            "wb_gate.overload=false",
            "wb_out.weight=12340");
    assertThat(standing).extracting(Sample::sourceTime).containsOnly(standing.get(0).sourceTime());
    assertThat(device.reads)
        .as("the weight and its status word come from one request")
        .containsExactly(
            new TestModbusDevice.Read("holding", 0, 3), new TestModbusDevice.Read("input", 10, 2));

    // A truck driving on: heavier, in motion; then the bridge drifts just below zero when empty.
    device.holding(0, 80_000 & 0xffff, 80_000 >>> 16, 0b010);
    assertThat(source.poll())
        .extracting(r -> r.tagKey() + "=" + r.value())
        .contains("wb_gate.weight=8000", "wb_gate.stable=false", "wb_gate.overload=false");
    device.holding(0, -200 & 0xffff, -200 >>> 16 & 0xffff, 0b100);
    assertThat(source.poll())
        .extracting(r -> r.tagKey() + "=" + r.value())
        .contains("wb_gate.weight=-20", "wb_gate.stable=true", "wb_gate.overload=true");
  }

  static String decodeBit(int bit, boolean invert, int word) {
    Map<String, Object> t = tag("t", "holding", 0, "bit", bit);
    if (invert) {
      t.put("invert", true);
    }
    var tag =
        io.millstone.agent.config.ModbusTcpConfig.of(
                SourceConfig.builder("modbus-tcp", "b")
                    .option("host", "127.0.0.1")
                    .option("tags", List.of(t))
                    .build())
            .tags()
            .get(0);
    return ModbusTcpSource.decode(tag, new byte[] {(byte) (word >> 8), (byte) word}, 0);
  }

  @Test
  void aStatusBitIsReadAloneFromItsRegisterAndMayBeInverted() {
    assertThat(decodeBit(0, false, 0x0001)).isEqualTo("true");
    assertThat(decodeBit(0, false, 0xFFFE)).isEqualTo("false");
    assertThat(decodeBit(15, false, 0x8000)).isEqualTo("true");
    assertThat(decodeBit(8, false, 0x0100)).isEqualTo("true");
    assertThat(decodeBit(7, false, 0x0100)).isEqualTo("false");
    assertThat(decodeBit(3, true, 0x0008)).as("in motion: not stable").isEqualTo("false");
    assertThat(decodeBit(3, true, 0x0000)).isEqualTo("true");
    var coil =
        io.millstone.agent.config.ModbusTcpConfig.of(
                SourceConfig.builder("modbus-tcp", "b")
                    .option("host", "127.0.0.1")
                    .option("tags", List.of(tag("motion", "discrete_input", 3, "invert", true)))
                    .build())
            .tags()
            .get(0);
    assertThat(ModbusTcpSource.decode(coil, new byte[] {0b1000}, 3)).isEqualTo("false");
    assertThat(ModbusTcpSource.decode(coil, new byte[] {0b0000}, 3)).isEqualTo("true");
  }
}
