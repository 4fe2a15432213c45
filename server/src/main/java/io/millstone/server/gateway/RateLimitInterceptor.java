package io.millstone.server.gateway;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.millstone.server.identity.Session;

/**
 * Refuses calls over the per-address limit (placed before authentication, so floods of bad tokens
 * are cut early) or over the per-user limit (placed after it).
 */
final class RateLimitInterceptor implements ServerInterceptor {
  enum Scope {
    ADDRESS,
    USER
  }

  private final RateLimiter limiter;
  private final Scope scope;
  private final int limitPerSecond;

  RateLimitInterceptor(RateLimiter limiter, Scope scope, int limitPerSecond) {
    this.limiter = limiter;
    this.scope = scope;
    this.limitPerSecond = limitPerSecond;
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    String key;
    if (scope == Scope.ADDRESS) {
      key = "a:" + GatewayContext.clientAddress();
    } else {
      Session s = GatewayContext.SESSION.get();
      if (s == null) {
        return next.startCall(call, headers);
      }
      key = "u:" + s.userId();
    }
    if (limiter.tryAcquire(key, limitPerSecond)) {
      return next.startCall(call, headers);
    }
    return Interceptors.refuse(
        call,
        StatusMapper.simple(
            Status.Code.RESOURCE_EXHAUSTED,
            scope == Scope.ADDRESS ? "ADDRESS_RATE_LIMITED" : "USER_RATE_LIMITED",
            "Too many requests "
                + (scope == Scope.ADDRESS ? "from your computer" : "for your account")
                + " in the last second; slow down and try again.",
            headers));
  }
}
