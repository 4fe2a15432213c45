package io.millstone.server.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a backup holds, written last into the backup file as {@code manifest.properties}: the
 * format, where it came from, and for every part its size in rows and its SHA-256, so a restore
 * proves it loaded exactly what was saved.
 */
public record Manifest(
    int format,
    String serverVersion,
    Instant createdAt,
    String schemaVersion,
    List<Table> tables,
    List<String> readingPartitions,
    Map<String, Sequence> sequences,
    Map<String, String> files) {

  static final int FORMAT = 1;
  static final String ENTRY = "manifest.properties";

  /** A table's data, in load order: parents before the tables that refer to them. */
  public record Table(String name, List<String> columns, long rows, String sha256) {
    String entry() {
      return "tables/" + name + ".copy";
    }
  }

  public record Sequence(long lastValue, boolean isCalled) {}

  static String fileEntry(String relative) {
    return "files/" + relative;
  }

  public long totalRows() {
    return tables.stream().mapToLong(Table::rows).sum();
  }

  void write(OutputStream out) throws IOException {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("format", String.valueOf(format));
    p.put("server.version", serverVersion);
    p.put("created.at", createdAt.toString());
    p.put("schema.version", schemaVersion);
    p.put("tables", String.join(",", tables.stream().map(Table::name).toList()));
    for (Table t : tables) {
      p.put("table." + t.name() + ".columns", String.join(",", t.columns()));
      p.put("table." + t.name() + ".rows", String.valueOf(t.rows()));
      p.put("table." + t.name() + ".sha256", t.sha256());
    }
    p.put("reading.partitions", String.join(",", readingPartitions));
    sequences.forEach(
        (name, s) -> p.put("sequence." + name, s.lastValue() + (s.isCalled() ? ",called" : "")));
    p.put("files", String.join(",", files.keySet()));
    files.forEach((name, sha) -> p.put("file." + name + ".sha256", sha));
    // Properties.store would reorder keys and add a date line; this keeps the file readable.
    StringWriter w = new StringWriter();
    w.write("# Millstone backup manifest\n");
    for (Map.Entry<String, String> e : p.entrySet()) {
      w.write(e.getKey() + "=" + escape(e.getValue()) + "\n");
    }
    out.write(w.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String escape(String v) {
    return v.replace("\\", "\\\\").replace("\n", "\\n");
  }

  static Manifest read(InputStream in) throws IOException {
    Properties p = new Properties();
    p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    try {
      int format = Integer.parseInt(required(p, "format"));
      List<Table> tables = new ArrayList<>();
      for (String name : list(required(p, "tables"))) {
        tables.add(
            new Table(
                name,
                list(required(p, "table." + name + ".columns")),
                Long.parseLong(required(p, "table." + name + ".rows")),
                required(p, "table." + name + ".sha256")));
      }
      Map<String, Sequence> sequences = new TreeMap<>();
      for (String key : p.stringPropertyNames()) {
        if (key.startsWith("sequence.")) {
          String[] v = p.getProperty(key).split(",");
          sequences.put(
              key.substring("sequence.".length()),
              new Sequence(Long.parseLong(v[0]), v.length > 1 && v[1].equals("called")));
        }
      }
      Map<String, String> files = new LinkedHashMap<>();
      for (String f : list(p.getProperty("files", ""))) {
        files.put(f, required(p, "file." + f + ".sha256"));
      }
      return new Manifest(
          format,
          required(p, "server.version"),
          Instant.parse(required(p, "created.at")),
          required(p, "schema.version"),
          tables,
          list(p.getProperty("reading.partitions", "")),
          sequences,
          files);
    } catch (RuntimeException e) {
      throw new BackupException(
          "The backup's manifest is damaged (" + e.getMessage() + "); use another backup file.");
    }
  }

  private static String required(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null) {
      throw new IllegalArgumentException("no " + key);
    }
    return v;
  }

  private static List<String> list(String v) {
    return v.isEmpty() ? List.of() : Arrays.asList(v.split(","));
  }
}
