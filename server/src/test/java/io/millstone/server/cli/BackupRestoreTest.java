package io.millstone.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.millstone.api.accounting.v1.GetTrialBalanceRequest;
import io.millstone.api.accounting.v1.LedgerServiceGrpc;
import io.millstone.api.accounting.v1.TrialBalance;
import io.millstone.api.common.v1.PageRequest;
import io.millstone.api.identity.v1.AuthServiceGrpc;
import io.millstone.api.identity.v1.LoginRequest;
import io.millstone.api.inventory.v1.ListOnHandRequest;
import io.millstone.api.inventory.v1.ListOnHandResponse;
import io.millstone.api.inventory.v1.OnHand;
import io.millstone.api.inventory.v1.StockServiceGrpc;
import io.millstone.api.masterdata.v1.ListRequest;
import io.millstone.api.telemetry.v1.EnrollResponse;
import io.millstone.api.telemetry.v1.HistoryRequest;
import io.millstone.api.telemetry.v1.ListMachinesRequest;
import io.millstone.api.telemetry.v1.MachineServiceGrpc;
import io.millstone.api.telemetry.v1.MonitorServiceGrpc;
import io.millstone.api.telemetry.v1.Reading;
import io.millstone.api.telemetry.v1.Tag;
import io.millstone.server.MillstoneServer;
import io.millstone.server.TestPlatform;
import io.millstone.server.TestServer;
import io.millstone.server.demo.DemoSeeder;
import io.millstone.server.gateway.ProtoValues;
import io.millstone.server.identity.model.CompanySettings;
import io.millstone.server.masterdata.MasterdataFixtures;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.MillstoneConfig;
import io.millstone.server.platform.Platform;
import io.millstone.server.telemetry.TelemetryFixtures;
import io.millstone.server.telemetry.Uplink;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * An admin backs up a running server holding the demo mill, its trade and a week and a half of
 * readings, while another company keeps writing; then restores the file into an empty installation
 * (a new data directory, and an empty external PostgreSQL) and sees the same books, stock and
 * readings.
 */
class BackupRestoreTest {
  @TempDir Path dir;

  record Run(int exitCode, String out, String err) {}

  private static synchronized Run cli(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int code = new CommandLine(new ServerCli()).execute(args);
      return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  /** What users see: the demo company's trial balance, stock on hand and reading counts. */
  record Views(TrialBalance trialBalance, List<OnHand> onHand, Map<String, Long> readings) {}

  /** A node on an installation, reached in-process. */
  record Node(Platform platform, MillstoneServer server, ManagedChannel channel)
      implements AutoCloseable {
    static Node start(Path config) throws Exception {
      Platform p =
          Platform.start(
              MillstoneConfig.load(Optional.of(config), Map.of()),
              MillstoneServer.entities(),
              null);
      String name = "backup-" + UUID.randomUUID();
      MillstoneServer s = new MillstoneServer(InProcessServerBuilder.forName(name), p, null);
      s.start();
      return new Node(p, s, InProcessChannelBuilder.forName(name).build());
    }

    String login(String user, String password) {
      return AuthServiceGrpc.newBlockingStub(channel)
          .login(LoginRequest.newBuilder().setUsername(user).setPassword(password).build())
          .getSessionToken();
    }

    /**
     * The views as of {@code now}: the readings window is fixed by the caller, so comparing views
     * taken minutes apart does not count a demo reading that slid out of the window.
     */
    Views views(String token, Instant now) {
      TrialBalance tb =
          TestServer.withToken(token, LedgerServiceGrpc.newBlockingStub(channel))
              .getTrialBalance(
                  GetTrialBalanceRequest.newBuilder()
                      .setAsOf(ProtoValues.date(LocalDate.now().plusDays(30)))
                      .build());
      var stock = TestServer.withToken(token, StockServiceGrpc.newBlockingStub(channel));
      List<OnHand> onHand = new ArrayList<>();
      String page = "";
      do {
        ListOnHandResponse r =
            stock.listOnHand(
                ListOnHandRequest.newBuilder()
                    .setPage(PageRequest.newBuilder().setPageSize(500).setPageToken(page))
                    .build());
        onHand.addAll(r.getLinesList());
        page = r.getPage().getNextPageToken();
      } while (!page.isEmpty());
      var monitor = TestServer.withToken(token, MonitorServiceGrpc.newBlockingStub(channel));
      Map<String, Long> readings = new TreeMap<>();
      for (var m :
          TestServer.withToken(token, MachineServiceGrpc.newBlockingStub(channel))
              .listMachines(ListMachinesRequest.getDefaultInstance())
              .getMachinesList()) {
        for (Tag t : m.getTagsList()) {
          long n =
              monitor
                  .history(
                      HistoryRequest.newBuilder()
                          .setTagId(t.getId())
                          .setFrom(ts(now.minus(Duration.ofDays(15))))
                          .setTo(ts(now.plus(Duration.ofHours(1))))
                          .setBuckets(2000)
                          .build())
                  .getBucketsList()
                  .stream()
                  .mapToLong(b -> b.getCount())
                  .sum();
          readings.put(t.getKey(), n);
        }
      }
      return new Views(tb, onHand, readings);
    }

    int customers(String token) {
      return MasterdataFixtures.of(channel, token)
          .customers
          .listCustomers(
              ListRequest.newBuilder().setPage(PageRequest.newBuilder().setPageSize(500)).build())
          .getPartiesCount();
    }

    @Override
    public void close() throws Exception {
      channel.shutdownNow();
      server.stop();
      platform.close();
    }
  }

  private static Timestamp ts(Instant i) {
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).build();
  }

