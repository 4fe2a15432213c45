package io.millstone.client.telemetry;

import com.google.protobuf.Timestamp;
import io.millstone.api.telemetry.v1.Device;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Confirmation;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The floor PCs (the agents' devices): the list with when each was last heard from, a new one with
 * its one-time enrolment token, and revoking one. The token lives here only until the person closes
 * its dialog: the server keeps only its hash and no list returns it.
 */
public final class FloorPcsViewModel extends AbstractViewModel {

  /** One floor PC as the list shows it. */
  public record Row(Device device, String name, String state, String lastSeen, String version) {
    public boolean revoked() {
      return device.getState().equals("REVOKED");
    }
  }

  /** A token to show once: which PC it enrols, the token, and until when it works. */
  public record Token(String device, String token, String expires) {}

  private final PlantGateway gateway;
  private final Messages messages;
  private final Confirmation confirm;
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
  private final StringProperty name = new SimpleStringProperty("");
  private final FormErrors errors = new FormErrors("name");
  private final StringProperty done = new SimpleStringProperty("");
  private final ObjectProperty<Token> token = new SimpleObjectProperty<>();
  private String key = UUID.randomUUID().toString();

  public FloorPcsViewModel(
      PlantGateway gateway, UiTaskExecutor executor, Messages messages, Confirmation confirm) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
    this.confirm = confirm;
  }

  public void refresh() {
    setBusy(true);
    executor.submit(
        gateway::devices,
        list -> {
          setBusy(false);
          show(list);
        },
        this::failed);
  }

  private void show(List<Device> list) {
    String keep = selected.get() == null ? null : selected.get().device().getId();
    rows.setAll(list.stream().map(this::row).toList());
    selected.set(
        rows.stream().filter(r -> r.device().getId().equals(keep)).findFirst().orElse(null));
    setMessage(rows.isEmpty() ? messages.get("plant.pcs.none") : "");
  }

  private Row row(Device d) {
    return new Row(
        d,
        d.getName(),
        messages.get("plant.pcs.state." + d.getState().toLowerCase(Locale.ROOT)),
        d.hasLastSeenAt()
            ? Dates.dateTime(instant(d.getLastSeenAt()))
            : messages.get("plant.pcs.never"),
        d.getAgentVersion());
  }

  static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  /** Registers the PC named in the form; its token is then shown once. */
  public void create() {
    if (isBusy()) {
      return;
    }
    setBusy(true);
    setMessage("");
    String n = name.get();
    String k = key;
    executor.submit(
        () -> {
          var created = gateway.createDevice(n, k);
          return new Object[] {created, gateway.devices()};
        },
        (Object[] r) -> {
          setBusy(false);
          var created = (io.millstone.api.telemetry.v1.CreateDeviceResponse) r[0];
          @SuppressWarnings("unchecked")
          List<Device> list = (List<Device>) r[1];
          key = UUID.randomUUID().toString();
          errors.clear();
          name.set("");
          show(list);
          String pc = created.getDevice().getName();
          done.set(messages.get("plant.pcs.created", pc));
          token.set(
              new Token(
                  pc,
                  created.getEnrollmentToken(),
                  Dates.dateTime(instant(created.getEnrollmentExpiresAt()))));
        },
        e -> {
          setBusy(false);
          setMessage(errors.show(e, messages));
        });
  }

  /** The token just made, until {@link #forgetToken}; null otherwise. */
  public ObjectProperty<Token> tokenProperty() {
    return token;
  }

  /** The token's dialog was closed: it cannot be shown again. */
  public void forgetToken() {
    token.set(null);
  }

  /** Revokes the picked PC after asking: its agent is cut off and cannot connect again. */
  public void revokeSelected() {
    Row r = selected.get();
    if (r == null || r.revoked() || isBusy()) {
      return;
    }
    if (!confirm.ask(
        messages.get("plant.pcs.revoke.title"),
        messages.get("plant.pcs.revoke.question", r.name()),
        messages.get("plant.pcs.revoke"))) {
      return;
    }
    setBusy(true);
    executor.submit(
        () -> {
          Device d = gateway.revokeDevice(r.device().getId());
          return new Object[] {d, gateway.devices()};
        },
        (Object[] x) -> {
          setBusy(false);
          Device d = (Device) x[0];
          @SuppressWarnings("unchecked")
          List<Device> list = (List<Device>) x[1];
          show(list);
          done.set(messages.get("plant.pcs.revoked", d.getName()));
        },
        this::failed);
  }

  private void failed(Throwable t) {
    setBusy(false);
    setMessage(ErrorText.of(t, messages));
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  public ObjectProperty<Row> selectedProperty() {
    return selected;
  }

  public StringProperty nameProperty() {
    return name;
  }

  public ObservableMap<String, String> errors() {
    return errors.map();
  }

  public StringProperty doneProperty() {
    return done;
  }
}
