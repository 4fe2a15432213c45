package io.millstone.server.accounting;

import io.grpc.stub.StreamObserver;
import io.millstone.api.accounting.v1.AddStatementLinesRequest;
import io.millstone.api.accounting.v1.BankServiceGrpc;
import io.millstone.api.accounting.v1.BookLine;
import io.millstone.api.accounting.v1.GetReconciliationRequest;
import io.millstone.api.accounting.v1.ListAccountsResponse;
import io.millstone.api.accounting.v1.ListBankAccountsRequest;
import io.millstone.api.accounting.v1.MatchStatementLineRequest;
import io.millstone.api.accounting.v1.Reconciliation;
import io.millstone.api.accounting.v1.StatementLine;
import io.millstone.server.gateway.GatewayContext;
import io.millstone.server.gateway.ProtoValues;

/** Adapter from the BankService contract to {@link BankReconciliation}. */
public final class BankGrpcService extends BankServiceGrpc.BankServiceImplBase {
  private final BankReconciliation bank;

  public BankGrpcService(BankReconciliation bank) {
    this.bank = bank;
  }

  @Override
  public void listBankAccounts(
      ListBankAccountsRequest req, StreamObserver<ListAccountsResponse> out) {
    out.onNext(LedgerGrpcService.accounts(bank.accounts(GatewayContext.actor())));
    out.onCompleted();
  }

  @Override
  public void addStatementLines(AddStatementLinesRequest req, StreamObserver<Reconciliation> out) {
    var lines = new java.util.ArrayList<BankReconciliation.LineInput>();
    for (int i = 0; i < req.getLinesCount(); i++) {
      var l = req.getLines(i);
      lines.add(
          new BankReconciliation.LineInput(
              l.hasDate() ? ProtoValues.date(l.getDate(), "lines[" + i + "].date") : null,
              l.getReference(),
              l.getAmount().getValue()));
    }
    out.onNext(
        view(
            bank.add(
                GatewayContext.actor(),
                req.getIdempotencyKey().getValue(),
                req.getAccountCode(),
                lines,
                ProtoValues.date(req.getFrom(), "from"),
                ProtoValues.date(req.getTo(), "to"))));
    out.onCompleted();
  }

  @Override
  public void getReconciliation(GetReconciliationRequest req, StreamObserver<Reconciliation> out) {
    out.onNext(
        view(
            bank.get(
                GatewayContext.actor(),
                req.getAccountCode(),
                ProtoValues.date(req.getFrom(), "from"),
                ProtoValues.date(req.getTo(), "to"))));
    out.onCompleted();
  }

  @Override
  public void matchStatementLine(
      MatchStatementLineRequest req, StreamObserver<Reconciliation> out) {
    out.onNext(
        view(
            bank.match(
                GatewayContext.actor(),
                req.getStatementLineId(),
                req.getJournalLineId(),
                ProtoValues.date(req.getFrom(), "from"),
                ProtoValues.date(req.getTo(), "to"))));
    out.onCompleted();
  }

  private static Reconciliation view(BankReconciliation.View v) {
    var b =
        Reconciliation.newBuilder()
            .setAccountCode(v.accountCode())
            .setAccountName(v.accountName())
            .setUnreconciledStatement(ProtoValues.decimal(v.unreconciledStatement()))
            .setUnreconciledBooks(ProtoValues.decimal(v.unreconciledBooks()))
            .setCurrencyCode(v.currency());
    for (var s : v.statement()) {
      b.addStatementLines(
          StatementLine.newBuilder()
              .setId(s.id().toString())
              .setDate(ProtoValues.date(s.date()))
              .setReference(s.reference())
              .setAmount(ProtoValues.decimal(s.amount()))
              .setMatchedJournalLineId(s.matchedLine() == null ? "" : s.matchedLine().toString())
              .setMatchedEntryNumber(s.matchedEntry())
              .setSuggestedJournalLineId(
                  s.suggestedLine() == null ? "" : s.suggestedLine().toString()));
    }
    for (var l : v.books()) {
      b.addBookLines(
          BookLine.newBuilder()
              .setJournalLineId(l.id().toString())
              .setDate(ProtoValues.date(l.date()))
              .setEntryNumber(l.entryNumber())
              .setSource(l.source())
              .setMemo(l.memo())
              .setAmount(ProtoValues.decimal(l.amount()))
              .setReconciled(l.reconciled()));
    }
    return b.build();
  }
}
