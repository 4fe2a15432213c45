package io.millstone.client.bench;

import io.millstone.client.FirstFrame;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The smallest JavaFX window, measured the same way as the client for comparison. */
public final class HelloFx extends Application {
  @Override
  public void start(Stage stage) {
    stage.setScene(new Scene(new Label("Hello"), 1280, 800));
    stage.show();
    FirstFrame.reportAndExit();
  }

  public static void main(String[] args) {
    Application.launch(HelloFx.class, args);
  }
}
