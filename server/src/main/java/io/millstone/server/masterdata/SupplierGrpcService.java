package io.millstone.server.masterdata;

import io.grpc.stub.StreamObserver;
import io.millstone.api.masterdata.v1.CreatePartyRequest;
import io.millstone.api.masterdata.v1.DeactivateRequest;
import io.millstone.api.masterdata.v1.GetRequest;
import io.millstone.api.masterdata.v1.ListPartiesResponse;
import io.millstone.api.masterdata.v1.ListRequest;
import io.millstone.api.masterdata.v1.Party;
import io.millstone.api.masterdata.v1.SupplierServiceGrpc;
import io.millstone.api.masterdata.v1.UpdatePartyRequest;
import io.millstone.server.gateway.GatewayContext;

/** Adapter from the SupplierService contract to {@link PartyAdmin}. */
public final class SupplierGrpcService extends SupplierServiceGrpc.SupplierServiceImplBase {
  private final PartyAdmin parties;

  public SupplierGrpcService(PartyAdmin parties) {
    this.parties = parties;
  }

  @Override
  public void listSuppliers(ListRequest req, StreamObserver<ListPartiesResponse> out) {
    out.onNext(PartyRequests.list(parties, req));
    out.onCompleted();
  }

  @Override
  public void getSupplier(GetRequest req, StreamObserver<Party> out) {
    out.onNext(MasterdataProtos.party(parties.get(GatewayContext.actor(), req.getId())));
    out.onCompleted();
  }

  @Override
  public void createSupplier(CreatePartyRequest req, StreamObserver<Party> out) {
    out.onNext(PartyRequests.create(parties, req));
    out.onCompleted();
  }

  @Override
  public void updateSupplier(UpdatePartyRequest req, StreamObserver<Party> out) {
    out.onNext(PartyRequests.update(parties, req));
    out.onCompleted();
  }

  @Override
  public void deactivateSupplier(DeactivateRequest req, StreamObserver<Party> out) {
    out.onNext(
        MasterdataProtos.party(
            parties.deactivate(GatewayContext.actor(), req.getId(), req.getVersion())));
    out.onCompleted();
  }
}
