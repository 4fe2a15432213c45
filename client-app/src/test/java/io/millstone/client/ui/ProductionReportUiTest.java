package io.millstone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.client.production.ProductionReportViewModel;
import io.millstone.client.support.LiveServer;
import io.millstone.client.support.UiTest;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The demo mill's manager, first thing in the morning: Ctrl+K, "yesterday", Enter, and yesterday's
 * production report is there with the season's real figures; the charts read the season; a figure
 * opens the runs behind it and a run opens its screen; Alt+Left steps back a day; it reads in
 * Bangla too.
 */
class ProductionReportUiTest extends UiTest {
  private static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
  static Map<String, String> demo;
  static LocalDate yesterday;

  @BeforeAll
  static void demoSeason() throws Exception {
    LiveServer server = LiveServer.shared();
    demo = LiveServer.demoMill();
    yesterday = LocalDate.now(DHAKA).minusDays(1);
  }

  private void signInAsManager() {
    signIn("manager", demo.get("manager"));
    waitUntil(() -> lookup("#shell").tryQuery().isPresent());
    waitUntil(() -> lookup("#navigation").tryQuery().isPresent());
    interact(
        () -> {
          stage.setWidth(1600);
          stage.setHeight(1000);
        });
  }

  @SuppressWarnings("unchecked")
  private TableView<ProductionReportViewModel.Row> table() {
    return lookup("#reportTable").queryAs(TableView.class);
  }

  /** The row of a figure, by its key; -1 if the table has none. */
  private int rowOf(String key) {
    var items = table().getItems();
    for (int i = 0; i < items.size(); i++) {
      if (!items.get(i).heading() && items.get(i).figure().getKey().equals(key)) {
        return i;
      }
    }
    return -1;
  }

  private String cell(int row, int column) {
    Object v = table().getColumns().get(column).getCellData(row);
    return v == null ? "" : v.toString();
  }

  private void waitForReport() {
    waitUntil(
        () ->
            lookup("#reportTable").tryQuery().isPresent()
                && rowOf("stock:SUG-L30") >= 0
                && !text("#reportHeading").isEmpty());
  }

  @Test
  void theManagerReachesYesterdaysReportFromThePaletteAndOpensTheRunsBehindAFigure()
      throws Exception {
    signInAsManager();
    press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
    waitUntil(() -> lookup("#paletteInput").tryQuery().isPresent());
    write("yesterday");
    waitUntil(
        () ->
            lookup("#paletteResults")
                .queryListView()
                .getItems()
                .toString()
                .contains("Yesterday's production report"));
    type(KeyCode.ENTER);
    waitForReport();
    assertThat(lookup("#reportDate").queryAs(DatePicker.class).getValue()).isEqualTo(yesterday);
    int crushed = rowOf("cane_crushed");
    assertThat(cell(crushed, 0)).isEqualTo("Cane crushed");
    assertThat(cell(crushed, 1)).isEqualTo("t");
    // shifts A, B and C add up to the day; the day sits beside the day before and the season
    for (int c = 2; c <= 8; c++) {
      assertThat(cell(crushed, c)).as("column " + c).isNotEmpty();
    }
    int recovery = rowOf("recovery");
    double day = Double.parseDouble(cell(recovery, 5));
    assertThat(day).isBetween(6.0, 7.0);
    assertThat(text("#reportHeading")).contains("20 crushing day(s)");
    // a flagged figure shows an arrow and a word, not colour alone
    assertThat(table().getItems())
        .filteredOn(r -> !r.heading() && ProductionReportViewModel.flagged(r.figure()))
        .allSatisfy(
            r -> assertThat(cell(table().getItems().indexOf(r), 9)).matches("[\u25b2\u25bc] .+"));
    // OEE by work centre from the machines' history: the demo's three rated work centres
    assertThat(lookup("#oeeEmpty").query().isVisible()).isFalse();
    @SuppressWarnings("unchecked")
    javafx.scene.chart.BarChart<String, Number> oee =
        lookup("#oeeChart").queryAs(javafx.scene.chart.BarChart.class);
    assertThat(oee.getData()).hasSize(6);
    assertThat(oee.getData().get(3).getData())
        .extracting(javafx.scene.chart.XYChart.Data::getXValue)
        .containsExactly("BOILER", "CENTRIF", "MILL");
    assertThat(oee.getData().get(3).getData())
        .allSatisfy(d -> assertThat(d.getYValue().doubleValue()).isBetween(50.0, 100.0));
    screenshot("production-report.png");

    // the Pareto of the season's lost time: bars largest first, the cumulative line to 100 %
    clickWhenReady("#paretoSeason");
    Node pareto = lookup("#paretoChart").query();
    scrollIntoView(pareto);
    waitUntil(() -> !lookup("#paretoEmpty").query().isVisible());
    snapshot(pareto.getParent(), "lost-time.png");

    // Enter on cane crushed opens yesterday's three shifts; Enter on one opens its run
    interact(
        () -> {
          table().requestFocus();
          table().getSelectionModel().select(crushed);
          table().scrollTo(crushed);
        });
    type(KeyCode.ENTER);
    waitUntil(
        () ->
            lookup("#behindTable").tryQuery().isPresent()
                && lookup("#behindTable").queryTableView().getItems().size() == 3
                && text("#behindCount").startsWith("3 line(s)"));
    assertThat(text("#behindTitle")).startsWith("Cane crushed on ");
    // the first line is selected and the table has the keyboard
    waitUntil(() -> lookup("#behindTable").query().isFocused());
    type(KeyCode.ENTER);
    waitUntil(
        () -> lookup("#runState").tryQuery().isPresent() && text("#runState").equals("Finished"));
  }

