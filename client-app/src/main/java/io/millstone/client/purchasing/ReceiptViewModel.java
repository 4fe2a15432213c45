package io.millstone.client.purchasing;

import io.millstone.api.masterdata.v1.Warehouse;
import io.millstone.api.purchasing.v1.GoodsReceipt;
import io.millstone.api.purchasing.v1.PurchaseOrder;
import io.millstone.api.purchasing.v1.PurchaseOrderLine;
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
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Receiving an approved order: the warehouse the goods go into, and per line the quantity (what is
 * still to receive unless changed; zero leaves the line for a later delivery) and the lot.
 */
public final class ReceiptViewModel extends AbstractViewModel {

  /** One order line with something still to receive. */
  public static final class Line {
    private final PurchaseOrderLine orderLine;
    private final BigDecimal open;
    private final StringProperty quantity = new SimpleStringProperty("");
    private final StringProperty lot = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    Line(PurchaseOrderLine orderLine, BigDecimal open) {
      this.orderLine = orderLine;
      this.open = open;
      quantity.set(Amounts.quantity(open));
      quantity.addListener((o, a, b) -> error.set(""));
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

    public StringProperty lotProperty() {
      return lot;
    }

    public StringProperty errorProperty() {
      return error;
    }
  }

  private final PurchasingGateway gateway;
  private final Messages messages;
  private final Notifier notifier;
  private final PurchaseOrder order;
  private final ObservableList<Line> lines = FXCollections.observableArrayList();
  private final ObservableList<String> warehouses = FXCollections.observableArrayList();
  private final StringProperty warehouse = new SimpleStringProperty("");
  private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(Dates.today());
  private final String idempotencyKey = UUID.randomUUID().toString();
  private Consumer<GoodsReceipt> onPosted = r -> {};

  public ReceiptViewModel(
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
      BigDecimal open = toReceive(l);
      if (open.signum() > 0) {
        lines.add(new Line(l, open));
      }
    }
  }

  static BigDecimal toReceive(PurchaseOrderLine l) {
    return Amounts.of(l.getQuantity().getValue()).subtract(Amounts.of(l.getReceived().getValue()));
  }

  /** Loads the warehouses; the first is chosen. */
  public void start() {
    executor.submit(
        gateway::warehouses,
        list -> {
          warehouses.setAll(list.stream().map(Warehouse::getCode).toList());
          if (warehouse.get().isBlank() && !warehouses.isEmpty()) {
            warehouse.set(warehouses.get(0));
          }
        },
        this::failed);
  }

  public boolean validate() {
    boolean ok = true;
    int any = 0;
    for (Line l : lines) {
      BigDecimal q = Amounts.parse(l.quantity.get());
      if (q == null || q.signum() < 0) {
        l.error.set(messages.get("sales.delivery.quantityNumber"));
        ok = false;
      } else if (q.signum() > 0) {
        any++;
      }
    }
    if (warehouse.get() == null || warehouse.get().isBlank()) {
      setMessage(messages.get("sales.delivery.warehouseRequired"));
      return false;
    }
    if (ok && any == 0) {
      setMessage(messages.get("purchasing.receipt.nothing"));
      return false;
    }
    setMessage(ok ? "" : messages.get("form.fixFields"));
    return ok;
  }

  /**
   * What posting will do, for the person to confirm first: the order, warehouse, date and each line
   * to receive; null when the input is not valid (the screen then says why).
   */
  public PostingSummary summary() {
    if (!validate()) {
      return null;
    }
    List<String> details = new ArrayList<>();
    for (Line l : lines) {
      BigDecimal q = Amounts.parse(l.quantity.get());
      if (q.signum() > 0) {
        String lot = l.lot.get().trim();
        details.add(
            messages.get(
                lot.isEmpty() ? "posting.line" : "posting.lineWithLot",
                l.orderLine.getItemCode(),
                l.orderLine.getItemName(),
                Amounts.quantityShown(q),
                l.orderLine.getUnitCode(),
                lot));
      }
    }
    return new PostingSummary(
        messages.get("purchasing.receipt.confirmTitle"),
        messages.get(
            "purchasing.receipt.confirm",
            order.getNumber(),
            order.getSupplierName(),
            warehouse.get(),
            Dates.date(date.get())),
        details);
  }

  /** Posts the receipt: the goods enter stock at the order's prices and the books follow. */
  public void post() {
    if (isBusy() || !validate()) {
      return;
    }
    List<PurchasingGateway.ReceiptInput> in = new ArrayList<>();
    for (Line l : lines) {
      BigDecimal q = Amounts.parse(l.quantity.get());
      if (q.signum() > 0) {
        in.add(new PurchasingGateway.ReceiptInput(l.orderLine.getLineNo(), q, l.lot.get().trim()));
      }
    }
    setBusy(true);
    setMessage("");
    String wh = warehouse.get();
    LocalDate d = date.get();
    executor.submit(
        () -> gateway.receive(order.getId(), wh, d, in, idempotencyKey),
        r -> {
          setBusy(false);
          notifier.notify(
              messages.get("purchasing.receipt.posted"),
              r.getNumber() + " " + Amounts.money(r.getValue().getAmount()));
          onPosted.accept(r);
        },
        this::failed);
  }

  private void failed(Throwable t) {
    setBusy(false);
    setMessage(ErrorText.of(t, messages));
  }

  public PurchaseOrder order() {
    return order;
  }

  public ObservableList<Line> lines() {
    return lines;
  }

  public ObservableList<String> warehouses() {
    return warehouses;
  }

  public StringProperty warehouseProperty() {
    return warehouse;
  }

  public ObjectProperty<LocalDate> dateProperty() {
    return date;
  }

  public void setOnPosted(Consumer<GoodsReceipt> onPosted) {
    this.onPosted = onPosted;
  }
}
