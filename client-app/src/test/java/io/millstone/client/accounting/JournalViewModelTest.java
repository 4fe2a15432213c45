package io.millstone.client.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.accounting.v1.Account;
import io.millstone.api.accounting.v1.JournalEntry;
import io.millstone.client.core.Messages;
import io.millstone.client.remote.RemoteException;
import io.millstone.client.support.DirectExecutor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalViewModelTest {
  final List<String> keys = new ArrayList<>();
  final List<List<LedgerGateway.VoucherLine>> sent = new ArrayList<>();
  RemoteException refusal;

  final LedgerGateway ledger =
      new FakeLedger() {
        @Override
        public List<Account> accounts() {
          return List.of(
              Account.newBuilder().setCode("1010").setName("Bank").setActive(true).build(),
              Account.newBuilder()
                  .setCode("6000")
                  .setName("Admin expenses")
                  .setActive(true)
                  .build());
        }

        @Override
        public JournalEntry postVoucher(
            String key, LocalDate date, String memo, List<VoucherLine> lines)
            throws RemoteException {
          keys.add(key);
          sent.add(lines);
          if (refusal != null) {
            throw refusal;
          }
          return JournalEntry.newBuilder()
              .setId("e1")
              .setNumber("JV-2026-00007")
              .setSource("MANUAL")
              .build();
        }
      };

  JournalViewModel vm() {
    JournalViewModel vm =
        new JournalViewModel(
            ledger, new DirectExecutor(), new Messages(Messages.ENGLISH), (t, x) -> {});
    vm.load();
    return vm;
  }

  static void line(JournalViewModel.Line l, String account, String debit, String credit) {
    l.accountProperty().set(account);
    l.debitProperty().set(debit);
    l.creditProperty().set(credit);
  }

  @Test
  void theDifferenceFollowsTheTypingAndTheAccountIsNamed() {
    JournalViewModel vm = vm();
    line(vm.lines().get(0), "6000", "1200", "");
    line(vm.lines().get(1), "1010 Bank", "", "1000");

    assertThat(vm.balanceProperty().get()).isEqualTo("Difference 200.00");
    assertThat(vm.balancedProperty().get()).isFalse();
    assertThat(vm.lines().get(1).accountNameProperty().get()).isEqualTo("Bank");

    vm.lines().get(1).creditProperty().set("1,200");
    assertThat(vm.balanceProperty().get()).isEqualTo("Balanced");
    assertThat(vm.totalDebitProperty().get()).isEqualTo("1,200.00");
  }

  @Test
  void theServersRefusalGoesBesideTheLineAndTheRetryKeepsItsKey() {
    JournalViewModel vm = vm();
    line(vm.lines().get(0), "6000", "500", "");
    line(vm.lines().get(1), "9999", "", "500");
    refusal =
        new RemoteException(
            RemoteException.Kind.INVALID_INPUT,
            "invalid",
            "",
            Map.of("lines[1].account_code", "'9999' is not an account of this company"));

    vm.post();

    assertThat(vm.lines().get(1).errorProperty().get()).contains("9999");
    assertThat(vm.lines().get(0).errorProperty().get()).isEmpty();
    assertThat(vm.postedProperty().get()).isNull();

    refusal = null;
    vm.lines().get(1).accountProperty().set("1010");
    vm.post();
    assertThat(keys).hasSize(2);
    assertThat(keys.get(1)).as("the same voucher, the same key").isEqualTo(keys.get(0));
    assertThat(sent.get(1))
        .extracting(LedgerGateway.VoucherLine::accountCode)
        .containsExactly("6000", "1010");
    assertThat(vm.postedProperty().get().getNumber()).isEqualTo("JV-2026-00007");
    assertThat(vm.reversibleProperty().get()).isTrue();
    assertThat(vm.lines()).allMatch(l -> l.accountProperty().get().isEmpty());
  }

  @Test
  void aLineWithBothDebitAndCreditIsNotSent() {
    JournalViewModel vm = vm();
    line(vm.lines().get(0), "6000", "500", "500");
    line(vm.lines().get(1), "1010", "", "500");

    vm.post();

    assertThat(sent).isEmpty();
    assertThat(vm.lines().get(0).errorProperty().get())
        .isEqualTo("Enter a debit or a credit, not both.");
  }
}
