package io.millstone.server.gateway;

import io.grpc.Attributes;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerTransportFilter;
import io.millstone.api.telemetry.v1.UplinkServiceGrpc;
import io.millstone.server.platform.NodeHeartbeat;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the node's open connections and its open (authenticated) agent uplink streams, for the
 * heartbeat that {@code status} reads. A connection that carries no uplink is a client.
 */
public final class ConnectionCounter extends ServerTransportFilter implements ServerInterceptor {
  private static final Attributes.Key<Boolean> COUNTED = Attributes.Key.create("counted");
  private static final String UPLINK = UplinkServiceGrpc.getStreamMethod().getFullMethodName();

  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger uplinks = new AtomicInteger();

  @Override
  public Attributes transportReady(Attributes attrs) {
    connections.incrementAndGet();
    return attrs.toBuilder().set(COUNTED, Boolean.TRUE).build();
  }

  @Override
  public void transportTerminated(Attributes attrs) {
    // A connection that failed its handshake was never ready, so never counted.
    if (Boolean.TRUE.equals(attrs.get(COUNTED))) {
      connections.decrementAndGet();
    }
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    if (!call.getMethodDescriptor().getFullMethodName().equals(UPLINK)) {
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
    int agents = uplinks.get();
    return new NodeHeartbeat.Counts(Math.max(0, connections.get() - agents), agents);
  }
}
