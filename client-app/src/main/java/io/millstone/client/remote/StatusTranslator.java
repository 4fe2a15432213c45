package io.millstone.client.remote;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.millstone.client.remote.RemoteException.Kind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a failed call's status, ErrorInfo and BadRequest details into a {@link RemoteException}.
 */
final class StatusTranslator {
  private StatusTranslator() {}

  static RemoteException translate(StatusRuntimeException e, boolean signingIn) {
    Status status = e.getStatus();
    String message = status.getDescription() == null ? "" : status.getDescription();
    String reason = "";
    Map<String, String> violations = new LinkedHashMap<>();
    com.google.rpc.Status rich = StatusProto.fromThrowable(e);
    if (rich != null) {
      message = rich.getMessage().isEmpty() ? message : rich.getMessage();
      for (Any detail : rich.getDetailsList()) {
        try {
          if (detail.is(ErrorInfo.class)) {
            reason = detail.unpack(ErrorInfo.class).getReason();
          } else if (detail.is(BadRequest.class)) {
            for (BadRequest.FieldViolation v :
                detail.unpack(BadRequest.class).getFieldViolationsList()) {
              violations.merge(v.getField(), v.getDescription(), (a, b) -> a + " " + b);
            }
          }
        } catch (InvalidProtocolBufferException ignored) {
          // A detail we cannot read only loses precision; the status message still stands.
        }
      }
    }
    Kind kind =
        switch (status.getCode()) {
          case UNAUTHENTICATED -> signingIn ? Kind.WRONG_CREDENTIALS : Kind.SESSION_ENDED;
          case RESOURCE_EXHAUSTED ->
              "ACCOUNT_LOCKED".equals(reason) ? Kind.ACCOUNT_LOCKED : Kind.RATE_LIMITED;
          case UNAVAILABLE -> Kind.UNAVAILABLE;
          case INVALID_ARGUMENT -> Kind.INVALID_INPUT;
          case ABORTED -> Kind.CONFLICT;
          case PERMISSION_DENIED -> Kind.PERMISSION_DENIED;
          case NOT_FOUND -> Kind.NOT_FOUND;
          case FAILED_PRECONDITION -> Kind.BUSINESS_RULE;
          case DEADLINE_EXCEEDED -> Kind.DEADLINE;
          default -> Kind.OTHER;
        };
    if (kind == Kind.UNAVAILABLE && isCertificateProblem(e)) {
      kind = Kind.CERTIFICATE_CHANGED;
    }
    return new RemoteException(kind, message, reason, violations);
  }

  private static boolean isCertificateProblem(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof javax.net.ssl.SSLException
          || c instanceof java.security.cert.CertificateException) {
        return true;
      }
    }
    return false;
  }
}
