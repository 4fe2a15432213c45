package io.millstone.client.accounting;

import io.millstone.api.accounting.v1.LedgerLine;
import io.millstone.client.core.ScreenContext;
import io.millstone.client.core.ScreenDefinition;
import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The accounts office: journal vouchers, the general ledger, the trial balance (drilling down into
 * the ledger), the VAT summary, the fiscal periods, stock valuation against the books and bank
 * reconciliation.
 */
public final class AccountingScreens {
  private AccountingScreens() {}

  public static List<ScreenDefinition> definitions(ScreenContext ctx, LedgerGateway gateway) {
    return List.of(
        new ScreenDefinition(
            "journal",
            "screen.journal",
            "domain.accounting",
            "accounting.post",
            Material2AL.BOOK,
            filter -> journal(ctx, gateway)),
        new ScreenDefinition(
            "general-ledger",
            "screen.generalLedger",
            "domain.accounting",
            "accounting.read",
            Material2AL.LIST_ALT,
            filter -> ledger(ctx, gateway)),
        new ScreenDefinition(
            "trial-balance",
            "screen.trialBalance",
            "domain.accounting",
            "accounting.read",
            Material2AL.ACCOUNT_BALANCE,
            filter -> trialBalance(ctx, gateway)),
        new ScreenDefinition(
            "vat-summary",
            "screen.vatSummary",
            "domain.accounting",
            "accounting.read",
            Material2MZ.PERCENTAGE,
            filter ->
                new VatSummaryView(
                    new VatSummaryViewModel(gateway, ctx.executor(), ctx.messages()),
                    ctx.messages())),
        new ScreenDefinition(
            "periods",
            "screen.periods",
            "domain.accounting",
            "accounting.close",
            Material2AL.EVENT,
            filter ->
                new PeriodsView(
                    new PeriodsViewModel(gateway, ctx.executor(), ctx.messages(), ctx.notifier()),
                    ctx.messages(),
                    ctx.dialogs(),
                    ctx.can("accounting.reopen"))),
        new ScreenDefinition(
            "stock-valuation",
            "screen.stockValuation",
            "domain.accounting",
            "inventory.stock.read",
            Material2MZ.STORE,
            filter ->
                new StockValuationView(
                    new StockValuationViewModel(gateway, ctx.executor(), ctx.messages()),
                    ctx.messages())),
        new ScreenDefinition(
            "bank-reconciliation",
            "screen.bankReconciliation",
            "domain.accounting",
            "accounting.bank.reconcile",
            Material2AL.ACCOUNT_BALANCE_WALLET,
            filter ->
                new BankReconciliationView(
                    new BankReconciliationViewModel(gateway, ctx.executor(), ctx.messages()),
                    ctx.messages())));
  }

  private static JournalView journal(ScreenContext ctx, LedgerGateway gateway) {
    JournalView v =
        new JournalView(
            new JournalViewModel(gateway, ctx.executor(), ctx.messages(), ctx.notifier()),
            ctx.messages(),
            ctx.dialogs());
    v.focusFirst();
    return v;
  }

  private static GeneralLedgerView ledger(ScreenContext ctx, LedgerGateway gateway) {
    GeneralLedgerViewModel vm = new GeneralLedgerViewModel(gateway, ctx.executor(), ctx.messages());
    return new GeneralLedgerView(vm, ctx.messages(), line -> openEntry(ctx, gateway, line));
  }

  /** The trial balance; Enter on an account opens its ledger up to the same date. */
  private static TrialBalanceView trialBalance(ScreenContext ctx, LedgerGateway gateway) {
    TrialBalanceViewModel vm = new TrialBalanceViewModel(gateway, ctx.executor(), ctx.messages());
    return new TrialBalanceView(
        vm,
        ctx.messages(),
        line -> drill(ctx, gateway, line.getAccountCode(), vm.asOfProperty().get()));
  }

  /**
   * The account's ledger over the month of {@code asOf}: its opening balance carries everything
   * before, so the closing balance is the trial balance's figure.
   */
  static void drill(ScreenContext ctx, LedgerGateway gateway, String accountCode, LocalDate asOf) {
    GeneralLedgerViewModel vm = new GeneralLedgerViewModel(gateway, ctx.executor(), ctx.messages());
    GeneralLedgerView view =
        new GeneralLedgerView(vm, ctx.messages(), line -> openEntry(ctx, gateway, line));
    view.setId("ledgerOf" + accountCode);
    LocalDate to = asOf == null ? vm.toProperty().get() : asOf;
    vm.show(accountCode, to.withDayOfMonth(1), to);
    ctx.workbench()
        .show(
            "general-ledger-" + accountCode,
            new SimpleStringProperty(
                ctx.messages().get("screen.generalLedger") + " " + accountCode),
            view,
            Runnable::run);
    view.focusFirst();
  }

  /** A ledger line opens its voucher, with Reverse when it was entered by hand. */
  private static void openEntry(ScreenContext ctx, LedgerGateway gateway, LedgerLine line) {
    JournalViewModel vm =
        new JournalViewModel(gateway, ctx.executor(), ctx.messages(), ctx.notifier());
    JournalView view = new JournalView(vm, ctx.messages(), ctx.dialogs());
    view.setId("journalEntry");
    vm.open(line.getEntryId());
    ctx.workbench()
        .show(
            "journal-" + line.getEntryNumber(),
            new SimpleStringProperty(line.getEntryNumber()),
            view,
            Runnable::run);
  }
}
