package io.millstone.client.sales;

import io.millstone.api.sales.v1.Invoice;
import io.millstone.api.sales.v1.Payment;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Notifier;
import io.millstone.client.core.PostingSummary;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A customer's payment: who paid, how much, how (bank or cash), and which open invoices it settles.
 * The amount is set against the oldest invoices first until the person changes an allocation by
 * hand; the payment can be posted only when the allocations add up to the amount.
 */
public final class PaymentViewModel extends AbstractViewModel {
  public static final List<String> METHODS = List.of("BANK", "CASH");

  /** One open invoice and the part of this payment set against it. */
  public static final class Allocation {
    private final Invoice invoice;
    private final BigDecimal open;
    private final StringProperty amount = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    Allocation(Invoice invoice) {
      this.invoice = invoice;
      this.open = Amounts.of(invoice.getOpen().getAmount());
    }

    public Invoice invoice() {
      return invoice;
    }

    public BigDecimal open() {
      return open;
    }

    public StringProperty amountProperty() {
      return amount;
    }

    public StringProperty errorProperty() {
      return error;
    }
  }

  private final SalesGateway gateway;
  private final Messages messages;
  private final Notifier notifier;
  private final StringProperty customerCode = new SimpleStringProperty("");
  private final StringProperty amount = new SimpleStringProperty("");
  private final StringProperty method = new SimpleStringProperty("BANK");
  private final StringProperty reference = new SimpleStringProperty("");
  private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(Dates.today());
  private final ObservableList<Allocation> allocations =
      FXCollections.observableArrayList(a -> new Observable[] {a.amount});
  private final StringProperty allocatedText = new SimpleStringProperty("");
  private final StringProperty openTotal = new SimpleStringProperty("");
  private final StringProperty posted = new SimpleStringProperty("");
  private final javafx.beans.property.BooleanProperty onAccount =
      new javafx.beans.property.SimpleBooleanProperty(false);
  private final ObservableList<Payment> advances = FXCollections.observableArrayList();
  private final StringProperty advancesText = new SimpleStringProperty("");
  private String idempotencyKey = UUID.randomUUID().toString();
  private boolean allocatingByHand;
  private boolean distributing;
  private Consumer<Payment> onPosted = p -> {};

