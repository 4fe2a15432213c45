package io.millstone.agent.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A {@code modbus-tcp} source as configured: one device (host, port, unit id) polled every {@code
 * interval}, and the registers and coils that become tags.
 *
 * @param maxGap unused registers (or bits) a single read may span to join two tags into one request
 * @param maxBlock at most this many registers in one read (the protocol allows 125)
 */
public record ModbusTcpConfig(
    String name,
    String host,
    int port,
    int unitId,
    Duration interval,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxGap,
    int maxBlock,
    List<Tag> tags) {

  /** What a tag reads: the four Modbus tables. */
  public enum Table {
    HOLDING("holding", false),
    INPUT("input", false),
    COIL("coil", true),
    DISCRETE_INPUT("discrete_input", true);

    public final String yaml;
    public final boolean bits;

    Table(String yaml, boolean bits) {
      this.yaml = yaml;
      this.bits = bits;
    }
  }

  /** How the registers of a tag are read as a number. */
  public enum DataType {
    INT16(1),
    UINT16(1),
    INT32(2),
    UINT32(2),
    FLOAT32(2),
    BOOL(1);

    public final int registers;

    DataType(int registers) {
      this.registers = registers;
    }

    String yaml() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One reading per poll: {@code value = raw * scale + offset}.
   *
   * @param address the protocol address, counted from 0 (register 40001 is holding address 0)
   * @param lowWordFirst for 32-bit types: the device sends the low 16 bits first
   * @param bit for a bool on a register: the bit it is (0 = least significant), or -1 for "the
   *     register is not 0"
   * @param invert for a bool: true when the bit is off (a weighing indicator's "in motion" bit read
   *     as "stable")
   */
  public record Tag(
      String key,
      Table table,
      int address,
      DataType type,
      boolean lowWordFirst,
      BigDecimal scale,
      BigDecimal offset,
      int bit,
      boolean invert) {
    public Tag {
      Objects.requireNonNull(key, "key");
    }

    /** A tag without a bit number or inversion, as most tags are. */
    public Tag(
        String key,
        Table table,
        int address,
        DataType type,
        boolean lowWordFirst,
        BigDecimal scale,
        BigDecimal offset) {
      this(key, table, address, type, lowWordFirst, scale, offset, -1, false);
    }

    /** Registers (or bits) this tag occupies. */
    public int width() {
      return table.bits ? 1 : type.registers;
    }
  }

  public ModbusTcpConfig {
    tags = List.copyOf(tags);
  }

  static final Set<String> KEYS =
      Set.of(
          "type",
          "name",
          "interval",
          "host",
          "port",
          "unit_id",
          "connect_timeout",
          "request_timeout",
          "max_gap",
          "max_block",
          "tags");
  static final Set<String> TAG_KEYS =
      Set.of(
          "key", "register", "address", "type", "word_order", "scale", "offset", "bit", "invert");

  /** Reads and checks the source's settings; a mistake names the key it is under. */
  public static ModbusTcpConfig of(SourceConfig source) {
    String p = "source '" + source.name() + "': ";
    Settings s = new Settings("", source.options());
    s.onlyKnown(KEYS, p);
    String host = s.text("host", p);
    int port = (int) s.whole("port", 502, 1, 65535, p);
    int unit = (int) s.whole("unit_id", 1, 0, 255, p);
    Duration connect = s.duration("connect_timeout", Duration.ofSeconds(3), p);
    Duration request = s.duration("request_timeout", Duration.ofSeconds(2), p);
    int maxGap = (int) s.whole("max_gap", 0, 0, 100, p);
    int maxBlock = (int) s.whole("max_block", 125, 1, 125, p);
    List<Tag> tags = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    List<String> tables = List.of("holding", "input", "coil", "discrete_input");
    List<String> types = List.of("int16", "uint16", "int32", "uint32", "float32", "bool");
    for (Settings t : s.list("tags", p)) {
      t.onlyKnown(TAG_KEYS, p);
      String key = t.text("key", p);
      if (!keys.add(key)) {
        throw new IllegalArgumentException(
            p + t.at("key") + ": tag key '" + key + "' is read twice in this source");
      }
      Table table = Table.valueOf(t.choice("register", null, tables, p).toUpperCase(Locale.ROOT));
      int address = (int) t.requiredWhole("address", 0, 65535, p);
      DataType type =
          DataType.valueOf(
              t.choice("type", table.bits || t.has("bit") ? "bool" : "uint16", types, p)
                  .toUpperCase(Locale.ROOT));
      if (table.bits && type != DataType.BOOL) {
        throw new IllegalArgumentException(
            p + t.at("type") + " must be bool for a " + table.yaml + ", not " + type.yaml());
      }
      if (t.has("bit") && (table.bits || type != DataType.BOOL)) {
        throw new IllegalArgumentException(
            p
                + t.at("bit")
                + " applies to a bool on a holding or input register only, not a "
                + (table.bits ? table.yaml : type.yaml()));
      }
      int bit = (int) t.whole("bit", -1, 0, 15, p);
      if (t.has("invert") && type != DataType.BOOL) {
        throw new IllegalArgumentException(
            p + t.at("invert") + " applies to a bool only, not " + type.yaml());
      }
      boolean invert = t.flag("invert", false, p);
      String order = t.choice("word_order", "high_first", List.of("high_first", "low_first"), p);
      if (t.has("word_order") && type.registers != 2) {
        throw new IllegalArgumentException(
            p + t.at("word_order") + " applies to 32-bit types only, not " + type.yaml());
      }
      if (type == DataType.BOOL && (t.has("scale") || t.has("offset"))) {
        throw new IllegalArgumentException(
            p + t.at(t.has("scale") ? "scale" : "offset") + " cannot apply to a bool");
      }
      if (address + (table.bits ? 1 : type.registers) - 1 > 65535) {
        throw new IllegalArgumentException(
            p + t.at("address") + ": a " + type.yaml() + " at " + address + " runs past 65535");
      }
      BigDecimal scale = t.decimal("scale", BigDecimal.ONE, p);
      if (scale.signum() == 0) {
        throw new IllegalArgumentException(p + t.at("scale") + " must not be 0");
      }
      tags.add(
          new Tag(
              key,
              table,
              address,
              type,
              order.equals("low_first"),
              scale,
              t.decimal("offset", BigDecimal.ZERO, p),
              bit,
              invert));
    }
    return new ModbusTcpConfig(
        source.name(),
        host,
        port,
        unit,
        source.interval(),
        connect,
        request,
        maxGap,
        maxBlock,
        tags);
  }
}
