package io.millstone.client;

import io.millstone.client.accounting.AccountingScreens;
import io.millstone.client.cane.CaneScreens;
import io.millstone.client.core.ClientPrefs;
import io.millstone.client.core.ColumnWidths;
import io.millstone.client.core.Fonts;
import io.millstone.client.core.FxDialogService;
import io.millstone.client.core.FxNotifier;
import io.millstone.client.core.FxTaskExecutor;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Notation;
import io.millstone.client.core.ScreenContext;
import io.millstone.client.core.ScreenDefinition;
import io.millstone.client.core.TextSize;
import io.millstone.client.core.Theme;
import io.millstone.client.identity.AdminScreens;
import io.millstone.client.identity.ChangePasswordView;
import io.millstone.client.identity.ChangePasswordViewModel;
import io.millstone.client.inventory.StockScreens;
import io.millstone.client.login.LoginView;
import io.millstone.client.login.LoginViewModel;
import io.millstone.client.masterdata.MasterDataScreens;
import io.millstone.client.production.ProductionScreens;
import io.millstone.client.purchasing.PurchasingScreens;
import io.millstone.client.remote.Administration;
import io.millstone.client.remote.Cane;
import io.millstone.client.remote.CertificatePins;
import io.millstone.client.remote.ChannelFactory;
import io.millstone.client.remote.DeferredSignIn;
import io.millstone.client.remote.Items;
import io.millstone.client.remote.Ledger;
import io.millstone.client.remote.Parties;
import io.millstone.client.remote.Production;
import io.millstone.client.remote.Purchasing;
import io.millstone.client.remote.Sales;
import io.millstone.client.remote.SavedSearches;
import io.millstone.client.remote.Session;
import io.millstone.client.remote.Stock;
import io.millstone.client.remote.Telemetry;
import io.millstone.client.remote.Units;
import io.millstone.client.remote.UserDirectory;
import io.millstone.client.remote.Warehouses;
import io.millstone.client.sales.SalesScreens;
import io.millstone.client.shell.ShellView;
import io.millstone.client.shell.ShellViewModel;
import io.millstone.client.telemetry.TelemetryScreens;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The composition root: builds the services, shows the sign-in screen, then the shell for the
 * session. Rebuilt screens pick up a new language; the theme applies at once.
 */
public final class ClientWindow {
  /** How long typing in the command palette must pause before the server is searched. */
  private static final java.time.Duration PALETTE_DEBOUNCE = java.time.Duration.ofMillis(250);

  /** How long the bell waits before opening its stream again after it broke. */
  private static final java.time.Duration NOTIFY_RETRY = java.time.Duration.ofSeconds(2);

  /** How the window starts: where settings live, and optionally whom to sign in at once. */
  public record Options(Path configDir, String server, String user, String password) {}

  private final Stage stage;
  private final Options options;
  private final ClientPrefs prefs;
  private final FxTaskExecutor executor = new FxTaskExecutor();
  // Read by the call threads too (the language sent with each call).
  private volatile Messages messages;
  private FxDialogService dialogs;
  private FxNotifier notifier;
  private Theme theme;
  private Session session;
  private ShellView shell;
  private io.millstone.client.notify.NotificationsViewModel notifications;
  private Scene scene;

  public ClientWindow(Stage stage, Options options) {
    this.stage = stage;
    this.options = options;
    this.prefs = new ClientPrefs(options.configDir());
    this.theme = Theme.of(prefs.get("theme", "light"));
    setLocale(Locale.forLanguageTag(prefs.get("language", "en")));
    stage.setOnCloseRequest(
        e -> {
          if (shell != null && !shell.closeAll()) {
            e.consume();
            return;
          }
          // Sign out before the work threads stop, so the server forgets the session now.
          dispose();
        });
  }

  private void setLocale(Locale locale) {
    messages = new Messages("bn".equals(locale.getLanguage()) ? Messages.BANGLA : Messages.ENGLISH);
    useNotation();
    dialogs = new FxDialogService(() -> stage, messages);
    notifier = new FxNotifier(() -> stage);
  }

  /**
   * Puts the company's way of writing amounts, dates and times in force (the defaults before
   * sign-in), with Bangla digits when the person reads Bangla and asked for them.
   */
  private void useNotation() {
    Notation company = session == null ? Notation.DEFAULT : session.notation();
    Notation.use(
        company.withBanglaDigits(
            "bn".equals(messages.locale().getLanguage())
                && Boolean.parseBoolean(prefs.get("banglaDigits", "false"))));
  }

