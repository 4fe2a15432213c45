package io.millstone.client.telemetry;

import io.millstone.api.production.v1.MachineOee;
import io.millstone.api.telemetry.v1.Machine;
import io.millstone.api.telemetry.v1.Tag;
import io.millstone.api.telemetry.v1.ValueType;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The machines screen: the company's machines and the tags of the one picked, and three small
 * forms: a new machine; a tag (new, or one picked from the list to change its unit, range and alarm
 * limits); the machine's OEE settings. A saved tag takes effect on the next reading.
 */
public final class MachinesViewModel extends AbstractViewModel {
  public static final List<ValueType> TYPES =
      List.of(
          ValueType.VALUE_TYPE_NUMBER, ValueType.VALUE_TYPE_BOOLEAN, ValueType.VALUE_TYPE_COUNTER);

  private final PlantGateway gateway;
  private final Messages messages;
  private final ObservableList<Machine> machines = FXCollections.observableArrayList();
  private final ObjectProperty<Machine> selected = new SimpleObjectProperty<>();
  private final ObservableList<Tag> tags = FXCollections.observableArrayList();
  private final ObjectProperty<Tag> selectedTag = new SimpleObjectProperty<>();
  private final StringProperty done = new SimpleStringProperty("");

  /** OEE settings saved from this screen, by machine code (the server has no call to read them). */
  private final Map<String, MachineOee> oeeSaved = new HashMap<>();

  private final StringProperty code = new SimpleStringProperty("");
  private final StringProperty name = new SimpleStringProperty("");
  private final StringProperty area = new SimpleStringProperty("");
  private final FormErrors machineErrors = new FormErrors("code", "name", "area");
  private final StringProperty machineMessage = new SimpleStringProperty("");
  private String machineKey = UUID.randomUUID().toString();

  private final StringProperty tagKey = new SimpleStringProperty("");
  private final StringProperty tagName = new SimpleStringProperty("");
  private final StringProperty unit = new SimpleStringProperty("");
  private final ObjectProperty<ValueType> type =
      new SimpleObjectProperty<>(ValueType.VALUE_TYPE_NUMBER);
  private final StringProperty min = new SimpleStringProperty("");
  private final StringProperty max = new SimpleStringProperty("");
  private final StringProperty low = new SimpleStringProperty("");
  private final StringProperty high = new SimpleStringProperty("");
  private final StringProperty hysteresis = new SimpleStringProperty("");
  private final BooleanProperty runState = new SimpleBooleanProperty(false);
  private final FormErrors tagErrors =
      new FormErrors(
          "key",
          "name",
          "unit",
          "value_type",
          "expected_min",
          "expected_max",
          "alarm_low",
          "alarm_high",
          "hysteresis",
          "is_run_state");
  private final StringProperty tagMessage = new SimpleStringProperty("");

  private final StringProperty rate = new SimpleStringProperty("");
  private final StringProperty rateUnit = new SimpleStringProperty("");
  private final StringProperty produced = new SimpleStringProperty("");
  private final StringProperty rejected = new SimpleStringProperty("");
  private final FormErrors oeeErrors =
      new FormErrors("ideal_rate_per_hour", "rate_unit", "produced_tag_key", "rejected_tag_key");
  private final StringProperty oeeMessage = new SimpleStringProperty("");

