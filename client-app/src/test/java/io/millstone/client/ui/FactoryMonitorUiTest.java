package io.millstone.client.ui;

import static io.millstone.client.support.FactoryFloor.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.client.support.FactoryFloor;
import io.millstone.client.support.LiveServer;
import io.millstone.client.support.UiTest;
import io.millstone.client.telemetry.AlarmsViewModel;
import io.millstone.client.telemetry.DowntimeViewModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The factory screens in a real window against a real server, fed by an enrolled agent over the
 * real uplink: values change live, an out-of-limit reading raises an alarm that is acknowledged, a
 * tag's chart shows its history and zooms, and a stop gets its reason.
 */
class FactoryMonitorUiTest extends UiTest {
  static LiveServer server;
  static FactoryFloor floor;
  static String engineer;
  static String storekeeper;
  static String clerk;
  static Instant seeded;

  @BeforeAll
  static void mill() throws Exception {
    server = LiveServer.shared();
    UUID company = server.createCompany("Sugar Mill Demo Ltd");
    engineer = server.createUser(company, server.fresh("engineer"), "engineer");
    storekeeper = server.createUser(company, server.fresh("stores"), "stores");
    clerk = server.createUser(company, server.fresh("sales"), "sales");
    floor = new FactoryFloor(server, company);
    floor.mill("MILL-1", "Mill 1", "Mill tandem 1", "8");
    floor.mill("MILL-2", "Mill 2", "Mill tandem 1", "8");
    floor.boiler("BOILER-1", "Boiler 1", "Boiler house", "10");
    floor.mill("MILL-3", "Mill 3", "Mill tandem 2", "8");
    floor.connectAgent();

    Instant now = Instant.now();
    seeded = now;
    // An hour of mill 1's speed, a reading every 5 s, swinging between 5 and 7 rpm with some
    // jitter, so each 12 s point of the chart has a visible minimum and maximum.
    List<FactoryFloor.Value> hour = new ArrayList<>();
    for (int i = 720; i >= 1; i--) {
      double rpm = 6 + Math.sin(i / 60.0) + ((i * 37) % 11 - 5) / 25.0;
      hour.add(
          value("mill-1.speed", now.minusSeconds(i * 5L), String.format(Locale.ROOT, "%.2f", rpm)));
    }
    hour.add(value("mill-1.running", now.minusSeconds(2), "true"));
    floor.send(hour);
    floor.send(
        value("mill-2.speed", now.minusSeconds(4), "6.5"),
        value("mill-2.running", now.minusSeconds(4), "true"),
        value("boiler-1.steam", now.minusSeconds(3), "9.2"),
        // Mill 3 stopped for a quarter of an hour, and has said nothing for five minutes.
        value("mill-3.running", now.minus(Duration.ofMinutes(40)), "false"),
        value("mill-3.speed", now.minus(Duration.ofMinutes(40)), "0"),
        value("mill-3.running", now.minus(Duration.ofMinutes(25)), "true"),
        value("mill-3.speed", now.minus(Duration.ofMinutes(5)), "6.1"));
  }

  /** A chart point from the seeded hour, not from readings other tests sent since. */
  static boolean seededPoint(javafx.scene.chart.XYChart.Data<Number, Number> d) {
    return d.getXValue().longValue() < seeded.minusSeconds(20).toEpochMilli();
  }

  @AfterAll
  static void disconnect() {
    floor.close();
  }

  private String valueOf(String tagKey) {
    return text("#value-" + tagKey.replace('.', '_'));
  }

  private String stateOf(String tagKey) {
    return text("#state-" + tagKey.replace('.', '_'));
  }

  private TabPane tabs() {
    return lookup("#workTabs").queryAs(TabPane.class);
  }

  private void openMonitor() {
    clickWhenReady("#nav-monitor");
    waitUntil(() -> text("#monitorStatus").equals("Live"));
    waitUntil(() -> !valueOf("mill-2.speed").equals("\u2014"));
  }

  @Test
  void aReadingFromTheAgentChangesTheValueOnTheMonitorWhileItIsOpen() throws Exception {
    signInAndWait(engineer);
    openMonitor();
    assertThat(valueOf("mill-2.speed")).isEqualTo("6.5");
    waitUntil(() -> valueOf("mill-3.speed").equals("6.1"));

    Instant now = Instant.now();
    floor.send(
        value("mill-2.speed", now, "7.25"),
        value("mill-2.running", now, "true"),
        value("boiler-1.steam", now, "9.1"));

    waitUntil(() -> valueOf("mill-2.speed").equals("7.25"));
    waitUntil(() -> valueOf("boiler-1.steam").equals("9.1"));
    assertThat(stateOf("mill-2.speed")).isEqualTo("Normal");
    assertThat(valueOf("mill-2.running")).isEqualTo("Running");
    assertThat(lookup("#value-mill-2_speed").query().getStyleClass()).contains("ms-tag-normal");
    assertThat(stateOf("boiler-1.steam")).isEqualTo("Low");
    assertThat(lookup("#value-boiler-1_steam").query().getStyleClass()).contains("ms-tag-low");
    // Mill 3 has said nothing for five minutes: its last value is greyed out, not hidden.
    assertThat(stateOf("mill-3.speed")).isEqualTo("Stale");
    screenshot("monitor.png");
  }

