package io.millstone.server.records;

import io.grpc.stub.StreamObserver;
import io.millstone.api.records.v1.RecordRef;
import io.millstone.api.records.v1.SearchHit;
import io.millstone.api.records.v1.SearchRequest;
import io.millstone.api.records.v1.SearchResponse;
import io.millstone.api.records.v1.SearchServiceGrpc;
import io.millstone.server.gateway.GatewayContext;
import io.millstone.server.gateway.ProtoValues;

/** Adapter from the SearchService contract to {@link Finder}. */
public final class SearchGrpcService extends SearchServiceGrpc.SearchServiceImplBase {
  private final Finder finder;

  public SearchGrpcService(Finder finder) {
    this.finder = finder;
  }

  @Override
  public void search(SearchRequest req, StreamObserver<SearchResponse> responses) {
    SearchResponse.Builder out = SearchResponse.newBuilder();
    for (Finder.Hit h : finder.search(GatewayContext.actor(), req.getQuery(), req.getLimit())) {
      SearchHit.Builder b =
          SearchHit.newBuilder()
              .setRecord(RecordRef.newBuilder().setKind(h.kind()).setId(h.id()))
              .setReference(h.reference())
              .setTitle(h.title() == null ? "" : h.title())
              .setAmount(h.amount() == null ? "" : h.amount().toPlainString())
              .setState(h.state() == null ? "" : h.state())
              .setRank(h.rank());
      if (h.date() != null) {
        b.setDate(ProtoValues.date(h.date()));
      }
      out.addHits(b);
    }
    responses.onNext(out.build());
    responses.onCompleted();
  }
}
