package io.millstone.client.core.form;

import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.DialogService;
import io.millstone.client.core.DialogService.FieldChange;
import io.millstone.client.core.DialogService.UnsavedChoice;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Notifier;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import io.millstone.client.remote.RemoteException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * State and commands of a record form: one text property per field, errors per field (from the
 * client's checks or the server's field violations), the unsaved-changes flag, save, reload, and
 * the conflict flow when someone else saved first.
 */
public class FormViewModel<T> extends AbstractViewModel {
  private final RecordGateway<T> gateway;
  private final List<FieldSpec> fields;
  private final DialogService dialogs;
  private final Messages messages;
  private final Notifier notifier;
  private final Map<String, StringProperty> values = new LinkedHashMap<>();
  private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
  private final Map<String, ObservableList<FieldSpec.Choice>> choices = new LinkedHashMap<>();
  private final ObjectProperty<T> record = new SimpleObjectProperty<>();
  private final ObjectProperty<Map<String, String>> baseline = new SimpleObjectProperty<>(Map.of());
  private final StringProperty title = new SimpleStringProperty("");
  private final BooleanBinding dirty;
  private String idempotencyKey = UUID.randomUUID().toString();
  private Consumer<T> onSaved = r -> {};

  public FormViewModel(
      RecordGateway<T> gateway,
      List<FieldSpec> fields,
      UiTaskExecutor executor,
      DialogService dialogs,
      Messages messages,
      Notifier notifier,
      String newTitle) {
    super(executor);
    this.gateway = gateway;
    this.fields = List.copyOf(fields);
    this.dialogs = dialogs;
    this.messages = messages;
    this.notifier = notifier;
    List<javafx.beans.Observable> deps = new ArrayList<>();
    for (FieldSpec f : fields) {
      StringProperty p = new SimpleStringProperty(this, f.name(), "");
      values.put(f.name(), p);
      deps.add(p);
      // Editing a field takes back the complaint about its old value.
      p.addListener((o, a, b) -> errors.remove(f.name()));
    }
    deps.add(baseline);
    this.dirty =
        Bindings.createBooleanBinding(
            () -> !currentValues().equals(normalised(baseline.get())),
            deps.toArray(javafx.beans.Observable[]::new));
    baseline.set(currentValues());
    title.set(newTitle);
    for (FieldSpec f : fields) {
      if (f.kind() == FieldSpec.Kind.PICK) {
        ObservableList<FieldSpec.Choice> list = FXCollections.observableArrayList();
        choices.put(f.name(), list);
        executor.submit(f.source()::load, list::setAll, this::failed);
      }
    }
  }

  /**
   * What the picker {@code field} offers, fetched from the server when the form opens (empty until
   * then, or when the server could not be asked).
   */
  public ObservableList<FieldSpec.Choice> choices(String field) {
    ObservableList<FieldSpec.Choice> list = choices.get(field);
    if (list == null) {
      throw new IllegalArgumentException("no picker " + field);
    }
    return list;
  }

  public List<FieldSpec> fields() {
    return fields;
  }

  public StringProperty value(String field) {
    StringProperty p = values.get(field);
    if (p == null) {
      throw new IllegalArgumentException("no field " + field);
    }
    return p;
  }

  /** Field name → what is wrong with it; shown beside the field. */
  public ObservableMap<String, String> errors() {
    return errors;
  }

  public ObjectProperty<T> recordProperty() {
    return record;
  }

  public boolean isNew() {
    return record.get() == null;
  }

  public StringProperty titleProperty() {
    return title;
  }

  public BooleanBinding dirtyProperty() {
    return dirty;
  }

  public boolean isDirty() {
    return dirty.get();
  }

  public void setOnSaved(Consumer<T> onSaved) {
    this.onSaved = onSaved;
  }

  /** Shows {@code r} in the form, replacing whatever was typed. */
  public void load(T r) {
    record.set(r);
    Map<String, String> v = gateway.valuesOf(r);
    for (FieldSpec f : fields) {
      values.get(f.name()).set(v.getOrDefault(f.name(), ""));
    }
    baseline.set(currentValues());
    errors.clear();
    setMessage("");
    title.set(gateway.titleOf(r).trim());
  }

  /** Fetches the record by id and shows it. */
  public void open(String id) {
    setBusy(true);
    executor.submit(
        () -> gateway.get(id),
        r -> {
          setBusy(false);
          load(r);
        },
        this::failed);
  }

  public Map<String, String> currentValues() {
    Map<String, String> v = new LinkedHashMap<>();
    values.forEach((k, p) -> v.put(k, p.get() == null ? "" : p.get().trim()));
    return v;
  }

  private Map<String, String> normalised(Map<String, String> m) {
    Map<String, String> v = new LinkedHashMap<>();
    for (FieldSpec f : fields) {
      String s = m.get(f.name());
      v.put(f.name(), s == null ? "" : s.trim());
    }
    return v;
  }

