package io.millstone.server.sales;

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
import io.millstone.server.platform.Tx;
import io.millstone.server.platform.error.NotFoundException;
import io.millstone.server.sales.SalesDesk.AllocationInput;
import io.millstone.server.sales.SalesDesk.AllocationView;
import io.millstone.server.sales.SalesDesk.InvoiceView;
import io.millstone.server.sales.SalesDesk.PaymentView;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Payments from customers, settling their open invoices, and the receivables ageing. */
final class CustomerPayments {
  private final Transactions tx;
  private final Books books;
  private final Clock clock;

  CustomerPayments(Transactions tx, Books books, Clock clock) {
    this.tx = tx;
    this.books = books;
    this.clock = clock;
  }

  PaymentView post(
      Actor actor,
      String key,
      String customerCode,
      LocalDate date,
      String amountText,
      String method,
      String reference,
      List<AllocationInput> allocations) {
    Settlement.Request r =
        Settlement.read(
            key,
            "customer_code",
            customerCode,
            date,
            amountText,
            method,
            reference,
            allocations,
            AllocationInput::invoiceId,
            AllocationInput::amount,
            "invoice_id",
            "invoice");
    Allocations alloc = r.allocations();
    List<UUID> invoices = alloc.documents();
    BigDecimal amount = r.amount();
    PaymentMethod m = r.method();
    String cust = r.partyCode();
    String ref = r.reference();
    return tx.inCompany(
        actor,
        t -> {
          var outcome =
              Idempotency.once(
                  t,
                  key,
                  "sales.payment.post",
                  cust + '\u001f' + date + '\u001f' + amount + m + ref + allocations,
                  paymentId -> {
                    CustomerRow customer =
                        Jdbc.work(t, c -> CustomerRow.byCode(c, cust, "customer_code"));
                    String number = books.sequenceNumber(t, "RV", date);
                    Settlement.check(
                        t,
                        alloc,
                        customer.code(),
                        CustomerPayments::open,
                        "invoice_id",
                        "an invoice");
                    UUID entry =
                        Settlement.post(
                            books,
                            t,
                            date,
                            "Payment " + number + " from " + customer.code(),
                            "PAYMENT",
                            paymentId,
                            true,
                            m,
                            AccountRole.RECEIVABLE,
                            customer.code(),
                            amount,
                            ref);
                    Settlement.record(
                        t,
                        actor,
                        Settlement.Tables.CUSTOMER,
                        paymentId,
                        number,
                        customer.id(),
                        r,
                        entry,
                        clock.instant());
                    t.audit(
                        "sales.payment.post",
                        "customer_payment",
                        paymentId,
                        number + " from " + customer.code() + ", " + Amounts.money(amount));
                    Notices.add(
                        t,
                        Notice.toPermission(
                            "sales.read",
                            "sales.payment.posted",
                            "Payment "
                                + number
                                + " received from "
                                + customer.code()
                                + ", "
                                + Amounts.money(amount),
                            "customer_payment",
                            paymentId,
                            number,
                            customer.code(),
                            Amounts.money(amount)));
                    return paymentId;
                  });
          return payment(t, outcome.id());
        });
  }

  // ---------------------------------------------------------------- reports

  Ageing receivablesAgeing(Actor actor, LocalDate asOf) {
    return tx.reportInCompany(
        actor, (t, c) -> Ageing.of(t, c, clock, Receivables.OPEN_INVOICES, asOf));
  }

  private static PaymentView payment(Tx t, UUID id) {
    String currency = CompanyAdmin.currencyOf(t);
    return Jdbc.work(
        t,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT m.number, p.code, m.payment_date, m.amount, m.method, m.reference, m.journal_entry_id"
                      + " FROM customer_payment m JOIN party p ON p.id = m.customer_id WHERE m.id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw new NotFoundException("Payment", id.toString());
              }
              List<AllocationView> allocations = new ArrayList<>();
              try (PreparedStatement pa =
                  c.prepareStatement(
                      "SELECT a.invoice_id, s.number, a.amount FROM payment_allocation a"
                          + " JOIN sales_invoice s ON s.id = a.invoice_id WHERE a.payment_id = ? ORDER BY s.number")) {
                pa.setObject(1, id);
                try (ResultSet ra = pa.executeQuery()) {
                  while (ra.next()) {
                    allocations.add(
                        new AllocationView(
                            ra.getObject(1, UUID.class), ra.getString(2), ra.getBigDecimal(3)));
                  }
                }
              }
              return new PaymentView(
                  id,
                  rs.getString(1),
                  rs.getString(2),
                  rs.getDate(3).toLocalDate(),
                  rs.getBigDecimal(4),
                  PaymentMethod.valueOf(rs.getString(5)),
                  rs.getString(6),
                  allocations,
                  Books.entryNumber(c, rs.getObject(7, UUID.class)),
                  currency);
            }
          }
        });
  }

  private static Settlement.Open open(Connection c, UUID invoice) throws SQLException {
    InvoiceView inv = InvoiceRows.locked(c, invoice);
    return new Settlement.Open(
        inv.number(), inv.customerCode(), inv.kind().equals("INVOICE"), inv.open());
  }
}
