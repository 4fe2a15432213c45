package io.millstone.client.core;

import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/** ControlsFX notifications in the corner of the main window. */
public final class FxNotifier implements Notifier {
  private final java.util.function.Supplier<Window> owner;
  private final java.util.List<String> recent = new java.util.concurrent.CopyOnWriteArrayList<>();

  public FxNotifier(java.util.function.Supplier<Window> owner) {
    this.owner = owner;
  }

  @Override
  public void notify(String title, String text) {
    recent.add(title + ": " + text);
    Window w = owner.get();
    Notifications n =
        Notifications.create()
            .title(title)
            .text(text)
            .position(Pos.BOTTOM_RIGHT)
            .hideAfter(Duration.seconds(4));
    if (w != null) {
      n.owner(w);
    }
    n.showInformation();
  }

  /** What was announced, newest last; the status bar and tests read it. */
  public java.util.List<String> recent() {
    return recent;
  }
}
