package io.millstone.client.identity;

import io.millstone.client.core.Messages;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Who I am, in which company, with which roles and permissions; and changing my password. */
public final class MyAccountView extends BorderPane {
  public MyAccountView(MyAccountViewModel vm, Messages m) {
    setId("myAccountView");
    GridPane who = Forms.grid();
    Label name = new Label();
    name.setId("accountWho");
    name.textProperty().bind(vm.whoProperty());
    Label company = new Label();
    company.setId("accountCompany");
    company.textProperty().bind(vm.companyProperty());
    Label roles = new Label();
    roles.setId("accountRoles");
    roles.textProperty().bind(vm.rolesProperty());
    Forms.row(who, 0, m.get("account.who"), name, null);
    Forms.row(who, 1, m.get("account.company"), company, null);
    Forms.row(who, 2, m.get("users.roles"), roles, null);
    ListView<String> permissions = new ListView<>(vm.permissions());
    permissions.setId("accountPermissions");
    permissions.setPrefHeight(180);
    Label message = Forms.error("accountMessage");
    message.textProperty().bind(vm.messageProperty());
    ChangePasswordView password = new ChangePasswordView(vm.password(), m);
    VBox body =
        new VBox(
            12,
            Forms.section(m.get("screen.myAccount")),
            who,
            Forms.muted(m.get("account.permissions")),
            permissions,
            message,
            Forms.section(m.get("password.title")),
            password);
    body.setPadding(new Insets(16));
    body.setMaxWidth(760);
    ScrollPane scroll = new ScrollPane(body);
    scroll.setFitToWidth(true);
    setCenter(scroll);
  }
}
