package io.millstone.agent.cli;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.millstone.agent.EdgeAgent;
import io.millstone.agent.config.AgentConfig;
import io.millstone.agent.config.DeviceCredential;
import io.millstone.agent.uplink.Channels;
import io.millstone.api.telemetry.v1.EnrollRequest;
import io.millstone.api.telemetry.v1.EnrollResponse;
import io.millstone.api.telemetry.v1.EnrollmentServiceGrpc;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Exchanges the one-time token an admin got for this device for the device's credential. */
@Command(
    name = "enroll",
    description = "Exchange a one-time enrolment token for this agent's device credential.")
public final class EnrollCommand implements Callable<Integer> {
  @Option(names = "--server", required = true, description = "HOST:PORT of the Millstone server.")
  String server;

  @Option(names = "--token", required = true, description = "The token from 'Create device'.")
  String token;

  @Option(
      names = "--config",
      description = "agent.yaml: the credential goes where its 'credentials' setting says.")
  Path config;

  @Option(
      names = "--credentials",
      description =
          "Where to write the credential when there is no --config"
              + " (default: ./device.credentials).")
  Path credentials;

  @Option(
      names = "--tls-fingerprint",
      description =
          "SHA-256 of the server's certificate; needed unless the server is on loopback"
              + " or the config names it.")
  String fingerprint;

  @Override
  public Integer call() throws Exception {
    Path target = credentials;
    Optional<String> pin = Optional.ofNullable(fingerprint);
    if (config != null) {
      AgentConfig cfg = AgentConfig.load(config);
      if (target == null) {
        target = cfg.credentialFile();
      }
      if (pin.isEmpty()) {
        pin = cfg.tlsFingerprint();
      }
    }
    if (target == null) {
      target = Path.of("device.credentials");
    }
    AgentConfig address = AgentConfig.builder().server(server).build();
    ManagedChannel ch = Channels.open(address.host(), address.port(), pin);
    try {
      EnrollResponse r =
          EnrollmentServiceGrpc.newBlockingStub(ch)
              .withDeadlineAfter(30, TimeUnit.SECONDS)
              .enroll(
                  EnrollRequest.newBuilder()
                      .setEnrollmentToken(token.trim())
                      .setAgentVersion(EdgeAgent.version())
                      .setHostname(hostname())
                      .build());
      new DeviceCredential(r.getDeviceId(), r.getDeviceSecret()).write(target);
      System.out.println(
          "Enrolled as device " + r.getDeviceId() + "; credential written to " + target);
      return 0;
    } catch (StatusRuntimeException e) {
      System.err.println(
          switch (e.getStatus().getCode()) {
            case UNAUTHENTICATED ->
                "The server refused the token: it was used already, has expired (24 h) or was"
                    + " mistyped. Ask an admin to create the device again for a new token.";
            case UNAVAILABLE ->
                "Cannot reach the server at " + server + ": " + e.getStatus().getDescription();
            default -> "Enrolment failed: " + e.getStatus();
          });
      return 2;
    } finally {
      ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "";
    }
  }
}
