package io.millstone.client;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * For {@code scripts/bench client}: prints FIRST_FRAME once the window has been painted (the second
 * pulse after showing it, the first having rendered the frame) and ends the program.
 */
public final class FirstFrame {
  private FirstFrame() {}

  public static void reportAndExit() {
    new AnimationTimer() {
      private int pulses;

      @Override
      public void handle(long now) {
        if (++pulses == 2) {
          stop();
          System.out.println("FIRST_FRAME");
          System.out.flush();
          Platform.exit();
          System.exit(0);
        }
      }
    }.start();
  }
}
