package io.millstone.server.telemetry;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.millstone.api.telemetry.v1.AcknowledgeAlarmRequest;
import io.millstone.api.telemetry.v1.Alarm;
import io.millstone.api.telemetry.v1.Downtime;
import io.millstone.api.telemetry.v1.HistoryBucket;
import io.millstone.api.telemetry.v1.HistoryRequest;
import io.millstone.api.telemetry.v1.HistoryResponse;
import io.millstone.api.telemetry.v1.ListAlarmsRequest;
import io.millstone.api.telemetry.v1.ListAlarmsResponse;
import io.millstone.api.telemetry.v1.ListDowntimeRequest;
import io.millstone.api.telemetry.v1.ListDowntimeResponse;
import io.millstone.api.telemetry.v1.MonitorServiceGrpc;
import io.millstone.api.telemetry.v1.SetDowntimeReasonRequest;
import io.millstone.api.telemetry.v1.TagValue;
import io.millstone.api.telemetry.v1.WatchRequest;
import io.millstone.api.telemetry.v1.WatchUpdate;
import io.millstone.server.gateway.GatewayContext;
import io.millstone.server.gateway.ProtoValues;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.error.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adapter from the MonitorService contract. Watch keeps, per client, only the newest value of each
 * tag not yet sent and sends when the client can take more: a slow client sees fewer, fresher
 * updates and the server never queues without bound.
 */
public final class MonitorGrpcService extends MonitorServiceGrpc.MonitorServiceImplBase {
  private final LiveHub live;
  private final Monitoring monitoring;

  public MonitorGrpcService(LiveHub live, Monitoring monitoring) {
    this.live = live;
    this.monitoring = monitoring;
  }

  @Override
  public void watch(WatchRequest req, StreamObserver<WatchUpdate> responses) {
    Actor actor = GatewayContext.actor();
    String machine = req.getMachineId();
    if (!machine.isEmpty() && Ids.parseOrNull(machine) == null) {
      throw InvalidInputException.of("machine_id", "is not a valid id");
    }
    ServerCallStreamObserver<WatchUpdate> out = (ServerCallStreamObserver<WatchUpdate>) responses;
    Object lock = new Object();
    Map<String, TagValue> pending = new LinkedHashMap<>();
    boolean[] state = {false, false}; // snapshot sent, cancelled
    Runnable drain =
        () -> {
          synchronized (lock) {
            if (!state[0] || state[1] || pending.isEmpty() || !out.isReady()) {
              return;
            }
            out.onNext(WatchUpdate.newBuilder().addAllValues(pending.values()).build());
            pending.clear();
          }
        };
    AutoCloseable subscription =
        live.subscribe(
            actor.companyId(),
            values -> {
              synchronized (lock) {
                for (TagValue v : values) {
                  if (machine.isEmpty() || machine.equals(v.getMachineId())) {
                    merge(pending, v);
                  }
                }
              }
              drain.run();
            });
    out.setOnReadyHandler(drain);
    out.setOnCancelHandler(
        () -> {
          synchronized (lock) {
            state[1] = true;
          }
          try {
            subscription.close();
          } catch (Exception ignored) {
            // removing a listener cannot fail
          }
        });
    List<TagValue> snapshot =
        live.snapshot(actor.companyId()).stream()
            .filter(v -> machine.isEmpty() || machine.equals(v.getMachineId()))
            .toList();
    synchronized (lock) {
      // Values that arrived while the snapshot was read and are newer than it follow it.
      pending
          .values()
          .removeIf(
              v ->
                  snapshot.stream()
                      .anyMatch(s -> s.getTagId().equals(v.getTagId()) && !newer(v, s)));
      out.onNext(WatchUpdate.newBuilder().setSnapshot(true).addAllValues(snapshot).build());
      state[0] = true;
    }
    drain.run();
  }

  private static void merge(Map<String, TagValue> pending, TagValue v) {
    TagValue old = pending.get(v.getTagId());
    if (old == null || !newer(old, v)) {
      pending.put(v.getTagId(), v);
    }
  }

