package io.millstone.client.core;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the UI thread and hands its result back on the UI thread. Every remote call goes
 * through here, so the window never freezes while the server thinks.
 */
public interface UiTaskExecutor {

  /** A running piece of work that reports progress (0..1, or -1 when unknown). */
  interface Progress {
    void update(long done, long total);

    boolean isCancelled();
  }

  /** Work that reports progress as it goes. */
  interface ProgressWork<T> {
    T call(Progress progress) throws Exception;
  }

  /** A handle to cancel running work. */
  interface Handle {
    void cancel();
  }

  <T> Handle submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

  /**
   * Like {@link #submit} but the work reports progress; {@code onProgress} receives a fraction on
   * the UI thread.
   */
  <T> Handle submitWithProgress(
      ProgressWork<T> work,
      Consumer<Double> onProgress,
      Consumer<T> onSuccess,
      Consumer<Throwable> onFailure);

  /** Runs a small piece of code on the UI thread later. */
  void runOnUiThread(Runnable r);
}
