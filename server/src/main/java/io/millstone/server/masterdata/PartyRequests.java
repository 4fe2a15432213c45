package io.millstone.server.masterdata;

import io.millstone.api.masterdata.v1.CreatePartyRequest;
import io.millstone.api.masterdata.v1.ListPartiesResponse;
import io.millstone.api.masterdata.v1.ListRequest;
import io.millstone.api.masterdata.v1.Party;
import io.millstone.api.masterdata.v1.UpdatePartyRequest;
import io.millstone.server.gateway.GatewayContext;

/** What the customer and supplier adapters share: the same messages, another role. */
final class PartyRequests {
  private PartyRequests() {}

  private static PartyAdmin.Input input(
      String name,
      String address,
      String phone,
      String bin,
      io.millstone.api.common.v1.Money creditLimit,
      boolean noCreditLimit,
      int paymentTermsDays) {
    return new PartyAdmin.Input(
        name,
        address,
        phone,
        bin,
        creditLimit.getAmount(),
        creditLimit.getCurrencyCode(),
        noCreditLimit,
        paymentTermsDays);
  }

  static ListPartiesResponse list(PartyAdmin parties, ListRequest req) {
    var page =
        parties.list(
            GatewayContext.actor(),
            req.getFilter(),
            req.getOrderBy(),
            req.getPage().getPageSize(),
            req.getPage().getPageToken());
    var b = ListPartiesResponse.newBuilder().setPage(MasterdataProtos.page(page));
    page.rows().forEach(p -> b.addParties(MasterdataProtos.party(p)));
    return b.build();
  }

  static Party create(PartyAdmin parties, CreatePartyRequest req) {
    return MasterdataProtos.party(
        parties.create(
            GatewayContext.actor(),
            req.getIdempotencyKey().getValue(),
            req.getCode(),
            input(
                req.getName(),
                req.getAddress(),
                req.getPhone(),
                req.getBin(),
                req.getCreditLimit(),
                req.getNoCreditLimit(),
                req.getPaymentTermsDays())));
  }

  static Party update(PartyAdmin parties, UpdatePartyRequest req) {
    return MasterdataProtos.party(
        parties.update(
            GatewayContext.actor(),
            req.getId(),
            req.getVersion(),
            input(
                req.getName(),
                req.getAddress(),
                req.getPhone(),
                req.getBin(),
                req.getCreditLimit(),
                req.getNoCreditLimit(),
                req.getPaymentTermsDays())));
  }
}
