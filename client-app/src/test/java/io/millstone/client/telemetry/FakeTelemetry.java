package io.millstone.client.telemetry;

import com.google.protobuf.Timestamp;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.telemetry.v1.Alarm;
import io.millstone.api.telemetry.v1.Downtime;
import io.millstone.api.telemetry.v1.HistoryBucket;
import io.millstone.api.telemetry.v1.HistoryResponse;
import io.millstone.api.telemetry.v1.Machine;
import io.millstone.api.telemetry.v1.Quality;
import io.millstone.api.telemetry.v1.Tag;
import io.millstone.api.telemetry.v1.TagValue;
import io.millstone.api.telemetry.v1.ValueType;
import io.millstone.api.telemetry.v1.WatchUpdate;
import io.millstone.client.remote.RemoteException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The server as view-model tests need it: a mill with a speed and a run-state tag, streams the test
 * drives by hand, and a record of what was asked. The real server is in the UI tests.
 */
final class FakeTelemetry implements TelemetryGateway {
  static final Tag SPEED =
      Tag.newBuilder()
          .setId("t-speed")
          .setKey("mill1.speed")
          .setName("Mill speed")
          .setUnit("rpm")
          .setValueType(ValueType.VALUE_TYPE_NUMBER)
          .setAlarmHigh(Decimal.newBuilder().setValue("8"))
          .build();
  static final Tag RUNNING =
      Tag.newBuilder()
          .setId("t-run")
          .setKey("mill1.running")
          .setName("Running")
          .setValueType(ValueType.VALUE_TYPE_BOOLEAN)
          .setIsRunState(true)
          .build();
  static final Machine MILL =
      Machine.newBuilder()
          .setId("m-1")
          .setCode("MILL-1")
          .setName("Mill 1")
          .setArea("Mill tandem 1")
          .setActive(true)
          .addTags(SPEED)
          .addTags(RUNNING)
          .build();

  /** One open stream, as the server would hold it. */
  static final class Stream {
    final String machineId;
    final WatchListener listener;
    boolean cancelled;

    Stream(String machineId, WatchListener listener) {
      this.machineId = machineId;
      this.listener = listener;
    }
  }

  record HistoryCall(String tagId, Instant from, Instant to, int buckets) {}

  final List<Stream> streams = new CopyOnWriteArrayList<>();
  final List<HistoryCall> historyCalls = new ArrayList<>();
  final List<String> acknowledged = new ArrayList<>();
  final List<Alarm> alarms = new ArrayList<>();
  final List<Downtime> periods = new ArrayList<>();
  int alarmLoads;
  RemoteException refuseReason;

  @Override
  public List<Machine> machines() {
    return List.of(MILL);
  }

  @Override
  public AutoCloseable watch(String machineId, WatchListener listener) {
    Stream s = new Stream(machineId, listener);
    streams.add(s);
    return () -> s.cancelled = true;
  }

  Stream lastStream() {
    return streams.get(streams.size() - 1);
  }

  /** Sends to every stream still open, as the server's hub does. */
  void push(boolean snapshot, TagValue... values) {
    for (Stream s : streams) {
      if (!s.cancelled) {
        s.listener.onUpdate(
            WatchUpdate.newBuilder().setSnapshot(snapshot).addAllValues(List.of(values)).build());
      }
    }
  }

  static TagValue value(Tag tag, String value, Instant at, String alarmState) {
    return TagValue.newBuilder()
        .setTagId(tag.getId())
        .setTagKey(tag.getKey())
        .setMachineId(MILL.getId())
        .setValue(value)
        .setSourceTime(ts(at))
        .setQuality(Quality.QUALITY_GOOD)
        .setAlarmState(alarmState)
        .build();
  }

  static Timestamp ts(Instant at) {
    return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
  }

  @Override
  public HistoryResponse history(String tagId, Instant from, Instant to, int buckets) {
    historyCalls.add(new HistoryCall(tagId, from, to, buckets));
    long width = Math.max(1, (Duration.between(from, to).getSeconds() + buckets - 1) / buckets);
    HistoryResponse.Builder b = HistoryResponse.newBuilder().setBucketSeconds((int) width);
    for (int i = 0; i < 3; i++) {
      Instant at = from.plusSeconds(width * i);
      b.addBuckets(
          HistoryBucket.newBuilder()
              .setStart(ts(at))
              .setMin(6 + i)
              .setMax(7 + i)
              .setAvg(6.5 + i)
              .setCount(10));
    }
    return b.build();
  }

  @Override
  public List<Alarm> alarms() {
    alarmLoads++;
    return List.copyOf(alarms);
  }

  @Override
  public Alarm acknowledge(String alarmId) {
    acknowledged.add(alarmId);
    for (int i = 0; i < alarms.size(); i++) {
      if (alarms.get(i).getId().equals(alarmId)) {
        alarms.set(i, alarms.get(i).toBuilder().setAcknowledgedBy("shift.engineer").build());
        return alarms.get(i);
      }
    }
    throw new IllegalStateException("no alarm " + alarmId);
  }

  @Override
  public List<Downtime> downtime(Instant from, Instant to) {
    return List.copyOf(periods);
  }

  @Override
  public Downtime setDowntimeReason(String id, String reason, String note) throws RemoteException {
    if (refuseReason != null) {
      throw refuseReason;
    }
    for (int i = 0; i < periods.size(); i++) {
      if (periods.get(i).getId().equals(id)) {
        periods.set(
            i,
            periods.get(i).toBuilder()
                .setReason(reason)
                .setNote(note)
                .setReasonSetBy("shift.engineer")
                .build());
        return periods.get(i);
      }
    }
    throw new RemoteException(RemoteException.Kind.NOT_FOUND, "Downtime period " + id);
  }

  static RemoteException refusal(String field, String text) {
    return new RemoteException(
        RemoteException.Kind.INVALID_INPUT, "invalid", "", Map.of(field, text));
  }
}
