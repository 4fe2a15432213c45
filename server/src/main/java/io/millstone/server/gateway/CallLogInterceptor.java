package io.millstone.server.gateway;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.millstone.server.identity.Session;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outermost step: gives every call a request id (returned to the client in the {@code
 * x-request-id} header and used in the audit trail and logs) and writes one access-log line when
 * the call ends. The log names the method, status, duration and user; never a token, password or
 * message body.
 */
final class CallLogInterceptor implements ServerInterceptor {
  static final Metadata.Key<String> REQUEST_ID_HEADER =
      Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);
  private static final Logger access = LoggerFactory.getLogger("millstone.access");

  private final String nodePrefix =
      Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36), 36);
  private final AtomicLong counter = new AtomicLong();

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    String requestId = nodePrefix + "-" + Long.toString(counter.incrementAndGet(), 36);
    String address = addressOf(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
    long start = System.nanoTime();
    Context ctx =
        Context.current()
            .withValue(GatewayContext.REQUEST_ID, requestId)
            .withValue(GatewayContext.CLIENT_ADDRESS, address);
    ServerCall<ReqT, RespT> logged =
        new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
          private Session session;
          private boolean headersSent;

          @Override
          public void sendHeaders(Metadata responseHeaders) {
            headersSent = true;
            responseHeaders.put(REQUEST_ID_HEADER, requestId);
            session = GatewayContext.SESSION.get();
            super.sendHeaders(responseHeaders);
          }

          @Override
          public void close(Status status, Metadata trailers) {
            if (access.isInfoEnabled()) {
              Session s = session != null ? session : GatewayContext.SESSION.get();
              access.info(
                  "{} {} {} {} {}us user={} company={}",
                  requestId,
                  address,
                  call.getMethodDescriptor().getFullMethodName(),
                  status.getCode(),
                  (System.nanoTime() - start) / 1000,
                  s == null ? "-" : s.username(),
                  s == null ? "-" : s.companyId());
            }
            if (!headersSent) {
              // A call refused before any response still tells the client its request id.
              trailers.put(REQUEST_ID_HEADER, requestId);
            }
            super.close(status, trailers);
          }
        };
    return Contexts.interceptCall(ctx, logged, headers, next);
  }

  static String addressOf(SocketAddress a) {
    if (a instanceof InetSocketAddress inet) {
      return inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
    }
    return a == null ? "unknown" : a.toString();
  }
}
