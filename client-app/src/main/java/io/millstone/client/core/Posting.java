package io.millstone.client.core;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * How every posting screen posts: only by its button or Ctrl+P, never by Enter (Enter in a quantity
 * field only moves on or does nothing), and only after the person confirmed a summary of what will
 * be posted. A posted document cannot be edited, only reversed, so a stray key must not post it.
 */
public final class Posting {
  public static final KeyCombination POST =
      new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);

  private Posting() {}

  /**
   * Makes {@code button} (and Ctrl+P anywhere in {@code screen}) ask {@code dialogs} to confirm
   * {@code summary} and then run {@code post}. A null summary (the input is not valid; the screen
   * shows why) asks nothing.
   */
  public static void wire(
      Node screen,
      Button button,
      DialogService dialogs,
      Supplier<PostingSummary> summary,
      Runnable post) {
    button.setDefaultButton(false);
    button.setTooltip(new Tooltip("Ctrl+P"));
    Runnable ask =
        () -> {
          PostingSummary s = summary.get();
          if (s != null && dialogs.confirmPosting(s)) {
            post.run();
          }
        };
    button.setOnAction(e -> ask.run());
    screen.addEventHandler(
        KeyEvent.KEY_PRESSED,
        e -> {
          // A screen that cannot post now leaves Ctrl+P to its Print button (a posted document).
          if (POST.match(e) && !button.isDisabled() && button.isVisible()) {
            e.consume();
            ask.run();
          }
        });
  }
}
