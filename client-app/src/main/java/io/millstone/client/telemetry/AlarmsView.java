package io.millstone.client.telemetry;

import io.millstone.client.core.Messages;
import io.millstone.client.core.Styles;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The alarm list; Enter or the button acknowledges the selected alarm. */
public final class AlarmsView extends BorderPane {

  public AlarmsView(AlarmsViewModel vm, Messages messages) {
    setId("alarmsView");
    TableView<AlarmsViewModel.Row> table = new TableView<>(vm.rows());
    table.setId("alarmsTable");
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label(messages.get("alarms.none")));
    table
        .getColumns()
        .addAll(
            List.of(
                column(
                    messages.get("alarms.state"),
                    r ->
                        messages.get(
                            r.active()
                                ? "alarms.state.active"
                                : r.acknowledged() ? "alarms.state.done" : "alarms.state.ended"),
                    90),
                column(messages.get("alarms.machine"), AlarmsViewModel.Row::machine, 170),
                column(messages.get("alarms.tag"), AlarmsViewModel.Row::tag, 130),
                column(
                    messages.get("alarms.kind"),
                    r ->
                        messages.get(
                            "alarms.kind."
                                + r.alarm().getKind().toLowerCase(java.util.Locale.ROOT)),
                    70),
                column(
                    messages.get("alarms.limit"),
                    r -> r.alarm().getLimit().getValue() + " " + r.unit(),
                    80),
                column(
                    messages.get("alarms.value"),
                    r -> r.alarm().getStartValue().getValue() + " " + r.unit(),
                    80),
                column(messages.get("alarms.raisedAt"), AlarmsViewModel.Row::raisedAt, 160),
                column(messages.get("alarms.endedAt"), AlarmsViewModel.Row::endedAt, 160),
                column(
                    messages.get("alarms.acknowledgedBy"),
                    r -> r.alarm().getAcknowledgedBy(),
                    140)));
    table.setRowFactory(
        t ->
            new TableRow<>() {
              @Override
              protected void updateItem(AlarmsViewModel.Row item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("ms-alarm-active", "ms-alarm-unacknowledged");
                if (!empty && item != null) {
                  if (item.active()) {
                    getStyleClass().add("ms-alarm-active");
                  } else if (!item.acknowledged()) {
                    getStyleClass().add("ms-alarm-unacknowledged");
                  }
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
    Label title = new Label(messages.get("screen.alarms"));
    title.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_4);
    Button acknowledge =
        new Button(messages.get("alarms.acknowledge"), new FontIcon(Material2AL.DONE));
    acknowledge.setId("acknowledge");
    acknowledge.setTooltip(new Tooltip(messages.get("alarms.acknowledge.tip")));
    acknowledge
        .disableProperty()
        .bind(
            javafx.beans.binding.Bindings.createBooleanBinding(
                () -> {
                  AlarmsViewModel.Row r = vm.selectedProperty().get();
                  return !vm.canAcknowledge() || r == null || r.acknowledged() || vm.isBusy();
                },
                vm.selectedProperty(),
                vm.busyProperty()));
    acknowledge.setOnAction(e -> vm.acknowledgeSelected());
    Button refresh =
        new Button(messages.get("telemetry.refresh"), new FontIcon(Material2MZ.REFRESH));
    refresh.setId("refreshAlarms");
    refresh.setOnAction(e -> vm.refresh());
    table.addEventFilter(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            vm.acknowledgeSelected();
            e.consume();
          }
        });
    Label message = new Label();
    message.setId("alarmsMessage");
    message.textProperty().bind(vm.messageProperty());
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox bar = new HBox(12, title, message, grow, refresh, acknowledge);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8, 12, 8, 12));
    bar.getStyleClass().add(Styles.TOOLBAR);
    if (!vm.canAcknowledge()) {
      Label ro = new Label(messages.get("alarms.readOnly"));
      ro.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
      bar.getChildren().add(2, ro);
    }
    setTop(bar);
    setCenter(table);
    BorderPane.setMargin(table, new Insets(8, 12, 12, 12));
  }

  static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width) {
    TableColumn<R, String> c = new TableColumn<>(title);
    c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
    c.setPrefWidth(width);
    c.setSortable(false);
    return c;
  }
}
