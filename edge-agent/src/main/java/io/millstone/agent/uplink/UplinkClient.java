package io.millstone.agent.uplink;

import com.google.protobuf.Timestamp;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.MetadataUtils;
import io.millstone.agent.buffer.BufferedReading;
import io.millstone.agent.buffer.ReadingBuffer;
import io.millstone.agent.config.DeviceCredential;
import io.millstone.api.telemetry.v1.Ack;
import io.millstone.api.telemetry.v1.DownlinkMessage;
import io.millstone.api.telemetry.v1.Hello;
import io.millstone.api.telemetry.v1.Quality;
import io.millstone.api.telemetry.v1.Reading;
import io.millstone.api.telemetry.v1.ReadingBatch;
import io.millstone.api.telemetry.v1.Rejection;
import io.millstone.api.telemetry.v1.UplinkMessage;
import io.millstone.api.telemetry.v1.UplinkServiceGrpc;
import io.millstone.api.telemetry.v1.Welcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams the buffer to the server. One session: Hello → Welcome (the server's high-water mark;
 * everything at or below it is deleted here) → batches in sequence order, two in flight, each
 * deleted from the buffer only when its Ack arrives. Any failure ends the session; the next one
 * starts after an exponential backoff with jitter and resends, in order, everything still in the
 * buffer above the new mark. The server skips what it already has, so nothing is stored twice.
 */
