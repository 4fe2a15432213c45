package io.millstone.client.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Dates are written the company's way and times are the company's clock, not the PC's or UTC. */
class DatesTest {
  @AfterEach
  void backToTheDefaults() {
    Notation.use(Notation.DEFAULT);
  }

  @Test
  void datesAreWrittenDayMonthYear() {
    assertThat(Dates.date(LocalDate.of(2026, 12, 7))).isEqualTo("07/12/2026");
    assertThat(Dates.parse("07/12/2026")).isEqualTo(LocalDate.of(2026, 12, 7));
  }

  @Test
  void anImpossibleDateIsNotReadAsAnother() {
    assertThat(Dates.parse("31/02/2026")).isNull();
    assertThat(Dates.parse("2026-12-07")).isNull();
  }

  @Test
  void banglaDigitsAreReadAndShownWhenAskedFor() {
    Notation.use(Notation.DEFAULT.withBanglaDigits(true));

    assertThat(Dates.date(LocalDate.of(2026, 12, 7))).isEqualTo("০৭/১২/২০২৬");
    assertThat(Dates.parse("০৭/১২/২০২৬")).isEqualTo(LocalDate.of(2026, 12, 7));
  }

  @Test
  void timesAreShownOnTheCompanysClockWhateverThePcSays() {
    // 18:30 UTC is half past midnight the next day in Dhaka (UTC+6).
    Instant at = Instant.parse("2026-12-07T18:30:00Z");

    assertThat(Dates.dateTime(at)).isEqualTo("08/12/2026 00:30");
  }

  @Test
  void aCompanyElsewhereSeesItsOwnPatternAndClock() {
    Notation.use(Notation.of("WESTERN", "yyyy-MM-dd", "Europe/London"));

    assertThat(Dates.dateTime(Instant.parse("2026-12-07T18:30:00Z"))).isEqualTo("2026-12-07 18:30");
    assertThat(Dates.zone()).isEqualTo(ZoneId.of("Europe/London"));
  }

  @Test
  void shortLabelsKeepTheCompanysOrderOfDayAndMonth() {
    assertThat(Dates.dayMonthPattern()).isEqualTo("dd/MM");
    Notation.use(Notation.of("WESTERN", "yyyy-MM-dd", "Asia/Dhaka"));
    assertThat(Dates.dayMonthPattern()).isEqualTo("MM-dd");
    Notation.use(Notation.of("WESTERN", "MM/dd/yyyy", "Asia/Dhaka"));
    assertThat(Dates.dayMonthPattern()).isEqualTo("MM/dd");
  }
}
