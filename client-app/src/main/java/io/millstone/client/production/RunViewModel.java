package io.millstone.client.production;

import io.millstone.api.masterdata.v1.Warehouse;
import io.millstone.api.production.v1.Bom;
import io.millstone.api.production.v1.BomInput;
import io.millstone.api.production.v1.BomOutput;
import io.millstone.api.production.v1.DowntimeEvent;
import io.millstone.api.production.v1.PostingLine;
import io.millstone.api.production.v1.ProductionRun;
import io.millstone.api.production.v1.RunPosting;
import io.millstone.api.production.v1.RunState;
import io.millstone.api.production.v1.Shift;
import io.millstone.api.production.v1.StopReason;
import io.millstone.api.production.v1.WorkCentre;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Notation;
import io.millstone.client.core.Notifier;
import io.millstone.client.core.PostingSummary;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import io.millstone.client.remote.Production;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The shift's production run: planned (work centre, BOM, date, shift, warehouse), started, its
 * consumption, outputs and stops recorded as the shift goes (a stop can take its times from the
 * downtime the telemetry saw), its figures, and what finishing will post, shown before it is
 * posted.
 */
public final class RunViewModel extends AbstractViewModel {
  public static final List<Shift> SHIFTS =
      List.of(Shift.SHIFT_A, Shift.SHIFT_B, Shift.SHIFT_C, Shift.SHIFT_DAY);
  public static final List<StopReason> REASONS =
      List.of(
          StopReason.STOP_REASON_MECHANICAL,
          StopReason.STOP_REASON_ELECTRICAL,
          StopReason.STOP_REASON_NO_CANE,
          StopReason.STOP_REASON_CLEANING,
          StopReason.STOP_REASON_POWER);
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  /** An item a line can name, with how a person recognises it. */
  public record ItemChoice(String code, String name, String unit) {}

  private final ProductionGateway gateway;
  private final Messages messages;
  private final Notifier notifier;

  private final ObservableList<String> workCentres = FXCollections.observableArrayList();
  private final ObservableList<String> bomCodes = FXCollections.observableArrayList();
  private final List<Bom> boms = new ArrayList<>();
  private final ObservableList<String> warehouses = FXCollections.observableArrayList();
  private final StringProperty workCentre = new SimpleStringProperty("");
  private final StringProperty bom = new SimpleStringProperty("");
  private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(Dates.today());
  private final ObjectProperty<Shift> shift = new SimpleObjectProperty<>(Shift.SHIFT_A);
  private final StringProperty warehouse = new SimpleStringProperty("");
  private final StringProperty note = new SimpleStringProperty("");
  private String planKey = UUID.randomUUID().toString();

  private final ObjectProperty<ProductionRun> run = new SimpleObjectProperty<>();
  private final StringProperty title = new SimpleStringProperty("");
  private final ObservableList<ItemChoice> inputChoices = FXCollections.observableArrayList();
  private final ObservableList<ItemChoice> outputChoices = FXCollections.observableArrayList();

  private final StringProperty consumeItem = new SimpleStringProperty("");
  private final StringProperty consumeQty = new SimpleStringProperty("");
  private final StringProperty consumeLot = new SimpleStringProperty("");
  private final StringProperty consumeError = new SimpleStringProperty("");
  private String consumeKey = UUID.randomUUID().toString();

  private final StringProperty outputItem = new SimpleStringProperty("");
  private final StringProperty outputQty = new SimpleStringProperty("");
  private final StringProperty outputLot = new SimpleStringProperty("");
  private final StringProperty outputError = new SimpleStringProperty("");
  private String outputKey = UUID.randomUUID().toString();

  private final StringProperty stopFrom = new SimpleStringProperty("");
  private final StringProperty stopTo = new SimpleStringProperty("");
  private final ObjectProperty<StopReason> stopReason =
      new SimpleObjectProperty<>(StopReason.STOP_REASON_MECHANICAL);
  private final StringProperty stopNote = new SimpleStringProperty("");
  private final StringProperty stopDowntime = new SimpleStringProperty("");
  private final StringProperty stopError = new SimpleStringProperty("");
  private String stopKey = UUID.randomUUID().toString();

