package io.millstone.client.core;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;

/** Runs each piece of work in a JavaFX {@link Task} on a pool of daemon threads. */
public final class FxTaskExecutor implements UiTaskExecutor, AutoCloseable {
  private final ExecutorService pool =
      Executors.newCachedThreadPool(
          Thread.ofPlatform().daemon().name("millstone-ui-task-", 0).factory());

  @Override
  public <T> Handle submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    return submitWithProgress(p -> work.call(), null, onSuccess, onFailure);
  }

  @Override
  public <T> Handle submitWithProgress(
      ProgressWork<T> work,
      Consumer<Double> onProgress,
      Consumer<T> onSuccess,
      Consumer<Throwable> onFailure) {
    Task<T> task =
        new Task<>() {
          @Override
          protected T call() throws Exception {
            Task<T> self = this;
            return work.call(
                new Progress() {
                  @Override
                  public void update(long done, long total) {
                    updateProgress(done, total);
                  }

                  @Override
                  public boolean isCancelled() {
                    return self.isCancelled();
                  }
                });
          }
        };
    if (onProgress != null) {
      task.progressProperty().addListener((o, a, b) -> onProgress.accept(b.doubleValue()));
    }
    task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
    task.setOnFailed(e -> onFailure.accept(task.getException()));
    pool.execute(task);
    return () -> task.cancel(true);
  }

  @Override
  public void runOnUiThread(Runnable r) {
    if (Platform.isFxApplicationThread()) {
      r.run();
    } else {
      Platform.runLater(r);
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
