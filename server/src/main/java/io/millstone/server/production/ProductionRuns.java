package io.millstone.server.production;

import io.millstone.server.accounting.Books;
import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.DatedKeyset;
import io.millstone.server.platform.Idempotency;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Tx;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.error.BusinessRuleException;
import io.millstone.server.platform.error.ConflictException;
import io.millstone.server.platform.error.InvalidInputException;
import io.millstone.server.platform.error.NotFoundException;
import io.millstone.server.production.ProductionDesk.DayView;
import io.millstone.server.production.ProductionDesk.DowntimeView;
import io.millstone.server.production.ProductionDesk.RunPage;
import io.millstone.server.production.ProductionDesk.RunView;
import io.millstone.server.production.RunRows.Head;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Production runs per shift: planned for a work centre, BOM, date and shift; started; their
 * consumption, outputs and stops noted as the shift goes. {@link RunPostings} posts them.
 */
final class ProductionRuns {
  static final Set<String> SHIFTS = Set.of("A", "B", "C", "DAY");
  static final Set<String> REASONS =
      Set.of("MECHANICAL", "ELECTRICAL", "NO_CANE", "CLEANING", "POWER");
  static final Set<String> STATES = Set.of("PLANNED", "STARTED", "FINISHED", "REVERSED");

  private final Transactions tx;
  private final Books books;
  private final Clock clock;

  ProductionRuns(Transactions tx, Books books, Clock clock) {
    this.tx = tx;
    this.books = books;
    this.clock = clock;
  }

  /** The shift's hours on the company's clock: A 06-14, B 14-22, C 22-06, DAY 06-06. */
  static Instant[] window(LocalDate d, String shift, ZoneId zone) {
    LocalTime start =
        switch (shift) {
          case "A", "DAY" -> LocalTime.of(6, 0);
          case "B" -> LocalTime.of(14, 0);
          default -> LocalTime.of(22, 0);
        };
    Instant from = d.atTime(start).atZone(zone).toInstant();
    long hours = shift.equals("DAY") ? 24 : 8;
    return new Instant[] {from, from.plusSeconds(hours * 3600)};
  }

  RunView plan(
      Actor actor,
      String key,
      String workCentreCode,
      String bomCode,
      LocalDate date,
      String shift,
      String warehouseCode,
      String note) {
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    v.text(workCentreCode, "work_centre_code", 32);
    v.text(bomCode, "bom_code", 32);
    v.text(warehouseCode, "warehouse_code", 32);
    v.check(date != null, "run_date", "is required");
    v.check(SHIFTS.contains(shift), "shift", "must be A, B, C or DAY");
    v.check(note == null || note.length() <= 500, "note", "is too long (at most 500 characters)");
    v.throwIfInvalid();
    return tx.inCompany(
        actor,
        t -> {
          ZoneId zone = ZoneId.of(CompanyAdmin.timeZoneOf(t));
          LocalDate today = LocalDate.now(clock.withZone(zone));
          new Validator()
              .check(
                  !date.isBefore(today.minusDays(366)) && !date.isAfter(today.plusDays(31)),
                  "run_date",
                  "must be within the last year and the next 31 days")
              .throwIfInvalid();
          var outcome =
              Idempotency.once(
                  t,
                  key,
                  "production.run.plan",
                  workCentreCode
                      + '\u001f'
                      + bomCode
                      + '\u001f'
                      + date
                      + '\u001f'
                      + shift
                      + '\u001f'
                      + warehouseCode
                      + '\u001f'
                      + note,
                  id ->
                      Jdbc.work(
                          t,
                          c ->
                              insert(
                                  t,
                                  c,
                                  actor,
                                  id,
                                  workCentreCode,
                                  bomCode,
                                  date,
                                  shift,
                                  warehouseCode,
                                  note == null ? "" : note.trim(),
                                  zone)));
          return view(t, outcome.id());
        });
  }

