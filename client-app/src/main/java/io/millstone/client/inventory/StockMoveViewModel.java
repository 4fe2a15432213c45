package io.millstone.client.inventory;

import io.millstone.api.inventory.v1.OnHand;
import io.millstone.api.inventory.v1.StockMovement;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Notifier;
import io.millstone.client.core.PostingSummary;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import io.millstone.client.remote.FieldErrors;
import io.millstone.client.remote.RemoteException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A stock movement the storekeeper posts outside purchase and sales documents: a receipt (opening
 * stock, finds) at a cost, an issue to production (the run or cost centre as reference), a transfer
 * between godowns, or a count of a warehouse (prefilled with what the books hold; the differences
 * post as adjustments). Each is confirmed before posting and carries an idempotency key, so a
 * retried post never moves stock twice.
 */
public final class StockMoveViewModel extends AbstractViewModel {

  /** What the screen posts. */
  public enum Kind {
    RECEIPT,
    ISSUE,
    TRANSFER,
    COUNT;

    String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One line as typed; for a count, {@code booked} is what the books hold. */
  public static final class Line {
    private final StringProperty item = new SimpleStringProperty("");
    private final StringProperty lot = new SimpleStringProperty("");
    private final StringProperty quantity = new SimpleStringProperty("");
    private final StringProperty cost = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final String booked;
    private final String unit;

    Line(String item, String lot, String quantity, String booked, String unit) {
      this.item.set(item);
      this.lot.set(lot);
      this.quantity.set(quantity);
      this.booked = booked;
      this.unit = unit;
      this.quantity.addListener((o, a, b) -> error.set(""));
      this.item.addListener((o, a, b) -> error.set(""));
    }

    public StringProperty itemProperty() {
      return item;
    }

    public StringProperty lotProperty() {
      return lot;
    }

    public StringProperty quantityProperty() {
      return quantity;
    }

    public StringProperty costProperty() {
      return cost;
    }

    public StringProperty errorProperty() {
      return error;
    }

    /** What the books hold (a count's line), else empty. */
    public String booked() {
      return booked;
    }

    public String unit() {
      return unit;
    }
  }

  private final Kind kind;
  private final StockGateway gateway;
  private final Messages messages;
  private final Notifier notifier;
  private final ObservableList<Line> lines = FXCollections.observableArrayList();
  private final ObservableList<String> warehouses = FXCollections.observableArrayList();
  private final StringProperty warehouse = new SimpleStringProperty("");
  private final StringProperty toWarehouse = new SimpleStringProperty("");
  private final StringProperty reference = new SimpleStringProperty("");
  private final StringProperty warehouseError = new SimpleStringProperty("");
  private final StringProperty toWarehouseError = new SimpleStringProperty("");
  private final StringProperty posted = new SimpleStringProperty("");
  private String idempotencyKey = UUID.randomUUID().toString();
  private Consumer<StockMovement> onPosted = m -> {};

  public StockMoveViewModel(
      Kind kind,
      StockGateway gateway,
      UiTaskExecutor executor,
      Messages messages,
      Notifier notifier) {
    super(executor);
    this.kind = kind;
    this.gateway = gateway;
    this.messages = messages;
    this.notifier = notifier;
    if (kind != Kind.COUNT) {
      addLine();
    }
  }

  public Kind kind() {
    return kind;
  }

  /** Loads the warehouses to choose from. */
  public void start() {
    executor.submit(gateway::warehouses, warehouses::setAll, this::failed);
  }

  public void addLine() {
    lines.add(new Line("", "", "", "", ""));
  }

  public void removeLine(Line l) {
    lines.remove(l);
  }

  /** A count starts from what the books hold in the warehouse, each line prefilled with it. */
  public void loadBooked() {
    String wh = warehouse.get() == null ? "" : warehouse.get().trim();
    if (kind != Kind.COUNT || wh.isEmpty()) {
      return;
    }
    setBusy(true);
    executor.submit(
        () -> gateway.booked(wh),
        list -> {
          setBusy(false);
          List<Line> out = new ArrayList<>();
          for (OnHand o : list) {
            String q = Amounts.quantity(o.getQuantity().getValue());
            out.add(new Line(o.getItemCode(), o.getLot(), q, q, o.getUnitCode()));
          }
          lines.setAll(out);
          setMessage(out.isEmpty() ? messages.get("stock.count.nothingBooked", wh) : "");
        },
        this::failed);
  }

  /** Lines with something typed; empty ones are left out. */
  private List<Line> filled() {
    return lines.stream()
        .filter(l -> !l.item.get().isBlank() || !l.quantity.get().isBlank())
        .toList();
  }

  public boolean validate() {
    boolean ok = true;
    warehouseError.set("");
    toWarehouseError.set("");
    if (warehouse.get() == null || warehouse.get().isBlank()) {
      warehouseError.set(messages.get("stock.move.warehouseRequired"));
      ok = false;
    }
    if (kind == Kind.TRANSFER) {
      if (toWarehouse.get() == null || toWarehouse.get().isBlank()) {
        toWarehouseError.set(messages.get("stock.move.warehouseRequired"));
        ok = false;
      } else if (toWarehouse.get().equalsIgnoreCase(String.valueOf(warehouse.get()))) {
        toWarehouseError.set(messages.get("stock.move.sameWarehouse"));
        ok = false;
      }
    }
    List<Line> in = filled();
    for (Line l : in) {
      BigDecimal q = Amounts.parse(l.quantity.get());
      if (l.item.get().isBlank()) {
        l.error.set(messages.get("stock.move.itemRequired"));
        ok = false;
      } else if (q == null || q.signum() < 0 || (q.signum() == 0 && kind != Kind.COUNT)) {
        l.error.set(
            messages.get(
                kind == Kind.COUNT ? "stock.count.quantityNumber" : "stock.move.quantity"));
        ok = false;
      } else if (kind == Kind.RECEIPT) {
        BigDecimal c = Amounts.parse(l.cost.get());
        if (c == null || c.signum() < 0) {
          l.error.set(messages.get("stock.move.costNumber"));
          ok = false;
        }
      }
    }
    if (!ok) {
      setMessage(messages.get("form.fixFields"));
      return false;
    }
    if (in.isEmpty()) {
      setMessage(messages.get("stock.move.noLines"));
      return false;
    }
    setMessage("");
    return true;
  }

