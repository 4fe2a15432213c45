package io.millstone.client.identity;

import io.millstone.api.identity.v1.WhoAmIResponse;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** "My account": who the session belongs to, in which company, and what it may do (WhoAmI). */
public final class MyAccountViewModel extends AbstractViewModel {
  private final AdminGateway gateway;
  private final Messages messages;
  private final StringProperty who = new SimpleStringProperty("");
  private final StringProperty company = new SimpleStringProperty("");
  private final StringProperty roles = new SimpleStringProperty("");
  private final ObservableList<String> permissions = FXCollections.observableArrayList();
  private final ChangePasswordViewModel password;

  public MyAccountViewModel(AdminGateway gateway, UiTaskExecutor executor, Messages messages) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
    this.password = new ChangePasswordViewModel(gateway::changePassword, executor, messages);
  }

  public ChangePasswordViewModel password() {
    return password;
  }

  public StringProperty whoProperty() {
    return who;
  }

  public StringProperty companyProperty() {
    return company;
  }

  public StringProperty rolesProperty() {
    return roles;
  }

  public ObservableList<String> permissions() {
    return permissions;
  }

  public void refresh() {
    executor.submit(
        gateway::whoAmI,
        (WhoAmIResponse r) -> {
          who.set(r.getUser().getDisplayName() + " (" + r.getUser().getUsername() + ")");
          company.set(r.getCompany().getName());
          roles.set(String.join(", ", r.getUser().getRolesList()));
          permissions.setAll(r.getPermissionsList());
          setMessage("");
        },
        e -> setMessage(ErrorText.of(e, messages)));
  }
}
