package io.millstone.server.gateway;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.millstone.server.identity.Session;

/** Lets a call through only if the session's roles grant the method's declared permission. */
final class AuthorizationInterceptor implements ServerInterceptor {
  /** What a session signed in with a one-time password may call before changing it. */
  private static final java.util.Set<String> PASSWORD_CHANGE_ONLY =
      java.util.Set.of(
          "millstone.identity.v1.AuthService/ChangePassword",
          "millstone.identity.v1.AuthService/Logout");

  private final MethodRules rules;

  AuthorizationInterceptor(MethodRules rules) {
    this.rules = rules;
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    MethodRules.Rule rule = rules.ruleFor(call.getMethodDescriptor().getFullMethodName());
    switch (rule) {
      case MethodRules.Public p -> {
        return next.startCall(call, headers);
      }
      case MethodRules.Requires r -> {
        Session s = GatewayContext.SESSION.get();
        String method = call.getMethodDescriptor().getFullMethodName();
        if (s != null && s.mustChangePassword() && !PASSWORD_CHANGE_ONLY.contains(method)) {
          return Interceptors.refuse(
              call,
              StatusMapper.simple(
                  Status.Code.FAILED_PRECONDITION,
                  "PASSWORD_CHANGE_REQUIRED",
                  "You signed in with a one-time password; change your password first.",
                  headers));
        }
        if (s != null
            && (r.permission().equals(MethodRules.AUTHENTICATED)
                ? s.kind() == Session.Kind.PERSON
                : s.permissions().contains(r.permission()))) {
          return next.startCall(call, headers);
        }
        return Interceptors.refuse(
            call,
            StatusMapper.simple(
                Status.Code.PERMISSION_DENIED,
                "MISSING_PERMISSION",
                "You do not have the permission '"
                    + r.permission()
                    + "' in this company; ask an administrator to give you a role that grants it.",
                headers,
                r.permission()));
      }
      case MethodRules.Denied d -> {
        return Interceptors.refuse(
            call,
            StatusMapper.simple(
                Status.Code.PERMISSION_DENIED,
                "METHOD_NOT_ALLOWED",
                "This operation is not open to anyone on this server.",
                headers));
      }
    }
  }
}
