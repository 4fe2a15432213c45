package io.millstone.server.accounting;

import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.error.InvalidInputException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * The number the next document of a gapless series would take, read without taking it (and without
 * locking the series' counter), for the confirmation a person reads before posting.
 */
public final class NextNumbers {
  /** The gapless series: tax invoices and credit notes. */
  static final Set<String> SERIES = Set.of("INV", "CN");

  private final Transactions tx;
  private final Clock clock;

  public NextNumbers(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  /** The number and the date (today in the company's zone) a document posted now would carry. */
  public record Next(String number, LocalDate date) {}

  public Next peek(Actor actor, String series) {
    if (series == null || !SERIES.contains(series)) {
      throw InvalidInputException.of("series", "must be INV (tax invoices) or CN (credit notes)");
    }
    return tx.inCompany(
        actor,
        t -> {
          var settings = CompanyAdmin.settingsOf(t);
          LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(settings.timeZone())));
          // The calendar year the date's fiscal year starts in, as Books labels the series.
          int start = settings.fiscalYearStartMonth();
          String label =
              String.valueOf(
                  today.getMonthValue() >= start ? today.getYear() : today.getYear() - 1);
          long next =
              Jdbc.work(
                  t,
                  c -> {
                    try (PreparedStatement ps =
                        c.prepareStatement(
                            "SELECT next_number FROM doc_sequence"
                                + " WHERE company_id = ? AND doc_type = ? AND year_label = ?")) {
                      ps.setObject(1, actor.companyId());
                      ps.setString(2, series);
                      ps.setString(3, label);
                      try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getLong(1) : 1L;
                      }
                    }
                  });
          return new Next(String.format("%s-%s-%05d", series, label, next), today);
        });
  }
}
