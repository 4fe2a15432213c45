package io.millstone.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.millstone.server.MillstoneServer;
import io.millstone.server.TestPlatform;
import io.millstone.server.platform.MillstoneConfig;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTest {
  @TempDir Path dir;

  @Test
  void onLoopbackTheServerSpeaksPlaintextUnlessAskedForTls() throws Exception {
    MillstoneConfig c = MillstoneConfig.builder().dataDir(dir).build();
    assertThat(Tls.credentialsFor(c).tls()).isFalse();
  }

  @Test
  void offLoopbackTheServerAlwaysUsesTlsWithASelfSignedCertificateMadeOnce() throws Exception {
    MillstoneConfig c = MillstoneConfig.builder().dataDir(dir).host("0.0.0.0").build();
    Tls.Listening first = Tls.credentialsFor(c);
    Tls.Listening again = Tls.credentialsFor(c);

    assertThat(first.tls()).isTrue();
    assertThat(first.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
  }

  @Test
  void aClientTrustingTheGeneratedCertificateConnectsOverTls() throws Exception {
    MillstoneConfig c =
        TestPlatform.get().config().toBuilder().dataDir(dir).port(0).tlsOnLoopback(true).build();
    Tls.Listening listening = Tls.credentialsFor(c);
    MillstoneServer server =
        new MillstoneServer(
            NettyTransport.builder(c, listening.credentials()),
            TestPlatform.get().sharing(c),
            null);
    server.start();
    ManagedChannel ch =
        NettyChannelBuilder.forAddress(
                "localhost",
                server.grpcServer().getPort(),
                TlsChannelCredentials.newBuilder()
                    .trustManager(dir.resolve("tls/server.crt").toFile())
                    .build())
            .build();
    try {
      assertThat(
              HealthGrpc.newBlockingStub(ch)
                  .check(HealthCheckRequest.getDefaultInstance())
                  .getStatus())
          .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    } finally {
      ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      server.stop();
    }
  }
}
