package io.millstone.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.server.demo.DemoSeeder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What {@code ./millstone demo} runs: the demo server leaves a one-time token and an agent.yaml;
 * the agent enrols with them and its simulated mill fills every demo tag, none quarantined.
 */
class DemoAgentTest {
  @TempDir Path dir;

  @Test
  void theDemoAgentEnrolsWithItsTokenAndFeedsEveryDemoMachine() throws Exception {
    try (TestMill mill = new TestMill()) {
      DemoSeeder.seed(mill.server(), dir);
      Path home = dir.resolve(DemoSeeder.AGENT_DIR);
      Path yaml = home.resolve("agent.yaml");
      assertThat(yaml).exists();

      int enrolled =
          new CommandLine(new EdgeAgent())
              .execute(
                  "enroll",
                  "--server",
                  mill.address(),
                  "--token-file",
                  home.resolve("enrollment.token").toString(),
                  "--config",
                  yaml.toString());
      assertThat(enrolled).isZero();
      assertThat(home.resolve("credential.properties")).exists();

      try (Agent agent =
          new Agent(io.millstone.agent.config.AgentConfig.load(yaml), "test").start()) {
        AgentStreamingTest.await(
            "readings of every demo tag", Duration.ofSeconds(30), () -> countTags() >= 11);
      }
      Map<String, Long> perTag = tagsWithReadings();
      assertThat(perTag.keySet())
          .containsExactlyInAnyOrder(
              "mill1.running",
              "mill1.speed",
              "mill1.cane_feed",
              "juice.flow",
              "juice.brix",
              "boiler2.pressure",
              "boiler2.steam_temp",
              "cent3.running",
              "cent3.cycles",
              "wb_gate.weight",
              "wb_gate.stable");
      try (Connection c = TestMill.platform().database().ownerDataSource().getConnection();
          PreparedStatement ps =
              c.prepareStatement(
                  "SELECT count(*) FROM reading_quarantine q JOIN device d ON d.id = q.device_id"
                      + " WHERE d.name = 'demo-floor-pc'")) {
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertThat(rs.getLong(1)).as("demo readings quarantined").isZero();
        }
      }
    }
  }

  private static int countTags() {
    try {
      return tagsWithReadings().size();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Long> tagsWithReadings() throws Exception {
    Map<String, Long> out = new TreeMap<>();
    try (Connection c = TestMill.platform().database().ownerDataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT t.key, count(*) FROM reading r JOIN tag t ON t.id = r.tag_id"
                    + " JOIN device d ON d.id = r.device_id WHERE d.name = 'demo-floor-pc' GROUP BY t.key")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return out;
  }
}
