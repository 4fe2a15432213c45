package io.millstone.client.purchasing;

import io.millstone.api.purchasing.v1.PurchaseOrder;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.ScreenContext;
import io.millstone.client.core.ScreenDefinition;
import io.millstone.client.core.list.ColumnSpec;
import io.millstone.client.core.list.ListViewModel;
import io.millstone.client.core.list.PageSource;
import io.millstone.client.core.list.PagedTableView;
import io.millstone.client.remote.ProtoValues;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The purchasing screens: purchase orders (a list with a state filter that opens orders and new
 * ones), the approver's queue and supplier payments. Receipt and bill tabs open from an order.
 */
public final class PurchasingScreens {
  public static final List<String> STATES =
      List.of(
          "",
          "DRAFT",
          "AWAITING_APPROVAL",
          "APPROVED",
          "REJECTED",
          "RECEIVED",
          "CLOSED",
          "CANCELLED");
  private static final AtomicInteger NEW_ORDERS = new AtomicInteger();

  private final ScreenContext ctx;
  private final PurchasingGateway gateway;

  private PurchasingScreens(ScreenContext ctx, PurchasingGateway gateway) {
    this.ctx = ctx;
    this.gateway = gateway;
  }

  /** The purchasing screens, for the shell to show where the person's permissions allow. */
  public static List<ScreenDefinition> definitions(ScreenContext ctx, PurchasingGateway gateway) {
    PurchasingScreens s = new PurchasingScreens(ctx, gateway);
    return List.of(
        new ScreenDefinition(
            "purchase-orders",
            "screen.purchaseOrders",
            "domain.purchasing",
            "purchasing.read",
            Material2AL.ADD_SHOPPING_CART,
            s::orderList),
        new ScreenDefinition(
            "purchase-approvals",
            "screen.purchaseApprovals",
            "domain.purchasing",
            "purchasing.order.approve",
            Material2AL.FACT_CHECK,
            filter -> s.approvals()),
        new ScreenDefinition(
            "supplier-payments",
            "screen.supplierPayments",
            "domain.purchasing",
            "purchasing.payment.post",
            Material2MZ.PAYMENTS,
            filter -> s.paymentView("")));
  }

  static List<ColumnSpec<PurchaseOrder>> orderColumns(Messages m) {
    return List.of(
        new ColumnSpec<>("number", "sales.list.number", PurchaseOrder::getNumber, null, 140),
        new ColumnSpec<>(
            "date",
            "sales.order.date",
            o -> Dates.date(ProtoValues.date(o.getOrderDate())),
            null,
            100),
        new ColumnSpec<>(
            "supplier", "purchasing.list.supplierCode", PurchaseOrder::getSupplierCode, null, 110),
        new ColumnSpec<>(
            "name", "purchasing.order.supplier", PurchaseOrder::getSupplierName, null, 220),
        new ColumnSpec<>(
            "state",
            "sales.list.state",
            o -> PurchaseOrderViewModel.stateName(o.getState(), m),
            null,
            130),
        ColumnSpec.numeric(
            "net", "sales.order.net", o -> Amounts.money(o.getNetTotal().getAmount()), null, 130),
        ColumnSpec.numeric(
            "vat", "sales.order.vat", o -> Amounts.money(o.getVatTotal().getAmount()), null, 110),
        ColumnSpec.numeric(
            "gross",
            "sales.order.gross",
            o -> Amounts.money(o.getGrossTotal().getAmount()),
            null,
            140));
  }

