package io.millstone.agent.cli;

import io.millstone.agent.AgentStatusFile;
import io.millstone.agent.config.AgentConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Shows what the running agent last reported: buffer depth, oldest unsent, last ack, skew. */
@Command(name = "status", description = "Show the running agent's buffer, last ack and clock skew.")
public final class StatusCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, description = "The agent's settings (agent.yaml).")
  Path config;

  @Override
  public Integer call() throws Exception {
    AgentConfig cfg = AgentConfig.load(config);
    Path file = cfg.statusFile();
    if (!Files.exists(file)) {
      System.out.println("No status at " + file + ": the agent has not run with this config yet.");
      return 3;
    }
    Map<String, String> s = AgentStatusFile.read(file);
    Instant written = Instant.parse(s.getOrDefault("written_at", Instant.EPOCH.toString()));
    Duration age = Duration.between(written, Instant.now());
    boolean running = age.compareTo(Duration.ofSeconds(10)) < 0;
    System.out.println(
        running
            ? "Agent running (pid " + s.get("pid") + ")"
            : "Agent NOT running: last status written "
                + written
                + " ("
                + age.toSeconds()
                + " s ago)");
    System.out.println("  connected:        " + s.get("connected"));
    System.out.println("  buffer depth:     " + s.get("buffer_depth") + " readings");
    System.out.println("  oldest unsent:    " + blank(s.get("oldest_unsent"), "none"));
    System.out.println("  dropped (full):   " + s.get("dropped"));
    System.out.println(
        "  last ack:         #"
            + s.get("last_ack_seq")
            + " at "
            + blank(s.get("last_ack_at"), "never"));
    String skew = s.get("clock_skew_ms");
    System.out.println(
        "  clock skew:       "
            + (skew == null || skew.isEmpty()
                ? "unknown (not connected yet)"
                : skew
                    + " ms"
                    + ("true".equals(s.get("clock_skewed")) ? "  WARNING: set up NTP" : "")));
    System.out.println("  memory (RSS):     " + s.get("rss_kb") + " kB");
    String err = s.get("last_error");
    if (err != null && !err.isEmpty()) {
      System.out.println("  last error:       " + err);
    }
    // source.NAME.KEY lines: how each machine link is doing.
    Map<String, Map<String, String>> sources = new TreeMap<>();
    s.forEach(
        (k, v) -> {
          int dot = k.lastIndexOf('.');
          if (k.startsWith("source.") && dot > "source.".length()) {
            sources
                .computeIfAbsent(k.substring("source.".length(), dot), n -> new HashMap<>())
                .put(k.substring(dot + 1), v);
          }
        });
    sources.forEach(
        (name, m) -> {
          String last = blank(m.get("last_read_at"), blank(m.get("last_value_at"), "never"));
          System.out.println(
              "  source "
                  + name
                  + ": "
                  + ("true".equals(m.get("connected")) ? "connected" : "NOT connected")
                  + ", last reading "
                  + last
                  + (blank(m.get("last_error"), "").isEmpty()
                      ? ""
                      : ", error: " + m.get("last_error")));
        });
    return running ? 0 : 1;
  }

  private static String blank(String v, String fallback) {
    return v == null || v.isEmpty() ? fallback : v;
  }
}
