package io.millstone.client.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.production.v1.Stream;
import io.millstone.client.core.Messages;
import io.millstone.client.support.DirectExecutor;
import org.junit.jupiter.api.Test;

class LimitsViewModelTest {
  private final MillInMemory mill = new MillInMemory();
  private final LimitsViewModel vm;

  LimitsViewModelTest() {
    mill.limits.add(MillInMemory.mixedJuiceLimits());
    vm =
        new LimitsViewModel(
            mill, new DirectExecutor(), new Messages(Messages.ENGLISH), (t, x) -> {});
    vm.refresh();
  }

  private LimitsViewModel.Row row(Stream s) {
    return vm.rows().stream().filter(r -> r.stream() == s).findFirst().orElseThrow();
  }

  @Test
  void everyStreamHasARowAndTheSavedLimitsAreShown() {
    assertThat(vm.rows()).hasSize(9);
    assertThat(row(Stream.STREAM_MIXED_JUICE).min("brix").get()).isEqualTo("13");
    assertThat(row(Stream.STREAM_MIXED_JUICE).max("brix").get()).isEqualTo("18");
    assertThat(row(Stream.STREAM_MIXED_JUICE).min("purity").get()).isEqualTo("78");
    assertThat(row(Stream.STREAM_MIXED_JUICE).max("purity").get()).isEmpty();
  }

  @Test
  void onlyTheStreamsThatChangedAreSent() {
    vm.save();
    assertThat(mill.limitsSaved).isEmpty();
    assertThat(vm.getMessage()).isEqualTo("No limit was changed.");

    row(Stream.STREAM_SYRUP).min("brix").set("55");
    row(Stream.STREAM_SYRUP).max("brix").set("70");
    vm.save();

    assertThat(mill.limitsSaved).containsExactly(Stream.STREAM_SYRUP);
    assertThat(vm.getMessage()).isEmpty();
  }

  @Test
  void aMinAboveItsMaxIsNotSent() {
    row(Stream.STREAM_SYRUP).min("brix").set("75");
    row(Stream.STREAM_SYRUP).max("brix").set("70");

    vm.save();

    assertThat(mill.limitsSaved).isEmpty();
    assertThat(row(Stream.STREAM_SYRUP).errorProperty().get())
        .isEqualTo("Brix %: the min is above the max.");
  }
}
