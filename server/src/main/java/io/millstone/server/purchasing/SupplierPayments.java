package io.millstone.server.purchasing;

import io.millstone.server.accounting.AccountRole;
import io.millstone.server.accounting.Ageing;
import io.millstone.server.accounting.Allocations;
import io.millstone.server.accounting.Books;
import io.millstone.server.accounting.PaymentMethod;
import io.millstone.server.accounting.Settlement;
import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Amounts;
import io.millstone.server.platform.Idempotency;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.Transactions;
import io.millstone.server.purchasing.PurchaseDesk.AllocationInput;
import io.millstone.server.purchasing.PurchaseDesk.BillView;
import io.millstone.server.purchasing.PurchaseDesk.PaymentView;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Payments to suppliers, settling their open bills, and the payables ageing. */
final class SupplierPayments {
  private final Transactions tx;
  private final Books books;
  private final Clock clock;

  SupplierPayments(Transactions tx, Books books, Clock clock) {
    this.tx = tx;
    this.books = books;
    this.clock = clock;
  }

  PaymentView pay(
      Actor actor,
      String key,
      String supplierCode,
      LocalDate date,
      String amountText,
      String method,
      String reference,
      List<AllocationInput> allocations) {
    Settlement.Request r =
        Settlement.read(
            key,
            "supplier_code",
            supplierCode,
            date,
            amountText,
            method,
            reference,
            allocations,
            AllocationInput::billId,
            AllocationInput::amount,
            "bill_id",
            "bill");
    Allocations alloc = r.allocations();
    List<UUID> bills = alloc.documents();
    List<BigDecimal> amounts = alloc.amounts();
    BigDecimal amount = r.amount();
    PaymentMethod m = r.method();
    String code = r.partyCode();
    String ref = r.reference();
    return tx.inCompany(
        actor,
        t -> {
          var outcome =
              Idempotency.once(
                  t,
                  key,
                  "purchasing.payment.post",
                  code + '\u001f' + date + '\u001f' + amount + m + ref + allocations,
                  paymentId -> {
                    SupplierRow s = Jdbc.work(t, c -> SupplierRow.byCode(c, code));
                    String number = books.sequenceNumber(t, "PV", date);
                    Settlement.check(
                        t, alloc, s.code(), SupplierPayments::open, "bill_id", "a bill");
                    UUID entry =
                        Settlement.post(
                            books,
                            t,
                            date,
                            "Payment " + number + " to " + s.code(),
                            "SUPPLIER_PAYMENT",
                            paymentId,
                            false,
                            m,
                            AccountRole.PAYABLE,
                            s.code(),
                            amount,
                            ref);
                    Jdbc.work(
                        t,
                        c -> {
                          try (PreparedStatement ps =
                              c.prepareStatement(
                                  "INSERT INTO supplier_payment (id, company_id, number, supplier_id, payment_date,"
                                      + " amount, method, reference, journal_entry_id, posted_at, posted_by)"
                                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                            ps.setObject(1, paymentId);
                            ps.setObject(2, actor.companyId());
                            ps.setString(3, number);
                            ps.setObject(4, s.id());
                            ps.setDate(5, Date.valueOf(date));
                            ps.setBigDecimal(6, amount);
                            ps.setString(7, m.name());
                            ps.setString(8, ref);
                            ps.setObject(9, entry);
                            ps.setTimestamp(10, Timestamp.from(clock.instant()));
                            ps.setString(11, actor.username());
                            ps.executeUpdate();
                          }
                          try (PreparedStatement ps =
                                  c.prepareStatement(
                                      "INSERT INTO supplier_payment_allocation (id, company_id, payment_id, bill_id,"
                                          + " amount) VALUES (?, ?, ?, ?, ?)");
                              PreparedStatement up =
                                  c.prepareStatement(
                                      "UPDATE supplier_bill SET settled = settled + ? WHERE id = ?")) {
                            for (int i = 0; i < bills.size(); i++) {
                              ps.setObject(1, Ids.newId());
                              ps.setObject(2, actor.companyId());
                              ps.setObject(3, paymentId);
                              ps.setObject(4, bills.get(i));
                              ps.setBigDecimal(5, amounts.get(i));
                              ps.addBatch();
                              up.setBigDecimal(1, amounts.get(i));
                              up.setObject(2, bills.get(i));
                              up.addBatch();
                            }
                            ps.executeBatch();
                            up.executeBatch();
                          }
                          return null;
                        });
                    t.audit(
                        "purchasing.payment.post",
                        "supplier_payment",
                        paymentId,
                        number + " to " + s.code() + ", " + Amounts.money(amount));
                    return paymentId;
                  });
          return Jdbc.work(t, c -> payment(c, outcome.id(), CompanyAdmin.currencyOf(t)));
        });
  }

  /** Open bills per supplier by days past due. */
  Ageing payablesAgeing(Actor actor, LocalDate asOf) {
    return tx.reportInCompany(
        actor,
        (t, c) ->
            Ageing.of(
                t,
                c,
                clock,
                "SELECT p.code, p.name, b.due_date, b.gross - b.settled FROM supplier_bill b"
                    + " JOIN party p ON p.id = b.supplier_id"
                    + " WHERE b.settled < b.gross AND b.bill_date <= ?",
                asOf));
  }

  private static PaymentView payment(Connection c, UUID id, String currency) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT m.number, p.code, m.payment_date, m.amount, m.journal_entry_id"
                + " FROM supplier_payment m JOIN party p ON p.id = m.supplier_id WHERE m.id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new PaymentView(
            id,
            rs.getString(1),
            rs.getString(2),
            rs.getDate(3).toLocalDate(),
            rs.getBigDecimal(4),
            Books.entryNumber(c, rs.getObject(5, UUID.class)),
            currency);
      }
    }
  }

  private static Settlement.Open open(Connection c, UUID bill) throws SQLException {
    BillView b = SupplierBills.lockedBill(c, bill);
    return new Settlement.Open(b.number(), b.supplierCode(), true, b.open());
  }
}
