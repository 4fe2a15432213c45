package io.millstone.client.notify;

import io.millstone.api.notify.v1.BadgeCounts;
import io.millstone.api.notify.v1.ListNotificationsResponse;
import io.millstone.api.notify.v1.Notification;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The bell and the badges: the newest notifications (newest first), how many are unread, how many
 * purchase orders wait for this person's approval, kept live from the server's Watch stream. When
 * the stream breaks it is opened again after a pause, after the last id already here, so nothing is
 * missed and nothing shown twice.
 */
public final class NotificationsViewModel extends AbstractViewModel {
  private static final java.util.regex.Pattern AMOUNT =
      java.util.regex.Pattern.compile("-?\\d+\\.\\d{2}");

  /** How many the list keeps. */
  static final int KEEP = 50;

  private final NotificationGateway gateway;
  private final Messages messages;
  private final Duration retryDelay;
  private final ObservableList<Notification> items = FXCollections.observableArrayList();
  private final IntegerProperty unread = new SimpleIntegerProperty();
  private final IntegerProperty approvalsWaiting = new SimpleIntegerProperty();
  private final BooleanProperty live = new SimpleBooleanProperty();
  private final Object lock = new Object();
  private long lastId; // the newest id here; guarded by lock
  private boolean running; // guarded by lock
  private int generation; // guarded by lock
  private AutoCloseable call; // guarded by lock

  public NotificationsViewModel(
      NotificationGateway gateway, UiTaskExecutor executor, Messages messages, Duration retry) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
    this.retryDelay = retry;
  }

  public ObservableList<Notification> items() {
    return items;
  }

  public ReadOnlyIntegerProperty unreadProperty() {
    return unread;
  }

  public ReadOnlyIntegerProperty approvalsWaitingProperty() {
    return approvalsWaiting;
  }

  public ReadOnlyBooleanProperty liveProperty() {
    return live;
  }

  /** Loads the newest notifications and the badges, then follows the stream. */
  public void start() {
    synchronized (lock) {
      if (running) {
        return;
      }
      running = true;
    }
    executor.submit(
        () -> gateway.list(KEEP),
        this::loaded,
        e -> {
          setMessage(messages.get("notify.unavailable"));
          open(); // the stream's catch-up brings what the list could not
        });
  }

  private void loaded(ListNotificationsResponse r) {
    items.setAll(r.getNotificationsList());
    unread.set(r.getUnreadCount());
    synchronized (lock) {
      for (Notification n : r.getNotificationsList()) {
        lastId = Math.max(lastId, n.getId());
      }
    }
    refreshBadges();
    open();
  }

  private void open() {
    int mine;
    long after;
    synchronized (lock) {
      if (!running) {
        return;
      }
      mine = ++generation;
      after = lastId;
    }
    AutoCloseable c =
        gateway.watch(
            after,
            new NotificationGateway.WatchListener() {
              @Override
              public void onNotification(Notification n) {
                if (current(mine)) {
                  executor.runOnUiThread(() -> arrived(n));
                }
              }

              @Override
              public void onError(Exception error) {
                broken(mine);
              }

              @Override
              public void onEnd() {
                broken(mine);
              }
            });
    synchronized (lock) {
      if (running && generation == mine) {
        call = c;
        executor.runOnUiThread(() -> live.set(true));
        return;
      }
    }
    closeQuietly(c);
  }

  private void arrived(Notification n) {
    synchronized (lock) {
      if (n.getId() <= lastId && items.stream().anyMatch(x -> x.getId() == n.getId())) {
        return; // here already
      }
      lastId = Math.max(lastId, n.getId());
    }
    items.add(0, n);
    items.sort((a, b) -> Long.compare(b.getId(), a.getId()));
    if (items.size() > KEEP) {
      items.remove(KEEP, items.size());
    }
    refreshBadges();
  }

  private void refreshBadges() {
    executor.submit(
        gateway::badges,
        (BadgeCounts b) -> {
          unread.set(b.getUnreadNotifications());
          approvalsWaiting.set(b.getApprovalsWaiting());
        },
        e -> {});
  }

  private boolean current(int gen) {
    synchronized (lock) {
      return running && generation == gen;
    }
  }

  private void broken(int gen) {
    if (!current(gen)) {
      return;
    }
    executor.runOnUiThread(() -> live.set(false));
    try {
      executor.submit(
          () -> {
            Thread.sleep(retryDelay.toMillis());
            return null;
          },
          x -> {
            if (current(gen)) {
              // Another approver's decision tells only the sender: the badge is read again here.
              refreshBadges();
              open();
            }
          },
          x -> {});
    } catch (RejectedExecutionException e) {
      // the window is closing
    }
  }

  /** Marks everything shown read. */
  public void markAllRead() {
    long upTo;
    synchronized (lock) {
      upTo = lastId;
    }
    if (upTo == 0) {
      return;
    }
    executor.submit(
        () -> gateway.markRead(upTo),
        left -> {
          unread.set(left);
          items.replaceAll(n -> n.getId() <= upTo ? n.toBuilder().setRead(true).build() : n);
        },
        e -> setMessage(messages.get("notify.unavailable")));
  }

  /** The sentence shown for a notification, in the client's language when it knows the kind. */
  public String text(Notification n) {
    String key = "notify.kind." + n.getKind();
    if (!messages.has(key)) {
      return n.getSummary();
    }
    // Amounts come as plain decimals ("1877950.00"); shown as the company writes them.
    Object[] args =
        n.getArgsList().stream()
            .map(a -> AMOUNT.matcher(a).matches() ? Amounts.money(a) : a)
            .toArray();
    return messages.get(key, args);
  }

  /** The screen that shows what a notification is about, if there is one. */
  public record Target(String screenId, String filter) {}

  public static Optional<Target> target(Notification n) {
    String number = n.getArgsCount() > 0 ? n.getArgs(0) : "";
    return Optional.ofNullable(
        switch (n.getKind()) {
          case "purchasing.order.approval_requested" -> new Target("purchase-approvals", "");
          case "purchasing.order.approved", "purchasing.order.rejected" ->
              new Target("purchase-orders", number);
          case "purchasing.receipt.posted", "purchasing.bill.posted" ->
              new Target("purchase-orders", n.getArgsCount() > 1 ? n.getArgs(1) : "");
          case "purchasing.payment.posted" -> new Target("supplier-payments", "");
          case "sales.invoice.posted", "sales.delivery.posted" ->
              new Target("sales-orders", n.getArgsCount() > 1 ? n.getArgs(1) : "");
          case "sales.payment.posted" -> new Target("sales-payments", "");
          case "cane.bills.created", "cane.payment_run.posted" ->
              new Target("cane-payment-run", "");
          case "cane.price.changed" -> new Target("cane-seasons", "");
          case "production.run.posted" -> new Target("production-runs", number);
          case "telemetry.alarm.raised" -> new Target("alarms", "");
          default -> null;
        });
  }

  /** Stops the stream; nothing more arrives after this returns. */
  public void stop() {
    AutoCloseable c;
    synchronized (lock) {
      running = false;
      generation++;
      c = call;
      call = null;
    }
    closeQuietly(c);
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception ignored) {
        // cancelling a call does not fail in a way anyone could act on
      }
    }
  }
}
