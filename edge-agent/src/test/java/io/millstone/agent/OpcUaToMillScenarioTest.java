package io.millstone.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.agent.config.AgentConfig;
import io.millstone.agent.config.DeviceCredential;
import io.millstone.agent.source.TestOpcUaServer;
import io.millstone.api.telemetry.v1.ValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An evaporator station's OPC UA server, an agent configured from agent.yaml with Basic256Sha256
 * and a username, and a real Millstone server: the server stores the values with the time the
 * station took them, not the time they arrived.
 */
class OpcUaToMillScenarioTest {
  @TempDir Path dir;

  @Test
  void evaporatorValuesReachTheServerWithTheStationsSourceTime() throws Exception {
    String p = "e" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, ValueType> tags = new LinkedHashMap<>();
    tags.put(p + ".brix", ValueType.VALUE_TYPE_NUMBER);
    tags.put(p + ".running", ValueType.VALUE_TYPE_BOOLEAN);
    try (TestMill mill = new TestMill();
        TestOpcUaServer station = new TestOpcUaServer("Brix", "Running")) {
      mill.machineWithTags(p, tags);
      DeviceCredential device = mill.enrolledDevice("evaporator gateway " + p);
      Instant taken = Instant.now().minusSeconds(45).truncatedTo(ChronoUnit.MILLIS);
      station.write("Brix", 64.2, taken);
      station.write("Running", true, taken);
      Path yaml = dir.resolve("agent.yaml");
      Files.writeString(
          yaml,
          """
          server: %s
          sources:
            - type: opcua
              name: evaporator
              endpoint: %s
              username: %s
              password: %s
              publishing_interval: 200ms
              tags:
                - key: %s.brix
                  node: "%s"
                - key: %s.running
                  node: "%s"
          """
              .formatted(
                  mill.address(),
                  station.endpoint(),
                  TestOpcUaServer.USER,
                  TestOpcUaServer.PASSWORD,
                  p,
                  station.nodeId("Brix"),
                  p,
                  station.nodeId("Running")));
      AgentConfig config = AgentConfig.load(yaml);

      try (Agent agent = new Agent(config, device, "test", List.of(), null).start()) {
        AgentStreamingTest.await(
            "the station's values on the server",
            Duration.ofSeconds(60),
            () ->
                "64.2".equals(mill.latestStored(device.deviceId(), p + ".brix"))
                    && "true".equals(mill.latestStored(device.deviceId(), p + ".running")));
        assertThat(mill.latestStoredAt(device.deviceId(), p + ".brix")).isEqualTo(taken);

        Instant later = taken.plusSeconds(30);
        station.write("Brix", 65.05, later);
        AgentStreamingTest.await(
            "the next brix",
            Duration.ofSeconds(30),
            () -> "65.05".equals(mill.latestStored(device.deviceId(), p + ".brix")));
        assertThat(mill.latestStoredAt(device.deviceId(), p + ".brix")).isEqualTo(later);
        assertThat(dir.resolve("opcua-pki/agent-certificate.der"))
            .as("the agent's certificate is kept beside agent.yaml")
            .exists();
        assertThat(agent.status()).containsEntry("source.evaporator.connected", "true");
      }
    }
  }
}
