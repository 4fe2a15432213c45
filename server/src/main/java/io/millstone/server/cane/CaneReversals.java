package io.millstone.server.cane;

import io.millstone.server.accounting.Books;
import io.millstone.server.cane.CaneDesk.BillView;
import io.millstone.server.cane.CaneDesk.RunView;
import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Idempotency;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Tx;
import io.millstone.server.platform.error.BusinessRuleException;
import io.millstone.server.platform.error.NotFoundException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Corrections of cane bills and payment runs (ADR 0025 amendment): each is reversed by the exact
 * opposite of its entry, dated today in the company's zone, and marked REVERSED; nothing is
 * deleted. A reversed bill gives its loans back what it recovered and leaves its tickets unbilled;
 * a reversed run leaves the bills it paid unpaid. A bill paid by a standing run is reversed only
 * after the run.
 */
final class CaneReversals {
  private final Transactions tx;
  private final Books books;
  private final Clock clock;

  CaneReversals(Transactions tx, Books books, Clock clock) {
    this.tx = tx;
    this.books = books;
    this.clock = clock;
  }

  /**
   * A bill not paid by a standing payment run, reversed: the exact opposite of its recovery entry
   * (Dr 1150 / Cr 2020) dated today, the loans given back what it recovered, its tickets unbilled
   * again, and the bill REVERSED with the reason, who and when.
   */
  BillView reverseBill(Actor actor, String key, String bill, String reason) {
    String why = CaneRows.correctionReason(key, bill, "bill_id", reason);
    return tx.inCompany(
        actor,
        t -> {
          Idempotency.once(
              t,
              key,
              "cane.bill.reverse",
              bill.trim() + '\u001f' + why,
              id -> {
                reverseBill(t, actor, bill, why);
                return id;
              });
          Object[] row = Jdbc.work(t, c -> lockBill(c, bill));
          return Jdbc.work(
                  t, c -> CaneBills.read(c, CompanyAdmin.currencyOf(t), "b.id = ?", row[0]))
              .getFirst();
        });
  }

