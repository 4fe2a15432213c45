package io.millstone.client.sales;

import io.millstone.api.masterdata.v1.Warehouse;
import io.millstone.api.sales.v1.Delivery;
import io.millstone.api.sales.v1.OrderLine;
import io.millstone.api.sales.v1.SalesOrder;
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
 * Delivering a confirmed order: the warehouse the goods leave from, and per open line the quantity
 * (the open quantity unless changed; zero leaves the line for later) and the lot.
 */
public final class DeliveryViewModel extends AbstractViewModel {
  /** One order line with something left to deliver. */
  public static final class Line {
    private final OrderLine orderLine;
    private final BigDecimal open;
    private final StringProperty quantity = new SimpleStringProperty("");
    private final StringProperty lot = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    Line(OrderLine orderLine, BigDecimal open) {
      this.orderLine = orderLine;
      this.open = open;
      quantity.set(Amounts.quantity(open));
      quantity.addListener((o, a, b) -> error.set(""));
      lot.addListener((o, a, b) -> error.set(""));
    }

    public OrderLine orderLine() {
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

  private final SalesGateway gateway;
  private final Messages messages;
  private final Notifier notifier;
  private final SalesOrder order;
  private final ObservableList<Line> lines = FXCollections.observableArrayList();
  private final ObservableList<String> warehouses = FXCollections.observableArrayList();
  private final StringProperty warehouse = new SimpleStringProperty("");
  private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(Dates.today());
  private final String idempotencyKey = UUID.randomUUID().toString();
  private Consumer<Delivery> onPosted = d -> {};

  public DeliveryViewModel(
      SalesOrder order,
      SalesGateway gateway,
      UiTaskExecutor executor,
      Messages messages,
      Notifier notifier) {
    super(executor);
    this.order = order;
    this.gateway = gateway;
    this.messages = messages;
    this.notifier = notifier;
    for (OrderLine l : order.getLinesList()) {
      BigDecimal open =
          Amounts.of(l.getQuantity().getValue()).subtract(Amounts.of(l.getDelivered().getValue()));
      if (open.signum() > 0) {
        lines.add(new Line(l, open));
      }
    }
  }

  /** Loads the warehouses; the only one, or the first, is chosen. */
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

  public SalesOrder order() {
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

  public void setOnPosted(Consumer<Delivery> onPosted) {
    this.onPosted = onPosted;
  }

  /** The lines to send: those with a quantity above zero, each no more than is open. */
  public boolean validate() {
    boolean ok = true;
    int any = 0;
    for (Line l : lines) {
      BigDecimal q = Amounts.parse(l.quantity.get());
      if (q == null || q.signum() < 0) {
        l.error.set(messages.get("sales.delivery.quantityNumber"));
        ok = false;
      } else if (q.compareTo(l.open) > 0) {
        l.error.set(messages.get("sales.delivery.moreThanOpen", Amounts.quantity(l.open)));
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
      setMessage(messages.get("sales.delivery.nothing"));
      return false;
    }
    setMessage(ok ? "" : messages.get("form.fixFields"));
    return ok;
  }

  /**
   * What posting will do, for the person to confirm first: the order, warehouse, date and each line
   * to deliver; null when the input is not valid (the screen then says why).
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
        messages.get("sales.delivery.confirmTitle"),
        messages.get(
            "sales.delivery.confirm",
            order.getNumber(),
            order.getCustomerName(),
            warehouse.get(),
            Dates.date(date.get())),
        details);
  }

  /** Posts the delivery: the stock leaves the warehouse and its cost goes to the books. */
  public void post() {
    if (isBusy() || !validate()) {
      return;
    }
    List<Line> sent = new ArrayList<>();
    List<SalesGateway.DeliveryInput> in = new ArrayList<>();
    for (Line l : lines) {
      BigDecimal q = Amounts.parse(l.quantity.get());
      if (q.signum() > 0) {
        sent.add(l);
        in.add(new SalesGateway.DeliveryInput(l.orderLine.getLineNo(), q, l.lot.get().trim()));
      }
    }
    setBusy(true);
    setMessage("");
    String wh = warehouse.get();
    LocalDate d = date.get();
    executor.submit(
        () -> gateway.deliver(order.getId(), wh, d, in, idempotencyKey),
        delivery -> {
          setBusy(false);
          notifier.notify(
              messages.get("sales.delivery.posted"),
              delivery.getNumber() + " " + delivery.getOrderNumber());
          onPosted.accept(delivery);
        },
        t -> {
          setBusy(false);
          if (t instanceof RemoteException r && r.kind() == RemoteException.Kind.INVALID_INPUT) {
            List<String> elsewhere =
                FieldErrors.route(r, sent.size(), i -> sent.get(i).error::set, Map.of());
            setMessage(
                elsewhere.isEmpty() ? messages.get("form.fixFields") : String.join(" ", elsewhere));
          } else {
            failed(t);
          }
        });
  }

  private void failed(Throwable t) {
    setBusy(false);
    setMessage(ErrorText.of(t, messages));
  }
}
