package io.millstone.server.cane;

import io.millstone.server.accounting.AccountRole;
import io.millstone.server.accounting.Books;
import io.millstone.server.cane.CaneDesk.GrowerPage;
import io.millstone.server.cane.CaneDesk.GrowerView;
import io.millstone.server.cane.CaneDesk.LoanView;
import io.millstone.server.cane.CaneDesk.PlotInput;
import io.millstone.server.cane.CaneDesk.PlotView;
import io.millstone.server.cane.CaneRows.GrowerRow;
import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Amounts;
import io.millstone.server.platform.Decimals;
import io.millstone.server.platform.Idempotency;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.PageToken;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Tx;
import io.millstone.server.platform.Validator;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Growers (suppliers with a grower number, village and plots) and the loans the mill gives them.
 */
final class Growers {
  static final Set<String> LOAN_KINDS = Set.of("ADVANCE", "SEED", "FERTILISER", "CASH");

  /** A single loan above this is a typing slip (Tk 1 crore). */
  static final BigDecimal MAX_LOAN = new BigDecimal("10000000");

  private final Transactions tx;
  private final Books books;
  private final Clock clock;

  Growers(Transactions tx, Books books, Clock clock) {
    this.tx = tx;
    this.books = books;
    this.clock = clock;
  }

  GrowerView create(
      Actor actor,
      String key,
      String supplierCode,
      String growerNumber,
      String village,
      List<PlotInput> plots) {
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    v.text(supplierCode, "supplier_code", 32);
    v.text(growerNumber, "grower_number", 20);
    v.text(village, "village", 100);
    v.check(plots.size() <= 50, "plots", "may hold at most 50 plots");
    Set<String> seen = new HashSet<>();
    List<BigDecimal[]> numbers = new ArrayList<>();
    for (int i = 0; i < plots.size(); i++) {
      PlotInput p = plots.get(i);
      String f = "plots[" + i + "]";
      v.text(p.plotCode(), f + ".plot_code", 40);
      v.check(
          p.plotCode() == null || seen.add(p.plotCode().trim()),
          f + ".plot_code",
          "is listed twice");
      v.check(
          p.variety() == null || p.variety().length() <= 60,
          f + ".variety",
          "is too long (at most 60 characters)");
      BigDecimal area = Decimals.parse(v, f + ".area_acres", p.areaAcres(), 3, 7, true);
      v.check(
          area == null || (area.signum() > 0 && area.compareTo(new BigDecimal("10000")) <= 0),
          f + ".area_acres",
          "must be above zero and at most 10000 acres");
      BigDecimal tonnes =
          Decimals.parse(v, f + ".expected_tonnes", p.expectedTonnes(), 3, 9, false);
      v.check(
          tonnes == null
              || (tonnes.signum() >= 0 && tonnes.compareTo(new BigDecimal("1000000")) <= 0),
          f + ".expected_tonnes",
          "must be between 0 and 10,00,000 tonnes");
      numbers.add(new BigDecimal[] {area, tonnes});
    }
    v.throwIfInvalid();
    return tx.inCompany(
        actor,
        t ->
            Idempotency.once(
                t,
                key,
                "cane.grower.create",
                supplierCode + '\u001f' + growerNumber + '\u001f' + village + '\u001f' + plots,
                id -> {
                  insert(t, actor, id, supplierCode, growerNumber, village, plots, numbers);
                  return view(t, id);
                },
                id -> view(t, id)));
  }

