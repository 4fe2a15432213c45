package io.millstone.server.telemetry;

import com.google.protobuf.Timestamp;
import io.grpc.Channel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.millstone.api.telemetry.v1.DownlinkMessage;
import io.millstone.api.telemetry.v1.Hello;
import io.millstone.api.telemetry.v1.Quality;
import io.millstone.api.telemetry.v1.Reading;
import io.millstone.api.telemetry.v1.ReadingBatch;
import io.millstone.api.telemetry.v1.UplinkMessage;
import io.millstone.api.telemetry.v1.UplinkServiceGrpc;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test's end of the agent stream: send a message, wait for the server's answer. */
public final class Uplink implements AutoCloseable {
  final BlockingQueue<DownlinkMessage> received = new LinkedBlockingQueue<>();
  final CompletableFuture<Status> closed = new CompletableFuture<>();
  private final StreamObserver<UplinkMessage> out;

  public Uplink(Channel ch, String deviceId, String secret) {
    Metadata md = new Metadata();
    md.put(
        Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
        "Device " + deviceId + "." + secret);
    out =
        UplinkServiceGrpc.newStub(ch)
            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(md))
            .stream(
                new StreamObserver<>() {
                  @Override
                  public void onNext(DownlinkMessage m) {
                    received.add(m);
                  }

                  @Override
                  public void onError(Throwable t) {
                    closed.complete(Status.fromThrowable(t));
                  }

                  @Override
                  public void onCompleted() {
                    closed.complete(Status.OK);
                  }
                });
  }

  DownlinkMessage next() throws InterruptedException {
    DownlinkMessage m = null;
    for (int i = 0; i < 100 && m == null && !(closed.isDone() && received.isEmpty()); i++) {
      m = received.poll(100, TimeUnit.MILLISECONDS);
    }
    if (m == null) {
      throw new AssertionError(
          "no answer from the server"
              + (closed.isDone() ? "; stream closed: " + closed.join() : ""));
    }
    return m;
  }

  public long hello() throws InterruptedException {
    out.onNext(
        UplinkMessage.newBuilder().setHello(Hello.newBuilder().setAgentVersion("test")).build());
    return next().getWelcome().getHighWaterMark();
  }

  DownlinkMessage send(List<Reading> readings) throws InterruptedException {
    sendOnly(readings);
    return next();
  }

  void sendOnly(List<Reading> readings) {
    out.onNext(
        UplinkMessage.newBuilder()
            .setBatch(ReadingBatch.newBuilder().addAllReadings(readings))
            .build());
  }

  static Reading reading(long seq, String tag, Instant at, String value) {
    return Reading.newBuilder()
        .setSeq(seq)
        .setTagKey(tag)
        .setSourceTime(
            Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()))
        .setValue(value)
        .setQuality(Quality.QUALITY_GOOD)
        .build();
  }

  @Override
  public void close() {
    try {
      out.onCompleted();
    } catch (RuntimeException ignored) {
      // already closed by the server
    }
  }
}
