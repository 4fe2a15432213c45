package io.millstone.client;

import io.millstone.client.core.ClientPrefs;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application. Arguments: {@code --server HOST:PORT}, {@code --user NAME}; the password
 * for signing in at once comes only from the environment ({@code MILLSTONE_PASSWORD}), never the
 * command line, where other users could read it.
 */
public final class ClientApp extends Application {

  @Override
  public void start(Stage stage) {
    List<String> args = getParameters().getRaw();
    String server = option(args, "--server");
    String user = option(args, "--user");
    String password = System.getenv("MILLSTONE_PASSWORD");
    new ClientWindow(
            stage, new ClientWindow.Options(ClientPrefs.defaultDir(), server, user, password))
        .show();
  }

  static String option(List<String> args, String name) {
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals(name) && i + 1 < args.size()) {
        return args.get(i + 1);
      }
      if (args.get(i).startsWith(name + "=")) {
        return args.get(i).substring(name.length() + 1);
      }
    }
    return null;
  }
}
