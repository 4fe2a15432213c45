package io.millstone.server.notify;

import io.grpc.Channel;
import io.grpc.stub.StreamObserver;
import io.millstone.api.common.v1.Date;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.common.v1.IdempotencyKey;
import io.millstone.api.masterdata.v1.ItemKind;
import io.millstone.api.notify.v1.Notification;
import io.millstone.api.notify.v1.NotificationServiceGrpc;
import io.millstone.api.notify.v1.WatchNotificationsRequest;
import io.millstone.api.purchasing.v1.CreatePurchaseOrderRequest;
import io.millstone.api.purchasing.v1.DecidePurchaseOrderRequest;
import io.millstone.api.purchasing.v1.PurchaseLineInput;
import io.millstone.api.purchasing.v1.PurchaseOrder;
import io.millstone.api.purchasing.v1.PurchasingServiceGrpc;
import io.millstone.server.TestServer;
import io.millstone.server.masterdata.MasterdataFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/** A company with an approver, a stores clerk who raises orders and a sales clerk. */
final class NotifyFixtures {
  /** The upper bound of every wait; waits end as soon as their condition holds. */
  static final Duration PATIENCE = Duration.ofSeconds(60);

  final TestServer t;
  final UUID company;
  final String approver;
  final String stores;
  final String sales;
  final String supplier;
  final String item;
  final PurchasingServiceGrpc.PurchasingServiceBlockingStub storesDesk;

  NotifyFixtures(TestServer t, String name) {
    this.t = t;
    this.company = t.createCompany(name).id();
    this.approver = t.createUser(company, t.fresh("approver"), "manager");
    this.stores = t.createUser(company, t.fresh("stores"), "stores");
    this.sales = t.createUser(company, t.fresh("sales"), "sales");
    String admin = t.createUser(company, t.fresh("admin"), "admin");
    MasterdataFixtures md =
        MasterdataFixtures.of(t.channel(), t.login(admin, TestServer.PASSWORD).getSessionToken());
    md.warehouse("STORES", "General stores");
    this.supplier = "SUP-1";
    md.supplier(supplier, "Joypurhat Lime Works");
    this.item = "LIME-1";
    md.items.createItem(
        MasterdataFixtures.itemRequest(item, "Quick lime")
            .setKind(ItemKind.ITEM_KIND_RAW_MATERIAL)
            .build());
    this.storesDesk = t.as(stores, PurchasingServiceGrpc.newBlockingStub(t.channel()));
  }

  /** An order above the approval threshold (500 000), raised and sent for approval by stores. */
  PurchaseOrder requestApproval() {
    PurchaseOrder o = draft();
    return storesDesk.submitPurchaseOrder(
        DecidePurchaseOrderRequest.newBuilder()
            .setId(o.getId())
            .setVersion(o.getVersion())
            .build());
  }

  PurchaseOrder draft() {
    return storesDesk.createPurchaseOrder(
        CreatePurchaseOrderRequest.newBuilder()
            .setIdempotencyKey(IdempotencyKey.newBuilder().setValue(UUID.randomUUID().toString()))
            .setSupplierCode(supplier)
            .setOrderDate(Date.newBuilder().setYear(2026).setMonth(11).setDay(3))
            .addLines(
                PurchaseLineInput.newBuilder()
                    .setItemCode(item)
                    .setQuantity(Decimal.newBuilder().setValue("100"))
                    .setUnitPrice(Decimal.newBuilder().setValue("10000")))
            .build());
  }

  /** A Watch stream's notifications as they arrive, on a channel of its own. */
  static final class Watcher implements AutoCloseable {
    private final List<Notification> got = new ArrayList<>();
    private Throwable error;
    private final io.grpc.ManagedChannel channel;

    Watcher(TestServer t, String user, long afterId) {
      this.channel = t.newChannel();
      watch(channel, t.login(user, TestServer.PASSWORD).getSessionToken(), afterId);
    }

    /** Watching with a session already signed in (while Redis, which holds sessions, is away). */
    Watcher(TestServer t, String token, long afterId, boolean signedIn) {
      this.channel = t.newChannel();
      watch(channel, token, afterId);
    }

    private void watch(Channel ch, String token, long afterId) {
      TestServer.withToken(token, NotificationServiceGrpc.newStub(ch))
          .watch(
              WatchNotificationsRequest.newBuilder().setAfterId(afterId).build(),
              new StreamObserver<>() {
                @Override
                public void onNext(Notification n) {
                  synchronized (got) {
                    got.add(n);
                    got.notifyAll();
                  }
                }

                @Override
                public void onError(Throwable t) {
                  synchronized (got) {
                    error = t;
                    got.notifyAll();
                  }
                }

                @Override
                public void onCompleted() {}
              });
    }

    List<Notification> got() {
      synchronized (got) {
        return List.copyOf(got);
      }
    }

    /** Waits until what arrived satisfies {@code done}; fails after {@link #PATIENCE}. */
    List<Notification> awaitUntil(Predicate<List<Notification>> done) throws InterruptedException {
      long until = System.nanoTime() + PATIENCE.toNanos();
      synchronized (got) {
        while (!done.test(got)) {
          if (error != null) {
            throw new AssertionError("the stream failed", error);
          }
          long left = (until - System.nanoTime()) / 1_000_000;
          if (left <= 0) {
            throw new AssertionError("timed out; the stream had " + got);
          }
          got.wait(left);
        }
        return List.copyOf(got);
      }
    }

    /** Waits for a notification about {@code documentId} of {@code kind}. */
    Notification awaitAbout(String kind, String documentId) throws InterruptedException {
      return awaitUntil(l -> l.stream().anyMatch(n -> about(n, kind, documentId))).stream()
          .filter(n -> about(n, kind, documentId))
          .findFirst()
          .orElseThrow();
    }

    static boolean about(Notification n, String kind, String documentId) {
      return n.getKind().equals(kind) && n.getDocumentId().equals(documentId);
    }

    long count(String kind, String documentId) {
      return got().stream().filter(n -> about(n, kind, documentId)).count();
    }

    @Override
    public void close() {
      channel.shutdownNow();
    }
  }
}