  /** What posting will do, for the storekeeper to confirm first; null when the input is bad. */
  public PostingSummary summary() {
    if (!validate()) {
      return null;
    }
    List<String> details = new ArrayList<>();
    int changed = 0;
    for (Line l : filled()) {
      BigDecimal q = Amounts.parse(l.quantity.get());
      String lot = l.lot.get().trim();
      if (kind == Kind.COUNT) {
        BigDecimal booked = Amounts.parse(l.booked);
        BigDecimal diff = q.subtract(booked == null ? BigDecimal.ZERO : booked);
        if (diff.signum() != 0) {
          changed++;
          details.add(
              messages.get(
                  "stock.count.difference",
                  l.item.get().trim().toUpperCase(java.util.Locale.ROOT),
                  lot.isEmpty() ? "" : messages.get("stock.move.lot", lot),
                  Amounts.quantityShown(booked == null ? BigDecimal.ZERO : booked),
                  Amounts.quantityShown(q),
                  (diff.signum() > 0 ? "+" : "") + Amounts.quantityShown(diff)));
        }
      } else if (kind == Kind.RECEIPT) {
        details.add(
            messages.get(
                "stock.receipt.line",
                l.item.get().trim().toUpperCase(java.util.Locale.ROOT),
                lot.isEmpty() ? "" : messages.get("stock.move.lot", lot),
                Amounts.quantityShown(q),
                Amounts.money(Amounts.parse(l.cost.get()))));
      } else {
        details.add(
            messages.get(
                "stock.move.line",
                l.item.get().trim().toUpperCase(java.util.Locale.ROOT),
                lot.isEmpty() ? "" : messages.get("stock.move.lot", lot),
                Amounts.quantityShown(q)));
      }
    }
    if (kind == Kind.COUNT && changed == 0) {
      details.add(messages.get("stock.count.noDifference"));
    }
    String to = toWarehouse.get() == null ? "" : toWarehouse.get();
    return new PostingSummary(
        messages.get("stock." + kind.key() + ".confirmTitle"),
        messages.get(
            "stock." + kind.key() + ".confirm",
            warehouse.get(),
            to,
            reference.get().isBlank() ? "-" : reference.get().trim()),
        details);
  }

  /** Posts the movement; the server's violations go beside their lines and fields. */
  public void post() {
    if (isBusy() || !validate()) {
      return;
    }
    List<Line> sent = filled();
    List<StockGateway.LineInput> in = new ArrayList<>();
    List<BigDecimal> costs = new ArrayList<>();
    for (Line l : sent) {
      in.add(
          new StockGateway.LineInput(
              l.item.get().trim(), l.lot.get().trim(), Amounts.parse(l.quantity.get())));
      costs.add(kind == Kind.RECEIPT ? Amounts.parse(l.cost.get()) : null);
    }
    setBusy(true);
    setMessage("");
    String wh = warehouse.get();
    String to = toWarehouse.get();
    String ref = reference.get();
    String key = idempotencyKey;
    executor.submit(
        () ->
            switch (kind) {
              case RECEIPT -> gateway.receive(wh, in, costs, ref, key);
              case ISSUE -> gateway.issue(wh, in, ref, key);
              case TRANSFER -> gateway.transfer(wh, to, in, ref, key);
              case COUNT -> gateway.count(wh, in, ref, key);
            },
        m -> {
          setBusy(false);
          idempotencyKey = UUID.randomUUID().toString();
          String done = messages.get("stock." + kind.key() + ".posted", m.getMovesCount());
          notifier.notify(done, wh);
          posted.set(done);
          reference.set("");
          if (kind == Kind.COUNT) {
            loadBooked();
          } else {
            lines.clear();
            addLine();
          }
          onPosted.accept(m);
        },
        t -> {
          setBusy(false);
          if (t instanceof RemoteException r && r.kind() == RemoteException.Kind.INVALID_INPUT) {
            List<String> elsewhere =
                FieldErrors.route(
                    r,
                    kind == Kind.COUNT ? "counted" : "lines",
                    sent.size(),
                    i -> sent.get(i).error::set,
                    Map.of(
                        "to_warehouse_code", toWarehouseError::set,
                        "warehouse_code", warehouseError::set));
            setMessage(FieldErrors.message(r, elsewhere, messages.get("form.fixFields")));
          } else {
            failed(t);
          }
        });
  }

  private void failed(Throwable t) {
    setBusy(false);
    setMessage(ErrorText.of(t, messages));
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

  public StringProperty toWarehouseProperty() {
    return toWarehouse;
  }

  public StringProperty referenceProperty() {
    return reference;
  }

  public StringProperty warehouseErrorProperty() {
    return warehouseError;
  }

  public StringProperty toWarehouseErrorProperty() {
    return toWarehouseError;
  }

  /** What the last post did. */
  public StringProperty postedProperty() {
    return posted;
  }

  public void setOnPosted(Consumer<StockMovement> onPosted) {
    this.onPosted = onPosted;
  }
}
