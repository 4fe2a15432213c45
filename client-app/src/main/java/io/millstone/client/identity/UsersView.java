package io.millstone.client.identity;

import io.millstone.api.identity.v1.User;
import io.millstone.client.core.Messages;
import io.millstone.client.core.list.PagedTableView;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The users list with, beside it, the form for a new user or the chosen one: roles, deactivate,
 * reset password (the one-time password is shown once, here).
 */
public final class UsersView extends BorderPane {
  private final UsersViewModel vm;
  private final Messages m;
  private final FlowPane roleBoxes = new FlowPane(12, 6);
  private final java.util.function.Supplier<Window> owner;

  public UsersView(
      PagedTableView<User> list,
      UsersViewModel vm,
      Messages m,
      boolean canManage,
      java.util.function.Supplier<Window> owner) {
    this.vm = vm;
    this.m = m;
    this.owner = owner;
    setId("usersView");
    setCenter(list);
    list.table()
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, u) -> {
              if (u != null) {
                vm.open(u);
              }
            });
    if (!canManage) {
      return;
    }
    Label title = Forms.section("");
    title.setId("userFormTitle");
    title
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.when(vm.editingProperty())
                .then(vm.usernameProperty())
                .otherwise(m.get("users.new")));
    TextField username = new TextField();
    username.setId("newUsername");
    username.textProperty().bindBidirectional(vm.usernameProperty());
    username.disableProperty().bind(vm.editingProperty());
    TextField name = new TextField();
    name.setId("newDisplayName");
    name.textProperty().bindBidirectional(vm.displayNameProperty());
    name.disableProperty().bind(vm.editingProperty());
    PasswordField password = new PasswordField();
    password.setId("newPassword");
    password.textProperty().bindBidirectional(vm.passwordProperty());
    password.disableProperty().bind(vm.editingProperty());
    CheckBox oneTime = new CheckBox(m.get("users.oneTime"));
    oneTime.setId("newOneTime");
    oneTime.selectedProperty().bindBidirectional(vm.oneTimeProperty());
    oneTime.disableProperty().bind(vm.editingProperty());
    roleBoxes.setId("userRoles");
    roleBoxes.setPrefWrapLength(300);
    GridPane g = Forms.grid();
    Forms.row(g, 0, m.get("users.usernameField"), username, vm.error("username"));
    Forms.row(g, 1, m.get("users.displayNameField"), name, vm.error("display_name"));
    Label passwordLabel =
        Forms.row(g, 2, m.get("users.passwordField"), password, vm.error("password"));
    g.add(oneTime, 1, 3);
    oneTime.setWrapText(true);
    // A chosen user's password is only ever reset, never typed here.
    for (javafx.scene.Node n : new javafx.scene.Node[] {passwordLabel, password, oneTime}) {
      n.visibleProperty().bind(vm.editingProperty().not());
      n.managedProperty().bind(n.visibleProperty());
    }
    Forms.row(g, 4, m.get("users.roles"), roleBoxes, vm.error("roles"));

    Button create = new Button(m.get("users.create"), new FontIcon(Material2AL.ADD));
    create.setId("createUser");
    create.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
    create.setOnAction(e -> vm.create());
    create.visibleProperty().bind(vm.editingProperty().not());
    create.managedProperty().bind(create.visibleProperty());
    create.defaultButtonProperty().bind(create.visibleProperty().and(focusWithinProperty()));
    Button saveRoles = new Button(m.get("users.saveRoles"), new FontIcon(Material2MZ.SAVE));
    saveRoles.setId("saveRoles");
    saveRoles.setOnAction(e -> vm.saveRoles());
    Button reset = new Button(m.get("users.reset"), new FontIcon(Material2MZ.VPN_KEY));
    reset.setId("resetPassword");
    reset.setOnAction(
        e -> {
          if (confirm(m.get("users.resetConfirm", vm.usernameProperty().get()))) {
            vm.resetPassword();
          }
        });
    Button deactivate = new Button(m.get("users.deactivate"), new FontIcon(Material2AL.BLOCK));
    deactivate.setId("deactivateUser");
    deactivate.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
    deactivate.setOnAction(
        e -> {
          if (confirm(m.get("users.deactivateConfirm", vm.usernameProperty().get()))) {
            vm.deactivate();
          }
        });
    Button newUser = new Button(m.get("users.newButton"), new FontIcon(Material2AL.ADD));
    newUser.setId("newUser");
    newUser.setOnAction(
        e -> {
          list.table().getSelectionModel().clearSelection();
          vm.newUser();
          username.requestFocus();
        });
    for (Button b : new Button[] {saveRoles, reset, deactivate, newUser}) {
      b.visibleProperty().bind(vm.editingProperty());
      b.managedProperty().bind(b.visibleProperty());
    }
    for (Button b : new Button[] {create, saveRoles, reset, deactivate}) {
      b.disableProperty().bind(vm.busyProperty());
    }
    FlowPane actions = new FlowPane(8, 8, create, saveRoles, reset, deactivate, newUser);
    TextField oneTimeShown = new TextField();
    oneTimeShown.setId("oneTimePassword");
    oneTimeShown.setEditable(false);
    oneTimeShown.textProperty().bind(vm.oneTimePasswordProperty());
    oneTimeShown.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_3);
    VBox shown = new VBox(4, Forms.muted(m.get("users.oneTimeShownOnce")), oneTimeShown);
    shown.visibleProperty().bind(vm.oneTimePasswordProperty().isNotEmpty());
    shown.managedProperty().bind(shown.visibleProperty());
    Label message = Forms.error("userFormMessage");
    message.textProperty().bind(vm.messageProperty());
    VBox form =
        new VBox(
            12,
            title,
            g,
            actions,
            shown,
            message,
            Forms.notice("userFormNotice", vm.noticeProperty()));
    form.setId("userForm");
    form.setPadding(new Insets(12));
    form.setPrefWidth(400);
    ScrollPane side = new ScrollPane(form);
    side.setFitToWidth(true);
    side.setPrefWidth(420);
    setRight(side);
    vm.loadRoles(this::showRoles);
  }

  private void showRoles() {
    roleBoxes.getChildren().clear();
    for (Map.Entry<String, javafx.beans.property.BooleanProperty> e : vm.roles().entrySet()) {
      CheckBox c = new CheckBox(vm.roleName(e.getKey()));
      c.setId("role-" + e.getKey());
      c.selectedProperty().bindBidirectional(e.getValue());
      roleBoxes.getChildren().add(c);
    }
  }

  private boolean confirm(String text) {
    Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
    a.initOwner(owner.get());
    a.setHeaderText(null);
    a.setTitle(m.get("screen.users"));
    a.getDialogPane().lookupButton(ButtonType.OK).setId("confirmOk");
    return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
  }
}