  public MachinesViewModel(PlantGateway gateway, UiTaskExecutor executor, Messages messages) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
    selected.addListener((o, a, b) -> showMachine(b));
    selectedTag.addListener(
        (o, a, b) -> {
          if (b != null) {
            editTag(b);
          }
        });
  }

  /** Loads the machines; the one picked before stays picked. */
  public void refresh() {
    setBusy(true);
    executor.submit(gateway::machines, this::show, this::failed);
  }

  private void show(List<Machine> list) {
    setBusy(false);
    String keep = selected.get() == null ? null : selected.get().getId();
    machines.setAll(list);
    Machine again =
        list.stream()
            .filter(m -> m.getId().equals(keep))
            .findFirst()
            .orElse(list.isEmpty() ? null : list.get(0));
    if (again != null && again.equals(selected.get())) {
      showMachine(again);
    }
    selected.set(again);
    setMessage(list.isEmpty() ? messages.get("plant.machines.none") : "");
  }

  private void showMachine(Machine m) {
    String keepTag = selectedTag.get() == null ? null : selectedTag.get().getKey();
    tags.setAll(m == null ? List.of() : m.getTagsList());
    selectedTag.set(tags.stream().filter(t -> t.getKey().equals(keepTag)).findFirst().orElse(null));
    if (m != null) {
      MachineOee oee = oeeSaved.get(m.getCode());
      rate.set(oee == null ? "" : oee.getIdealRatePerHour().getValue());
      rateUnit.set(oee == null ? "" : oee.getRateUnit());
      produced.set(oee == null ? "" : oee.getProducedTagKey());
      rejected.set(oee == null ? "" : oee.getRejectedTagKey());
      oeeErrors.clear();
      oeeMessage.set("");
    }
  }

  /** Creates the machine typed in the new-machine form and picks it. */
  public void createMachine() {
    if (isBusy()) {
      return;
    }
    setBusy(true);
    machineMessage.set("");
    String c = code.get();
    String n = name.get();
    String a = area.get();
    String key = machineKey;
    executor.submit(
        () -> gateway.createMachine(c, n, a, key),
        m -> {
          setBusy(false);
          machineKey = UUID.randomUUID().toString();
          machineErrors.clear();
          code.set("");
          name.set("");
          area.set("");
          machines.add(m);
          selected.set(m);
          newTag();
          done.set(messages.get("plant.machine.created", m.getCode()));
          setMessage("");
        },
        e -> {
          setBusy(false);
          machineMessage.set(machineErrors.show(e, messages));
        });
  }

  /** Empties the tag form for a new tag of the picked machine. */
  public void newTag() {
    selectedTag.set(null);
    tagKey.set("");
    tagName.set("");
    unit.set("");
    type.set(ValueType.VALUE_TYPE_NUMBER);
    min.set("");
    max.set("");
    low.set("");
    high.set("");
    hysteresis.set("");
    runState.set(false);
    tagErrors.clear();
    tagMessage.set("");
  }

  /** Puts the tag into the tag form to be changed. */
  public void editTag(Tag t) {
    tagKey.set(t.getKey());
    tagName.set(t.getName());
    unit.set(t.getUnit());
    type.set(t.getValueType());
    min.set(t.getExpectedMin().getValue());
    max.set(t.getExpectedMax().getValue());
    low.set(t.getAlarmLow().getValue());
    high.set(t.getAlarmHigh().getValue());
    hysteresis.set(t.getHysteresis().getValue());
    runState.set(t.getIsRunState());
    tagErrors.clear();
    tagMessage.set("");
  }

  /** Whether the tag form holds a tag the machine already has (so saving changes it). */
  public boolean editingExistingTag() {
    Machine m = selected.get();
    return m != null
        && m.getTagsList().stream().anyMatch(t -> t.getKey().equals(tagKey.get().trim()));
  }

  /** Saves the tag form: adds the tag, or changes the machine's tag with the same key. */
  public void saveTag() {
    Machine m = selected.get();
    if (isBusy()) {
      return;
    }
    if (m == null) {
      tagMessage.set(messages.get("plant.machine.pick"));
      return;
    }
    setBusy(true);
    tagMessage.set("");
    PlantGateway.TagDraft d =
        new PlantGateway.TagDraft(
            m.getId(),
            tagKey.get(),
            tagName.get(),
            unit.get(),
            type.get() == null ? ValueType.VALUE_TYPE_UNSPECIFIED : type.get(),
            min.get(),
            max.get(),
            low.get(),
            high.get(),
            hysteresis.get(),
            runState.get());
    executor.submit(
        () -> {
          Tag saved = gateway.defineTag(d);
          return new Object[] {saved, gateway.machines()};
        },
        (Object[] r) -> {
          Tag saved = (Tag) r[0];
          @SuppressWarnings("unchecked")
          List<Machine> list = (List<Machine>) r[1];
          tagErrors.clear();
          show(list);
          selectedTag.set(
              tags.stream().filter(t -> t.getId().equals(saved.getId())).findFirst().orElse(null));
          done.set(messages.get("plant.tag.saved", saved.getKey(), m.getCode()));
        },
        e -> {
          setBusy(false);
          tagMessage.set(tagErrors.show(e, messages));
        });
  }

  /** Saves the picked machine's OEE settings. */
  public void saveOee() {
    Machine m = selected.get();
    if (isBusy()) {
      return;
    }
    if (m == null) {
      oeeMessage.set(messages.get("plant.machine.pick"));
      return;
    }
    setBusy(true);
    oeeMessage.set("");
    PlantGateway.OeeDraft d =
        new PlantGateway.OeeDraft(
            m.getCode(), rate.get(), rateUnit.get(), produced.get(), rejected.get());
    executor.submit(
        () -> gateway.setMachineOee(d),
        oee -> {
          setBusy(false);
          oeeErrors.clear();
          oeeSaved.put(oee.getMachineCode(), oee);
          done.set(
              messages.get(
                  "plant.oee.saved",
                  oee.getMachineCode(),
                  oee.getIdealRatePerHour().getValue(),
                  oee.getRateUnit()));
        },
        e -> {
          setBusy(false);
          oeeMessage.set(oeeErrors.show(e, messages));
        });
  }

  /** The machine's counter tags, for the OEE form's pickers. */
  public List<String> counterKeys() {
    return tags.stream()
        .filter(t -> t.getValueType() == ValueType.VALUE_TYPE_COUNTER)
        .map(Tag::getKey)
        .toList();
  }

  private void failed(Throwable t) {
    setBusy(false);
    setMessage(ErrorText.of(t, messages));
  }

  public ObservableList<Machine> machines() {
    return machines;
  }

  public ObjectProperty<Machine> selectedProperty() {
    return selected;
  }

  public ObservableList<Tag> tags() {
    return tags;
  }

  public ObjectProperty<Tag> selectedTagProperty() {
    return selectedTag;
  }

  /** What the last action did, in a sentence. */
  public StringProperty doneProperty() {
    return done;
  }

  public StringProperty codeProperty() {
    return code;
  }

  public StringProperty nameProperty() {
    return name;
  }

  public StringProperty areaProperty() {
    return area;
  }

  public ObservableMap<String, String> machineErrors() {
    return machineErrors.map();
  }

  public StringProperty machineMessageProperty() {
    return machineMessage;
  }

  public StringProperty tagKeyProperty() {
    return tagKey;
  }

  public StringProperty tagNameProperty() {
    return tagName;
  }

  public StringProperty unitProperty() {
    return unit;
  }

  public ObjectProperty<ValueType> typeProperty() {
    return type;
  }

  public StringProperty minProperty() {
    return min;
  }

  public StringProperty maxProperty() {
    return max;
  }

  public StringProperty lowProperty() {
    return low;
  }

  public StringProperty highProperty() {
    return high;
  }

  public StringProperty hysteresisProperty() {
    return hysteresis;
  }

  public BooleanProperty runStateProperty() {
    return runState;
  }

  public ObservableMap<String, String> tagErrors() {
    return tagErrors.map();
  }

  public StringProperty tagMessageProperty() {
    return tagMessage;
  }

  public StringProperty rateProperty() {
    return rate;
  }

  public StringProperty rateUnitProperty() {
    return rateUnit;
  }

  public StringProperty producedProperty() {
    return produced;
  }

  public StringProperty rejectedProperty() {
    return rejected;
  }

  public ObservableMap<String, String> oeeErrors() {
    return oeeErrors.map();
  }

  public StringProperty oeeMessageProperty() {
    return oeeMessage;
  }
}
