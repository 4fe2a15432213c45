package io.millstone.client.telemetry;

import io.millstone.api.telemetry.v1.Machine;
import io.millstone.api.telemetry.v1.Tag;
import io.millstone.api.telemetry.v1.TagValue;
import io.millstone.api.telemetry.v1.WatchUpdate;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The factory monitor: every machine with its tags' live values. Values arrive on a network thread
 * and wait in a per-tag slot (newest wins); the view applies them all at once at most once per
 * screen pulse, so a burst of readings costs one repaint, not one per reading.
 */
public final class MonitorViewModel extends AbstractViewModel {
  /** A value older than this is shown as stale: the agent or the machine has gone quiet. */
  public static final Duration STALE_AFTER = Duration.ofSeconds(60);

  /** One machine's card: where it is, what it is, and its tags in the order defined. */
  public record MachineCard(Machine machine, List<LiveTag> tags) {}

  private final TelemetryGateway gateway;
  private final TelemetryText text;
  private final Clock clock;
  private final LiveFeed feed;
  private final ObservableList<MachineCard> machines = FXCollections.observableArrayList();
  private final Map<String, LiveTag> byTagId = new HashMap<>();
  private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(false);
  private final Map<String, TagValue> pending = new LinkedHashMap<>();
  private Runnable onPending;
  private long uiUpdates;

  public MonitorViewModel(
      TelemetryGateway gateway,
      UiTaskExecutor executor,
      TelemetryText text,
      Clock clock,
      Duration retryDelay) {
    super(executor);
    this.gateway = gateway;
    this.text = text;
    this.clock = clock;
    this.onPending = () -> executor.runOnUiThread(this::applyPending);
    this.feed = new LiveFeed(gateway, executor, "", retryDelay, this::offer, this::liveChanged);
  }

  public ObservableList<MachineCard> machines() {
    return machines;
  }

  /** True while the stream delivers; false before the first snapshot and while reconnecting. */
  public ReadOnlyBooleanProperty liveProperty() {
    return live.getReadOnlyProperty();
  }

  /**
   * Who is woken (from a network thread) when values wait to be shown; the view starts a pulse
   * timer that calls {@link #applyPending}. Without a view the values are applied on the UI thread.
   */
  public void setOnPending(Runnable wake) {
    this.onPending = wake;
  }

  /** How many times waiting values were applied to the screen. */
  public long uiUpdates() {
    return uiUpdates;
  }

  /** Loads the machines, then starts the live stream. */
  public void start() {
    if (feed.isRunning()) {
      return;
    }
    setBusy(true);
    executor.submit(
        gateway::machines,
        list -> {
          setBusy(false);
          show(list);
          feed.start();
        },
        e -> {
          setBusy(false);
          setMessage(ErrorText.of(e, text.messages()));
        });
  }

  /** Cancels the live stream; values stop arriving. */
  public void stop() {
    feed.stop();
  }

  private void show(List<Machine> list) {
    byTagId.clear();
    List<MachineCard> cards = new ArrayList<>();
    for (Machine m : list) {
      if (!m.getActive()) {
        continue;
      }
      List<LiveTag> tags = new ArrayList<>();
      for (Tag t : m.getTagsList()) {
        LiveTag lt = new LiveTag(m, t);
        tags.add(lt);
        byTagId.put(t.getId(), lt);
      }
      cards.add(new MachineCard(m, List.copyOf(tags)));
    }
    machines.setAll(cards);
    setMessage(cards.isEmpty() ? text.messages().get("monitor.noMachines") : "");
  }

  /** Called from the network thread: keeps the newest value of each tag until the next pulse. */
  void offer(WatchUpdate update) {
    boolean wake;
    synchronized (pending) {
      wake = pending.isEmpty() && update.getValuesCount() > 0;
      for (TagValue v : update.getValuesList()) {
        TagValue old = pending.get(v.getTagId());
        if (old == null || !older(v, old)) {
          pending.put(v.getTagId(), v);
        }
      }
    }
    if (wake) {
      onPending.run();
    }
  }

  private static boolean older(TagValue a, TagValue b) {
    long as = a.getSourceTime().getSeconds();
    long bs = b.getSourceTime().getSeconds();
    return as < bs || (as == bs && a.getSourceTime().getNanos() < b.getSourceTime().getNanos());
  }

  /** Shows every waiting value at once (UI thread). Returns how many tags changed. */
  public int applyPending() {
    List<TagValue> batch;
    synchronized (pending) {
      if (pending.isEmpty()) {
        return 0;
      }
      batch = new ArrayList<>(pending.values());
      pending.clear();
    }
    uiUpdates++;
    var now = clock.instant();
    int n = 0;
    for (TagValue v : batch) {
      LiveTag t = byTagId.get(v.getTagId());
      if (t != null) {
        t.apply(v, text, now, STALE_AFTER);
        n++;
      }
    }
    return n;
  }

  /** Greys out values that stopped coming (UI thread; the view calls this every few seconds). */
  public void recolour() {
    var now = clock.instant();
    byTagId.values().forEach(t -> t.recolour(now, STALE_AFTER));
  }

  private void liveChanged(boolean up) {
    live.set(up);
    setMessage(up ? "" : text.messages().get("monitor.reconnecting"));
  }
}
