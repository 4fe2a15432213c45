package io.millstone.client.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.client.core.ClientPrefs;
import io.millstone.client.core.Messages;
import io.millstone.client.remote.CertificatePins;
import io.millstone.client.remote.ChannelFactory;
import io.millstone.client.remote.RemoteException;
import io.millstone.client.remote.Session;
import io.millstone.client.remote.SignIn;
import io.millstone.client.support.DirectExecutor;
import io.millstone.client.support.LiveServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginViewModelTest {
  static LiveServer server;
  static UUID company;
  @TempDir Path config;
  private final Messages en = new Messages(Messages.ENGLISH);
  private final List<Session> sessions = new ArrayList<>();

  @BeforeAll
  static void server() {
    server = LiveServer.shared();
    company = server.createCompany("Login Mill");
  }

  private LoginViewModel vm() {
    SignIn signIn = new SignIn(new ChannelFactory(new CertificatePins(config), (s, f) -> false));
    LoginViewModel vm =
        new LoginViewModel(signIn, new ClientPrefs(config), new DirectExecutor(), en);
    vm.setOnSignedIn(sessions::add);
    return vm;
  }

  @Test
  void signingInRemembersServerAndUsernameButNeverThePassword() throws IOException {
    String user = server.createUser(company, server.fresh("clerk"), "sales");
    LoginViewModel vm = vm();
    vm.serverProperty().set(server.address());
    vm.usernameProperty().set(user);
    vm.passwordProperty().set(LiveServer.PASSWORD);

    vm.signIn();

    assertThat(vm.getMessage()).isEmpty();
    assertThat(sessions).hasSize(1);
    assertThat(sessions.get(0).companyName()).isEqualTo("Login Mill");
    assertThat(vm.passwordProperty().get()).isEmpty();
    String saved = Files.readString(config.resolve("client.properties"));
    assertThat(saved).contains(user).doesNotContain(LiveServer.PASSWORD).doesNotContain("correct");
    LoginViewModel again = vm();
    assertThat(again.serverProperty().get()).isEqualTo(server.address());
    assertThat(again.usernameProperty().get()).isEqualTo(user);
    assertThat(again.passwordProperty().get()).isEmpty();
    sessions.forEach(Session::close);
  }

  @Test
  void aWrongPasswordIsNamedAsSuch() {
    String user = server.createUser(company, server.fresh("clerk"), "sales");
    LoginViewModel vm = vm();
    vm.serverProperty().set(server.address());
    vm.usernameProperty().set(user);
    vm.passwordProperty().set("not the password");

    vm.signIn();

    assertThat(vm.getMessage()).isEqualTo(en.get("error.wrongCredentials"));
    assertThat(sessions).isEmpty();
  }

  @Test
  void anAccountLockedAfterRepeatedFailuresSaysSoAndWhenToTryAgain() {
    String user = server.createUser(company, server.fresh("clerk"), "sales");
    LoginViewModel vm = vm();
    vm.serverProperty().set(server.address());
    vm.usernameProperty().set(user);
    for (int i = 0; i < 6; i++) {
      vm.passwordProperty().set("wrong " + i);
      vm.signIn();
    }

    vm.passwordProperty().set(LiveServer.PASSWORD);
    vm.signIn();

    assertThat(vm.getMessage()).startsWith("This account is locked").contains("minute");
    assertThat(sessions).isEmpty();
  }

  @Test
  void aServerThatIsNotRunningIsReportedAsUnreachable() throws IOException {
    // A port held bound but never listened on: connections are refused, and no other program can
    // start listening there while the test runs.
    try (Socket held = new Socket()) {
      held.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      LoginViewModel vm = vm();
      vm.serverProperty().set("127.0.0.1:" + held.getLocalPort());
      vm.usernameProperty().set("anyone");
      vm.passwordProperty().set("anything");

      vm.signIn();

      assertThat(vm.getMessage()).isEqualTo(en.get("error.unavailable"));
    }
  }

  @Test
  void anIncompatibleServerVersionIsExplainedInTheChosenLanguage() {
    Messages bn = new Messages(Messages.BANGLA);
    LoginViewModel vm =
        new LoginViewModel(
            (a, u, p) -> {
              throw new RemoteException(
                  RemoteException.Kind.INCOMPATIBLE_SERVER,
                  "The server runs Millstone 0.9.0; this client is 0.1.0.");
            },
            new ClientPrefs(config),
            new DirectExecutor(),
            bn);
    vm.usernameProperty().set("admin");
    vm.passwordProperty().set("x");

    vm.signIn();

    assertThat(vm.getMessage()).startsWith("এই ক্লায়েন্ট সার্ভারের সংস্করণের").contains("0.9.0");
  }

  @Test
  void aMalformedAddressIsRefusedBeforeAnyConnection() {
    LoginViewModel vm = vm();
    vm.serverProperty().set("host:notaport");
    vm.usernameProperty().set("admin");
    vm.passwordProperty().set("x");

    vm.signIn();

    assertThat(vm.getMessage()).contains("host:notaport").contains("host:port");
  }
}
