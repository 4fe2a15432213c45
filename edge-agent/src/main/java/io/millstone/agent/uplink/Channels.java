package io.millstone.agent.uplink;

import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.millstone.agent.config.AgentConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The channel to the server: plaintext only when the server is on this machine's loopback,
 * otherwise TLS trusting only the pinned certificate. Keepalive pings find a dead connection (a cut
 * cable does not close TCP) within about a minute.
 */
public final class Channels {
  private Channels() {}

  public static ManagedChannel open(String host, int port, Optional<String> fingerprint) {
    ChannelCredentials creds;
    if (fingerprint.isPresent()) {
      creds =
          TlsChannelCredentials.newBuilder()
              .trustManager(
                  new PinnedCertificateTrust(AgentConfig.normaliseFingerprint(fingerprint.get())))
              .build();
    } else if (isLoopback(host)) {
      creds = InsecureChannelCredentials.create();
    } else {
      throw new IllegalArgumentException(
          "The server "
              + host
              + " is not on this machine, so the agent talks to it only over TLS: set"
              + " tls.fingerprint in agent.yaml to the SHA-256 of the server's certificate.");
    }
    return NettyChannelBuilder.forAddress(host, port, creds)
        .keepAliveTime(30, TimeUnit.SECONDS)
        .keepAliveTimeout(15, TimeUnit.SECONDS)
        .maxInboundMessageSize(4 * 1024 * 1024)
        .build();
  }

  static boolean isLoopback(String host) {
    try {
      InetAddress[] all = InetAddress.getAllByName(host);
      for (InetAddress a : all) {
        if (!a.isLoopbackAddress()) {
          return false;
        }
      }
      return all.length > 0;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
