package io.millstone.server.identity;

import static io.millstone.server.TestServer.PASSWORD;
import static io.millstone.server.TestServer.codeOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.millstone.api.common.v1.IdempotencyKey;
import io.millstone.api.common.v1.PageRequest;
import io.millstone.api.identity.v1.AuthServiceGrpc;
import io.millstone.api.identity.v1.CreateUserRequest;
import io.millstone.api.identity.v1.DeactivateUserRequest;
import io.millstone.api.identity.v1.ListUsersRequest;
import io.millstone.api.identity.v1.ListUsersResponse;
import io.millstone.api.identity.v1.UpdateUserRolesRequest;
import io.millstone.api.identity.v1.User;
import io.millstone.api.identity.v1.UserServiceGrpc;
import io.millstone.api.identity.v1.UserServiceGrpc.UserServiceBlockingStub;
import io.millstone.api.identity.v1.WhoAmIRequest;
import io.millstone.server.TestServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An administrator manages the company's users over the contract. */
class UserAdministrationTest {
  static TestServer t;
  static UUID mill;
  static UserServiceBlockingStub admin;
  static String adminName;

  @BeforeAll
  static void start() {
    t = new TestServer();
    mill = t.createCompany("Users Mill").id();
    adminName = t.createUser(mill, t.unique("boss"), "admin");
    admin = t.as(adminName, UserServiceGrpc.newBlockingStub(t.channel()));
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  private static CreateUserRequest.Builder newUser(String name) {
    return CreateUserRequest.newBuilder()
        .setUsername(name)
        .setDisplayName("Person " + name)
        .setPassword("a long enough password")
        .addRoles("sales");
  }

  @Test
  void fiftyParallelCreatesWithOneIdempotencyKeyMakeExactlyOneUser() throws Exception {
    String name = t.unique("twin");
    CreateUserRequest req =
        newUser(name)
            .setIdempotencyKey(IdempotencyKey.newBuilder().setValue(UUID.randomUUID().toString()))
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Callable<User>> calls = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        calls.add(() -> admin.createUser(req));
      }
      Set<String> ids = new HashSet<>();
      for (Future<User> f : pool.invokeAll(calls)) {
        ids.add(f.get().getId());
      }
      assertThat(ids).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    ListUsersResponse found =
        admin.listUsers(ListUsersRequest.newBuilder().setFilter(name).build());
    assertThat(found.getUsersList()).hasSize(1);
  }

