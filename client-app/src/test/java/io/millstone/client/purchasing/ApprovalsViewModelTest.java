package io.millstone.client.purchasing;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.masterdata.v1.TaxCategory;
import io.millstone.client.core.Messages;
import io.millstone.client.remote.RemoteException;
import io.millstone.client.support.DirectExecutor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApprovalsViewModelTest {
  private final BuyingDeskInMemory desk = new BuyingDeskInMemory();
  private ApprovalsViewModel vm;

  @BeforeEach
  void twoBigOrdersWaiting() throws Exception {
    desk.item("LIME", "Quick lime", TaxCategory.TAX_CATEGORY_STANDARD);
    desk.supplier("S-LIME", "Joypurhat Lime Works");
    for (String qty : List.of("100", "200")) {
      desk.submit(
          desk.createOrder(
              "S-LIME",
              LocalDate.of(2026, 11, 3),
              List.of(
                  new PurchasingGateway.LineInput(
                      "LIME", new BigDecimal(qty), new BigDecimal("14200"))),
              "",
              "k" + qty));
    }
    vm =
        new ApprovalsViewModel(
            desk, new DirectExecutor(), new Messages(Messages.ENGLISH), (t, x) -> {});
    vm.refresh();
  }

  @Test
  void theQueueShowsWaitingOrdersOldestFirstWithTheFirstChosen() {
    assertThat(vm.waiting())
        .extracting(o -> o.getNumber())
        .containsExactly("PO-000001", "PO-000002");
    assertThat(vm.selectedProperty().get().getNumber()).isEqualTo("PO-000001");
  }

  @Test
  void anApprovedOrderLeavesTheQueue() {
    vm.approve();

    assertThat(desk.decisions).containsExactly("approve PO-000001 ");
    assertThat(vm.waiting()).extracting(o -> o.getNumber()).containsExactly("PO-000002");
    assertThat(vm.doneProperty().get()).startsWith("Approved PO-000001 (Joypurhat Lime Works, ");
  }

  @Test
  void approvingTheLastOrderStillSaysWhatWasApproved() {
    vm.approve();
    vm.approve();

    assertThat(vm.waiting()).isEmpty();
    assertThat(vm.doneProperty().get()).startsWith("Approved PO-000002");
  }

  @Test
  void aRejectionWithoutAReasonIsNotSent() {
    vm.reject();

    assertThat(desk.decisions).isEmpty();
    assertThat(vm.noteErrorProperty().get()).startsWith("Give the reason for the rejection");
  }

  @Test
  void aRejectionCarriesItsReason() {
    vm.noteProperty().set("Price above the mill's last purchase");
    vm.reject();

    assertThat(desk.decisions)
        .containsExactly("reject PO-000001 Price above the mill's last purchase");
    assertThat(desk.order("po-1").getState())
        .isEqualTo(io.millstone.api.purchasing.v1.PurchaseOrderState.PURCHASE_ORDER_STATE_REJECTED);
  }

  @Test
  void theRefusalToApproveOnesOwnOrderIsShownAndTheOrderStaysInTheQueue() {
    desk.nextFailure =
        new RemoteException(
            RemoteException.Kind.BUSINESS_RULE,
            "You submitted PO-000001 yourself; another approver must decide on it.");

    vm.approve();

    assertThat(vm.getMessage())
        .isEqualTo("You submitted PO-000001 yourself; another approver must decide on it.");
    assertThat(vm.waiting()).hasSize(2);
  }
}
