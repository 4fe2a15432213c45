package io.millstone.client.remote;

import io.millstone.api.accounting.v1.GetTrialBalanceRequest;
import io.millstone.api.accounting.v1.LedgerServiceGrpc;
import io.millstone.api.accounting.v1.TrialBalance;
import io.millstone.client.accounting.LedgerGateway;
import java.time.LocalDate;

/** The books on the server (LedgerService). */
public final class Ledger implements LedgerGateway {
  private final Session session;

  public Ledger(Session session) {
    this.session = session;
  }

  @Override
  public TrialBalance trialBalance(LocalDate asOf) throws RemoteException {
    GetTrialBalanceRequest r =
        GetTrialBalanceRequest.newBuilder().setAsOf(ProtoValues.date(asOf)).build();
    return Calls.call(
        () ->
            session
                .stub(LedgerServiceGrpc.newBlockingStub(session.connection().channel()))
                .getTrialBalance(r));
  }
}
