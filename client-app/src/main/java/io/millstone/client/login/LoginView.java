package io.millstone.client.login;

import io.millstone.client.core.Messages;
import io.millstone.client.core.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** The sign-in screen. */
public final class LoginView extends StackPane {
  private final PasswordField password = new PasswordField();
  private final TextField username = new TextField();

  public LoginView(LoginViewModel vm, Messages messages, HBox extras) {
    setId("loginView");
    javafx.scene.Node logo = io.millstone.client.core.Logo.of(44);
    logo.setId("logo");
    Label title = new Label(messages.get("app.name"));
    title.getStyleClass().addAll(Styles.TITLE, atlantafx.base.theme.Styles.TITLE_1);
    Label subtitle = new Label(messages.get("login.subtitle"));
    subtitle.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);

    TextField server = new TextField();
    server.setId("server");
    server.setPromptText("127.0.0.1:50051");
    server.textProperty().bindBidirectional(vm.serverProperty());
    username.setId("username");
    username.textProperty().bindBidirectional(vm.usernameProperty());
    password.setId("password");
    password.textProperty().bindBidirectional(vm.passwordProperty());

    GridPane grid = new GridPane();
    grid.setHgap(12);
    grid.setVgap(10);
    grid.addRow(0, label(messages.get("login.server"), server), server);
    grid.addRow(1, label(messages.get("login.username"), username), username);
    grid.addRow(2, label(messages.get("login.password"), password), password);
    server.setPrefColumnCount(22);

    Button signIn = new Button(messages.get("login.signIn"), new FontIcon(Material2AL.LOCK_OPEN));
    signIn.setId("signIn");
    signIn.setDefaultButton(true);
    signIn.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
    signIn.disableProperty().bind(vm.busyProperty());
    signIn.setOnAction(e -> vm.signIn());
    signIn.setMaxWidth(Double.MAX_VALUE);
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(22, 22);
    spinner.visibleProperty().bind(vm.busyProperty());

    Label message = new Label();
    message.setId("loginMessage");
    message.getStyleClass().addAll(Styles.ERROR_TEXT, atlantafx.base.theme.Styles.DANGER);
    message.setWrapText(true);
    message.setMaxWidth(380);
    message.textProperty().bind(vm.messageProperty());

    HBox actions = new HBox(10, signIn, spinner);
    HBox.setHgrow(signIn, javafx.scene.layout.Priority.ALWAYS);
    actions.setAlignment(Pos.CENTER_LEFT);
    HBox head = new HBox(12, logo, new VBox(2, title, subtitle));
    head.setAlignment(Pos.CENTER_LEFT);
    VBox card = new VBox(18, head, grid, actions, message, extras);
    card.getStyleClass().add(Styles.LOGIN_CARD);
    card.setPadding(new Insets(32));
    card.setMaxSize(460, javafx.scene.layout.Region.USE_PREF_SIZE);
    getChildren().add(card);
    setAlignment(Pos.CENTER);
  }

  private static Label label(String text, javafx.scene.Node target) {
    Label l = new Label(text);
    l.setLabelFor(target);
    return l;
  }

  /** Puts the cursor where typing is needed: the password when the rest is remembered. */
  public void focusFirstEmpty() {
    if (username.getText() == null || username.getText().isBlank()) {
      username.requestFocus();
    } else {
      password.requestFocus();
    }
  }
}
