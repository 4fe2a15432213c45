package io.millstone.client.core;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;

/**
 * Millstone's mark, drawn as shapes (not a font glyph, so it draws whatever fonts a PC has): a
 * millstone seen from above — the stone, its eye in the middle and the furrows that grind.
 */
public final class Logo {
  private static final int FURROWS = 8;

  private Logo() {}

  /** The mark, {@code size} pixels across, coloured by the theme's accent. */
  public static Node of(double size) {
    double r = size / 2;
    Circle stone = new Circle(r, r, r);
    stone.getStyleClass().add("ms-logo-stone");
    Group mark = new Group(stone);
    for (int i = 0; i < FURROWS; i++) {
      // Furrows leave the eye at a slant, as they are cut in a real stone.
      double a = 2 * Math.PI * i / FURROWS;
      double b = a + Math.PI / 7;
      Line furrow =
          new Line(
              r + Math.cos(a) * r * 0.34,
              r + Math.sin(a) * r * 0.34,
              r + Math.cos(b) * r * 0.86,
              r + Math.sin(b) * r * 0.86);
      furrow.setStrokeWidth(Math.max(1, size / 22));
      furrow.getStyleClass().add("ms-logo-furrow");
      mark.getChildren().add(furrow);
    }
    Circle eye = new Circle(r, r, r * 0.22);
    eye.getStyleClass().add("ms-logo-eye");
    mark.getChildren().add(eye);
    mark.getStyleClass().add("ms-logo");
    return mark;
  }
}
