package io.millstone.client.identity;

import io.millstone.client.core.Styles;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** Rows of the administration forms: label, field, and the server's complaint beside it. */
final class Forms {
  private Forms() {}

  static GridPane grid() {
    GridPane g = new GridPane();
    g.setHgap(10);
    g.setVgap(8);
    return g;
  }

  /** Adds a row and returns its label; {@code text} may carry a mnemonic ("_Username"). */
  static Label row(GridPane g, int row, String text, Node field, ObservableStringValue error) {
    Label l = new Label(text);
    l.setMnemonicParsing(true);
    l.setLabelFor(field);
    l.setMinWidth(Label.USE_PREF_SIZE);
    g.add(l, 0, row);
    g.add(field, 1, row);
    GridPane.setHgrow(field, Priority.ALWAYS);
    if (error != null) {
      Label e = error(field.getId() == null ? null : field.getId() + "Error");
      e.textProperty().bind(error);
      g.add(e, 2, row);
    }
    return l;
  }

  /** A line saying what the last action achieved, in the theme's success colour. */
  static Label notice(String id, ObservableStringValue text) {
    Label l = new Label();
    l.setId(id);
    l.getStyleClass().add(atlantafx.base.theme.Styles.SUCCESS);
    l.setWrapText(true);
    l.textProperty().bind(text);
    l.visibleProperty().bind(l.textProperty().isNotEmpty());
    l.managedProperty().bind(l.visibleProperty());
    return l;
  }

  static Label error(String id) {
    Label l = new Label();
    l.setId(id);
    l.getStyleClass().addAll(Styles.ERROR_TEXT, atlantafx.base.theme.Styles.DANGER);
    l.setWrapText(true);
    l.setMaxWidth(320);
    // Takes no room until there is something to say.
    l.visibleProperty().bind(l.textProperty().isNotEmpty());
    l.managedProperty().bind(l.visibleProperty());
    return l;
  }

  static Label section(String text) {
    Label l = new Label(text);
    l.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_4);
    return l;
  }

  static Label muted(String text) {
    Label l = new Label(text);
    l.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
    l.setWrapText(true);
    return l;
  }
}
