package io.millstone.client.shell;

import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Messages;
import io.millstone.client.core.RecordLookup;
import io.millstone.client.core.ScreenDefinition;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ConnectionState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window's state: the screens this session may open (by permission), the status bar's
 * texts, and what the command palette offers for a typed text.
 */
public final class ShellViewModel extends AbstractViewModel {

  /** Shorter text matches too much to be worth asking the server. */
  static final int MIN_LOOKUP_CHARS = 2;

  /** Records of each kind offered; the palette is for jumping to one, not for browsing. */
  static final int HITS_PER_KIND = 5;

  /** Who is signed in where, as the status bar shows it. */
  public record Context(String server, String user, String company, Set<String> permissions) {}

  /**
   * One choice in the command palette: open a screen, optionally with a quick filter, or open one
   * record found on the server ({@code hit}).
   */
  public record PaletteEntry(String label, String screenId, String filter, RecordLookup.Hit hit) {
    public PaletteEntry(String label, String screenId, String filter) {
      this(label, screenId, filter, null);
    }

    public boolean isRecord() {
      return hit != null;
    }

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
  private final List<RecordLookup> lookups;
  private final Duration debounce;
  private final Pause pause;
  private final ObservableList<PaletteEntry> entries = FXCollections.observableArrayList();
  private final BooleanProperty searching = new SimpleBooleanProperty();
  private final AtomicLong generation = new AtomicLong();
  private UiTaskExecutor.Handle running;

  public ShellViewModel(
      Context context, List<ScreenDefinition> all, UiTaskExecutor executor, Messages messages) {
    this(context, all, List.of(), Duration.ZERO, executor, messages);
  }

  /**
   * @param lookups the kinds of record the palette finds on the server
   * @param debounce how long typing must pause before the server is asked
   */
  public ShellViewModel(
      Context context,
      List<ScreenDefinition> all,
      List<RecordLookup> lookups,
      Duration debounce,
      UiTaskExecutor executor,
      Messages messages) {
    this(context, all, lookups, debounce, Thread::sleep, executor, messages);
  }

  /** Waits out the debounce, off the UI thread; a test decides when typing has paused. */
  interface Pause {
    void await(Duration d) throws InterruptedException;
  }

  ShellViewModel(
      Context context,
      List<ScreenDefinition> all,
      List<RecordLookup> lookups,
      Duration debounce,
      Pause pause,
      UiTaskExecutor executor,
      Messages messages) {
    super(executor);
    this.debounce = debounce;
    this.pause = pause;
    this.messages = messages;
    this.context = context;
    List<ScreenDefinition> allowed =
        all.stream()
            .filter(
                s ->
                    "authenticated".equals(s.permission())
                        || context.permissions().contains(s.permission()))
            .toList();
    // One group per domain in the navigation, in the order the domains first come, however the
    // screens were registered (the plant's screens join the factory floor's).
    List<String> domains = allowed.stream().map(ScreenDefinition::domainKey).distinct().toList();
    this.screens =
        allowed.stream()
            .sorted(java.util.Comparator.comparingInt(s -> domains.indexOf(s.domainKey())))
            .toList();
    this.lookups = lookups.stream().filter(l -> canOpen(l.screenId())).toList();
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
      for (String key : s.paletteKeys()) {
        String alias = messages.get(key);
        if (matches((alias + " " + title).toLowerCase(Locale.ROOT), q)) {
          out.add(new PaletteEntry(alias, s.id(), ""));
        }
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

  private static boolean matches(String hay, String q) {
    for (String w : q.split("\\s+")) {
      if (!w.isEmpty() && !hay.contains(w)) {
        return false;
      }
    }
    return true;
  }

  /** What the palette lists now: {@link #palette} for the typed text, plus records found. */
  public ObservableList<PaletteEntry> entries() {
    return entries;
  }

  /** True while the server is being asked for records matching the typed text. */
  public BooleanProperty searchingProperty() {
    return searching;
  }

  /**
   * The palette's text changed: screens are listed at once; once typing pauses, each kind of record
   * is looked up on the server (a few of each, off the UI thread) and the hits join the list. An
   * answer for text that has since changed is dropped.
   */
  public void search(String typed) {
    long gen = generation.incrementAndGet();
    if (running != null) {
      running.cancel();
      running = null;
    }
    List<PaletteEntry> now = palette(typed);
    entries.setAll(now);
    String q = typed == null ? "" : typed.trim();
    if (q.length() < MIN_LOOKUP_CHARS || lookups.isEmpty()) {
      searching.set(false);
      return;
    }
    searching.set(true);
    running =
        executor.submit(
            () -> {
              if (!debounce.isZero()) {
                pause.await(debounce);
              }
              return generation.get() == gen ? lookUp(q) : null;
            },
            hits -> {
              if (generation.get() != gen || hits == null) {
                return;
              }
              running = null;
              searching.set(false);
              List<PaletteEntry> merged = new ArrayList<>();
              now.stream().filter(e -> e.filter().isEmpty()).forEach(merged::add);
              merged.addAll(hits);
              now.stream().filter(e -> !e.filter().isEmpty()).forEach(merged::add);
              entries.setAll(merged);
            },
            failure -> {
              if (generation.get() == gen) {
                running = null;
                searching.set(false);
              }
            });
  }

  /** Asks every kind for a few matches; a kind that refuses (rights, a bad filter) adds none. */
  private List<PaletteEntry> lookUp(String q) {
    List<PaletteEntry> out = new ArrayList<>();
    for (RecordLookup l : lookups) {
      List<RecordLookup.Hit> hits;
      try {
        hits = l.find(q, HITS_PER_KIND);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      } catch (Exception e) {
        continue;
      }
      for (RecordLookup.Hit h : hits) {
        out.add(
            new PaletteEntry(
                messages.get("palette.record", h.kind(), h.label()), l.screenId(), "", h));
      }
    }
    return out;
  }
}
