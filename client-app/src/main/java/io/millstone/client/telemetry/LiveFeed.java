package io.millstone.client.telemetry;

import io.millstone.api.telemetry.v1.WatchUpdate;
import io.millstone.client.core.UiTaskExecutor;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * One screen's live stream: opens Watch, and when the stream breaks (server restarted, network
 * dropped) opens it again after a pause until the screen stops it. The new stream starts with a
 * fresh snapshot, so nothing missed while away stays wrong on screen.
 */
final class LiveFeed {
  private final TelemetryGateway gateway;
  private final UiTaskExecutor executor;
  private final String machineId;
  private final Duration retryDelay;
  private final Consumer<WatchUpdate> onUpdate;
  private final Consumer<Boolean> onLive;
  private final Object lock = new Object();
  private AutoCloseable call;
  private boolean running;
  private int generation;

  /**
   * {@code onUpdate} runs on a network thread; {@code onLive} on the UI thread, with true once a
   * snapshot arrived and false when the stream broke.
   */
  LiveFeed(
      TelemetryGateway gateway,
      UiTaskExecutor executor,
      String machineId,
      Duration retryDelay,
      Consumer<WatchUpdate> onUpdate,
      Consumer<Boolean> onLive) {
    this.gateway = gateway;
    this.executor = executor;
    this.machineId = machineId;
    this.retryDelay = retryDelay;
    this.onUpdate = onUpdate;
    this.onLive = onLive;
  }

  void start() {
    synchronized (lock) {
      if (running) {
        return;
      }
      running = true;
    }
    open();
  }

  boolean isRunning() {
    synchronized (lock) {
      return running;
    }
  }

  private void open() {
    int mine;
    synchronized (lock) {
      if (!running) {
        return;
      }
      mine = ++generation;
    }
    AutoCloseable c =
        gateway.watch(
            machineId,
            new TelemetryGateway.WatchListener() {
              @Override
              public void onUpdate(WatchUpdate update) {
                if (current(mine)) {
                  onUpdate.accept(update);
                  if (update.getSnapshot()) {
                    executor.runOnUiThread(() -> onLive.accept(true));
                  }
                }
              }

              @Override
              public void onError(Exception error) {
                broken(mine);
              }

              @Override
              public void onEnd() {
                broken(mine);
              }
            });
    synchronized (lock) {
      if (running && generation == mine) {
        call = c;
        return;
      }
    }
    closeQuietly(c);
  }

  private boolean current(int gen) {
    synchronized (lock) {
      return running && generation == gen;
    }
  }

  private void broken(int gen) {
    if (!current(gen)) {
      return;
    }
    executor.runOnUiThread(() -> onLive.accept(false));
    try {
      executor.submit(
          () -> {
            Thread.sleep(retryDelay.toMillis());
            return null;
          },
          x -> {
            if (current(gen)) {
              open();
            }
          },
          x -> {});
    } catch (RejectedExecutionException e) {
      // The window is closing; nobody is left to show live values to.
    }
  }

  /** Cancels the stream on the server; no more updates arrive after this returns. */
  void stop() {
    AutoCloseable c;
    synchronized (lock) {
      running = false;
      generation++;
      c = call;
      call = null;
    }
    closeQuietly(c);
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception ignored) {
        // cancelling a call does not fail in a way anyone could act on
      }
    }
  }
}
