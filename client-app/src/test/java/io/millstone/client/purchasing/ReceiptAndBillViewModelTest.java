package io.millstone.client.purchasing;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.client.core.Messages;
import io.millstone.client.remote.RemoteException;
import io.millstone.client.support.DirectExecutor;
import org.junit.jupiter.api.Test;

class ReceiptAndBillViewModelTest {
  private final BuyingDeskInMemory desk = new BuyingDeskInMemory();
  private final Messages messages = new Messages(Messages.ENGLISH);

  @Test
  void aReceiptOffersWhatIsStillToReceiveIntoTheFirstWarehouse() {
    ReceiptViewModel vm =
        new ReceiptViewModel(
            BuyingDeskInMemory.approvedOrder("20", "14200", "5", "0"),
            desk,
            new DirectExecutor(),
            messages,
            (t, x) -> {});
    vm.start();

    assertThat(vm.lines()).hasSize(1);
    assertThat(vm.lines().get(0).quantityProperty().get()).isEqualTo("15");
    assertThat(vm.warehouseProperty().get()).isEqualTo("STORES");
  }

  @Test
  void aPartialReceiptSendsTheTypedQuantityAndLot() {
    ReceiptViewModel vm =
        new ReceiptViewModel(
            BuyingDeskInMemory.approvedOrder("20", "14200", "0", "0"),
            desk,
            new DirectExecutor(),
            messages,
            (t, x) -> {});
    vm.start();
    vm.lines().get(0).quantityProperty().set("8");
    vm.lines().get(0).lotProperty().set("L-11");

    vm.post();

    assertThat(desk.sentReceipts).hasSize(1);
    assertThat(desk.sentReceipts.get(0).get(0).quantity()).isEqualByComparingTo("8");
    assertThat(desk.sentReceipts.get(0).get(0).lot()).isEqualTo("L-11");
  }

  @Test
  void aBillOffersWhatWasReceivedAndNotBilledAtTheOrdersPrice() {
    BillViewModel vm =
        new BillViewModel(
            BuyingDeskInMemory.approvedOrder("20", "14200", "12", "4"),
            desk,
            new DirectExecutor(),
            messages,
            (t, x) -> {});

    assertThat(vm.lines().get(0).quantityProperty().get()).isEqualTo("8");
    assertThat(vm.lines().get(0).priceProperty().get()).isEqualTo("14200");
    assertThat(vm.netTotalProperty().get()).isEqualTo("1,13,600.00");
  }

  @Test
  void aBillNeedsTheSuppliersInvoiceNumber() {
    BillViewModel vm =
        new BillViewModel(
            BuyingDeskInMemory.approvedOrder("20", "14200", "12", "0"),
            desk,
            new DirectExecutor(),
            messages,
            (t, x) -> {});

    vm.post();

    assertThat(desk.sentBills).isEmpty();
    assertThat(vm.invoiceErrorProperty().get()).isEqualTo("Enter the supplier's invoice number.");
  }

  @Test
  void aThreeWayMismatchIsShownAsTheServersSentence() {
    BillViewModel vm =
        new BillViewModel(
            BuyingDeskInMemory.approvedOrder("20", "14200", "12", "0"),
            desk,
            new DirectExecutor(),
            messages,
            (t, x) -> {});
    vm.supplierInvoiceProperty().set("JLW/2026/118");
    vm.lines().get(0).priceProperty().set("15500");
    String sentence =
        "The bill does not match PO-000001: line 1 (LIME) is billed at 15,500.00, more than 2%"
            + " above the order's 14,200.00.";
    desk.nextFailure = new RemoteException(RemoteException.Kind.BUSINESS_RULE, sentence);

    vm.post();

    assertThat(vm.getMessage()).isEqualTo(sentence);
    assertThat(vm.isBusy()).isFalse();
  }
}
