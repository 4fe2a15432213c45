package io.millstone.client.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.client.core.form.Deactivating;
import io.millstone.client.core.form.FieldSpec;
import io.millstone.client.core.form.FormViewModel;
import io.millstone.client.masterdata.UnitConverterViewModel;
import io.millstone.client.remote.RemoteException;
import io.millstone.client.support.DirectExecutor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Deactivating a master-data record from its form, and the units' converter. */
class DeactivateAndConvertTest {
  private final FormViewModelTest.Store store = new FormViewModelTest.Store();
  private final Messages messages = new Messages(Messages.ENGLISH);
  private final List<String> asked = new ArrayList<>();
  private final Map<String, Boolean> active = new HashMap<>();

  private final Deactivating<FormViewModelTest.Rec> how =
      new Deactivating<>() {
        @Override
        public FormViewModelTest.Rec deactivate(FormViewModelTest.Rec r) throws RemoteException {
          if (r.values().get("code").equals("IN-USE")) {
            throw new RemoteException(
                RemoteException.Kind.BUSINESS_RULE,
                "IN-USE still has stock in GODOWN-1; move or issue it first.");
          }
          active.put(r.id(), false);
          FormViewModelTest.Rec d = new FormViewModelTest.Rec(r.id(), r.version() + 1, r.values());
          store.rows.put(r.id(), d);
          return d;
        }

        @Override
        public boolean isActive(FormViewModelTest.Rec r) {
          return active.getOrDefault(r.id(), true);
        }
      };

  private FormViewModel<FormViewModelTest.Rec> formOf(String code) throws Exception {
    FormViewModelTest.Rec r = store.create(Map.of("code", code, "name", code + " name"), "k");
    FormViewModel<FormViewModelTest.Rec> vm =
        new FormViewModel<>(
            store,
            List.of(
                FieldSpec.text("code", "parties.code", true),
                FieldSpec.text("name", "parties.name", true)),
            new DirectExecutor(),
            new FormViewModelTest.Answers(),
            messages,
            (t, x) -> {},
            "New");
    vm.load(r);
    return vm;
  }

  @Test
  void deactivatingAsksFirstAndOnlyAYesDeactivates() throws Exception {
    var vm = formOf("SUG-50");
    vm.deactivate(
        how,
        (title, question, yes) -> {
          asked.add(question);
          return false;
        });
    assertThat(asked).singleElement().asString().startsWith("Deactivate SUG-50?");
    assertThat(how.isActive(vm.recordProperty().get())).isTrue();

    vm.deactivate(how, (title, question, yes) -> true);
    assertThat(how.isActive(vm.recordProperty().get())).isFalse();
    assertThat(vm.recordProperty().get().version()).isEqualTo(2);
  }

  @Test
  void unsavedEditsComeFirstAndARefusalIsShownInTheForm() throws Exception {
    var vm = formOf("IN-USE");
    vm.value("name").set("typed");
    vm.deactivate(how, (title, question, yes) -> true);
    assertThat(vm.getMessage()).isEqualTo("Save or undo your changes first, then deactivate.");
    vm.revert();
    vm.deactivate(how, (title, question, yes) -> true);
    assertThat(vm.getMessage()).contains("still has stock");
    assertThat(how.isActive(vm.recordProperty().get())).isTrue();
  }

  @Test
  void theConverterShowsTheServersAnswerOrMarksTheUnitItRefused() {
    UnitConverterViewModel vm =
        new UnitConverterViewModel(
            (q, from, to) -> {
              if (!to.equals("kg")) {
                throw new RemoteException(
                    RemoteException.Kind.INVALID_INPUT,
                    "to_unit_code",
                    "",
                    Map.of("to_unit_code", "'" + to + "' is not a unit of this company"));
              }
              return "1000";
            },
            new DirectExecutor(),
            messages);
    vm.fromProperty().set("t");
    vm.toProperty().set("kgs");
    vm.convert();
    assertThat(vm.errors()).containsOnlyKeys("to_unit_code");
    assertThat(vm.getMessage()).isEqualTo("'kgs' is not a unit of this company");
    vm.toProperty().set("kg");
    assertThat(vm.errors()).isEmpty();
    vm.convert();
    assertThat(vm.resultProperty().get()).isEqualTo("1 t = 1,000 kg");
  }
}
