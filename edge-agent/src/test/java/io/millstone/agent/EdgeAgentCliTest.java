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
}
