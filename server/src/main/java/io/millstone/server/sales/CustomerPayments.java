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
import io.millstone.server.platform.Decimals;
import io.millstone.server.platform.Idempotency;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.Money;
import io.millstone.server.platform.Notices;
import io.millstone.server.platform.Notices.Notice;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Tx;
import io.millstone.server.platform.Validator;
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
import java.util.Locale;
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
      List<AllocationInput> allocations,
      boolean onAccount) {
    Settlement.Request r =
        onAccount
            ? onAccount(key, customerCode, date, amountText, method, reference, allocations)
            : Settlement.read(
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
                  cust
                      + '\u001f'
                      + date
                      + '\u001f'
                      + amount
                      + m
                      + ref
                      + allocations
                      + (onAccount ? "\u001fon account" : ""),
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

  // ---------------------------------------------------------------- advances

  /**
   * A payment read like {@link Settlement#read}, except that its allocations may add up to less
   * than the amount, or be none: the rest stays on the customer's account as an advance.
   */
  private static Settlement.Request onAccount(
      String key,
      String customerCode,
      LocalDate date,
      String amountText,
      String method,
      String reference,
      List<AllocationInput> allocations) {
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    v.text(customerCode, "customer_code", 32);
    v.check(date != null, "payment_date", "is required");
    BigDecimal amount = Decimals.parse(v, "amount", amountText, Amounts.SCALE, true);
    v.check(amount == null || amount.signum() > 0, "amount", "must be more than zero");
    PaymentMethod m = PaymentMethod.read(v, "method", method);
    v.check(
        reference == null || reference.length() <= 100,
        "reference",
        "is too long (at most 100 characters)");
    Allocations alloc = allocations(v, allocations, amount);
    v.throwIfInvalid();
    return new Settlement.Request(
        customerCode.trim().toUpperCase(Locale.ROOT),
        date,
        amount,
        m,
        reference == null ? "" : reference.trim(),
        alloc);
  }

  /** Allocations adding up to at most {@code most} (none allowed), checked on {@code v}. */
  private static Allocations allocations(Validator v, List<AllocationInput> in, BigDecimal most) {
    if (in.isEmpty()) {
      return new Allocations(List.of(), List.of());
    }
    Allocations alloc =
        Allocations.read(
            v,
            in,
            AllocationInput::invoiceId,
            AllocationInput::amount,
            "invoice_id",
            "invoice",
            null);
    BigDecimal sum =
        alloc.amounts().stream()
            .filter(java.util.Objects::nonNull)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    if (most != null) {
      v.check(
          sum.compareTo(most) <= 0,
          "allocations",
          "advance_allocations_exceed",
          "add up to "
              + Amounts.money(sum)
              + ", more than the "
              + Amounts.money(most)
              + " there is",
          new Money(sum),
          new Money(most));
    }
    return alloc;
  }

  List<PaymentView> advances(Actor actor, String customerCode) {
    new Validator().text(customerCode, "customer_code", 32).throwIfInvalid();
    String cust = customerCode.trim().toUpperCase(Locale.ROOT);
    return tx.inCompany(
        actor,
        t -> {
          List<UUID> ids =
              Jdbc.work(
                  t,
                  c -> {
                    CustomerRow.byCode(c, cust, "customer_code");
                    List<UUID> out = new ArrayList<>();
                    try (PreparedStatement ps =
                        c.prepareStatement(
                            "SELECT m.id FROM customer_payment m JOIN party p ON p.id = m.customer_id"
                                + " WHERE p.code = ? AND m.amount > (SELECT coalesce(sum(a.amount), 0)"
                                + " FROM payment_allocation a WHERE a.payment_id = m.id)"
                                + " ORDER BY m.payment_date, m.number")) {
                      ps.setString(1, cust);
                      try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                          out.add(rs.getObject(1, UUID.class));
                        }
                      }
                    }
                    return out;
                  });
          return ids.stream().map(id -> payment(t, id)).toList();
        });
  }

  /**
   * Sets what is left of an advance against open invoices of its customer. Nothing is posted to the
   * books: the receipt credited the customer's receivable and the invoice debited it already.
   */
  PaymentView apply(Actor actor, String key, String paymentId, List<AllocationInput> allocations) {
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    UUID id = Ids.parseOrNull(paymentId);
    v.check(id != null, "payment_id", "is not a payment id");
    v.check(!allocations.isEmpty(), "allocations", "needs at least one invoice to pay");
    Allocations alloc = allocations(v, allocations, null);
    v.throwIfInvalid();
    return tx.inCompany(
        actor,
        t -> {
          var outcome =
              Idempotency.once(
                  t,
                  key,
                  "sales.payment.apply",
                  paymentId + '\u001f' + allocations,
                  applied -> {
                    String[] head = new String[2];
                    BigDecimal left =
                        Jdbc.work(
                            t,
                            c -> {
                              // Applying one advance twice at once queues here (the payment
                              // rows are insert-only for the runtime role: no row lock).
                              try (PreparedStatement lock =
                                  c.prepareStatement(
                                      "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                                lock.setString(1, "customer_payment/" + id);
                                lock.executeQuery().close();
                              }
                              try (PreparedStatement ps =
                                  c.prepareStatement(
                                      "SELECT m.number, p.code, m.amount - (SELECT coalesce(sum(a.amount), 0)"
                                          + " FROM payment_allocation a WHERE a.payment_id = m.id)"
                                          + " FROM customer_payment m JOIN party p ON p.id = m.customer_id"
                                          + " WHERE m.id = ?")) {
                                ps.setObject(1, id);
                                try (ResultSet rs = ps.executeQuery()) {
                                  if (!rs.next()) {
                                    throw new NotFoundException("Payment", paymentId);
                                  }
                                  head[0] = rs.getString(1);
                                  head[1] = rs.getString(2);
                                  return rs.getBigDecimal(3);
                                }
                              }
                            });
                    Validator more = new Validator();
                    allocations(more, allocations, left);
                    more.throwIfInvalid();
                    Settlement.check(
                        t, alloc, head[1], CustomerPayments::open, "invoice_id", "an invoice");
                    Jdbc.work(
                        t,
                        c -> {
                          try (PreparedStatement ps =
                                  c.prepareStatement(
                                      "INSERT INTO payment_allocation (id, company_id, payment_id,"
                                          + " invoice_id, amount) VALUES (?, ?, ?, ?, ?)");
                              PreparedStatement up =
                                  c.prepareStatement(
                                      "UPDATE sales_invoice SET settled = settled + ? WHERE id = ?")) {
                            for (int i = 0; i < alloc.documents().size(); i++) {
                              ps.setObject(1, io.millstone.server.platform.Ids.newId());
                              ps.setObject(2, actor.companyId());
                              ps.setObject(3, id);
                              ps.setObject(4, alloc.documents().get(i));
                              ps.setBigDecimal(5, alloc.amounts().get(i));
                              ps.addBatch();
                              up.setBigDecimal(1, alloc.amounts().get(i));
                              up.setObject(2, alloc.documents().get(i));
                              up.addBatch();
                            }
                            ps.executeBatch();
                            up.executeBatch();
                          }
                          return null;
                        });
                    t.audit(
                        "sales.payment.apply",
                        "customer_payment",
                        id,
                        "advance "
                            + head[0]
                            + " of "
                            + head[1]
                            + " set against "
                            + alloc.documents().size()
                            + " invoice(s)");
                    return applied;
                  });
          return payment(t, id);
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