  public Messages messages() {
    return messages;
  }

  public FxNotifier notifier() {
    return notifier;
  }

  public Session session() {
    return session;
  }

  public ShellView shell() {
    return shell;
  }

  public Theme theme() {
    return theme;
  }

  /** Shows the sign-in screen, or signs in at once when the options carry a password. */
  public void show() {
    theme.apply();
    showLogin();
    stage.setTitle(messages.get("app.title"));
    stage.setMinWidth(900);
    stage.setMinHeight(600);
    // Office PCs are often 1366×768: the whole screen is the work area.
    stage.setMaximized(true);
    stage.show();
    // The Bangla font is read from disk while the window paints; the language list needs it
    // only when opened, and the shell in Bangla asks for it (and waits) when built.
    Thread.ofPlatform().daemon().name("millstone-fonts").start(Fonts::bengaliFamily);
    if (Boolean.getBoolean("millstone.bench.firstFrame")) {
      FirstFrame.reportAndExit();
    }
  }

  private void setRoot(Parent root) {
    if (scene == null) {
      scene = new Scene(root, 1280, 800);
      scene.getStylesheets().add(ClientWindow.class.getResource("client.css").toExternalForm());
      // Every table of the window exports to Excel and CSV (its context menu, Ctrl+Shift+E/C).
      io.millstone.client.core.list.TableExport.watch(
          scene,
          new io.millstone.client.core.list.TableExport.Context(
              () -> messages, executor, (t, x) -> notifier.notify(t, x)));
      stage.setScene(scene);
    } else {
      scene.setRoot(root);
    }
    root.getStyleClass().add(theme == Theme.DARK ? "ms-dark" : "ms-light");
    styleRoot(root);
  }

  /**
   * The text size the person chose (a percentage of the theme's 14 px) and, in Bangla, the bundled
   * Bangla font ahead of the others (Latin letters still come from the fallback fonts).
   */
  private void styleRoot(Parent root) {
    String style = "-fx-font-size: " + TextSize.pixels(textSize()) + "px;";
    String bengali = "bn".equals(messages.locale().getLanguage()) ? Fonts.bengaliFamily() : null;
    if (bengali != null) {
      style += " -fx-font-family: \"" + bengali + "\";";
    }
    root.setStyle(style);
  }

  private int textSize() {
    return TextSize.of(prefs.get("textSize", "100"));
  }

  /** A new text size for every screen at once, kept for the next start. */
  private void setTextSize(int percent) {
    prefs.put("textSize", Integer.toString(TextSize.of(Integer.toString(percent))));
    prefs.save();
    if (scene != null) {
      styleRoot(scene.getRoot());
    }
  }

  private void showLogin() {
    DeferredSignIn signIn =
        new DeferredSignIn(
            () ->
                new ChannelFactory(
                    new CertificatePins(options.configDir()),
                    (server, fp) -> dialogs.askTrustCertificate(server.toString(), fp),
                    () -> messages.locale().getLanguage()));
    LoginViewModel vm = new LoginViewModel(signIn, prefs, executor, messages);
    vm.setOnSignedIn(this::signedIn);
    HBox extras = loginExtras();
    LoginView view = new LoginView(vm, messages, extras);
    setRoot(view);
    stage.setTitle(messages.get("app.title"));
    javafx.application.Platform.runLater(view::focusFirstEmpty);
    if (options.server() != null && !options.server().isBlank()) {
      vm.serverProperty().set(options.server());
    }
    if (options.user() != null && !options.user().isBlank()) {
      vm.usernameProperty().set(options.user());
    }
    if (options.password() != null && !options.password().isEmpty() && session == null) {
      vm.passwordProperty().set(options.password());
      vm.signIn();
    }
  }

  private HBox loginExtras() {
    ComboBox<String> language = new ComboBox<>();
    language.setId("loginLanguage");
    language.getItems().setAll("English", "বাংলা");
    language.getSelectionModel().select("bn".equals(messages.locale().getLanguage()) ? 1 : 0);
    language.setOnAction(
        e -> {
          prefs.put("language", language.getSelectionModel().getSelectedIndex() == 1 ? "bn" : "en");
          prefs.save();
          setLocale(Locale.forLanguageTag(prefs.get("language", "en")));
          showLogin();
        });
    Button themeButton =
        new Button(
            null,
            new FontIcon(theme == Theme.DARK ? Material2MZ.WB_SUNNY : Material2MZ.NIGHTS_STAY));
    themeButton.setOnAction(
        e -> {
          toggleTheme();
          showLogin();
        });
    HBox box = new HBox(8, language, themeButton);
    box.setAlignment(Pos.CENTER_RIGHT);
    box.setPadding(new Insets(4, 0, 0, 0));
    return box;
  }

