package io.millstone.client.shell;

import io.millstone.client.core.Messages;
import io.millstone.client.core.TextSize;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The header's text size choice (100–130 %), and its keys: Ctrl+Plus larger, Ctrl+Minus smaller,
 * Ctrl+0 back to 100 %, as in a web browser.
 */
final class TextSizeMenu {
  private TextSizeMenu() {}

  static MenuButton create(Messages messages, ShellView.Actions actions) {
    MenuButton menu = new MenuButton("Aa");
    menu.setId("textSize");
    menu.setTooltip(new Tooltip(messages.get("shell.textSize")));
    ToggleGroup group = new ToggleGroup();
    for (int percent : TextSize.CHOICES) {
      RadioMenuItem item = new RadioMenuItem(percent + " %");
      item.setId("textSize-" + percent);
      item.setToggleGroup(group);
      item.setSelected(percent == actions.textSize());
      item.setOnAction(e -> actions.setTextSize(percent));
      menu.getItems().add(item);
    }
    return menu;
  }

  /** Handles a text size key; true when it was one. */
  static boolean handle(KeyEvent e, ShellView.Actions actions, MenuButton menu) {
    if (!e.isShortcutDown() || e.isAltDown()) {
      return false;
    }
    int now = actions.textSize();
    int next;
    if (e.getCode() == KeyCode.EQUALS
        || e.getCode() == KeyCode.PLUS
        || e.getCode() == KeyCode.ADD) {
      next = TextSize.step(now, 1);
    } else if (e.getCode() == KeyCode.MINUS || e.getCode() == KeyCode.SUBTRACT) {
      next = TextSize.step(now, -1);
    } else if (e.getCode() == KeyCode.DIGIT0 || e.getCode() == KeyCode.NUMPAD0) {
      next = 100;
    } else {
      return false;
    }
    actions.setTextSize(next);
    menu.getItems().stream()
        .filter(i -> ("textSize-" + next).equals(i.getId()))
        .forEach(i -> ((RadioMenuItem) i).setSelected(true));
    return true;
  }
}
