package io.millstone.client.notify;

import io.millstone.api.notify.v1.BadgeCounts;
import io.millstone.api.notify.v1.ListNotificationsResponse;
import io.millstone.api.notify.v1.Notification;
import io.millstone.client.remote.RemoteException;

/** The server's notifications for the signed-in person (NotificationService). */
public interface NotificationGateway {
  ListNotificationsResponse list(int limit) throws RemoteException;

  /** Marks everything up to {@code upToId} read; the unread count left. */
  int markRead(long upToId) throws RemoteException;

  BadgeCounts badges() throws RemoteException;

  /** What a Watch stream reports, on a network thread. */
  interface WatchListener {
    void onNotification(Notification n);

    void onError(Exception error);

    void onEnd();
  }

  /** Opens a stream of the notifications after {@code afterId}; closing the handle cancels it. */
  AutoCloseable watch(long afterId, WatchListener listener);
}