  @Test
  void anOutOfLimitReadingRaisesAnAlarmThatTheEngineerAcknowledgesWithTheKeyboard()
      throws Exception {
    signInAndWait(engineer);
    openMonitor();
    clickWhenReady("#nav-alarms");
    @SuppressWarnings("unchecked")
    TableView<AlarmsViewModel.Row> table = lookup("#alarmsTable").queryAs(TableView.class);
    waitUntil(() -> table.getItems().stream().anyMatch(r -> r.tag().equals("Steam pressure")));
    int before = table.getItems().size();

    floor.send(value("mill-1.speed", Instant.now(), "9.4"));

    // The list reloads by itself when the live stream reports the tag in alarm.
    waitUntil(() -> table.getItems().size() == before + 1);
    AlarmsViewModel.Row raised = table.getItems().get(0);
    assertThat(raised.machine()).isEqualTo("Mill tandem 1 \u00b7 Mill 1");
    assertThat(raised.tag()).isEqualTo("Mill speed");
    assertThat(raised.alarm().getKind()).isEqualTo("HIGH");
    assertThat(raised.alarm().getLimit().getValue()).isEqualTo("8");
    assertThat(raised.alarm().getStartValue().getValue()).isEqualTo("9.4");
    assertThat(raised.active()).isTrue();
    assertThat(raised.acknowledged()).isFalse();

    // Click the new alarm's row (its value cell), then acknowledge it with the keyboard.
    Button acknowledge = lookup("#acknowledge").queryAs(Button.class);
    // Click into the first row, just under the column headers; a click that lands while the
    // list reloads is tried again, as a person would, until the row is chosen (however long a busy
    // machine takes: not a fixed number of tries or a fixed pause).
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
    while (acknowledge.isDisabled() && System.nanoTime() < deadline) {
      Node header = table.lookup(".column-header-background");
      Bounds h = header.localToScreen(header.getBoundsInLocal());
      clickOn(new javafx.geometry.Point2D(h.getMinX() + 300, h.getMaxY() + 12));
      WaitForAsyncUtils.waitForFxEvents();
    }
    waitUntil(() -> !acknowledge.isDisabled());
    type(KeyCode.ENTER);

    waitUntil(() -> table.getItems().get(0).acknowledged());
    assertThat(table.getItems().get(0).alarm().getAcknowledgedBy()).isEqualTo(engineer);
    assertThat(text("#alarmsMessage")).contains("acknowledged by " + engineer);
    assertThat(lookup("#acknowledge").queryAs(Button.class).isDisabled()).isTrue();
    screenshot("alarms.png");

    // Back on the monitor, the speed is shown as high.
    clickWhenReady("#nav-monitor");
    waitUntil(() -> valueOf("mill-1.speed").equals("9.4"));
    assertThat(stateOf("mill-1.speed")).isEqualTo("High");
  }

  @Test
  void aTagsChartShowsItsHistoryAndLiveValuesAndDraggingZoomsIntoFinerBuckets() throws Exception {
    signInAndWait(engineer);
    openMonitor();

    clickWhenReady("#chart-mill-1_speed");

    waitUntil(() -> lookup("#tagChart").tryQuery().isPresent());
    @SuppressWarnings("unchecked")
    LineChart<Number, Number> chart = lookup("#tagChart").queryAs(LineChart.class);
    waitUntil(() -> chart.getData().get(0).getData().size() > 100);
    assertThat(tabs().getSelectionModel().getSelectedItem().getText())
        .isEqualTo("MILL-1 \u00b7 Mill speed");
    assertThat(text("#chartBuckets")).isEqualTo("1 point = 12 s");
    double low =
        chart.getData().get(1).getData().stream()
            .filter(FactoryMonitorUiTest::seededPoint)
            .mapToDouble(d -> d.getYValue().doubleValue())
            .min()
            .orElseThrow();
    double high =
        chart.getData().get(2).getData().stream()
            .filter(FactoryMonitorUiTest::seededPoint)
            .mapToDouble(d -> d.getYValue().doubleValue())
            .max()
            .orElseThrow();
    assertThat(low).isBetween(4.7, 5.3);
    assertThat(high).isBetween(6.7, 7.3);

    // New readings are appended live while the chart ends now.
    floor.send(value("mill-1.speed", Instant.now().minusSeconds(1), "6.40"));
    floor.send(value("mill-1.speed", Instant.now(), "6.55"));
    waitUntil(() -> chart.getData().get(3).getData().size() == 2);
    assertThat(chart.getData().get(3).getData().get(1).getYValue().doubleValue()).isEqualTo(6.55);
    screenshot("tag-chart.png");

    Node plot = chart.lookup(".chart-plot-background");
    Bounds b = plot.localToScreen(plot.getBoundsInLocal());
    double y = b.getMinY() + b.getHeight() / 2;
    drag(b.getMinX() + b.getWidth() * 0.5, y, MouseButton.PRIMARY)
        .moveTo(new javafx.geometry.Point2D(b.getMinX() + b.getWidth() * 0.75, y))
        .release(MouseButton.PRIMARY);

    // A quarter of the hour in the same number of points: each covers 3 s instead of 12 s.
    waitUntil(() -> text("#chartBuckets").equals("1 point = 3 s"));
    assertThat(lookup("#range-HOUR").queryAs(javafx.scene.control.ToggleButton.class).isSelected())
        .isFalse();
  }

