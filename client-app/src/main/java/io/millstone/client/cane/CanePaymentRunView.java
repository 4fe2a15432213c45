package io.millstone.client.cane;

import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.DialogService;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Posting;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Cane bills for a period, and the payment run over the unpaid ones. */
public final class CanePaymentRunView extends BorderPane {
  private final DatePicker from = new DatePicker();

  public CanePaymentRunView(CanePaymentRunViewModel vm, Messages m, DialogService dialogs) {
    this(vm, m, dialogs, null);
  }

  /**
   * @param printBill opens a bill's print preview (a Print button on each bill's row); null for
   *     none
   */
  public CanePaymentRunView(
      CanePaymentRunViewModel vm,
      Messages m,
      DialogService dialogs,
      java.util.function.Consumer<io.millstone.api.cane.v1.CaneBill> printBill) {
    setId("canePaymentRunView");
    ComboBox<String> season = new ComboBox<>();
    season.setId("crSeason");
    vm.seasons()
        .addListener(
            (ListChangeListener<io.millstone.api.cane.v1.Season>)
                c ->
                    season.getItems().setAll(vm.seasons().stream().map(s -> s.getCode()).toList()));
    season.valueProperty().bindBidirectional(vm.seasonProperty());
    Dates.useFor(from);
    from.setId("crFrom");
    from.valueProperty().bindBidirectional(vm.fromProperty());
    DatePicker to = new DatePicker();
    Dates.useFor(to);
    to.setId("crTo");
    to.valueProperty().bindBidirectional(vm.toProperty());
    Button create = new Button(m.get("cane.bill.create"));
    create.setId("crCreateBills");
    create.disableProperty().bind(vm.busyProperty());
    create.setOnAction(e -> vm.createBills());
    HBox billsRow =
        new HBox(
            10,
            new Label(m.get("cane.season")),
            season,
            new Label(m.get("cane.bill.from")),
            from,
            new Label(m.get("cane.bill.to")),
            to,
            create);
    billsRow.setAlignment(Pos.CENTER_LEFT);
    Label billed = Ui.bound("crBilled", vm.billedProperty());

    GridPane grid = new GridPane();
    grid.setId("crBills");
    grid.setHgap(10);
    grid.setVgap(4);
    CheckBox all = new CheckBox();
    all.setId("crAll");
    all.setOnAction(e -> vm.selectAll(all.isSelected()));
    Runnable rebuild =
        () -> {
          grid.getChildren().clear();
          grid.addRow(
              0,
              all,
              Ui.muted(m.get("cane.bill.number")),
              Ui.muted(m.get("cane.wb.col.grower")),
              Ui.mutedRight(m.get("cane.bill.quintal")),
              Ui.mutedRight(m.get("cane.bill.value")),
              Ui.mutedRight(m.get("cane.bill.deducted")),
              Ui.mutedRight(m.get("cane.bill.payable")),
              Ui.muted(m.get("cane.run.method")),
              Ui.muted(m.get("cane.run.reference")));
          int row = 1;
          for (CanePaymentRunViewModel.Row r : vm.rows()) {
            String n = r.bill().getNumber();
            CheckBox pick = new CheckBox();
            pick.setId("crPick-" + n);
            pick.selectedProperty().bindBidirectional(r.selectedProperty());
            ComboBox<String> method = new ComboBox<>();
            method.setId("crMethod-" + n);
            method.getItems().setAll(CanePaymentRunViewModel.METHODS);
            method.valueProperty().bindBidirectional(r.methodProperty());
            method.setPrefWidth(150);
            method.setConverter(
                new javafx.util.StringConverter<>() {
                  @Override
                  public String toString(String s) {
                    return s == null ? "" : m.get("cane.method." + s);
                  }

                  @Override
                  public String fromString(String s) {
                    return s;
                  }
                });
            Button reverse = new Button(m.get("cane.reverse"));
            reverse.setId("crReverse-" + n);
            reverse.getStyleClass().add(atlantafx.base.theme.Styles.SMALL);
            reverse.setTooltip(new javafx.scene.control.Tooltip(m.get("cane.bill.reverseHint")));
            reverse.disableProperty().bind(vm.busyProperty());
            reverse.setOnAction(
                e -> {
                  if (dialogs.confirmPosting(vm.billReversal(r))) {
                    dialogs
                        .askText(
                            m.get("cane.bill.reverseTitle"),
                            m.get("cane.bill.reverseReason", n),
                            "")
                        .ifPresent(why -> vm.reverseBill(r, why));
                  }
                });
            javafx.scene.Node printIt = new Label();
            if (printBill != null) {
              Button p = new Button(m.get("print.billButton"));
              p.setId("crPrint-" + n);
              p.getStyleClass().add(atlantafx.base.theme.Styles.SMALL);
              p.setOnAction(e -> printBill.accept(r.bill()));
              printIt = p;
            }
            TextField ref = new TextField();
            ref.setId("crRef-" + n);
            ref.setPrefColumnCount(8);
            ref.textProperty().bindBidirectional(r.referenceProperty());
            grid.addRow(
                row++,
                pick,
                fixed(n),
                fixed(r.bill().getGrowerNumber() + " " + r.bill().getGrowerName()),
                Ui.right(Weights.quintalShown(Weights.kgOf(r.bill().getCane()))),
                Ui.right(Amounts.money(r.bill().getCaneValue().getAmount())),
                Ui.right(Amounts.money(r.bill().getDeducted().getAmount())),
                Ui.right(Amounts.money(r.amount())),
                method,
                ref,
                reverse,
                printIt,
                Ui.error("crError-" + n, r.errorProperty()));
          }
        };
    vm.rows()
        .addListener(
            (ListChangeListener<CanePaymentRunViewModel.Row>)
                c -> {
                  boolean structural = false;
                  while (c.next()) {
                    structural |= c.wasAdded() || c.wasRemoved();
                  }
                  if (structural) {
                    rebuild.run();
                  }
                });
    rebuild.run();
    ScrollPane scroll = new ScrollPane(grid);
    scroll.setPrefViewportHeight(300);

    DatePicker date = new DatePicker();
    Dates.useFor(date);
    date.setId("crPaymentDate");
    date.valueProperty().bindBidirectional(vm.paymentDateProperty());
    Label total = Ui.bound("crTotal", vm.totalTextProperty());
    HBox runRow = new HBox(10, new Label(m.get("cane.run.date")), date, total);
    runRow.setAlignment(Pos.CENTER_LEFT);
    Button post = new Button(m.get("cane.run.post"));
    post.setId("crPost");
    post.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
    post.disableProperty().bind(vm.busyProperty());
    Posting.wire(this, post, dialogs, vm::summary, vm::post);
    Label message = Ui.error("crMessage", vm.messageProperty());
    Label done = Ui.bound("crPosted", vm.postedProperty());
    done.getStyleClass().add(atlantafx.base.theme.Styles.SUCCESS);
    Button reverseRun = new Button(m.get("cane.run.reverse"));
    reverseRun.setId("crReverseRun");
    reverseRun
        .visibleProperty()
        .bind(
            javafx.beans.binding.Bindings.createBooleanBinding(
                vm::canReverseRun, vm.lastRunProperty()));
    reverseRun.managedProperty().bind(reverseRun.visibleProperty());
    reverseRun.disableProperty().bind(vm.busyProperty());
    reverseRun.setOnAction(
        e -> {
          io.millstone.client.core.PostingSummary summary = vm.runReversal();
          if (summary != null && dialogs.confirmPosting(summary)) {
            dialogs
                .askText(
                    m.get("cane.run.reverseTitle"),
                    m.get("cane.run.reverseReason", vm.lastRunProperty().get().getNumber()),
                    "")
                .ifPresent(vm::reverseRun);
          }
        });
    HBox doneRow = new HBox(10, done, reverseRun);
    doneRow.setAlignment(Pos.CENTER_LEFT);
    Label reversed = Ui.bound("crReversed", vm.reversedProperty());
    reversed.getStyleClass().add(atlantafx.base.theme.Styles.WARNING);
    GridPane past = new GridPane();
    past.setId("crRuns");
    past.setHgap(14);
    past.setVgap(4);
    Runnable rebuildRuns =
        () -> {
          past.getChildren().clear();
          past.addRow(
              0,
              Ui.muted(m.get("cane.runs.number")),
              Ui.muted(m.get("cane.runs.date")),
              Ui.mutedRight(m.get("cane.runs.bills")),
              Ui.mutedRight(m.get("cane.runs.total")),
              Ui.muted(m.get("cane.runs.state")));
          if (vm.pastRuns().isEmpty()) {
            past.add(Ui.muted(m.get("cane.runs.none")), 0, 1, 5, 1);
          }
          int row = 1;
          for (CanePaymentRunViewModel.PastRun r : vm.pastRuns()) {
            var run = r.run();
            String n = run.getNumber();
            Label state = new Label();
            state.setId("crRunState-" + n);
            state
                .textProperty()
                .bind(
                    javafx.beans.binding.Bindings.createStringBinding(
                        () -> m.get("cane.runs.state." + stateName(r.run())), r.runProperty()));
            Button reverse = new Button(m.get("cane.reverse"));
            reverse.setId("crRunReverse-" + n);
            reverse.getStyleClass().add(atlantafx.base.theme.Styles.SMALL);
            reverse
                .visibleProperty()
                .bind(
                    javafx.beans.binding.Bindings.createBooleanBinding(r::posted, r.runProperty()));
            reverse.disableProperty().bind(vm.busyProperty());
            reverse.setOnAction(
                e -> {
                  io.millstone.client.core.PostingSummary summary = vm.runReversal(r);
                  if (summary != null && dialogs.confirmPosting(summary)) {
                    dialogs
                        .askText(
                            m.get("cane.run.reverseTitle"), m.get("cane.run.reverseReason", n), "")
                        .ifPresent(why -> vm.reverseRun(r, why));
                  }
                });
            past.addRow(
                row++,
                fixed(n),
                fixed(
                    Dates.date(io.millstone.client.remote.ProtoValues.date(run.getPaymentDate()))),
                Ui.right(Integer.toString(run.getPaymentsCount())),
                Ui.right(Amounts.money(run.getTotal().getAmount())),
                state,
                reverse,
                Ui.error("crRunError-" + n, r.errorProperty()));
          }
        };
    vm.pastRuns()
        .addListener((ListChangeListener<CanePaymentRunViewModel.PastRun>) c -> rebuildRuns.run());
    rebuildRuns.run();
    Button refreshRuns = new Button(m.get("telemetry.refresh"));
    refreshRuns.setId("crRunsRefresh");
    refreshRuns.getStyleClass().add(atlantafx.base.theme.Styles.SMALL);
    refreshRuns.setOnAction(e -> vm.loadRuns());
    HBox runsTitle = new HBox(10, Ui.muted(m.get("cane.runs.title")), refreshRuns);
    runsTitle.setAlignment(Pos.CENTER_LEFT);
    ScrollPane runsScroll = new ScrollPane(past);
    runsScroll.setPrefViewportHeight(120);
    runsScroll.setMinViewportHeight(100);
    // Short windows take the room from the bills list first: the past runs keep a few rows.
    VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
    HBox buttons = new HBox(10, post, message);
    buttons.setAlignment(Pos.CENTER_LEFT);
    VBox body =
        new VBox(
            10,
            Ui.title(m.get("cane.run.title")),
            billsRow,
            billed,
            Ui.muted(m.get("cane.run.unpaid")),
            scroll,
            runRow,
            buttons,
            doneRow,
            reversed,
            runsTitle,
            runsScroll);
    body.setPadding(new Insets(12));
    setCenter(body);
  }

  private static String stateName(io.millstone.api.cane.v1.CanePaymentRun run) {
    return run.getState().name().replace("CANE_PAYMENT_RUN_STATE_", "");
  }

  private static Label fixed(String text) {
    Label l = new Label(text);
    l.setMinWidth(Label.USE_PREF_SIZE);
    return l;
  }

  public void focusFirst() {
    Platform.runLater(from::requestFocus);
  }

  /** The shell focuses the screen when it shows it: the caret goes to the first field. */
  @Override
  public void requestFocus() {
    from.requestFocus();
  }
}
