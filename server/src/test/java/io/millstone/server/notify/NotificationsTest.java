package io.millstone.server.notify;

import static io.millstone.server.notify.NotifyFixtures.Watcher;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.millstone.api.common.v1.Date;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.common.v1.IdempotencyKey;
import io.millstone.api.notify.v1.BadgesRequest;
import io.millstone.api.notify.v1.ListNotificationsRequest;
import io.millstone.api.notify.v1.MarkReadRequest;
import io.millstone.api.notify.v1.Notification;
import io.millstone.api.notify.v1.NotificationServiceGrpc;
import io.millstone.api.notify.v1.WatchNotificationsRequest;
import io.millstone.api.purchasing.v1.DecidePurchaseOrderRequest;
import io.millstone.api.purchasing.v1.GoodsReceipt;
import io.millstone.api.purchasing.v1.PostGoodsReceiptRequest;
import io.millstone.api.purchasing.v1.PurchaseOrder;
import io.millstone.api.purchasing.v1.PurchasingServiceGrpc;
import io.millstone.api.purchasing.v1.ReceiptLineInput;
import io.millstone.server.TestPlatform;
import io.millstone.server.TestServer;
import io.millstone.server.audit.AuditLog;
import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Notices;
import io.millstone.server.platform.Notices.Notice;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.error.BusinessRuleException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An order sent for approval tells the approvers and nobody else; the decision tells the person who
 * sent it; the bell's list counts what is unread and the approvals badge what waits.
 */
class NotificationsTest {
  static TestServer t;
  static NotifyFixtures f;