  public PaymentViewModel(
      SalesGateway gateway, UiTaskExecutor executor, Messages messages, Notifier notifier) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
    this.notifier = notifier;
    amount.addListener(
        (o, a, b) -> {
          if (!allocatingByHand) {
            distribute();
          }
          summarise();
        });
    allocations.addListener(
        (javafx.collections.ListChangeListener<Allocation>)
            c -> {
              while (c.next()) {
                if (c.wasUpdated() && !distributing) {
                  allocatingByHand = true;
                }
              }
              summarise();
            });
  }

  /** Loads the customer's open invoices, oldest first, and spreads the amount over them. */
  public void loadInvoices() {
    String code = customerCode.get().trim();
    if (code.isEmpty()) {
      allocations.clear();
      return;
    }
    setBusy(true);
    executor.submit(
        () -> gateway.advances(code),
        list -> {
          advances.setAll(list);
          BigDecimal left =
              list.stream()
                  .map(p -> Amounts.of(p.getUnapplied().getAmount()))
                  .reduce(BigDecimal.ZERO, BigDecimal::add);
          advancesText.set(
              list.isEmpty()
                  ? ""
                  : messages.get("sales.advance.available", Amounts.money(left), list.size()));
        },
        t -> advances.clear());
    executor.submit(
        () -> gateway.openInvoices(code),
        list -> {
          setBusy(false);
          List<Invoice> sorted = new ArrayList<>(list);
          sorted.sort(
              Comparator.comparing((Invoice i) -> dateOf(i)).thenComparing(Invoice::getNumber));
          allocatingByHand = false;
          allocations.setAll(sorted.stream().map(Allocation::new).toList());
          BigDecimal total =
              allocations.stream().map(a -> a.open).reduce(BigDecimal.ZERO, BigDecimal::add);
          openTotal.set(Amounts.money(total));
          if (allocations.isEmpty()) {
            setMessage(messages.get("sales.payment.noOpen", code));
          } else {
            setMessage("");
          }
          distribute();
        },
        this::failed);
  }

  private static LocalDate dateOf(Invoice i) {
    return i.getInvoiceDate().getYear() == 0
        ? LocalDate.MIN
        : LocalDate.of(
            i.getInvoiceDate().getYear(),
            i.getInvoiceDate().getMonth(),
            i.getInvoiceDate().getDay());
  }

  /** Sets the amount against the oldest invoices first. */
  public void distribute() {
    BigDecimal left = Amounts.parse(amount.get());
    if (left == null || left.signum() < 0) {
      left = BigDecimal.ZERO;
    }
    distributing = true;
    try {
      for (Allocation a : allocations) {
        BigDecimal part = left.min(a.open);
        a.amount.set(part.signum() == 0 ? "" : Amounts.round(part).toPlainString());
        a.error.set("");
        left = left.subtract(part);
      }
    } finally {
      distributing = false;
    }
    allocatingByHand = false;
    summarise();
  }

  private BigDecimal allocated() {
    BigDecimal sum = BigDecimal.ZERO;
    for (Allocation a : allocations) {
      BigDecimal v = Amounts.parse(a.amount.get());
      if (v != null) {
        sum = sum.add(v);
      }
    }
    return sum;
  }

  private void summarise() {
    BigDecimal amt = Amounts.parse(amount.get());
    allocatedText.set(
        messages.get(
            "sales.payment.allocated",
            Amounts.money(allocated()),
            Amounts.money(amt == null ? BigDecimal.ZERO : amt)));
  }

  public boolean validate() {
    BigDecimal amt = Amounts.parse(amount.get());
    if (customerCode.get().isBlank()) {
      setMessage(messages.get("sales.order.customerRequired"));
      return false;
    }
    if (amt == null || amt.signum() <= 0) {
      setMessage(messages.get("sales.payment.amountPositive"));
      return false;
    }
    boolean ok = true;
    for (Allocation a : allocations) {
      BigDecimal v = Amounts.parse(a.amount.get());
      if (!a.amount.get().isBlank() && (v == null || v.signum() < 0)) {
        a.error.set(messages.get("sales.order.priceNumber"));
        ok = false;
      } else if (v != null && v.compareTo(a.open) > 0) {
        a.error.set(messages.get("sales.payment.moreThanOpen", Amounts.money(a.open)));
        ok = false;
      }
    }
    if (!ok) {
      setMessage(messages.get("form.fixFields"));
      return false;
    }
    if (onAccount.get() ? allocated().compareTo(amt) > 0 : allocated().compareTo(amt) != 0) {
      setMessage(
          messages.get("sales.payment.mustAddUp", Amounts.money(allocated()), Amounts.money(amt)));
      return false;
    }
    setMessage("");
    return true;
  }

  /**
   * What posting will do, for the person to confirm first: who, how much, how, when, and what it
   * settles; null when the input is not valid.
   */
  public PostingSummary summary() {
    if (!validate()) {
      return null;
    }
    List<String> details = new ArrayList<>();
    for (Allocation a : allocations) {
      BigDecimal v = Amounts.parse(a.amount.get());
      if (v != null && v.signum() > 0) {
        details.add(messages.get("posting.settles", a.invoice.getNumber(), Amounts.money(v)));
      }
    }
    BigDecimal rest = Amounts.parse(amount.get()).subtract(allocated());
    if (onAccount.get() && rest.signum() > 0) {
      details.add(messages.get("sales.advance.kept", Amounts.money(rest)));
    }
    return new PostingSummary(
        messages.get("sales.payment.confirmTitle"),
        messages.get(
            "sales.payment.confirm",
            Amounts.money(Amounts.parse(amount.get())),
            customerCode.get().trim(),
            messages.has("sales.payment.method." + method.get())
                ? messages.get("sales.payment.method." + method.get())
                : method.get(),
            Dates.date(date.get())),
        details);
  }

  /** Posts the payment and its allocations. */
  public void post() {
    if (isBusy() || !validate()) {
      return;
    }
    List<SalesGateway.AllocationInput> in = new ArrayList<>();
    for (Allocation a : allocations) {
      BigDecimal v = Amounts.parse(a.amount.get());
      if (v != null && v.signum() > 0) {
        in.add(new SalesGateway.AllocationInput(a.invoice.getId(), v));
      }
    }
    setBusy(true);
    String code = customerCode.get().trim();
    BigDecimal amt = Amounts.parse(amount.get());
    String m = method.get();
    String ref = reference.get();
    LocalDate d = date.get();
    String key = idempotencyKey;
    boolean keep = onAccount.get();
    executor.submit(
        () -> gateway.pay(code, d, amt, m, ref, in, keep, key),
        p -> {
          setBusy(false);
          idempotencyKey = UUID.randomUUID().toString();
          notifier.notify(
              messages.get("sales.payment.posted"),
              p.getNumber() + " " + Amounts.money(p.getAmount().getAmount()));
          posted.set(
              messages.get(
                  "sales.payment.done",
                  p.getNumber(),
                  Amounts.money(p.getAmount().getAmount()),
                  p.getJournalEntryNumber()));
          amount.set("");
          reference.set("");
          onPosted.accept(p);
          loadInvoices();
        },
        this::failed);
  }

  /** The advances set against the open invoices, both oldest first: what applying will do. */
  private List<Map.Entry<Payment, List<SalesGateway.AllocationInput>>> plan() {
    List<Map.Entry<Payment, List<SalesGateway.AllocationInput>>> out = new ArrayList<>();
    java.util.Map<String, BigDecimal> open = new java.util.LinkedHashMap<>();
    for (Allocation a : allocations) {
      open.put(a.invoice.getId(), a.open);
    }
    for (Payment p : advances) {
      BigDecimal left = Amounts.of(p.getUnapplied().getAmount());
      List<SalesGateway.AllocationInput> parts = new ArrayList<>();
      for (var e : open.entrySet()) {
        BigDecimal part = left.min(e.getValue());
        if (part.signum() > 0) {
          parts.add(new SalesGateway.AllocationInput(e.getKey(), part));
          e.setValue(e.getValue().subtract(part));
          left = left.subtract(part);
        }
      }
      if (!parts.isEmpty()) {
        out.add(Map.entry(p, parts));
      }
    }
    return out;
  }

  /** What applying the advances will settle, for the person to confirm; null when nothing. */
  public PostingSummary advancesSummary() {
    var plan = plan();
    if (plan.isEmpty()) {
      setMessage(messages.get("sales.advance.nothingToApply"));
      return null;
    }
    List<String> details = new ArrayList<>();
    for (var e : plan) {
      for (SalesGateway.AllocationInput a : e.getValue()) {
        String number =
            allocations.stream()
                .filter(x -> x.invoice.getId().equals(a.invoiceId()))
                .map(x -> x.invoice.getNumber())
                .findFirst()
                .orElse(a.invoiceId());
        details.add(
            messages.get(
                "sales.advance.settles",
                e.getKey().getNumber(),
                number,
                Amounts.money(a.amount())));
      }
    }
    return new PostingSummary(
        messages.get("sales.advance.confirmTitle"),
        messages.get("sales.advance.confirm", customerCode.get().trim()),
        details);
  }

  /** Sets the customer's advances against the open invoices, oldest first. */
  public void applyAdvances() {
    var plan = plan();
    if (isBusy() || plan.isEmpty()) {
      return;
    }
    setBusy(true);
    setMessage("");
    executor.submit(
        () -> {
          int n = 0;
          for (var e : plan) {
            gateway.applyAdvance(e.getKey().getId(), e.getValue(), UUID.randomUUID().toString());
            n++;
          }
          return n;
        },
        n -> {
          setBusy(false);
          posted.set(messages.get("sales.advance.applied", n));
          loadInvoices();
        },
        this::failed);
  }

  private void failed(Throwable t) {
    setBusy(false);
    setMessage(ErrorText.of(t, messages));
  }

  public void setOnPosted(Consumer<Payment> onPosted) {
    this.onPosted = onPosted;
  }

  /** Keep what the allocations leave as the customer's advance. */
  public javafx.beans.property.BooleanProperty onAccountProperty() {
    return onAccount;
  }

  public ObservableList<Payment> advances() {
    return advances;
  }

  /** "৳ 5,000.00 received in advance (1 payment)", empty when none. */
  public StringProperty advancesTextProperty() {
    return advancesText;
  }

  public StringProperty customerCodeProperty() {
    return customerCode;
  }

  public StringProperty amountProperty() {
    return amount;
  }

  public StringProperty methodProperty() {
    return method;
  }

  public StringProperty referenceProperty() {
    return reference;
  }

  public ObjectProperty<LocalDate> dateProperty() {
    return date;
  }

  public ObservableList<Allocation> allocations() {
    return allocations;
  }

  /** "Allocated 1,000.00 of 1,500.00". */
  public StringProperty allocatedTextProperty() {
    return allocatedText;
  }

  /** What the last posted payment was, with its number and journal voucher. */
  public StringProperty postedProperty() {
    return posted;
  }

  public StringProperty openTotalProperty() {
    return openTotal;
  }
}
