package io.millstone.client.remote;

import static io.millstone.client.remote.ProtoValues.date;
import static io.millstone.client.remote.ProtoValues.decimal;
import static io.millstone.client.remote.ProtoValues.key;

import io.millstone.api.accounting.v1.Account;
import io.millstone.api.accounting.v1.AddStatementLinesRequest;
import io.millstone.api.accounting.v1.BankServiceGrpc;
import io.millstone.api.accounting.v1.ClosePeriodRequest;
import io.millstone.api.accounting.v1.GeneralLedger;
import io.millstone.api.accounting.v1.GetGeneralLedgerRequest;
import io.millstone.api.accounting.v1.GetJournalEntryRequest;
import io.millstone.api.accounting.v1.GetReconciliationRequest;
import io.millstone.api.accounting.v1.GetTrialBalanceRequest;
import io.millstone.api.accounting.v1.GetVatSummaryRequest;
import io.millstone.api.accounting.v1.JournalEntry;
import io.millstone.api.accounting.v1.JournalLine;
import io.millstone.api.accounting.v1.LedgerServiceGrpc;
import io.millstone.api.accounting.v1.ListAccountsRequest;
import io.millstone.api.accounting.v1.ListBankAccountsRequest;
import io.millstone.api.accounting.v1.ListPeriodsRequest;
import io.millstone.api.accounting.v1.MatchStatementLineRequest;
import io.millstone.api.accounting.v1.OpenFiscalYearRequest;
import io.millstone.api.accounting.v1.Period;
import io.millstone.api.accounting.v1.PostJournalEntryRequest;
import io.millstone.api.accounting.v1.Reconciliation;
import io.millstone.api.accounting.v1.ReopenPeriodRequest;
import io.millstone.api.accounting.v1.ReverseJournalEntryRequest;
import io.millstone.api.accounting.v1.StatementLineInput;
import io.millstone.api.accounting.v1.TrialBalance;
import io.millstone.api.accounting.v1.VatSummary;
import io.millstone.api.inventory.v1.GetStockValuationRequest;
import io.millstone.api.inventory.v1.StockServiceGrpc;
import io.millstone.api.inventory.v1.StockValuation;
import io.millstone.client.accounting.LedgerGateway;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The books on the server (LedgerService, BankService, and the stock valuation). */
public final class Ledger implements LedgerGateway {
  private final Session session;

  public Ledger(Session session) {
    this.session = session;
  }

  private LedgerServiceGrpc.LedgerServiceBlockingStub ledger() {
    return session.stub(LedgerServiceGrpc.newBlockingStub(session.connection().channel()));
  }

  private BankServiceGrpc.BankServiceBlockingStub bank() {
    return session.stub(BankServiceGrpc.newBlockingStub(session.connection().channel()));
  }

  @Override
  public TrialBalance trialBalance(LocalDate asOf) throws RemoteException {
    GetTrialBalanceRequest r = GetTrialBalanceRequest.newBuilder().setAsOf(date(asOf)).build();
    return Calls.call(() -> ledger().getTrialBalance(r));
  }

  @Override
  public List<Account> accounts() throws RemoteException {
    return Calls.call(
        () -> ledger().listAccounts(ListAccountsRequest.getDefaultInstance()).getAccountsList());
  }

  @Override
  public JournalEntry postVoucher(String key, LocalDate date, String memo, List<VoucherLine> lines)
      throws RemoteException {
    var b =
        PostJournalEntryRequest.newBuilder()
            .setIdempotencyKey(key(key))
            .setEntryDate(date(date))
            .setMemo(memo == null ? "" : memo.trim());
    for (VoucherLine l : lines) {
      b.addLines(
          JournalLine.newBuilder()
              .setAccountCode(l.accountCode() == null ? "" : l.accountCode().trim())
              .setDebit(decimal(l.debit() == null ? BigDecimal.ZERO : l.debit()))
              .setCredit(decimal(l.credit() == null ? BigDecimal.ZERO : l.credit()))
              .setMemo(l.memo() == null ? "" : l.memo().trim()));
    }
    return Calls.call(() -> ledger().postJournalEntry(b.build()));
  }

