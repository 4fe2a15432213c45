package io.millstone.server.accounting;

import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Amounts;
import io.millstone.server.platform.Decimals;
import io.millstone.server.platform.Idempotency;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.Money;
import io.millstone.server.platform.Tx;
import io.millstone.server.platform.Validator;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * What a customer receipt and a supplier payment share: each allocated document is locked (in id
 * order, so concurrent payments never deadlock), must belong to the party and have that much open;
 * the payment posts money against the party's receivable or payable.
 */
public final class Settlement {
  private Settlement() {}

  /** A payment as sent, checked: whose, when, how much, how, and against which documents. */
  public record Request(
      String partyCode,
      LocalDate date,
      BigDecimal amount,
      PaymentMethod method,
      String reference,
      Allocations allocations) {}

  /**
   * Checks a payment as sent; refuses it with every bad field at once.
   *
   * @param partyField "customer_code" or "supplier_code"
   * @param idField the allocation's document field, "invoice_id" or "bill_id"
   * @param what what a document is called, "invoice" or "bill"
   */
  public static <T> Request read(
      String key,
      String partyField,
      String partyCode,
      LocalDate date,
      String amountText,
      String method,
      String reference,
      List<T> allocations,
      Function<T, String> documentId,
      Function<T, String> allocated,
      String idField,
      String what) {
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    v.text(partyCode, partyField, 32);
    v.check(date != null, "payment_date", "is required");
    BigDecimal amount = Decimals.parse(v, "amount", amountText, Amounts.SCALE, true);
    v.check(amount == null || amount.signum() > 0, "amount", "must be more than zero");
    PaymentMethod m = PaymentMethod.read(v, "method", method);
    v.check(
        reference == null || reference.length() <= 100,
        "reference",
        "is too long (at most 100 characters)");
    Allocations alloc =
        Allocations.read(v, allocations, documentId, allocated, idField, what, amount);
    v.throwIfInvalid();
    return new Request(
        partyCode.trim().toUpperCase(Locale.ROOT),
        date,
        amount,
        m,
        reference == null ? "" : reference.trim(),
        alloc);
  }

  /** An open document as a payment sees it. */
  public record Open(String number, String partyCode, boolean payable, BigDecimal open) {}

  /** Locks one document of the caller's kind and reads it. */
  @FunctionalInterface
  public interface Locker {
    Open lock(Connection c, UUID id) throws SQLException;
  }

  /**
   * Locks the allocated documents and checks them; refuses with field violations under {@code
   * allocations[i]}.
   *
   * @param idField "invoice_id" or "bill_id"
   * @param what "an invoice" or "a bill", for the refusal
   */
  public static void check(
      Tx t, Allocations alloc, String partyCode, Locker locker, String idField, String what) {
    List<UUID> docs = alloc.documents();
    List<BigDecimal> amounts = alloc.amounts();
    Validator check = new Validator();
    for (int i : alloc.lockOrder()) {
      Open d = Jdbc.work(t, c -> locker.lock(c, docs.get(i)));
      String field = "allocations[" + i + "]";
      check.check(
          d.payable() && d.partyCode().equals(partyCode),
          field + "." + idField,
          d.number() + " is not " + what + " of " + partyCode);
      check.check(
          amounts.get(i).compareTo(d.open()) <= 0,
          field + ".amount",
          "allocation_exceeds_open",
          d.number() + " has only " + Amounts.money(d.open()) + " open",
          d.number(),
          new Money(d.open()));
    }
    check.throwIfInvalid();
  }

  /**
   * Posts the payment: money in (a receipt: {@code incoming}) debits the bank or cash and credits
   * the party's account, money out the other way round.
   */
  public static UUID post(
      Books books,
      Tx t,
      LocalDate date,
      String memo,
      String source,
      UUID paymentId,
      boolean incoming,
      PaymentMethod method,
      AccountRole party,
      String partyCode,
      BigDecimal amount,
      String reference) {
    Books.Line money =
        incoming
            ? new Books.Line(method.account().code(), amount, BigDecimal.ZERO, reference)
            : new Books.Line(method.account().code(), BigDecimal.ZERO, amount, reference);
    Books.Line account =
        incoming
            ? new Books.Line(party.code(), BigDecimal.ZERO, amount, partyCode)
            : new Books.Line(party.code(), amount, BigDecimal.ZERO, partyCode);
    return books.post(
        t,
        date,
        memo,
        source,
        paymentId,
        incoming ? List.of(money, account) : List.of(account, money));
  }

  /**
   * Where one side keeps its payments: the payment table and its party column, the allocation table
   * and its document column, and the documents whose {@code settled} grows.
   */
  public record Tables(
      String payment,
      String partyColumn,
      String allocation,
      String documentColumn,
      String documents) {
    public static final Tables CUSTOMER =
        new Tables(
            "customer_payment", "customer_id", "payment_allocation", "invoice_id", "sales_invoice");
    public static final Tables SUPPLIER =
        new Tables(
            "supplier_payment",
            "supplier_id",
            "supplier_payment_allocation",
            "bill_id",
            "supplier_bill");
  }

  /**
   * Writes the posted payment, its allocations, and what each settled document has now been paid:
   * three statements, the last two batched.
   */
  public static void record(
      Tx t,
      Actor actor,
      Tables tables,
      UUID paymentId,
      String number,
      UUID partyId,
      Request r,
      UUID journalEntry,
      Instant postedAt) {
    UUID company = actor.companyId();
    List<UUID> documents = r.allocations().documents();
    List<BigDecimal> amounts = r.allocations().amounts();
    Jdbc.work(
        t,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO "
                      + tables.payment()
                      + " (id, company_id, number, "
                      + tables.partyColumn()
                      + ", payment_date, amount, method, reference, journal_entry_id, posted_at,"
                      + " posted_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, paymentId);
            ps.setObject(2, company);
            ps.setString(3, number);
            ps.setObject(4, partyId);
            ps.setDate(5, Date.valueOf(r.date()));
            ps.setBigDecimal(6, r.amount());
            ps.setString(7, r.method().name());
            ps.setString(8, r.reference());
            ps.setObject(9, journalEntry);
            ps.setTimestamp(10, Timestamp.from(postedAt));
            ps.setString(11, actor.username());
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO "
                          + tables.allocation()
                          + " (id, company_id, payment_id, "
                          + tables.documentColumn()
                          + ", amount) VALUES (?, ?, ?, ?, ?)");
              PreparedStatement up =
                  c.prepareStatement(
                      "UPDATE " + tables.documents() + " SET settled = settled + ? WHERE id = ?")) {
            for (int i = 0; i < documents.size(); i++) {
              ps.setObject(1, Ids.newId());
              ps.setObject(2, company);
              ps.setObject(3, paymentId);
              ps.setObject(4, documents.get(i));
              ps.setBigDecimal(5, amounts.get(i));
              ps.addBatch();
              up.setBigDecimal(1, amounts.get(i));
              up.setObject(2, documents.get(i));
              up.addBatch();
            }
            ps.executeBatch();
            up.executeBatch();
          }
          return null;
        });
  }
}
