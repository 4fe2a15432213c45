package io.millstone.server.accounting;

import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Decimals;
import io.millstone.server.platform.Idempotency;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Jdbc;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The books: balanced, immutable journal entries in open periods, numbered per company and fiscal
 * year. Other domains post through {@link #post(Tx, LocalDate, String, String, UUID, List)} inside
 * their own transaction, so a document and its entry commit together.
 */
public final class Books {
  /** A line as a person or a document gives it: amounts still text for people. */
  public record LineInput(String accountCode, String debit, String credit, String memo) {}

  /** A checked line. */
  public record Line(String accountCode, BigDecimal debit, BigDecimal credit, String memo) {}

  /** A posted entry. */
  public record EntryView(
      UUID id,
      String number,
      LocalDate date,
      String memo,
      List<Line> lines,
      String source,
      UUID reversalOf,
      Instant postedAt,
      String postedBy) {}

  /** One account's balance in the trial balance, as debit or credit. */
  public record TrialLine(
      String code, String name, String type, BigDecimal debit, BigDecimal credit) {}

  /** The trial balance and the currency its amounts are in. */
  public record TrialBalanceView(List<TrialLine> lines, String currency) {}

  /** A fiscal period. */
  public record PeriodView(
      UUID id,
      String fiscalYear,
      int number,
      LocalDate start,
      LocalDate end,
      boolean closed,
      String closedBy) {}

  private final Transactions tx;
  private final Clock clock;

  public Books(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  public List<String[]> accounts(Actor actor) {
    return tx.sqlInCompany(actor, (t, c) -> accountRows(c, ""));
  }

  /** The chart's rows (id, code, name, type, active) that {@code where} keeps, by code. */
  static List<String[]> accountRows(Connection c, String where) throws SQLException {
    List<String[]> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, code, name, type, active FROM account " + where + " ORDER BY code");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new String[] {
              rs.getString(1),
              rs.getString(2),
              rs.getString(3),
              rs.getString(4),
              String.valueOf(rs.getBoolean(5))
            });
      }
    }
    return out;
  }

  /** A manual journal voucher. */
  public EntryView postManual(
      Actor actor, String key, LocalDate date, String memo, List<LineInput> in) {
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    v.check(date != null, "entry_date", "is required");
    v.check(memo == null || memo.length() <= 500, "memo", "is too long (at most 500 characters)");
    List<Line> lines = checkLines(v, in);
    v.throwIfInvalid();
    return tx.inCompany(
        actor,
        t -> {
          var outcome =
              Idempotency.once(
                  t,
                  key,
                  "accounting.entry.post",
                  date + "\u001f" + memo + "\u001f" + lines,
                  id -> {
                    post(t, id, date, memo, "MANUAL", null, null, lines);
                    return id;
                  });
          return entry(t, outcome.id());
        });
  }

  /** A posted entry's id and number. */
  public record Posted(UUID id, String number) {}

  /** Posts an entry for a document, inside the document's transaction. */
  public UUID post(
      Tx t, LocalDate date, String memo, String source, UUID sourceId, List<Line> lines) {
    return postEntry(t, date, memo, source, sourceId, lines).id();
  }

  /** {@link #post(Tx, LocalDate, String, String, UUID, List)}, with the number it was given. */
  public Posted postEntry(
      Tx t, LocalDate date, String memo, String source, UUID sourceId, List<Line> lines) {
    Validator v = new Validator();
    checkBalance(v, lines);
    v.throwIfInvalid();
    UUID id = Ids.newId();
    return new Posted(id, post(t, id, date, memo, source, sourceId, null, lines));
  }

  public EntryView reverse(Actor actor, String key, String entryId, LocalDate date) {
    UUID id = Ids.parseOrNull(entryId);
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    v.check(id != null, "id", "is not a valid id");
    v.check(date != null, "entry_date", "is required");
    v.throwIfInvalid();
    return tx.inCompany(
        actor,
        t -> {
          var outcome =
              Idempotency.once(
                  t,
                  key,
                  "accounting.entry.reverse",
                  entryId + "\u001f" + date,
                  newId -> {
                    EntryView original = entry(t, id);
                    boolean reversed =
                        Jdbc.work(
                            t,
                            c -> {
                              try (PreparedStatement ps =
                                  c.prepareStatement(
                                      "SELECT count(*) FROM journal_entry WHERE reversal_of = ?")) {
                                ps.setObject(1, id);
                                try (ResultSet rs = ps.executeQuery()) {
                                  rs.next();
                                  return rs.getLong(1) > 0;
                                }
                              }
                            });
                    if (reversed) {
                      throw new BusinessRuleException(
                          "already_reversed",
                          "Entry " + original.number() + " has been reversed already.");
                    }
                    List<Line> mirror =
                        original.lines().stream()
                            .map(l -> new Line(l.accountCode(), l.credit(), l.debit(), l.memo()))
                            .toList();
                    post(
                        t,
                        newId,
                        date,
                        "Reversal of " + original.number(),
                        "REVERSAL",
                        null,
                        id,
                        mirror);
                    return newId;
                  });
          return entry(t, outcome.id());
        });
  }

  /**
   * Posts the mirror of a document's entry inside the document's transaction (a production run
   * reversed, say), linked to it as its reversal: an entry is reversed at most once.
   */
  public Posted reverseWithin(Tx t, UUID entryId, LocalDate date, String source, UUID sourceId) {
    EntryView original = entry(t, entryId);
    List<Line> mirror =
        original.lines().stream()
            .map(l -> new Line(l.accountCode(), l.credit(), l.debit(), l.memo()))
            .toList();
    UUID id = Ids.newId();
    return new Posted(
        id,
        post(t, id, date, "Reversal of " + original.number(), source, sourceId, entryId, mirror));
  }

  /** Writes the entry; returns its number. */
  private String post(
      Tx t,
      UUID id,
      LocalDate date,
      String memo,
      String source,
      UUID sourceId,
      UUID reversalOf,
      List<Line> lines) {
    Actor actor = t.actor().orElseThrow();
    return Jdbc.work(
        t,
        c -> {
          // What a person posts by hand goes only into a fiscal year someone opened; the
          // documents (receipts, invoices, payments) still open their year on first use.
          boolean byHand = source.equals("MANUAL") || source.equals("REVERSAL");
          PeriodView period = byHand ? existingPeriod(c, t, date) : periodFor(c, t, date);
          if (period.closed()) {
            throw new BusinessRuleException(
                "period_closed",
                "An entry dated "
                    + FiscalCalendar.longDate(date)
                    + " cannot be posted: the period "
                    + period.start().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                    + " "
                    + period.start().getYear()
                    + " ("
                    + period.fiscalYear()
                    + ") is closed; post into an open period, or ask accounts to reopen it.");
          }
          // The entry with its voucher number and its lines in one statement, the accounts
          // found by code in it: a line whose code is not an active account of this company
          // (RLS) is simply not written, which the count below turns into the error.
          int written = 0;
          String number = null;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "WITH e AS (INSERT INTO journal_entry (id, company_id, number, entry_date, period_id,"
                      + " memo, source, source_id, reversal_of, posted_at, posted_by)"
                      + " VALUES (?, ?, next_document_label('JV', ?), ?, ?, ?, ?, ?, ?, ?, ?)"
                      + " RETURNING id, number)"
                      + " INSERT INTO journal_line (id, company_id, entry_id, line_no, account_id, debit,"
                      + " credit, memo) SELECT l.id, ?, e.id, l.no, a.id, l.debit, l.credit, l.memo"
                      + " FROM e, unnest(?::uuid[], ?::int[], ?::text[], ?::numeric[], ?::numeric[],"
                      + " ?::text[]) AS l(id, no, code, debit, credit, memo)"
                      + " JOIN account a ON a.code = l.code AND a.active"
                      + " RETURNING (SELECT number FROM e)")) {
            int k = 0;
            ps.setObject(++k, id);
            ps.setObject(++k, actor.companyId());
            ps.setString(++k, FiscalCalendar.yearLabel(t, date));
            ps.setDate(++k, Date.valueOf(date));
            ps.setObject(++k, period.id());
            ps.setString(++k, memo == null ? "" : memo.trim());
            ps.setString(++k, source);
            ps.setObject(++k, sourceId);
            ps.setObject(++k, reversalOf);
            ps.setTimestamp(++k, Timestamp.from(clock.instant()));
            ps.setString(++k, actor.username());
            ps.setObject(++k, actor.companyId());
            int n = lines.size();
            UUID[] ids = new UUID[n];
            Integer[] nos = new Integer[n];
            String[] codes = new String[n];
            BigDecimal[] debits = new BigDecimal[n];
            BigDecimal[] credits = new BigDecimal[n];
            String[] memos = new String[n];
            for (int i = 0; i < n; i++) {
              Line l = lines.get(i);
              ids[i] = Ids.newId();
              nos[i] = i + 1;
              codes[i] = l.accountCode();
              debits[i] = l.debit();
              credits[i] = l.credit();
              memos[i] = l.memo() == null ? "" : l.memo();
            }
            ps.setArray(++k, c.createArrayOf("uuid", ids));
            ps.setArray(++k, c.createArrayOf("int4", nos));
            ps.setArray(++k, c.createArrayOf("text", codes));
            ps.setArray(++k, c.createArrayOf("numeric", debits));
            ps.setArray(++k, c.createArrayOf("numeric", credits));
            ps.setArray(++k, c.createArrayOf("text", memos));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                written++;
                number = rs.getString(1);
              }
            }
          }
          if (written != lines.size()) {
            // Rare: find which codes are missing; the caller's transaction rolls back.
            Map<String, UUID> accounts = accountIds(c);
            Validator v = new Validator();
            for (int i = 0; i < lines.size(); i++) {
              v.check(
                  accounts.containsKey(lines.get(i).accountCode()),
                  "lines[" + i + "].account_code",
                  "'" + lines.get(i).accountCode() + "' is not an account of this company");
            }
            v.throwIfInvalid();
            throw new IllegalStateException(
                "journal entry " + id + " wrote " + written + " of " + lines.size() + " lines");
          }
          t.audit(
              "accounting.entry.post",
              "journal_entry",
              id,
              number + " " + source + " " + total(lines).toPlainString());
          return number;
        });
  }

  private static BigDecimal total(List<Line> lines) {
    return lines.stream().map(Line::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static List<Line> checkLines(Validator v, List<LineInput> in) {
    List<Line> out = new ArrayList<>();
    v.check(in.size() >= 2, "lines", "an entry needs at least two lines");
    v.check(in.size() <= 500, "lines", "may hold at most 500 lines");
    for (int i = 0; i < in.size(); i++) {
      LineInput l = in.get(i);
      String f = "lines[" + i + "]";
      v.text(l.accountCode(), f + ".account_code", 20);
      BigDecimal d = Decimals.parse(v, f + ".debit", l.debit(), 4, false);
      BigDecimal c = Decimals.parse(v, f + ".credit", l.credit(), 4, false);
      if (d != null && c != null) {
        v.check(d.signum() >= 0 && c.signum() >= 0, f, "amounts must not be negative");
        v.check(
            (d.signum() == 0) != (c.signum() == 0),
            f,
            "needs either a debit or a credit, not both or neither");
      }
      out.add(
          new Line(
              l.accountCode() == null ? "" : l.accountCode().trim(),
              d == null ? BigDecimal.ZERO : d,
              c == null ? BigDecimal.ZERO : c,
              l.memo()));
    }
    checkBalance(v, out);
    return out;
  }

  private static void checkBalance(Validator v, List<Line> lines) {
    BigDecimal d = lines.stream().map(Line::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal c = lines.stream().map(Line::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
    v.check(
        d.compareTo(c) == 0,
        "lines",
        "debits "
            + d.toPlainString()
            + " and credits "
            + c.toPlainString()
            + " differ by "
            + d.subtract(c).abs().toPlainString()
            + "; an entry must balance");
  }

  private static Map<String, UUID> accountIds(Connection c) throws SQLException {
    Map<String, UUID> out = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT code, id FROM account WHERE active");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getObject(2, UUID.class));
      }
    }
    return out;
  }

  /** The period holding {@code date}, creating its fiscal year (twelve months) on first use. */
  private static PeriodView periodFor(Connection c, Tx t, LocalDate date) throws SQLException {
    // An invoice asks twice (its gapless number and its entry): read once per transaction.
    Map<LocalDate, PeriodView> seen = t.memo(Periods.class, Periods::new).byDate();
    PeriodView p = seen.get(date);
    if (p == null) {
      p = findOrCreatePeriod(c, t, date);
      seen.put(date, p);
    }
    return p;
  }

  /** The periods a transaction has looked up, by date. */
  private record Periods(Map<LocalDate, PeriodView> byDate) {
    Periods() {
      this(new java.util.HashMap<>());
    }
  }

  /** The period holding {@code date} in a fiscal year that exists; refused if there is none. */
  private static PeriodView existingPeriod(Connection c, Tx t, LocalDate date) throws SQLException {
    Map<LocalDate, PeriodView> seen = t.memo(Periods.class, Periods::new).byDate();
    PeriodView p = seen.get(date);
    if (p == null) {
      p = findPeriod(c, date);
      if (p == null) {
        throw new BusinessRuleException(
            "accounting.entry.no_fiscal_year",
            "There is no fiscal year for "
                + FiscalCalendar.longDate(date)
                + ": create fiscal year "
                + FiscalCalendar.fiscalYearName(t, date)
                + " first (whoever may close periods can open it), then post the entry again.",
            date,
            FiscalCalendar.fiscalYearName(t, date));
      }
      seen.put(date, p);
    }
    return p;
  }

  private static PeriodView findOrCreatePeriod(Connection c, Tx t, LocalDate date)
      throws SQLException {
    PeriodView p = findPeriod(c, date);
    if (p != null) {
      return p;
    }
    UUID company = t.actor().orElseThrow().companyId();
    LocalDate start = FiscalCalendar.fiscalYearStart(t, date);
    String name = FiscalCalendar.fiscalYearName(t, date);
    UUID fy = Ids.newId();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO fiscal_year (id, company_id, name, start_date, end_date) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (company_id, start_date) DO NOTHING")) {
      ps.setObject(1, fy);
      ps.setObject(2, company);
      ps.setString(3, name);
      ps.setDate(4, Date.valueOf(start));
      ps.setDate(5, Date.valueOf(start.plusYears(1).minusDays(1)));
      if (ps.executeUpdate() == 1) {
        try (PreparedStatement pp =
            c.prepareStatement(
                "INSERT INTO fiscal_period (id, company_id, fiscal_year_id, number, start_date, end_date)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")) {
          for (int i = 0; i < 12; i++) {
            LocalDate s = start.plusMonths(i);
            pp.setObject(1, Ids.newId());
            pp.setObject(2, company);
            pp.setObject(3, fy);
            pp.setInt(4, i + 1);
            pp.setDate(5, Date.valueOf(s));
            pp.setDate(6, Date.valueOf(s.plusMonths(1).minusDays(1)));
            pp.addBatch();
          }
          pp.executeBatch();
        }
      }
    }
    return findPeriod(c, date);
  }

  private static PeriodView findPeriod(Connection c, LocalDate date) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT p.id, y.name, p.number, p.start_date, p.end_date, p.closed, p.closed_by"
                + " FROM fiscal_period p JOIN fiscal_year y ON y.id = p.fiscal_year_id"
                + " WHERE ? BETWEEN p.start_date AND p.end_date")) {
      ps.setDate(1, Date.valueOf(date));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? period(rs) : null;
      }
    }
  }

  private static PeriodView period(ResultSet rs) throws SQLException {
    return new PeriodView(
        rs.getObject(1, UUID.class),
        rs.getString(2),
        rs.getInt(3),
        rs.getDate(4).toLocalDate(),
        rs.getDate(5).toLocalDate(),
        rs.getBoolean(6),
        rs.getString(7));
  }

  /**
   * The next number of a document type in the fiscal year holding {@code date}, taken inside the
   * caller's transaction: gapless, because a rollback gives the number back, but it holds the
   * series' counter until the caller commits. Take it as late as possible in the transaction.
   */
  public String documentNumber(Tx t, String type, LocalDate date) {
    return Jdbc.work(
        t,
        c ->
            nextNumber(
                c, t.actor().orElseThrow().companyId(), type, periodFor(c, t, date).fiscalYear()));
  }

  /**
   * A number of a document type for series that may have gaps (orders, deliveries, receipts,
   * journal vouchers): from a PostgreSQL sequence of the company, type and fiscal year, so taking
   * one never waits on another transaction. A rollback leaves a gap.
   */
  public String sequenceNumber(Tx t, String type, LocalDate date) {
    String label = FiscalCalendar.yearLabel(t, date);
    return Jdbc.work(
        t,
        c -> {
          // Formatted by the same function that numbers journal entries in their insert.
          try (PreparedStatement ps = c.prepareStatement("SELECT next_document_label(?, ?)")) {
            ps.setString(1, type);
            ps.setString(2, label);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getString(1);
            }
          }
        });
  }

  /** The number of a posted journal entry, or an empty string for none. */
  public static String entryNumber(Connection c, UUID entryId) throws SQLException {
    if (entryId == null) {
      return "";
    }
    try (PreparedStatement ps =
        c.prepareStatement("SELECT number FROM journal_entry WHERE id = ?")) {
      ps.setObject(1, entryId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : "";
      }
    }
  }

  /** The next number of a document type in a fiscal year: "JV-2026-00042". */
  static String nextNumber(Connection c, UUID company, String type, String fiscalYear)
      throws SQLException {
    String label = fiscalYear.substring(3, 7);
    // One upsert takes the number and locks the counter until commit: a rollback gives it back,
    // so the series stays gapless; the first document of a year makes the counter.
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO doc_sequence AS s (company_id, doc_type, year_label, next_number)"
                + " VALUES (?, ?, ?, 2) ON CONFLICT (company_id, doc_type, year_label)"
                + " DO UPDATE SET next_number = s.next_number + 1 RETURNING s.next_number - 1")) {
      ps.setObject(1, company);
      ps.setString(2, type);
      ps.setString(3, label);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return String.format("%s-%s-%05d", type, label, rs.getLong(1));
      }
    }
  }

  EntryView entry(Tx t, UUID id) {
    return Jdbc.work(
        t,
        c -> {
          EntryView head;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT number, entry_date, memo, source, reversal_of, posted_at, posted_by FROM journal_entry WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw new NotFoundException("Journal entry", id.toString());
              }
              head =
                  new EntryView(
                      id,
                      rs.getString(1),
                      rs.getDate(2).toLocalDate(),
                      rs.getString(3),
                      List.of(),
                      rs.getString(4),
                      rs.getObject(5, UUID.class),
                      rs.getTimestamp(6).toInstant(),
                      rs.getString(7));
            }
          }
          List<Line> lines = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT a.code, l.debit, l.credit, l.memo FROM journal_line l JOIN account a ON a.id = l.account_id"
                      + " WHERE l.entry_id = ? ORDER BY l.line_no")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                lines.add(
                    new Line(
                        rs.getString(1),
                        rs.getBigDecimal(2),
                        rs.getBigDecimal(3),
                        rs.getString(4)));
              }
            }
          }
          return new EntryView(
              head.id(),
              head.number(),
              head.date(),
              head.memo(),
              List.copyOf(lines),
              head.source(),
              head.reversalOf(),
              head.postedAt(),
              head.postedBy());
        });
  }

  public TrialBalanceView trialBalance(Actor actor, LocalDate asOf) {
    new Validator().check(asOf != null, "as_of", "is required").throwIfInvalid();
    return tx.reportInCompany(
        actor,
        (t, c) -> {
          List<TrialLine> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT a.code, a.name, a.type, sum(l.debit) - sum(l.credit) FROM journal_line l"
                      + " JOIN journal_entry e ON e.id = l.entry_id JOIN account a ON a.id = l.account_id"
                      + " WHERE e.entry_date <= ? GROUP BY a.code, a.name, a.type"
                      + " HAVING sum(l.debit) <> sum(l.credit) ORDER BY a.code")) {
            ps.setDate(1, Date.valueOf(asOf));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                BigDecimal net = rs.getBigDecimal(4);
                out.add(
                    new TrialLine(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        net.signum() > 0 ? net : BigDecimal.ZERO,
                        net.signum() < 0 ? net.negate() : BigDecimal.ZERO));
              }
            }
          }
          return new TrialBalanceView(out, CompanyAdmin.currencyOf(t));
        });
  }

  public List<PeriodView> periods(Actor actor) {
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          List<PeriodView> out = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT p.id, y.name, p.number, p.start_date, p.end_date, p.closed, p.closed_by"
                          + " FROM fiscal_period p JOIN fiscal_year y ON y.id = p.fiscal_year_id ORDER BY p.start_date");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(period(rs));
            }
          }
          return out;
        });
  }

  /**
   * Opens the fiscal year holding {@code date} (its twelve periods), so that entries can be posted
   * into it by hand; answers the year's periods, also when it was open already.
   */
  public List<PeriodView> openFiscalYear(Actor actor, LocalDate date) {
    new Validator().check(date != null, "date", "is required").throwIfInvalid();
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          PeriodView p = findPeriod(c, date);
          if (p == null) {
            p = findOrCreatePeriod(c, t, date);
            t.audit("accounting.fiscal_year.open", "fiscal_period", p.id(), p.fiscalYear());
          }
          List<PeriodView> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT p.id, y.name, p.number, p.start_date, p.end_date, p.closed, p.closed_by"
                      + " FROM fiscal_period p JOIN fiscal_year y ON y.id = p.fiscal_year_id"
                      + " WHERE p.fiscal_year_id = (SELECT fiscal_year_id FROM fiscal_period WHERE id = ?)"
                      + " ORDER BY p.start_date")) {
            ps.setObject(1, p.id());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(period(rs));
              }
            }
          }
          return out;
        });
  }

  public PeriodView close(Actor actor, String periodId) {
    return setClosed(actor, periodId, true);
  }

  /** Opens a closed period again so corrections can be posted into it. */
  public PeriodView reopen(Actor actor, String periodId) {
    return setClosed(actor, periodId, false);
  }

  /**
   * Closes (refused while documents dated in it are unposted) or reopens a period, recording who
   * and when; audited when it changed. Closing a closed period or reopening an open one changes
   * nothing.
   */
  private PeriodView setClosed(Actor actor, String periodId, boolean close) {
    UUID id = Ids.parseOrNull(periodId);
    if (id == null) {
      throw InvalidInputException.of("id", "is not a valid id");
    }
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          if (close) {
            UnpostedDocuments.refuseToClose(c, id);
          }
          int changed;
          try (PreparedStatement ps =
              c.prepareStatement(
                  close
                      ? "UPDATE fiscal_period SET closed = true, closed_by = ?, closed_at = now()"
                          + " WHERE id = ? AND NOT closed"
                      : "UPDATE fiscal_period SET closed = false, closed_by = '', closed_at = NULL,"
                          + " reopened_by = ?, reopened_at = now() WHERE id = ? AND closed")) {
            ps.setString(1, actor.username());
            ps.setObject(2, id);
            changed = ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT p.id, y.name, p.number, p.start_date, p.end_date, p.closed, p.closed_by"
                      + " FROM fiscal_period p JOIN fiscal_year y ON y.id = p.fiscal_year_id WHERE p.id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw new NotFoundException("Period", periodId);
              }
              PeriodView p = period(rs);
              if (changed == 1 || close) {
                t.audit(
                    close ? "accounting.period.close" : "accounting.period.reopen",
                    "fiscal_period",
                    id,
                    p.fiscalYear() + " period " + p.number());
              }
              return p;
            }
          }
        });
  }

  /** One posted entry with its lines. */
  public EntryView entry(Actor actor, String entryId) {
    UUID id = Ids.parseOrNull(entryId);
    if (id == null) {
      throw InvalidInputException.of("id", "is not a valid id");
    }
    return tx.inCompany(actor, t -> entry(t, id));
  }
}
