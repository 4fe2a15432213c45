package io.millstone.client.cane;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.cane.v1.CaneBill;
import io.millstone.api.cane.v1.CaneBillDeduction;
import io.millstone.api.cane.v1.LoanKind;
import io.millstone.api.cane.v1.PermitState;
import io.millstone.client.core.Messages;
import io.millstone.client.core.PostingSummary;
import io.millstone.client.support.DirectExecutor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Permit issue, the payment run and the grower statement, without a screen. */
class CaneDeskViewModelTest {
  CaneInMemory desk;
  DirectExecutor executor;
  Messages messages = new Messages(Messages.ENGLISH);
  List<String> notes = new ArrayList<>();

  @BeforeEach
  void desk() {
    desk = new CaneInMemory();
    executor = new DirectExecutor();
  }

  @Test
  void permitsAreIssuedForTheGrowersWithAQuotaAndAnAbsurdQuotaIsMarkedOnItsRow() {
    PermitIssueViewModel vm = new PermitIssueViewModel(desk, executor, messages);
    vm.start();
    assertThat(vm.seasonProperty().get()).isEqualTo("2024-25");
    assertThat(vm.centreProperty().get()).isEqualTo("GATE");
    assertThat(vm.rows()).hasSize(3);

    vm.villageProperty().set("Khetlal");
    vm.loadGrowers();
    assertThat(vm.rows())
        .extracting(r -> r.grower().getGrowerNumber())
        .containsExactly("G-001", "G-003");

    vm.rows().get(0).quotaProperty().set("60");
    vm.rows().get(1).quotaProperty().set("900");
    vm.issue();
    assertThat(vm.rows().get(1).errorProperty().get()).isEqualTo("At most 500 quintals a day.");
    assertThat(vm.rows().get(0).errorProperty().get()).isEmpty();
    assertThat(desk.permits).isEmpty();

    vm.rows().get(1).quotaProperty().set("");
    vm.defaultQuotaProperty().set("45");
    vm.fillQuota();
    assertThat(vm.rows().get(0).quotaProperty().get()).isEqualTo("60");
    assertThat(vm.rows().get(1).quotaProperty().get()).isEqualTo("45");
    vm.issue();
    assertThat(desk.permits).hasSize(2);
    assertThat(vm.rows().get(0).permitProperty().get()).startsWith("P-");
    assertThat(vm.issuedProperty().get()).startsWith("2 permits issued for GATE");
    assertThat(vm.rows().get(0).quotaProperty().get()).isEmpty();
  }

  @Test
  void nothingIsSentWithoutAQuotaOrWithAQuotaThatIsNotANumber() {
    PermitIssueViewModel vm = new PermitIssueViewModel(desk, executor, messages);
    vm.start();
    vm.issue();
    assertThat(vm.getMessage()).isEqualTo("Type a quota for at least one grower.");
    vm.rows().get(0).quotaProperty().set("lots");
    vm.issue();
    assertThat(vm.rows().get(0).errorProperty().get()).contains("quintals above zero");
    assertThat(desk.permits).isEmpty();
  }

