package io.millstone.client.production;

import io.millstone.api.production.v1.OeeLine;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * OEE: a date and a shift, the whole day or the season to date; a table of the work centres (in
 * bold) with their machines; OEE by work centre as bars; the chosen line's losses, largest first.
 */
public final class OeeView extends BorderPane {
  private final DatePicker date = new DatePicker();

  public OeeView(OeeViewModel vm, Messages m) {
    setId("oeeView");
    Label title = Tables.title("oeeTitle");
    title.setText(m.get("screen.oee"));
    Dates.useFor(date);
    date.setId("oeeDate");
    date.setPrefWidth(150);
    date.valueProperty().bindBidirectional(vm.dateProperty());
    ComboBox<OeeViewModel.Span> span =
        new ComboBox<>(
            javafx.collections.FXCollections.observableArrayList(OeeViewModel.Span.values()));
    span.setId("oeeSpan");
    span.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(OeeViewModel.Span s) {
            return s == null ? "" : m.get("oee.span." + s.name());
          }

          @Override
          public OeeViewModel.Span fromString(String s) {
            return null;
          }
        });
    span.valueProperty().bindBidirectional(vm.spanProperty());
    Button refresh = new Button(null, new FontIcon(Material2MZ.REFRESH));
    refresh.setId("oeeRefresh");
    refresh.setTooltip(new Tooltip(m.get("oee.refresh")));
    refresh.setOnAction(e -> vm.refresh());
    Label covered = Tables.muted("");
    covered.setId("oeeCovered");
    covered.textProperty().bind(vm.coveredProperty());

    TableView<OeeLine> table = Tables.table("oeeTable", 300);
    table.setItems(vm.lines());
    table
        .getColumns()
        .addAll(
            List.of(
                Tables.column(
                    m.get("oee.col.line"),
                    l ->
                        l.getMachineCode().isEmpty()
                            ? l.getWorkCentreCode() + " — " + l.getName()
                            : "    " + l.getMachineCode() + " — " + l.getName(),
                    260,
                    false),
                percent(m.get("oee.col.availability"), l -> l.getAvailabilityPercent().getValue()),
                percent(m.get("oee.col.performance"), l -> l.getPerformancePercent().getValue()),
                percent(m.get("oee.col.quality"), l -> l.getQualityPercent().getValue()),
                percent(m.get("oee.col.oee"), l -> l.getOeePercent().getValue()),
                Tables.column(
                    m.get("oee.col.running"),
                    l -> Amounts.quantityShown(l.getRunningMinutes().getValue()),
                    100,
                    true),
                Tables.column(
                    m.get("oee.col.lost"),
                    l -> Amounts.quantityShown(OeeViewModel.lostMinutes(l)),
                    100,
                    true),
                Tables.column(
                    m.get("oee.col.good"),
                    l ->
                        Amounts.quantityShown(l.getGood().getValue())
                            + (l.getUnit().isEmpty() ? "" : " " + l.getUnit()),
                    110,
                    true)));
    table.setRowFactory(
        t ->
            new TableRow<>() {
              @Override
              protected void updateItem(OeeLine item, boolean empty) {
                super.updateItem(item, empty);
                setStyle(
                    !empty && item != null && item.getMachineCode().isEmpty()
                        ? "-fx-font-weight: bold;"
                        : "");
              }
            });
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null) {
                vm.selectedProperty().set(b);
              }
            });
    vm.selectedProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
              }
            });

    CategoryAxis x = new CategoryAxis();
    NumberAxis y = new NumberAxis(0, 100, 20);
    y.setLabel(m.get("oee.chart.axis"));
    BarChart<String, Number> chart = new BarChart<>(x, y);
    chart.setId("oeeChart");
    chart.setTitle(m.get("oee.chart.title"));
    chart.setLegendVisible(false);
    chart.setAnimated(false);
    chart.setPrefHeight(300);
    XYChart.Series<String, Number> series = new XYChart.Series<>();
    chart.getData().add(series);
    vm.bars()
        .addListener(
            (ListChangeListener<OeeViewModel.Bar>)
                c -> {
                  series.getData().clear();
                  for (OeeViewModel.Bar b : vm.bars()) {
                    series.getData().add(new XYChart.Data<>(b.centre(), b.oeePercent()));
                  }
                });

    Label lossTitle = Tables.section("");
    lossTitle.setId("oeeLossTitle");
    lossTitle
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () ->
                    vm.selectedProperty().get() == null
                        ? m.get("oee.losses")
                        : m.get("oee.lossesOf", vm.selectedProperty().get().getName()),
                vm.selectedProperty()));
    TableView<OeeViewModel.Loss> lossTable = Tables.table("oeeLosses", 260);
    lossTable.setItems(vm.losses());
    lossTable
        .getColumns()
        .addAll(
            List.of(
                Tables.column(m.get("oee.col.loss"), OeeViewModel.Loss::name, 220, false),
                Tables.column(
                    m.get("oee.col.minutes"), l -> Amounts.quantityShown(l.minutes()), 100, true)));
    VBox lossBox = new VBox(6, lossTitle, lossTable);
    HBox.setHgrow(chart, Priority.ALWAYS);
    lossBox.setPrefWidth(360);
    HBox lower = new HBox(16, chart, lossBox);

    Label message = Tables.error("oeeMessage");
    message.textProperty().bind(vm.messageProperty());
    VBox body =
        new VBox(
            10,
            title,
            Tables.row(8, new Label(m.get("production.run.date")), date, span, refresh, covered),
            table,
            lower,
            message);
    body.setPadding(new Insets(12));
    // On a 1366×768 screen the page scrolls instead of being cut off.
    javafx.scene.control.ScrollPane page = new javafx.scene.control.ScrollPane(body);
    page.setFitToWidth(true);
    page.setFitToHeight(true);
    setCenter(page);
  }

  private static javafx.scene.control.TableColumn<OeeLine, String> percent(
      String title, java.util.function.Function<OeeLine, String> value) {
    return Tables.column(title, l -> Amounts.quantityShown(value.apply(l)) + " %", 90, true);
  }

  public void focusFirst() {
    date.requestFocus();
  }
}
