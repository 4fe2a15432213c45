package io.millstone.agent;

import io.millstone.agent.cli.EnrollCommand;
import io.millstone.agent.cli.RunCommand;
import io.millstone.agent.cli.StatusCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The edge agent's command line: {@code run}, {@code enroll}, {@code status}. */
@Command(
    name = "millstone-agent",
    mixinStandardHelpOptions = true,
    versionProvider = EdgeAgent.Version.class,
    subcommands = {RunCommand.class, EnrollCommand.class, StatusCommand.class},
    description = "Reads factory machines and streams their readings to a Millstone server.")
public final class EdgeAgent implements Callable<Integer> {

  @Override
  public Integer call() {
    CommandLine.usage(this, System.out);
    return 0;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The command line, with mistakes an admin can fix (a missing file, a bad setting) shown as one
   * plain sentence instead of a stack trace.
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new EdgeAgent());
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof java.io.IOException
              || e instanceof IllegalArgumentException
              || e instanceof IllegalStateException) {
            cmd.getErr().println("millstone-agent: " + e.getMessage());
            return 2;
          }
          throw e;
        });
    return cl;
  }

  /** This build's version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String version() {
    Properties p = new Properties();
    try (InputStream in = EdgeAgent.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version", "unknown");
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"millstone-agent " + version()};
    }
  }
}
