package io.millstone.client.notify;

import io.millstone.api.notify.v1.Notification;
import io.millstone.client.core.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The header's bell: the unread count on it, and on a click the newest notifications (newest
 * first); a click on one opens the screen of what it is about, "Mark all read" clears the count.
 */
public final class NotificationBell extends StackPane {
  /** A small count on a button or a navigation entry; hidden at zero. */
  public static Label countBadge(javafx.beans.value.ObservableIntegerValue count) {
    Label l = new Label();
    l.textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> count.get() > 99 ? "99+" : String.valueOf(count.get()), count));
    l.visibleProperty().bind(Bindings.createBooleanBinding(() -> count.get() > 0, count));
    l.managedProperty().bind(l.visibleProperty());
    l.setStyle(
        "-fx-background-color: -color-danger-emphasis; -fx-text-fill: -color-fg-emphasis;"
            + " -fx-background-radius: 9; -fx-padding: 0 5 0 5; -fx-font-size: 0.8em;"
            + " -fx-font-weight: bold;");
    l.setMinWidth(Region.USE_PREF_SIZE);
    return l;
  }

  private static final double WIDTH = 520;

  private final NotificationsViewModel vm;
  private final Messages messages;
  private final Popup popup = new Popup();
  private final BiConsumer<String, String> openScreen;
  private final DateTimeFormatter when;

  /** {@code openScreen} gets a screen id and a filter. */
  public NotificationBell(
      NotificationsViewModel vm, Messages messages, BiConsumer<String, String> openScreen) {
    this.vm = vm;
    this.messages = messages;
    this.openScreen = openScreen;
    this.when = DateTimeFormatter.ofPattern("d MMM, HH:mm", messages.locale());
    setId("notificationBell");
    FontIcon icon = new FontIcon(Material2MZ.NOTIFICATIONS);
    icon.setIconSize(18);
    Button bell = new Button(null, icon);
    bell.setId("bellButton");
    bell.getStyleClass().add(atlantafx.base.theme.Styles.FLAT);
    bell.setTooltip(new Tooltip(messages.get("notify.title")));
    bell.setOnAction(e -> toggle());
    Label count = countBadge(vm.unreadProperty());
    count.setId("bellCount");
    count.setMouseTransparent(true);
    StackPane.setAlignment(count, Pos.TOP_RIGHT);
    getChildren().addAll(bell, count);
  }

  private void toggle() {
    if (popup.isShowing()) {
      popup.hide();
    } else {
      show();
    }
  }

  /** Opens the list under the bell. */
  public void show() {
    if (getScene() == null) {
      return;
    }
    Label title = new Label(messages.get("notify.title"));
    title.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_4);
    Label unread = new Label();
    unread.setId("notifyUnread");
    unread.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
    unread
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> messages.get("notify.unread", vm.unreadProperty().get()),
                vm.unreadProperty()));
    Button markAll = new Button(messages.get("notify.markAllRead"));
    markAll.setId("markAllRead");
    markAll.getStyleClass().add(atlantafx.base.theme.Styles.SMALL);
    markAll.disableProperty().bind(vm.unreadProperty().isEqualTo(0));
    markAll.setOnAction(e -> vm.markAllRead());
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox head = new HBox(8, title, unread, grow, markAll);
    head.setAlignment(Pos.CENTER_LEFT);

    ListView<Notification> list = new ListView<>(vm.items());
    list.setId("notificationList");
    list.setPrefHeight(320);
    Label empty = new Label(messages.get("notify.empty"));
    empty.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
    list.setPlaceholder(empty);
    list.setCellFactory(v -> new Cell());
    list.setOnMouseClicked(
        e -> {
          Notification n = list.getSelectionModel().getSelectedItem();
          if (n != null) {
            NotificationsViewModel.target(n)
                .ifPresent(
                    t -> {
                      popup.hide();
                      openScreen.accept(t.screenId(), t.filter());
                    });
          }
        });
    VBox box = new VBox(8, head, list);
    box.setId("notificationPopup");
    box.setPadding(new Insets(10));
    box.setPrefWidth(WIDTH);
    box.setStyle(
        "-fx-background-color: -color-bg-default; -fx-border-color: -color-border-default;"
            + " -fx-border-radius: 6; -fx-background-radius: 6;"
            + " -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.3), 18, 0, 0, 4);");
    popup.getContent().setAll(box);
    popup.setAutoHide(true);
    var p = localToScreen(getBoundsInLocal());
    popup.show(getScene().getWindow(), p.getMaxX() - WIDTH, p.getMaxY() + 4);
  }

  public boolean isOpen() {
    return popup.isShowing();
  }

  private final class Cell extends ListCell<Notification> {
    Cell() {
      // The cell takes the list's width and wraps its text, instead of widening the list.
      setPrefWidth(0);
    }

    @Override
    protected void updateItem(Notification n, boolean empty) {
      super.updateItem(n, empty);
      if (empty || n == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      Label text = new Label(vm.text(n));
      text.setWrapText(true);
      text.setMinHeight(Region.USE_PREF_SIZE);
      text.maxWidthProperty().bind(getListView().widthProperty().subtract(60));
      if (!n.getRead()) {
        text.setStyle("-fx-font-weight: bold;");
      }
      Instant at = Instant.ofEpochSecond(n.getOccurredAt().getSeconds());
      Label meta =
          new Label(
              when.format(at.atZone(ZoneId.systemDefault()))
                  + "  ·  "
                  + n.getActor()
                  + (NotificationsViewModel.target(n).isPresent()
                      ? "  ·  " + messages.get("notify.open")
                      : ""));
      meta.getStyleClass()
          .addAll(atlantafx.base.theme.Styles.TEXT_SMALL, atlantafx.base.theme.Styles.TEXT_MUTED);
      FontIcon dot =
          new FontIcon(
              n.getRead() ? Material2MZ.RADIO_BUTTON_UNCHECKED : Material2MZ.RADIO_BUTTON_CHECKED);
      dot.setIconSize(10);
      dot.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
      HBox row = new HBox(8, dot, new VBox(2, text, meta));
      row.setAlignment(Pos.TOP_LEFT);
      setText(null);
      setGraphic(row);
      setId("notification-" + n.getId());
    }
  }
}
