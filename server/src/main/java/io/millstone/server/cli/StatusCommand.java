package io.millstone.server.cli;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.millstone.server.platform.Database;
import io.millstone.server.platform.DatabaseSettings;
import io.millstone.server.platform.InstalledStores;
import io.millstone.server.platform.MillstoneConfig;
import io.millstone.server.platform.NodeHeartbeat;
import io.millstone.server.platform.Version;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import redis.clients.jedis.RedisClient;

/**
 * {@code millstone-server status}: one line per part of the installation, and exit code 0 only when
 * the database, Redis and the server's gRPC health all answer, so an install script can wait on it.
 */
@Command(
    name = "status",
    description =
        "Show version, database, Redis, migrations, gRPC health and connected agents and clients;"
            + " exit 0 only when the database, Redis and the server are all up.")
final class StatusCommand implements Callable<Integer> {
  @Mixin ServerCli.ConfigOption configOption;

  @Override
  public Integer call() throws Exception {
    MillstoneConfig config = configOption.load();
    PrintStream out = System.out;
    boolean ok = true;
    out.println("Millstone server " + Version.get() + " (this command)");
    try (InstalledStores stores = InstalledStores.attach(config)) {
      out.println("Stores:      " + stores.origin());
      ok &= database(stores, out);
      ok &= redis(stores, out);
    }
    ok &= health(config, out);
    out.println(ok ? "Status: OK" : "Status: NOT OK");
    return ok ? 0 : 1;
  }

  private static boolean database(InstalledStores stores, PrintStream out) {
    if (stores.database().isEmpty()) {
      out.println(
          "PostgreSQL:  NOT RUNNING: the embedded database runs only while the server does;"
              + " start it with `millstone-server run` (or the service).");
      return false;
    }
    DatabaseSettings db = stores.database().get();
    String version;
    try (Connection c = Database.ownerDataSource(db).getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT current_setting('server_version')")) {
      rs.next();
      version = rs.getString(1);
    } catch (SQLException e) {
      out.println(
          "PostgreSQL:  UNREACHABLE at "
              + db.maskedUrl()
              + " as "
              + db.ownerUser()
              + ": "
              + e.getMessage());
      return false;
    }
    out.println("PostgreSQL:  reachable, version " + version);
    try {
      Database.MigrationState m = Database.migrationState(db);
      out.println(
          "Migrations:  schema at version "
              + (m.applied() == null ? "none" : m.applied())
              + ", "
              + m.pending()
              + " pending"
              + (m.pending() > 0 ? " (the server applies them when it starts)" : ""));
    } catch (RuntimeException e) {
      out.println("Migrations:  cannot read the schema history: " + e.getMessage());
      return false;
    }
    return true;
  }

  private static boolean redis(InstalledStores stores, PrintStream out) {
    if (stores.redisUrl().isEmpty()) {
      out.println("Redis:       NOT RUNNING: the embedded Redis runs only while the server does.");
      return false;
    }
    List<NodeHeartbeat.Node> nodes;
    try (RedisClient redis = RedisClient.create(URI.create(stores.redisUrl().get()))) {
      redis.ping();
      nodes = NodeHeartbeat.live(redis);
    } catch (RuntimeException e) {
      out.println("Redis:       UNREACHABLE: " + e.getMessage());
      return false;
    }
    out.println("Redis:       reachable");
    Instant now = Instant.now();
    out.println("Nodes:       " + nodes.size() + " running");
    for (NodeHeartbeat.Node n : nodes) {
      out.println(
          "  node "
              + n.address()
              + "  version "
              + n.version()
              + "  up "
              + Duration.between(n.started(), now).toSeconds()
              + " s  agents "
              + n.agents()
              + "  clients "
              + n.clients());
    }
    out.println("Agents:      " + nodes.stream().mapToInt(NodeHeartbeat.Node::agents).sum());
    out.println("Clients:     " + nodes.stream().mapToInt(NodeHeartbeat.Node::clients).sum());
    return true;
  }

  /** Asks the standard gRPC health service of the node configured here. */
  private static boolean health(MillstoneConfig config, PrintStream out) throws Exception {
    String host = config.host();
    boolean wildcard = host.equals("0.0.0.0") || host.equals("::") || host.isEmpty();
    String target = wildcard ? "127.0.0.1" : host;
    boolean tls =
        config.tlsCert().isPresent() || config.tlsOnLoopback() || !Tls.isLoopback(config.host());
    ChannelCredentials credentials;
    String authority = null;
    if (tls) {
      Path cert = config.tlsCert().orElse(config.dataDir().resolve("tls").resolve("server.crt"));
      credentials = TlsChannelCredentials.newBuilder().trustManager(cert.toFile()).build();
      if (config.tlsCert().isEmpty() || wildcard) {
        authority = "localhost"; // the generated certificate names localhost
      }
    } else {
      credentials = InsecureChannelCredentials.create();
    }
    ManagedChannelBuilder<?> b =
        Grpc.newChannelBuilderForAddress(target, config.port(), credentials);
    if (authority != null) {
      b.overrideAuthority(authority);
    }
    ManagedChannel ch = b.build();
    String where = target + ":" + config.port() + (tls ? " (TLS)" : "");
    try {
      ServingStatus s =
          HealthGrpc.newBlockingStub(ch)
              .withDeadlineAfter(5, TimeUnit.SECONDS)
              .check(HealthCheckRequest.getDefaultInstance())
              .getStatus();
      out.println("gRPC:        " + s + " on " + where);
      return s == ServingStatus.SERVING;
    } catch (StatusRuntimeException e) {
      out.println(
          "gRPC:        NOT ANSWERING on "
              + where
              + ": "
              + e.getStatus().getCode()
              + (e.getStatus().getDescription() == null
                  ? ""
                  : " (" + e.getStatus().getDescription() + ")"));
      return false;
    } finally {
      ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
