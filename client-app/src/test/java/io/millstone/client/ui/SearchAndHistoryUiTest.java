package io.millstone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.client.support.LiveServer;
import io.millstone.client.support.UiTest;
import io.millstone.server.masterdata.ItemAdmin;
import io.millstone.server.masterdata.PartyAdmin;
import io.millstone.server.masterdata.model.Item.Kind;
import io.millstone.server.masterdata.model.Item.TaxCategory;
import io.millstone.server.platform.Actor;
import io.millstone.server.sales.SalesDesk;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
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
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The sales clerk finds an order by typing its number into Ctrl+K and opens it in its screen; finds
 * a customer by words on the search screen, opens its side panel, reads the file a colleague
 * attached and the history, and adds a note. An empty note is refused beside the box.
 */
class SearchAndHistoryUiTest extends UiTest {
  static LiveServer server;
  static UUID company;
  static String clerk;
  static SalesDesk.OrderView order;

  @BeforeAll
  static void millWithACustomerAndAnOrder() throws Exception {
    server = LiveServer.shared();
    company = server.createCompany("Carew Sugar Mills");
    clerk = server.createUser(company, server.fresh("sales"), "sales");
    Actor actor = Actor.system(company, "test");
    server
        .server()
        .itemAdmin()
        .create(
            actor,
            null,
            "SUGAR-50",
            new ItemAdmin.Input(
                "White sugar, 50 kg bag",
                "kg",
                Kind.FINISHED_GOOD,
                "3200",
                "BDT",
                TaxCategory.STANDARD));
    var customer =
        server
            .server()
            .customerAdmin()
            .create(
                actor,
                null,
                "C-RAHMAN",
                new PartyAdmin.Input(
                    "Rahman Traders", "Boro Bazar, Khulna", "+880 41 720000", "", "0", "BDT", 30));
    Actor sales = Actor.user(userId(clerk), clerk, company, Set.of("sales.order.manage"), "test");
    SalesDesk desk = server.server().salesDesk();
    order =
        desk.createOrder(
            sales,
            UUID.randomUUID().toString(),
            "C-RAHMAN",
            LocalDate.of(2026, 11, 3),
            List.of(new SalesDesk.OrderLineInput("SUGAR-50", "40", "3200")),
            "Deliver to the Boro Bazar shop before Eid",
            true);
    desk.createOrder(
        sales,
        UUID.randomUUID().toString(),
        "C-RAHMAN",
        LocalDate.of(2026, 11, 5),
        List.of(new SalesDesk.OrderLineInput("SUGAR-50", "25", "3200")),
        "Rahman's second lorry",
        true);
    // A colleague attached the signed price list to the customer.
    Actor colleague =
        Actor.user(
            userId(clerk),
            clerk,
            company,
            Set.of("records.annotate", "masterdata.customers.read"),
            "test");
    server
        .server()
        .recordPanels()
        .attach(
            colleague,
            "customer",
            customer.id().toString(),
            "price-list-2026.pdf",
            "%PDF-1.4\n% signed price list\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
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

  private TabPane tabs() {
    return lookup("#workTabs").queryAs(TabPane.class);
  }

  @SuppressWarnings("unchecked")
  private ListView<Object> list(String id) {
    return lookup(id).queryAs(ListView.class);
  }

  @Test
  void aNumberFoundFromCtrlKAndACustomersPanelWithItsHistoryAndANote() throws Exception {
    signInAndWait(clerk);

    // Full-text: the search screen, words from the customer's name.
    press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
    waitUntil(() -> lookup("#paletteInput").tryQuery().isPresent());
    write("find anything");
    type(KeyCode.ENTER);
    waitUntil(() -> lookup("#searchQuery").tryQuery().isPresent());
    fill("#searchQuery", "rahman");
    type(KeyCode.ENTER);
    waitUntil(() -> list("#searchResults").getItems().size() == 3);
    assertThat(text("#searchHeading")).isEqualTo("3 found for \u201crahman\u201d");
    assertThat(list("#searchResults").getItems())
        .anySatisfy(r -> assertThat(r.toString()).contains("C-RAHMAN"));

    // By number: Ctrl+K with the order's number shows the document.
    press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
    waitUntil(() -> lookup("#paletteInput").tryQuery().isPresent());
    write(order.number());
    waitUntil(
        () ->
            list("#paletteResults").getItems().stream()
                .anyMatch(e -> e.toString().contains(order.number() + "  —  Rahman Traders")));
    Path shot = screenshot("search.png");
    overlayPalette(shot);
    type(KeyCode.ENTER);
    // The order list opens filtered to that one order.
    waitUntil(
        () ->
            tabs().getTabs().stream().anyMatch(t -> t.getText().equals("Sales orders"))
                && lookup(".table-view").queryAllAs(javafx.scene.control.TableView.class).stream()
                    .anyMatch(
                        tv ->
                            tv.getItems().size() == 1
                                && tv.getItems().get(0) != null
                                && tv.getItems().get(0).toString().contains(order.number())));

    // Enter on the order opens it with its notes, files and history beside it.
    interact(
        () -> {
          var orders =
              lookup(".table-view").queryAllAs(javafx.scene.control.TableView.class).stream()
                  .filter(tv -> tv.getItems().size() == 1)
                  .findFirst()
                  .orElseThrow();
          orders.getSelectionModel().select(0);
          orders.requestFocus();
        });
    type(KeyCode.ENTER);
    waitUntil(
        () ->
            lookup("#documentWithPanel").tryQuery().isPresent()
                && lookup("#documentWithPanel #recordPanel").tryQuery().isPresent());

    // The customer's side panel from the search screen's list.
    interact(() -> tabs().getSelectionModel().select(0));
    clickOn("#searchResults");
    interact(
        () -> {
          var items = list("#searchResults").getItems();
          for (int i = 0; i < items.size(); i++) {
            if (items.get(i).toString().contains("C-RAHMAN")) {
              list("#searchResults").getSelectionModel().select(i);
            }
          }
        });
    type(KeyCode.ENTER);
    waitUntil(() -> lookup("#recordPanel").tryQuery().isPresent());
    waitUntil(
        () ->
            list("#panelAttachments").getItems().size() == 1
                && list("#panelHistory").getItems().size() >= 2);

    clickOn("#panelAddNote");
    waitUntil(() -> text("#panelNoteError").equals("Write something first."));
    clickOn("#panelNoteText");
    write("Pays by cheque on the 5th; call Mr Rahman before the lorry leaves.");
    clickOn("#panelAddNote");
    waitUntil(
        () ->
            list("#panelNotes").getItems().size() == 1
                && list("#panelHistory").getItems().stream()
                    .anyMatch(h -> h.toString().contains("records.note.add"))
                && text("#panelNoteError").isEmpty()
                && text("#panelNoteText").isEmpty());
    screenshot("history.png");

    // The records opened lately, on the search screen with nothing typed.
    interact(() -> tabs().getSelectionModel().select(0));
    fill("#searchQuery", " ");
    clickOn("#searchQuery");
    type(KeyCode.ENTER);
    waitUntil(() -> text("#searchHeading").equals("Recently opened"));
    assertThat(list("#searchResults").getItems().get(0).toString()).contains("C-RAHMAN");
  }

  /** The palette is a popup window of its own: draws it onto the window's screenshot. */
  private void overlayPalette(Path file) throws Exception {
    Window popup =
        WaitForAsyncUtils.asyncFx(
                () ->
                    Window.getWindows().stream()
                        .filter(w -> w != stage && w.isShowing())
                        .filter(w -> w.getScene().lookup("#paletteInput") != null)
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
