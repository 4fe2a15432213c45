package io.millstone.client.purchasing;

import io.millstone.api.masterdata.v1.Item;
import io.millstone.api.masterdata.v1.Party;
import io.millstone.api.purchasing.v1.PurchaseOrder;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.sales.Completion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
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
 * The purchase order form, built for the keyboard like the sales order: the supplier code completes
 * from the server, each line is item → quantity → agreed price, Enter moves on like Tab (Enter on
 * the last price opens a new line). Ctrl+S saves a draft, Ctrl+Enter submits.
 */
public final class PurchaseOrderView extends BorderPane {
  public static final KeyCombination SAVE =
      new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
  public static final KeyCombination SUBMIT =
      new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

  /** What the order's buttons open elsewhere. */
  public interface Actions {
    void receive(PurchaseOrder order);

    void bill(PurchaseOrder order);

    /** Asks whether to cancel the order; true means go ahead. */
    default boolean confirmCancel(PurchaseOrder order) {
      return false;
    }
  }

  /** What this person may do with purchase orders. */
  public record Rights(boolean manage, boolean receive, boolean bill) {}

  private static final double[] WIDTHS = {130, 230, 90, 60, 110, 120, 60, 110, 30};

  private final PurchaseOrderViewModel vm;
  private final Messages messages;
  private final GridPane grid = new GridPane();
  private final TextField supplier = new TextField();
  private final List<TextField[]> fields = new ArrayList<>();

  public PurchaseOrderView(
      PurchaseOrderViewModel vm, Messages messages, Rights rights, Actions actions) {
    this.vm = vm;
    this.messages = messages;
    setId("purchaseOrder");

    Label title = new Label();
    title.setId("poTitle");
    title.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_3);
    title.textProperty().bind(vm.titleProperty());
    Label state = new Label();
    state.setId("poState");
    state.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
    state.textProperty().bind(vm.stateTextProperty());
    Label decision = new Label();
    decision.setId("poDecision");
    decision.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
    decision.textProperty().bind(vm.decisionProperty());

    supplier.setId("supplierCode");
    supplier.setPromptText(messages.get("purchasing.order.supplierPrompt"));
    supplier.setPrefColumnCount(14);
    supplier.textProperty().bindBidirectional(vm.supplierCodeProperty());
    supplier.editableProperty().bind(vm.editableProperty());
    new Completion<Party>(
        supplier,
        "supplierSuggestions",
        vm::suggestSuppliers,
        p -> p.getCode() + "  " + p.getName(),
        vm::chooseSupplier);
    supplier
        .focusedProperty()
        .addListener(
            (o, a, b) -> {
              if (!b) {
                vm.resolveSupplier();
              }
            });
    supplier.setOnAction(
        e -> {
          vm.resolveSupplier();
          focusLine(0, 0);
        });
    Label supplierName = new Label();
    supplierName.setId("supplierName");
    supplierName.textProperty().bind(vm.supplierNameProperty());
    supplierName.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
    Label supplierError = Ui.error("supplierError");
    supplierError.textProperty().bind(vm.supplierErrorProperty());
    DatePicker date = new DatePicker();
    Dates.useFor(date);
    date.setId("poDate");
    date.valueProperty().bindBidirectional(vm.orderDateProperty());
    date.disableProperty().bind(vm.editableProperty().not());
    date.setPrefWidth(140);
    Label supplierLabel = new Label(messages.get("purchasing.order.supplier"));
    supplierLabel.setLabelFor(supplier);
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox head =
        new HBox(
            10, title, state, decision, grow, new Label(messages.get("sales.order.date")), date);
    head.setAlignment(Pos.CENTER_LEFT);
    HBox supplierRow = new HBox(10, supplierLabel, supplier, supplierName, supplierError);
    supplierRow.setAlignment(Pos.CENTER_LEFT);

