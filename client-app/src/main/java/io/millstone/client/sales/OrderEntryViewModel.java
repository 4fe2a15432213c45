package io.millstone.client.sales;

import io.millstone.api.masterdata.v1.Item;
import io.millstone.api.masterdata.v1.Party;
import io.millstone.api.masterdata.v1.TaxCategory;
import io.millstone.api.sales.v1.Invoice;
import io.millstone.api.sales.v1.OrderState;
import io.millstone.api.sales.v1.SalesOrder;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.DialogService;
import io.millstone.client.core.DialogService.FieldChange;
import io.millstone.client.core.DialogService.UnsavedChoice;
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
 * Entering a sales order: the customer (with their credit limit), lines typed by item code with the
 * price taken from the item, live line and VAT totals, and the two commands Save as quotation and
 * Confirm. After a save the lines and totals are the server's figures. Once confirmed, the order is
 * read-only and offers delivery, invoice and payment.
 */
public final class OrderEntryViewModel extends AbstractViewModel {
  private final SalesGateway gateway;
  private final DialogService dialogs;
  private final Messages messages;
  private final Notifier notifier;
  private final ObservableList<OrderLine> lines =
      FXCollections.observableArrayList(
          l ->
              new Observable[] {
                l.netProperty(),
                l.vatProperty(),
                l.itemCodeProperty(),
                l.quantityProperty(),
                l.priceProperty()
              });
  private final StringProperty customerCode = new SimpleStringProperty("");
  private final StringProperty customerName = new SimpleStringProperty("");
  private final StringProperty creditLimit = new SimpleStringProperty("");
  private final StringProperty customerError = new SimpleStringProperty("");
  private final ObjectProperty<Party> customer = new SimpleObjectProperty<>();
  private final ObjectProperty<LocalDate> orderDate = new SimpleObjectProperty<>(Dates.today());
  private final StringProperty note = new SimpleStringProperty("");
  private final StringProperty netTotal = new SimpleStringProperty("0.00");
  private final StringProperty vatTotal = new SimpleStringProperty("0.00");
  private final StringProperty grossTotal = new SimpleStringProperty("0.00");
  private final BooleanProperty serverFigures = new SimpleBooleanProperty(false);
  private final ObjectProperty<SalesOrder> order = new SimpleObjectProperty<>();
  private final StringProperty title = new SimpleStringProperty("");
  private final StringProperty stateText = new SimpleStringProperty("");
  private final BooleanProperty dirty = new SimpleBooleanProperty(false);
  private final BooleanBinding editable;
  private BigDecimal vatRate;
  private String idempotencyKey = UUID.randomUUID().toString();
  private boolean loading;
  private Consumer<SalesOrder> onSaved = o -> {};
  private Consumer<Invoice> onInvoiced = i -> {};

  public OrderEntryViewModel(
      SalesGateway gateway,
      UiTaskExecutor executor,
      DialogService dialogs,
      Messages messages,
      Notifier notifier) {
    super(executor);
    this.gateway = gateway;
    this.dialogs = dialogs;
    this.messages = messages;
    this.notifier = notifier;
    editable =
        Bindings.createBooleanBinding(
            () -> order.get() == null || order.get().getState() == OrderState.ORDER_STATE_QUOTATION,
            order);
    lines.addListener(
        (javafx.collections.ListChangeListener<OrderLine>)
            c -> {
              changed();
              totals();
            });
    customerCode.addListener(
        (o, a, b) -> {
          customerError.set("");
          if (customer.get() != null && !customer.get().getCode().equalsIgnoreCase(b.trim())) {
            customer.set(null);
            customerName.set("");
            creditLimit.set("");
          }
          changed();
        });
    note.addListener((o, a, b) -> changed());
    title.set(messages.get("sales.order.new"));
    addLine();
    dirty.set(false);
  }

  private void changed() {
    if (!loading) {
      dirty.set(true);
    }
  }

  /** Reads the company's VAT rate; line VAT is estimated with it until the server prices lines. */
  public void start() {
    executor.submit(gateway::vatRatePercent, r -> vatRate = r, this::failed);
  }

  public ObservableList<OrderLine> lines() {
    return lines;
  }

