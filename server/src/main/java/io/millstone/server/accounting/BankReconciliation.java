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
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A bank or cash account's statement beside its posted lines: statement lines are entered as the
 * bank printed them, each is matched to one posted journal line on the account of the same amount,
 * and what stays unmatched on either side is what the person looks into.
 */
public final class BankReconciliation {
  /** How far apart a statement line and a posted line may be dated for the suggestion. */
  static final int SUGGEST_WITHIN_DAYS = 7;

  /** A statement line as a person enters it; the amount still text. */
  public record LineInput(LocalDate date, String reference, String amount) {}

  public record StatementLine(
      UUID id,
      LocalDate date,
      String reference,
      BigDecimal amount,
      UUID matchedLine,
      String matchedEntry,
      UUID suggestedLine) {}

  public record BookLine(
      UUID id,
      LocalDate date,
      String entryNumber,
      String source,
      String memo,
      BigDecimal amount,
      boolean reconciled) {}

  public record View(
      String accountCode,
      String accountName,
      List<StatementLine> statement,
      List<BookLine> books,
      String currency) {
    public BigDecimal unreconciledStatement() {
      return statement.stream()
          .filter(s -> s.matchedLine() == null)
          .map(StatementLine::amount)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal unreconciledBooks() {
      return books.stream()
          .filter(b -> !b.reconciled())
          .map(BookLine::amount)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  private final Transactions tx;
  private final Clock clock;

  public BankReconciliation(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  /** The bank and cash accounts: active asset accounts whose code starts with "10". */
  public List<String[]> accounts(Actor actor) {
    return tx.sqlInCompany(
        actor,
        (t, c) -> Books.accountRows(c, "WHERE type = 'ASSET' AND code LIKE '10%' AND active"));
  }

  public View add(
      Actor actor,
      String key,
      String accountCode,
      List<LineInput> in,
      LocalDate from,
      LocalDate to) {
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    v.text(accountCode, "account_code", 20);
    range(v, from, to);
    v.check(!in.isEmpty(), "lines", "enter at least one statement line");
    v.check(in.size() <= 1000, "lines", "may hold at most 1000 lines");
    List<BigDecimal> amounts = new ArrayList<>();
    for (int i = 0; i < in.size(); i++) {
      LineInput l = in.get(i);
      String f = "lines[" + i + "]";
      v.check(l.date() != null, f + ".date", "is required");
      v.check(
          l.reference() == null || l.reference().length() <= 100,
          f + ".reference",
          "is too long (at most 100 characters)");
      BigDecimal a = Decimals.parse(v, f + ".amount", l.amount(), 4, true);
      if (a != null) {
        v.check(
            a.signum() != 0,
            f + ".amount",
            "must not be 0 (money in positive, money out negative)");
      }
      amounts.add(a);
    }
    v.throwIfInvalid();
    String code = accountCode.trim();
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          UUID account = bankAccount(c, code);
          Idempotency.once(
              t,
              key,
              "accounting.bank.statement",
              code + "\u001f" + in + "\u001f" + amounts,
              id ->
                  Jdbc.work(
                      t,
                      cc -> {
                        insert(cc, t, id, account, in, amounts);
                        return id;
                      }));
          return view(t, c, code, from, to);
        });
  }

  private void insert(
      Connection c, Tx t, UUID first, UUID account, List<LineInput> in, List<BigDecimal> amounts)
      throws SQLException {
    Actor actor = t.actor().orElseThrow();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO bank_statement_line (id, company_id, account_id, line_date, reference,"
                + " amount, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < in.size(); i++) {
        ps.setObject(1, i == 0 ? first : Ids.newId());
        ps.setObject(2, actor.companyId());
        ps.setObject(3, account);
        ps.setDate(4, Date.valueOf(in.get(i).date()));
        ps.setString(5, in.get(i).reference() == null ? "" : in.get(i).reference().trim());
        ps.setBigDecimal(6, amounts.get(i));
        ps.setTimestamp(7, Timestamp.from(clock.instant()));
        ps.setString(8, actor.username());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    t.audit(
        "accounting.bank.statement", "bank_statement_line", first, in.size() + " statement lines");
  }

  public View get(Actor actor, String accountCode, LocalDate from, LocalDate to) {
    Validator v = new Validator().text(accountCode, "account_code", 20);
    range(v, from, to);
    v.throwIfInvalid();
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          bankAccount(c, accountCode.trim());
          return view(t, c, accountCode.trim(), from, to);
        });
  }

  /** Marks a statement line reconciled against a posted line of its account and amount. */
  public View match(
      Actor actor, String statementLineId, String journalLineId, LocalDate from, LocalDate to) {
    UUID s = Ids.parseOrNull(statementLineId);
    UUID j = Ids.parseOrNull(journalLineId);
    Validator v = new Validator();
    v.check(s != null, "statement_line_id", "is not a valid id");
    v.check(j != null, "journal_line_id", "is not a valid id");
    range(v, from, to);
    v.throwIfInvalid();
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          UUID account;
          BigDecimal amount;
          String code;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT s.account_id, s.amount, s.journal_line_id, a.code FROM bank_statement_line s"
                      + " JOIN account a ON a.id = s.account_id WHERE s.id = ? FOR UPDATE OF s")) {
            ps.setObject(1, s);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw new NotFoundException("Statement line", statementLineId);
              }
              if (rs.getObject(3) != null) {
                throw new BusinessRuleException(
                    "accounting.bank.already_reconciled",
                    "That statement line is reconciled already.");
              }
              account = rs.getObject(1, UUID.class);
              amount = rs.getBigDecimal(2);
              code = rs.getString(4);
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT l.account_id, l.debit - l.credit, e.number,"
                      + " EXISTS (SELECT 1 FROM bank_statement_line b WHERE b.journal_line_id = l.id)"
                      + " FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id WHERE l.id = ?")) {
            ps.setObject(1, j);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw InvalidInputException.of("journal_line_id", "is not a posted line");
              }
              if (!account.equals(rs.getObject(1, UUID.class))) {
                throw InvalidInputException.of(
                    "journal_line_id", "is posted to another account than " + code);
              }
              if (rs.getBigDecimal(2).compareTo(amount) != 0) {
                throw InvalidInputException.of(
                    "journal_line_id",
                    rs.getString(3)
                        + " is "
                        + rs.getBigDecimal(2).stripTrailingZeros().toPlainString()
                        + " on "
                        + code
                        + ", the statement line "
                        + amount.stripTrailingZeros().toPlainString());
              }
              if (rs.getBoolean(4)) {
                throw new BusinessRuleException(
                    "accounting.bank.line_taken",
                    rs.getString(3) + " is reconciled against another statement line already.",
                    rs.getString(3));
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE bank_statement_line SET journal_line_id = ?, reconciled_at = ?,"
                      + " reconciled_by = ? WHERE id = ?")) {
            ps.setObject(1, j);
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.setString(3, actor.username());
            ps.setObject(4, s);
            ps.executeUpdate();
          }
          t.audit("accounting.bank.reconcile", "bank_statement_line", s, code);
          return view(t, c, code, from, to);
        });
  }

  private static void range(Validator v, LocalDate from, LocalDate to) {
    v.check(from != null, "from", "is required").check(to != null, "to", "is required");
    if (from != null && to != null) {
      v.check(!to.isBefore(from), "to", "is before from");
      v.check(!to.isAfter(from.plusYears(1)), "to", "is more than a year after from");
    }
  }

  private static UUID bankAccount(Connection c, String code) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id FROM account WHERE code = ? AND type = 'ASSET' AND code LIKE '10%'")) {
      ps.setString(1, code.toUpperCase(Locale.ROOT));
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw InvalidInputException.of(
              "account_code", "'" + code + "' is not a bank or cash account of this company");
        }
        return rs.getObject(1, UUID.class);
      }
    }
  }

  private static View view(Tx t, Connection c, String code, LocalDate from, LocalDate to)
      throws SQLException {
    String name;
    try (PreparedStatement ps = c.prepareStatement("SELECT name FROM account WHERE code = ?")) {
      ps.setString(1, code);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        name = rs.getString(1);
      }
    }
    List<BookLine> books = new ArrayList<>();
    // A week either side of the range too, for the suggestions; only the range is answered.
    List<BookLine> near = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT l.id, e.entry_date, e.number, e.source, e.memo, l.debit - l.credit,"
                + " EXISTS (SELECT 1 FROM bank_statement_line b WHERE b.journal_line_id = l.id)"
                + " FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id"
                + " JOIN account a ON a.id = l.account_id"
                + " WHERE a.code = ? AND e.entry_date BETWEEN ? AND ?"
                + " ORDER BY e.entry_date, e.number, l.line_no LIMIT 5000")) {
      ps.setString(1, code);
      ps.setDate(2, Date.valueOf(from.minusDays(SUGGEST_WITHIN_DAYS)));
      ps.setDate(3, Date.valueOf(to.plusDays(SUGGEST_WITHIN_DAYS)));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          BookLine b =
              new BookLine(
                  rs.getObject(1, UUID.class),
                  rs.getDate(2).toLocalDate(),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getBigDecimal(6),
                  rs.getBoolean(7));
          near.add(b);
          if (!b.date().isBefore(from) && !b.date().isAfter(to)) {
            books.add(b);
          }
        }
      }
    }
    List<StatementLine> statement = new ArrayList<>();
    Set<UUID> suggested = new HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT s.id, s.line_date, s.reference, s.amount, s.journal_line_id,"
                + " coalesce((SELECT e.number FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id"
                + "  WHERE l.id = s.journal_line_id), '')"
                + " FROM bank_statement_line s JOIN account a ON a.id = s.account_id"
                + " WHERE a.code = ? AND s.line_date BETWEEN ? AND ?"
                + " ORDER BY s.line_date, s.created_at, s.id")) {
      ps.setString(1, code);
      ps.setDate(2, Date.valueOf(from));
      ps.setDate(3, Date.valueOf(to));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          UUID matched = rs.getObject(5, UUID.class);
          BigDecimal amount = rs.getBigDecimal(4);
          LocalDate date = rs.getDate(2).toLocalDate();
          UUID suggestion = null;
          if (matched == null) {
            // Same amount, not reconciled, not suggested for an earlier line, nearest date.
            long best = Long.MAX_VALUE;
            for (BookLine b : near) {
              long days = Math.abs(ChronoUnit.DAYS.between(date, b.date()));
              if (!b.reconciled()
                  && !suggested.contains(b.id())
                  && b.amount().compareTo(amount) == 0
                  && days <= SUGGEST_WITHIN_DAYS
                  && days < best) {
                best = days;
                suggestion = b.id();
              }
            }
            if (suggestion != null) {
              suggested.add(suggestion);
            }
          }
          statement.add(
              new StatementLine(
                  rs.getObject(1, UUID.class),
                  date,
                  rs.getString(3),
                  amount,
                  matched,
                  rs.getString(6),
                  suggestion));
        }
      }
    }
    return new View(code, name, statement, books, CompanyAdmin.currencyOf(t));
  }
}
