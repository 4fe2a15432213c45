package io.millstone.server.gateway;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import io.millstone.server.platform.error.ErrorMessages;
import java.util.Locale;

/**
 * Catches what a service throws and closes the call with the mapped status, once, its message in
 * the language the call's {@code accept-language} header asks for (English without one).
 */
final class ErrorMappingInterceptor implements ServerInterceptor {
  static final Metadata.Key<String> ACCEPT_LANGUAGE =
      Metadata.Key.of("accept-language", Metadata.ASCII_STRING_MARSHALLER);

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    Locale locale = ErrorMessages.fromHeader(headers.get(ACCEPT_LANGUAGE));
    ServerCall.Listener<ReqT> delegate;
    try {
      delegate = next.startCall(call, headers);
    } catch (RuntimeException e) {
      StatusRuntimeException sre =
          StatusMapper.toStatus(
              e,
              GatewayContext.requestId(),
              call.getMethodDescriptor().getFullMethodName(),
              locale);
      return Interceptors.refuse(call, sre);
    }
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
      private boolean closed;

      private void fail(RuntimeException e) {
        if (closed) {
          return;
        }
        closed = true;
        StatusRuntimeException sre =
            StatusMapper.toStatus(
                e,
                GatewayContext.requestId(),
                call.getMethodDescriptor().getFullMethodName(),
                locale);
        call.close(sre.getStatus(), StatusMapper.trailersOf(sre));
      }

      @Override
      public void onMessage(ReqT message) {
        try {
          super.onMessage(message);
        } catch (RuntimeException e) {
          fail(e);
        }
      }

      @Override
      public void onHalfClose() {
        try {
          super.onHalfClose();
        } catch (RuntimeException e) {
          fail(e);
        }
      }

      @Override
      public void onReady() {
        try {
          super.onReady();
        } catch (RuntimeException e) {
          fail(e);
        }
      }
    };
  }
}
