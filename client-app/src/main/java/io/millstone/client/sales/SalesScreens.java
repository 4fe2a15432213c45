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
  private final io.millstone.client.papers.PapersGateway papers;

  private SalesScreens(
      ScreenContext ctx, SalesGateway gateway, io.millstone.client.papers.PapersGateway papers) {
    this.ctx = ctx;
    this.gateway = gateway;
    this.papers = papers;
  }

  /** The sales screens, for the shell to show where the person's permissions allow. */
  public static List<ScreenDefinition> definitions(ScreenContext ctx, SalesGateway gateway) {
    return definitions(ctx, gateway, null);
  }

  /**
   * The sales screens with their papers: the tax invoice, credit note, challan and money receipt
   * are printed from the screens that show them (none when {@code papers} is null).
   */
  public static List<ScreenDefinition> definitions(
      ScreenContext ctx, SalesGateway gateway, io.millstone.client.papers.PapersGateway papers) {
    SalesScreens s = new SalesScreens(ctx, gateway, papers);
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
            filter -> s.paymentView("")),
        new ScreenDefinition(
            "sales-invoices",
            "screen.salesInvoices",
            "domain.sales",
            "sales.read",
            Material2MZ.RECEIPT_LONG,
            s::invoiceList),
        new ScreenDefinition(
            "sales-receivables",
            "screen.receivables",
            "domain.sales",
            "sales.read",
            Material2MZ.TIMELINE,
            filter -> s.receivables()));
  }

  static List<ColumnSpec<Invoice>> invoiceColumns(Messages m) {
    return List.of(
        new ColumnSpec<>("number", "sales.list.number", Invoice::getNumber, null, 140),
        new ColumnSpec<>(
            "kind",
            "sales.invoices.kind",
            i ->
                m.get(
                    i.getKind() == io.millstone.api.sales.v1.InvoiceKind.INVOICE_KIND_CREDIT_NOTE
                        ? "sales.invoice.creditNote"
                        : "sales.invoice.heading"),
            null,
            110),
        new ColumnSpec<>(
            "date",
            "sales.invoice.date",
            i -> Dates.date(ProtoValues.date(i.getInvoiceDate())),
            null,
            100),
        new ColumnSpec<>(
            "due",
            "sales.invoice.due",
            i -> Dates.date(ProtoValues.date(i.getDueDate())),
            null,
            100),
        new ColumnSpec<>(
            "customer", "sales.list.customerCode", Invoice::getCustomerCode, null, 110),
        new ColumnSpec<>("name", "sales.list.customerName", Invoice::getCustomerName, null, 200),
        ColumnSpec.numeric(
            "gross", "sales.order.gross", i -> Amounts.money(i.getGross().getAmount()), null, 130),
        ColumnSpec.numeric(
            "open", "sales.invoice.open", i -> Amounts.money(i.getOpen().getAmount()), null, 130));
  }

  /**
   * Invoices and credit notes, newest first. The quick filter is a customer code; "open:" before it
   * (or alone) shows only what is left to pay. Enter opens the invoice as the server holds it.
   */
  private Node invoiceList(String filter) {
    Messages m = ctx.messages();
    PageSource<Invoice> source =
        (query, token, size) -> {
          String q = query.filter() == null ? "" : query.filter().trim();
          boolean open = q.toLowerCase(java.util.Locale.ROOT).startsWith("open:");
          String customer = open ? q.substring(5).trim() : q;
          return gateway.invoices(customer, open, token, size);
        };
    ListViewModel<Invoice> vm =
        new ListViewModel<>(
            "sales-invoices", source, null, invoiceColumns(m), ctx.executor(), m, ctx.notifier());
    vm.filterProperty().set(filter);
    vm.setOpener(i -> openInvoice(i.getId(), vm));
    PagedTableView<Invoice> list =
        new PagedTableView<>(vm, m, ctx.dialogs(), ctx.widths(), false, ctx.owner());
    list.filterField().setPromptText(m.get("sales.invoices.filterPrompt"));
    alignRight(list, "gross", "open");
    vm.refresh();
    return list;
  }

  /** Reads the invoice afresh (GetInvoice) and shows it, with the credit note beside it. */
  private void openInvoice(String id, ListViewModel<Invoice> list) {
    ctx.executor()
        .submit(
            () -> gateway.invoiceById(id),
            inv -> showInvoice(inv, list),
            t ->
                ctx.dialogs()
                    .showError(
                        ctx.messages().get("sales.invoices.title"),
                        io.millstone.client.remote.ErrorText.of(t, ctx.messages())));
  }

  private Node receivables() {
    Messages m = ctx.messages();
    io.millstone.client.core.AgeingView view =
        new io.millstone.client.core.AgeingView(
            "receivablesView",
            m.get("screen.receivables"),
            "sales.list.customerCode",
            m,
            row -> openCustomerInvoices(row.code()));
    ctx.executor()
        .submit(
            gateway::receivablesAgeing,
            a ->
                view.show(
                    m.get("ageing.asOf", Dates.date(ProtoValues.date(a.getAsOf()))),
                    a.getRowsList().stream()
                        .map(
                            r ->
                                io.millstone.client.core.AgeingView.Row.of(
                                    r.getCustomerCode(),
                                    r.getCustomerName(),
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

  /** The customer's open invoices, opened from the ageing. */
  private void openCustomerInvoices(String customerCode) {
    ctx.workbench()
        .show(
            "sales-invoices-" + customerCode,
            new SimpleStringProperty(ctx.messages().get("sales.invoices.openTab", customerCode)),
            invoiceList("open: " + customerCode),
            Runnable::run);
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
    javafx.beans.property.ObjectProperty<io.millstone.api.sales.v1.Delivery> lastDelivery =
        new javafx.beans.property.SimpleObjectProperty<>();
    OrderEntryView view =
        new OrderEntryView(
            vm,
            ctx.messages(),
            rights,
            new OrderEntryView.Actions() {
              @Override
              public void deliver(SalesOrder order) {
                openDelivery(order, vm, list, d -> lastDelivery.set(d));
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
    Node shown = view;
    if (papers != null) {
      // The challan of the delivery just posted from this order (no call lists an order's
      // deliveries, so an earlier delivery's challan is printed when it is posted).
      BorderPane pane = io.millstone.client.core.print.PrintPreview.around(view);
      javafx.scene.control.Button challan =
          io.millstone.client.core.print.PrintPreview.button(
              ctx.messages(),
              pane,
              "printChallanButton",
              ctx.messages().get("print.challanButton"),
              () -> lastDelivery.get() != null,
              () -> {
                var d = lastDelivery.get();
                io.millstone.client.core.print.PrintPreview.open(
                    ctx,
                    "challan-" + d.getId(),
                    ctx.messages().get("print.paper.challan", d.getNumber()),
                    (lang, sink) -> papers.deliveryChallan(d.getId(), lang, sink));
              });
      challan.visibleProperty().bind(lastDelivery.isNotNull());
      challan.managedProperty().bind(challan.visibleProperty());
      io.millstone.client.core.print.PrintPreview.addButtons(pane, challan);
      shown = pane;
    }
    ctx.workbench().show(tabId, vm.titleProperty(), shown, vm::requestClose);
    view.focusFirst();
  }

  private void openDelivery(
      SalesOrder order,
      OrderEntryViewModel orderVm,
      ListViewModel<SalesOrder> list,
      java.util.function.Consumer<io.millstone.api.sales.v1.Delivery> posted) {
    DeliveryViewModel vm =
        new DeliveryViewModel(order, gateway, ctx.executor(), ctx.messages(), ctx.notifier());
    String tabId = "sales-delivery-" + order.getId();
    vm.setOnPosted(
        d -> {
          ctx.workbench().close(tabId);
          orderVm.open(order.getId());
          list.refresh();
          posted.accept(d);
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
    showInvoice(inv, null);
  }

  private void showInvoice(Invoice inv, ListViewModel<Invoice> list) {
    InvoiceView view = new InvoiceView(inv, ctx.messages());
    boolean creditable =
        inv.getKind() == io.millstone.api.sales.v1.InvoiceKind.INVOICE_KIND_INVOICE
            && ctx.can("sales.invoice.post");
    Node shown = view;
    if (papers != null) {
      BorderPane pane = new BorderPane(view);
      HBox bar = new HBox(10);
      bar.setPadding(new Insets(0, 12, 12, 12));
      javafx.scene.control.Button print =
          io.millstone.client.core.print.PrintPreview.button(
              ctx.messages(), pane, () -> true, () -> printInvoice(inv));
      bar.getChildren().add(print);
      // Keyboard first: the shown invoice prints with Enter, Space or Ctrl+P.
      javafx.application.Platform.runLater(print::requestFocus);
      if (creditable) {
        javafx.scene.control.Button credit =
            new javafx.scene.control.Button(
                ctx.messages().get("sales.credit.open"),
                new org.kordamp.ikonli.javafx.FontIcon(Material2MZ.REPLY));
        credit.setId("creditNoteButton");
        credit.setMnemonicParsing(true);
        credit.setOnAction(e -> openCreditNote(inv, list));
        bar.getChildren().add(credit);
      }
      pane.setBottom(bar);
      shown = pane;
    } else if (creditable) {
      javafx.scene.control.Button credit =
          new javafx.scene.control.Button(
              ctx.messages().get("sales.credit.open"),
              new org.kordamp.ikonli.javafx.FontIcon(Material2MZ.REPLY));
      credit.setId("creditNoteButton");
      credit.setMnemonicParsing(true);
      credit.setOnAction(e -> openCreditNote(inv, list));
      HBox bar = new HBox(10, credit);
      bar.setPadding(new Insets(0, 12, 12, 12));
      BorderPane pane = new BorderPane(view);
      pane.setBottom(bar);
      shown = pane;
    }
    ctx.workbench()
        .show(
            "sales-invoice-" + inv.getId(),
            new SimpleStringProperty(inv.getNumber()),
            shown,
            Runnable::run);
  }

  /** Mushak 6.3 of an invoice, or 6.7 of a credit note, in the print preview. */
  private void printInvoice(Invoice inv) {
    boolean credit =
        inv.getKind() == io.millstone.api.sales.v1.InvoiceKind.INVOICE_KIND_CREDIT_NOTE;
    String id = inv.getId();
    io.millstone.client.core.print.PrintPreview.open(
        ctx,
        "invoice-" + id,
        ctx.messages()
            .get(credit ? "print.paper.creditNote" : "print.paper.taxInvoice", inv.getNumber()),
        credit
            ? (lang, sink) -> papers.creditNote(id, lang, sink)
            : (lang, sink) -> papers.taxInvoice(id, lang, sink));
  }

  private void openCreditNote(Invoice inv, ListViewModel<Invoice> list) {
    CreditNoteViewModel vm =
        new CreditNoteViewModel(inv, gateway, ctx.executor(), ctx.messages(), ctx.notifier());
    String tabId = "sales-credit-" + inv.getId();
    vm.setOnPosted(
        cn -> {
          ctx.workbench().close(tabId);
          ctx.workbench().close("sales-invoice-" + inv.getId());
          if (list != null) {
            list.refresh();
          }
          showInvoice(cn, list);
        });
    CreditNoteView view = new CreditNoteView(vm, ctx.messages(), ctx.dialogs());
    ctx.workbench()
        .show(
            tabId,
            new SimpleStringProperty(ctx.messages().get("sales.credit.tab", inv.getNumber())),
            view,
            Runnable::run);
    view.focusFirst();
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
    if (papers == null) {
      return view;
    }
    // The money receipt of the payment just posted here.
    javafx.beans.property.ObjectProperty<io.millstone.api.sales.v1.Payment> last =
        new javafx.beans.property.SimpleObjectProperty<>();
    vm.setOnPosted(last::set);
    BorderPane pane = io.millstone.client.core.print.PrintPreview.around(view);
    javafx.scene.control.Button receipt =
        io.millstone.client.core.print.PrintPreview.button(
            ctx.messages(),
            pane,
            "printReceiptButton",
            ctx.messages().get("print.receiptButton"),
            () -> last.get() != null,
            () -> {
              var p = last.get();
              io.millstone.client.core.print.PrintPreview.open(
                  ctx,
                  "receipt-" + p.getId(),
                  ctx.messages().get("print.paper.moneyReceipt", p.getNumber()),
                  (lang, sink) -> papers.moneyReceipt(p.getId(), lang, sink));
            });
    receipt.visibleProperty().bind(last.isNotNull());
    receipt.managedProperty().bind(receipt.visibleProperty());
    io.millstone.client.core.print.PrintPreview.addButtons(pane, receipt);
    return pane;
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
