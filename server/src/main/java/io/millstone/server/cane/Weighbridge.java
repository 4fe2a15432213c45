package io.millstone.server.cane;

import io.millstone.server.accounting.AccountRole;
import io.millstone.server.accounting.Books;
import io.millstone.server.cane.CaneDesk.ScaleReading;
import io.millstone.server.cane.CaneDesk.ScaleSource;
import io.millstone.server.cane.CaneDesk.TicketPage;
import io.millstone.server.cane.CaneDesk.TicketView;
import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.inventory.StockLedger;
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
import io.millstone.server.platform.error.FieldViolation;
import io.millstone.server.platform.error.InvalidInputException;
import io.millstone.server.platform.error.NotFoundException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Weighbridge tickets, weighed in two steps: in with the load (gross; the permit is used then, so a
 * second truck on the same permit is refused at the gate) and out empty (tare), which completes the
 * ticket and posts the cane receipt to stock and the books (ADR 0025).
 */
final class Weighbridge {
  static final Set<String> SOURCES = Set.of("SCALE", "MANUAL");

  private final Transactions tx;
  private final Books books;
  private final StockLedger stock;
  private final ScaleSource scale;
  private final Clock clock;

  Weighbridge(Transactions tx, Books books, StockLedger stock, ScaleSource scale, Clock clock) {
    this.tx = tx;
    this.books = books;
    this.stock = stock;
    this.scale = scale;
    this.clock = clock;
  }

  /**
   * A weight typed or read: above zero, at most what any bridge may be set to weigh (200 t), grams
   * at most. The centre's own limit (cane_centre.max_weight_kg) is checked against the gross.
   */
  static BigDecimal weight(Validator v, String field, String text) {
    BigDecimal kg = Decimals.parse(v, field, text, 3, 9, true);
    v.check(
        kg == null || (kg.signum() > 0 && kg.compareTo(Seasons.MAX_BRIDGE_KG) <= 0),
        field,
        "cane_weight_out_of_range",
        "must be above 0 kg and at most 200000 kg (what the bridge weighs)",
        "200000");
    return kg;
  }

  static void source(Validator v, String field, String source, String reasonField, String reason) {
    v.check(SOURCES.contains(source), field, "must be SCALE or MANUAL");
    if ("MANUAL".equals(source)) {
      v.text(reason, reasonField, 300);
    } else {
      v.check(
          reason == null || reason.length() <= 300,
          reasonField,
          "is too long (at most 300 characters)");
    }
  }

  private record PermitLock(
      UUID id,
      String number,
      String state,
      LocalDate date,
      UUID growerId,
      String growerNumber,
      String growerName,
      UUID centreId,
      String warehouseCode,
      BigDecimal maxKg,
      String cancelReason,
      String ticketNumber) {}

  TicketView weighIn(
      Actor actor,
      String key,
      String permitNumber,
      String growerNumber,
      String warehouseCode,
      String vehicle,
      String grossKg,
      String source,
      String reason) {
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    v.text(permitNumber, "permit_number", 30);
    v.text(growerNumber, "grower_number", 20);
    v.text(warehouseCode, "warehouse_code", 32);
    v.text(vehicle, "vehicle_number", 30);
    BigDecimal gross = weight(v, "gross_kg", grossKg);
    source(v, "source", source, "manual_reason", reason);
    v.throwIfInvalid();
    String why = "MANUAL".equals(source) ? reason.trim() : "";
    String plate = vehicle.trim().toUpperCase(Locale.ROOT);
    return tx.inCompany(
        actor,
        t ->
            Idempotency.once(
                t,
                key,
                "cane.weigh.in",
                permitNumber + '\u001f' + growerNumber + '\u001f' + plate + '\u001f' + gross,
                id -> {
                  weighIn(
                      t,
                      actor,
                      id,
                      permitNumber,
                      growerNumber,
                      warehouseCode,
                      plate,
                      gross,
                      source,
                      why);
                  return ticket(t, id);
                },
                id -> ticket(t, id)));
  }