  /** Adds an empty line at the end and returns it. */
  public OrderLine addLine() {
    OrderLine l = new OrderLine();
    lines.add(l);
    return l;
  }

  public void removeLine(OrderLine l) {
    lines.remove(l);
    if (lines.isEmpty()) {
      addLine();
    }
  }

  private void totals() {
    BigDecimal net = BigDecimal.ZERO;
    BigDecimal vat = BigDecimal.ZERO;
    boolean allServer = order.get() != null;
    for (OrderLine l : lines) {
      // Net and VAT change one after the other; a line counts once both are there.
      if (l.netProperty().get() != null && l.vatProperty().get() != null) {
        net = net.add(l.netProperty().get());
        vat = vat.add(l.vatProperty().get());
      }
    }
    SalesOrder o = order.get();
    if (allServer && !dirty.get() && o != null) {
      net = Amounts.of(o.getNetTotal().getAmount());
      vat = Amounts.of(o.getVatTotal().getAmount());
    }
    serverFigures.set(allServer && !dirty.get());
    netTotal.set(Amounts.money(net));
    vatTotal.set(Amounts.money(vat));
    grossTotal.set(Amounts.money(net.add(vat)));
  }

  // ------------------------------------------------------------------ completion and lookups

  /** Customers matching what was typed, handed to {@code show} on the UI thread. */
  public void suggestCustomers(String typed, Consumer<List<Party>> show) {
    if (typed == null || typed.isBlank()) {
      show.accept(List.of());
      return;
    }
    executor.submit(() -> gateway.customers(typed), show, e -> show.accept(List.of()));
  }

  /** Items matching what was typed (code or name), handed to {@code show} on the UI thread. */
  public void suggestItems(String typed, Consumer<List<Item>> show) {
    if (typed == null || typed.isBlank()) {
      show.accept(List.of());
      return;
    }
    executor.submit(() -> gateway.items(typed), show, e -> show.accept(List.of()));
  }

  /** The customer chosen from the completion list. */
  public void chooseCustomer(Party p) {
    customer.set(p);
    customerCode.set(p.getCode());
    customerName.set(p.getName());
    String limit = p.getCreditLimit().getAmount();
    creditLimit.set(
        p.getNoCreditLimit()
            ? messages.get("sales.order.noLimit")
            : Amounts.of(limit).signum() == 0
                ? messages.get("sales.order.noCredit")
                : messages.get("sales.order.creditLimit", Amounts.money(limit)));
    customerError.set("");
  }

  /** Looks up the typed customer code when the person leaves the field without choosing. */
  public void resolveCustomer() {
    String code = customerCode.get().trim();
    if (code.isEmpty() || (customer.get() != null && customer.get().getCode().equals(code))) {
      return;
    }
    executor.submit(
        () -> gateway.customers(code),
        found -> {
          Party exact =
              found.stream()
                  .filter(p -> p.getCode().equalsIgnoreCase(code))
                  .findFirst()
                  .orElse(null);
          if (!code.equals(customerCode.get().trim())) {
            return; // typed on meanwhile
          }
          if (exact == null) {
            customerError.set(messages.get("sales.order.noCustomer", code));
          } else {
            chooseCustomer(exact);
          }
        },
        this::failed);
  }

  /** The item chosen from the completion list for {@code line}. */
  public void chooseItem(OrderLine line, Item item) {
    line.itemCodeProperty().set(item.getCode());
    line.setItem(item, rateOf(item));
  }

  private BigDecimal rateOf(Item item) {
    return item.getTaxCategory() == TaxCategory.TAX_CATEGORY_STANDARD && vatRate != null
        ? vatRate
        : BigDecimal.ZERO;
  }

