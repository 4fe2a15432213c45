package io.millstone.server.telemetry;

import com.google.protobuf.InvalidProtocolBufferException;
import io.millstone.api.telemetry.v1.Quality;
import io.millstone.api.telemetry.v1.TagValue;
import io.millstone.api.telemetry.v1.WatchUpdate;
import io.millstone.server.gateway.ProtoValues;
import io.millstone.server.platform.RedisSubscription;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.BinaryJedisPubSub;
import redis.clients.jedis.RedisClient;

/**
 * Latest values and live fan-out through Redis, so every server node sees every reading whichever
 * node ingested it. Each company has a hash of the newest value per tag (a value older than the
 * stored one never replaces it) and a channel on which each committed batch's newest values are
 * published.
 *
 * <p>Watchers connected to the node that committed a batch get its values straight from {@link
 * #publish}; other nodes' watchers through the channel, whose messages carry the sending node's id
 * so that a node skips its own.
 *
 * <p>Ingest never waits for Redis: {@link #publish} leaves the values in an outbox that keeps only
 * the newest value per tag, and one thread writes it to Redis. While Redis cannot be reached the
 * outbox keeps merging (its size is bounded by the number of tags), readings are still committed,
 * and live values lag; when Redis answers again the newest of everything is written at once.
 */
