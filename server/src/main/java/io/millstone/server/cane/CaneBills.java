package io.millstone.server.cane;

import io.millstone.server.accounting.AccountRole;
import io.millstone.server.accounting.Books;
import io.millstone.server.cane.CaneDesk.BillPage;
import io.millstone.server.cane.CaneDesk.BillView;
import io.millstone.server.cane.CaneDesk.DeductionView;
import io.millstone.server.cane.CaneDesk.PaymentInput;
import io.millstone.server.cane.CaneDesk.PaymentView;
import io.millstone.server.cane.CaneDesk.RunPage;
import io.millstone.server.cane.CaneDesk.RunView;
import io.millstone.server.cane.CaneRows.CentreRow;
import io.millstone.server.cane.CaneRows.SeasonRow;
import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Amounts;
import io.millstone.server.platform.Idempotency;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.Money;
import io.millstone.server.platform.Notices;
import io.millstone.server.platform.Notices.Notice;
import io.millstone.server.platform.PageToken;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Tx;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.error.BusinessRuleException;
import io.millstone.server.platform.error.InvalidInputException;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Cane bills per grower and period (the cane value of completed, unbilled tickets less the loans
 * they recover, oldest loan first, never below zero) and payment runs that pay many bills at once.
 * The cane itself was owed when it was weighed (Cr 2020); a bill only moves what it recovers (Dr
 * 2020 / Cr 1150), a payment run what it pays (Dr 2020 / Cr 1010 or 1020).
 */
final class CaneBills {
  static final Set<String> METHODS = Set.of("BANK", "MOBILE_MONEY");

  private final Transactions tx;
  private final Books books;
  private final Clock clock;

  CaneBills(Transactions tx, Books books, Clock clock) {
    this.tx = tx;
    this.books = books;
    this.clock = clock;
  }

  List<BillView> create(
      Actor actor,
      String key,
      String season,
      LocalDate from,
      LocalDate to,
      String warehouseCode,
      LocalDate billDate) {
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    v.text(season, "season", 40);
    v.check(from != null, "from_date", "required", "is required");
    v.check(to != null, "to_date", "required", "is required");
    if (from != null && to != null) {
      v.check(!to.isBefore(from), "to_date", "must not be before the from date");
    }
    LocalDate on = billDate == null ? to : billDate;
    if (on != null && to != null) {
      v.check(!on.isBefore(to), "bill_date", "must not be before the period's last day");
    }
    v.throwIfInvalid();
    String wh = warehouseCode == null ? "" : warehouseCode.trim();
    return tx.inCompany(
        actor,
        t -> {
          var outcome =
              Idempotency.once(
                  t,
                  key,
                  "cane.bill.create",
                  season + '\u001f' + from + '\u001f' + to + '\u001f' + wh + '\u001f' + on,
                  billing -> {
                    create(t, actor, billing, season, from, to, wh, on);
                    return billing;
                  });
          return Jdbc.work(
              t, c -> read(c, CompanyAdmin.currencyOf(t), "b.billing_id = ?", outcome.id()));
        });
  }

  private record Unbilled(
      UUID growerId, String growerNumber, List<UUID> tickets, BigDecimal kg, BigDecimal value) {}

  private void create(
      Tx t,
      Actor actor,
      UUID billing,
      String season,
      LocalDate from,
      LocalDate to,
      String wh,
      LocalDate on) {
    SeasonRow s = Jdbc.work(t, c -> CaneRows.season(c, season, "season"));
    Validator v = new Validator();
    for (String[] f : new String[][] {{"from_date", from.toString()}, {"to_date", to.toString()}}) {
      v.check(
          s.holds(LocalDate.parse(f[1])),
          f[0],
          "cane_date_outside_season",
          "is outside the season (" + s.span() + ")",
          CaneRows.DAY.format(s.start()),
          CaneRows.DAY.format(s.end()));
    }
    v.throwIfInvalid();
    CentreRow centre =
        wh.isEmpty() ? null : Jdbc.work(t, c -> CaneRows.centre(c, s, wh, "warehouse_code"));
    Map<UUID, Unbilled> byGrower = Jdbc.work(t, c -> unbilled(c, s, centre, from, to));
    if (byGrower.isEmpty()) {
      throw new BusinessRuleException(
          "cane_nothing_to_bill",
          "No completed, unbilled tickets from "
              + CaneRows.DAY.format(from)
              + " to "
              + CaneRows.DAY.format(to)
              + (centre == null ? "" : " at " + centre.warehouseCode())
              + "; nothing to bill.",
          CaneRows.DAY.format(from),
          CaneRows.DAY.format(to));
    }
    for (Unbilled u : byGrower.values()) {
      bill(t, actor, billing, s, centre, from, to, on, u);
    }
    t.audit(
        "cane.bill.create",
        "cane_bill",
        billing,
        byGrower.size() + " bills for " + from + " to " + to + (centre == null ? "" : " at " + wh));
    Notices.add(
        t,
        Notice.toPermission(
            "cane.read",
            "cane.bills.created",
            byGrower.size() + " cane bills made for " + from + " to " + to,
            "cane_billing",
            billing,
            String.valueOf(byGrower.size()),
            from.toString(),
            to.toString()));
  }

