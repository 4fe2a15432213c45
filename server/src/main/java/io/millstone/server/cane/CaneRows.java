package io.millstone.server.cane;

import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.platform.Idempotency;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Tx;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.error.InvalidInputException;
import io.millstone.server.platform.error.NotFoundException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/** The rows the cane documents look up by what a person types: season, centre, grower. */
final class CaneRows {
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private CaneRows() {}

  /**
   * Checks what every cane correction (void, reversal) takes: an idempotency key, the document by
   * id or number under {@code documentField}, and a reason; returns the reason trimmed.
   */
  static String correctionReason(String key, String document, String documentField, String reason) {
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    v.text(document, documentField, 40);
    v.text(reason, "reason", 300);
    v.throwIfInvalid();
    return reason.trim();
  }

  record SeasonRow(UUID id, String code, LocalDate start, LocalDate end) {
    boolean holds(LocalDate d) {
      return d != null && !d.isBefore(start) && !d.isAfter(end);
    }

    String span() {
      return DAY.format(start) + " to " + DAY.format(end);
    }
  }

  record CentreRow(
      UUID id, UUID warehouseId, String warehouseCode, String kind, BigDecimal maxWeightKg) {}

  record GrowerRow(UUID id, String number, String name, UUID partyId) {}

  /** Upper-cased, trimmed code as codes are stored. */
  static String code(String s) {
    return s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
  }

  /** Today in the company's time zone. */
  static LocalDate today(Tx t, Clock clock) {
    return LocalDate.ofInstant(clock.instant(), ZoneId.of(CompanyAdmin.timeZoneOf(t)));
  }

  /** The season with this code or id; a bad one is refused under {@code field}. */
  static SeasonRow season(Connection c, String season, String field) throws SQLException {
    String s = season == null ? "" : season.trim();
    if (s.isEmpty()) {
      throw InvalidInputException.of(field, "is required");
    }
    UUID id = Ids.parseOrNull(s);
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, code, start_date, end_date FROM cane_season WHERE "
                + (id == null ? "code = ?" : "id = ?"))) {
      if (id == null) {
        ps.setString(1, code(s));
      } else {
        ps.setObject(1, id);
      }
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw InvalidInputException.of(field, "'" + s + "' is not a season of this company");
        }
        return new SeasonRow(
            rs.getObject(1, UUID.class),
            rs.getString(2),
            rs.getDate(3).toLocalDate(),
            rs.getDate(4).toLocalDate());
      }
    }
  }

  /** The centre of a season at this warehouse; refused under {@code field} if it is not one. */
  static CentreRow centre(Connection c, SeasonRow season, String warehouseCode, String field)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT cc.id, w.id, w.code, cc.kind, cc.max_weight_kg FROM cane_centre cc"
                + " JOIN warehouse w ON w.id = cc.warehouse_id"
                + " WHERE cc.season_id = ? AND w.code = ?")) {
      ps.setObject(1, season.id());
      ps.setString(2, code(warehouseCode));
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw InvalidInputException.of(
              field,
              "'" + code(warehouseCode) + "' is not a purchase centre of season " + season.code());
        }
        return new CentreRow(
            rs.getObject(1, UUID.class),
            rs.getObject(2, UUID.class),
            rs.getString(3),
            rs.getString(4),
            rs.getBigDecimal(5));
      }
    }
  }

  /** The grower with this number, or null. */
  static GrowerRow growerOrNull(Connection c, String number) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT g.id, g.grower_number, p.name, p.id FROM grower g JOIN party p ON p.id ="
                + " g.party_id WHERE g.grower_number = ?")) {
      ps.setString(1, code(number));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? new GrowerRow(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getObject(4, UUID.class))
            : null;
      }
    }
  }

  /** The grower with this number; refused under {@code field} when there is none. */
  static GrowerRow grower(Connection c, String number, String field) throws SQLException {
    GrowerRow g = growerOrNull(c, number);
    if (g == null) {
      throw InvalidInputException.of(field, "'" + code(number) + "' is not a registered grower");
    }
    return g;
  }

  /** The grower with this number; NOT_FOUND when there is none (for reads by number). */
  static GrowerRow growerForRead(Connection c, String number) throws SQLException {
    GrowerRow g = growerOrNull(c, number);
    if (g == null) {
      throw new NotFoundException("Grower", code(number));
    }
    return g;
  }

  /** The season's price for a centre on a day: the latest that starts on or before it. */
  static BigDecimal priceOn(Connection c, UUID centreId, LocalDate day) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT price_per_quintal FROM cane_price WHERE centre_id = ? AND effective_from <= ?"
                + " ORDER BY effective_from DESC LIMIT 1")) {
      ps.setObject(1, centreId);
      ps.setDate(2, java.sql.Date.valueOf(day));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getBigDecimal(1) : null;
      }
    }
  }

  static int pageSize(int asked) {
    return asked <= 0 ? 100 : Math.min(asked, 500);
  }
}