  @Test
  void anIssuedPermitIsCancelledWithItsReasonAndAUsedOneIsRefusedAboveTheList() throws Exception {
    desk.permit("P-1", "G-001", PermitState.PERMIT_STATE_ISSUED);
    desk.permit("P-2", "G-002", PermitState.PERMIT_STATE_ISSUED);
    List<String> reloads = new ArrayList<>();
    PermitCancelViewModel vm =
        new PermitCancelViewModel(desk, executor, messages, () -> reloads.add("reload"));
    assertThat(vm.cancellableBinding().get()).isFalse();

    vm.selectedProperty().set(desk.permits.get("P-1"));
    assertThat(vm.cancellableBinding().get()).isTrue();
    vm.cancel("  ");
    assertThat(vm.getMessage()).isEqualTo("Type why the permit is cancelled.");
    assertThat(desk.permits.get("P-1").getState()).isEqualTo(PermitState.PERMIT_STATE_ISSUED);

    vm.cancel("Grower's cane lodged by the storm");
    assertThat(desk.permits.get("P-1").getState()).isEqualTo(PermitState.PERMIT_STATE_CANCELLED);
    assertThat(vm.doneProperty().get())
        .isEqualTo("Permit P-1 cancelled: Grower's cane lodged by the storm");
    assertThat(vm.getMessage()).isEmpty();
    assertThat(reloads).hasSize(1);

    // the list still shows P-2 issued, but a truck has used it since
    vm.selectedProperty().set(desk.permits.get("P-2"));
    desk.weighIn("P-2", "G-002", "GATE", "RAJ-2", new BigDecimal("20000"), null, "k");
    vm.cancel("Duplicate");
    assertThat(vm.getMessage()).isEqualTo("Permit P-2 was already used by ticket WB-1.");
    assertThat(vm.doneProperty().get()).isEmpty();
    assertThat(reloads).hasSize(2);

    vm.selectedProperty().set(desk.permits.get("P-2"));
    assertThat(vm.cancellableBinding().get()).isFalse();
  }

  static CaneBill bill(String number, String grower, String payable) {
    return CaneBill.newBuilder()
        .setNumber(number)
        .setGrowerNumber(grower)
        .setGrowerName("Grower " + grower)
        .setTicketCount(2)
        .setCane(CaneInMemory.weight(new BigDecimal("16100")))
        .setCaneValue(CaneInMemory.money("96600"))
        .setDeducted(CaneInMemory.money("10000"))
        .addDeductions(
            CaneBillDeduction.newBuilder()
                .setLoanNumber("LN-1")
                .setKind(LoanKind.LOAN_KIND_SEED)
                .setAmount(CaneInMemory.money("10000")))
        .setNetPayable(CaneInMemory.money(payable))
        .setPaid(CaneInMemory.money("0"))
        .build();
  }

  @Test
  void thePaymentRunShowsItsPostingBeforeItIsPostedAndNeedsAReferencePerGrower() {
    desk.bills.add(bill("CB-1", "G-001", "86600"));
    desk.bills.add(bill("CB-2", "G-002", "40000"));
    desk.bills.add(bill("CB-3", "G-003", "12500.50"));
    CanePaymentRunViewModel vm =
        new CanePaymentRunViewModel(desk, executor, messages, (t, x) -> notes.add(x));
    vm.start();
    assertThat(vm.rows()).hasSize(3);

    vm.rows().get(0).selectedProperty().set(true);
    vm.rows().get(1).selectedProperty().set(true);
    vm.rows().get(1).methodProperty().set("MOBILE_MONEY");
    assertThat(vm.totalTextProperty().get()).isEqualTo("2 bills selected, 1,26,600.00");
    assertThat(vm.summary()).isNull();
    assertThat(vm.rows().get(0).errorProperty().get())
        .isEqualTo("The bank or mobile-money reference is required.");

    vm.rows().get(0).referenceProperty().set("SBL-TRF-1001");
    vm.rows().get(1).referenceProperty().set("bKash 8N7A6C");
    PostingSummary s = vm.summary();
    assertThat(s.question()).startsWith("Pay 2 bills, 1,26,600.00 in all");
    assertThat(s.details())
        .contains(
            "CB-1 G-001 Grower G-001: 86,600.00 by Bank, ref. SBL-TRF-1001",
            "CB-2 G-002 Grower G-002: 40,000.00 by Mobile money, ref. bKash 8N7A6C",
            "Dr 2020 Cane payable 1,26,600.00",
            "Cr 1010 Bank 86,600.00",
            "Cr 1020 Mobile money 40,000.00");

    vm.post();
    assertThat(desk.runs).hasSize(1);
    assertThat(desk.runs.get(0))
        .containsExactly(
            new CaneGateway.PaymentInput("CB-1", "BANK", "SBL-TRF-1001"),
            new CaneGateway.PaymentInput("CB-2", "MOBILE_MONEY", "bKash 8N7A6C"));
    assertThat(vm.postedProperty().get())
        .isEqualTo("Payment run CPR-1: 2 bills, 1,26,600.00, posted with JV-9.");
    assertThat(vm.rows()).extracting(r -> r.bill().getNumber()).containsExactly("CB-3");
  }