public final class LiveHub implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveHub.class);
  private static final String CHANNEL = "ms:live:";

  // ARGV holds triples (tag id, source time in ms, encoded value); newer-or-equal times win.
  private static final String STORE_NEWEST =
      "for i = 1, #ARGV, 3 do "
          + "local cur = redis.call('HGET', KEYS[2], ARGV[i]) "
          + "if (not cur) or tonumber(ARGV[i+1]) >= tonumber(cur) then "
          + "redis.call('HSET', KEYS[2], ARGV[i], ARGV[i+1]) "
          + "redis.call('HSET', KEYS[1], ARGV[i], ARGV[i+2]) end end return 1";

  /** Each message on the channel starts with the publishing node's id. */
  private static final int NODE_ID_BYTES = 16;

  private final UUID node = UUID.randomUUID();

  /** How long the publisher waits before trying Redis again after a failure. */
  static final long RETRY_MILLIS = 500;

  private final RedisClient redis;
  private final Map<UUID, Set<Consumer<List<TagValue>>>> listeners = new ConcurrentHashMap<>();
  private final BinaryJedisPubSub pubSub;
  private final RedisSubscription feed;
  private final Thread publisher;
  private volatile boolean closed;

  // company -> tag id -> newest value not yet written to Redis; guarded by itself
  private final Map<UUID, Map<UUID, ReadingIngest.LiveValue>> outbox = new LinkedHashMap<>();
  private long enqueued; // publish() calls so far; guarded by outbox
  private long written; // of those, how many are in Redis; guarded by outbox
  private volatile boolean publishFailing;
  private volatile boolean feedLost;

  public LiveHub(RedisClient redis) {
    this.redis = redis;
    this.pubSub =
        new BinaryJedisPubSub() {
          @Override
          public void onPMessage(byte[] pattern, byte[] channel, byte[] message) {
            // Nothing may escape a subscription's callback: Jedis would hand its connection back
            // to the shared pool still subscribed (see RedisSubscription).
            try {
              dispatch(channel, message);
            } catch (RuntimeException e) {
              log.warn("A live value could not be handed on: {}", e.toString());
            }
          }

          @Override
          public void onPSubscribe(byte[] pattern, int subscribedChannels) {
            if (feed.wanted() && feedLost) {
              feedLost = false;
              log.info("Live value feed is back");
            }
          }
        };
    this.feed =
        new RedisSubscription(
            "live-values",
            () -> redis.psubscribe(pubSub, (CHANNEL + "*").getBytes(StandardCharsets.UTF_8)),
            pubSub::punsubscribe,
            pubSub::isSubscribed,
            e -> {
              // Once per outage: the subscription is tried again twice a second until Redis is
              // back.
              if (!feedLost) {
                feedLost = true;
                log.warn("Live value feed lost ({}); reconnecting", e.toString());
              }
            },
            Duration.ofMillis(500));
    feed.start();
    this.publisher = Thread.ofPlatform().daemon().name("live-publish").unstarted(this::publishLoop);
    publisher.start();
  }

  private void dispatch(byte[] channel, byte[] message) {
    String ch = new String(channel, StandardCharsets.UTF_8);
    UUID company;
    try {
      company = UUID.fromString(ch.substring(CHANNEL.length()));
    } catch (IllegalArgumentException e) {
      return;
    }
    Set<Consumer<List<TagValue>>> ls = listeners.get(company);
    if (ls == null || ls.isEmpty() || message.length < NODE_ID_BYTES) {
      return;
    }
    ByteBuffer from = ByteBuffer.wrap(message, 0, NODE_ID_BYTES);
    if (from.getLong() == node.getMostSignificantBits()
        && from.getLong() == node.getLeastSignificantBits()) {
      return; // this node's own update: its watchers had it at publish()
    }
    List<TagValue> values;
    try {
      values =
          WatchUpdate.parseFrom(
                  ByteBuffer.wrap(message, NODE_ID_BYTES, message.length - NODE_ID_BYTES))
              .getValuesList();
    } catch (InvalidProtocolBufferException e) {
      log.warn("Ignoring a malformed live update on {}", ch);
      return;
    }
    deliver(ls, values);
  }

  private static void deliver(Set<Consumer<List<TagValue>>> ls, List<TagValue> values) {
    for (Consumer<List<TagValue>> l : ls) {
      try {
        l.accept(values);
      } catch (RuntimeException e) {
        log.warn("A live listener failed: {}", e.toString());
      }
    }
  }

  /**
   * Stores and announces the newest values of a committed batch, soon and without waiting for
   * Redis: a value not yet written is replaced by a newer one of the same tag.
   */
  public void publish(UUID company, List<ReadingIngest.LiveValue> values) {
    // Watchers on this node get the values at once, without a round trip through Redis; other
    // nodes get them through it.
    Set<Consumer<List<TagValue>>> ls = listeners.get(company);
    if (ls != null && !ls.isEmpty()) {
      deliver(ls, values.stream().map(LiveHub::proto).toList());
    }
    synchronized (outbox) {
      Map<UUID, ReadingIngest.LiveValue> pending =
          outbox.computeIfAbsent(company, k -> new LinkedHashMap<>());
      for (ReadingIngest.LiveValue v : values) {
        merge(pending, v);
      }
      enqueued++;
      outbox.notifyAll();
    }
  }

  private static void merge(Map<UUID, ReadingIngest.LiveValue> pending, ReadingIngest.LiveValue v) {
    ReadingIngest.LiveValue old = pending.get(v.tag().id());
    if (old == null || !v.sourceTime().isBefore(old.sourceTime())) {
      pending.put(v.tag().id(), v);
    }
  }

  private void publishLoop() {
    while (!closed) {
      Map<UUID, Map<UUID, ReadingIngest.LiveValue>> batch;
      long upTo;
      synchronized (outbox) {
        while (outbox.isEmpty() && !closed) {
          try {
            outbox.wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        batch = new LinkedHashMap<>(outbox);
        outbox.clear();
        upTo = enqueued;
      }
      Map<UUID, Map<UUID, ReadingIngest.LiveValue>> unsent = new LinkedHashMap<>();
      RuntimeException failure = null;
      for (Map.Entry<UUID, Map<UUID, ReadingIngest.LiveValue>> e : batch.entrySet()) {
        if (failure == null) {
          try {
            write(e.getKey(), e.getValue().values());
            continue;
          } catch (RuntimeException ex) {
            failure = ex;
          }
        }
        unsent.put(e.getKey(), e.getValue());
      }
      if (failure == null) {
        synchronized (outbox) {
          written = upTo;
          outbox.notifyAll();
        }
        if (publishFailing) {
          publishFailing = false;
          log.info("Live values are published again");
        }
        continue;
      }
      if (!publishFailing) {
        // Once per outage, not once per batch.
        publishFailing = true;
        log.warn(
            "Could not publish live values ({}); readings are still stored, live values lag"
                + " until Redis answers",
            failure.toString());
      }
      synchronized (outbox) {
        // Newer values that arrived meanwhile win over the ones that failed.
        for (Map.Entry<UUID, Map<UUID, ReadingIngest.LiveValue>> e : unsent.entrySet()) {
          Map<UUID, ReadingIngest.LiveValue> pending =
              outbox.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>());
          for (ReadingIngest.LiveValue v : e.getValue().values()) {
            merge(pending, v);
          }
        }
      }
      try {
        Thread.sleep(RETRY_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** How long a snapshot waits for values still in the outbox. */
  static final long SNAPSHOT_WAIT_MILLIS = 250;

  private void awaitWritten(long millis) {
    long until = System.nanoTime() + millis * 1_000_000;
    synchronized (outbox) {
      long target = enqueued;
      try {
        while (written < target && !publishFailing && !closed) {
          long left = (until - System.nanoTime()) / 1_000_000;
          if (left <= 0) {
            return;
          }
          outbox.wait(left);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void write(UUID company, Collection<ReadingIngest.LiveValue> values) {
    List<byte[]> args = new ArrayList<>(values.size() * 3);
    WatchUpdate.Builder update = WatchUpdate.newBuilder();
    for (ReadingIngest.LiveValue v : values) {
      TagValue tv = proto(v);
      update.addValues(tv);
      args.add(v.tag().id().toString().getBytes(StandardCharsets.UTF_8));
      args.add(String.valueOf(v.sourceTime().toEpochMilli()).getBytes(StandardCharsets.UTF_8));
      args.add(tv.toByteArray());
    }
    redis.eval(
        STORE_NEWEST.getBytes(StandardCharsets.UTF_8),
        List.of(latestKey(company), timesKey(company)),
        args);
    byte[] body = update.build().toByteArray();
    ByteBuffer message = ByteBuffer.allocate(NODE_ID_BYTES + body.length);
    message.putLong(node.getMostSignificantBits()).putLong(node.getLeastSignificantBits());
    message.put(body);
    redis.publish((CHANNEL + company).getBytes(StandardCharsets.UTF_8), message.array());
  }

  /**
   * The newest value of every tag of the company that has reported. Values of batches committed
   * before the call are included when Redis is healthy: it waits briefly for the outbox first.
   */
  public List<TagValue> snapshot(UUID company) {
    awaitWritten(SNAPSHOT_WAIT_MILLIS);
    Map<byte[], byte[]> all = redis.hgetAll(latestKey(company));
    List<TagValue> out = new ArrayList<>(all.size());
    for (byte[] v : all.values()) {
      try {
        out.add(TagValue.parseFrom(v));
      } catch (InvalidProtocolBufferException e) {
        log.warn("Ignoring a malformed latest value");
      }
    }
    return out;
  }

  /** Calls {@code listener} with each batch of new values until the returned handle is closed. */
  public AutoCloseable subscribe(UUID company, Consumer<List<TagValue>> listener) {
    listeners.computeIfAbsent(company, k -> ConcurrentHashMap.newKeySet()).add(listener);
    return () -> {
      Set<Consumer<List<TagValue>>> ls = listeners.get(company);
      if (ls != null) {
        ls.remove(listener);
      }
    };
  }

  static TagValue proto(ReadingIngest.LiveValue v) {
    return TagValue.newBuilder()
        .setTagId(v.tag().id().toString())
        .setTagKey(v.tag().key())
        .setMachineId(v.tag().machineId().toString())
        .setValue(v.value())
        .setSourceTime(ProtoValues.timestamp(v.sourceTime()))
        .setQuality(Quality.forNumber(v.quality()))
        .setAlarmState(v.alarmState())
        .build();
  }

  private static byte[] latestKey(UUID company) {
    return ("ms:latest:" + company).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] timesKey(UUID company) {
    return ("ms:latest-time:" + company).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    closed = true;
    feed.close();
    publisher.interrupt();
  }
}
