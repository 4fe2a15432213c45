package io.millstone.client.sales;

import io.millstone.api.sales.v1.Invoice;
import io.millstone.api.sales.v1.InvoiceLine;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Notifier;
import io.millstone.client.core.PostingSummary;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import io.millstone.client.remote.FieldErrors;
import io.millstone.client.remote.RemoteException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A credit note against a posted invoice: per line how much is taken back (at most what was
 * invoiced and not yet credited), why, and when. The preview shows what it takes back with VAT
 * before anything is posted.
 */
public final class CreditNoteViewModel extends AbstractViewModel {

  /** One invoice line and how much of it is taken back. */
  public static final class Line {
    private final InvoiceLine line;
    private final BigDecimal creditable;
    private final StringProperty quantity = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    Line(InvoiceLine line) {
      this.line = line;
      this.creditable =
          Amounts.of(line.getQuantity().getValue())
              .subtract(Amounts.of(line.getCredited().getValue()));
      quantity.addListener((o, a, b) -> error.set(""));
    }

    public InvoiceLine line() {
      return line;
    }

    public BigDecimal creditable() {
      return creditable;
    }

    public StringProperty quantityProperty() {
      return quantity;
    }

    public StringProperty errorProperty() {
      return error;
    }
  }

  private final Invoice invoice;
  private final SalesGateway gateway;
  private final Messages messages;
  private final Notifier notifier;
  private final ObservableList<Line> lines = FXCollections.observableArrayList();
  private final StringProperty reason = new SimpleStringProperty("");
  private final StringProperty reasonError = new SimpleStringProperty("");
  private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(Dates.today());
  private final String idempotencyKey = UUID.randomUUID().toString();
  private Consumer<Invoice> onPosted = i -> {};

  public CreditNoteViewModel(
      Invoice invoice,
      SalesGateway gateway,
      UiTaskExecutor executor,
      Messages messages,
      Notifier notifier) {
    super(executor);
    this.invoice = invoice;
    this.gateway = gateway;
    this.messages = messages;
    this.notifier = notifier;
    invoice.getLinesList().stream().map(Line::new).forEach(lines::add);
  }

  private List<Line> taken() {
    return lines.stream()
        .filter(l -> !l.quantity.get().isBlank())
        .filter(
            l ->
                Amounts.parse(l.quantity.get()) == null
                    || Amounts.parse(l.quantity.get()).signum() != 0)
        .toList();
  }

  public boolean validate() {
    boolean ok = true;
    reasonError.set("");
    if (reason.get().isBlank()) {
      reasonError.set(messages.get("sales.credit.reasonRequired"));
      ok = false;
    }
    for (Line l : taken()) {
      BigDecimal q = Amounts.parse(l.quantity.get());
      if (q == null || q.signum() < 0) {
        l.error.set(messages.get("sales.delivery.quantityNumber"));
        ok = false;
      } else if (q.compareTo(l.creditable) > 0) {
        l.error.set(
            messages.get("sales.credit.moreThanInvoiced", Amounts.quantityShown(l.creditable)));
        ok = false;
      }
    }
    if (!ok) {
      setMessage(messages.get("form.fixFields"));
      return false;
    }
    if (taken().isEmpty()) {
      setMessage(messages.get("sales.credit.nothing"));
      return false;
    }
    setMessage("");
    return true;
  }

  /** The preview: each line taken back with its net and VAT, and the total credited. */
  public PostingSummary summary() {
    if (!validate()) {
      return null;
    }
    List<String> details = new ArrayList<>();
    BigDecimal net = BigDecimal.ZERO;
    BigDecimal vat = BigDecimal.ZERO;
    for (Line l : taken()) {
      BigDecimal q = Amounts.parse(l.quantity.get());
      BigDecimal lineNet = Amounts.round(q.multiply(Amounts.of(l.line.getUnitPrice().getAmount())));
      BigDecimal lineVat =
          Amounts.round(
              lineNet
                  .multiply(Amounts.of(l.line.getVatRatePercent().getValue()))
                  .divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_EVEN));
      net = net.add(lineNet);
      vat = vat.add(lineVat);
      details.add(
          messages.get(
              "sales.credit.line",
              l.line.getItemCode(),
              l.line.getItemName(),
              Amounts.quantityShown(q),
              Amounts.money(l.line.getUnitPrice().getAmount()),
              Amounts.money(lineNet)));
    }
    details.add(
        messages.get(
            "posting.invoiceTotals",
            Amounts.money(net),
            Amounts.money(vat),
            Amounts.money(net.add(vat))));
    return new PostingSummary(
        messages.get("sales.credit.confirmTitle"),
        messages.get(
            "sales.credit.confirm",
            invoice.getNumber(),
            invoice.getCustomerName(),
            Dates.date(date.get()),
            Amounts.money(net.add(vat))),
        details);
  }

  public void post() {
    if (isBusy() || !validate()) {
      return;
    }
    List<Line> sent = taken();
    List<SalesGateway.CreditInput> in =
        sent.stream()
            .map(
                l ->
                    new SalesGateway.CreditInput(
                        l.line.getLineNo(), Amounts.parse(l.quantity.get())))
            .toList();
    setBusy(true);
    setMessage("");
    String why = reason.get();
    LocalDate d = date.get();
    executor.submit(
        () -> gateway.creditNote(invoice.getId(), d, why, in, idempotencyKey),
        cn -> {
          setBusy(false);
          notifier.notify(
              messages.get("sales.credit.posted"),
              cn.getNumber() + " " + Amounts.money(cn.getGross().getAmount()));
          onPosted.accept(cn);
        },
        t -> {
          setBusy(false);
          if (t instanceof RemoteException r && r.kind() == RemoteException.Kind.INVALID_INPUT) {
            List<String> elsewhere =
                FieldErrors.route(
                    r,
                    sent.size(),
                    i -> sent.get(i).error::set,
                    Map.of("reason", reasonError::set));
            setMessage(FieldErrors.message(r, elsewhere, messages.get("form.fixFields")));
          } else {
            setMessage(ErrorText.of(t, messages));
          }
        });
  }

  public Invoice invoice() {
    return invoice;
  }

  public ObservableList<Line> lines() {
    return lines;
  }

  public StringProperty reasonProperty() {
    return reason;
  }

  public StringProperty reasonErrorProperty() {
    return reasonError;
  }

  public ObjectProperty<LocalDate> dateProperty() {
    return date;
  }

  public void setOnPosted(Consumer<Invoice> onPosted) {
    this.onPosted = onPosted;
  }
}
