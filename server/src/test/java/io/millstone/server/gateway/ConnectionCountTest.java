package io.millstone.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.millstone.api.identity.v1.AuthServiceGrpc;
import io.millstone.api.identity.v1.LoginRequest;
import io.millstone.server.TestServer;
import io.millstone.server.platform.NodeHeartbeat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What {@code millstone-server status} reports as "Clients": connections of people's programs, not
 * the probes that ask whether the port answers (status itself makes one each time it runs). Each
 * test has a node of its own, so no other test's connection closing later moves its count.
 */
class ConnectionCountTest {

  @Test
  void aConnectionThatOnlyChecksHealthIsNotCountedAsAClient() throws Exception {
    try (TestServer ts = new TestServer()) {
      ManagedChannel probe = ts.newChannel();
      try {
        HealthGrpc.newBlockingStub(probe).check(HealthCheckRequest.getDefaultInstance());
        assertThat(ts.server().connectionCounts()).isEqualTo(new NodeHeartbeat.Counts(0, 0));
      } finally {
        probe.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aConnectionThatCallsMillstoneIsOneClientHoweverManyCallsItMakes() throws Exception {
    try (TestServer ts = new TestServer()) {
      ManagedChannel client = ts.newChannel();
      try {
        for (int i = 0; i < 3; i++) {
          try {
            AuthServiceGrpc.newBlockingStub(client)
                .login(
                    LoginRequest.newBuilder()
                        .setUsername(ts.unique("nobody"))
                        .setPassword("wrong password")
                        .build());
          } catch (StatusRuntimeException refused) {
            // A refused sign-in still comes from a client.
          }
        }
        assertThat(ts.server().connectionCounts()).isEqualTo(new NodeHeartbeat.Counts(1, 0));
      } finally {
        client.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }
}
