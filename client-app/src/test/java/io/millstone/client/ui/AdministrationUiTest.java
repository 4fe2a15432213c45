package io.millstone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.identity.v1.User;
import io.millstone.client.core.Dates;
import io.millstone.client.support.LiveServer;
import io.millstone.client.support.UiTest;
import java.time.LocalDate;
import java.util.UUID;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An administrator manages users (create, reset a password, is refused deactivating themselves),
 * the user signs in with the one-time password and must choose their own; the company's settings
 * and the roles are read and changed from their screens.
 */
class AdministrationUiTest extends UiTest {
  static LiveServer server;
  static UUID company;
  static String admin;

  @BeforeAll
  static void company() {
    server = LiveServer.shared();
    company = server.createCompany("Admin UI Mill");
    admin = server.createUser(company, server.fresh("uiadmin"), "admin");
  }

  @SuppressWarnings("unchecked")
  private TableView<User> table() {
    return lookup("#table").queryAs(TableView.class);
  }

  private void confirm() {
    waitUntil(() -> lookup("#confirmOk").tryQuery().isPresent());
    clickOn("#confirmOk");
  }

  @Test
  void anAdminCreatesAUserResetsTheirPasswordAndTheUserMustChooseTheirOwn() {
    signInAndWait(admin);
    clickWhenReady("#nav-users");
    waitUntil(() -> lookup("#role-sales").tryQuery().isPresent());

    String clerk = server.fresh("uiclerk");
    fill("#newUsername", clerk);
    fill("#newDisplayName", "Shirin Akter");
    fill("#newPassword", "short");
    clickOn("#role-sales");
    clickOn("#createUser");
    // The server's complaint sits beside the field; nothing is created.
    waitUntil(() -> text("#newPasswordError").contains("at least 10"));

    fill("#newPassword", "first password 1");
    clickOn("#createUser");
    waitUntil(() -> text("#userFormNotice").equals("User " + clerk + " created."));
    assertThat(lookup("#role-sales").queryAs(CheckBox.class).isSelected()).isTrue();

    clickOn("#resetPassword");
    confirm();
    waitUntil(() -> !text("#oneTimePassword").isEmpty());
    String oneTime = text("#oneTimePassword");
    waitUntil(() -> text("#userFormNotice").startsWith(clerk + " has a new one-time password"));
    fill("#quickFilter", clerk);
    waitUntil(() -> table().getItems().size() == 1 && table().getItems().get(0) != null);
    screenshot("users.png");

    // Refused: deactivating oneself.
    fill("#quickFilter", admin);
    waitUntil(
        () ->
            table().getItems().size() == 1
                && table().getItems().get(0) != null
                && table().getItems().get(0).getUsername().equals(admin));
    interact(() -> table().getSelectionModel().select(0));
    waitUntil(() -> text("#userFormTitle").equals(admin));
    clickOn("#deactivateUser");
    confirm();
    waitUntil(() -> text("#userFormMessage").contains("your own account"));

    clickOn("#signOut");
    waitUntil(() -> lookup("#loginView").tryQuery().isPresent());
    signIn(clerk, oneTime);
    waitUntil(() -> lookup("#mustChangePasswordView").tryQuery().isPresent());
    fill("#currentPassword", oneTime);
    fill("#newPassword", "tiny");
    fill("#repeatPassword", "tiny");
    clickOn("#changePassword");
    waitUntil(() -> text("#newPasswordError").contains("at least 10"));
    screenshot("change-password.png");

    fill("#currentPassword", oneTime);
    fill("#newPassword", "my own long password");
    fill("#repeatPassword", "my own long password");
    clickOn("#changePassword");
    waitUntil(() -> lookup("#shell").tryQuery().isPresent());
    clickWhenReady("#myAccountButton");
    waitUntil(() -> text("#accountWho").equals("Shirin Akter (" + clerk + ")"));
    assertThat(text("#accountRoles")).isEqualTo("sales");
  }

  @Test
  void companySettingsShowTheApprovalThresholdAndANewDateFormatAppliesAtOnce() {
    UUID own = server.createCompany("Settings UI Mill");
    String boss = server.createUser(own, server.fresh("setadmin"), "admin");
    signInAndWait(boss);
    clickWhenReady("#nav-roles");
    waitUntil(() -> text("#roleTitle").equals("Administrator") || !text("#roleTitle").isEmpty());

    clickWhenReady("#nav-company-settings");
    waitUntil(() -> text("#companyName").equals("Settings UI Mill"));
    waitUntil(() -> !text("#companyApprovalThreshold").isEmpty());
    fill("#companyBin", "12345");
    clickOn("#companySave");
    waitUntil(() -> text("#companyBinError").contains("13-digit BIN"));

    fill("#companyBin", "0001234560101");
    fill("#companyAddress", "Mill Road 1, Darsana");
    fill("#companyApprovalThreshold", "750000");
    interact(() -> lookup("#companyDateFormat").queryAs(ComboBox.class).setValue("yyyy-MM-dd"));
    clickOn("#companySave");
    waitUntil(() -> text("#companyNotice").equals("Company settings saved."));
    assertThat(text("#companyBinError")).isEmpty();
    assertThat(Dates.date(LocalDate.of(2026, 12, 7))).isEqualTo("2026-12-07");
    screenshot("settings.png");

    clickWhenReady("#nav-company-settings");
    waitUntil(() -> text("#companyApprovalThreshold").startsWith("7,50,000"));
  }
}
