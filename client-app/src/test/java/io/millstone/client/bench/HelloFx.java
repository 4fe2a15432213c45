package io.millstone.client.bench;

import io.millstone.client.FirstFrame;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The smallest JavaFX window, measured the same way as the client for comparison. Like the client's
 * main class it does not extend Application, so it starts from a plain class path.
 */
public final class HelloFx {
  private HelloFx() {}

  /** The window itself. */
  public static final class App extends Application {
    @Override
    public void start(Stage stage) {
      stage.setScene(new Scene(new Label("Hello"), 1280, 800));
      stage.show();
      FirstFrame.reportAndExit();
    }
  }

  public static void main(String[] args) {
    Application.launch(App.class, args);
  }
}
