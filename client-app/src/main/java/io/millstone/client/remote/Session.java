package io.millstone.client.remote;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.stub.AbstractStub;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A signed-in session: who, in which company, allowed to do what, and the token (kept in memory
 * only) that every call carries as {@code authorization: Bearer}.
 */
public final class Session implements AutoCloseable {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final Connection connection;
  private final String token;
  private final String username;
  private final String displayName;
  private final String companyName;
  private final Set<String> permissions;
  private final String serverVersion;
  private final ClientInterceptor bearer;
  private volatile String currencyCode = "BDT";
  private volatile boolean mustChangePassword;
  private volatile io.millstone.client.core.Notation notation =
      io.millstone.client.core.Notation.DEFAULT;

  Session(
      Connection connection,
      String token,
      String username,
      String displayName,
      String companyName,
      Set<String> permissions,
      String serverVersion) {
    this.connection = connection;
    this.token = token;
    this.username = username;
    this.displayName = displayName;
    this.companyName = companyName;
    this.permissions = Set.copyOf(permissions);
    this.serverVersion = serverVersion;
    this.bearer = new BearerInterceptor(token);
  }

  public Connection connection() {
    return connection;
  }

  public String username() {
    return username;
  }

  public String displayName() {
    return displayName;
  }

  public String companyName() {
    return companyName;
  }

  public Set<String> permissions() {
    return permissions;
  }

  public boolean can(String permission) {
    return permissions.contains(permission);
  }

  /**
   * Signed in with a one-time password: the server allows nothing but changing it, so the client
   * asks for a new one before the shell.
   */
  public boolean mustChangePassword() {
    return mustChangePassword;
  }

  void setMustChangePassword(boolean value) {
    this.mustChangePassword = value;
  }

  /** The password was changed: the session may work. */
  void passwordChanged() {
    this.mustChangePassword = false;
  }

  /** The company's currency, used for money entered in forms. */
  public String currencyCode() {
    return currencyCode;
  }

  void setCurrencyCode(String code) {
    if (code != null && !code.isBlank()) {
      this.currencyCode = code;
    }
  }

  /** How the company writes amounts, dates and times, as read at sign-in (Latin digits). */
  public io.millstone.client.core.Notation notation() {
    return notation;
  }

  void setNotation(io.millstone.client.core.Notation n) {
    this.notation = n;
  }

  public String serverVersion() {
    return serverVersion;
  }

  /** A stub that sends this session's token, with a deadline so no call hangs the work forever. */
  <S extends AbstractStub<S>> S stub(S stub) {
    return stub.withInterceptors(bearer).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  /** Signs out on the server (best effort) and closes the connection. */
  @Override
  public void close() {
    try {
      stub(io.millstone.api.identity.v1.AuthServiceGrpc.newBlockingStub(connection.channel()))
          .withDeadlineAfter(3, TimeUnit.SECONDS)
          .logout(io.millstone.api.identity.v1.LogoutRequest.getDefaultInstance());
    } catch (RuntimeException ignored) {
      // The server may be gone; the token dies with its idle timeout anyway.
    }
    connection.close();
  }

  @Override
  public String toString() {
    // Never print the token.
    return "Session[" + username + "@" + connection.address() + "]";
  }

  private static final class BearerInterceptor implements ClientInterceptor {
    private final String value;

    BearerInterceptor(String token) {
      this.value = "Bearer " + token;
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(
        MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
      return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
        @Override
        public void start(Listener<R> listener, Metadata headers) {
          headers.put(AUTHORIZATION, value);
          super.start(listener, headers);
        }
      };
    }
  }
}
