package io.millstone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millstone.client.core.list.PageSource;
import io.millstone.client.remote.RemoteException;
import io.millstone.client.remote.UserDirectory;
import io.millstone.client.support.LiveServer;
import io.millstone.client.support.UiTest;
import java.util.UUID;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ShellUiTest extends UiTest {
  static LiveServer server;
  static UUID company;
  static String admin;

  @BeforeAll
  static void company() {
    server = LiveServer.shared();
    company = server.createCompany("Sugar Mill Demo Ltd");
    admin = server.createUser(company, server.fresh("admin"), "admin");
    for (int i = 0; i < 40; i++) {
      server.createUser(company, server.fresh(i % 2 == 0 ? "cane" : "stores"), "stores");
    }
  }

  private TabPane tabs() {
    return lookup("#workTabs").queryAs(TabPane.class);
  }

  @SuppressWarnings("unchecked")
  private TableView<Object> table() {
    return lookup("#table").queryAs(TableView.class);
  }

  @Test
  void theQuickFilterNarrowsTheUsersListOnTheServer() {
    signInAndWait(admin);
    clickWhenReady("#nav-users");
    waitUntil(() -> text("#rowCount").endsWith(" rows"));
    assertThat(Integer.parseInt(text("#rowCount").split(" ")[0])).isGreaterThanOrEqualTo(41);

    fill("#quickFilter", "cane");

    waitUntil(() -> text("#rowCount").equals("20 rows"));
    waitUntil(() -> table().getItems().size() == 20 && table().getItems().get(0) != null);
    assertThat(table().getItems())
        .allSatisfy(u -> assertThat(u.toString()).contains("username: \"cane"));
    screenshot("shell.png");
  }

  @Test
  void ctrlKOpensAScreenByTypingItsNameAndCtrlWClosesIt() {
    signInAndWait(admin);

    press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
    waitUntil(() -> lookup("#paletteInput").tryQuery().isPresent());
    write("user");
    type(KeyCode.ENTER);

    waitUntil(() -> tabs().getTabs().size() == 1);
    assertThat(tabs().getTabs().get(0).getText()).isEqualTo("Users");
    clickOn("#table");
    press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
    waitUntil(() -> tabs().getTabs().isEmpty());
  }

  @Test
  void theDarkThemeAppliesAtOnceAndIsRemembered() throws Exception {
    signInAndWait(admin);
    clickWhenReady("#nav-users");
    waitUntil(() -> text("#rowCount").endsWith("rows"));

    clickWhenReady("#themeToggle");

    waitUntil(() -> lookup("#shell").query().getStyleClass().contains("ms-dark"));
    waitUntil(
        () ->
            tabs().getTabs().size() == 1
                && table().getItems().size() > 0
                && table().getItems().get(0) != null);
    screenshot("shell-dark.png");
    assertThat(java.nio.file.Files.readString(config.resolve("client.properties")))
        .contains("theme=dark");
    clickWhenReady("#themeToggle");
    waitUntil(() -> lookup("#shell").query().getStyleClass().contains("ms-light"));
  }

  @Test
  void switchingToBanglaTranslatesTheShell() {
    signInAndWait(admin);
    clickWhenReady("#nav-users");
    waitUntil(() -> text("#rowCount").endsWith("rows"));

    @SuppressWarnings("unchecked")
    ComboBox<String> language = lookup("#language").queryAs(ComboBox.class);
    interact(() -> language.getSelectionModel().select("বাংলা"));

    waitUntil(() -> lookup("#nav-users").queryAs(Button.class).getText().equals("ব্যবহারকারী"));
    waitUntil(() -> text("#statusConnection").equals("সংযুক্ত"));
    waitUntil(
        () ->
            tabs().getTabs().size() == 1
                && table().getItems().size() > 0
                && table().getItems().get(0) != null);
    assertThat(tabs().getTabs().get(0).getText()).isEqualTo("ব্যবহারকারী");
    assertThat(lookup(".label").queryAllAs(Label.class))
        .anySatisfy(l -> assertThat(l.getText()).isEqualTo("প্রশাসন"));
    screenshot("shell-bn.png");
    interact(() -> lookup("#language").queryAs(ComboBox.class).getSelectionModel().select(0));
  }

  @Test
  void aBanglaReaderWhoAsksForBanglaDigitsSeesThemAndTheChoiceIsKept() {
    signInAndWait(admin);
    clickWhenReady("#nav-users");
    waitUntil(() -> text("#rowCount").endsWith("rows"));
    @SuppressWarnings("unchecked")
    ComboBox<String> language = lookup("#language").queryAs(ComboBox.class);
    interact(() -> language.getSelectionModel().select("বাংলা"));
    // Latin digits until the person asks for Bangla ones
    waitUntil(() -> text("#rowCount").matches("[0-9,]+টি সারি"));

    clickWhenReady("#banglaDigits");

    waitUntil(() -> text("#rowCount").matches("[\u09E6-\u09EF,]+টি সারি"));
    assertThat(new io.millstone.client.core.ClientPrefs(config).get("banglaDigits", ""))
        .isEqualTo("true");
    screenshot("shell-bn-digits.png");
    clickWhenReady("#banglaDigits");
    waitUntil(() -> text("#rowCount").matches("[0-9,]+টি সারি"));
    interact(() -> lookup("#language").queryAs(ComboBox.class).getSelectionModel().select(0));
  }

  @Test
  void aUserWithoutPermissionDoesNotSeeTheUsersScreenAndTheServerRefusesAnyway() {
    String clerk = server.createUser(company, server.fresh("sales"), "sales");
    signInAndWait(clerk);

    assertThat(lookup("#nav-users").tryQuery()).isEmpty();
    assertThat(window.session().can("identity.users.read")).isFalse();
    assertThatThrownBy(
            () -> new UserDirectory(window.session()).fetch(PageSource.Query.ALL, "", 10))
        .isInstanceOfSatisfying(
            RemoteException.class,
            e -> assertThat(e.kind()).isEqualTo(RemoteException.Kind.PERMISSION_DENIED));
  }
}
