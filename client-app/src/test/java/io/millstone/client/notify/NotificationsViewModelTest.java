package io.millstone.client.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.notify.v1.BadgeCounts;
import io.millstone.api.notify.v1.ListNotificationsResponse;
import io.millstone.api.notify.v1.Notification;
import io.millstone.client.core.Messages;
import io.millstone.client.remote.RemoteException;
import io.millstone.client.support.DirectExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bell's state, against a server stand-in whose stream the test breaks. */
class NotificationsViewModelTest {
  final Messages messages = new Messages(Messages.ENGLISH);

  /**
   * The stand-in: its list, its badges, and the streams opened (with the id each resumed after).
   */
  static final class FakeServer implements NotificationGateway {
    final List<Notification> stored = new ArrayList<>();
    final List<Long> watchedAfter = new ArrayList<>();
    final List<WatchListener> streams = new ArrayList<>();
    int unread;
    int approvals;
    long markedUpTo;

    @Override
    public ListNotificationsResponse list(int limit) {
      return ListNotificationsResponse.newBuilder()
          .addAllNotifications(stored.reversed())
          .setUnreadCount(unread)
          .build();
    }

    @Override
    public int markRead(long upToId) {
      markedUpTo = upToId;
      unread = 0;
      return 0;
    }

    @Override
    public BadgeCounts badges() {
      return BadgeCounts.newBuilder()
          .setApprovalsWaiting(approvals)
          .setUnreadNotifications(unread)
          .build();
    }

    @Override
    public AutoCloseable watch(long afterId, WatchListener listener) {
      watchedAfter.add(afterId);
      streams.add(listener);
      return () -> {};
    }

    void publish(Notification n) {
      unread++;
      approvals++;
      streams.get(streams.size() - 1).onNotification(n);
    }
  }

  static Notification approval(long id, String number) {
    return Notification.newBuilder()
        .setId(id)
        .setKind("purchasing.order.approval_requested")
        .addArgs(number)
        .addArgs("1877950.00")
        .addArgs("stores")
        .setSummary(number + " awaits approval")
        .setDocumentType("purchase_order")
        .build();
  }

  @Test
  void aNewNotificationGoesOnTopAndRaisesTheCountAndTheBadge() {
    FakeServer server = new FakeServer();
    server.stored.add(approval(3, "PO-2026-00001"));
    server.unread = 1;
    server.approvals = 1;
    NotificationsViewModel vm =
        new NotificationsViewModel(server, new DirectExecutor(), messages, Duration.ZERO);
    vm.start();
    assertThat(server.watchedAfter).containsExactly(3L); // the stream resumes after the list
    assertThat(vm.unreadProperty().get()).isEqualTo(1);

    server.publish(approval(7, "PO-2026-00002"));
    assertThat(vm.items()).extracting(Notification::getId).containsExactly(7L, 3L);
    assertThat(vm.unreadProperty().get()).isEqualTo(2);
    assertThat(vm.approvalsWaitingProperty().get()).isEqualTo(2);
    assertThat(vm.text(vm.items().get(0)))
        .isEqualTo(
            "Purchase order PO-2026-00002 (18,77,950.00) awaits your approval; sent by stores");
    assertThat(NotificationsViewModel.target(vm.items().get(0)))
        .contains(new NotificationsViewModel.Target("purchase-approvals", ""));
  }

  @Test
  void aBrokenStreamIsOpenedAgainAfterTheLastIdAndNothingShowsTwice() {
    FakeServer server = new FakeServer();
    NotificationsViewModel vm =
        new NotificationsViewModel(server, new DirectExecutor(), messages, Duration.ZERO);
    vm.start();
    server.publish(approval(4, "PO-2026-00004"));
    server.streams.get(0).onError(new RemoteException(RemoteException.Kind.UNAVAILABLE, "gone"));
    assertThat(server.watchedAfter).containsExactly(0L, 4L);
    // A notification the old stream delivered late, and the new one again: shown once.
    server.publish(approval(4, "PO-2026-00004"));
    server.publish(approval(5, "PO-2026-00005"));
    assertThat(vm.items()).extracting(Notification::getId).containsExactly(5L, 4L);
    assertThat(vm.liveProperty().get()).isTrue();
  }

  @Test
  void markAllReadClearsTheCountAndMarksUpToTheNewest() {
    FakeServer server = new FakeServer();
    server.stored.add(approval(2, "PO-2026-00001"));
    server.stored.add(approval(9, "PO-2026-00002"));
    server.unread = 2;
    NotificationsViewModel vm =
        new NotificationsViewModel(server, new DirectExecutor(), messages, Duration.ZERO);
    vm.start();
    vm.markAllRead();
    assertThat(server.markedUpTo).isEqualTo(9);
    assertThat(vm.unreadProperty().get()).isZero();
    assertThat(vm.items()).allMatch(Notification::getRead);
  }

  @Test
  void aKindTheClientDoesNotKnowShowsTheServersSentence() {
    NotificationsViewModel vm =
        new NotificationsViewModel(new FakeServer(), new DirectExecutor(), messages, Duration.ZERO);
    Notification n =
        Notification.newBuilder()
            .setId(1)
            .setKind("future.event")
            .setSummary("Something new")
            .build();
    assertThat(vm.text(n)).isEqualTo("Something new");
    assertThat(NotificationsViewModel.target(n)).isEmpty();
  }
}