  /** id, number, state, paid, entry id, the standing run that paid it, reverse reason. */
  private static Object[] lockBill(Connection c, String bill) throws SQLException {
    UUID byId = Ids.parseOrNull(bill.trim());
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT b.id, b.number, b.state, b.paid, b.journal_entry_id, r.number,"
                + " b.reverse_reason FROM cane_bill b"
                + " LEFT JOIN cane_payment cp ON cp.bill_id = b.id AND NOT cp.reversed"
                + " LEFT JOIN cane_payment_run r ON r.id = cp.run_id WHERE "
                + (byId == null ? "b.number = ?" : "b.id = ?")
                + " FOR UPDATE OF b")) {
      ps.setObject(1, byId == null ? CaneRows.code(bill) : byId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("Cane bill", bill.trim());
        }
        return new Object[] {
          rs.getObject(1, UUID.class),
          rs.getString(2),
          rs.getString(3),
          rs.getBigDecimal(4),
          rs.getObject(5, UUID.class),
          rs.getString(6),
          rs.getString(7)
        };
      }
    }
  }

  private void reverseBill(Tx t, Actor actor, String bill, String why) {
    Object[] b = Jdbc.work(t, c -> lockBill(c, bill));
    UUID id = (UUID) b[0];
    String number = (String) b[1];
    if ("REVERSED".equals(b[2])) {
      throw new BusinessRuleException(
          "cane_bill_reversed", "Bill " + number + " was reversed already: " + b[6], number, b[6]);
    }
    if (b[5] != null || ((BigDecimal) b[3]).signum() > 0) {
      String run = b[5] == null ? "" : (String) b[5];
      throw new BusinessRuleException(
          "cane_bill_paid",
          "Bill " + number + " was paid by payment run " + run + "; reverse its payment run first.",
          number,
          run);
    }
    LocalDate today = CaneRows.today(t, clock);
    UUID reversal =
        b[4] == null ? null : books.reverseWithin(t, (UUID) b[4], today, "CANE_BILL", id).id();
    Jdbc.work(
        t,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE grower_loan l SET recovered = l.recovered - d.amount"
                      + " FROM cane_bill_deduction d WHERE d.bill_id = ? AND l.id = d.loan_id")) {
            ps.setObject(1, id);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE weighbridge_ticket SET bill_id = NULL WHERE bill_id = ?")) {
            ps.setObject(1, id);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE cane_bill SET state = 'REVERSED', reverse_reason = ?, reversed_at = ?,"
                      + " reversed_by = ?, reversal_entry_id = ? WHERE id = ?")) {
            ps.setString(1, why);
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.setString(3, actor.username());
            ps.setObject(4, reversal);
            ps.setObject(5, id);
            return ps.executeUpdate();
          }
        });
    t.audit("cane.bill.reverse", "cane_bill", id, number + " reversed (" + why + ")");
  }

  /**
   * A payment run reversed once: the exact opposite of its entry (Dr 1010 / 1020, Cr 2020) dated
   * today; the bills it paid are unpaid again and may be paid by another run.
   */
  RunView reverseRun(Actor actor, String key, String run, String reason) {
    String why = CaneRows.correctionReason(key, run, "run_id", reason);
    return tx.inCompany(
        actor,
        t -> {
          Idempotency.once(
              t,
              key,
              "cane.payment.reverse",
              run.trim() + '\u001f' + why,
              id -> {
                reverseRun(t, actor, run, why);
                return id;
              });
          return CaneBills.run(t, (UUID) Jdbc.work(t, c -> lockRun(c, run))[0]);
        });
  }

  /** id, number, state, entry id, reverse reason. */
  private static Object[] lockRun(Connection c, String run) throws SQLException {
    UUID byId = Ids.parseOrNull(run.trim());
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, number, state, journal_entry_id, reverse_reason FROM cane_payment_run"
                + " WHERE "
                + (byId == null ? "number = ?" : "id = ?")
                + " FOR UPDATE")) {
      ps.setObject(1, byId == null ? CaneRows.code(run) : byId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("Cane payment run", run.trim());
        }
        return new Object[] {
          rs.getObject(1, UUID.class),
          rs.getString(2),
          rs.getString(3),
          rs.getObject(4, UUID.class),
          rs.getString(5)
        };
      }
    }
  }

  private void reverseRun(Tx t, Actor actor, String run, String why) {
    Object[] r = Jdbc.work(t, c -> lockRun(c, run));
    UUID id = (UUID) r[0];
    String number = (String) r[1];
    if ("REVERSED".equals(r[2])) {
      throw new BusinessRuleException(
          "cane_run_reversed",
          "Payment run " + number + " was reversed already: " + r[4],
          number,
          r[4]);
    }
    LocalDate today = CaneRows.today(t, clock);
    UUID reversal = books.reverseWithin(t, (UUID) r[3], today, "CANE_PAYMENT", id).id();
    Jdbc.work(
        t,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE cane_bill b SET paid = 0 FROM cane_payment cp"
                      + " WHERE cp.run_id = ? AND cp.bill_id = b.id AND NOT cp.reversed")) {
            ps.setObject(1, id);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE cane_payment SET reversed = true WHERE run_id = ?")) {
            ps.setObject(1, id);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE cane_payment_run SET state = 'REVERSED', reverse_reason = ?,"
                      + " reversed_at = ?, reversed_by = ?, reversal_entry_id = ? WHERE id = ?")) {
            ps.setString(1, why);
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.setString(3, actor.username());
            ps.setObject(4, reversal);
            ps.setObject(5, id);
            return ps.executeUpdate();
          }
        });
    t.audit("cane.payment.reverse", "cane_payment_run", id, number + " reversed (" + why + ")");
  }
}
