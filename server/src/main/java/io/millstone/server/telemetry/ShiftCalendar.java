package io.millstone.server.telemetry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The mill's shifts on the company's clock: A 06-14, B 14-22, C 22-06. A C shift belongs to the
 * production date it starts on, so the production day runs 06:00 to 06:00.
 */
public final class ShiftCalendar {
  private ShiftCalendar() {}

  /** One shift of one production date. */
  public record Bucket(LocalDate date, String shift) {
    public Instant start(ZoneId zone) {
      return ShiftCalendar.start(date, shift, zone);
    }

    public Instant end(ZoneId zone) {
      return switch (shift) {
        case "A" -> ShiftCalendar.start(date, "B", zone);
        case "B" -> ShiftCalendar.start(date, "C", zone);
        default -> ShiftCalendar.start(date.plusDays(1), "A", zone);
      };
    }
  }

  /** When the shift of a production date starts. */
  public static Instant start(LocalDate date, String shift, ZoneId zone) {
    int hour =
        switch (shift) {
          case "A" -> 6;
          case "B" -> 14;
          case "C" -> 22;
          default -> throw new IllegalArgumentException("no shift " + shift);
        };
    return date.atTime(LocalTime.of(hour, 0)).atZone(zone).toInstant();
  }

  /** The shift an instant falls in. */
  public static Bucket of(Instant t, ZoneId zone) {
    ZonedDateTime z = t.atZone(zone);
    int h = z.getHour();
    if (h < 6) {
      return new Bucket(z.toLocalDate().minusDays(1), "C");
    }
    return new Bucket(z.toLocalDate(), h < 14 ? "A" : h < 22 ? "B" : "C");
  }
}
