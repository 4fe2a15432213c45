package io.millstone.server.masterdata;

import io.millstone.server.masterdata.MasterdataView.PartyView;
import io.millstone.server.masterdata.model.Party;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Decimals;
import io.millstone.server.platform.Idempotency;
import io.millstone.server.platform.ListQuery;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Tx;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.Versions;
import io.millstone.server.platform.error.AccessDeniedException;
import io.millstone.server.platform.error.InvalidInputException;
import io.millstone.server.platform.error.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.regex.Pattern;

/** Customers or suppliers: one party table, seen through one role at a time. */
public final class PartyAdmin {
  /** Which side of the business this instance serves. */
  public enum Role {
    CUSTOMER("Customer", "e.customer = true"),
    SUPPLIER("Supplier", "e.supplier = true");

    final String label;
    final String condition;

    Role(String label, String condition) {
      this.label = label;
      this.condition = condition;
    }
  }

  /** 13 digits since 30 November 2019; older 9- and 11-digit BINs are no longer valid. */
  private static final Pattern BIN = Pattern.compile("[0-9]{13}");

  private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{3,40}");

  /** Who may set or change a customer's credit: the accounts office, not the sales office. */
  public static final String CREDIT_PERMISSION = "masterdata.customers.credit";

  /**
   * A party's fields as a client sends them. A credit limit of zero (or none typed) gives no
   * credit; only {@code noCreditLimit} gives credit without a limit.
   */
  public record Input(
      String name,
      String address,
      String phone,
      String bin,
      String creditLimitAmount,
      String creditLimitCurrency,
      boolean noCreditLimit,
      int paymentTermsDays) {

    /** A party with a credit limit (zero or more), as most suppliers and new customers have. */
    public Input(
        String name,
        String address,
        String phone,
        String bin,
        String creditLimitAmount,
        String creditLimitCurrency,
        int paymentTermsDays) {
      this(
          name,
          address,
          phone,
          bin,
          creditLimitAmount,
          creditLimitCurrency,
          false,
          paymentTermsDays);
    }
  }

  private final Transactions tx;
  private final Clock clock;
  private final Role role;
  private final ListQuery<Party> list;

  public PartyAdmin(Transactions tx, Clock clock, Role role) {
    this.tx = tx;
    this.clock = clock;
    this.role = role;
    this.list =
        ListQuery.over(Party.class)
            .where(role.condition)
            .text("code", "e.code")
            .text("name", "e.name")
            .text("bin", "e.bin")
            .text("phone", "e.phone")
            .text("address", "e.address")
            .freeText("e.code", "e.name")
            .sort("code", "e.code", ListQuery.SortType.TEXT)
            .sort("name", "e.name", ListQuery.SortType.TEXT)
            .sort("credit_limit", "e.creditLimit", ListQuery.SortType.DECIMAL);
  }

  public ListQuery.Page<PartyView> list(
      Actor actor, String filter, String orderBy, int pageSize, String pageToken) {
    return tx.inCompany(
        actor,
        t -> {
          String currency = CompanyCurrency.of(t);
          return ListQuery.map(
              list.run(t, filter, orderBy, pageSize, pageToken), p -> PartyView.of(p, currency));
        });
  }

  public PartyView get(Actor actor, String id) {
    return tx.inCompany(actor, t -> PartyView.of(find(t, id), CompanyCurrency.of(t)));
  }

  public PartyView create(Actor actor, String idempotencyKey, String code, Input in) {
    String c = Codes.normalize(code);
    Validator v = new Validator();
    Idempotency.validateKey(v, idempotencyKey, "idempotency_key");
    Codes.check(v, c, 32);
    Party.Details d = check(v, in);
    v.throwIfInvalid();
    return tx.inCompany(
        actor,
        t -> {
          currency(t, in);
          if (role == Role.CUSTOMER && (d.noCreditLimit() || d.creditLimit().signum() != 0)) {
            mayGiveCredit(actor, "give new customer " + c + " credit", c);
          }
          var outcome =
              Idempotency.once(
                  t,
                  idempotencyKey,
                  "masterdata." + role.name().toLowerCase() + ".create",
                  c + '\u001f' + d,
                  id -> {
                    Records.byCode(t, Party.class, c)
                        .ifPresent(
                            other -> {
                              throw InvalidInputException.of(
                                  "code",
                                  "is already used by "
                                      + (other.isCustomer() ? "customer" : "supplier")
                                      + " '"
                                      + other.name()
                                      + "'; choose another code");
                            });
                    t.session()
                        .persist(
                            new Party(
                                id,
                                actor.companyId(),
                                c,
                                d,
                                role == Role.CUSTOMER,
                                role == Role.SUPPLIER,
                                actor.username(),
                                clock.instant()));
                    t.audit(
                        "masterdata." + role.name().toLowerCase() + ".create",
                        "party",
                        id,
                        "created " + role.label.toLowerCase() + " " + c + ": " + describe(d));
                    return id;
                  });
          return PartyView.of(t.session().get(Party.class, outcome.id()), CompanyCurrency.of(t));
        });
  }

