package io.millstone.server.reporting;

import static io.millstone.server.gateway.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.millstone.api.analytics.v1.CardGroup;
import io.millstone.api.analytics.v1.DashboardServiceGrpc;
import io.millstone.api.analytics.v1.GetHomeRequest;
import io.millstone.api.analytics.v1.HomeCard;
import io.millstone.server.gateway.GatewayContext;
import io.millstone.server.gateway.ProtoValues;

/** The home screen's cards over gRPC. */
public final class DashboardGrpcService extends DashboardServiceGrpc.DashboardServiceImplBase {
  private final HomeCards cards;

  public DashboardGrpcService(HomeCards cards) {
    this.cards = cards;
  }

  @Override
  public void getHome(GetHomeRequest r, StreamObserver<io.millstone.api.analytics.v1.Home> out) {
    Home h = cards.home(GatewayContext.actor());
    var b = io.millstone.api.analytics.v1.Home.newBuilder().setToday(ProtoValues.date(h.today()));
    h.cards().forEach(c -> b.addCards(card(c, h.currency())));
    reply(out, b.build());
  }

  static HomeCard card(io.millstone.server.reporting.HomeCard c, String currency) {
    var b =
        HomeCard.newBuilder()
            .setId(c.id())
            .setGroup(CardGroup.valueOf("CARD_GROUP_" + c.group().name()))
            .setDocuments(c.documents())
            .setScreenId(c.screenId())
            .setFilter(c.filter())
            .setAttention(c.attention());
    if (c.value() != null) {
      switch (c.kind()) {
        case COUNT -> b.setCount(c.value().longValueExact());
        case MONEY -> b.setMoney(ProtoValues.money(c.value(), currency));
        case TONNES -> b.setTonnes(ProtoValues.decimal(c.value()));
        case PERCENT -> b.setPercent(ProtoValues.decimal(c.value()));
      }
    }
    c.series().forEach(v -> b.addSeries(ProtoValues.decimal(v)));
    return b.build();
  }
}
