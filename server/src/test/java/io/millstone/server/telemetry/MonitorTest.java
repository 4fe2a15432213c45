package io.millstone.server.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.millstone.api.telemetry.v1.AcknowledgeAlarmRequest;
import io.millstone.api.telemetry.v1.Alarm;
import io.millstone.api.telemetry.v1.EnrollResponse;
import io.millstone.api.telemetry.v1.HistoryRequest;
import io.millstone.api.telemetry.v1.HistoryResponse;
import io.millstone.api.telemetry.v1.ListAlarmsRequest;
import io.millstone.api.telemetry.v1.ListDowntimeRequest;
import io.millstone.api.telemetry.v1.Machine;
import io.millstone.api.telemetry.v1.MonitorServiceGrpc;
import io.millstone.api.telemetry.v1.SetDowntimeReasonRequest;
import io.millstone.api.telemetry.v1.TagValue;
import io.millstone.api.telemetry.v1.WatchRequest;
import io.millstone.api.telemetry.v1.WatchUpdate;
import io.millstone.server.TestServer;
import io.millstone.server.identity.BadRequests;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A shift engineer watches the mill live, sees alarms come and go, and explains stops. */
class MonitorTest {
  static TestServer t;
  static TelemetryFixtures admin;
  static MonitorServiceGrpc.MonitorServiceBlockingStub monitor;
  static String token;

