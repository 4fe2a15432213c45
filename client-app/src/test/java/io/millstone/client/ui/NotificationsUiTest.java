package io.millstone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.client.support.LiveServer;
import io.millstone.client.support.UiTest;
import io.millstone.server.masterdata.ItemAdmin;
import io.millstone.server.masterdata.PartyAdmin;
import io.millstone.server.masterdata.model.Item.Kind;
import io.millstone.server.masterdata.model.Item.TaxCategory;
import io.millstone.server.platform.Actor;
import io.millstone.server.purchasing.PurchaseDesk;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ListView;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The mill manager is signed in when the stores clerk, at another desk, sends a big order for
 * approval: the bell's count and the approvals badge go up without a refresh, the list shows the
 * request on top, a click on it opens the approvals queue, and "Mark all read" clears the count.
 */
class NotificationsUiTest extends UiTest {
  static LiveServer server;
  static UUID company;
  static String manager;
  static Actor stores;

  @BeforeAll
  static void millWithAStoresClerk() throws Exception {
    server = LiveServer.shared();
    company = server.createCompany("Joypurhat Sugar Mills Ltd");
    manager = server.createUser(company, server.fresh("manager"), "manager");
    String clerk = server.createUser(company, server.fresh("stores"), "stores");
    stores = Actor.user(userId(clerk), clerk, company, Set.of(), "test");
    Actor actor = Actor.system(company, "test");
    server
        .server()
        .itemAdmin()
        .create(
            actor,
            null,
            "LIME",
            new ItemAdmin.Input(
                "Quick lime", "t", Kind.RAW_MATERIAL, "0", "BDT", TaxCategory.STANDARD));
    server
        .server()
        .supplierAdmin()
        .create(
            actor,
            null,
            "S-JLW",
            new PartyAdmin.Input(
                "Joypurhat Lime Works",
                "Station Road, Joypurhat",
                "+880 571 62000",
                "",
                "0",
                "BDT",
                30));
    server
        .server()
        .warehouseAdmin()
        .create(
            actor,
            UUID.randomUUID().toString(),
            "STORES",
            "General stores",
            "Mill yard",
            List.of());
    // Before the manager signs in: a small order received into the stores, and a big one waiting.
    PurchaseDesk desk = server.server().purchaseDesk();
    var small = order("10", "14200");
    small = desk.submit(stores, small.id().toString(), small.version());
    desk.receive(
        stores,
        UUID.randomUUID().toString(),
        small.id().toString(),
        "STORES",
        LocalDate.of(2026, 11, 4),
        List.of(new PurchaseDesk.ReceiptLineInput(1, "10", "")));
    requestApproval("60");
  }

  static PurchaseDesk.OrderView order(String qty, String price) {
    return server
        .server()
        .purchaseDesk()
        .createOrder(
            stores,
            UUID.randomUUID().toString(),
            "S-JLW",
            LocalDate.of(2026, 11, 3),
            List.of(new PurchaseDesk.LineInput("LIME", qty, price)),
            "");
  }

  static PurchaseDesk.OrderView requestApproval(String qty) {
    var o = order(qty, "14200");
    return server.server().purchaseDesk().submit(stores, o.id().toString(), o.version());
  }

  static UUID userId(String username) throws Exception {
    try (Connection c = LiveServer.platform().database().ownerDataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT id FROM app_user WHERE username = ?")) {
      ps.setString(1, username);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getObject(1, UUID.class);
      }
    }
  }

  @Test
  void anApprovalRequestFromAnotherDeskAppearsInTheBellAndTheBadge() throws Exception {
    waitUntil(() -> lookup("#username").tryQuery().isPresent());
    signInAndWait(manager);
    waitUntil(() -> lookup("#bellCount").tryQuery().isPresent());
    waitUntil(() -> text("#bellCount").equals("2") && text("#approvalsBadge").equals("1"));
    // The home screen is in view (no tab open): its approvals card says 1.
    waitUntil(() -> text("#value-approvals-purchase").equals("1"));

    // The stores clerk sends another big order, at their own desk.
    var big = requestApproval("115");
    waitUntil(() -> text("#bellCount").equals("3") && text("#approvalsBadge").equals("2"));
    // The notification brings the home screen's figures along, without its minute's timer.
    waitUntil(() -> text("#value-approvals-purchase").equals("2"));

    clickOn("#bellButton");
    waitUntil(() -> lookup("#notificationList").tryQuery().isPresent());
    @SuppressWarnings("unchecked")
    ListView<io.millstone.api.notify.v1.Notification> list =
        lookup("#notificationList").queryAs(ListView.class);
    waitUntil(() -> list.getItems().size() == 3);
    assertThat(list.getItems().get(0).getArgs(0)).isEqualTo(big.number()); // newest first
    waitUntil(() -> text("#notifyUnread").equals("3 unread"));
    assertThat(lookup("#notification-" + list.getItems().get(0).getId()).tryQuery()).isPresent();
    screenshotWithPopup("notifications.png");

    clickOn("#markAllRead");
    waitUntil(() -> !lookup("#bellCount").query().isVisible());
    waitUntil(() -> text("#notifyUnread").equals("nothing unread"));
    // The request opens the approvals queue; the badge still counts what waits there.
    clickOn("#notification-" + list.getItems().get(0).getId());
    waitUntil(() -> lookup("#tab-purchase-approvals").tryQuery().isPresent());
    assertThat(text("#approvalsBadge")).isEqualTo("2");
  }

  /** The window with the bell's list (a popup window of its own) drawn where it is shown. */
  private void screenshotWithPopup(String name) throws Exception {
    Path file = screenshot(name);
    Window popup =
        WaitForAsyncUtils.asyncFx(
                () ->
                    Window.getWindows().stream()
                        .filter(w -> w != stage && w.isShowing())
                        .filter(w -> w.getScene().lookup("#notificationPopup") != null)
                        .findFirst()
                        .orElseThrow())
            .get(10, TimeUnit.SECONDS);
    var image =
        WaitForAsyncUtils.asyncFx(
                () -> {
                  var params = new javafx.scene.SnapshotParameters();
                  params.setFill(javafx.scene.paint.Color.TRANSPARENT);
                  return popup.getScene().getRoot().snapshot(params, null);
                })
            .get(10, TimeUnit.SECONDS);
    double x =
        WaitForAsyncUtils.asyncFx(() -> popup.getX() - stage.getX() - stage.getScene().getX())
            .get(10, TimeUnit.SECONDS);
    double y =
        WaitForAsyncUtils.asyncFx(() -> popup.getY() - stage.getY() - stage.getScene().getY())
            .get(10, TimeUnit.SECONDS);
    BufferedImage window = ImageIO.read(file.toFile());
    Graphics2D g = window.createGraphics();
    g.drawImage(SwingFXUtils.fromFXImage(image, null), (int) x, (int) y, null);
    g.dispose();
    ImageIO.write(window, "png", file.toFile());
    assertThat(Files.size(file)).isGreaterThan(1000);
  }
}
