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
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description =
          "A file holding the one-time token from 'Create device' (its first line), or '-' to"
              + " read it from standard input. Never on the command line: every local user sees"
              + " command lines.")
  String tokenFile;

  /** The old form, which put the token where every local user can read it; refused. */
  @Option(names = "--token", hidden = true)
  String tokenOnCommandLine;

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

  /** A token is a few dozen characters; anything much longer is not a token file. */
  static final int MAX_TOKEN_FILE = 4096;

  @Override
  public Integer call() throws Exception {
    if (tokenOnCommandLine != null) {
      System.err.println(
          "--token is no longer accepted: command lines are visible to every user of this PC."
              + " Put the token in a file only you can read and pass --token-file FILE, or pipe"
              + " it in with --token-file - (for example: cat token.txt | millstone-agent enroll"
              + " --token-file - ...). The token you typed may have been seen: if in doubt, ask"
              + " an admin for a new one.");
      return 2;
    }
    if (tokenFile == null) {
      System.err.println(
          "Give the one-time token with --token-file FILE, or --token-file - to read it from"
              + " standard input.");
      return 2;
    }
    String token;
    try {
      token = readToken(tokenFile);
    } catch (IOException e) {
      System.err.println(e.getMessage());
      return 2;
    }
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
                      .setEnrollmentToken(token)
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

  /** The first non-blank line of the file, or of standard input for {@code -}, trimmed. */
  static String readToken(String from) throws IOException {
    String where = from.equals("-") ? "standard input" : "the token file " + from;
    byte[] bytes;
    try (InputStream in = from.equals("-") ? System.in : Files.newInputStream(Path.of(from))) {
      bytes = in.readNBytes(MAX_TOKEN_FILE + 1);
    } catch (NoSuchFileException e) {
      throw new IOException("There is no token file " + from + ".");
    } catch (AccessDeniedException e) {
      throw new IOException(
          "Cannot read the token file "
              + from
              + " as this user; make it readable by the user that enrols, or pipe it in with"
              + " --token-file -.");
    }
    if (bytes.length > MAX_TOKEN_FILE) {
      throw new IOException(
          "There is more than "
              + MAX_TOKEN_FILE
              + " bytes in "
              + where
              + "; give only the one-time token.");
    }
    return new String(bytes, StandardCharsets.UTF_8)
        .lines()
        .map(String::trim)
        .filter(l -> !l.isEmpty())
        .findFirst()
        .orElseThrow(() -> new IOException("No token in " + where + "."));
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "";
    }
  }
}
