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
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.Notices;
import io.millstone.server.platform.Notices.Notice;
import io.millstone.server.platform.Transactions;
import io.millstone.server.purchasing.PurchaseDesk.AllocationInput;
import io.millstone.server.purchasing.PurchaseDesk.BillView;
import io.millstone.server.purchasing.PurchaseDesk.PaymentView;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
                    Settlement.record(
                        t,
                        actor,
                        Settlement.Tables.SUPPLIER,
                        paymentId,
                        number,
                        s.id(),
                        r,
                        entry,
                        clock.instant());
                    t.audit(
                        "purchasing.payment.post",
                        "supplier_payment",
                        paymentId,
                        number + " to " + s.code() + ", " + Amounts.money(amount));
                    Notices.add(
                        t,
                        Notice.toPermission(
                            "purchasing.read",
                            "purchasing.payment.posted",
                            "Payment " + number + " to " + s.code() + ", " + Amounts.money(amount),
                            "supplier_payment",
                            paymentId,
                            number,
                            s.code(),
                            Amounts.money(amount)));
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
