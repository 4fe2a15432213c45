package io.millstone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.client.support.LiveServer;
import io.millstone.client.support.UiTest;
import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SignInUiTest extends UiTest {
  static LiveServer server;
  static UUID company;

  @BeforeAll
  static void company() {
    server = LiveServer.shared();
    company = server.createCompany("Sugar Mill UI Ltd");
  }

  @Test
  void signingInOpensTheShellWithServerUserCompanyAndConnectionInTheStatusBar() throws Exception {
    String admin = server.createUser(company, server.fresh("admin"), "admin");
    fill("#username", admin);
    screenshot("login.png");

    signInAndWait(admin);

    assertThat(text("#statusServer")).isEqualTo(server.address());
    assertThat(text("#statusUser")).isEqualTo("User " + admin);
    assertThat(text("#statusCompany")).isEqualTo("Sugar Mill UI Ltd");
    assertThat(text("#statusConnection")).isEqualTo("Connected");
    assertThat(Files.readString(config.resolve("client.properties")))
        .contains(admin)
        .doesNotContain(LiveServer.PASSWORD);
  }

  @Test
  void aWrongPasswordKeepsThePersonOnTheSignInScreenAndSaysWhy() {
    String clerk = server.createUser(company, server.fresh("clerk"), "sales");

    signIn(clerk, "definitely wrong");

    waitUntil(() -> !text("#loginMessage").isEmpty());
    assertThat(text("#loginMessage")).startsWith("Wrong username or password.");
    assertThat(lookup("#shell").tryQuery()).isEmpty();
    assertThat(text("#password")).isEmpty();
  }
}
