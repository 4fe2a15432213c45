package io.millstone.server.notify;

import io.millstone.server.platform.RedisSubscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.BinaryJedisPubSub;
import redis.clients.jedis.RedisClient;

/**
 * This node's end of the published notifications: one Redis subscription, handed on to this node's
 * streams. Each time the subscription is (re)confirmed, every stream is told to catch up from the
 * database, for what was published while this node was not listening.
 */
public final class NotificationHub implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NotificationHub.class);

  /** A stream on this node. */
  interface Listener {
    /** A published notification, in publication order; called on the subscription's thread. */
    void published(Envelope e);

    /** The subscription was (re)confirmed: read what may have been missed. Must not block. */
    void resync();
  }

  private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
  private final BinaryJedisPubSub pubSub;
  private final RedisSubscription subscription;
  private volatile boolean lost;

  public NotificationHub(RedisClient redis) {
    this.pubSub =
        new BinaryJedisPubSub() {
          @Override
          public void onMessage(byte[] channel, byte[] message) {
            try {
              Envelope e = Envelope.decode(message);
              for (Listener l : listeners) {
                l.published(e);
              }
            } catch (Exception e) { // nothing may escape a subscription's callback
              log.warn("A notification could not be handed on: {}", e.toString());
            }
          }

          @Override
          public void onSubscribe(byte[] channel, int subscribedChannels) {
            if (!subscription.wanted()) {
              return;
            }
            if (lost) {
              lost = false;
              log.info("Notification feed is back");
            }
            for (Listener l : listeners) {
              try {
                l.resync();
              } catch (RuntimeException e) {
                log.warn("A notification stream could not catch up: {}", e.toString());
              }
            }
          }
        };
    this.subscription =
        new RedisSubscription(
            "notifications",
            () ->
                redis.subscribe(pubSub, NotificationRelay.CHANNEL.getBytes(StandardCharsets.UTF_8)),
            pubSub::unsubscribe,
            pubSub::isSubscribed,
            e -> {
              if (!lost) {
                lost = true;
                log.warn("Notification feed lost ({}); reconnecting", e.toString());
              }
            },
            Duration.ofMillis(250));
    subscription.start();
  }

  AutoCloseable listen(Listener l) {
    listeners.add(l);
    return () -> listeners.remove(l);
  }

  @Override
  public void close() {
    subscription.close();
  }
}
