package io.millstone.client.remote;

import io.millstone.api.masterdata.v1.DeleteSavedSearchRequest;
import io.millstone.api.masterdata.v1.ListSavedSearchesRequest;
import io.millstone.api.masterdata.v1.SaveSearchRequest;
import io.millstone.api.masterdata.v1.SavedSearchServiceGrpc;
import io.millstone.client.core.list.SavedSearchStore;
import java.util.List;

/** A person's saved searches, kept on the server (SavedSearchService). */
public final class SavedSearches implements SavedSearchStore {
  private final Session session;

  public SavedSearches(Session session) {
    this.session = session;
  }

  private SavedSearchServiceGrpc.SavedSearchServiceBlockingStub stub() {
    return session.stub(SavedSearchServiceGrpc.newBlockingStub(session.connection().channel()));
  }

  @Override
  public List<Saved> list(String screen) throws RemoteException {
    return Calls.call(
            () ->
                stub()
                    .listSavedSearches(
                        ListSavedSearchesRequest.newBuilder().setScreen(screen).build()))
        .getSearchesList()
        .stream()
        .map(s -> new Saved(s.getId(), s.getName(), s.getFilter(), s.getOrderBy()))
        .toList();
  }

  @Override
  public Saved save(String screen, String name, String filter, String orderBy)
      throws RemoteException {
    var s =
        Calls.call(
            () ->
                stub()
                    .saveSearch(
                        SaveSearchRequest.newBuilder()
                            .setScreen(screen)
                            .setName(name)
                            .setFilter(filter)
                            .setOrderBy(orderBy)
                            .build()));
    return new Saved(s.getId(), s.getName(), s.getFilter(), s.getOrderBy());
  }

  @Override
  public void delete(String id) throws RemoteException {
    Calls.call(
        () -> stub().deleteSavedSearch(DeleteSavedSearchRequest.newBuilder().setId(id).build()));
  }
}