  private Path config(String name, String... extra) throws Exception {
    Path file = dir.resolve(name + ".conf");
    List<String> lines =
        new ArrayList<>(List.of("data.dir=" + dir.resolve(name), "metrics.port=0"));
    lines.addAll(List.of(extra));
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  @Test
  void aRunningServerIsBackedUpAndRestoredIntoEmptyEmbeddedAndExternalDatabasesUnchanged()
      throws Exception {
    Path configA = config("a");
    Path backup = dir.resolve("backups/mill.zip");
    Map<String, String> demo;
    Views before;
    Instant asOf = Instant.now();
    String fingerprint;
    int customersAtStart;
    int customersAtEnd;
    try (Node a = Node.start(configA)) {
      Path dataA = dir.resolve("a");
      Tls.generateSelfSigned(
          "127.0.0.1", dataA.resolve("tls/server.crt"), dataA.resolve("tls/server.key"));
      fingerprint = Tls.fingerprint(dataA.resolve("tls/server.crt"));
      demo = DemoSeeder.seed(a.server(), dataA);
      String admin = a.login("admin", demo.get("admin"));
      streamReadings(a.channel(), admin);
      before = a.views(admin, asOf);
      assertThat(before.readings()).containsEntry("bkp.speed", 300L);
      assertThat(before.onHand()).isNotEmpty();
      assertThat(before.trialBalance().getLinesList()).isNotEmpty();

      // Another company keeps working while the backup runs.
      UUID busy =
          a.server().companyAdmin().create(CompanySettings.defaults("Busy Mill"), "test").id();
      a.server()
          .userAdmin()
          .create(
              Actor.system(busy, "test"),
              null,
              "busy.admin",
              "Busy admin",
              TestServer.PASSWORD,
              List.of("admin"));
      String busyToken = a.login("busy.admin", TestServer.PASSWORD);
      MasterdataFixtures busyDesk = MasterdataFixtures.of(a.channel(), busyToken);
      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicInteger created = new AtomicInteger();
      Thread writer =
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (writing.get()) {
                      busyDesk.customer(
                          String.format("C%05d", created.get()), "Customer " + created.get());
                      created.incrementAndGet();
                    }
                  });
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (created.get() < 5) {
        assertThat(writer.isAlive()).as("the other company's writer is still working").isTrue();
        assertThat(System.nanoTime()).as("five customers within 60 s").isLessThan(deadline);
        Thread.sleep(20);
      }
      customersAtStart = created.get();
      Run b = cli("backup", "--config", configA.toString(), "--to", backup.toString());
      customersAtEnd = created.get() + 1; // one may be committing right now
      writing.set(false);
      writer.join();
      System.out.print(b.out());
      assertThat(b.exitCode()).as(b.out() + b.err()).isZero();
      assertThat(b.out()).contains("Backup written to " + backup);
      assertThat(Files.getPosixFilePermissions(backup))
          .containsExactlyInAnyOrder(
              PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
      assertThat(created.get())
          .as("the writer kept going during the backup")
          .isGreaterThan(customersAtStart);

      Run refusedWhileRunning =
          cli("restore", "--config", configA.toString(), "--from", backup.toString());
      assertThat(refusedWhileRunning.exitCode()).isEqualTo(2);
      assertThat(refusedWhileRunning.err()).contains("A server is running on this installation");
    }

    // Embedded: a new, empty data directory.
    Path configB = config("b");
    Run restored = cli("restore", "--config", configB.toString(), "--from", backup.toString());
    System.out.print(restored.out());
    assertThat(restored.exitCode()).as(restored.out() + restored.err()).isZero();
    assertThat(restored.out())
        .contains("audit trail intact")
        .contains("schema now at version " + TestPlatform.latestMigration());
    try (Node b = Node.start(configB)) {
      assertThat(b.views(b.login("admin", demo.get("admin")), asOf)).isEqualTo(before);
      assertThat(b.customers(b.login("busy.admin", TestServer.PASSWORD)))
          .isBetween(customersAtStart, customersAtEnd);
    }
    assertThat(Tls.fingerprint(dir.resolve("b/tls/server.crt")))
        .as("agents keep trusting the restored server")
        .isEqualTo(fingerprint);
    Run again = cli("restore", "--config", configB.toString(), "--from", backup.toString());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("already holds business data (2 companies)");
    Run audit = cli("verify-audit", "--config", configB.toString());
    assertThat(audit.exitCode()).as(audit.out()).isZero();

    // External: an empty database on a PostgreSQL of the admin's own.
    try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
      try (Connection c = external.getPostgresDatabase().getConnection();
          Statement st = c.createStatement()) {
        st.execute("CREATE ROLE erp_owner LOGIN PASSWORD 'owner-pw'");
        st.execute("CREATE ROLE erp_app LOGIN PASSWORD 'app-pw'");
        st.execute("CREATE DATABASE erp OWNER erp_owner");
      }
      Path configC =
          config(
              "c",
              "db.url=jdbc:postgresql://127.0.0.1:" + external.getPort() + "/erp",
              "db.owner.user=erp_owner",
              "db.owner.password=owner-pw",
              "db.user=erp_app",
              "db.password=app-pw");
      Run intoExternal =
          cli("restore", "--config", configC.toString(), "--from", backup.toString());
      assertThat(intoExternal.exitCode()).as(intoExternal.out() + intoExternal.err()).isZero();
      try (Node c = Node.start(configC)) {
        assertThat(c.views(c.login("admin", demo.get("admin")), asOf)).isEqualTo(before);
      }
      Run fromExternal =
          cli("backup", "--config", configC.toString(), "--to", dir.resolve("ext.zip").toString());
      assertThat(fromExternal.exitCode()).as(fromExternal.out() + fromExternal.err()).isZero();
    }
  }

  /** A machine and an agent that sent 300 mill-speed readings over the last ten days. */
  private static void streamReadings(ManagedChannel ch, String admin) throws Exception {
    TelemetryFixtures t = new TelemetryFixtures(ch, admin);
    t.mill("BKP");
    EnrollResponse device = t.enrolledDevice("backup-pc");
    try (Uplink up = new Uplink(ch, device.getDeviceId(), device.getDeviceSecret())) {
      long seq = up.hello();
      Instant now = Instant.now();
      List<Reading> batch = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        batch.add(
            Uplink.reading(
                ++seq, "bkp.speed", now.minus(Duration.ofMinutes(48L * i)), String.valueOf(i % 9)));
      }
      up.send(batch);
    }
  }
}
