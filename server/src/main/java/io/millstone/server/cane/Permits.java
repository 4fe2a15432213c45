package io.millstone.server.cane;

import io.millstone.server.accounting.Books;
import io.millstone.server.cane.CaneDesk.PermitInput;
import io.millstone.server.cane.CaneDesk.PermitPage;
import io.millstone.server.cane.CaneDesk.PermitView;
import io.millstone.server.cane.CaneRows.CentreRow;
import io.millstone.server.cane.CaneRows.GrowerRow;
import io.millstone.server.cane.CaneRows.SeasonRow;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Decimals;
import io.millstone.server.platform.Idempotency;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.PageToken;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Tx;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.error.BusinessRuleException;
import io.millstone.server.platform.error.InvalidInputException;
import io.millstone.server.platform.error.NotFoundException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Supply permits (purjee): a grower may bring a quota of cane to a centre on a day. A permit is
 * ISSUED, USED (by exactly one ticket) or CANCELLED; EXPIRED is not stored but read: an issued
 * permit whose day is before today in the company's time zone (ADR 0025).
 */
final class Permits {
  /** A permit's quota above this is more than a bridge weighs (80 t = 800 quintals). */
  static final BigDecimal MAX_QUOTA_QUINTALS = new BigDecimal("800");

  static final Set<String> STATES = Set.of("ISSUED", "USED", "EXPIRED", "CANCELLED");

  private final Transactions tx;
  private final Books books;
  private final Clock clock;

  Permits(Transactions tx, Books books, Clock clock) {
    this.tx = tx;
    this.books = books;
    this.clock = clock;
  }

  List<PermitView> issue(
      Actor actor,
      String key,
      String season,
      String warehouseCode,
      LocalDate date,
      List<PermitInput> input) {
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    v.text(season, "season", 40);
    v.text(warehouseCode, "warehouse_code", 32);
    v.check(date != null, "permit_date", "required", "is required");
    v.check(!input.isEmpty(), "permits", "needs at least one grower");
    v.check(input.size() <= 500, "permits", "may hold at most 500 growers");
    Set<String> seen = new HashSet<>();
    List<BigDecimal> quota = new ArrayList<>();
    for (int i = 0; i < input.size(); i++) {
      PermitInput p = input.get(i);
      String f = "permits[" + i + "]";
      v.text(p.growerNumber(), f + ".grower_number", 20);
      v.check(
          seen.add(CaneRows.code(p.growerNumber())),
          f + ".grower_number",
          "is listed twice; one permit per grower and day");
      BigDecimal q = Decimals.parse(v, f + ".quota_quintals", p.quotaQuintals(), 4, 8, true);
      v.check(
          q == null || (q.signum() > 0 && q.compareTo(MAX_QUOTA_QUINTALS) <= 0),
          f + ".quota_quintals",
          "must be above zero and at most 800 quintals (what a bridge weighs)");
      quota.add(q);
    }
    v.throwIfInvalid();
    return tx.inCompany(
        actor,
        t -> {
          var outcome =
              Idempotency.once(
                  t,
                  key,
                  "cane.permit.issue",
                  season + '\u001f' + warehouseCode + '\u001f' + date + '\u001f' + input,
                  batch -> {
                    issue(t, actor, batch, season, warehouseCode, date, input, quota);
                    return batch;
                  });
          return Jdbc.work(t, c -> read(c, t, "p.batch_id = ?", outcome.id()));
        });
  }

