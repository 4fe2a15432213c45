package io.millstone.client.telemetry;

import io.millstone.api.telemetry.v1.Device;
import io.millstone.api.telemetry.v1.QuarantinedReading;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The readings the server refused (unknown tag, not a number, too old…), newest first, of every
 * floor PC or one, narrowed by what is typed in the filter (tag, value or reason). Times are in the
 * company's zone.
 */
public final class QuarantineViewModel extends AbstractViewModel {

  /** One refused reading as the list shows it. */
  public record Row(
      String device,
      long seq,
      String tag,
      String value,
      String reason,
      String sent,
      String received) {
    boolean matches(String text) {
      String t = text.toLowerCase(Locale.ROOT);
      return tag.toLowerCase(Locale.ROOT).contains(t)
          || value.toLowerCase(Locale.ROOT).contains(t)
          || reason.toLowerCase(Locale.ROOT).contains(t)
          || device.toLowerCase(Locale.ROOT).contains(t);
    }
  }

  /** A floor PC to filter by; the empty id is every PC. */
  public record DeviceChoice(String id, String name) {
    @Override
    public String toString() {
      return name;
    }
  }

  private final PlantGateway gateway;
  private final Messages messages;
  private final ObservableList<DeviceChoice> devices = FXCollections.observableArrayList();
  private final ObjectProperty<DeviceChoice> device = new SimpleObjectProperty<>();
  private final StringProperty filter = new SimpleStringProperty("");
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private List<Row> all = List.of();

  public QuarantineViewModel(PlantGateway gateway, UiTaskExecutor executor, Messages messages) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
    DeviceChoice every = new DeviceChoice("", messages.get("plant.quarantine.allPcs"));
    devices.add(every);
    device.set(every);
    filter.addListener((o, a, b) -> narrow());
    device.addListener(
        (o, a, b) -> {
          if (b != null && a != null && !a.id().equals(b.id())) {
            refresh();
          }
        });
  }

  /** Loads the readings of the chosen PC (and the PCs' names). */
  public void refresh() {
    setBusy(true);
    String id = device.get() == null ? "" : device.get().id();
    executor.submit(
        () -> new Object[] {gateway.devices(), gateway.quarantine(id)},
        (Object[] r) -> {
          setBusy(false);
          @SuppressWarnings("unchecked")
          List<Device> pcs = (List<Device>) r[0];
          @SuppressWarnings("unchecked")
          List<QuarantinedReading> readings = (List<QuarantinedReading>) r[1];
          Map<String, String> names = new HashMap<>();
          pcs.forEach(d -> names.put(d.getId(), d.getName()));
          DeviceChoice chosen = device.get();
          if (devices.size() != pcs.size() + 1) {
            devices.setAll(devices.get(0));
            pcs.forEach(d -> devices.add(new DeviceChoice(d.getId(), d.getName())));
          }
          all =
              readings.stream()
                  .map(
                      q ->
                          new Row(
                              names.getOrDefault(q.getDeviceId(), q.getDeviceId()),
                              q.getSeq(),
                              q.getTagKey(),
                              q.getValue(),
                              q.getReason(),
                              q.hasSourceTime()
                                  ? Dates.dateTime(FloorPcsViewModel.instant(q.getSourceTime()))
                                  : "",
                              Dates.dateTime(FloorPcsViewModel.instant(q.getReceivedAt()))))
                  .toList();
          devices.stream()
              .filter(c -> chosen != null && c.id().equals(chosen.id()))
              .findFirst()
              .ifPresent(
                  c -> {
                    if (c != device.get()) {
                      device.set(c);
                    }
                  });
          narrow();
        },
        e -> {
          setBusy(false);
          setMessage(ErrorText.of(e, messages));
        });
  }

  private void narrow() {
    String f = filter.get() == null ? "" : filter.get().trim();
    rows.setAll(f.isEmpty() ? all : all.stream().filter(r -> r.matches(f)).toList());
    setMessage(
        all.isEmpty()
            ? messages.get("plant.quarantine.none")
            : messages.get("plant.quarantine.count", rows.size(), all.size()));
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  public ObservableList<DeviceChoice> devices() {
    return devices;
  }

  public ObjectProperty<DeviceChoice> deviceProperty() {
    return device;
  }

  public StringProperty filterProperty() {
    return filter;
  }
}
