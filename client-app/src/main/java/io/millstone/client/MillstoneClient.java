package io.millstone.client;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The desktop client's entry point; the sign-in screen and shell arrive with the client issue. */
public final class MillstoneClient extends Application {

  @Override
  public void start(Stage stage) {
    stage.setTitle("Millstone");
    stage.setScene(new Scene(new Label("Millstone"), 480, 320));
    stage.show();
  }

  public static void main(String[] args) {
    launch(args);
  }
}
