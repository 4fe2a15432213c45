package io.millstone.client.purchasing;

import io.millstone.api.purchasing.v1.PurchaseOrder;
import io.millstone.api.purchasing.v1.PurchaseOrderLine;
import io.millstone.api.purchasing.v1.SupplierBill;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Notifier;
import io.millstone.client.core.PostingSummary;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import io.millstone.client.remote.RemoteException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * Entering a supplier's invoice against an order: their invoice number, and per line the billed
 * quantity (received and not yet billed, unless changed) and price (the order's, unless changed).
 * When the server finds the bill does not match order and receipt, its sentence naming each line is
 * shown above the Post button, where the person acts.
 */
public final class BillViewModel extends AbstractViewModel {

  /** One order line with something received and not yet billed. */
  public static final class Line {
    private final PurchaseOrderLine orderLine;
    private final BigDecimal open;
    private final StringProperty quantity = new SimpleStringProperty("");
    private final StringProperty price = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    Line(PurchaseOrderLine orderLine, BigDecimal open) {
      this.orderLine = orderLine;
      this.open = open;
      quantity.set(Amounts.quantity(open));
      price.set(Amounts.quantity(orderLine.getUnitPrice().getAmount()));
      quantity.addListener((o, a, b) -> error.set(""));
      price.addListener((o, a, b) -> error.set(""));
    }

    public PurchaseOrderLine orderLine() {
      return orderLine;
    }

    public BigDecimal open() {
      return open;
    }

    public StringProperty quantityProperty() {
      return quantity;
    }

    public StringProperty priceProperty() {
      return price;
    }

    public StringProperty errorProperty() {
      return error;
    }
  }

  private final PurchasingGateway gateway;
  private final Messages messages;
  private final Notifier notifier;
  private final PurchaseOrder order;
  private final ObservableList<Line> lines =
      FXCollections.observableArrayList(l -> new Observable[] {l.quantity, l.price});
  private final StringProperty supplierInvoice = new SimpleStringProperty("");
  private final StringProperty invoiceError = new SimpleStringProperty("");
  private final StringProperty netTotal = new SimpleStringProperty("");
  private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(Dates.today());
  private final String idempotencyKey = UUID.randomUUID().toString();
  private Consumer<SupplierBill> onPosted = b -> {};

  public BillViewModel(
      PurchaseOrder order,
      PurchasingGateway gateway,
      UiTaskExecutor executor,
      Messages messages,
      Notifier notifier) {
    super(executor);
    this.order = order;
    this.gateway = gateway;
    this.messages = messages;
    this.notifier = notifier;
    for (PurchaseOrderLine l : order.getLinesList()) {
      BigDecimal open = toBill(l);
      if (open.signum() > 0) {
        lines.add(new Line(l, open));
      }
    }
    supplierInvoice.addListener((o, a, b) -> invoiceError.set(""));
    lines.addListener((javafx.collections.ListChangeListener<Line>) c -> total());
    total();
  }

  static BigDecimal toBill(PurchaseOrderLine l) {
    return Amounts.of(l.getReceived().getValue()).subtract(Amounts.of(l.getBilled().getValue()));
  }

  private void total() {
    BigDecimal net = BigDecimal.ZERO;
    for (Line l : lines) {
      BigDecimal q = Amounts.parse(l.quantity.get());
      BigDecimal p = Amounts.parse(l.price.get());
      if (q != null && p != null) {
        net = net.add(Amounts.round(q.multiply(p)));
      }
    }
    netTotal.set(Amounts.money(net));
  }

  public boolean validate() {
    boolean ok = true;
    if (supplierInvoice.get().isBlank()) {
      invoiceError.set(messages.get("purchasing.bill.invoiceRequired"));
      ok = false;
    }
    int any = 0;
    for (Line l : lines) {
      BigDecimal q = Amounts.parse(l.quantity.get());
      BigDecimal p = Amounts.parse(l.price.get());
      if (q == null || q.signum() < 0) {
        l.error.set(messages.get("sales.delivery.quantityNumber"));
        ok = false;
      } else if (p == null || p.signum() < 0) {
        l.error.set(messages.get("purchasing.order.priceRequired"));
        ok = false;
      } else if (q.signum() > 0) {
        any++;
      }
    }
    if (ok && any == 0) {
      setMessage(messages.get("purchasing.bill.nothing"));
      return false;
    }
    setMessage(ok ? "" : messages.get("form.fixFields"));
    return ok;
  }

  /**
   * What posting will do, for the person to confirm first: supplier invoice, date, net and each
   * line billed; null when the input is not valid.
   */
  public PostingSummary summary() {
    if (!validate()) {
      return null;
    }
    List<String> details = new ArrayList<>();
    for (Line l : lines) {
      BigDecimal q = Amounts.parse(l.quantity.get());
      if (q.signum() > 0) {
        details.add(
            messages.get(
                "posting.pricedLine",
                l.orderLine.getItemCode(),
                l.orderLine.getItemName(),
                Amounts.quantityShown(q),
                l.orderLine.getUnitCode(),
                Amounts.money(Amounts.parse(l.price.get()))));
      }
    }
    return new PostingSummary(
        messages.get("purchasing.bill.confirmTitle"),
        messages.get(
            "purchasing.bill.confirm",
            supplierInvoice.get().trim(),
            order.getSupplierName(),
            order.getNumber(),
            Dates.date(date.get()),
            netTotal.get()),
        details);
  }

  /** Posts the bill; the server matches it against order and receipt before it books it. */
  public void post() {
    if (isBusy() || !validate()) {
      return;
    }
    List<PurchasingGateway.BillInput> in = new ArrayList<>();
    for (Line l : lines) {
      BigDecimal q = Amounts.parse(l.quantity.get());
      if (q.signum() > 0) {
        in.add(
            new PurchasingGateway.BillInput(
                l.orderLine.getLineNo(), q, Amounts.parse(l.price.get())));
      }
    }
    setBusy(true);
    setMessage("");
    String inv = supplierInvoice.get().trim();
    LocalDate d = date.get();
    executor.submit(
        () -> gateway.bill(order.getId(), inv, d, in, idempotencyKey),
        b -> {
          setBusy(false);
          notifier.notify(
              messages.get("purchasing.bill.posted"),
              b.getNumber() + " " + Amounts.money(b.getGross().getAmount()));
          onPosted.accept(b);
        },
        t -> {
          setBusy(false);
          if (t instanceof RemoteException r
              && r.kind() == RemoteException.Kind.INVALID_INPUT
              && r.fieldViolations().containsKey("supplier_invoice")) {
            invoiceError.set(r.fieldViolations().get("supplier_invoice"));
            setMessage(messages.get("form.fixFields"));
          } else {
            // A three-way mismatch is the server's sentence naming each line and why.
            setMessage(ErrorText.of(t, messages));
          }
        });
  }

  public PurchaseOrder order() {
    return order;
  }

  public ObservableList<Line> lines() {
    return lines;
  }

  public StringProperty supplierInvoiceProperty() {
    return supplierInvoice;
  }

  public StringProperty invoiceErrorProperty() {
    return invoiceError;
  }

  /** The bill's net as typed (quantity × price per line). */
  public StringProperty netTotalProperty() {
    return netTotal;
  }

  public ObjectProperty<LocalDate> dateProperty() {
    return date;
  }

  public void setOnPosted(Consumer<SupplierBill> onPosted) {
    this.onPosted = onPosted;
  }
}