  private Node orderList(String filter) {
    Messages m = ctx.messages();
    StringProperty state = new SimpleStringProperty("");
    // The quick filter narrows by supplier code; the state comes from the choice beside it.
    PageSource<PurchaseOrder> source =
        (query, token, size) -> gateway.orders(state.get(), query.filter(), token, size);
    ListViewModel<PurchaseOrder> vm =
        new ListViewModel<>(
            "purchase-orders", source, null, orderColumns(m), ctx.executor(), m, ctx.notifier());
    vm.filterProperty().set(filter);
    boolean canManage = ctx.can("purchasing.order.manage");
    vm.setOpener(o -> openOrder(vm, o));
    vm.setCreator(() -> openOrder(vm, null));
    PagedTableView<PurchaseOrder> list =
        new PagedTableView<>(vm, m, ctx.dialogs(), ctx.widths(), canManage, ctx.owner());
    list.filterField().setPromptText(m.get("purchasing.list.filterPrompt"));
    for (var c : list.table().getColumns()) {
      if (Arrays.asList("net", "vat", "gross").contains(c.getId().substring("col-".length()))) {
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
      }
    }
    ComboBox<String> states = new ComboBox<>();
    states.setId("poStateFilter");
    states.getItems().setAll(STATES);
    states.setConverter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(String s) {
            return s == null || s.isEmpty()
                ? m.get("sales.list.allStates")
                : PurchaseOrderViewModel.stateName(
                    io.millstone.api.purchasing.v1.PurchaseOrderState.valueOf(
                        "PURCHASE_ORDER_STATE_" + s),
                    m);
          }

          @Override
          public String fromString(String s) {
            return s;
          }
        });
    states.setValue("");
    states
        .valueProperty()
        .addListener(
            (o, a, b) -> {
              state.set(b == null ? "" : b);
              vm.refresh();
            });
    HBox top = new HBox(8, new Label(m.get("sales.list.state")), states);
    top.setAlignment(Pos.CENTER_LEFT);
    top.setPadding(new Insets(8, 8, 0, 8));
    BorderPane pane = new BorderPane(list);
    pane.setTop(top);
    pane.setId("purchaseOrders");
    vm.refresh();
    return pane;
  }

  private void openOrder(ListViewModel<PurchaseOrder> list, PurchaseOrder row) {
    PurchaseOrderViewModel vm =
        new PurchaseOrderViewModel(gateway, ctx.executor(), ctx.messages(), ctx.notifier());
    String tabId =
        row == null
            ? "purchase-order-new-" + NEW_ORDERS.incrementAndGet()
            : "purchase-order-" + row.getId();
    PurchaseOrderView.Rights rights =
        new PurchaseOrderView.Rights(
            ctx.can("purchasing.order.manage"),
            ctx.can("purchasing.receipt.post"),
            ctx.can("purchasing.bill.post"));
    PurchaseOrderView view =
        new PurchaseOrderView(
            vm,
            ctx.messages(),
            rights,
            new PurchaseOrderView.Actions() {
              @Override
              public void receive(PurchaseOrder order) {
                openReceipt(order, vm, list);
              }

              @Override
              public void bill(PurchaseOrder order) {
                openBill(order, vm, list);
              }
            });
    vm.setOnSaved(o -> list.refresh());
    vm.start();
    if (row != null) {
      vm.load(row);
      vm.open(row.getId());
    }
    ctx.workbench().show(tabId, vm.titleProperty(), view, Runnable::run);
    view.focusFirst();
  }

  private void openReceipt(
      PurchaseOrder order, PurchaseOrderViewModel orderVm, ListViewModel<PurchaseOrder> list) {
    ReceiptViewModel vm =
        new ReceiptViewModel(order, gateway, ctx.executor(), ctx.messages(), ctx.notifier());
    String tabId = "purchase-receipt-" + order.getId();
    vm.setOnPosted(
        r -> {
          ctx.workbench().close(tabId);
          orderVm.open(order.getId());
          list.refresh();
        });
    vm.start();
    ReceiptView view = new ReceiptView(vm, ctx.messages(), ctx.dialogs());
    ctx.workbench()
        .show(
            tabId,
            new SimpleStringProperty(
                ctx.messages().get("purchasing.receipt.tab", order.getNumber())),
            view,
            Runnable::run);
    view.focusFirst();
  }

  private void openBill(
      PurchaseOrder order, PurchaseOrderViewModel orderVm, ListViewModel<PurchaseOrder> list) {
    BillViewModel vm =
        new BillViewModel(order, gateway, ctx.executor(), ctx.messages(), ctx.notifier());
    String tabId = "purchase-bill-" + order.getId();
    vm.setOnPosted(
        b -> {
          ctx.workbench().close(tabId);
          orderVm.open(order.getId());
          list.refresh();
          if (ctx.can("purchasing.payment.post")) {
            openPayment(order.getSupplierCode());
          }
        });
    BillView view = new BillView(vm, ctx.messages(), ctx.dialogs());
    ctx.workbench()
        .show(
            tabId,
            new SimpleStringProperty(ctx.messages().get("purchasing.bill.tab", order.getNumber())),
            view,
            Runnable::run);
    view.focusFirst();
  }

  private Node approvals() {
    ApprovalsViewModel vm =
        new ApprovalsViewModel(gateway, ctx.executor(), ctx.messages(), ctx.notifier());
    ApprovalsView view = new ApprovalsView(vm, ctx.messages());
    vm.refresh();
    view.focusFirst();
    return view;
  }

  private Node paymentView(String supplierCode) {
    SupplierPaymentViewModel vm =
        new SupplierPaymentViewModel(gateway, ctx.executor(), ctx.messages(), ctx.notifier());
    vm.supplierCodeProperty().set(supplierCode);
    SupplierPaymentView view = new SupplierPaymentView(vm, ctx.messages(), ctx.dialogs());
    if (!supplierCode.isBlank()) {
      vm.loadBills();
    }
    view.focusFirst();
    return view;
  }

  private void openPayment(String supplierCode) {
    ctx.workbench()
        .show(
            "supplier-payment-" + supplierCode,
            new SimpleStringProperty(ctx.messages().get("purchasing.payment.tab", supplierCode)),
            paymentView(supplierCode),
            Runnable::run);
  }
}
