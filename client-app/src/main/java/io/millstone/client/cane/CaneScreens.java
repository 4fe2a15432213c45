package io.millstone.client.cane;

import io.millstone.api.cane.v1.Permit;
import io.millstone.api.cane.v1.PermitState;
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
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The cane screens: the weighbridge, permit issue and the permit list, cane bills and the payment
 * run, the grower's statement, seasons and prices, growers with plots and loans.
 */
public final class CaneScreens {
  public static final List<String> PERMIT_STATES =
      List.of("", "ISSUED", "USED", "EXPIRED", "CANCELLED");

  private final ScreenContext ctx;
  private final CaneGateway gateway;
  private io.millstone.client.papers.PapersGateway papers;

  private CaneScreens(ScreenContext ctx, CaneGateway gateway) {
    this.ctx = ctx;
    this.gateway = gateway;
  }

  /** The cane screens, for the shell to show where the person's permissions allow. */
  public static List<ScreenDefinition> definitions(ScreenContext ctx, CaneGateway gateway) {
    return definitions(ctx, gateway, null);
  }

  /**
   * The cane screens with their papers: the A4 weighbridge ticket of the last truck weighed, and
   * each cane bill's (none when {@code papers} is null).
   */
  public static List<ScreenDefinition> definitions(
      ScreenContext ctx, CaneGateway gateway, io.millstone.client.papers.PapersGateway papers) {
    CaneScreens s = new CaneScreens(ctx, gateway);
    s.papers = papers;
    List<ScreenDefinition> list = new ArrayList<>();
    list.add(
        new ScreenDefinition(
            "weighbridge",
            "screen.weighbridge",
            "domain.cane",
            "cane.weigh",
            Material2AL.LOCAL_SHIPPING,
            filter -> s.weighbridge()));
    list.add(
        new ScreenDefinition(
            "permit-issue",
            "screen.permitIssue",
            "domain.cane",
            "cane.permit.manage",
            Material2AL.ASSIGNMENT,
            filter -> s.permitIssue()));
    list.add(
        new ScreenDefinition(
            "permits",
            "screen.permits",
            "domain.cane",
            "cane.read",
            Material2AL.CONFIRMATION_NUMBER,
            s::permitList));
    list.add(
        new ScreenDefinition(
            "cane-payment-run",
            "screen.canePaymentRun",
            "domain.cane",
            "cane.pay",
            Material2MZ.PAYMENTS,
            filter -> s.paymentRun()));
    list.add(
        new ScreenDefinition(
            "grower-statement",
            "screen.growerStatement",
            "domain.cane",
            "cane.read",
            Material2AL.ARTICLE,
            s::statement));
    list.add(
        new ScreenDefinition(
            "cane-seasons",
            "screen.caneSeasons",
            "domain.cane",
            "cane.read",
            Material2AL.EVENT,
            filter -> s.seasons()));
    list.add(
        new ScreenDefinition(
            "growers",
            "screen.growers",
            "domain.cane",
            "cane.read",
            Material2AL.AGRICULTURE,
            filter -> s.growers()));
    return list;
  }

  private Node seasons() {
    SeasonsViewModel vm = new SeasonsViewModel(gateway, ctx.executor(), ctx.messages());
    SeasonsView view = new SeasonsView(vm, ctx.messages());
    vm.refresh();
    return view;
  }

  private Node growers() {
    GrowersViewModel vm = new GrowersViewModel(gateway, ctx.executor(), ctx.messages());
    GrowersView view = new GrowersView(vm, ctx.messages());
    vm.refresh();
    return view;
  }

  private Node weighbridge() {
    WeighbridgeViewModel vm = new WeighbridgeViewModel(gateway, ctx.executor(), ctx.messages());
    WeighbridgeView view = new WeighbridgeView(vm, ctx.messages(), ctx.dialogs());
    vm.start();
    view.focusFirst();
    if (papers == null) {
      return view;
    }
    // The A4 ticket of the last truck weighed (Ctrl+P stays the driver's slip on the bridge).
    javafx.scene.layout.BorderPane pane = io.millstone.client.core.print.PrintPreview.around(view);
    javafx.scene.control.Button a4 =
        new javafx.scene.control.Button(ctx.messages().get("print.ticketButton"));
    a4.setId("printTicketButton");
    a4.setMnemonicParsing(true);
    a4.setFocusTraversable(false);
    a4.disableProperty().bind(vm.lastProperty().isNull());
    a4.setOnAction(
        e -> {
          var t = vm.lastProperty().get();
          if (t != null) {
            io.millstone.client.core.print.PrintPreview.open(
                ctx,
                "ticket-" + t.getId(),
                ctx.messages().get("print.paper.ticket", t.getNumber()),
                (lang, sink) -> papers.weighbridgeTicket(t.getId(), lang, sink));
          }
        });
    io.millstone.client.core.print.PrintPreview.addButtons(pane, a4);
    return pane;
  }

  private Node permitIssue() {
    PermitIssueViewModel vm = new PermitIssueViewModel(gateway, ctx.executor(), ctx.messages());
    PermitIssueView view = new PermitIssueView(vm, ctx.messages());
    vm.start();
    view.focusFirst();
    return view;
  }

  static String stateName(PermitState s, Messages m) {
    return m.get("cane.permit.state." + s.name());
  }

