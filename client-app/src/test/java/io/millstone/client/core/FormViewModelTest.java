package io.millstone.client.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.client.core.DialogService.FieldChange;
import io.millstone.client.core.form.Checks;
import io.millstone.client.core.form.FieldSpec;
import io.millstone.client.core.form.FormViewModel;
import io.millstone.client.core.form.RecordGateway;
import io.millstone.client.remote.RemoteException;
import io.millstone.client.support.DirectExecutor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormViewModelTest {
  /** A record: its values and version. */
  record Rec(String id, long version, Map<String, String> values) {}

  /** Keeps records in memory and checks versions the way the server does. */
  static final class Store implements RecordGateway<Rec> {
    final Map<String, Rec> rows = new LinkedHashMap<>();
    final List<String> keys = new ArrayList<>();
    RemoteException nextFailure;
    int writes;

    @Override
    public Rec get(String id) {
      return rows.get(id);
    }

    @Override
    public Rec create(Map<String, String> values, String key) throws RemoteException {
      keys.add(key);
      if (nextFailure != null) {
        RemoteException e = nextFailure;
        nextFailure = null;
        throw e;
      }
      writes++;
      Rec r = new Rec("id" + rows.size(), 1, Map.copyOf(values));
      rows.put(r.id(), r);
      return r;
    }

    @Override
    public Rec update(Rec original, Map<String, String> values) throws RemoteException {
      if (nextFailure != null) {
        RemoteException e = nextFailure;
        nextFailure = null;
        throw e;
      }
      Rec current = rows.get(original.id());
      if (current.version() != original.version()) {
        throw new RemoteException(
            RemoteException.Kind.CONFLICT, "C-1 was changed by sales.x after you opened it.");
      }
      writes++;
      Rec r = new Rec(original.id(), original.version() + 1, Map.copyOf(values));
      rows.put(r.id(), r);
      return r;
    }

    @Override
    public Map<String, String> valuesOf(Rec record) {
      return record.values();
    }

    @Override
    public String idOf(Rec record) {
      return record.id();
    }

    @Override
    public String titleOf(Rec record) {
      return record.values().get("code");
    }
  }

  /** Answers dialogs as told and remembers what it was shown. */
  static final class Answers implements DialogService {
    UnsavedChoice unsaved = UnsavedChoice.CANCEL;
    boolean reload = true;
    List<FieldChange> shownChanges;
    int unsavedAsked;

    @Override
    public void showError(String title, String message) {}

    @Override
    public void showInfo(String title, String message) {}

    @Override
    public UnsavedChoice askUnsavedChanges(String recordTitle) {
      unsavedAsked++;
      return unsaved;
    }

    @Override
    public boolean askReloadAfterConflict(String message, List<FieldChange> changes) {
      shownChanges = changes;
      return reload;
    }

    @Override
    public boolean askTrustCertificate(String server, String fingerprint) {
      return false;
    }

    @Override
    public Optional<String> askText(String title, String prompt, String initial) {
      return Optional.empty();
    }
  }

  private final Store store = new Store();
  private final Answers dialogs = new Answers();
  private final Messages messages = new Messages(Messages.ENGLISH);
  private final List<String> notes = new ArrayList<>();

  private FormViewModel<Rec> form() {
    return new FormViewModel<>(
        store,
        List.of(
            FieldSpec.text("code", "parties.code", true).fixedAfterCreate(),
            FieldSpec.text("name", "parties.name", true),
            FieldSpec.text("bin", "parties.bin", false).checked(Checks.BIN),
            FieldSpec.text("credit_limit.amount", "parties.creditLimit", false)
                .checked(Checks.DECIMAL_NOT_NEGATIVE)),
        new DirectExecutor(),
        dialogs,
        messages,
        (t, x) -> notes.add(t + ": " + x),
        "New customer");
  }

  @Test
  void aRequiredFieldLeftEmptyIsMarkedAndNothingIsSent() {
    FormViewModel<Rec> vm = form();
    vm.value("code").set("C-1");

    vm.save();

    assertThat(vm.errors()).containsEntry("name", "Required.");
    assertThat(store.writes).isZero();
    assertThat(store.keys).isEmpty();
  }

  @Test
  void aBinOfElevenDigitsIsRefusedBeforeReachingTheServer() {
    FormViewModel<Rec> vm = form();
    vm.value("code").set("C-1");
    vm.value("name").set("Dhaka Distillers");
    vm.value("bin").set("12345678901");

    vm.save();

    assertThat(vm.errors()).containsEntry("bin", "A BIN has 13 digits.");
    assertThat(store.writes).isZero();
  }

  @Test
  void theServersFieldViolationsAppearOnTheirFields() {
    FormViewModel<Rec> vm = form();
    vm.value("code").set("C-1");
    vm.value("name").set("Dhaka Distillers");
    store.nextFailure =
        new RemoteException(
            RemoteException.Kind.INVALID_INPUT,
            "Some fields are not valid.",
            "INVALID_INPUT",
            Map.of("credit_limit.amount", "At most 4 decimal places."));

    vm.save();

    assertThat(vm.errors()).containsEntry("credit_limit.amount", "At most 4 decimal places.");
    assertThat(vm.getMessage()).isEqualTo("Correct the fields marked in red, then save again.");
    assertThat(vm.isNew()).isTrue();
  }

  @Test
  void editingAFieldClearsItsComplaint() {
    FormViewModel<Rec> vm = form();
    vm.value("code").set("C-1");
    vm.save();
    assertThat(vm.errors()).containsKey("name");

    vm.value("name").set("Fixed");

    assertThat(vm.errors()).doesNotContainKey("name");
  }

  @Test
  void aRetriedCreateSendsTheSameIdempotencyKey() {
    FormViewModel<Rec> vm = form();
    vm.value("code").set("C-1");
    vm.value("name").set("Dhaka Distillers");
    store.nextFailure = new RemoteException(RemoteException.Kind.UNAVAILABLE, "down");

    vm.save();
    vm.save();

    assertThat(store.keys).hasSize(2);
    assertThat(store.keys.get(0)).isEqualTo(store.keys.get(1));
    assertThat(store.rows).hasSize(1);
    assertThat(notes).containsExactly("Saved: C-1");
  }

  @Test
  void aConflictShowsWhichFieldsDifferAndReloadShowsTheServersRecord() throws Exception {
    FormViewModel<Rec> mine = form();
    Rec original =
        store.create(
            Map.of(
                "code",
                "C-1",
                "name",
                "Dhaka Distillers",
                "bin",
                "",
                "credit_limit.amount",
                "5000"),
            "k");
    mine.load(original);
    store.update(
        original,
        Map.of(
            "code",
            "C-1",
            "name",
            "Dhaka Distillers Ltd",
            "bin",
            "",
            "credit_limit.amount",
            "7000"));

    mine.value("credit_limit.amount").set("6000");
    mine.save();

    assertThat(dialogs.shownChanges)
        .containsExactly(
            new FieldChange("Name", "Dhaka Distillers", "Dhaka Distillers Ltd"),
            new FieldChange("Credit limit", "6000", "7000"));
    assertThat(mine.value("credit_limit.amount").get()).isEqualTo("7000");
    assertThat(mine.recordProperty().get().version()).isEqualTo(2);
    assertThat(mine.isDirty()).isFalse();
  }

  @Test
  void keepingMyEditsAfterAConflictLeavesThemInTheForm() throws Exception {
    dialogs.reload = false;
    FormViewModel<Rec> mine = form();
    Rec original = store.create(Map.of("code", "C-1", "name", "A"), "k");
    mine.load(original);
    store.update(original, Map.of("code", "C-1", "name", "B"));

    mine.value("name").set("C");
    mine.save();

    assertThat(mine.value("name").get()).isEqualTo("C");
    assertThat(mine.getMessage()).contains("changed by sales.x");
  }

  @Test
  void closingWithUnsavedChangesAsksAndCancelKeepsTheFormOpen() {
    FormViewModel<Rec> vm = form();
    vm.value("name").set("Something");
    List<String> closed = new ArrayList<>();

    vm.requestClose(() -> closed.add("closed"));

    assertThat(dialogs.unsavedAsked).isEqualTo(1);
    assertThat(closed).isEmpty();
  }

  @Test
  void choosingSaveOnCloseSavesThenCloses() {
    dialogs.unsaved = DialogService.UnsavedChoice.SAVE;
    FormViewModel<Rec> vm = form();
    vm.value("code").set("C-9");
    vm.value("name").set("Something");
    List<String> closed = new ArrayList<>();

    vm.requestClose(() -> closed.add("closed"));

    assertThat(store.rows).hasSize(1);
    assertThat(closed).containsExactly("closed");
  }

  @Test
  void anUntouchedFormClosesWithoutAsking() {
    FormViewModel<Rec> vm = form();
    List<String> closed = new ArrayList<>();

    vm.requestClose(() -> closed.add("closed"));

    assertThat(dialogs.unsavedAsked).isZero();
    assertThat(closed).containsExactly("closed");
  }

  private FormViewModel<Rec> itemForm(FieldSpec.ChoiceSource units) {
    return new FormViewModel<>(
        store,
        List.of(
            FieldSpec.text("code", "items.code", true),
            FieldSpec.text("unit_code", "items.unit", true).picked(units)),
        new DirectExecutor(),
        dialogs,
        messages,
        (t, x) -> notes.add(t + ": " + x),
        "New item");
  }

  @Test
  void theUnitPickerOffersTheUnitsTheServerSentWithCodeAndName() {
    FormViewModel<Rec> vm =
        itemForm(
            () ->
                List.of(
                    new FieldSpec.Choice("kg", "kg — Kilogram"),
                    new FieldSpec.Choice("t", "t — Tonne")));

    assertThat(vm.choices("unit_code"))
        .extracting(FieldSpec.Choice::label)
        .containsExactly("kg — Kilogram", "t — Tonne");
    assertThat(vm.isDirty()).isFalse();
  }

  @Test
  void anUnpickedUnitIsRequiredBeforeAnythingIsSent() {
    FormViewModel<Rec> vm = itemForm(() -> List.of(new FieldSpec.Choice("kg", "kg — Kilogram")));
    vm.value("code").set("MOL-B");

    vm.save();

    assertThat(vm.errors()).containsEntry("unit_code", "Required.");
    assertThat(store.writes).isZero();
  }

  @Test
  void theServersObjectionToThePickedUnitIsShownBesideThePicker() {
    FormViewModel<Rec> vm = itemForm(() -> List.of(new FieldSpec.Choice("sack", "sack — Sack")));
    vm.value("code").set("LIME-Q");
    vm.value("unit_code").set("sack");
    store.nextFailure =
        new RemoteException(
            RemoteException.Kind.INVALID_INPUT,
            "Correct the fields.",
            "",
            Map.of("unit_code", "Unit sack is not an active unit of this company."));

    vm.save();

    assertThat(vm.errors())
        .containsEntry("unit_code", "Unit sack is not an active unit of this company.");
    assertThat(store.writes).isZero();
  }

  @Test
  void whenTheUnitsCannotBeFetchedTheFormSaysSoAndStaysUsable() {
    FormViewModel<Rec> vm =
        itemForm(
            () -> {
              throw new RemoteException(
                  RemoteException.Kind.UNAVAILABLE, "The server cannot be reached.");
            });

    assertThat(vm.choices("unit_code")).isEmpty();
    assertThat(vm.messageProperty().get()).isNotEmpty();
  }
}