  @Test
  void altLeftStepsBackADayAndTheLabFigureOpensItsSamples() {
    signInAsManager();
    clickWhenReady("#nav-production-report");
    waitForReport();
    String day = cell(rowOf("cane_crushed"), 5);
    String previous = cell(rowOf("cane_crushed"), 6);
    interact(() -> table().requestFocus());
    press(KeyCode.ALT).type(KeyCode.LEFT).release(KeyCode.ALT);
    waitUntil(
        () ->
            yesterday
                    .minusDays(1)
                    .equals(lookup("#reportDate").queryAs(DatePicker.class).getValue())
                && rowOf("cane_crushed") >= 0
                && cell(rowOf("cane_crushed"), 5).equals(previous));
    int purity = rowOf("lab:MIXED_JUICE:purity");
    interact(
        () -> {
          table().requestFocus();
          table().getSelectionModel().select(purity);
          table().scrollTo(purity);
        });
    type(KeyCode.ENTER);
    waitUntil(
        () ->
            lookup("#behindTable").tryQuery().isPresent()
                && !lookup("#behindTable").queryTableView().getItems().isEmpty());
    assertThat(text("#behindTitle")).startsWith("Mixed juice, Purity % on ");
  }

  @Test
  void theReportReadsInBangla() {
    signInAsManager();
    @SuppressWarnings("unchecked")
    ComboBox<String> language = lookup("#language").queryAs(ComboBox.class);
    interact(() -> language.getSelectionModel().select("বাংলা"));
    waitUntil(() -> text("#statusConnection").equals("সংযুক্ত"));
    clickWhenReady("#nav-production-report");
    waitForReport();
    assertThat(text("#reportTitle")).isEqualTo("উৎপাদন প্রতিবেদন");
    assertThat(cell(rowOf("cane_crushed"), 0)).isEqualTo("আখ মাড়াই");
    screenshot("production-report-bn.png");
    interact(() -> language.getSelectionModel().select(0));
  }

  /** Saves one node as it looks now to target/screenshots/NAME. */
  private static void snapshot(Node node, String name) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    WritableImage image =
        WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get(10, TimeUnit.SECONDS);
    BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
    Path dir = Path.of(System.getProperty("millstone.screenshots", "target/screenshots"));
    Files.createDirectories(dir);
    ImageIO.write(buffered, "png", dir.resolve(name).toFile());
  }
}
