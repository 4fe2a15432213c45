package io.millstone.client;

import javafx.application.Application;

/**
 * The desktop client's entry point. It does not extend {@code Application} itself so that it can
 * start from a plain class path (JavaFX refuses a main class that extends Application when JavaFX
 * is not on the module path).
 */
public final class MillstoneClient {
  private MillstoneClient() {}

  public static void main(String[] args) {
    Application.launch(ClientApp.class, args);
  }
}