    grid.setId("poLines");
    grid.setHgap(6);
    grid.setVgap(2);
    for (double w : WIDTHS) {
      grid.getColumnConstraints().add(new ColumnConstraints(w));
    }
    vm.lines()
        .addListener(
            (ListChangeListener<PurchaseLine>)
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
    VBox.setVgrow(linesScroll, Priority.ALWAYS);

    Label figures = new Label();
    figures.setId("poFiguresSource");
    figures.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
    figures
        .textProperty()
        .bind(
            Bindings.when(vm.serverFiguresProperty())
                .then(messages.get("purchasing.order.serverFigures"))
                .otherwise(messages.get("sales.order.estimate")));
    GridPane totals = new GridPane();
    totals.setHgap(12);
    totals.setVgap(2);
    totals.addRow(
        0,
        new Label(messages.get("sales.order.net")),
        amount("poNet", vm.netTotalProperty(), false));
    totals.addRow(
        1,
        new Label(messages.get("sales.order.vat")),
        amount("poVat", vm.vatTotalProperty(), false));
    totals.addRow(
        2,
        new Label(messages.get("sales.order.gross")),
        amount("poGross", vm.grossTotalProperty(), true));
    Region g2 = new Region();
    HBox.setHgrow(g2, Priority.ALWAYS);
    HBox totalsRow = new HBox(10, figures, g2, totals);
    totalsRow.setAlignment(Pos.BOTTOM_RIGHT);

    Button save = new Button(messages.get("purchasing.order.save"), new FontIcon(Material2MZ.SAVE));
    save.setId("savePo");
    save.setTooltip(new Tooltip("Ctrl+S"));
    save.setOnAction(e -> vm.save());
    save.visibleProperty()
        .bind(vm.editableProperty().and(Bindings.createBooleanBinding(rights::manage)));
    Button submit =
        new Button(messages.get("purchasing.order.submit"), new FontIcon(Material2MZ.SEND));
    submit.setId("submitPo");
    submit.setTooltip(new Tooltip("Ctrl+Enter"));
    submit.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
    submit.setOnAction(e -> vm.submit());
    submit
        .visibleProperty()
        .bind(vm.submittableProperty().and(Bindings.createBooleanBinding(rights::manage)));
    for (Button b : List.of(save, submit)) {
      b.managedProperty().bind(b.visibleProperty());
      b.disableProperty().bind(vm.busyProperty());
    }
    Button receive =
        new Button(
            messages.get("purchasing.order.receive"), new FontIcon(Material2MZ.MOVE_TO_INBOX));
    receive.setId("receiveButton");
    receive.setOnAction(e -> actions.receive(vm.orderProperty().get()));
    show(receive, rights.receive(), PurchaseOrderView::hasToReceive);
    Button bill =
        new Button(messages.get("purchasing.order.bill"), new FontIcon(Material2MZ.RECEIPT));
    bill.setId("billButton");
    bill.setOnAction(e -> actions.bill(vm.orderProperty().get()));
    show(bill, rights.bill(), PurchaseOrderView::hasToBill);
    Button cancel =
        new Button(messages.get("purchasing.order.cancel"), new FontIcon(Material2AL.CANCEL));
    cancel.setId("cancelPurchaseOrder");
    cancel.setMnemonicParsing(true);
    cancel.setOnAction(
        e -> {
          PurchaseOrder o = vm.orderProperty().get();
          if (o != null && actions.confirmCancel(o)) {
            vm.cancelOrder();
          }
        });
    show(cancel, rights.manage(), PurchaseOrderViewModel::cancellable);
    Label message = Ui.error("poMessage");
    message.textProperty().bind(vm.messageProperty());
    message.setMaxWidth(620);
    HBox.setHgrow(message, Priority.ALWAYS);
    HBox buttons = new HBox(8, save, submit, receive, bill, cancel, message);
    buttons.setAlignment(Pos.CENTER_LEFT);

    VBox body = new VBox(10, head, supplierRow, linesScroll, totalsRow, buttons);
    body.setPadding(new Insets(12));
    setCenter(body);

    addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (SAVE.match(e)) {
            vm.save();
            e.consume();
          } else if (SUBMIT.match(e)) {
            vm.submit();
            e.consume();
          }
        });
  }

  private void show(Button b, boolean allowed, Predicate<PurchaseOrder> when) {
    b.visibleProperty()
        .bind(
            Bindings.createBooleanBinding(
                () ->
                    allowed
                        && vm.orderProperty().get() != null
                        && when.test(vm.orderProperty().get()),
                vm.orderProperty()));
    b.managedProperty().bind(b.visibleProperty());
    b.disableProperty().bind(vm.busyProperty());
  }

  static boolean hasToReceive(PurchaseOrder o) {
    return o.getState()
            == io.millstone.api.purchasing.v1.PurchaseOrderState.PURCHASE_ORDER_STATE_APPROVED
        && o.getLinesList().stream().anyMatch(l -> ReceiptViewModel.toReceive(l).signum() > 0);
  }

  static boolean hasToBill(PurchaseOrder o) {
    return o.getLinesList().stream().anyMatch(l -> BillViewModel.toBill(l).signum() > 0);
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
    Label l = Ui.muted(messages.get(key));
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
        header("purchasing.line.price", true),
        header("sales.line.net", true),
        header("sales.line.vatRate", true),
        header("sales.line.vat", true));
    int row = 1;
    for (int i = 0; i < vm.lines().size(); i++) {
      PurchaseLine line = vm.lines().get(i);
      int index = i;
      TextField item = cell("po-" + i + "-item", line.itemCodeProperty(), false);
      item.setPromptText(messages.get("sales.line.itemPrompt"));
      new Completion<Item>(
          item,
          "poItemSuggestions",
          vm::suggestItems,
          it -> it.getCode() + "  " + it.getName(),
          it -> vm.chooseItem(line, it));
      item.focusedProperty()
          .addListener(
              (o, a, b) -> {
                if (!b) {
                  vm.resolveItem(line);
                }
              });
      TextField qty = cell("po-" + i + "-qty", line.quantityProperty(), true);
      TextField price = cell("po-" + i + "-price", line.priceProperty(), true);
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
      Label net = number("po-" + i + "-net", line.netProperty(), true);
      Label rate = number("po-" + i + "-rate", line.rateProperty(), false);
      Label vat = number("po-" + i + "-vat", line.vatProperty(), true);
      Button remove = new Button(null, new FontIcon(Material2AL.CLOSE));
      remove
          .getStyleClass()
          .addAll(atlantafx.base.theme.Styles.FLAT, atlantafx.base.theme.Styles.SMALL);
      remove.setFocusTraversable(false);
      remove.setTooltip(new Tooltip(messages.get("sales.line.remove")));
      remove.setOnAction(e -> vm.removeLine(line));
      remove.visibleProperty().bind(vm.editableProperty());
      grid.addRow(row, item, name, qty, unit, price, net, rate, vat, remove);
      Label error = Ui.error("po-" + i + "-error");
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

  /** Where the caret starts: the supplier on a new order, else the first line. */
  public void focusFirst() {
    Platform.runLater(
        () ->
            (supplier.isEditable() || fields.isEmpty() ? supplier : fields.get(0)[0])
                .requestFocus());
  }
}
