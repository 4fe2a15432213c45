package io.millstone.client.support;

import io.millstone.client.core.UiTaskExecutor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work in the calling thread, for view-model tests without a screen. Work submitted while
 * other work is finishing is queued and run after it, as the UI thread would.
 */
public final class DirectExecutor implements UiTaskExecutor {
  private final Deque<Runnable> queue = new ArrayDeque<>();
  private boolean running;
  private int submitted;

  public int submitted() {
    return submitted;
  }

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
    submitted++;
    queue.add(
        () -> {
          T result;
          try {
            result =
                work.call(
                    new Progress() {
                      @Override
                      public void update(long done, long total) {
                        if (onProgress != null) {
                          onProgress.accept(total <= 0 ? -1.0 : (double) done / total);
                        }
                      }

                      @Override
                      public boolean isCancelled() {
                        return false;
                      }
                    });
          } catch (Exception e) {
            onFailure.accept(e);
            return;
          }
          onSuccess.accept(result);
        });
    drain();
    return () -> {};
  }

  private void drain() {
    if (running) {
      return;
    }
    running = true;
    try {
      Runnable r;
      while ((r = queue.poll()) != null) {
        r.run();
      }
    } finally {
      running = false;
    }
  }

  @Override
  public void runOnUiThread(Runnable r) {
    r.run();
  }
}
