package io.millstone.agent.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One source of readings as configured: its type ({@code simulator}, {@code modbus-tcp}, {@code
 * opcua}), how often it is read, and which server tag key each of its signals goes to.
 *
 * @param tags the simulator's signal name → tag key; empty means every signal, named {@code
 *     <name>.<signal>}
 * @param options settings only this type of source understands (the simulator's seed; for Modbus
 *     and OPC UA everything else, their tag lists included, read by {@link ModbusTcpConfig} and
 *     {@link OpcUaConfig})
 */
public record SourceConfig(
    String type,
    String name,
    Duration interval,
    Map<String, String> tags,
    Map<String, Object> options) {

  public SourceConfig {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException(
          "source '" + name + "': interval must be above zero, not " + interval);
    }
    tags = Map.copyOf(tags);
    options = Map.copyOf(options);
  }

  public long longOption(String key, long fallback) {
    Object v = options.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.longValue();
    }
    try {
      return Long.parseLong(v.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "source '" + name + "': " + key + " must be a whole number, not '" + v + "'");
    }
  }

  public static Builder builder(String type, String name) {
    return new Builder(type, name);
  }

  /** Builds a {@link SourceConfig}; tests and the YAML reader both use it. */
  public static final class Builder {
    private final String type;
    private final String name;
    private Duration interval = Duration.ofSeconds(1);
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final Map<String, Object> options = new LinkedHashMap<>();

    private Builder(String type, String name) {
      this.type = type;
      this.name = name;
    }

    public Builder interval(Duration v) {
      interval = v;
      return this;
    }

    public Builder tag(String signal, String tagKey) {
      tags.put(signal, tagKey);
      return this;
    }

    public Builder option(String key, Object value) {
      options.put(key, value);
      return this;
    }

    public SourceConfig build() {
      return new SourceConfig(type, name, interval, tags, options);
    }
  }
}
