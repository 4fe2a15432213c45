package io.millstone.client.remote;

import io.millstone.api.common.v1.Date;
import io.millstone.api.production.v1.GetOeeRequest;
import io.millstone.api.production.v1.GetOeeResponse;
import io.millstone.api.production.v1.OeePeriod;
import io.millstone.api.production.v1.OeeServiceGrpc;
import io.millstone.api.production.v1.Shift;
import io.millstone.client.production.OeeGateway;
import java.time.LocalDate;

/** OEE from the machines (OeeService). */
public final class Oee implements OeeGateway {
  private final Session session;

  public Oee(Session session) {
    this.session = session;
  }

  @Override
  public GetOeeResponse oee(OeePeriod period, LocalDate date, Shift shift) throws RemoteException {
    GetOeeRequest r =
        GetOeeRequest.newBuilder()
            .setPeriod(period)
            .setDate(
                Date.newBuilder()
                    .setYear(date.getYear())
                    .setMonth(date.getMonthValue())
                    .setDay(date.getDayOfMonth()))
            .setShift(shift)
            .build();
    return Calls.call(
        () ->
            session.stub(OeeServiceGrpc.newBlockingStub(session.connection().channel())).getOee(r));
  }
}
