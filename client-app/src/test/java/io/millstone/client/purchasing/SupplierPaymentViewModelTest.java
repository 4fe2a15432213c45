package io.millstone.client.purchasing;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.client.core.Messages;
import io.millstone.client.support.DirectExecutor;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SupplierPaymentViewModelTest {
  private final BuyingDeskInMemory desk = new BuyingDeskInMemory();
  private SupplierPaymentViewModel vm;

  @BeforeEach
  void twoOpenBills() {
    desk.openBill("BILL-000002", LocalDate.of(2026, 11, 10), "50000.00");
    desk.openBill("BILL-000001", LocalDate.of(2026, 11, 1), "30000.00");
    vm =
        new SupplierPaymentViewModel(
            desk, new DirectExecutor(), new Messages(Messages.ENGLISH), (t, x) -> {});
    vm.supplierCodeProperty().set("S-LIME");
    vm.loadBills();
  }

  @Test
  void theAmountIsSetAgainstTheOldestBillFirst() {
    vm.amountProperty().set("40000");

    assertThat(vm.allocations())
        .extracting(a -> a.bill().getNumber())
        .containsExactly("BILL-000001", "BILL-000002");
    assertThat(vm.allocations().get(0).amountProperty().get()).isEqualTo("30000.00");
    assertThat(vm.allocations().get(1).amountProperty().get()).isEqualTo("10000.00");
    assertThat(vm.allocatedTextProperty().get()).isEqualTo("Allocated 40,000.00 of 40,000.00");
  }

  @Test
  void aPaymentWhoseAllocationsDoNotAddUpIsNotSent() {
    vm.amountProperty().set("40000");
    vm.allocations().get(1).amountProperty().set("5000");

    vm.post();

    assertThat(desk.sentAllocations).isEmpty();
    assertThat(vm.getMessage()).contains("35,000.00").contains("40,000.00");
  }

  @Test
  void aPostedPaymentNamesItsVoucher() {
    vm.amountProperty().set("30000");

    vm.post();

    assertThat(desk.sentAllocations.get(0)).hasSize(1);
    assertThat(desk.sentAllocations.get(0).get(0).billId()).isEqualTo("bill-BILL-000001");
    assertThat(vm.postedProperty().get())
        .isEqualTo("Payment SP-000001 of 30,000.00 posted with JV-000009.");
  }
}
