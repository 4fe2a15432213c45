package io.millstone.server.identity;

import io.grpc.stub.StreamObserver;
import io.millstone.api.common.v1.PageResponse;
import io.millstone.api.identity.v1.CreateUserRequest;
import io.millstone.api.identity.v1.DeactivateUserRequest;
import io.millstone.api.identity.v1.GetUserRequest;
import io.millstone.api.identity.v1.ListUsersRequest;
import io.millstone.api.identity.v1.ListUsersResponse;
import io.millstone.api.identity.v1.ResetPasswordRequest;
import io.millstone.api.identity.v1.ResetPasswordResponse;
import io.millstone.api.identity.v1.UpdateUserRolesRequest;
import io.millstone.api.identity.v1.User;
import io.millstone.api.identity.v1.UserServiceGrpc;
import io.millstone.server.gateway.GatewayContext;

/** Adapter from the UserService contract to {@link UserAdmin}. */
public final class UserGrpcService extends UserServiceGrpc.UserServiceImplBase {
  private final UserAdmin users;

  public UserGrpcService(UserAdmin users) {
    this.users = users;
  }

  @Override
  public void createUser(CreateUserRequest req, StreamObserver<User> out) {
    UserView u =
        users.create(
            GatewayContext.actor(),
            req.getIdempotencyKey().getValue(),
            req.getUsername(),
            req.getDisplayName(),
            req.getPassword(),
            req.getRolesList(),
            req.getMustChangePassword());
    out.onNext(IdentityProtos.user(u));
    out.onCompleted();
  }

  @Override
  public void listUsers(ListUsersRequest req, StreamObserver<ListUsersResponse> out) {
    UserAdmin.UserPage page =
        users.list(
            GatewayContext.actor(),
            req.getFilter(),
            req.getIncludeInactive(),
            req.getPage().getPageSize(),
            req.getPage().getPageToken());
    ListUsersResponse.Builder b = ListUsersResponse.newBuilder();
    page.users().forEach(u -> b.addUsers(IdentityProtos.user(u)));
    b.setPage(
        PageResponse.newBuilder()
            .setNextPageToken(page.nextPageToken())
            .setTotalSize(page.totalSize()));
    out.onNext(b.build());
    out.onCompleted();
  }

  @Override
  public void getUser(GetUserRequest req, StreamObserver<User> out) {
    out.onNext(IdentityProtos.user(users.get(GatewayContext.actor(), req.getId())));
    out.onCompleted();
  }

  @Override
  public void updateUserRoles(UpdateUserRolesRequest req, StreamObserver<User> out) {
    out.onNext(
        IdentityProtos.user(
            users.updateRoles(
                GatewayContext.actor(), req.getId(), req.getRolesList(), req.getVersion())));
    out.onCompleted();
  }

  @Override
  public void resetPassword(ResetPasswordRequest req, StreamObserver<ResetPasswordResponse> out) {
    UserAdmin.Reset r = users.resetPassword(GatewayContext.actor(), req.getId());
    out.onNext(
        ResetPasswordResponse.newBuilder()
            .setUser(IdentityProtos.user(r.user()))
            .setOneTimePassword(r.oneTimePassword())
            .setRevokedSessions(r.revokedSessions())
            .build());
    out.onCompleted();
  }

  @Override
  public void deactivateUser(DeactivateUserRequest req, StreamObserver<User> out) {
    out.onNext(
        IdentityProtos.user(
            users.deactivate(GatewayContext.actor(), req.getId(), req.getVersion())));
    out.onCompleted();
  }
}
