package io.millstone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.client.core.list.ExportFiles;
import io.millstone.client.core.list.TableExport;
import io.millstone.client.remote.CertificatePins;
import io.millstone.client.remote.ChannelFactory;
import io.millstone.client.remote.ServerAddress;
import io.millstone.client.remote.Session;
import io.millstone.client.remote.SignIn;
import io.millstone.client.remote.StockFixture;
import io.millstone.client.support.LiveServer;
import io.millstone.client.support.UiTest;
import io.millstone.server.masterdata.ItemAdmin;
import io.millstone.server.masterdata.model.Item.Kind;
import io.millstone.server.masterdata.model.Item.TaxCategory;
import io.millstone.server.platform.Actor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipFile;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The storekeeper exports the stock on hand to Excel and an item's moves to CSV (streamed from the
 * server), and the accountant exports the stock valuation report's table to CSV from its context
 * menu; every table of every screen has the export.
 */
class ExportUiTest extends UiTest {
  static LiveServer server;
  static UUID company;
  static String admin;

  private final AtomicReference<Path> chosen = new AtomicReference<>();

  @BeforeAll
  static void millWithStock() throws Exception {
    server = LiveServer.shared();
    company = server.createCompany("Export Sugar Mills Ltd");
    admin = server.createUser(company, server.fresh("admin"), "admin");
    Actor actor = Actor.system(company, "test");
    ItemAdmin items = server.server().itemAdmin();
    items.create(
        actor,
        null,
        "SUG-L30",
        new ItemAdmin.Input(
            "Refined sugar L-30",
            "t",
            Kind.FINISHED_GOOD,
            "95000.00",
            "BDT",
            TaxCategory.STANDARD));
    server
        .server()
        .warehouseAdmin()
        .create(actor, UUID.randomUUID().toString(), "GODOWN", "Sugar godown", "Yard", List.of());
    try (Session s =
        new SignIn(
                new ChannelFactory(
                    new CertificatePins(Files.createTempDirectory("pins")), (a, f) -> false))
            .signIn(
                ServerAddress.parse(server.address()), admin, LiveServer.PASSWORD.toCharArray())) {
      StockFixture.receive(s, "SUG-L30", "GODOWN", "", "1250.5", "70000");
      StockFixture.receive(s, "SUG-L30", "GODOWN", "", "10", "71000");
    }
  }

  @AfterEach
  void dialogBack() {
    ExportFiles.use(null);
  }

  private void saveInto(Path dir) {
    ExportFiles.use(
        (owner, title, name, format) -> {
          Path p = dir.resolve(name);
          chosen.set(p);
          return p;
        });
  }

  private Path exported() {
    waitUntil(30, () -> chosen.get() != null && Files.exists(chosen.get()));
    Path p = chosen.getAndSet(null);
    return p;
  }

