package io.millstone.server.masterdata;

import io.grpc.stub.StreamObserver;
import io.millstone.api.masterdata.v1.DeleteSavedSearchRequest;
import io.millstone.api.masterdata.v1.DeleteSavedSearchResponse;
import io.millstone.api.masterdata.v1.ListSavedSearchesRequest;
import io.millstone.api.masterdata.v1.ListSavedSearchesResponse;
import io.millstone.api.masterdata.v1.SaveSearchRequest;
import io.millstone.api.masterdata.v1.SavedSearch;
import io.millstone.api.masterdata.v1.SavedSearchServiceGrpc;
import io.millstone.server.gateway.GatewayContext;

/** Adapter from the SavedSearchService contract to {@link SavedSearches}. */
public final class SavedSearchGrpcService
    extends SavedSearchServiceGrpc.SavedSearchServiceImplBase {
  private final SavedSearches searches;

  public SavedSearchGrpcService(SavedSearches searches) {
    this.searches = searches;
  }

  private static SavedSearch proto(io.millstone.server.masterdata.model.SavedSearch s) {
    return SavedSearch.newBuilder()
        .setId(s.id().toString())
        .setScreen(s.screen())
        .setName(s.name())
        .setFilter(s.filter())
        .setOrderBy(s.orderBy())
        .build();
  }

  @Override
  public void listSavedSearches(
      ListSavedSearchesRequest req, StreamObserver<ListSavedSearchesResponse> out) {
    var b = ListSavedSearchesResponse.newBuilder();
    searches.list(GatewayContext.actor(), req.getScreen()).forEach(s -> b.addSearches(proto(s)));
    out.onNext(b.build());
    out.onCompleted();
  }

  @Override
  public void saveSearch(SaveSearchRequest req, StreamObserver<SavedSearch> out) {
    out.onNext(
        proto(
            searches.save(
                GatewayContext.actor(),
                req.getScreen(),
                req.getName(),
                req.getFilter(),
                req.getOrderBy())));
    out.onCompleted();
  }

  @Override
  public void deleteSavedSearch(
      DeleteSavedSearchRequest req, StreamObserver<DeleteSavedSearchResponse> out) {
    searches.delete(GatewayContext.actor(), req.getId());
    out.onNext(DeleteSavedSearchResponse.getDefaultInstance());
    out.onCompleted();
  }
}
