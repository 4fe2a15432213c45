package io.millstone.client.shell;

import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Messages;
import io.millstone.client.core.ScreenDefinition;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ConnectionState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The main window's state: the screens this session may open (by permission), the status bar's
 * texts, and what the command palette offers for a typed text.
 */
public final class ShellViewModel extends AbstractViewModel {

  /** Who is signed in where, as the status bar shows it. */
  public record Context(String server, String user, String company, Set<String> permissions) {}

  /** One choice in the command palette: open a screen, optionally with a quick filter. */
  public record PaletteEntry(String label, String screenId, String filter) {
    @Override
    public String toString() {
      return label;
    }
  }

  private final Messages messages;
  private final Context context;
  private final List<ScreenDefinition> screens;
  private final ObjectProperty<ConnectionState> connection =
      new SimpleObjectProperty<>(ConnectionState.CONNECTING);
  private final StringProperty connectionText = new SimpleStringProperty("");

  public ShellViewModel(
      Context context, List<ScreenDefinition> all, UiTaskExecutor executor, Messages messages) {
    super(executor);
    this.messages = messages;
    this.context = context;
    this.screens =
        all.stream().filter(s -> context.permissions().contains(s.permission())).toList();
    connection.addListener((o, a, b) -> connectionText.set(describe(b)));
    connectionText.set(describe(connection.get()));
  }

  private String describe(ConnectionState s) {
    return messages.get("status.connection." + s.name().toLowerCase(Locale.ROOT));
  }

  public Context context() {
    return context;
  }

  /** The screens the session's permissions allow, in navigation order. */
  public List<ScreenDefinition> screens() {
    return screens;
  }

  public boolean canOpen(String screenId) {
    return screens.stream().anyMatch(s -> s.id().equals(screenId));
  }

  public ObjectProperty<ConnectionState> connectionProperty() {
    return connection;
  }

  public StringProperty connectionTextProperty() {
    return connectionText;
  }

  /** Called from the connection's watcher thread; the state is set on the UI thread. */
  public void connectionChanged(ConnectionState state) {
    executor.runOnUiThread(() -> connection.set(state));
  }

  /**
   * What the palette offers for {@code typed}: screens whose name contains every typed word, then
   * "find … in <screen>" for each list, so a record can be reached by typing its code or name.
   */
  public List<PaletteEntry> palette(String typed) {
    String q = typed == null ? "" : typed.trim().toLowerCase(Locale.ROOT);
    List<PaletteEntry> out = new ArrayList<>();
    for (ScreenDefinition s : screens) {
      String title = messages.get(s.titleKey());
      String hay =
          (title + " " + s.id() + " " + messages.get(s.domainKey())).toLowerCase(Locale.ROOT);
      boolean all = true;
      for (String w : q.split("\\s+")) {
        if (!w.isEmpty() && !hay.contains(w)) {
          all = false;
          break;
        }
      }
      if (all) {
        out.add(new PaletteEntry(title, s.id(), ""));
      }
    }
    if (!q.isEmpty()) {
      for (ScreenDefinition s : screens) {
        out.add(
            new PaletteEntry(
                messages.get("palette.find", typed.trim(), messages.get(s.titleKey())),
                s.id(),
                typed.trim()));
      }
    }
    return out;
  }
}
