package io.millstone.client.cane;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.client.core.Messages;
import io.millstone.client.support.DirectExecutor;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SeasonsAndGrowersViewModelTest {
  CaneInMemory desk = new CaneInMemory();
  Messages messages = new Messages(Messages.ENGLISH);

  @Test
  void aSeasonNeedsItsDatesAndACentreWithAPriceAboveZero() {
    SeasonsViewModel vm = new SeasonsViewModel(desk, new DirectExecutor(), messages);
    vm.refresh();
    assertThat(vm.selectedProperty().get().getCode()).isEqualTo("2024-25");
    vm.codeProperty().set("2025-26");
    vm.create();
    assertThat(vm.getMessage()).startsWith("A season needs a code");
    vm.startProperty().set(LocalDate.of(2025, 11, 15));
    vm.endProperty().set(LocalDate.of(2026, 3, 31));
    vm.lines().get(0).warehouseProperty().set("GATE");
    vm.lines().get(0).priceProperty().set("-600");
    vm.create();
    assertThat(vm.getMessage()).isEqualTo("The price for GATE is a number above zero.");
    vm.lines().get(0).priceProperty().set("600");
    assertThat(vm.overQuotaProperty().get()).isEqualTo("MARK");
    vm.overQuotaProperty().set("REFUSE");
    vm.create();
    assertThat(vm.doneProperty().get()).isEqualTo("Season 2025-26 created.");
    assertThat(vm.selectedProperty().get().getCode()).isEqualTo("2025-26");
    assertThat(vm.selectedProperty().get().getOverQuota())
        .isEqualTo(io.millstone.api.cane.v1.OverQuota.OVER_QUOTA_REFUSE);
  }

  @Test
  void theBridgeLimitOfACentreIsAWeightAboveZero() {
    SeasonsViewModel vm = new SeasonsViewModel(desk, new DirectExecutor(), messages);
    vm.refresh();
    assertThat(vm.priceCentreProperty().get()).isEqualTo("GATE");
    vm.limitProperty().set("0");
    vm.setBridgeLimit();
    assertThat(vm.getMessage())
        .isEqualTo("The bridge limit for GATE is a weight in kg above zero.");
    vm.limitProperty().set("60000");
    vm.setBridgeLimit();
    assertThat(vm.doneProperty().get())
        .isEqualTo("The GATE bridge weighs at most 60,000 kg in season 2024-25.");
    assertThat(vm.prices()).isEmpty();
    assertThat(vm.limitProperty().get()).isEqualTo("60000");
  }

  @Test
  void aLoanNeedsAGrowerAndAnAmount() {
    GrowersViewModel vm = new GrowersViewModel(desk, new DirectExecutor(), messages);
    vm.refresh();
    assertThat(vm.growers()).hasSize(3);
    vm.loanAmountProperty().set("5000");
    vm.recordLoan();
    assertThat(vm.getMessage()).isEqualTo("Select a grower first.");
    vm.selectedProperty().set(vm.growers().get(0));
    vm.recordLoan();
    assertThat(vm.doneProperty().get()).startsWith("Loan LN-1 of 5,000.00 to G-001");
  }

  @Test
  void choosingAGrowerShowsThePlotsTheServerHasNowNotThoseOfTheListBehind() {
    GrowersViewModel vm = new GrowersViewModel(desk, new DirectExecutor(), messages);
    vm.refresh();
    // Someone added a plot to Karim since the list was read.
    desk.growers.set(
        0,
        desk.growers.get(0).toBuilder()
            .addPlots(io.millstone.api.cane.v1.Plot.newBuilder().setPlotCode("KH-7"))
            .build());
    assertThat(vm.growers().get(0).getPlotsCount()).isZero();
    vm.selectedProperty().set(vm.growers().get(0));
    assertThat(vm.selectedProperty().get().getPlotsList())
        .extracting(io.millstone.api.cane.v1.Plot::getPlotCode)
        .containsExactly("KH-7");
  }
}