  private final ObservableList<DowntimeEvent> downtime = FXCollections.observableArrayList();
  private final ObjectProperty<RunPosting> posting = new SimpleObjectProperty<>();
  private Consumer<ProductionRun> onChanged = r -> {};

  public RunViewModel(
      ProductionGateway gateway, UiTaskExecutor executor, Messages messages, Notifier notifier) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
    this.notifier = notifier;
    title.set(messages.get("production.run.new"));
    bom.addListener((o, a, b) -> choicesFromBom(b));
  }

  /**
   * Loads the work centres, BOMs and warehouses to plan with; the first of each is chosen. Each
   * list loads on its own: a planner who may not read the warehouses (the production role reads no
   * master data) types the warehouse's code instead.
   */
  public void start() {
    executor.submit(
        () -> gateway.workCentres().stream().filter(WorkCentre::getActive).toList(),
        l -> {
          workCentres.setAll(l.stream().map(WorkCentre::getCode).toList());
          if (blank(workCentre) && !workCentres.isEmpty()) {
            workCentre.set(workCentres.get(0));
          }
        },
        this::failed);
    executor.submit(
        () -> gateway.boms().stream().filter(Bom::getActive).toList(),
        l -> {
          boms.clear();
          boms.addAll(l);
          bomCodes.setAll(l.stream().map(Bom::getCode).toList());
          if (blank(bom) && !bomCodes.isEmpty()) {
            bom.set(bomCodes.get(0));
          } else {
            choicesFromBom(bom.get());
          }
        },
        this::failed);
    executor.submit(
        gateway::warehouses,
        l -> {
          warehouses.setAll(l.stream().map(Warehouse::getCode).toList());
          if (blank(warehouse) && !warehouses.isEmpty()) {
            warehouse.set(warehouses.get(0));
          }
        },
        t -> {});
  }

  private void choicesFromBom(String code) {
    Bom b = boms.stream().filter(x -> x.getCode().equals(code)).findFirst().orElse(null);
    if (b == null) {
      return;
    }
    inputChoices.setAll(
        b.getInputsList().stream()
            .map((BomInput i) -> new ItemChoice(i.getItemCode(), i.getItemName(), i.getUnitCode()))
            .toList());
    outputChoices.setAll(
        b.getOutputsList().stream()
            .map((BomOutput i) -> new ItemChoice(i.getItemCode(), i.getItemName(), i.getUnitCode()))
            .toList());
    if (blank(consumeItem) && !inputChoices.isEmpty()) {
      consumeItem.set(inputChoices.get(0).code());
    }
    if (blank(outputItem) && !outputChoices.isEmpty()) {
      outputItem.set(outputChoices.get(0).code());
    }
  }

  /** Plans the run as chosen; the run then shows here. */
  public void plan() {
    if (isBusy()) {
      return;
    }
    if (blank(workCentre) || blank(bom) || blank(warehouse) || date.get() == null) {
      setMessage(messages.get("production.run.planIncomplete"));
      return;
    }
    setBusy(true);
    setMessage("");
    String wc = workCentre.get();
    String b = bom.get();
    LocalDate d = date.get();
    Shift s = shift.get();
    String wh = warehouse.get();
    String n = note.get();
    String key = planKey;
    executor.submit(
        () -> gateway.plan(wc, b, d, s, wh, n, key),
        r -> {
          planKey = UUID.randomUUID().toString();
          loaded(r);
        },
        this::failed);
  }

  /** Shows a run read from the list, then reads it fresh. */
  public void open(ProductionRun r) {
    load(r);
    setBusy(true);
    executor.submit(() -> gateway.run(r.getId()), this::loaded, this::failed);
  }

  void load(ProductionRun r) {
    title.set(messages.get("production.run.tab", r.getNumber()));
    run.set(r);
    workCentre.set(r.getWorkCentreCode());
    if (!r.getBomCode().equals(bom.get())) {
      bom.set(r.getBomCode());
    } else {
      choicesFromBom(r.getBomCode());
    }
    warehouse.set(r.getWarehouseCode());
    shift.set(r.getShift());
  }

  private void loaded(ProductionRun r) {
    setBusy(false);
    load(r);
    onChanged.accept(r);
    refreshSideViews();
  }

  /** Reads the telemetry's downtime and, for a started run, the posting finishing would make. */
  public void refreshSideViews() {
    ProductionRun r = run.get();
    if (r == null) {
      return;
    }
    String id = r.getId();
    executor.submit(() -> gateway.downtime(id), downtime::setAll, this::failed);
    if (r.getState() == RunState.RUN_STATE_STARTED) {
      executor.submit(() -> gateway.preview(id), posting::set, this::failed);
    } else {
      posting.set(null);
    }
  }

  public void startRun() {
    act(id -> gateway.start(id));
  }

  private interface RunCall {
    ProductionRun call(String runId) throws Exception;
  }

  private void act(RunCall call) {
    ProductionRun r = run.get();
    if (r == null || isBusy()) {
      return;
    }
    setBusy(true);
    setMessage("");
    executor.submit(() -> call.call(r.getId()), this::loaded, this::failed);
  }

  /** Notes what the run consumed (stock moves when it is finished). */
  public void consume() {
    BigDecimal q = positive(consumeQty, consumeError);
    if (q == null || run.get() == null || isBusy()) {
      return;
    }
    String item = consumeItem.get();
    String lot = consumeLot.get();
    String key = consumeKey;
    setBusy(true);
    setMessage("");
    String id = run.get().getId();
    executor.submit(
        () -> gateway.consume(id, item, q, lot, key),
        r -> {
          consumeKey = UUID.randomUUID().toString();
          consumeQty.set("");
          consumeLot.set("");
          loaded(r);
        },
        t -> lineFailed(t, consumeError));
  }

  /** Notes what the run made, into which lot (received when it is finished). */
  public void output() {
    BigDecimal q = positive(outputQty, outputError);
    if (q == null || run.get() == null || isBusy()) {
      return;
    }
    String item = outputItem.get();
    String lot = outputLot.get();
    String key = outputKey;
    setBusy(true);
    setMessage("");
    String id = run.get().getId();
    executor.submit(
        () -> gateway.output(id, item, q, lot, key),
        r -> {
          outputKey = UUID.randomUUID().toString();
          outputQty.set("");
          outputLot.set("");
          loaded(r);
        },
        t -> lineFailed(t, outputError));
  }

  private BigDecimal positive(StringProperty text, StringProperty error) {
    BigDecimal q = Amounts.parse(text.get());
    if (q == null || q.signum() <= 0) {
      error.set(messages.get("production.line.quantityPositive"));
      return null;
    }
    error.set("");
    return q;
  }

  /** Fills the stop from a downtime the telemetry saw, so the stop is entered once. */
  public void useDowntime(DowntimeEvent e) {
    stopFrom.set(hhmm(Production.instant(e.getStartedAt())));
    stopTo.set(hhmm(Production.instant(e.getEndedAt())));
    stopDowntime.set(e.getId());
    StopReason guess = reasonOf(e.getTelemetryReason());
    if (guess != null) {
      stopReason.set(guess);
    }
    if (blank(stopNote)) {
      stopNote.set(e.getMachineCode());
    }
    stopError.set("");
  }

  private static StopReason reasonOf(String telemetry) {
    if (telemetry == null || telemetry.isBlank()) {
      return null;
    }
    String t = telemetry.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    for (StopReason r : REASONS) {
      if (r.name().equals("STOP_REASON_" + t)) {
        return r;
      }
    }
    return null;
  }

  static String hhmm(Instant at) {
    return at == null ? "" : HH_MM.format(at.atZone(Dates.zone()));
  }

  /**
   * A time typed as HH:mm within the run's shift: the first such moment at or after the shift's
   * start (the C shift runs past midnight), or null when the text is not a time.
   */
  public Instant atInShift(String text) {
    ProductionRun r = run.get();
    if (r == null || text == null || text.isBlank()) {
      return null;
    }
    LocalTime t;
    try {
      t = LocalTime.parse(Notation.latinDigits(text.strip()), HH_MM);
    } catch (DateTimeParseException e) {
      return null;
    }
    Instant start = shiftStart(r);
    ZonedDateTime s = start.atZone(Dates.zone());
    ZonedDateTime at = s.toLocalDate().atTime(t).atZone(Dates.zone());
    if (at.isBefore(s)) {
      at = at.plusDays(1);
    }
    return at.toInstant();
  }

  static Instant shiftStart(ProductionRun r) {
    Instant w = Production.instant(r.getWindowStart());
    if (w != null) {
      return w;
    }
    LocalDate d = io.millstone.client.remote.ProtoValues.date(r.getRunDate());
    int hour =
        switch (r.getShift()) {
          case SHIFT_B -> 14;
          case SHIFT_C -> 22;
          default -> 6;
        };
    return d.atTime(hour, 0).atZone(Dates.zone()).toInstant();
  }

  /** Records the stop as typed (from and to as HH:mm in the shift). */
  public void stop() {
    ProductionRun r = run.get();
    if (r == null || isBusy()) {
      return;
    }
    Instant from = atInShift(stopFrom.get());
    Instant to = atInShift(stopTo.get());
    if (from == null || to == null) {
      stopError.set(messages.get("production.stop.times"));
      return;
    }
    if (!to.isAfter(from)) {
      stopError.set(messages.get("production.stop.order"));
      return;
    }
    stopError.set("");
    StopReason reason = stopReason.get();
    String n = stopNote.get();
    String dt = stopDowntime.get();
    String key = stopKey;
    setBusy(true);
    setMessage("");
    String id = r.getId();
    executor.submit(
        () -> gateway.stop(id, from, to, reason, n, dt, key),
        done -> {
          stopKey = UUID.randomUUID().toString();
          stopFrom.set("");
          stopTo.set("");
          stopNote.set("");
          stopDowntime.set("");
          loaded(done);
        },
        t -> lineFailed(t, stopError));
  }

  /**
   * What finishing posts, for the person to confirm: the run, its values and every journal line as
   * the server previewed it; null (with the reason shown) when there is no preview yet.
   */
  public PostingSummary summary() {
    ProductionRun r = run.get();
    RunPosting p = posting.get();
    if (r == null || r.getState() != RunState.RUN_STATE_STARTED) {
      setMessage(messages.get("production.run.notStarted"));
      return null;
    }
    if (p == null) {
      setMessage(messages.get("production.posting.notYet"));
      return null;
    }
    List<String> details = new ArrayList<>();
    for (PostingLine l : p.getLinesList()) {
      details.add(postingLine(l));
    }
    return new PostingSummary(
        messages.get("production.run.confirmTitle"),
        messages.get(
            "production.run.confirm",
            r.getNumber(),
            r.getWorkCentreCode(),
            Dates.date(io.millstone.client.remote.ProtoValues.date(r.getRunDate())),
            shiftName(r.getShift(), messages),
            Amounts.money(p.getInputValue().getAmount()),
            Amounts.money(p.getConversionCost().getAmount()),
            Amounts.money(p.getOutputValue().getAmount()),
            Amounts.money(p.getAbnormalLossValue().getAmount())),
        details);
  }

  String postingLine(PostingLine l) {
    BigDecimal dr = Amounts.of(l.getDebit().getAmount());
    BigDecimal cr = Amounts.of(l.getCredit().getAmount());
    return messages.get(
        dr.signum() != 0 ? "production.posting.debit" : "production.posting.credit",
        l.getAccountCode(),
        l.getAccountName(),
        Amounts.money(dr.signum() != 0 ? dr : cr),
        l.getMemo());
  }

  /** Posts the run: its consumption leaves stock, its outputs enter it, the books follow. */
  public void finish() {
    ProductionRun r = run.get();
    if (r == null || isBusy()) {
      return;
    }
    setBusy(true);
    setMessage("");
    executor.submit(
        () -> gateway.finish(r.getId()),
        done -> {
          notifier.notify(
              messages.get("production.run.finished"),
              messages.get(
                  "production.run.finishedText", done.getNumber(), done.getJournalEntryNumber()));
          loaded(done);
        },
        this::failed);
  }

  /** Posts the exact opposite of a finished run, with the reason. */
  public void reverse(String reason) {
    if (reason == null || reason.isBlank()) {
      setMessage(messages.get("production.run.reverseReason"));
      return;
    }
    act(id -> gateway.reverse(id, reason));
  }

  private void lineFailed(Throwable t, StringProperty error) {
    setBusy(false);
    error.set(ErrorText.of(t, messages));
  }

  private void failed(Throwable t) {
    setBusy(false);
    setMessage(ErrorText.of(t, messages));
  }

  private static boolean blank(StringProperty p) {
    return p.get() == null || p.get().isBlank();
  }

  public static String shiftName(Shift s, Messages m) {
    return switch (s) {
      case SHIFT_A -> m.get("production.shift.a");
      case SHIFT_B -> m.get("production.shift.b");
      case SHIFT_C -> m.get("production.shift.c");
      case SHIFT_DAY -> m.get("production.shift.day");
      default -> "";
    };
  }

  public static String stateName(RunState s, Messages m) {
    return switch (s) {
      case RUN_STATE_PLANNED -> m.get("production.state.planned");
      case RUN_STATE_STARTED -> m.get("production.state.started");
      case RUN_STATE_FINISHED -> m.get("production.state.finished");
      case RUN_STATE_REVERSED -> m.get("production.state.reversed");
      default -> "";
    };
  }

  /** Lost time by reason as read on a run or a day: "Mechanical 45 min, No cane 15 min". */
  public static String lostTimeText(
      java.util.List<io.millstone.api.production.v1.LostTime> lost, Messages m) {
    return lost.stream()
        .map(
            l ->
                reasonName(l.getReason(), m)
                    + " "
                    + m.get("production.fig.minutes", l.getMinutes()))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  public static String reasonName(StopReason r, Messages m) {
    return switch (r) {
      case STOP_REASON_MECHANICAL -> m.get("production.reason.mechanical");
      case STOP_REASON_ELECTRICAL -> m.get("production.reason.electrical");
      case STOP_REASON_NO_CANE -> m.get("production.reason.noCane");
      case STOP_REASON_CLEANING -> m.get("production.reason.cleaning");
      case STOP_REASON_POWER -> m.get("production.reason.power");
      default -> "";
    };
  }

  public boolean isState(RunState s) {
    return run.get() != null && run.get().getState() == s;
  }

  public ObservableList<String> workCentres() {
    return workCentres;
  }

  public ObservableList<String> bomCodes() {
    return bomCodes;
  }

  public ObservableList<String> warehouses() {
    return warehouses;
  }

  public StringProperty workCentreProperty() {
    return workCentre;
  }

  public StringProperty bomProperty() {
    return bom;
  }

  public ObjectProperty<LocalDate> dateProperty() {
    return date;
  }

  public ObjectProperty<Shift> shiftProperty() {
    return shift;
  }

  public StringProperty warehouseProperty() {
    return warehouse;
  }

  public StringProperty noteProperty() {
    return note;
  }

  public ObjectProperty<ProductionRun> runProperty() {
    return run;
  }

  public StringProperty titleProperty() {
    return title;
  }

  public ObservableList<ItemChoice> inputChoices() {
    return inputChoices;
  }

  public ObservableList<ItemChoice> outputChoices() {
    return outputChoices;
  }

  public StringProperty consumeItemProperty() {
    return consumeItem;
  }

  public StringProperty consumeQtyProperty() {
    return consumeQty;
  }

  public StringProperty consumeLotProperty() {
    return consumeLot;
  }

  public StringProperty consumeErrorProperty() {
    return consumeError;
  }

  public StringProperty outputItemProperty() {
    return outputItem;
  }

  public StringProperty outputQtyProperty() {
    return outputQty;
  }

  public StringProperty outputLotProperty() {
    return outputLot;
  }

  public StringProperty outputErrorProperty() {
    return outputError;
  }

  public StringProperty stopFromProperty() {
    return stopFrom;
  }

  public StringProperty stopToProperty() {
    return stopTo;
  }

  public ObjectProperty<StopReason> stopReasonProperty() {
    return stopReason;
  }

  public StringProperty stopNoteProperty() {
    return stopNote;
  }

  public StringProperty stopDowntimeProperty() {
    return stopDowntime;
  }

  public StringProperty stopErrorProperty() {
    return stopError;
  }

  public ObservableList<DowntimeEvent> downtime() {
    return downtime;
  }

  public ObjectProperty<RunPosting> postingProperty() {
    return posting;
  }

  public void setOnChanged(Consumer<ProductionRun> onChanged) {
    this.onChanged = onChanged;
  }
}
