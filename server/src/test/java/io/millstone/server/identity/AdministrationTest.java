package io.millstone.server.identity;

import static io.millstone.server.TestServer.PASSWORD;
import static io.millstone.server.TestServer.codeOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.identity.v1.AuthServiceGrpc;
import io.millstone.api.identity.v1.AuthServiceGrpc.AuthServiceBlockingStub;
import io.millstone.api.identity.v1.ChangePasswordRequest;
import io.millstone.api.identity.v1.Company;
import io.millstone.api.identity.v1.CompanyServiceGrpc;
import io.millstone.api.identity.v1.CompanyServiceGrpc.CompanyServiceBlockingStub;
import io.millstone.api.identity.v1.CreateUserRequest;
import io.millstone.api.identity.v1.DeactivateUserRequest;
import io.millstone.api.identity.v1.DisplaySettings;
import io.millstone.api.identity.v1.GetCompanyRequest;
import io.millstone.api.identity.v1.GetDisplaySettingsRequest;
import io.millstone.api.identity.v1.ListRolesRequest;
import io.millstone.api.identity.v1.ListUsersRequest;
import io.millstone.api.identity.v1.LoginResponse;
import io.millstone.api.identity.v1.LogoutRequest;
import io.millstone.api.identity.v1.PermissionGrant;
import io.millstone.api.identity.v1.ResetPasswordRequest;
import io.millstone.api.identity.v1.ResetPasswordResponse;
import io.millstone.api.identity.v1.Role;
import io.millstone.api.identity.v1.RoleServiceGrpc;
import io.millstone.api.identity.v1.UpdateCompanyRequest;
import io.millstone.api.identity.v1.User;
import io.millstone.api.identity.v1.UserServiceGrpc;
import io.millstone.api.identity.v1.UserServiceGrpc.UserServiceBlockingStub;
import io.millstone.api.identity.v1.WhoAmIRequest;
import io.millstone.server.TestServer;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Administration as the client's screens do it: one-time passwords and the forced change, the
 * refusals an administrator meets, the roles read with what they open, and the company's settings.
 */
class AdministrationTest {
  static final String FIRST = "first one-time pass";
  static TestServer t;
  static UUID mill;
  static String adminName;
  static UserServiceBlockingStub admin;

