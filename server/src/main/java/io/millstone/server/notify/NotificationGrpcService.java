package io.millstone.server.notify;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.millstone.api.notify.v1.BadgeCounts;
import io.millstone.api.notify.v1.BadgesRequest;
import io.millstone.api.notify.v1.ListNotificationsRequest;
import io.millstone.api.notify.v1.ListNotificationsResponse;
import io.millstone.api.notify.v1.MarkReadRequest;
import io.millstone.api.notify.v1.MarkReadResponse;
import io.millstone.api.notify.v1.Notification;
import io.millstone.api.notify.v1.NotificationServiceGrpc;
import io.millstone.api.notify.v1.WatchNotificationsRequest;
import io.millstone.server.gateway.GatewayContext;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.error.InvalidInputException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapter from the NotificationService contract. A Watch stream sends the stored notifications
 * after the client's id, then live ones from this node's hub, each id once and in order: an id at
 * or below the last one queued is dropped, and live ones arriving while the stream reads the
 * database wait until it has.
 */
public final class NotificationGrpcService
    extends NotificationServiceGrpc.NotificationServiceImplBase {
  private static final Logger log = LoggerFactory.getLogger(NotificationGrpcService.class);

  /** A client this far behind is cut off; it resumes with the last id it has. */
  static final int MAX_QUEUED = 1000;

  private final Notifications notifications;
  private final NotificationHub hub;
  private final ExecutorService catchUps = Executors.newVirtualThreadPerTaskExecutor();

  public NotificationGrpcService(Notifications notifications, NotificationHub hub) {
    this.notifications = notifications;
    this.hub = hub;
  }

  @Override
  public void watch(WatchNotificationsRequest req, StreamObserver<Notification> responses) {
    if (req.getAfterId() < 0) {
      throw InvalidInputException.of("after_id", "must not be negative");
    }
    Actor actor = GatewayContext.actor();
    Stream s =
        new Stream(actor, req.getAfterId(), (ServerCallStreamObserver<Notification>) responses);
    AutoCloseable listening = hub.listen(s);
    s.out.setOnReadyHandler(s::drain);
    s.out.setOnCancelHandler(
        () -> {
          s.cancelled = true;
          try {
            listening.close();
          } catch (Exception ignored) {
            // removing a listener cannot fail
          }
        });
    try {
      s.catchUp();
    } catch (RuntimeException e) {
      s.cancelled = true; // the call fails with this error; the hub forgets the stream
      try {
        listening.close();
      } catch (Exception ignored) {
        // removing a listener cannot fail
      }
      throw e;
    }
  }

  /** One client's stream. */
  private final class Stream implements NotificationHub.Listener {
    private final Actor actor;
    private final Notifications.Reader reader;
    private final ServerCallStreamObserver<Notification> out;
    private final Object lock = new Object();
    private final Object catchingUp = new Object();
    private final ArrayDeque<Notification> queue = new ArrayDeque<>();
    private final List<Notification> held = new ArrayList<>();
    private long lastQueued;
    private boolean catching = true;
    private boolean ended;
    volatile boolean cancelled;

    Stream(Actor actor, long afterId, ServerCallStreamObserver<Notification> out) {
      this.actor = actor;
      this.reader = Notifications.Reader.of(actor);
      this.out = out;
      this.lastQueued = afterId;
    }

    @Override
    public void published(Envelope e) {
      if (!e.reaches(reader.company(), reader.user(), reader.permissions())) {
        return;
      }
      synchronized (lock) {
        if (catching) {
          held.add(e.notification());
        } else {
          enqueue(e.notification());
        }
      }
      drain();
    }

    @Override
    public void resync() {
      synchronized (lock) {
        catching = true;
      }
      catchUps.execute(
          () -> {
            try {
              catchUp();
            } catch (RuntimeException e) {
              fail(e);
            }
          });
    }

    /** Reads the database after the last id queued, then lets held live ones follow. */
    void catchUp() {
      synchronized (catchingUp) {
        while (!cancelled) {
          long after;
          synchronized (lock) {
            after = lastQueued;
          }
          List<Notification> stored = notifications.after(actor, after);
          synchronized (lock) {
            stored.forEach(this::enqueue);
          }
          drain();
          if (after == 0 || stored.size() < Notifications.CATCH_UP_PAGE) {
            break;
          }
        }
        synchronized (lock) {
          held.sort(Comparator.comparingLong(Notification::getId));
          held.forEach(this::enqueue);
          held.clear();
          catching = false;
        }
        drain();
      }
    }

    private void enqueue(Notification n) {
      if (n.getId() <= lastQueued) {
        return; // sent already
      }
      lastQueued = n.getId();
      queue.add(n);
    }

    void drain() {
      synchronized (lock) {
        if (ended || cancelled) {
          return;
        }
        if (queue.size() > MAX_QUEUED) {
          ended = true;
          out.onError(
              Status.RESOURCE_EXHAUSTED
                  .withDescription("Too many notifications waiting; reconnect with the last id.")
                  .asRuntimeException());
          return;
        }
        while (!queue.isEmpty() && out.isReady()) {
          out.onNext(queue.poll());
        }
      }
    }

    private void fail(RuntimeException e) {
      log.warn("A notification stream could not catch up: {}", e.toString());
      synchronized (lock) {
        if (!ended && !cancelled) {
          ended = true;
          out.onError(
              Status.UNAVAILABLE.withDescription("Try again shortly.").asRuntimeException());
        }
      }
    }
  }

  @Override
  public void list(ListNotificationsRequest req, StreamObserver<ListNotificationsResponse> out) {
    Notifications.Page page = notifications.list(GatewayContext.actor(), req.getLimit());
    out.onNext(
        ListNotificationsResponse.newBuilder()
            .addAllNotifications(page.notifications())
            .setUnreadCount(page.unread())
            .setReadUpToId(page.readUpTo())
            .build());
    out.onCompleted();
  }

  @Override
  public void markRead(MarkReadRequest req, StreamObserver<MarkReadResponse> out) {
    int unread = notifications.markRead(GatewayContext.actor(), req.getUpToId());
    out.onNext(MarkReadResponse.newBuilder().setUnreadCount(unread).build());
    out.onCompleted();
  }

  @Override
  public void badges(BadgesRequest req, StreamObserver<BadgeCounts> out) {
    Notifications.Badges b = notifications.badges(GatewayContext.actor());
    out.onNext(
        BadgeCounts.newBuilder()
            .setApprovalsWaiting(b.approvalsWaiting())
            .setUnreadNotifications(b.unread())
            .build());
    out.onCompleted();
  }

  /** Stops the catch-up workers; streams end with the server. */
  public void close() {
    catchUps.shutdownNow();
  }
}
