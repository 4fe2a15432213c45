package io.millstone.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as an admin meets it before anything is running. */
class EdgeAgentCliTest {
  @TempDir Path dir;

  static String[] run(String... args) {
    CommandLine cl = EdgeAgent.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void versionNamesTheAgentAndItsBuild() {
    String[] r = run("--version");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).startsWith("millstone-agent ").doesNotContain("unknown").doesNotContain("${");
  }

  @Test
  void runningBeforeEnrolmentSaysToEnrolFirstWithoutAStackTrace() throws Exception {
    Path yaml = dir.resolve("agent.yaml");
    Files.writeString(yaml, "server: 127.0.0.1:7443\n");
    String[] r = run("run", "--config", yaml.toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2])
        .contains("No device credential at")
        .contains("enroll --server")
        .doesNotContain("\tat ");
  }

  @Test
  void statusBeforeTheFirstRunSaysSo() throws Exception {
    Path yaml = dir.resolve("agent.yaml");
    Files.writeString(yaml, "server: 127.0.0.1:7443\n");
    assertThat(run("status", "--config", yaml.toString())[0]).isEqualTo("3");
  }

  @Test
  void aMistakeInASourceStopsTheAgentNamingTheKey() throws Exception {
    Path yaml = dir.resolve("agent.yaml");
    Files.writeString(
        yaml,
        """
        server: 127.0.0.1:7443
        sources:
          - type: modbus-tcp
            name: boiler-plc
            host: 192.168.10.20
            tags:
              - key: boiler.pressure
                register: holding
                address: 40101
                type: uint16
              - key: boiler.steam_temp
                register: holding
                address: 101
                type: float
        """);
    String[] r = run("run", "--config", yaml.toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2])
        .contains("source 'boiler-plc': tags[1].type must be one of")
        .contains("not 'float'")
        .doesNotContain("\tat ");
  }

  @Test
  void statusTellsHowEachMachineLinkIsDoing() throws Exception {
    Path yaml = dir.resolve("agent.yaml");
    Files.writeString(yaml, "server: 127.0.0.1:7443\n");
    java.util.Map<String, String> status = new java.util.LinkedHashMap<>();
    status.put("written_at", java.time.Instant.now().toString());
    status.put("pid", "4242");
    status.put("connected", "true");
    status.put("source.boiler-plc.connected", "false");
    status.put("source.boiler-plc.last_read_at", "2026-11-23T08:00:00Z");
    status.put("source.boiler-plc.last_error", "cannot connect: Connection refused");
    status.put("source.evaporator.connected", "true");
    status.put("source.evaporator.last_value_at", "2026-11-23T08:05:00Z");
    status.put("source.evaporator.last_error", "");
    AgentStatusFile.write(dir.resolve("status.properties"), status);

    java.io.PrintStream before = System.out;
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      assertThat(run("status", "--config", yaml.toString())[0]).isEqualTo("0");
    } finally {
      System.setOut(before);
    }
    assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8))
        .contains(
            "source boiler-plc: NOT connected, last reading 2026-11-23T08:00:00Z, error: cannot"
                + " connect: Connection refused")
        .contains("source evaporator: connected, last reading 2026-11-23T08:05:00Z\n");
  }
}
