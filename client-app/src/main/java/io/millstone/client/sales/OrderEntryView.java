package io.millstone.client.sales;

import io.millstone.api.masterdata.v1.Item;
import io.millstone.api.masterdata.v1.Party;
import io.millstone.api.sales.v1.OrderState;
import io.millstone.api.sales.v1.SalesOrder;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Styles;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The sales order form, built for the keyboard: the customer code completes from the server, each
 * line is item code → quantity → price, and Enter moves on like Tab (Enter on the last price opens
 * a new line). Ctrl+S saves a quotation, Ctrl+Enter confirms.
 */
public final class OrderEntryView extends BorderPane {
  public static final KeyCombination SAVE =
      new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
  public static final KeyCombination CONFIRM =
      new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

  /** What the order's buttons open elsewhere. */
  public interface Actions {
    void deliver(SalesOrder order);

    void pay(SalesOrder order);
  }

  /** What this person may do with orders. */
  public record Rights(boolean manage, boolean deliver, boolean invoice, boolean pay) {}

  private static final double[] WIDTHS = {130, 230, 90, 60, 110, 120, 60, 110, 30};

  private final OrderEntryViewModel vm;
  private final Messages messages;
  private final GridPane grid = new GridPane();
  private final TextField customer = new TextField();
  private final List<TextField[]> fields = new ArrayList<>();

  public OrderEntryView(OrderEntryViewModel vm, Messages messages, Rights rights, Actions actions) {
    this.vm = vm;
    this.messages = messages;
    setId("orderEntry");
    getStyleClass().add("ms-order");

    // heading
    Label title = new Label();
    title.setId("orderTitle");
    title.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_3);
    title.textProperty().bind(vm.titleProperty());
    Label state = new Label();
    state.setId("orderState");
    state.getStyleClass().addAll(atlantafx.base.theme.Styles.ACCENT);
    state.textProperty().bind(vm.stateTextProperty());

    // customer
    customer.setId("customerCode");
    customer.setPromptText(messages.get("sales.order.customerPrompt"));
    customer.setPrefColumnCount(14);
    customer.textProperty().bindBidirectional(vm.customerCodeProperty());
    customer.editableProperty().bind(vm.editableProperty().and(vm.orderProperty().isNull()));
    new Completion<Party>(
        customer,
        "customerSuggestions",
        vm::suggestCustomers,
        p -> p.getCode() + "  " + p.getName(),
        vm::chooseCustomer);
    customer
        .focusedProperty()
        .addListener(
            (o, a, b) -> {
              if (!b) {
                vm.resolveCustomer();
              }
            });
    customer.setOnAction(
        e -> {
          vm.resolveCustomer();
          focusLine(0, 0);
        });
    Label customerName = new Label();
    customerName.setId("customerName");
    customerName.textProperty().bind(vm.customerNameProperty());
    customerName.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
    Label limit = new Label();
    limit.setId("creditLimit");
    limit.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
    limit.textProperty().bind(vm.creditLimitProperty());
    Label customerError = errorLabel("customerError");
    customerError.textProperty().bind(vm.customerErrorProperty());
    DatePicker date = new DatePicker();
    Dates.useFor(date);
    date.setId("orderDate");
    date.valueProperty().bindBidirectional(vm.orderDateProperty());
    date.disableProperty().bind(vm.editableProperty().not().or(vm.orderProperty().isNotNull()));
    date.setPrefWidth(140);
    Label customerLabel = new Label(messages.get("sales.order.customer"));
    customerLabel.setLabelFor(customer);
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox head = new HBox(10, title, state, grow, new Label(messages.get("sales.order.date")), date);
    head.setAlignment(Pos.CENTER_LEFT);
    HBox customerRow = new HBox(10, customerLabel, customer, customerName, limit, customerError);
    customerRow.setAlignment(Pos.CENTER_LEFT);