  @Test
  void theEngineerGivesTheReasonForAStopAndTheListShowsIt() {
    signInAndWait(engineer);
    clickWhenReady("#nav-downtime");
    @SuppressWarnings("unchecked")
    TableView<DowntimeViewModel.Row> table = lookup("#downtimeTable").queryAs(TableView.class);
    waitUntil(() -> !table.getItems().isEmpty());
    DowntimeViewModel.Row stop =
        table.getItems().stream()
            .filter(r -> r.machine().equals("Mill tandem 2 \u00b7 Mill 3"))
            .findFirst()
            .orElseThrow();
    assertThat(stop.duration()).isEqualTo("15 min 00 s");

    interact(() -> table.getSelectionModel().select(stop));
    clickWhenReady("#saveReason");
    waitUntil(() -> text("#reasonError").equals("Choose a reason before saving."));

    @SuppressWarnings("unchecked")
    ComboBox<String> reason = lookup("#reason").queryAs(ComboBox.class);
    clickOn(reason);
    clickOn("Mechanical fault");
    // The server refuses a note longer than 500 characters; its words appear in the editor.
    javafx.scene.control.TextArea note =
        lookup("#note").queryAs(javafx.scene.control.TextArea.class);
    interact(() -> note.setText("x".repeat(501)));
    clickWhenReady("#saveReason");
    waitUntil(() -> text("#reasonError").equals("Note: is too long (at most 500 characters)"));

    interact(note::clear);
    clickOn("#note");
    write("Top roller bearing ran hot");
    clickWhenReady("#saveReason");

    waitUntil(
        () ->
            table.getItems().stream()
                .anyMatch(
                    r ->
                        r.period().getId().equals(stop.period().getId())
                            && r.reason().equals("Mechanical fault")));
    assertThat(text("#reasonError")).isEmpty();
    assertThat(lookup("#reasonError").queryAs(Label.class).isVisible()).isFalse();
    DowntimeViewModel.Row saved =
        table.getItems().stream()
            .filter(r -> r.period().getId().equals(stop.period().getId()))
            .findFirst()
            .orElseThrow();
    assertThat(saved.period().getReasonSetBy()).isEqualTo(engineer);
    assertThat(saved.period().getNote()).isEqualTo("Top roller bearing ran hot");
    screenshot("downtime.png");
  }

  @Test
  void theMonitorSpeaksBanglaAndStaysLiveWhenTheShellIsRebuilt() throws Exception {
    signInAndWait(engineer);
    openMonitor();

    @SuppressWarnings("unchecked")
    ComboBox<String> language = lookup("#language").queryAs(ComboBox.class);
    interact(() -> language.getSelectionModel().select("বাংলা"));

    waitUntil(() -> lookup("#nav-monitor").queryAs(Button.class).getText().equals("কারখানা মনিটর"));
    waitUntil(() -> text("#monitorStatus").equals("সরাসরি"));
    // The rebuilt monitor has its own stream: a new reading still arrives.
    floor.send(value("mill-2.speed", Instant.now(), "6.75"));
    waitUntil(() -> valueOf("mill-2.speed").equals("6.75"));
    assertThat(stateOf("mill-2.speed")).isEqualTo("স্বাভাবিক");
    assertThat(valueOf("mill-2.running")).isIn("চলছে", "বন্ধ");
    screenshot("monitor-bn.png");
    interact(() -> lookup("#language").queryAs(ComboBox.class).getSelectionModel().select(0));
    waitUntil(() -> text("#monitorStatus").equals("Live"));
  }

  @Test
  void aStorekeeperSeesTheAlarmsButCannotAcknowledgeAndSalesSeesNoFactoryScreens() {
    signInAndWait(storekeeper);
    clickWhenReady("#nav-alarms");
    @SuppressWarnings("unchecked")
    TableView<AlarmsViewModel.Row> table = lookup("#alarmsTable").queryAs(TableView.class);
    waitUntil(() -> !table.getItems().isEmpty());
    interact(() -> table.getSelectionModel().select(0));

    assertThat(lookup("#acknowledge").queryAs(Button.class).isDisabled()).isTrue();
    assertThat(lookup("#nav-downtime").tryQuery()).isPresent();

    clickWhenReady("#signOut");
    waitUntil(() -> lookup("#username").tryQuery().isPresent());
    signInAndWait(clerk);
    assertThat(lookup("#nav-monitor").tryQuery()).isEmpty();
    assertThat(lookup("#nav-alarms").tryQuery()).isEmpty();
  }
}