  private void insert(
      Tx t,
      Actor actor,
      UUID id,
      String supplierCode,
      String growerNumber,
      String village,
      List<PlotInput> plots,
      List<BigDecimal[]> numbers) {
    String number = CaneRows.code(growerNumber);
    Jdbc.work(
        t,
        c -> {
          UUID party;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT p.id, g.grower_number FROM party p LEFT JOIN grower g ON g.party_id ="
                      + " p.id WHERE p.code = ? AND p.is_supplier AND p.active")) {
            ps.setString(1, CaneRows.code(supplierCode));
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw InvalidInputException.of(
                    "supplier_code",
                    "'" + CaneRows.code(supplierCode) + "' is not an active supplier");
              }
              if (rs.getString(2) != null) {
                throw InvalidInputException.of(
                    "supplier_code", "is already registered as grower " + rs.getString(2));
              }
              party = rs.getObject(1, UUID.class);
            }
          }
          if (CaneRows.growerOrNull(c, number) != null) {
            throw InvalidInputException.of(
                "grower_number", "'" + number + "' is already another grower's number");
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO grower (id, company_id, party_id, grower_number, village,"
                      + " created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setObject(2, actor.companyId());
            ps.setObject(3, party);
            ps.setString(4, number);
            ps.setString(5, village.trim());
            ps.setTimestamp(6, Timestamp.from(clock.instant()));
            ps.setString(7, actor.username());
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO grower_plot (id, company_id, grower_id, plot_code, area_acres,"
                      + " variety, expected_tonnes) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < plots.size(); i++) {
              PlotInput p = plots.get(i);
              ps.setObject(1, Ids.newId());
              ps.setObject(2, actor.companyId());
              ps.setObject(3, id);
              ps.setString(4, p.plotCode().trim());
              ps.setBigDecimal(5, numbers.get(i)[0]);
              ps.setString(6, p.variety() == null ? "" : p.variety().trim());
              ps.setBigDecimal(7, numbers.get(i)[1]);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
    t.audit("cane.grower.create", "grower", id, number + ", " + village.trim());
  }

  GrowerView get(Actor actor, String growerNumber) {
    return tx.inCompany(
        actor, t -> view(t, Jdbc.work(t, c -> CaneRows.growerForRead(c, growerNumber)).id()));
  }

  GrowerPage list(Actor actor, String village, String search, int pageSize, String pageToken) {
    int size = CaneRows.pageSize(pageSize);
    List<String> after = PageToken.decode(pageToken, 1);
    if (after == null) {
      throw InvalidInputException.of("page.page_token", "is not a token this list gave out");
    }
    String vil = village == null ? "" : village.trim();
    String s = search == null ? "" : search.trim();
    return tx.inCompany(
        actor,
        t -> {
          List<UUID> ids =
              Jdbc.work(
                  t,
                  c -> {
                    List<UUID> out = new ArrayList<>();
                    try (PreparedStatement ps =
                        c.prepareStatement(
                            "SELECT g.id FROM grower g JOIN party p ON p.id = g.party_id WHERE"
                                + " (? = '' OR g.village = ?) AND (? = '' OR g.grower_number LIKE ?"
                                + " OR lower(p.name) LIKE lower(?)) AND g.grower_number > ?"
                                + " ORDER BY g.grower_number LIMIT ?")) {
                      String like = s.replace("\\", "\\\\").replace("%", "\\%") + "%";
                      ps.setString(1, vil);
                      ps.setString(2, vil);
                      ps.setString(3, s);
                      ps.setString(4, CaneRows.code(like));
                      ps.setString(5, like);
                      ps.setString(6, after.isEmpty() ? "" : after.get(0));
                      ps.setInt(7, size + 1);
                      try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                          out.add(rs.getObject(1, UUID.class));
                        }
                      }
                    }
                    return out;
                  });
          List<GrowerView> views = new ArrayList<>();
          for (UUID id : ids.subList(0, Math.min(size, ids.size()))) {
            views.add(view(t, id));
          }
          String next = ids.size() > size ? PageToken.encode(views.getLast().growerNumber()) : "";
          return new GrowerPage(views, next);
        });
  }

  static GrowerView view(Tx t, UUID id) {
    return Jdbc.work(t, c -> read(c, id));
  }

  static GrowerView read(Connection c, UUID id) throws SQLException {
    List<PlotView> plots = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT plot_code, area_acres, variety, expected_tonnes FROM grower_plot"
                + " WHERE grower_id = ? ORDER BY plot_code")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          plots.add(
              new PlotView(
                  rs.getString(1), rs.getBigDecimal(2), rs.getString(3), rs.getBigDecimal(4)));
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT g.grower_number, p.code, p.name, g.village, p.phone FROM grower g"
                + " JOIN party p ON p.id = g.party_id WHERE g.id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new GrowerView(
            id,
            rs.getString(1),
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            plots);
      }
    }
  }

  /** A loan paid to a grower: Dr 1150 grower advances / Cr bank (1010) or cash (1000). */
  LoanView recordLoan(
      Actor actor,
      String key,
      String growerNumber,
      String kind,
      String amount,
      LocalDate date,
      String paidFrom,
      String note) {
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    v.text(growerNumber, "grower_number", 20);
    v.check(LOAN_KINDS.contains(kind), "kind", "must be ADVANCE, SEED, FERTILISER or CASH");
    BigDecimal a = Decimals.parse(v, "amount", amount, 2, true);
    v.check(
        a == null || (a.signum() > 0 && a.compareTo(MAX_LOAN) <= 0),
        "amount",
        "must be above zero and at most 1,00,00,000");
    v.check(date != null, "loan_date", "required", "is required");
    String from = paidFrom == null || paidFrom.isEmpty() ? "BANK" : paidFrom;
    v.check(Set.of("BANK", "CASH").contains(from), "paid_from", "must be BANK or CASH");
    v.check(note == null || note.length() <= 300, "note", "is too long (at most 300 characters)");
    v.throwIfInvalid();
    return tx.inCompany(
        actor,
        t ->
            Idempotency.once(
                t,
                key,
                "cane.loan.record",
                growerNumber + '\u001f' + kind + '\u001f' + a + '\u001f' + date + '\u001f' + from,
                id -> {
                  GrowerRow g =
                      Jdbc.work(t, c -> CaneRows.grower(c, growerNumber, "grower_number"));
                  String number = books.sequenceNumber(t, "GLN", date);
                  UUID entry =
                      books.post(
                          t,
                          date,
                          "Loan "
                              + number
                              + " ("
                              + kind.toLowerCase()
                              + ") to grower "
                              + g.number(),
                          "CANE_LOAN",
                          id,
                          List.of(
                              new Books.Line(
                                  AccountRole.GROWER_ADVANCES.code(), a, BigDecimal.ZERO, number),
                              new Books.Line(
                                  (from.equals("CASH") ? AccountRole.CASH : AccountRole.BANK)
                                      .code(),
                                  BigDecimal.ZERO,
                                  a,
                                  g.number())));
                  Jdbc.work(
                      t,
                      c -> {
                        try (PreparedStatement ps =
                            c.prepareStatement(
                                "INSERT INTO grower_loan (id, company_id, number, grower_id, kind,"
                                    + " loan_date, amount, paid_from, note, journal_entry_id,"
                                    + " posted_at, posted_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                    + " ?, ?, ?)")) {
                          ps.setObject(1, id);
                          ps.setObject(2, actor.companyId());
                          ps.setString(3, number);
                          ps.setObject(4, g.id());
                          ps.setString(5, kind);
                          ps.setDate(6, Date.valueOf(date));
                          ps.setBigDecimal(7, a);
                          ps.setString(8, from);
                          ps.setString(9, note == null ? "" : note.trim());
                          ps.setObject(10, entry);
                          ps.setTimestamp(11, Timestamp.from(clock.instant()));
                          ps.setString(12, actor.username());
                          return ps.executeUpdate();
                        }
                      });
                  t.audit(
                      "cane.loan.record",
                      "grower_loan",
                      id,
                      number + " to " + g.number() + ", " + Amounts.money(a));
                  return loan(t, id);
                },
                id -> loan(t, id)));
  }

  List<LoanView> loans(Actor actor, String growerNumber, boolean outstandingOnly) {
    return tx.inCompany(
        actor,
        t -> {
          GrowerRow g = Jdbc.work(t, c -> CaneRows.growerForRead(c, growerNumber));
          return loansOf(t, g.id(), outstandingOnly);
        });
  }

  static LoanView loan(Tx t, UUID id) {
    String currency = CompanyAdmin.currencyOf(t);
    return Jdbc.work(t, c -> loans(c, "l.id = ?", id, currency)).getFirst();
  }

  static List<LoanView> loansOf(Tx t, UUID growerId, boolean outstandingOnly) {
    String currency = CompanyAdmin.currencyOf(t);
    return Jdbc.work(
        t,
        c ->
            loans(
                c,
                "l.grower_id = ?" + (outstandingOnly ? " AND l.recovered < l.amount" : ""),
                growerId,
                currency));
  }

  private static List<LoanView> loans(Connection c, String where, UUID id, String currency)
      throws SQLException {
    List<LoanView> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT l.id, l.number, g.grower_number, l.kind, l.loan_date, l.amount, l.recovered,"
                + " j.number, l.note FROM grower_loan l JOIN grower g ON g.id = l.grower_id"
                + " JOIN journal_entry j ON j.id = l.journal_entry_id WHERE "
                + where
                + " ORDER BY l.loan_date, l.number")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new LoanView(
                  rs.getObject(1, UUID.class),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getDate(5).toLocalDate(),
                  rs.getBigDecimal(6),
                  rs.getBigDecimal(7),
                  rs.getString(8),
                  rs.getString(9),
                  currency));
        }
      }
    }
    return out;
  }
}
