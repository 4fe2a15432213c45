package io.millstone.server.telemetry;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.millstone.api.telemetry.v1.Ack;
import io.millstone.api.telemetry.v1.DownlinkMessage;
import io.millstone.api.telemetry.v1.Reading;
import io.millstone.api.telemetry.v1.Rejection;
import io.millstone.api.telemetry.v1.UplinkMessage;
import io.millstone.api.telemetry.v1.UplinkServiceGrpc;
import io.millstone.api.telemetry.v1.Welcome;
import io.millstone.server.gateway.GatewayContext;
import io.millstone.server.gateway.ProtoValues;
import io.millstone.server.platform.Actor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The agent's stream. One batch is read, committed and acked before the next is asked for, and the
 * next is asked for only when the agent is taking our acks: a fast agent cannot pile up batches in
 * server memory, and a stalled one does not make us queue acks.
 */
public final class UplinkGrpcService extends UplinkServiceGrpc.UplinkServiceImplBase {
  private final ReadingIngest ingest;
  private final Clock clock;

  public UplinkGrpcService(ReadingIngest ingest, Clock clock) {
    this.ingest = ingest;
    this.clock = clock;
  }

  @Override
  public StreamObserver<UplinkMessage> stream(StreamObserver<DownlinkMessage> responses) {
    ServerCallStreamObserver<DownlinkMessage> out =
        (ServerCallStreamObserver<DownlinkMessage>) responses;
    out.disableAutoRequest();
    Actor device = GatewayContext.actor();
    UUID deviceId = GatewayContext.session().userId();
    // Callbacks of one call never run at the same time, so a plain flag is enough.
    boolean[] waitingForReady = {false};
    out.setOnReadyHandler(
        () -> {
          if (waitingForReady[0] && out.isReady()) {
            waitingForReady[0] = false;
            out.request(1);
          }
        });
    Runnable askForMore =
        () -> {
          if (out.isReady()) {
            out.request(1);
          } else {
            waitingForReady[0] = true;
          }
        };
    out.request(1);
    return new StreamObserver<>() {
      @Override
      public void onNext(UplinkMessage msg) {
        switch (msg.getBodyCase()) {
          case HELLO -> {
            long mark = ingest.hello(device, deviceId, msg.getHello().getAgentVersion());
            out.onNext(
                DownlinkMessage.newBuilder()
                    .setWelcome(
                        Welcome.newBuilder()
                            .setHighWaterMark(mark)
                            .setServerTime(ProtoValues.timestamp(clock.instant())))
                    .build());
          }
          case BATCH -> {
            List<ReadingIngest.Incoming> in = new ArrayList<>(msg.getBatch().getReadingsCount());
            for (Reading r : msg.getBatch().getReadingsList()) {
              in.add(
                  new ReadingIngest.Incoming(
                      r.getSeq(),
                      r.getTagKey(),
                      r.hasSourceTime() ? ProtoValues.instant(r.getSourceTime()) : null,
                      r.getValue(),
                      r.getQualityValue()));
            }
            ReadingIngest.Result result = ingest.ingest(device, deviceId, in);
            Ack.Builder ack =
                Ack.newBuilder()
                    .setAckedSeq(result.ackedSeq())
                    .setAccepted(result.accepted())
                    .setServerTime(ProtoValues.timestamp(clock.instant()));
            result
                .rejected()
                .forEach(
                    r ->
                        ack.addRejected(
                            Rejection.newBuilder().setSeq(r.seq()).setReason(r.reason())));
            out.onNext(DownlinkMessage.newBuilder().setAck(ack).build());
          }
          default -> {
            // An empty message: nothing to do.
          }
        }
        askForMore.run();
      }

      @Override
      public void onError(Throwable t) {
        // The agent went away; everything it sent and we acked is committed, the rest it resends.
      }

      @Override
      public void onCompleted() {
        out.onCompleted();
      }
    };
  }
}
