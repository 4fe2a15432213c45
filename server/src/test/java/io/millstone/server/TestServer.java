package io.millstone.server;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.millstone.api.identity.v1.AuthServiceGrpc;
import io.millstone.api.identity.v1.LoginRequest;
import io.millstone.api.identity.v1.LoginResponse;
import io.millstone.server.identity.CompanyView;
import io.millstone.server.identity.model.CompanySettings;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real server on the shared test stores, reached in-process through the whole gateway, with
 * helpers to set up companies and users the way an administrator would.
 */
public final class TestServer implements AutoCloseable {
  public static final String PASSWORD = "correct horse battery";
  private static final AtomicInteger SEQ = new AtomicInteger();

  private final MillstoneServer server;
  private final ManagedChannel channel;
  private final String name;
  private final String prefix;

  public TestServer() {
    this(TestPlatform.get());
  }

  public TestServer(Platform platform) {
    name = "test-" + UUID.randomUUID();
    server = new MillstoneServer(InProcessServerBuilder.forName(name), platform, null);
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    channel = InProcessChannelBuilder.forName(name).build();
    prefix =
        "t"
            + Integer.toString(SEQ.incrementAndGet(), 36)
            + UUID.randomUUID().toString().substring(0, 6);
  }

  public MillstoneServer server() {
    return server;
  }

  public ManagedChannel channel() {
    return channel;
  }

  /** Another connection to the same server; the caller shuts it down. */
  public ManagedChannel newChannel() {
    return InProcessChannelBuilder.forName(name).build();
  }

  /**
   * A username unique to this test run and deterministic within it: the same base gives the same
   * name, so a test can refer to a user it created by base name.
   */
  public String unique(String base) {
    return (base + "." + prefix).toLowerCase();
  }

  /** A fresh username every call. */
  public String fresh(String base) {
    return unique(base + Integer.toString(SEQ.incrementAndGet(), 36));
  }

  public CompanyView createCompany(String name) {
    return server.companyAdmin().create(CompanySettings.defaults(name), "test");
  }

  /** Creates a user in the company directly through the service, as the admin command does. */
  public String createUser(UUID company, String username, String... roles) {
    server
        .userAdmin()
        .create(
            Actor.system(company, "test"),
            null,
            username,
            "User " + username,
            PASSWORD,
            List.of(roles));
    return username;
  }

  public LoginResponse login(String username, String password) {
    return AuthServiceGrpc.newBlockingStub(channel)
        .login(LoginRequest.newBuilder().setUsername(username).setPassword(password).build());
  }

  /** A stub that sends the session token of {@code username}, signed in with the test password. */
  public <S extends AbstractStub<S>> S as(String username, S stub) {
    return withToken(login(username, PASSWORD).getSessionToken(), stub);
  }

  public static <S extends AbstractStub<S>> S withToken(String token, S stub) {
    Metadata md = new Metadata();
    md.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(md));
  }

  /** The error a call fails with; the test fails if the call succeeds. */
  public static StatusRuntimeException failure(Runnable call) {
    try {
      call.run();
    } catch (StatusRuntimeException e) {
      return e;
    }
    throw new AssertionError("the call succeeded but should have failed");
  }

  public static Status.Code codeOf(Runnable call) {
    try {
      call.run();
      return Status.Code.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode();
    }
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
