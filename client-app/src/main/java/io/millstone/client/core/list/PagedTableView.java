package io.millstone.client.core.list;

import io.millstone.client.core.ColumnWidths;
import io.millstone.client.core.DialogService;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Styles;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
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
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A list screen: quick filter, saved searches, a virtual table fed page by page from the server,
 * export to CSV. Keys: Ctrl+N new, Enter open, F5 refresh, Ctrl+F filter.
 */
public final class PagedTableView<T> extends BorderPane {
  private static final KeyCombination NEW =
      new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
  private static final KeyCombination FIND =
      new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

  private static final javafx.css.PseudoClass LOADING =
      javafx.css.PseudoClass.getPseudoClass("loading");

  private final ListViewModel<T> vm;
  private final TableView<T> table = new TableView<>();
  private final TextField filter = new TextField();
  private final Messages messages;

  public PagedTableView(
      ListViewModel<T> vm,
      Messages messages,
      DialogService dialogs,
      ColumnWidths widths,
      boolean canCreate,
      Supplier<Window> owner) {
    this.vm = vm;
    this.messages = messages;
    setId("list-" + vm.screen());

    filter.setId("quickFilter");
    filter.setPromptText(messages.get("list.filter.prompt"));
    filter.setTooltip(new Tooltip(messages.get("list.filter.help")));
    filter.textProperty().bindBidirectional(vm.filterProperty());
    HBox.setHgrow(filter, Priority.ALWAYS);
    PauseTransition typing = new PauseTransition(Duration.millis(350));
    typing.setOnFinished(e -> vm.refresh());
    filter.textProperty().addListener((o, a, b) -> typing.playFromStart());
    filter.setOnAction(
        e -> {
          typing.stop();
          vm.refresh();
        });

    MenuButton saved = new MenuButton(messages.get("list.searches"), icon(Material2AL.BOOKMARKS));
    saved.setId("savedSearches");
    saved.setVisible(vm.supportsSavedSearches());
    saved.setManaged(vm.supportsSavedSearches());
    Runnable rebuild =
        () -> {
          saved.getItems().clear();
          for (SavedSearchStore.Saved s : vm.savedSearches()) {
            MenuItem mi = new MenuItem(s.name() + "   " + s.filter());
            mi.setOnAction(e -> vm.apply(s));
            saved.getItems().add(mi);
          }
          if (!vm.savedSearches().isEmpty()) {
            saved.getItems().add(new SeparatorMenuItem());
          }
          MenuItem save = new MenuItem(messages.get("list.searches.save"));
          save.setId("saveSearch");
          save.setOnAction(
              e ->
                  dialogs
                      .askText(
                          messages.get("list.searches.save"),
                          messages.get("list.searches.name"),
                          vm.filterProperty().get())
                      .ifPresent(vm::saveCurrentSearch));
          saved.getItems().add(save);
          for (SavedSearchStore.Saved s : vm.savedSearches()) {
            MenuItem del = new MenuItem(messages.get("list.searches.delete", s.name()));
            del.setOnAction(e -> vm.deleteSavedSearch(s));
            saved.getItems().add(del);
          }
        };
    vm.savedSearches()
        .addListener(
            (javafx.collections.ListChangeListener<SavedSearchStore.Saved>) c -> rebuild.run());
    rebuild.run();

    Button create = new Button(messages.get("list.new"), icon(Material2AL.ADD));
    create.setId("newButton");
    create.setOnAction(e -> vm.createNew());
    create.setVisible(canCreate);
    create.setManaged(canCreate);
    create.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
    Button refresh = new Button(null, icon(Material2MZ.REFRESH));
    refresh.setId("refreshButton");
    refresh.setTooltip(new Tooltip(messages.get("list.refresh")));
    refresh.setOnAction(e -> vm.refresh());
    MenuButton export = new MenuButton(messages.get("export.button"), icon(Material2AL.GET_APP));
    export.setId("exportButton");
    export.setMnemonicParsing(true);
    export.disableProperty().bind(vm.exportingProperty());
    MenuItem toExcel = new MenuItem(messages.get("export.excel"));
    toExcel.setId("exportButtonExcel");
    toExcel.setOnAction(e -> exportTo(ExportFormat.XLSX, owner));
    MenuItem toCsv = new MenuItem(messages.get("export.csv"));
    toCsv.setId("exportButtonCsv");
    toCsv.setOnAction(e -> exportTo(ExportFormat.CSV, owner));
    export.getItems().addAll(toExcel, toCsv);
    Button cancelExport = new Button(null, icon(Material2AL.CLOSE));
    cancelExport.setId("exportCancel");
    cancelExport.setTooltip(new Tooltip(messages.get("export.cancel")));
    cancelExport.setOnAction(e -> vm.cancelExport());
    cancelExport.visibleProperty().bind(vm.exportingProperty());
    cancelExport.managedProperty().bind(vm.exportingProperty());
    ProgressBar progress = new ProgressBar();
    progress.setId("exportProgress");
    progress.setPrefWidth(120);
    progress.progressProperty().bind(vm.exportProgressProperty());
    progress.visibleProperty().bind(vm.exportingProperty());
    progress.managedProperty().bind(vm.exportingProperty());
    Label count = new Label();
    count.setId("rowCount");
    count.textProperty().bind(vm.statusProperty());
    count.setMinWidth(Region.USE_PREF_SIZE);

    HBox bar = new HBox(8, create, filter, saved, refresh, export, progress, cancelExport, count);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8));
    bar.getStyleClass().add(Styles.TOOLBAR);
    setTop(bar);

    table.setId("table");
    table
        .getStyleClass()
        .addAll(
            atlantafx.base.theme.Styles.DENSE,
            atlantafx.base.theme.Styles.STRIPED,
            Styles.PAGED_TABLE);
    table.setItems(vm.rows());
    table.setPlaceholder(new Label(messages.get("list.empty")));
    table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    for (ColumnSpec<T> spec : vm.columns()) {
      TableColumn<T, String> col = new TableColumn<>(messages.get(spec.titleKey()));
      col.setId("col-" + spec.id());
      col.setUserData(spec.sortField());
      col.setSortable(spec.sortField() != null);
      if (spec.numeric()) {
        col.setStyle("-fx-alignment: CENTER-RIGHT;");
      }
      col.setCellValueFactory(
          cd ->
              new SimpleStringProperty(
                  cd.getValue() == null ? "…" : spec.text().apply(cd.getValue())));
      col.setPrefWidth(widths.width(vm.screen(), spec.id(), spec.width()));
      col.widthProperty()
          .addListener((o, a, b) -> widths.remember(vm.screen(), spec.id(), b.doubleValue()));
      table.getColumns().add(col);
    }
    // The server sorts; the table only tells it which allow-listed field was chosen.
    table.setSortPolicy(
        t -> {
          if (t.getSortOrder().isEmpty()) {
            vm.sortBy("", false);
          } else {
            TableColumn<T, ?> c = t.getSortOrder().get(0);
            vm.sortBy((String) c.getUserData(), c.getSortType() == TableColumn.SortType.DESCENDING);
          }
          return true;
        });
    table.setRowFactory(
        tv -> {
          TableRow<T> row =
              new TableRow<>() {
                private boolean shownLoading;

                @Override
                protected void updateItem(T item, boolean empty) {
                  super.updateItem(item, empty);
                  boolean loading = !empty && item == null;
                  if (loading != shownLoading) {
                    shownLoading = loading;
                    pseudoClassStateChanged(LOADING, loading);
                  }
                }
              };
          row.setOnMouseClicked(
              e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                  vm.open(row.getItem());
                }
              });
          return row;
        });
    table.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            vm.open(table.getSelectionModel().getSelectedItem());
            e.consume();
          }
        });
    TableExport.install(table, messages, (format, t) -> exportTo(format, owner));
    setCenter(table);

    Label error = new Label();
    error.setId("listMessage");
    error.getStyleClass().add(Styles.ERROR_TEXT);
    error.textProperty().bind(vm.messageProperty());
    error.visibleProperty().bind(vm.messageProperty().isNotEmpty());
    error.managedProperty().bind(error.visibleProperty());
    error.setPadding(new Insets(4, 8, 4, 8));
    error.setWrapText(true);
    setBottom(error);

    addEventHandler(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (NEW.match(e) && canCreate) {
            vm.createNew();
            e.consume();
          } else if (e.getCode() == KeyCode.F5) {
            vm.refresh();
            e.consume();
          } else if (FIND.match(e)) {
            filter.requestFocus();
            e.consume();
          }
        });
  }

  /** Asks where to, then exports every row of the list in the columns as shown. */
  private void exportTo(ExportFormat format, Supplier<Window> owner) {
    if (vm.exportingProperty().get()) {
      return;
    }
    String title = TableExport.titleOf(table);
    if (title.equals(table.getId())) {
      title = vm.screen();
    }
    java.nio.file.Path f =
        ExportFiles.choose(
            owner.get(),
            messages.get(format == ExportFormat.XLSX ? "export.excel" : "export.csv"),
            title,
            format);
    if (f != null) {
      java.util.List<String> ids = new java.util.ArrayList<>();
      for (TableColumn<T, ?> c : table.getVisibleLeafColumns()) {
        ids.add(c.getId().substring("col-".length()));
      }
      vm.export(f, format, ids, title);
    }
  }

  private static FontIcon icon(org.kordamp.ikonli.Ikon ikon) {
    return new FontIcon(ikon);
  }

  public TableView<T> table() {
    return table;
  }

  public TextField filterField() {
    return filter;
  }

  public ListViewModel<T> viewModel() {
    return vm;
  }

  public Messages messages() {
    return messages;
  }
}