  @BeforeAll
  static void start() {
    t = new TestServer();
    UUID mill = t.createCompany("Monitored Mill").id();
    token =
        t.login(t.createUser(mill, t.unique("mon.engineer"), "engineer"), TestServer.PASSWORD)
            .getSessionToken();
    admin = new TelemetryFixtures(t.channel(), token);
    monitor = TestServer.withToken(token, MonitorServiceGrpc.newBlockingStub(t.channel()));
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static void stream(EnrollResponse dev, String tag, Instant start, String... values)
      throws InterruptedException {
    try (Uplink up = new Uplink(t.channel(), dev.getDeviceId(), dev.getDeviceSecret())) {
      long mark = up.hello();
      List<io.millstone.api.telemetry.v1.Reading> rs = new ArrayList<>();
      for (int i = 0; i < values.length; i++) {
        rs.add(Uplink.reading(mark + 1 + i, tag, start.plusSeconds(i), values[i]));
      }
      up.send(rs);
    }
  }

  @Test
  void aWatcherGetsTheCurrentValuesThenEachNewOne() throws Exception {
    Machine m = admin.mill("W1");
    EnrollResponse dev = admin.enrolledDevice("watch-pc");
    stream(dev, "w1.speed", Instant.now().minusSeconds(10), "5.1");

    BlockingQueue<WatchUpdate> updates = new LinkedBlockingQueue<>();
    var call = TestServer.withToken(token, MonitorServiceGrpc.newStub(t.channel()));
    AtomicReference<ClientCallStreamObserver<WatchRequest>> handle = new AtomicReference<>();
    call.watch(
        WatchRequest.newBuilder().setMachineId(m.getId()).build(),
        new ClientResponseObserver<WatchRequest, WatchUpdate>() {
          @Override
          public void beforeStart(ClientCallStreamObserver<WatchRequest> s) {
            handle.set(s);
          }

          @Override
          public void onNext(WatchUpdate u) {
            updates.add(u);
          }

          @Override
          public void onError(Throwable e) {}

          @Override
          public void onCompleted() {}
        });
    WatchUpdate snapshot = updates.poll(10, TimeUnit.SECONDS);
    assertThat(snapshot.getSnapshot()).isTrue();
    assertThat(snapshot.getValuesList()).extracting(TagValue::getValue).containsExactly("5.1");

    stream(dev, "w1.speed", Instant.now().minusSeconds(1), "6.4", "9.3");
    WatchUpdate live = updates.poll(10, TimeUnit.SECONDS);
    assertThat(live.getSnapshot()).isFalse();
    assertThat(live.getValuesList())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.getTagKey()).isEqualTo("w1.speed");
              assertThat(v.getValue()).isEqualTo("9.3");
              assertThat(v.getAlarmState()).isEqualTo("HIGH");
            });
    handle.get().cancel("done", null);
  }

  @Test
  void aWatcherOnAnotherServerNodeSeesWhatThisNodeCommittedAndEachWatcherSeesItOnce()
      throws Exception {
    Machine m = admin.mill("W3");
    EnrollResponse dev = admin.enrolledDevice("two-node-pc");
    var config =
        io.millstone.server.TestPlatform.get().config().toBuilder()
            .host("127.0.0.1")
            .port(0)
            .build();
    try (TestServer other =
        new TestServer(io.millstone.server.TestPlatform.get().sharing(config))) {
      BlockingQueue<WatchUpdate> here = watchAll(t, m);
      BlockingQueue<WatchUpdate> there = watchAll(other, m);
      assertThat(here.poll(10, TimeUnit.SECONDS).getSnapshot()).isTrue();
      assertThat(there.poll(10, TimeUnit.SECONDS).getSnapshot()).isTrue();

      stream(dev, "w3.speed", Instant.now().minusSeconds(1), "7.7");

      for (BlockingQueue<WatchUpdate> q : List.of(here, there)) {
        WatchUpdate u = q.poll(10, TimeUnit.SECONDS);
        assertThat(u).as("a live update").isNotNull();
        assertThat(u.getValuesList()).extracting(TagValue::getValue).containsExactly("7.7");
      }
      // The node that committed delivers locally and skips its own message coming back from Redis.
      assertThat(here.poll(1, TimeUnit.SECONDS)).as("a second copy of the same update").isNull();
      assertThat(there.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  private BlockingQueue<WatchUpdate> watchAll(TestServer node, Machine m) {
    BlockingQueue<WatchUpdate> updates = new LinkedBlockingQueue<>();
    TestServer.withToken(token, MonitorServiceGrpc.newStub(node.channel()))
        .watch(
            WatchRequest.newBuilder().setMachineId(m.getId()).build(),
            new io.grpc.stub.StreamObserver<>() {
              @Override
              public void onNext(WatchUpdate u) {
                updates.add(u);
              }

              @Override
              public void onError(Throwable e) {}

              @Override
              public void onCompleted() {}
            });
    return updates;
  }

  @Test
  void aSlowWatcherGetsTheLatestValueNotABacklog() throws Exception {
    Machine m = admin.mill("W2");
    EnrollResponse dev = admin.enrolledDevice("busy-pc");
    BlockingQueue<WatchUpdate> updates = new LinkedBlockingQueue<>();
    AtomicReference<ClientCallStreamObserver<WatchRequest>> handle = new AtomicReference<>();
    TestServer.withToken(token, MonitorServiceGrpc.newStub(t.channel()))
        .watch(
            WatchRequest.newBuilder().setMachineId(m.getId()).build(),
            new ClientResponseObserver<WatchRequest, WatchUpdate>() {
              @Override
              public void beforeStart(ClientCallStreamObserver<WatchRequest> s) {
                handle.set(s);
                s.disableAutoRequestWithInitial(1);
              }

              @Override
              public void onNext(WatchUpdate u) {
                updates.add(u);
              }

              @Override
              public void onError(Throwable e) {}

              @Override
              public void onCompleted() {}
            });
    assertThat(updates.poll(30, TimeUnit.SECONDS).getSnapshot()).isTrue();
    Instant start = Instant.now().minusSeconds(60);
    List<WatchUpdate> got = new ArrayList<>();
    try (Uplink up = new Uplink(t.channel(), dev.getDeviceId(), dev.getDeviceSecret())) {
      long mark = up.hello();
      // Each ack comes after the batch's values reached this node's watchers, so when the loop
      // ends all forty are waiting for the slow watcher.
      for (int i = 1; i <= 40; i++) {
        up.send(
            List.of(Uplink.reading(mark + i, "w2.speed", start.plusSeconds(i), String.valueOf(i))));
      }
      handle.get().request(100);
      while (got.isEmpty() || !hasValue(got.get(got.size() - 1), "40")) {
        got.add(nextUpdate(updates));
      }
      // A later value, sent once the newest of the forty arrived: the stream is ordered, so any
      // further update the forty produced would come before it.
      up.send(List.of(Uplink.reading(mark + 41, "w2.speed", start.plusSeconds(41), "41")));
      for (WatchUpdate u = nextUpdate(updates); !hasValue(u, "41"); u = nextUpdate(updates)) {
        got.add(u);
      }
    }
    assertThat(got).as("a few conflated updates, not forty").hasSizeBetween(1, 5);
    assertThat(got.get(got.size() - 1).getValuesList())
        .extracting(TagValue::getValue)
        .containsExactly("40");
    handle.get().cancel("done", null);
  }

  private static WatchUpdate nextUpdate(BlockingQueue<WatchUpdate> updates)
      throws InterruptedException {
    WatchUpdate u = updates.poll(30, TimeUnit.SECONDS);
    assertThat(u).as("a further update within 30 s").isNotNull();
    return u;
  }

  private static boolean hasValue(WatchUpdate u, String value) {
    return u.getValuesList().stream().anyMatch(v -> v.getValue().equals(value));
  }

  @Test
  void alarmsStartAtTheLimitEndOnlyPastTheHysteresisAndCanBeAcknowledged() throws Exception {
    admin.mill("A1");
    admin.machines.defineTag(
        io.millstone.api.telemetry.v1.DefineTagRequest.newBuilder()
            .setMachineId(
                admin
                    .machines
                    .listMachines(
                        io.millstone.api.telemetry.v1.ListMachinesRequest.newBuilder()
                            .setFilter("code: A1")
                            .build())
                    .getMachines(0)
                    .getId())
            .setKey("a1.pressure")
            .setName("Boiler drum pressure")
            .setUnit("bar")
            .setValueType(io.millstone.api.telemetry.v1.ValueType.VALUE_TYPE_NUMBER)
            .setAlarmHigh(io.millstone.api.common.v1.Decimal.newBuilder().setValue("45"))
            .setHysteresis(io.millstone.api.common.v1.Decimal.newBuilder().setValue("1.5"))
            .build());
    EnrollResponse dev = admin.enrolledDevice("boiler-pc");
    Instant start = Instant.now().minusSeconds(100);
    // 44 normal; 45.5 starts; 44.0 stays (within 1.5); 43.4 ends; 46 starts again
    stream(dev, "a1.pressure", start, "44", "45.5", "44.0", "43.4", "46");

    List<Alarm> alarms =
        monitor.listAlarms(ListAlarmsRequest.getDefaultInstance()).getAlarmsList().stream()
            .filter(a -> a.getTagKey().equals("a1.pressure"))
            .toList();
    assertThat(alarms).hasSize(2);
    Alarm open = alarms.get(0);
    Alarm closed = alarms.get(1);
    assertThat(closed.getStartValue().getValue()).isEqualTo("45.5");
    assertThat(closed.getEndedAt().getSeconds()).isEqualTo(start.plusSeconds(3).getEpochSecond());
    assertThat(open.hasEndedAt()).isFalse();
    assertThat(open.getKind()).isEqualTo("HIGH");

    // Each alarm, started inside the ingest transaction, is in the engineer's notifications.
    var bell =
        TestServer.withToken(
            token, io.millstone.api.notify.v1.NotificationServiceGrpc.newBlockingStub(t.channel()));
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    List<io.millstone.api.notify.v1.Notification> told = List.of();
    while (told.size() < 2 && System.nanoTime() < until) {
      Thread.sleep(20); // polling what the relay has published, bounded above
      told =
          bell
              .list(io.millstone.api.notify.v1.ListNotificationsRequest.getDefaultInstance())
              .getNotificationsList()
              .stream()
              .filter(n -> n.getKind().equals("telemetry.alarm.raised"))
              .filter(n -> n.getArgs(0).equals("a1.pressure"))
              .toList();
    }
    assertThat(told)
        .extracting(io.millstone.api.notify.v1.Notification::getDocumentId)
        .containsExactlyInAnyOrder(open.getId(), closed.getId());
    assertThat(told.get(0).getArgsList()).containsExactly("a1.pressure", "HIGH", "46");

    Alarm acked =
        monitor.acknowledgeAlarm(AcknowledgeAlarmRequest.newBuilder().setId(open.getId()).build());
    assertThat(acked.getAcknowledgedBy()).isEqualTo(t.unique("mon.engineer"));
  }

  @Test
  void aStopBecomesADowntimePeriodWhoseReasonAnOperatorSets() throws Exception {
    Machine m = admin.mill("D1");
    EnrollResponse dev = admin.enrolledDevice("mill-pc");
    Instant start = Instant.now().minusSeconds(600);
    stream(dev, "d1.running", start, "true", "false", "false", "true");

    var periods =
        monitor
            .listDowntime(ListDowntimeRequest.newBuilder().setMachineId(m.getId()).build())
            .getPeriodsList();
    assertThat(periods)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getStartedAt().getSeconds())
                  .isEqualTo(start.plusSeconds(1).getEpochSecond());
              assertThat(p.getEndedAt().getSeconds())
                  .isEqualTo(start.plusSeconds(3).getEpochSecond());
              assertThat(p.getReason()).isEmpty();
            });

    var bad =
        TestServer.failure(
            () ->
                monitor.setDowntimeReason(
                    SetDowntimeReasonRequest.newBuilder()
                        .setId(periods.get(0).getId())
                        .setReason("gremlins")
                        .build()));
    assertThat(bad.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(BadRequests.fields(bad)).containsExactly("reason");

    var set =
        monitor.setDowntimeReason(
            SetDowntimeReasonRequest.newBuilder()
                .setId(periods.get(0).getId())
                .setReason("no_cane")
                .setNote("Cane yard empty")
                .build());
    assertThat(set.getReason()).isEqualTo("no_cane");
    assertThat(set.getReasonSetBy()).isEqualTo(t.unique("mon.engineer"));
  }

  @Test
  void historyIsDownsampledIntoMinMaxAndAverageBuckets() throws Exception {
    admin.mill("H1");
    EnrollResponse dev = admin.enrolledDevice("history-pc");
    Instant start = Instant.ofEpochSecond((Instant.now().getEpochSecond() / 1000) * 1000 - 2000);
    String[] values = new String[100];
    for (int i = 0; i < 100; i++) {
      values[i] = String.valueOf(i);
    }
    stream(dev, "h1.speed", start, values);
    String tagId =
        admin
            .machines
            .listMachines(
                io.millstone.api.telemetry.v1.ListMachinesRequest.newBuilder()
                    .setFilter("code: H1")
                    .build())
            .getMachines(0)
            .getTagsList()
            .stream()
            .filter(x -> x.getKey().equals("h1.speed"))
            .findFirst()
            .orElseThrow()
            .getId();

    HistoryResponse h =
        monitor.history(
            HistoryRequest.newBuilder()
                .setTagId(tagId)
                .setFrom(ts(start))
                .setTo(ts(start.plusSeconds(100)))
                .setBuckets(10)
                .build());

    assertThat(h.getBucketSeconds()).isEqualTo(10);
    assertThat(h.getBucketsList()).hasSize(10);
    assertThat(h.getBuckets(0).getMin()).isEqualTo(0.0);
    assertThat(h.getBuckets(0).getMax()).isEqualTo(9.0);
    assertThat(h.getBuckets(0).getAvg()).isEqualTo(4.5);
    assertThat(h.getBucketsList().stream().mapToLong(b -> b.getCount()).sum()).isEqualTo(100);
  }

  static Timestamp ts(Instant i) {
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).build();
  }
}
