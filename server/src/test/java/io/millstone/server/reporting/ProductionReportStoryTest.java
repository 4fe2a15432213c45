package io.millstone.server.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.millstone.api.analytics.v1.DrillKind;
import io.millstone.api.analytics.v1.Figure;
import io.millstone.api.analytics.v1.Flag;
import io.millstone.api.analytics.v1.GetProductionReportRequest;
import io.millstone.api.analytics.v1.ProductionReport;
import io.millstone.api.analytics.v1.ProductionReportServiceGrpc;
import io.millstone.api.analytics.v1.ProductionReportServiceGrpc.ProductionReportServiceBlockingStub;
import io.millstone.api.common.v1.Date;
import io.millstone.api.common.v1.Decimal;
import io.millstone.server.MillstoneServer;
import io.millstone.server.TestServer;
import io.millstone.server.cane.CaneDesk;
import io.millstone.server.platform.Actor;
import io.millstone.server.production.LabBench;
import io.millstone.server.production.ProductionDesk;
import io.millstone.server.production.ProductionFixtures;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A small season of three days, written the way the days happened (a clock moved along them): loads
 * weighed at the gate, two or three shifts a day with their stops, the lab's mixed juice. The mill
 * manager opens the third day's report and reads each figure beside the day before and the season's
 * average; the figures are worked out by hand below.
 *
 * <pre>
 *            shift  cane t  sugar t (grade)     molasses  stops              tickets (net, weighed out)
 * day 1      A      300     21 L30              13.5      MECHANICAL 30 min  6 t 07:20, 5 t 08:20
 *            B      300     21 L30              13.5
 * day 2      A      300     21 L30              13.5      NO_CANE 60 min
 *            B      300     21 L30              13.5                         6 t 15:20
 * day 3      A      300     18 L30 + 3 M30      13.5      MECHANICAL 90 min  7 t 10:20
 *            B      200     12 L30               9
 *            C      100      2 L30               4.5      ELECTRICAL 30 min  4 t 23:20
 * </pre>
 */
class ProductionReportStoryTest {
  static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
  static TestServer t;
  static ProductionFixtures f;
  static LocalDate day1;
  static LocalDate day3;
  static ProductionReportServiceBlockingStub manager;
  static final java.util.List<String> day3Runs = new java.util.ArrayList<>();

  /** A clock the story moves along its days. */
  static final class StoryClock extends Clock {
    Instant now = Instant.now();

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
      return now;
    }

