package io.millstone.client.production;

import io.millstone.api.production.v1.ProductionRun;
import io.millstone.api.production.v1.RunFigures;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A production date: one line per shift's run and the day's line in bold, with the figures a mill
 * judges a day by. Alt+Left and Alt+Right step a day; Enter on a run opens it.
 */
public final class DayFiguresView extends BorderPane {
  private final DatePicker date = new DatePicker();

  public DayFiguresView(DayFiguresViewModel vm, Messages m, Consumer<ProductionRun> opener) {
    setId("dayFiguresView");
    Label title = Tables.title("dayTitle");
    title.setText(m.get("screen.productionDay"));
    Dates.useFor(date);
    date.setId("dayDate");
    date.setPrefWidth(150);
    date.valueProperty().bindBidirectional(vm.dateProperty());
    Button previous = new Button(null, new FontIcon(Material2AL.CHEVRON_LEFT));
    previous.setId("dayPrevious");
    previous.setTooltip(new Tooltip(m.get("production.day.previous")));
    previous.setOnAction(e -> vm.previousDay());
    Button next = new Button(null, new FontIcon(Material2AL.CHEVRON_RIGHT));
    next.setId("dayNext");
    next.setTooltip(new Tooltip(m.get("production.day.next")));
    next.setOnAction(e -> vm.nextDay());
    ComboBox<String> centre = new ComboBox<>(vm.workCentres());
    centre.setId("dayCentre");
    centre.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(String code) {
            return code == null || code.isEmpty() ? m.get("production.day.allCentres") : code;
          }

          @Override
          public String fromString(String s) {
            return s;
          }
        });
    centre.valueProperty().bindBidirectional(vm.workCentreProperty());
    Button refresh = new Button(null, new FontIcon(Material2MZ.REFRESH));
    refresh.setId("dayRefresh");
    refresh.setTooltip(new Tooltip(m.get("production.day.refresh")));
    refresh.setOnAction(e -> vm.refresh());

    TableView<DayFiguresViewModel.Row> table = Tables.table("dayTable", 260);
    table.setItems(vm.rows());
    table
        .getColumns()
        .addAll(
            java.util.List.of(
                Tables.column(
                    m.get("production.run.shift"),
                    r ->
                        r.total()
                            ? m.get("production.day.total")
                            : RunViewModel.shiftName(r.run().getShift(), m),
                    110,
                    false),
                Tables.column(
                    m.get("sales.list.number"),
                    r -> r.total() ? "" : r.run().getNumber(),
                    120,
                    false),
                Tables.column(
                    m.get("production.run.workCentre"),
                    r -> r.total() ? "" : r.run().getWorkCentreCode(),
                    100,
                    false),
                Tables.column(
                    m.get("sales.list.state"),
                    r -> r.total() ? "" : RunViewModel.stateName(r.run().getState(), m),
                    90,
                    false),
                figure(m.get("production.day.caneT"), f -> f.getCaneCrushedTonnes().getValue()),
                figure(m.get("production.fig.rate"), f -> f.getCrushingRateTcd().getValue()),
                figure(m.get("production.day.sugarT"), f -> f.getSugarTonnes().getValue()),
                figure(m.get("production.day.recovery"), f -> f.getRecoveryPercent().getValue()),
                figure(
                    m.get("production.day.molasses"), f -> f.getMolassesPercentCane().getValue()),
                figure(m.get("production.day.bagasse"), f -> f.getBagassePercentCane().getValue()),
                figure(
                    m.get("production.day.pressMud"), f -> f.getPressMudPercentCane().getValue()),
                Tables.column(
                    m.get("production.day.lostMin"),
                    r -> String.valueOf(r.figures().getLostMinutes()),
                    90,
                    true)));
    table.setRowFactory(
        t -> {
          TableRow<DayFiguresViewModel.Row> row =
              new TableRow<>() {
                @Override
                protected void updateItem(DayFiguresViewModel.Row item, boolean empty) {
                  super.updateItem(item, empty);
                  setStyle(!empty && item != null && item.total() ? "-fx-font-weight: bold;" : "");
                }
              };
          row.setOnMouseClicked(
              e -> {
                if (e.getClickCount() == 2 && row.getItem() != null && !row.getItem().total()) {
                  opener.accept(row.getItem().run());
                }
              });
          return row;
        });
    table.addEventHandler(
        KeyEvent.KEY_PRESSED,
        e -> {
          var r = table.getSelectionModel().getSelectedItem();
          if (e.getCode() == KeyCode.ENTER && r != null && !r.total()) {
            opener.accept(r.run());
            e.consume();
          }
        });
    addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.isAltDown() && e.getCode() == KeyCode.LEFT) {
            vm.previousDay();
            e.consume();
          } else if (e.isAltDown() && e.getCode() == KeyCode.RIGHT) {
            vm.nextDay();
            e.consume();
          }
        });

    Label counted = Tables.muted("");
    counted.setId("dayCounted");
    counted.textProperty().bind(vm.countedProperty());
    Label lost = new Label();
    lost.setId("dayLost");
    lost.setWrapText(true);
    lost.textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () ->
                    vm.lostTimeProperty().get().isEmpty()
                        ? ""
                        : m.get("production.fig.lostBy", vm.lostTimeProperty().get()),
                vm.lostTimeProperty()));
    Label message = Tables.error("dayMessage");
    message.textProperty().bind(vm.messageProperty());
    VBox body =
        new VBox(
            10,
            title,
            Tables.row(
                8, new Label(m.get("production.run.date")), date, previous, next, centre, refresh),
            table,
            counted,
            lost,
            message);
    body.setPadding(new Insets(12));
    setCenter(body);
  }

  private static javafx.scene.control.TableColumn<DayFiguresViewModel.Row, String> figure(
      String title, Function<RunFigures, String> value) {
    return Tables.column(title, r -> Amounts.quantityShown(value.apply(r.figures())), 110, true);
  }

  /** Puts the caret on the date, so the arrows and typing work at once. */
  public void focusFirst() {
    date.requestFocus();
  }
}
