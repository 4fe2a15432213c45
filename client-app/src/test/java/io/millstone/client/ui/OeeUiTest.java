package io.millstone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.production.v1.OeeLine;
import io.millstone.client.production.OeeViewModel;
import io.millstone.client.support.LiveServer;
import io.millstone.client.support.UiTest;
import io.millstone.server.MillstoneServer;
import io.millstone.server.platform.Actor;
import io.millstone.server.telemetry.MachineAdmin;
import io.millstone.server.telemetry.ReadingIngest;
import io.millstone.server.telemetry.model.Tag;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.scene.chart.BarChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OEE screen against a real server: on a recent day the mill tandem, a boiler and a centrifugal
 * ran with their stops, streamed through the ingest as an edge agent would; the engineer opens OEE,
 * sees each work centre with its machine, OEE by work centre as bars, and the tandem's losses
 * largest first; the season toggle reads the season to date.
 */
class OeeUiTest extends UiTest {
  private static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
  static LiveServer server;
  static UUID company;
  static String engineer;
  static LocalDate yesterday;
  static long seq;

  /** A stop: minutes after 06:00 yesterday, how long, the reason an engineer gave ("" none). */
  record Stop(int from, int minutes, String reason) {}

  @BeforeAll
  static void aDayOfThreeMachines() throws Exception {
    server = LiveServer.shared();
    company = server.createCompany("Zeal Bangla Sugar Mills");
    engineer = server.createUser(company, server.fresh("engineer"), "production");
    // The day before yesterday: its C shift (to 06:00 the next morning) is over at any hour.
    yesterday = LocalDate.now(DHAKA).minusDays(2);
    MillstoneServer s = server.server();
    Actor actor = Actor.system(company, "test");
    machine(s, actor, "MILL-1", "Mill tandem No. 1", "mill1", "t", "150", false);
    machine(s, actor, "BOILER-2", "Boiler No. 2", "boiler2", "t", "45", false);
    machine(s, actor, "CENT-3", "Centrifugal No. 3", "cent3", "cycles", "24", true);
    s.productionDesk()
        .saveWorkCentre(
            actor, "MILL", "Mill tandem", List.of("MILL-1"), "PER_TONNE", "850", true, 0);
    s.productionDesk()
        .saveWorkCentre(
            actor, "BOILER", "Boiler house", List.of("BOILER-2"), "PER_HOUR", "4200", true, 0);
    s.productionDesk()
        .saveWorkCentre(
            actor, "CENTRIF", "Centrifugals", List.of("CENT-3"), "PER_HOUR", "1800", true, 0);
    var created = s.deviceAdmin().create(actor, UUID.randomUUID().toString(), "floor-pc");
    var device = s.deviceAdmin().enroll(created.enrollmentToken(), "test", "test", "test");
    Actor agent = Actor.system(company, "device");
    List<ReadingIngest.Incoming> batch = new ArrayList<>();
    // 12.5 t per 5 minutes at the tandem's rated 150 t/h; it makes 11.
    day(
        batch,
        "mill1",
        11,
        0,
        List.of(new Stop(120, 45, "mechanical"), new Stop(1020, 30, "no_cane")));
    day(batch, "boiler2", 3, 0, List.of(new Stop(600, 15, "")));
    day(
        batch,
        "cent3",
        2,
        40,
        List.of(new Stop(300, 60, "planned"), new Stop(900, 20, "electrical")));
    batch.sort(java.util.Comparator.comparing(ReadingIngest.Incoming::sourceTime));
    for (int i = 0; i < batch.size(); i += ReadingIngest.MAX_BATCH) {
      List<ReadingIngest.Incoming> part = new ArrayList<>();
      for (ReadingIngest.Incoming r :
          batch.subList(i, Math.min(batch.size(), i + ReadingIngest.MAX_BATCH))) {
        part.add(new ReadingIngest.Incoming(++seq, r.tagKey(), r.sourceTime(), r.value(), 1));
      }
      s.readingIngest().ingest(agent, device.deviceId(), part);
    }
    reasons(
        List.of(
            new Object[] {"MILL-1", 120, "mechanical"},
            new Object[] {"MILL-1", 1020, "no_cane"},
            new Object[] {"CENT-3", 300, "planned"},
            new Object[] {"CENT-3", 900, "electrical"}));
  }

  static void machine(
      MillstoneServer s,
      Actor actor,
      String code,
      String name,
      String key,
      String unit,
      String rate,
      boolean rejects)
      throws Exception {
    String id =
        s.machineAdmin().create(actor, null, code, name, "Mill house").machine().id().toString();
    tag(s, actor, id, key + ".running", Tag.ValueType.BOOLEAN, true);
    tag(s, actor, id, key + ".count", Tag.ValueType.COUNTER, false);
    if (rejects) {
      tag(s, actor, id, key + ".rejects", Tag.ValueType.COUNTER, false);
    }
    s.oeeDesk()
        .setMachine(actor, code, rate, unit, key + ".count", rejects ? key + ".rejects" : "");
  }

  static void tag(
      MillstoneServer s, Actor actor, String machine, String key, Tag.ValueType type, boolean run) {
    s.machineAdmin()
        .defineTag(
            actor,
            new MachineAdmin.TagInput(
                machine, key, key, "", type, null, null, null, null, null, run));
  }

