package io.millstone.client.support;

import com.google.protobuf.Timestamp;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.millstone.api.telemetry.v1.DownlinkMessage;
import io.millstone.api.telemetry.v1.EnrollRequest;
import io.millstone.api.telemetry.v1.EnrollResponse;
import io.millstone.api.telemetry.v1.EnrollmentServiceGrpc;
import io.millstone.api.telemetry.v1.Hello;
import io.millstone.api.telemetry.v1.Quality;
import io.millstone.api.telemetry.v1.Reading;
import io.millstone.api.telemetry.v1.ReadingBatch;
import io.millstone.api.telemetry.v1.UplinkMessage;
import io.millstone.api.telemetry.v1.UplinkServiceGrpc;
import io.millstone.server.platform.Actor;
import io.millstone.server.telemetry.MachineAdmin;
import io.millstone.server.telemetry.model.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A mill on the test server, fed the way a real one is: machines and tags defined as an engineer
 * would, an edge agent enrolled with a one-time token, and readings streamed over the real uplink
 * on loopback. Each {@link #send} waits for the server's ack, so the readings are committed (and
 * published to live watchers) when it returns.
 */
public final class FactoryFloor implements AutoCloseable {
  private final LiveServer server;
  private final Actor actor;
  private final ManagedChannel channel;
  private final BlockingQueue<DownlinkMessage> received = new LinkedBlockingQueue<>();
  private StreamObserver<UplinkMessage> uplink;
  private long seq;

  public FactoryFloor(LiveServer server, UUID company) {
    this.server = server;
    this.actor = Actor.system(company, "test");
    this.channel =
        Grpc.newChannelBuilder(server.address(), InsecureChannelCredentials.create()).build();
  }

  /** A mill with a speed tag (alarm above {@code high} rpm) and a run-state tag. */
  public UUID mill(String code, String name, String area, String high) {
    MachineAdmin admin = server.server().machineAdmin();
    UUID id = admin.create(actor, null, code, name, area).machine().id();
    String key = code.toLowerCase();
    admin.defineTag(
        actor,
        new MachineAdmin.TagInput(
            id.toString(),
            key + ".speed",
            "Mill speed",
            "rpm",
            Tag.ValueType.NUMBER,
            null,
            null,
            null,
            high,
            null,
            false));
    admin.defineTag(
        actor,
        new MachineAdmin.TagInput(
            id.toString(),
            key + ".running",
            "Running",
            "",
            Tag.ValueType.BOOLEAN,
            null,
            null,
            null,
            null,
            null,
            true));
    return id;
  }

  /** A boiler with a steam pressure tag that alarms below {@code low} bar. */
  public UUID boiler(String code, String name, String area, String low) {
    MachineAdmin admin = server.server().machineAdmin();
    UUID id = admin.create(actor, null, code, name, area).machine().id();
    admin.defineTag(
        actor,
        new MachineAdmin.TagInput(
            id.toString(),
            code.toLowerCase() + ".steam",
            "Steam pressure",
            "bar",
            Tag.ValueType.NUMBER,
            null,
            null,
            low,
            null,
            null,
            false));
    return id;
  }

  /**
   * A weighbridge: its load in kg and whether the reading is steady, under the keys the cane
   * service reads by default ("wb_gate.weight" and "wb_gate.stable" for WB-GATE).
   */
  public UUID weighbridge(String code, String name) {
    MachineAdmin admin = server.server().machineAdmin();
    UUID id = admin.create(actor, null, code, name, "Cane yard").machine().id();
    String key = code.toLowerCase().replace('-', '_');
    admin.defineTag(
        actor,
        new MachineAdmin.TagInput(
            id.toString(),
            key + ".weight",
            "Weighbridge load",
            "kg",
            Tag.ValueType.NUMBER,
            null,
            null,
            null,
            null,
            null,
            false));
    admin.defineTag(
        actor,
        new MachineAdmin.TagInput(
            id.toString(),
            key + ".stable",
            "Weight stable",
            "",
            Tag.ValueType.BOOLEAN,
            null,
            null,
            null,
            null,
            null,
            false));
    return id;
  }

  /** Creates a device, enrols it through the public Enroll call and opens its uplink. */
  public void connectAgent() throws InterruptedException {
    String token =
        server
            .server()
            .deviceAdmin()
            .create(actor, null, "agent-" + UUID.randomUUID())
            .enrollmentToken();
    EnrollResponse enrolled =
        EnrollmentServiceGrpc.newBlockingStub(channel)
            .enroll(
                EnrollRequest.newBuilder()
                    .setEnrollmentToken(token)
                    .setAgentVersion("test")
                    .setHostname("mill-floor-pc")
                    .build());
    Metadata md = new Metadata();
    md.put(
        Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
        "Device " + enrolled.getDeviceId() + "." + enrolled.getDeviceSecret());
    uplink =
        UplinkServiceGrpc.newStub(channel)
            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(md))
            .stream(
                new StreamObserver<>() {
                  @Override
                  public void onNext(DownlinkMessage m) {
                    received.add(m);
                  }

                  @Override
                  public void onError(Throwable t) {}

                  @Override
                  public void onCompleted() {}
                });
    uplink.onNext(
        UplinkMessage.newBuilder().setHello(Hello.newBuilder().setAgentVersion("test")).build());
    seq = next().getWelcome().getHighWaterMark();
  }

  /** One reading to stream. */
  public record Value(String tagKey, Instant at, String value) {}

  public static Value value(String tagKey, Instant at, String value) {
    return new Value(tagKey, at, value);
  }

  /** Streams one batch and waits until the server committed it. */
  public void send(List<Value> values) throws InterruptedException {
    List<Reading> readings = new ArrayList<>();
    for (Value v : values) {
      readings.add(
          Reading.newBuilder()
              .setSeq(++seq)
              .setTagKey(v.tagKey())
              .setSourceTime(
                  Timestamp.newBuilder()
                      .setSeconds(v.at().getEpochSecond())
                      .setNanos(v.at().getNano()))
              .setValue(v.value())
              .setQuality(Quality.QUALITY_GOOD)
              .build());
    }
    uplink.onNext(
        UplinkMessage.newBuilder()
            .setBatch(ReadingBatch.newBuilder().addAllReadings(readings))
            .build());
    long want = seq;
    DownlinkMessage m;
    do {
      m = next();
    } while (!m.hasAck() || m.getAck().getAckedSeq() < want);
    if (m.getAck().getRejectedCount() > 0) {
      throw new AssertionError("server refused readings: " + m.getAck().getRejectedList());
    }
  }

  public void send(Value... values) throws InterruptedException {
    send(List.of(values));
  }

  private DownlinkMessage next() throws InterruptedException {
    DownlinkMessage m = received.poll(20, TimeUnit.SECONDS);
    if (m == null) {
      throw new AssertionError("the server did not answer the agent");
    }
    return m;
  }

  @Override
  public void close() {
    if (uplink != null) {
      try {
        uplink.onCompleted();
      } catch (RuntimeException ignored) {
        // already closed
      }
    }
    channel.shutdownNow();
  }
}
