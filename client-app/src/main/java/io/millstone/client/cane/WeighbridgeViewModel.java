package io.millstone.client.cane;

import io.millstone.api.cane.v1.ScaleWeight;
import io.millstone.api.cane.v1.Season;
import io.millstone.api.cane.v1.WeighbridgeTicket;
import io.millstone.api.cane.v1.WeightSource;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import io.millstone.client.remote.RemoteException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The weighbridge clerk's screen: the live scale weight, a truck weighed in on its permit (gross)
 * and, from the queue of open tickets, weighed out (tare). Enter in the weight field takes the
 * scale's stable weight; Enter again records it. A typed weight is manual and needs a reason.
 * Refusals go next to the field they are about.
 */
public final class WeighbridgeViewModel extends AbstractViewModel {

  /** Weighing a loaded truck in, or an empty one out. */
  public enum Mode {
    IN,
    OUT
  }

  /** Where the caret goes after Enter in the weight field. */
  public enum Next {
    WEIGHT,
    REASON,
    DONE
  }

  private final CaneGateway gateway;
  private final Messages messages;
  private final ObservableList<String> centres = FXCollections.observableArrayList();
  private final StringProperty centre = new SimpleStringProperty("");
  private final StringProperty machine = new SimpleStringProperty("");
  private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.IN);

  private final ObjectProperty<BigDecimal> liveKg = new SimpleObjectProperty<>();
  private final BooleanProperty liveStable = new SimpleBooleanProperty(false);
  private final StringProperty liveText = new SimpleStringProperty("\u2014");
  private final StringProperty liveState = new SimpleStringProperty("");
  private boolean polling;

  private final StringProperty permit = new SimpleStringProperty("");
  private final StringProperty grower = new SimpleStringProperty("");
  private final StringProperty vehicle = new SimpleStringProperty("");
  private final StringProperty weight = new SimpleStringProperty("");
  private final StringProperty reason = new SimpleStringProperty("");
  private final ObjectProperty<WeightSource> source =
      new SimpleObjectProperty<>(WeightSource.WEIGHT_SOURCE_UNSPECIFIED);
  private String takenText = null;

  private final StringProperty permitError = new SimpleStringProperty("");
  private final StringProperty growerError = new SimpleStringProperty("");
  private final StringProperty vehicleError = new SimpleStringProperty("");
  private final StringProperty weightError = new SimpleStringProperty("");
  private final StringProperty reasonError = new SimpleStringProperty("");
  private final StringProperty ticketError = new SimpleStringProperty("");

  private final ObservableList<WeighbridgeTicket> openTickets = FXCollections.observableArrayList();
  private final ObjectProperty<WeighbridgeTicket> selected = new SimpleObjectProperty<>();
  private final StringProperty netPreview = new SimpleStringProperty("");

  private final ObjectProperty<WeighbridgeTicket> last = new SimpleObjectProperty<>();
  private final StringProperty lastNumber = new SimpleStringProperty("");
  private final StringProperty lastText = new SimpleStringProperty("");
  private final StringProperty lastNet = new SimpleStringProperty("");

  private final StringProperty lastOverQuota = new SimpleStringProperty("");
  private final StringProperty previewOverQuota = new SimpleStringProperty("");
  private final StringProperty queueDone = new SimpleStringProperty("");
  private final StringProperty queueError = new SimpleStringProperty("");
  private String voidKey = UUID.randomUUID().toString();

  private final ObjectProperty<TicketSlip> slip = new SimpleObjectProperty<>();
  private final StringProperty printMessage = new SimpleStringProperty("");

  private final BooleanBinding manual;
  private String key = UUID.randomUUID().toString();

  public WeighbridgeViewModel(CaneGateway gateway, UiTaskExecutor executor, Messages messages) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
    manual = Bindings.equal(WeightSource.WEIGHT_SOURCE_MANUAL, source);
    weight.addListener((o, a, b) -> weightEdited(b));
    centre.addListener(
        (o, a, b) -> {
          machine.set(b == null || b.isBlank() ? "" : "WB-" + b.trim().toUpperCase(Locale.ROOT));
          liveKg.set(null);
          liveText.set("\u2014");
          liveState.set("");
          loadOpenTickets();
        });
    selected.addListener((o, a, b) -> preview());
    mode.addListener((o, a, b) -> clearErrors());
  }

  /** Loads the season's purchase centres and picks the first (the mill gate comes first). */
  public void start() {
    executor.submit(
        gateway::seasons,
        seasons -> {
          List<String> codes = new ArrayList<>();
          if (!seasons.isEmpty()) {
            Season s = seasons.get(0);
            s.getCentresList().forEach(c -> codes.add(c.getWarehouseCode()));
          }
          centres.setAll(codes);
          if (centre.get().isBlank() && !codes.isEmpty()) {
            centre.set(codes.get(0));
          }
        },
        this::failed);
  }

  // ---- the live scale ----

  /** Asks the bridge for its weight; skipped while the last question is unanswered. */
  public void pollScale() {
    String m = machine.get();
    if (polling || m == null || m.isBlank()) {
      return;
    }
    polling = true;
    try {
      executor.submit(
          () -> gateway.scaleWeight(m),
          this::showScale,
          t -> {
            polling = false;
            liveKg.set(null);
            liveStable.set(false);
            liveText.set("\u2014");
            liveState.set(messages.get("cane.wb.scaleUnreachable"));
          });
    } catch (java.util.concurrent.RejectedExecutionException closing) {
      polling = false; // the client is closing: nothing to ask any more
    }
  }

  private void showScale(ScaleWeight w) {
    polling = false;
    if (!w.getPresent() || Weights.kgOf(w.getWeight()) == null) {
      liveKg.set(null);
      liveStable.set(false);
      liveText.set("\u2014");
      liveState.set(messages.get("cane.wb.noReading", machine.get()));
      return;
    }
    BigDecimal kg = Weights.kgOf(w.getWeight());
    liveKg.set(kg);
    liveStable.set(w.getStable());
    liveText.set(Weights.kg(kg));
    liveState.set(messages.get(w.getStable() ? "cane.wb.stable" : "cane.wb.moving"));
    preview();
  }

  /** Puts the scale's stable weight in the weight field; false (and why) when there is none. */
  public boolean takeScaleWeight() {
    BigDecimal kg = liveKg.get();
    if (kg == null) {
      weightError.set(messages.get("cane.wb.noLiveWeight"));
      return false;
    }
    if (!liveStable.get()) {
      weightError.set(messages.get("cane.wb.notStable"));
      return false;
    }
    takenText = Amounts.quantity(kg);
    weight.set(takenText);
    source.set(WeightSource.WEIGHT_SOURCE_SCALE);
    weightError.set("");
    return true;
  }

  private void weightEdited(String text) {
    if (text == null || text.isBlank()) {
      source.set(WeightSource.WEIGHT_SOURCE_UNSPECIFIED);
      takenText = null;
    } else if (!text.equals(takenText)) {
      source.set(WeightSource.WEIGHT_SOURCE_MANUAL);
      takenText = null;
    }
    weightError.set("");
    preview();
  }

  /**
   * Enter in the weight field: an empty field takes the scale's weight; a weight from the scale, or
   * a typed one with its reason, is recorded; a typed one without a reason asks for it.
   */
  public Next enterOnWeight() {
    if (weight.get().isBlank()) {
      takeScaleWeight();
      return Next.WEIGHT;
    }
    if (manual.get() && reason.get().isBlank()) {
      return Next.REASON;
    }
    record();
    return Next.DONE;
  }

  // ---- the queue ----

  public void loadOpenTickets() {
    String c = centre.get();
    if (c == null || c.isBlank()) {
      openTickets.clear();
      return;
    }
    executor.submit(
        () -> gateway.openTickets(c),
        list -> {
          String keep = selected.get() == null ? null : selected.get().getNumber();
          openTickets.setAll(list);
          // Weighing out, the oldest truck waits next unless another is picked.
          selected.set(
              list.stream()
                  .filter(t -> t.getNumber().equals(keep))
                  .findFirst()
                  .orElse(mode.get() == Mode.OUT && !list.isEmpty() ? list.get(0) : null));
        },
        this::failed);
  }

  /** A new loaded truck: the permit field first. */
  public void newTruck() {
    mode.set(Mode.IN);
    clearForm();
  }

  /** The selected truck of the queue (the oldest when none) is weighed out. */
  public void weighOutMode() {
    mode.set(Mode.OUT);
    weight.set("");
    reason.set("");
    if (selected.get() == null && !openTickets.isEmpty()) {
      selected.set(openTickets.get(0));
    }
  }

  private void preview() {
    WeighbridgeTicket t = selected.get();
    BigDecimal tare = Amounts.parse(weight.get());
    BigDecimal gross = t == null ? null : Weights.kgOf(t.getGross());
    if (mode.get() != Mode.OUT || gross == null || tare == null || tare.signum() <= 0) {
      netPreview.set("");
      previewOverQuota.set("");
      return;
    }
    BigDecimal net = gross.subtract(tare);
    previewOverQuota.set(net.signum() <= 0 ? "" : overQuota(t, net.subtract(quotaKg(t))));
    netPreview.set(
        net.signum() <= 0
            ? ""
            : messages.get(
                "cane.wb.netPreview",
                Weights.kg(net),
                Weights.quintalShown(net),
                Weights.maundShown(net)));
  }

  // ---- recording ----

  private void clearErrors() {
    permitError.set("");
    growerError.set("");
    vehicleError.set("");
    weightError.set("");
    reasonError.set("");
    ticketError.set("");
    setMessage("");
  }

  private void clearForm() {
    permit.set("");
    grower.set("");
    vehicle.set("");
    weight.set("");
    reason.set("");
    clearErrors();
  }

  public boolean validate() {
    clearErrors();
    boolean ok = true;
    if (centre.get() == null || centre.get().isBlank()) {
      setMessage(messages.get("cane.wb.centreRequired"));
      return false;
    }
    if (mode.get() == Mode.IN) {
      if (permit.get().isBlank()) {
        permitError.set(messages.get("cane.wb.permitRequired"));
        ok = false;
      }
      if (vehicle.get().isBlank()) {
        vehicleError.set(messages.get("cane.wb.vehicleRequired"));
        ok = false;
      }
    } else if (selected.get() == null) {
      ticketError.set(messages.get("cane.wb.pickTicket"));
      ok = false;
    }
    BigDecimal kg = Amounts.parse(weight.get());
    if (weight.get().isBlank()) {
      weightError.set(messages.get("cane.wb.weightRequired"));
      ok = false;
    } else if (kg == null || kg.signum() <= 0) {
      weightError.set(messages.get("cane.wb.weightPositive"));
      ok = false;
    } else if (mode.get() == Mode.OUT && selected.get() != null) {
      BigDecimal gross = Weights.kgOf(selected.get().getGross());
      if (gross != null && kg.compareTo(gross) >= 0) {
        weightError.set(messages.get("cane.wb.tareNotBelowGross", Weights.kg(gross)));
        ok = false;
      }
    }
    if (manual.get() && reason.get().isBlank()) {
      reasonError.set(messages.get("cane.wb.reasonRequired"));
      ok = false;
    }
    return ok;
  }

  /** Weighs the truck in or out; on success the ticket number is shown large. */
  public void record() {
    if (isBusy() || !validate()) {
      return;
    }
    setBusy(true);
    BigDecimal kg = Amounts.parse(weight.get());
    String why = manual.get() ? reason.get().trim() : null;
    if (mode.get() == Mode.IN) {
      String p = permit.get();
      String g = grower.get();
      String c = centre.get();
      String v = vehicle.get();
      String k = key;
      executor.submit(
          () -> gateway.weighIn(p, g, c, v, kg, why, k),
          t -> {
            key = UUID.randomUUID().toString();
            done(t);
          },
          this::refused);
    } else {
      String number = selected.get().getNumber();
      executor.submit(() -> gateway.weighOut(number, kg, why), this::done, this::refused);
    }
  }

  private void done(WeighbridgeTicket t) {
    setBusy(false);
    printMessage.set("");
    last.set(t);
    BigDecimal net = Weights.kgOf(t.getNet());
    boolean completed = net != null && t.hasWeighedOutAt();
    String grossText =
        Weights.kg(t.getGross())
            + (t.getGrossSource() == WeightSource.WEIGHT_SOURCE_MANUAL
                ? " " + messages.get("cane.wb.manualMark")
                : "");
    if (completed) {
      String tareText =
          Weights.kg(t.getTare())
              + (t.getTareSource() == WeightSource.WEIGHT_SOURCE_MANUAL
                  ? " " + messages.get("cane.wb.manualMark")
                  : "");
      lastText.set(
          messages.get(
              "cane.wb.weighedOut",
              t.getVehicleNumber(),
              t.getGrowerNumber(),
              t.getGrowerName(),
              grossText,
              tareText));
      lastNet.set(
          messages.get(
              "cane.wb.net", Weights.kg(net), Weights.quintalShown(net), Weights.maundShown(net)));
      lastOverQuota.set(overQuotaOf(t));
    } else {
      lastText.set(
          messages.get(
              "cane.wb.weighedIn",
              t.getVehicleNumber(),
              t.getGrowerNumber(),
              t.getGrowerName(),
              grossText,
              t.getPermitNumber()));
      lastNet.set("");
      lastOverQuota.set("");
    }
    // The number last: whoever sees it (the slip card, a test) finds the ticket's text in place.
    lastNumber.set(t.getNumber());
    Mode was = mode.get();
    clearForm();
    if (was == Mode.OUT) {
      selected.set(null);
    }
    loadOpenTickets();
  }

  // ---- over quota ----

  private static BigDecimal quotaKg(WeighbridgeTicket t) {
    BigDecimal q = Weights.of(t.getQuotaQuintals());
    return q == null || q.signum() <= 0 ? null : q.multiply(new BigDecimal("100"));
  }

  /** "Over quota by 11.0 q (permit quota 150 q)", or empty when the excess is none. */
  String overQuota(WeighbridgeTicket t, BigDecimal excessKg) {
    if (excessKg == null || excessKg.signum() <= 0) {
      return "";
    }
    BigDecimal q = Weights.of(t.getQuotaQuintals());
    return q == null
        ? messages.get("cane.wb.overQuotaBare", Weights.quintalShort(excessKg))
        : messages.get(
            "cane.wb.overQuota", Weights.quintalShort(excessKg), Amounts.quantityShown(q));
  }

  /** The excess the server recorded on a weighed-out ticket, said as for the clerk. */
  public String overQuotaOf(WeighbridgeTicket t) {
    return overQuota(t, Weights.of(t.getOverQuotaKg()));
  }

  // ---- voiding a truck turned away ----

  /** The question for voiding the picked truck of the queue, or null when none is picked. */
  public String voidQuestion() {
    WeighbridgeTicket t = selected.get();
    return t == null
        ? null
        : messages.get(
            "cane.wb.voidAsk",
            t.getNumber(),
            t.getVehicleNumber(),
            t.getGrowerNumber(),
            t.getGrowerName(),
            t.getPermitNumber());
  }

  /** Voids the picked open ticket for the reason given; its permit can be weighed again. */
  public void voidTicket(String why) {
    WeighbridgeTicket t = selected.get();
    queueDone.set("");
    queueError.set("");
    if (t == null) {
      queueError.set(messages.get("cane.wb.pickTicket"));
      return;
    }
    if (why == null || why.isBlank()) {
      queueError.set(messages.get("cane.wb.voidReasonRequired"));
      return;
    }
    if (isBusy()) {
      return;
    }
    setBusy(true);
    String number = t.getNumber();
    String k = voidKey;
    executor.submit(
        () -> gateway.voidTicket(number, why.trim(), k),
        v -> {
          setBusy(false);
          voidKey = UUID.randomUUID().toString();
          queueDone.set(
              messages.get(
                  "cane.wb.voided", v.getNumber(), v.getVoidReason(), v.getPermitNumber()));
          if (last.get() != null && last.get().getNumber().equals(v.getNumber())) {
            // The voided truck's weigh-in no longer stands as the last ticket.
            last.set(null);
            lastNumber.set("");
            lastText.set("");
            lastNet.set("");
            lastOverQuota.set("");
          }
          selected.set(null);
          loadOpenTickets();
        },
        e -> {
          setBusy(false);
          queueError.set(ErrorText.of(e, messages));
          loadOpenTickets();
        });
  }

  // ---- the printed ticket ----

  /** True when the last ticket is weighed out, so there is a slip to print. */
  public boolean canPrint() {
    WeighbridgeTicket t = last.get();
    return t != null && t.hasWeighedOutAt() && Weights.kgOf(t.getNet()) != null;
  }

  /**
   * Makes the slip of the last ticket weighed out (with the grower's village, asked of the server)
   * for the view to print; says why not when no truck has been weighed out.
   */
  public void print() {
    if (!canPrint()) {
      printMessage.set(messages.get("cane.slip.nothing"));
      return;
    }
    WeighbridgeTicket t = last.get();
    printMessage.set("");
    executor.submit(
        () -> {
          String village =
              gateway.growers(t.getGrowerNumber(), "").stream()
                  .filter(g -> g.getGrowerNumber().equals(t.getGrowerNumber()))
                  .map(g -> g.getVillage())
                  .findFirst()
                  .orElse("");
          return TicketSlip.of(
              t, village, gateway.companyName(), gateway.clerkName(), overQuotaOf(t), messages);
        },
        s -> {
          slip.set(null);
          slip.set(s);
        },
        e -> printMessage.set(ErrorText.of(e, messages)));
  }

  /** What became of the print, in the clerk's words. */
  public void printed(TicketSlip.Printed result) {
    String number = slip.get() == null ? "" : slip.get().number();
    printMessage.set(
        switch (result) {
          case PRINTED -> messages.get("cane.slip.printed", number);
          case NO_PRINTER -> messages.get("cane.slip.noPrinter", number);
          case CANCELLED -> messages.get("cane.slip.cancelled", number);
          case FAILED -> messages.get("cane.slip.failed", number);
        });
  }

  private void refused(Throwable t) {
    setBusy(false);
    String text = ErrorText.of(t, messages);
    Throwable e = t;
    while (!(e instanceof RemoteException) && e.getCause() != null) {
      e = e.getCause();
    }
    if (!(e instanceof RemoteException r)) {
      setMessage(text);
      return;
    }
    boolean placed = false;
    for (Map.Entry<String, String> v : r.fieldViolations().entrySet()) {
      StringProperty field = fieldFor(v.getKey());
      if (field != null) {
        field.set(v.getValue());
        placed = true;
      }
    }
    if (placed) {
      setMessage(messages.get("form.fixFields"));
      return;
    }
    // A refusal names its field in its reason (CANE.PERMIT_EXPIRED, CANE.TARE_NOT_BELOW_GROSS).
    StringProperty field = fieldFor(r.reason());
    if (field != null) {
      field.set(text);
      setMessage("");
    } else {
      setMessage(text);
    }
  }

  /** The field a violation or refusal reason is about, or null. */
  StringProperty fieldFor(String name) {
    String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
    if (n.contains("manual") || n.contains("reason")) {
      return reasonError;
    }
    if (n.contains("tare") || n.contains("gross") || n.contains("weight") || n.contains("kg")) {
      return weightError;
    }
    if (n.contains("ticket")) {
      return mode.get() == Mode.OUT ? ticketError : permitError;
    }
    if (n.contains("permit") || n.contains("purjee")) {
      return mode.get() == Mode.IN ? permitError : ticketError;
    }
    if (n.contains("grower")) {
      return mode.get() == Mode.IN ? growerError : ticketError;
    }
    if (n.contains("vehicle")) {
      return vehicleError;
    }
    return null;
  }

  private void failed(Throwable t) {
    setBusy(false);
    setMessage(ErrorText.of(t, messages));
  }

  // ---- properties ----

  public ObservableList<String> centres() {
    return centres;
  }

  public StringProperty centreProperty() {
    return centre;
  }

  public StringProperty machineProperty() {
    return machine;
  }

  public ObjectProperty<Mode> modeProperty() {
    return mode;
  }

  public ObjectProperty<BigDecimal> liveKgProperty() {
    return liveKg;
  }

  public BooleanProperty liveStableProperty() {
    return liveStable;
  }

  public StringProperty liveTextProperty() {
    return liveText;
  }

  public StringProperty liveStateProperty() {
    return liveState;
  }

  public StringProperty permitProperty() {
    return permit;
  }

  public StringProperty growerProperty() {
    return grower;
  }

  public StringProperty vehicleProperty() {
    return vehicle;
  }

  public StringProperty weightProperty() {
    return weight;
  }

  public StringProperty reasonProperty() {
    return reason;
  }

  public ObjectProperty<WeightSource> sourceProperty() {
    return source;
  }

  public BooleanBinding manualBinding() {
    return manual;
  }

  public StringProperty permitErrorProperty() {
    return permitError;
  }

  public StringProperty growerErrorProperty() {
    return growerError;
  }

  public StringProperty vehicleErrorProperty() {
    return vehicleError;
  }

  public StringProperty weightErrorProperty() {
    return weightError;
  }

  public StringProperty reasonErrorProperty() {
    return reasonError;
  }

  public StringProperty ticketErrorProperty() {
    return ticketError;
  }

  public ObservableList<WeighbridgeTicket> openTickets() {
    return openTickets;
  }

  public ObjectProperty<WeighbridgeTicket> selectedProperty() {
    return selected;
  }

  public StringProperty netPreviewProperty() {
    return netPreview;
  }

  public ObjectProperty<WeighbridgeTicket> lastProperty() {
    return last;
  }

  public StringProperty lastNumberProperty() {
    return lastNumber;
  }

  public StringProperty lastTextProperty() {
    return lastText;
  }

  public StringProperty lastNetProperty() {
    return lastNet;
  }

  /** "Over quota by …" for the last ticket weighed out, empty when within its quota. */
  public StringProperty lastOverQuotaProperty() {
    return lastOverQuota;
  }

  /** "Over quota by …" for the tare being weighed out, empty when within its quota. */
  public StringProperty previewOverQuotaProperty() {
    return previewOverQuota;
  }

  /** What was done to a truck of the queue (voided), empty otherwise. */
  public StringProperty queueDoneProperty() {
    return queueDone;
  }

  /** Why a truck of the queue could not be voided. */
  public StringProperty queueErrorProperty() {
    return queueError;
  }

  /** The slip to print: set anew on each print request. */
  public ObjectProperty<TicketSlip> slipProperty() {
    return slip;
  }

  public StringProperty printMessageProperty() {
    return printMessage;
  }
}
