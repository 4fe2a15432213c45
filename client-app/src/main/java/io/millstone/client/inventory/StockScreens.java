package io.millstone.client.inventory;

import io.millstone.api.inventory.v1.Move;
import io.millstone.api.inventory.v1.OnHand;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.ScreenContext;
import io.millstone.client.core.ScreenDefinition;
import io.millstone.client.core.list.ColumnSpec;
import io.millstone.client.core.list.ListViewModel;
import io.millstone.client.core.list.PageSource;
import io.millstone.client.core.list.PagedTableView;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * Stock on hand by item, warehouse and lot (paged from the server), and an item's stock ledger,
 * opened from a line with Enter or a double click.
 */
public final class StockScreens {
  private StockScreens() {}

  /**
   * What the quick filter asks for: {@code SUG-1}, {@code SUG-1 GODOWN}, {@code warehouse: GODOWN}.
   */
  record Filter(String item, String warehouse) {
    static Filter parse(String text) {
      String item = "";
      String warehouse = "";
      String t = text == null ? "" : text.trim();
      java.util.regex.Matcher w =
          java.util.regex.Pattern.compile("(?i)warehouse:\\s*(\\S+)").matcher(t);
      if (w.find()) {
        warehouse = w.group(1);
        t = (t.substring(0, w.start()) + " " + t.substring(w.end())).trim();
      }
      t = t.replaceFirst("(?i)^item:\\s*", "");
      String[] words = t.isEmpty() ? new String[0] : t.split("\\s+");
      if (words.length > 0) {
        item = words[0];
      }
      if (words.length > 1 && warehouse.isEmpty()) {
        warehouse = words[1];
      }
      return new Filter(item.toUpperCase(Locale.ROOT), warehouse.toUpperCase(Locale.ROOT));
    }
  }

  static List<ColumnSpec<OnHand>> onHandColumns() {
    return List.of(
        new ColumnSpec<>("item", "stock.item", OnHand::getItemCode, null, 120),
        new ColumnSpec<>("name", "stock.name", OnHand::getItemName, null, 240),
        new ColumnSpec<>("warehouse", "stock.warehouse", OnHand::getWarehouseCode, null, 110),
        new ColumnSpec<>("lot", "stock.lot", OnHand::getLot, null, 110),
        ColumnSpec.numeric(
            "quantity",
            "stock.quantity",
            o -> Amounts.quantityShown(o.getQuantity().getValue()),
            null,
            110),
        new ColumnSpec<>("unit", "stock.unit", OnHand::getUnitCode, null, 60),
        ColumnSpec.numeric(
            "value", "stock.value", o -> Amounts.money(o.getValue().getAmount()), null, 150),
        ColumnSpec.numeric(
            "reorder",
            "stock.reorderLevel",
            o -> o.hasReorderLevel() ? Amounts.quantityShown(o.getReorderLevel().getValue()) : "",
            null,
            100),
        new ColumnSpec<>(
            "below",
            "stock.belowReorder",
            o -> o.getBelowReorderLevel() ? "\u26a0" : "",
            null,
            70));
  }

  public static List<ColumnSpec<Move>> moveColumns(Messages m) {
    return List.of(
        new ColumnSpec<>(
            "posted",
            "stock.posted",
            x -> Dates.dateTime(java.time.Instant.ofEpochSecond(x.getPostedAt().getSeconds())),
            null,
            140),
        new ColumnSpec<>(
            "kind",
            "stock.kind",
            x -> {
              String k = "stock.kind." + x.getKind().toLowerCase(Locale.ROOT);
              return m.has(k) ? m.get(k) : x.getKind();
            },
            null,
            110),
        new ColumnSpec<>("warehouse", "stock.warehouse", Move::getWarehouseCode, null, 100),
        new ColumnSpec<>("lot", "stock.lot", Move::getLot, null, 100),
        ColumnSpec.numeric(
            "quantity",
            "stock.quantity",
            x -> Amounts.quantityShown(x.getQuantity().getValue()),
            null,
            100),
        ColumnSpec.numeric(
            "unitCost",
            "stock.unitCost",
            x -> Amounts.money(x.getUnitCost().getAmount()),
            null,
            110),
        ColumnSpec.numeric(
            "value", "stock.value", x -> Amounts.money(x.getValue().getAmount()), null, 130),
        new ColumnSpec<>("reference", "stock.reference", Move::getReference, null, 200),
        new ColumnSpec<>("by", "stock.by", Move::getPostedBy, null, 120));
  }

  public static List<ScreenDefinition> definitions(ScreenContext ctx, StockGateway gateway) {
    return List.of(
        new ScreenDefinition(
            "stock-on-hand",
            "screen.stockOnHand",
            "domain.inventory",
            "inventory.stock.read",
            Material2AL.ALL_INBOX,
            filter -> onHand(ctx, gateway, filter)),
        move(
            ctx,
            gateway,
            StockMoveViewModel.Kind.RECEIPT,
            "inventory.stock.move",
            org.kordamp.ikonli.material2.Material2MZ.MOVE_TO_INBOX),
        move(
            ctx,
            gateway,
            StockMoveViewModel.Kind.ISSUE,
            "inventory.stock.move",
            Material2AL.ASSIGNMENT),
        move(
            ctx,
            gateway,
            StockMoveViewModel.Kind.TRANSFER,
            "inventory.stock.move",
            Material2AL.COMPARE_ARROWS),
        move(
            ctx,
            gateway,
            StockMoveViewModel.Kind.COUNT,
            "inventory.stock.count",
            Material2AL.FACT_CHECK));
  }

