package io.millstone.client.telemetry;

import io.millstone.api.telemetry.v1.Machine;
import io.millstone.api.telemetry.v1.Tag;
import io.millstone.api.telemetry.v1.TagValue;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One tag on the monitor: its latest value, when it was measured, and its colour. */
public final class LiveTag {
  private final Machine machine;
  private final Tag tag;
  private final StringProperty value = new SimpleStringProperty("\u2014");
  private final ObjectProperty<TagState> state = new SimpleObjectProperty<>(TagState.STALE);
  private final ObjectProperty<Instant> measuredAt = new SimpleObjectProperty<>();
  private String alarmState = "NORMAL";

  LiveTag(Machine machine, Tag tag) {
    this.machine = machine;
    this.tag = tag;
  }

  public Machine machine() {
    return machine;
  }

  public Tag tag() {
    return tag;
  }

  public StringProperty valueProperty() {
    return value;
  }

  public ObjectProperty<TagState> stateProperty() {
    return state;
  }

  public ObjectProperty<Instant> measuredAtProperty() {
    return measuredAt;
  }

  void apply(TagValue v, TelemetryText text, Instant now, Duration staleAfter) {
    value.set(text.value(tag, v.getValue()));
    measuredAt.set(
        Instant.ofEpochSecond(v.getSourceTime().getSeconds(), v.getSourceTime().getNanos()));
    alarmState = v.getAlarmState();
    recolour(now, staleAfter);
  }

  void recolour(Instant now, Duration staleAfter) {
    Instant at = measuredAt.get();
    state.set(
        at == null || at.plus(staleAfter).isBefore(now)
            ? TagState.STALE
            : TagState.ofAlarmState(alarmState));
  }
}
