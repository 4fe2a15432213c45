package io.millstone.server.identity;

import static io.millstone.server.TestServer.PASSWORD;
import static io.millstone.server.TestServer.codeOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.millstone.api.identity.v1.AuthServiceGrpc;
import io.millstone.api.identity.v1.AuthServiceGrpc.AuthServiceBlockingStub;
import io.millstone.api.identity.v1.ChangePasswordRequest;
import io.millstone.api.identity.v1.LoginResponse;
import io.millstone.api.identity.v1.LogoutRequest;
import io.millstone.api.identity.v1.WhoAmIRequest;
import io.millstone.api.identity.v1.WhoAmIResponse;
import io.millstone.server.TestServer;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A user signs in, works, changes their password and signs out, as the client would. */
class SignInScenarioTest {
  static TestServer t;
  static UUID mill;

  @BeforeAll
  static void start() {
    t = new TestServer();
    mill = t.createCompany("Sign-in Mill").id();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  private AuthServiceBlockingStub auth() {
    return AuthServiceGrpc.newBlockingStub(t.channel());
  }

  @Test
  void signingInGivesATokenTheCompanyAndThePermissionsOfTheRoles() {
    String admin = t.createUser(mill, t.unique("rahim"), "admin");
    LoginResponse r = t.login(admin, PASSWORD);

    assertThat(r.getSessionToken()).hasSizeGreaterThanOrEqualTo(43);
    assertThat(r.getCompanyId()).isEqualTo(mill.toString());
    assertThat(r.getCompaniesList()).extracting(c -> c.getName()).containsExactly("Sign-in Mill");
    assertThat(r.getPermissionsList()).contains("identity.users.manage", "identity.company.manage");
    assertThat(r.getUser().getUsername()).isEqualTo(admin);
    assertThat(r.getUser().getRolesList()).containsExactly("admin");

    WhoAmIResponse me =
        TestServer.withToken(r.getSessionToken(), auth())
            .whoAmI(WhoAmIRequest.getDefaultInstance());
    assertThat(me.getUser().getUsername()).isEqualTo(admin);
    assertThat(me.getCompany().getName()).isEqualTo("Sign-in Mill");
  }

  @Test
  void aWrongPasswordFailsExactlyLikeAnUnknownUser() {
    String user = t.createUser(mill, t.unique("karim"), "sales");

    StatusRuntimeException wrong = TestServer.failure(() -> t.login(user, "not the password"));
    StatusRuntimeException unknown =
        TestServer.failure(() -> t.login(t.unique("nobody"), "not the password"));

    assertThat(wrong.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(wrong.getStatus().getDescription())
        .isEqualTo(unknown.getStatus().getDescription())
        .isEqualTo("Wrong username or password.");
  }

  @Test
  void repeatedFailuresLockTheAccountEvenForTheRightPassword() {
    String user = t.createUser(mill, t.unique("locked"), "sales");
    for (int i = 0; i < 5; i++) {
      assertThat(codeOf(() -> t.login(user, "guess " + UUID.randomUUID())))
          .isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    StatusRuntimeException locked = TestServer.failure(() -> t.login(user, PASSWORD));

    assertThat(locked.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(locked.getStatus().getDescription()).contains("locked").contains("try again in");
  }

  @Test
  void unknownUsernamesAreLockedTooSoALockoutRevealsNothing() {
    String ghost = t.unique("ghost");
    for (int i = 0; i < 5; i++) {
      assertThat(codeOf(() -> t.login(ghost, "x"))).isEqualTo(Status.Code.UNAUTHENTICATED);
    }
    assertThat(codeOf(() -> t.login(ghost, "x"))).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
  }

  @Test
  void signingOutEndsTheSession() {
    String user = t.createUser(mill, t.unique("leaving"), "stores");
    String token = t.login(user, PASSWORD).getSessionToken();
    AuthServiceBlockingStub me = TestServer.withToken(token, auth());
    me.whoAmI(WhoAmIRequest.getDefaultInstance());

    me.logout(LogoutRequest.getDefaultInstance());

    StatusRuntimeException after =
        TestServer.failure(() -> me.whoAmI(WhoAmIRequest.getDefaultInstance()));
    assertThat(after.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(after.getStatus().getDescription()).contains("sign in again");
  }

  @Test
  void changingThePasswordSignsOutTheOtherSessionsButNotThisOne() {
    String user = t.createUser(mill, t.unique("mover"), "accounts");
    AuthServiceBlockingStub laptop =
        TestServer.withToken(t.login(user, PASSWORD).getSessionToken(), auth());
    AuthServiceBlockingStub office =
        TestServer.withToken(t.login(user, PASSWORD).getSessionToken(), auth());
    AuthServiceBlockingStub home =
        TestServer.withToken(t.login(user, PASSWORD).getSessionToken(), auth());

    int revoked =
        laptop
            .changePassword(
                ChangePasswordRequest.newBuilder()
                    .setCurrentPassword(PASSWORD)
                    .setNewPassword("a much better passphrase")
                    .build())
            .getRevokedSessions();

    assertThat(revoked).isEqualTo(2);
    assertThat(codeOf(() -> laptop.whoAmI(WhoAmIRequest.getDefaultInstance())))
        .isEqualTo(Status.Code.OK);
    assertThat(codeOf(() -> office.whoAmI(WhoAmIRequest.getDefaultInstance())))
        .isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(codeOf(() -> home.whoAmI(WhoAmIRequest.getDefaultInstance())))
        .isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(codeOf(() -> t.login(user, PASSWORD))).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(t.login(user, "a much better passphrase").getSessionToken()).isNotEmpty();
  }

  @Test
  void aWrongCurrentPasswordIsNamedAndNothingChanges() {
    String user = t.createUser(mill, t.unique("careful"), "sales");
    AuthServiceBlockingStub me =
        TestServer.withToken(t.login(user, PASSWORD).getSessionToken(), auth());

    StatusRuntimeException e =
        TestServer.failure(
            () ->
                me.changePassword(
                    ChangePasswordRequest.newBuilder()
                        .setCurrentPassword("not it at all")
                        .setNewPassword("another long passphrase")
                        .build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(BadRequests.fields(e)).containsExactly("current_password");
    assertThat(t.login(user, PASSWORD).getSessionToken()).isNotEmpty();
  }

  @Test
  void aUserCannotSignInToACompanyTheyDoNotBelongTo() {
    UUID other = t.createCompany("Someone Else's Mill").id();
    String user = t.createUser(mill, t.unique("curious"), "sales");

    StatusRuntimeException e =
        TestServer.failure(
            () ->
                auth()
                    .login(
                        io.millstone.api.identity.v1.LoginRequest.newBuilder()
                            .setUsername(user)
                            .setPassword(PASSWORD)
                            .setCompanyId(other.toString())
                            .build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
  }
}
