package io.millstone.client.core;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;

/** Widths that grow with the person's text size, so larger text is not cut off. */
public final class Sizes {
  /** The theme's text size, in pixels, at which widths are written. */
  private static final double BASE_PX = 14;

  private Sizes() {}

  /**
   * Keeps {@code region}'s preferred width at {@code px} (as written for 14 px text), scaled by the
   * size of the text in {@code sample}, a label inside it.
   */
  public static void prefWidth(Region region, Labeled sample, double px) {
    region
        .prefWidthProperty()
        .bind(
            Bindings.createDoubleBinding(
                () -> px * Math.max(1, sample.getFont().getSize() / BASE_PX),
                sample.fontProperty()));
  }
}
