package io.millstone.server.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;

/**
 * Per-second call limits shared by all nodes through Redis, without a Redis round trip per call:
 * each node counts locally and adds its counts to Redis every {@value #FLUSH_MILLIS} ms, learning
 * the cluster-wide total in the same round trip. A key may overshoot its limit by what other nodes
 * admitted within one flush interval; that is the price of keeping Redis off the hot path.
 */
final class RateLimiter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
  static final long FLUSH_MILLIS = 100;

  private static final class Window {
    final long second;
    final LongAdder admitted = new LongAdder();
    final AtomicLong flushed = new AtomicLong();
    volatile long clusterTotal;

    Window(long second) {
      this.second = second;
    }

    long estimate() {
      return clusterTotal + admitted.sum() - flushed.get();
    }
  }

  private final RedisClient redis;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final ScheduledFuture<?> flusher;

  RateLimiter(RedisClient redis, ScheduledExecutorService scheduler) {
    this.redis = redis;
    this.flusher =
        scheduler.scheduleWithFixedDelay(
            this::flushSafely, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Counts one call against {@code key}; false if the key already used its limit this second. */
  boolean tryAcquire(String key, int limitPerSecond) {
    long now = System.currentTimeMillis() / 1000;
    Window w = windows.get(key);
    if (w == null || w.second != now) {
      Window fresh = new Window(now);
      if (w == null) {
        Window raced = windows.putIfAbsent(key, fresh);
        w = raced == null ? fresh : raced;
      } else if (windows.replace(key, w, fresh)) {
        w = fresh;
      } else {
        w = windows.get(key);
      }
    }
    if (w.estimate() >= limitPerSecond) {
      return false;
    }
    w.admitted.increment();
    return true;
  }

  private void flushSafely() {
    try {
      flush();
    } catch (RuntimeException e) {
      log.debug("rate-limit flush failed: {}", e.toString());
    }
  }

  void flush() {
    long now = System.currentTimeMillis() / 1000;
    List<Map.Entry<String, Window>> dirty = new ArrayList<>();
    for (Map.Entry<String, Window> e : windows.entrySet()) {
      Window w = e.getValue();
      if (w.second < now - 2) {
        windows.remove(e.getKey(), w);
      } else if (w.admitted.sum() > w.flushed.get()) {
        dirty.add(e);
      }
    }
    if (dirty.isEmpty()) {
      return;
    }
    List<Response<Long>> totals = new ArrayList<>(dirty.size());
    List<Long> deltas = new ArrayList<>(dirty.size());
    try (Pipeline p = redis.pipelined()) {
      for (Map.Entry<String, Window> e : dirty) {
        Window w = e.getValue();
        long delta = w.admitted.sum() - w.flushed.get();
        deltas.add(delta);
        String k = "ms:rate:" + e.getKey() + ":" + w.second;
        totals.add(p.incrBy(k, delta));
        p.expire(k, 5);
      }
      p.sync();
    }
    for (int i = 0; i < dirty.size(); i++) {
      Window w = dirty.get(i).getValue();
      w.flushed.addAndGet(deltas.get(i));
      w.clusterTotal = totals.get(i).get();
    }
  }

  @Override
  public void close() {
    flusher.cancel(false);
  }
}
