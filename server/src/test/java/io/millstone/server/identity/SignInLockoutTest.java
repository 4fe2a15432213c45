package io.millstone.server.identity;

import static io.millstone.server.TestServer.PASSWORD;
import static io.millstone.server.TestServer.codeOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Attributes;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.ServerTransportFilter;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.millstone.api.identity.v1.AuthServiceGrpc;
import io.millstone.api.identity.v1.LoginRequest;
import io.millstone.api.identity.v1.LoginResponse;
import io.millstone.server.MillstoneServer;
import io.millstone.server.TestPlatform;
import io.millstone.server.TestServer;
import io.millstone.server.platform.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Password guessing locks out the guesser, not the user: failures from one computer lock that
 * computer out of the account, and only many failures from many computers lock the account for
 * computers the user has not signed in from.
 */
class SignInLockoutTest {
  static TestServer t;
  static UUID mill;
  static Platform platform;
  private final List<Computer> computers = new ArrayList<>();

  @BeforeAll
  static void start() {
    t = new TestServer();
    mill = t.createCompany("Lockout Mill").id();
    // Five failures lock one address; eight from all addresses together lock the account.
    platform =
        TestPlatform.get()
            .sharing(
                TestPlatform.get().config().toBuilder()
                    .loginFailuresBeforeLockout(5)
                    .loginAccountFailuresBeforeLockout(8)
                    .build());
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @AfterEach
  void closeComputers() {
    computers.forEach(Computer::close);
  }

  @Test
  void fiveWrongPasswordsFromOneAddressDoNotLockTheUserOutFromAnother() {
    String user = t.createUser(mill, t.unique("rahim"), "sales");
    Computer attacker = computer("10.66.0.1");
    Computer office = computer("10.1.0.7");
    for (int i = 0; i < 5; i++) {
      String guess = "guess " + i;
      assertThat(codeOf(() -> attacker.login(user, guess))).isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    StatusRuntimeException locked = TestServer.failure(() -> attacker.login(user, PASSWORD));
    LoginResponse fromOffice = office.login(user, PASSWORD);

    assertThat(locked.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(locked.getStatus().getDescription()).contains("locked");
    assertThat(fromOffice.getUser().getUsername()).isEqualTo(user);
  }

  @Test
  void manyFailuresFromManyAddressesLockTheAccountForAnAddressNotSeenBefore() {
    String user = t.createUser(mill, t.unique("karim"), "sales");
    guessTwiceFromEachOfFourAddresses(user, "10.66.1.");

    StatusRuntimeException locked =
        TestServer.failure(() -> computer("10.1.1.9").login(user, PASSWORD));

    assertThat(locked.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(locked.getStatus().getDescription()).contains("locked");
  }

  @Test
  void anAddressTheUserSignedInFromStillLetsThemInWhileTheAccountIsLocked() {
    String user = t.createUser(mill, t.unique("salma"), "sales");
    Computer desk = computer("10.1.2.3");
    desk.login(user, PASSWORD);
    guessTwiceFromEachOfFourAddresses(user, "10.66.2.");
    assertThat(codeOf(() -> computer("10.1.2.4").login(user, PASSWORD)))
        .isEqualTo(Status.Code.RESOURCE_EXHAUSTED);

    assertThat(desk.login(user, PASSWORD).getUser().getUsername()).isEqualTo(user);
  }

  @Test
  void aSuccessfulSignInStartsThatAddresssCountAgain() {
    String user = t.createUser(mill, t.unique("nadia"), "sales");
    Computer desk = computer("10.1.3.3");
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 4; i++) {
        assertThat(codeOf(() -> desk.login(user, "typo"))).isEqualTo(Status.Code.UNAUTHENTICATED);
      }
      assertThat(desk.login(user, PASSWORD).getUser().getUsername()).isEqualTo(user);
    }
  }

  @Test
  void unlockingTheUserLetsThemInAgainFromALockedAddress() {
    String user = t.createUser(mill, t.unique("jamal"), "sales");
    Computer desk = computer("10.1.4.4");
    for (int i = 0; i < 5; i++) {
      assertThat(codeOf(() -> desk.login(user, "typo"))).isEqualTo(Status.Code.UNAUTHENTICATED);
    }
    assertThat(codeOf(() -> desk.login(user, PASSWORD))).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);

    SessionService.UnlockResult r = t.server().sessionService().unlock(user, "test admin");

    assertThat(r.addressLocks()).isEqualTo(1);
    assertThat(desk.login(user, PASSWORD).getUser().getUsername()).isEqualTo(user);
  }

  /** Eight failures in all, two from each address: no single address reaches its own limit. */
  private static void guessTwiceFromEachOfFourAddresses(String user, String prefix) {
    for (int a = 1; a <= 4; a++) {
      // One node at a time: each holds Redis connections of the shared test pool.
      try (Computer bot = new Computer(prefix + a)) {
        for (int i = 0; i < 2; i++) {
          assertThat(codeOf(() -> bot.login(user, "guess"))).isEqualTo(Status.Code.UNAUTHENTICATED);
        }
      }
    }
  }

  private Computer computer(String address) {
    Computer c = new Computer(address);
    computers.add(c);
    return c;
  }

  /**
   * A server node on the shared stores whose callers all appear to come from one address. Each node
   * keeps two Redis connections of the shared pool (of eight), so a test keeps at most two open.
   */
  private static final class Computer implements AutoCloseable {
    private final MillstoneServer server;
    private final ManagedChannel channel;

    Computer(String address) {
      String name = "computer-" + UUID.randomUUID();
      InetSocketAddress remote = new InetSocketAddress(address, 40_000);
      InProcessServerBuilder builder = InProcessServerBuilder.forName(name);
      builder.addTransportFilter(
          new ServerTransportFilter() {
            @Override
            public Attributes transportReady(Attributes attrs) {
              return attrs.toBuilder().set(Grpc.TRANSPORT_ATTR_REMOTE_ADDR, remote).build();
            }
          });
      server = new MillstoneServer(builder, platform, null);
      try {
        server.start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      channel = InProcessChannelBuilder.forName(name).build();
    }

    LoginResponse login(String username, String password) {
      return AuthServiceGrpc.newBlockingStub(channel)
          .login(LoginRequest.newBuilder().setUsername(username).setPassword(password).build());
    }

    @Override
    public void close() {
      channel.shutdownNow();
      try {
        channel.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      server.stop();
    }
  }
}
