package io.millstone.client.support;

import io.grpc.InsecureServerCredentials;
import io.grpc.ServerCredentials;
import io.millstone.server.MillstoneServer;
import io.millstone.server.cli.NettyTransport;
import io.millstone.server.identity.model.CompanySettings;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.MillstoneConfig;
import io.millstone.server.platform.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real Millstone server for client tests: one embedded PostgreSQL and Redis for the whole test
 * JVM, and a server node on a free loopback port over the real Netty transport, exactly as {@code
 * ./millstone server} runs it. Tests keep apart by creating their own company and users.
 */
public final class LiveServer implements AutoCloseable {
  public static final String PASSWORD = "correct horse battery";
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static Platform platform;
  private static LiveServer shared;

  private final MillstoneServer server;
  private final String prefix;

  /** The server most tests share; started on first use, stopped when the JVM ends. */
  public static synchronized LiveServer shared() {
    if (shared == null) {
      shared = new LiveServer(InsecureServerCredentials.create(), config().build());
      Runtime.getRuntime().addShutdownHook(new Thread(shared.server::stop));
    }
    return shared;
  }

  private static java.util.Map<String, String> demo;

  /**
   * The demo sugar mill on the shared server, seeded once for the whole test JVM (a second seeding
   * would find the company and keep its users, whose passwords only the first one knows): user to
   * password.
   */
  public static synchronized java.util.Map<String, String> demoMill() {
    if (demo == null) {
      try {
        demo =
            io.millstone.server.demo.DemoSeeder.seed(
                shared().server(), Files.createTempDirectory(Path.of("target"), "demo-mill-"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return demo;
  }

  public static synchronized Platform platform() {
    if (platform == null) {
      try {
        Path dir = Files.createTempDirectory(Path.of("target"), "client-test-stores-");
        platform =
            Platform.start(
                config().dataDir(dir.toAbsolutePath()).build(), MillstoneServer.entities(), null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
    }
    return platform;
  }

  /** Generous limits, so only tests about limits meet them; port 0 picks a free port. */
  public static MillstoneConfig.Builder config() {
    return MillstoneConfig.builder()
        .host("127.0.0.1")
        .port(0)
        .dataDir(Path.of("target", "client-test-data").toAbsolutePath())
        .metricsPort(0)
        .userCallsPerSecond(100_000)
        .addressCallsPerSecond(100_000)
        .loginAttemptsPerAddressPerMinute(100_000)
        .sessionCacheTtl(Duration.ofSeconds(30))
        .dbPoolSize(8);
  }

  public LiveServer(ServerCredentials credentials, MillstoneConfig config) {
    Platform p = platform();
    server =
        new MillstoneServer(NettyTransport.builder(config, credentials), p.sharing(config), null);
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    prefix =
        "c"
            + Integer.toString(SEQ.incrementAndGet(), 36)
            + UUID.randomUUID().toString().substring(0, 5);
  }

  public MillstoneServer server() {
    return server;
  }

  public int port() {
    return server.grpcServer().getPort();
  }

  public String address() {
    return "127.0.0.1:" + port();
  }

  /** A name unique to this run. */
  public String fresh(String base) {
    return (base + Integer.toString(SEQ.incrementAndGet(), 36) + "." + prefix).toLowerCase();
  }

  public UUID createCompany(String name) {
    return server.companyAdmin().create(CompanySettings.defaults(name), "test").id();
  }

  public String createUser(UUID company, String username, String... roles) {
    server
        .userAdmin()
        .create(
            Actor.system(company, "test"),
            null,
            username,
            "User " + username,
            PASSWORD,
            List.of(roles));
    return username;
  }

  @Override
  public void close() {
    server.stop();
  }
}
