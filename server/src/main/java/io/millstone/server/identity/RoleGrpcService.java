package io.millstone.server.identity;

import io.grpc.stub.StreamObserver;
import io.millstone.api.identity.v1.ListRolesRequest;
import io.millstone.api.identity.v1.ListRolesResponse;
import io.millstone.api.identity.v1.PermissionGrant;
import io.millstone.api.identity.v1.Role;
import io.millstone.api.identity.v1.RoleServiceGrpc;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Adapter from the RoleService contract to {@link RoleCatalog}. */
public final class RoleGrpcService extends RoleServiceGrpc.RoleServiceImplBase {
  private final RoleCatalog roles;
  private final Supplier<Map<String, List<String>>> methodsByPermission;

  /**
   * @param methodsByPermission the contract operations each permission opens (read when asked, as
   *     the gateway's rules exist only once every service is registered)
   */
  public RoleGrpcService(
      RoleCatalog roles, Supplier<Map<String, List<String>>> methodsByPermission) {
    this.roles = roles;
    this.methodsByPermission = methodsByPermission;
  }

  @Override
  public void listRoles(ListRolesRequest req, StreamObserver<ListRolesResponse> out) {
    ListRolesResponse.Builder b = ListRolesResponse.newBuilder();
    Map<String, List<String>> methods = methodsByPermission.get();
    for (RoleCatalog.RoleDefinition r : roles.all()) {
      List<String> permissions = r.permissions().stream().sorted().toList();
      Role.Builder role =
          Role.newBuilder()
              .setCode(r.code())
              .setName(r.name())
              .setDescription(r.description())
              .addAllPermissions(permissions);
      for (String p : permissions) {
        role.addGrants(
            PermissionGrant.newBuilder()
                .setPermission(p)
                .addAllMethods(methods.getOrDefault(p, List.of())));
      }
      b.addRoles(role);
    }
    out.onNext(b.build());
    out.onCompleted();
  }
}
