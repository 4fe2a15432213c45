package io.millstone.server.gateway;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Deadline;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Caps every call's deadline at the server's maximum, whatever the client asked for (or if it asked
 * for none), so no call can hold a worker forever. Database statements are bounded by the same
 * maximum through {@code statement_timeout}.
 */
final class DeadlineInterceptor implements ServerInterceptor {
  private final long maxNanos;
  private final ScheduledExecutorService scheduler;

  DeadlineInterceptor(Duration max, ScheduledExecutorService scheduler) {
    this.maxNanos = max.toNanos();
    this.scheduler = scheduler;
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    Deadline current = Context.current().getDeadline();
    if (current != null && current.timeRemaining(TimeUnit.NANOSECONDS) <= maxNanos) {
      return next.startCall(call, headers);
    }
    Context.CancellableContext ctx =
        Context.current().withDeadlineAfter(maxNanos, TimeUnit.NANOSECONDS, scheduler);
    ServerCall.Listener<ReqT> l = Contexts.interceptCall(ctx, call, headers, next);
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(l) {
      @Override
      public void onComplete() {
        try {
          super.onComplete();
        } finally {
          ctx.cancel(null);
        }
      }

      @Override
      public void onCancel() {
        try {
          super.onCancel();
        } finally {
          ctx.cancel(null);
        }
      }
    };
  }
}
