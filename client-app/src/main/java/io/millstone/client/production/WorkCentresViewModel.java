package io.millstone.client.production;

import io.millstone.api.production.v1.CostBasis;
import io.millstone.api.production.v1.WorkCentre;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Notifier;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Work centres (mill tandem, boiler house, ...) and the telemetry machines that measure them, with
 * the conversion cost a run of the centre absorbs.
 */
public final class WorkCentresViewModel extends AbstractViewModel {
  public static final List<CostBasis> BASES =
      List.of(CostBasis.COST_BASIS_PER_TONNE, CostBasis.COST_BASIS_PER_HOUR);

  private final ProductionGateway gateway;
  private final Messages messages;
  private final Notifier notifier;
  private final ObservableList<WorkCentre> centres = FXCollections.observableArrayList();
  private final StringProperty code = new SimpleStringProperty("");
  private final StringProperty name = new SimpleStringProperty("");
  private final StringProperty machines = new SimpleStringProperty("");
  private final ObjectProperty<CostBasis> basis =
      new SimpleObjectProperty<>(CostBasis.COST_BASIS_PER_TONNE);
  private final StringProperty rate = new SimpleStringProperty("");
  private final BooleanProperty active = new SimpleBooleanProperty(true);
  private final BooleanProperty existing = new SimpleBooleanProperty(false);
  private long version;

  public WorkCentresViewModel(
      ProductionGateway gateway, UiTaskExecutor executor, Messages messages, Notifier notifier) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
    this.notifier = notifier;
  }

  public void refresh() {
    executor.submit(gateway::workCentres, centres::setAll, this::failed);
  }

  public void clear() {
    code.set("");
    name.set("");
    machines.set("");
    basis.set(CostBasis.COST_BASIS_PER_TONNE);
    rate.set("");
    active.set(true);
    existing.set(false);
    version = 0;
    setMessage("");
  }

  public void load(WorkCentre w) {
    code.set(w.getCode());
    name.set(w.getName());
    machines.set(String.join(", ", w.getMachineCodesList()));
    basis.set(w.getCostBasis());
    rate.set(Amounts.quantity(w.getConversionRate().getAmount()));
    active.set(w.getActive());
    existing.set(true);
    version = w.getVersion();
    setMessage("");
  }

  /** The machine codes as typed, separated by commas or spaces. */
  static List<String> machineCodes(String text) {
    return Arrays.stream(text == null ? new String[0] : text.split("[,\\s]+"))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .distinct()
        .toList();
  }

  public void save() {
    if (isBusy()) {
      return;
    }
    if (code.get().isBlank() || name.get().isBlank()) {
      setMessage(messages.get("production.wc.required"));
      return;
    }
    BigDecimal r = rate.get().isBlank() ? BigDecimal.ZERO : Amounts.parse(rate.get());
    if (r == null || r.signum() < 0) {
      setMessage(messages.get("production.wc.rateInvalid"));
      return;
    }
    ProductionGateway.WorkCentreDraft d =
        new ProductionGateway.WorkCentreDraft(
            code.get().trim(),
            name.get().trim(),
            machineCodes(machines.get()),
            basis.get(),
            r,
            active.get(),
            version);
    setBusy(true);
    setMessage("");
    executor.submit(
        () -> gateway.saveWorkCentre(d),
        w -> {
          setBusy(false);
          notifier.notify(messages.get("production.wc.saved"), w.getCode() + " " + w.getName());
          load(w);
          refresh();
        },
        t -> {
          setBusy(false);
          setMessage(ErrorText.of(t, messages));
        });
  }

  private void failed(Throwable t) {
    setMessage(ErrorText.of(t, messages));
  }

  public static String basisName(CostBasis b, Messages m) {
    return switch (b) {
      case COST_BASIS_PER_TONNE -> m.get("production.wc.perTonne");
      case COST_BASIS_PER_HOUR -> m.get("production.wc.perHour");
      default -> "";
    };
  }

  public ObservableList<WorkCentre> centres() {
    return centres;
  }

  public StringProperty codeProperty() {
    return code;
  }

  public StringProperty nameProperty() {
    return name;
  }

  public StringProperty machinesProperty() {
    return machines;
  }

  public ObjectProperty<CostBasis> basisProperty() {
    return basis;
  }

  public StringProperty rateProperty() {
    return rate;
  }

  public BooleanProperty activeProperty() {
    return active;
  }

  public BooleanProperty existingProperty() {
    return existing;
  }
}
