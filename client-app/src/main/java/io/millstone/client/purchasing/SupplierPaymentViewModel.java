package io.millstone.client.purchasing;

import io.millstone.api.purchasing.v1.SupplierBill;
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
import java.util.UUID;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Paying a supplier: how much, how (bank or cash), and which open bills it settles. The amount is
 * set against the oldest bills first until the person changes an allocation by hand; the payment
 * can be posted only when the allocations add up to the amount.
 */
public final class SupplierPaymentViewModel extends AbstractViewModel {
  public static final List<String> METHODS = List.of("BANK", "CASH");

  /** One open bill and the part of this payment set against it. */
  public static final class Allocation {
    private final SupplierBill bill;
    private final BigDecimal open;
    private final StringProperty amount = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    Allocation(SupplierBill bill) {
      this.bill = bill;
      this.open = Amounts.of(bill.getOpen().getAmount());
    }

    public SupplierBill bill() {
      return bill;
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

  private final PurchasingGateway gateway;
  private final Messages messages;
  private final Notifier notifier;
  private final StringProperty supplierCode = new SimpleStringProperty("");
  private final StringProperty amount = new SimpleStringProperty("");
  private final StringProperty method = new SimpleStringProperty("BANK");
  private final StringProperty reference = new SimpleStringProperty("");
  private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(Dates.today());
  private final ObservableList<Allocation> allocations =
      FXCollections.observableArrayList(a -> new Observable[] {a.amount});
  private final StringProperty allocatedText = new SimpleStringProperty("");
  private final StringProperty posted = new SimpleStringProperty("");
  private String idempotencyKey = UUID.randomUUID().toString();
  private boolean distributing;

  public SupplierPaymentViewModel(
      PurchasingGateway gateway, UiTaskExecutor executor, Messages messages, Notifier notifier) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
    this.notifier = notifier;
    amount.addListener((o, a, b) -> distribute());
    allocations.addListener((javafx.collections.ListChangeListener<Allocation>) c -> summarise());
  }

  /** Loads the supplier's open bills, oldest first, and spreads the amount over them. */
  public void loadBills() {
    String code = supplierCode.get().trim();
    if (code.isEmpty()) {
      allocations.clear();
      return;
    }
    setBusy(true);
    executor.submit(
        () -> gateway.openBills(code),
        list -> {
          setBusy(false);
          List<SupplierBill> sorted = new ArrayList<>(list);
          sorted.sort(
              Comparator.comparing(SupplierPaymentViewModel::dateOf)
                  .thenComparing(SupplierBill::getNumber));
          allocations.setAll(sorted.stream().map(Allocation::new).toList());
          setMessage(allocations.isEmpty() ? messages.get("purchasing.payment.noOpen", code) : "");
          distribute();
        },
        this::failed);
  }

  private static LocalDate dateOf(SupplierBill b) {
    return b.getBillDate().getYear() == 0
        ? LocalDate.MIN
        : LocalDate.of(
            b.getBillDate().getYear(), b.getBillDate().getMonth(), b.getBillDate().getDay());
  }

  /** Sets the amount against the oldest bills first. */
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
    if (distributing) {
      return;
    }
    BigDecimal amt = Amounts.parse(amount.get());
    allocatedText.set(
        messages.get(
            "sales.payment.allocated",
            Amounts.money(allocated()),
            Amounts.money(amt == null ? BigDecimal.ZERO : amt)));
  }

  public boolean validate() {
    BigDecimal amt = Amounts.parse(amount.get());
    if (supplierCode.get().isBlank()) {
      setMessage(messages.get("purchasing.order.supplierRequired"));
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
    if (allocated().compareTo(amt) != 0) {
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
        details.add(messages.get("posting.settles", a.bill.getNumber(), Amounts.money(v)));
      }
    }
    return new PostingSummary(
        messages.get("purchasing.payment.confirmTitle"),
        messages.get(
            "purchasing.payment.confirm",
            Amounts.money(Amounts.parse(amount.get())),
            supplierCode.get().trim(),
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
    List<PurchasingGateway.AllocationInput> in = new ArrayList<>();
    for (Allocation a : allocations) {
      BigDecimal v = Amounts.parse(a.amount.get());
      if (v != null && v.signum() > 0) {
        in.add(new PurchasingGateway.AllocationInput(a.bill.getId(), v));
      }
    }
    setBusy(true);
    String code = supplierCode.get().trim();
    BigDecimal amt = Amounts.parse(amount.get());
    String m = method.get();
    String ref = reference.get();
    LocalDate d = date.get();
    String key = idempotencyKey;
    executor.submit(
        () -> gateway.pay(code, d, amt, m, ref, in, key),
        p -> {
          setBusy(false);
          idempotencyKey = UUID.randomUUID().toString();
          String text =
              messages.get(
                  "purchasing.payment.done",
                  p.getNumber(),
                  Amounts.money(p.getAmount().getAmount()),
                  p.getJournalEntryNumber());
          posted.set(text);
          notifier.notify(messages.get("purchasing.payment.posted"), text);
          amount.set("");
          reference.set("");
          loadBills();
        },
        this::failed);
  }

  private void failed(Throwable t) {
    setBusy(false);
    setMessage(ErrorText.of(t, messages));
  }

  public StringProperty supplierCodeProperty() {
    return supplierCode;
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

  public StringProperty allocatedTextProperty() {
    return allocatedText;
  }

  public StringProperty postedProperty() {
    return posted;
  }
}
