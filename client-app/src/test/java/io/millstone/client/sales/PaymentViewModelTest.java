package io.millstone.client.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.client.core.Messages;
import io.millstone.client.support.DirectExecutor;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentViewModelTest {
  private final DeskInMemory desk = new DeskInMemory();
  private PaymentViewModel vm;

  @BeforeEach
  void customerWithThreeOpenInvoices() {
    // listed newest first, as the server lists them
    desk.openInvoice("INV-2026-00009", LocalDate.of(2026, 9, 1), "300000.00");
    desk.openInvoice("INV-2026-00004", LocalDate.of(2026, 8, 1), "100000.00");
    desk.openInvoice("INV-2026-00006", LocalDate.of(2026, 8, 15), "50000.00");
    vm =
        new PaymentViewModel(
            desk, new DirectExecutor(), new Messages(Messages.ENGLISH), (t, x) -> {});
    vm.customerCodeProperty().set("C-DHAKA");
    vm.loadInvoices();
  }

  private String allocation(int i) {
    return vm.allocations().get(i).amountProperty().get();
  }

  @Test
  void theAmountIsSetAgainstTheOldestInvoicesFirst() {
    vm.amountProperty().set("120000");

    assertThat(vm.allocations())
        .extracting(a -> a.invoice().getNumber())
        .containsExactly("INV-2026-00004", "INV-2026-00006", "INV-2026-00009");
    assertThat(allocation(0)).isEqualTo("100000.00");
    assertThat(allocation(1)).isEqualTo("20000.00");
    assertThat(allocation(2)).isEmpty();
    assertThat(vm.allocatedTextProperty().get()).isEqualTo("Allocated 1,20,000.00 of 1,20,000.00");
    assertThat(vm.openTotalProperty().get()).isEqualTo("4,50,000.00");
  }

  @Test
  void postingSendsTheAllocationsThatAddUpToTheAmount() {
    vm.amountProperty().set("150000");
    vm.post();

    assertThat(desk.sentAllocations)
        .singleElement()
        .satisfies(
            list ->
                assertThat(list)
                    .containsExactly(
                        new SalesGateway.AllocationInput(
                            "inv-INV-2026-00004", new BigDecimal("100000.00")),
                        new SalesGateway.AllocationInput(
                            "inv-INV-2026-00006", new BigDecimal("50000.00"))));
    assertThat(vm.postedProperty().get())
        .isEqualTo("Payment RCV-1 of 1,50,000.00 posted with JV-7.");
  }

  @Test
  void allocationsChangedByHandThatDoNotAddUpAreRefusedBeforeSending() {
    vm.amountProperty().set("100000");
    vm.allocations().get(0).amountProperty().set("60000");
    vm.allocations().get(2).amountProperty().set("30000");

    vm.post();

    assertThat(desk.sentAllocations).isEmpty();
    assertThat(vm.getMessage())
        .isEqualTo(
            "The allocations add up to 90,000.00, the payment is 1,00,000.00: every taka must be"
                + " set against an invoice.");
  }

  @Test
  void moreThanIsOpenOnAnInvoiceIsMarkedOnThatInvoice() {
    vm.amountProperty().set("100000");
    vm.allocations().get(0).amountProperty().set("0");
    vm.allocations().get(1).amountProperty().set("100000");

    vm.post();

    assertThat(desk.sentAllocations).isEmpty();
    assertThat(vm.allocations().get(1).errorProperty().get())
        .isEqualTo("Only 50,000.00 is open on this invoice.");
  }

  @Test
  void theConfirmationNamesTheAmountAsTypedTheCustomerTheMethodAndWhatItSettles() {
    vm.amountProperty().set("1,20,000");
    vm.dateProperty().set(LocalDate.of(2026, 12, 7));

    var summary = vm.summary();

    assertThat(summary.question())
        .isEqualTo("Post a payment of 1,20,000.00 from C-DHAKA by Bank, dated 07/12/2026?");
    assertThat(summary.details())
        .containsExactly(
            "Settles INV-2026-00004: 1,00,000.00", "Settles INV-2026-00006: 20,000.00");
  }
}