  private void weighIn(
      Tx t,
      Actor actor,
      UUID id,
      String permitNumber,
      String growerNumber,
      String warehouseCode,
      String plate,
      BigDecimal gross,
      String source,
      String reason) {
    LocalDate today = CaneRows.today(t, clock);
    PermitLock p = Jdbc.work(t, c -> lockPermit(c, permitNumber));
    if (p == null) {
      throw InvalidInputException.of(
          "permit_number", "'" + CaneRows.code(permitNumber) + "' is not a permit of this company");
    }
    String day = CaneRows.DAY.format(p.date());
    switch (p.state()) {
      case "CANCELLED" ->
          throw new BusinessRuleException(
              "cane_permit_cancelled",
              "Permit " + p.number() + " was cancelled: " + p.cancelReason(),
              p.number(),
              p.cancelReason());
      case "USED" ->
          throw new BusinessRuleException(
              "cane_permit_used",
              "Permit " + p.number() + " was already used by ticket " + p.ticketNumber() + ".",
              p.number(),
              p.ticketNumber());
      default -> {}
    }
    if (!p.growerNumber().equals(CaneRows.code(growerNumber))) {
      throw new BusinessRuleException(
          "cane_permit_other_grower",
          "Permit "
              + p.number()
              + " was issued to grower "
              + p.growerNumber()
              + " ("
              + p.growerName()
              + "), not to "
              + CaneRows.code(growerNumber)
              + "; weigh the cane on the grower's own permit.",
          p.number(),
          p.growerNumber(),
          p.growerName(),
          CaneRows.code(growerNumber));
    }
    if (!p.warehouseCode().equals(CaneRows.code(warehouseCode))) {
      throw new BusinessRuleException(
          "cane_permit_other_centre",
          "Permit "
              + p.number()
              + " is for centre "
              + p.warehouseCode()
              + ", not "
              + CaneRows.code(warehouseCode)
              + ".",
          p.number(),
          p.warehouseCode(),
          CaneRows.code(warehouseCode));
    }
    if (p.date().isBefore(today)) {
      throw new BusinessRuleException(
          "cane_permit_expired",
          "Permit " + p.number() + " expired: it was for " + day + " and was not used that day.",
          p.number(),
          day);
    }
    if (p.date().isAfter(today)) {
      throw new BusinessRuleException(
          "cane_permit_not_today",
          "Permit " + p.number() + " is for " + day + "; it can be weighed only on that day.",
          p.number(),
          day);
    }
    if (gross.compareTo(p.maxKg()) > 0) {
      String max = p.maxKg().stripTrailingZeros().toPlainString();
      throw new InvalidInputException(
          List.of(
              new FieldViolation(
                  "gross_kg",
                  "is more than the " + p.warehouseCode() + " bridge weighs (" + max + " kg)",
                  "cane_weight_above_bridge",
                  List.of(p.warehouseCode(), max))));
    }
    String number = books.sequenceNumber(t, "WBT", today);
    Jdbc.work(
        t,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO weighbridge_ticket (id, company_id, number, permit_id, centre_id,"
                      + " grower_id, ticket_date, vehicle_number, state, gross_kg, gross_source,"
                      + " gross_reason, weighed_in_at, weighed_in_by)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setObject(2, actor.companyId());
            ps.setString(3, number);
            ps.setObject(4, p.id());
            ps.setObject(5, p.centreId());
            ps.setObject(6, p.growerId());
            ps.setDate(7, Date.valueOf(p.date()));
            ps.setString(8, plate);
            ps.setBigDecimal(9, gross);
            ps.setString(10, source);
            ps.setString(11, reason);
            ps.setTimestamp(12, Timestamp.from(clock.instant()));
            ps.setString(13, actor.username());
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE cane_permit SET state = 'USED' WHERE id = ?")) {
            ps.setObject(1, p.id());
            return ps.executeUpdate();
          }
        });
    t.audit(
        "cane.weigh.in",
        "weighbridge_ticket",
        id,
        number
            + " on "
            + p.number()
            + ", "
            + plate
            + ", gross "
            + gross.toPlainString()
            + " kg"
            + (reason.isEmpty() ? "" : " (manual: " + reason + ")"));
  }

  private static PermitLock lockPermit(Connection c, String number) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT p.id, p.number, p.state, p.permit_date, g.id, g.grower_number, pa.name,"
                + " cc.id, w.code, cc.max_weight_kg, p.cancel_reason, tk.number"
                + " FROM cane_permit p JOIN grower g ON g.id = p.grower_id"
                + " JOIN party pa ON pa.id = g.party_id JOIN cane_centre cc ON cc.id = p.centre_id"
                + " JOIN warehouse w ON w.id = cc.warehouse_id"
                + " LEFT JOIN weighbridge_ticket tk ON tk.permit_id = p.id AND tk.state <> 'VOIDED'"
                + " WHERE p.number = ? FOR UPDATE OF p")) {
      ps.setString(1, CaneRows.code(number));
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        return new PermitLock(
            rs.getObject(1, UUID.class),
            rs.getString(2),
            rs.getString(3),
            rs.getDate(4).toLocalDate(),
            rs.getObject(5, UUID.class),
            rs.getString(6),
            rs.getString(7),
            rs.getObject(8, UUID.class),
            rs.getString(9),
            rs.getBigDecimal(10),
            rs.getString(11),
            rs.getString(12) == null ? "" : rs.getString(12));
      }
    }
  }

  /**
   * The empty truck: tare, net, and the cane receipt at the season's price for the centre and the
   * ticket's day: stock of CANE into the centre, Dr 1200 raw materials / Cr 2020 cane payable.
   */
  TicketView weighOut(
      Actor actor, String ticketNumber, String tareKg, String source, String reason) {
    Validator v = new Validator();
    v.text(ticketNumber, "ticket_number", 30);
    BigDecimal tare = weight(v, "tare_kg", tareKg);
    source(v, "source", source, "manual_reason", reason);
    v.throwIfInvalid();
    String why = "MANUAL".equals(source) ? reason.trim() : "";
    return tx.inCompany(
        actor,
        t -> {
          Object[] row = Jdbc.work(t, c -> lockTicket(c, ticketNumber));
          if (row == null) {
            throw new NotFoundException("Ticket", CaneRows.code(ticketNumber));
          }
          UUID id = (UUID) row[0];
          String number = (String) row[1];
          if ("VOIDED".equals(row[2])) {
            throw new BusinessRuleException(
                "cane_ticket_voided",
                "Ticket " + number + " was voided: " + row[11],
                number,
                row[11]);
          }
          if (!"OPEN".equals(row[2])) {
            throw new BusinessRuleException(
                "cane_ticket_completed", "Ticket " + number + " was already weighed out.", number);
          }
          BigDecimal gross = (BigDecimal) row[3];
          if (tare.compareTo(gross) >= 0) {
            throw InvalidInputException.of(
                "tare_kg",
                "must be less than the gross weight ("
                    + gross.stripTrailingZeros().toPlainString()
                    + " kg): an empty truck weighs less than a loaded one");
          }
          UUID centreId = (UUID) row[4];
          LocalDate day = (LocalDate) row[5];
          String warehouse = (String) row[6];
          BigDecimal price = Jdbc.work(t, c -> CaneRows.priceOn(c, centreId, day));
          if (price == null) {
            throw new BusinessRuleException(
                "cane_no_price",
                warehouse
                    + " has no cane price on "
                    + CaneRows.DAY.format(day)
                    + "; set one first.",
                warehouse,
                CaneRows.DAY.format(day));
          }
          BigDecimal net = gross.subtract(tare);
          BigDecimal quota = (BigDecimal) row[8];
          BigDecimal overQuota =
              net.subtract(quota.multiply(CaneDesk.KG_PER_QUINTAL)).max(BigDecimal.ZERO);
          if (overQuota.signum() > 0 && "REFUSE".equals(row[9])) {
            String q = quota.stripTrailingZeros().toPlainString();
            String n = CaneDesk.quintals(net).stripTrailingZeros().toPlainString();
            throw new BusinessRuleException(
                "cane_over_quota",
                "Permit " + row[10] + " allows " + q + " q; this load is " + n + " q net.",
                row[10],
                q,
                n);
          }
          BigDecimal value = CaneDesk.caneValue(price, net);
          // CANE's own unit is kg unless the company chose another unit of mass.
          BigDecimal quantity = Jdbc.work(t, c -> CaneItem.quantityOf(c, net));
          // The unit cost is the value over the quantity, unrounded, so the stock's value is the
          // ticket's value to the paisa and the ledger and the books agree.
          BigDecimal unitCost = value.divide(quantity, MathContext.DECIMAL128);
          UUID entry = null;
          if (value.signum() > 0) {
            entry =
                books.post(
                    t,
                    day,
                    "Cane receipt " + number + " at " + warehouse,
                    "CANE_RECEIPT",
                    id,
                    List.of(
                        new Books.Line(
                            AccountRole.RAW_MATERIALS.code(), value, BigDecimal.ZERO, number),
                        new Books.Line(
                            AccountRole.GROWER_PAYABLE.code(),
                            BigDecimal.ZERO,
                            value,
                            (String) row[7])));
          }
          UUID journal = entry;
          // Stock last: receiving locks CANE's company-wide cost row until commit, and every
          // weighbridge in the company receives CANE, so the lock is taken as late as it can be.
          StockLedger.Moved moved =
              stock.receiveWithin(
                  t,
                  number,
                  List.of(
                      new StockLedger.LineInput(
                          CaneDesk.CANE_ITEM, warehouse, "", quantity.toPlainString())),
                  List.of(unitCost));
          Jdbc.work(
              t,
              c -> {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "UPDATE weighbridge_ticket SET state = 'COMPLETED', tare_kg = ?,"
                            + " tare_source = ?, tare_reason = ?, weighed_out_at = ?,"
                            + " weighed_out_by = ?, net_kg = ?, price_per_quintal = ?, value = ?,"
                            + " movement_id = ?, journal_entry_id = ?, over_quota_kg = ?"
                            + " WHERE id = ?")) {
                  ps.setBigDecimal(1, tare);
                  ps.setString(2, source);
                  ps.setString(3, why);
                  ps.setTimestamp(4, Timestamp.from(clock.instant()));
                  ps.setString(5, actor.username());
                  ps.setBigDecimal(6, net);
                  ps.setBigDecimal(7, price);
                  ps.setBigDecimal(8, value);
                  ps.setObject(9, moved.movementId());
                  ps.setObject(10, journal);
                  ps.setBigDecimal(11, overQuota);
                  ps.setObject(12, id);
                  return ps.executeUpdate();
                }
              });
          t.audit(
              "cane.weigh.out",
              "weighbridge_ticket",
              id,
              number
                  + ", tare "
                  + tare.toPlainString()
                  + " kg, net "
                  + net.toPlainString()
                  + " kg at "
                  + price.toPlainString()
                  + " per quintal"
                  + (overQuota.signum() > 0
                      ? ", " + overQuota.toPlainString() + " kg over the permit's quota"
                      : "")
                  + (why.isEmpty() ? "" : " (manual: " + why + ")"));
          return ticket(t, id);
        });
  }

  /**
   * The ticket, locked: id, number, state, gross, centre, day, warehouse code, grower number, the
   * permit's quota in quintals, the season's over-quota rule, the permit number, the void reason
   * and the permit's id. {@code number} is the ticket's number, or its id when it reads as one.
   */
  private static Object[] lockTicket(Connection c, String number) throws SQLException {
    UUID byId = Ids.parseOrNull(number == null ? "" : number.trim());
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT tk.id, tk.number, tk.state, tk.gross_kg, tk.centre_id, tk.ticket_date, w.code,"
                + " g.grower_number, p.quota_quintals, s.over_quota, p.number, tk.void_reason,"
                + " p.id FROM weighbridge_ticket tk"
                + " JOIN cane_centre cc ON cc.id = tk.centre_id"
                + " JOIN cane_season s ON s.id = cc.season_id"
                + " JOIN cane_permit p ON p.id = tk.permit_id"
                + " JOIN warehouse w ON w.id = cc.warehouse_id"
                + " JOIN grower g ON g.id = tk.grower_id WHERE "
                + (byId == null ? "tk.number = ?" : "tk.id = ?")
                + " FOR UPDATE OF tk")) {
      if (byId == null) {
        ps.setString(1, CaneRows.code(number));
      } else {
        ps.setObject(1, byId);
      }
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        return new Object[] {
          rs.getObject(1, UUID.class),
          rs.getString(2),
          rs.getString(3),
          rs.getBigDecimal(4),
          rs.getObject(5, UUID.class),
          rs.getDate(6).toLocalDate(),
          rs.getString(7),
          rs.getString(8),
          rs.getBigDecimal(9),
          rs.getString(10),
          rs.getString(11),
          rs.getString(12),
          rs.getObject(13, UUID.class)
        };
      }
    }
  }

  /**
   * A ticket weighed in and not out (the lorry was turned away): VOIDED with the reason, who and
   * when, and its permit ISSUED again. Weigh-in posted nothing, so nothing is reversed.
   */
  TicketView voidTicket(Actor actor, String key, String ticket, String reason) {
    String why = CaneRows.correctionReason(key, ticket, "ticket_id", reason);
    return tx.inCompany(
        actor,
        t ->
            Idempotency.once(
                t,
                key,
                "cane.ticket.void",
                ticket.trim() + '\u001f' + why,
                id -> voidTicket(t, actor, ticket, why),
                id -> {
                  Object[] row = Jdbc.work(t, c -> lockTicket(c, ticket));
                  return ticket(t, (UUID) row[0]);
                }));
  }

  private TicketView voidTicket(Tx t, Actor actor, String ticket, String why) {
    Object[] row = Jdbc.work(t, c -> lockTicket(c, ticket));
    if (row == null) {
      throw new NotFoundException("Ticket", CaneRows.code(ticket));
    }
    UUID id = (UUID) row[0];
    String number = (String) row[1];
    switch ((String) row[2]) {
      case "VOIDED" ->
          throw new BusinessRuleException(
              "cane_ticket_voided",
              "Ticket " + number + " was voided: " + row[11],
              number,
              row[11]);
      case "COMPLETED" ->
          throw new BusinessRuleException(
              "cane_ticket_void_completed",
              "Ticket "
                  + number
                  + " was weighed out and its cane received; a completed ticket cannot be voided.",
              number);
      default -> {}
    }
    Jdbc.work(
        t,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE weighbridge_ticket SET state = 'VOIDED', void_reason = ?, voided_at = ?,"
                      + " voided_by = ? WHERE id = ?")) {
            ps.setString(1, why);
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.setString(3, actor.username());
            ps.setObject(4, id);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE cane_permit SET state = 'ISSUED' WHERE id = ?")) {
            ps.setObject(1, row[12]);
            return ps.executeUpdate();
          }
        });
    t.audit(
        "cane.ticket.void",
        "weighbridge_ticket",
        id,
        number + " voided (" + why + "); permit " + row[10] + " issued again");
    return ticket(t, id);
  }

  List<TicketView> open(Actor actor, String warehouseCode) {
    Validator v = new Validator();
    v.text(warehouseCode, "warehouse_code", 32);
    v.throwIfInvalid();
    return tx.inCompany(
        actor,
        t ->
            Jdbc.work(
                t,
                c ->
                    read(
                        c,
                        CompanyAdmin.currencyOf(t),
                        "tk.state = 'OPEN' AND w.code = ? ORDER BY tk.weighed_in_at, tk.number",
                        CaneRows.code(warehouseCode))));
  }

  TicketPage list(
      Actor actor,
      String warehouseCode,
      String growerNumber,
      LocalDate from,
      LocalDate to,
      String state,
      int pageSize,
      String pageToken) {
    if (!state.isEmpty() && !Set.of("OPEN", "COMPLETED", "VOIDED").contains(state)) {
      throw InvalidInputException.of("state", "is not a ticket state");
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
          StringBuilder where = new StringBuilder("TRUE");
          List<Object> args = new ArrayList<>();
          if (warehouseCode != null && !warehouseCode.isBlank()) {
            where.append(" AND w.code = ?");
            args.add(CaneRows.code(warehouseCode));
          }
          if (growerNumber != null && !growerNumber.isBlank()) {
            where.append(" AND g.grower_number = ?");
            args.add(CaneRows.code(growerNumber));
          }
          if (from != null) {
            where.append(" AND tk.ticket_date >= ?");
            args.add(Date.valueOf(from));
          }
          if (to != null) {
            where.append(" AND tk.ticket_date <= ?");
            args.add(Date.valueOf(to));
          }
          if (!state.isEmpty()) {
            where.append(" AND tk.state = ?");
            args.add(state);
          }
          if (!after.isEmpty()) {
            where.append(" AND (tk.ticket_date, tk.number) < (?, ?)");
            args.add(Date.valueOf(after.get(0)));
            args.add(after.get(1));
          }
          where.append(" ORDER BY tk.ticket_date DESC, tk.number DESC LIMIT ").append(size + 1);
          List<TicketView> rows =
              Jdbc.work(
                  t, c -> read(c, CompanyAdmin.currencyOf(t), where.toString(), args.toArray()));
          String next = "";
          if (rows.size() > size) {
            rows = rows.subList(0, size);
            next =
                PageToken.encode(rows.getLast().ticketDate().toString(), rows.getLast().number());
          }
          return new TicketPage(List.copyOf(rows), next);
        });
  }

  ScaleReading scale(Actor actor, String machineCode, String weightTag, String stableTag) {
    Validator v = new Validator();
    v.text(machineCode, "machine_code", 32);
    v.check(weightTag == null || weightTag.length() <= 100, "weight_tag", "is too long");
    v.check(stableTag == null || stableTag.length() <= 100, "stable_tag", "is too long");
    v.throwIfInvalid();
    String code = CaneRows.code(machineCode);
    UUID machine =
        tx.inCompany(
            actor,
            t ->
                Jdbc.work(
                    t,
                    c -> {
                      try (PreparedStatement ps =
                          c.prepareStatement("SELECT id FROM machine WHERE code = ?")) {
                        ps.setString(1, code);
                        try (ResultSet rs = ps.executeQuery()) {
                          if (!rs.next()) {
                            throw new NotFoundException("Weighbridge machine", code);
                          }
                          return rs.getObject(1, UUID.class);
                        }
                      }
                    }));
    String base = code.toLowerCase(Locale.ROOT).replace('-', '_');
    String wt = weightTag == null || weightTag.isBlank() ? base + ".weight" : weightTag.trim();
    String st = stableTag == null || stableTag.isBlank() ? base + ".stable" : stableTag.trim();
    Map<String, ScaleSource.LiveValue> latest = scale.latest(actor.companyId(), machine);
    ScaleSource.LiveValue w = latest.get(wt);
    BigDecimal kg = null;
    if (w != null) {
      try {
        kg = new BigDecimal(w.value().trim());
      } catch (NumberFormatException e) {
        kg = null;
      }
    }
    if (kg == null) {
      return new ScaleReading(code, false, null, false, null);
    }
    ScaleSource.LiveValue s = latest.get(st);
    boolean stable =
        s != null
            && (s.value().trim().equalsIgnoreCase("true")
                || s.value().trim().equals("1")
                || s.value().trim().equals("1.0"));
    Instant when = w.sourceTime();
    return new ScaleReading(code, true, kg, stable, when);
  }

  static final String SELECT =
      "SELECT tk.id, tk.number, tk.state, p.number, g.grower_number, pa.name, w.code,"
          + " tk.ticket_date, tk.vehicle_number, tk.gross_kg, tk.gross_source, tk.gross_reason,"
          + " tk.weighed_in_at, tk.tare_kg, tk.tare_source, tk.tare_reason, tk.weighed_out_at,"
          + " tk.net_kg, tk.price_per_quintal, tk.value, j.number, b.number, tk.over_quota_kg,"
          + " tk.void_reason, tk.voided_by, tk.voided_at, p.quota_quintals"
          + " FROM weighbridge_ticket tk JOIN cane_permit p ON p.id = tk.permit_id"
          + " JOIN grower g ON g.id = tk.grower_id JOIN party pa ON pa.id = g.party_id"
          + " JOIN cane_centre cc ON cc.id = tk.centre_id JOIN warehouse w ON w.id ="
          + " cc.warehouse_id LEFT JOIN journal_entry j ON j.id = tk.journal_entry_id"
          + " LEFT JOIN cane_bill b ON b.id = tk.bill_id WHERE ";

  static TicketView ticket(Tx t, UUID id) {
    return Jdbc.work(t, c -> read(c, CompanyAdmin.currencyOf(t), "tk.id = ?", id)).getFirst();
  }

  static List<TicketView> read(Connection c, String currency, String where, Object... args)
      throws SQLException {
    List<TicketView> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            SELECT + where + (where.contains("ORDER BY") ? "" : " ORDER BY tk.number"))) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Timestamp out1 = rs.getTimestamp(17);
          out.add(
              new TicketView(
                  rs.getObject(1, UUID.class),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getDate(8).toLocalDate(),
                  rs.getString(9),
                  rs.getBigDecimal(10),
                  rs.getString(11),
                  rs.getString(12),
                  rs.getTimestamp(13).toInstant(),
                  rs.getBigDecimal(14),
                  rs.getString(15) == null ? "" : rs.getString(15),
                  rs.getString(16),
                  out1 == null ? null : out1.toInstant(),
                  rs.getBigDecimal(18),
                  rs.getBigDecimal(19),
                  rs.getBigDecimal(20),
                  rs.getString(21) == null ? "" : rs.getString(21),
                  rs.getString(22) == null ? "" : rs.getString(22),
                  rs.getBigDecimal(23),
                  rs.getString(24),
                  rs.getString(25),
                  rs.getTimestamp(26) == null ? null : rs.getTimestamp(26).toInstant(),
                  rs.getBigDecimal(27),
                  currency));
        }
      }
    }
    return out;
  }
}
