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
    l.setMinWidth(90);
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
