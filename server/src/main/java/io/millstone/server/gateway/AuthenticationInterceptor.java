package io.millstone.server.gateway;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.millstone.server.identity.Session;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the credentials (a person's bearer token, an agent's device secret) to a session. Every
 * method but the public ones needs one; the session (with its company) comes from the server's
 * store, never from what the client says.
 */
final class AuthenticationInterceptor implements ServerInterceptor {
  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final MethodRules rules;
  private final List<Authenticator> authenticators;

  AuthenticationInterceptor(MethodRules rules, List<Authenticator> authenticators) {
    this.rules = rules;
    this.authenticators = List.copyOf(authenticators);
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    if (rules.ruleFor(call.getMethodDescriptor().getFullMethodName())
        instanceof MethodRules.Public) {
      return next.startCall(call, headers);
    }
    String header = headers.get(AUTHORIZATION);
    Authenticator authenticator = null;
    int space = header == null ? -1 : header.indexOf(' ');
    if (space > 0) {
      String scheme = header.substring(0, space);
      for (Authenticator candidate : authenticators) {
        if (candidate.scheme().equalsIgnoreCase(scheme)) {
          authenticator = candidate;
        }
      }
    }
    if (authenticator == null) {
      return Interceptors.refuse(
          call,
          StatusMapper.simple(
              Status.Code.UNAUTHENTICATED,
              "NOT_SIGNED_IN",
              "Sign in first: this call needs a session.",
              headers));
    }
    Optional<Session> session;
    try {
      session = authenticator.authenticate(header.substring(space + 1).trim());
    } catch (RuntimeException e) {
      return Interceptors.refuse(
          call,
          StatusMapper.simple(
              Status.Code.UNAVAILABLE,
              "SESSION_STORE_UNAVAILABLE",
              "The server cannot check your session right now; try again shortly.",
              headers));
    }
    if (session.isEmpty()) {
      return Interceptors.refuse(
          call,
          StatusMapper.simple(
              Status.Code.UNAUTHENTICATED,
              "SESSION_ENDED",
              "Your session has ended (signed out, expired or replaced); sign in again.",
              headers));
    }
    Context ctx = Context.current().withValue(GatewayContext.SESSION, session.get());
    return Contexts.interceptCall(ctx, call, headers, next);
  }
}