public final class UplinkClient implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(UplinkClient.class);

  /**
   * How the uplink behaves.
   *
   * @param ackTimeout a batch not acked within this is taken as a dead stream
   */
  public record Options(
      int batchSize,
      Duration maxClockSkew,
      Duration ackTimeout,
      Duration minBackoff,
      Duration maxBackoff,
      String agentVersion) {
    public static Options defaults(String agentVersion) {
      return new Options(
          1000,
          Duration.ofSeconds(5),
          Duration.ofSeconds(60),
          Duration.ofMillis(250),
          Duration.ofSeconds(30),
          agentVersion);
    }

    public Options withBatchSize(int v) {
      return new Options(v, maxClockSkew, ackTimeout, minBackoff, maxBackoff, agentVersion);
    }

    public Options withMaxClockSkew(Duration v) {
      return new Options(batchSize, v, ackTimeout, minBackoff, maxBackoff, agentVersion);
    }

    public Options withAckTimeout(Duration v) {
      return new Options(batchSize, maxClockSkew, v, minBackoff, maxBackoff, agentVersion);
    }

    public Options withBackoff(Duration min, Duration max) {
      return new Options(batchSize, maxClockSkew, ackTimeout, min, max, agentVersion);
    }
  }

  private final ManagedChannel channel;
  private final ReadingBuffer buffer;
  private final Options options;
  private final Clock clock;
  private final UplinkServiceGrpc.UplinkServiceStub stub;
  private final Object wake = new Object();
  private boolean wakeSignalled;
  private volatile boolean running;
  private Thread thread;

  private volatile boolean connected;
  private volatile Duration clockSkew;
  private volatile boolean clockSkewed;
  private volatile String lastError;
  private final AtomicLong sessions = new AtomicLong();
  private final AtomicLong batchesSent = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();

  /**
   * @param interceptors extra interceptors on every call (tests use one to lose messages)
   */
  public UplinkClient(
      ManagedChannel channel,
      DeviceCredential credential,
      ReadingBuffer buffer,
      Options options,
      Clock clock,
      List<ClientInterceptor> interceptors) {
    this.channel = channel;
    this.buffer = buffer;
    this.options = options;
    this.clock = clock;
    Metadata md = new Metadata();
    md.put(
        Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
        credential.authorization());
    List<ClientInterceptor> all = new ArrayList<>(interceptors);
    all.add(MetadataUtils.newAttachHeadersInterceptor(md));
    this.stub =
        UplinkServiceGrpc.newStub(ClientInterceptors.intercept(channel, all))
            .withCompression("gzip");
  }

  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("the uplink is already started");
    }
    running = true;
    thread = Thread.ofPlatform().name("uplink").start(this::loop);
  }

  /** New readings are in the buffer. */
  public void wake() {
    synchronized (wake) {
      wakeSignalled = true;
      wake.notifyAll();
    }
  }

  public UplinkStatus status() {
    return new UplinkStatus(
        connected,
        buffer.lastAckSeq(),
        buffer.lastAckAt(),
        Optional.ofNullable(clockSkew),
        clockSkewed,
        sessions.get(),
        batchesSent.get(),
        accepted.get(),
        rejected.get(),
        Optional.ofNullable(lastError));
  }

  private void loop() {
    long failures = 0;
    while (running) {
      boolean welcomed = false;
      try {
        welcomed = session();
      } catch (InterruptedException e) {
        if (!running) {
          break;
        }
      } catch (StreamFailure e) {
        welcomed = e.welcomed;
        lastError = e.getMessage();
        if (running) {
          log.warn("Uplink to the server failed: {}", e.getMessage());
        }
      } catch (RuntimeException e) {
        lastError = e.toString();
        log.error("Uplink failed unexpectedly; reconnecting", e);
      } finally {
        connected = false;
      }
      failures = welcomed ? 1 : failures + 1;
      if (running) {
        sleepBackoff(failures);
      }
    }
  }

  private void sleepBackoff(long failures) {
    long min = options.minBackoff().toMillis();
    long max = options.maxBackoff().toMillis();
    long ceiling = min << Math.min(20, Math.max(0, failures - 1));
    ceiling = Math.min(max, Math.max(min, ceiling));
    // "Equal jitter": at least half the step, so agents restarted together spread out but
    // do not hammer the server with near-zero waits.
    long wait = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    try {
      synchronized (wake) {
        long until = System.currentTimeMillis() + wait;
        while (running && System.currentTimeMillis() < until) {
          wake.wait(Math.max(1, until - System.currentTimeMillis()));
        }
      }
    } catch (InterruptedException e) {
      // closing
    }
  }

  /** One stream; returns normally only when the client is closed. */
  private boolean session() throws InterruptedException {
    Session s = new Session();
    sessions.incrementAndGet();
    channel.resetConnectBackoff();
    stub.stream(s);
    boolean welcomed = false;
    try {
      Instant helloAt = clock.instant();
      s.send(
          UplinkMessage.newBuilder()
              .setHello(
                  Hello.newBuilder()
                      .setAgentVersion(options.agentVersion())
                      .setAgentTime(time(helloAt)))
              .build());
      Welcome welcome = s.await(Duration.ofSeconds(30), "the Welcome").getWelcome();
      Instant welcomeAt = clock.instant();
      welcomed = true;
      noteServerTime(welcome.getServerTime(), helloAt, welcomeAt);
      long mark = welcome.getHighWaterMark();
      buffer.reconcile(mark);
      long cursor = mark;
      connected = true;
      lastError = null;
      log.info(
          "Uplink connected; the server has everything up to #{}, {} readings to send",
          mark,
          buffer.depth());
      // Two batches in flight: the agent reads and sends the next one while the server commits
      // the one before. Acks come back in order and are cumulative.
      java.util.ArrayDeque<InFlight> inFlight = new java.util.ArrayDeque<>();
      long sent = cursor;
      while (running) {
        while (inFlight.size() < MAX_IN_FLIGHT) {
          List<BufferedReading> next = buffer.nextUnsent(sent, options.batchSize());
          if (next.isEmpty()) {
            break;
          }
          s.awaitReady();
          ReadingBatch.Builder batch = ReadingBatch.newBuilder();
          for (BufferedReading r : next) {
            batch.addReadings(proto(r));
          }
          InFlight f =
              new InFlight(next.get(0).seq(), next.get(next.size() - 1).seq(), clock.instant());
          s.send(UplinkMessage.newBuilder().setBatch(batch).build());
          batchesSent.incrementAndGet();
          inFlight.add(f);
          sent = f.last();
        }
        if (inFlight.isEmpty()) {
          waitForReadings(s);
          continue;
        }
        InFlight head = inFlight.peek();
        Ack ack =
            s.await(options.ackTimeout(), "the Ack of #" + head.first() + "–#" + head.last())
                .getAck();
        noteServerTime(ack.getServerTime(), head.sentAt(), clock.instant());
        if (ack.getAckedSeq() < head.last()) {
          throw new StreamFailure(
              "the server acked up to #"
                  + ack.getAckedSeq()
                  + " after a batch up to #"
                  + head.last(),
              true);
        }
        inFlight.poll();
        // Counted before the buffer lets go of the batch, so whoever sees an empty buffer also
        // sees the counts of what emptied it.
        accepted.addAndGet(ack.getAccepted());
        rejected.addAndGet(ack.getRejectedCount());
        buffer.ack(ack.getAckedSeq());
        cursor = ack.getAckedSeq();
        if (ack.getRejectedCount() > 0) {
          Rejection first = ack.getRejected(0);
          log.warn(
              "The server refused {} readings of batch #{}–#{} (kept in its quarantine), e.g."
                  + " #{}: {}",
              ack.getRejectedCount(),
              head.first(),
              head.last(),
              first.getSeq(),
              first.getReason());
        }
      }
      s.close();
      return true;
    } catch (StreamFailure e) {
      s.cancel(e.getMessage());
      throw new StreamFailure(e.getMessage(), welcomed || e.welcomed);
    } catch (InterruptedException | RuntimeException e) {
      s.cancel("the agent is stopping");
      throw e;
    }
  }

  /** How many batches may wait for their ack at once. */
  static final int MAX_IN_FLIGHT = 2;

  /** A batch sent and not yet acked. */
  private record InFlight(long first, long last, Instant sentAt) {}

  private void waitForReadings(Session s) throws InterruptedException {
    synchronized (wake) {
      if (!wakeSignalled && running) {
        wake.wait(1000);
      }
      wakeSignalled = false;
    }
    s.throwIfClosed();
  }

  private void noteServerTime(Timestamp server, Instant sent, Instant received) {
    if (server.getSeconds() == 0 && server.getNanos() == 0) {
      return;
    }
    Instant serverTime = Instant.ofEpochSecond(server.getSeconds(), server.getNanos());
    Instant ourMidpoint = sent.plus(Duration.between(sent, received).dividedBy(2));
    Duration skew = Duration.between(ourMidpoint, serverTime);
    // The server's stamp lies somewhere between our send and receive (an Ack's even after the
    // commit), so only a difference beyond half the round trip counts against the limit.
    Duration uncertainty = Duration.between(sent, received).dividedBy(2);
    boolean skewed = skew.abs().compareTo(options.maxClockSkew().plus(uncertainty)) > 0;
    if (skewed && !clockSkewed) {
      log.warn(
          "This machine's clock is {} ms {} the server's (more than {} s): reading times will be"
              + " off, and the server refuses readings more than 5 minutes in its future. Set"
              + " up time sync (NTP) on this PC.",
          skew.abs().toMillis(),
          skew.isNegative() ? "ahead of" : "behind",
          options.maxClockSkew().toSeconds());
    } else if (!skewed && clockSkewed) {
      log.info("This machine's clock is back within {} ms of the server's", skew.abs().toMillis());
    }
    clockSkew = skew;
    clockSkewed = skewed;
  }

  static Reading proto(BufferedReading r) {
    Quality q = Quality.forNumber(r.quality());
    return Reading.newBuilder()
        .setSeq(r.seq())
        .setTagKey(r.tagKey())
        .setSourceTime(time(r.sourceTime()))
        .setValue(r.value())
        .setQuality(q == null ? Quality.QUALITY_UNSPECIFIED : q)
        .build();
  }

  static Timestamp time(Instant t) {
    return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
  }

  /** Stops the uplink; what is not acked stays in the buffer for the next start. */
  @Override
  public void close() {
    running = false;
    wake();
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      try {
        t.join(5_000);
        if (t.isAlive()) {
          // The uplink thread cancels its own call when interrupted: a call is not thread-safe.
          t.interrupt();
          t.join(5_000);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A stream that ended or misbehaved; the loop reconnects. */
  static final class StreamFailure extends RuntimeException {
    final boolean welcomed;

    StreamFailure(String message, boolean welcomed) {
      super(message);
      this.welcomed = welcomed;
    }
  }

  /** One call: what the server sent, and whether the stream may take another message. */
  private static final class Session
      implements ClientResponseObserver<UplinkMessage, DownlinkMessage> {
    private final BlockingQueue<DownlinkMessage> received = new LinkedBlockingQueue<>();
    private final Object ready = new Object();
    private volatile ClientCallStreamObserver<UplinkMessage> out;
    private volatile Status closed;

    @Override
    public void beforeStart(ClientCallStreamObserver<UplinkMessage> requestStream) {
      out = requestStream;
      requestStream.setOnReadyHandler(
          () -> {
            synchronized (ready) {
              ready.notifyAll();
            }
          });
    }

    @Override
    public void onNext(DownlinkMessage value) {
      received.add(value);
    }

    @Override
    public void onError(Throwable t) {
      close(Status.fromThrowable(t));
    }

    @Override
    public void onCompleted() {
      close(Status.UNAVAILABLE.withDescription("the server ended the stream"));
    }

    private void close(Status status) {
      closed = status;
      synchronized (ready) {
        ready.notifyAll();
      }
      // Wakes a thread waiting for a message.
      received.add(DownlinkMessage.getDefaultInstance());
    }

    void send(UplinkMessage m) {
      throwIfClosed();
      out.onNext(m);
    }

    /** Flow control: wait until the transport can take the next message without queueing. */
    void awaitReady() throws InterruptedException {
      synchronized (ready) {
        while (!out.isReady()) {
          throwIfClosed();
          ready.wait(1000);
        }
      }
      throwIfClosed();
    }

    DownlinkMessage await(Duration timeout, String what) throws InterruptedException {
      DownlinkMessage m = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (m == null) {
        throw new StreamFailure(
            "no answer from the server within " + timeout.toSeconds() + " s waiting for " + what,
            false);
      }
      if (m.getBodyCase() == DownlinkMessage.BodyCase.BODY_NOT_SET) {
        throwIfClosed();
        return await(timeout, what);
      }
      return m;
    }

    void throwIfClosed() {
      Status s = closed;
      if (s != null) {
        throw new StreamFailure(describe(s), false);
      }
    }

    void cancel(String why) {
      if (closed == null && out != null) {
        out.cancel(why, null);
      }
    }

    void close() {
      if (closed == null && out != null) {
        out.onCompleted();
      }
    }

    private static String describe(Status s) {
      String what =
          switch (s.getCode()) {
            case UNAUTHENTICATED ->
                "the server refused this device's credential (revoked, or from another server):"
                    + " enrol the agent again";
            case PERMISSION_DENIED -> "the credential may not stream readings";
            case UNAVAILABLE -> "could not reach the server";
            case INVALID_ARGUMENT -> "the server refused a batch as malformed";
            default -> "the stream failed";
          };
      Throwable root = s.getCause();
      while (root != null && root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String description =
          s.getDescription() == null ? "" : s.getDescription().lines().findFirst().orElse("");
      return what
          + " ("
          + s.getCode()
          + (description.isEmpty() ? "" : ": " + description)
          + (root == null || root.getMessage() == null ? "" : "; " + root.getMessage())
          + ")";
    }
  }
}
