package io.millstone.client.sales;

import io.millstone.api.sales.v1.Invoice;
import io.millstone.api.sales.v1.SalesOrder;
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
 * The sales screens: the order list (with a state filter) that opens orders and new ones, and the
 * payment screen. Delivery and invoice tabs are opened from an order.
 */
public final class SalesScreens {
  public static final List<String> STATES =
      List.of("", "QUOTATION", "CONFIRMED", "DELIVERED", "INVOICED", "CANCELLED");
  private static final AtomicInteger NEW_ORDERS = new AtomicInteger();

  private final ScreenContext ctx;
  private final SalesGateway gateway;

  private SalesScreens(ScreenContext ctx, SalesGateway gateway) {
    this.ctx = ctx;
    this.gateway = gateway;
  }

  /** The sales screens, for the shell to show where the person's permissions allow. */
  public static List<ScreenDefinition> definitions(ScreenContext ctx, SalesGateway gateway) {
    SalesScreens s = new SalesScreens(ctx, gateway);
    return List.of(
        new ScreenDefinition(
            "sales-orders",
            "screen.salesOrders",
            "domain.sales",
            "sales.read",
            Material2MZ.SHOPPING_CART,
            s::orderList),
        new ScreenDefinition(
            "sales-payments",
            "screen.payments",
            "domain.sales",
            "sales.payment.post",
            Material2AL.ACCOUNT_BALANCE_WALLET,
            filter -> s.paymentView("")));
  }

  static List<ColumnSpec<SalesOrder>> orderColumns(Messages m) {
    return List.of(
        new ColumnSpec<>(
            "number",
            "sales.list.number",
            o -> o.getNumber().isEmpty() ? o.getQuoteNumber() : o.getNumber(),
            null,
            140),
        new ColumnSpec<>(
            "date",
            "sales.order.date",
            o -> Dates.date(ProtoValues.date(o.getOrderDate())),
            null,
            100),
        new ColumnSpec<>(
            "customer", "sales.list.customerCode", SalesOrder::getCustomerCode, null, 110),
        new ColumnSpec<>("name", "sales.list.customerName", SalesOrder::getCustomerName, null, 220),
        new ColumnSpec<>(
            "state",
            "sales.list.state",
            o -> OrderEntryViewModel.stateName(o.getState(), m),
            null,
            110),
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
    // The quick filter narrows by customer code; the state comes from the choice beside it.
    PageSource<SalesOrder> source =
        (query, token, size) -> gateway.orders(state.get(), query.filter(), token, size);
    ListViewModel<SalesOrder> vm =
        new ListViewModel<>(
            "sales-orders", source, null, orderColumns(m), ctx.executor(), m, ctx.notifier());
    vm.filterProperty().set(filter);
    boolean canManage = ctx.can("sales.order.manage");
    vm.setOpener(o -> openOrder(vm, o));
    vm.setCreator(() -> openOrder(vm, null));
    PagedTableView<SalesOrder> list =
        new PagedTableView<>(vm, m, ctx.dialogs(), ctx.widths(), canManage, ctx.owner());
    list.filterField().setPromptText(m.get("sales.list.filterPrompt"));
    alignRight(list, "net", "vat", "gross");
    ComboBox<String> states = new ComboBox<>();
    states.setId("stateFilter");
    states.getItems().setAll(STATES);
    states.setConverter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(String s) {
            return s == null || s.isEmpty()
                ? m.get("sales.list.allStates")
                : OrderEntryViewModel.stateName(
                    io.millstone.api.sales.v1.OrderState.valueOf("ORDER_STATE_" + s), m);
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
    pane.setId("salesOrders");
    vm.refresh();
    return pane;
  }

  /** Amounts line up on the right, as on paper. */
  static void alignRight(PagedTableView<?> list, String... columnIds) {
    for (var c : list.table().getColumns()) {
      if (java.util.Arrays.asList(columnIds).contains(c.getId().substring("col-".length()))) {
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
      }
    }
  }

  private void openOrder(ListViewModel<SalesOrder> list, SalesOrder row) {
    OrderEntryViewModel vm =
        new OrderEntryViewModel(
            gateway, ctx.executor(), ctx.dialogs(), ctx.messages(), ctx.notifier());
    String tabId =
        row == null
            ? "sales-order-new-" + NEW_ORDERS.incrementAndGet()
            : "sales-order-" + row.getId();
    OrderEntryView.Rights rights =
        new OrderEntryView.Rights(
            ctx.can("sales.order.manage"),
            ctx.can("sales.delivery.post"),
            ctx.can("sales.invoice.post"),
            ctx.can("sales.payment.post"));
    OrderEntryView view =
        new OrderEntryView(
            vm,
            ctx.messages(),
            rights,
            new OrderEntryView.Actions() {
              @Override
              public void deliver(SalesOrder order) {
                openDelivery(order, vm, list);
              }

              @Override
              public void pay(SalesOrder order) {
                openPayment(order.getCustomerCode());
              }
            });
    vm.setOnSaved(o -> list.refresh());
    vm.setOnInvoiced(this::showInvoice);
    vm.start();
    if (row != null) {
      vm.load(row);
      vm.open(row.getId());
    }
    ctx.workbench().show(tabId, vm.titleProperty(), view, vm::requestClose);
    view.focusFirst();
  }

  private void openDelivery(
      SalesOrder order, OrderEntryViewModel orderVm, ListViewModel<SalesOrder> list) {
    DeliveryViewModel vm =
        new DeliveryViewModel(order, gateway, ctx.executor(), ctx.messages(), ctx.notifier());
    String tabId = "sales-delivery-" + order.getId();
    vm.setOnPosted(
        d -> {
          ctx.workbench().close(tabId);
          orderVm.open(order.getId());
          list.refresh();
        });
    vm.start();
    DeliveryView view = new DeliveryView(vm, ctx.messages(), ctx.dialogs());
    ctx.workbench()
        .show(
            tabId,
            new SimpleStringProperty(ctx.messages().get("sales.delivery.tab", order.getNumber())),
            view,
            Runnable::run);
    view.focusFirst();
  }

  private void showInvoice(Invoice inv) {
    ctx.workbench()
        .show(
            "sales-invoice-" + inv.getId(),
            new SimpleStringProperty(inv.getNumber()),
            new InvoiceView(inv, ctx.messages()),
            Runnable::run);
  }

  private Node paymentView(String customerCode) {
    PaymentViewModel vm =
        new PaymentViewModel(gateway, ctx.executor(), ctx.messages(), ctx.notifier());
    vm.customerCodeProperty().set(customerCode);
    PaymentView view = new PaymentView(vm, ctx.messages(), ctx.dialogs());
    if (!customerCode.isBlank()) {
      vm.loadInvoices();
    }
    view.focusFirst();
    return view;
  }

  private void openPayment(String customerCode) {
    ctx.workbench()
        .show(
            "sales-payment-" + customerCode,
            new SimpleStringProperty(ctx.messages().get("sales.payment.tab", customerCode)),
            paymentView(customerCode),
            Runnable::run);
  }
}
