package io.millstone.client.telemetry;

import io.millstone.api.telemetry.v1.Alarm;
import io.millstone.api.telemetry.v1.Tag;
import io.millstone.api.telemetry.v1.TagValue;
import io.millstone.api.telemetry.v1.WatchUpdate;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The alarm list: active alarms first, then ended ones still waiting for someone to acknowledge,
 * then the rest, newest first in each group. Reloads when a tag's alarm state changes on the live
 * stream, so a new alarm shows up without pressing anything.
 */
public final class AlarmsViewModel extends AbstractViewModel {

  /** One alarm as the list shows it. */
  public record Row(
      Alarm alarm, String machine, String tag, String unit, String raisedAt, String endedAt) {
    public boolean active() {
      return !alarm.hasEndedAt();
    }

    public boolean acknowledged() {
      return !alarm.getAcknowledgedBy().isEmpty();
    }
  }

  static final Comparator<Row> ORDER =
      Comparator.comparing((Row r) -> !r.active())
          .thenComparing(Row::acknowledged)
          .thenComparing(
              (Row r) -> r.alarm().getStartedAt().getSeconds(), Comparator.reverseOrder());

  private final TelemetryGateway gateway;
  private final TelemetryText text;
  private final boolean canAcknowledge;
  private final LiveFeed feed;
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
  private final Map<String, String> states = new HashMap<>();
  private volatile MachineNames names;
  private boolean loading;
  private boolean again;

  public AlarmsViewModel(
      TelemetryGateway gateway,
      UiTaskExecutor executor,
      TelemetryText text,
      boolean canAcknowledge,
      Duration retryDelay) {
    super(executor);
    this.gateway = gateway;
    this.text = text;
    this.canAcknowledge = canAcknowledge;
    this.feed = new LiveFeed(gateway, executor, "", retryDelay, this::offer, up -> {});
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  /** The alarm the person has picked; kept across reloads. */
  public ObjectProperty<Row> selectedProperty() {
    return selected;
  }

  public boolean canAcknowledge() {
    return canAcknowledge;
  }

  public void start() {
    refresh();
    feed.start();
  }

  public void stop() {
    feed.stop();
  }

  /** Reloads the list; a reload asked for while one runs happens once after it. */
  public void refresh() {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    setBusy(true);
    MachineNames known = names;
    executor.submit(
        () -> {
          MachineNames n = known != null ? known : new MachineNames(gateway.machines());
          return new Object[] {n, gateway.alarms()};
        },
        (Object[] r) -> {
          loading = false;
          setBusy(false);
          names = (MachineNames) r[0];
          @SuppressWarnings("unchecked")
          List<Alarm> alarms = (List<Alarm>) r[1];
          String keep = selected.get() == null ? null : selected.get().alarm().getId();
          rows.setAll(alarms.stream().map(this::row).sorted(ORDER).toList());
          reselect(keep);
          setMessage(rows.isEmpty() ? text.messages().get("alarms.none") : "");
          if (again) {
            again = false;
            refresh();
          }
        },
        e -> {
          loading = false;
          again = false;
          setBusy(false);
          setMessage(ErrorText.of(e, text.messages()));
        });
  }

  private void reselect(String id) {
    if (id != null) {
      rows.stream().filter(r -> r.alarm().getId().equals(id)).findFirst().ifPresent(selected::set);
    }
  }

  private Row row(Alarm a) {
    Tag t = names.tag(a.getTagId());
    return new Row(
        a,
        names.machine(a.getMachineId()),
        t == null ? a.getTagKey() : t.getName(),
        t == null ? "" : t.getUnit(),
        text.time(instant(a.getStartedAt())),
        a.hasEndedAt() ? text.time(instant(a.getEndedAt())) : "");
  }

  private static Instant instant(com.google.protobuf.Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  /** Acknowledges the selected alarm. */
  public void acknowledgeSelected() {
    acknowledge(selected.get());
  }

  /** Marks the alarm as seen by the signed-in person; the row shows who and stays in place. */
  public void acknowledge(Row row) {
    if (row == null || row.acknowledged() || !canAcknowledge) {
      return;
    }
    setBusy(true);
    executor.submit(
        () -> gateway.acknowledge(row.alarm().getId()),
        a -> {
          setBusy(false);
          for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).alarm().getId().equals(a.getId())) {
              rows.set(i, row(a));
            }
          }
          reselect(a.getId());
          setMessage(text.messages().get("alarms.acknowledged", row.tag(), a.getAcknowledgedBy()));
        },
        e -> {
          setBusy(false);
          setMessage(ErrorText.of(e, text.messages()));
        });
  }

  /** Network thread: asks for a reload when any tag's alarm state changed. */
  private void offer(WatchUpdate update) {
    boolean changed = false;
    synchronized (states) {
      for (TagValue v : update.getValuesList()) {
        String before = states.put(v.getTagId(), v.getAlarmState());
        if (!update.getSnapshot() && !v.getAlarmState().equals(before == null ? "" : before)) {
          changed = true;
        }
      }
    }
    if (changed) {
      executor.runOnUiThread(this::refresh);
    }
  }
}
