package io.millstone.client.telemetry;

import io.millstone.api.telemetry.v1.HistoryBucket;
import io.millstone.api.telemetry.v1.HistoryResponse;
import io.millstone.api.telemetry.v1.Machine;
import io.millstone.api.telemetry.v1.Tag;
import io.millstone.api.telemetry.v1.TagValue;
import io.millstone.api.telemetry.v1.WatchUpdate;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One tag's chart: history from the server in buckets (min, max, average) over a chosen range, zoom
 * that narrows the range and asks again for the same number of buckets (so each covers less time),
 * and live values appended while the range ends now.
 */
public final class TagChartViewModel extends AbstractViewModel {
  /** How many points the chart asks for, whatever the range: about one per three pixels. */
  public static final int BUCKETS = 300;

  /** Below this the buckets would be narrower than the readings come. */
  public static final Duration SMALLEST_RANGE = Duration.ofMinutes(2);

  /** The ranges offered as buttons. */
  public enum Range {
    HOUR(Duration.ofHours(1)),
    EIGHT_HOURS(Duration.ofHours(8)),
    DAY(Duration.ofHours(24)),
    WEEK(Duration.ofDays(7));

    private final Duration length;

    Range(Duration length) {
      this.length = length;
    }

    public Duration length() {
      return length;
    }
  }

  /** One point: a bucket from history, or one live value (min = max = avg). */
  public record Point(Instant at, double min, double max, double avg) {}

  private final TelemetryGateway gateway;
  private final TelemetryText text;
  private final Clock clock;
  private final Machine machine;
  private final Tag tag;
  private final LiveFeed feed;
  private final ObjectProperty<Range> range = new SimpleObjectProperty<>(Range.HOUR);
  private final ObjectProperty<Instant> from = new SimpleObjectProperty<>();
  private final ObjectProperty<Instant> to = new SimpleObjectProperty<>();
  private final BooleanProperty following = new SimpleBooleanProperty(true);
  private final IntegerProperty bucketSeconds = new SimpleIntegerProperty();
  private final ObservableList<Point> history = FXCollections.observableArrayList();
  private final ObservableList<Point> live = FXCollections.observableArrayList();
  private int loads;

  public TagChartViewModel(
      TelemetryGateway gateway,
      UiTaskExecutor executor,
      TelemetryText text,
      Clock clock,
      Duration retryDelay,
      Machine machine,
      Tag tag) {
    super(executor);
    this.gateway = gateway;
    this.text = text;
    this.clock = clock;
    this.machine = machine;
    this.tag = tag;
    this.feed = new LiveFeed(gateway, executor, machine.getId(), retryDelay, this::offer, up -> {});
  }

  public Machine machine() {
    return machine;
  }

  public Tag tag() {
    return tag;
  }

  public ObjectProperty<Range> rangeProperty() {
    return range;
  }

  public ObjectProperty<Instant> fromProperty() {
    return from;
  }

  public ObjectProperty<Instant> toProperty() {
    return to;
  }

  /** True while the range ends now and live values are appended. */
  public BooleanProperty followingProperty() {
    return following;
  }

  /** How much time one history point covers, in seconds. */
  public IntegerProperty bucketSecondsProperty() {
    return bucketSeconds;
  }

  public ObservableList<Point> history() {
    return history;
  }

  public ObservableList<Point> live() {
    return live;
  }

  /** Shows the last hour and starts appending live values. */
  public void start() {
    select(range.get());
    feed.start();
  }

  public void stop() {
    feed.stop();
  }

  /** Shows the range ending now, and follows live values again. */
  public void select(Range r) {
    range.set(r);
    following.set(true);
    Instant now = clock.instant();
    live.clear();
    load(now.minus(r.length()), now);
  }

  /** Narrows (or widens) the chart to [a, b] and asks for finer (or coarser) buckets. */
  public void zoomTo(Instant a, Instant b) {
    Instant lo = a.isBefore(b) ? a : b;
    Instant hi = a.isBefore(b) ? b : a;
    Instant now = clock.instant();
    if (Duration.between(lo, hi).compareTo(SMALLEST_RANGE) < 0) {
      Instant mid = lo.plus(Duration.between(lo, hi).dividedBy(2));
      lo = mid.minus(SMALLEST_RANGE.dividedBy(2));
      hi = mid.plus(SMALLEST_RANGE.dividedBy(2));
    }
    if (hi.isAfter(now)) {
      lo = lo.minus(Duration.between(now, hi));
      hi = now;
    }
    following.set(false);
    live.clear();
    load(lo, hi);
  }

  /**
   * Scroll zoom around {@code center}: a factor below 1 narrows the range, above 1 widens it; the
   * point under the mouse stays where it is.
   */
  public void zoomBy(double factor, Instant center) {
    Instant f = from.get();
    Instant t = to.get();
    if (f == null || t == null) {
      return;
    }
    long left = Duration.between(f, center).toMillis();
    long right = Duration.between(center, t).toMillis();
    zoomTo(
        center.minusMillis(Math.round(left * factor)),
        center.plusMillis(Math.round(right * factor)));
  }

  private void load(Instant f, Instant t) {
    from.set(f);
    to.set(t);
    int mine = ++loads;
    setBusy(true);
    executor.submit(
        () -> gateway.history(tag.getId(), f, t, BUCKETS),
        (HistoryResponse r) -> {
          if (mine != loads) {
            return; // a newer range was asked for meanwhile
          }
          setBusy(false);
          List<Point> points = new ArrayList<>(r.getBucketsCount());
          for (HistoryBucket b : r.getBucketsList()) {
            points.add(
                new Point(
                    Instant.ofEpochSecond(b.getStart().getSeconds(), b.getStart().getNanos()),
                    b.getMin(),
                    b.getMax(),
                    b.getAvg()));
          }
          history.setAll(points);
          bucketSeconds.set(r.getBucketSeconds());
          setMessage(points.isEmpty() ? text.messages().get("chart.noData") : "");
        },
        e -> {
          if (mine == loads) {
            setBusy(false);
            setMessage(ErrorText.of(e, text.messages()));
          }
        });
  }

  private void offer(WatchUpdate update) {
    if (update.getSnapshot()) {
      return; // history already holds the latest value
    }
    List<Point> fresh = new ArrayList<>();
    for (TagValue v : update.getValuesList()) {
      if (v.getTagId().equals(tag.getId())) {
        Double d = number(v.getValue());
        if (d != null) {
          Instant at =
              Instant.ofEpochSecond(v.getSourceTime().getSeconds(), v.getSourceTime().getNanos());
          fresh.add(new Point(at, d, d, d));
        }
      }
    }
    if (!fresh.isEmpty()) {
      executor.runOnUiThread(() -> appendLive(fresh));
    }
  }

  void appendLive(List<Point> points) {
    if (!following.get()) {
      return;
    }
    live.addAll(points);
    Instant last = points.get(points.size() - 1).at();
    if (to.get() == null || last.isAfter(to.get())) {
      // The window slides with the newest value so it stays in view.
      Duration length = Duration.between(from.get(), to.get());
      to.set(last);
      from.set(last.minus(length));
      Instant edge = from.get();
      live.removeIf(p -> p.at().isBefore(edge));
    }
  }

  static Double number(String raw) {
    if ("true".equalsIgnoreCase(raw)) {
      return 1.0;
    }
    if ("false".equalsIgnoreCase(raw)) {
      return 0.0;
    }
    try {
      return Double.parseDouble(raw);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
