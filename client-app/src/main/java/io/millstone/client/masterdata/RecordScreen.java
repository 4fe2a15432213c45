package io.millstone.client.masterdata;

import io.millstone.client.core.Confirmation;
import io.millstone.client.core.RecordLookup;
import io.millstone.client.core.ScreenContext;
import io.millstone.client.core.ScreenDefinition;
import io.millstone.client.core.SidePanels;
import io.millstone.client.core.form.Deactivating;
import io.millstone.client.core.form.FieldSpec;
import io.millstone.client.core.form.FormView;
import io.millstone.client.core.form.FormViewModel;
import io.millstone.client.core.form.RecordGateway;
import io.millstone.client.core.list.ColumnSpec;
import io.millstone.client.core.list.ListViewModel;
import io.millstone.client.core.list.PageSource;
import io.millstone.client.core.list.PagedTableView;
import io.millstone.client.core.list.SavedSearchStore;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.control.Button;
import org.kordamp.ikonli.Ikon;

/**
 * A master-data screen: a list of records that opens each one in a form tab. One instance per kind
 * of record; the list and its forms are built fresh each time the screen is opened.
 */
final class RecordScreen<T, G extends PageSource<T> & RecordGateway<T>> {
  private static final AtomicInteger NEW_FORMS = new AtomicInteger();

  private final String id;
  private final String titleKey;
  private final String readPermission;
  private final String managePermission;
  private final Ikon icon;
  private final G gateway;
  private final SavedSearchStore savedSearches;
  private final List<ColumnSpec<T>> columns;
  private final List<FieldSpec> fields;
  private java.util.function.Function<ScreenContext, javafx.scene.Node> footer;

  RecordScreen(
      String id,
      String titleKey,
      String readPermission,
      String managePermission,
      Ikon icon,
      G gateway,
      SavedSearchStore savedSearches,
      List<ColumnSpec<T>> columns,
      List<FieldSpec> fields) {
    this.id = id;
    this.titleKey = titleKey;
    this.readPermission = readPermission;
    this.managePermission = managePermission;
    this.icon = icon;
    this.gateway = gateway;
    this.savedSearches = savedSearches;
    this.columns = columns;
    this.fields = fields;
  }

  /** Shows {@code footer} under the list (the units' converter). */
  RecordScreen<T, G> withFooter(java.util.function.Function<ScreenContext, javafx.scene.Node> f) {
    this.footer = f;
    return this;
  }

  String id() {
    return id;
  }

  ScreenDefinition definition(ScreenContext ctx, SidePanels panels) {
    return new ScreenDefinition(
        id,
        titleKey,
        "domain.masterdata",
        readPermission,
        icon,
        filter -> {
          PagedTableView<T> list = list(ctx, filter, panels);
          if (footer == null) {
            return list;
          }
          javafx.scene.layout.BorderPane with = new javafx.scene.layout.BorderPane(list);
          with.setBottom(footer.apply(ctx));
          return with;
        });
  }

  /** The kind of record this screen edits, as the side panel names it (none for units). */
  private String recordKind() {
    return switch (id) {
      case "items" -> "item";
      case "customers" -> "customer";
      case "suppliers" -> "supplier";
      case "warehouses" -> "warehouse";
      default -> null;
    };
  }

  /** Finds records of this kind for the command palette; a hit opens its form in a tab. */
  RecordLookup lookup(ScreenContext ctx, SidePanels panels) {
    String kind = ctx.messages().get(titleKey);
    return new RecordLookup() {
      @Override
      public String screenId() {
        return id;
      }

      @Override
      public List<RecordLookup.Hit> find(String text, int limit) throws Exception {
        return gateway.fetch(new PageSource.Query(text, ""), "", limit).rows().stream()
            .map(
                row ->
                    new RecordLookup.Hit(
                        gateway.titleOf(row).trim(), kind, () -> openForm(ctx, null, row, panels)))
            .toList();
      }
    };
  }

  private PagedTableView<T> list(ScreenContext ctx, String filter, SidePanels panels) {
    ListViewModel<T> vm =
        new ListViewModel<>(
            id, gateway, savedSearches, columns, ctx.executor(), ctx.messages(), ctx.notifier());
    vm.filterProperty().set(filter);
    boolean canManage = ctx.can(managePermission);
    vm.setOpener(row -> openForm(ctx, vm, row, panels));
    vm.setCreator(() -> openForm(ctx, vm, null, panels));
    PagedTableView<T> view =
        new PagedTableView<>(
            vm, ctx.messages(), ctx.dialogs(), ctx.widths(), canManage, ctx.owner());
    vm.refresh();
    return view;
  }

  private static <T> Button deactivateButton(
      ScreenContext ctx, FormViewModel<T> vm, Deactivating<T> how) {
    Button b =
        new Button(
            ctx.messages().get("form.deactivate"),
            new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.material2.Material2AL.BLOCK));
    b.setId("deactivateButton");
    b.setMnemonicParsing(true);
    b.disableProperty()
        .bind(
            javafx.beans.binding.Bindings.createBooleanBinding(
                () ->
                    vm.recordProperty().get() == null
                        || !how.isActive(vm.recordProperty().get())
                        || vm.isBusy(),
                vm.recordProperty(),
                vm.busyProperty()));
    b.setOnAction(e -> vm.deactivate(how, Confirmation.fx(ctx.owner())));
    return b;
  }

  private void openForm(ScreenContext ctx, ListViewModel<T> list, T row, SidePanels panels) {
    FormViewModel<T> vm =
        new FormViewModel<>(
            gateway,
            fields,
            ctx.executor(),
            ctx.dialogs(),
            ctx.messages(),
            ctx.notifier(),
            ctx.messages().get(titleKey + ".new"));
    String tabId =
        row == null ? id + "-new-" + NEW_FORMS.incrementAndGet() : id + "-" + gateway.idOf(row);
    if (row != null) {
      vm.load(row);
    }
    if (list != null) {
      vm.setOnSaved(saved -> list.refresh());
    }
    FormView<T> view = new FormView<>(vm, ctx.messages());
    if (gateway instanceof Deactivating<?> && ctx.can(managePermission)) {
      @SuppressWarnings("unchecked")
      Deactivating<T> how = (Deactivating<T>) gateway;
      view.addAction(deactivateButton(ctx, vm, how));
    }
    view.setOnCloseRequest(() -> vm.requestClose(() -> ctx.workbench().close(tabId)));
    javafx.scene.Node content = view;
    javafx.scene.Node panel =
        row == null || recordKind() == null ? null : panels.panel(recordKind(), gateway.idOf(row));
    if (panel != null) {
      // The record's notes, files and history beside its form.
      javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(view, panel);
      split.setDividerPositions(0.6);
      content = split;
    }
    ctx.workbench().show(tabId, vm.titleProperty(), content, vm::requestClose);
    Platform.runLater(view::focusFirst);
  }
}
