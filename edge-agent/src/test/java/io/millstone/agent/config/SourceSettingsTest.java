package io.millstone.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Modbus TCP and OPC UA sources as an engineer writes them in agent.yaml: the examples in the agent
 * guide are read as they stand, and each mistake is refused with the key it is under.
 */
class SourceSettingsTest {
  static final Path GUIDE = Path.of("..", "docs", "agent-guide.md");
  @TempDir Path dir;

  /** The guide's agent.yaml examples that wire a Modbus device or an OPC UA server. */
  static List<String> guideExamples() throws Exception {
    List<String> out = new ArrayList<>();
    Matcher m =
        Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(GUIDE));
    while (m.find()) {
      if (m.group(1).contains("type: modbus-tcp") || m.group(1).contains("type: opcua")) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  AgentConfig load(String yaml) throws Exception {
    Path file = dir.resolve("agent.yaml");
    Files.writeString(file, yaml);
    return AgentConfig.load(file);
  }

  @Test
  void theGuidesModbusAndOpcUaExamplesAreReadAsWritten() throws Exception {
    List<String> examples = guideExamples();
    assertThat(examples).hasSize(4);

    ModbusTcpConfig boiler = ModbusTcpConfig.of(load(examples.get(0)).sources().get(0));
    assertThat(boiler.host()).isEqualTo("192.168.10.20");
    assertThat(boiler.port()).isEqualTo(502);
    assertThat(boiler.unitId()).isEqualTo(1);
    assertThat(boiler.interval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(boiler.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(boiler.tags())
        .extracting(
            t ->
                t.key()
                    + " "
                    + t.table().yaml
                    + "@"
                    + t.address()
                    + " "
                    + t.type()
                    + (t.lowWordFirst() ? " low_first" : "")
                    + " x"
                    + t.scale().stripTrailingZeros().toPlainString()
                    + "+"
                    + t.offset().toPlainString())
        .containsExactly(
            "boiler.pressure holding@100 UINT16 x0.01+0",
            "boiler.steam_temp holding@101 FLOAT32 x1+0",
            "boiler.feed_total input@10 UINT32 low_first x1+0",
            "boiler.flue_temp input@12 INT16 x0.5+-40",
            "boiler.burner_on coil@5 BOOL x1+0",
            "boiler.low_water discrete_input@7 BOOL x1+0");

    OpcUaConfig evaporator = OpcUaConfig.of(load(examples.get(1)).sources().get(0));
    assertThat(evaporator.endpoint()).isEqualTo("opc.tcp://192.168.10.30:4840/evaporator");
    assertThat(evaporator.secured()).isTrue();
    assertThat(evaporator.securityMode()).isEqualTo("SignAndEncrypt");
    assertThat(evaporator.serverCertificate()).isEmpty();
    assertThat(evaporator.username()).contains("millstone-agent");
    assertThat(evaporator.toString()).doesNotContain("change-me");
    assertThat(evaporator.pkiDir()).isEqualTo(dir.resolve("opcua-pki"));
    assertThat(evaporator.publishingInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(evaporator.nodes())
        .extracting(n -> n.key() + " " + n.nodeId() + " " + n.samplingInterval().toMillis())
        .containsExactly(
            "evap.brix ns=2;s=Evaporator/Brix 500",
            "evap.steam_pressure ns=2;s=Evaporator/SteamPressure 200",
            "evap.running ns=3;i=1001 500");

    OpcUaConfig lab = OpcUaConfig.of(load(examples.get(2)).sources().get(0));
    assertThat(lab.secured()).isFalse();
    assertThat(lab.nodes()).singleElement().extracting(OpcUaConfig.Node::queueSize).isEqualTo(10);

    ModbusTcpConfig weighbridge = ModbusTcpConfig.of(load(examples.get(3)).sources().get(0));
    assertThat(weighbridge.interval()).isEqualTo(Duration.ofMillis(500));
    assertThat(weighbridge.tags())
        .extracting(
            t ->
                t.key()
                    + " "
                    + t.table().yaml
                    + "@"
                    + t.address()
                    + " "
                    + t.type()
                    + (t.lowWordFirst() ? " low_first" : "")
                    + " x"
                    + t.scale().stripTrailingZeros().toPlainString()
                    + " bit"
                    + t.bit()
                    + (t.invert() ? " inverted" : ""))
        .containsExactly(
            "wb_gate.weight holding@0 INT32 low_first x10 bit-1",
            "wb_gate.stable holding@2 BOOL x1 bit1 inverted",
            "wb_gate.overload holding@2 BOOL x1 bit3");
  }

  static final String MODBUS =
      """
      server: 127.0.0.1:7443
      sources:
        - type: modbus-tcp
          name: boiler-plc
          host: 192.168.10.20
          tags:
            - key: boiler.pressure
              register: holding
              address: 100
      """;

  static final String OPCUA =
      """
      server: 127.0.0.1:7443
      sources:
        - type: opcua
          name: evaporator
          endpoint: opc.tcp://192.168.10.30:4840
          tags:
            - key: evap.brix
              node: "ns=2;s=Brix"
      """;

  @Test
  void aModbusMistakeIsRefusedNamingTheKey() throws Exception {
    assertThat(ModbusTcpConfig.of(load(MODBUS).sources().get(0)).tags().get(0).scale())
        .isEqualTo(BigDecimal.ONE);
    record Case(String from, String to, String message) {}
    List<Case> cases =
        List.of(
            new Case("    host: 192.168.10.20\n", "", "source 'boiler-plc': 'host' is missing"),
            new Case(
                "register: holding",
                "register: holdings",
                "tags[0].register must be one of holding, input, coil, discrete_input, not"
                    + " 'holdings'"),
            new Case(
                "register: holding",
                "register: coil\n        type: float32",
                "tags[0].type must be bool for a coil"),
            new Case("address: 100", "adress: 100", "unknown setting 'tags[0].adress'"),
            new Case("address: 100", "address: 65535\n        type: int32", "runs past 65535"),
            new Case(
                "    host: 192.168.10.20\n",
                "    host: 192.168.10.20\n    port: 70000\n",
                "port must be from 1 to 65535, not 70000"),
            new Case(
                "    host: 192.168.10.20\n",
                "    host: 192.168.10.20\n    pollinterval: 1s\n",
                "unknown setting 'pollinterval'"),
            new Case(
                "address: 100",
                "address: 100\n        scale: zero point one",
                "tags[0].scale must be a number, not 'zero point one'"),
            new Case(
                "address: 100",
                "address: 100\n        word_order: low_first",
                "tags[0].word_order applies to 32-bit types only"),
            new Case(
                "address: 100",
                "address: 100\n      - key: boiler.pressure\n        register: input\n"
                    + "        address: 3",
                "tags[1].key: tag key 'boiler.pressure' is read twice"),
            new Case(
                "address: 100",
                "address: 100\n        type: uint16\n        bit: 1",
                "tags[0].bit applies to a bool on a holding or input register only, not a uint16"),
            new Case(
                "register: holding",
                "register: coil\n        bit: 1",
                "tags[0].bit applies to a bool on a holding or input register only, not a coil"),
            new Case("address: 100", "address: 100\n        bit: 16", "bit must be from 0 to 15"),
            new Case(
                "address: 100",
                "address: 100\n        invert: true",
                "tags[0].invert applies to a bool only, not uint16"),
            new Case(
                "address: 100",
                "address: 100\n        bit: 1\n        invert: yes please",
                "tags[0].invert must be true or false"));
    for (Case c : cases) {
      assertThat(MODBUS).contains(c.from());
      assertThatThrownBy(() -> load(MODBUS.replace(c.from(), c.to())))
          .as(c.to())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(c.message());
    }
  }

  @Test
  void aScaleOrOffsetWithAnAbsurdExponentIsRefusedBeforeAnyReadingIsScaled() {
    for (String bad :
        List.of("scale: '1E-300000000'", "scale: '7E+2147483647'", "offset: '-1E+2147483647'")) {
      assertThatThrownBy(() -> load(MODBUS.replace("address: 100", "address: 100\n        " + bad)))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(
              "tags[0]." + bad.substring(0, bad.indexOf(':')) + " must be a number");
    }
  }

  @Test
  void anOpcUaMistakeIsRefusedNamingTheKey() throws Exception {
    assertThat(OpcUaConfig.of(load(OPCUA).sources().get(0)).securityPolicy())
        .isEqualTo("Basic256Sha256");
    record Case(String from, String to, String message) {}
    String endpoint = "    endpoint: opc.tcp://192.168.10.30:4840\n";
    List<Case> cases =
        List.of(
            new Case(
                endpoint,
                endpoint + "    security_policy: None\n",
                "set allow_insecure: true to accept that"),
            new Case(
                endpoint,
                endpoint + "    security_policy: Basic128Rsa15\n",
                "security_policy must be one of Basic256Sha256, None"),
            new Case(endpoint, "    endpoint: http://evaporator\n", "must be an opc.tcp:// URL"),
            new Case("ns=2;s=Brix", "Brix", "tags[0].node must be a node id"),
            new Case(
                endpoint,
                endpoint + "    username: agent\n",
                "'password' is missing: give both or neither"),
            new Case(
                endpoint,
                endpoint + "    server_certificate: my-server\n",
                "server_certificate must be first-use or the SHA-256"),
            new Case(endpoint, endpoint + "    queue_size: 0\n", "queue_size must be from 1"),
            new Case(
                endpoint,
                endpoint + "    publishing_interval: soon\n",
                "publishing_interval: 'soon' is not a duration"),
            new Case(endpoint, endpoint + "    interval: 1s\n", "an opcua source has no interval"),
            new Case("node:", "nodeid:", "unknown setting 'tags[0].nodeid'"));
    for (Case c : cases) {
      assertThat(OPCUA).contains(c.from());
      assertThatThrownBy(() -> load(OPCUA.replace(c.from(), c.to())))
          .as(c.to())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("source 'evaporator': ")
          .hasMessageContaining(c.message());
    }
  }
}
