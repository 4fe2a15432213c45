package io.millstone.server.production;

import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Decimals;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.error.InvalidInputException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The OEE questions and a machine's OEE settings, behind the OeeService contract. */
public final class OeeDesk {
  /** The longest range one question may cover. */
  static final int MAX_DAYS = 400;

  private static final Set<String> SHIFTS = Set.of("A", "B", "C");

  /** The answer: the days it covers and its lines ({@link OeeRollups#read}). */
  public record OeeView(LocalDate from, LocalDate to, List<OeeRollups.Line> lines) {}

  /** A machine's OEE settings as stored. */
  public record MachineOeeView(
      String machineCode,
      BigDecimal idealRatePerHour,
      String rateUnit,
      String producedTagKey,
      String rejectedTagKey) {}

  private final Transactions tx;
  private final Clock clock;

  public OeeDesk(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * OEE for a period kind SHIFT (date + shift), DAY (date), SEASON_TO_DATE (date) or RANGE (from ..
   * date).
   */
  public OeeView get(
      Actor actor,
      String workCentreCode,
      String machineCode,
      String period,
      LocalDate date,
      String shift,
      LocalDate from) {
    Validator v = new Validator();
    v.check(
        Set.of("SHIFT", "DAY", "SEASON_TO_DATE", "RANGE").contains(period),
        "period",
        "oee_period_required",
        "is required: a shift, a day, the season to date or a range");
    v.check(date != null, "date", "required", "is required");
    if ("SHIFT".equals(period)) {
      v.check(SHIFTS.contains(shift), "shift", "oee_shift_required", "must be A, B or C");
    }
    if ("RANGE".equals(period)) {
      v.check(from != null, "from", "required", "is required");
      if (from != null && date != null) {
        v.check(!from.isAfter(date), "from", "oee_from_after_to", "must be on or before the date");
        v.check(
            ChronoUnit.DAYS.between(from, date) < MAX_DAYS,
            "from",
            "oee_range_too_long",
            "covers more than " + MAX_DAYS + " days; ask for a shorter range",
            MAX_DAYS);
      }
    }
    v.check(workCentreCode.length() <= 32, "work_centre_code", "too_long", "is too long", 0, 32);
    v.check(machineCode.length() <= 32, "machine_code", "too_long", "is too long", 0, 32);
    v.throwIfInvalid();
    return tx.reportInCompany(
        actor,
        (t, c) -> {
          ZoneId zone = ZoneId.of(CompanyAdmin.timeZoneOf(t));
          Validator known = new Validator();
          if (!workCentreCode.isEmpty()) {
            known.check(
                exists(c, "SELECT 1 FROM work_centre WHERE code = ?", workCentreCode),
                "work_centre_code",
                "oee_unknown_work_centre",
                "is not a work centre",
                workCentreCode);
          }
          if (!machineCode.isEmpty()) {
            known.check(
                exists(c, "SELECT 1 FROM machine WHERE code = ?", machineCode),
                "machine_code",
                "oee_unknown_machine",
                "is not a machine",
                machineCode);
          }
          known.throwIfInvalid();
          OeeRollups.Period p =
              switch (period) {
                case "SHIFT" -> OeeRollups.Period.shift(date, shift);
                case "DAY" -> OeeRollups.Period.day(date);
                case "RANGE" -> OeeRollups.Period.days(from, date);
                default -> OeeRollups.Period.days(seasonStart(c, date), date);
              };
          return new OeeView(
              p.from(),
              p.to(),
              OeeRollups.read(c, zone, clock.instant(), p, workCentreCode, machineCode));
        });
  }

  /**
   * The first day of the crushing season the date falls in; without a season, the first day with a
   * rollup in the year before it.
   */
  static LocalDate seasonStart(Connection c, LocalDate date) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT (SELECT max(start_date) FROM cane_season WHERE start_date <= ? AND end_date >= ?),"
                + " (SELECT min(shift_date) FROM oee_shift_rollup WHERE shift_date BETWEEN ? AND ?)")) {
      ps.setObject(1, date);
      ps.setObject(2, date);
      ps.setObject(3, date.minusDays(MAX_DAYS - 1));
      ps.setObject(4, date);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        LocalDate season = rs.getObject(1, LocalDate.class);
        LocalDate first = rs.getObject(2, LocalDate.class);
        return season != null ? season : first != null ? first : date;
      }
    }
  }

  private static boolean exists(Connection c, String sql, String code) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, code);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Sets a machine's rated speed and counter tags; the next readings roll up with them. */
  public MachineOeeView setMachine(
      Actor actor,
      String machineCode,
      String idealRatePerHour,
      String rateUnit,
      String producedTagKey,
      String rejectedTagKey) {
    Validator v = new Validator();
    v.text(machineCode, "machine_code", 32);
    BigDecimal rate = Decimals.parse(v, "ideal_rate_per_hour", idealRatePerHour, 6, true);
    v.check(
        rate == null || rate.signum() > 0,
        "ideal_rate_per_hour",
        "oee_rate_positive",
        "must be above 0 units an hour");
    v.check(rateUnit.length() <= 20, "rate_unit", "too_long", "is too long", rateUnit.length(), 20);
    v.text(producedTagKey, "produced_tag_key", 100);
    v.check(
        rejectedTagKey.isEmpty() || !rejectedTagKey.equals(producedTagKey),
        "rejected_tag_key",
        "oee_same_tag",
        "must be another tag than the produced one");
    v.throwIfInvalid();
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          UUID machine = null;
          try (PreparedStatement ps = c.prepareStatement("SELECT id FROM machine WHERE code = ?")) {
            ps.setString(1, machineCode);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                machine = rs.getObject(1, UUID.class);
              }
            }
          }
          if (machine == null) {
            throw InvalidInputException.of("machine_code", "is not a machine");
          }
          Validator tags = new Validator();
          UUID produced = counter(c, tags, machine, "produced_tag_key", producedTagKey);
          UUID rejected =
              rejectedTagKey.isEmpty()
                  ? null
                  : counter(c, tags, machine, "rejected_tag_key", rejectedTagKey);
          tags.throwIfInvalid();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO machine_oee (company_id, machine_id, ideal_rate_per_hour, rate_unit,"
                      + " produced_tag_id, rejected_tag_id, updated_at, updated_by)"
                      + " SELECT company_id, id, ?, ?, ?, ?, ?, ? FROM machine WHERE id = ?"
                      + " ON CONFLICT (machine_id) DO UPDATE SET"
                      + " ideal_rate_per_hour = EXCLUDED.ideal_rate_per_hour,"
                      + " rate_unit = EXCLUDED.rate_unit, produced_tag_id = EXCLUDED.produced_tag_id,"
                      + " rejected_tag_id = EXCLUDED.rejected_tag_id,"
                      + " updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by")) {
            ps.setBigDecimal(1, rate);
            ps.setString(2, rateUnit.trim());
            ps.setObject(3, produced);
            ps.setObject(4, rejected);
            ps.setTimestamp(5, Timestamp.from(clock.instant()));
            ps.setString(6, actor.username());
            ps.setObject(7, machine);
            ps.executeUpdate();
          }
          t.audit(
              "production.oee.machine",
              "machine",
              machine,
              machineCode + " " + rate.toPlainString() + " " + rateUnit + "/h");
          return new MachineOeeView(
              machineCode, rate, rateUnit.trim(), producedTagKey, rejectedTagKey);
        });
  }

  private static UUID counter(Connection c, Validator v, UUID machine, String field, String key)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id, value_type FROM tag WHERE machine_id = ? AND key = ?")) {
      ps.setObject(1, machine);
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        boolean found = rs.next();
        v.check(
            found && "COUNTER".equals(rs.getString(2)),
            field,
            "oee_tag_not_counter",
            "is not a counter tag of this machine",
            key);
        return found ? rs.getObject(1, UUID.class) : null;
      }
    }
  }
}
