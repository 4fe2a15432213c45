package io.millstone.agent.config;

import io.millstone.agent.buffer.ReadingBuffer;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The agent's settings, read once at start from {@code agent.yaml}. Relative paths in the file are
 * relative to the file's own directory, so an agent directory can be moved as a whole.
 *
 * @param server {@code host:port} of the Millstone server
 * @param tlsFingerprint SHA-256 of the server's certificate (hex, colons allowed); required unless
 *     the server is on loopback, where the stream is plaintext
 * @param credentialFile where {@code enroll} wrote the device id and secret
 * @param batchSize readings per batch on the wire (at most 5,000, the server's limit)
 * @param maxClockSkew above this difference from the server's clock the agent warns
 */
public record AgentConfig(
    String server,
    Optional<String> tlsFingerprint,
    Path credentialFile,
    Path bufferFile,
    ReadingBuffer.Limits bufferLimits,
    Path statusFile,
    int batchSize,
    Duration maxClockSkew,
    List<SourceConfig> sources) {
  public static final int MAX_BATCH = 5000;

  public AgentConfig {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(credentialFile, "credentialFile");
    Objects.requireNonNull(bufferFile, "bufferFile");
    Objects.requireNonNull(statusFile, "statusFile");
    tlsFingerprint = tlsFingerprint.map(AgentConfig::normaliseFingerprint);
    if (batchSize < 1 || batchSize > MAX_BATCH) {
      throw new IllegalArgumentException(
          "uplink.batch_size must be between 1 and " + MAX_BATCH + ", not " + batchSize);
    }
    hostOf(server);
    portOf(server);
    sources = List.copyOf(sources);
  }

  public String host() {
    return hostOf(server);
  }

  public int port() {
    return portOf(server);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Reads {@code agent.yaml}; a mistake is reported with the key it is under. */
  public static AgentConfig load(Path file) throws IOException {
    Map<String, Object> root;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
      if (!(doc instanceof Map<?, ?>)) {
        throw new IllegalArgumentException(file + " is empty or not a YAML mapping");
      }
      root = map(doc, "the file");
    }
    Path base = file.toAbsolutePath().getParent();
    Builder b = builder();
    known(
        root,
        "the file",
        Set.of("server", "tls", "credentials", "buffer", "status_file", "uplink", "sources"));
    b.server(required(root, "server"));
    Map<String, Object> tls = map(root.getOrDefault("tls", Map.of()), "tls");
    known(tls, "tls", Set.of("fingerprint"));
    if (tls.get("fingerprint") != null) {
      b.tlsFingerprint(tls.get("fingerprint").toString());
    }
    b.credentialFile(base.resolve(str(root.getOrDefault("credentials", "device.credentials"))));
    Map<String, Object> buffer = map(root.getOrDefault("buffer", Map.of()), "buffer");
    known(buffer, "buffer", Set.of("path", "max_readings", "min_free_mb"));
    b.bufferFile(base.resolve(str(buffer.getOrDefault("path", "buffer.db"))));
    b.bufferLimits(
        new ReadingBuffer.Limits(
            number(buffer, "max_readings", ReadingBuffer.Limits.DEFAULT_MAX_READINGS),
            number(buffer, "min_free_mb", ReadingBuffer.Limits.DEFAULT_MIN_FREE_BYTES >> 20)
                << 20));
    b.statusFile(base.resolve(str(root.getOrDefault("status_file", "status.properties"))));
    Map<String, Object> uplink = map(root.getOrDefault("uplink", Map.of()), "uplink");
    known(uplink, "uplink", Set.of("batch_size", "max_clock_skew"));
    b.batchSize((int) number(uplink, "batch_size", 1000));
    if (uplink.get("max_clock_skew") != null) {
      b.maxClockSkew(duration(uplink.get("max_clock_skew"), "uplink.max_clock_skew"));
    }
    Object sources = root.getOrDefault("sources", List.of());
    if (!(sources instanceof List<?> list)) {
      throw new IllegalArgumentException("sources must be a list");
    }
    int i = 0;
    for (Object o : list) {
      String where = "sources[" + i++ + "]";
      Map<String, Object> s = map(o, where);
      String type = required(s, "type", where);
      SourceConfig.Builder sb =
          SourceConfig.builder(type, str(s.getOrDefault("name", type + "-" + i)));
      if (s.get("interval") != null) {
        sb.interval(duration(s.get("interval"), where + ".interval"));
      }
      Object tags = s.getOrDefault("tags", Map.of());
      if (tags instanceof List<?>) {
        // Modbus and OPC UA list their tags with settings each; their own config reads them.
        sb.option("tags", tags);
      } else {
        map(tags, where + ".tags").forEach((signal, key) -> sb.tag(signal, str(key)));
      }
      s.forEach(
          (k, v) -> {
            if (!Set.of("type", "name", "interval", "tags").contains(k)) {
              sb.option(k, v);
            }
          });
      if (type.equals("opcua")) {
        if (s.containsKey("interval")) {
          throw new IllegalArgumentException(
              "source '"
                  + sourceName(s, type, i)
                  + "': an opcua source has no interval; the server sends changes every"
                  + " publishing_interval and samples every sampling_interval");
        }
        sb.option(
            "pki_dir",
            base.resolve(str(s.getOrDefault("pki_dir", OpcUaConfig.DEFAULT_PKI_DIR))).toString());
      }
      SourceConfig sc = sb.build();
      // Check type-specific settings now, so a mistake stops the agent before it starts.
      switch (type) {
        case "modbus-tcp" -> ModbusTcpConfig.of(sc);
        case "opcua" -> OpcUaConfig.of(sc);
        default -> {}
      }
      b.addSource(sc);
    }
    return b.build();
  }

  private static String sourceName(Map<String, Object> s, String type, int i) {
    return str(s.getOrDefault("name", type + "-" + i));
  }

  /** Accepts {@code 500ms}, {@code 2s}, {@code 5m}, {@code 1h}, or a number of milliseconds. */
  public static Duration duration(Object v, String where) {
    String s = v.toString().trim().toLowerCase(Locale.ROOT);
    try {
      if (s.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).trim()));
      }
      if (s.endsWith("s")) {
        return Duration.ofMillis(
            Math.round(Double.parseDouble(s.substring(0, s.length() - 1).trim()) * 1000));
      }
      if (s.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1).trim()));
      }
      if (s.endsWith("h")) {
        return Duration.ofHours(Long.parseLong(s.substring(0, s.length() - 1).trim()));
      }
      return Duration.ofMillis(Long.parseLong(s));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          where + ": '" + v + "' is not a duration; write it like 500ms, 2s, 5m or 1h");
    }
  }

  static String hostOf(String server) {
    int colon = server.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(
          "server must be HOST:PORT (e.g. erp.mill.local:7443), not '" + server + "'");
    }
    String host = server.substring(0, colon);
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  static int portOf(String server) {
    try {
      int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "server must be HOST:PORT with a port from 1 to 65535, not '" + server + "'");
    }
  }

  /** Lower-case hex without colons; accepts the server's "AB:CD:…" form. */
  public static String normaliseFingerprint(String hex) {
    String s = hex.replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
    if (s.startsWith("sha256/")) {
      s = s.substring("sha256/".length());
    }
    if (!s.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          "tls.fingerprint must be the SHA-256 of the server's certificate in hex (64 digits,"
              + " colons allowed), not '"
              + hex
              + "'");
    }
    return s;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o, String where) {
    if (!(o instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException(where + " must be a mapping of keys to values");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    ((Map<Object, Object>) m).forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  private static void known(Map<String, Object> m, String where, Set<String> keys) {
    for (String k : m.keySet()) {
      if (!keys.contains(k)) {
        throw new IllegalArgumentException(
            "unknown setting '"
                + k
                + "' in "
                + where
                + "; known: "
                + String.join(", ", keys.stream().sorted().toList()));
      }
    }
  }

  private static String required(Map<String, Object> m, String key) {
    return required(m, key, "the file");
  }

  private static String required(Map<String, Object> m, String key, String where) {
    Object v = m.get(key);
    if (v == null || v.toString().isBlank()) {
      throw new IllegalArgumentException("'" + key + "' is missing in " + where);
    }
    return v.toString().trim();
  }

  private static String str(Object o) {
    return o.toString().trim();
  }

  private static long number(Map<String, Object> m, String key, long fallback) {
    Object v = m.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.longValue();
    }
    try {
      return Long.parseLong(v.toString().replace("_", "").trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, not '" + v + "'");
    }
  }

  /** Builds an {@link AgentConfig}; defaults suit one agent on a floor PC. */
  public static final class Builder {
    private String server;
    private String tlsFingerprint;
    private Path credentialFile = Path.of("device.credentials");
    private Path bufferFile = Path.of("buffer.db");
    private ReadingBuffer.Limits bufferLimits = ReadingBuffer.Limits.defaults();
    private Path statusFile = Path.of("status.properties");
    private int batchSize = 1000;
    private Duration maxClockSkew = Duration.ofSeconds(5);
    private final List<SourceConfig> sources = new ArrayList<>();

    private Builder() {}

    public Builder server(String v) {
      server = v;
      return this;
    }

    public Builder tlsFingerprint(String v) {
      tlsFingerprint = v;
      return this;
    }

    public Builder credentialFile(Path v) {
      credentialFile = v;
      return this;
    }

    public Builder bufferFile(Path v) {
      bufferFile = v;
      return this;
    }

    public Builder bufferLimits(ReadingBuffer.Limits v) {
      bufferLimits = v;
      return this;
    }

    public Builder statusFile(Path v) {
      statusFile = v;
      return this;
    }

    public Builder batchSize(int v) {
      batchSize = v;
      return this;
    }

    public Builder maxClockSkew(Duration v) {
      maxClockSkew = v;
      return this;
    }

    public Builder addSource(SourceConfig v) {
      sources.add(v);
      return this;
    }

    public AgentConfig build() {
      if (server == null) {
        throw new IllegalArgumentException("'server' is missing: set it to HOST:PORT");
      }
      return new AgentConfig(
          server,
          Optional.ofNullable(tlsFingerprint),
          credentialFile,
          bufferFile,
          bufferLimits,
          statusFile,
          batchSize,
          maxClockSkew,
          sources);
    }
  }
}
