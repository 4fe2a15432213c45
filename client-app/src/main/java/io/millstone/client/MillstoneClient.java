package io.millstone.client;

import io.millstone.client.remote.ClientVersion;
import java.util.Arrays;
import javafx.application.Application;

/**
 * The desktop client's entry point. It does not extend {@code Application} itself so that it can
 * start from a plain class path (JavaFX refuses a main class that extends Application when JavaFX
 * is not on the module path).
 */
public final class MillstoneClient {
  private MillstoneClient() {}

  public static void main(String[] args) {
    // Answered without starting JavaFX, so it works without a display (install checks, scripts).
    if (Arrays.asList(args).contains("--version")) {
      System.out.println(versionLine());
      return;
    }
    Application.launch(ClientApp.class, args);
  }

  static String versionLine() {
    return "millstone-client " + ClientVersion.get();
  }
}
