package io.millstone.client.core.print;

import io.millstone.api.papers.v1.Align;
import io.millstone.api.papers.v1.PrintTableRequest;
import io.millstone.api.papers.v1.TableColumn;
import io.millstone.api.papers.v1.TableRow;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TableView;

/**
 * Any table on screen as the server's PrintTable asks for it: its title, its visible columns in
 * their order (right-aligned ones stay right-aligned, widths as shown) and its rows as their cells
 * show them.
 */
public final class TablePaper {
  private TablePaper() {}

  /** The table the person is in (the focused one), else the first one in {@code content}. */
  public static TableView<?> find(Node focused, Node content) {
    for (Node n = focused; n != null; n = n.getParent()) {
      if (n instanceof TableView<?> t) {
        return t;
      }
    }
    return first(content);
  }

  private static TableView<?> first(Node n) {
    if (n instanceof TableView<?> t && t.isVisible()) {
      return t;
    }
    if (n instanceof Parent p) {
      for (Node c : p.getChildrenUnmodifiable()) {
        TableView<?> t = first(c);
        if (t != null) {
          return t;
        }
      }
    }
    return null;
  }

  public static PrintTableRequest of(TableView<?> table, String title, String subtitle) {
    PrintTableRequest.Builder r =
        PrintTableRequest.newBuilder()
            .setTitle(title == null ? "" : title)
            .setSubtitle(subtitle == null ? "" : subtitle);
    List<javafx.scene.control.TableColumn<?, ?>> columns = new ArrayList<>();
    for (var c : table.getVisibleLeafColumns()) {
      columns.add(c);
      String style = c.getStyle() == null ? "" : c.getStyle();
      r.addColumns(
          TableColumn.newBuilder()
              .setHeader(c.getText() == null ? "" : c.getText())
              .setAlign(style.contains("RIGHT") ? Align.ALIGN_RIGHT : Align.ALIGN_LEFT)
              .setWeight((float) c.getWidth()));
    }
    for (int i = 0; i < table.getItems().size(); i++) {
      if (table.getItems().get(i) == null) {
        continue; // a page of a long list not read yet
      }
      TableRow.Builder row = TableRow.newBuilder();
      for (var c : columns) {
        Object v = c.getCellData(i);
        row.addCells(v == null ? "" : v.toString());
      }
      r.addRows(row);
    }
    return r.build();
  }
}
