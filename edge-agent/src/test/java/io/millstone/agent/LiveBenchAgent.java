package io.millstone.agent;

import io.millstone.agent.buffer.Sample;
import io.millstone.agent.config.AgentConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The agent process of {@code scripts/bench live}: a real agent (buffer writer, SQLite buffer,
 * uplink) whose only source hands it readings at an exact rate, each stamped with the moment it was
 * made, so the bench can tell how old a value is when a watcher sees it.
 *
 * <p>Arguments: agent.yaml, readings per second, seconds (the bench stops it sooner), tag keys
 * (comma-separated).
 */
public final class LiveBenchAgent {
  private LiveBenchAgent() {}

  public static void main(String[] args) throws Exception {
    AgentConfig config = AgentConfig.load(Path.of(args[0]));
    int rate = Integer.parseInt(args[1]);
    int seconds = Integer.parseInt(args[2]);
    String[] tags = args[3].split(",");
    SplittableRandom random = new SplittableRandom(7);
    try (Agent agent = new Agent(config, "live-bench").start()) {
      long t0 = System.nanoTime();
      long end = t0 + TimeUnit.SECONDS.toNanos(seconds);
      long made = 0;
      int tag = 0;
      while (System.nanoTime() < end) {
        long due = (System.nanoTime() - t0) * rate / 1_000_000_000L;
        if (due > made) {
          List<Sample> samples = new ArrayList<>((int) (due - made));
          Instant now = Instant.now();
          for (; made < due; made++) {
            samples.add(
                Sample.good(
                    tags[tag], now, String.valueOf(100 + random.nextInt(100_000) / 1000.0)));
            tag = (tag + 1) % tags.length;
          }
          agent.writer().accept(samples);
        }
        Thread.sleep(1);
      }
      System.out.printf("live bench agent: made %d readings in %d s%n", made, seconds);
    }
    System.exit(0);
  }
}
