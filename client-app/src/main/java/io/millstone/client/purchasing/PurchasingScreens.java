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
  private io.millstone.client.papers.PapersGateway papers;

  private PurchasingScreens(ScreenContext ctx, PurchasingGateway gateway) {
    this.ctx = ctx;
    this.gateway = gateway;
  }

  /** The purchasing screens, for the shell to show where the person's permissions allow. */
  public static List<ScreenDefinition> definitions(ScreenContext ctx, PurchasingGateway gateway) {
    return definitions(ctx, gateway, null);
  }

  /**
   * The buying screens with their papers: a saved purchase order and the goods receipt just posted
   * from it print from the order's tab (none when {@code papers} is null).
   */
  public static List<ScreenDefinition> definitions(
      ScreenContext ctx,
      PurchasingGateway gateway,
      io.millstone.client.papers.PapersGateway papers) {
    PurchasingScreens s = new PurchasingScreens(ctx, gateway);
    s.papers = papers;
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
            filter -> s.paymentView("")),
        new ScreenDefinition(
            "supplier-bills",
            "screen.supplierBills",
            "domain.purchasing",
            "purchasing.read",
            Material2MZ.RECEIPT_LONG,
            s::billList),
        new ScreenDefinition(
            "payables",
            "screen.payables",
            "domain.purchasing",
            "purchasing.read",
            Material2MZ.TIMELINE,
            filter -> s.payables()));
  }

  static List<ColumnSpec<io.millstone.api.purchasing.v1.SupplierBill>> billColumns() {
    return List.of(
        new ColumnSpec<>(
            "number",
            "purchasing.bills.number",
            io.millstone.api.purchasing.v1.SupplierBill::getNumber,
            null,
            140),
        new ColumnSpec<>(
            "supplierInvoice",
            "purchasing.bills.supplierInvoice",
            io.millstone.api.purchasing.v1.SupplierBill::getSupplierInvoice,
            null,
            130),
        new ColumnSpec<>(
            "supplier",
            "purchasing.bills.supplier",
            io.millstone.api.purchasing.v1.SupplierBill::getSupplierCode,
            null,
            110),
        new ColumnSpec<>(
            "order",
            "purchasing.bills.order",
            io.millstone.api.purchasing.v1.SupplierBill::getOrderNumber,
            null,
            140),
        new ColumnSpec<>(
            "date",
            "purchasing.bills.date",
            b -> Dates.date(ProtoValues.date(b.getBillDate())),
            null,
            100),
        new ColumnSpec<>(
            "due",
            "purchasing.bills.due",
            b -> Dates.date(ProtoValues.date(b.getDueDate())),
            null,
            100),
        ColumnSpec.numeric(
            "gross",
            "purchasing.bills.gross",
            b -> Amounts.money(b.getGross().getAmount()),
            null,
            130),
        ColumnSpec.numeric(
            "open",
            "purchasing.bills.open",
            b -> Amounts.money(b.getOpen().getAmount()),
            null,
            130));
  }

  /**
   * Supplier bills newest first; the quick filter is a supplier code, "open:" before it for what is
   * left to pay. Enter shows the bill.
   */
  private Node billList(String filter) {
    Messages m = ctx.messages();
    PageSource<io.millstone.api.purchasing.v1.SupplierBill> source =
        (query, token, size) -> {
          String q = query.filter() == null ? "" : query.filter().trim();
          boolean open = q.toLowerCase(java.util.Locale.ROOT).startsWith("open:");
          return gateway.bills(open ? q.substring(5).trim() : q, open, token, size);
        };
    ListViewModel<io.millstone.api.purchasing.v1.SupplierBill> vm =
        new ListViewModel<>(
            "supplier-bills", source, null, billColumns(), ctx.executor(), m, ctx.notifier());
    vm.filterProperty().set(filter);
    vm.setOpener(this::showBill);
    PagedTableView<io.millstone.api.purchasing.v1.SupplierBill> list =
        new PagedTableView<>(vm, m, ctx.dialogs(), ctx.widths(), false, ctx.owner());
    list.filterField().setPromptText(m.get("purchasing.bills.filterPrompt"));
    for (var c : list.table().getColumns()) {
      if (List.of("col-gross", "col-open").contains(c.getId())) {
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
      }
    }
    vm.refresh();
    return list;
  }

  /** A supplier bill as posted: who billed what against which order, what is open, the voucher. */
  private void showBill(io.millstone.api.purchasing.v1.SupplierBill b) {
    Messages m = ctx.messages();
    javafx.scene.layout.GridPane facts = new javafx.scene.layout.GridPane();
    facts.setId("billDetail");
    facts.setHgap(12);
    facts.setVgap(4);
    String cur = b.getGross().getCurrencyCode();
    String[][] rows = {
      {"purchasing.bills.supplierInvoice", b.getSupplierInvoice()},
      {"purchasing.bills.supplier", b.getSupplierCode()},
      {"purchasing.bills.order", b.getOrderNumber()},
      {"purchasing.bills.date", Dates.date(ProtoValues.date(b.getBillDate()))},
      {"purchasing.bills.due", Dates.date(ProtoValues.date(b.getDueDate()))},
      {"purchasing.bills.net", Amounts.money(b.getNet().getAmount()) + " " + cur},
      {"purchasing.bills.vat", Amounts.money(b.getVat().getAmount()) + " " + cur},
      {"purchasing.bills.gross", Amounts.money(b.getGross().getAmount()) + " " + cur},
      {"purchasing.bills.open", Amounts.money(b.getOpen().getAmount()) + " " + cur},
      {"purchasing.bills.jv", b.getJournalEntryNumber()}
    };
    int r = 0;
    for (String[] row : rows) {
      Label key = new Label(m.get(row[0]));
      key.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
      Label value = new Label(row[1]);
      value.setId("bill-" + row[0].substring("purchasing.bills.".length()));
      facts.addRow(r++, key, value);
    }
    Label title = Ui.title(m.get("purchasing.bills.heading", b.getNumber()));
    javafx.scene.layout.VBox body = new javafx.scene.layout.VBox(12, title, facts);
    body.setPadding(new Insets(12));
    BorderPane pane = new BorderPane(body);
    pane.setId("billView");
    ctx.workbench()
        .show(
            "supplier-bill-" + b.getId(),
            new SimpleStringProperty(b.getNumber()),
            pane,
            Runnable::run);
  }

  private Node payables() {
    Messages m = ctx.messages();
    io.millstone.client.core.AgeingView view =
        new io.millstone.client.core.AgeingView(
            "payablesView",
            m.get("screen.payables"),
            "purchasing.bills.supplier",
            m,
            row ->
                ctx.workbench()
                    .show(
                        "supplier-bills-" + row.code(),
                        new SimpleStringProperty(m.get("purchasing.bills.openTab", row.code())),
                        billList("open: " + row.code()),
                        Runnable::run));
    ctx.executor()
        .submit(
            gateway::payablesAgeing,
            a ->
                view.show(
                    m.get("ageing.asOf", Dates.date(ProtoValues.date(a.getAsOf()))),
                    a.getRowsList().stream()
                        .map(
                            r ->
                                io.millstone.client.core.AgeingView.Row.of(
                                    r.getSupplierCode(),
                                    r.getSupplierName(),
                                    r.getCurrent(),
                                    r.getDays130(),
                                    r.getDays3160(),
                                    r.getDays6190(),
                                    r.getOver90(),
                                    r.getTotal()))
                        .toList(),
                    Amounts.money(a.getTotal().getAmount())),
            t -> view.failed(io.millstone.client.remote.ErrorText.of(t, m)));
    view.focusFirst();
    return view;
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
    javafx.beans.property.ObjectProperty<io.millstone.api.purchasing.v1.GoodsReceipt> lastReceipt =
        new javafx.beans.property.SimpleObjectProperty<>();
    PurchaseOrderView view =
        new PurchaseOrderView(
            vm,
            ctx.messages(),
            rights,
            new PurchaseOrderView.Actions() {
              @Override
              public void receive(PurchaseOrder order) {
                openReceipt(order, vm, list, lastReceipt::set);
              }

              @Override
              public void bill(PurchaseOrder order) {
                openBill(order, vm, list);
              }

              @Override
              public boolean confirmCancel(PurchaseOrder order) {
                return ctx.dialogs()
                    .confirmPosting(
                        new io.millstone.client.core.PostingSummary(
                            ctx.messages().get("purchasing.order.cancelTitle"),
                            ctx.messages()
                                .get(
                                    "purchasing.order.cancelQuestion",
                                    order.getNumber(),
                                    order.getSupplierName()),
                            List.of()));
              }
            });
    vm.setOnSaved(o -> list.refresh());
    vm.start();
    if (row != null) {
      vm.load(row);
      vm.open(row.getId());
    }
    javafx.scene.Node shown = view;
    if (papers != null) {
      BorderPane pane = io.millstone.client.core.print.PrintPreview.around(view);
      javafx.scene.control.Button print =
          io.millstone.client.core.print.PrintPreview.button(
              ctx.messages(),
              pane,
              "printButton",
              ctx.messages().get("print.button"),
              () -> saved(vm.orderProperty().get()),
              () -> {
                PurchaseOrder o = vm.orderProperty().get();
                io.millstone.client.core.print.PrintPreview.open(
                    ctx,
                    "po-" + o.getId(),
                    ctx.messages().get("print.paper.purchaseOrder", o.getNumber()),
                    (lang, sink) -> papers.purchaseOrder(o.getId(), lang, sink));
              });
      print
          .disableProperty()
          .bind(
              javafx.beans.binding.Bindings.createBooleanBinding(
                  () -> !saved(vm.orderProperty().get()), vm.orderProperty()));
      // The goods receipt note of the receipt just posted from this order (no call lists an
      // order's receipts, so an earlier receipt's note is printed when it is posted).
      javafx.scene.control.Button grn =
          io.millstone.client.core.print.PrintPreview.button(
              ctx.messages(),
              pane,
              "printGrnButton",
              ctx.messages().get("print.grnButton"),
              () -> lastReceipt.get() != null,
              () -> {
                var r = lastReceipt.get();
                io.millstone.client.core.print.PrintPreview.open(
                    ctx,
                    "grn-" + r.getId(),
                    ctx.messages().get("print.paper.goodsReceipt", r.getNumber()),
                    (lang, sink) -> papers.goodsReceipt(r.getId(), lang, sink));
              });
      grn.visibleProperty().bind(lastReceipt.isNotNull());
      grn.managedProperty().bind(grn.visibleProperty());
      io.millstone.client.core.print.PrintPreview.addButtons(pane, print, grn);
      shown = pane;
    }
    ctx.workbench().show(tabId, vm.titleProperty(), shown, Runnable::run);
    view.focusFirst();
  }

  private static boolean saved(PurchaseOrder o) {
    return o != null && !o.getId().isEmpty();
  }

  private void openReceipt(
      PurchaseOrder order,
      PurchaseOrderViewModel orderVm,
      ListViewModel<PurchaseOrder> list,
      java.util.function.Consumer<io.millstone.api.purchasing.v1.GoodsReceipt> posted) {
    ReceiptViewModel vm =
        new ReceiptViewModel(order, gateway, ctx.executor(), ctx.messages(), ctx.notifier());
    String tabId = "purchase-receipt-" + order.getId();
    vm.setOnPosted(
        r -> {
          ctx.workbench().close(tabId);
          orderVm.open(order.getId());
          list.refresh();
          posted.accept(r);
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