  @Test
  void reusingAKeyForADifferentUserIsRefused() {
    IdempotencyKey key = IdempotencyKey.newBuilder().setValue(UUID.randomUUID().toString()).build();
    admin.createUser(newUser(t.unique("first")).setIdempotencyKey(key).build());

    StatusRuntimeException e =
        TestServer.failure(
            () -> admin.createUser(newUser(t.unique("second")).setIdempotencyKey(key).build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(BadRequests.fields(e)).containsExactly("idempotency_key");
  }

  @Test
  void aTakenUsernameIsNamed() {
    String name = t.unique("taken");
    admin.createUser(newUser(name).build());
    StatusRuntimeException e =
        TestServer.failure(() -> admin.createUser(newUser(name.toUpperCase()).build()));
    assertThat(BadRequests.violations(e))
        .singleElement()
        .satisfies(v -> assertThat(v.getField()).isEqualTo("username"));
  }

  @Test
  void aSecondEditorWithAStaleVersionGetsAbortedNamingWhoChangedIt() {
    User u = admin.createUser(newUser(t.unique("edited")).build());
    UserServiceBlockingStub other =
        t.as(
            t.createUser(mill, t.unique("boss2"), "admin"),
            UserServiceGrpc.newBlockingStub(t.channel()));

    other.updateUserRoles(
        UpdateUserRolesRequest.newBuilder()
            .setId(u.getId())
            .addRoles("stores")
            .setVersion(u.getVersion())
            .build());
    StatusRuntimeException e =
        TestServer.failure(
            () ->
                admin.updateUserRoles(
                    UpdateUserRolesRequest.newBuilder()
                        .setId(u.getId())
                        .addRoles("accounts")
                        .setVersion(u.getVersion())
                        .build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
    assertThat(e.getStatus().getDescription()).contains("changed by").contains("reload");
    assertThat(
            admin
                .getUser(
                    io.millstone.api.identity.v1.GetUserRequest.newBuilder()
                        .setId(u.getId())
                        .build())
                .getRolesList())
        .containsExactly("stores");
  }

  @Test
  void newRolesApplyToTheUsersOpenSessionAtOnce() {
    String name = t.unique("promoted");
    User u = admin.createUser(newUser(name).build());
    var session =
        TestServer.withToken(
            t.login(name, "a long enough password").getSessionToken(),
            AuthServiceGrpc.newBlockingStub(t.channel()));
    assertThat(session.whoAmI(WhoAmIRequest.getDefaultInstance()).getPermissionsList())
        .doesNotContain("identity.users.read");

    admin.updateUserRoles(
        UpdateUserRolesRequest.newBuilder()
            .setId(u.getId())
            .addRoles("accounts")
            .setVersion(u.getVersion())
            .build());

    assertThat(session.whoAmI(WhoAmIRequest.getDefaultInstance()).getPermissionsList())
        .contains("identity.users.read");
  }

  @Test
  void aDeactivatedUserIsSignedOutAndCannotSignInAgain() {
    String name = t.unique("leaver");
    User u = admin.createUser(newUser(name).build());
    var session =
        TestServer.withToken(
            t.login(name, "a long enough password").getSessionToken(),
            AuthServiceGrpc.newBlockingStub(t.channel()));

    User after =
        admin.deactivateUser(
            DeactivateUserRequest.newBuilder().setId(u.getId()).setVersion(u.getVersion()).build());

    assertThat(after.getActive()).isFalse();
    assertThat(codeOf(() -> session.whoAmI(WhoAmIRequest.getDefaultInstance())))
        .isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(codeOf(() -> t.login(name, "a long enough password")))
        .isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(
            admin.listUsers(ListUsersRequest.newBuilder().setFilter(name).build()).getUsersList())
        .isEmpty();
    assertThat(
            admin
                .listUsers(
                    ListUsersRequest.newBuilder().setFilter(name).setIncludeInactive(true).build())
                .getUsersList())
        .hasSize(1);
  }

  @Test
  void theLastAdministratorCannotBeRemoved() {
    UUID lonely = t.createCompany("Lonely Mill").id();
    String only = t.createUser(lonely, t.unique("onlyadmin"), "admin");
    UserServiceBlockingStub me = t.as(only, UserServiceGrpc.newBlockingStub(t.channel()));
    User self = me.listUsers(ListUsersRequest.getDefaultInstance()).getUsers(0);

    StatusRuntimeException e =
        TestServer.failure(
            () ->
                me.updateUserRoles(
                    UpdateUserRolesRequest.newBuilder()
                        .setId(self.getId())
                        .addRoles("sales")
                        .setVersion(self.getVersion())
                        .build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(e.getStatus().getDescription()).contains("last administrator");
  }

  @Test
  void listsPageThroughEveryUserOnceAndFilterByName() {
    UUID paged = t.createCompany("Paged Mill").id();
    String boss = t.createUser(paged, t.unique("pboss"), "admin");
    for (int i = 0; i < 7; i++) {
      t.createUser(paged, t.unique("clerk" + i));
    }
    UserServiceBlockingStub me = t.as(boss, UserServiceGrpc.newBlockingStub(t.channel()));
    List<String> seen = new ArrayList<>();
    String token = "";
    int pages = 0;
    do {
      ListUsersResponse page =
          me.listUsers(
              ListUsersRequest.newBuilder()
                  .setPage(PageRequest.newBuilder().setPageSize(3).setPageToken(token))
                  .build());
      page.getUsersList().forEach(u -> seen.add(u.getUsername()));
      assertThat(page.getPage().getTotalSize()).isEqualTo(8);
      token = page.getPage().getNextPageToken();
      pages++;
    } while (!token.isEmpty());

    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(8).doesNotHaveDuplicates().isSorted();
    assertThat(
            me.listUsers(ListUsersRequest.newBuilder().setFilter("CLERK3").build()).getUsersList())
        .extracting(User::getUsername)
        .containsExactly(t.unique("clerk3"));
  }

  @Test
  void usersOfAnotherCompanyAreNotFound() {
    UUID other = t.createCompany("Other Users Mill").id();
    String stranger = t.createUser(other, t.unique("stranger"), "sales");
    String strangerId = t.login(stranger, PASSWORD).getUser().getId();

    StatusRuntimeException e =
        TestServer.failure(
            () ->
                admin.getUser(
                    io.millstone.api.identity.v1.GetUserRequest.newBuilder()
                        .setId(strangerId)
                        .build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }
}