  /** Whether {@code a} is strictly newer than {@code b}. */
  private static boolean newer(TagValue a, TagValue b) {
    long as = a.getSourceTime().getSeconds();
    long bs = b.getSourceTime().getSeconds();
    return as > bs || (as == bs && a.getSourceTime().getNanos() > b.getSourceTime().getNanos());
  }

  @Override
  public void history(HistoryRequest req, StreamObserver<HistoryResponse> out) {
    int[] width = new int[1];
    var buckets =
        monitoring.history(
            GatewayContext.actor(),
            req.getTagId(),
            req.hasFrom() ? ProtoValues.instant(req.getFrom()) : null,
            req.hasTo() ? ProtoValues.instant(req.getTo()) : null,
            req.getBuckets(),
            width);
    var b = HistoryResponse.newBuilder().setBucketSeconds(width[0]);
    for (Monitoring.Bucket k : buckets) {
      b.addBuckets(
          HistoryBucket.newBuilder()
              .setStart(ProtoValues.timestamp(k.start()))
              .setMin(k.min())
              .setMax(k.max())
              .setAvg(k.avg())
              .setCount(k.count()));
    }
    out.onNext(b.build());
    out.onCompleted();
  }

  @Override
  public void listAlarms(ListAlarmsRequest req, StreamObserver<ListAlarmsResponse> out) {
    var b = ListAlarmsResponse.newBuilder();
    monitoring
        .alarms(GatewayContext.actor(), req.getOpenOnly(), req.getPage().getPageSize())
        .forEach(a -> b.addAlarms(alarm(a)));
    out.onNext(b.build());
    out.onCompleted();
  }

  @Override
  public void acknowledgeAlarm(AcknowledgeAlarmRequest req, StreamObserver<Alarm> out) {
    out.onNext(alarm(monitoring.acknowledge(GatewayContext.actor(), req.getId())));
    out.onCompleted();
  }

  @Override
  public void listDowntime(ListDowntimeRequest req, StreamObserver<ListDowntimeResponse> out) {
    var b = ListDowntimeResponse.newBuilder();
    monitoring
        .downtime(
            GatewayContext.actor(),
            req.getMachineId(),
            req.hasFrom() ? ProtoValues.instant(req.getFrom()) : null,
            req.hasTo() ? ProtoValues.instant(req.getTo()) : null)
        .forEach(d -> b.addPeriods(downtime(d)));
    out.onNext(b.build());
    out.onCompleted();
  }

  @Override
  public void setDowntimeReason(SetDowntimeReasonRequest req, StreamObserver<Downtime> out) {
    out.onNext(
        downtime(
            monitoring.setReason(
                GatewayContext.actor(), req.getId(), req.getReason(), req.getNote())));
    out.onCompleted();
  }

  private static Alarm alarm(Monitoring.AlarmView a) {
    var b =
        Alarm.newBuilder()
            .setId(a.id().toString())
            .setTagId(a.tagId().toString())
            .setTagKey(a.tagKey())
            .setMachineId(a.machineId().toString())
            .setKind(a.kind())
            .setLimit(ProtoValues.decimal(a.limit()))
            .setStartValue(ProtoValues.decimal(a.startValue()))
            .setStartedAt(ProtoValues.timestamp(a.startedAt()))
            .setAcknowledgedBy(a.acknowledgedBy() == null ? "" : a.acknowledgedBy());
    if (a.endedAt() != null) {
      b.setEndedAt(ProtoValues.timestamp(a.endedAt()));
    }
    if (a.acknowledgedAt() != null) {
      b.setAcknowledgedAt(ProtoValues.timestamp(a.acknowledgedAt()));
    }
    return b.build();
  }

  private static Downtime downtime(Monitoring.DowntimeView d) {
    var b =
        Downtime.newBuilder()
            .setId(d.id().toString())
            .setMachineId(d.machineId().toString())
            .setStartedAt(ProtoValues.timestamp(d.startedAt()))
            .setReason(d.reason())
            .setNote(d.note())
            .setReasonSetBy(d.setBy());
    if (d.endedAt() != null) {
      b.setEndedAt(ProtoValues.timestamp(d.endedAt()));
    }
    return b.build();
  }
}
