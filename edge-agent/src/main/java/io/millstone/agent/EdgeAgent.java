package io.millstone.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The edge agent's command line; sources, buffer and uplink arrive with the telemetry issue. */
@Command(
    name = "millstone-agent",
    mixinStandardHelpOptions = true,
    versionProvider = EdgeAgent.Version.class,
    description = "Reads factory machines and streams their readings to a Millstone server.")
public final class EdgeAgent implements Callable<Integer> {

  @Override
  public Integer call() {
    CommandLine.usage(this, System.out);
    return 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new EdgeAgent()).execute(args));
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = EdgeAgent.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"millstone-agent " + p.getProperty("version", "unknown")};
    }
  }
}
