package io.millstone.client.remote;

import io.millstone.api.common.v1.IdempotencyKey;
import io.millstone.api.identity.v1.AuthServiceGrpc;
import io.millstone.api.identity.v1.Company;
import io.millstone.api.identity.v1.CompanyServiceGrpc;
import io.millstone.api.identity.v1.CreateUserRequest;
import io.millstone.api.identity.v1.DeactivateUserRequest;
import io.millstone.api.identity.v1.GetCompanyRequest;
import io.millstone.api.identity.v1.GetUserRequest;
import io.millstone.api.identity.v1.ListRolesRequest;
import io.millstone.api.identity.v1.ResetPasswordRequest;
import io.millstone.api.identity.v1.ResetPasswordResponse;
import io.millstone.api.identity.v1.Role;
import io.millstone.api.identity.v1.RoleServiceGrpc;
import io.millstone.api.identity.v1.UpdateCompanyRequest;
import io.millstone.api.identity.v1.UpdateUserRolesRequest;
import io.millstone.api.identity.v1.User;
import io.millstone.api.identity.v1.UserServiceGrpc;
import io.millstone.api.identity.v1.WhoAmIRequest;
import io.millstone.api.identity.v1.WhoAmIResponse;
import io.millstone.api.purchasing.v1.GetPurchasingSettingsRequest;
import io.millstone.api.purchasing.v1.PurchasingServiceGrpc;
import io.millstone.api.purchasing.v1.PurchasingSettings;
import io.millstone.client.identity.AdminGateway;
import java.util.List;
import java.util.UUID;

/** The administration screens over gRPC (UserService, RoleService, CompanyService, AuthService). */
public final class Administration implements AdminGateway {
  private final Session session;

  public Administration(Session session) {
    this.session = session;
  }

  private UserServiceGrpc.UserServiceBlockingStub users() {
    return session.stub(UserServiceGrpc.newBlockingStub(session.connection().channel()));
  }

  private AuthServiceGrpc.AuthServiceBlockingStub auth() {
    return session.stub(AuthServiceGrpc.newBlockingStub(session.connection().channel()));
  }

  private CompanyServiceGrpc.CompanyServiceBlockingStub companies() {
    return session.stub(CompanyServiceGrpc.newBlockingStub(session.connection().channel()));
  }

  private PurchasingServiceGrpc.PurchasingServiceBlockingStub purchasing() {
    return session.stub(PurchasingServiceGrpc.newBlockingStub(session.connection().channel()));
  }

  @Override
  public User createUser(
      String username, String displayName, String password, List<String> roles, boolean oneTime)
      throws RemoteException {
    CreateUserRequest req =
        CreateUserRequest.newBuilder()
            .setIdempotencyKey(IdempotencyKey.newBuilder().setValue(UUID.randomUUID().toString()))
            .setUsername(username)
            .setDisplayName(displayName)
            .setPassword(password)
            .addAllRoles(roles)
            .setMustChangePassword(oneTime)
            .build();
    return Calls.call(() -> users().createUser(req));
  }

  @Override
  public User user(String id) throws RemoteException {
    return Calls.call(() -> users().getUser(GetUserRequest.newBuilder().setId(id).build()));
  }

  @Override
  public User updateRoles(String id, List<String> roles, long version) throws RemoteException {
    return Calls.call(
        () ->
            users()
                .updateUserRoles(
                    UpdateUserRolesRequest.newBuilder()
                        .setId(id)
                        .addAllRoles(roles)
                        .setVersion(version)
                        .build()));
  }

  @Override
  public User deactivate(String id, long version) throws RemoteException {
    return Calls.call(
        () ->
            users()
                .deactivateUser(
                    DeactivateUserRequest.newBuilder().setId(id).setVersion(version).build()));
  }

  @Override
  public ResetPasswordResponse resetPassword(String id) throws RemoteException {
    return Calls.call(
        () -> users().resetPassword(ResetPasswordRequest.newBuilder().setId(id).build()));
  }

  @Override
  public List<Role> roles() throws RemoteException {
    return Calls.call(
        () ->
            session
                .stub(RoleServiceGrpc.newBlockingStub(session.connection().channel()))
                .listRoles(ListRolesRequest.getDefaultInstance())
                .getRolesList());
  }

  @Override
  public WhoAmIResponse whoAmI() throws RemoteException {
    return Calls.call(() -> auth().whoAmI(WhoAmIRequest.getDefaultInstance()));
  }

  @Override
  public int changePassword(String current, String next) throws RemoteException {
    return PasswordChange.change(session, current, next);
  }

  @Override
  public Company company() throws RemoteException {
    return Calls.call(() -> companies().getCompany(GetCompanyRequest.getDefaultInstance()));
  }

  @Override
  public Company updateCompany(UpdateCompanyRequest request) throws RemoteException {
    Company c = Calls.call(() -> companies().updateCompany(request));
    // Dates and times change for the rest of this session at once, not at the next sign-in.
    SignIn.readDisplaySettings(session);
    return c;
  }

  @Override
  public PurchasingSettings purchasingSettings() throws RemoteException {
    return Calls.call(
        () ->
            purchasing().getPurchasingSettings(GetPurchasingSettingsRequest.getDefaultInstance()));
  }

  @Override
  public PurchasingSettings updatePurchasingSettings(PurchasingSettings settings)
      throws RemoteException {
    return Calls.call(() -> purchasing().updatePurchasingSettings(settings));
  }
}