  static List<ColumnSpec<Permit>> permitColumns(Messages m) {
    return List.of(
        new ColumnSpec<>("number", "cane.permit.number", Permit::getNumber, null, 140),
        new ColumnSpec<>(
            "date",
            "cane.permit.date",
            p -> Dates.date(ProtoValues.date(p.getPermitDate())),
            null,
            100),
        new ColumnSpec<>("centre", "cane.wb.centre", Permit::getWarehouseCode, null, 100),
        new ColumnSpec<>("grower", "cane.grower.number", Permit::getGrowerNumber, null, 100),
        new ColumnSpec<>("name", "cane.grower.name", Permit::getGrowerName, null, 200),
        ColumnSpec.numeric(
            "quota",
            "cane.permit.quota",
            p -> Amounts.quantityShown(p.getQuotaQuintals().getValue()),
            null,
            100),
        new ColumnSpec<>("state", "cane.permit.state", p -> stateName(p.getState(), m), null, 110),
        new ColumnSpec<>("ticket", "cane.wb.col.ticket", Permit::getTicketNumber, null, 130));
  }

  private Node permitList(String filter) {
    Messages m = ctx.messages();
    StringProperty state = new SimpleStringProperty("");
    // The quick filter narrows by grower number; the state comes from the choice beside it.
    PageSource<Permit> source =
        (query, token, size) -> gateway.permits("", null, state.get(), query.filter(), token, size);
    ListViewModel<Permit> vm =
        new ListViewModel<>(
            "permits", source, null, permitColumns(m), ctx.executor(), m, ctx.notifier());
    vm.filterProperty().set(filter);
    PagedTableView<Permit> list =
        new PagedTableView<>(vm, m, ctx.dialogs(), ctx.widths(), false, ctx.owner());
    list.filterField().setPromptText(m.get("cane.permit.filterPrompt"));
    ComboBox<String> states = new ComboBox<>();
    states.setId("permitStateFilter");
    states.getItems().setAll(PERMIT_STATES);
    states.setConverter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(String s) {
            return s == null || s.isEmpty()
                ? m.get("sales.list.allStates")
                : stateName(PermitState.valueOf("PERMIT_STATE_" + s), m);
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
    HBox top = new HBox(8, new Label(m.get("cane.permit.state")), states);
    if (ctx.can("cane.permit.manage")) {
      top.getChildren().addAll(permitCancel(list));
    }
    top.setAlignment(Pos.CENTER_LEFT);
    top.setPadding(new Insets(8, 8, 0, 8));
    BorderPane pane = new BorderPane(list);
    pane.setTop(top);
    pane.setId("permitList");
    vm.refresh();
    return pane;
  }

  /** The cancel button of the permit list (Delete on a row), with what it did or why not. */
  private List<Node> permitCancel(PagedTableView<Permit> list) {
    Messages m = ctx.messages();
    PermitCancelViewModel cancel =
        new PermitCancelViewModel(gateway, ctx.executor(), m, list.viewModel()::refresh);
    cancel.selectedProperty().bind(list.table().getSelectionModel().selectedItemProperty());
    Button button = new Button(m.get("cane.permit.cancel"), new FontIcon(Material2AL.BLOCK));
    button.setId("permitCancel");
    button.setTooltip(new Tooltip(m.get("cane.permit.cancelHint")));
    button.disableProperty().bind(cancel.cancellableBinding().not().or(cancel.busyProperty()));
    Runnable ask =
        () -> {
          String question = cancel.question();
          if (question != null && !cancel.isBusy()) {
            ctx.dialogs()
                .askText(m.get("cane.permit.cancelTitle"), question, "")
                .ifPresent(cancel::cancel);
          }
        };
    button.setOnAction(e -> ask.run());
    list.table()
        .addEventHandler(
            KeyEvent.KEY_PRESSED,
            e -> {
              if (e.getCode() == KeyCode.DELETE) {
                e.consume();
                ask.run();
              }
            });
    Label done = Ui.bound("permitCancelDone", cancel.doneProperty());
    done.setWrapText(false);
    Label refused = Ui.error("permitCancelError", cancel.messageProperty());
    refused.setMaxWidth(720);
    return List.of(button, done, refused);
  }

  private Node paymentRun() {
    CanePaymentRunViewModel vm =
        new CanePaymentRunViewModel(gateway, ctx.executor(), ctx.messages(), ctx.notifier());
    CanePaymentRunView view =
        new CanePaymentRunView(
            vm,
            ctx.messages(),
            ctx.dialogs(),
            papers == null
                ? null
                : bill ->
                    io.millstone.client.core.print.PrintPreview.open(
                        ctx,
                        "cane-bill-" + bill.getId(),
                        ctx.messages().get("print.paper.caneBill", bill.getNumber()),
                        (lang, sink) -> papers.caneBill(bill.getId(), lang, sink)));
    vm.start();
    view.focusFirst();
    return view;
  }

  private Node statement(String filter) {
    GrowerStatementViewModel vm =
        new GrowerStatementViewModel(gateway, ctx.executor(), ctx.messages());
    GrowerStatementView view = new GrowerStatementView(vm, ctx.messages());
    if (filter != null && !filter.isBlank()) {
      vm.growerNumberProperty().set(filter.trim());
      vm.load();
    }
    view.focusFirst();
    return view;
  }
}
