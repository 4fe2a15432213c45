package io.millstone.client.telemetry;

import io.millstone.client.core.Messages;
import io.millstone.client.core.Styles;
import java.util.List;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The floor PCs: the list, a new PC (its enrolment token then shows once in a dialog with a copy
 * button) and revoking the picked one (Delete, or the button; asked first).
 */
public final class FloorPcsView extends BorderPane {
  private final TextField name;

  public FloorPcsView(FloorPcsViewModel vm, Messages m, Supplier<Window> owner) {
    setId("floorPcsView");
    TableView<FloorPcsViewModel.Row> table = new TableView<>(vm.rows());
    table.setId("floorPcsTable");
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label(m.get("plant.pcs.none")));
    table
        .getColumns()
        .addAll(
            List.of(
                AlarmsView.column(m.get("plant.pcs.name"), FloorPcsViewModel.Row::name, 200),
                AlarmsView.column(m.get("plant.pcs.state"), FloorPcsViewModel.Row::state, 150),
                AlarmsView.column(
                    m.get("plant.pcs.lastSeen"), FloorPcsViewModel.Row::lastSeen, 170),
                AlarmsView.column(
                    m.get("plant.pcs.version"), FloorPcsViewModel.Row::version, 120)));
    table.setRowFactory(
        t ->
            new TableRow<>() {
              @Override
              protected void updateItem(FloorPcsViewModel.Row item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove(atlantafx.base.theme.Styles.TEXT_MUTED);
                if (!empty && item != null && item.revoked()) {
                  getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
                }
              }
            });
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((o, a, b) -> vm.selectedProperty().set(b));
    vm.selectedProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
              }
            });
    table.addEventFilter(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.DELETE) {
            vm.revokeSelected();
            e.consume();
          }
        });

    PlantForm form = new PlantForm("pc", vm.errors());
    name = form.text(m.get("plant.pcs.name.label"), "name", vm.nameProperty());
    name.setPromptText(m.get("plant.pcs.name.prompt"));
    name.setOnAction(e -> vm.create());
    Button create = new Button(m.get("plant.pcs.create"), new FontIcon(Material2AL.ADD));
    create.setId("createPc");
    create.setMnemonicParsing(true);
    create.setOnAction(e -> vm.create());
    form.line(create);

    Button revoke = new Button(m.get("plant.pcs.revoke.button"), new FontIcon(Material2AL.BLOCK));
    revoke.setId("revokePc");
    revoke.setMnemonicParsing(true);
    revoke
        .disableProperty()
        .bind(
            javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.selectedProperty().get() == null || vm.selectedProperty().get().revoked(),
                vm.selectedProperty()));
    revoke.setOnAction(e -> vm.revokeSelected());

    vm.tokenProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null) {
                Platform.runLater(() -> showToken(vm, b, m, owner.get()));
              }
            });

    Label title = new Label(m.get("screen.floorPcs"));
    title.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_4);
    Label done = new Label();
    done.setId("floorPcsDone");
    done.textProperty().bind(vm.doneProperty());
    done.getStyleClass().add(atlantafx.base.theme.Styles.SUCCESS);
    Label message = PlantForm.message("floorPcsMessage", vm.messageProperty());
    Button refresh = new Button(m.get("telemetry.refresh"), new FontIcon(Material2MZ.REFRESH));
    refresh.setId("refreshPcs");
    refresh.setOnAction(e -> vm.refresh());
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox bar = new HBox(12, title, done, message, grow, refresh, revoke);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8, 12, 8, 12));
    bar.getStyleClass().add(Styles.TOOLBAR);
    Label note = new Label(m.get("plant.pcs.note"));
    note.setWrapText(true);
    note.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
    VBox bottom = new VBox(4, form, note);
    bottom.setPadding(new Insets(0, 12, 12, 12));
    setTop(bar);
    setCenter(table);
    setBottom(bottom);
    BorderPane.setMargin(table, new Insets(8, 12, 8, 12));
  }

  public void focusFirst() {
    Platform.runLater(name::requestFocus);
  }

  /** The token, once: closing the dialog forgets it for good. */
  private static void showToken(
      FloorPcsViewModel vm, FloorPcsViewModel.Token t, Messages m, Window owner) {
    if (vm.tokenProperty().get() != t) {
      return;
    }
    Dialog<ButtonType> d = new Dialog<>();
    d.initOwner(owner);
    d.setTitle(m.get("plant.token.title", t.device()));
    ButtonType close = new ButtonType(m.get("plant.token.close"), ButtonBar.ButtonData.OK_DONE);
    d.getDialogPane().getButtonTypes().add(close);
    d.getDialogPane().setId("tokenDialog");
    d.getDialogPane().lookupButton(close).setId("closeToken");
    Label heading = new Label(m.get("plant.token.heading", t.device()));
    heading.setStyle("-fx-font-weight: bold;");
    heading.setWrapText(true);
    TextField token = new TextField(t.token());
    token.setId("enrolmentToken");
    token.setEditable(false);
    token.setPrefColumnCount(34);
    HBox.setHgrow(token, Priority.ALWAYS);
    Button copy = new Button(m.get("plant.token.copy"), new FontIcon(Material2AL.CONTENT_COPY));
    copy.setId("copyToken");
    copy.setMnemonicParsing(true);
    copy.setMinWidth(Region.USE_PREF_SIZE);
    Label copied = new Label();
    copied.setId("tokenCopied");
    copy.setOnAction(
        e -> {
          ClipboardContent c = new ClipboardContent();
          c.putString(t.token());
          javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
          copied.setText(m.get("plant.token.copied"));
        });
    Label once = new Label(m.get("plant.token.once", t.expires()));
    once.setId("tokenOnce");
    once.setWrapText(true);
    once.getStyleClass().add(atlantafx.base.theme.Styles.WARNING);
    Label how = new Label(m.get("plant.token.how"));
    how.setWrapText(true);
    copied.getStyleClass().add(atlantafx.base.theme.Styles.SUCCESS);
    HBox row = new HBox(8, token, copy);
    row.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(10, heading, row, copied, once, how);
    box.setPrefWidth(640);
    d.getDialogPane().setContent(box);
    d.setOnHidden(e -> vm.forgetToken());
    Platform.runLater(token::selectAll);
    d.show();
  }
}
