package io.millstone.client.remote;

import io.millstone.api.common.v1.PageRequest;
import io.millstone.api.identity.v1.ListUsersRequest;
import io.millstone.api.identity.v1.ListUsersResponse;
import io.millstone.api.identity.v1.User;
import io.millstone.api.identity.v1.UserServiceGrpc;
import io.millstone.client.core.list.Page;
import io.millstone.client.core.list.PageSource;

/** The company's users, page by page (UserService.ListUsers). */
public final class UserDirectory implements PageSource<User> {
  private final Session session;

  public UserDirectory(Session session) {
    this.session = session;
  }

  @Override
  public Page<User> fetch(Query query, String pageToken, int pageSize) throws RemoteException {
    ListUsersResponse r =
        Calls.call(
            () ->
                session
                    .stub(UserServiceGrpc.newBlockingStub(session.connection().channel()))
                    .listUsers(
                        ListUsersRequest.newBuilder()
                            .setPage(
                                PageRequest.newBuilder()
                                    .setPageSize(pageSize)
                                    .setPageToken(pageToken == null ? "" : pageToken))
                            .setFilter(query.filter())
                            .build()));
    return new Page<>(r.getUsersList(), r.getPage().getNextPageToken(), r.getPage().getTotalSize());
  }
}
