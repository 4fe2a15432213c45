package io.millstone.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.millstone.api.identity.v1.AuthServiceGrpc;
import io.millstone.api.identity.v1.WhoAmIRequest;
import io.millstone.server.TestPlatform;
import io.millstone.server.TestServer;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A user who calls faster than the limit is told to slow down; others are not affected. */
class RateLimitTest {

  @Test
  void callsOverTheUserLimitAreRefusedWithResourceExhausted() {
    var tight = TestPlatform.get().config().toBuilder().userCallsPerSecond(5).build();
    try (TestServer t = new TestServer(TestPlatform.get().sharing(tight))) {
      var company = t.createCompany("Busy Mill").id();
      String hasty = t.createUser(company, t.unique("hasty"));
      String calm = t.createUser(company, t.unique("calm"));
      var hastyStub = t.as(hasty, AuthServiceGrpc.newBlockingStub(t.channel()));
      var calmStub = t.as(calm, AuthServiceGrpc.newBlockingStub(t.channel()));

      Map<Status.Code, Integer> outcomes = new EnumMap<>(Status.Code.class);
      for (int i = 0; i < 30; i++) {
        outcomes.merge(
            TestServer.codeOf(() -> hastyStub.whoAmI(WhoAmIRequest.getDefaultInstance())),
            1,
            Integer::sum);
      }

      assertThat(outcomes.get(Status.Code.RESOURCE_EXHAUSTED)).isGreaterThanOrEqualTo(10);
      assertThat(outcomes.get(Status.Code.OK)).isBetween(1, 20);
      assertThat(TestServer.codeOf(() -> calmStub.whoAmI(WhoAmIRequest.getDefaultInstance())))
          .isEqualTo(Status.Code.OK);
    }
  }
}
