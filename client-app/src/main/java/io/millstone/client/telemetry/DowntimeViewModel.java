package io.millstone.client.telemetry;

import io.millstone.api.telemetry.v1.Downtime;
import io.millstone.api.telemetry.v1.TagValue;
import io.millstone.api.telemetry.v1.WatchUpdate;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import io.millstone.client.remote.RemoteException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Stops of the last seven days, per machine, with how long each lasted and why. The person picks a
 * stop, chooses a reason (and may add a note) and saves; what the server refuses is shown next to
 * the reason.
 */
public final class DowntimeViewModel extends AbstractViewModel {
  /** The reasons the server knows, in the order the list offers them. */
  public static final List<String> REASONS =
      List.of("mechanical", "no_cane", "electrical", "planned", "other");

  static final Duration WINDOW = Duration.ofDays(7);

  /** One stop as the list shows it. */
  public record Row(
      Downtime period, String machine, String from, String until, String duration, String reason) {
    public boolean ongoing() {
      return !period.hasEndedAt();
    }
  }

  private final TelemetryGateway gateway;
  private final TelemetryText text;
  private final Clock clock;
  private final boolean canEdit;
  private final LiveFeed feed;
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
  private final StringProperty reason = new SimpleStringProperty("");
  private final StringProperty note = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper reasonError = new ReadOnlyStringWrapper("");
  private volatile MachineNames names;
  private boolean loading;
  private boolean again;

  public DowntimeViewModel(
      TelemetryGateway gateway,
      UiTaskExecutor executor,
      TelemetryText text,
      Clock clock,
      boolean canEdit,
      Duration retryDelay) {
    super(executor);
    this.gateway = gateway;
    this.text = text;
    this.clock = clock;
    this.canEdit = canEdit;
    this.feed = new LiveFeed(gateway, executor, "", retryDelay, this::offer, up -> {});
    selected.addListener(
        (o, a, b) -> {
          if (a != null && b != null && a.period().getId().equals(b.period().getId())) {
            return; // the same stop reloaded: keep what the person is typing
          }
          reasonError.set("");
          reason.set(b == null ? "" : b.period().getReason());
          note.set(b == null ? "" : b.period().getNote());
        });
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  public ObjectProperty<Row> selectedProperty() {
    return selected;
  }

  /** The chosen reason's code ("mechanical"), empty when none. */
  public StringProperty reasonProperty() {
    return reason;
  }

  public StringProperty noteProperty() {
    return note;
  }

  /** What is wrong with the reason entry, shown beside it; empty when nothing. */
  public ReadOnlyStringProperty reasonErrorProperty() {
    return reasonError.getReadOnlyProperty();
  }

  public boolean canEdit() {
    return canEdit;
  }

  /** The reason's words in the person's language. */
  public String reasonText(String code) {
    return code == null || code.isEmpty()
        ? text.messages().get("downtime.reason.none")
        : text.messages().get("downtime.reason." + code);
  }

  public void start() {
    refresh();
    feed.start();
  }

  public void stop() {
    feed.stop();
  }

  public void refresh() {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    setBusy(true);
    MachineNames known = names;
    Instant now = clock.instant();
    executor.submit(
        () -> {
          MachineNames n = known != null ? known : new MachineNames(gateway.machines());
          return new Object[] {
            n, gateway.downtime(now.minus(WINDOW), now.plus(Duration.ofDays(1)))
          };
        },
        (Object[] r) -> {
          loading = false;
          setBusy(false);
          names = (MachineNames) r[0];
          @SuppressWarnings("unchecked")
          List<Downtime> periods = (List<Downtime>) r[1];
          String keep = selected.get() == null ? null : selected.get().period().getId();
          rows.setAll(periods.stream().map(this::row).toList());
          if (keep != null) {
            rows.stream()
                .filter(x -> x.period().getId().equals(keep))
                .findFirst()
                .ifPresent(x -> selected.set(x));
          }
          setMessage(rows.isEmpty() ? text.messages().get("downtime.none") : "");
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

  private Row row(Downtime d) {
    Instant start = instant(d.getStartedAt());
    Instant end = d.hasEndedAt() ? instant(d.getEndedAt()) : null;
    return new Row(
        d,
        names.machine(d.getMachineId()),
        text.minute(start),
        end == null ? text.messages().get("downtime.ongoing") : text.minute(end),
        text.duration(Duration.between(start, end == null ? clock.instant() : end)),
        reasonText(d.getReason()));
  }

  private static Instant instant(com.google.protobuf.Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  /** Saves the reason and note for the selected stop. */
  public void save() {
    Row row = selected.get();
    if (row == null || !canEdit) {
      return;
    }
    if (reason.get() == null || reason.get().isEmpty()) {
      reasonError.set(text.messages().get("downtime.chooseReason"));
      return;
    }
    reasonError.set("");
    String r = reason.get();
    String n = note.get();
    setBusy(true);
    executor.submit(
        () -> gateway.setDowntimeReason(row.period().getId(), r, n),
        d -> {
          setBusy(false);
          Row updated = row(d);
          for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).period().getId().equals(d.getId())) {
              rows.set(i, updated);
            }
          }
          selected.set(updated);
          setMessage(text.messages().get("downtime.saved", updated.machine(), updated.from()));
        },
        e -> {
          setBusy(false);
          reasonError.set(fieldError(e));
        });
  }

  private String fieldError(Throwable e) {
    Throwable t = e;
    while (!(t instanceof RemoteException) && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof RemoteException r) {
      for (String field : List.of("reason", "note", "id")) {
        String v = r.fieldViolations().get(field);
        if (v != null) {
          return text.messages().get("downtime.field." + field) + " " + v;
        }
      }
    }
    return ErrorText.of(e, text.messages());
  }

  /** Network thread: a machine started or stopped, so a stop began or ended. */
  private void offer(WatchUpdate update) {
    if (update.getSnapshot()) {
      return;
    }
    MachineNames n = names;
    for (TagValue v : update.getValuesList()) {
      if (n != null && n.isRunState(v.getTagId())) {
        executor.runOnUiThread(this::refresh);
        return;
      }
    }
  }
}
