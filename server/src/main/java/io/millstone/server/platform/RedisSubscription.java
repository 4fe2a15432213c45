package io.millstone.server.platform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A Redis subscription kept open on a thread of its own, subscribed again after a lost connection,
 * and ended without leaving its connection in subscribe mode.
 *
 * <p>Jedis hands the connection of a subscription back to the shared pool when its read loop ends,
 * and that loop also ends when its thread is interrupted while still subscribed: the next command
 * then gets a connection that answers nothing but (UN)SUBSCRIBE, or a stray reply ("Long cannot be
 * cast to List"), in whichever request draws it. So this never interrupts its thread. {@link
 * #close()} unsubscribes exactly once, and a subscription confirmed only after the close (the
 * thread was still on its way) ends itself from its own callback through {@link #wanted()}. For the
 * same reason no exception may leave a subscription's callbacks: Jedis would return the connection
 * to the pool, still subscribed, on the way out.
 */
public final class RedisSubscription implements AutoCloseable {
  private final Runnable subscribe;
  private final Runnable unsubscribe;
  private final BooleanSupplier subscribed;
  private final Consumer<RuntimeException> lost;
  private final Duration retry;
  private final Thread thread;
  private final Object sleep = new Object();
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile boolean closed;

  /**
   * @param subscribe blocks while subscribed, e.g. {@code () -> redis.subscribe(pubSub, channel)}
   * @param unsubscribe ends it from another thread or from the callback ({@code
   *     pubSub::unsubscribe})
   * @param subscribed whether the subscription is confirmed ({@code pubSub::isSubscribed})
   * @param lost told when the subscription broke and will be tried again after {@code retry}
   */
  public RedisSubscription(
      String name,
      Runnable subscribe,
      Runnable unsubscribe,
      BooleanSupplier subscribed,
      Consumer<RuntimeException> lost,
      Duration retry) {
    this.subscribe = subscribe;
    this.unsubscribe = unsubscribe;
    this.subscribed = subscribed;
    this.lost = lost;
    this.retry = retry;
    this.thread = Thread.ofPlatform().daemon().name(name).unstarted(this::run);
  }

  public RedisSubscription start() {
    thread.start();
    return this;
  }

  /**
   * For the subscription's confirmation callback: false, and the subscription ended, once closed.
   */
  public boolean wanted() {
    // Called from the subscription's own thread, which start() began after construction.
    if (closed) {
      end();
      return false;
    }
    return true;
  }

  private void run() {
    while (!closed) {
      try {
        subscribe.run();
      } catch (RuntimeException e) {
        if (!closed) {
          lost.accept(e);
        }
      }
      synchronized (sleep) {
        if (!closed) {
          try {
            sleep.wait(retry.toMillis());
          } catch (InterruptedException e) {
            return;
          }
        }
      }
    }
  }

  private void end() {
    if (ended.compareAndSet(false, true)) {
      try {
        unsubscribe.run();
      } catch (RuntimeException e) {
        // the connection is gone already: nothing is left subscribed on it
      }
    }
  }

  /** Ends the subscription and waits (up to two seconds) for its thread to let go of Redis. */
  @Override
  public void close() {
    closed = true;
    synchronized (sleep) {
      sleep.notifyAll();
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (thread.isAlive() && System.nanoTime() < deadline) {
      if (subscribed.getAsBoolean()) {
        end();
      }
      try {
        thread.join(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