  /** Completed, unbilled tickets of the period, locked, by grower (in grower-number order). */
  private static Map<UUID, Unbilled> unbilled(
      Connection c, SeasonRow s, CentreRow centre, LocalDate from, LocalDate to)
      throws SQLException {
    Map<UUID, Unbilled> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT tk.grower_id, g.grower_number, tk.id, tk.net_kg, tk.value"
                + " FROM weighbridge_ticket tk JOIN cane_centre cc ON cc.id = tk.centre_id"
                + " JOIN grower g ON g.id = tk.grower_id"
                + " WHERE cc.season_id = ? AND tk.state = 'COMPLETED' AND tk.bill_id IS NULL"
                + " AND tk.ticket_date BETWEEN ? AND ?"
                + (centre == null ? "" : " AND tk.centre_id = ?")
                + " ORDER BY g.grower_number, tk.number FOR UPDATE OF tk")) {
      ps.setObject(1, s.id());
      ps.setDate(2, Date.valueOf(from));
      ps.setDate(3, Date.valueOf(to));
      if (centre != null) {
        ps.setObject(4, centre.id());
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          UUID g = rs.getObject(1, UUID.class);
          String number = rs.getString(2);
          Unbilled u =
              out.computeIfAbsent(
                  g,
                  k ->
                      new Unbilled(k, number, new ArrayList<>(), BigDecimal.ZERO, BigDecimal.ZERO));
          u.tickets().add(rs.getObject(3, UUID.class));
          out.put(
              g,
              new Unbilled(
                  g,
                  number,
                  u.tickets(),
                  u.kg().add(rs.getBigDecimal(4)),
                  u.value().add(rs.getBigDecimal(5))));
        }
      }
    }
    return out;
  }

  private void bill(
      Tx t,
      Actor actor,
      UUID billing,
      SeasonRow s,
      CentreRow centre,
      LocalDate from,
      LocalDate to,
      LocalDate on,
      Unbilled u) {
    UUID billId = Ids.newId();
    String number = books.sequenceNumber(t, "CNB", on);
    // Loans given on or before the bill's date, oldest first, each up to what is left of the cane.
    Map<UUID, BigDecimal> recover = new LinkedHashMap<>();
    BigDecimal left = Amounts.amount(u.value());
    Map<UUID, String> loanNumbers = new HashMap<>();
    Jdbc.work(
        t,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, number, amount - recovered FROM grower_loan WHERE grower_id = ?"
                      + " AND recovered < amount AND loan_date <= ?"
                      + " ORDER BY loan_date, number FOR UPDATE")) {
            ps.setObject(1, u.growerId());
            ps.setDate(2, Date.valueOf(on));
            try (ResultSet rs = ps.executeQuery()) {
              BigDecimal room = left;
              while (rs.next() && room.signum() > 0) {
                BigDecimal take = rs.getBigDecimal(3).min(room);
                recover.put(rs.getObject(1, UUID.class), take);
                loanNumbers.put(rs.getObject(1, UUID.class), rs.getString(2));
                room = room.subtract(take);
              }
            }
          }
          return null;
        });
    BigDecimal deducted = recover.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal net = left.subtract(deducted);
    UUID entry = null;
    if (deducted.signum() > 0) {
      List<Books.Line> lines = new ArrayList<>();
      lines.add(
          new Books.Line(AccountRole.GROWER_PAYABLE.code(), deducted, BigDecimal.ZERO, number));
      recover.forEach(
          (loan, amount) ->
              lines.add(
                  new Books.Line(
                      AccountRole.GROWER_ADVANCES.code(),
                      BigDecimal.ZERO,
                      amount,
                      loanNumbers.get(loan))));
      entry =
          books.post(
              t,
              on,
              "Loans recovered by cane bill " + number + " of grower " + u.growerNumber(),
              "CANE_BILL",
              billId,
              lines);
    }
    UUID journal = entry;
    Jdbc.work(
        t,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO cane_bill (id, company_id, number, billing_id, season_id, grower_id,"
                      + " from_date, to_date, bill_date, warehouse_id, ticket_count, cane_kg,"
                      + " cane_value, deducted, net_payable, journal_entry_id, posted_at,"
                      + " posted_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, billId);
            ps.setObject(2, actor.companyId());
            ps.setString(3, number);
            ps.setObject(4, billing);
            ps.setObject(5, s.id());
            ps.setObject(6, u.growerId());
            ps.setDate(7, Date.valueOf(from));
            ps.setDate(8, Date.valueOf(to));
            ps.setDate(9, Date.valueOf(on));
            ps.setObject(10, centre == null ? null : centre.warehouseId());
            ps.setInt(11, u.tickets().size());
            ps.setBigDecimal(12, u.kg());
            ps.setBigDecimal(13, left);
            ps.setBigDecimal(14, deducted);
            ps.setBigDecimal(15, net);
            ps.setObject(16, journal);
            ps.setTimestamp(17, Timestamp.from(clock.instant()));
            ps.setString(18, actor.username());
            ps.executeUpdate();
          }
          try (PreparedStatement ded =
                  c.prepareStatement(
                      "INSERT INTO cane_bill_deduction (id, company_id, bill_id, loan_id, amount)"
                          + " VALUES (?, ?, ?, ?, ?)");
              PreparedStatement loan =
                  c.prepareStatement(
                      "UPDATE grower_loan SET recovered = recovered + ? WHERE id = ?")) {
            for (var e : recover.entrySet()) {
              ded.setObject(1, Ids.newId());
              ded.setObject(2, actor.companyId());
              ded.setObject(3, billId);
              ded.setObject(4, e.getKey());
              ded.setBigDecimal(5, e.getValue());
              ded.addBatch();
              loan.setBigDecimal(1, e.getValue());
              loan.setObject(2, e.getKey());
              loan.addBatch();
            }
            ded.executeBatch();
            loan.executeBatch();
          }
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE weighbridge_ticket SET bill_id = ? WHERE id = ANY(?)")) {
            ps.setObject(1, billId);
            ps.setArray(2, c.createArrayOf("uuid", u.tickets().toArray()));
            return ps.executeUpdate();
          }
        });
  }

  BillPage list(
      Actor actor,
      String growerNumber,
      boolean unpaidOnly,
      String season,
      int pageSize,
      String pageToken) {
    int size = CaneRows.pageSize(pageSize);
    List<String> after = PageToken.decode(pageToken, 1);
    if (after == null) {
      throw InvalidInputException.of("page.page_token", "is not a token this list gave out");
    }
    return tx.inCompany(
        actor,
        t -> {
          StringBuilder where = new StringBuilder("TRUE");
          List<Object> args = new ArrayList<>();
          if (growerNumber != null && !growerNumber.isBlank()) {
            where.append(" AND g.grower_number = ?");
            args.add(CaneRows.code(growerNumber));
          }
          if (season != null && !season.isBlank()) {
            SeasonRow s = Jdbc.work(t, c -> CaneRows.season(c, season, "season"));
            where.append(" AND b.season_id = ?");
            args.add(s.id());
          }
          if (unpaidOnly) {
            where.append(" AND b.paid < b.net_payable AND b.state = 'POSTED'");
          }
          if (!after.isEmpty()) {
            where.append(" AND b.number < ?");
            args.add(after.get(0));
          }
          where.append(" ORDER BY b.number DESC LIMIT ").append(size + 1);
          List<BillView> rows =
              Jdbc.work(
                  t, c -> read(c, CompanyAdmin.currencyOf(t), where.toString(), args.toArray()));
          String next = "";
          if (rows.size() > size) {
            rows = rows.subList(0, size);
            next = PageToken.encode(rows.getLast().number());
          }
          return new BillPage(List.copyOf(rows), next);
        });
  }

  RunPage listRuns(
      Actor actor, String season, LocalDate from, LocalDate to, int pageSize, String pageToken) {
    int size = CaneRows.pageSize(pageSize);
    List<String> after = PageToken.decode(pageToken, 1);
    Validator v = new Validator();
    v.check(after != null, "page.page_token", "is not a token this list gave out");
    if (from != null && to != null) {
      v.check(!to.isBefore(from), "to_date", "must not be before the from date");
    }
    v.throwIfInvalid();
    return tx.inCompany(
        actor,
        t -> {
          StringBuilder where = new StringBuilder("TRUE");
          List<Object> args = new ArrayList<>();
          if (season != null && !season.isBlank()) {
            SeasonRow s = Jdbc.work(t, c -> CaneRows.season(c, season, "season"));
            where.append(
                " AND EXISTS (SELECT 1 FROM cane_payment cp JOIN cane_bill b ON b.id = cp.bill_id"
                    + " WHERE cp.run_id = r.id AND b.season_id = ?)");
            args.add(s.id());
          }
          if (from != null) {
            where.append(" AND r.payment_date >= ?");
            args.add(Date.valueOf(from));
          }
          if (to != null) {
            where.append(" AND r.payment_date <= ?");
            args.add(Date.valueOf(to));
          }
          if (!after.isEmpty()) {
            where.append(" AND r.number < ?");
            args.add(after.get(0));
          }
          List<UUID> ids =
              Jdbc.work(
                  t,
                  c -> {
                    List<UUID> found = new ArrayList<>();
                    try (PreparedStatement ps =
                        c.prepareStatement(
                            "SELECT r.id FROM cane_payment_run r WHERE "
                                + where
                                + " ORDER BY r.number DESC LIMIT "
                                + (size + 1))) {
                      for (int i = 0; i < args.size(); i++) {
                        ps.setObject(i + 1, args.get(i));
                      }
                      try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                          found.add(rs.getObject(1, UUID.class));
                        }
                      }
                    }
                    return found;
                  });
          List<RunView> rows = new ArrayList<>();
          for (UUID id : ids.subList(0, Math.min(size, ids.size()))) {
            rows.add(run(t, id));
          }
          String next = ids.size() > size ? PageToken.encode(rows.getLast().number()) : "";
          return new RunPage(List.copyOf(rows), next);
        });
  }

  RunView pay(Actor actor, String key, LocalDate date, List<PaymentInput> payments) {
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    v.check(date != null, "payment_date", "required", "is required");
    v.check(!payments.isEmpty(), "payments", "needs at least one bill");
    v.check(payments.size() <= 1000, "payments", "may hold at most 1000 bills");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < payments.size(); i++) {
      PaymentInput p = payments.get(i);
      String f = "payments[" + i + "]";
      v.text(p.billNumber(), f + ".bill_number", 30);
      v.check(seen.add(CaneRows.code(p.billNumber())), f + ".bill_number", "is listed twice");
      v.check(METHODS.contains(p.method()), f + ".method", "must be BANK or MOBILE_MONEY");
      v.text(p.reference(), f + ".reference", 100);
    }
    v.throwIfInvalid();
    return tx.inCompany(
        actor,
        t ->
            Idempotency.once(
                t,
                key,
                "cane.payment.run",
                date + "\u001f" + payments,
                id -> {
                  pay(t, actor, id, date, payments);
                  return run(t, id);
                },
                id -> run(t, id)));
  }

  private void pay(Tx t, Actor actor, UUID runId, LocalDate date, List<PaymentInput> payments) {
    Validator v = new Validator();
    List<Object[]> bills = new ArrayList<>();
    Jdbc.work(
        t,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT b.id, b.number, b.net_payable, b.paid, b.bill_date, g.grower_number,"
                      + " r.number, b.state FROM cane_bill b JOIN grower g ON g.id = b.grower_id"
                      + " LEFT JOIN cane_payment cp ON cp.bill_id = b.id AND NOT cp.reversed"
                      + " LEFT JOIN cane_payment_run r ON r.id = cp.run_id"
                      + " WHERE b.number = ? FOR UPDATE OF b")) {
            for (int i = 0; i < payments.size(); i++) {
              String f = "payments[" + i + "].bill_number";
              ps.setString(1, CaneRows.code(payments.get(i).billNumber()));
              try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                  v.check(false, f, "is not a cane bill of this company");
                  bills.add(null);
                  continue;
                }
                BigDecimal net = rs.getBigDecimal(3);
                // The bill's own row is locked and re-read, so a run that paid it a moment ago
                // is seen through its paid amount even before its payment row is visible.
                boolean paid = rs.getString(7) != null || rs.getBigDecimal(4).signum() > 0;
                v.check(
                    !paid,
                    f,
                    rs.getString(7) == null
                        ? "was already paid"
                        : "was already paid in run " + rs.getString(7));
                boolean reversed = "REVERSED".equals(rs.getString(8));
                v.check(
                    !reversed,
                    f,
                    "cane_bill_reversed_unpayable",
                    "was reversed; bill its tickets anew and pay the new bill",
                    rs.getString(2));
                v.check(
                    paid || reversed || net.signum() > 0,
                    f,
                    "has nothing to pay: its cane value went to the grower's loans");
                LocalDate billDate = rs.getDate(5).toLocalDate();
                v.check(
                    !date.isBefore(billDate),
                    "payment_date",
                    "is before bill "
                        + rs.getString(2)
                        + " ("
                        + CaneRows.DAY.format(billDate)
                        + ")");
                bills.add(
                    new Object[] {
                      rs.getObject(1, UUID.class), rs.getString(2), net, rs.getString(6)
                    });
              }
            }
          }
          return null;
        });
    v.throwIfInvalid();
    String number = books.sequenceNumber(t, "CPR", date);
    BigDecimal bank = BigDecimal.ZERO;
    BigDecimal mobile = BigDecimal.ZERO;
    List<Books.Line> lines = new ArrayList<>();
    for (int i = 0; i < payments.size(); i++) {
      Object[] b = bills.get(i);
      BigDecimal amount = (BigDecimal) b[2];
      lines.add(
          new Books.Line(
              AccountRole.GROWER_PAYABLE.code(), amount, BigDecimal.ZERO, (String) b[1]));
      if (payments.get(i).method().equals("BANK")) {
        bank = bank.add(amount);
      } else {
        mobile = mobile.add(amount);
      }
    }
    if (bank.signum() > 0) {
      lines.add(new Books.Line(AccountRole.BANK.code(), BigDecimal.ZERO, bank, number));
    }
    if (mobile.signum() > 0) {
      lines.add(new Books.Line(AccountRole.MOBILE_MONEY.code(), BigDecimal.ZERO, mobile, number));
    }
    BigDecimal total = bank.add(mobile);
    UUID entry =
        books.post(
            t,
            date,
            "Cane payment run " + number + " (" + payments.size() + " growers)",
            "CANE_PAYMENT",
            runId,
            lines);
    Jdbc.work(
        t,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO cane_payment_run (id, company_id, number, payment_date, total,"
                      + " journal_entry_id, posted_at, posted_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, runId);
            ps.setObject(2, actor.companyId());
            ps.setString(3, number);
            ps.setDate(4, Date.valueOf(date));
            ps.setBigDecimal(5, total);
            ps.setObject(6, entry);
            ps.setTimestamp(7, Timestamp.from(clock.instant()));
            ps.setString(8, actor.username());
            ps.executeUpdate();
          }
          try (PreparedStatement pay =
                  c.prepareStatement(
                      "INSERT INTO cane_payment (id, company_id, run_id, bill_id, method, reference,"
                          + " amount) VALUES (?, ?, ?, ?, ?, ?, ?)");
              PreparedStatement paid =
                  c.prepareStatement("UPDATE cane_bill SET paid = net_payable WHERE id = ?")) {
            for (int i = 0; i < payments.size(); i++) {
              Object[] b = bills.get(i);
              pay.setObject(1, Ids.newId());
              pay.setObject(2, actor.companyId());
              pay.setObject(3, runId);
              pay.setObject(4, b[0]);
              pay.setString(5, payments.get(i).method());
              pay.setString(6, payments.get(i).reference().trim());
              pay.setBigDecimal(7, (BigDecimal) b[2]);
              pay.addBatch();
              paid.setObject(1, b[0]);
              paid.addBatch();
            }
            pay.executeBatch();
            paid.executeBatch();
          }
          return null;
        });
    t.audit(
        "cane.payment.run",
        "cane_payment_run",
        runId,
        number + ", " + payments.size() + " growers, " + new Money(total));
    Notices.add(
        t,
        Notice.toPermission(
            "cane.read",
            "cane.payment_run.posted",
            "Cane payment run " + number + ", " + payments.size() + " growers, " + new Money(total),
            "cane_payment_run",
            runId,
            number,
            String.valueOf(payments.size()),
            new Money(total).toString()));
  }

  static RunView run(Tx t, UUID id) {
    String currency = CompanyAdmin.currencyOf(t);
    return Jdbc.work(
        t,
        c -> {
          List<PaymentView> payments = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT b.number, g.grower_number, pa.name, cp.method, cp.reference, cp.amount"
                      + " FROM cane_payment cp JOIN cane_bill b ON b.id = cp.bill_id"
                      + " JOIN grower g ON g.id = b.grower_id JOIN party pa ON pa.id = g.party_id"
                      + " WHERE cp.run_id = ? ORDER BY b.number")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                payments.add(
                    new PaymentView(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBigDecimal(6)));
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT r.number, r.payment_date, r.total, j.number, r.state, r.reverse_reason,"
                      + " r.reversed_by, r.reversed_at, rj.number FROM cane_payment_run r"
                      + " JOIN journal_entry j ON j.id = r.journal_entry_id"
                      + " LEFT JOIN journal_entry rj ON rj.id = r.reversal_entry_id WHERE r.id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return new RunView(
                  id,
                  rs.getString(1),
                  rs.getDate(2).toLocalDate(),
                  payments,
                  rs.getBigDecimal(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(),
                  rs.getString(9) == null ? "" : rs.getString(9),
                  currency);
            }
          }
        });
  }

  static final String SELECT =
      "SELECT b.id, b.number, g.grower_number, pa.name, s.code, b.from_date, b.to_date,"
          + " b.bill_date, w.code, b.ticket_count, b.cane_kg, b.cane_value, b.deducted,"
          + " b.net_payable, b.paid, j.number, b.state, b.reverse_reason, b.reversed_by,"
          + " b.reversed_at, rj.number, (SELECT r.number FROM cane_payment cp JOIN cane_payment_run r"
          + " ON r.id = cp.run_id WHERE cp.bill_id = b.id AND NOT cp.reversed)"
          + " FROM cane_bill b JOIN grower g ON g.id = b.grower_id"
          + " JOIN party pa ON pa.id = g.party_id JOIN cane_season s ON s.id = b.season_id"
          + " LEFT JOIN warehouse w ON w.id = b.warehouse_id"
          + " LEFT JOIN journal_entry j ON j.id = b.journal_entry_id"
          + " LEFT JOIN journal_entry rj ON rj.id = b.reversal_entry_id WHERE ";

  static List<BillView> read(Connection c, String currency, String where, Object... args)
      throws SQLException {
    List<Object[]> heads = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            SELECT + where + (where.contains("ORDER BY") ? "" : " ORDER BY b.number"))) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Object[] h = new Object[22];
          for (int k = 0; k < 22; k++) {
            h[k] = rs.getObject(k + 1);
          }
          heads.add(h);
        }
      }
    }
    List<BillView> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT l.number, l.kind, d.amount FROM cane_bill_deduction d"
                + " JOIN grower_loan l ON l.id = d.loan_id WHERE d.bill_id = ?"
                + " ORDER BY l.loan_date, l.number")) {
      for (Object[] h : heads) {
        List<DeductionView> deductions = new ArrayList<>();
        ps.setObject(1, h[0]);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            deductions.add(
                new DeductionView(rs.getString(1), rs.getString(2), rs.getBigDecimal(3)));
          }
        }
        out.add(
            new BillView(
                (UUID) h[0],
                (String) h[1],
                (String) h[2],
                (String) h[3],
                (String) h[4],
                ((Date) h[5]).toLocalDate(),
                ((Date) h[6]).toLocalDate(),
                ((Date) h[7]).toLocalDate(),
                h[8] == null ? "" : (String) h[8],
                (Integer) h[9],
                (BigDecimal) h[10],
                (BigDecimal) h[11],
                deductions,
                (BigDecimal) h[12],
                (BigDecimal) h[13],
                (BigDecimal) h[14],
                h[15] == null ? "" : (String) h[15],
                (String) h[16],
                (String) h[17],
                (String) h[18],
                h[19] == null ? null : ((Timestamp) h[19]).toInstant(),
                h[20] == null ? "" : (String) h[20],
                h[21] == null ? "" : (String) h[21],
                currency));
      }
    }
    return out;
  }
}
