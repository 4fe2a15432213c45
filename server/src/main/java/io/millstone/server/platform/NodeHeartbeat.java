package io.millstone.server.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * A server node's sign of life in Redis, for {@code millstone-server status}: one hash per node
 * with a short expiry, refreshed while the node runs, so a node that died vanishes by itself.
 */
public final class NodeHeartbeat implements AutoCloseable {
  static final String PREFIX = "millstone:node:";

  /** What a node has open right now. */
  public record Counts(int clients, int agents) {}

  /** One live node as last published. */
  public record Node(
      String id,
      String version,
      String address,
      Instant started,
      Instant seen,
      int clients,
      int agents) {}

  private final RedisClient redis;
  private final String key;
  private final String address;
  private final Supplier<Counts> counts;
  private final Duration ttl;
  private final Instant started = Instant.now();

  public NodeHeartbeat(RedisClient redis, String address, Supplier<Counts> counts, Duration ttl) {
    this.redis = redis;
    this.key = PREFIX + UUID.randomUUID();
    this.address = address;
    this.counts = counts;
    this.ttl = ttl;
  }

  /** Publishes the node's current counts; they expire unless published again within the TTL. */
  public void beat() {
    Counts c = counts.get();
    redis.hset(
        key,
        Map.of(
            "version", Version.get(),
            "address", address,
            "started", started.toString(),
            "seen", Instant.now().toString(),
            "clients", String.valueOf(c.clients()),
            "agents", String.valueOf(c.agents())));
    redis.expire(key, ttl.toSeconds());
  }

  /** The nodes that published within their TTL, oldest first. */
  public static List<Node> live(RedisClient redis) {
    List<Node> nodes = new ArrayList<>();
    String cursor = ScanParams.SCAN_POINTER_START;
    ScanParams match = new ScanParams().match(PREFIX + "*").count(100);
    do {
      ScanResult<String> page = redis.scan(cursor, match);
      for (String k : page.getResult()) {
        Map<String, String> h = redis.hgetAll(k);
        if (!h.isEmpty()) {
          nodes.add(
              new Node(
                  k.substring(PREFIX.length()),
                  h.getOrDefault("version", "?"),
                  h.getOrDefault("address", "?"),
                  Instant.parse(h.getOrDefault("started", Instant.EPOCH.toString())),
                  Instant.parse(h.getOrDefault("seen", Instant.EPOCH.toString())),
                  Integer.parseInt(h.getOrDefault("clients", "0")),
                  Integer.parseInt(h.getOrDefault("agents", "0"))));
        }
      }
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    nodes.sort(Comparator.comparing(Node::started));
    return nodes;
  }

  /** The node stops: it is no longer counted, without waiting for the expiry. */
  @Override
  public void close() {
    redis.del(key);
  }
}
