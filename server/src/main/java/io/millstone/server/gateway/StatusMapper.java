package io.millstone.server.gateway;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RequestInfo;
import com.google.rpc.RetryInfo;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.millstone.server.platform.error.AccessDeniedException;
import io.millstone.server.platform.error.AuthenticationException;
import io.millstone.server.platform.error.BusinessRuleException;
import io.millstone.server.platform.error.ConflictException;
import io.millstone.server.platform.error.ErrorMessages;
import io.millstone.server.platform.error.FieldViolation;
import io.millstone.server.platform.error.InvalidInputException;
import io.millstone.server.platform.error.MillstoneException;
import io.millstone.server.platform.error.NotFoundException;
import io.millstone.server.platform.error.TooManyRequestsException;
import io.millstone.server.platform.error.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns exceptions into gRPC statuses a person can act on. Business errors carry their message and
 * a machine-readable {@code ErrorInfo}; bad input also carries {@code BadRequest} field violations.
 * Anything unexpected becomes INTERNAL with only the request id, so nothing internal leaks to the
 * client; the details go to the server log.
 */
final class StatusMapper {
  private static final Logger log = LoggerFactory.getLogger(StatusMapper.class);
  static final String DOMAIN = "millstone.io";

  private StatusMapper() {}

  static StatusRuntimeException toStatus(Throwable t, String requestId, String method) {
    return toStatus(t, requestId, method, ErrorMessages.ENGLISH);
  }

  /**
   * The status for {@code t}, its message and field violations in {@code locale} where the server's
   * message bundles have them ({@link ErrorMessages}); the reason stays the message id.
   */
  static StatusRuntimeException toStatus(
      Throwable t, String requestId, String method, java.util.Locale locale) {
    if (t instanceof StatusRuntimeException sre) {
      return sre;
    }
    if (t instanceof MillstoneException me) {
      Code code = codeOf(me);
      com.google.rpc.Status.Builder st =
          com.google.rpc.Status.newBuilder()
              .setCode(code.getNumber())
              .setMessage(
                  me instanceof InvalidInputException iie
                      ? iie.violations().stream()
                          .map(v -> v.field() + ": " + ErrorMessages.description(v, me, locale))
                          .collect(java.util.stream.Collectors.joining("; "))
                      : ErrorMessages.message(me, locale))
              .addDetails(
                  Any.pack(
                      ErrorInfo.newBuilder()
                          .setReason(me.messageId().toUpperCase(java.util.Locale.ROOT))
                          .setDomain(DOMAIN)
                          .build()));
      if (me instanceof InvalidInputException iie) {
        BadRequest.Builder br = BadRequest.newBuilder();
        for (FieldViolation v : iie.violations()) {
          br.addFieldViolations(
              BadRequest.FieldViolation.newBuilder()
                  .setField(v.field())
                  .setDescription(ErrorMessages.description(v, me, locale)));
        }
        st.addDetails(Any.pack(br.build()));
      }
      if (me instanceof TooManyRequestsException tm && tm.retryAfter() != null) {
        st.addDetails(
            Any.pack(
                RetryInfo.newBuilder()
                    .setRetryDelay(
                        com.google.protobuf.Duration.newBuilder()
                            .setSeconds(tm.retryAfter().toSeconds()))
                    .build()));
      }
      if (me instanceof UnavailableException && me.getCause() != null) {
        log.warn("{} {} unavailable: {}", requestId, method, me.getCause().toString());
      }
      return StatusProto.toStatusRuntimeException(st.build());
    }
    if (t instanceof redis.clients.jedis.exceptions.JedisConnectionException) {
      log.warn("{} {} Redis unavailable: {}", requestId, method, t.toString());
      return simple(
          Status.Code.UNAVAILABLE,
          "SESSION_STORE_UNAVAILABLE",
          "The server cannot reach its session store right now; try again shortly.");
    }
    log.error("{} {} failed unexpectedly", requestId, method, t);
    com.google.rpc.Status st =
        com.google.rpc.Status.newBuilder()
            .setCode(Code.INTERNAL_VALUE)
            .setMessage(
                "Something went wrong on the server (request "
                    + requestId
                    + "). Nothing was saved. Try again; if it keeps happening, tell your"
                    + " administrator the request number.")
            .addDetails(Any.pack(RequestInfo.newBuilder().setRequestId(requestId).build()))
            .build();
    return StatusProto.toStatusRuntimeException(st);
  }

  /** Builds a simple status with the same detail layout as mapped exceptions. */
  /**
   * A refusal of the gateway's own, in the language the call asked for: the bundles know it by its
   * reason in lower case ({@link ErrorMessages}).
   */
  static StatusRuntimeException simple(
      Status.Code code, String reason, String message, Metadata headers, Object... args) {
    String language = headers == null ? null : headers.get(ErrorMappingInterceptor.ACCEPT_LANGUAGE);
    return simple(
        code,
        reason,
        ErrorMessages.sentence(
            reason.toLowerCase(java.util.Locale.ROOT),
            ErrorMessages.fromHeader(language),
            message,
            args));
  }

  static StatusRuntimeException simple(Status.Code code, String reason, String message) {
    com.google.rpc.Status st =
        com.google.rpc.Status.newBuilder()
            .setCode(code.value())
            .setMessage(message)
            .addDetails(
                Any.pack(ErrorInfo.newBuilder().setReason(reason).setDomain(DOMAIN).build()))
            .build();
    return StatusProto.toStatusRuntimeException(st);
  }

  static Metadata trailersOf(StatusRuntimeException e) {
    Metadata m = e.getTrailers();
    return m == null ? new Metadata() : m;
  }

  private static Code codeOf(MillstoneException e) {
    if (e instanceof InvalidInputException) {
      return Code.INVALID_ARGUMENT;
    } else if (e instanceof BusinessRuleException) {
      return Code.FAILED_PRECONDITION;
    } else if (e instanceof NotFoundException) {
      return Code.NOT_FOUND;
    } else if (e instanceof ConflictException) {
      return Code.ABORTED;
    } else if (e instanceof AccessDeniedException) {
      return Code.PERMISSION_DENIED;
    } else if (e instanceof AuthenticationException) {
      return Code.UNAUTHENTICATED;
    } else if (e instanceof TooManyRequestsException) {
      return Code.RESOURCE_EXHAUSTED;
    } else if (e instanceof UnavailableException) {
      return Code.UNAVAILABLE;
    }
    return Code.INTERNAL;
  }
}
