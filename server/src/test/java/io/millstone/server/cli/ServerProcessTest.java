package io.millstone.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.StreamObserver;
import io.millstone.api.identity.v1.AuthServiceGrpc;
import io.millstone.api.identity.v1.CompanyServiceGrpc;
import io.millstone.api.identity.v1.GetCompanyRequest;
import io.millstone.api.identity.v1.LoginRequest;
import io.millstone.server.TestServer;
import io.millstone.server.platform.LoopbackPorts;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as an admin runs it: a separate process started with {@code run --demo} on embedded
 * stores, answering health, reflection and metrics, stopped with SIGTERM, and started again on the
 * same data directory with everything still there.
 */
class ServerProcessTest {
  @TempDir Path dataDir;

  @Test
  void theDemoServerStartsServesStopsOnSigtermAndKeepsItsDataAcrossRestarts() throws Exception {
    int port = freePort();
    int metricsPort = freePort();
    Process first = start(port, metricsPort);
    Properties creds;
    try {
      awaitServing(port, first);
      Path credsFile = dataDir.resolve("demo-credentials.properties");
      assertThat(credsFile).exists();
      creds = new Properties();
      try (Reader r = Files.newBufferedReader(credsFile)) {
        creds.load(r);
      }
      assertThat(creds.stringPropertyNames())
          .containsExactlyInAnyOrder(
              "admin", "manager", "sales", "stores", "accounts", "cane", "production", "lab");

      ManagedChannel ch = channel(port);
      try {
        String token =
            AuthServiceGrpc.newBlockingStub(ch)
                .login(
                    LoginRequest.newBuilder()
                        .setUsername("admin")
                        .setPassword(creds.getProperty("admin"))
                        .build())
                .getSessionToken();
        assertThat(
                TestServer.withToken(token, CompanyServiceGrpc.newBlockingStub(ch))
                    .getCompany(GetCompanyRequest.getDefaultInstance())
                    .getName())
            .isEqualTo("Sugar Mill Demo Ltd");
        assertThat(reflectedServices(ch))
            .contains("millstone.identity.v1.AuthService", "grpc.health.v1.Health");
      } finally {
        ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }

      HttpResponse<String> metrics =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body())
          .contains("grpc_server_processing_duration_seconds")
          .contains("jvm_memory_used_bytes")
          .contains("hikaricp_connections");
    } finally {
      first.destroy(); // SIGTERM
    }
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).as("stops within 30 s of SIGTERM").isTrue();

    Process second = start(port, metricsPort);
    try {
      awaitServing(port, second);
      ManagedChannel ch = channel(port);
      try {
        assertThat(
                AuthServiceGrpc.newBlockingStub(ch)
                    .login(
                        LoginRequest.newBuilder()
                            .setUsername("sales")
                            .setPassword(creds.getProperty("sales"))
                            .build())
                    .getCompaniesList())
            .extracting(c -> c.getName())
            .containsExactly("Sugar Mill Demo Ltd");
      } finally {
        ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    } finally {
      second.destroy();
      second.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private Process start(int port, int metricsPort) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(ServerCli.class.getName());
    cmd.add("run");
    cmd.add("--demo");
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().keySet().removeIf(k -> k.startsWith("MILLSTONE_"));
    pb.environment().put("MILLSTONE_DATA_DIR", dataDir.toString());
    pb.environment().put("MILLSTONE_PORT", String.valueOf(port));
    pb.environment().put("MILLSTONE_METRICS_PORT", String.valueOf(metricsPort));
    pb.redirectErrorStream(true);
    pb.redirectOutput(dataDir.resolve("server-" + System.nanoTime() + ".log").toFile());
    return pb.start();
  }

  private static void awaitServing(int port, Process p) throws Exception {
    // Seeding the demo season takes its time on a loaded machine; the wait ends when the server
    // serves or its process ends, and the ten minutes only guard against a hang.
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    ManagedChannel ch = channel(port);
    try {
      while (System.nanoTime() < deadline) {
        assertThat(p.isAlive()).as("server process is running").isTrue();
        try {
          if (HealthGrpc.newBlockingStub(ch)
                  .withDeadlineAfter(2, TimeUnit.SECONDS)
                  .check(HealthCheckRequest.getDefaultInstance())
                  .getStatus()
              == HealthCheckResponse.ServingStatus.SERVING) {
            return;
          }
        } catch (io.grpc.StatusRuntimeException notYet) {
          Thread.sleep(250);
        }
      }
      throw new AssertionError("server hung: not SERVING after 10 minutes");
    } finally {
      ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static List<String> reflectedServices(ManagedChannel ch) throws Exception {
    CompletableFuture<List<String>> result = new CompletableFuture<>();
    StreamObserver<ServerReflectionRequest> req =
        ServerReflectionGrpc.newStub(ch)
            .serverReflectionInfo(
                new StreamObserver<>() {
                  @Override
                  public void onNext(ServerReflectionResponse r) {
                    result.complete(
                        r.getListServicesResponse().getServiceList().stream()
                            .map(s -> s.getName())
                            .toList());
                  }

                  @Override
                  public void onError(Throwable t) {
                    result.completeExceptionally(t);
                  }

                  @Override
                  public void onCompleted() {}
                });
    req.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
    List<String> names = result.get(10, TimeUnit.SECONDS);
    req.onCompleted();
    return names;
  }

  private static ManagedChannel channel(int port) {
    return NettyChannelBuilder.forAddress("127.0.0.1", port)
        .usePlaintext()
        .keepAliveTime(Duration.ofMinutes(5).toSeconds(), TimeUnit.SECONDS)
        .build();
  }

  /** The server runs twice on the same ports, in processes that take seconds to bind them. */
  private static int freePort() {
    return LoopbackPorts.free();
  }
}