  /**
   * A machine's day from 06:00 to 06:00, every 5 minutes: its run state at each stop's start and
   * end, its counter adding {@code perStep} each running 5 minutes, and one reject in {@code
   * rejectEvery} steps (0: none).
   */
  static void day(
      List<ReadingIngest.Incoming> out,
      String key,
      int perStep,
      int rejectEvery,
      List<Stop> stops) {
    Instant start = yesterday.atTime(6, 0).atZone(DHAKA).toInstant();
    long count = 1000;
    long rejects = 0;
    out.add(new ReadingIngest.Incoming(0, key + ".running", start, "true", 1));
    for (Stop st : stops) {
      out.add(
          new ReadingIngest.Incoming(
              0, key + ".running", start.plus(Duration.ofMinutes(st.from())), "false", 1));
      out.add(
          new ReadingIngest.Incoming(
              0,
              key + ".running",
              start.plus(Duration.ofMinutes(st.from() + st.minutes())),
              "true",
              1));
    }
    for (int m = 0; m <= 1440; m += 5) {
      int at = m;
      boolean ranBefore =
          m > 0 && stops.stream().noneMatch(st -> at > st.from() && at <= st.from() + st.minutes());
      if (ranBefore) {
        count += perStep;
        if (rejectEvery > 0 && (m / 5) % rejectEvery == 0) {
          rejects++;
        }
      }
      Instant t = start.plus(Duration.ofMinutes(m));
      out.add(new ReadingIngest.Incoming(0, key + ".count", t, Long.toString(count), 1));
      if (rejectEvery > 0) {
        out.add(new ReadingIngest.Incoming(0, key + ".rejects", t, Long.toString(rejects), 1));
      }
    }
  }

  /** The reasons the engineer gave the stops on the downtime screen. */
  static void reasons(List<Object[]> given) throws Exception {
    try (Connection c = LiveServer.platform().database().ownerDataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE downtime d SET reason = ? FROM machine m WHERE m.id = d.machine_id"
                    + " AND m.company_id = ? AND m.code = ? AND d.started_at = ?")) {
      for (Object[] g : given) {
        ps.setString(1, (String) g[2]);
        ps.setObject(2, company);
        ps.setString(3, (String) g[0]);
        ps.setTimestamp(
            4,
            java.sql.Timestamp.from(
                yesterday
                    .atTime(6, 0)
                    .atZone(DHAKA)
                    .toInstant()
                    .plus(Duration.ofMinutes((Integer) g[1]))));
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theEngineerReadsADaysOeeByWorkCentreAndTheTandemsLosses() {
    signInAndWait(engineer);
    interact(
        () -> {
          stage.setWidth(1600);
          stage.setHeight(1000);
        });
    clickWhenReady("#nav-production-oee");
    waitUntil(() -> lookup("#oeeTable").tryQuery().isPresent());
    TableView<OeeLine> table = lookup("#oeeTable").queryAs(TableView.class);
    BarChart<String, Number> chart = lookup("#oeeChart").queryAs(BarChart.class);
    javafx.scene.control.DatePicker date =
        lookup("#oeeDate").queryAs(javafx.scene.control.DatePicker.class);
    interact(() -> date.setValue(yesterday));
    waitUntil(
        () ->
            text("#oeeCovered")
                .equals("Figures of " + io.millstone.client.core.Dates.date(yesterday)));
    waitUntil(() -> table.getItems().size() == 6);
    waitUntil(() -> chart.getData().get(0).getData().size() == 3);
    // The tandem: 1440 min, no cane 30 -> planned busy 1410; mechanical 45 -> ran 1365 min:
    // A = 1365 / 1410 = 96.81 %; 273 runs of 5 min x 11 t = 3003 t at 0.4 min/t = 1201.2 min:
    // P = 1201.2 / 1365 = 88.00 %; Q = 100 %; OEE = 1201.2 / 1410 = 85.19 %.
    OeeLine mill =
        table.getItems().stream()
            .filter(l -> l.getMachineCode().equals("MILL-1"))
            .findFirst()
            .orElseThrow();
    assertThat(mill.getAvailabilityPercent().getValue()).isEqualTo("96.81");
    assertThat(mill.getPerformancePercent().getValue()).isEqualTo("88");
    assertThat(mill.getOeePercent().getValue()).isEqualTo("85.19");
    interact(() -> table.getSelectionModel().select(mill));
    TableView<OeeViewModel.Loss> losses = lookup("#oeeLosses").queryAs(TableView.class);
    // Speed loss 1365 - 1201.2 = 163.8 min, then mechanical 45, then no cane 30.
    waitUntil(
        () ->
            losses.getItems().size() == 3
                && losses.getItems().get(0).code().equals("SPEED_LOSS")
                && losses.getItems().get(1).code().equals("MECHANICAL")
                && losses.getItems().get(2).code().equals("NO_CANE"));
    assertThat(losses.getItems().get(0).minutes()).isEqualByComparingTo("163.8");
    waitUntil(() -> text("#oeeLossTitle").contains("Mill tandem No. 1"));
    waitUntil(() -> text("#oeeCovered").contains("Figures of"));
    screenshot("oee.png");

    // The season to date: no season defined, so from the first day with figures, that day.
    ComboBox<OeeViewModel.Span> span = lookup("#oeeSpan").queryAs(ComboBox.class);
    interact(() -> span.setValue(OeeViewModel.Span.SEASON));
    waitUntil(() -> table.getItems().size() == 6 && text("#oeeCovered").contains("Figures of"));
    interact(() -> span.setValue(OeeViewModel.Span.SHIFT_B));
    // Shift B (14-22) of the tandem: no stops, 96 runs x 11 t = 1056 t = 422.4 min in 480.
    waitUntil(
        () ->
            table.getItems().stream()
                .anyMatch(
                    l ->
                        l.getMachineCode().equals("MILL-1")
                            && l.getOeePercent().getValue().equals("88")));
  }
}
