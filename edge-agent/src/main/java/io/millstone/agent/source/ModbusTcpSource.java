package io.millstone.agent.source;

import com.digitalpetri.modbus.client.ModbusTcpClient;
import com.digitalpetri.modbus.exceptions.ModbusExecutionException;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.exceptions.ModbusTimeoutException;
import com.digitalpetri.modbus.pdu.ReadCoilsRequest;
import com.digitalpetri.modbus.pdu.ReadDiscreteInputsRequest;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadInputRegistersRequest;
import com.digitalpetri.modbus.tcp.client.NettyTcpClientTransport;
import io.millstone.agent.buffer.Sample;
import io.millstone.agent.config.ModbusTcpConfig;
import io.millstone.agent.config.ModbusTcpConfig.DataType;
import io.millstone.agent.config.ModbusTcpConfig.Table;
import io.millstone.agent.config.ModbusTcpConfig.Tag;
import io.millstone.agent.config.SourceConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one Modbus TCP device: every interval it reads each block of neighbouring registers (or
 * bits) in one request, decodes and scales the tags in it, and hands the round to the sink.
 *
 * <p>While the device cannot be reached its tags give no readings at all (the server stores a
 * reading only with a value, and the agent does not invent one); the source retries the connection
 * with backoff from one interval doubling to {@link #MAX_BACKOFF}. A block the device answers with
 * a Modbus exception (e.g. an address it does not have) is skipped and the other blocks are still
 * read. Nothing here stops the agent.
 */
public final class ModbusTcpSource implements Source {
  private static final Logger log = LoggerFactory.getLogger(ModbusTcpSource.class);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  private static final int MAX_BITS = 2000;

  /** One read request: {@code count} registers or bits from {@code start}, holding these tags. */
  record Block(Table table, int start, int count, List<Tag> tags) {}

  private final ModbusTcpConfig config;
  private final List<Block> blocks;
  private final ModbusTcpClient client;
  private ScheduledExecutorService timer;
  private volatile boolean connected;
  private volatile String lastError = "";
  private volatile Instant lastReadAt;
  private long retryAt;
  private Duration backoff;
  private final Map<Block, String> failingBlocks = new LinkedHashMap<>();

  public ModbusTcpSource(SourceConfig source) {
    this(ModbusTcpConfig.of(source));
  }

  public ModbusTcpSource(ModbusTcpConfig config) {
    this.config = config;
    this.blocks = plan(config.tags(), config.maxGap(), config.maxBlock());
    this.backoff = config.interval();
    var transport =
        NettyTcpClientTransport.create(
            c -> {
              c.setHostname(config.host());
              c.setPort(config.port());
              c.setConnectTimeout(config.connectTimeout());
              // The poll loop decides when to reconnect, with its own backoff.
              c.setConnectPersistent(false);
            });
    this.client =
        ModbusTcpClient.create(transport, c -> c.setRequestTimeout(config.requestTimeout()));
  }

  @Override
  public String name() {
    return config.name();
  }

  /**
   * Groups tags of one table into as few reads as possible: a tag joins the block before it when
   * the registers between them are at most {@code maxGap} and the block stays within {@code
   * maxBlock} registers (2,000 bits for coils and discrete inputs).
   */
  static List<Block> plan(List<Tag> tags, int maxGap, int maxBlock) {
    List<Block> out = new ArrayList<>();
    for (Table table : Table.values()) {
      List<Tag> sorted =
          tags.stream()
              .filter(t -> t.table() == table)
              .sorted(Comparator.comparingInt(Tag::address))
              .toList();
      int limit = table.bits ? MAX_BITS : maxBlock;
      int start = -1;
      int end = -1; // one past the last register in the block
      List<Tag> in = new ArrayList<>();
      for (Tag t : sorted) {
        int tagEnd = t.address() + t.width();
        if (start >= 0 && t.address() <= end + maxGap && Math.max(end, tagEnd) - start <= limit) {
          in.add(t);
          end = Math.max(end, tagEnd);
          continue;
        }
        if (start >= 0) {
          out.add(new Block(table, start, end - start, List.copyOf(in)));
        }
        start = t.address();
        end = tagEnd;
        in = new ArrayList<>(List.of(t));
      }
      if (start >= 0) {
        out.add(new Block(table, start, end - start, List.copyOf(in)));
      }
    }
    return List.copyOf(out);
  }

  List<Block> blocks() {
    return blocks;
  }

  @Override
  public synchronized void start(Consumer<List<Sample>> sink) {
    if (timer != null) {
      throw new IllegalStateException("source '" + name() + "' is already started");
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("source-" + name()).factory());
    long step = config.interval().toMillis();
    timer.scheduleAtFixedRate(
        () -> {
          try {
            List<Sample> round = poll();
            if (!round.isEmpty()) {
              sink.accept(round);
            }
          } catch (RuntimeException e) {
            log.error("Source '{}' could not deliver its readings: {}", name(), e.getMessage(), e);
          }
        },
        0,
        step,
        TimeUnit.MILLISECONDS);
  }

  /** One round: connects if due, reads every block, and returns what could be read. */
  List<Sample> poll() {
    long now = System.currentTimeMillis();
    if (!connected) {
      if (now < retryAt) {
        return List.of();
      }
      try {
        client.connect();
        connected = true;
        backoff = config.interval();
        log.info(
            "Source '{}': connected to Modbus device {}:{} (unit {})",
            name(),
            config.host(),
            config.port(),
            config.unitId());
      } catch (ModbusExecutionException | RuntimeException e) {
        lost("cannot connect: " + message(e));
        return List.of();
      }
    }
    Instant at = Instant.ofEpochMilli(now);
    List<Sample> round = new ArrayList<>(config.tags().size());
    for (Block b : blocks) {
      byte[] data;
      try {
        data = read(b);
      } catch (ModbusResponseException e) {
        // The device is there but refuses this block: keep reading the others.
        String why = message(e);
        if (!why.equals(failingBlocks.put(b, why))) {
          log.warn(
              "Source '{}': the device refuses {} {}..{} ({}); tags {} give no readings until it"
                  + " answers",
              name(),
              b.table().yaml,
              b.start(),
              b.start() + b.count() - 1,
              why,
              b.tags().stream().map(Tag::key).toList());
        }
        continue;
      } catch (ModbusTimeoutException | ModbusExecutionException | RuntimeException e) {
        lost(
            (e instanceof ModbusTimeoutException ? "no answer within " : "read failed: ")
                + (e instanceof ModbusTimeoutException
                    ? config.requestTimeout().toMillis() + " ms"
                    : message(e)));
        try {
          client.disconnect();
        } catch (ModbusExecutionException | RuntimeException ignored) {
          // the connection is going anyway
        }
        return round;
      }
      if (failingBlocks.remove(b) != null) {
        log.info("Source '{}': {} {} answers again", name(), b.table().yaml, b.start());
      }
      for (Tag t : b.tags()) {
        String value = decode(t, data, t.address() - b.start());
        if (value != null) {
          round.add(Sample.good(t.key(), at, value));
        }
      }
    }
    lastReadAt = at;
    lastError = "";
    return round;
  }

  private void lost(String why) {
    boolean wasConnected = connected;
    connected = false;
    retryAt = System.currentTimeMillis() + backoff.toMillis();
    if (wasConnected || !why.equals(lastError)) {
      log.warn(
          "Source '{}': Modbus device {}:{}: {}; its tags give no readings; retrying in {} ms",
          name(),
          config.host(),
          config.port(),
          why,
          backoff.toMillis());
    }
    lastError = why;
    Duration next = backoff.multipliedBy(2);
    backoff = next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next;
  }

  private byte[] read(Block b)
      throws ModbusExecutionException, ModbusResponseException, ModbusTimeoutException {
    int unit = config.unitId();
    return switch (b.table()) {
      case HOLDING ->
          client
              .readHoldingRegisters(unit, new ReadHoldingRegistersRequest(b.start(), b.count()))
              .registers();
      case INPUT ->
          client
              .readInputRegisters(unit, new ReadInputRegistersRequest(b.start(), b.count()))
              .registers();
      case COIL -> client.readCoils(unit, new ReadCoilsRequest(b.start(), b.count())).coils();
      case DISCRETE_INPUT ->
          client
              .readDiscreteInputs(unit, new ReadDiscreteInputsRequest(b.start(), b.count()))
              .inputs();
    };
  }

  /**
   * The tag's value from a block's data, as the server expects it: a plain decimal or {@code
   * true}/{@code false}; null when the device sent a float that is not a number.
   *
   * @param offset registers (or bits) from the start of the block
   */
  static String decode(Tag t, byte[] data, int offset) {
    if (t.table().bits) {
      boolean on = (data[offset / 8] >> (offset % 8) & 1) == 1;
      return Boolean.toString(on != t.invert());
    }
    int i = offset * 2;
    int first = ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
    BigDecimal raw;
    switch (t.type()) {
      case BOOL -> {
        boolean on = t.bit() < 0 ? first != 0 : (first >> t.bit() & 1) == 1;
        return Boolean.toString(on != t.invert());
      }
      case INT16 -> raw = BigDecimal.valueOf((short) first);
      case UINT16 -> raw = BigDecimal.valueOf(first);
      default -> {
        int second = ((data[i + 2] & 0xff) << 8) | (data[i + 3] & 0xff);
        int bits = t.lowWordFirst() ? (second << 16) | first : (first << 16) | second;
        if (t.type() == DataType.FLOAT32) {
          float f = Float.intBitsToFloat(bits);
          if (Float.isNaN(f) || Float.isInfinite(f)) {
            return null;
          }
          raw = new BigDecimal(Float.toString(f));
        } else if (t.type() == DataType.INT32) {
          raw = BigDecimal.valueOf(bits);
        } else {
          raw = BigDecimal.valueOf(Integer.toUnsignedLong(bits));
        }
      }
    }
    BigDecimal v = raw.multiply(t.scale()).add(t.offset());
    return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
  }

  private static String message(Throwable e) {
    Throwable c = e;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    String m = c.getMessage();
    return m == null || m.isBlank() ? c.getClass().getSimpleName() : m;
  }

  @Override
  public Map<String, String> status() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("connected", Boolean.toString(connected));
    m.put("last_read_at", lastReadAt == null ? "" : lastReadAt.toString());
    m.put("last_error", lastError);
    return m;
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdown();
      try {
        if (!timer.awaitTermination(
            config.requestTimeout().toMillis() * 2 + 1000, TimeUnit.MILLISECONDS)) {
          timer.shutdownNow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      client.disconnect();
    } catch (ModbusExecutionException | RuntimeException e) {
      log.debug("Source '{}': disconnect failed: {}", name(), e.getMessage());
    }
  }
}
