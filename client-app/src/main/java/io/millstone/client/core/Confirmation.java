package io.millstone.client.core;

import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * Asks the person before something that cannot simply be undone (revoking a floor PC, deactivating
 * a record); true only when they said yes. View models take one, so tests answer without a screen.
 */
@FunctionalInterface
public interface Confirmation {
  boolean ask(String title, String question, String yes);

  /**
   * A yes/no alert whose default (Enter) is "no": going ahead takes the named button or its
   * Alt+letter.
   */
  static Confirmation fx(Supplier<Window> owner) {
    return (title, question, yes) -> {
      ButtonType ok = new ButtonType(yes, ButtonBar.ButtonData.OK_DONE);
      ButtonType cancel = ButtonType.CANCEL;
      Alert a = new Alert(Alert.AlertType.CONFIRMATION, question, ok, cancel);
      a.initOwner(owner.get());
      a.setTitle(title);
      a.setHeaderText(title);
      a.getDialogPane().setId("confirmation");
      Button y = (Button) a.getDialogPane().lookupButton(ok);
      Button n = (Button) a.getDialogPane().lookupButton(cancel);
      y.setId("confirmYes");
      y.setDefaultButton(false);
      n.setId("confirmNo");
      n.setDefaultButton(true);
      return a.showAndWait().orElse(cancel) == ok;
    };
  }
}
