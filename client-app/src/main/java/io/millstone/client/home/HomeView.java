package io.millstone.client.home;

import io.millstone.api.analytics.v1.CardGroup;
import io.millstone.client.core.Messages;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The home screen: a row of number cards per part of the mill the person may see, each opening the
 * list behind it (click, or Enter on a focused card). Fetches its figures when it comes into view,
 * every minute while in view and when the window gets the focus back.
 */
public final class HomeView extends ScrollPane {
  static final Duration REFRESH_EVERY = Duration.seconds(60);

  private final HomeViewModel vm;
  private final Messages messages;
  private final BiConsumer<String, String> open;
  private final VBox rows = new VBox(18);
  private final Timeline timer;
  private final ChangeListener<Boolean> focus =
      (o, was, now) -> {
        showing();
        if (now && inWindow()) {
          vm().windowFocused();
        }
      };
  private Window window;

  /**
   * @param open opens a screen of the shell by id, with a filter
   */
  public HomeView(HomeViewModel vm, Messages messages, BiConsumer<String, String> open) {
    this.vm = vm;
    this.messages = messages;
    this.open = open;
    setId("home");
    setFitToWidth(true);
    setHbarPolicy(ScrollBarPolicy.NEVER);

    Label title = new Label(messages.get("home.title"));
    title.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_3);
    Label updated = new Label();
    updated.setId("homeUpdated");
    updated.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
    updated.textProperty().bind(vm.updatedProperty());
    Label message = new Label();
    message.setId("homeMessage");
    message.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
    message.textProperty().bind(vm.messageProperty());
    Button refresh = new Button(null, new FontIcon(Material2MZ.REFRESH));
    refresh.setId("homeRefresh");
    refresh.setTooltip(new Tooltip(messages.get("home.refresh")));
    refresh.setOnAction(e -> vm.refresh());
    refresh.disableProperty().bind(vm.busyProperty());
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox head = new HBox(12, title, message, grow, updated, refresh);
    head.setAlignment(Pos.CENTER_LEFT);

    VBox content = new VBox(16, head, rows);
    content.setPadding(new Insets(20, 24, 24, 24));
    setContent(content);

    vm.cards().addListener((ListChangeListener<HomeViewModel.Card>) c -> build());

