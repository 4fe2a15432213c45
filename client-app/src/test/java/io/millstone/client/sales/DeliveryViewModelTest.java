package io.millstone.client.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.masterdata.v1.TaxCategory;
import io.millstone.api.sales.v1.OrderLine;
import io.millstone.api.sales.v1.SalesOrder;
import io.millstone.client.core.Messages;
import io.millstone.client.support.DirectExecutor;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryViewModelTest {
  private final DeskInMemory desk = new DeskInMemory();

  private SalesOrder order() throws Exception {
    desk.item("SUG-L30", "Refined sugar L30", "95000", TaxCategory.TAX_CATEGORY_STANDARD);
    desk.item("MOL-B", "Molasses grade B", "12000", TaxCategory.TAX_CATEGORY_EXEMPT);
    desk.customer("C-DHAKA", "Dhaka Sweets & Bakery", "0");
    SalesOrder o =
        desk.createOrder(
            "C-DHAKA",
            null,
            List.of(
                new SalesGateway.LineInput("SUG-L30", new BigDecimal("40"), null),
                new SalesGateway.LineInput("MOL-B", new BigDecimal("10"), null)),
            "",
            false,
            "k");
    // 15 t of the sugar already left earlier; the molasses all went
    OrderLine sugar = o.getLines(0).toBuilder().setDelivered(DeskInMemory.dec("15")).build();
    OrderLine mol = o.getLines(1).toBuilder().setDelivered(DeskInMemory.dec("10")).build();
    return o.toBuilder().setLines(0, sugar).setLines(1, mol).build();
  }

  private DeliveryViewModel delivery() throws Exception {
    DeliveryViewModel vm =
        new DeliveryViewModel(
            order(), desk, new DirectExecutor(), new Messages(Messages.ENGLISH), (t, x) -> {});
    vm.start();
    return vm;
  }

  @Test
  void onlyLinesWithSomethingOpenAreOfferedWithTheOpenQuantity() throws Exception {
    DeliveryViewModel vm = delivery();

    assertThat(vm.lines())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.orderLine().getItemCode()).isEqualTo("SUG-L30");
              assertThat(l.quantityProperty().get()).isEqualTo("25");
            });
    assertThat(vm.warehouseProperty().get()).isEqualTo("GODOWN");
  }

  @Test
  void moreThanIsOpenIsRefusedOnTheLine() throws Exception {
    DeliveryViewModel vm = delivery();
    vm.lines().get(0).quantityProperty().set("26");
    boolean[] posted = {false};
    vm.setOnPosted(d -> posted[0] = true);

    vm.post();

    assertThat(posted[0]).isFalse();
    assertThat(vm.lines().get(0).errorProperty().get())
        .isEqualTo("Only 25 is still open on this line.");
  }

  @Test
  void aPartialDeliveryIsPosted() throws Exception {
    DeliveryViewModel vm = delivery();
    vm.lines().get(0).quantityProperty().set("10");
    vm.lines().get(0).lotProperty().set("L-2026-07");
    String[] posted = {null};
    vm.setOnPosted(d -> posted[0] = d.getNumber());

    vm.post();

    assertThat(posted[0]).isEqualTo("DN-1");
    assertThat(vm.getMessage()).isEmpty();
  }

  @Test
  void theConfirmationSaysWhatLeavesWhichWarehouseOnWhichDay() throws Exception {
    DeliveryViewModel vm = delivery();
    vm.lines().get(0).quantityProperty().set("12.5");
    vm.lines().get(0).lotProperty().set("L-07");
    vm.dateProperty().set(java.time.LocalDate.of(2026, 12, 7));

    var summary = vm.summary();

    assertThat(summary.question())
        .isEqualTo(
            "Deliver for "
                + vm.order().getNumber()
                + " (Dhaka Sweets & Bakery) from warehouse GODOWN, dated 07/12/2026? The stock"
                + " leaves the warehouse; a posted delivery cannot be edited.");
    assertThat(summary.details()).containsExactly("SUG-L30 Refined sugar L30: 12.5 t (lot L-07)");
  }

  @Test
  void invalidInputAsksNoConfirmation() throws Exception {
    DeliveryViewModel vm = delivery();
    vm.lines().get(0).quantityProperty().set("1E+5");

    assertThat(vm.summary()).isNull();
    assertThat(vm.lines().get(0).errorProperty().get()).isNotEmpty();
  }
}
