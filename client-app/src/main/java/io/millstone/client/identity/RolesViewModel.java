package io.millstone.client.identity;

import io.millstone.api.identity.v1.Role;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The roles and, for the chosen one, each permission with the operations it opens. */
public final class RolesViewModel extends AbstractViewModel {
  private final AdminGateway gateway;
  private final Messages messages;
  private final ObservableList<Role> roles = FXCollections.observableArrayList();
  private final ObjectProperty<Role> selected = new SimpleObjectProperty<>();

  public RolesViewModel(AdminGateway gateway, UiTaskExecutor executor, Messages messages) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
  }

  public ObservableList<Role> roles() {
    return roles;
  }

  public ObjectProperty<Role> selectedProperty() {
    return selected;
  }

  public void refresh() {
    setBusy(true);
    executor.submit(
        gateway::roles,
        list -> {
          setBusy(false);
          roles.setAll(list);
          if (!list.isEmpty()) {
            selected.set(list.get(0));
          }
        },
        e -> {
          setBusy(false);
          setMessage(ErrorText.of(e, messages));
        });
  }
}