  private UUID insert(
      Tx t,
      Connection c,
      Actor actor,
      UUID id,
      String wc,
      String bom,
      LocalDate date,
      String shift,
      String wh,
      String note,
      ZoneId zone)
      throws SQLException {
    UUID centre = idOf(c, "SELECT id FROM work_centre WHERE code = ? AND active", wc);
    UUID bomId = idOf(c, "SELECT id FROM production_bom WHERE code = ? AND active", bom);
    UUID whId = idOf(c, "SELECT id FROM warehouse WHERE code = ? AND active", wh);
    new Validator()
        .check(
            centre != null,
            "work_centre_code",
            "'" + ItemRow.norm(wc) + "' is not an active work centre")
        .check(
            bomId != null,
            "bom_code",
            "'" + ItemRow.norm(bom) + "' is not an active bill of materials")
        .check(
            whId != null, "warehouse_code", "'" + ItemRow.norm(wh) + "' is not an active warehouse")
        .throwIfInvalid();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT number FROM production_run WHERE work_centre_id = ? AND run_date = ?"
                + " AND shift = ? AND state <> 'REVERSED'")) {
      ps.setObject(1, centre);
      ps.setDate(2, Date.valueOf(date));
      ps.setString(3, shift);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          throw new BusinessRuleException(
              "run_shift_taken",
              ItemRow.norm(wc)
                  + " already has run "
                  + rs.getString(1)
                  + " for shift "
                  + shift
                  + " on "
                  + date
                  + "; record on that run.",
              ItemRow.norm(wc),
              rs.getString(1),
              shift,
              date);
        }
      }
    }
    Instant[] w = window(date, shift, zone);
    Timestamp now = Timestamp.from(clock.instant());
    String number = books.sequenceNumber(t, "PR", date);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO production_run (id, company_id, number, work_centre_id, bom_id, run_date, shift,"
                + " warehouse_id, state, note, window_start, window_end, created_at, created_by,"
                + " updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setObject(1, id);
      ps.setObject(2, actor.companyId());
      ps.setString(3, number);
      ps.setObject(4, centre);
      ps.setObject(5, bomId);
      ps.setDate(6, Date.valueOf(date));
      ps.setString(7, shift);
      ps.setObject(8, whId);
      ps.setString(9, note);
      ps.setTimestamp(10, Timestamp.from(w[0]));
      ps.setTimestamp(11, Timestamp.from(w[1]));
      ps.setTimestamp(12, now);
      ps.setString(13, actor.username());
      ps.setTimestamp(14, now);
      ps.setString(15, actor.username());
      ps.executeUpdate();
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        throw ConflictException.of(
            "run_shift_taken_now",
            "Someone planned this shift of " + ItemRow.norm(wc) + " at the same moment; reload.");
      }
      throw e;
    }
    t.audit(
        "production.run.plan",
        "production_run",
        id,
        number + " " + ItemRow.norm(wc) + " " + date + " " + shift);
    return id;
  }

  private static UUID idOf(Connection c, String sql, String code) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, ItemRow.norm(code));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getObject(1, UUID.class) : null;
      }
    }
  }

  RunView start(Actor actor, String runId) {
    UUID id = Ids.parse(runId, "run_id");
    return tx.inCompany(
        actor,
        t -> {
          Jdbc.work(
              t,
              c -> {
                Head h = RunRows.lock(c, id, true);
                requireState(h, "PLANNED", "started");
                touch(c, actor, id, "STARTED", "started_at");
                return null;
              });
          t.audit("production.run.start", "production_run", id, "started");
          return view(t, id);
        });
  }

  static void requireState(Head h, String state, String verb) {
    if (!h.state().equals(state)) {
      throw new BusinessRuleException(
          "run_state",
          "Run "
              + h.number()
              + " is "
              + h.state().toLowerCase(java.util.Locale.ROOT)
              + "; only a "
              + state.toLowerCase(java.util.Locale.ROOT)
              + " run can be "
              + verb
              + ".",
          h.number(),
          h.state().toLowerCase(java.util.Locale.ROOT),
          state.toLowerCase(java.util.Locale.ROOT));
    }
  }

  /** Moves a run to {@code state}, stamping {@code column} with now (null for none). */
  void touch(Connection c, Actor actor, UUID id, String state, String column) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE production_run SET state = ?, updated_at = ?, updated_by = ?,"
                + " version = version + 1"
                + (column == null ? "" : ", " + column + " = ?")
                + " WHERE id = ?")) {
      Timestamp now = Timestamp.from(clock.instant());
      ps.setString(1, state);
      ps.setTimestamp(2, now);
      ps.setString(3, actor.username());
      if (column == null) {
        ps.setObject(4, id);
      } else {
        ps.setTimestamp(4, now);
        ps.setObject(5, id);
      }
      ps.executeUpdate();
    }
  }

  RunView recordLine(
      Actor actor,
      String key,
      String runId,
      boolean output,
      String itemCode,
      String quantity,
      String lot) {
    UUID id = Ids.parse(runId, "run_id");
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    v.text(itemCode, "item_code", 32);
    BigDecimal qty = Boms.quantity(v, "quantity", quantity, true);
    String l = lot == null ? "" : lot.trim();
    v.check(l.length() <= 40, "lot", "is too long (at most 40 characters)");
    v.throwIfInvalid();
    String direction = output ? "OUT" : "IN";
    return tx.inCompany(
        actor,
        t -> {
          Idempotency.once(
              t,
              key,
              "production.run." + direction.toLowerCase(java.util.Locale.ROOT),
              runId + '\u001f' + itemCode + '\u001f' + quantity + '\u001f' + l,
              lineId ->
                  Jdbc.work(
                      t,
                      c -> {
                        Head h = RunRows.lock(c, id, true);
                        requireState(h, "STARTED", "recorded on");
                        ItemRow item =
                            ItemRow.byCodes(c, List.of(itemCode)).get(ItemRow.norm(itemCode));
                        String type = bomLine(c, h.bomId(), item, output);
                        try (PreparedStatement ps =
                            c.prepareStatement(
                                "INSERT INTO production_run_line (id, company_id, run_id, direction,"
                                    + " item_id, quantity, lot, output_type, recorded_at, recorded_by)"
                                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                          ps.setObject(1, lineId);
                          ps.setObject(2, actor.companyId());
                          ps.setObject(3, id);
                          ps.setString(4, direction);
                          ps.setObject(5, item.id());
                          ps.setBigDecimal(6, qty);
                          ps.setString(7, l);
                          ps.setString(8, type);
                          ps.setTimestamp(9, Timestamp.from(clock.instant()));
                          ps.setString(10, actor.username());
                          ps.executeUpdate();
                        }
                        return lineId;
                      }));
          return view(t, id);
        });
  }

  /** The output type of the item on the run's BOM; refuses an item the BOM does not list. */
  private static String bomLine(Connection c, UUID bomId, ItemRow item, boolean output)
      throws SQLException {
    if (item == null || !item.active()) {
      throw InvalidInputException.of("item_code", "is not an active item");
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            output
                ? "SELECT output_type FROM production_bom_output WHERE bom_id = ? AND item_id = ?"
                : "SELECT NULL FROM production_bom_input WHERE bom_id = ? AND item_id = ?")) {
      ps.setObject(1, bomId);
      ps.setObject(2, item.id());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw InvalidInputException.of(
              "item_code",
              item.code() + " is not " + (output ? "an output" : "an input") + " of the run's BOM");
        }
        return rs.getString(1);
      }
    }
  }

  RunView recordStop(
      Actor actor,
      String key,
      String runId,
      Instant from,
      Instant to,
      String reason,
      String note,
      String downtimeId) {
    UUID id = Ids.parse(runId, "run_id");
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    v.check(from != null, "from", "is required");
    v.check(to != null, "to", "is required");
    v.check(from == null || to == null || to.isAfter(from), "to", "must be after from");
    v.check(REASONS.contains(reason), "reason", "is not one of " + REASONS);
    v.check(note == null || note.length() <= 500, "note", "is too long (at most 500 characters)");
    UUID downtime =
        downtimeId == null || downtimeId.isBlank() ? null : Ids.parse(downtimeId, "downtime_id");
    v.throwIfInvalid();
    return tx.inCompany(
        actor,
        t -> {
          Idempotency.once(
              t,
              key,
              "production.run.stop",
              runId + '\u001f' + from + '\u001f' + to + '\u001f' + reason + '\u001f' + downtimeId,
              stopId ->
                  Jdbc.work(
                      t,
                      c -> {
                        Head h = RunRows.lock(c, id, true);
                        requireState(h, "STARTED", "given stops");
                        new Validator()
                            .check(
                                !from.isBefore(h.windowStart()),
                                "from",
                                "must be within the run's shift")
                            .check(
                                !to.isAfter(h.windowEnd()), "to", "must be within the run's shift")
                            .throwIfInvalid();
                        RunStops.checkFree(c, h, stopId, from, to, downtime);
                        RunStops.insert(
                            c,
                            actor,
                            clock,
                            h,
                            stopId,
                            from,
                            to,
                            reason,
                            note == null ? "" : note.trim(),
                            downtime);
                        return stopId;
                      }));
          return view(t, id);
        });
  }

  List<DowntimeView> downtime(Actor actor, String runId) {
    UUID id = Ids.parse(runId, "run_id");
    return tx.sqlInCompany(actor, (t, c) -> RunStops.downtime(c, RunRows.lock(c, id, false)));
  }

  RunView get(Actor actor, String runId) {
    UUID id = Ids.parse(runId, "run_id");
    return tx.inCompany(actor, t -> view(t, id));
  }

  /** The day's runs and the figures of its finished ones together (see {@link DayView}). */
  DayView day(Actor actor, LocalDate date, String workCentreCode) {
    String wc = ItemRow.norm(workCentreCode);
    new Validator().check(date != null, "date", "is required").throwIfInvalid();
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          if (!wc.isEmpty() && idOf(c, "SELECT id FROM work_centre WHERE code = ?", wc) == null) {
            throw new NotFoundException("Work centre", wc);
          }
          String currency = CompanyAdmin.currencyOf(t);
          List<RunView> runs = new ArrayList<>();
          RunFigures.Tally tally = new RunFigures.Tally();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT r.id FROM production_run r JOIN work_centre w ON w.id = r.work_centre_id"
                      + " WHERE r.run_date = ? AND (? = '' OR w.code = ?) AND r.state <> 'REVERSED'"
                      + " ORDER BY w.code, array_position(ARRAY['A','B','C','DAY'], r.shift)")) {
            ps.setDate(1, Date.valueOf(date));
            ps.setString(2, wc);
            ps.setString(3, wc);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                runs.add(RunRows.view(c, rs.getObject(1, UUID.class), currency, tally));
              }
            }
          }
          int finished = (int) runs.stream().filter(r -> r.state().equals("FINISHED")).count();
          return new DayView(date, wc, runs, tally.figures(), finished);
        });
  }

  RunPage list(
      Actor actor,
      String workCentreCode,
      LocalDate from,
      LocalDate to,
      String state,
      int pageSize,
      String pageToken) {
    String wc = ItemRow.norm(workCentreCode);
    new Validator()
        .check(state.isEmpty() || STATES.contains(state), "state", "is not one of " + STATES)
        .check(
            from == null || to == null || !to.isBefore(from),
            "to_date",
            "must not be before from_date")
        .throwIfInvalid();
    DatedKeyset keyset = DatedKeyset.of(pageSize, pageToken);
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          String currency = CompanyAdmin.currencyOf(t);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT r.run_date, r.id FROM production_run r JOIN work_centre w ON w.id = r.work_centre_id"
                      // The quick filter is a work centre's code or the start of a run's number.
                      + " WHERE (? = '' OR w.code = ? OR upper(r.number) LIKE ?)"
                      + " AND (? = '' OR r.state = ?)"
                      + " AND r.run_date >= coalesce(?, '-infinity'::date)"
                      + " AND r.run_date <= coalesce(?, 'infinity'::date)"
                      + keyset.clause("r.run_date", "r.id"))) {
            ps.setString(1, wc);
            ps.setString(2, wc);
            ps.setString(3, io.millstone.server.platform.NumberFilter.prefix(wc));
            ps.setString(4, state);
            ps.setString(5, state);
            ps.setDate(6, from == null ? null : Date.valueOf(from));
            ps.setDate(7, to == null ? null : Date.valueOf(to));
            keyset.bind(ps, 8);
            var page = keyset.views(ps, runId -> RunRows.view(c, runId, currency));
            return new RunPage(page.rows(), page.nextPageToken());
          }
        });
  }

  static RunView view(Tx t, UUID id) {
    String currency = CompanyAdmin.currencyOf(t);
    return Jdbc.work(t, c -> RunRows.view(c, id, currency));
  }

  static List<UUID> ids(List<RunView> runs) {
    List<UUID> out = new ArrayList<>();
    runs.forEach(r -> out.add(r.id()));
    return out;
  }
}
