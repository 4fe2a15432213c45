package io.millstone.client.core;

import java.util.function.Consumer;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;

/** The tabbed work area, as screens see it: they open tabs and nothing more. */
public interface Workbench {
  /**
   * Shows {@code content} in the tab {@code tabId}, creating it or selecting the existing one. When
   * the person closes the tab, {@code onCloseRequest} receives the action that really closes it, so
   * a form can ask about unsaved changes first.
   */
  void show(
      String tabId, ObservableStringValue title, Node content, Consumer<Runnable> onCloseRequest);

  /** Closes the tab {@code tabId} without asking. */
  void close(String tabId);
}
