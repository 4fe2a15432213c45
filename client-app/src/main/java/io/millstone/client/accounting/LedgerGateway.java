package io.millstone.client.accounting;

import io.millstone.api.accounting.v1.Account;
import io.millstone.api.accounting.v1.GeneralLedger;
import io.millstone.api.accounting.v1.JournalEntry;
import io.millstone.api.accounting.v1.Period;
import io.millstone.api.accounting.v1.Reconciliation;
import io.millstone.api.accounting.v1.TrialBalance;
import io.millstone.api.accounting.v1.VatSummary;
import io.millstone.api.inventory.v1.StockValuation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the accounting screens ask of the server. Blocks; call it off the UI thread. */
public interface LedgerGateway {
  /** One line of a journal voucher as typed: the amounts already read as numbers. */
  record VoucherLine(String accountCode, BigDecimal debit, BigDecimal credit, String memo) {}

  /** A bank statement line as typed. */
  record StatementInput(LocalDate date, String reference, BigDecimal amount) {}

  /** Balances of everything posted up to and including {@code asOf}. */
  TrialBalance trialBalance(LocalDate asOf) throws Exception;

  List<Account> accounts() throws Exception;

  JournalEntry postVoucher(String key, LocalDate date, String memo, List<VoucherLine> lines)
      throws Exception;

  JournalEntry reverse(String key, String entryId, LocalDate date) throws Exception;

  JournalEntry entry(String id) throws Exception;

  GeneralLedger generalLedger(String accountCode, LocalDate from, LocalDate to) throws Exception;

  VatSummary vatSummary(LocalDate from, LocalDate to) throws Exception;

  List<Period> periods() throws Exception;

  List<Period> openFiscalYear(LocalDate anyDay) throws Exception;

  Period closePeriod(String id) throws Exception;

  Period reopenPeriod(String id) throws Exception;

  /** Stock valued from the stock ledger, beside the inventory accounts' balance. */
  StockValuation stockValuation() throws Exception;

  List<Account> bankAccounts() throws Exception;

  Reconciliation reconciliation(String accountCode, LocalDate from, LocalDate to) throws Exception;

  Reconciliation addStatementLines(
      String key, String accountCode, List<StatementInput> lines, LocalDate from, LocalDate to)
      throws Exception;

  Reconciliation match(String statementLineId, String journalLineId, LocalDate from, LocalDate to)
      throws Exception;
}
