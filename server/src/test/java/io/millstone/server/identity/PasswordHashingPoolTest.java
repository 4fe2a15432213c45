package io.millstone.server.identity;

import static io.millstone.server.TestServer.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.millstone.server.TestPlatform;
import io.millstone.server.TestServer;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Password hashes are computed on a bounded pool: when it is full, a sign-in is told to try again
 * at once instead of piling up threads and memory.
 */
class PasswordHashingPoolTest {

  @Test
  void aSignInWhileTheHashingPoolIsFullIsToldToTryAgainInAMoment() throws Exception {
    var tight =
        TestPlatform.get().config().toBuilder().passwordHashThreads(1).passwordHashQueue(1).build();
    try (TestServer t = new TestServer(TestPlatform.get().sharing(tight))) {
      UUID mill = t.createCompany("Busy Sign-in Mill").id();
      String user = t.createUser(mill, t.unique("rush"), "sales");
      PasswordHasher hasher = t.server().passwordHasher();
      CountDownLatch running = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      // One hash on the only thread, one waiting in the only queue place.
      Future<Object> busy =
          hasher.submit(
              () -> {
                running.countDown();
                release.await();
                return null;
              });
      running.await();
      Future<Object> waiting = hasher.submit(() -> null);

      StatusRuntimeException refused = TestServer.failure(() -> t.login(user, PASSWORD));

      release.countDown();
      busy.get();
      waiting.get();
      assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
      assertThat(refused.getStatus().getDescription())
          .isEqualTo("Too many sign-ins at once; try again in a moment.");
      assertThat(t.login(user, PASSWORD).getUser().getUsername()).isEqualTo(user);
    }
  }
}
