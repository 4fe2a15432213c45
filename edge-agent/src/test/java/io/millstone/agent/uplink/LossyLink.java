package io.millstone.agent.uplink;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.millstone.api.telemetry.v1.DownlinkMessage;
import io.millstone.api.telemetry.v1.UplinkMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sits in the agent's real gRPC call and loses chosen messages on the way, as a flaky link would:
 * the n-th batch never reaches the server, or the n-th ack never reaches the agent. It records the
 * first sequence number of every batch the agent sends, so a test can see resends.
 */
public final class LossyLink implements ClientInterceptor {
  private final int loseBatch;
  private final int loseAck;
  private final AtomicInteger batches = new AtomicInteger();
  private final AtomicInteger acks = new AtomicInteger();
  public final List<Long> batchStarts = new CopyOnWriteArrayList<>();
  public final List<Long> lostAcks = new CopyOnWriteArrayList<>();
  public final List<Long> lostBatches = new CopyOnWriteArrayList<>();
  public final List<String> compressors = new CopyOnWriteArrayList<>();

  private LossyLink(int loseBatch, int loseAck) {
    this.loseBatch = loseBatch;
    this.loseAck = loseAck;
  }

  public static LossyLink losingBatch(int n) {
    return new LossyLink(n, -1);
  }

  public static LossyLink losingAck(int n) {
    return new LossyLink(-1, n);
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions callOptions, Channel next) {
    compressors.add(String.valueOf(callOptions.getCompressor()));
    return new ForwardingClientCall.SimpleForwardingClientCall<>(
        next.newCall(method, callOptions)) {
      @Override
      public void sendMessage(Q message) {
        if (message instanceof UplinkMessage m && m.hasBatch()) {
          long first = m.getBatch().getReadings(0).getSeq();
          batchStarts.add(first);
          if (batches.incrementAndGet() == loseBatch) {
            lostBatches.add(first);
            return;
          }
        }
        super.sendMessage(message);
      }

      @Override
      public void start(Listener<R> listener, Metadata headers) {
        super.start(
            new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
              @Override
              public void onMessage(R message) {
                if (message instanceof DownlinkMessage m
                    && m.hasAck()
                    && acks.incrementAndGet() == loseAck) {
                  lostAcks.add(m.getAck().getAckedSeq());
                  return;
                }
                super.onMessage(message);
              }
            },
            headers);
      }
    };
  }
}
