package io.millstone.client.remote;

import com.google.protobuf.Timestamp;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.millstone.api.common.v1.PageRequest;
import io.millstone.api.telemetry.v1.AcknowledgeAlarmRequest;
import io.millstone.api.telemetry.v1.Alarm;
import io.millstone.api.telemetry.v1.Downtime;
import io.millstone.api.telemetry.v1.HistoryRequest;
import io.millstone.api.telemetry.v1.HistoryResponse;
import io.millstone.api.telemetry.v1.ListAlarmsRequest;
import io.millstone.api.telemetry.v1.ListDowntimeRequest;
import io.millstone.api.telemetry.v1.ListMachinesRequest;
import io.millstone.api.telemetry.v1.ListMachinesResponse;
import io.millstone.api.telemetry.v1.Machine;
import io.millstone.api.telemetry.v1.MachineServiceGrpc;
import io.millstone.api.telemetry.v1.MonitorServiceGrpc;
import io.millstone.api.telemetry.v1.SetDowntimeReasonRequest;
import io.millstone.api.telemetry.v1.WatchRequest;
import io.millstone.api.telemetry.v1.WatchUpdate;
import io.millstone.client.telemetry.TelemetryGateway;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Machines, live values, history, alarms and downtime on the server (Machine/MonitorService). */
public final class Telemetry implements TelemetryGateway {
  private static final int PAGE = 200;
  private final Session session;

  public Telemetry(Session session) {
    this.session = session;
  }

  private MonitorServiceGrpc.MonitorServiceBlockingStub monitor() {
    return session.stub(MonitorServiceGrpc.newBlockingStub(session.connection().channel()));
  }

  @Override
  public List<Machine> machines() throws RemoteException {
    MachineServiceGrpc.MachineServiceBlockingStub stub =
        session.stub(MachineServiceGrpc.newBlockingStub(session.connection().channel()));
    List<Machine> out = new ArrayList<>();
    String token = "";
    do {
      String t = token;
      ListMachinesResponse r =
          Calls.call(
              () ->
                  stub.listMachines(
                      ListMachinesRequest.newBuilder()
                          .setPage(PageRequest.newBuilder().setPageSize(PAGE).setPageToken(t))
                          .build()));
      out.addAll(r.getMachinesList());
      token = r.getPage().getNextPageToken();
    } while (!token.isEmpty());
    return out;
  }

  @Override
  public AutoCloseable watch(String machineId, WatchListener listener) {
    // A watch lives as long as the screen: no deadline, cancelled by the handle.
    MonitorServiceGrpc.MonitorServiceStub stub =
        session.stub(MonitorServiceGrpc.newStub(session.connection().channel())).withDeadline(null);
    Object lock = new Object();
    @SuppressWarnings("unchecked")
    ClientCallStreamObserver<WatchRequest>[] call = new ClientCallStreamObserver[1];
    boolean[] cancelled = {false};
    stub.watch(
        WatchRequest.newBuilder().setMachineId(machineId == null ? "" : machineId).build(),
        new ClientResponseObserver<WatchRequest, WatchUpdate>() {
          @Override
          public void beforeStart(ClientCallStreamObserver<WatchRequest> requestStream) {
            synchronized (lock) {
              call[0] = requestStream;
            }
          }

          @Override
          public void onNext(WatchUpdate value) {
            listener.onUpdate(value);
          }

          @Override
          public void onError(Throwable t) {
            synchronized (lock) {
              if (cancelled[0]) {
                return;
              }
            }
            listener.onError(
                t instanceof StatusRuntimeException s
                    ? StatusTranslator.translate(s, false)
                    : new RemoteException(RemoteException.Kind.OTHER, String.valueOf(t)));
          }

          @Override
          public void onCompleted() {
            listener.onEnd();
          }
        });
    return () -> {
      synchronized (lock) {
        cancelled[0] = true;
        if (call[0] != null) {
          call[0].cancel("screen closed", null);
        }
      }
    };
  }

  @Override
  public HistoryResponse history(String tagId, Instant from, Instant to, int buckets)
      throws RemoteException {
    return Calls.call(
        () ->
            monitor()
                .history(
                    HistoryRequest.newBuilder()
                        .setTagId(tagId)
                        .setFrom(timestamp(from))
                        .setTo(timestamp(to))
                        .setBuckets(buckets)
                        .build()));
  }

  @Override
  public List<Alarm> alarms() throws RemoteException {
    return Calls.call(
            () ->
                monitor()
                    .listAlarms(
                        ListAlarmsRequest.newBuilder()
                            .setPage(PageRequest.newBuilder().setPageSize(500))
                            .build()))
        .getAlarmsList();
  }

  @Override
  public Alarm acknowledge(String alarmId) throws RemoteException {
    return Calls.call(
        () ->
            monitor()
                .acknowledgeAlarm(AcknowledgeAlarmRequest.newBuilder().setId(alarmId).build()));
  }

  @Override
  public List<Downtime> downtime(Instant from, Instant to) throws RemoteException {
    return Calls.call(
            () ->
                monitor()
                    .listDowntime(
                        ListDowntimeRequest.newBuilder()
                            .setFrom(timestamp(from))
                            .setTo(timestamp(to))
                            .build()))
        .getPeriodsList();
  }

  @Override
  public Downtime setDowntimeReason(String id, String reason, String note) throws RemoteException {
    return Calls.call(
        () ->
            monitor()
                .setDowntimeReason(
                    SetDowntimeReasonRequest.newBuilder()
                        .setId(id)
                        .setReason(reason == null ? "" : reason)
                        .setNote(note == null ? "" : note)
                        .build()));
  }

  private static Timestamp timestamp(Instant i) {
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
  }
}
