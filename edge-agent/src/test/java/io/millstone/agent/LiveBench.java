package io.millstone.agent;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.millstone.agent.config.DeviceCredential;
import io.millstone.agent.source.SimulatorSource;
import io.millstone.api.telemetry.v1.MonitorServiceGrpc;
import io.millstone.api.telemetry.v1.TagValue;
import io.millstone.api.telemetry.v1.WatchRequest;
import io.millstone.api.telemetry.v1.WatchUpdate;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.BinaryJedisPubSub;
import redis.clients.jedis.RedisClient;

/**
 * {@code scripts/bench live}: how old a value is when a user watching the mill sees it. Agent
 * processes make {@value #DEFAULT_RATE} readings a second between them, each stamped when made;
 * they go through each agent's buffer and uplink, the server's commit and Redis, and arrive on a
 * real gRPC Watch stream opened by this process. The figure per delivered value is the time from
 * its making at the agent to its arrival on the Watch (all on one machine, one clock). A watcher
 * gets the newest value per tag, so this is the age of what the screen shows.
 *
 * <p>The limit, measured at the same time on the same machine: a raw Redis publish to a subscriber,
 * with payloads the size of a live update, through the same Redis the server uses.
 */
public final class LiveBench {
  static final int DEFAULT_RATE = 10_000;
  static final int AGENTS = Integer.getInteger("bench.agents", 2);
  static final int RATE = Integer.getInteger("bench.rate", DEFAULT_RATE);
  static final int SECONDS = Integer.getInteger("bench.seconds", 20);
  static final int WARMUP = 8;

  /** Latencies in microseconds, kept while {@code recording}. */
  static final class Latencies {
    private long[] values = new long[1 << 16];
    private long[] at = new long[1 << 16];
    private int n;
    volatile boolean recording;
    volatile long lastMicros = Long.MAX_VALUE;

    synchronized void add(long micros) {
      lastMicros = micros;
      if (!recording) {
        return;
      }
      if (n == values.length) {
        values = Arrays.copyOf(values, n * 2);
        at = Arrays.copyOf(at, n * 2);
      }
      at[n] = System.nanoTime();
      values[n++] = micros;
    }

    /** The median of each second, to tell a steady delay from a backlog draining. */
    synchronized String perSecondMedians(long t0) {
      StringBuilder sb = new StringBuilder();
      int i = 0;
      for (int sec = 0; i < n; sec++) {
        long until = t0 + (sec + 1) * 1_000_000_000L;
        int from = i;
        while (i < n && at[i] < until) {
          i++;
        }
        long[] part = Arrays.copyOfRange(values, from, i);
        Arrays.sort(part);
        sb.append(part.length == 0 ? "-" : String.valueOf(part[part.length / 2] / 1000))
            .append(' ');
      }
      return sb.toString().trim();
    }

    synchronized int count() {
      return n;
    }

    synchronized double percentileMs(double p) {
      if (n == 0) {
        return Double.NaN;
      }
      long[] sorted = Arrays.copyOf(values, n);
      Arrays.sort(sorted);
      int i = (int) Math.min(n - 1, Math.ceil(p / 100.0 * n) - 1);
      return sorted[Math.max(0, i)] / 1000.0;
    }
  }

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("millstone-live-bench-");
    TestMill mill = new TestMill();
    String prefix = "live" + UUID.randomUUID().toString().substring(0, 6);
    mill.simulatedMachine(prefix);
    List<String> tags = new ArrayList<>();
    for (String s : SimulatorSource.SIGNALS) {
      if (!s.endsWith("running") && !s.endsWith("cycles") && !s.endsWith("stable")) {
        tags.add(prefix + "." + s);
      }
    }
    List<String> devices = new ArrayList<>();
    List<Path> configs = new ArrayList<>();
    for (int a = 0; a < AGENTS; a++) {
      Path home = Files.createDirectories(dir.resolve("agent-" + a));
      DeviceCredential cred = mill.enrolledDevice(prefix + "-pc-" + a);
      cred.write(home.resolve("device.credentials"));
      devices.add(cred.deviceId());
      Path yaml = home.resolve("agent.yaml");
      Files.writeString(
          yaml,
          "server: "
              + mill.address()
              + "\ncredentials: device.credentials\nbuffer:\n  path: buffer.db\n"
              + "status_file: status.properties\nuplink:\n  batch_size: 1000\n");
      configs.add(yaml);
    }
    System.out.printf(
        "live bench: %d agent processes, %d readings/s in all, %d s warm-up, %d s measured%n",
        AGENTS, RATE, WARMUP, SECONDS);

