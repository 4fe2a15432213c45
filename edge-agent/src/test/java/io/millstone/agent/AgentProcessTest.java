package io.millstone.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.agent.config.AgentConfig;
import io.millstone.agent.config.DeviceCredential;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The agent as an admin runs it: {@code millstone-agent run --config agent.yaml} in its own JVM
 * with a small heap, killed with SIGKILL mid-stream and started again, twice. Every reading it
 * numbered ends up in the database exactly once. Its resident memory is measured while it streams.
 */
class AgentProcessTest {
  @TempDir Path dir;
  TestMill mill;
  String prefix;
  final List<Process> started = new ArrayList<>();

  static final List<String> SMALL_JVM =
      List.of(
          "-Xmx48m",
          "-Xss512k",
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "-XX:ReservedCodeCacheSize=32m",
          "-XX:MaxMetaspaceSize=64m",
          "-XX:MaxDirectMemorySize=32m");

  @BeforeEach
  void setUp() {
    mill = new TestMill();
    prefix = "p" + UUID.randomUUID().toString().substring(0, 8);
    mill.simulatedMachine(prefix);
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    for (Process p : started) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
    mill.close();
  }

  Path writeConfig(String name, boolean withSource) throws IOException {
    Path yaml = dir.resolve(name);
    Files.writeString(
        yaml,
        "server: "
            + mill.address()
            + "\ncredentials: device.credentials\nbuffer:\n  path: buffer.db\n"
            + "status_file: status.properties\nuplink:\n  batch_size: 1000\n"
            + (withSource
                ? "sources:\n  - type: simulator\n    name: "
                    + prefix
                    + "\n    interval: 10ms\n    seed: 7\n"
                : ""));
    return yaml;
  }

  Process startAgent(Path yaml) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The settings a floor PC's service unit uses: a small heap and small native pools.
    cmd.addAll(SMALL_JVM);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(EdgeAgent.class.getName());
    cmd.add("run");
    cmd.add("--config");
    cmd.add(yaml.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("agent-" + started.size() + ".log").toFile());
    Process p = pb.start();
    started.add(p);
    return p;
  }

  Map<String, String> statusOf(Process p) throws Exception {
    Path file = dir.resolve("status.properties");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      assertThat(p.isAlive()).as("agent process is running").isTrue();
      if (Files.exists(file)) {
        Map<String, String> s = AgentStatusFile.read(file);
        if (s.get("pid").equals(Long.toString(p.pid()))
            && Long.parseLong(s.get("readings_accepted")) > 0) {
          return s;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the agent reported no acked readings within 60 s");
  }

  /** The last number the running agent's buffer handed out, as its status file says. */
  long numbered(Process p) throws Exception {
    Map<String, String> s = AgentStatusFile.read(dir.resolve("status.properties"));
    return s.get("pid").equals(Long.toString(p.pid()))
        ? Long.parseLong(s.get("buffer_last_seq"))
        : 0;
  }

  static long rssKb(Process p) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  @Test
  void anAgentKilledWithSigkillMidStreamAndRestartedLosesAndDuplicatesNothing() throws Exception {
    Path yaml = writeConfig("agent.yaml", true);
    assertThat(
            new CommandLine(new EdgeAgent())
                .execute(
                    "enroll",
                    "--server",
                    mill.address(),
                    "--token-file",
                    Files.writeString(dir.resolve("token.txt"), mill.deviceToken("proc-" + prefix))
                        .toString(),
                    "--config",
                    yaml.toString()))
        .isZero();

    long maxRss = 0;
    for (int run = 1; run <= 2; run++) {
      Process agent = startAgent(yaml);
      statusOf(agent);
      // Killed mid-stream once it has numbered enough readings (counted, not timed, so the total
      // checked below holds on a slow machine), sampling its memory at least ten times meanwhile.
      long numberedBeforeKill = 600L * run;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      for (int i = 0; i < 10 || numbered(agent) < numberedBeforeKill; i++) {
        assertThat(System.nanoTime())
            .as(numberedBeforeKill + " readings numbered within 60 s")
            .isLessThan(deadline);
        Thread.sleep(200);
        maxRss = Math.max(maxRss, rssKb(agent));
      }
      agent.destroyForcibly(); // SIGKILL: no shutdown hook, no last commit
      assertThat(agent.waitFor(10, TimeUnit.SECONDS)).isTrue();
      System.out.println("run " + run + ": agent killed with SIGKILL, exit " + agent.exitValue());
    }

    Process last = startAgent(yaml);
    Map<String, String> status = statusOf(last);
    maxRss = Math.max(maxRss, rssKb(last));
    String shown = statusCommandOutput(yaml);
    assertThat(shown).contains("Agent running (pid " + last.pid() + ")").contains("buffer depth:");
    System.out.print(shown);
    last.destroy(); // SIGTERM: the agent stops cleanly
    assertThat(last.waitFor(30, TimeUnit.SECONDS)).as("stops within 30 s of SIGTERM").isTrue();

    // Whatever the last run left unacked is sent by an agent without sources on the same buffer.
    AgentConfig drainOnly = AgentConfig.load(writeConfig("drain.yaml", false));
    DeviceCredential device = DeviceCredential.read(drainOnly.credentialFile());
    long generated;
    try (Agent a = new Agent(drainOnly, device, "test", List.of(), null).start()) {
      AgentStreamingTest.await(
          "the buffer to drain", Duration.ofSeconds(60), () -> a.buffer().depth() == 0);
      generated = a.buffer().lastSeq();
    }
    TestMill.Stored s = mill.stored(device.deviceId());
    System.out.printf(
        "sigkill x2: generated=%d stored=%d duplicated=%d lost=%d agent_rss_max_kb=%d"
            + " (status file said %s kB) with %s%n",
        generated,
        s.rows(),
        s.rows() - s.distinctSeqs(),
        generated - s.distinctSeqs(),
        maxRss,
        status.get("rss_kb"),
        String.join(" ", SMALL_JVM));
    assertThat(generated).isGreaterThan(1000);
    assertThat(s.noDuplicates()).as("no reading stored twice").isTrue();
    assertThat(s.rows()).as("every numbered reading stored").isEqualTo(generated);
    assertThat(s.maxSeq()).isEqualTo(generated);
    assertThat(s.quarantined()).isZero();
    assertThat(maxRss).as("agent RSS in kB while streaming").isPositive().isLessThan(400_000);
  }

  private static String statusCommandOutput(Path yaml) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      new CommandLine(new EdgeAgent()).execute("status", "--config", yaml.toString());
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}
