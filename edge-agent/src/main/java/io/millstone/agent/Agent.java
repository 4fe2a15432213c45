package io.millstone.agent;

import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.millstone.agent.buffer.BufferWriter;
import io.millstone.agent.buffer.ReadingBuffer;
import io.millstone.agent.config.AgentConfig;
import io.millstone.agent.config.DeviceCredential;
import io.millstone.agent.source.Source;
import io.millstone.agent.source.Sources;
import io.millstone.agent.uplink.Channels;
import io.millstone.agent.uplink.UplinkClient;
import io.millstone.agent.uplink.UplinkStatus;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running agent: sources → buffer writer → durable buffer → uplink, plus the status file.
 * Closing it stops the sources first, writes what they handed over, then stops the uplink; what the
 * server has not acked stays in the buffer for the next start.
 */
public final class Agent implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Agent.class);

  private final AgentConfig config;
  private final ReadingBuffer buffer;
  private final ManagedChannel channel;
  private final UplinkClient uplink;
  private final BufferWriter writer;
  private final List<Source> sources = new ArrayList<>();
  private final ScheduledExecutorService statusTimer;

  public Agent(AgentConfig config, String version) throws IOException {
    this(config, DeviceCredential.read(config.credentialFile()), version, List.of(), null);
  }

  /**
   * @param interceptors extra gRPC interceptors on the uplink (tests use them to lose messages)
   * @param ackTimeout how long to wait for an ack, or null for the default
   */
  public Agent(
      AgentConfig config,
      DeviceCredential credential,
      String version,
      List<ClientInterceptor> interceptors,
      Duration ackTimeout) {
    this.config = config;
    this.buffer = ReadingBuffer.open(config.bufferFile(), config.bufferLimits(), Clock.systemUTC());
    try {
      this.channel = Channels.open(config.host(), config.port(), config.tlsFingerprint());
      UplinkClient.Options options =
          UplinkClient.Options.defaults(version)
              .withBatchSize(config.batchSize())
              .withMaxClockSkew(config.maxClockSkew());
      if (ackTimeout != null) {
        options = options.withAckTimeout(ackTimeout);
      }
      this.uplink =
          new UplinkClient(channel, credential, buffer, options, Clock.systemUTC(), interceptors);
      this.writer = new BufferWriter(buffer, uplink::wake);
      for (var sc : config.sources()) {
        sources.add(Sources.create(sc));
      }
    } catch (RuntimeException e) {
      buffer.close();
      throw e;
    }
    this.statusTimer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("agent-status").factory());
  }

  public Agent start() {
    uplink.start();
    for (Source s : sources) {
      s.start(writer);
    }
    statusTimer.scheduleWithFixedDelay(this::writeStatus, 0, 1, TimeUnit.SECONDS);
    log.info(
        "Agent started: {} sources, buffer {} ({} readings waiting), server {}",
        sources.size(),
        config.bufferFile(),
        buffer.depth(),
        config.server());
    return this;
  }

  public ReadingBuffer buffer() {
    return buffer;
  }

  public UplinkStatus uplinkStatus() {
    return uplink.status();
  }

  /** Hands readings to the buffer as a source would (the simulator and tests use it). */
  public BufferWriter writer() {
    return writer;
  }

  public Map<String, String> status() {
    UplinkStatus u = uplink.status();
    Map<String, String> m = new LinkedHashMap<>();
    m.put("written_at", java.time.Instant.now().toString());
    m.put("pid", Long.toString(ProcessHandle.current().pid()));
    m.put("connected", Boolean.toString(u.connected()));
    m.put("buffer_depth", Long.toString(buffer.depth()));
    m.put("buffer_last_seq", Long.toString(buffer.lastSeq()));
    m.put("oldest_unsent", buffer.oldestUnsentTime().map(Object::toString).orElse(""));
    m.put("dropped", Long.toString(buffer.dropped()));
    m.put("last_ack_seq", Long.toString(u.lastAckedSeq()));
    m.put("last_ack_at", u.lastAckAt().map(Object::toString).orElse(""));
    m.put("clock_skew_ms", u.clockSkew().map(d -> Long.toString(d.toMillis())).orElse(""));
    m.put("clock_skewed", Boolean.toString(u.clockSkewed()));
    m.put("sessions", Long.toString(u.sessions()));
    m.put("readings_accepted", Long.toString(u.readingsAccepted()));
    m.put("readings_rejected", Long.toString(u.readingsRejected()));
    m.put("last_error", u.lastError().orElse(""));
    m.put("rss_kb", Long.toString(AgentStatusFile.residentKb()));
    for (Source s : sources) {
      s.status().forEach((k, v) -> m.put("source." + s.name() + "." + k, v));
    }
    return m;
  }

  private void writeStatus() {
    try {
      AgentStatusFile.write(config.statusFile(), status());
    } catch (IOException | RuntimeException e) {
      log.warn("Could not write the status file {}: {}", config.statusFile(), e.getMessage());
    }
  }

  /**
   * Stops reading and commits everything the sources handed over; the uplink keeps sending what is
   * buffered. Tests use it to let the buffer drain before counting.
   */
  public void stopSources() {
    for (Source s : sources) {
      s.close();
    }
    writer.close();
  }

  @Override
  public void close() {
    stopSources();
    uplink.close();
    statusTimer.shutdownNow();
    writeStatus();
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    buffer.close();
  }
}