    // lines
    grid.setId("orderLines");
    grid.setHgap(6);
    grid.setVgap(2);
    for (double w : WIDTHS) {
      ColumnConstraints c = new ColumnConstraints(w);
      grid.getColumnConstraints().add(c);
    }
    vm.lines()
        .addListener(
            (ListChangeListener<OrderLine>)
                c -> {
                  boolean structural = false;
                  while (c.next()) {
                    structural |= c.wasAdded() || c.wasRemoved() || c.wasPermutated();
                  }
                  if (structural) {
                    rebuildLines();
                  }
                });
    rebuildLines();
    ScrollPane linesScroll = new ScrollPane(grid);
    linesScroll.setFitToWidth(true);
    linesScroll.setId("linesScroll");
    VBox.setVgrow(linesScroll, Priority.ALWAYS);

    // totals
    Label figures = new Label();
    figures.setId("figuresSource");
    figures.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
    figures
        .textProperty()
        .bind(
            Bindings.when(vm.serverFiguresProperty())
                .then(messages.get("sales.order.serverFigures"))
                .otherwise(messages.get("sales.order.estimate")));
    GridPane totals = new GridPane();
    totals.setHgap(12);
    totals.setVgap(2);
    totals.addRow(
        0,
        new Label(messages.get("sales.order.net")),
        amount("netTotal", vm.netTotalProperty(), false));
    totals.addRow(
        1,
        new Label(messages.get("sales.order.vat")),
        amount("vatTotal", vm.vatTotalProperty(), false));
    totals.addRow(
        2,
        new Label(messages.get("sales.order.gross")),
        amount("grossTotal", vm.grossTotalProperty(), true));
    Region g2 = new Region();
    HBox.setHgrow(g2, Priority.ALWAYS);
    HBox totalsRow = new HBox(10, figures, g2, totals);
    totalsRow.setAlignment(Pos.BOTTOM_RIGHT);

    // commands
    Button save =
        new Button(messages.get("sales.order.saveQuotation"), new FontIcon(Material2MZ.SAVE));
    save.setId("saveQuotation");
    save.setTooltip(new Tooltip("Ctrl+S"));
    save.setOnAction(e -> vm.saveQuotation());
    Button confirm =
        new Button(messages.get("sales.order.confirm"), new FontIcon(Material2AL.CHECK_CIRCLE));
    confirm.setId("confirmOrder");
    confirm.setTooltip(new Tooltip("Ctrl+Enter"));
    confirm.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
    confirm.setOnAction(e -> vm.confirm());
    for (Button b : List.of(save, confirm)) {
      b.visibleProperty()
          .bind(vm.editableProperty().and(Bindings.createBooleanBinding(rights::manage)));
      b.managedProperty().bind(b.visibleProperty());
      b.disableProperty().bind(vm.busyProperty());
    }
    Button deliver =
        new Button(messages.get("sales.order.deliver"), new FontIcon(Material2AL.LOCAL_SHIPPING));
    deliver.setId("deliverButton");
    deliver.setOnAction(e -> actions.deliver(vm.orderProperty().get()));
    show(deliver, rights.deliver(), () -> hasOpen(vm.orderProperty().get()));
    Button invoice =
        new Button(messages.get("sales.order.invoice"), new FontIcon(Material2MZ.RECEIPT));
    invoice.setId("invoiceButton");
    invoice.setOnAction(e -> vm.invoice());
    show(invoice, rights.invoice(), () -> hasUninvoiced(vm.orderProperty().get()));
    Button pay =
        new Button(
            messages.get("sales.order.payment"), new FontIcon(Material2AL.ACCOUNT_BALANCE_WALLET));
    pay.setId("paymentButton");
    pay.setOnAction(e -> actions.pay(vm.orderProperty().get()));
    show(
        pay,
        rights.pay(),
        () -> {
          SalesOrder o = vm.orderProperty().get();
          return o != null
              && o.getState() != OrderState.ORDER_STATE_QUOTATION
              && o.getState() != OrderState.ORDER_STATE_CANCELLED;
        });
    Button cancel =
        new Button(messages.get("sales.order.cancel"), new FontIcon(Material2AL.CANCEL));
    cancel.setId("cancelOrder");
    cancel.setMnemonicParsing(true);
    cancel.setOnAction(e -> vm.cancelOrder());
    show(cancel, rights.manage(), () -> OrderEntryViewModel.cancellable(vm.orderProperty().get()));
    Label message = errorLabel("orderMessage");
    message.textProperty().bind(vm.messageProperty());
    message.setMaxWidth(620);
    HBox.setHgrow(message, Priority.ALWAYS);
    HBox buttons = new HBox(8, save, confirm, deliver, invoice, pay, cancel, message);
    buttons.setAlignment(Pos.CENTER_LEFT);

