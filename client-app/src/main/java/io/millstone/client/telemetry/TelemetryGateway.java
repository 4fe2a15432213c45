package io.millstone.client.telemetry;

import io.millstone.api.telemetry.v1.Alarm;
import io.millstone.api.telemetry.v1.Downtime;
import io.millstone.api.telemetry.v1.HistoryResponse;
import io.millstone.api.telemetry.v1.Machine;
import io.millstone.api.telemetry.v1.WatchUpdate;
import java.time.Instant;
import java.util.List;

/**
 * What the factory screens ask of the server. Blocking methods are called off the UI thread; {@link
 * #watch} returns at once and reports on a network thread.
 */
public interface TelemetryGateway {

  /** Where a live stream reports: updates, then exactly one of the two endings. */
  interface WatchListener {
    void onUpdate(WatchUpdate update);

    /** The stream broke (server gone, session ended); {@code error} is a RemoteException. */
    void onError(Exception error);

    /** The server ended the stream (it is shutting down). */
    void onEnd();
  }

  /** Every machine of the company with its tags. */
  List<Machine> machines() throws Exception;

  /**
   * Starts watching live values (of one machine, or all when {@code machineId} is empty). Closing
   * the returned handle cancels the stream on the server.
   */
  AutoCloseable watch(String machineId, WatchListener listener);

  HistoryResponse history(String tagId, Instant from, Instant to, int buckets) throws Exception;

  List<Alarm> alarms() throws Exception;

  Alarm acknowledge(String alarmId) throws Exception;

  List<Downtime> downtime(Instant from, Instant to) throws Exception;

  Downtime setDowntimeReason(String id, String reason, String note) throws Exception;
}
