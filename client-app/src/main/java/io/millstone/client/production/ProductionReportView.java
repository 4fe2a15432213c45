package io.millstone.client.production;

import io.millstone.api.analytics.v1.Figure;
import io.millstone.api.analytics.v1.LostTime;
import io.millstone.api.analytics.v1.SeasonDay;
import io.millstone.api.analytics.v1.WorkCentreOee;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Styles;
import io.millstone.client.production.ProductionReportViewModel.Behind;
import io.millstone.client.production.ProductionReportViewModel.Row;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Side;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The production report: a table of figures (shifts, day, previous day, season) with the flagged
 * ones marked by colour and an arrow, and four charts under it: recovery and crushing rate across
 * the season, lost time by reason as a Pareto, OEE by work centre. Alt+Left and Alt+Right step a
 * day; Enter or a double click on a figure opens what lies behind it.
 */
public final class ProductionReportView extends BorderPane {
  private static final double AXIS_WIDTH = 56;
  private final DatePicker date = new DatePicker();
  private final TableView<Row> table = Tables.table("reportTable", 480);

  public ProductionReportView(ProductionReportViewModel vm, Messages m, Consumer<Behind> opener) {
    setId("productionReportView");
    Label title = Tables.title("reportTitle");
    title.setText(m.get("screen.productionReport"));
    Dates.useFor(date);
    date.setId("reportDate");
    date.setPrefWidth(150);
    date.valueProperty().bindBidirectional(vm.dateProperty());
    Button previous = new Button(null, new FontIcon(Material2AL.CHEVRON_LEFT));
    previous.setId("reportPrevious");
    previous.setTooltip(new Tooltip(m.get("production.day.previous")));
    previous.setOnAction(e -> vm.previousDay());
    Button next = new Button(null, new FontIcon(Material2AL.CHEVRON_RIGHT));
    next.setId("reportNext");
    next.setTooltip(new Tooltip(m.get("production.day.next")));
    next.setOnAction(e -> vm.nextDay());
    Button refresh = new Button(null, new FontIcon(Material2MZ.REFRESH));
    refresh.setId("reportRefresh");
    refresh.setTooltip(new Tooltip(m.get("production.day.refresh")));
    refresh.setOnAction(e -> vm.refresh());
    Label heading = Tables.muted("");
    heading.setId("reportHeading");
    heading.setWrapText(true);
    heading.textProperty().bind(vm.headingProperty());

    table.setItems(vm.rows());
    TableColumn<Row, String> name =
        Tables.column(m.get("report.col.figure"), Row::label, 250, false);
    table
        .getColumns()
        .addAll(
            List.of(
                name,
                Tables.column(
                    m.get("report.col.unit"),
                    r -> r.heading() ? "" : unit(r.figure().getUnit(), m),
                    60,
                    false),
                value(m.get("report.col.shiftA"), f -> shown(f.hasShiftA(), f.getShiftA()), 95),
                value(m.get("report.col.shiftB"), f -> shown(f.hasShiftB(), f.getShiftB()), 95),
                value(m.get("report.col.shiftC"), f -> shown(f.hasShiftC(), f.getShiftC()), 95),
                value(m.get("report.col.day"), f -> shown(f.hasDay(), f.getDay()), 105),
                value(
                    m.get("report.col.previous"),
                    f -> shown(f.hasPreviousDay(), f.getPreviousDay()),
                    105),
                value(
                    m.get("report.col.seasonAverage"),
                    f -> shown(f.hasSeasonAverage(), f.getSeasonAverage()),
                    115),
                value(
                    m.get("report.col.seasonToDate"),
                    f -> shown(f.hasSeasonToDate(), f.getSeasonToDate()),
                    115),
                flagColumn(m)));
    table.setRowFactory(
        t -> {
          TableRow<Row> row =
              new TableRow<>() {
                @Override
                protected void updateItem(Row item, boolean empty) {
                  super.updateItem(item, empty);
                  setStyle(
                      !empty && item != null && item.heading()
                          ? "-fx-font-weight: bold; -fx-background-color: -color-bg-subtle;"
                          : "");
                }
              };
          row.setOnMouseClicked(
              e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                  vm.drill(row.getItem(), opener);
                }
              });
          return row;
        });
    table.addEventHandler(
        KeyEvent.KEY_PRESSED,
        e -> {
          Row r = table.getSelectionModel().getSelectedItem();
          if (e.getCode() == KeyCode.ENTER && r != null && !r.heading()) {
            vm.drill(r, opener);
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
    Label hint = Tables.muted(m.get("report.hint"));
    Label message = Tables.error("reportMessage");
    message.textProperty().bind(vm.messageProperty());

    GridPane charts = new GridPane();
    charts.setHgap(12);
    charts.setVgap(12);
    charts.add(seasonChart(vm, m, true), 0, 0);
    charts.add(seasonChart(vm, m, false), 1, 0);
    charts.add(pareto(vm, m), 0, 1);
    charts.add(oee(vm, m), 1, 1);
    for (int i = 0; i < 2; i++) {
      var c = new javafx.scene.layout.ColumnConstraints();
      c.setPercentWidth(50);
      charts.getColumnConstraints().add(c);
    }

    VBox body =
        new VBox(
            10,
            title,
            Tables.row(
                8, new Label(m.get("production.run.date")), date, previous, next, refresh, heading),
            table,
            hint,
            message,
            charts);
    body.setPadding(new Insets(12));
    ScrollPane scroll = new ScrollPane(body);
    scroll.setFitToWidth(true);
    setCenter(scroll);
  }

  /** The day of the month ("07"): short enough for twenty days side by side. */
  private static String dayLabel(SeasonDay d) {
    return io.millstone.client.core.Notation.current()
        .digits(String.format("%02d", d.getDate().getDay()));
  }

  private static String shown(boolean has, io.millstone.api.common.v1.Decimal d) {
    return ProductionReportViewModel.shown(has, d);
  }

  static String unit(String unit, Messages m) {
    return m.has("report.unit." + unit) ? m.get("report.unit." + unit) : unit;
  }

  private static TableColumn<Row, String> value(
      String title, Function<Figure, String> value, double width) {
    TableColumn<Row, String> c =
        Tables.column(title, r -> r.heading() ? "" : value.apply(r.figure()), width, true);
    return c;
  }

  /** The flag: an arrow and a word, in the warning colour, the reason in a tooltip. */
  private static TableColumn<Row, String> flagColumn(Messages m) {
    TableColumn<Row, String> c =
        Tables.column(
            m.get("report.col.flag"),
            r -> r.heading() ? "" : ProductionReportViewModel.flagText(r.figure(), m),
            110,
            false);
    c.setCellFactory(
        col ->
            new TableCell<>() {
              @Override
              protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                getStyleClass().remove(Styles.REPORT_FLAG);
                setTooltip(null);
                setText(empty ? null : text);
                Row r = empty ? null : getTableRow().getItem();
                if (r != null && !r.heading() && ProductionReportViewModel.flagged(r.figure())) {
                  getStyleClass().add(Styles.REPORT_FLAG);
                  setTooltip(new Tooltip(r.figure().getFlagReason()));
                }
              }
            });
    return c;
  }

  /** Recovery % (or crushing rate) day by day across the season. */
  private static VBox seasonChart(ProductionReportViewModel vm, Messages m, boolean recovery) {
    CategoryAxis x = new CategoryAxis();
    NumberAxis y = new NumberAxis();
    y.setForceZeroInRange(!recovery);
    LineChart<String, Number> chart = new LineChart<>(x, y);
    chart.setId(recovery ? "recoveryChart" : "tcdChart");
    chart.setLegendVisible(false);
    chart.setAnimated(false);
    chart.setCreateSymbols(true);
    chart.setPrefHeight(240);
    Runnable fill =
        () -> {
          XYChart.Series<String, Number> s = new XYChart.Series<>();
          for (SeasonDay d : vm.series()) {
            String v =
                recovery ? d.getRecoveryPercent().getValue() : d.getCrushingRateTcd().getValue();
            if (new java.math.BigDecimal(v.isEmpty() ? "0" : v).signum() == 0) {
              continue; // no crushing that day: no point, rather than a fall to zero
            }
            s.getData().add(new XYChart.Data<>(dayLabel(d), Double.parseDouble(v)));
          }
          chart.getData().setAll(List.of(s));
        };
    vm.reportProperty().addListener((o, a, b) -> fill.run());
    Label label = Tables.section(m.get(recovery ? "report.chart.recovery" : "report.chart.tcd"));
    VBox box = new VBox(4, label, chart);
    VBox.setVgrow(chart, Priority.ALWAYS);
    return box;
  }

  /**
   * Lost time by reason, largest first, as bars (minutes, left axis) under the cumulative percent
   * (a line on the right axis, 0-100): the reasons worth fixing first are the left ones.
   */
  private static VBox pareto(ProductionReportViewModel vm, Messages m) {
    CategoryAxis barX = new CategoryAxis();
    NumberAxis minutes = new NumberAxis();
    minutes.setLabel(m.get("report.chart.minutes"));
    minutes.setPrefWidth(AXIS_WIDTH);
    BarChart<String, Number> bars = new BarChart<>(barX, minutes);
    bars.setId("paretoBars");
    bars.setLegendVisible(false);
    bars.setAnimated(false);
    bars.setPrefHeight(240);
    bars.setPadding(new Insets(0, AXIS_WIDTH, 0, 0));
    CategoryAxis lineX = new CategoryAxis();
    lineX.setOpacity(0);
    NumberAxis percent = new NumberAxis(0, 100, 20);
    percent.setSide(Side.RIGHT);
    percent.setLabel("%");
    percent.setPrefWidth(AXIS_WIDTH);
    LineChart<String, Number> line = new LineChart<>(lineX, percent);
    line.setId("paretoLine");
    line.setLegendVisible(false);
    line.setAnimated(false);
    line.setPadding(new Insets(0, 0, 0, AXIS_WIDTH));
    line.setHorizontalGridLinesVisible(false);
    line.setVerticalGridLinesVisible(false);
    line.setAlternativeRowFillVisible(false);
    line.setAlternativeColumnFillVisible(false);
    line.setMouseTransparent(true);
    line.getStyleClass().add(Styles.PARETO_LINE);
    ToggleGroup span = new ToggleGroup();
    ToggleButton day = new ToggleButton(m.get("report.chart.day"));
    day.setId("paretoDay");
    day.setToggleGroup(span);
    day.setSelected(true);
    ToggleButton season = new ToggleButton(m.get("report.chart.season"));
    season.setId("paretoSeason");
    season.setToggleGroup(span);
    Label empty = Tables.muted(m.get("report.chart.noStops"));
    empty.setId("paretoEmpty");
    Runnable fill =
        () -> {
          List<LostTime> list = season.isSelected() ? vm.lostSeason() : vm.lostDay();
          XYChart.Series<String, Number> b = new XYChart.Series<>();
          XYChart.Series<String, Number> l = new XYChart.Series<>();
          for (LostTime t : list) {
            String reason = ProductionReportViewModel.reason(t.getReason(), m);
            b.getData().add(new XYChart.Data<>(reason, t.getMinutes()));
            l.getData()
                .add(
                    new XYChart.Data<>(
                        reason, Double.parseDouble(t.getCumulativePercent().getValue())));
          }
          bars.getData().setAll(List.of(b));
          line.getData().setAll(List.of(l));
          empty.setVisible(list.isEmpty());
        };
    vm.reportProperty().addListener((o, a, b) -> fill.run());
    span.selectedToggleProperty()
        .addListener(
            (o, a, b) -> {
              if (b == null) {
                a.setSelected(true); // one of the two is always on
              } else {
                fill.run();
              }
            });
    StackPane stack = new StackPane(bars, line, empty);
    stack.setId("paretoChart");
    VBox box =
        new VBox(
            4, Tables.row(8, Tables.section(m.get("report.chart.lostTime")), day, season), stack);
    VBox.setVgrow(stack, Priority.ALWAYS);
    return box;
  }

  /**
   * Availability, performance, quality and OEE per work centre, with the previous day's and the
   * season's OEE; a sentence when no work centre has one.
   */
  private static VBox oee(ProductionReportViewModel vm, Messages m) {
    CategoryAxis x = new CategoryAxis();
    NumberAxis y = new NumberAxis(0, 100, 20);
    y.setLabel("%");
    BarChart<String, Number> chart = new BarChart<>(x, y);
    chart.setId("oeeChart");
    chart.setAnimated(false);
    chart.setPrefHeight(240);
    Label empty = new Label(m.get("report.chart.oeeNone"));
    empty.setId("oeeEmpty");
    empty.setWrapText(true);
    empty.setMaxWidth(380);
    empty.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
    Runnable fill =
        () -> {
          List<XYChart.Series<String, Number>> all = new java.util.ArrayList<>();
          String[] names = {
            "availability", "performance", "quality", "oee", "oeePrevious", "oeeSeason"
          };
          for (String n : names) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(m.get("report.oee." + n));
            for (WorkCentreOee o : vm.oee()) {
              String v =
                  switch (n) {
                    case "availability" -> o.getAvailabilityPercent().getValue();
                    case "performance" -> o.getPerformancePercent().getValue();
                    case "quality" -> o.getQualityPercent().getValue();
                    case "oeePrevious" -> o.getPreviousDayOeePercent().getValue();
                    case "oeeSeason" -> o.getSeasonOeePercent().getValue();
                    default -> o.getOeePercent().getValue();
                  };
              s.getData().add(new XYChart.Data<>(o.getWorkCentreCode(), Double.parseDouble(v)));
            }
            all.add(s);
          }
          chart.getData().setAll(vm.oee().isEmpty() ? List.of() : all);
          chart.setOpacity(vm.oee().isEmpty() ? 0.35 : 1);
          empty.setVisible(vm.oee().isEmpty());
        };
    vm.reportProperty().addListener((o, a, b) -> fill.run());
    fill.run();
    StackPane stack = new StackPane(chart, empty);
    VBox box = new VBox(4, Tables.section(m.get("report.chart.oee")), stack);
    VBox.setVgrow(stack, Priority.ALWAYS);
    return box;
  }

  /** Puts the caret on the date, so the arrows and typing work at once. */
  public void focusFirst() {
    date.requestFocus();
  }
}
