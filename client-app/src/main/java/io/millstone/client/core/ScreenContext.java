package io.millstone.client.core;

import java.util.Set;
import java.util.function.Supplier;
import javafx.stage.Window;

/** What every screen needs from the shell, handed over in one piece. */
public record ScreenContext(
    Messages messages,
    UiTaskExecutor executor,
    DialogService dialogs,
    Notifier notifier,
    ColumnWidths widths,
    Supplier<Window> owner,
    Workbench workbench,
    Set<String> permissions) {

  public boolean can(String permission) {
    return permissions.contains(permission);
  }
}
