package io.millstone.client.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.production.v1.OutputFigure;
import io.millstone.api.production.v1.OutputType;
import io.millstone.client.core.Messages;
import io.millstone.client.support.DirectExecutor;
import org.junit.jupiter.api.Test;

class BomViewModelTest {
  private final MillInMemory mill = new MillInMemory();
  private final BomViewModel vm =
      new BomViewModel(mill, new DirectExecutor(), new Messages(Messages.ENGLISH), (t, x) -> {});

  @Test
  void theFirstBomOpensWithItsSharesSummed() {
    vm.refresh();

    assertThat(vm.codeProperty().get()).isEqualTo("SUGAR");
    assertThat(vm.inputs()).hasSize(2);
    assertThat(vm.outputs()).hasSize(2);
    assertThat(vm.outputs().get(1).typeProperty().get())
        .isEqualTo(OutputType.OUTPUT_TYPE_BY_PRODUCT);
    assertThat(vm.shareTotalProperty().get()).isEqualTo("Cost shares total 100 %");
    assertThat(vm.sharesMakeHundredProperty().get()).isTrue();
    assertThat(vm.codeFixedProperty().get()).isTrue();
  }

  @Test
  void sharesNotMakingHundredAreShownAndTheBomIsNotSent() {
    vm.refresh();
    vm.outputs().get(1).shareProperty().set("12.5");

    assertThat(vm.shareTotalProperty().get()).isEqualTo("Cost shares total 97.5 %");
    assertThat(vm.sharesMakeHundredProperty().get()).isFalse();

    vm.save();

    assertThat(mill.savedBoms).isEmpty();
    assertThat(vm.getMessage())
        .isEqualTo(
            "Cost shares total 97.5 %; they must total exactly 100 % before the BOM can be saved.");
  }

  @Test
  void aNewBomWithMainCoAndByProductsIsSentWithItsShares() {
    vm.codeProperty().set("SUGAR-2");
    vm.nameProperty().set("Refined sugar");
    vm.productProperty().set("SUGAR-R");
    vm.expectedLossProperty().set("55");
    vm.inputs().get(0).itemProperty().set("CANE");
    vm.inputs().get(0).quantityProperty().set("100");
    BomViewModel.OutputRow main = vm.outputs().get(0);
    main.itemProperty().set("SUGAR-R");
    main.figureProperty().set(OutputFigure.OUTPUT_FIGURE_SUGAR);
    main.shareProperty().set("80");
    BomViewModel.OutputRow co = vm.addOutput();
    co.itemProperty().set("MOLASSES");
    co.typeProperty().set(OutputType.OUTPUT_TYPE_CO_PRODUCT);
    co.shareProperty().set("15");
    BomViewModel.OutputRow by = vm.addOutput();
    by.itemProperty().set("BAGASSE");
    by.shareProperty().set("5");

    vm.save();

    assertThat(mill.savedBoms).hasSize(1);
    var d = mill.savedBoms.get(0);
    assertThat(d.version()).isZero();
    assertThat(d.expectedLossPercent()).isEqualByComparingTo("55");
    assertThat(d.outputs())
        .extracting(o -> o.itemCode() + " " + o.type() + " " + o.costSharePercent())
        .containsExactly(
            "SUGAR-R OUTPUT_TYPE_MAIN 80",
            "MOLASSES OUTPUT_TYPE_CO_PRODUCT 15",
            "BAGASSE OUTPUT_TYPE_BY_PRODUCT 5");
    assertThat(vm.getMessage()).isEmpty();
    assertThat(vm.codeFixedProperty().get()).isTrue();
  }

  @Test
  void twoMainProductsAreRefused() {
    vm.refresh();
    vm.outputs().get(1).typeProperty().set(OutputType.OUTPUT_TYPE_MAIN);

    vm.save();

    assertThat(mill.savedBoms).isEmpty();
    assertThat(vm.getMessage()).isEqualTo("Exactly one output must be the main product.");
  }
}
