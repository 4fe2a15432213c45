package io.millstone.client.production;

import io.millstone.client.core.Styles;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Small read-only tables and labels the production screens share. */
final class Tables {
  private Tables() {}

  static <T> TableView<T> table(String id, double height) {
    TableView<T> t = new TableView<>();
    t.setId(id);
    t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    t.setPrefHeight(height);
    t.setMinHeight(height);
    t.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
    t.setPlaceholder(new Label(""));
    return t;
  }

  static <T> TableColumn<T, String> column(
      String title, Function<T, String> value, double width, boolean right) {
    TableColumn<T, String> c = new TableColumn<>(title);
    c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
    c.setPrefWidth(width);
    c.setMinWidth(Math.min(width, 60));
    c.setSortable(false);
    if (right) {
      c.setStyle("-fx-alignment: CENTER-RIGHT;");
    }
    return c;
  }

  /** Keeps the buttons of a row at their full width; labels beside them wrap instead. */
  static javafx.scene.layout.HBox row(double gap, javafx.scene.Node... nodes) {
    javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(gap, nodes);
    row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    for (javafx.scene.Node n : nodes) {
      if (n instanceof javafx.scene.control.ButtonBase b) {
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      } else if (n instanceof javafx.scene.control.ComboBoxBase<?> c) {
        c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      } else if (n instanceof Label l && l.isWrapText()) {
        javafx.scene.layout.HBox.setHgrow(l, javafx.scene.layout.Priority.ALWAYS);
      }
    }
    return row;
  }

  static Label muted(String text) {
    Label l = new Label(text);
    l.getStyleClass()
        .addAll(atlantafx.base.theme.Styles.TEXT_SMALL, atlantafx.base.theme.Styles.TEXT_MUTED);
    return l;
  }

  static Label section(String text) {
    Label l = new Label(text);
    l.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_4);
    return l;
  }

  static Label title(String id) {
    Label l = new Label();
    l.setId(id);
    l.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_3);
    return l;
  }

  static Label error(String id) {
    Label l = new Label();
    l.setId(id);
    l.getStyleClass().add(Styles.ERROR_TEXT);
    l.setWrapText(true);
    return l;
  }

  static Label right(String id) {
    Label l = new Label();
    l.setId(id);
    l.setMinWidth(90);
    l.setMaxWidth(Double.MAX_VALUE);
    l.setAlignment(Pos.CENTER_RIGHT);
    l.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
    return l;
  }
}
