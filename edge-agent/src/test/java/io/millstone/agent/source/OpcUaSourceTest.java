package io.millstone.agent.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.millstone.agent.buffer.BufferWriter;
import io.millstone.agent.buffer.BufferedReading;
import io.millstone.agent.buffer.ReadingBuffer;
import io.millstone.agent.config.SourceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The opcua source against a real Eclipse Milo server on loopback, over Basic256Sha256
 * SignAndEncrypt with a username, writing into the real SQLite buffer: values arrive with the
 * server's source time and quality, the subscription comes back after a server restart, and a
 * server that shows up with another certificate is refused.
 */
class OpcUaSourceTest {
  @TempDir Path dir;
  TestOpcUaServer server;
  ReadingBuffer buffer;
  BufferWriter writer;
  OpcUaSource source;

  @BeforeEach
  void setUp() throws Exception {
    server = new TestOpcUaServer("Brix", "Running", "Cycles");
    buffer = ReadingBuffer.open(dir.resolve("buffer.db"));
    writer = new BufferWriter(buffer, () -> {});
  }

  @AfterEach
  void tearDown() throws Exception {
    if (source != null) {
      source.close();
    }
    writer.close();
    buffer.close();
    server.close();
  }

  SourceConfig.Builder evaporator() {
    List<Map<String, Object>> tags = new ArrayList<>();
    for (String[] t :
        new String[][] {
          {"evap.brix", "Brix"}, {"evap.running", "Running"}, {"evap.cycles", "Cycles"}
        }) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("key", t[0]);
      m.put("node", server.nodeId(t[1]));
      tags.add(m);
    }
    return SourceConfig.builder("opcua", "evaporator")
        .option("endpoint", server.endpoint())
        .option("username", TestOpcUaServer.USER)
        .option("password", TestOpcUaServer.PASSWORD)
        .option("pki_dir", dir.resolve("opcua-pki").toString())
        .option("publishing_interval", "100ms")
        .option("sampling_interval", "50ms")
        .option("request_timeout", "3s")
        .option("tags", tags);
  }

  static void await(String what, Duration timeout, BooleanSupplier done)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      Thread.sleep(50);
    }
  }

  List<BufferedReading> all() {
    List<BufferedReading> out = new ArrayList<>();
    long after = 0;
    while (true) {
      List<BufferedReading> page = buffer.nextUnsent(after, 1000);
      if (page.isEmpty()) {
        return out;
      }
      out.addAll(page);
      after = page.get(page.size() - 1).seq();
    }
  }

  BufferedReading latest(String key) {
    BufferedReading last = null;
    for (BufferedReading r : all()) {
      if (r.tagKey().equals(key)) {
        last = r;
      }
    }
    return last;
  }

  boolean has(String key, String value) {
    BufferedReading r = latest(key);
    return r != null && r.value().equals(value);
  }

  @Test
  void subscribedNodesArriveWithTheServersSourceTimeAndQuality() throws Exception {
    Instant t1 = Instant.now().minusSeconds(90).truncatedTo(ChronoUnit.MILLIS);
    server.write("Brix", 17.6, t1);
    server.write("Running", true, t1);
    server.write("Cycles", uint(1234), t1);
    source = new OpcUaSource(evaporator().build());

    source.start(writer);
    await(
        "the three nodes' values",
        Duration.ofSeconds(30),
        () ->
            has("evap.brix", "17.6") && has("evap.running", "true") && has("evap.cycles", "1234"));
    for (String key : List.of("evap.brix", "evap.running", "evap.cycles")) {
      assertThat(latest(key).sourceTime()).as(key).isEqualTo(t1);
      assertThat(latest(key).quality()).as(key).isEqualTo(1);
    }

    // The device behind the server is unsure of its reading, then loses it altogether.
    Instant t2 = t1.plusSeconds(30);
    server.write("Brix", 18.25, t2, new StatusCode(StatusCodes.Uncertain_SensorNotAccurate));
    await("the uncertain brix", Duration.ofSeconds(10), () -> has("evap.brix", "18.25"));
    assertThat(latest("evap.brix").quality()).isEqualTo(2);
    assertThat(latest("evap.brix").sourceTime()).isEqualTo(t2);

    server.write("Brix", null, t2.plusSeconds(1), new StatusCode(StatusCodes.Bad_SensorFailure));
    server.write("Running", false, t2.plusSeconds(1), new StatusCode(StatusCodes.Bad_OutOfService));
    await("the bad run state", Duration.ofSeconds(10), () -> has("evap.running", "false"));
    assertThat(latest("evap.running").quality()).isEqualTo(3);
    assertThat(latest("evap.brix").value())
        .as("a bad status without a value gives no reading")
        .isEqualTo("18.25");

    // The agent made its application certificate in its data dir and showed it to the server.
    Path pki = dir.resolve("opcua-pki");
    assertThat(pki.resolve("agent.p12")).exists();
    assertThat(Files.readAllBytes(pki.resolve("agent-certificate.der")))
        .isEqualTo(server.clientCertificates.getLast().getEncoded());
    assertThat(Files.readAllBytes(pki.resolve("trusted/evaporator.der")))
        .as("the server's certificate, trusted on first use")
        .isEqualTo(server.certificate().getEncoded());
    assertThat(source.status()).containsEntry("connected", "true");
  }

  @Test
  void afterAServerRestartTheSubscriptionIsMadeAgainAndReadingsResume() throws Exception {
    Instant t1 = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
    server.write("Brix", 17.0, t1);
    source =
        new OpcUaSource(
            evaporator()
                .option("server_certificate", OpcUaIdentity.fingerprint(server.certificate()))
                .build());
    source.start(writer);
    await("the first brix", Duration.ofSeconds(30), () -> has("evap.brix", "17"));

    server.stop();
    await(
        "the source to notice",
        Duration.ofSeconds(30),
        () -> source.status().get("connected").equals("false"));
    Instant t2 = t1.plusSeconds(20);
    server.write("Brix", 17.9, t2);
    server.start();

    await("readings after the restart", Duration.ofSeconds(60), () -> has("evap.brix", "17.9"));
    assertThat(latest("evap.brix").sourceTime()).isEqualTo(t2);
    server.write("Brix", 18.3, t2.plusSeconds(1));
    await("the next change", Duration.ofSeconds(10), () -> has("evap.brix", "18.3"));
    assertThat(source.status()).containsEntry("connected", "true");
  }

  @Test
  void aServerThatComesBackWithAnotherCertificateIsRefused() throws Exception {
    Instant t1 = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
    server.write("Brix", 17.0, t1);
    source = new OpcUaSource(evaporator().build());
    source.start(writer);
    await("the first brix", Duration.ofSeconds(30), () -> has("evap.brix", "17"));
    byte[] trusted = Files.readAllBytes(dir.resolve("opcua-pki/trusted/evaporator.der"));

    server.stop();
    server.newCertificate();
    server.write("Brix", 19.5, t1.plusSeconds(5));
    server.start();
    await(
        "the source to refuse the new certificate",
        Duration.ofSeconds(60),
        () -> source.status().get("last_error").contains("different certificate"));

    assertThat(latest("evap.brix").value()).as("nothing is read from the impostor").isEqualTo("17");
    assertThat(source.status()).containsEntry("connected", "false");
    assertThat(Files.readAllBytes(dir.resolve("opcua-pki/trusted/evaporator.der")))
        .isEqualTo(trusted);
  }
}
