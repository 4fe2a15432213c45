package io.millstone.client.purchasing;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.masterdata.v1.TaxCategory;
import io.millstone.client.core.Messages;
import io.millstone.client.remote.RemoteException;
import io.millstone.client.support.DirectExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PurchaseOrderViewModelTest {
  private final BuyingDeskInMemory desk = new BuyingDeskInMemory();
  private final List<String> notes = new ArrayList<>();
  private PurchaseOrderViewModel vm;

  @BeforeEach
  void mill() {
    desk.item("LIME", "Quick lime", TaxCategory.TAX_CATEGORY_STANDARD);
    desk.item("CANE", "Sugar cane", TaxCategory.TAX_CATEGORY_EXEMPT);
    desk.supplier("S-LIME", "Joypurhat Lime Works");
    vm =
        new PurchaseOrderViewModel(
            desk, new DirectExecutor(), new Messages(Messages.ENGLISH), (t, x) -> notes.add(t));
    vm.start();
  }

  private PurchaseLine type(int index, String code, String qty, String price) {
    while (vm.lines().size() <= index) {
      vm.addLine();
    }
    PurchaseLine l = vm.lines().get(index);
    l.itemCodeProperty().set(code);
    vm.resolveItem(l);
    l.quantityProperty().set(qty);
    l.priceProperty().set(price);
    return l;
  }

  private void supplier() {
    vm.supplierCodeProperty().set("s-lime");
    vm.resolveSupplier();
  }

  @Test
  void linesShowNetAndVatAsTypedAndTheTotalsAreAnEstimate() {
    PurchaseLine lime = type(0, "LIME", "12.5", "14200");
    type(1, "CANE", "100", "4200");

    assertThat(lime.netProperty().get()).isEqualByComparingTo("177500.00");
    assertThat(lime.vatProperty().get()).isEqualByComparingTo("26625.00");
    assertThat(vm.netTotalProperty().get()).isEqualTo("5,97,500.00");
    assertThat(vm.vatTotalProperty().get()).isEqualTo("26,625.00");
    assertThat(vm.grossTotalProperty().get()).isEqualTo("6,24,125.00");
    assertThat(vm.serverFiguresProperty().get()).isFalse();
  }

  @Test
  void aSupplierTypedByCodeIsFoundWhateverTheCase() {
    supplier();

    assertThat(vm.supplierCodeProperty().get()).isEqualTo("S-LIME");
    assertThat(vm.supplierNameProperty().get()).isEqualTo("Joypurhat Lime Works");
  }

  @Test
  void anUnknownSupplierIsMarkedBesideTheField() {
    vm.supplierCodeProperty().set("S-NONE");
    vm.resolveSupplier();

    assertThat(vm.supplierErrorProperty().get()).isEqualTo("No supplier has the code S-NONE.");
  }

  @Test
  void aLineWithoutAnAgreedPriceIsNotSent() {
    supplier();
    PurchaseLine l = type(0, "LIME", "10", "");

    vm.submit();

    assertThat(desk.sentLines).isEmpty();
    assertThat(l.errorProperty().get()).startsWith("Enter the price agreed with the supplier");
  }

  @Test
  void aSmallOrderSubmittedIsApprovedAtOnceAndShowsTheServersFigures() {
    supplier();
    type(0, "LIME", "10", "14200");

    vm.submit();

    assertThat(vm.stateTextProperty().get()).isEqualTo("Approved");
    assertThat(vm.titleProperty().get()).isEqualTo("PO-000001");
    assertThat(vm.serverFiguresProperty().get()).isTrue();
    assertThat(vm.grossTotalProperty().get()).isEqualTo("1,63,300.00");
    assertThat(vm.editableProperty().get()).isFalse();
    assertThat(vm.decisionProperty().get()).contains("Within the approval threshold");
    assertThat(notes).containsExactly("Purchase order approved within the threshold");
  }

  @Test
  void aBigOrderWaitsForAnApprover() {
    supplier();
    type(0, "LIME", "100", "14200");

    vm.submit();

    assertThat(vm.stateTextProperty().get()).isEqualTo("Awaiting approval");
    assertThat(vm.decisionProperty().get())
        .isEqualTo("Submitted by stores; waits for an approver.");
  }

  @Test
  void aSavedDraftIsSubmittedWithoutBeingCreatedTwice() {
    supplier();
    type(0, "CANE", "5", "4200");

    vm.save();
    assertThat(vm.stateTextProperty().get()).isEqualTo("Draft");
    vm.submit();

    assertThat(desk.sentLines).hasSize(1);
    assertThat(vm.stateTextProperty().get()).isEqualTo("Approved");
  }

  @Test
  void theServersRefusalOfALineIsShownUnderThatLine() {
    supplier();
    type(0, "LIME", "10", "14200");
    PurchaseLine cane = type(1, "CANE", "5", "4200");
    desk.nextFailure =
        new RemoteException(
            RemoteException.Kind.INVALID_INPUT,
            "invalid",
            "",
            Map.of("lines[1].quantity", "The item CANE is not bought in this unit."));

    vm.save();

    assertThat(cane.errorProperty().get()).isEqualTo("The item CANE is not bought in this unit.");
    assertThat(vm.orderProperty().get()).isNull();
    assertThat(vm.getMessage()).isEqualTo("Correct the fields marked in red, then save again.");
  }
}
