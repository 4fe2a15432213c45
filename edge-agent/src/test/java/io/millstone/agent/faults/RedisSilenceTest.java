package io.millstone.agent.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.millstone.agent.Agent;
import io.millstone.agent.config.AgentConfig;
import io.millstone.api.telemetry.v1.MonitorServiceGrpc;
import io.millstone.api.telemetry.v1.WatchRequest;
import io.millstone.server.MillstoneServer;
import io.millstone.server.cli.NettyTransport;
import io.millstone.server.platform.MillstoneConfig;
import io.millstone.server.platform.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redis on the far side of a link that went silent (a switch between the server and Redis died): no
 * reset, every Redis call waits for its timeout. Readings must keep being stored at the rate the
 * floor sends them, with only the live values lagging, and the live feed must come back by itself
 * when the link does.
 */
class RedisSilenceTest {
  @TempDir Path dir;
  MillstoneServer otherNode;
  ManagedChannel otherChannel;

  @Test
  void readingsKeepBeingStoredWhileRedisIsSilentAndLiveValuesResumeAfter() throws Exception {
    String prefix = "r" + UUID.randomUUID().toString().substring(0, 8);
    try (FaultStores stores = new FaultStores(dir.resolve("stores"));
        BreakableProxy redisLink = new BreakableProxy(stores.redisPort())) {
      Map<String, String> env = new java.util.LinkedHashMap<>(stores.serverEnvironment());
      env.put("MILLSTONE_REDIS_URL", FaultStores.redisUrl(redisLink.port()));
      env.put("MILLSTONE_DATA_DIR", dir.resolve("server").toString());
      env.put("MILLSTONE_HOST", "127.0.0.1");
      env.put("MILLSTONE_PORT", "0");
      env.put("MILLSTONE_METRICS_PORT", "0");
      MillstoneConfig cfg = MillstoneConfig.load(Optional.empty(), env);
      try (Platform platform = Platform.start(cfg, MillstoneServer.entities(), null)) {
        MillstoneServer node =
            new MillstoneServer(
                NettyTransport.builder(cfg, InsecureServerCredentials.create()), platform, null);
        node.start();
        ManagedChannel ch =
            NettyChannelBuilder.forAddress("127.0.0.1", node.grpcServer().getPort())
                .usePlaintext()
                .build();
        try {
          Path yaml = dir.resolve("agent.yaml");
          int port = node.grpcServer().getPort();
          MillSetup.Enrolled e =
              MillSetup.enrol(node, prefix, yaml, MillSetup.agentYaml(prefix, port, true, 10));
          // The watcher is on a second node: values reach it only through Redis.
          MillstoneServer other =
              new MillstoneServer(
                  NettyTransport.builder(cfg, InsecureServerCredentials.create()),
                  platform.sharing(cfg),
                  null);
          other.start();
          otherChannel =
              NettyChannelBuilder.forAddress("127.0.0.1", other.grpcServer().getPort())
                  .usePlaintext()
                  .build();
          otherNode = other;
          AgentFaultsTest.WatchRecorder watch = new AgentFaultsTest.WatchRecorder();
          MillSetup.withToken(
                  MillSetup.login(otherChannel, e.adminUser()),
                  MonitorServiceGrpc.newStub(otherChannel))
              .watch(WatchRequest.getDefaultInstance(), watch);
          try (Agent agent = new Agent(AgentConfig.load(yaml), "test").start()) {
            AgentFaultsTest.await(
                "live values before the silence",
                Duration.ofSeconds(30),
                () ->
                    agent.uplinkStatus().lastAckedSeq() > 2000
                        && watch.newestSourceTime().isAfter(Instant.EPOCH));

            redisLink.blackhole();
            long silentFrom = System.nanoTime();
            long numberedBefore = agent.buffer().lastSeq();
            // What the floor numbers during the silence is stored during the silence: wait until
            // 2,700 readings (some two and a half seconds at the simulator's 1,100 a second) are
            // numbered, then until all of it is acked, Redis still silent. The deadlines are guards
            // only: an ingest that
            // waited on Redis would never get there. How fast it goes is printed, not asserted (a
            // rate is a benchmark's business; on a busy machine it is anything).
            long mark = numberedBefore + 2700;
            AgentFaultsTest.await(
                "readings numbered while Redis is silent",
                Duration.ofSeconds(60),
                () -> agent.buffer().lastSeq() >= mark);
            AgentFaultsTest.await(
                "readings numbered during the silence stored during it",
                Duration.ofSeconds(60),
                () -> agent.uplinkStatus().lastAckedSeq() >= mark);
            System.out.printf(
                "redis silent: %d readings numbered and stored in %.1f s%n",
                mark - numberedBefore, (System.nanoTime() - silentFrom) / 1e9);

            redisLink.heal();
            Instant healed = Instant.now();
            AgentFaultsTest.await(
                "a live value read after Redis answered again",
                Duration.ofSeconds(30),
                () -> watch.newestSourceTime().isAfter(healed));
          }
        } finally {
          if (otherChannel != null) {
            otherChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            otherNode.grpcServer().shutdownNow();
            otherNode.stop();
          }
          ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
          node.grpcServer().shutdownNow();
          node.stop();
        }
      }
    }
    assertThat(Files.exists(dir.resolve("buffer.db"))).isTrue();
  }
}