  private void issue(
      Tx t,
      Actor actor,
      UUID batch,
      String season,
      String warehouseCode,
      LocalDate date,
      List<PermitInput> input,
      List<BigDecimal> quota) {
    LocalDate today = CaneRows.today(t, clock);
    SeasonRow s = Jdbc.work(t, c -> CaneRows.season(c, season, "season"));
    Validator v = new Validator();
    v.check(
        s.holds(date),
        "permit_date",
        "cane_date_outside_season",
        "is outside the season (" + s.span() + ")",
        CaneRows.DAY.format(s.start()),
        CaneRows.DAY.format(s.end()));
    v.check(
        !date.isBefore(today),
        "permit_date",
        "is before today (" + CaneRows.DAY.format(today) + "); a permit is for a day to come");
    v.throwIfInvalid();
    CentreRow centre = Jdbc.work(t, c -> CaneRows.centre(c, s, warehouseCode, "warehouse_code"));
    List<GrowerRow> growers = new ArrayList<>();
    Jdbc.work(
        t,
        c -> {
          for (int i = 0; i < input.size(); i++) {
            GrowerRow g = CaneRows.growerOrNull(c, input.get(i).growerNumber());
            v.check(
                g != null,
                "permits[" + i + "].grower_number",
                "'" + CaneRows.code(input.get(i).growerNumber()) + "' is not a registered grower");
            growers.add(g);
          }
          return null;
        });
    v.throwIfInvalid();
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < input.size(); i++) {
      numbers.add(books.sequenceNumber(t, "PMT", date));
    }
    Jdbc.work(
        t,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO cane_permit (id, company_id, number, batch_id, centre_id, grower_id,"
                      + " permit_date, quota_quintals, state, issued_at, issued_by)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ISSUED', ?, ?)")) {
            Timestamp now = Timestamp.from(clock.instant());
            for (int i = 0; i < input.size(); i++) {
              ps.setObject(1, Ids.newId());
              ps.setObject(2, actor.companyId());
              ps.setString(3, numbers.get(i));
              ps.setObject(4, batch);
              ps.setObject(5, centre.id());
              ps.setObject(6, growers.get(i).id());
              ps.setDate(7, Date.valueOf(date));
              ps.setBigDecimal(8, quota.get(i));
              ps.setTimestamp(9, now);
              ps.setString(10, actor.username());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
    t.audit(
        "cane.permit.issue",
        "cane_permit",
        batch,
        input.size() + " permits for " + centre.warehouseCode() + " on " + date);
  }

  PermitView cancel(Actor actor, String number, String reason) {
    Validator v = new Validator();
    v.text(number, "permit_number", 30);
    v.text(reason, "reason", 300);
    v.throwIfInvalid();
    return tx.inCompany(
        actor,
        t -> {
          PermitView p = Jdbc.work(t, c -> lock(c, t, number));
          if (p == null) {
            throw new NotFoundException("Permit", CaneRows.code(number));
          }
          switch (p.state()) {
            case "USED" ->
                throw new BusinessRuleException(
                    "cane_permit_used",
                    "Permit "
                        + p.number()
                        + " was already used by ticket "
                        + p.ticketNumber()
                        + ".",
                    p.number(),
                    p.ticketNumber());
            case "CANCELLED" ->
                throw new BusinessRuleException(
                    "cane_permit_cancelled",
                    "Permit " + p.number() + " was cancelled: " + p.cancelReason(),
                    p.number(),
                    p.cancelReason());
            default -> {
              // ISSUED or EXPIRED: an unused permit can be cancelled (void for the record).
            }
          }
          Jdbc.work(
              t,
              c -> {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "UPDATE cane_permit SET state = 'CANCELLED', cancel_reason = ? WHERE id = ?")) {
                  ps.setString(1, reason.trim());
                  ps.setObject(2, p.id());
                  return ps.executeUpdate();
                }
              });
          t.audit("cane.permit.cancel", "cane_permit", p.id(), p.number() + ": " + reason.trim());
          return Jdbc.work(t, c -> read(c, t, "p.id = ?", p.id())).getFirst();
        });
  }

  PermitPage list(
      Actor actor,
      String warehouseCode,
      LocalDate date,
      String state,
      String growerNumber,
      int pageSize,
      String pageToken) {
    if (!state.isEmpty() && !STATES.contains(state)) {
      throw InvalidInputException.of("state", "is not a permit state");
    }
    int size = CaneRows.pageSize(pageSize);
    List<String> after = PageToken.decode(pageToken, 2);
    if (after == null) {
      throw InvalidInputException.of("page.page_token", "is not a token this list gave out");
    }
    return tx.inCompany(
        actor,
        t -> {
          t.customPlans();
          LocalDate today = CaneRows.today(t, clock);
          StringBuilder where = new StringBuilder("TRUE");
          List<Object> args = new ArrayList<>();
          if (warehouseCode != null && !warehouseCode.isBlank()) {
            where.append(" AND w.code = ?");
            args.add(CaneRows.code(warehouseCode));
          }
          if (date != null) {
            where.append(" AND p.permit_date = ?");
            args.add(Date.valueOf(date));
          }
          if (growerNumber != null && !growerNumber.isBlank()) {
            // A grower's number, or the start of a permit's number.
            where.append(" AND (g.grower_number = ? OR upper(p.number) LIKE ?)");
            args.add(CaneRows.code(growerNumber));
            args.add(io.millstone.server.platform.NumberFilter.prefix(growerNumber));
          }
          switch (state) {
            case "ISSUED" -> {
              where.append(" AND p.state = 'ISSUED' AND p.permit_date >= ?");
              args.add(Date.valueOf(today));
            }
            case "EXPIRED" -> {
              where.append(" AND p.state = 'ISSUED' AND p.permit_date < ?");
              args.add(Date.valueOf(today));
            }
            case "USED", "CANCELLED" -> {
              where.append(" AND p.state = ?");
              args.add(state);
            }
            default -> {}
          }
          if (!after.isEmpty()) {
            where.append(" AND (p.permit_date, p.number) < (?, ?)");
            args.add(Date.valueOf(after.get(0)));
            args.add(after.get(1));
          }
          where.append(" ORDER BY p.permit_date DESC, p.number DESC LIMIT ").append(size + 1);
          List<PermitView> rows = Jdbc.work(t, c -> read(c, t, where.toString(), args.toArray()));
          String next = "";
          if (rows.size() > size) {
            rows = rows.subList(0, size);
            PermitView last = rows.getLast();
            next = PageToken.encode(last.date().toString(), last.number());
          }
          return new PermitPage(List.copyOf(rows), next);
        });
  }

  /** The permit with this number, locked for the caller's transaction; null if none. */
  PermitView lock(Connection c, Tx t, String number) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id FROM cane_permit WHERE number = ? FOR UPDATE")) {
      ps.setString(1, CaneRows.code(number));
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
      }
    }
    List<PermitView> rows = read(c, t, "p.number = ?", CaneRows.code(number));
    return rows.getFirst();
  }

  static final String SELECT =
      "SELECT p.id, p.number, s.code, g.grower_number, pa.name, w.code, p.permit_date,"
          + " p.quota_quintals, p.state, p.cancel_reason, tk.number FROM cane_permit p"
          + " JOIN cane_centre cc ON cc.id = p.centre_id JOIN cane_season s ON s.id = cc.season_id"
          + " JOIN warehouse w ON w.id = cc.warehouse_id JOIN grower g ON g.id = p.grower_id"
          + " JOIN party pa ON pa.id = g.party_id"
          + " LEFT JOIN weighbridge_ticket tk ON tk.permit_id = p.id"
          + " AND tk.state <> 'VOIDED' WHERE ";

  /** Permits matching {@code where} (on alias p), with the state as a person reads it today. */
  List<PermitView> read(Connection c, Tx t, String where, Object... args) throws SQLException {
    return readAt(c, CaneRows.today(t, clock), where, args);
  }

  static List<PermitView> readAt(Connection c, LocalDate today, String where, Object... args)
      throws SQLException {
    List<PermitView> out = new ArrayList<>();
    boolean ordered = where.contains("ORDER BY");
    try (PreparedStatement ps =
        c.prepareStatement(SELECT + where + (ordered ? "" : " ORDER BY p.number"))) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          LocalDate day = rs.getDate(7).toLocalDate();
          String state = rs.getString(9);
          if (state.equals("ISSUED") && day.isBefore(today)) {
            state = "EXPIRED";
          }
          out.add(
              new PermitView(
                  rs.getObject(1, UUID.class),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  day,
                  rs.getBigDecimal(8),
                  state,
                  rs.getString(10),
                  rs.getString(11) == null ? "" : rs.getString(11)));
        }
      }
    }
    return out;
  }
}
