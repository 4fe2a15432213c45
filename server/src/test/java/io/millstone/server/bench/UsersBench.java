package io.millstone.server.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code scripts/bench users}: 1,000 simulated office users (virtual threads) run the order dialog
 * with about 10 s of think time between steps, as people do. Reports the answer times they see.
 * Users share 100 sign-ins (ten desks per clerk account), so the run measures the work, not a
 * thousand Argon2 sign-ins.
 */
public final class UsersBench {
  static final int USERS = Integer.getInteger("bench.users", 1000);
  static final long THINK_MS = Long.getLong("bench.think.ms", 10_000);
  static final long MEASURE = Long.getLong("bench.measure.seconds", 60);

  public static void main(String[] args) throws Exception {
    try (TradeBench bench = new TradeBench(USERS)) {
      int accounts = bench.accounts(USERS);
      var stubs =
          new ArrayList<io.millstone.api.sales.v1.SalesServiceGrpc.SalesServiceBlockingStub>();
      for (int i = 0; i < accounts; i++) {
        stubs.add(bench.clerk(i));
      }
      System.out.printf(
          "users bench: %d users, think time ~%d ms, ramp-up over one think time, %d s measured%n",
          USERS, THINK_MS, MEASURE);
      long[] latencies = new long[4_000_000];
      AtomicLong recorded = new AtomicLong();
      AtomicLong calls = new AtomicLong();
      AtomicLong errors = new AtomicLong();
      AtomicBoolean measuring = new AtomicBoolean();
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> users = new ArrayList<>();
      TradeBench.Pacer think =
          () -> {
            long ms = (long) (THINK_MS * (0.5 + ThreadLocalRandom.current().nextDouble()));
            Thread.sleep(ms);
          };
      for (int i = 0; i < USERS; i++) {
        var stub = stubs.get(i % accounts);
        users.add(
            Thread.ofVirtual()
                .start(
                    () -> {
                      try {
                        // Arrive spread over one think time.
                        Thread.sleep(ThreadLocalRandom.current().nextLong(THINK_MS));
                        while (!stop.get()) {
                          try {
                            TradeBench.dialog(
                                stub,
                                (step, nanos) -> {
                                  if (measuring.get()) {
                                    calls.incrementAndGet();
                                    long k = recorded.getAndIncrement();
                                    if (k < latencies.length) {
                                      latencies[(int) k] = nanos;
                                    }
                                  }
                                },
                                think);
                          } catch (RuntimeException e) {
                            if (stop.get()) {
                              return; // calls cut short by the end of the run are not errors
                            }
                            errors.incrementAndGet();
                            if (errors.get() < 5) {
                              System.out.println("users bench: error " + e);
                            }
                            think.pause();
                          }
                        }
                      } catch (InterruptedException e) {
                        // stopping
                      }
                    }));
      }
      Thread.sleep(THINK_MS * 2);
      measuring.set(true);
      long start = System.nanoTime();
      long errorsBefore = errors.get();
      Thread.sleep(MEASURE * 1000);
      measuring.set(false);
      double seconds = (System.nanoTime() - start) / 1e9;
      long errs = errors.get() - errorsBefore;
      int n = (int) Math.min(recorded.get(), latencies.length);
      stop.set(true);
      for (Thread t : users) {
        t.interrupt();
      }
      System.out.printf(
          "users bench: %d calls in %.1f s (%.1f calls/s)%n",
          calls.get(), seconds, calls.get() / seconds);
      System.out.printf(
          "users users=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f calls_per_sec=%.1f errors=%d%n",
          USERS,
          TradeBench.percentile(latencies, n, 0.50),
          TradeBench.percentile(latencies, n, 0.95),
          TradeBench.percentile(latencies, n, 0.99),
          calls.get() / seconds,
          errs);
    }
    System.exit(0);
  }
}
