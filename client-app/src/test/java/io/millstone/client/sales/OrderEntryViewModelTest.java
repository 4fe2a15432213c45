package io.millstone.client.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.masterdata.v1.TaxCategory;
import io.millstone.api.sales.v1.SalesOrder;
import io.millstone.client.core.Messages;
import io.millstone.client.remote.RemoteException;
import io.millstone.client.support.DirectExecutor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderEntryViewModelTest {
  private final DeskInMemory desk = new DeskInMemory();
  private final Answers dialogs = new Answers();
  private final List<String> notes = new ArrayList<>();
  private OrderEntryViewModel vm;

  @BeforeEach
  void mill() {
    desk.item("SUG-L30", "Refined sugar L30", "95000", TaxCategory.TAX_CATEGORY_STANDARD);
    desk.item("MOL-B", "Molasses grade B", "12000", TaxCategory.TAX_CATEGORY_EXEMPT);
    desk.customer("C-DHAKA", "Dhaka Sweets & Bakery", "800000");
    vm =
        new OrderEntryViewModel(
            desk,
            new DirectExecutor(),
            dialogs,
            new Messages(Messages.ENGLISH),
            (t, x) -> notes.add(t + ": " + x));
    vm.start();
  }

  private OrderLine type(int index, String code, String qty) {
    while (vm.lines().size() <= index) {
      vm.addLine();
    }
    OrderLine l = vm.lines().get(index);
    l.itemCodeProperty().set(code);
    vm.resolveItem(l);
    l.quantityProperty().set(qty);
    return l;
  }

  private void customer() {
    vm.customerCodeProperty().set("c-dhaka");
    vm.resolveCustomer();
  }

  @Test
  void eachLineShowsItsNetAndVatAsTypedAndTheTotalsAddThemUp() {
    OrderLine sugar = type(0, "SUG-L30", "2.5");
    OrderLine molasses = type(1, "MOL-B", "10");

    assertThat(sugar.priceProperty().get()).isEqualTo("95000");
    assertThat(sugar.netProperty().get()).isEqualByComparingTo("237500.00");
    assertThat(sugar.vatProperty().get()).isEqualByComparingTo("35625.00");
    assertThat(molasses.vatProperty().get()).isEqualByComparingTo("0");
    assertThat(vm.netTotalProperty().get()).isEqualTo("3,57,500.00");
    assertThat(vm.vatTotalProperty().get()).isEqualTo("35,625.00");
    assertThat(vm.grossTotalProperty().get()).isEqualTo("3,93,125.00");
    assertThat(vm.serverFiguresProperty().get()).isFalse();
  }

  @Test
  void vatIsRoundedToThePaisaHalfUpLikeTheServer() {
    OrderLine l = type(0, "SUG-L30", "0.333");
    l.priceProperty().set("10.01");

    // 0.333 × 10.01 = 3.33333 → 3.33; 15 % of 3.33 = 0.4995 → 0.50
    assertThat(l.netProperty().get()).isEqualByComparingTo("3.33");
    assertThat(l.vatProperty().get()).isEqualByComparingTo("0.50");
  }

  @Test
  void aPriceTypedByHandStaysWhenTheItemChanges() {
    OrderLine l = type(0, "SUG-L30", "1");
    l.priceProperty().set("90000");
    l.itemCodeProperty().set("MOL-B");
    vm.resolveItem(l);

    assertThat(l.priceProperty().get()).isEqualTo("90000");
    assertThat(l.itemNameProperty().get()).isEqualTo("Molasses grade B");
    assertThat(l.rateProperty().get()).isEqualByComparingTo("0");
  }

  @Test
  void anEmptiedPriceIsFilledFromTheNextItem() {
    OrderLine l = type(0, "SUG-L30", "1");
    l.priceProperty().set("");
    l.itemCodeProperty().set("MOL-B");
    vm.resolveItem(l);

    assertThat(l.priceProperty().get()).isEqualTo("12000");
  }

  @Test
  void anUnknownItemCodeIsMarkedOnItsLine() {
    OrderLine l = type(0, "SUG-NOPE", "1");

    assertThat(l.errorProperty().get()).contains("SUG-NOPE").contains("not an active item");
    assertThat(l.netProperty().get()).isNull();
  }

  @Test
  void choosingTheCustomerShowsTheirNameAndCreditLimit() {
    customer();

    assertThat(vm.customerCodeProperty().get()).isEqualTo("C-DHAKA");
    assertThat(vm.customerNameProperty().get()).isEqualTo("Dhaka Sweets & Bakery");
    assertThat(vm.creditLimitProperty().get()).isEqualTo("Credit limit 8,00,000.00");
  }

  @Test
  void withoutACustomerOrWithAZeroQuantityNothingIsSent() {
    OrderLine l = type(0, "SUG-L30", "0");
    vm.confirm();

    assertThat(desk.sentLines).isEmpty();
    assertThat(vm.customerErrorProperty().get()).isEqualTo("Choose the customer first.");
    assertThat(l.errorProperty().get()).isEqualTo("Enter a quantity above zero.");
  }

  @Test
  void confirmingSendsTheFilledLinesAndThenShowsTheServersFigures() {
    customer();
    type(0, "SUG-L30", "2");
    vm.addLine(); // left blank: not sent
    OrderLine mol = type(2, "MOL-B", "5");
    mol.priceProperty().set("");

    vm.confirm();

    assertThat(desk.sentQuotation).containsExactly(false);
    assertThat(desk.sentLines.get(0))
        .containsExactly(
            new SalesGateway.LineInput("SUG-L30", new BigDecimal("2"), new BigDecimal("95000")),
            new SalesGateway.LineInput("MOL-B", new BigDecimal("5"), null));
    assertThat(vm.titleProperty().get()).isEqualTo("SO-1");
    assertThat(vm.stateTextProperty().get()).isEqualTo("Confirmed");
    assertThat(vm.serverFiguresProperty().get()).isTrue();
    assertThat(vm.grossTotalProperty().get()).isEqualTo("2,78,500.00");
    assertThat(vm.editableProperty().get()).isFalse();
    assertThat(notes).containsExactly("Order confirmed: SO-1 Dhaka Sweets & Bakery");
  }

  @Test
  void aQuotationSavedWithCtrlSCanBeEditedAndConfirmedLater() {
    customer();
    type(0, "SUG-L30", "1");
    vm.saveQuotation();
    assertThat(vm.stateTextProperty().get()).isEqualTo("Quotation");
    assertThat(vm.editableProperty().get()).isTrue();

    vm.lines().get(0).quantityProperty().set("3");
    assertThat(vm.serverFiguresProperty().get()).isFalse();
    vm.confirm();

    assertThat(desk.sentLines).hasSize(2);
    assertThat(desk.sentLines.get(1).get(0).quantity()).isEqualByComparingTo("3");
    assertThat(vm.stateTextProperty().get()).isEqualTo("Confirmed");
    assertThat(vm.netTotalProperty().get()).isEqualTo("2,85,000.00");
  }

  @Test
  void theServersFieldViolationsLandOnTheLinesTheyName() {
    customer();
    type(0, "SUG-L30", "1");
    vm.addLine();
    OrderLine second = type(2, "MOL-B", "1");
    desk.nextFailure =
        new RemoteException(
            RemoteException.Kind.INVALID_INPUT,
            "Check the order.",
            "",
            Map.of("lines[1].quantity", "must have at most 3 decimals"));

    vm.saveQuotation();

    assertThat(second.errorProperty().get()).isEqualTo("must have at most 3 decimals");
    assertThat(vm.lines().get(0).errorProperty().get()).isEmpty();
    assertThat(vm.getMessage()).isEqualTo("Correct the fields marked in red, then save again.");
    assertThat(vm.orderProperty().get()).isNull();
  }

  @Test
  void aCreditLimitRefusalIsShownWhereThePersonConfirms() {
    customer();
    type(0, "SUG-L30", "10");
    String refusal =
        "Dhaka Sweets & Bakery (C-DHAKA) has a credit limit of 8,00,000.00; unpaid invoices"
            + " (0.00) and open orders (0.00) leave 8,00,000.00, and this order is 10,92,500.00."
            + " Take a payment first, or ask for a higher limit.";
    desk.nextFailure =
        new RemoteException(
            RemoteException.Kind.BUSINESS_RULE, refusal, "credit_limit_exceeded", Map.of());

    vm.confirm();

    assertThat(vm.getMessage()).isEqualTo(refusal);
    assertThat(vm.orderProperty().get()).isNull();
    assertThat(vm.editableProperty().get()).isTrue();
  }

  @Test
  void whenSomeoneElseChangedTheQuotationTheConflictDialogShowsTheLinesThatDiffer() {
    customer();
    type(0, "SUG-L30", "1");
    vm.saveQuotation();
    SalesOrder mine = vm.orderProperty().get();
    // a colleague changes the quotation meanwhile
    SalesOrder theirs =
        desk.orders.get(mine.getId()).toBuilder().setVersion(mine.getVersion() + 1).build();
    desk.orders.put(mine.getId(), theirs);
    vm.lines().get(0).quantityProperty().set("4");

    vm.saveQuotation();

    assertThat(dialogs.conflictMessage).contains("changed by sales.rahim");
    assertThat(dialogs.shownChanges)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.label()).isEqualTo("Line 1");
              assertThat(c.yours()).isEqualTo("SUG-L30 4 × 95000");
              assertThat(c.theirs()).isEqualTo("SUG-L30 1 × 95000");
            });
    // reloaded: the colleague's version, editable again at that version
    assertThat(vm.orderProperty().get().getVersion()).isEqualTo(theirs.getVersion());
    assertThat(vm.lines().get(0).quantityProperty().get()).isEqualTo("1");
  }

  @Test
  void closingWithUnsavedLinesAsksAndSavesAQuotationBeforeClosing() {
    customer();
    type(0, "SUG-L30", "1");
    dialogs.unsaved = io.millstone.client.core.DialogService.UnsavedChoice.SAVE;
    boolean[] closed = {false};

    vm.requestClose(() -> closed[0] = true);

    assertThat(desk.sentQuotation).containsExactly(true);
    assertThat(closed[0]).isTrue();
  }

  @Test
  void closingAnOrderThatCannotBeSavedKeepsItOpen() {
    type(0, "SUG-L30", "1"); // no customer
    dialogs.unsaved = io.millstone.client.core.DialogService.UnsavedChoice.SAVE;
    boolean[] closed = {false};

    vm.requestClose(() -> closed[0] = true);

    assertThat(closed[0]).isFalse();
    assertThat(vm.customerErrorProperty().get()).isEqualTo("Choose the customer first.");
    // a later Ctrl+S saves without closing the tab behind the person's back
    customer();
    vm.saveQuotation();
    assertThat(desk.sentQuotation).containsExactly(true);
    assertThat(closed[0]).isFalse();
  }

  private SalesOrder deliveredOrder() {
    customer();
    type(0, "SUG-L30", "10");
    type(1, "MOL-B", "5");
    vm.confirm();
    SalesOrder o = vm.orderProperty().get();
    // everything left the godown; nothing is invoiced yet
    SalesOrder.Builder b = o.toBuilder();
    for (int i = 0; i < o.getLinesCount(); i++) {
      b.setLines(i, o.getLines(i).toBuilder().setDelivered(o.getLines(i).getQuantity()));
    }
    return b.build();
  }

  @Test
  void theTaxInvoiceConfirmationShowsItsNumberToBeDateAndTotal() {
    SalesOrder o = deliveredOrder();

    var summary = vm.invoiceSummary(o, "INV-2026-00007", java.time.LocalDate.of(2026, 12, 7));

    assertThat(summary.question())
        .isEqualTo(
            "Post tax invoice INV-2026-00007 dated 07/12/2026 to Dhaka Sweets & Bakery for"
                + " 11,52,500.00? A posted tax invoice cannot be edited; a correction is a credit"
                + " note.");
    assertThat(summary.details())
        .containsExactly(
            "SUG-L30 Refined sugar L30: 10 t \u00d7 95,000.00 = 9,50,000.00",
            "MOL-B Molasses grade B: 5 t \u00d7 12,000.00 = 60,000.00",
            "Net 10,10,000.00, VAT 1,42,500.00, total 11,52,500.00");
  }

  @Test
  void anInvoiceIsPostedOnlyWhenThePersonConfirms() {
    customer();
    type(0, "SUG-L30", "10");
    vm.confirm();
    dialogs.post = false;

    vm.invoice();

    assertThat(dialogs.shownPosting.question()).contains("INV-2026-00007").contains("07/12/2026");
    assertThat(desk.invoiced).isEmpty();

    dialogs.post = true;
    vm.invoice();

    assertThat(desk.invoiced).containsExactly(java.time.LocalDate.of(2026, 12, 7));
  }
}