    void at(LocalDate day, int hour, int minute) {
      now = day.atTime(LocalTime.of(hour, minute)).atZone(DHAKA).toInstant();
    }
  }

  @BeforeAll
  static void season() {
    t = new TestServer();
    f = ProductionFixtures.mill(t, "Report Mill");
    LocalDate today = LocalDate.now(DHAKA);
    day1 = today.minusDays(3);
    LocalDate day2 = today.minusDays(2);
    day3 = today.minusDays(1);
    StoryClock clock = new StoryClock();
    MillstoneServer.SeasonDesks desks = t.server().seasonDesks(clock);
    Actor actor = Actor.system(f.company, "story");
    f.receive(f.cane, "2000", "6000");

    // The season, two growers, and their loads.
    clock.at(day1.minusDays(5), 10, 0);
    CaneDesk cane = desks.cane();
    cane.createSeason(
        actor,
        "rpt-season",
        "RPT",
        "Report season",
        day1,
        day1.plusDays(60),
        List.of(
            new CaneDesk.CentreInput(
                f.yard, "MILL_GATE", List.of(new CaneDesk.PriceInput(day1, "600")))));
    for (String g : List.of("G-1", "G-2")) {
      f.md.supplier("SUP-" + g, "Grower " + g);
      cane.createGrower(
          actor,
          "rpt-grower-" + g,
          "SUP-" + g,
          g,
          "Kalai",
          List.of(new CaneDesk.PlotInput("Home field", "1.5", "Isd 40", "40")));
    }
    load(cane, clock, actor, day1, "G-1", 7, 0, 8800);
    load(cane, clock, actor, day1, "G-2", 8, 0, 7800);
    load(cane, clock, actor, day2, "G-1", 15, 0, 8800);
    load(cane, clock, actor, day3, "G-1", 10, 0, 9800);
    load(cane, clock, actor, day3, "G-2", 23, 0, 6800);

    // The shifts.
    ProductionDesk desk = desks.production();
    String centre = f.workCentre().getCode();
    run(
        desk,
        clock,
        actor,
        centre,
        day1,
        "A",
        "300",
        Map.of(f.sugarL30, "21"),
        "13.5",
        "MECHANICAL",
        30);
    run(desk, clock, actor, centre, day1, "B", "300", Map.of(f.sugarL30, "21"), "13.5", null, 0);
    run(
        desk,
        clock,
        actor,
        centre,
        day2,
        "A",
        "300",
        Map.of(f.sugarL30, "21"),
        "13.5",
        "NO_CANE",
        60);
    run(desk, clock, actor, centre, day2, "B", "300", Map.of(f.sugarL30, "21"), "13.5", null, 0);
    day3Runs.add(
        run(
            desk,
            clock,
            actor,
            centre,
            day3,
            "A",
            "300",
            Map.of(f.sugarL30, "18", f.sugarM30, "3"),
            "13.5",
            "MECHANICAL",
            90));
    day3Runs.add(
        run(desk, clock, actor, centre, day3, "B", "200", Map.of(f.sugarL30, "12"), "9", null, 0));
    day3Runs.add(
        run(
            desk,
            clock,
            actor,
            centre,
            day3,
            "C",
            "100",
            Map.of(f.sugarL30, "2"),
            "4.5",
            "ELECTRICAL",
            30));

    // The lab: mixed juice may not go above 16.5 brix.
    LabBench lab = desks.lab();
    clock.at(day1, 6, 30);
    lab.saveLimits(actor, "MIXED_JUICE", Map.of("brix", new LabBench.Range("", "16.5")));
    sample(lab, clock, actor, day2, 10, "15", "12.6");
    sample(lab, clock, actor, day3, 10, "16", "13.6");
    sample(lab, clock, actor, day3, 16, "18", "14.4");

    manager =
        t.as(
            t.createUser(f.company, t.fresh("mill.manager"), "manager"),
            ProductionReportServiceGrpc.newBlockingStub(t.channel()));
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  /** A permit for the day, the load weighed in at hh:mm and out (tare 2800 kg) 20 minutes later. */
  static void load(
      CaneDesk cane, StoryClock clock, Actor a, LocalDate day, String g, int h, int m, long gross) {
    clock.at(day.minusDays(1), 10, 0);
    var permit =
        cane.issuePermits(
                a,
                "rpt-permit-" + g + day,
                "RPT",
                f.yard,
                day,
                List.of(new CaneDesk.PermitInput(g, "80")))
            .get(0);
    clock.at(day, h, m);
    var ticket =
        cane.weighIn(
            a,
            "rpt-in-" + g + day,
            permit.number(),
            g,
            f.yard,
            "JOYPURHAT-TA-11-" + h + m,
            Long.toString(gross),
            "SCALE",
            "");
    clock.at(day, h, m + 20);
    cane.weighOut(a, ticket.number(), "2800", "SCALE", "");
  }

  /** A shift's run: cane in, sugar, molasses out, at most one stop starting 3 h into the shift. */
  static String run(
      ProductionDesk desk,
      StoryClock clock,
      Actor a,
      String centre,
      LocalDate day,
      String shift,
      String cane,
      Map<String, String> sugar,
      String molasses,
      String stopReason,
      int stopMinutes) {
    int start =
        switch (shift) {
          case "A" -> 6;
          case "B" -> 14;
          default -> 22;
        };
    String key = "rpt-" + day + shift;
    clock.at(day, start, 5);
    var r = desk.plan(a, key, centre, f.bom, day, shift, f.yard, "");
    String id = r.id().toString();
    desk.start(a, id);
    if (stopReason != null) {
      Instant from = day.atTime(start, 0).atZone(DHAKA).toInstant().plusSeconds(3 * 3600);
      clock.now = from.plusSeconds(stopMinutes * 60L + 60);
      desk.recordStop(
          a, key + "-stop", id, from, from.plusSeconds(stopMinutes * 60L), stopReason, "", "");
    }
    clock.now = day.atTime(start, 0).atZone(DHAKA).toInstant().plusSeconds(7 * 3600 + 50 * 60);
    desk.recordLine(a, key + "-cane", id, false, f.cane, cane, "");
    for (var s : new java.util.TreeMap<>(sugar).entrySet()) {
      desk.recordLine(a, key + "-" + s.getKey(), id, true, s.getKey(), s.getValue(), "L-" + day);
    }
    desk.recordLine(a, key + "-mol", id, true, f.molasses, molasses, "");
    desk.finish(a, id);
    return id;
  }

  static void sample(
      LabBench lab, StoryClock clock, Actor a, LocalDate day, int hour, String brix, String pol) {
    Instant at = day.atTime(hour, 0).atZone(DHAKA).toInstant();
    clock.now = at.plusSeconds(600);
    lab.record(
        a,
        "rpt-lab-" + day + hour,
        List.of(
            new LabBench.SampleInput(
                "MIXED_JUICE", at, null, Map.of("brix", brix, "pol", pol), "")));
  }

  static Date date(LocalDate d) {
    return Date.newBuilder()
        .setYear(d.getYear())
        .setMonth(d.getMonthValue())
        .setDay(d.getDayOfMonth())
        .build();
  }

  static ProductionReport report(LocalDate d) {
    return manager.getProductionReport(
        GetProductionReportRequest.newBuilder().setDate(date(d)).build());
  }

  static Figure figure(ProductionReport r, String key) {
    return r.getFiguresList().stream()
        .filter(x -> x.getKey().equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no figure " + key));
  }

  /** Shift A, B, C, day, previous day, season to date, season average; "-" where none applies. */
  static List<String> row(Figure x) {
    return List.of(
        v(x.hasShiftA(), x.getShiftA()),
        v(x.hasShiftB(), x.getShiftB()),
        v(x.hasShiftC(), x.getShiftC()),
        v(x.hasDay(), x.getDay()),
        v(x.hasPreviousDay(), x.getPreviousDay()),
        v(x.hasSeasonToDate(), x.getSeasonToDate()),
        v(x.hasSeasonAverage(), x.getSeasonAverage()));
  }

  static String v(boolean has, Decimal d) {
    return has ? d.getValue() : "-";
  }

  @Test
  void theManagerReadsTheThirdDayBesideTheDayBeforeAndTheSeason() {
    ProductionReport r = report(day3);
    assertThat(r.getSeasonCode()).isEqualTo("RPT");
    assertThat(r.getCrushingDays()).isEqualTo(3);

    // Tickets weighed out: 7 t in A, 4 t in C; the day before 6 t; the season 6+5+6+7+4 = 28 t
    // over 3 crushing days = 9.333 t a day. 11 t is 17.9 % above it: beyond the 10 % band.
    Figure received = figure(r, "cane_received");
    assertThat(row(received)).containsExactly("7", "0", "4", "11", "6", "28", "9.333");
    assertThat(received.getFlag()).isEqualTo(Flag.FLAG_HIGH);
    assertThat(received.getFlagReason()).isEqualTo("17.9 % above the season average of 9.333");
    assertThat(received.getDrill().getKind()).isEqualTo(DrillKind.DRILL_KIND_TICKETS);

    // Crushed: 300 + 200 + 100 = 600 t, as on day 2; 1800 t in three days, 600 a day.
    Figure crushed = figure(r, "cane_crushed");
    assertThat(row(crushed)).containsExactly("300", "200", "100", "600", "600", "1800", "600");
    assertThat(crushed.getFlag()).isEqualTo(Flag.FLAG_NONE);
    assertThat(crushed.getDrill().getKind()).isEqualTo(DrillKind.DRILL_KIND_RUNS);
    assertThat(crushed.getDrill().getRunIdsList()).containsExactlyInAnyOrderElementsOf(day3Runs);

    // TCD = cane x 1440 / (shift minutes - stop minutes): A 300x1440/390 = 1107.69, B 200x1440/480
    // = 600, C 100x1440/450 = 320; the day 600x1440/(1440-120) = 654.55; day 2 600x1440/900 = 960;
    // the season, seven shifts, 1800x1440/(3360-210) = 822.86 (its own rate, the season average).
    // 654.55 is 20.5 % below it: flagged.
    Figure tcd = figure(r, "crushing_rate");
    assertThat(row(tcd))
        .containsExactly("1107.69", "600", "320", "654.55", "960", "822.86", "822.86");
    assertThat(tcd.getFlag()).isEqualTo(Flag.FLAG_LOW);
    assertThat(tcd.getFlagReason()).isEqualTo("20.5 % below the season average of 822.86");

    // Sugar: 21 + 12 + 2 = 35 t against 42 the day before; the season 119 t, 39.667 a day; 35 is
    // 11.8 % below.
    Figure sugar = figure(r, "sugar");
    assertThat(row(sugar)).containsExactly("21", "12", "2", "35", "42", "119", "39.667");
    assertThat(sugar.getFlag()).isEqualTo(Flag.FLAG_LOW);
    assertThat(figure(r, "sugar:" + f.sugarM30).getDay().getValue()).isEqualTo("3");
    assertThat(figure(r, "sugar:" + f.sugarL30).getDay().getValue()).isEqualTo("32");

    // Recovery = sugar / cane x 100: 35/600 = 5.83 (not the mean of the shifts' 7, 6 and 2); the
    // season 119/1800 = 6.61; 5.83 is 11.8 % below it: flagged.
    Figure recovery = figure(r, "recovery");
    assertThat(row(recovery)).containsExactly("7", "6", "2", "5.83", "7", "6.61", "6.61");
    assertThat(recovery.getFlag()).isEqualTo(Flag.FLAG_LOW);

    // Molasses: 13.5 + 9 + 4.5 = 27 t every day: on the average.
    assertThat(row(figure(r, "molasses")))
        .containsExactly("13.5", "9", "4.5", "27", "27", "81", "27");

    // Mixed juice: brix (16 + 18)/2 = 17 above the lab's limit of 16.5; purity from the sums, (13.6
    // + 14.4)/(16 + 18) x 100 = 82.35; the season (13.6 + 14.4 + 12.6)/(16 + 18 + 15) = 82.86.
    Figure brix = figure(r, "lab:MIXED_JUICE:brix");
    assertThat(row(brix)).containsExactly("16", "18", "-", "17", "15", "16.33", "16.33");
    assertThat(brix.getFlag()).isEqualTo(Flag.FLAG_HIGH);
    assertThat(brix.getFlagReason()).isEqualTo("above the lab's limit of 16.5");
    assertThat(brix.getDrill().getStream()).isEqualTo("MIXED_JUICE");
    assertThat(row(figure(r, "lab:MIXED_JUICE:purity")))
        .containsExactly("85", "80", "-", "82.35", "84", "82.86", "82.86");

    // Lost time: 90 + 30 = 120 min against 60; the season 210 min, 70 a day: 71.4 % above.
    Figure lost = figure(r, "lost_time");
    assertThat(row(lost)).containsExactly("90", "0", "30", "120", "60", "210", "70");
    assertThat(lost.getFlag()).isEqualTo(Flag.FLAG_HIGH);
    Figure mechanical = figure(r, "lost:MECHANICAL");
    assertThat(row(mechanical)).containsExactly("90", "0", "0", "90", "0", "120", "40");
    assertThat(mechanical.getDrill().getKind()).isEqualTo(DrillKind.DRILL_KIND_STOPS);
    assertThat(mechanical.getDrill().getReason()).isEqualTo("MECHANICAL");
    assertThat(r.getLostTimeDayList())
        .extracting(
            l -> l.getReason() + " " + l.getMinutes() + " " + l.getCumulativePercent().getValue())
        .containsExactly("MECHANICAL 90 75", "ELECTRICAL 30 100");
    assertThat(r.getLostTimeSeasonList())
        .extracting(
            l -> l.getReason() + " " + l.getMinutes() + " " + l.getCumulativePercent().getValue())
        .containsExactly("MECHANICAL 120 57.1", "NO_CANE 60 85.7", "ELECTRICAL 30 100");

    // Stock at 06:00 the next morning: every tonne of sugar and molasses made (nothing sold yet).
    assertThat(row(figure(r, "stock:" + f.sugarL30)))
        .containsExactly("-", "-", "-", "116", "84", "-", "-");
    assertThat(row(figure(r, "stock:" + f.molasses)))
        .containsExactly("-", "-", "-", "81", "54", "-", "-");

    // The season's series for the charts; no OEE, as no machine of this mill has a rated speed
    // (DemoSeederTest checks the report's OEE against the OEE screen's on the demo's history).
    assertThat(r.getSeriesList())
        .extracting(
            d -> d.getCrushingRateTcd().getValue() + " " + d.getRecoveryPercent().getValue())
        .containsExactly("929.03 7", "960 7", "654.55 5.83");
    assertThat(r.getOeeList()).isEmpty();
    assertThat(r.getBandPercent().getValue()).isEqualTo("10");
  }

  @Test
  void theFirstDayHasNoDayBeforeAndIsItsOwnSeasonAverage() {
    ProductionReport r = report(day1);
    assertThat(r.getCrushingDays()).isEqualTo(1);
    assertThat(row(figure(r, "cane_crushed")))
        .containsExactly("300", "300", "0", "600", "0", "600", "600");
    assertThat(figure(r, "cane_crushed").getFlag()).isEqualTo(Flag.FLAG_NONE);
  }

  @Test
  void aDayWithoutADateInTheFutureOrBeforeTheSeasonIsRefusedOnTheDate() {
    assertThat(dateViolation(GetProductionReportRequest.getDefaultInstance()))
        .isEqualTo("is required");
    LocalDate tomorrow = LocalDate.now(DHAKA).plusDays(1);
    assertThat(
            dateViolation(GetProductionReportRequest.newBuilder().setDate(date(tomorrow)).build()))
        .startsWith("is in the future");
    assertThat(
            dateViolation(
                GetProductionReportRequest.newBuilder().setDate(date(day1.minusDays(1))).build()))
        .isEqualTo(
            "is before the first cane season, which starts on "
                + day1.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
  }

  @Test
  void aCompanyWithoutASeasonIsToldToCreateOne() {
    UUID other = t.createCompany("No Season Mill").id();
    var stub =
        t.as(
            t.createUser(other, t.fresh("other.manager"), "manager"),
            ProductionReportServiceGrpc.newBlockingStub(t.channel()));
    StatusRuntimeException e =
        TestServer.failure(
            () ->
                stub.getProductionReport(
                    GetProductionReportRequest.newBuilder().setDate(date(day3)).build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription()).contains("create the season first");
  }

  @Test
  void aSalesClerkMayNotOpenTheReport() {
    var clerk =
        t.as(
            t.createUser(f.company, t.fresh("sales.clerk"), "sales"),
            ProductionReportServiceGrpc.newBlockingStub(t.channel()));
    assertThat(
            TestServer.codeOf(
                () ->
                    clerk.getProductionReport(
                        GetProductionReportRequest.newBuilder().setDate(date(day3)).build())))
        .isEqualTo(Status.Code.PERMISSION_DENIED);
  }

  private static String dateViolation(GetProductionReportRequest request) {
    StatusRuntimeException e = TestServer.failure(() -> manager.getProductionReport(request));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    var bad =
        StatusProto.fromThrowable(e).getDetailsList().stream()
            .filter(a -> a.is(com.google.rpc.BadRequest.class))
            .map(
                a -> {
                  try {
                    return a.unpack(com.google.rpc.BadRequest.class);
                  } catch (com.google.protobuf.InvalidProtocolBufferException x) {
                    throw new AssertionError(x);
                  }
                })
            .findFirst()
            .orElseThrow();
    assertThat(bad.getFieldViolations(0).getField()).isEqualTo("date");
    return bad.getFieldViolations(0).getDescription();
  }
}
