package io.millstone.server.gateway;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.millstone.server.identity.Session;
import io.millstone.server.identity.SessionStore;
import java.util.Optional;

/**
 * Resolves the bearer token to a session. Every method but the public ones needs one; the session
 * (with its company) comes from the server's store, never from what the client says.
 */
final class AuthenticationInterceptor implements ServerInterceptor {
  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final MethodRules rules;
  private final SessionStore sessions;

  AuthenticationInterceptor(MethodRules rules, SessionStore sessions) {
    this.rules = rules;
    this.sessions = sessions;
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    if (rules.ruleFor(call.getMethodDescriptor().getFullMethodName())
        instanceof MethodRules.Public) {
      return next.startCall(call, headers);
    }
    String header = headers.get(AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Interceptors.refuse(
          call,
          StatusMapper.simple(
              Status.Code.UNAUTHENTICATED,
              "NOT_SIGNED_IN",
              "Sign in first: this call needs a session."));
    }
    Optional<Session> session;
    try {
      session = sessions.lookup(header.substring(7).trim());
    } catch (RuntimeException e) {
      return Interceptors.refuse(
          call,
          StatusMapper.simple(
              Status.Code.UNAVAILABLE,
              "SESSION_STORE_UNAVAILABLE",
              "The server cannot check your session right now; try again shortly."));
    }
    if (session.isEmpty()) {
      return Interceptors.refuse(
          call,
          StatusMapper.simple(
              Status.Code.UNAUTHENTICATED,
              "SESSION_ENDED",
              "Your session has ended (signed out, expired or replaced); sign in again."));
    }
    Context ctx = Context.current().withValue(GatewayContext.SESSION, session.get());
    return Contexts.interceptCall(ctx, call, headers, next);
  }
}
