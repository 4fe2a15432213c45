package io.millstone.client.identity;

import io.millstone.api.identity.v1.PermissionGrant;
import io.millstone.api.identity.v1.Role;
import io.millstone.client.core.Messages;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** The roles on the left; the chosen role's permissions, each with what it opens, on the right. */
public final class RolesView extends BorderPane {
  public RolesView(RolesViewModel vm, Messages m) {
    setId("rolesView");
    ListView<Role> list = new ListView<>(vm.roles());
    list.setId("rolesList");
    list.setCellFactory(
        l ->
            new ListCell<>() {
              @Override
              protected void updateItem(Role r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.getName() + " (" + r.getCode() + ")");
              }
            });
    VBox detail = new VBox(8);
    detail.setId("roleDetail");
    detail.setPadding(new Insets(12));
    vm.selectedProperty()
        .addListener(
            (o, a, r) -> {
              detail.getChildren().clear();
              if (r == null) {
                return;
              }
              Label title = Forms.section(r.getName());
              title.setId("roleTitle");
              detail.getChildren().addAll(title, Forms.muted(r.getDescription()));
              for (PermissionGrant g : r.getGrantsList()) {
                Label p = new Label(g.getPermission());
                p.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
                Label ops =
                    Forms.muted(
                        g.getMethodsCount() == 0
                            ? m.get("roles.noOperations")
                            : String.join(", ", g.getMethodsList()));
                detail.getChildren().add(new VBox(2, p, ops));
              }
            });
    list.getSelectionModel()
        .selectedItemProperty()
        .addListener((o, a, r) -> vm.selectedProperty().set(r));
    vm.selectedProperty()
        .addListener(
            (o, a, r) -> {
              if (r != null && list.getSelectionModel().getSelectedItem() != r) {
                list.getSelectionModel().select(r);
              }
            });
    ScrollPane scroll = new ScrollPane(detail);
    scroll.setFitToWidth(true);
    SplitPane split = new SplitPane(list, scroll);
    split.setDividerPositions(0.25);
    Label message = Forms.error("rolesMessage");
    message.textProperty().bind(vm.messageProperty());
    setTop(message);
    setCenter(split);
  }
}