  @BeforeAll
  static void start() {
    t = new TestServer();
    mill = t.createCompany("Admin Mill").id();
    adminName = t.createUser(mill, t.unique("chief"), "admin");
    admin = t.as(adminName, UserServiceGrpc.newBlockingStub(t.channel()));
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  private static AuthServiceBlockingStub auth(String token) {
    return TestServer.withToken(token, AuthServiceGrpc.newBlockingStub(t.channel()));
  }

  private static User newUser(String name, boolean oneTime) {
    return admin.createUser(
        CreateUserRequest.newBuilder()
            .setUsername(name)
            .setDisplayName("Clerk " + name)
            .setPassword(FIRST)
            .addRoles("sales")
            .setMustChangePassword(oneTime)
            .build());
  }

  @Test
  void aNewUserWithAOneTimePasswordMayOnlyChangeItThenWorksInTheSameSession() {
    String name = t.unique("newbie");
    User u = newUser(name, true);
    assertThat(u.getMustChangePassword()).isTrue();

    LoginResponse r = t.login(name, FIRST);
    assertThat(r.getMustChangePassword()).isTrue();
    assertThat(r.getPermissionsList()).contains("sales.read");
    AuthServiceBlockingStub session = auth(r.getSessionToken());
    StatusRuntimeException blocked =
        TestServer.failure(() -> session.whoAmI(WhoAmIRequest.getDefaultInstance()));
    assertThat(blocked.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(blocked.getStatus().getDescription()).contains("change your password first");

    session.changePassword(
        ChangePasswordRequest.newBuilder()
            .setCurrentPassword(FIRST)
            .setNewPassword("my very own password")
            .build());

    assertThat(session.whoAmI(WhoAmIRequest.getDefaultInstance()).getUser().getUsername())
        .isEqualTo(name);
    assertThat(t.login(name, "my very own password").getMustChangePassword()).isFalse();
    assertThat(codeOf(() -> t.login(name, FIRST))).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void aResetGivesAOneTimePasswordOnceEndsTheUsersSessionsAndForcesAChange() {
    String name = t.unique("forgetful");
    User u = newUser(name, false);
    assertThat(t.login(name, FIRST).getMustChangePassword()).isFalse();
    AuthServiceBlockingStub old = auth(t.login(name, FIRST).getSessionToken());

    ResetPasswordResponse reset =
        admin.resetPassword(ResetPasswordRequest.newBuilder().setId(u.getId()).build());

    assertThat(reset.getOneTimePassword()).matches("[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}");
    assertThat(reset.getUser().getMustChangePassword()).isTrue();
    assertThat(reset.getRevokedSessions()).isGreaterThanOrEqualTo(1);
    assertThat(codeOf(() -> old.whoAmI(WhoAmIRequest.getDefaultInstance())))
        .isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(codeOf(() -> t.login(name, FIRST))).isEqualTo(Status.Code.UNAUTHENTICATED);

    LoginResponse r = t.login(name, reset.getOneTimePassword());
    assertThat(r.getMustChangePassword()).isTrue();
    AuthServiceBlockingStub session = auth(r.getSessionToken());
    // Another service is refused too, not only the auth service.
    assertThat(
            codeOf(
                () ->
                    TestServer.withToken(
                            r.getSessionToken(), UserServiceGrpc.newBlockingStub(t.channel()))
                        .listUsers(ListUsersRequest.getDefaultInstance())))
        .isEqualTo(Status.Code.FAILED_PRECONDITION);
    // The one-time password itself must not be kept.
    StatusRuntimeException same =
        TestServer.failure(
            () ->
                session.changePassword(
                    ChangePasswordRequest.newBuilder()
                        .setCurrentPassword(reset.getOneTimePassword())
                        .setNewPassword(reset.getOneTimePassword())
                        .build()));
    assertThat(BadRequests.fields(same)).contains("new_password");
    session.changePassword(
        ChangePasswordRequest.newBuilder()
            .setCurrentPassword(reset.getOneTimePassword())
            .setNewPassword("remembered this time")
            .build());
    assertThat(session.whoAmI(WhoAmIRequest.getDefaultInstance()).getUser().getUsername())
        .isEqualTo(name);
    // Signing out is allowed even before the change.
    LoginResponse again = t.login(name, "remembered this time");
    assertThat(again.getMustChangePassword()).isFalse();
    auth(again.getSessionToken()).logout(LogoutRequest.getDefaultInstance());
  }

  @Test
  void badResetsAreRefusedWithTheReason() {
    StatusRuntimeException badId =
        TestServer.failure(
            () -> admin.resetPassword(ResetPasswordRequest.newBuilder().setId("nope").build()));
    assertThat(badId.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(BadRequests.fields(badId)).containsExactly("id");

    String myId = t.login(adminName, PASSWORD).getUser().getId();
    StatusRuntimeException self =
        TestServer.failure(
            () -> admin.resetPassword(ResetPasswordRequest.newBuilder().setId(myId).build()));
    assertThat(self.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(self.getStatus().getDescription()).contains("My account");

    String clerk = t.createUser(mill, t.unique("clerk"), "sales");
    String someone = newUser(t.unique("victim"), false).getId();
    assertThat(
            codeOf(
                () ->
                    t.as(clerk, UserServiceGrpc.newBlockingStub(t.channel()))
                        .resetPassword(ResetPasswordRequest.newBuilder().setId(someone).build())))
        .isEqualTo(Status.Code.PERMISSION_DENIED);

    User gone = newUser(t.unique("gone"), false);
    admin.deactivateUser(
        DeactivateUserRequest.newBuilder()
            .setId(gone.getId())
            .setVersion(gone.getVersion())
            .build());
    StatusRuntimeException inactive =
        TestServer.failure(
            () ->
                admin.resetPassword(ResetPasswordRequest.newBuilder().setId(gone.getId()).build()));
    assertThat(inactive.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
  }

  @Test
  void anAdminCannotResetAUserOfAnotherCompany() {
    UUID other = t.createCompany("Other Admin Mill").id();
    String stranger = t.createUser(other, t.unique("outsider"), "sales");
    String strangerId = t.login(stranger, PASSWORD).getUser().getId();

    assertThat(
            codeOf(
                () ->
                    admin.resetPassword(
                        ResetPasswordRequest.newBuilder().setId(strangerId).build())))
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(t.login(stranger, PASSWORD).getMustChangePassword()).isFalse();
  }

  @Test
  void anAdminCannotDeactivateThemselvesAndIsToldWhy() {
    User me =
        admin.listUsers(ListUsersRequest.newBuilder().setFilter(adminName).build()).getUsers(0);
    StatusRuntimeException e =
        TestServer.failure(
            () ->
                admin.deactivateUser(
                    DeactivateUserRequest.newBuilder()
                        .setId(me.getId())
                        .setVersion(me.getVersion())
                        .build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(e.getStatus().getDescription()).contains("your own account");
  }

  @Test
  void changingMyPasswordNamesTheFieldsThatAreWrong() {
    String name = t.createUser(mill, t.unique("typist"), "sales");
    AuthServiceBlockingStub me = auth(t.login(name, PASSWORD).getSessionToken());

    StatusRuntimeException shortOne =
        TestServer.failure(
            () ->
                me.changePassword(
                    ChangePasswordRequest.newBuilder()
                        .setCurrentPassword(PASSWORD)
                        .setNewPassword("short")
                        .build()));
    assertThat(BadRequests.violations(shortOne))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.getField()).isEqualTo("new_password");
              assertThat(v.getDescription()).contains("at least 10");
            });
    StatusRuntimeException wrong =
        TestServer.failure(
            () ->
                me.changePassword(
                    ChangePasswordRequest.newBuilder()
                        .setCurrentPassword("not my password at all")
                        .setNewPassword("a fine new password")
                        .build()));
    assertThat(BadRequests.fields(wrong)).containsExactly("current_password");
    assertThat(t.login(name, PASSWORD).getMustChangePassword()).isFalse();
  }

  @Test
  void eachRoleListsWhatItsPermissionsOpenReadFromTheContracts() {
    var roles =
        t.as(adminName, RoleServiceGrpc.newBlockingStub(t.channel()))
            .listRoles(ListRolesRequest.getDefaultInstance())
            .getRolesList();
    Role adminRole = roles.stream().filter(r -> r.getCode().equals("admin")).findFirst().get();
    assertThat(adminRole.getGrantsList())
        .extracting(PermissionGrant::getPermission)
        .containsExactlyElementsOf(adminRole.getPermissionsList());
    PermissionGrant manage =
        adminRole.getGrantsList().stream()
            .filter(g -> g.getPermission().equals("identity.users.manage"))
            .findFirst()
            .get();
    assertThat(manage.getMethodsList())
        .contains(
            "UserService.CreateUser",
            "UserService.ResetPassword",
            "UserService.DeactivateUser",
            "UserService.UpdateUserRoles")
        .isSorted();
    Role sales = roles.stream().filter(r -> r.getCode().equals("sales")).findFirst().get();
    assertThat(sales.getGrantsList())
        .extracting(PermissionGrant::getPermission)
        .doesNotContain("identity.users.manage");
  }

  @Test
  void companySettingsCarryTheBinAndAddressAndAChangeShowsOnTheNextCall() {
    UUID own = t.createCompany("Settings Mill").id();
    UUID neighbour = t.createCompany("Neighbour Mill").id();
    String boss = t.createUser(own, t.unique("setboss"), "admin");
    String clerk = t.createUser(own, t.unique("setclerk"), "sales");
    String otherBoss = t.createUser(neighbour, t.unique("nboss"), "admin");
    CompanyServiceBlockingStub c = t.as(boss, CompanyServiceGrpc.newBlockingStub(t.channel()));
    CompanyServiceBlockingStub clerkView =
        t.as(clerk, CompanyServiceGrpc.newBlockingStub(t.channel()));
    Company before = c.getCompany(GetCompanyRequest.getDefaultInstance());
    assertThat(before.getBin()).isEmpty();
    assertThat(clerkView.getDisplaySettings(GetDisplaySettingsRequest.getDefaultInstance()))
        .extracting(DisplaySettings::getTimeZone, DisplaySettings::getDateFormat)
        .containsExactly("Asia/Dhaka", "dd/MM/yyyy");

    Company after =
        c.updateCompany(
            request(before)
                .setBin("000123456-0101")
                .setAddress("Mill Road 1\nDarsana, Chuadanga")
                .setTimeZone("Asia/Kolkata")
                .setDateFormat("yyyy-MM-dd")
                .build());

    assertThat(after.getBin()).isEqualTo("0001234560101");
    assertThat(after.getAddress()).isEqualTo("Mill Road 1\nDarsana, Chuadanga");
    // The clerk's next call sees the change: nothing caches it.
    assertThat(clerkView.getDisplaySettings(GetDisplaySettingsRequest.getDefaultInstance()))
        .extracting(DisplaySettings::getTimeZone, DisplaySettings::getDateFormat)
        .containsExactly("Asia/Kolkata", "yyyy-MM-dd");
    // Leaving the BIN and address out keeps them.
    Company kept = c.updateCompany(request(after).setName("Settings Mill Ltd").build());
    assertThat(kept.getBin()).isEqualTo("0001234560101");
    assertThat(kept.getAddress()).startsWith("Mill Road 1");
    // The neighbour's company is untouched.
    Company theirs =
        t.as(otherBoss, CompanyServiceGrpc.newBlockingStub(t.channel()))
            .getCompany(GetCompanyRequest.getDefaultInstance());
    assertThat(theirs.getBin()).isEmpty();
    assertThat(theirs.getTimeZone()).isEqualTo("Asia/Dhaka");
    // A clerk may not change them.
    assertThat(codeOf(() -> clerkView.updateCompany(request(kept).setBin("1").build())))
        .isEqualTo(Status.Code.PERMISSION_DENIED);
  }

  @Test
  void aBadBinOrAddressIsNamedAndNothingIsSaved() {
    UUID own = t.createCompany("Bad Settings Mill").id();
    String boss = t.createUser(own, t.unique("badboss"), "admin");
    CompanyServiceBlockingStub c = t.as(boss, CompanyServiceGrpc.newBlockingStub(t.channel()));
    Company before = c.getCompany(GetCompanyRequest.getDefaultInstance());

    StatusRuntimeException e =
        TestServer.failure(
            () ->
                c.updateCompany(
                    request(before)
                        .setBin("12 34; DROP")
                        .setAddress("x".repeat(501))
                        .setTimeZone("Mars/Olympus")
                        .build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(BadRequests.fields(e)).contains("time_zone");
    StatusRuntimeException details =
        TestServer.failure(
            () ->
                c.updateCompany(
                    request(before).setBin("12 34; DROP").setAddress("x".repeat(501)).build()));
    assertThat(BadRequests.fields(details)).contains("bin", "address");
    Company now = c.getCompany(GetCompanyRequest.getDefaultInstance());
    assertThat(now.getVersion()).isEqualTo(before.getVersion());
    assertThat(now.getBin()).isEmpty();
  }

  private static UpdateCompanyRequest.Builder request(Company c) {
    return UpdateCompanyRequest.newBuilder()
        .setName(c.getName())
        .setCurrencyCode(c.getCurrencyCode())
        .setVatRatePercent(Decimal.newBuilder().setValue(c.getVatRatePercent().getValue()))
        .setFiscalYearStartMonth(c.getFiscalYearStartMonth())
        .setTimeZone(c.getTimeZone())
        .setVersion(c.getVersion());
  }
}
