package io.millstone.client.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.client.core.Messages;
import io.millstone.client.support.DirectExecutor;
import org.junit.jupiter.api.Test;

class WorkCentresViewModelTest {
  private final WorkCentresViewModel vm =
      new WorkCentresViewModel(
          new MillInMemory(), new DirectExecutor(), new Messages(Messages.ENGLISH), (t, x) -> {});

  @Test
  void machineCodesAreTypedSeparatedByCommasOrSpaces() {
    assertThat(WorkCentresViewModel.machineCodes(" MILL-1, MILL-2  MILL-3,,MILL-1 "))
        .containsExactly("MILL-1", "MILL-2", "MILL-3");
  }

  @Test
  void aWorkCentreNeedsACodeAndANameAndARateThatIsANumber() {
    vm.nameProperty().set("Mill tandem");
    vm.save();
    assertThat(vm.getMessage()).isEqualTo("Give the work centre a code and a name.");

    vm.codeProperty().set("MILL");
    vm.rateProperty().set("150 taka");
    vm.save();
    assertThat(vm.getMessage()).isEqualTo("The conversion rate must be a number, zero or more.");

    vm.rateProperty().set("150");
    vm.save();
    assertThat(vm.getMessage()).isEmpty();
    assertThat(vm.existingProperty().get()).isTrue();
  }
}