  /** The client's own checks; true when every field passes. */
  public boolean validate() {
    Map<String, String> found = new LinkedHashMap<>();
    for (FieldSpec f : fields) {
      if (f.createOnly() && !isNew()) {
        continue;
      }
      String problem = f.problem(values.get(f.name()).get());
      if (problem != null) {
        found.put(f.name(), messages.get(problem));
      }
    }
    errors.clear();
    errors.putAll(found);
    if (!found.isEmpty()) {
      setMessage(messages.get("form.fixFields"));
    }
    return found.isEmpty();
  }

  /** Saves (create or update) unless a check fails; the server's objections land on fields. */
  public void save() {
    save(() -> {});
  }

  public void save(Runnable afterSuccess) {
    if (isBusy() || !validate()) {
      return;
    }
    setMessage("");
    setBusy(true);
    Map<String, String> v = currentValues();
    T original = record.get();
    String key = idempotencyKey;
    executor.submit(
        () -> original == null ? gateway.create(v, key) : gateway.update(original, v),
        saved -> {
          setBusy(false);
          idempotencyKey = UUID.randomUUID().toString();
          load(saved);
          notifier.notify(messages.get("form.saved.title"), gateway.titleOf(saved).trim());
          onSaved.accept(saved);
          afterSuccess.run();
        },
        this::saveFailed);
  }

  private void saveFailed(Throwable t) {
    setBusy(false);
    if (t instanceof RemoteException r && r.kind() == RemoteException.Kind.INVALID_INPUT) {
      List<String> elsewhere = new ArrayList<>();
      r.fieldViolations()
          .forEach(
              (field, text) -> {
                if (values.containsKey(field)) {
                  errors.put(field, text);
                } else {
                  elsewhere.add(text);
                }
              });
      setMessage(
          elsewhere.isEmpty() && !r.fieldViolations().isEmpty()
              ? messages.get("form.fixFields")
              : String.join(" ", elsewhere.isEmpty() ? List.of(r.getMessage()) : elsewhere));
      return;
    }
    if (t instanceof RemoteException r && r.kind() == RemoteException.Kind.CONFLICT) {
      conflict(r.getMessage());
      return;
    }
    failed(t);
  }

  /** Someone saved the record after we read it: show what differs and offer to reload. */
  private void conflict(String serverMessage) {
    T mine = record.get();
    Map<String, String> edits = currentValues();
    setMessage(serverMessage);
    executor.submit(
        () -> gateway.get(gateway.idOf(mine)),
        theirs -> {
          List<FieldChange> changes = diff(edits, gateway.valuesOf(theirs));
          if (dialogs.askReloadAfterConflict(serverMessage, changes)) {
            load(theirs);
          }
        },
        this::failed);
  }

  /** The fields where the person's edits and the server's record disagree. */
  public List<FieldChange> diff(Map<String, String> mine, Map<String, String> theirs) {
    List<FieldChange> out = new ArrayList<>();
    for (FieldSpec f : fields) {
      String a = mine.getOrDefault(f.name(), "").trim();
      String b = theirs.getOrDefault(f.name(), "").trim();
      if (!Objects.equals(a, b) && !sameNumber(a, b)) {
        out.add(new FieldChange(messages.get(f.labelKey()), a, b));
      }
    }
    return out;
  }

  /** "950000" and "950000.00" are the same amount; only real differences are shown. */
  private static boolean sameNumber(String a, String b) {
    try {
      return new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b)) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * Deactivates the record after asking (saving or undoing edits first); the form then shows it
   * inactive and the list is told as after a save. A refusal lands in the form's message.
   */
  public void deactivate(Deactivating<T> how, io.millstone.client.core.Confirmation confirm) {
    T r = record.get();
    if (r == null || isBusy() || !how.isActive(r)) {
      return;
    }
    if (isDirty()) {
      setMessage(messages.get("form.deactivate.saveFirst"));
      return;
    }
    String name = gateway.titleOf(r).trim();
    if (!confirm.ask(
        messages.get("form.deactivate.title", name),
        messages.get("form.deactivate.question", name),
        messages.get("form.deactivate.yes"))) {
      return;
    }
    setMessage("");
    setBusy(true);
    executor.submit(
        () -> how.deactivate(r),
        d -> {
          setBusy(false);
          load(d);
          notifier.notify(messages.get("form.deactivated.title"), name);
          onSaved.accept(d);
        },
        this::saveFailed);
  }

  /** Puts the last saved values back. */
  public void revert() {
    Map<String, String> b = baseline.get();
    for (FieldSpec f : fields) {
      values.get(f.name()).set(b.getOrDefault(f.name(), ""));
    }
    errors.clear();
    setMessage("");
  }

  /**
   * Asks before throwing away unsaved changes; calls {@code close} when the form may go (at once,
   * or after a successful save).
   */
  public void requestClose(Runnable close) {
    if (!isDirty()) {
      close.run();
      return;
    }
    UnsavedChoice c = dialogs.askUnsavedChanges(title.get());
    switch (c) {
      case SAVE -> save(close);
      case DISCARD -> close.run();
      case CANCEL -> {}
    }
  }

  private void failed(Throwable t) {
    setBusy(false);
    setMessage(ErrorText.of(t, messages));
  }
}
