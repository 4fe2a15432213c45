package io.millstone.server.identity;

import io.grpc.stub.StreamObserver;
import io.millstone.api.identity.v1.ListRolesRequest;
import io.millstone.api.identity.v1.ListRolesResponse;
import io.millstone.api.identity.v1.Role;
import io.millstone.api.identity.v1.RoleServiceGrpc;

/** Adapter from the RoleService contract to {@link RoleCatalog}. */
public final class RoleGrpcService extends RoleServiceGrpc.RoleServiceImplBase {
  private final RoleCatalog roles;

  public RoleGrpcService(RoleCatalog roles) {
    this.roles = roles;
  }

  @Override
  public void listRoles(ListRolesRequest req, StreamObserver<ListRolesResponse> out) {
    ListRolesResponse.Builder b = ListRolesResponse.newBuilder();
    for (RoleCatalog.RoleDefinition r : roles.all()) {
      b.addRoles(
          Role.newBuilder()
              .setCode(r.code())
              .setName(r.name())
              .setDescription(r.description())
              .addAllPermissions(r.permissions().stream().sorted().toList()));
    }
    out.onNext(b.build());
    out.onCompleted();
  }
}
