package io.millstone.client.remote;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.millstone.api.notify.v1.BadgeCounts;
import io.millstone.api.notify.v1.BadgesRequest;
import io.millstone.api.notify.v1.ListNotificationsRequest;
import io.millstone.api.notify.v1.ListNotificationsResponse;
import io.millstone.api.notify.v1.MarkReadRequest;
import io.millstone.api.notify.v1.Notification;
import io.millstone.api.notify.v1.NotificationServiceGrpc;
import io.millstone.api.notify.v1.WatchNotificationsRequest;
import io.millstone.client.notify.NotificationGateway;

/** The bell's notifications and the navigation's badges on the server (NotificationService). */
public final class Notifications implements NotificationGateway {
  private final Session session;

  public Notifications(Session session) {
    this.session = session;
  }

  private NotificationServiceGrpc.NotificationServiceBlockingStub stub() {
    return session.stub(NotificationServiceGrpc.newBlockingStub(session.connection().channel()));
  }

  @Override
  public ListNotificationsResponse list(int limit) throws RemoteException {
    return Calls.call(
        () -> stub().list(ListNotificationsRequest.newBuilder().setLimit(limit).build()));
  }

  @Override
  public int markRead(long upToId) throws RemoteException {
    return Calls.call(() -> stub().markRead(MarkReadRequest.newBuilder().setUpToId(upToId).build()))
        .getUnreadCount();
  }

  @Override
  public BadgeCounts badges() throws RemoteException {
    return Calls.call(() -> stub().badges(BadgesRequest.getDefaultInstance()));
  }

  @Override
  public AutoCloseable watch(long afterId, WatchListener listener) {
    // The stream lives as long as the session: no deadline, cancelled by the handle.
    NotificationServiceGrpc.NotificationServiceStub stub =
        session
            .stub(NotificationServiceGrpc.newStub(session.connection().channel()))
            .withDeadline(null);
    Object lock = new Object();
    @SuppressWarnings("unchecked")
    ClientCallStreamObserver<WatchNotificationsRequest>[] call = new ClientCallStreamObserver[1];
    boolean[] cancelled = {false};
    stub.watch(
        WatchNotificationsRequest.newBuilder().setAfterId(afterId).build(),
        new ClientResponseObserver<WatchNotificationsRequest, Notification>() {
          @Override
          public void beforeStart(ClientCallStreamObserver<WatchNotificationsRequest> r) {
            synchronized (lock) {
              call[0] = r;
            }
          }

          @Override
          public void onNext(Notification value) {
            listener.onNotification(value);
          }

          @Override
          public void onError(Throwable t) {
            synchronized (lock) {
              if (cancelled[0]) {
                return;
              }
            }
            listener.onError(
                t instanceof StatusRuntimeException s
                    ? StatusTranslator.translate(s, false)
                    : new RemoteException(RemoteException.Kind.OTHER, String.valueOf(t)));
          }

          @Override
          public void onCompleted() {
            listener.onEnd();
          }
        });
    return () -> {
      synchronized (lock) {
        cancelled[0] = true;
        if (call[0] != null) {
          call[0].cancel("signed out", null);
        }
      }
    };
  }
}
