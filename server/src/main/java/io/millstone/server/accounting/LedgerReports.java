package io.millstone.server.accounting;

import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.error.InvalidInputException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Reports read straight from the posted journal: the general ledger and the VAT summary. */
public final class LedgerReports {
  static final int MAX_LINES = 5000;

  public record LedgerLine(
      LocalDate date,
      String entryNumber,
      String source,
      String memo,
      BigDecimal debit,
      BigDecimal credit,
      BigDecimal balance,
      UUID entryId) {}

  public record GeneralLedger(
      String accountCode,
      String accountName,
      BigDecimal opening,
      List<LedgerLine> lines,
      BigDecimal closing,
      boolean truncated,
      String currency) {}

  /** One VAT rate's output and input in a month, from the document lines. */
  public record VatRate(BigDecimal rate, BigDecimal output, BigDecimal input) {
    public BigDecimal netPayable() {
      return output.subtract(input);
    }
  }

  public record VatMonth(
      LocalDate month, BigDecimal output, BigDecimal input, List<VatRate> rates) {
    public VatMonth(LocalDate month, BigDecimal output, BigDecimal input) {
      this(month, output, input, List.of());
    }

    public BigDecimal netPayable() {
      return output.subtract(input);
    }
  }

  public record VatSummary(List<VatMonth> months, String currency) {
    public BigDecimal output() {
      return months.stream().map(VatMonth::output).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal input() {
      return months.stream().map(VatMonth::input).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  /** Output VAT payable and input VAT credit in the default chart. */
  static final String OUTPUT_VAT = "2100";

  static final String INPUT_VAT = "1300";

  private final Transactions tx;

  public LedgerReports(Transactions tx) {
    this.tx = tx;
  }

  public GeneralLedger generalLedger(
      Actor actor, String accountCode, LocalDate from, LocalDate to) {
    Validator v = new Validator().text(accountCode, "account_code", 20);
    v.check(from != null, "from", "is required").check(to != null, "to", "is required");
    if (from != null && to != null) {
      v.check(!to.isBefore(from), "to", "is before from");
    }
    v.throwIfInvalid();
    String code = accountCode.trim().toUpperCase(Locale.ROOT);
    return tx.reportInCompany(
        actor,
        (t, c) -> {
          String name;
          try (PreparedStatement ps =
              c.prepareStatement("SELECT name FROM account WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw InvalidInputException.of(
                    "account_code", "'" + code + "' is not an account of this company");
              }
              name = rs.getString(1);
            }
          }
          BigDecimal opening = sum(c, code, null, from.minusDays(1));
          BigDecimal closing = opening.add(sum(c, code, from, to));
          List<LedgerLine> lines = new ArrayList<>();
          BigDecimal running = opening;
          boolean truncated = false;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT e.entry_date, e.number, e.source, e.memo, l.debit, l.credit, e.id FROM journal_line l"
                      + " JOIN journal_entry e ON e.id = l.entry_id JOIN account a ON a.id = l.account_id"
                      + " WHERE a.code = ? AND e.entry_date BETWEEN ? AND ?"
                      + " ORDER BY e.entry_date, e.number, l.line_no LIMIT ?")) {
            ps.setString(1, code);
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(to));
            ps.setInt(4, MAX_LINES + 1);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                if (lines.size() == MAX_LINES) {
                  truncated = true;
                  break;
                }
                BigDecimal d = rs.getBigDecimal(5);
                BigDecimal cr = rs.getBigDecimal(6);
                running = running.add(d).subtract(cr);
                lines.add(
                    new LedgerLine(
                        rs.getDate(1).toLocalDate(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        d,
                        cr,
                        running,
                        rs.getObject(7, UUID.class)));
              }
            }
          }
          return new GeneralLedger(
              code, name, opening, lines, closing, truncated, CompanyAdmin.currencyOf(t));
        });
  }

  /** Debit minus credit of an account over a date range ({@code from} null: since the start). */
  private static BigDecimal sum(java.sql.Connection c, String code, LocalDate from, LocalDate to)
      throws java.sql.SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT coalesce(sum(l.debit - l.credit), 0) FROM journal_line l"
                + " JOIN journal_entry e ON e.id = l.entry_id JOIN account a ON a.id = l.account_id"
                + " WHERE a.code = ? AND (?::date IS NULL OR e.entry_date >= ?) AND e.entry_date <= ?")) {
      ps.setString(1, code);
      ps.setDate(2, from == null ? null : Date.valueOf(from));
      ps.setDate(3, from == null ? null : Date.valueOf(from));
      ps.setDate(4, Date.valueOf(to));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBigDecimal(1);
      }
    }
  }

  public VatSummary vatSummary(Actor actor, LocalDate from, LocalDate to) {
    Validator v = new Validator();
    v.check(from != null, "from", "is required").check(to != null, "to", "is required");
    if (from != null && to != null) {
      v.check(!to.isBefore(from), "to", "is before from");
      v.check(!to.isAfter(from.plusYears(2)), "to", "is more than two years after from");
    }
    v.throwIfInvalid();
    return tx.reportInCompany(
        actor,
        (t, c) -> {
          Map<LocalDate, List<VatRate>> rates = vatRates(c, from, to);
          List<VatMonth> months = new ArrayList<>();
          for (VatMonth m : vatMonths(c, from, to)) {
            months.add(
                new VatMonth(
                    m.month(), m.output(), m.input(), rates.getOrDefault(m.month(), List.of())));
          }
          return new VatSummary(months, CompanyAdmin.currencyOf(t));
        });
  }

  /**
   * Output VAT (invoice lines less credit note lines) and input VAT (supplier bill lines) of each
   * month by rate. Rates are percents.
   */
  private static Map<LocalDate, List<VatRate>> vatRates(Connection c, LocalDate from, LocalDate to)
      throws SQLException {
    Map<LocalDate, List<VatRate>> out = new java.util.TreeMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT m, r, sum(o), sum(i) FROM ("
                + " SELECT date_trunc('month', v.invoice_date)::date AS m, l.vat_rate AS r,"
                + "  CASE v.kind WHEN 'CREDIT_NOTE' THEN -l.vat ELSE l.vat END AS o, 0 AS i"
                + "  FROM sales_invoice_line l JOIN sales_invoice v ON v.id = l.invoice_id"
                + "  WHERE v.invoice_date BETWEEN ? AND ?"
                + " UNION ALL SELECT date_trunc('month', b.bill_date)::date, l.vat_rate, 0, l.vat"
                + "  FROM supplier_bill_line l JOIN supplier_bill b ON b.id = l.bill_id"
                + "  WHERE b.bill_date BETWEEN ? AND ?) x"
                + " GROUP BY m, r ORDER BY m, r DESC")) {
      ps.setDate(1, Date.valueOf(from));
      ps.setDate(2, Date.valueOf(to));
      ps.setDate(3, Date.valueOf(from));
      ps.setDate(4, Date.valueOf(to));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          BigDecimal rate = rs.getBigDecimal(2);
          out.computeIfAbsent(rs.getDate(1).toLocalDate(), k -> new ArrayList<>())
              .add(
                  new VatRate(rate.stripTrailingZeros(), rs.getBigDecimal(3), rs.getBigDecimal(4)));
        }
      }
    }
    return out;
  }

  /**
   * Output and input VAT of each month from {@code from}'s month to {@code to}, from the posted
   * journal.
   */
  public static List<VatMonth> vatMonths(Connection c, LocalDate from, LocalDate to)
      throws SQLException {
    List<VatMonth> months = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT m.month,"
                + " coalesce(sum(l.credit - l.debit) FILTER (WHERE a.code = ?), 0),"
                + " coalesce(sum(l.debit - l.credit) FILTER (WHERE a.code = ?), 0)"
                + " FROM generate_series(date_trunc('month', ?::date), ?::date, interval '1 month') m(month)"
                + " LEFT JOIN journal_entry e ON date_trunc('month', e.entry_date) = m.month"
                + "  AND e.entry_date BETWEEN ? AND ?"
                + " LEFT JOIN journal_line l ON l.entry_id = e.id"
                + " LEFT JOIN account a ON a.id = l.account_id AND a.code IN (?, ?)"
                + " GROUP BY m.month ORDER BY m.month")) {
      ps.setString(1, OUTPUT_VAT);
      ps.setString(2, INPUT_VAT);
      ps.setDate(3, Date.valueOf(from));
      ps.setDate(4, Date.valueOf(to));
      ps.setDate(5, Date.valueOf(from));
      ps.setDate(6, Date.valueOf(to));
      ps.setString(7, OUTPUT_VAT);
      ps.setString(8, INPUT_VAT);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          months.add(
              new VatMonth(
                  rs.getTimestamp(1).toLocalDateTime().toLocalDate(),
                  rs.getBigDecimal(2),
                  rs.getBigDecimal(3)));
        }
      }
    }
    return months;
  }
}
