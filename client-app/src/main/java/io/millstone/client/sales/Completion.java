package io.millstone.client.sales;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.geometry.Bounds;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Popup;
import javafx.util.Duration;

/**
 * Code completion under a text field: typing asks the server (through the view model, off the UI
 * thread) for matches; Down and Up move through them, Enter or Tab takes the highlighted one,
 * Escape closes the list. A choice is handed to {@code onChoose}.
 */
public final class Completion<T> {
  private final TextField field;
  private final Popup popup = new Popup();
  private final ListView<T> list = new ListView<>();
  private final PauseTransition typing = new PauseTransition(Duration.millis(200));
  private boolean choosing;

  public Completion(
      TextField field,
      String id,
      BiConsumer<String, Consumer<List<T>>> suggest,
      Function<T, String> label,
      Consumer<T> onChoose) {
    this.field = field;
    list.setId(id);
    list.setPrefWidth(420);
    list.setPrefHeight(200);
    list.setFocusTraversable(false);
    list.setCellFactory(
        lv ->
            new javafx.scene.control.ListCell<>() {
              @Override
              protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : label.apply(item));
              }
            });
    popup.getContent().add(list);
    popup.setAutoHide(true);
    typing.setOnFinished(
        e -> {
          String typed = field.getText();
          suggest.accept(
              typed,
              found -> {
                if (!field.isFocused() || !typed.equals(field.getText()) || found.isEmpty()) {
                  popup.hide();
                  return;
                }
                list.getItems().setAll(found);
                list.getSelectionModel().selectFirst();
                show();
              });
        });
    field
        .textProperty()
        .addListener(
            (o, a, b) -> {
              if (!choosing && field.isFocused() && field.isEditable()) {
                typing.playFromStart();
              }
            });
    field
        .focusedProperty()
        .addListener(
            (o, a, b) -> {
              if (!b) {
                typing.stop();
                popup.hide();
              }
            });
    field.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (!popup.isShowing()) {
            return;
          }
          if (e.getCode() == KeyCode.DOWN) {
            list.getSelectionModel().selectNext();
            list.scrollTo(list.getSelectionModel().getSelectedIndex());
            e.consume();
          } else if (e.getCode() == KeyCode.UP) {
            list.getSelectionModel().selectPrevious();
            list.scrollTo(list.getSelectionModel().getSelectedIndex());
            e.consume();
          } else if (e.getCode() == KeyCode.ESCAPE) {
            popup.hide();
            e.consume();
          } else if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.TAB) {
            T chosen = list.getSelectionModel().getSelectedItem();
            popup.hide();
            if (chosen != null) {
              choose(chosen, onChoose);
            }
            // Enter and Tab still move on, with the choice made.
          }
        });
    list.setOnMouseClicked(
        e -> {
          T chosen = list.getSelectionModel().getSelectedItem();
          if (chosen != null) {
            popup.hide();
            choose(chosen, onChoose);
          }
        });
  }

  private void choose(T chosen, Consumer<T> onChoose) {
    choosing = true;
    try {
      typing.stop();
      onChoose.accept(chosen);
      field.positionCaret(field.getText().length());
    } finally {
      choosing = false;
    }
  }

  private void show() {
    if (field.getScene() == null) {
      return;
    }
    Bounds b = field.localToScreen(field.getBoundsInLocal());
    if (b != null) {
      popup.show(field, b.getMinX(), b.getMaxY());
    }
  }

  boolean isShowing() {
    return popup.isShowing();
  }
}
