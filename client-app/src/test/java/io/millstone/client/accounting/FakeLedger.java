package io.millstone.client.accounting;

import io.millstone.api.accounting.v1.Account;
import io.millstone.api.accounting.v1.GeneralLedger;
import io.millstone.api.accounting.v1.JournalEntry;
import io.millstone.api.accounting.v1.Period;
import io.millstone.api.accounting.v1.Reconciliation;
import io.millstone.api.accounting.v1.TrialBalance;
import io.millstone.api.accounting.v1.VatSummary;
import io.millstone.api.inventory.v1.StockValuation;
import java.time.LocalDate;
import java.util.List;

/** A ledger for view model tests: each test overrides what its screen asks. */
class FakeLedger implements LedgerGateway {
  @Override
  public TrialBalance trialBalance(LocalDate asOf) throws Exception {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<Account> accounts() throws Exception {
    return List.of();
  }

  @Override
  public JournalEntry postVoucher(String key, LocalDate date, String memo, List<VoucherLine> lines)
      throws Exception {
    throw new UnsupportedOperationException();
  }

  @Override
  public JournalEntry reverse(String key, String entryId, LocalDate date) throws Exception {
    throw new UnsupportedOperationException();
  }

  @Override
  public JournalEntry entry(String id) throws Exception {
    throw new UnsupportedOperationException();
  }

  @Override
  public GeneralLedger generalLedger(String accountCode, LocalDate from, LocalDate to)
      throws Exception {
    throw new UnsupportedOperationException();
  }

  @Override
  public VatSummary vatSummary(LocalDate from, LocalDate to) throws Exception {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<Period> periods() throws Exception {
    return List.of();
  }

  @Override
  public List<Period> openFiscalYear(LocalDate anyDay) throws Exception {
    throw new UnsupportedOperationException();
  }

  @Override
  public Period closePeriod(String id) throws Exception {
    throw new UnsupportedOperationException();
  }

  @Override
  public Period reopenPeriod(String id) throws Exception {
    throw new UnsupportedOperationException();
  }

  @Override
  public StockValuation stockValuation() throws Exception {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<Account> bankAccounts() throws Exception {
    return List.of();
  }

  @Override
  public Reconciliation reconciliation(String accountCode, LocalDate from, LocalDate to)
      throws Exception {
    throw new UnsupportedOperationException();
  }

  @Override
  public Reconciliation addStatementLines(
      String key, String accountCode, List<StatementInput> lines, LocalDate from, LocalDate to)
      throws Exception {
    throw new UnsupportedOperationException();
  }

  @Override
  public Reconciliation match(
      String statementLineId, String journalLineId, LocalDate from, LocalDate to) throws Exception {
    throw new UnsupportedOperationException();
  }
}
