package io.millstone.client.identity;

import io.millstone.api.identity.v1.Role;
import io.millstone.api.identity.v1.User;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The users form beside the list: a new user (username, name, roles, an initial one-time password),
 * or the chosen user's roles, deactivation and password reset. A reset's one-time password is shown
 * once, until another user is chosen.
 */
public final class UsersViewModel extends AbstractViewModel {
  private final AdminGateway gateway;
  private final Messages messages;
  private final StringProperty notice = new SimpleStringProperty("");
  private final ObjectProperty<User> selected = new SimpleObjectProperty<>();
  private final StringProperty username = new SimpleStringProperty("");
  private final StringProperty displayName = new SimpleStringProperty("");
  private final StringProperty password = new SimpleStringProperty("");
  private final BooleanProperty oneTime = new SimpleBooleanProperty(true);
  private final StringProperty oneTimePassword = new SimpleStringProperty("");
  private final Map<String, BooleanProperty> roles = new LinkedHashMap<>();
  private final Map<String, String> roleNames = new LinkedHashMap<>();
  private final Fields fields = new Fields("username", "display_name", "password", "roles", "id");
  private final BooleanBinding editing = selected.isNotNull();
  private Runnable onChanged = () -> {};

  public UsersViewModel(AdminGateway gateway, UiTaskExecutor executor, Messages messages) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
  }

  /** Reads the roles to offer; call {@code then} once their boxes exist. */
  public void loadRoles(Runnable then) {
    executor.submit(
        gateway::roles,
        (List<Role> list) -> {
          roles.clear();
          for (Role r : list) {
            roles.put(r.getCode(), new SimpleBooleanProperty(false));
            roleNames.put(r.getCode(), r.getName());
          }
          then.run();
        },
        e -> setMessage(ErrorText.of(e, messages)));
  }

  public Map<String, BooleanProperty> roles() {
    return roles;
  }

  public String roleName(String code) {
    return roleNames.getOrDefault(code, code);
  }

  public ObjectProperty<User> selectedProperty() {
    return selected;
  }

  /** True when a user is chosen (roles, deactivate, reset); false for a new user. */
  public BooleanBinding editingProperty() {
    return editing;
  }

  public StringProperty usernameProperty() {
    return username;
  }

  public StringProperty displayNameProperty() {
    return displayName;
  }

  public StringProperty passwordProperty() {
    return password;
  }

  public BooleanProperty oneTimeProperty() {
    return oneTime;
  }

  /** The one-time password of the last reset, shown once. */
  public StringProperty oneTimePasswordProperty() {
    return oneTimePassword;
  }

  /** What the last action achieved (errors go to the message). */
  public StringProperty noticeProperty() {
    return notice;
  }

  public StringProperty error(String field) {
    return fields.error(field);
  }

  /** Run after a change the list should show (the screen refreshes it). */
  public void setOnChanged(Runnable onChanged) {
    this.onChanged = onChanged;
  }

  /** Shows {@code u} in the form; null starts a new user. */
  public void select(User u) {
    selected.set(u);
    fields.clear();
    setMessage("");
    notice.set("");
    oneTimePassword.set("");
    password.set("");
    oneTime.set(true);
    username.set(u == null ? "" : u.getUsername());
    displayName.set(u == null ? "" : u.getDisplayName());
    roles.forEach((code, p) -> p.set(u != null && u.getRolesList().contains(code)));
  }

  /**
   * Shows {@code u} at once, then as the server has it now (a list row may be older than someone
   * else's change), unless another user was chosen meanwhile.
   */
  public void open(User u) {
    select(u);
    executor.submit(
        () -> gateway.user(u.getId()),
        fresh -> {
          User shown = selected.get();
          if (shown != null && shown.getId().equals(fresh.getId()) && !fresh.equals(shown)) {
            select(fresh);
          }
        },
        e -> setMessage(ErrorText.of(e, messages)));
  }

  public void newUser() {
    select(null);
  }

  private List<String> chosenRoles() {
    return roles.entrySet().stream()
        .filter(e -> e.getValue().get())
        .map(Map.Entry::getKey)
        .toList();
  }

  public void create() {
    String u = username.get().trim();
    String d = displayName.get().trim();
    String p = password.get();
    List<String> r = chosenRoles();
    boolean once = oneTime.get();
    run(
        () -> gateway.createUser(u, d, p, r, once),
        user -> {
          select(user);
          notice.set(messages.get("users.created", user.getUsername()));
        });
  }

  public void saveRoles() {
    User u = selected.get();
    if (u == null) {
      return;
    }
    List<String> r = chosenRoles();
    run(
        () -> gateway.updateRoles(u.getId(), r, u.getVersion()),
        user -> {
          select(user);
          notice.set(messages.get("users.rolesSaved", user.getUsername()));
        });
  }

  public void deactivate() {
    User u = selected.get();
    if (u == null) {
      return;
    }
    run(
        () -> gateway.deactivate(u.getId(), u.getVersion()),
        user -> {
          select(null);
          notice.set(messages.get("users.deactivated", user.getUsername()));
        });
  }

  public void resetPassword() {
    User u = selected.get();
    if (u == null) {
      return;
    }
    run(
        () -> gateway.resetPassword(u.getId()),
        r -> {
          select(r.getUser());
          oneTimePassword.set(r.getOneTimePassword());
          notice.set(messages.get("users.resetDone", r.getUser().getUsername()));
        });
  }

  private <T> void run(Callable<T> call, Consumer<T> done) {
    if (isBusy()) {
      return;
    }
    fields.clear();
    setMessage("");
    notice.set("");
    setBusy(true);
    executor.submit(
        call,
        v -> {
          setBusy(false);
          done.accept(v);
          onChanged.run();
        },
        e -> {
          setBusy(false);
          setMessage(fields.show(e, messages));
        });
  }

  /** A binding that is true while nothing can be sent. */
  public BooleanBinding idle() {
    return Bindings.not(busyProperty());
  }
}
