package io.millstone.agent;

import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.ServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.millstone.agent.config.DeviceCredential;
import io.millstone.agent.source.SimulatorSource;
import io.millstone.api.identity.v1.AuthServiceGrpc;
import io.millstone.api.identity.v1.LoginRequest;
import io.millstone.api.telemetry.v1.CreateDeviceRequest;
import io.millstone.api.telemetry.v1.CreateMachineRequest;
import io.millstone.api.telemetry.v1.DefineTagRequest;
import io.millstone.api.telemetry.v1.DeviceServiceGrpc;
import io.millstone.api.telemetry.v1.EnrollRequest;
import io.millstone.api.telemetry.v1.EnrollResponse;
import io.millstone.api.telemetry.v1.EnrollmentServiceGrpc;
import io.millstone.api.telemetry.v1.Machine;
import io.millstone.api.telemetry.v1.MachineServiceGrpc;
import io.millstone.api.telemetry.v1.ValueType;
import io.millstone.server.MillstoneServer;
import io.millstone.server.cli.NettyTransport;
import io.millstone.server.identity.model.CompanySettings;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.LoopbackPorts;
import io.millstone.server.platform.MillstoneConfig;
import io.millstone.server.platform.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real Millstone server for agent tests: embedded PostgreSQL and Redis (shared by the whole test
 * JVM, since they take seconds to start), a server node on a loopback port that a test can stop and
 * start again on the same stores and port, and a company with an admin who sets up machines and
 * devices through the public API, as an engineer would.
 */
final class TestMill implements AutoCloseable {
  static final String PASSWORD = "correct horse battery";
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static Platform platform;

  private final ServerCredentials serverCredentials;
  private MillstoneServer server;
  private int port;
  private final String adminToken;
  private final ManagedChannel adminChannel;

  TestMill() {
    this(InsecureServerCredentials.create());
  }

  TestMill(ServerCredentials serverCredentials) {
    this.serverCredentials = serverCredentials;
    // A port the node can be started on again after stopServer (port 0 would pick one for the
    // first start only).
    startServer(LoopbackPorts.free());
    UUID company =
        server
            .companyAdmin()
            .create(CompanySettings.defaults("Agent Mill " + UUID.randomUUID()), "test")
            .id();
    String admin =
        "agent.admin." + SEQ.incrementAndGet() + "." + UUID.randomUUID().toString().substring(0, 8);
    server
        .userAdmin()
        .create(Actor.system(company, "test"), null, admin, "Admin", PASSWORD, List.of("admin"));
    adminChannel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    adminToken =
        AuthServiceGrpc.newBlockingStub(adminChannel)
            .login(LoginRequest.newBuilder().setUsername(admin).setPassword(PASSWORD).build())
            .getSessionToken();
  }

