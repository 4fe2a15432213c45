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
  void readingsKeepBeingStoredAtFullRateWhileRedisIsSilentAndLiveValuesResumeAfter()
      throws Exception {
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
            long ackedBefore = agent.uplinkStatus().lastAckedSeq();
            long numberedBefore = agent.buffer().lastSeq();
            Thread.sleep(10_000);
            long acked = agent.uplinkStatus().lastAckedSeq() - ackedBefore;
            long numbered = agent.buffer().lastSeq() - numberedBefore;
            long backlog = agent.buffer().depth();
            System.out.printf(
                "redis silent 10 s: numbered=%d acked=%d backlog_after=%d%n",
                numbered, acked, backlog);
            // The floor's 900 readings a second are stored as they come, not one batch per
            // Redis timeout; what is still waiting is a few batches, not the whole silence.
            assertThat(acked)
                .as("readings stored while Redis was silent")
                .isGreaterThan(numbered * 3 / 4);
            assertThat(backlog).as("readings waiting in the agent's buffer").isLessThan(4000);

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
