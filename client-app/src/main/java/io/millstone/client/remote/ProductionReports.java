package io.millstone.client.remote;

import io.millstone.api.analytics.v1.GetProductionReportRequest;
import io.millstone.api.analytics.v1.ProductionReport;
import io.millstone.api.analytics.v1.ProductionReportServiceGrpc;
import io.millstone.api.cane.v1.CaneServiceGrpc;
import io.millstone.api.cane.v1.ListTicketsRequest;
import io.millstone.api.cane.v1.ListTicketsResponse;
import io.millstone.api.cane.v1.TicketState;
import io.millstone.api.cane.v1.WeighbridgeTicket;
import io.millstone.api.inventory.v1.Move;
import io.millstone.api.production.v1.ProductionRun;
import io.millstone.api.production.v1.Sample;
import io.millstone.client.core.Dates;
import io.millstone.client.production.ProductionReportGateway;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The production report (ProductionReportService) and the lists its figures open. */
public final class ProductionReports implements ProductionReportGateway {
  private final Session session;
  private final Production production;
  private final Stock stock;

  public ProductionReports(Session session) {
    this.session = session;
    this.production = new Production(session);
    this.stock = new Stock(session);
  }

  @Override
  public ProductionReport report(LocalDate date) throws RemoteException {
    var stub =
        session.stub(ProductionReportServiceGrpc.newBlockingStub(session.connection().channel()));
    return Calls.call(
        () ->
            stub.getProductionReport(
                GetProductionReportRequest.newBuilder().setDate(ProtoValues.date(date)).build()));
  }

  @Override
  public List<ProductionRun> runs(List<String> ids) throws RemoteException {
    List<ProductionRun> out = new ArrayList<>();
    for (String id : ids) {
      out.add(production.run(id));
    }
    return out;
  }

  @Override
  public List<WeighbridgeTicket> tickets(Instant from, Instant to) throws RemoteException {
    var stub = session.stub(CaneServiceGrpc.newBlockingStub(session.connection().channel()));
    // A ticket's date is its permit's day: the window's loads are dated on its first or last day.
    LocalDate first = from.atZone(Dates.zone()).toLocalDate().minusDays(1);
    LocalDate last = to.atZone(Dates.zone()).toLocalDate();
    List<WeighbridgeTicket> out = new ArrayList<>();
    String token = "";
    do {
      ListTicketsRequest r =
          ListTicketsRequest.newBuilder()
              .setPage(ProtoValues.page(token, 500))
              .setFromDate(ProtoValues.date(first))
              .setToDate(ProtoValues.date(last))
              .setState(TicketState.TICKET_STATE_COMPLETED)
              .build();
      ListTicketsResponse res = Calls.call(() -> stub.listTickets(r));
      for (WeighbridgeTicket t : res.getTicketsList()) {
        Instant out1 = Production.instant(t.getWeighedOutAt());
        if (out1 != null && !out1.isBefore(from) && out1.isBefore(to)) {
          out.add(t);
        }
      }
      token = res.getPage().getNextPageToken();
    } while (!token.isEmpty() && out.size() < 2000);
    out.sort(
        java.util.Comparator.comparing(
            t -> Production.instant(t.getWeighedOutAt()), java.util.Comparator.naturalOrder()));
    return out;
  }

  @Override
  public List<Sample> samples(Instant from, Instant to) throws RemoteException {
    return production.samples(from, to);
  }

  @Override
  public List<Move> stockMoves(String itemCode) throws RemoteException {
    return stock.moves(itemCode, "").rows();
  }
}
