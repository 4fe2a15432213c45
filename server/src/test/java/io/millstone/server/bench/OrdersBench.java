package io.millstone.server.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code scripts/bench orders}: concurrent sales clerks run the order dialog (create 5 lines,
 * deliver with goods issue, list 40 orders, invoice with VAT posted to the ledger) as fast as the
 * server answers, over real gRPC on loopback, against embedded PostgreSQL and Redis in this
 * machine. Counts fully processed order line items per second; then pgbench TPC-B on the same
 * PostgreSQL as the reference.
 *
 * <p>It measures the steady state, as the SAP SD benchmark does after its ramp-up: on this 2-core
 * machine the JIT compilers still take a third of the JVM's CPU 40 s into a run and the rate climbs
 * for about 90 s (the progress lines show the climb), so the clerks run 90 s before the 60 s that
 * are counted.
 */
public final class OrdersBench {
  static final int CLERKS = Integer.getInteger("bench.concurrency", 16);
  static final long WARMUP = Long.getLong("bench.warmup.seconds", 90);
  static final long MEASURE = Long.getLong("bench.measure.seconds", 60);

  public static void main(String[] args) throws Exception {
    try (TradeBench bench = new TradeBench(CLERKS)) {
      System.out.printf(
          "orders bench: %d clerks, 5 lines per order, %d s warm-up, %d s measured%n",
          CLERKS, WARMUP, MEASURE);
      long[] latencies = new long[4_000_000];
      AtomicLong recorded = new AtomicLong();
      AtomicLong orders = new AtomicLong();
      AtomicLong allOrders = new AtomicLong();
      AtomicLong errors = new AtomicLong();
      AtomicBoolean measuring = new AtomicBoolean();
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> threads = new ArrayList<>();
      CountDownLatch ready = new CountDownLatch(CLERKS);
      for (int i = 0; i < CLERKS; i++) {
        var stub = bench.clerk(i % bench.accounts(CLERKS));
        threads.add(
            Thread.ofPlatform()
                .name("clerk-" + i)
                .start(
                    () -> {
                      ready.countDown();
                      while (!stop.get()) {
                        try {
                          TradeBench.dialog(
                              stub,
                              (step, nanos) -> {
                                if (measuring.get()) {
                                  long k = recorded.getAndIncrement();
                                  if (k < latencies.length) {
                                    latencies[(int) k] = nanos;
                                  }
                                }
                              },
                              () -> {});
                          allOrders.incrementAndGet();
                          if (measuring.get()) {
                            orders.incrementAndGet();
                          }
                        } catch (RuntimeException e) {
                          errors.incrementAndGet();
                          if (errors.get() < 5) {
                            System.out.println("orders bench: error " + e);
                          }
                        } catch (InterruptedException e) {
                          return;
                        }
                      }
                    }));
      }
      ready.await();
      if (!Boolean.getBoolean("bench.quiet")) {
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  long last = 0;
                  for (int t = 10; !stop.get(); t += 10) {
                    try {
                      Thread.sleep(10_000);
                    } catch (InterruptedException e) {
                      return;
                    }
                    long now = allOrders.get();
                    if (!measuring.get() && t > WARMUP) {
                      return;
                    }
                    System.out.printf(
                        "orders progress: %d s %d line items/s%n",
                        t, (now - last) * TradeBench.LINES / 10);
                    last = now;
                  }
                });
      }
      Thread.sleep(WARMUP * 1000);
      measuring.set(true);
      long start = System.nanoTime();
      Thread.sleep(MEASURE * 1000);
      measuring.set(false);
      double seconds = (System.nanoTime() - start) / 1e9;
      long done = orders.get();
      int n = (int) Math.min(recorded.get(), latencies.length);
      stop.set(true);
      for (Thread t : threads) {
        t.join(60_000);
      }
      double ordersPerSec = done / seconds;
      double p95 = TradeBench.percentile(latencies, n, 0.95);
      System.out.printf(
          "orders bench: %d orders (%d line items) in %.1f s, %d errors; running pgbench...%n",
          done, done * 5, seconds, errors.get());
      double tps = bench.pgbenchTps(CLERKS, (int) Math.min(MEASURE, 20));
      System.out.printf(
          "orders line_items_per_sec=%.0f orders_per_sec=%.1f p95_ms=%.1f pgbench_tps=%.0f"
              + " ratio_to_pgbench=%s clerks=%d errors=%d%n",
          ordersPerSec * 5,
          ordersPerSec,
          p95,
          tps,
          tps > 0 ? String.format("%.2f", ordersPerSec * 4 / tps) : "n/a",
          CLERKS,
          errors.get());
    }
    System.exit(0);
  }
}