  @Test
  void theStatementListsPermitsTicketsBillsAndDeductionsWithTheBalance() throws Exception {
    desk.permit("P-1", "G-001", PermitState.PERMIT_STATE_ISSUED);
    desk.weighIn("P-1", "G-001", "GATE", "RAJ-1", new BigDecimal("24350"), null, "k");
    desk.bills.add(bill("CB-1", "G-001", "86600"));
    GrowerStatementViewModel vm = new GrowerStatementViewModel(desk, executor, messages);
    vm.load();
    assertThat(vm.getMessage()).isEqualTo("Type the grower number.");
    vm.growerNumberProperty().set("G-001");
    vm.load();
    assertThat(vm.headingProperty().get()).isEqualTo("G-001 \u00b7 Abdul Karim \u00b7 Khetlal");
    assertThat(vm.lines())
        .extracting(GrowerStatementViewModel.Line::kind)
        .containsExactly("Permit", "Ticket", "Bill", "Deduction");
    assertThat(vm.lines().get(3).amount()).isEqualTo("-10,000.00");
    assertThat(vm.balanceProperty().get()).isEqualTo("86,600.00");
  }

  @Test
  void aReversedBillAndAReversedPaymentStayOnTheStatementMarkedNotCounted() {
    desk.bills.add(
        bill("CB-1", "G-001", "86600").toBuilder()
            .setState(io.millstone.api.cane.v1.CaneBillState.CANE_BILL_STATE_REVERSED)
            .build());
    desk.statementPayments.add(
        io.millstone.api.cane.v1.StatementPayment.newBuilder()
            .setRunNumber("CPR-1")
            .setBillNumber("CB-1")
            .setMethod(io.millstone.api.cane.v1.GrowerPaymentMethod.GROWER_PAYMENT_METHOD_BANK)
            .setReference("SBL-TRF-1001")
            .setAmount(CaneInMemory.money("86600"))
            .setReversed(true)
            .build());
    GrowerStatementViewModel vm = new GrowerStatementViewModel(desk, executor, messages);
    vm.growerNumberProperty().set("G-001");
    vm.load();
    assertThat(vm.lines())
        .filteredOn(l -> l.detail().endsWith("\u2014 reversed, not counted"))
        .extracting(GrowerStatementViewModel.Line::kind)
        .containsExactlyInAnyOrder("Bill", "Deduction", "Payment");
  }

  @Test
  void anUnpaidBillIsReversedAfterItsPostingIsShownAndOnePaidMeanwhileIsRefusedOnItsRow() {
    desk.bills.add(bill("CB-1", "G-001", "86600"));
    desk.bills.add(bill("CB-2", "G-002", "40000"));
    CanePaymentRunViewModel vm =
        new CanePaymentRunViewModel(desk, executor, messages, (t, x) -> notes.add(x));
    vm.start();
    CanePaymentRunViewModel.Row first = vm.rows().get(0);
    PostingSummary s = vm.billReversal(first);
    assertThat(s.question())
        .isEqualTo(
            "Reverse bill CB-1 of G-001 Grower G-001, 86,600.00 payable? Its tickets can then be"
                + " billed anew.");
    assertThat(s.details())
        .containsExactly(
            "Reverses , the recovery of 10,000.00:",
            "Dr 1150 Advances and loans to growers 10,000.00",
            "Cr 2020 Cane payable 10,000.00",
            "LN-1 (Seed loan) gets back 10,000.00",
            "2 tickets are unbilled again.");
    vm.reverseBill(first, "");
    assertThat(first.errorProperty().get()).isEqualTo("Type why it is reversed.");

    vm.reverseBill(first, "Wrong period");
    assertThat(vm.reversedProperty().get())
        .isEqualTo("Bill CB-1 reversed: Wrong period. Reversing entry JV-10.");
    assertThat(vm.rows()).extracting(r -> r.bill().getNumber()).containsExactly("CB-2");

    // another clerk paid CB-2 while this list showed it unpaid
    CanePaymentRunViewModel.Row second = vm.rows().get(0);
    desk.bills.set(1, desk.bills.get(1).toBuilder().setPaid(CaneInMemory.money("40000")).build());
    vm.reverseBill(second, "Wrong period");
    assertThat(second.errorProperty().get())
        .isEqualTo("Bill CB-2 was paid by payment run CPR-1; reverse its payment run first.");
  }