  static synchronized Platform platform() {
    if (platform == null) {
      try {
        Path dir = Files.createTempDirectory(Path.of("target"), "agent-test-stores-");
        platform =
            Platform.start(
                config(dir.toAbsolutePath()).port(0).build(), MillstoneServer.entities(), null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
    }
    return platform;
  }

  static MillstoneConfig.Builder config(Path dataDir) {
    return MillstoneConfig.builder()
        .dataDir(dataDir)
        .host("127.0.0.1")
        .metricsPort(0)
        .userCallsPerSecond(100_000)
        .addressCallsPerSecond(100_000)
        .loginAttemptsPerAddressPerMinute(100_000)
        .sessionCacheTtl(Duration.ofSeconds(30))
        .dbPoolSize(8);
  }

  int port() {
    return port;
  }

  MillstoneServer server() {
    return server;
  }

  String address() {
    return "127.0.0.1:" + port;
  }

  /** Starts a server node on the shared stores; port 0 picks a free one. */
  void startServer(int onPort) {
    MillstoneConfig cfg = platform().config().toBuilder().host("127.0.0.1").port(onPort).build();
    server = new MillstoneServer(NettyTransport.builder(cfg, serverCredentials), platform(), null);
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    port = server.grpcServer().getPort();
  }

  /** Stops the node as a crash would look to the agent: streams cut, port closed. */
  void stopServer() {
    server.grpcServer().shutdownNow();
    server.stop();
  }

  void restartServer() {
    stopServer();
    startServer(port);
  }

  <S extends AbstractStub<S>> S asAdmin(S stub) {
    Metadata md = new Metadata();
    md.put(
        Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + adminToken);
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(md));
  }

  /** A machine with a tag for every simulator signal, keyed {@code <prefix>.<signal>}. */
  Machine simulatedMachine(String prefix) {
    var machines = asAdmin(MachineServiceGrpc.newBlockingStub(adminChannel));
    Machine m =
        machines.createMachine(
            CreateMachineRequest.newBuilder()
                .setCode(prefix.toUpperCase())
                .setName("Mill " + prefix)
                .setArea("Mill tandem 1")
                .build());
    for (String signal : SimulatorSource.SIGNALS) {
      ValueType type =
          switch (signal) {
            case "mill_running", "centrifugal_running", "weighbridge_stable" ->
                ValueType.VALUE_TYPE_BOOLEAN;
            case "centrifugal_cycles" -> ValueType.VALUE_TYPE_COUNTER;
            default -> ValueType.VALUE_TYPE_NUMBER;
          };
      machines.defineTag(
          DefineTagRequest.newBuilder()
              .setMachineId(m.getId())
              .setKey(prefix + "." + signal)
              .setName(signal)
              .setValueType(type)
              .setIsRunState(signal.equals("mill_running"))
              .build());
    }
    return m;
  }

  /** A machine with the given tags (key → type), as an engineer defines one for a real device. */
  Machine machineWithTags(String code, java.util.Map<String, ValueType> tags) {
    var machines = asAdmin(MachineServiceGrpc.newBlockingStub(adminChannel));
    Machine m =
        machines.createMachine(
            CreateMachineRequest.newBuilder()
                .setCode(code.toUpperCase())
                .setName("Machine " + code)
                .setArea("Boiler house")
                .build());
    tags.forEach(
        (key, type) ->
            machines.defineTag(
                DefineTagRequest.newBuilder()
                    .setMachineId(m.getId())
                    .setKey(key)
                    .setName(key)
                    .setValueType(type)
                    .build()));
    return m;
  }

  /** The newest value the server stored for a device's tag (numbers without trailing zeros). */
  String latestStored(String deviceId, String tagKey) {
    try (Connection c = platform().database().ownerDataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT coalesce(trim_scale(r.value_num)::text, r.value_bool::text) FROM reading r"
                    + " JOIN tag t ON t.id = r.tag_id WHERE r.device_id = ? AND t.key = ?"
                    + " ORDER BY r.seq DESC LIMIT 1")) {
      ps.setObject(1, UUID.fromString(deviceId));
      ps.setString(2, tagKey);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** When the newest stored reading of a device's tag was taken at its source, or null. */
  java.time.Instant latestStoredAt(String deviceId, String tagKey) {
    try (Connection c = platform().database().ownerDataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT r.source_time FROM reading r JOIN tag t ON t.id = r.tag_id"
                    + " WHERE r.device_id = ? AND t.key = ? ORDER BY r.seq DESC LIMIT 1")) {
      ps.setObject(1, UUID.fromString(deviceId));
      ps.setString(2, tagKey);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getTimestamp(1).toInstant() : null;
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Registers a device and returns its one-time enrolment token. */
  String deviceToken(String name) {
    return asAdmin(DeviceServiceGrpc.newBlockingStub(adminChannel))
        .createDevice(CreateDeviceRequest.newBuilder().setName(name).build())
        .getEnrollmentToken();
  }

  DeviceCredential enrolledDevice(String name) {
    EnrollResponse r =
        EnrollmentServiceGrpc.newBlockingStub(adminChannel)
            .enroll(EnrollRequest.newBuilder().setEnrollmentToken(deviceToken(name)).build());
    return new DeviceCredential(r.getDeviceId(), r.getDeviceSecret());
  }

  void revoke(String deviceId) {
    asAdmin(DeviceServiceGrpc.newBlockingStub(adminChannel))
        .revokeDevice(
            io.millstone.api.telemetry.v1.RevokeDeviceRequest.newBuilder().setId(deviceId).build());
  }

  /** How the server stored a device's readings. */
  record Stored(long rows, long distinctSeqs, long minSeq, long maxSeq, long quarantined) {
    boolean noDuplicates() {
      return rows == distinctSeqs;
    }
  }

  Stored stored(String deviceId) {
    try (Connection c = platform().database().ownerDataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*), count(DISTINCT seq), coalesce(min(seq), 0), coalesce(max(seq), 0),"
                    + " (SELECT count(*) FROM reading_quarantine q WHERE q.device_id = ?)"
                    + " FROM reading WHERE device_id = ?")) {
      ps.setObject(1, UUID.fromString(deviceId));
      ps.setObject(2, UUID.fromString(deviceId));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Stored(
            rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The value stored for one reading, or null. */
  String storedValue(String deviceId, long seq) {
    try (Connection c = platform().database().ownerDataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT coalesce(value_num::text, value_bool::text) FROM reading"
                    + " WHERE device_id = ? AND seq = ?")) {
      ps.setObject(1, UUID.fromString(deviceId));
      ps.setLong(2, seq);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    adminChannel.shutdownNow();
    try {
      adminChannel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.grpcServer().shutdownNow();
    server.stop();
  }
}
