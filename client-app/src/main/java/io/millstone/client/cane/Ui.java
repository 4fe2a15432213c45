package io.millstone.client.cane;

import io.millstone.client.core.Styles;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;

/** Small label helpers the cane views share. */
final class Ui {
  private Ui() {}

  static Label muted(String text) {
    Label l = new Label(text);
    l.getStyleClass()
        .addAll(atlantafx.base.theme.Styles.TEXT_SMALL, atlantafx.base.theme.Styles.TEXT_MUTED);
    return l;
  }

  /** A column heading over figures, lined up with them on the right. */
  static Label mutedRight(String text) {
    Label l = muted(text);
    l.setMaxWidth(Double.MAX_VALUE);
    l.setAlignment(Pos.CENTER_RIGHT);
    return l;
  }

  static Label right(String text) {
    Label l = new Label(text);
    l.setMinWidth(80);
    l.setMaxWidth(Double.MAX_VALUE);
    l.setAlignment(Pos.CENTER_RIGHT);
    return l;
  }

  static Label error(String id, ObservableStringValue text) {
    Label l = new Label();
    l.setId(id);
    l.getStyleClass().add(Styles.ERROR_TEXT);
    l.setWrapText(true);
    l.setMaxWidth(360);
    l.textProperty().bind(text);
    return l;
  }

  /** A read-only text column; numbers stand right. */
  static <T> javafx.scene.control.TableColumn<T, String> column(
      String title, java.util.function.Function<T, String> text, double width, boolean numeric) {
    javafx.scene.control.TableColumn<T, String> c = new javafx.scene.control.TableColumn<>(title);
    c.setCellValueFactory(
        d -> new javafx.beans.property.SimpleStringProperty(text.apply(d.getValue())));
    c.setPrefWidth(width);
    c.setSortable(false);
    if (numeric) {
      c.setStyle("-fx-alignment: CENTER-RIGHT;");
    }
    return c;
  }

  /** A choice of contract names shown through message keys ({@code prefix + name}). */
  static javafx.scene.control.ComboBox<String> choice(
      String id, java.util.List<String> names, String prefix, io.millstone.client.core.Messages m) {
    javafx.scene.control.ComboBox<String> box = new javafx.scene.control.ComboBox<>();
    box.setId(id);
    box.getItems().setAll(names);
    box.setConverter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(String s) {
            return s == null ? "" : m.get(prefix + s);
          }

          @Override
          public String fromString(String s) {
            return s;
          }
        });
    return box;
  }

  static Label title(String text) {
    Label l = new Label(text);
    l.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_3);
    return l;
  }

  static Label bound(String id, ObservableStringValue text) {
    Label l = new Label();
    l.setId(id);
    l.setWrapText(true);
    l.textProperty().bind(text);
    return l;
  }
}