    // The watcher: a user's client on the live values of the whole company.
    Latencies live = new Latencies();
    List<Seen> seenValues = java.util.Collections.synchronizedList(new ArrayList<>());
    ManagedChannel ch = NettyChannelBuilder.forTarget(mill.address()).usePlaintext().build();
    long[] updates = {0};
    boolean[] stopping = {false};
    mill.asAdmin(MonitorServiceGrpc.newStub(ch))
        .watch(
            WatchRequest.getDefaultInstance(),
            new StreamObserver<>() {
              @Override
              public void onNext(WatchUpdate u) {
                Instant now = Instant.now();
                if (u.getSnapshot()) {
                  return;
                }
                updates[0]++;
                for (TagValue v : u.getValuesList()) {
                  long made =
                      v.getSourceTime().getSeconds() * 1_000_000L
                          + v.getSourceTime().getNanos() / 1000;
                  long seen = now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
                  live.add(seen - made);
                  if (live.recording) {
                    seenValues.add(new Seen(UUID.fromString(v.getTagId()), made, seen));
                  }
                }
              }

              @Override
              public void onError(Throwable t) {
                if (!stopping[0]) {
                  System.out.println("live bench: the Watch failed: " + t);
                }
              }

              @Override
              public void onCompleted() {}
            });

    // The limit: Redis pub/sub round trips on the same Redis, at the same time.
    Latencies redis = new Latencies();
    RedisPing ping = new RedisPing(TestMill.platform().redisUrl(), redis);
    ping.start();

