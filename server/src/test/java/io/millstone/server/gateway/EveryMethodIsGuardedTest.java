package io.millstone.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ClientCalls;
import io.millstone.server.MillstoneServer;
import io.millstone.server.TestPlatform;
import io.millstone.server.TestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks the server's own service registry, so a method added later is covered without editing this
 * test: without a session every non-public method answers UNAUTHENTICATED, and a signed-in user
 * without roles is refused every method that needs a permission.
 */
class EveryMethodIsGuardedTest {
  static TestServer t;
  static String noRoles;

  @BeforeAll
  static void start() {
    t = new TestServer();
    UUID company = t.createCompany("Guarded Mill").id();
    noRoles = t.createUser(company, t.unique("noroles"));
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @Test
  void withoutASessionOnlyPublicMethodsAnswer() {
    List<String> checked = new ArrayList<>();
    for (ServerMethodDefinition<?, ?> m : methods(t.server())) {
      String name = m.getMethodDescriptor().getFullMethodName();
      MethodRules.Rule rule = t.server().methodRules().ruleFor(name);
      if (rule instanceof MethodRules.Public) {
        continue;
      }
      assertThat(call(t.channel(), m, null)).as(name).isEqualTo(Status.Code.UNAUTHENTICATED);
      checked.add(name);
    }
    assertThat(checked).contains("millstone.identity.v1.UserService/CreateUser");
    assertThat(checked).hasSizeGreaterThanOrEqualTo(11);
  }

  @Test
  void theOnlyPublicMethodsAreLoginEnrolmentHealthAndReflection() {
    List<String> publicMethods =
        methods(t.server()).stream()
            .map(m -> m.getMethodDescriptor().getFullMethodName())
            .filter(n -> t.server().methodRules().ruleFor(n) instanceof MethodRules.Public)
            .toList();
    assertThat(publicMethods)
        .allMatch(
            n ->
                n.equals("millstone.identity.v1.AuthService/Login")
                    || n.equals("millstone.telemetry.v1.EnrollmentService/Enroll")
                    || n.startsWith("grpc.health.v1.Health/")
                    || n.startsWith("grpc.reflection."));
  }

  @Test
  void everyMillstoneMethodDeclaresWhatItNeeds() {
    for (ServerMethodDefinition<?, ?> m : methods(t.server())) {
      String name = m.getMethodDescriptor().getFullMethodName();
      if (name.startsWith("millstone.")) {
        assertThat(t.server().methodRules().ruleFor(name))
            .as(name)
            .isNotInstanceOf(MethodRules.Denied.class);
      }
    }
  }

  @Test
  void aUserWithoutRolesIsRefusedEveryMethodThatNeedsAPermission() {
    int refused = 0;
    for (ServerMethodDefinition<?, ?> m : methods(t.server())) {
      String name = m.getMethodDescriptor().getFullMethodName();
      if (!(t.server().methodRules().ruleFor(name) instanceof MethodRules.Requires r)) {
        continue;
      }
      // A fresh session per method: Logout would end a shared one.
      String token = t.login(noRoles, TestServer.PASSWORD).getSessionToken();
      Status.Code code = call(t.channel(), m, token);
      if (r.permission().equals(MethodRules.AUTHENTICATED)) {
        assertThat(code)
            .as(name)
            .isNotIn(Status.Code.PERMISSION_DENIED, Status.Code.UNAUTHENTICATED);
      } else {
        assertThat(code).as(name).isEqualTo(Status.Code.PERMISSION_DENIED);
        refused++;
      }
    }
    assertThat(refused).isGreaterThanOrEqualTo(8);
  }

  @Test
  void aMethodThatDeclaresNothingCannotBeCalledBySignedInAdmins() throws Exception {
    MethodDescriptor<byte[], byte[]> undeclared =
        MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName("test.Undeclared/Call")
            .setRequestMarshaller(new Bytes())
            .setResponseMarshaller(new Bytes())
            .build();
    ServerServiceDefinition extra =
        ServerServiceDefinition.builder("test.Undeclared")
            .addMethod(
                undeclared,
                io.grpc.stub.ServerCalls.asyncUnaryCall(
                    (req, out) -> {
                      out.onNext(new byte[] {1});
                      out.onCompleted();
                    }))
            .build();
    String name = "undeclared-" + UUID.randomUUID();
    MillstoneServer s =
        new MillstoneServer(
            InProcessServerBuilder.forName(name).addService(extra), TestPlatform.get(), null);
    s.start();
    ManagedChannel ch = InProcessChannelBuilder.forName(name).build();
    try {
      var company =
          s.companyAdmin()
              .create(
                  io.millstone.server.identity.model.CompanySettings.defaults("Undeclared Mill"),
                  "test");
      String admin = t.unique("undeclared.admin");
      s.userAdmin()
          .create(
              io.millstone.server.platform.Actor.system(company.id(), "test"),
              null,
              admin,
              "Admin",
              TestServer.PASSWORD,
              List.of("admin"));
      String token =
          io.millstone.api.identity.v1.AuthServiceGrpc.newBlockingStub(ch)
              .login(
                  io.millstone.api.identity.v1.LoginRequest.newBuilder()
                      .setUsername(admin)
                      .setPassword(TestServer.PASSWORD)
                      .build())
              .getSessionToken();
      ServerMethodDefinition<?, ?> def = extra.getMethod("test.Undeclared/Call");
      assertThat(call(ch, def, null)).isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(call(ch, def, token)).isEqualTo(Status.Code.PERMISSION_DENIED);
    } finally {
      ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      s.stop();
    }
  }

  private static List<ServerMethodDefinition<?, ?>> methods(MillstoneServer s) {
    List<ServerMethodDefinition<?, ?>> out = new ArrayList<>();
    s.services().forEach(d -> out.addAll(d.getMethods()));
    return out;
  }

  /** Calls a method with an empty request, as raw bytes, and returns the status code. */
  private static Status.Code call(Channel ch, ServerMethodDefinition<?, ?> m, String token) {
    MethodDescriptor<byte[], byte[]> raw =
        m.getMethodDescriptor().toBuilder(new Bytes(), new Bytes()).build();
    Channel target = ch;
    if (token != null) {
      target =
          io.grpc.ClientInterceptors.intercept(
              ch, io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(bearer(token)));
    }
    try {
      if (raw.getType() == MethodDescriptor.MethodType.UNARY) {
        ClientCalls.blockingUnaryCall(
            target, raw, CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), new byte[0]);
      } else {
        var it =
            ClientCalls.blockingServerStreamingCall(
                target,
                raw,
                CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS),
                new byte[0]);
        it.hasNext();
      }
      return Status.Code.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode();
    }
  }

  private static io.grpc.Metadata bearer(String token) {
    io.grpc.Metadata md = new io.grpc.Metadata();
    md.put(
        io.grpc.Metadata.Key.of("authorization", io.grpc.Metadata.ASCII_STRING_MARSHALLER),
        "Bearer " + token);
    return md;
  }

  private static final class Bytes implements MethodDescriptor.Marshaller<byte[]> {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