  @Override
  public JournalEntry reverse(String key, String entryId, LocalDate date) throws RemoteException {
    var r =
        ReverseJournalEntryRequest.newBuilder()
            .setIdempotencyKey(key(key))
            .setId(entryId)
            .setEntryDate(date(date))
            .build();
    return Calls.call(() -> ledger().reverseJournalEntry(r));
  }

  @Override
  public JournalEntry entry(String id) throws RemoteException {
    return Calls.call(
        () -> ledger().getJournalEntry(GetJournalEntryRequest.newBuilder().setId(id).build()));
  }

  @Override
  public GeneralLedger generalLedger(String accountCode, LocalDate from, LocalDate to)
      throws RemoteException {
    var r =
        GetGeneralLedgerRequest.newBuilder()
            .setAccountCode(accountCode == null ? "" : accountCode.trim())
            .setFrom(date(from))
            .setTo(date(to))
            .build();
    return Calls.call(() -> ledger().getGeneralLedger(r));
  }

  @Override
  public VatSummary vatSummary(LocalDate from, LocalDate to) throws RemoteException {
    var r = GetVatSummaryRequest.newBuilder().setFrom(date(from)).setTo(date(to)).build();
    return Calls.call(() -> ledger().getVatSummary(r));
  }

  @Override
  public List<Period> periods() throws RemoteException {
    return Calls.call(
        () -> ledger().listPeriods(ListPeriodsRequest.getDefaultInstance()).getPeriodsList());
  }

  @Override
  public List<Period> openFiscalYear(LocalDate anyDay) throws RemoteException {
    var r = OpenFiscalYearRequest.newBuilder().setDate(date(anyDay)).build();
    return Calls.call(() -> ledger().openFiscalYear(r).getPeriodsList());
  }

  @Override
  public Period closePeriod(String id) throws RemoteException {
    return Calls.call(
        () -> ledger().closePeriod(ClosePeriodRequest.newBuilder().setId(id).build()));
  }

  @Override
  public Period reopenPeriod(String id) throws RemoteException {
    return Calls.call(
        () -> ledger().reopenPeriod(ReopenPeriodRequest.newBuilder().setId(id).build()));
  }

  @Override
  public StockValuation stockValuation() throws RemoteException {
    return Calls.call(
        () ->
            session
                .stub(StockServiceGrpc.newBlockingStub(session.connection().channel()))
                .getStockValuation(GetStockValuationRequest.getDefaultInstance()));
  }

  @Override
  public List<Account> bankAccounts() throws RemoteException {
    return Calls.call(
        () ->
            bank()
                .listBankAccounts(ListBankAccountsRequest.getDefaultInstance())
                .getAccountsList());
  }

  @Override
  public Reconciliation reconciliation(String accountCode, LocalDate from, LocalDate to)
      throws RemoteException {
    var r =
        GetReconciliationRequest.newBuilder()
            .setAccountCode(accountCode == null ? "" : accountCode)
            .setFrom(date(from))
            .setTo(date(to))
            .build();
    return Calls.call(() -> bank().getReconciliation(r));
  }

  @Override
  public Reconciliation addStatementLines(
      String key, String accountCode, List<StatementInput> lines, LocalDate from, LocalDate to)
      throws RemoteException {
    var b =
        AddStatementLinesRequest.newBuilder()
            .setIdempotencyKey(key(key))
            .setAccountCode(accountCode == null ? "" : accountCode)
            .setFrom(date(from))
            .setTo(date(to));
    for (StatementInput l : lines) {
      var line = StatementLineInput.newBuilder().setReference(l.reference());
      if (l.date() != null) {
        line.setDate(date(l.date()));
      }
      if (l.amount() != null) {
        line.setAmount(decimal(l.amount()));
      }
      b.addLines(line);
    }
    return Calls.call(() -> bank().addStatementLines(b.build()));
  }

  @Override
  public Reconciliation match(
      String statementLineId, String journalLineId, LocalDate from, LocalDate to)
      throws RemoteException {
    var r =
        MatchStatementLineRequest.newBuilder()
            .setStatementLineId(statementLineId)
            .setJournalLineId(journalLineId)
            .setFrom(date(from))
            .setTo(date(to))
            .build();
    return Calls.call(() -> bank().matchStatementLine(r));
  }
}