    List<Process> agents = new ArrayList<>();
    for (Path yaml : configs) {
      agents.add(startAgent(yaml, RATE / AGENTS, 600, String.join(",", tags)));
    }
    // Warm-up: JIT-compiling agents and server build a backlog at start; measure once it is gone
    // (the newest value seen is under half a second old three seconds running), as a mill runs.
    long warm = System.nanoTime();
    Thread.sleep(TimeUnit.SECONDS.toMillis(WARMUP));
    for (int fresh = 0; fresh < 3 && System.nanoTime() - warm < TimeUnit.SECONDS.toNanos(90); ) {
      Thread.sleep(1000);
      fresh = live.lastMicros < 500_000 ? fresh + 1 : 0;
    }
    double warmSeconds = (System.nanoTime() - warm) / 1e9;
    long storedBefore = stored(mill, devices);
    long t0 = System.nanoTime();
    live.recording = true;
    redis.recording = true;
    Thread.sleep(TimeUnit.SECONDS.toMillis(SECONDS));
    live.recording = false;
    redis.recording = false;
    double seconds = (System.nanoTime() - t0) / 1e9;
    long storedAfter = stored(mill, devices);
    ping.close();
    for (Process p : agents) {
      p.destroy();
      p.waitFor(30, TimeUnit.SECONDS);
    }
    stopping[0] = true;
    ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    double rate = (storedAfter - storedBefore) / seconds;
    double p50 = live.percentileMs(50);
    double p99 = live.percentileMs(99);
    double redisP50 = redis.percentileMs(50);
    double redisP99 = redis.percentileMs(99);
    System.out.printf(
        "live bench: %d values seen on the Watch in %d updates; p50 %.1f ms, p99 %.1f ms, max %.1f"
            + " ms%n",
        live.count(), updates[0], p50, p99, live.percentileMs(100));
    System.out.printf("live bench: warm-up (backlog drained) took %.0f s%n", warmSeconds);
    System.out.println("live bench: median age (ms) per second: " + live.perSecondMedians(t0));
    double[] split = serverPart(seenValues);
    System.out.printf(
        "live bench: from arrival at the server (reading.received_at) to the Watch: p50 %.1f ms,"
            + " p99 %.1f ms (%d values)%n",
        split[0], split[1], (long) split[2]);
    System.out.printf(
        "live bench: redis pub/sub %d round trips, p50 %.2f ms, p99 %.2f ms%n",
        redis.count(), redisP50, redisP99);
    mill.close();
    System.out.printf(
        "live readings_per_sec=%.0f p50_ms=%.1f p99_ms=%.1f redis_pubsub_p99_ms=%.2f ratio=%.1f%n",
        rate, p50, p99, redisP99, p99 / redisP99);
    System.exit(0);
  }

  /** A value seen on the Watch: its tag, when it was made and when it was seen (µs). */
  record Seen(UUID tag, long madeMicros, long seenMicros) {}

  /**
   * The server's share of the age: from the moment the server received the reading's batch (the
   * row's received_at) to the Watch. Returns p50 ms, p99 ms and the number of values matched.
   */
  static double[] serverPart(List<Seen> seen) throws Exception {
    Latencies server = new Latencies();
    server.recording = true;
    List<Seen> copy;
    synchronized (seen) {
      copy = new ArrayList<>(seen);
    }
    try (Connection c = TestMill.platform().database().ownerDataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT received_at FROM reading WHERE tag_id = ? AND source_time = ? LIMIT 1")) {
      for (Seen s : copy) {
        ps.setObject(1, s.tag());
        ps.setObject(
            2,
            java.time.OffsetDateTime.ofInstant(
                Instant.EPOCH.plus(s.madeMicros(), java.time.temporal.ChronoUnit.MICROS),
                java.time.ZoneOffset.UTC));
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            Instant received = rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
            long r = received.getEpochSecond() * 1_000_000L + received.getNano() / 1000;
            server.add(s.seenMicros() - r);
          }
        }
      }
    }
    return new double[] {server.percentileMs(50), server.percentileMs(99), server.count()};
  }

  static long stored(TestMill mill, List<String> devices) {
    long n = 0;
    for (String d : devices) {
      n += mill.stored(d).rows();
    }
    return n;
  }

  static Process startAgent(Path yaml, int rate, int seconds, String tags) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(AgentProcessTest.SMALL_JVM);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(LiveBenchAgent.class.getName());
    cmd.add(yaml.toString());
    cmd.add(String.valueOf(rate));
    cmd.add(String.valueOf(seconds));
    cmd.add(tags);
    return new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(yaml.resolveSibling("agent.log").toFile())
        .start();
  }

  /**
   * Publishes a live-update-sized message 50 times a second on its own channel and times its
   * arrival at a subscriber in this process.
   */
  static final class RedisPing implements AutoCloseable {
    private static final byte[] CHANNEL = "bench:ping".getBytes(StandardCharsets.UTF_8);
    private final RedisClient pub;
    private final RedisClient sub;
    private final Latencies out;
    private final BinaryJedisPubSub subscriber;
    private volatile boolean running = true;

    RedisPing(String url, Latencies out) {
      this.pub = RedisClient.create(URI.create(url));
      this.sub = RedisClient.create(URI.create(url));
      this.out = out;
      this.subscriber =
          new BinaryJedisPubSub() {
            @Override
            public void onMessage(byte[] channel, byte[] message) {
              long sent = ByteBuffer.wrap(message).getLong();
              out.add((System.nanoTime() - sent) / 1000);
            }
          };
    }

    void start() throws InterruptedException {
      Thread.ofPlatform()
          .daemon()
          .name("redis-sub")
          .start(() -> sub.subscribe(subscriber, CHANNEL));
      while (!subscriber.isSubscribed()) {
        Thread.sleep(10);
      }
      Thread.ofPlatform()
          .daemon()
          .name("redis-pub")
          .start(
              () -> {
                // About the size of one live update of six tags.
                byte[] payload = new byte[600];
                while (running) {
                  ByteBuffer.wrap(payload).putLong(System.nanoTime());
                  pub.publish(CHANNEL, payload);
                  try {
                    Thread.sleep(20);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
    }

    @Override
    public void close() {
      running = false;
      subscriber.unsubscribe();
      pub.close();
      sub.close();
    }
  }
}
