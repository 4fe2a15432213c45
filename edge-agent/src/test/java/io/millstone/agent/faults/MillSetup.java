package io.millstone.agent.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.millstone.agent.EdgeAgent;
import io.millstone.agent.config.AgentConfig;
import io.millstone.agent.config.DeviceCredential;
import io.millstone.agent.source.SimulatorSource;
import io.millstone.api.identity.v1.AuthServiceGrpc;
import io.millstone.api.identity.v1.LoginRequest;
import io.millstone.api.telemetry.v1.CreateDeviceRequest;
import io.millstone.api.telemetry.v1.CreateMachineRequest;
import io.millstone.api.telemetry.v1.DefineTagRequest;
import io.millstone.api.telemetry.v1.DeviceServiceGrpc;
import io.millstone.api.telemetry.v1.Machine;
import io.millstone.api.telemetry.v1.MachineServiceGrpc;
import io.millstone.api.telemetry.v1.ValueType;
import io.millstone.server.MillstoneServer;
import io.millstone.server.identity.model.CompanySettings;
import io.millstone.server.platform.Actor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * What an admin does before a floor PC streams: a company and its admin, a machine with a tag for
 * every simulator signal ({@code <prefix>.<signal>}), a device, and the agent enrolled with the
 * device's one-time token into the agent.yaml given.
 */
final class MillSetup {
  static final String PASSWORD = "correct horse battery";

  /** The admin's user name and the enrolled device's id. */
  record Enrolled(String adminUser, String deviceId) {}

  private MillSetup() {}

  static Enrolled enrol(MillstoneServer node, String prefix, Path yaml, String yamlText)
      throws Exception {
    ManagedChannel ch =
        NettyChannelBuilder.forAddress("127.0.0.1", node.grpcServer().getPort())
            .usePlaintext()
            .build();
    try {
      UUID company =
          node.companyAdmin().create(CompanySettings.defaults("Fault Mill " + prefix), "test").id();
      String adminUser = "faults.admin." + prefix;
      node.userAdmin()
          .create(
              Actor.system(company, "test"), null, adminUser, "Admin", PASSWORD, List.of("admin"));
      String token = login(ch, adminUser);
      defineMachine(withToken(token, MachineServiceGrpc.newBlockingStub(ch)), prefix);
      String enrolment =
          withToken(token, DeviceServiceGrpc.newBlockingStub(ch))
              .createDevice(CreateDeviceRequest.newBuilder().setName("floor-pc-" + prefix).build())
              .getEnrollmentToken();
      Files.writeString(yaml, yamlText);
      Path tokenFile = Files.writeString(yaml.resolveSibling("enrollment.token"), enrolment);
      assertThat(
              new CommandLine(new EdgeAgent())
                  .execute(
                      "enroll",
                      "--server",
                      "127.0.0.1:" + node.grpcServer().getPort(),
                      "--token-file",
                      tokenFile.toString(),
                      "--config",
                      yaml.toString()))
          .isZero();
      return new Enrolled(
          adminUser, DeviceCredential.read(AgentConfig.load(yaml).credentialFile()).deviceId());
    } finally {
      ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  static String login(ManagedChannel ch, String user) {
    return AuthServiceGrpc.newBlockingStub(ch)
        .login(LoginRequest.newBuilder().setUsername(user).setPassword(PASSWORD).build())
        .getSessionToken();
  }

  static void defineMachine(MachineServiceGrpc.MachineServiceBlockingStub machines, String prefix) {
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
  }

  /** The simulator's agent.yaml: all its signals every {@code intervalMs}, to {@code port}. */
  static String agentYaml(String prefix, int port, boolean withSource, int intervalMs) {
    return "server: 127.0.0.1:"
        + port
        + "\ncredentials: device.credentials\nbuffer:\n  path: buffer.db\n"
        + "status_file: status.properties\nuplink:\n  batch_size: 1000\n"
        + (withSource
            ? "sources:\n  - type: simulator\n    name: "
                + prefix
                + "\n    interval: "
                + intervalMs
                + "ms\n    seed: 11\n"
            : "");
  }

  static <S extends AbstractStub<S>> S withToken(String token, S stub) {
    Metadata md = new Metadata();
    md.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(md));
  }
}