  @BeforeAll
  static void start() {
    t = new TestServer();
    f = new NotifyFixtures(t, "Notifying Mill");
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  NotificationServiceGrpc.NotificationServiceBlockingStub as(String user) {
    return t.as(user, NotificationServiceGrpc.newBlockingStub(t.channel()));
  }

  @Test
  void anApprovalRequestReachesTheApproverButNotTheSalesClerk() throws Exception {
    try (Watcher approver = new Watcher(t, f.approver, 0);
        Watcher sales = new Watcher(t, f.sales, 0);
        Watcher stores = new Watcher(t, f.stores, 0)) {
      PurchaseOrder o = f.requestApproval();

      Notification n = approver.awaitAbout("purchasing.order.approval_requested", o.getId());
      assertThat(n.getArgsList()).startsWith(o.getNumber());
      assertThat(n.getActor()).isEqualTo(f.stores);
      assertThat(n.getDocumentType()).isEqualTo("purchase_order");

      // The approver then rejects it: the stores clerk who sent it hears, the approver does not
      // hear of their own act. Anything the sales clerk could have had came before that.
      PurchasingServiceGrpc.PurchasingServiceBlockingStub desk =
          t.as(f.approver, PurchasingServiceGrpc.newBlockingStub(t.channel()));
      desk.rejectPurchaseOrder(
          DecidePurchaseOrderRequest.newBuilder()
              .setId(o.getId())
              .setVersion(o.getVersion())
              .setNote("Too dear; ask for a second quote")
              .build());
      Notification decided = stores.awaitAbout("purchasing.order.rejected", o.getId());
      assertThat(decided.getArgsList()).contains("Too dear; ask for a second quote");
      assertThat(decided.getId()).isGreaterThan(n.getId());
      assertThat(stores.count("purchasing.order.approval_requested", o.getId())).isZero();

      // One more request that only the approver can see; once it arrived, the sales clerk's stream
      // (on the same node, fed by the same relay) has had its chance at both.
      PurchaseOrder later = f.requestApproval();
      approver.awaitAbout("purchasing.order.approval_requested", later.getId());
      assertThat(
              as(f.sales)
                  .list(ListNotificationsRequest.getDefaultInstance())
                  .getNotificationsList())
          .noneMatch(x -> x.getDocumentId().equals(o.getId()));
      assertThat(sales.got()).noneMatch(x -> x.getDocumentType().equals("purchase_order"));
      assertThat(approver.count("purchasing.order.rejected", o.getId())).isZero();
    }
  }

  @Test
  void aPostedGoodsReceiptTellsThoseWhoReadPurchasingButNotTheSalesClerk() throws Exception {
    PurchaseOrder o = f.requestApproval();
    PurchaseOrder approved =
        t.as(f.approver, PurchasingServiceGrpc.newBlockingStub(t.channel()))
            .approvePurchaseOrder(
                DecidePurchaseOrderRequest.newBuilder()
                    .setId(o.getId())
                    .setVersion(o.getVersion())
                    .build());
    try (Watcher approver = new Watcher(t, f.approver, 0);
        Watcher stores = new Watcher(t, f.stores, 0);
        Watcher sales = new Watcher(t, f.sales, 0)) {
      GoodsReceipt r =
          f.storesDesk.postGoodsReceipt(
              PostGoodsReceiptRequest.newBuilder()
                  .setIdempotencyKey(
                      IdempotencyKey.newBuilder().setValue(UUID.randomUUID().toString()))
                  .setOrderId(approved.getId())
                  .setWarehouseCode("STORES")
                  .setReceiptDate(Date.newBuilder().setYear(2026).setMonth(11).setDay(4))
                  .addLines(
                      ReceiptLineInput.newBuilder()
                          .setOrderLineNo(1)
                          .setQuantity(Decimal.newBuilder().setValue("100")))
                  .build());
      Notification n = approver.awaitAbout("purchasing.receipt.posted", r.getId());
      assertThat(n.getArgsList()).startsWith(r.getNumber(), o.getNumber());
      // The clerk who posted it is not told of their own act; the sales clerk cannot read it.
      PurchaseOrder marker = f.requestApproval();
      approver.awaitAbout("purchasing.order.approval_requested", marker.getId());
      assertThat(stores.count("purchasing.receipt.posted", r.getId())).isZero();
      assertThat(sales.count("purchasing.receipt.posted", r.getId())).isZero();
    }
  }

  @Test
  void theBellCountsUnreadUntilMarkedAndTheBadgeCountsApprovalsWaiting() throws Exception {
    NotifyFixtures g = new NotifyFixtures(t, "Badge Mill");
    var approver = t.as(g.approver, NotificationServiceGrpc.newBlockingStub(t.channel()));
    assertThat(approver.badges(BadgesRequest.getDefaultInstance()).getApprovalsWaiting()).isZero();
    try (Watcher w = new Watcher(t, g.approver, 0)) {
      PurchaseOrder a = g.requestApproval();
      PurchaseOrder b = g.requestApproval();
      w.awaitAbout("purchasing.order.approval_requested", b.getId());
      w.awaitAbout("purchasing.order.approval_requested", a.getId());
    }
    var badges = approver.badges(BadgesRequest.getDefaultInstance());
    assertThat(badges.getApprovalsWaiting()).isEqualTo(2);
    assertThat(badges.getUnreadNotifications()).isEqualTo(2);
    // The person who sent them has nothing to approve: they may not decide on their own orders.
    var stores = t.as(g.stores, NotificationServiceGrpc.newBlockingStub(t.channel()));
    assertThat(stores.badges(BadgesRequest.getDefaultInstance()).getApprovalsWaiting()).isZero();

    var list = approver.list(ListNotificationsRequest.getDefaultInstance());
    assertThat(list.getUnreadCount()).isEqualTo(2);
    List<Notification> ns = list.getNotificationsList();
    assertThat(ns.get(0).getId()).isGreaterThan(ns.get(1).getId()); // newest first
    assertThat(ns).noneMatch(Notification::getRead);

    var left = approver.markRead(MarkReadRequest.newBuilder().setUpToId(ns.get(1).getId()).build());
    assertThat(left.getUnreadCount()).isEqualTo(1);
    approver.markRead(MarkReadRequest.newBuilder().setUpToId(ns.get(0).getId()).build());
    // A marker never moves back.
    assertThat(
            approver
                .markRead(MarkReadRequest.newBuilder().setUpToId(ns.get(1).getId()).build())
                .getUnreadCount())
        .isZero();
    var after = approver.list(ListNotificationsRequest.getDefaultInstance());
    assertThat(after.getUnreadCount()).isZero();
    assertThat(after.getNotificationsList()).allMatch(Notification::getRead);
  }

  @Test
  void aChangeThatRollsBackWritesNoNotification() throws Exception {
    Transactions tx =
        new Transactions(
            TestPlatform.get().database().sessionFactory(),
            new AuditLog(Clock.systemUTC()),
            Duration.ofSeconds(30),
            CompanyAdmin.SETTINGS);
    Actor system = Actor.system(f.company, "test");
    String failed = UUID.randomUUID().toString();
    String kept = UUID.randomUUID().toString();
    try (Watcher approver = new Watcher(t, f.approver, 0)) {
      try {
        tx.sqlInCompany(
            system,
            (x, c) -> {
              Notices.add(c, system, notice(failed));
              throw new BusinessRuleException("test.refused", "refused after writing");
            });
      } catch (BusinessRuleException expected) {
        // the change and its notification roll back together
      }
      tx.sqlInCompany(
          system,
          (x, c) -> {
            Notices.add(c, system, notice(kept));
            return null;
          });
      approver.awaitAbout("test.event", kept);
      assertThat(approver.count("test.event", failed)).isZero();
      assertThat(
              as(f.approver)
                  .list(ListNotificationsRequest.getDefaultInstance())
                  .getNotificationsList())
          .noneMatch(n -> n.getDocumentId().equals(failed));
    }
  }

  static Notice notice(String id) {
    return Notice.toPermission(
        "purchasing.order.approve", "test.event", "A test event", "test", id, id);
  }

  @Test
  void aReconnectWithTheLastIdGetsNothingTwice() throws Exception {
    PurchaseOrder first = f.requestApproval();
    long last;
    try (Watcher w = new Watcher(t, f.approver, 0)) {
      w.awaitAbout("purchasing.order.approval_requested", first.getId());
      last = w.got().stream().mapToLong(Notification::getId).max().orElseThrow();
    }
    // While disconnected, another order is sent for approval.
    PurchaseOrder second = f.requestApproval();
    try (Watcher again = new Watcher(t, f.approver, last)) {
      again.awaitAbout("purchasing.order.approval_requested", second.getId());
      PurchaseOrder third = f.requestApproval();
      List<Notification> got =
          again.awaitUntil(
              l ->
                  l.stream()
                      .anyMatch(
                          n ->
                              Watcher.about(
                                  n, "purchasing.order.approval_requested", third.getId())));
      assertThat(got).noneMatch(n -> n.getId() <= last);
      assertThat(got.stream().map(Notification::getId).distinct().count()).isEqualTo(got.size());
      assertThat(got.stream().map(Notification::getId).toList()).isSorted();
      assertThat(again.count("purchasing.order.approval_requested", second.getId())).isEqualTo(1);
    }
  }

  @Test
  void badInputIsRefusedWithTheField() {
    var me = as(f.approver);
    var e =
        TestServer.failure(() -> me.markRead(MarkReadRequest.newBuilder().setUpToId(-1).build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription()).contains("up_to_id");
    assertThat(
            TestServer.codeOf(
                () -> me.list(ListNotificationsRequest.newBuilder().setLimit(5000).build())))
        .isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(
            TestServer.codeOf(
                () ->
                    me.watch(WatchNotificationsRequest.newBuilder().setAfterId(-5).build())
                        .hasNext()))
        .isEqualTo(Status.Code.INVALID_ARGUMENT);
  }
}
