package io.millstone.client.telemetry;

import io.millstone.api.telemetry.v1.Tag;
import io.millstone.api.telemetry.v1.ValueType;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Notation;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the factory screens write times, durations and values, in the person's language. */
final class TelemetryText {
  private final Messages messages;
  private final ZoneId zone;
  private final DateTimeFormatter time;
  private final DateTimeFormatter minutes;

  TelemetryText(Messages messages, ZoneId zone) {
    this.messages = messages;
    this.zone = zone;
    // The company's date pattern, as on every other screen.
    String date = Notation.current().datePattern().replace("yyyy", "uuuu");
    this.time = DateTimeFormatter.ofPattern(date + " HH:mm:ss", Locale.ROOT).withZone(zone);
    this.minutes = DateTimeFormatter.ofPattern(date + " HH:mm", Locale.ROOT).withZone(zone);
  }

  Messages messages() {
    return messages;
  }

  ZoneId zone() {
    return zone;
  }

  String time(Instant at) {
    return at == null ? "" : Notation.current().digits(time.format(at));
  }

  /** To the minute, for stops: their seconds do not matter to anyone. */
  String minute(Instant at) {
    return at == null ? "" : Notation.current().digits(minutes.format(at));
  }

  /** "2 h 05 min", "4 min 30 s", "12 s". */
  String duration(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s >= 3600) {
      return messages.get("telemetry.duration.hours", s / 3600, (s % 3600) / 60);
    }
    if (s >= 60) {
      return messages.get("telemetry.duration.minutes", s / 60, s % 60);
    }
    return messages.get("telemetry.duration.seconds", s);
  }

  /** A tag's value as the monitor shows it: booleans as running/stopped words. */
  String value(Tag tag, String raw) {
    if (raw == null || raw.isEmpty()) {
      return "\u2014";
    }
    if (tag.getValueType() == ValueType.VALUE_TYPE_BOOLEAN) {
      boolean on = "true".equalsIgnoreCase(raw);
      if (tag.getIsRunState()) {
        return messages.get(on ? "telemetry.running" : "telemetry.stopped");
      }
      return messages.get(on ? "telemetry.on" : "telemetry.off");
    }
    return Notation.current().digits(raw);
  }
}
