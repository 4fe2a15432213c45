package io.millstone.client.remote;

import io.millstone.api.analytics.v1.DashboardServiceGrpc;
import io.millstone.api.analytics.v1.GetHomeRequest;
import io.millstone.api.analytics.v1.Home;
import io.millstone.client.home.HomeGateway;

/** The home screen's cards (DashboardService). */
public final class Dashboard implements HomeGateway {
  private final Session session;

  public Dashboard(Session session) {
    this.session = session;
  }

  @Override
  public Home home() throws RemoteException {
    return Calls.call(
        () ->
            session
                .stub(DashboardServiceGrpc.newBlockingStub(session.connection().channel()))
                .getHome(GetHomeRequest.getDefaultInstance()));
  }
}
