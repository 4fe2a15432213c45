package io.millstone.client.purchasing;

import io.millstone.api.masterdata.v1.Item;
import io.millstone.api.masterdata.v1.Party;
import io.millstone.api.masterdata.v1.TaxCategory;
import io.millstone.api.purchasing.v1.PurchaseOrder;
import io.millstone.api.purchasing.v1.PurchaseOrderState;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Notifier;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import io.millstone.client.remote.FieldErrors;
import io.millstone.client.remote.RemoteException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Entering a purchase order: the supplier, lines typed as item → quantity → agreed price, live net,
 * VAT and total (an estimate until saved), and the commands Save (a draft) and Submit (approved at
 * once within the company's threshold, else sent to an approver). The server has no edit of a saved
 * order, so a saved order is read-only and shows the server's figures.
 */
public final class PurchaseOrderViewModel extends AbstractViewModel {
  private final PurchasingGateway gateway;
  private final Messages messages;
  private final Notifier notifier;
  private final ObservableList<PurchaseLine> lines =
      FXCollections.observableArrayList(
          l -> new Observable[] {l.netProperty(), l.vatProperty(), l.itemCodeProperty()});
  private final StringProperty supplierCode = new SimpleStringProperty("");
  private final StringProperty supplierName = new SimpleStringProperty("");
  private final StringProperty supplierError = new SimpleStringProperty("");
  private final ObjectProperty<Party> supplier = new SimpleObjectProperty<>();
  private final ObjectProperty<LocalDate> orderDate = new SimpleObjectProperty<>(Dates.today());
  private final StringProperty note = new SimpleStringProperty("");
  private final StringProperty netTotal = new SimpleStringProperty("0.00");
  private final StringProperty vatTotal = new SimpleStringProperty("0.00");
  private final StringProperty grossTotal = new SimpleStringProperty("0.00");
  private final BooleanProperty serverFigures = new SimpleBooleanProperty(false);
  private final ObjectProperty<PurchaseOrder> order = new SimpleObjectProperty<>();
  private final StringProperty title = new SimpleStringProperty("");
  private final StringProperty stateText = new SimpleStringProperty("");
  private final StringProperty decision = new SimpleStringProperty("");
  private final BooleanBinding editable;
  private BigDecimal vatRate;
  private String idempotencyKey = UUID.randomUUID().toString();
  private Consumer<PurchaseOrder> onSaved = o -> {};

  public PurchaseOrderViewModel(
      PurchasingGateway gateway, UiTaskExecutor executor, Messages messages, Notifier notifier) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
    this.notifier = notifier;
    editable = order.isNull();
    lines.addListener((javafx.collections.ListChangeListener<PurchaseLine>) c -> totals());
    supplierCode.addListener(
        (o, a, b) -> {
          supplierError.set("");
          if (supplier.get() != null && !supplier.get().getCode().equalsIgnoreCase(b.trim())) {
            supplier.set(null);
            supplierName.set("");
          }
        });
    title.set(messages.get("purchasing.order.new"));
    addLine();
  }

  /** Reads the company's VAT rate for the estimate. */
  public void start() {
    executor.submit(gateway::vatRatePercent, r -> vatRate = r, this::failed);
  }

  public ObservableList<PurchaseLine> lines() {
    return lines;
  }

  public PurchaseLine addLine() {
    PurchaseLine l = new PurchaseLine();
    lines.add(l);
    return l;
  }

  public void removeLine(PurchaseLine l) {
    lines.remove(l);
    if (lines.isEmpty()) {
      addLine();
    }
  }

  private void totals() {
    BigDecimal net = BigDecimal.ZERO;
    BigDecimal vat = BigDecimal.ZERO;
    PurchaseOrder o = order.get();
    if (o != null) {
      net = Amounts.of(o.getNetTotal().getAmount());
      vat = Amounts.of(o.getVatTotal().getAmount());
    } else {
      for (PurchaseLine l : lines) {
        if (l.netProperty().get() != null && l.vatProperty().get() != null) {
          net = net.add(l.netProperty().get());
          vat = vat.add(l.vatProperty().get());
        }
      }
    }
    serverFigures.set(o != null);
    netTotal.set(Amounts.money(net));
    vatTotal.set(Amounts.money(vat));
    grossTotal.set(
        Amounts.money(o != null ? Amounts.of(o.getGrossTotal().getAmount()) : net.add(vat)));
  }

  // ------------------------------------------------------------------ completion and lookups

  public void suggestSuppliers(String typed, Consumer<List<Party>> show) {
    if (typed == null || typed.isBlank()) {
      show.accept(List.of());
      return;
    }
    executor.submit(() -> gateway.suppliers(typed), show, e -> show.accept(List.of()));
  }

  public void suggestItems(String typed, Consumer<List<Item>> show) {
    if (typed == null || typed.isBlank()) {
      show.accept(List.of());
      return;
    }
    executor.submit(() -> gateway.items(typed), show, e -> show.accept(List.of()));
  }

  public void chooseSupplier(Party p) {
    supplier.set(p);
    supplierCode.set(p.getCode());
    supplierName.set(p.getName());
    supplierError.set("");
  }

  /** Looks up the typed supplier code when the person leaves the field without choosing. */
  public void resolveSupplier() {
    String code = supplierCode.get().trim();
    if (code.isEmpty() || (supplier.get() != null && supplier.get().getCode().equals(code))) {
      return;
    }
    executor.submit(
        () -> gateway.suppliers(code),
        found -> {
          if (!code.equals(supplierCode.get().trim())) {
            return;
          }
          found.stream()
              .filter(p -> p.getCode().equalsIgnoreCase(code))
              .findFirst()
              .ifPresentOrElse(
                  this::chooseSupplier,
                  () -> supplierError.set(messages.get("purchasing.order.noSupplier", code)));
        },
        this::failed);
  }

  public void chooseItem(PurchaseLine line, Item item) {
    line.itemCodeProperty().set(item.getCode());
    line.setItem(item, rateOf(item));
  }

  private BigDecimal rateOf(Item item) {
    return item.getTaxCategory() == TaxCategory.TAX_CATEGORY_STANDARD && vatRate != null
        ? vatRate
        : BigDecimal.ZERO;
  }

  public void resolveItem(PurchaseLine line) {
    String code = line.itemCodeProperty().get().trim();
    Item known = line.itemProperty().get();
    if (code.isEmpty() || (known != null && known.getCode().equalsIgnoreCase(code))) {
      return;
    }
    executor.submit(
        () -> {
          if (vatRate == null) {
            vatRate = gateway.vatRatePercent();
          }
          return gateway.items(code);
        },
        found -> {
          if (!code.equals(line.itemCodeProperty().get().trim())) {
            return;
          }
          found.stream()
              .filter(i -> i.getCode().equalsIgnoreCase(code))
              .findFirst()
              .ifPresentOrElse(
                  i -> chooseItem(line, i),
                  () -> line.unknownItem(messages.get("sales.order.noItem", code)));
        },
        this::failed);
  }

  // ------------------------------------------------------------------ saving

  /** The client's own checks; true when the order can be sent. */
  public boolean validate() {
    boolean ok = true;
    if (supplierCode.get().isBlank()) {
      supplierError.set(messages.get("purchasing.order.supplierRequired"));
      ok = false;
    }
    int filled = 0;
    for (PurchaseLine l : lines) {
      if (l.isBlank()) {
        continue;
      }
      filled++;
      BigDecimal q = Amounts.parse(l.quantityProperty().get());
      BigDecimal p = Amounts.parse(l.priceProperty().get());
      String problem = null;
      if (l.itemCodeProperty().get().isBlank()) {
        problem = messages.get("sales.order.itemRequired");
      } else if (l.isUnknownItem()) {
        problem = l.errorProperty().get();
      } else if (q == null || q.signum() <= 0) {
        problem = messages.get("sales.order.quantityPositive");
      } else if (p == null || p.signum() < 0) {
        problem = messages.get("purchasing.order.priceRequired");
      }
      if (problem != null) {
        l.errorProperty().set(problem);
        ok = false;
      }
    }
    if (filled == 0) {
      setMessage(messages.get("sales.order.noLines"));
      return false;
    }
    setMessage(ok ? "" : messages.get("form.fixFields"));
    return ok;
  }

  /** Saves the order as a draft (Ctrl+S). */
  public void save() {
    send(false);
  }

  /** Submits the order (Ctrl+Enter), saving it first when it is new. */
  public void submit() {
    send(true);
  }

  /** Nothing received or billed yet, and not cancelled: the server may let it be cancelled. */
  public static boolean cancellable(PurchaseOrder o) {
    return o != null
        && o.getState() != PurchaseOrderState.PURCHASE_ORDER_STATE_CANCELLED
        && o.getLinesList().stream()
            .allMatch(
                l ->
                    Amounts.of(l.getReceived().getValue()).signum() == 0
                        && Amounts.of(l.getBilled().getValue()).signum() == 0);
  }

  /** Cancels the saved order; a refusal is shown as the server's sentence. */
  public void cancelOrder() {
    PurchaseOrder saved = order.get();
    if (saved == null || isBusy()) {
      return;
    }
    setBusy(true);
    setMessage("");
    executor.submit(
        () -> gateway.cancel(saved),
        o -> {
          setBusy(false);
          load(o);
          notifier.notify(messages.get("purchasing.order.cancelled"), o.getNumber());
          onSaved.accept(o);
        },
        t -> {
          setBusy(false);
          setMessage(io.millstone.client.remote.ErrorText.of(t, messages));
        });
  }

  private void send(boolean submit) {
    PurchaseOrder saved = order.get();
    if (isBusy()) {
      return;
    }
    if (saved != null) {
      if (submit && saved.getState() == PurchaseOrderState.PURCHASE_ORDER_STATE_DRAFT) {
        run(() -> gateway.submit(saved), true, List.of());
      }
      return;
    }
    if (!validate()) {
      return;
    }
    List<PurchaseLine> sent = lines.stream().filter(l -> !l.isBlank()).toList();
    List<PurchasingGateway.LineInput> in = new ArrayList<>();
    for (PurchaseLine l : sent) {
      in.add(
          new PurchasingGateway.LineInput(
              l.itemCodeProperty().get().trim(),
              Amounts.parse(l.quantityProperty().get()),
              Amounts.parse(l.priceProperty().get())));
    }
    String code = supplierCode.get().trim();
    LocalDate date = orderDate.get();
    String noteText = note.get();
    String key = idempotencyKey;
    run(
        () -> {
          PurchaseOrder created = gateway.createOrder(code, date, in, noteText, key);
          return submit ? gateway.submit(created) : created;
        },
        submit,
        sent);
  }

  private void run(
      java.util.concurrent.Callable<PurchaseOrder> work, boolean submit, List<PurchaseLine> sent) {
    setBusy(true);
    setMessage("");
    executor.submit(
        work,
        o -> {
          setBusy(false);
          idempotencyKey = UUID.randomUUID().toString();
          load(o);
          notifier.notify(
              messages.get(
                  submit
                      ? o.getState() == PurchaseOrderState.PURCHASE_ORDER_STATE_AWAITING_APPROVAL
                          ? "purchasing.order.sentForApproval"
                          : "purchasing.order.approvedAtOnce"
                      : "purchasing.order.saved"),
              o.getNumber() + " " + o.getSupplierName());
          onSaved.accept(o);
        },
        t -> sendFailed(t, sent));
  }

  private void sendFailed(Throwable t, List<PurchaseLine> sent) {
    setBusy(false);
    if (t instanceof RemoteException r && r.kind() == RemoteException.Kind.INVALID_INPUT) {
      List<String> elsewhere =
          FieldErrors.route(
              r,
              sent.size(),
              i -> sent.get(i).errorProperty()::set,
              Map.of("supplier_code", supplierError::set));
      setMessage(FieldErrors.message(r, elsewhere, messages.get("form.fixFields")));
      return;
    }
    failed(t);
  }

  /** Shows {@code o} as the server has it. */
  public void load(PurchaseOrder o) {
    order.set(o);
    supplierCode.set(o.getSupplierCode());
    supplierName.set(o.getSupplierName());
    supplierError.set("");
    orderDate.set(
        o.getOrderDate().getYear() == 0
            ? Dates.today()
            : LocalDate.of(
                o.getOrderDate().getYear(),
                o.getOrderDate().getMonth(),
                o.getOrderDate().getDay()));
    note.set(o.getNote());
    List<PurchaseLine> fresh = new ArrayList<>();
    for (var l : o.getLinesList()) {
      PurchaseLine line = new PurchaseLine();
      line.loadFromServer(l);
      fresh.add(line);
    }
    lines.setAll(fresh);
    title.set(o.getNumber());
    stateText.set(stateName(o.getState(), messages));
    decision.set(decisionText(o, messages));
    setMessage("");
    totals();
  }

  /** Who decided and why ("Approved by anwar: Within the approval threshold ..."). */
  static String decisionText(PurchaseOrder o, Messages m) {
    if (o.getState() == PurchaseOrderState.PURCHASE_ORDER_STATE_AWAITING_APPROVAL) {
      return m.get("purchasing.order.waitingFor", o.getSubmittedBy());
    }
    if (o.getDecidedBy().isEmpty()) {
      return "";
    }
    return m.get("purchasing.order.decidedBy", o.getDecidedBy(), o.getDecisionNote());
  }

  /** The state in the person's language ("Awaiting approval"). */
  public static String stateName(PurchaseOrderState state, Messages m) {
    String word = state.name().replaceFirst("^PURCHASE_ORDER_STATE_", "");
    String key = "purchasing.state." + word.toLowerCase(Locale.ROOT);
    return m.has(key) ? m.get(key) : word;
  }

  public void open(String id) {
    setBusy(true);
    executor.submit(
        () -> gateway.order(id),
        o -> {
          setBusy(false);
          load(o);
        },
        this::failed);
  }

  private void failed(Throwable t) {
    setBusy(false);
    setMessage(ErrorText.of(t, messages));
  }

  public void setOnSaved(Consumer<PurchaseOrder> onSaved) {
    this.onSaved = onSaved;
  }

  public StringProperty supplierCodeProperty() {
    return supplierCode;
  }

  public StringProperty supplierNameProperty() {
    return supplierName;
  }

  public StringProperty supplierErrorProperty() {
    return supplierError;
  }

  public ObjectProperty<LocalDate> orderDateProperty() {
    return orderDate;
  }

  public StringProperty noteProperty() {
    return note;
  }

  public StringProperty netTotalProperty() {
    return netTotal;
  }

  public StringProperty vatTotalProperty() {
    return vatTotal;
  }

  public StringProperty grossTotalProperty() {
    return grossTotal;
  }

  public BooleanProperty serverFiguresProperty() {
    return serverFigures;
  }

  public ObjectProperty<PurchaseOrder> orderProperty() {
    return order;
  }

  public StringProperty titleProperty() {
    return title;
  }

  public StringProperty stateTextProperty() {
    return stateText;
  }

  public StringProperty decisionProperty() {
    return decision;
  }

  /** Only a new order can be edited; the server keeps saved orders as they are. */
  public BooleanBinding editableProperty() {
    return editable;
  }

  /** True when Submit has something to do: a new order or a saved draft. */
  public BooleanBinding submittableProperty() {
    return Bindings.createBooleanBinding(
        () ->
            order.get() == null
                || order.get().getState() == PurchaseOrderState.PURCHASE_ORDER_STATE_DRAFT,
        order);
  }
}
