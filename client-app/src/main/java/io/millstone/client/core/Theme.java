package io.millstone.client.core;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** The light and dark looks (AtlantaFX Primer), applied to the whole application. */
public enum Theme {
  LIGHT,
  DARK;

  public void apply() {
    Application.setUserAgentStylesheet(
        this == DARK
            ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet());
  }

  public static Theme of(String name) {
    return "dark".equalsIgnoreCase(name) ? DARK : LIGHT;
  }

  public Theme other() {
    return this == DARK ? LIGHT : DARK;
  }
}
