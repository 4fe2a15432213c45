package io.millstone.client.telemetry;

import io.millstone.client.core.Styles;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * A small form of the plant screens: label, field and, beside it, what the server said is wrong
 * with the field (by its field name in the contract).
 */
final class PlantForm extends GridPane {
  private final String prefix;
  private final ObservableMap<String, String> errors;
  private int row;
  private int col;
  private int rows;

  PlantForm(String prefix, ObservableMap<String, String> errors) {
    this.prefix = prefix;
    this.errors = errors;
    setHgap(8);
    setVgap(6);
    setPadding(new Insets(8));
    ColumnConstraints grow = new ColumnConstraints();
    grow.setHgrow(Priority.SOMETIMES);
    getColumnConstraints().addAll(new ColumnConstraints(), grow, new ColumnConstraints());
  }

  /** Starts a second column of fields beside the first. */
  void nextColumn() {
    ColumnConstraints grow = new ColumnConstraints();
    grow.setHgrow(Priority.SOMETIMES);
    getColumnConstraints().addAll(new ColumnConstraints(), grow, new ColumnConstraints());
    rows = Math.max(rows, row);
    row = 0;
    col += 3;
  }

  /** A text field bound to {@code value}; its id is {@code prefix + field}. */
  TextField text(String label, String field, StringProperty value) {
    TextField f = new TextField();
    f.textProperty().bindBidirectional(value);
    add(label, field, f);
    return f;
  }

  /** Adds {@code control} labelled {@code label} (with its _mnemonic) on its own row. */
  <C extends Control> C add(String label, String field, C control) {
    control.setId(prefix + id(field));
    Label l = new Label(label);
    l.setMnemonicParsing(true);
    l.setLabelFor(control);
    Label error = new Label();
    error.setId(prefix + id(field) + "Error");
    error.getStyleClass().add(Styles.ERROR_TEXT);
    error.setWrapText(true);
    error.setMaxWidth(320);
    Runnable show =
        () -> {
          String text = errors.get(field);
          error.setText(text == null ? "" : text);
          control.getStyleClass().remove(Styles.FIELD_ERROR);
          control.pseudoClassStateChanged(atlantafx.base.theme.Styles.STATE_DANGER, text != null);
          if (text != null) {
            control.getStyleClass().add(Styles.FIELD_ERROR);
          }
        };
    errors.addListener((MapChangeListener<String, String>) c -> show.run());
    add(l, col, row);
    add(control, col + 1, row);
    add(error, col + 2, row);
    row++;
    return control;
  }

  /** A line across the form (buttons, the form's message). */
  void line(Node n) {
    rows = Math.max(rows, row);
    add(n, 0, rows++, col + 3, 1);
    row = rows;
  }

  static Label message(String id, ObservableStringValue text) {
    Label l = new Label();
    l.setId(id);
    l.getStyleClass().addAll(Styles.ERROR_TEXT, atlantafx.base.theme.Styles.DANGER);
    l.setWrapText(true);
    l.textProperty().bind(text);
    return l;
  }

  /** "expected_min" → "ExpectedMin", for node ids. */
  private static String id(String field) {
    StringBuilder b = new StringBuilder();
    for (String part : field.split("_")) {
      if (!part.isEmpty()) {
        b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return b.toString();
  }
}