  public PartyView update(Actor actor, String id, long version, Input in) {
    Validator v = new Validator();
    Party.Details d = check(v, in);
    v.throwIfInvalid();
    return tx.inCompany(
        actor,
        t -> {
          currency(t, in);
          Party p = find(t, id);
          Versions.check(
              role.label + " " + p.code(), version, p.version(), p.updatedBy(), p.updatedAt());
          Party.Details before = p.details();
          // Whichever service it comes through: a supplier that is also a customer is a customer.
          if (p.isCustomer()
              && (before.noCreditLimit() != d.noCreditLimit()
                  || before.creditLimit().compareTo(d.creditLimit()) != 0)) {
            mayGiveCredit(actor, "change the credit limit of customer " + p.code(), p.code());
          }
          p.change(d, actor.username(), clock.instant());
          t.session().flush();
          t.audit(
              "masterdata." + role.name().toLowerCase() + ".update",
              "party",
              p.id(),
              describe(before) + " -> " + describe(d));
          return PartyView.of(p, CompanyCurrency.of(t));
        });
  }

  public PartyView deactivate(Actor actor, String id, long version) {
    return tx.inCompany(
        actor,
        t -> {
          Party p = find(t, id);
          Versions.check(
              role.label + " " + p.code(), version, p.version(), p.updatedBy(), p.updatedAt());
          p.deactivate(actor.username(), clock.instant());
          t.session().flush();
          t.audit(
              "masterdata." + role.name().toLowerCase() + ".deactivate",
              "party",
              p.id(),
              "deactivated " + p.code());
          return PartyView.of(p, CompanyCurrency.of(t));
        });
  }

  private Party find(Tx t, String id) {
    Party p = Records.byId(t, Party.class, role.label, id);
    if (role == Role.CUSTOMER ? !p.isCustomer() : !p.isSupplier()) {
      throw new NotFoundException(role.label, id);
    }
    return p;
  }

  /**
   * Credit is the accounts office's decision: the sales office may edit its customers but not what
   * they may owe. Work of the server itself (an admin command, the demo) needs no permission.
   */
  private static void mayGiveCredit(Actor actor, String what, String customerCode) {
    if (actor.userId().isPresent() && !actor.can(CREDIT_PERMISSION)) {
      throw new AccessDeniedException(
          "masterdata.customer.credit_not_allowed",
          "Only the accounts office may "
              + what
              + " (permission "
              + CREDIT_PERMISSION
              + "); leave the credit limit as it is, or ask the accounts office.",
          customerCode);
    }
  }

  private static void currency(Tx t, Input in) {
    Validator v = new Validator();
    CompanyCurrency.check(
        v, "credit_limit.currency_code", in.creditLimitCurrency(), CompanyCurrency.of(t));
    v.throwIfInvalid();
  }

  private static Party.Details check(Validator v, Input in) {
    String name = in.name() == null ? null : in.name().trim();
    v.text(name, "name", 200);
    String address = in.address() == null ? "" : in.address().trim();
    v.check(address.length() <= 500, "address", "is too long (at most 500 characters)");
    String phone = in.phone() == null ? "" : in.phone().trim();
    v.check(
        phone.isEmpty() || PHONE.matcher(phone).matches(),
        "phone",
        "may hold only digits, spaces and + - ( ), at most 40");
    String bin = in.bin() == null ? "" : in.bin().replace(" ", "").replace("-", "");
    v.check(
        bin.isEmpty() || BIN.matcher(bin).matches(),
        "bin",
        "must be the 13-digit BIN (9- and 11-digit BINs are no longer valid since 30 November 2019)");
    BigDecimal limit = Decimals.parse(v, "credit_limit.amount", in.creditLimitAmount(), 4, false);
    v.check(limit == null || limit.signum() >= 0, "credit_limit.amount", "must not be negative");
    v.check(
        !in.noCreditLimit() || limit == null || limit.signum() == 0,
        "credit_limit.amount",
        "must be empty when the customer has no credit limit");
    v.check(
        in.paymentTermsDays() >= 0 && in.paymentTermsDays() <= 365,
        "payment_terms_days",
        "must be from 0 to 365 days");
    return new Party.Details(
        name,
        address,
        phone,
        bin,
        limit == null ? BigDecimal.ZERO : limit,
        in.noCreditLimit(),
        in.paymentTermsDays());
  }

  private static String describe(Party.Details d) {
    return d.name()
        + ", BIN "
        + (d.bin().isEmpty() ? "-" : d.bin())
        + (d.noCreditLimit()
            ? ", no credit limit"
            : ", credit limit " + d.creditLimit().toPlainString())
        + ", terms "
        + d.paymentTermsDays()
        + " days";
  }
}
