package io.millstone.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.millstone.api.identity.v1.AuthServiceGrpc;
import io.millstone.api.identity.v1.LoginRequest;
import io.millstone.api.telemetry.v1.EnrollResponse;
import io.millstone.server.MillstoneServer;
import io.millstone.server.TestPlatform;
import io.millstone.server.TestServer;
import io.millstone.server.identity.model.CompanySettings;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.MillstoneConfig;
import io.millstone.server.platform.Platform;
import io.millstone.server.platform.Version;
import io.millstone.server.telemetry.TelemetryFixtures;
import io.millstone.server.telemetry.Uplink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code status} as an install script uses it: against a server running on embedded stores in its
 * own data directory, found through the same config file the server was started with.
 */
class StatusCommandTest {
  @TempDir Path dir;

  record Run(int exitCode, String out) {}

  private static Run status(Path config) {
    PrintStream original = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      int code = new CommandLine(new ServerCli()).execute("status", "--config", config.toString());
      return new Run(code, buf.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(original);
    }
  }

  @Test
  void aRunningServerIsReportedHealthyWithItsAgentAndClientsAndAStoppedOneIsNot() throws Exception {
    // The server binds a port the system picks (a port picked first and bound later can be taken
    // in between); the status command then reads the one it got.
    Path config = dir.resolve("server.conf");
    writeConfig(config, 0);
    MillstoneConfig settings = MillstoneConfig.load(Optional.of(config), java.util.Map.of());
    Platform platform = Platform.start(settings, MillstoneServer.entities(), null);
    MillstoneServer server;
    try {
      server =
          new MillstoneServer(
              NettyTransport.builder(settings, InsecureServerCredentials.create()), platform, null);
      server.start();
    } catch (RuntimeException e) {
      platform.close();
      throw e;
    }
    int port = server.grpcServer().getPort();
    writeConfig(config, port);
    ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    try {
      UUID company =
          server.companyAdmin().create(CompanySettings.defaults("Status Mill"), "test").id();
      server
          .userAdmin()
          .create(
              Actor.system(company, "test"),
              null,
              "status.admin",
              "Status admin",
              TestServer.PASSWORD,
              List.of("admin"));
      String token =
          AuthServiceGrpc.newBlockingStub(ch)
              .login(
                  LoginRequest.newBuilder()
                      .setUsername("status.admin")
                      .setPassword(TestServer.PASSWORD)
                      .build())
              .getSessionToken();
      EnrollResponse device = new TelemetryFixtures(ch, token).enrolledDevice("floor-pc");
      ManagedChannel agentChannel =
          NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
      try (Uplink agent =
          new Uplink(agentChannel, device.getDeviceId(), device.getDeviceSecret())) {
        agent.hello();
        Run up = awaitStatus(config, "Agents:      1");
        assertThat(up.exitCode()).as(up.out()).isZero();
        assertThat(up.out())
            .contains("Millstone server " + Version.get())
            .contains("PostgreSQL:  reachable, version 17")
            .contains(
                "Migrations:  schema at version " + TestPlatform.latestMigration() + ", 0 pending")
            .contains("Redis:       reachable")
            .contains("gRPC:        SERVING on 127.0.0.1:" + port)
            .contains("Nodes:       1 running")
            .contains("Clients:     1")
            .contains("Status: OK");
      } finally {
        agentChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    } finally {
      ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      server.stop();
      platform.close();
    }

    Run down = status(config);
    assertThat(down.exitCode()).as(down.out()).isNotZero();
    assertThat(down.out())
        .contains("PostgreSQL:  NOT RUNNING")
        .contains("gRPC:        NOT ANSWERING on 127.0.0.1:" + port)
        .contains("Status: NOT OK");
  }

  private void writeConfig(Path config, int port) throws IOException {
    Files.writeString(
        config,
        String.join("\n", "data.dir=" + dir.resolve("data"), "port=" + port, "metrics.port=0", ""));
  }

  /** The heartbeat is published every few seconds; wait until it shows what was opened. */
  private static Run awaitStatus(Path config, String expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    Run last = status(config);
    while (!last.out().contains(expected) && System.nanoTime() < deadline) {
      Thread.sleep(500);
      last = status(config);
    }
    return last;
  }
}
