package io.millstone.server.identity;

import io.grpc.stub.StreamObserver;
import io.millstone.api.identity.v1.AuthServiceGrpc;
import io.millstone.api.identity.v1.ChangePasswordRequest;
import io.millstone.api.identity.v1.ChangePasswordResponse;
import io.millstone.api.identity.v1.CompanyRef;
import io.millstone.api.identity.v1.LoginRequest;
import io.millstone.api.identity.v1.LoginResponse;
import io.millstone.api.identity.v1.LogoutRequest;
import io.millstone.api.identity.v1.LogoutResponse;
import io.millstone.api.identity.v1.WhoAmIRequest;
import io.millstone.api.identity.v1.WhoAmIResponse;
import io.millstone.server.gateway.GatewayContext;
import io.millstone.server.platform.Version;

/** Adapter from the AuthService contract to {@link SessionService}. */
public final class AuthGrpcService extends AuthServiceGrpc.AuthServiceImplBase {
  private final SessionService sessions;

  public AuthGrpcService(SessionService sessions) {
    this.sessions = sessions;
  }

  @Override
  public void login(LoginRequest req, StreamObserver<LoginResponse> out) {
    SessionService.LoginResult r =
        sessions.login(
            req.getUsername(),
            req.getPassword(),
            req.getCompanyId(),
            GatewayContext.clientAddress(),
            GatewayContext.requestId());
    LoginResponse.Builder b =
        LoginResponse.newBuilder()
            .setSessionToken(r.token())
            .setUser(IdentityProtos.user(r.user()))
            .setCompanyId(r.session().companyId().toString())
            .addAllPermissions(r.session().permissions().stream().sorted().toList())
            .setIdleTimeoutSeconds((int) sessions.idleTimeout().toSeconds())
            .setServerVersion(Version.get())
            .setMustChangePassword(r.mustChangePassword());
    r.companies()
        .forEach(
            c ->
                b.addCompanies(CompanyRef.newBuilder().setId(c.id().toString()).setName(c.name())));
    out.onNext(b.build());
    out.onCompleted();
  }

  @Override
  public void logout(LogoutRequest req, StreamObserver<LogoutResponse> out) {
    sessions.logout(GatewayContext.actor(), GatewayContext.session());
    out.onNext(LogoutResponse.getDefaultInstance());
    out.onCompleted();
  }

  @Override
  public void whoAmI(WhoAmIRequest req, StreamObserver<WhoAmIResponse> out) {
    Session s = GatewayContext.session();
    out.onNext(
        WhoAmIResponse.newBuilder()
            .setUser(
                io.millstone.api.identity.v1.User.newBuilder()
                    .setId(s.userId().toString())
                    .setUsername(s.username())
                    .setDisplayName(s.displayName())
                    .setActive(true)
                    .addAllRoles(s.roles()))
            .setCompany(
                CompanyRef.newBuilder().setId(s.companyId().toString()).setName(s.companyName()))
            .addAllPermissions(s.permissions().stream().sorted().toList())
            .setServerVersion(Version.get())
            .build());
    out.onCompleted();
  }

  @Override
  public void changePassword(
      ChangePasswordRequest req, StreamObserver<ChangePasswordResponse> out) {
    int revoked =
        sessions.changePassword(
            GatewayContext.actor(),
            GatewayContext.session(),
            req.getCurrentPassword(),
            req.getNewPassword());
    out.onNext(ChangePasswordResponse.newBuilder().setRevokedSessions(revoked).build());
    out.onCompleted();
  }
}
