package io.millstone.server.bench;

import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.millstone.api.identity.v1.AuthServiceGrpc;
import io.millstone.api.identity.v1.CompanyRef;
import io.millstone.api.identity.v1.LoginRequest;
import io.millstone.api.identity.v1.User;
import io.millstone.api.identity.v1.WhoAmIRequest;
import io.millstone.api.identity.v1.WhoAmIResponse;
import io.millstone.server.MillstoneServer;
import io.millstone.server.cli.NettyTransport;
import io.millstone.server.identity.model.CompanySettings;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.MillstoneConfig;
import io.millstone.server.platform.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code scripts/bench gateway}: authenticated WhoAmI calls through the whole gateway (metrics,
 * request id and access log, error mapping, deadline cap, rate limits, session lookup, permission
 * check) on loopback Netty, against the same number of calls to a bare WhoAmI with no interceptors
 * on the same transport: the ceiling. Both run in this JVM with the same clients.
 */
public final class GatewayBench {
  static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 64);
  static final int CHANNELS = 4;
  static final Duration WARMUP = new Duration(Long.getLong("bench.warmup.seconds", 8));
  static final Duration MEASURE = new Duration(Long.getLong("bench.measure.seconds", 10));
  static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

  record Duration(long seconds) {}

  record Result(double callsPerSec, double p99Ms, long errors) {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("millstone-bench-");
    MillstoneConfig config =
        MillstoneConfig.builder()
            .dataDir(dir)
            .port(0)
            .metricsPort(0)
            // Limits high enough not to refuse the benchmark, but still counted on every call.
            .userCallsPerSecond(10_000_000)
            .addressCallsPerSecond(10_000_000)
            .build();
    try (Platform platform = Platform.start(config, MillstoneServer.entities(), null)) {
      io.micrometer.prometheusmetrics.PrometheusMeterRegistry registry =
          new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
              io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
      MillstoneServer gateway =
          new MillstoneServer(
              NettyTransport.builder(config, InsecureServerCredentials.create()),
              platform,
              registry);
      gateway.start();
      var company = gateway.companyAdmin().create(CompanySettings.defaults("Bench Mill"), "bench");
      gateway
          .userAdmin()
          .create(
              Actor.system(company.id(), "bench"),
              null,
              "bench",
              "Bench User",
              "bench password 123",
              List.of("admin"));

      Server bare =
          NettyTransport.builder(config, InsecureServerCredentials.create())
              .addService(new BareWhoAmI())
              .build()
              .start();

      ManagedChannel[] gwChannels = channels(gateway.grpcServer().getPort());
      ManagedChannel[] bareChannels = channels(bare.getPort());
      String token =
          AuthServiceGrpc.newBlockingStub(gwChannels[0])
              .login(
                  LoginRequest.newBuilder()
                      .setUsername("bench")
                      .setPassword("bench password 123")
                      .build())
              .getSessionToken();
      Metadata md = new Metadata();
      md.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);

      List<AuthServiceGrpc.AuthServiceStub> gwStubs = new ArrayList<>();
      List<AuthServiceGrpc.AuthServiceStub> bareStubs = new ArrayList<>();
      for (int i = 0; i < CHANNELS; i++) {
        gwStubs.add(
            AuthServiceGrpc.newStub(gwChannels[i])
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(md)));
        bareStubs.add(
            AuthServiceGrpc.newStub(bareChannels[i])
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(md)));
      }

      System.out.printf(
          "gateway bench: %d concurrent callers over %d connections, %d s warm-up, %d rounds of %d s%n",
          CONCURRENCY, CHANNELS, WARMUP.seconds(), ROUNDS, MEASURE.seconds());
      run(gwStubs, WARMUP.seconds());
      run(bareStubs, WARMUP.seconds());
      List<Result> gw = new ArrayList<>();
      List<Result> ceil = new ArrayList<>();
      for (int r = 0; r < ROUNDS; r++) {
        Result g = run(gwStubs, MEASURE.seconds());
        Result b = run(bareStubs, MEASURE.seconds());
        gw.add(g);
        ceil.add(b);
        System.out.printf(
            "round %d: gateway %.0f calls/s (p99 %.2f ms, %d errors); bare %.0f calls/s (p99 %.2f ms)%n",
            r + 1, g.callsPerSec(), g.p99Ms(), g.errors(), b.callsPerSec(), b.p99Ms());
      }
      Result g = median(gw);
      Result b = median(ceil);
      for (ManagedChannel c : gwChannels) {
        c.shutdownNow();
      }
      for (ManagedChannel c : bareChannels) {
        c.shutdownNow();
      }
      bare.shutdownNow();
      gateway.stop();
      long errors = gw.stream().mapToLong(Result::errors).sum();
      System.out.printf(
          "gateway calls_per_sec=%.0f ceiling_per_sec=%.0f ratio=%.2f p99_ms=%.2f ceiling_p99_ms=%.2f"
              + " concurrency=%d errors=%d%n",
          g.callsPerSec(),
          b.callsPerSec(),
          g.callsPerSec() / b.callsPerSec(),
          g.p99Ms(),
          b.p99Ms(),
          CONCURRENCY,
          errors);
    }
    System.exit(0);
  }

  private static Result median(List<Result> rs) {
    double[] rate = rs.stream().mapToDouble(Result::callsPerSec).sorted().toArray();
    double[] p99 = rs.stream().mapToDouble(Result::p99Ms).sorted().toArray();
    return new Result(rate[rate.length / 2], p99[p99.length / 2], 0);
  }

  private static ManagedChannel[] channels(int port) {
    ManagedChannel[] cs = new ManagedChannel[CHANNELS];
    for (int i = 0; i < CHANNELS; i++) {
      cs[i] = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    }
    return cs;
  }

  /** Keeps CONCURRENCY calls in flight for the given time; records every call's latency. */
  private static Result run(List<AuthServiceGrpc.AuthServiceStub> stubs, long seconds)
      throws InterruptedException {
    Semaphore inFlight = new Semaphore(CONCURRENCY);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong done = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    long[] latencies = new long[8_000_000];
    AtomicLong idx = new AtomicLong();
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    int i = 0;
    while (System.nanoTime() < end) {
      inFlight.acquire();
      long t0 = System.nanoTime();
      stubs
          .get(i++ % stubs.size())
          .withDeadlineAfter(10, TimeUnit.SECONDS)
          .whoAmI(
              WhoAmIRequest.getDefaultInstance(),
              new StreamObserver<>() {
                @Override
                public void onNext(WhoAmIResponse value) {}

                @Override
                public void onError(Throwable t) {
                  errors.incrementAndGet();
                  inFlight.release();
                }

                @Override
                public void onCompleted() {
                  long k = idx.getAndIncrement();
                  if (k < latencies.length) {
                    latencies[(int) k] = System.nanoTime() - t0;
                  }
                  done.incrementAndGet();
                  inFlight.release();
                }
              });
    }
    inFlight.acquire(CONCURRENCY);
    double elapsed = (System.nanoTime() - start) / 1e9;
    int n = (int) Math.min(idx.get(), latencies.length);
    long[] sorted = Arrays.copyOf(latencies, n);
    Arrays.sort(sorted);
    double p99 = n == 0 ? 0 : sorted[(int) Math.min(n - 1, Math.floor(n * 0.99))] / 1e6;
    new CountDownLatch(0).await();
    stop.set(true);
    return new Result(done.get() / elapsed, p99, errors.get());
  }

  /** The ceiling: the same method and a response of the same shape, with nothing in front. */
  static final class BareWhoAmI extends AuthServiceGrpc.AuthServiceImplBase {
    private final WhoAmIResponse response =
        WhoAmIResponse.newBuilder()
            .setUser(
                User.newBuilder()
                    .setId("0193a0b2-0000-7000-8000-000000000000")
                    .setUsername("bench")
                    .setDisplayName("Bench User")
                    .setActive(true)
                    .addRoles("admin"))
            .setCompany(
                CompanyRef.newBuilder()
                    .setId("0193a0b2-0000-7000-8000-000000000001")
                    .setName("Bench Mill"))
            .addPermissions("identity.company.manage")
            .addPermissions("identity.company.read")
            .addPermissions("identity.users.manage")
            .addPermissions("identity.users.read")
            .setServerVersion("bench")
            .build();

    @Override
    public void whoAmI(WhoAmIRequest request, StreamObserver<WhoAmIResponse> out) {
      out.onNext(response);
      out.onCompleted();
    }
  }
}
