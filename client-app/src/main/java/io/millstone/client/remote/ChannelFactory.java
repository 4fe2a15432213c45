package io.millstone.client.remote;

import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.millstone.client.remote.RemoteException.Kind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Opens channels to servers: plaintext only to a loopback address, TLS otherwise. A TLS server's
 * certificate is pinned by fingerprint: on first contact the person is shown the fingerprint and
 * asked; later connections accept only that certificate.
 */
public final class ChannelFactory {
  private final CertificatePins pins;
  private final CertificateTrust trust;
  private final Supplier<String> language;

  public ChannelFactory(CertificatePins pins, CertificateTrust trust) {
    this(pins, trust, () -> "en");
  }

  /** {@code language}: the person's language tag at the time of each call ("bn", "en"). */
  public ChannelFactory(CertificatePins pins, CertificateTrust trust, Supplier<String> language) {
    this.pins = pins;
    this.trust = trust;
    this.language = language;
  }

  /** Opens a channel; for TLS this may ask the person to trust the server. Not on the UI thread. */
  public Connection open(ServerAddress address) throws RemoteException {
    ChannelCredentials credentials;
    if (address.usesTls()) {
      String seen = probeFingerprint(address);
      Optional<String> pinned = pins.pinned(address);
      if (pinned.isEmpty()) {
        if (!trust.trust(address, seen)) {
          throw new RemoteException(
              Kind.UNTRUSTED_CERTIFICATE, "The server's certificate was not trusted.");
        }
        pins.pin(address, seen);
      } else if (!pinned.get().equalsIgnoreCase(seen)) {
        throw new RemoteException(
            Kind.CERTIFICATE_CHANGED,
            "The server's certificate changed since you trusted it (now "
                + seen
                + "). Ask your administrator before connecting.");
      }
      credentials =
          TlsChannelCredentials.newBuilder().trustManager(new PinnedTrustManager(seen)).build();
    } else {
      credentials = InsecureChannelCredentials.create();
    }
    ManagedChannel channel =
        NettyChannelBuilder.forAddress(address.host(), address.port(), credentials)
            .keepAliveTime(60, TimeUnit.SECONDS)
            .keepAliveTimeout(20, TimeUnit.SECONDS)
            .maxInboundMessageSize(16 * 1024 * 1024)
            .build();
    return new Connection(address, channel, language);
  }

  /** Reads the server's certificate fingerprint with a plain TLS handshake. */
  static String probeFingerprint(ServerAddress address) throws RemoteException {
    PinnedTrustManager reader = new PinnedTrustManager(null);
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new javax.net.ssl.TrustManager[] {reader}, null);
      try (SSLSocket socket = (SSLSocket) ctx.getSocketFactory().createSocket()) {
        socket.connect(new InetSocketAddress(address.host(), address.port()), 5000);
        socket.setSoTimeout(5000);
        SSLParameters params = socket.getSSLParameters();
        params.setApplicationProtocols(new String[] {"h2"});
        socket.setSSLParameters(params);
        socket.startHandshake();
      }
    } catch (IOException | GeneralSecurityException e) {
      if (reader.seen() == null) {
        throw new RemoteException(
            Kind.UNAVAILABLE, "Cannot reach a TLS server at " + address + ": " + e.getMessage());
      }
    }
    return reader.seen();
  }
}
