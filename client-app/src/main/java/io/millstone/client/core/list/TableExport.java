package io.millstone.client.core.list;

import io.millstone.client.core.Messages;
import io.millstone.client.core.Notifier;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import java.nio.file.Path;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.event.EventTarget;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;

/**
 * "Export to Excel…" and "Export to CSV…" for every table of the window: its context menu and
 * Ctrl+Shift+E (Excel) / Ctrl+Shift+C (CSV) export the visible columns, in their order and with
 * their titles, of all its rows; right-aligned (numeric) columns become number cells. The window's
 * scene is watched ({@link #watch}), so any table, including one a screen adds later, gets the
 * export the first time it is right-clicked or focused; {@link #install} does it at once. Lists
 * that page from the server install their own export ({@link PagedTableView}), which writes every
 * row of the server's list, not only those loaded.
 */
public final class TableExport {
  public static final KeyCombination EXCEL =
      new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
  public static final KeyCombination CSV =
      new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
  static final String INSTALLED = "millstone.tableExport";
  static final String WATCHED = "millstone.tableExport.watched";

  /**
   * A scene property: what prints a table (a {@code Consumer<TableView<?>>}), set once a person is
   * signed in. Every table's menu then has "Print…" (Ctrl+Shift+P) beside its exports.
   */
  public static final String PRINTER = "millstone.tableExport.printer";

  /** What the export needs from the window: words, a worker, a way to tell the person. */
  public record Context(Supplier<Messages> messages, UiTaskExecutor executor, Notifier notifier) {}

  private TableExport() {}

  /** Whether {@code table} has the export (installed, or in a watched window). */
  public static boolean covered(TableView<?> table) {
    return table.getProperties().containsKey(INSTALLED)
        || (table.getScene() != null
            && table.getScene().getProperties().get(WATCHED) instanceof Context);
  }

