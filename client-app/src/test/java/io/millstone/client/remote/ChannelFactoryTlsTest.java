package io.millstone.client.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millstone.client.support.LiveServer;
import io.millstone.server.cli.Tls;
import io.millstone.server.platform.MillstoneConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelFactoryTlsTest {
  static LiveServer server;
  static String fingerprint;
  static String user;

  @BeforeAll
  static void startTlsServer(@TempDir Path data) throws Exception {
    MillstoneConfig config = LiveServer.config().dataDir(data).tlsOnLoopback(true).build();
    Tls.Listening listening = Tls.credentialsFor(config);
    fingerprint = listening.fingerprint();
    server = new LiveServer(listening.credentials(), config);
    UUID company = server.createCompany("TLS Mill");
    user = server.createUser(company, server.fresh("tls"), "admin");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void firstContactShowsTheFingerprintAndPinsItSoTheSecondDoesNotAsk(@TempDir Path config)
      throws Exception {
    List<String> asked = new ArrayList<>();
    SignIn signIn =
        new SignIn(
            new ChannelFactory(
                new CertificatePins(config),
                (s, fp) -> {
                  asked.add(fp);
                  return true;
                }));
    ServerAddress address = ServerAddress.parse("tls://127.0.0.1:" + server.port());

    try (Session s = signIn.signIn(address, user, LiveServer.PASSWORD.toCharArray())) {
      assertThat(s.username()).isEqualTo(user);
    }
    try (Session s = signIn.signIn(address, user, LiveServer.PASSWORD.toCharArray())) {
      assertThat(s.companyName()).isEqualTo("TLS Mill");
    }

    assertThat(asked).containsExactly(fingerprint);
    assertThat(Files.readString(config.resolve("known-servers.properties")))
        .contains(fingerprint.replace(":", "\\:"));
  }

  @Test
  void refusingTheCertificateDoesNotConnect(@TempDir Path config) {
    SignIn signIn = new SignIn(new ChannelFactory(new CertificatePins(config), (s, fp) -> false));

    assertThatThrownBy(
            () ->
                signIn.signIn(
                    ServerAddress.parse("tls://127.0.0.1:" + server.port()),
                    user,
                    LiveServer.PASSWORD.toCharArray()))
        .isInstanceOfSatisfying(
            RemoteException.class,
            e -> assertThat(e.kind()).isEqualTo(RemoteException.Kind.UNTRUSTED_CERTIFICATE));
  }

  @Test
  void aServerWhoseCertificateChangedIsRefused(@TempDir Path config) {
    ServerAddress address = ServerAddress.parse("tls://127.0.0.1:" + server.port());
    new CertificatePins(config).pin(address, "AA:BB:CC");
    SignIn signIn = new SignIn(new ChannelFactory(new CertificatePins(config), (s, fp) -> true));

    assertThatThrownBy(() -> signIn.signIn(address, user, LiveServer.PASSWORD.toCharArray()))
        .isInstanceOfSatisfying(
            RemoteException.class,
            e -> assertThat(e.kind()).isEqualTo(RemoteException.Kind.CERTIFICATE_CHANGED));
  }

  @Test
  void loopbackWithoutTlsAskedForIsPlaintextAndRemoteAddressesAreNot() {
    assertThat(ServerAddress.parse("127.0.0.1:50051").usesTls()).isFalse();
    assertThat(ServerAddress.parse("localhost").usesTls()).isFalse();
    assertThat(ServerAddress.parse("tls://127.0.0.1:50051").usesTls()).isTrue();
    assertThat(ServerAddress.parse("192.0.2.10:50051").usesTls()).isTrue();
  }
}