    VBox body = new VBox(10, head, customerRow, linesScroll, totalsRow, buttons);
    body.setPadding(new Insets(12));
    setCenter(body);

    addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (SAVE.match(e)) {
            vm.saveQuotation();
            e.consume();
          } else if (CONFIRM.match(e)) {
            vm.confirm();
            e.consume();
          }
        });
  }

  private void show(Button b, boolean allowed, java.util.concurrent.Callable<Boolean> when) {
    b.visibleProperty()
        .bind(Bindings.createBooleanBinding(() -> allowed && when.call(), vm.orderProperty()));
    b.managedProperty().bind(b.visibleProperty());
    b.disableProperty().bind(vm.busyProperty());
  }

  static boolean hasOpen(SalesOrder o) {
    return o != null
        && o.getState() == OrderState.ORDER_STATE_CONFIRMED
        && o.getLinesList().stream()
            .anyMatch(
                l ->
                    Amounts.of(l.getQuantity().getValue())
                            .compareTo(Amounts.of(l.getDelivered().getValue()))
                        > 0);
  }

  static boolean hasUninvoiced(SalesOrder o) {
    return o != null
        && o.getLinesList().stream()
            .anyMatch(
                l ->
                    Amounts.of(l.getDelivered().getValue())
                            .compareTo(Amounts.of(l.getInvoiced().getValue()))
                        > 0);
  }

  private static Label errorLabel(String id) {
    Label l = new Label();
    l.setId(id);
    l.getStyleClass().add(Styles.ERROR_TEXT);
    l.setWrapText(true);
    return l;
  }

  private static Label amount(String id, javafx.beans.value.ObservableStringValue v, boolean bold) {
    Label l = new Label();
    l.setId(id);
    l.textProperty().bind(v);
    l.setMinWidth(140);
    l.setAlignment(Pos.CENTER_RIGHT);
    if (bold) {
      l.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
    }
    return l;
  }

  private Label header(String key, boolean right) {
    Label l = new Label(messages.get(key));
    l.getStyleClass()
        .addAll(atlantafx.base.theme.Styles.TEXT_SMALL, atlantafx.base.theme.Styles.TEXT_MUTED);
    l.setMaxWidth(Double.MAX_VALUE);
    l.setAlignment(right ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
    return l;
  }

  private void rebuildLines() {
    grid.getChildren().clear();
    fields.clear();
    grid.addRow(
        0,
        header("sales.line.item", false),
        header("sales.line.name", false),
        header("sales.line.quantity", true),
        header("sales.line.unit", false),
        header("sales.line.price", true),
        header("sales.line.net", true),
        header("sales.line.vatRate", true),
        header("sales.line.vat", true));
    int row = 1;
    for (int i = 0; i < vm.lines().size(); i++) {
      OrderLine line = vm.lines().get(i);
      int index = i;
      TextField item = cell("line-" + i + "-item", line.itemCodeProperty(), false);
      item.setPromptText(messages.get("sales.line.itemPrompt"));
      new Completion<Item>(
          item,
          "itemSuggestions",
          vm::suggestItems,
          it ->
              it.getCode()
                  + "  "
                  + it.getName()
                  + "  "
                  + Amounts.money(it.getDefaultSalePrice().getAmount()),
          it -> vm.chooseItem(line, it));
      item.focusedProperty()
          .addListener(
              (o, a, b) -> {
                if (!b) {
                  vm.resolveItem(line);
                }
              });
      TextField qty = cell("line-" + i + "-qty", line.quantityProperty(), true);
      TextField price = cell("line-" + i + "-price", line.priceProperty(), true);
      item.setOnAction(e -> focusLine(index, 1));
      qty.setOnAction(e -> focusLine(index, 2));
      price.setOnAction(
          e -> {
            if (index == vm.lines().size() - 1) {
              vm.addLine();
            }
            focusLine(index + 1, 0);
          });
      fields.add(new TextField[] {item, qty, price});
      Label name = new Label();
      name.textProperty().bind(line.itemNameProperty());
      Label unit = new Label();
      unit.textProperty().bind(line.unitProperty());
      Label net = number("line-" + i + "-net", line.netProperty(), true);
      Label rate = number("line-" + i + "-rate", line.rateProperty(), false);
      Label vat = number("line-" + i + "-vat", line.vatProperty(), true);
      Button remove = new Button(null, new FontIcon(Material2AL.CLOSE));
      remove
          .getStyleClass()
          .addAll(atlantafx.base.theme.Styles.FLAT, atlantafx.base.theme.Styles.SMALL);
      remove.setFocusTraversable(false);
      remove.setTooltip(new Tooltip(messages.get("sales.line.remove")));
      remove.setOnAction(e -> vm.removeLine(line));
      remove.visibleProperty().bind(vm.editableProperty());
      grid.addRow(row, item, name, qty, unit, price, net, rate, vat, remove);
      Label error = errorLabel("line-" + i + "-error");
      error.textProperty().bind(line.errorProperty());
      error.managedProperty().bind(line.errorProperty().isNotEmpty());
      error.visibleProperty().bind(error.managedProperty());
      grid.add(error, 0, row + 1, 9, 1);
      GridPane.setHalignment(error, HPos.LEFT);
      row += 2;
    }
  }

  private TextField cell(String id, javafx.beans.property.StringProperty p, boolean right) {
    TextField f = new TextField();
    f.setId(id);
    f.textProperty().bindBidirectional(p);
    f.editableProperty().bind(vm.editableProperty());
    // A confirmed order's lines read like a document, not like fields waiting for input.
    f.styleProperty()
        .bind(
            Bindings.when(vm.editableProperty())
                .then("")
                .otherwise("-fx-background-color: transparent; -fx-border-color: transparent;"));
    if (right) {
      f.setAlignment(Pos.CENTER_RIGHT);
    }
    return f;
  }

  private static Label number(
      String id, javafx.beans.value.ObservableValue<BigDecimal> v, boolean money) {
    Label l = new Label();
    l.setId(id);
    l.textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    v.getValue() == null
                        ? ""
                        : money
                            ? Amounts.money(v.getValue())
                            : Amounts.quantity(v.getValue()) + "%",
                v));
    l.setMaxWidth(Double.MAX_VALUE);
    l.setAlignment(Pos.CENTER_RIGHT);
    return l;
  }

  /** Puts the caret into line {@code index}'s field (0 item, 1 quantity, 2 price). */
  void focusLine(int index, int column) {
    Platform.runLater(
        () -> {
          if (index < fields.size()) {
            TextField f = fields.get(index)[column];
            f.requestFocus();
            f.selectAll();
          }
        });
  }

  /** Where the caret starts: the customer on a new order, else the first line. */
  public void focusFirst() {
    Node n = customer.isEditable() ? customer : fields.isEmpty() ? customer : fields.get(0)[0];
    Platform.runLater(n::requestFocus);
  }
}
