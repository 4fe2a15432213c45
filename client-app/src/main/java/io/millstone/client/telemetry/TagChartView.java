package io.millstone.client.telemetry;

import io.millstone.client.core.Messages;
import io.millstone.client.core.Styles;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;
import javafx.util.StringConverter;

/**
 * A tag's chart: average with the min–max band as thin lines, live values in their own colour. Drag
 * across the chart to zoom into that stretch; scroll to zoom around the mouse; a range button goes
 * back to "ending now".
 */
public final class TagChartView extends BorderPane {
  private final TagChartViewModel vm;
  private final NumberAxis x = new NumberAxis();
  private final NumberAxis y = new NumberAxis();
  private final LineChart<Number, Number> chart = new LineChart<>(x, y);
  private final XYChart.Series<Number, Number> avg = new XYChart.Series<>();
  private final XYChart.Series<Number, Number> min = new XYChart.Series<>();
  private final XYChart.Series<Number, Number> max = new XYChart.Series<>();
  private final XYChart.Series<Number, Number> live = new XYChart.Series<>();
  private final Rectangle band = new Rectangle();
  private Double dragStart;

  public TagChartView(TagChartViewModel vm, Messages messages, TelemetryText text) {
    this.vm = vm;
    setId("tagChartView");

    Label title =
        new Label(
            vm.machine().getName()
                + " \u00b7 "
                + vm.tag().getName()
                + (vm.tag().getUnit().isEmpty() ? "" : " (" + vm.tag().getUnit() + ")"));
    title.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_4);
    ToggleGroup group = new ToggleGroup();
    HBox ranges = new HBox();
    ranges.getStyleClass().add("segmented");
    for (TagChartViewModel.Range r : TagChartViewModel.Range.values()) {
      ToggleButton b =
          new ToggleButton(
              messages.get("chart.range." + r.name().toLowerCase(java.util.Locale.ROOT)));
      b.setId("range-" + r.name());
      b.setToggleGroup(group);
      b.setOnAction(
          e -> {
            b.setSelected(true);
            vm.select(r);
          });
      ranges.getChildren().add(b);
    }
    Runnable markRange =
        () ->
            ranges.getChildren().stream()
                .map(ToggleButton.class::cast)
                .forEach(
                    b ->
                        b.setSelected(
                            vm.followingProperty().get()
                                && b.getId().equals("range-" + vm.rangeProperty().get().name())));
    vm.followingProperty().addListener((o, a, b) -> markRange.run());
    vm.rangeProperty().addListener((o, a, b) -> markRange.run());
    markRange.run();
    Label buckets = new Label();
    buckets.setId("chartBuckets");
    buckets
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () ->
                    vm.bucketSecondsProperty().get() <= 0
                        ? ""
                        : messages.get(
                            "chart.bucket",
                            text.duration(Duration.ofSeconds(vm.bucketSecondsProperty().get()))),
                vm.bucketSecondsProperty()));
    buckets.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
    Label hint = new Label(messages.get("chart.hint"));
    hint.getStyleClass()
        .addAll(atlantafx.base.theme.Styles.TEXT_MUTED, atlantafx.base.theme.Styles.TEXT_SMALL);
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox bar = new HBox(12, title, grow, buckets, ranges);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8, 12, 8, 12));
    bar.getStyleClass().add(Styles.TOOLBAR);
    Label message = new Label();
    message.setId("chartMessage");
    message.textProperty().bind(vm.messageProperty());
    HBox info = new HBox(16, hint, message);
    info.setPadding(new Insets(4, 12, 0, 12));
    setTop(new javafx.scene.layout.VBox(bar, info));

    avg.setName(messages.get("chart.avg"));
    min.setName(messages.get("chart.min"));
    max.setName(messages.get("chart.max"));
    live.setName(messages.get("chart.live"));
    chart.setId("tagChart");
    chart.setAnimated(false);
    chart.setCreateSymbols(false);
    chart.getStyleClass().add("ms-tag-chart");
    chart.getData().addAll(List.of(avg, min, max, live));
    x.setAutoRanging(false);
    x.setMinorTickVisible(false);
    y.setForceZeroInRange(false);
    y.setLabel(vm.tag().getUnit());
    DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm", java.util.Locale.ROOT);
    // Day and month in the company's order (07/12), as the dates on every other screen.
    DateTimeFormatter dhm =
        DateTimeFormatter.ofPattern(
            io.millstone.client.core.Dates.dayMonthPattern() + " HH:mm", java.util.Locale.ROOT);
    DateTimeFormatter hms = DateTimeFormatter.ofPattern("HH:mm:ss", java.util.Locale.ROOT);
    x.setTickLabelFormatter(
        new StringConverter<>() {
          @Override
          public String toString(Number n) {
            Duration span = span();
            DateTimeFormatter f = span.toHours() >= 24 ? dhm : span.toMinutes() <= 10 ? hms : hm;
            return io.millstone.client.core.Notation.current()
                .digits(f.format(Instant.ofEpochMilli(n.longValue()).atZone(text.zone())));
          }

          @Override
          public Number fromString(String s) {
            return 0;
          }
        });
    vm.fromProperty().addListener((o, a, b) -> axis());
    vm.toProperty().addListener((o, a, b) -> axis());
    vm.history().addListener((ListChangeListener<TagChartViewModel.Point>) c -> plotHistory());
    vm.live().addListener((ListChangeListener<TagChartViewModel.Point>) c -> plotLive());
    axis();

    band.getStyleClass().add("ms-zoom-band");
    band.setManaged(false);
    band.setVisible(false);
    Pane overlay = new Pane(band);
    overlay.setMouseTransparent(true);
    StackPane center = new StackPane(chart, overlay);
    center.setPadding(new Insets(4, 12, 12, 4));
    setCenter(center);

    chart.setOnMousePressed(
        e -> {
          dragStart = valueAt(e.getSceneX(), e.getSceneY());
          Point2D p = overlay.sceneToLocal(e.getSceneX(), e.getSceneY());
          band.setX(p.getX());
          band.setY(0);
          band.setWidth(0);
          band.setHeight(overlay.getHeight());
          band.setVisible(true);
        });
    chart.setOnMouseDragged(
        e -> {
          if (dragStart == null) {
            return;
          }
          Point2D p = overlay.sceneToLocal(e.getSceneX(), e.getSceneY());
          double start =
              overlay.sceneToLocal(x.localToScene(x.getDisplayPosition(dragStart), 0)).getX();
          band.setX(Math.min(start, p.getX()));
          band.setWidth(Math.abs(p.getX() - start));
        });
    chart.setOnMouseReleased(
        e -> {
          band.setVisible(false);
          if (dragStart == null) {
            return;
          }
          double end = valueAt(e.getSceneX(), e.getSceneY());
          double a = dragStart;
          dragStart = null;
          if (Math.abs(x.getDisplayPosition(end) - x.getDisplayPosition(a)) > 6) {
            vm.zoomTo(Instant.ofEpochMilli((long) a), Instant.ofEpochMilli((long) end));
          }
        });
    chart.setOnScroll(
        e -> {
          if (e.getDeltaY() == 0) {
            return;
          }
          double at = valueAt(e.getSceneX(), e.getSceneY());
          vm.zoomBy(e.getDeltaY() > 0 ? 0.6 : 1 / 0.6, Instant.ofEpochMilli((long) at));
          e.consume();
        });
  }

  private double valueAt(double sceneX, double sceneY) {
    Point2D p = x.sceneToLocal(sceneX, sceneY);
    double v = x.getValueForDisplay(p.getX()).doubleValue();
    return Math.max(x.getLowerBound(), Math.min(x.getUpperBound(), v));
  }

  private Duration span() {
    Instant f = vm.fromProperty().get();
    Instant t = vm.toProperty().get();
    return f == null || t == null ? Duration.ofHours(1) : Duration.between(f, t);
  }

  private void axis() {
    Instant f = vm.fromProperty().get();
    Instant t = vm.toProperty().get();
    if (f == null || t == null) {
      return;
    }
    x.setLowerBound(f.toEpochMilli());
    x.setUpperBound(t.toEpochMilli());
    x.setTickUnit(Math.max(1000, (t.toEpochMilli() - f.toEpochMilli()) / 6.0));
  }

  private void plotHistory() {
    List<XYChart.Data<Number, Number>> a = new ArrayList<>();
    List<XYChart.Data<Number, Number>> lo = new ArrayList<>();
    List<XYChart.Data<Number, Number>> hi = new ArrayList<>();
    for (TagChartViewModel.Point p : vm.history()) {
      long t = p.at().toEpochMilli();
      a.add(new XYChart.Data<>(t, p.avg()));
      lo.add(new XYChart.Data<>(t, p.min()));
      hi.add(new XYChart.Data<>(t, p.max()));
    }
    avg.getData().setAll(a);
    min.getData().setAll(lo);
    max.getData().setAll(hi);
  }

  private void plotLive() {
    List<XYChart.Data<Number, Number>> l = new ArrayList<>();
    for (TagChartViewModel.Point p : vm.live()) {
      l.add(new XYChart.Data<>(p.at().toEpochMilli(), p.avg()));
    }
    live.getData().setAll(l);
  }
}
