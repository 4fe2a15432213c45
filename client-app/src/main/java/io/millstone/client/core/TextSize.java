package io.millstone.client.core;

import java.util.List;

/** The text sizes a person may choose: 100 % (the theme's 14 px) to 130 %, in steps of 10. */
public final class TextSize {
  public static final List<Integer> CHOICES = List.of(100, 110, 120, 130);
  private static final double BASE_PX = 14;

  private TextSize() {}

  /** The saved preference as a choice; anything else (or nothing) is 100 %. */
  public static int of(String saved) {
    try {
      int p = Integer.parseInt(saved.trim());
      return CHOICES.contains(p) ? p : 100;
    } catch (RuntimeException e) {
      return 100;
    }
  }

  /** The next choice up (+1) or down (-1), staying within the choices. */
  public static int step(int current, int direction) {
    int i = CHOICES.indexOf(of(Integer.toString(current)));
    return CHOICES.get(Math.max(0, Math.min(CHOICES.size() - 1, i + direction)));
  }

  /** The root font size for a choice. */
  public static String pixels(int percent) {
    return String.valueOf(Math.round(BASE_PX * percent / 10.0) / 10.0);
  }
}