  private static ScreenDefinition move(
      ScreenContext ctx,
      StockGateway gateway,
      StockMoveViewModel.Kind kind,
      String permission,
      org.kordamp.ikonli.Ikon icon) {
    return new ScreenDefinition(
        "stock-" + kind.key(),
        "screen.stock." + kind.key(),
        "domain.inventory",
        permission,
        icon,
        filter -> {
          StockMoveViewModel vm =
              new StockMoveViewModel(kind, gateway, ctx.executor(), ctx.messages(), ctx.notifier());
          vm.start();
          StockMoveView view = new StockMoveView(vm, ctx.messages(), ctx.dialogs());
          view.focusFirst();
          return view;
        });
  }

  private static javafx.scene.Node onHand(ScreenContext ctx, StockGateway gateway, String filter) {
    Messages m = ctx.messages();
    PageSource<OnHand> source =
        (q, token, size) -> {
          Filter f = Filter.parse(q.filter());
          return gateway.onHand(f.item(), f.warehouse(), token, size);
        };
    ListViewModel<OnHand> vm =
        new ListViewModel<>(
            "stock-on-hand", source, null, onHandColumns(), ctx.executor(), m, ctx.notifier());
    vm.filterProperty().set(filter);
    vm.setOpener(row -> openMoves(ctx, gateway, row));
    PagedTableView<OnHand> view =
        new PagedTableView<>(vm, m, ctx.dialogs(), ctx.widths(), false, ctx.owner());
    view.filterField().setPromptText(m.get("stock.filterPrompt"));
    alignRight(view, "quantity", "value", "reorder");
    vm.refresh();
    if (!ctx.can("inventory.reorder.manage")) {
      return view;
    }
    // The reorder level of the chosen line's item in its warehouse.
    javafx.scene.control.Button level =
        new javafx.scene.control.Button(m.get("stock.setReorderLevel"));
    level.setId("setReorderLevel");
    level.setMnemonicParsing(true);
    level.disableProperty().bind(view.table().getSelectionModel().selectedItemProperty().isNull());
    javafx.scene.control.Label levelMessage = new javafx.scene.control.Label();
    levelMessage.setId("reorderMessage");
    levelMessage.getStyleClass().add(io.millstone.client.core.Styles.ERROR_TEXT);
    level.setOnAction(
        e -> {
          OnHand row = view.table().getSelectionModel().getSelectedItem();
          if (row == null) {
            return;
          }
          ctx.dialogs()
              .askText(
                  m.get("stock.reorderTitle"),
                  m.get("stock.reorderPrompt", row.getItemCode(), row.getWarehouseCode()),
                  row.hasReorderLevel() ? row.getReorderLevel().getValue() : "")
              .ifPresent(
                  text -> {
                    java.math.BigDecimal value = Amounts.parse(text.isBlank() ? "0" : text);
                    if (value == null || value.signum() < 0) {
                      levelMessage.setText(m.get("stock.reorderNumber"));
                      return;
                    }
                    ctx.executor()
                        .submit(
                            () -> {
                              gateway.setReorderLevel(
                                  row.getItemCode(), row.getWarehouseCode(), value);
                              return value;
                            },
                            v -> {
                              levelMessage.setText("");
                              vm.refresh();
                            },
                            t ->
                                levelMessage.setText(
                                    io.millstone.client.remote.ErrorText.of(t, m)));
                  });
        });
    javafx.scene.layout.HBox bar = new javafx.scene.layout.HBox(10, level, levelMessage);
    bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    bar.setPadding(new javafx.geometry.Insets(0, 8, 8, 8));
    javafx.scene.layout.BorderPane pane = new javafx.scene.layout.BorderPane(view);
    pane.setBottom(bar);
    return pane;
  }

  /** Quantities and amounts line up on the right. */
  private static void alignRight(PagedTableView<?> list, String... columnIds) {
    for (var c : list.table().getColumns()) {
      if (List.of(columnIds).contains(c.getId().substring("col-".length()))) {
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
      }
    }
  }

  private static void openMoves(ScreenContext ctx, StockGateway gateway, OnHand row) {
    Messages m = ctx.messages();
    String item = row.getItemCode();
    // The whole ledger of the item, newest first; the filter narrows to a warehouse.
    PageSource<Move> source =
        (q, token, size) ->
            gateway.moves(item, Filter.parse("warehouse: " + q.filter()).warehouse());
    ListViewModel<Move> vm =
        new ListViewModel<>(
            "stock-moves", source, null, moveColumns(m), ctx.executor(), m, ctx.notifier());
    // The export streams every move of the item (ExportMoves), oldest first, instead of paging.
    vm.setExportStream(
        (q, total, rows) ->
            gateway.exportMoves(
                item, Filter.parse("warehouse: " + q.filter()).warehouse(), total, rows));
    PagedTableView<Move> view =
        new PagedTableView<>(vm, m, ctx.dialogs(), ctx.widths(), false, ctx.owner());
    view.setId("stockMoves");
    view.filterField().setPromptText(m.get("stock.movesFilterPrompt"));
    alignRight(view, "quantity", "unitCost", "value");
    vm.refresh();
    ctx.workbench()
        .show(
            "stock-moves-" + item,
            new SimpleStringProperty(m.get("stock.movesTab", item)),
            view,
            Runnable::run);
  }
}