  @Test
  void theRunJustPostedIsReversedAfterItsPostingIsShownAndItsBillsAreUnpaidAgain() {
    desk.bills.add(bill("CB-1", "G-001", "86600"));
    CanePaymentRunViewModel vm =
        new CanePaymentRunViewModel(desk, executor, messages, (t, x) -> notes.add(x));
    vm.start();
    assertThat(vm.runReversal()).isNull();
    vm.rows().get(0).selectedProperty().set(true);
    vm.rows().get(0).referenceProperty().set("SBL-TRF-1001");
    vm.post();
    assertThat(vm.rows()).isEmpty();

    PostingSummary s = vm.runReversal();
    assertThat(s.question())
        .isEqualTo(
            "Reverse payment run CPR-1 (1 bills, 86,600.00) posted with JV-9? The bills it paid"
                + " are unpaid again.");
    assertThat(s.details())
        .containsExactly(
            "CB-1 G-001 Grower G-001: 86,600.00 by Bank, ref. SBL-TRF-1001",
            "Dr 1010 Bank 86,600.00",
            "Cr 2020 Cane payable 86,600.00");
    vm.reverseRun("Paid to the wrong account");
    assertThat(vm.reversedProperty().get())
        .isEqualTo(
            "Payment run CPR-1 reversed: Paid to the wrong account. Reversing entry JV-11; its"
                + " bills are unpaid again.");
    assertThat(vm.rows()).extracting(r -> r.bill().getNumber()).containsExactly("CB-1");
    assertThat(vm.canReverseRun()).isFalse();
    assertThat(vm.postedProperty().get()).isEmpty();
  }

  @Test
  void aPastRunIsReversedFromTheTableAndItsRowTurnsReversed() {
    desk.bills.add(bill("CB-1", "G-001", "86600"));
    desk.bills.add(bill("CB-2", "G-002", "40000"));
    CanePaymentRunViewModel vm =
        new CanePaymentRunViewModel(desk, executor, messages, (t, x) -> notes.add(x));
    vm.start();
    assertThat(vm.pastRuns()).isEmpty();
    for (String ref : List.of("SBL-TRF-1001", "SBL-TRF-1002")) {
      vm.rows().get(0).selectedProperty().set(true);
      vm.rows().get(0).referenceProperty().set(ref);
      vm.post();
    }
    assertThat(vm.pastRuns())
        .extracting(r -> r.run().getNumber(), CanePaymentRunViewModel.PastRun::posted)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("CPR-2", true),
            org.assertj.core.groups.Tuple.tuple("CPR-1", true));

    CanePaymentRunViewModel.PastRun older = vm.pastRuns().get(1);
    PostingSummary s = vm.runReversal(older);
    assertThat(s.question())
        .isEqualTo(
            "Reverse payment run CPR-1 (1 bills, 86,600.00) posted with JV-9? The bills it paid"
                + " are unpaid again.");
    vm.reverseRun(older, " ");
    assertThat(older.errorProperty().get()).isEqualTo("Type why it is reversed.");
    vm.reverseRun(older, "Paid to the wrong account");
    assertThat(older.posted()).isFalse();
    assertThat(older.run().getReverseReason()).isEqualTo("Paid to the wrong account");
    assertThat(vm.pastRuns().get(0).posted()).isTrue();
    assertThat(vm.runReversal(older)).isNull();
    assertThat(vm.reversedProperty().get()).startsWith("Payment run CPR-1 reversed:");
  }
}