  /** Looks up the typed item code of {@code line} when the person moves on. */
  public void resolveItem(OrderLine line) {
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
          Item exact =
              found.stream()
                  .filter(i -> i.getCode().equalsIgnoreCase(code))
                  .findFirst()
                  .orElse(null);
          if (exact == null) {
            line.unknownItem(messages.get("sales.order.noItem", code));
          } else {
            chooseItem(line, exact);
          }
        },
        this::failed);
  }

  // ------------------------------------------------------------------ saving

  /** The client's own checks; true when the order can be sent. */
  public boolean validate() {
    boolean ok = true;
    if (customerCode.get().isBlank()) {
      customerError.set(messages.get("sales.order.customerRequired"));
      ok = false;
    }
    int filled = 0;
    for (OrderLine l : lines) {
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
      } else if (!l.priceProperty().get().isBlank() && (p == null || p.signum() < 0)) {
        problem = messages.get("sales.order.priceNumber");
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

  private List<OrderLine> filledLines() {
    return lines.stream().filter(l -> !l.isBlank()).toList();
  }

  private static List<SalesGateway.LineInput> inputs(List<OrderLine> sent) {
    List<SalesGateway.LineInput> out = new ArrayList<>();
    for (OrderLine l : sent) {
      out.add(
          new SalesGateway.LineInput(
              l.itemCodeProperty().get().trim(),
              Amounts.parse(l.quantityProperty().get()),
              l.priceProperty().get().isBlank() ? null : Amounts.parse(l.priceProperty().get())));
    }
    return out;
  }

  /** Saves the order as a quotation (Ctrl+S): created, or its lines replaced. */
  public void saveQuotation() {
    send(false);
  }

  /** Confirms the order (Ctrl+Enter): the server checks the customer's credit limit. */
  public void confirm() {
    send(true);
  }

  /** Whether the order may be cancelled as far as the client can tell: nothing delivered yet. */
  public static boolean cancellable(SalesOrder o) {
    return o != null
        && !o.getId().isEmpty()
        && o.getState() != OrderState.ORDER_STATE_CANCELLED
        && o.getLinesList().stream()
            .allMatch(l -> Amounts.of(l.getDelivered().getValue()).signum() == 0);
  }

  /**
   * Cancels the order after the person confirmed it; a refusal (something was delivered meanwhile)
   * is shown as the server's sentence.
   */
  public void cancelOrder() {
    SalesOrder o = order.get();
    if (o == null || isBusy()) {
      return;
    }
    String number = o.getNumber().isEmpty() ? o.getQuoteNumber() : o.getNumber();
    if (!dialogs.confirmPosting(
        new PostingSummary(
            messages.get("sales.order.cancelTitle"),
            messages.get("sales.order.cancelQuestion", number, o.getCustomerName()),
            List.of()))) {
      return;
    }
    setBusy(true);
    setMessage("");
    executor.submit(
        () -> gateway.cancelOrder(o),
        saved -> {
          setBusy(false);
          load(saved);
          notifier.notify(messages.get("sales.order.cancelled"), number);
          onSaved.accept(saved);
        },
        t -> {
          setBusy(false);
          setMessage(ErrorText.of(t, messages));
        });
  }

  private void send(boolean confirm) {
    if (isBusy() || !editable.get() || !validate()) {
      return;
    }
    setMessage("");
    setBusy(true);
    List<OrderLine> sent = filledLines();
    List<SalesGateway.LineInput> in = inputs(sent);
    SalesOrder original = order.get();
    boolean changed = dirty.get();
    String customerText = customerCode.get().trim();
    LocalDate date = orderDate.get();
    String noteText = note.get();
    String key = idempotencyKey;
    executor.submit(
        () -> {
          if (original == null) {
            return gateway.createOrder(customerText, date, in, noteText, !confirm, key);
          }
          SalesOrder current = changed ? gateway.updateOrder(original, in, noteText) : original;
          return confirm ? gateway.confirmOrder(current) : current;
        },
        saved -> {
          setBusy(false);
          idempotencyKey = UUID.randomUUID().toString();
          load(saved);
          notifier.notify(
              messages.get(confirm ? "sales.order.confirmed" : "sales.order.saved"),
              saved.getNumber() + " " + saved.getCustomerName());
          onSaved.accept(saved);
        },
        e -> sendFailed(e, sent));
  }

  private void sendFailed(Throwable t, List<OrderLine> sent) {
    setBusy(false);
    if (t instanceof RemoteException r && r.kind() == RemoteException.Kind.INVALID_INPUT) {
      List<String> elsewhere =
          FieldErrors.route(
              r,
              sent.size(),
              i -> sent.get(i).errorProperty()::set,
              Map.of("customer_code", customerError::set));
      setMessage(FieldErrors.message(r, elsewhere, messages.get("form.fixFields")));
      return;
    }
    if (t instanceof RemoteException r && r.kind() == RemoteException.Kind.CONFLICT) {
      conflict(r.getMessage());
      return;
    }
    failed(t);
  }

  /** Someone changed the order after we read it: show the lines that differ, offer to reload. */
  private void conflict(String serverMessage) {
    SalesOrder mine = order.get();
    List<String> edits = filledLines().stream().map(OrderLine::summary).toList();
    setMessage(serverMessage);
    executor.submit(
        () -> gateway.order(mine.getId()),
        theirs -> {
          if (dialogs.askReloadAfterConflict(serverMessage, diff(edits, theirs))) {
            load(theirs);
          }
        },
        this::failed);
  }

  List<FieldChange> diff(List<String> mine, SalesOrder theirs) {
    List<String> other = new ArrayList<>();
    theirs
        .getLinesList()
        .forEach(
            l ->
                other.add(
                    l.getItemCode()
                        + " "
                        + Amounts.quantity(l.getQuantity().getValue())
                        + " × "
                        + Amounts.quantity(l.getUnitPrice().getAmount())));
    List<FieldChange> out = new ArrayList<>();
    for (int i = 0; i < Math.max(mine.size(), other.size()); i++) {
      String a = i < mine.size() ? mine.get(i) : "";
      String b = i < other.size() ? other.get(i) : "";
      if (!a.equals(b)) {
        out.add(new FieldChange(messages.get("sales.order.lineLabel", i + 1), a, b));
      }
    }
    return out;
  }

  /** Shows {@code o} as the server has it, replacing whatever was typed. */
  public void load(SalesOrder o) {
    loading = true;
    try {
      order.set(o);
      customerCode.set(o.getCustomerCode());
      customerName.set(o.getCustomerName());
      creditLimit.set("");
      customerError.set("");
      orderDate.set(
          o.getOrderDate().getYear() == 0
              ? Dates.today()
              : LocalDate.of(
                  o.getOrderDate().getYear(),
                  o.getOrderDate().getMonth(),
                  o.getOrderDate().getDay()));
      note.set(o.getNote());
      List<OrderLine> fresh = new ArrayList<>();
      for (io.millstone.api.sales.v1.OrderLine l : o.getLinesList()) {
        OrderLine line = new OrderLine();
        line.loadFromServer(l);
        fresh.add(line);
      }
      dirty.set(false);
      lines.setAll(fresh);
      if (o.getState() == OrderState.ORDER_STATE_QUOTATION) {
        lines.add(new OrderLine());
      }
      title.set(o.getNumber().isEmpty() ? o.getQuoteNumber() : o.getNumber());
      stateText.set(stateName(o.getState(), messages));
      setMessage("");
    } finally {
      loading = false;
    }
    dirty.set(false);
    totals();
  }

  /** The state in the person's language ("Confirmed"). */
  static String stateName(OrderState state, Messages m) {
    String word = state.name().replaceFirst("^ORDER_STATE_", "");
    String key = "sales.state." + word.toLowerCase(Locale.ROOT);
    return m.has(key) ? m.get(key) : word;
  }

  /** Fetches the order by id and shows it. */
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

  /**
   * Invoices everything delivered and not yet invoiced, once the person confirmed the tax invoice's
   * number-to-be, date and total; the posted invoice is shown.
   */
  public void invoice() {
    SalesOrder o = order.get();
    if (o == null || isBusy()) {
      return;
    }
    setBusy(true);
    setMessage("");
    executor.submit(
        gateway::nextInvoiceNumber,
        next -> {
          setBusy(false);
          LocalDate date =
              next == null || next.getDate().getYear() == 0
                  ? Dates.today()
                  : LocalDate.of(
                      next.getDate().getYear(), next.getDate().getMonth(), next.getDate().getDay());
          if (dialogs.confirmPosting(
              invoiceSummary(o, next == null ? "" : next.getNumber(), date))) {
            postInvoice(o, date);
          }
        },
        this::failed);
  }

  /** What the tax invoice will say: number-to-be, date, customer, each line and the totals. */
  PostingSummary invoiceSummary(SalesOrder o, String number, LocalDate date) {
    BigDecimal net = BigDecimal.ZERO;
    BigDecimal vat = BigDecimal.ZERO;
    List<String> details = new ArrayList<>();
    for (io.millstone.api.sales.v1.OrderLine l : o.getLinesList()) {
      BigDecimal q =
          Amounts.of(l.getDelivered().getValue()).subtract(Amounts.of(l.getInvoiced().getValue()));
      if (q.signum() <= 0) {
        continue;
      }
      BigDecimal price = Amounts.of(l.getUnitPrice().getAmount());
      BigDecimal lineNet = Amounts.round(q.multiply(price));
      net = net.add(lineNet);
      vat =
          vat.add(
              Amounts.round(
                  lineNet.multiply(Amounts.of(l.getVatRatePercent().getValue())).movePointLeft(2)));
      details.add(
          messages.get(
              "posting.invoiceLine",
              l.getItemCode(),
              l.getItemName(),
              Amounts.quantityShown(q),
              l.getUnitCode(),
              Amounts.money(price),
              Amounts.money(lineNet)));
    }
    details.add(
        messages.get(
            "posting.invoiceTotals",
            Amounts.money(net),
            Amounts.money(vat),
            Amounts.money(net.add(vat))));
    return new PostingSummary(
        messages.get("sales.invoice.confirmTitle"),
        messages.get(
            number.isBlank() ? "sales.invoice.confirmUnnumbered" : "sales.invoice.confirm",
            number,
            Dates.date(date),
            o.getCustomerName(),
            Amounts.money(net.add(vat))),
        details);
  }

  private void postInvoice(SalesOrder o, LocalDate date) {
    setBusy(true);
    String key = UUID.randomUUID().toString();
    executor.submit(
        () -> {
          Invoice inv = gateway.invoice(o.getId(), date, key);
          return Map.entry(inv, gateway.order(o.getId()));
        },
        r -> {
          setBusy(false);
          load(r.getValue());
          notifier.notify(
              messages.get("sales.invoice.posted"),
              r.getKey().getNumber() + " " + Amounts.money(r.getKey().getGross().getAmount()));
          onSaved.accept(r.getValue());
          onInvoiced.accept(r.getKey());
        },
        this::failed);
  }

  /** Asks before throwing away unsaved changes; calls {@code close} when the form may go. */
  public void requestClose(Runnable close) {
    if (!dirty.get() || !editable.get()) {
      close.run();
      return;
    }
    UnsavedChoice c = dialogs.askUnsavedChanges(title.get());
    switch (c) {
      case SAVE -> {
        if (!validate()) {
          return; // the form stays open with the problems marked
        }
        Consumer<SalesOrder> before = onSaved;
        onSaved =
            o -> {
              onSaved = before;
              before.accept(o);
              close.run();
            };
        saveQuotation();
      }
      case DISCARD -> close.run();
      case CANCEL -> {}
    }
  }

  private void failed(Throwable t) {
    setBusy(false);
    setMessage(ErrorText.of(t, messages));
  }

  // ------------------------------------------------------------------ properties

  public void setOnSaved(Consumer<SalesOrder> onSaved) {
    this.onSaved = onSaved;
  }

  public void setOnInvoiced(Consumer<Invoice> onInvoiced) {
    this.onInvoiced = onInvoiced;
  }

  public StringProperty customerCodeProperty() {
    return customerCode;
  }

  public StringProperty customerNameProperty() {
    return customerName;
  }

  public StringProperty creditLimitProperty() {
    return creditLimit;
  }

  public StringProperty customerErrorProperty() {
    return customerError;
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

  /** True while the totals shown are the server's (after a save, until the next edit). */
  public BooleanProperty serverFiguresProperty() {
    return serverFigures;
  }

  public ObjectProperty<SalesOrder> orderProperty() {
    return order;
  }

  public StringProperty titleProperty() {
    return title;
  }

  public StringProperty stateTextProperty() {
    return stateText;
  }

  public BooleanProperty dirtyProperty() {
    return dirty;
  }

  /** New orders and quotations can be edited; confirmed orders cannot. */
  public BooleanBinding editableProperty() {
    return editable;
  }
}