  static String sheet(Path xlsx) throws Exception {
    try (ZipFile z = new ZipFile(xlsx.toFile())) {
      return new String(
          z.getInputStream(z.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
          StandardCharsets.UTF_8);
    }
  }

  @Test
  void listsExportToExcelAndCsvAndReportTablesFromTheirContextMenu() throws Exception {
    Path dir = Files.createTempDirectory("exports");
    saveInto(dir);
    signInAndWait(admin);

    // The stock on hand, to Excel: its columns as shown, quantities as numbers.
    clickWhenReady("#nav-stock-on-hand");
    waitUntil(() -> lookup("#list-stock-on-hand #table").tryQuery().isPresent());
    @SuppressWarnings("unchecked")
    TableView<Object> onHand = lookup("#list-stock-on-hand #table").queryAs(TableView.class);
    waitUntil(() -> !onHand.getItems().isEmpty() && onHand.getItems().get(0) != null);
    clickOn("#list-stock-on-hand #exportButton");
    clickWhenReady("#exportButtonExcel");
    Path xlsx = exported();
    assertThat(xlsx.getFileName().toString()).endsWith(".xlsx");
    assertThat(Files.exists(dir.resolve(xlsx.getFileName() + ".part"))).isFalse();
    String xml = sheet(xlsx);
    assertThat(xml).contains("SUG-L30").contains("state=\"frozen\"");
    assertThat(xml).containsPattern("<c r=\"[A-Z]+2\"[^>]*t=\"n\"[^>]*><v>1260.50*</v>");

    // The item's moves (opened with Enter), to CSV: streamed from the server, oldest first.
    interact(() -> onHand.getSelectionModel().select(0));
    clickOn(onHand);
    type(javafx.scene.input.KeyCode.ENTER);
    waitUntil(() -> lookup("#stockMoves #exportButton").tryQuery().isPresent());
    waitUntil(
        () ->
            lookup("#stockMoves #table").queryAs(TableView.class).getItems().size() == 2
                && lookup("#stockMoves #table").queryAs(TableView.class).getItems().get(0) != null);
    clickOn("#stockMoves #exportButton");
    clickWhenReady("#exportButtonCsv");
    Path moves = exported();
    List<String> lines = Files.readAllLines(moves, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).contains("1,250.5").contains("opening stock");
    assertThat(lines.get(2)).contains("10");

    // A report's table, to CSV from its context menu.
    clickWhenReady("#nav-stock-valuation");
    waitUntil(() -> lookup("#valuationTable").tryQuery().isPresent());
    TableView<?> valuation = lookup("#valuationTable").queryAs(TableView.class);
    waitUntil(() -> !valuation.getItems().isEmpty());
    rightClickOn(valuation);
    waitUntil(() -> lookup("#exportCsv").tryQuery().isPresent());
    WaitForAsyncUtils.waitForFxEvents();
    // The context menu is a window of its own: the screen's picture, not the scene's, shows it.
    Path shots = Path.of(System.getProperty("millstone.screenshots", "target/screenshots"));
    Files.createDirectories(shots);
    javax.imageio.ImageIO.write(
        javafx.embed.swing.SwingFXUtils.fromFXImage(
            capture(
                    new javafx.geometry.Rectangle2D(
                        stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()))
                .getImage(),
            null),
        "png",
        shots.resolve("export-table-menu.png").toFile());
    clickOn("#exportCsv");
    Path report = exported();
    List<String> rows = Files.readAllLines(report, StandardCharsets.UTF_8);
    assertThat(rows.get(0)).startsWith("\uFEFF");
    assertThat(rows).anyMatch(r -> r.contains("SUG-L30"));

    // The same table printed from its menu: the server lays it out, the preview shows page 1.
    rightClickOn(valuation);
    waitUntil(() -> lookup("#printTable").tryQuery().isPresent());
    clickOn("#printTable");
    waitUntil(60, () -> lookup("#previewPageOf").tryQuery().isPresent());
    waitUntil(60, () -> text("#previewPageOf").matches("Page 1 of \\d+"));
  }

  @Test
  void everyTableOfEveryScreenHasTheExport() {
    signInAndWait(admin);
    List<Button> entries = new ArrayList<>();
    for (Node n : lookup(x -> x.getId() != null && x.getId().startsWith("nav-")).queryAll()) {
      if (n instanceof Button b && !"nav-home".equals(b.getId())) {
        entries.add(b);
      }
    }
    assertThat(entries).hasSizeGreaterThan(20);
    List<String> missing = new ArrayList<>();
    java.util.Set<TableView<?>> seen =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    int tables = 0;
    for (Button b : entries) {
      interact(b::fire);
      WaitForAsyncUtils.waitForFxEvents();
      for (TableView<?> t : tablesIn(stage.getScene().getRoot())) {
        if (!seen.add(t)) {
          continue;
        }
        tables++;
        // What a right click does to the table, through the window's event filters.
        interact(
            () ->
                javafx.event.Event.fireEvent(
                    t,
                    new javafx.scene.input.MouseEvent(
                        javafx.scene.input.MouseEvent.MOUSE_PRESSED,
                        1,
                        1,
                        1,
                        1,
                        javafx.scene.input.MouseButton.SECONDARY,
                        1,
                        false,
                        false,
                        false,
                        false,
                        false,
                        false,
                        true,
                        false,
                        true,
                        false,
                        null)));
        boolean hasExport =
            TableExport.covered(t)
                && t.getContextMenu() != null
                && t.getContextMenu().getItems().stream()
                    .anyMatch(
                        i -> "exportExcel".equals(i.getId()) || "exportCsv".equals(i.getId()));
        if (!hasExport) {
          missing.add(b.getId() + " " + t.getId());
        }
      }
    }
    assertThat(tables).isGreaterThan(20);
    assertThat(missing).as("tables without Excel/CSV export").isEmpty();
  }

  static List<TableView<?>> tablesIn(Parent root) {
    List<TableView<?>> out = new ArrayList<>();
    collect(root, out);
    return out;
  }

  private static void collect(Node n, List<TableView<?>> out) {
    if (n instanceof TableView<?> t) {
      out.add(t);
    }
    if (n instanceof Parent p) {
      for (Node c : p.getChildrenUnmodifiable()) {
        collect(c, out);
      }
    }
  }
}
