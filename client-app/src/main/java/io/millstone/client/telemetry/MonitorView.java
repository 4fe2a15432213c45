package io.millstone.client.telemetry;

import io.millstone.api.telemetry.v1.Machine;
import io.millstone.api.telemetry.v1.Tag;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Styles;
import java.util.function.BiConsumer;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * One card per machine with each tag's live value, coloured by state. A tag's name opens its chart.
 * Waiting values are applied on the next screen pulse, all at once.
 */
public final class MonitorView extends BorderPane {
  private final MonitorViewModel vm;
  private final Messages messages;
  private final BiConsumer<Machine, Tag> openChart;
  private final FlowPane cards = new FlowPane(12, 12);
  private final AnimationTimer pulse;
  private final Timeline recolour;

  public MonitorView(MonitorViewModel vm, Messages messages, BiConsumer<Machine, Tag> openChart) {
    this.vm = vm;
    this.messages = messages;
    this.openChart = openChart;
    setId("monitorView");

    pulse =
        new AnimationTimer() {
          @Override
          public void handle(long now) {
            stop();
            vm.applyPending();
          }
        };
    vm.setOnPending(() -> Platform.runLater(pulse::start));
    recolour = new Timeline(new KeyFrame(Duration.seconds(5), e -> vm.recolour()));
    recolour.setCycleCount(Timeline.INDEFINITE);
    sceneProperty()
        .addListener(
            (o, a, b) -> {
              if (b == null) {
                recolour.stop();
                pulse.stop();
              } else {
                recolour.play();
              }
            });

    Label title = new Label(messages.get("screen.monitor"));
    title.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_4);
    Label status = new Label();
    status.setId("monitorStatus");
    Runnable paint =
        () -> {
          boolean live = vm.liveProperty().get();
          status.setText(messages.get(live ? "monitor.live" : "monitor.notLive"));
          FontIcon icon =
              new FontIcon(live ? Material2AL.FIBER_MANUAL_RECORD : Material2MZ.SYNC_DISABLED);
          icon.getStyleClass()
              .add(
                  live ? atlantafx.base.theme.Styles.SUCCESS : atlantafx.base.theme.Styles.WARNING);
          status.setGraphic(icon);
        };
    vm.liveProperty().addListener((o, a, b) -> paint.run());
    paint.run();
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox legend =
        new HBox(
            10,
            legend(TagState.NORMAL),
            legend(TagState.HIGH),
            legend(TagState.LOW),
            legend(TagState.STALE));
    legend.setAlignment(Pos.CENTER_RIGHT);
    HBox bar = new HBox(12, title, status, grow, legend);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8, 12, 8, 12));
    bar.getStyleClass().add(Styles.TOOLBAR);
    Label message = new Label();
    message.setId("monitorMessage");
    message.textProperty().bind(vm.messageProperty());
    message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
    message.managedProperty().bind(message.visibleProperty());
    message.setPadding(new Insets(4, 12, 0, 12));
    setTop(new VBox(bar, message));

    cards.setId("machineCards");
    cards.setPadding(new Insets(12));
    ScrollPane scroll = new ScrollPane(cards);
    scroll.setFitToWidth(true);
    setCenter(scroll);

    vm.machines().addListener((ListChangeListener<MonitorViewModel.MachineCard>) c -> rebuild());
    rebuild();
  }

  /** A node id for a tag key: dots would read as style classes in a lookup. */
  public static String nodeId(String prefix, String tagKey) {
    return prefix + tagKey.replace('.', '_');
  }

  private Label legend(TagState s) {
    Label l =
        new Label(messages.get("monitor.state." + s.name().toLowerCase(java.util.Locale.ROOT)));
    l.getStyleClass().addAll(Styles.TAG_CHIP, s.styleClass());
    return l;
  }

  private void rebuild() {
    cards.getChildren().clear();
    for (MonitorViewModel.MachineCard card : vm.machines()) {
      cards.getChildren().add(card(card));
    }
  }

  private VBox card(MonitorViewModel.MachineCard card) {
    Machine m = card.machine();
    Label area = new Label(m.getArea().toUpperCase(messages.locale()));
    area.getStyleClass()
        .addAll(atlantafx.base.theme.Styles.TEXT_SMALL, atlantafx.base.theme.Styles.TEXT_MUTED);
    Label name = new Label(m.getName() + "  (" + m.getCode() + ")");
    name.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_4);
    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(4);
    ColumnConstraints first = new ColumnConstraints();
    first.setHgrow(Priority.ALWAYS);
    ColumnConstraints value = new ColumnConstraints();
    value.setHalignment(javafx.geometry.HPos.RIGHT);
    grid.getColumnConstraints()
        .addAll(first, value, new ColumnConstraints(), new ColumnConstraints());
    int row = 0;
    for (LiveTag t : card.tags()) {
      Hyperlink tagName = new Hyperlink(t.tag().getName(), new FontIcon(Material2MZ.SHOW_CHART));
      tagName.setId(nodeId("chart-", t.tag().getKey()));
      tagName.setTooltip(new Tooltip(messages.get("monitor.openChart", t.tag().getKey())));
      tagName.setOnAction(e -> openChart.accept(m, t.tag()));
      Label v = new Label();
      v.setId(nodeId("value-", t.tag().getKey()));
      v.getStyleClass().add(Styles.TAG_VALUE);
      v.textProperty().bind(t.valueProperty());
      Label unit = new Label(t.tag().getUnit());
      unit.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
      Label state = new Label();
      state.setId(nodeId("state-", t.tag().getKey()));
      state.getStyleClass().add(Styles.TAG_CHIP);
      Tooltip tip = new Tooltip();
      state.setTooltip(tip);
      Runnable paint =
          () -> {
            TagState s = t.stateProperty().get();
            for (TagState any : TagState.values()) {
              v.getStyleClass().remove(any.styleClass());
              state.getStyleClass().remove(any.styleClass());
            }
            v.getStyleClass().add(s.styleClass());
            state.getStyleClass().add(s.styleClass());
            state.setText(
                messages.get("monitor.state." + s.name().toLowerCase(java.util.Locale.ROOT)));
            tip.setText(
                t.measuredAtProperty().get() == null
                    ? messages.get("monitor.noValue")
                    : messages.get(
                        "monitor.measuredAt", java.util.Date.from(t.measuredAtProperty().get())));
          };
      t.stateProperty().addListener((o, a, b) -> paint.run());
      t.measuredAtProperty().addListener((o, a, b) -> paint.run());
      paint.run();
      grid.addRow(row++, tagName, v, unit, state);
    }
    if (card.tags().isEmpty()) {
      grid.add(new Label(messages.get("monitor.noTags")), 0, 0);
    }
    FontIcon icon = new FontIcon(Material2AL.DEVELOPER_BOARD);
    HBox head = new HBox(8, icon, new VBox(0, area, name));
    head.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(8, head, grid);
    box.setId("machine-" + m.getCode());
    box.getStyleClass().add(Styles.MACHINE_CARD);
    box.setPadding(new Insets(12));
    box.setPrefWidth(360);
    return box;
  }
}