  /**
   * Gives every table in {@code scene} the export: installs it on a table when a right click, a
   * context-menu key or a key press reaches it.
   */
  public static void watch(Scene scene, Context ctx) {
    scene.getProperties().put(WATCHED, ctx);
    scene.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> reach(e.getTarget(), ctx));
    scene.addEventFilter(
        MouseEvent.MOUSE_PRESSED,
        e -> {
          if (e.isSecondaryButtonDown()) {
            reach(e.getTarget(), ctx);
          }
        });
    scene.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (EXCEL.match(e) || CSV.match(e)) {
            TableView<?> t = tableOf(e.getTarget());
            if (t != null && !t.getProperties().containsKey(INSTALLED)) {
              install(t, ctx);
              run(t, ctx, EXCEL.match(e) ? ExportFormat.XLSX : ExportFormat.CSV);
              e.consume();
            }
          }
        });
  }

  /** Installs the export on every table under {@code root} now. */
  public static void installAll(Node root, Context ctx) {
    if (root instanceof TableView<?> t) {
      install(t, ctx);
    }
    if (root instanceof Parent p) {
      for (Node n : p.getChildrenUnmodifiable()) {
        installAll(n, ctx);
      }
    }
  }

  private static void reach(EventTarget target, Context ctx) {
    TableView<?> t = tableOf(target);
    if (t != null) {
      install(t, ctx);
    }
  }

  private static TableView<?> tableOf(EventTarget target) {
    for (Node n = target instanceof Node x ? x : null; n != null; n = n.getParent()) {
      if (n instanceof TableView<?> t) {
        return t;
      }
    }
    return null;
  }

  /** The table's export, writing its rows (in memory) through {@link Exports}. */
  public static void install(TableView<?> table, Context ctx) {
    install(table, ctx.messages().get(), (format, t) -> run(t, ctx, format));
  }

  /**
   * Installs context-menu items and keys that call {@code action} with the format asked for (a list
   * that pages from the server passes its own).
   */
  public static void install(
      TableView<?> table, Messages m, BiConsumer<ExportFormat, TableView<?>> action) {
    if (table.getProperties().containsKey(INSTALLED)) {
      return;
    }
    table.getProperties().put(INSTALLED, Boolean.TRUE);
    MenuItem excel = new MenuItem(m.get("export.excel"));
    excel.setId("exportExcel");
    excel.setAccelerator(EXCEL);
    excel.setOnAction(e -> action.accept(ExportFormat.XLSX, table));
    MenuItem csv = new MenuItem(m.get("export.csv"));
    csv.setId("exportCsv");
    csv.setAccelerator(CSV);
    csv.setOnAction(e -> action.accept(ExportFormat.CSV, table));
    MenuItem print = new MenuItem(m.get("export.print"));
    print.setId("printTable");
    print.setAccelerator(PRINT);
    print.setOnAction(e -> print(table));
    ContextMenu menu = table.getContextMenu();
    if (menu == null) {
      menu = new ContextMenu(excel, csv);
      table.setContextMenu(menu);
    } else {
      menu.getItems().addAll(new SeparatorMenuItem(), excel, csv);
    }
    ContextMenu shown = menu;
    // "Print…" only where a printer is known (a signed-in window), checked as the menu opens.
    menu.setOnShowing(
        e -> {
          boolean can = printer(table) != null;
          if (can && !shown.getItems().contains(print)) {
            shown.getItems().add(print);
          } else if (!can) {
            shown.getItems().remove(print);
          }
        });
    table.addEventHandler(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (EXCEL.match(e)) {
            action.accept(ExportFormat.XLSX, table);
            e.consume();
          } else if (CSV.match(e)) {
            action.accept(ExportFormat.CSV, table);
            e.consume();
          }
        });
  }

  /** The key that prints the table in view (handled by the window, shown on the menu item). */
  public static final KeyCombination PRINT =
      new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

  @SuppressWarnings("unchecked")
  private static java.util.function.Consumer<TableView<?>> printer(TableView<?> table) {
    return table.getScene() != null
            && table.getScene().getProperties().get(PRINTER)
                instanceof java.util.function.Consumer<?> c
        ? (java.util.function.Consumer<TableView<?>>) c
        : null;
  }

  private static void print(TableView<?> table) {
    var p = printer(table);
    if (p != null) {
      p.accept(table);
    }
  }

  /** The title of the tab (or window) the table is in, for the file name and the sheet. */
  public static String titleOf(TableView<?> table) {
    for (Node n = table; n != null; n = n.getParent()) {
      if (n.getParent() != null && n.getParent().getStyleClass().contains("tab-content-area")) {
        Node area = n.getParent();
        for (Node p = area; p != null; p = p.getParent()) {
          if (p instanceof TabPane tp) {
            for (Tab tab : tp.getTabs()) {
              if (tab.getContent() == n) {
                return tab.getText();
              }
            }
          }
        }
      }
    }
    if (table.getId() != null) {
      return table.getId();
    }
    return "export";
  }

  /** The visible leaf columns, in the order shown. */
  public static List<TableColumn<?, ?>> shownColumns(TableView<?> table) {
    List<TableColumn<?, ?>> out = new ArrayList<>();
    for (TableColumn<?, ?> c : table.getVisibleLeafColumns()) {
      out.add(c);
    }
    return out;
  }

  /** A column of numbers: drawn right-aligned. */
  static boolean numeric(TableColumn<?, ?> c) {
    String style = c.getStyle() == null ? "" : c.getStyle().toUpperCase(java.util.Locale.ROOT);
    return style.contains("RIGHT") || c.getStyleClass().contains("numeric");
  }

  /**
   * Reads the table's visible cells (on the UI thread: cell values may come from live properties),
   * then writes them off it.
   */
  static void run(TableView<?> table, Context ctx, ExportFormat format) {
    Messages m = ctx.messages().get();
    String title = titleOf(table);
    Path file =
        ExportFiles.choose(
            table.getScene() == null ? null : table.getScene().getWindow(),
            m.get(format == ExportFormat.XLSX ? "export.excel" : "export.csv"),
            title,
            format);
    if (file == null) {
      return;
    }
    List<TableColumn<?, ?>> cols = shownColumns(table);
    List<String> titles = new ArrayList<>();
    boolean[] numeric = new boolean[cols.size()];
    double[] widths = new double[cols.size()];
    for (int i = 0; i < cols.size(); i++) {
      titles.add(cols.get(i).getText() == null ? "" : cols.get(i).getText());
      numeric[i] = numeric(cols.get(i));
      widths[i] = cols.get(i).getWidth();
    }
    List<List<Object>> rows = rowsOf(table, cols);
    ctx.executor()
        .submitWithProgress(
            progress ->
                Exports.write(
                    file,
                    format,
                    title,
                    new Exports.Columns(titles, numeric, widths),
                    (out, p) -> {
                      long n = 0;
                      for (List<Object> row : rows) {
                        out.row(row);
                        if (++n % 1000 == 0) {
                          p.update(n, rows.size());
                        }
                      }
                      return n;
                    },
                    progress),
            p -> {},
            count ->
                ctx.notifier()
                    .notify(
                        m.get("list.export.done.title"),
                        m.get("list.export.done", count, file.getFileName().toString())),
            e -> ctx.notifier().notify(m.get("export.failed"), ErrorText.of(e, m)));
  }

  /** The cells of every row in the given columns, as the table shows them. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static List<List<Object>> rowsOf(TableView<?> table, List<TableColumn<?, ?>> cols) {
    List<List<Object>> rows = new ArrayList<>(table.getItems().size());
    javafx.scene.control.TableCell[] cells = new javafx.scene.control.TableCell[cols.size()];
    javafx.scene.control.TableRow row = new javafx.scene.control.TableRow();
    row.updateTableView((TableView) table);
    for (int r = 0; r < table.getItems().size(); r++) {
      List<Object> out = new ArrayList<>(cols.size());
      row.updateIndex(r);
      for (int i = 0; i < cols.size(); i++) {
        TableColumn c = cols.get(i);
        Object v = c.getCellData(r);
        if (v == null
            || v instanceof String
            || v instanceof Number
            || v instanceof java.time.LocalDate
            || v instanceof java.time.LocalDateTime) {
          out.add(cellOf(v));
          continue;
        }
        // Anything else (the row itself, a record, an enum) reads as the cell draws it.
        out.add(drawn(table, c, cells, i, row, r, v));
      }
      rows.add(out);
    }
    return rows;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object drawn(
      TableView<?> table,
      TableColumn c,
      javafx.scene.control.TableCell[] cells,
      int i,
      javafx.scene.control.TableRow row,
      int r,
      Object value) {
    try {
      if (cells[i] == null) {
        cells[i] = (javafx.scene.control.TableCell) c.getCellFactory().call(c);
        cells[i].updateTableView((TableView) table);
        cells[i].updateTableColumn(c);
        cells[i].updateTableRow(row);
      }
      cells[i].updateIndex(-1);
      cells[i].updateIndex(r);
      String text = cells[i].getText();
      if ((text == null || text.isEmpty())
          && cells[i].getGraphic() instanceof javafx.scene.control.Labeled l) {
        text = l.getText();
      }
      return text == null ? "" : text;
    } catch (RuntimeException e) {
      return cellOf(value);
    }
  }

  /** What a cell holds, as an export writes it: numbers and dates as they are, else its text. */
  static Object cellOf(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Number
        || v instanceof java.time.LocalDate
        || v instanceof java.time.LocalDateTime) {
      return v;
    }
    if (v instanceof TemporalAccessor) {
      return v.toString();
    }
    if (v instanceof javafx.beans.value.ObservableValue<?> o) {
      return cellOf(o.getValue());
    }
    return v.toString();
  }
}
