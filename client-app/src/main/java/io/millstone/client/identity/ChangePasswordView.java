package io.millstone.client.identity;

import io.millstone.client.core.Messages;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** Current password, new password twice, and Change (Enter); complaints beside the fields. */
public final class ChangePasswordView extends VBox {
  private final PasswordField current = new PasswordField();

  public ChangePasswordView(ChangePasswordViewModel vm, Messages m) {
    super(10);
    setId("changePasswordForm");
    current.setId("currentPassword");
    current.textProperty().bindBidirectional(vm.currentProperty());
    PasswordField next = new PasswordField();
    next.setId("newPassword");
    next.textProperty().bindBidirectional(vm.nextProperty());
    PasswordField repeat = new PasswordField();
    repeat.setId("repeatPassword");
    repeat.textProperty().bindBidirectional(vm.repeatProperty());
    GridPane g = Forms.grid();
    Forms.row(g, 0, m.get("password.current"), current, vm.error("current_password"));
    Forms.row(g, 1, m.get("password.new"), next, vm.error("new_password"));
    Forms.row(g, 2, m.get("password.repeat"), repeat, vm.error("repeat"));
    Button change = new Button(m.get("password.change"), new FontIcon(Material2AL.LOCK));
    change.setId("changePassword");
    change.setDefaultButton(true);
    change.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
    change.disableProperty().bind(vm.busyProperty());
    change.setOnAction(e -> vm.change());
    Label message = Forms.error("changePasswordMessage");
    message.textProperty().bind(vm.messageProperty());
    getChildren()
        .addAll(
            g,
            Forms.muted(m.get("password.rules")),
            new HBox(
                10, change, message, Forms.notice("changePasswordNotice", vm.noticeProperty())));
  }

  public void focusFirst() {
    current.requestFocus();
  }
}
