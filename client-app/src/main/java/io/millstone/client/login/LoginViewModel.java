package io.millstone.client.login;

import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.ClientPrefs;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import io.millstone.client.remote.ServerAddress;
import io.millstone.client.remote.Session;
import io.millstone.client.remote.SignInService;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The sign-in screen's state: server address and username (remembered between runs), password
 * (never remembered), and the message explaining why signing in failed.
 */
public final class LoginViewModel extends AbstractViewModel {
  static final String PREF_SERVER = "login.server";
  static final String PREF_USER = "login.username";

  private final SignInService signIn;
  private final ClientPrefs prefs;
  private final Messages messages;
  private final StringProperty server = new SimpleStringProperty("");
  private final StringProperty username = new SimpleStringProperty("");
  private final StringProperty password = new SimpleStringProperty("");
  private final BooleanBinding canSignIn;
  private Consumer<Session> onSignedIn = s -> {};

  public LoginViewModel(
      SignInService signIn, ClientPrefs prefs, UiTaskExecutor executor, Messages messages) {
    super(executor);
    this.signIn = signIn;
    this.prefs = prefs;
    this.messages = messages;
    server.set(prefs.get(PREF_SERVER, "127.0.0.1:" + ServerAddress.DEFAULT_PORT));
    username.set(prefs.get(PREF_USER, ""));
    canSignIn =
        Bindings.createBooleanBinding(
            () ->
                !isBusy()
                    && !server.get().isBlank()
                    && !username.get().isBlank()
                    && !password.get().isEmpty(),
            server,
            username,
            password,
            busyProperty());
  }

  public StringProperty serverProperty() {
    return server;
  }

  public StringProperty usernameProperty() {
    return username;
  }

  public StringProperty passwordProperty() {
    return password;
  }

  public BooleanBinding canSignInProperty() {
    return canSignIn;
  }

  public void setOnSignedIn(Consumer<Session> onSignedIn) {
    this.onSignedIn = onSignedIn;
  }

  public void signIn() {
    if (isBusy()) {
      return;
    }
    if (server.get().isBlank() || username.get().isBlank() || password.get().isEmpty()) {
      setMessage(messages.get("login.missing"));
      return;
    }
    ServerAddress address;
    try {
      address = ServerAddress.parse(server.get());
    } catch (IllegalArgumentException e) {
      setMessage(messages.get("login.badAddress", server.get()));
      return;
    }
    String user = username.get().trim();
    char[] pwd = password.get().toCharArray();
    setMessage("");
    setBusy(true);
    executor.submit(
        () -> signIn.signIn(address, user, pwd),
        session -> {
          setBusy(false);
          password.set("");
          prefs.put(PREF_SERVER, server.get().trim());
          prefs.put(PREF_USER, user);
          prefs.save();
          onSignedIn.accept(session);
        },
        e -> {
          setBusy(false);
          password.set("");
          setMessage(ErrorText.of(e, messages));
        });
  }
}