  private void signedIn(Session s) {
    this.session = s;
    if (s.mustChangePassword()) {
      showPasswordChange(s);
      return;
    }
    useNotation();
    showShell(List.of());
  }

  /**
   * Signed in with a one-time password: the server allows nothing else until it is changed, so the
   * change comes before the shell. Escape (or Cancel) signs out.
   */
  private void showPasswordChange(Session s) {
    ChangePasswordViewModel vm =
        new ChangePasswordViewModel(
            (current, next) -> io.millstone.client.remote.PasswordChange.change(s, current, next),
            executor,
            messages);
    vm.setOnChanged(
        revoked -> {
          useNotation();
          showShell(List.of());
        });
    ChangePasswordView form = new ChangePasswordView(vm, messages);
    javafx.scene.control.Label title =
        new javafx.scene.control.Label(messages.get("password.mustChange.title"));
    title.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_3);
    javafx.scene.control.Label why =
        new javafx.scene.control.Label(messages.get("password.mustChange.why", s.username()));
    why.setWrapText(true);
    Button cancel = new Button(messages.get("shell.signOut"));
    cancel.setId("mustChangeSignOut");
    cancel.setCancelButton(true);
    cancel.setOnAction(
        e -> {
          endSession();
          showLogin();
        });
    javafx.scene.layout.VBox card = new javafx.scene.layout.VBox(14, title, why, form, cancel);
    card.getStyleClass().add(io.millstone.client.core.Styles.LOGIN_CARD);
    card.setPadding(new Insets(32));
    card.setMaxSize(640, javafx.scene.layout.Region.USE_PREF_SIZE);
    javafx.scene.layout.StackPane page = new javafx.scene.layout.StackPane(card);
    page.setId("mustChangePasswordView");
    setRoot(page);
    javafx.application.Platform.runLater(form::focusFirst);
  }

  /**
   * Rebuilds the shell (new language or look), reopening the lists that were open. Forms are closed
   * first, asking about unsaved changes; false when the person chose to stay.
   */
  private boolean rebuildShell() {
    List<String> reopen = new ArrayList<>();
    shell.tabs().getTabs().forEach(t -> reopen.add(t.getId().substring("tab-".length())));
    if (!shell.closeAll()) {
      return false;
    }
    showShell(reopen);
    return true;
  }

  private void showShell(List<String> reopen) {
    ColumnWidths widths = new ColumnWidths(prefs, session.username());
    ShellView[] holder = new ShellView[1];
    io.millstone.client.records.RecordsScreens[] recordPanels =
        new io.millstone.client.records.RecordsScreens[1];
    io.millstone.client.core.Workbench workbench =
        new io.millstone.client.core.Workbench() {
          @Override
          public void show(
              String tabId,
              javafx.beans.value.ObservableStringValue title,
              javafx.scene.Node content,
              java.util.function.Consumer<Runnable> onCloseRequest) {
            holder[0].show(
                tabId,
                title,
                recordPanels[0] == null ? content : recordPanels[0].besideDocument(tabId, content),
                onCloseRequest);
          }

          @Override
          public void close(String tabId) {
            holder[0].close(tabId);
          }
        };
    ScreenContext ctx =
        new ScreenContext(
            messages,
            executor,
            dialogs,
            notifier,
            widths,
            () -> stage,
            workbench,
            session.permissions());
    SavedSearches saved = new SavedSearches(session);
    List<ScreenDefinition> screens = new ArrayList<>();
    Items items = new Items(session);
    Units units = new Units(session);
    Parties customers = new Parties(session, Parties.Role.CUSTOMERS);
    Parties suppliers = new Parties(session, Parties.Role.SUPPLIERS);
    Warehouses warehouses = new Warehouses(session);
    io.millstone.client.records.RecordsScreens records =
        new io.millstone.client.records.RecordsScreens(
            ctx,
            new io.millstone.client.remote.Records(session),
            new io.millstone.client.records.RecentItems(
                session.connection().address()
                    + "."
                    + session.companyName()
                    + "."
                    + session.username(),
                k -> prefs.get(k, ""),
                (k, v) -> {
                  prefs.put(k, v);
                  prefs.save();
                }),
            new io.millstone.client.records.RecordsScreens.Navigator() {
              @Override
              public boolean canOpen(String screenId) {
                return shell != null && shell.hasScreen(screenId);
              }

              @Override
              public void open(String screenId, String filter) {
                if (shell != null) {
                  shell.open(screenId, filter);
                }
              }
            });
    recordPanels[0] = records;
    screens.addAll(
        MasterDataScreens.definitions(
            ctx, items, units, customers, suppliers, warehouses, saved, records.sidePanels()));
    screens.add(records.definition());
    List<io.millstone.client.core.RecordLookup> lookups =
        new ArrayList<>(
            MasterDataScreens.lookups(
                ctx, items, units, customers, suppliers, warehouses, saved, records.sidePanels()));
    lookups.add(records.lookup());
    io.millstone.client.remote.Papers papers = new io.millstone.client.remote.Papers(session);
    screens.addAll(SalesScreens.definitions(ctx, new Sales(session), papers));
    screens.addAll(PurchasingScreens.definitions(ctx, new Purchasing(session), papers));
    screens.addAll(CaneScreens.definitions(ctx, new Cane(session), papers));
    screens.addAll(
        ProductionScreens.definitions(
            ctx,
            new Production(session),
            new io.millstone.client.remote.ProductionReports(session)));
    screens.addAll(
        io.millstone.client.production.OeeScreens.definitions(
            ctx, new io.millstone.client.remote.Oee(session)));
    screens.addAll(StockScreens.definitions(ctx, new Stock(session)));
    screens.addAll(AccountingScreens.definitions(ctx, new Ledger(session)));
    screens.addAll(io.millstone.client.papers.PapersScreens.definitions(ctx, papers));
    screens.addAll(TelemetryScreens.definitions(ctx, new Telemetry(session)));
    screens.addAll(
        AdminScreens.definitions(
            ctx, new UserDirectory(session), new Administration(session), this::useNotation));
    screens.addAll(
        io.millstone.client.telemetry.PlantScreens.definitions(
            ctx, new io.millstone.client.remote.Plant(session)));
    ShellViewModel vm =
        new ShellViewModel(
            new ShellViewModel.Context(
                session.connection().address().toString(),
                session.displayName().isBlank() ? session.username() : session.displayName(),
                session.companyName(),
                session.permissions()),
            screens,
            lookups,
            PALETTE_DEBOUNCE,
            executor,
            messages);
    shell =
        new ShellView(
            vm,
            messages,
            new ShellView.Actions() {
              @Override
              public void toggleTheme() {
                ClientWindow.this.toggleTheme();
                if (!rebuildShell()) {
                  ClientWindow.this.toggleTheme();
                }
              }

              @Override
              public void switchLanguage(String tag) {
                Locale before = messages.locale();
                setLocale(Locale.forLanguageTag(tag));
                if (rebuildShell()) {
                  prefs.put("language", tag);
                  prefs.save();
                } else {
                  setLocale(before);
                }
              }

              @Override
              public int textSize() {
                return ClientWindow.this.textSize();
              }

              @Override
              public void setTextSize(int percent) {
                ClientWindow.this.setTextSize(percent);
              }

              @Override
              public boolean banglaDigits() {
                return Boolean.parseBoolean(prefs.get("banglaDigits", "false"));
              }

              @Override
              public void useBanglaDigits(boolean on) {
                prefs.put("banglaDigits", Boolean.toString(on));
                prefs.save();
                useNotation();
                if (!rebuildShell()) {
                  prefs.put("banglaDigits", Boolean.toString(!on));
                  prefs.save();
                  useNotation();
                }
              }

              @Override
              public void signOut() {
                if (shell.closeAll()) {
                  endSession();
                  shell = null;
                  showLogin();
                }
              }
            },
            theme == Theme.DARK);
    holder[0] = shell;
    ShellView shown = shell;
    io.millstone.client.home.HomeViewModel home =
        new io.millstone.client.home.HomeViewModel(
            new io.millstone.client.remote.Dashboard(session),
            executor,
            messages,
            shown::hasScreen,
            java.time.Clock.systemUTC());
    shell.setHome(new io.millstone.client.home.HomeView(home, messages, shown::open));
    showNotifications(shell, home);
    Button account =
        new Button(
            session.displayName().isBlank() ? session.username() : session.displayName(),
            new FontIcon(org.kordamp.ikonli.material2.Material2AL.ACCOUNT_CIRCLE));
    account.setId("myAccountButton");
    account.setMnemonicParsing(false);
    account.setOnAction(e -> shown.open(AdminScreens.MY_ACCOUNT, ""));
    shell.addToHeader(account);
    session.connection().watch(vm::connectionChanged, 2000);
    printListsWithCtrlShiftP(shell, ctx, papers);
    setRoot(shell);
    stage.setTitle(messages.get("app.titleSignedIn", session.companyName()));
    for (String id : reopen) {
      if (vm.canOpen(id)) {
        shell.open(id, "");
      }
    }
  }

  /**
   * Ctrl+Shift+P, or "Print…" in any table's menu, prints the list or report in view (the focused
   * table, else the tab's first) as the server lays out any table: its title, the columns and rows
   * as shown.
   */
  private void printListsWithCtrlShiftP(
      ShellView shell, ScreenContext ctx, io.millstone.client.papers.PapersGateway papers) {
    java.util.function.Consumer<javafx.scene.control.TableView<?>> print =
        table -> {
          String title = io.millstone.client.core.list.TableExport.titleOf(table);
          var request = io.millstone.client.core.print.TablePaper.of(table, title, "");
          io.millstone.client.core.print.PrintPreview.open(
              ctx, "table-" + title, title, (lang, sink) -> papers.table(request, lang, sink));
        };
    stage.getScene().getProperties().put(io.millstone.client.core.list.TableExport.PRINTER, print);
    shell.addEventHandler(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          if (!io.millstone.client.core.list.TableExport.PRINT.match(e)) {
            return;
          }
          javafx.scene.control.Tab tab = shell.tabs().getSelectionModel().getSelectedItem();
          if (tab == null) {
            return;
          }
          javafx.scene.control.TableView<?> table =
              io.millstone.client.core.print.TablePaper.find(
                  stage.getScene().getFocusOwner(), tab.getContent());
          if (table != null) {
            e.consume();
            print.accept(table);
          }
        });
  }

  /** The bell in the header and the approvals badge, live from the server's stream. */
  private void showNotifications(ShellView shell, io.millstone.client.home.HomeViewModel home) {
    stopNotifications();
    if (!session.permissions().contains("notifications.read")) {
      return;
    }
    notifications =
        new io.millstone.client.notify.NotificationsViewModel(
            new io.millstone.client.remote.Notifications(session),
            executor,
            messages,
            NOTIFY_RETRY);
    shell.addToHeader(
        new io.millstone.client.notify.NotificationBell(notifications, messages, shell::open));
    javafx.scene.control.Label waiting =
        io.millstone.client.notify.NotificationBell.countBadge(
            notifications.approvalsWaitingProperty());
    waiting.setId("approvalsBadge");
    shell.badge("purchase-approvals", waiting);
    // Something happened (a document posted, an alarm, an order to approve): the home screen's
    // figures follow at once when it is in view, not at its next minute.
    notifications
        .unreadProperty()
        .addListener(
            (o, before, now) -> {
              if (now.intValue() > before.intValue()) {
                home.tick();
              }
            });
    notifications.start();
  }

  private void stopNotifications() {
    if (notifications != null) {
      notifications.stop();
      notifications = null;
    }
  }

  /** Signs out and stops background work; the window itself is left to its owner. */
  public void dispose() {
    // The screens leave the window: views that listen to it (the home screen to the window's
    // focus) let go, and nothing of this session stays reachable from a window used again.
    if (scene != null) {
      scene.setRoot(new javafx.scene.Group());
    }
    stopNotifications();
    Session s = session;
    session = null;
    shell = null;
    if (s != null) {
      s.close();
    }
    executor.close();
  }

  private void toggleTheme() {
    theme = theme.other();
    prefs.put("theme", theme == Theme.DARK ? "dark" : "light");
    prefs.save();
    theme.apply();
  }

  private void endSession() {
    stopNotifications();
    Session s = session;
    session = null;
    if (s != null) {
      executor.submit(
          () -> {
            s.close();
            return null;
          },
          x -> {},
          x -> {});
    }
  }
}
