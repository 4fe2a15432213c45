package io.millstone.client.telemetry;

import io.millstone.client.core.Messages;
import io.millstone.client.core.Styles;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** Stops per machine with their duration; pick one, choose why it stopped, save. */
public final class DowntimeView extends BorderPane {

  public DowntimeView(DowntimeViewModel vm, Messages messages) {
    setId("downtimeView");
    TableView<DowntimeViewModel.Row> table = new TableView<>(vm.rows());
    table.setId("downtimeTable");
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label(messages.get("downtime.none")));
    table
        .getColumns()
        .addAll(
            List.of(
                AlarmsView.column(
                    messages.get("downtime.machine"), DowntimeViewModel.Row::machine, 160),
                AlarmsView.column(messages.get("downtime.from"), DowntimeViewModel.Row::from, 130),
                AlarmsView.column(
                    messages.get("downtime.until"), DowntimeViewModel.Row::until, 130),
                AlarmsView.column(
                    messages.get("downtime.duration"), DowntimeViewModel.Row::duration, 100),
                AlarmsView.column(
                    messages.get("downtime.reason"), DowntimeViewModel.Row::reason, 135),
                AlarmsView.column(
                    messages.get("downtime.setBy"), r -> r.period().getReasonSetBy(), 140)));
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

    Label editTitle = new Label(messages.get("downtime.edit"));
    editTitle.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_4);
    Label which = new Label();
    which.setId("downtimeSelected");
    which.setWrapText(true);
    which
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () -> {
                  DowntimeViewModel.Row r = vm.selectedProperty().get();
                  return r == null
                      ? messages.get("downtime.pick")
                      : r.machine()
                          + "\n"
                          + r.from()
                          + " \u2013 "
                          + r.until()
                          + " ("
                          + r.duration()
                          + ")";
                },
                vm.selectedProperty()));
    ComboBox<String> reason = new ComboBox<>();
    reason.setId("reason");
    reason.getItems().setAll(DowntimeViewModel.REASONS);
    reason.setPromptText(messages.get("downtime.reason.none"));
    reason.setMaxWidth(Double.MAX_VALUE);
    reason.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(String code) {
            return code == null || code.isEmpty() ? "" : vm.reasonText(code);
          }

          @Override
          public String fromString(String s) {
            return s;
          }
        });
    reason.valueProperty().addListener((o, a, b) -> vm.reasonProperty().set(b == null ? "" : b));
    vm.reasonProperty()
        .addListener((o, a, b) -> reason.setValue(b == null || b.isEmpty() ? null : b));
    Label reasonLabel = new Label(messages.get("downtime.reason"));
    reasonLabel.setLabelFor(reason);
    Label reasonError = new Label();
    reasonError.setId("reasonError");
    reasonError.setWrapText(true);
    reasonError.getStyleClass().add(Styles.ERROR_TEXT);
    reasonError.textProperty().bind(vm.reasonErrorProperty());
    reasonError.visibleProperty().bind(vm.reasonErrorProperty().isNotEmpty());
    reasonError.managedProperty().bind(reasonError.visibleProperty());
    vm.reasonErrorProperty()
        .addListener(
            (o, a, b) -> {
              reason.getStyleClass().remove(Styles.FIELD_ERROR);
              if (!b.isEmpty()) {
                reason.getStyleClass().add(Styles.FIELD_ERROR);
              }
            });
    TextArea note = new TextArea();
    note.setId("note");
    note.setPrefRowCount(4);
    note.setWrapText(true);
    note.textProperty().bindBidirectional(vm.noteProperty());
    Label noteLabel = new Label(messages.get("downtime.note"));
    noteLabel.setLabelFor(note);
    Button save = new Button(messages.get("downtime.save"), new FontIcon(Material2MZ.SAVE));
    save.setId("saveReason");
    save.setDefaultButton(true);
    save.setOnAction(e -> vm.save());
    boolean editable = vm.canEdit();
    reason
        .disableProperty()
        .bind(
            vm.selectedProperty()
                .isNull()
                .or(vm.busyProperty())
                .or(new javafx.beans.property.SimpleBooleanProperty(!editable)));
    note.disableProperty().bind(reason.disableProperty());
    save.disableProperty().bind(reason.disableProperty());
    Label saved = new Label();
    saved.setId("downtimeMessage");
    saved.setWrapText(true);
    saved.textProperty().bind(vm.messageProperty());
    VBox editor =
        new VBox(
            8, editTitle, which, reasonLabel, reason, reasonError, noteLabel, note, save, saved);
    if (!editable) {
      Label ro = new Label(messages.get("downtime.readOnly"));
      ro.setWrapText(true);
      ro.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
      editor.getChildren().add(1, ro);
    }
    editor.setPadding(new Insets(12));
    editor.setPrefWidth(300);
    editor.setMaxWidth(300);
    editor.setMinWidth(260);
    editor.getStyleClass().add(Styles.MACHINE_CARD);

    Label title = new Label(messages.get("screen.downtime"));
    title.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_4);
    Button refresh =
        new Button(messages.get("telemetry.refresh"), new FontIcon(Material2MZ.REFRESH));
    refresh.setId("refreshDowntime");
    refresh.setOnAction(e -> vm.refresh());
    Label window = new Label(messages.get("downtime.window"));
    window.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox bar = new HBox(12, title, window, grow, refresh);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8, 12, 8, 12));
    bar.getStyleClass().add(Styles.TOOLBAR);
    setTop(bar);
    HBox body = new HBox(12, table, editor);
    HBox.setHgrow(table, Priority.ALWAYS);
    body.setPadding(new Insets(8, 12, 12, 12));
    setCenter(body);
  }
}
