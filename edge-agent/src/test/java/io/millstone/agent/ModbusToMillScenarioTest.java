package io.millstone.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.agent.config.AgentConfig;
import io.millstone.agent.config.DeviceCredential;
import io.millstone.agent.source.TestModbusDevice;
import io.millstone.api.telemetry.v1.ValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A boiler PLC speaking Modbus TCP, an agent configured from agent.yaml, and a real Millstone
 * server: what the PLC holds is stored by the server, scaled, and keeps arriving after the PLC has
 * been off for a while.
 */
class ModbusToMillScenarioTest {
  @TempDir Path dir;

  @Test
  void boilerPressureFromAPlcReachesTheServerScaledAndResumesAfterThePlcRestarts()
      throws Exception {
    String p = "b" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, ValueType> tags = new LinkedHashMap<>();
    tags.put(p + ".pressure", ValueType.VALUE_TYPE_NUMBER);
    tags.put(p + ".burner_on", ValueType.VALUE_TYPE_BOOLEAN);
    tags.put(p + ".feed_total", ValueType.VALUE_TYPE_COUNTER);
    try (TestMill mill = new TestMill();
        TestModbusDevice plc = new TestModbusDevice()) {
      mill.machineWithTags(p, tags);
      DeviceCredential device = mill.enrolledDevice("boiler gateway " + p);
      plc.holding(100, 3125);
      plc.coil(5, true);
      plc.input(10, 70_000 >>> 16, 70_000 & 0xffff);
      Path yaml = dir.resolve("agent.yaml");
      Files.writeString(
          yaml,
          """
          server: %s
          sources:
            - type: modbus-tcp
              name: boiler-plc
              host: 127.0.0.1
              port: %d
              interval: 200ms
              request_timeout: 1s
              tags:
                - key: %s.pressure
                  register: holding
                  address: 100
                  scale: 0.01
                - key: %s.burner_on
                  register: coil
                  address: 5
                - key: %s.feed_total
                  register: input
                  address: 10
                  type: uint32
          """
              .formatted(mill.address(), plc.port(), p, p, p));
      AgentConfig config = AgentConfig.load(yaml);

      try (Agent agent = new Agent(config, device, "test", List.of(), null).start()) {
        AgentStreamingTest.await(
            "the PLC's values on the server",
            Duration.ofSeconds(30),
            () ->
                "31.25".equals(mill.latestStored(device.deviceId(), p + ".pressure"))
                    && "true".equals(mill.latestStored(device.deviceId(), p + ".burner_on"))
                    && "70000".equals(mill.latestStored(device.deviceId(), p + ".feed_total")));

        plc.stop();
        AgentStreamingTest.await(
            "the agent to see the PLC gone",
            Duration.ofSeconds(10),
            () -> "false".equals(agent.status().get("source.boiler-plc.connected")));
        plc.holding(100, 2980);
        plc.coil(5, false);
        plc.start();

        AgentStreamingTest.await(
            "readings after the PLC is back",
            Duration.ofSeconds(30),
            () ->
                "29.8".equals(mill.latestStored(device.deviceId(), p + ".pressure"))
                    && "false".equals(mill.latestStored(device.deviceId(), p + ".burner_on")));
        assertThat(agent.status()).containsEntry("source.boiler-plc.connected", "true");
        assertThat(mill.stored(device.deviceId()).quarantined())
            .as("every reading matched a tag and a type")
            .isZero();
      }
    }
  }
}
