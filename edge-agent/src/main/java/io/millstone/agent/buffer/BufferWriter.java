package io.millstone.agent.buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups what the sources read into commits of up to {@link #MAX_BATCH} readings or {@link
 * #MAX_WAIT_MS} ms, whichever comes first: one fsync per commit instead of one per reading. A
 * source that outpaces the disk is slowed down (its hand-off blocks) rather than losing readings in
 * memory.
 */
public final class BufferWriter implements Consumer<List<Sample>>, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BufferWriter.class);
  static final int MAX_BATCH = 1000;
  static final long MAX_WAIT_MS = 50;

  private final ReadingBuffer buffer;
  private final Runnable afterCommit;
  private final BlockingQueue<Sample> queue = new ArrayBlockingQueue<>(20_000);
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * @param afterCommit told after every commit (the uplink wakes up to send)
   */
  public BufferWriter(ReadingBuffer buffer, Runnable afterCommit) {
    this.buffer = buffer;
    this.afterCommit = afterCommit;
    this.thread = Thread.ofPlatform().name("buffer-writer").start(this::loop);
  }

  @Override
  public void accept(List<Sample> samples) {
    try {
      for (Sample s : samples) {
        queue.put(s);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void loop() {
    List<Sample> batch = new ArrayList<>(MAX_BATCH);
    while (running || !queue.isEmpty()) {
      try {
        Sample first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MS);
        while (batch.size() < MAX_BATCH) {
          queue.drainTo(batch, MAX_BATCH - batch.size());
          long left = deadline - System.nanoTime();
          if (batch.size() >= MAX_BATCH || left <= 0) {
            break;
          }
          Sample next = queue.poll(left, TimeUnit.NANOSECONDS);
          if (next == null) {
            break;
          }
          batch.add(next);
        }
        write(batch);
        batch.clear();
      } catch (InterruptedException e) {
        // close() interrupts only after running is false; the loop drains what is left
      }
    }
  }

  private void write(List<Sample> batch) {
    // A failing disk must not lose what we hold: keep trying, loudly.
    while (true) {
      try {
        buffer.append(batch);
        afterCommit.run();
        return;
      } catch (ReadingBuffer.BufferException e) {
        log.error("{}; retrying in 1 s", e.getMessage());
        try {
          Thread.sleep(1000);
        } catch (InterruptedException ie) {
          if (!running) {
            log.error("Stopping with {} readings not written to the buffer", batch.size());
            return;
          }
        }
      }
    }
  }

  /** Writes everything handed over so far, then stops. */
  @Override
  public void close() {
    running = false;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      thread.interrupt();
    }
  }
}
