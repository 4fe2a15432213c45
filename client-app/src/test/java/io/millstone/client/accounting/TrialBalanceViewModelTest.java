package io.millstone.client.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.accounting.v1.TrialBalance;
import io.millstone.api.accounting.v1.TrialBalanceLine;
import io.millstone.api.common.v1.Decimal;
import io.millstone.client.core.Messages;
import io.millstone.client.support.DirectExecutor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrialBalanceViewModelTest {
  private final List<LocalDate> asked = new ArrayList<>();

  private static Decimal d(String v) {
    return Decimal.newBuilder().setValue(v).build();
  }

  private TrialBalanceViewModel vm(String totalDebit, String totalCredit) {
    LedgerGateway ledger =
        new FakeLedger() {
          @Override
          public TrialBalance trialBalance(LocalDate asOf) {
            asked.add(asOf);
            return TrialBalance.newBuilder()
                .addLines(
                    TrialBalanceLine.newBuilder()
                        .setAccountCode("1100")
                        .setAccountName("Trade receivables")
                        .setType("ASSET")
                        .setDebit(d(totalDebit))
                        .setCredit(d("0")))
                .addLines(
                    TrialBalanceLine.newBuilder()
                        .setAccountCode("4000")
                        .setAccountName("Sales")
                        .setType("INCOME")
                        .setDebit(d("0"))
                        .setCredit(d(totalCredit)))
                .setTotalDebit(d(totalDebit))
                .setTotalCredit(d(totalCredit))
                .setCurrencyCode("BDT")
                .build();
          }
        };
    return new TrialBalanceViewModel(ledger, new DirectExecutor(), new Messages(Messages.ENGLISH));
  }

  @Test
  void booksThatBalanceSaySo() {
    TrialBalanceViewModel vm = vm("4490000.00", "4490000.00");
    vm.asOfProperty().set(LocalDate.of(2026, 10, 31));

    vm.load();

    assertThat(asked).containsExactly(LocalDate.of(2026, 10, 31));
    assertThat(vm.lines()).hasSize(2);
    assertThat(vm.totalDebitProperty().get()).isEqualTo("44,90,000.00");
    assertThat(vm.totalCreditProperty().get()).isEqualTo("44,90,000.00");
    assertThat(vm.balancedProperty().get()).isTrue();
    assertThat(vm.verdictProperty().get()).isEqualTo("Debits equal credits (BDT).");
  }

  @Test
  void booksOutOfBalanceShowByHowMuch() {
    TrialBalanceViewModel vm = vm("100.00", "99.50");

    vm.load();

    assertThat(vm.balancedProperty().get()).isFalse();
    assertThat(vm.verdictProperty().get()).isEqualTo("Out of balance by 0.50 BDT.");
  }
}
