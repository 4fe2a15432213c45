package io.millstone.server.papers.vat;

import io.millstone.server.papers.Letterhead;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Validator;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The VAT registers (Mushak 6.1 purchase book, 6.2 sales book) and the monthly return (Mushak 9.1),
 * read from the posted document lines: the same lines {@code LedgerReports.vatSummary} sums by rate
 * and the journal posts, so the books reconcile with the ledger to the paisa.
 */
public final class VatBooks {
  /** The standard rate of the VAT and Supplementary Duty Act 2012, in percent. */
  static final BigDecimal STANDARD_RATE = new BigDecimal("15");

  public enum Kind {
    PURCHASE,
    SALES
  }

  /** One document line of a book; a credit note's amounts and quantity are negative. */
  public record Line(
      int serial,
      LocalDate date,
      String documentNumber,
      String documentKind,
      String partyName,
      String partyBin,
      String partyAddress,
      String itemCode,
      String description,
      BigDecimal quantity,
      String unitCode,
      BigDecimal taxableValue,
      BigDecimal supplementaryDuty,
      BigDecimal vatRate,
      BigDecimal vat,
      String taxCategory) {
    public BigDecimal total() {
      return taxableValue.add(supplementaryDuty).add(vat);
    }
  }

  public record Book(
      Kind kind, LocalDate from, LocalDate to, List<Line> lines, Letterhead company) {
    public BigDecimal taxableValue() {
      return lines.stream().map(Line::taxableValue).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal supplementaryDuty() {
      return lines.stream().map(Line::supplementaryDuty).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal vat() {
      return lines.stream().map(Line::vat).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal total() {
      return lines.stream().map(Line::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  /** A line of a 9.1 part: the note of the form, its rate and sums. */
  public record ReturnLine(
      String note,
      BigDecimal rate,
      BigDecimal value,
      BigDecimal supplementaryDuty,
      BigDecimal vat) {}

  public record Return(
      int year,
      int month,
      List<ReturnLine> supplies,
      List<ReturnLine> purchases,
      List<ReturnLine> increasing,
      List<ReturnLine> decreasing,
      Letterhead company) {
    static BigDecimal vatOf(List<ReturnLine> l) {
      return l.stream().map(ReturnLine::vat).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal outputVat() {
      return vatOf(supplies);
    }

    public BigDecimal inputVat() {
      return vatOf(purchases);
    }

    public BigDecimal increasingTotal() {
      return vatOf(increasing);
    }

    public BigDecimal decreasingTotal() {
      return vatOf(decreasing);
    }

    /** Part 6, note 34: output - input + increasing - decreasing. */
    public BigDecimal netPayable() {
      return outputVat().subtract(inputVat()).add(increasingTotal()).subtract(decreasingTotal());
    }
  }

  private final Transactions tx;

  public VatBooks(Transactions tx) {
    this.tx = tx;
  }

  /** Checks a book's period: both dates, from not after to, at most one year. */
  public static void checkPeriod(Kind kind, LocalDate from, LocalDate to) {
    Validator v = new Validator();
    v.check(kind != null, "kind", "must be PURCHASE (Mushak 6.1) or SALES (Mushak 6.2)");
    v.check(from != null, "from", "is required").check(to != null, "to", "is required");
    if (from != null && to != null) {
      v.check(!to.isBefore(from), "to", "is before from");
      v.check(
          to.isBefore(from.plusYears(1)),
          "to",
          "is more than a year after from; print a year at most");
    }
    v.throwIfInvalid();
  }

  public static void checkMonth(int year, int month) {
    new Validator()
        .check(year >= 2000 && year <= 2999, "year", "must be a year from 2000 to 2999")
        .check(month >= 1 && month <= 12, "month", "must be 1 to 12")
        .throwIfInvalid();
  }

  public Book book(Actor actor, Kind kind, LocalDate from, LocalDate to) {
    checkPeriod(kind, from, to);
    return tx.reportInCompany(
        actor, (t, c) -> new Book(kind, from, to, lines(c, kind, from, to), company(t, c)));
  }

  public Return vatReturn(Actor actor, int year, int month) {
    checkMonth(year, month);
    LocalDate from = LocalDate.of(year, month, 1);
    LocalDate to = from.plusMonths(1).minusDays(1);
    return tx.reportInCompany(
        actor,
        (t, c) -> {
          List<Line> sales = lines(c, Kind.SALES, from, to);
          List<Line> purchases = lines(c, Kind.PURCHASE, from, to);
          List<ReturnLine> supplies =
              byNote(sales.stream().filter(l -> l.documentKind().equals("INVOICE")).toList(), true);
          List<ReturnLine> bought = byNote(purchases, false);
          // Part 5: a credit note decreases output VAT (note 31), by rate, as a positive figure.
          List<ReturnLine> decreasing = new ArrayList<>();
          Map<BigDecimal, BigDecimal[]> credits =
              new TreeMap<>(java.util.Comparator.reverseOrder());
          for (Line l : sales) {
            if (l.documentKind().equals("CREDIT_NOTE")) {
              BigDecimal[] s =
                  credits.computeIfAbsent(
                      l.vatRate(),
                      k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
              s[0] = s[0].subtract(l.taxableValue());
              s[1] = s[1].subtract(l.supplementaryDuty());
              s[2] = s[2].subtract(l.vat());
            }
          }
          credits.forEach(
              (rate, s) -> decreasing.add(new ReturnLine("31", rate, s[0], s[1], s[2])));
          return new Return(year, month, supplies, bought, List.of(), decreasing, company(t, c));
        });
  }

  /**
   * The 9.1 note of a line: supplies 1 zero-rated, 3 exempt, 4 standard-rated (15 %), 7 other
   * rates; purchases 10 zero-rated, 12 exempt, 14 standard-rated, 16 other rates (local; the books
   * hold no imports).
   */
  static String note(Line l, boolean supply) {
    if (l.vatRate().signum() == 0) {
      if ("ZERO_RATED".equals(l.taxCategory())) {
        return supply ? "1" : "10";
      }
      return supply ? "3" : "12";
    }
    if (l.vatRate().compareTo(STANDARD_RATE) == 0) {
      return supply ? "4" : "14";
    }
    return supply ? "7" : "16";
  }

  private static List<ReturnLine> byNote(List<Line> lines, boolean supply) {
    record Key(int note, BigDecimal rate) {}
    Map<Key, BigDecimal[]> sums =
        new TreeMap<>(
            java.util.Comparator.comparingInt(Key::note)
                .thenComparing(Key::rate, java.util.Comparator.reverseOrder()));
    for (Line l : lines) {
      BigDecimal[] s =
          sums.computeIfAbsent(
              new Key(Integer.parseInt(note(l, supply)), l.vatRate()),
              k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
      s[0] = s[0].add(l.taxableValue());
      s[1] = s[1].add(l.supplementaryDuty());
      s[2] = s[2].add(l.vat());
    }
    List<ReturnLine> out = new ArrayList<>();
    sums.forEach(
        (k, s) -> out.add(new ReturnLine(String.valueOf(k.note()), k.rate(), s[0], s[1], s[2])));
    return out;
  }

  /** The company as the forms name it, and how it writes amounts and dates. */
  private static Letterhead company(io.millstone.server.platform.Tx t, Connection c)
      throws SQLException {
    return Letterhead.read(c, t.actor().orElseThrow().companyId());
  }

  /**
   * The lines of a book in date and document order. Sales: invoice and credit note lines (a credit
   * note's negative), purchases: supplier bill lines under the supplier's invoice number. Row-level
   * security keeps them to the caller's company.
   */
  static List<Line> lines(Connection c, Kind kind, LocalDate from, LocalDate to)
      throws SQLException {
    String sql =
        kind == Kind.SALES
            ? "SELECT v.invoice_date, v.number, v.kind, p.name, p.bin, p.address, i.code, i.name,"
                + " l.quantity, i.unit_code, l.net, l.vat_rate, l.vat, i.tax_category"
                + " FROM sales_invoice_line l JOIN sales_invoice v ON v.id = l.invoice_id"
                + " JOIN party p ON p.id = v.customer_id JOIN item i ON i.id = l.item_id"
                + " WHERE v.invoice_date BETWEEN ? AND ?"
                + " ORDER BY v.invoice_date, v.posted_at, v.number, l.line_no"
            : "SELECT b.bill_date, b.supplier_invoice, 'BILL', p.name, p.bin, p.address, i.code,"
                + " i.name, l.quantity, i.unit_code, l.net, l.vat_rate, l.vat, i.tax_category"
                + " FROM supplier_bill_line l JOIN supplier_bill b ON b.id = l.bill_id"
                + " JOIN purchase_order_line o ON o.id = l.order_line_id"
                + " JOIN party p ON p.id = b.supplier_id JOIN item i ON i.id = o.item_id"
                + " WHERE b.bill_date BETWEEN ? AND ?"
                + " ORDER BY b.bill_date, b.posted_at, b.number, l.line_no";
    List<Line> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setDate(1, Date.valueOf(from));
      ps.setDate(2, Date.valueOf(to));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          boolean credit = "CREDIT_NOTE".equals(rs.getString(3));
          BigDecimal qty = rs.getBigDecimal(9);
          BigDecimal net = rs.getBigDecimal(11);
          BigDecimal vat = rs.getBigDecimal(13);
          out.add(
              new Line(
                  out.size() + 1,
                  rs.getDate(1).toLocalDate(),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  credit ? qty.negate() : qty,
                  rs.getString(10),
                  credit ? net.negate() : net,
                  BigDecimal.ZERO,
                  rs.getBigDecimal(12).stripTrailingZeros(),
                  credit ? vat.negate() : vat,
                  rs.getString(14)));
        }
      }
    }
    return out;
  }
}
