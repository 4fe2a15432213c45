package io.millstone.client.shell;

import io.millstone.client.core.Messages;
import io.millstone.client.core.ScreenDefinition;
import io.millstone.client.core.Styles;
import io.millstone.client.core.Workbench;
import io.millstone.client.remote.ConnectionState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The main window after sign-in: navigation by domain on the left, tabs in the middle, status bar
 * at the bottom, and the command palette (Ctrl+K). Ctrl+W closes a tab, Ctrl+Tab moves between
 * tabs.
 */
public final class ShellView extends BorderPane implements Workbench {
  public static final KeyCombination PALETTE =
      new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);
  public static final KeyCombination CLOSE_TAB =
      new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);
  public static final KeyCombination NEXT_TAB =
      new KeyCodeCombination(KeyCode.TAB, KeyCombination.CONTROL_DOWN);
  public static final KeyCombination PREVIOUS_TAB =
      new KeyCodeCombination(KeyCode.TAB, KeyCombination.CONTROL_DOWN, KeyCombination.SHIFT_DOWN);
  public static final KeyCombination HOME =
      new KeyCodeCombination(KeyCode.HOME, KeyCombination.ALT_DOWN);

  /** What the header's buttons do; the window decides. */
  public interface Actions {
    void toggleTheme();

    void switchLanguage(String languageTag);

    void signOut();

    /** Bangla digits on screen (only offered in Bangla); a personal preference. */
    default void useBanglaDigits(boolean on) {}

    default boolean banglaDigits() {
      return false;
    }

    /** The text size in per cent of the theme's (100–130); a personal preference. */
    default int textSize() {
      return 100;
    }

    default void setTextSize(int percent) {}
  }

  private final ShellViewModel vm;
  private final Messages messages;
  private final TabPane tabs = new TabPane();
  private final Map<String, Tab> open = new LinkedHashMap<>();
  private final Map<String, Consumer<Runnable>> closeGuards = new LinkedHashMap<>();
  private final Popup palette = new Popup();
  // The home screen (or the welcome line until one is set): shown when no tab is open, or when
  // asked for with the Home entry or Alt+Home until a screen is opened again.
  private final StackPane homeSlot = new StackPane();
  private final javafx.beans.property.BooleanProperty homeAsked =
      new javafx.beans.property.SimpleBooleanProperty(false);
  private final HBox header;
  private final Map<String, Button> navButtons = new LinkedHashMap<>();

  public ShellView(ShellViewModel vm, Messages messages, Actions actions, boolean dark) {
    this.vm = vm;
    this.messages = messages;
    setId("shell");

    // header
    javafx.scene.Node logo = io.millstone.client.core.Logo.of(22);
    Label app = new Label(messages.get("app.name"));
    app.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_4);
    Button paletteButton =
        new Button(messages.get("palette.button"), new FontIcon(Material2MZ.SEARCH));
    paletteButton.setId("paletteButton");
    paletteButton.setTooltip(new Tooltip("Ctrl+K"));
    paletteButton.setOnAction(e -> showPalette());
    Button theme =
        new Button(null, new FontIcon(dark ? Material2MZ.WB_SUNNY : Material2MZ.NIGHTS_STAY));
    theme.setId("themeToggle");
    theme.setTooltip(new Tooltip(messages.get("shell.theme")));
    theme.setOnAction(e -> actions.toggleTheme());
    ComboBox<String> language = new ComboBox<>();
    language.setId("language");
    language.getItems().setAll("English", "বাংলা");
    language.getSelectionModel().select("bn".equals(messages.locale().getLanguage()) ? 1 : 0);
    language.setOnAction(
        e ->
            actions.switchLanguage(
                language.getSelectionModel().getSelectedIndex() == 1 ? "bn" : "en"));
    Button signOut =
        new Button(messages.get("shell.signOut"), new FontIcon(Material2AL.EXIT_TO_APP));
    signOut.setId("signOut");
    signOut.setOnAction(e -> actions.signOut());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    javafx.scene.control.MenuButton textSize = TextSizeMenu.create(messages, actions);
    header = new HBox(10, logo, app, spacer, paletteButton, language, textSize, theme, signOut);
    if ("bn".equals(messages.locale().getLanguage())) {
      javafx.scene.control.CheckBox digits =
          new javafx.scene.control.CheckBox(messages.get("shell.banglaDigits"));
      digits.setId("banglaDigits");
      digits.setSelected(actions.banglaDigits());
      digits.setOnAction(e -> actions.useBanglaDigits(digits.isSelected()));
      header.getChildren().add(header.getChildren().indexOf(language) + 1, digits);
    }
    header.setAlignment(Pos.CENTER_LEFT);
    header.setPadding(new Insets(8, 12, 8, 12));
    header.getStyleClass().add("ms-header");
    setTop(header);

    // navigation
    VBox nav = new VBox(2);
    nav.setId("navigation");
    nav.getStyleClass().add(Styles.NAV);
    nav.setPadding(new Insets(12, 8, 12, 8));
    Button homeEntry = new Button(messages.get("shell.home"), new FontIcon(Material2AL.HOME));
    io.millstone.client.core.Sizes.prefWidth(nav, homeEntry, 210);
    homeEntry.setId("nav-home");
    homeEntry.setTooltip(new Tooltip("Alt+Home"));
    homeEntry.getStyleClass().add(atlantafx.base.theme.Styles.FLAT);
    homeEntry.setMaxWidth(Double.MAX_VALUE);
    homeEntry.setAlignment(Pos.CENTER_LEFT);
    homeEntry.setOnAction(e -> showHome());
    nav.getChildren().add(homeEntry);
    String domain = null;
    for (ScreenDefinition s : vm.screens()) {
      if (!s.domainKey().equals(domain)) {
        domain = s.domainKey();
        Label d = new Label(messages.get(domain).toUpperCase(messages.locale()));
        d.getStyleClass()
            .addAll(atlantafx.base.theme.Styles.TEXT_SMALL, atlantafx.base.theme.Styles.TEXT_MUTED);
        d.setPadding(new Insets(12, 0, 4, 8));
        nav.getChildren().add(d);
      }
      Button b = new Button(messages.get(s.titleKey()), new FontIcon(s.icon()));
      b.setId("nav-" + s.id());
      b.getStyleClass().add(atlantafx.base.theme.Styles.FLAT);
      b.setMaxWidth(Double.MAX_VALUE);
      b.setAlignment(Pos.CENTER_LEFT);
      b.setOnAction(e -> open(s.id(), ""));
      navButtons.put(s.id(), b);
      nav.getChildren().add(b);
    }
    if (vm.screens().isEmpty()) {
      Label none = new Label(messages.get("shell.noScreens"));
      none.setWrapText(true);
      nav.getChildren().add(none);
    }
    ScrollPane navScroll = new ScrollPane(nav);
    navScroll.setFitToWidth(true);
    // The navigation's background reaches the status bar, not just its last button.
    navScroll.setFitToHeight(true);
    navScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    setLeft(navScroll);

    // work area
    tabs.setId("workTabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
    Label welcome = new Label(messages.get("shell.welcome", vm.context().user()));
    welcome.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
    welcome.setWrapText(true);
    homeSlot.getChildren().setAll(welcome);
    homeSlot.setId("homeSlot");
    StackPane center = new StackPane(homeSlot, tabs);
    homeSlot
        .visibleProperty()
        .bind(javafx.beans.binding.Bindings.isEmpty(tabs.getTabs()).or(homeAsked));
    tabs.visibleProperty().bind(homeSlot.visibleProperty().not());
    setCenter(center);

    // status bar
    Label server = statusLabel("statusServer", Material2AL.DNS, vm.context().server());
    Label user = statusLabel("statusUser", Material2AL.ACCOUNT_CIRCLE, vm.context().user());
    Label company = statusLabel("statusCompany", Material2AL.BUSINESS, vm.context().company());
    Label conn = new Label();
    conn.setId("statusConnection");
    conn.textProperty().bind(vm.connectionTextProperty());
    Runnable paintConnection =
        () -> {
          boolean ok = vm.connectionProperty().get() == ConnectionState.CONNECTED;
          FontIcon icon = new FontIcon(ok ? Material2AL.CLOUD_DONE : Material2AL.CLOUD_OFF);
          icon.getStyleClass()
              .add(ok ? atlantafx.base.theme.Styles.SUCCESS : atlantafx.base.theme.Styles.DANGER);
          conn.setGraphic(icon);
        };
    vm.connectionProperty().addListener((o, a, b) -> paintConnection.run());
    paintConnection.run();
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox status =
        new HBox(
            14,
            server,
            new Separator(javafx.geometry.Orientation.VERTICAL),
            user,
            new Separator(javafx.geometry.Orientation.VERTICAL),
            company,
            grow,
            conn);
    status.setAlignment(Pos.CENTER_LEFT);
    status.setPadding(new Insets(4, 12, 4, 12));
    status.getStyleClass().add(Styles.STATUS_BAR);
    setBottom(status);

    addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (PALETTE.match(e)) {
            showPalette();
            e.consume();
          } else if (CLOSE_TAB.match(e)) {
            closeSelected();
            e.consume();
          } else if (PREVIOUS_TAB.match(e)) {
            cycle(-1);
            e.consume();
          } else if (NEXT_TAB.match(e)) {
            cycle(1);
            e.consume();
          } else if (HOME.match(e)) {
            showHome();
            e.consume();
          } else if (TextSizeMenu.handle(e, actions, textSize)) {
            e.consume();
          }
        });
  }

  /** Puts {@code item} (the notification bell) into the header, before the palette button. */
  public void addToHeader(Node item) {
    header.getChildren().add(header.getChildren().indexOf(lookup("#paletteButton")), item);
  }

  /** Shows {@code badge} at the right end of the navigation entry of {@code screenId}. */
  public void badge(String screenId, Node badge) {
    Button b = navButtons.get(screenId);
    if (b == null || !(b.getParent() instanceof VBox nav)) {
      return;
    }
    int at = nav.getChildren().indexOf(b);
    nav.getChildren().remove(at);
    StackPane entry = new StackPane(b, badge);
    StackPane.setAlignment(badge, Pos.CENTER_RIGHT);
    StackPane.setMargin(badge, new Insets(0, 8, 0, 0));
    badge.setMouseTransparent(true);
    nav.getChildren().add(at, entry);
  }

  private static Label statusLabel(String id, org.kordamp.ikonli.Ikon icon, String text) {
    Label l = new Label(text, new FontIcon(icon));
    l.setId(id);
    return l;
  }

  public TabPane tabs() {
    return tabs;
  }

  /** Puts the home screen where the welcome line was. */
  public void setHome(Node home) {
    homeSlot.getChildren().setAll(home);
  }

  /** Shows the home screen over the open tabs, until a screen is opened or selected. */
  public void showHome() {
    homeAsked.set(true);
    homeSlot.getChildren().stream().findFirst().ifPresent(Node::requestFocus);
  }

  /** Whether this session may open the screen {@code screenId}. */
  public boolean hasScreen(String screenId) {
    return vm.canOpen(screenId);
  }

  /** Opens a screen (or selects it, applying {@code filter} when one is given). */
  public void open(String screenId, String filter) {
    ScreenDefinition s =
        vm.screens().stream().filter(x -> x.id().equals(screenId)).findFirst().orElse(null);
    if (s == null) {
      return;
    }
    Tab existing = open.get(screenId);
    if (existing != null && (filter == null || filter.isEmpty())) {
      tabs.getSelectionModel().select(existing);
      return;
    }
    if (existing != null) {
      close(screenId);
    }
    Node content = s.factory().apply(filter == null ? "" : filter);
    show(
        screenId,
        new javafx.beans.property.SimpleStringProperty(messages.get(s.titleKey())),
        content,
        close -> close.run());
    Tab tab = open.get(screenId);
    tab.setGraphic(new FontIcon(s.icon()));
  }

  @Override
  public void show(
      String tabId, ObservableStringValue title, Node content, Consumer<Runnable> onCloseRequest) {
    Tab tab = open.get(tabId);
    if (tab == null) {
      tab = new Tab();
      tab.setId("tab-" + tabId);
      tab.textProperty().bind(title);
      tab.setContent(content);
      Tab t = tab;
      tab.setOnCloseRequest(
          e -> {
            e.consume();
            onCloseRequest.accept(() -> close(tabId));
          });
      open.put(tabId, tab);
      closeGuards.put(tabId, onCloseRequest);
      tabs.getTabs().add(t);
    }
    homeAsked.set(false);
    tabs.getSelectionModel().select(tab);
    Node c = tab.getContent();
    javafx.application.Platform.runLater(c::requestFocus);
  }

  @Override
  public void close(String tabId) {
    Tab tab = open.remove(tabId);
    closeGuards.remove(tabId);
    if (tab != null) {
      tabs.getTabs().remove(tab);
    }
  }

  private String idOf(Tab tab) {
    return open.entrySet().stream()
        .filter(e -> e.getValue() == tab)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(null);
  }

  /** Closes the selected tab, asking first if it holds unsaved changes. */
  public void closeSelected() {
    Tab tab = tabs.getSelectionModel().getSelectedItem();
    String id = tab == null ? null : idOf(tab);
    if (id != null) {
      closeGuards.get(id).accept(() -> close(id));
    }
  }

  /** True when every tab agreed to close (forms with unsaved changes may refuse). */
  public boolean closeAll() {
    for (String id : new java.util.ArrayList<>(open.keySet())) {
      closeGuards.get(id).accept(() -> close(id));
    }
    return open.isEmpty();
  }

  private void cycle(int step) {
    int n = tabs.getTabs().size();
    if (n > 1) {
      int i = tabs.getSelectionModel().getSelectedIndex();
      tabs.getSelectionModel().select(((i + step) % n + n) % n);
    }
  }

  /** The command palette: type to find a screen or a record, Enter opens it. */
  public void showPalette() {
    if (palette.isShowing() || getScene() == null) {
      return;
    }
    TextField input = new TextField();
    input.setId("paletteInput");
    input.setPromptText(messages.get("palette.prompt"));
    ListView<ShellViewModel.PaletteEntry> results = new ListView<>(vm.entries());
    results.setId("paletteResults");
    results.setPrefHeight(280);
    vm.search("");
    results.getSelectionModel().selectFirst();
    // Records found on the server arrive after the screens; Enter should then open the first
    // record rather than "find … in …", unless the person has already moved the selection.
    javafx.collections.ListChangeListener<ShellViewModel.PaletteEntry> reselect =
        c -> {
          ShellViewModel.PaletteEntry sel = results.getSelectionModel().getSelectedItem();
          if (sel == null || !sel.filter().isEmpty() || results.getItems().indexOf(sel) < 0) {
            results.getSelectionModel().selectFirst();
          }
        };
    vm.entries().addListener(reselect);
    palette.setOnHidden(e -> vm.entries().removeListener(reselect));
    input.textProperty().addListener((o, a, b) -> vm.search(b));
    Label searching = new Label(messages.get("palette.searching"));
    searching.setId("paletteSearching");
    searching.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
    searching.visibleProperty().bind(vm.searchingProperty());
    searching.managedProperty().bind(searching.visibleProperty());
    Runnable choose =
        () -> {
          ShellViewModel.PaletteEntry e = results.getSelectionModel().getSelectedItem();
          palette.hide();
          if (e != null && e.isRecord()) {
            e.hit().open().run();
          } else if (e != null) {
            open(e.screenId(), e.filter());
          }
        };
    input.setOnAction(e -> choose.run());
    results.setOnMouseClicked(
        e -> {
          if (e.getClickCount() == 2) {
            choose.run();
          }
        });
    input.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.DOWN) {
            results.getSelectionModel().selectNext();
            e.consume();
          } else if (e.getCode() == KeyCode.UP) {
            results.getSelectionModel().selectPrevious();
            e.consume();
          } else if (e.getCode() == KeyCode.ESCAPE) {
            palette.hide();
            e.consume();
          }
        });
    VBox box = new VBox(6, input, searching, results);
    box.setPadding(new Insets(10));
    box.setPrefWidth(520);
    box.getStyleClass().add(Styles.PALETTE);
    box.setStyle(
        "-fx-background-color: -color-bg-default; -fx-border-color: -color-border-default;"
            + " -fx-border-radius: 6; -fx-background-radius: 6;"
            + " -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.3), 18, 0, 0, 4);");
    palette.getContent().setAll(box);
    palette.setAutoHide(true);
    var w = getScene().getWindow();
    palette.show(w, w.getX() + (w.getWidth() - 520) / 2, w.getY() + 90);
    input.requestFocus();
  }
}
