package io.millstone.client.telemetry;

import io.millstone.client.core.Messages;
import io.millstone.client.core.Styles;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** The quarantine of bad readings, narrowed by floor PC and by what is typed in the filter. */
public final class QuarantineView extends BorderPane {
  private final TextField filter;

  public QuarantineView(QuarantineViewModel vm, Messages m) {
    setId("quarantineView");
    TableView<QuarantineViewModel.Row> table = new TableView<>(vm.rows());
    table.setId("quarantineTable");
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label(m.get("plant.quarantine.none")));
    table
        .getColumns()
        .addAll(
            List.of(
                AlarmsView.column(
                    m.get("plant.quarantine.received"), QuarantineViewModel.Row::received, 140),
                AlarmsView.column(
                    m.get("plant.quarantine.device"), QuarantineViewModel.Row::device, 140),
                AlarmsView.column(m.get("plant.quarantine.tag"), QuarantineViewModel.Row::tag, 140),
                AlarmsView.column(
                    m.get("plant.quarantine.value"), QuarantineViewModel.Row::value, 90),
                AlarmsView.column(
                    m.get("plant.quarantine.sent"), QuarantineViewModel.Row::sent, 140),
                AlarmsView.column(
                    m.get("plant.quarantine.reason"), QuarantineViewModel.Row::reason, 300)));
    Label title = new Label(m.get("screen.quarantine"));
    title.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_4);
    ComboBox<QuarantineViewModel.DeviceChoice> device = new ComboBox<>(vm.devices());
    device.setId("quarantineDevice");
    device.valueProperty().bindBidirectional(vm.deviceProperty());
    Label deviceLabel = new Label(m.get("plant.quarantine.device.label"));
    deviceLabel.setMnemonicParsing(true);
    deviceLabel.setLabelFor(device);
    filter = new TextField();
    filter.setId("quarantineFilter");
    filter.setPromptText(m.get("plant.quarantine.filter.prompt"));
    filter.textProperty().bindBidirectional(vm.filterProperty());
    Label filterLabel = new Label(m.get("plant.quarantine.filter.label"));
    filterLabel.setMnemonicParsing(true);
    filterLabel.setLabelFor(filter);
    Button refresh = new Button(m.get("telemetry.refresh"), new FontIcon(Material2MZ.REFRESH));
    refresh.setId("refreshQuarantine");
    refresh.setOnAction(e -> vm.refresh());
    Label message = new Label();
    message.setId("quarantineMessage");
    message.textProperty().bind(vm.messageProperty());
    HBox bar = new HBox(12, title, deviceLabel, device, filterLabel, filter, refresh, message);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8, 12, 8, 12));
    bar.getStyleClass().add(Styles.TOOLBAR);
    filter.setOnKeyPressed(
        e -> {
          if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
            filter.clear();
            e.consume();
          }
        });
    setTop(bar);
    setCenter(table);
    BorderPane.setMargin(table, new Insets(8, 12, 12, 12));
  }

  public void focusFirst() {
    Platform.runLater(filter::requestFocus);
  }
}
