package io.millstone.server.gateway;

import io.grpc.Attributes;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerTransportFilter;
import io.millstone.api.telemetry.v1.EnrollmentServiceGrpc;
import io.millstone.api.telemetry.v1.UplinkServiceGrpc;
import io.millstone.server.platform.NodeHeartbeat;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the node's connected clients and its open (authenticated) agent uplink streams, for the
 * heartbeat that {@code status} reads.
 *
 * <p>A client is a connection that has called a Millstone service other than the agents' own
 * (enrolment and uplink). A connection that only asked for gRPC health or reflection — such as
 * {@code status} itself probing the port — is not a client, and neither is one still in its
 * handshake: counting raw connections made the figure depend on when a probe's connection closed.
 */
public final class ConnectionCounter extends ServerTransportFilter implements ServerInterceptor {
  private static final Attributes.Key<AtomicBoolean> CLIENT = Attributes.Key.create("client");
  private static final String UPLINK = UplinkServiceGrpc.getStreamMethod().getFullMethodName();
  private static final String ENROLLMENT = EnrollmentServiceGrpc.SERVICE_NAME;
  private static final String MILLSTONE_SERVICES = "millstone.";

  private final AtomicInteger clients = new AtomicInteger();
  private final AtomicInteger uplinks = new AtomicInteger();

  @Override
  public Attributes transportReady(Attributes attrs) {
    return attrs.toBuilder().set(CLIENT, new AtomicBoolean()).build();
  }

  @Override
  public void transportTerminated(Attributes attrs) {
    AtomicBoolean client = attrs.get(CLIENT);
    // Set to true at most once, by the first client call; a connection that never became ready
    // has no flag at all.
    if (client != null && client.getAndSet(false)) {
      clients.decrementAndGet();
    }
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String method = call.getMethodDescriptor().getFullMethodName();
    if (!method.equals(UPLINK)) {
      String service = call.getMethodDescriptor().getServiceName();
      AtomicBoolean client = call.getAttributes().get(CLIENT);
      if (client != null
          && service != null
          && service.startsWith(MILLSTONE_SERVICES)
          && !service.equals(ENROLLMENT)
          && client.compareAndSet(false, true)) {
        clients.incrementAndGet();
      }
      return next.startCall(call, headers);
    }
    uplinks.incrementAndGet();
    AtomicBoolean ended = new AtomicBoolean();
    Runnable end =
        () -> {
          if (ended.compareAndSet(false, true)) {
            uplinks.decrementAndGet();
          }
        };
    ServerCall.Listener<Q> listener;
    try {
      listener = next.startCall(call, headers);
    } catch (RuntimeException e) {
      end.run();
      throw e;
    }
    return new SimpleForwardingServerCallListener<>(listener) {
      @Override
      public void onComplete() {
        end.run();
        super.onComplete();
      }

      @Override
      public void onCancel() {
        end.run();
        super.onCancel();
      }
    };
  }

  public NodeHeartbeat.Counts counts() {
    return new NodeHeartbeat.Counts(clients.get(), uplinks.get());
  }
}
