package io.millstone.client.core;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Remembers column widths per user and screen in the local settings, saved shortly after a drag.
 */
public final class ColumnWidths {
  private final ClientPrefs prefs;
  private final String user;
  private final PauseTransition saveLater = new PauseTransition(Duration.millis(600));

  public ColumnWidths(ClientPrefs prefs, String user) {
    this.prefs = prefs;
    this.user = user;
    saveLater.setOnFinished(e -> prefs.save());
  }

  private String key(String screen, String column) {
    return "columns." + user + "." + screen + "." + column;
  }

  public double width(String screen, String column, double fallback) {
    try {
      return Double.parseDouble(prefs.get(key(screen, column), Double.toString(fallback)));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  public void remember(String screen, String column, double width) {
    prefs.put(key(screen, column), Long.toString(Math.round(width)));
    saveLater.playFromStart();
  }
}
