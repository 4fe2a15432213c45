package io.millstone.server.telemetry;

import com.google.protobuf.InvalidProtocolBufferException;
import io.millstone.api.telemetry.v1.Quality;
import io.millstone.api.telemetry.v1.TagValue;
import io.millstone.api.telemetry.v1.WatchUpdate;
import io.millstone.server.gateway.ProtoValues;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

  private final RedisClient redis;
  private final Map<UUID, Set<Consumer<List<TagValue>>>> listeners = new ConcurrentHashMap<>();
  private final BinaryJedisPubSub pubSub;
  private final Thread thread;
  private volatile boolean closed;

  public LiveHub(RedisClient redis) {
    this.redis = redis;
    this.pubSub =
        new BinaryJedisPubSub() {
          @Override
          public void onPMessage(byte[] pattern, byte[] channel, byte[] message) {
            dispatch(channel, message);
          }
        };
    this.thread = Thread.ofPlatform().daemon().name("live-values").unstarted(this::listen);
    thread.start();
  }

  private void listen() {
    while (!closed) {
      try {
        redis.psubscribe(pubSub, (CHANNEL + "*").getBytes(StandardCharsets.UTF_8));
      } catch (RuntimeException e) {
        if (!closed) {
          log.warn("Live value feed lost ({}); reconnecting", e.toString());
        }
      }
      if (!closed) {
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
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
    if (ls == null || ls.isEmpty()) {
      return;
    }
    List<TagValue> values;
    try {
      values = WatchUpdate.parseFrom(message).getValuesList();
    } catch (InvalidProtocolBufferException e) {
      log.warn("Ignoring a malformed live update on {}", ch);
      return;
    }
    for (Consumer<List<TagValue>> l : ls) {
      try {
        l.accept(values);
      } catch (RuntimeException e) {
        log.warn("A live listener failed: {}", e.toString());
      }
    }
  }

  /** Stores and announces the newest values of a committed batch. */
  public void publish(UUID company, List<ReadingIngest.LiveValue> values) {
    List<byte[]> args = new ArrayList<>(values.size() * 3);
    WatchUpdate.Builder update = WatchUpdate.newBuilder();
    for (ReadingIngest.LiveValue v : values) {
      TagValue tv = proto(v);
      update.addValues(tv);
      args.add(v.tag().id().toString().getBytes(StandardCharsets.UTF_8));
      args.add(String.valueOf(v.sourceTime().toEpochMilli()).getBytes(StandardCharsets.UTF_8));
      args.add(tv.toByteArray());
    }
    try {
      redis.eval(
          STORE_NEWEST.getBytes(StandardCharsets.UTF_8),
          List.of(latestKey(company), timesKey(company)),
          args);
      redis.publish(
          (CHANNEL + company).getBytes(StandardCharsets.UTF_8), update.build().toByteArray());
    } catch (RuntimeException e) {
      // The readings are committed; only the live view lags until the next batch.
      log.warn("Could not publish live values: {}", e.toString());
    }
  }

  /** The newest value of every tag of the company that has reported. */
  public List<TagValue> snapshot(UUID company) {
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
    try {
      if (pubSub.isSubscribed()) {
        pubSub.punsubscribe();
      }
    } catch (RuntimeException e) {
      log.debug("punsubscribe failed", e);
    }
    thread.interrupt();
  }
}
