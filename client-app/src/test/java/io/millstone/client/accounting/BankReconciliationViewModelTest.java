package io.millstone.client.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.accounting.v1.Account;
import io.millstone.api.accounting.v1.Reconciliation;
import io.millstone.client.core.Messages;
import io.millstone.client.support.DirectExecutor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BankReconciliationViewModelTest {
  final List<List<LedgerGateway.StatementInput>> added = new ArrayList<>();

  BankReconciliationViewModel vm() {
    LedgerGateway ledger =
        new FakeLedger() {
          @Override
          public List<Account> bankAccounts() {
            return List.of(
                Account.newBuilder().setCode("1000").setName("Cash in hand").build(),
                Account.newBuilder().setCode("1010").setName("Bank").build());
          }

          @Override
          public Reconciliation reconciliation(String code, LocalDate from, LocalDate to) {
            return Reconciliation.newBuilder().setAccountCode(code).build();
          }

          @Override
          public Reconciliation addStatementLines(
              String key, String code, List<StatementInput> lines, LocalDate from, LocalDate to) {
            added.add(lines);
            return Reconciliation.newBuilder().setAccountCode(code).build();
          }
        };
    BankReconciliationViewModel vm =
        new BankReconciliationViewModel(
            ledger, new DirectExecutor(), new Messages(Messages.ENGLISH));
    vm.loadAccounts();
    return vm;
  }

  @Test
  void rowsPastedFromASpreadsheetAreAddedToTheBank() {
    BankReconciliationViewModel vm = vm();
    assertThat(vm.accountProperty().get().getCode()).isEqualTo("1010");
    vm.statementTextProperty().set("03/02/2027\tDEP 4471\t25,000.00\n\n10/02/2027; CHARGES; -115");

    vm.addStatement();

    assertThat(added)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.get(0).date()).isEqualTo(LocalDate.of(2027, 2, 3));
              assertThat(l.get(0).reference()).isEqualTo("DEP 4471");
              assertThat(l.get(0).amount()).isEqualByComparingTo(new BigDecimal("25000"));
              assertThat(l.get(1).amount()).isEqualByComparingTo(new BigDecimal("-115"));
            });
    assertThat(vm.statementTextProperty().get()).isEmpty();
  }

  @Test
  void aRowThatIsNotUnderstoodIsNamedAndNothingIsSent() {
    BankReconciliationViewModel vm = vm();
    vm.statementTextProperty().set("03/02/2027; DEP 4471; 25000\nyesterday; cash; lots");

    vm.addStatement();

    assertThat(added).isEmpty();
    assertThat(vm.statementErrorProperty().get()).startsWith("Row 2 is not understood");
  }
}