    timer = new Timeline(new KeyFrame(REFRESH_EVERY, e -> showingTick()));
    timer.setCycleCount(Animation.INDEFINITE);
    // The shell shows and hides the slot holding this view, not the view itself.
    ChangeListener<Boolean> visibility = (o, a, b) -> showing();
    visibleProperty().addListener(visibility);
    parentProperty()
        .addListener(
            (o, old, p) -> {
              if (old != null) {
                old.visibleProperty().removeListener(visibility);
              }
              if (p != null) {
                p.visibleProperty().addListener(visibility);
              }
              showing();
            });
    sceneProperty().addListener((o, a, b) -> onScene(b));
  }

  private HomeViewModel vm() {
    return vm;
  }

  /**
   * Whether this view is in the window's current scene: a shell rebuilt (language, theme) or left
   * (sign-out) leaves its old home view behind, which must then stop fetching.
   */
  private boolean inWindow() {
    Scene scene = getScene();
    return scene != null
        && scene.getWindow() != null
        && scene.getWindow().isShowing()
        && scene.getWindow().getScene() == scene
        && scene.getRoot() != null
        && isDescendantOf(scene.getRoot());
  }

  /** In the scene under {@code root}, and neither this view nor a parent hidden. */
  private boolean isDescendantOf(Node root) {
    for (Node n = this; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
      if (n == root) {
        return true;
      }
    }
    return false;
  }

  private void showingTick() {
    showing();
    vm.tick();
  }

  /** In view only while visible in a window: then the timer runs, otherwise it is stopped. */
  private void showing() {
    boolean on = inWindow();
    if (!on && window != null && getScene() == null) {
      window.focusedProperty().removeListener(focus);
      window = null;
    }
    vm.shown(on);
    if (on) {
      timer.play();
    } else {
      timer.stop();
    }
  }

  private void onScene(Scene scene) {
    if (window != null) {
      window.focusedProperty().removeListener(focus);
      window = null;
    }
    if (scene != null && scene.getWindow() != null) {
      window = scene.getWindow();
      window.focusedProperty().addListener(focus);
    }
    showing();
  }

  private void build() {
    rows.getChildren().clear();
    for (CardGroup g : vm.groups()) {
      Label name = new Label(messages.get("home.group." + g.name()));
      name.getStyleClass()
          .addAll(atlantafx.base.theme.Styles.TEXT_SMALL, atlantafx.base.theme.Styles.TEXT_MUTED);
      FlowPane cards = new FlowPane(12, 12);
      cards.setRowValignment(javafx.geometry.VPos.TOP);
      cards.setId("homeRow-" + g.name());
      vm.cards().stream()
          .filter(c -> c.group() == g)
          .forEach(c -> cards.getChildren().add(card(c)));
      HBox label = new HBox(12, name);
      label.setAlignment(Pos.CENTER_LEFT);
      if (g == CardGroup.CARD_GROUP_PRODUCTION && vm.offersProductionReport()) {
        Button report =
            new Button(messages.get("home.productionReport"), new FontIcon(Material2AL.ASSESSMENT));
        report.setId("homeProductionReport");
        report.setOnAction(e -> open.accept(HomeViewModel.PRODUCTION_REPORT, ""));
        label.getChildren().add(report);
      }
      rows.getChildren().add(new VBox(6, label, cards));
    }
  }

  private Node card(HomeViewModel.Card c) {
    Label title = new Label(c.title());
    title.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
    Label value = new Label(c.value());
    value.setId("value-" + domId(c));
    value.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_2);
    if (c.attention()) {
      value.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
    }
    Label detail = new Label(c.detail());
    detail
        .getStyleClass()
        .addAll(atlantafx.base.theme.Styles.TEXT_SMALL, atlantafx.base.theme.Styles.TEXT_MUTED);
    VBox box = new VBox(2, title, value, detail);
    if (!c.series().isEmpty()) {
      box.getChildren().add(chart(c));
    }
    // one size for every card, so the rows line up whether a card has a chart or not
    io.millstone.client.core.Sizes.prefWidth(box, title, 200);
    box.setMinHeight(132);
    box.setAlignment(Pos.TOP_LEFT);
    Button b = new Button(null, box);
    b.setId("card-" + domId(c));
    b.getStyleClass().add("ms-home-card");
    b.setStyle(
        "-fx-background-color: -color-bg-subtle; -fx-border-color: -color-border-default;"
            + " -fx-border-radius: 8; -fx-background-radius: 8; -fx-padding: 10 14 10 14;"
            + " -fx-alignment: top-left;");
    b.setMnemonicParsing(false);
    if (c.opens()) {
      b.setOnAction(e -> open.accept(c.screenId(), c.filter()));
      b.setOnKeyPressed(
          e -> {
            if (e.getCode() == KeyCode.ENTER) {
              open.accept(c.screenId(), c.filter());
              e.consume();
            }
          });
      b.setTooltip(new Tooltip(messages.get("home.opens", messages.get("home.card." + c.id()))));
    } else {
      // nothing to open in this client (a screen another part adds later)
      b.setFocusTraversable(false);
    }
    return b;
  }

  /** The card's id as a node id ("sales-orders-today"): CSS selectors read a dot as a class. */
  static String domId(HomeViewModel.Card c) {
    return c.id().replace('.', '-');
  }

  /** A chart the size of the card: no axes, no legend; bars for money per day, else an area. */
  private static Node chart(HomeViewModel.Card c) {
    CategoryAxis x = new CategoryAxis();
    NumberAxis y = new NumberAxis();
    for (var axis : List.of(x, y)) {
      axis.setTickLabelsVisible(false);
      axis.setTickMarkVisible(false);
      axis.setOpacity(0);
    }
    y.setMinorTickVisible(false);
    XYChart.Series<String, Number> s = new XYChart.Series<>();
    for (int i = 0; i < c.series().size(); i++) {
      BigDecimal v = c.series().get(i);
      s.getData().add(new XYChart.Data<>(Integer.toString(i), v.doubleValue()));
    }
    XYChart<String, Number> chart =
        c.id().startsWith("sales.") ? new BarChart<>(x, y) : new AreaChart<>(x, y);
    if (chart instanceof AreaChart<String, Number> area) {
      area.setCreateSymbols(false);
    }
    if (chart instanceof BarChart<String, Number> bars) {
      bars.setCategoryGap(2);
      bars.setBarGap(0);
    }
    chart.getData().add(s);
    chart.setId("chart-" + domId(c));
    chart.setLegendVisible(false);
    chart.setAnimated(false);
    chart.setHorizontalGridLinesVisible(false);
    chart.setVerticalGridLinesVisible(false);
    chart.setHorizontalZeroLineVisible(false);
    chart.setVerticalZeroLineVisible(false);
    chart.setPadding(Insets.EMPTY);
    chart.setPrefSize(190, 50);
    chart.setMinSize(190, 50);
    chart.setMaxSize(190, 50);
    chart.setMouseTransparent(true);
    chart.setStyle("-fx-padding: 0;");
    return chart;
  }
}
