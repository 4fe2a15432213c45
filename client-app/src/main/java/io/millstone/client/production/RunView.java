package io.millstone.client.production;

import io.millstone.api.production.v1.DowntimeEvent;
import io.millstone.api.production.v1.PostingLine;
import io.millstone.api.production.v1.ProductionRun;
import io.millstone.api.production.v1.RunFigures;
import io.millstone.api.production.v1.RunLine;
import io.millstone.api.production.v1.RunPosting;
import io.millstone.api.production.v1.RunState;
import io.millstone.api.production.v1.RunStop;
import io.millstone.api.production.v1.Shift;
import io.millstone.api.production.v1.StopReason;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.DialogService;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Posting;
import io.millstone.client.remote.Production;
import io.millstone.client.remote.ProtoValues;
import java.util.List;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * One production run on one screen: plan it, start it, note consumption, outputs and stops as the
 * shift goes, watch its figures, read what finishing will post, then finish (or reverse) it.
 */
public final class RunView extends BorderPane {
  private final RunViewModel vm;
  private final Messages m;
  private final ComboBox<String> workCentre;
  private final boolean canManage;

  /**
   * {@code canManage}: may plan, start and record (production.run.manage); {@code canPost}: may
   * finish and reverse (production.run.post). Others read the run.
   */
  public RunView(
      RunViewModel vm,
      Messages messages,
      DialogService dialogs,
      boolean canManage,
      boolean canPost) {
    this.vm = vm;
    this.m = messages;
    this.canManage = canManage;
    setId("runView");

    Label title = Tables.title("runTitle");
    title.textProperty().bind(vm.titleProperty());
    Label state = new Label();
    state.setId("runState");
    state.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
    state
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    vm.runProperty().get() == null
                        ? ""
                        : RunViewModel.stateName(vm.runProperty().get().getState(), m),
                vm.runProperty()));
    Button start = new Button(m.get("production.run.start"), new FontIcon(Material2MZ.PLAY_ARROW));
    start.setId("startRun");
    start.setOnAction(e -> vm.startRun());
    shownIn(start, RunState.RUN_STATE_PLANNED, canManage);
    Button finish = new Button(m.get("production.run.finish"), new FontIcon(Material2AL.DONE_ALL));
    finish.setId("finishRun");
    finish.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
    Posting.wire(this, finish, dialogs, vm::summary, vm::finish);
    shownIn(finish, RunState.RUN_STATE_STARTED, canPost);
    Button reverse = new Button(m.get("production.run.reverse"), new FontIcon(Material2MZ.UNDO));
    reverse.setId("reverseRun");
    reverse.setOnAction(
        e ->
            dialogs
                .askText(m.get("production.run.reverse"), m.get("production.run.reversePrompt"), "")
                .ifPresent(vm::reverse));
    shownIn(reverse, RunState.RUN_STATE_FINISHED, canPost);
    Label message = Tables.error("runMessage");
    message.textProperty().bind(vm.messageProperty());
    HBox head = Tables.row(12, title, state, start, finish, reverse, message);
    head.setAlignment(Pos.CENTER_LEFT);

    // plan: work centre, BOM, date, shift, warehouse; fixed once the run exists
    workCentre = new ComboBox<>(vm.workCentres());
    workCentre.setId("runWorkCentre");
    workCentre.valueProperty().bindBidirectional(vm.workCentreProperty());
    ComboBox<String> bom = new ComboBox<>(vm.bomCodes());
    bom.setId("runBom");
    bom.valueProperty().bindBidirectional(vm.bomProperty());
    DatePicker date = new DatePicker();
    Dates.useFor(date);
    date.setId("runDate");
    date.setPrefWidth(150);
    date.valueProperty().bindBidirectional(vm.dateProperty());
    ComboBox<Shift> shift = new ComboBox<>();
    shift.setId("runShift");
    shift.getItems().setAll(RunViewModel.SHIFTS);
    shift.setConverter(named(s -> RunViewModel.shiftName(s, m)));
    shift.valueProperty().bindBidirectional(vm.shiftProperty());
    ComboBox<String> warehouse = new ComboBox<>(vm.warehouses());
    warehouse.setId("runWarehouse");
    // typed when the person may not read the warehouse list
    warehouse.setEditable(true);
    warehouse.setPrefWidth(130);
    warehouse.valueProperty().bindBidirectional(vm.warehouseProperty());
    Button plan = new Button(m.get("production.run.plan"), new FontIcon(Material2AL.EVENT));
    plan.setId("planRun");
    plan.setOnAction(e -> vm.plan());
    plan.visibleProperty()
        .bind(vm.runProperty().isNull().and(new SimpleBooleanProperty(canManage)));
    plan.managedProperty().bind(plan.visibleProperty());
    Label window = new Label();
    window.setId("runWindow");
    window
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> windowText(vm.runProperty().get()), vm.runProperty()));
    for (Node n : List.of(workCentre, bom, date, shift, warehouse)) {
      n.disableProperty().bind(vm.runProperty().isNotNull());
    }
    HBox planRow =
        new HBox(
            8,
            new Label(m.get("production.run.workCentre")),
            workCentre,
            new Label(m.get("production.run.bom")),
            bom,
            new Label(m.get("production.run.date")),
            date,
            new Label(m.get("production.run.shift")),
            shift,
            new Label(m.get("production.run.warehouse")),
            warehouse,
            plan,
            window);
    planRow.setAlignment(Pos.CENTER_LEFT);

    VBox left =
        new VBox(
            6,
            Tables.section(m.get("production.run.consumption")),
            lines("consumptionTable", false),
            entry(
                "consume",
                vm.inputChoices(),
                vm.consumeItemProperty(),
                vm.consumeQtyProperty(),
                vm.consumeLotProperty(),
                vm::consume),
            errorOf("consumeError", vm.consumeErrorProperty()),
            Tables.section(m.get("production.run.outputs")),
            lines("outputTable", true),
            entry(
                "output",
                vm.outputChoices(),
                vm.outputItemProperty(),
                vm.outputQtyProperty(),
                vm.outputLotProperty(),
                vm::output),
            errorOf("outputError", vm.outputErrorProperty()));
    VBox right =
        new VBox(
            6,
            Tables.section(m.get("production.run.figures")),
            figures(),
            Tables.section(m.get("production.run.stops")),
            stopsTable(),
            stopEntry(),
            errorOf("stopError", vm.stopErrorProperty()),
            Tables.section(m.get("production.run.downtime")),
            downtimeTable());
    HBox.setHgrow(left, Priority.ALWAYS);
    left.setPrefWidth(640);
    right.setPrefWidth(560);
    right.setMinWidth(560);
    HBox columns = new HBox(16, left, right);
    for (Node n : List.of(left, right)) {
      n.disableProperty().bind(vm.runProperty().isNull());
    }
    VBox posting =
        new VBox(
            6,
            Tables.row(16, Tables.section(m.get("production.run.posting")), postingTotals()),
            postingTable());
    posting.disableProperty().bind(vm.runProperty().isNull());
    VBox body = new VBox(10, head, planRow, columns, posting);
    body.setPadding(new Insets(12));
    ScrollPane scroll = new ScrollPane(body);
    scroll.setFitToWidth(true);
    setCenter(scroll);
  }

  private void shownIn(Button b, RunState s, boolean allowed) {
    b.visibleProperty()
        .bind(
            Bindings.createBooleanBinding(
                () ->
                    allowed
                        && vm.runProperty().get() != null
                        && vm.runProperty().get().getState() == s,
                vm.runProperty()));
    b.managedProperty().bind(b.visibleProperty());
    b.disableProperty().bind(vm.busyProperty());
  }

  private String windowText(ProductionRun r) {
    if (r == null) {
      return "";
    }
    return m.get(
        "production.run.window",
        Dates.dateTime(Production.instant(r.getWindowStart())),
        Dates.dateTime(Production.instant(r.getWindowEnd())));
  }

  private static <T> StringConverter<T> named(java.util.function.Function<T, String> name) {
    return new StringConverter<>() {
      @Override
      public String toString(T t) {
        return t == null ? "" : name.apply(t);
      }

      @Override
      public T fromString(String s) {
        return null;
      }
    };
  }

  private static Label errorOf(String id, javafx.beans.value.ObservableStringValue v) {
    Label l = Tables.error(id);
    l.textProperty().bind(v);
    l.managedProperty().bind(l.textProperty().isNotEmpty());
    l.visibleProperty().bind(l.managedProperty());
    return l;
  }

  private TableView<RunLine> lines(String id, boolean outputs) {
    TableView<RunLine> t = Tables.table(id, outputs ? 170 : 125);
    t.getColumns().add(Tables.column(m.get("sales.line.item"), RunLine::getItemCode, 110, false));
    t.getColumns().add(Tables.column(m.get("sales.line.name"), RunLine::getItemName, 170, false));
    if (outputs) {
      t.getColumns()
          .add(
              Tables.column(
                  m.get("production.bom.type"),
                  l -> BomViewModel.typeName(l.getType(), m),
                  100,
                  false));
    }
    t.getColumns()
        .add(
            Tables.column(
                m.get("sales.line.quantity"),
                l -> Amounts.quantityShown(l.getQuantity().getValue()) + " " + l.getUnitCode(),
                100,
                true));
    t.getColumns().add(Tables.column(m.get("sales.delivery.lot"), RunLine::getLot, 90, false));
    t.getColumns()
        .add(
            Tables.column(
                m.get("production.run.value"),
                l -> Amounts.money(l.getValue().getAmount()),
                110,
                true));
    vm.runProperty()
        .addListener(
            (o, a, r) ->
                t.getItems()
                    .setAll(
                        r == null
                            ? List.of()
                            : outputs ? r.getOutputsList() : r.getConsumptionList()));
    return t;
  }

  private HBox entry(
      String prefix,
      javafx.collections.ObservableList<RunViewModel.ItemChoice> choices,
      javafx.beans.property.StringProperty item,
      javafx.beans.property.StringProperty qty,
      javafx.beans.property.StringProperty lot,
      Runnable add) {
    ComboBox<String> itemBox = new ComboBox<>();
    itemBox.setId(prefix + "Item");
    itemBox.setPrefWidth(230);
    Runnable fill =
        () ->
            itemBox.getItems().setAll(choices.stream().map(RunViewModel.ItemChoice::code).toList());
    choices.addListener(
        (javafx.collections.ListChangeListener<RunViewModel.ItemChoice>) c -> fill.run());
    fill.run();
    itemBox.setConverter(
        named(
            code ->
                choices.stream()
                    .filter(c -> c.code().equals(code))
                    .map(c -> c.code() + "  " + c.name())
                    .findFirst()
                    .orElse(code)));
    itemBox.valueProperty().bindBidirectional(item);
    TextField q = new TextField();
    q.setId(prefix + "Qty");
    q.setPromptText(m.get("sales.line.quantity"));
    q.setPrefColumnCount(7);
    q.setAlignment(Pos.CENTER_RIGHT);
    q.textProperty().bindBidirectional(qty);
    Label unit = new Label();
    unit.textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    choices.stream()
                        .filter(c -> c.code().equals(item.get()))
                        .map(RunViewModel.ItemChoice::unit)
                        .findFirst()
                        .orElse(""),
                item,
                choices));
    TextField l = new TextField();
    l.setId(prefix + "Lot");
    l.setPromptText(m.get("sales.delivery.lot"));
    l.setPrefColumnCount(8);
    l.textProperty().bindBidirectional(lot);
    Button b = new Button(m.get("production.run.add"), new FontIcon(Material2AL.ADD));
    b.setId(prefix + "Add");
    b.setOnAction(e -> add.run());
    b.disableProperty().bind(vm.busyProperty());
    // Enter in the quantity or lot records the line, then the caret goes back to the quantity.
    q.setOnAction(
        e -> {
          add.run();
          Platform.runLater(q::requestFocus);
        });
    l.setOnAction(q.getOnAction());
    HBox row = Tables.row(8, itemBox, q, unit, l, b);
    row.setAlignment(Pos.CENTER_LEFT);
    shownWhileStarted(row);
    return row;
  }

  private void shownWhileStarted(Node n) {
    n.visibleProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> canManage && vm.isState(RunState.RUN_STATE_STARTED), vm.runProperty()));
    n.managedProperty().bind(n.visibleProperty());
  }

  private GridPane figures() {
    GridPane g = new GridPane();
    g.setId("runFigures");
    g.setHgap(14);
    g.setVgap(3);
    String[][] rows = {
      {"fig-cane", "production.fig.cane"},
      {"fig-rate", "production.fig.rate"},
      {"fig-sugar", "production.fig.sugar"},
      {"fig-recovery", "production.fig.recovery"},
      {"fig-molasses", "production.fig.molasses"},
      {"fig-bagasse", "production.fig.bagasse"},
      {"fig-pressMud", "production.fig.pressMud"},
      {"fig-loss", "production.fig.loss"},
      {"fig-lost", "production.fig.lost"},
    };
    int i = 0;
    for (String[] r : rows) {
      Label value = Tables.right(r[0]);
      value
          .textProperty()
          .bind(
              Bindings.createStringBinding(
                  () -> figure(r[0], vm.runProperty().get()), vm.runProperty()));
      // two columns of figures side by side
      int col = (i % 2) * 2;
      g.add(new Label(m.get(r[1])), col, i / 2);
      g.add(value, col + 1, i / 2);
      i++;
    }
    Label grades = new Label();
    grades.setId("fig-grades");
    grades.setWrapText(true);
    grades
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> gradesText(vm.runProperty().get()), vm.runProperty()));
    g.add(grades, 0, (rows.length + 1) / 2, 4, 1);
    return g;
  }

  private String figure(String id, ProductionRun r) {
    if (r == null) {
      return "";
    }
    RunFigures f = r.getFigures();
    return switch (id) {
      case "fig-cane" -> Amounts.quantityShown(f.getCaneCrushedTonnes().getValue()) + " t";
      case "fig-rate" -> Amounts.quantityShown(f.getCrushingRateTcd().getValue()) + " TCD";
      case "fig-sugar" -> Amounts.quantityShown(f.getSugarTonnes().getValue()) + " t";
      case "fig-recovery" -> percent(f.getRecoveryPercent().getValue());
      case "fig-molasses" -> percent(f.getMolassesPercentCane().getValue());
      case "fig-bagasse" -> percent(f.getBagassePercentCane().getValue());
      case "fig-pressMud" -> percent(f.getPressMudPercentCane().getValue());
      case "fig-loss" -> percent(f.getLossPercent().getValue());
      case "fig-lost" -> m.get("production.fig.minutes", f.getLostMinutes());
      default -> "";
    };
  }

  private static String percent(String v) {
    return v == null || v.isBlank() ? "–" : Amounts.quantityShown(v) + " %";
  }

  private String gradesText(ProductionRun r) {
    if (r == null) {
      return "";
    }
    String grades =
        r.getFigures().getSugarByGradeList().stream()
            .map(
                s -> s.getItemCode() + " " + Amounts.quantityShown(s.getTonnes().getValue()) + " t")
            .collect(Collectors.joining(", "));
    String lost = RunViewModel.lostTimeText(r.getFigures().getLostTimeList(), m);
    StringBuilder b = new StringBuilder();
    if (!grades.isEmpty()) {
      b.append(m.get("production.fig.grades", grades));
    }
    if (!lost.isEmpty()) {
      b.append(b.isEmpty() ? "" : "\n").append(m.get("production.fig.lostBy", lost));
    }
    return b.toString();
  }

  private TableView<RunStop> stopsTable() {
    TableView<RunStop> t = Tables.table("stopsTable", 110);
    t.getColumns()
        .add(
            Tables.column(
                m.get("production.stop.from"),
                s -> RunViewModel.hhmm(Production.instant(s.getFrom())),
                60,
                false));
    t.getColumns()
        .add(
            Tables.column(
                m.get("production.stop.to"),
                s -> RunViewModel.hhmm(Production.instant(s.getTo())),
                60,
                false));
    t.getColumns()
        .add(
            Tables.column(
                m.get("production.stop.minutes"), s -> String.valueOf(s.getMinutes()), 75, true));
    t.getColumns()
        .add(
            Tables.column(
                m.get("production.stop.reason"),
                s -> RunViewModel.reasonName(s.getReason(), m),
                110,
                false));
    t.getColumns()
        .add(
            Tables.column(
                m.get("production.stop.note"),
                s -> s.getNote() + (s.getDowntimeId().isEmpty() ? "" : " ⚙"),
                160,
                false));
    vm.runProperty()
        .addListener((o, a, r) -> t.getItems().setAll(r == null ? List.of() : r.getStopsList()));
    return t;
  }

  private HBox stopEntry() {
    TextField from = new TextField();
    from.setId("stopFrom");
    from.setPromptText("HH:mm");
    from.setPrefWidth(80);
    from.textProperty().bindBidirectional(vm.stopFromProperty());
    TextField to = new TextField();
    to.setId("stopTo");
    to.setPromptText("HH:mm");
    to.setPrefWidth(80);
    to.textProperty().bindBidirectional(vm.stopToProperty());
    ComboBox<StopReason> reason = new ComboBox<>();
    reason.setId("stopReason");
    reason.getItems().setAll(RunViewModel.REASONS);
    reason.setConverter(named(r -> RunViewModel.reasonName(r, m)));
    reason.valueProperty().bindBidirectional(vm.stopReasonProperty());
    TextField note = new TextField();
    note.setId("stopNote");
    note.setPromptText(m.get("production.stop.note"));
    note.setPrefColumnCount(9);
    note.textProperty().bindBidirectional(vm.stopNoteProperty());
    Button add = new Button(m.get("production.run.add"), new FontIcon(Material2AL.ADD));
    add.setId("stopAdd");
    add.setOnAction(e -> vm.stop());
    add.disableProperty().bind(vm.busyProperty());
    note.setOnAction(e -> vm.stop());
    HBox row = Tables.row(6, from, new Label("–"), to, reason, note, add);
    row.setAlignment(Pos.CENTER_LEFT);
    shownWhileStarted(row);
    return row;
  }

  private TableView<DowntimeEvent> downtimeTable() {
    TableView<DowntimeEvent> t = Tables.table("downtimeTable", 95);
    t.getColumns()
        .add(
            Tables.column(
                m.get("production.downtime.machine"), DowntimeEvent::getMachineCode, 90, false));
    t.getColumns()
        .add(
            Tables.column(
                m.get("production.stop.from"),
                e -> RunViewModel.hhmm(Production.instant(e.getStartedAt())),
                60,
                false));
    t.getColumns()
        .add(
            Tables.column(
                m.get("production.stop.to"),
                e -> RunViewModel.hhmm(Production.instant(e.getEndedAt())),
                60,
                false));
    t.getColumns()
        .add(
            Tables.column(
                m.get("production.downtime.telemetry"),
                DowntimeEvent::getTelemetryReason,
                130,
                false));
    t.getColumns()
        .add(
            Tables.column(
                m.get("production.downtime.explained"),
                e ->
                    e.getStopId().isEmpty()
                        ? m.get("production.downtime.open")
                        : m.get("production.downtime.done"),
                120,
                false));
    t.setItems(vm.downtime());
    t.setPlaceholder(new Label(m.get("production.downtime.none")));
    Runnable use =
        () -> {
          DowntimeEvent e = t.getSelectionModel().getSelectedItem();
          if (e != null && e.getStopId().isEmpty() && vm.isState(RunState.RUN_STATE_STARTED)) {
            vm.useDowntime(e);
          }
        };
    t.setOnMouseClicked(
        e -> {
          if (e.getClickCount() == 2) {
            use.run();
          }
        });
    t.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            use.run();
            e.consume();
          }
        });
    t.setTooltip(new javafx.scene.control.Tooltip(m.get("production.downtime.hint")));
    return t;
  }

  private TableView<PostingLine> postingTable() {
    TableView<PostingLine> t = Tables.table("postingTable", 200);
    t.getColumns()
        .add(
            Tables.column(
                m.get("production.posting.account"), PostingLine::getAccountCode, 70, false));
    t.getColumns()
        .add(
            Tables.column(
                m.get("production.posting.name"), PostingLine::getAccountName, 280, false));
    t.getColumns()
        .add(
            Tables.column(
                m.get("production.posting.debit.head"),
                l -> zeroless(l.getDebit().getAmount()),
                110,
                true));
    t.getColumns()
        .add(
            Tables.column(
                m.get("production.posting.credit.head"),
                l -> zeroless(l.getCredit().getAmount()),
                110,
                true));
    t.getColumns()
        .add(Tables.column(m.get("production.posting.memo"), PostingLine::getMemo, 300, false));
    t.setPlaceholder(new Label(m.get("production.posting.none")));
    vm.postingProperty()
        .addListener((o, a, p) -> t.getItems().setAll(p == null ? List.of() : p.getLinesList()));
    return t;
  }

  private static String zeroless(String amount) {
    return Amounts.of(amount).signum() == 0 ? "" : Amounts.money(amount);
  }

  private Label postingTotals() {
    Label totals = new Label();
    totals.setId("postingTotals");
    totals.setWrapText(true);
    totals
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> totalsText(vm.postingProperty().get(), vm.runProperty().get()),
                vm.postingProperty(),
                vm.runProperty()));
    totals.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
    return totals;
  }

  private String totalsText(RunPosting p, ProductionRun r) {
    if (p != null) {
      return m.get(
          "production.posting.totals",
          Amounts.money(p.getInputValue().getAmount()),
          Amounts.money(p.getConversionCost().getAmount()),
          Amounts.money(p.getOutputValue().getAmount()),
          Amounts.money(p.getAbnormalLossValue().getAmount()));
    }
    if (r != null && !r.getJournalEntryNumber().isEmpty()) {
      String posted =
          m.get(
              "production.posting.posted",
              r.getJournalEntryNumber(),
              Amounts.money(r.getInputValue().getAmount()),
              Amounts.money(r.getConversionCost().getAmount()),
              Amounts.money(r.getOutputValue().getAmount()),
              Amounts.money(r.getAbnormalLossValue().getAmount()));
      return r.getReversalEntryNumber().isEmpty()
          ? posted
          : posted + " " + m.get("production.posting.reversed", r.getReversalEntryNumber());
    }
    return "";
  }

  public void focusFirst() {
    Platform.runLater(workCentre::requestFocus);
  }

  static String dateOf(ProductionRun r) {
    return Dates.date(ProtoValues.date(r.getRunDate()));
  }
}
