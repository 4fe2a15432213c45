package io.millstone.server.production;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.millstone.api.common.v1.Date;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.production.v1.GetOeeRequest;
import io.millstone.api.production.v1.GetOeeResponse;
import io.millstone.api.production.v1.OeeLine;
import io.millstone.api.production.v1.OeeLoss;
import io.millstone.api.production.v1.OeePeriod;
import io.millstone.api.production.v1.OeeServiceGrpc;
import io.millstone.api.production.v1.SetMachineOeeRequest;
import io.millstone.api.production.v1.Shift;
import io.millstone.api.telemetry.v1.DefineTagRequest;
import io.millstone.api.telemetry.v1.EnrollResponse;
import io.millstone.api.telemetry.v1.ListDowntimeRequest;
import io.millstone.api.telemetry.v1.MonitorServiceGrpc;
import io.millstone.api.telemetry.v1.Reading;
import io.millstone.api.telemetry.v1.SetDowntimeReasonRequest;
import io.millstone.api.telemetry.v1.ValueType;
import io.millstone.server.TestServer;
import io.millstone.server.identity.BadRequests;
import io.millstone.server.telemetry.TelemetryFixtures;
import io.millstone.server.telemetry.Uplink;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A mill tandem's shift streamed up by its edge agent as run-state changes and counter values; the
 * engineer gives three of its stops a reason; GetOee answers with the figures worked out by hand
 * below, per shift, per day (from summed minutes) and season to date.
 */
class OeeScenarioTest {
  static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
  static TestServer t;
  static ProductionFixtures f;
  static OeeServiceGrpc.OeeServiceBlockingStub oee;
  static MonitorServiceGrpc.MonitorServiceBlockingStub monitor;
  static TelemetryFixtures tele;
  static String machine;
  static String centre;
  static String running;
  static String speed;
  static String cane;
  static String rejects;
  static EnrollResponse device;
  static String pair;
  static LocalDate day;
  static long seq;
  static List<Reading> shift;

  @BeforeAll
  static void streamTheShift() throws Exception {
    t = new TestServer();
    f = new ProductionFixtures(t, "OEE Mill");
    oee = TestServer.withToken(f.token, OeeServiceGrpc.newBlockingStub(t.channel()));
    monitor = TestServer.withToken(f.token, MonitorServiceGrpc.newBlockingStub(t.channel()));
    tele = new TelemetryFixtures(t.channel(), f.token);
    machine = "OEE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    String id = tele.mill(machine).getId();
    String k = machine.toLowerCase();
    running = k + ".running";
    speed = k + ".speed";
    cane = k + ".cane";
    rejects = k + ".rejects";
    for (String key : List.of(cane, rejects)) {
      tele.machines.defineTag(
          DefineTagRequest.newBuilder()
              .setMachineId(id)
              .setKey(key)
              .setName(key)
              .setUnit("t")
              .setValueType(ValueType.VALUE_TYPE_COUNTER)
              .build());
    }
    centre = f.workCentre(machine).getCode();
    // A 3,600 t-a-day tandem: 150 t an hour, so 0.4 minutes a tonne.
    oee.setMachineOee(
        SetMachineOeeRequest.newBuilder()
            .setMachineCode(machine)
            .setIdealRatePerHour(Decimal.newBuilder().setValue("150"))
            .setRateUnit("t")
            .setProducedTagKey(cane)
            .setRejectedTagKey(rejects)
            .build());
    device = tele.enrolledDevice("oee-pc-" + machine);
    day = LocalDate.now(DHAKA).minusDays(3);

    // The A shift of `day`, 06:00-14:00, as the agent saw it (plus the first half hour of B):
    //   run state: 06:00 on; 07:00 off, 07:30 on (30 min, cleaning: planned);
    //              09:00 off, 09:20 on (20 min, yard empty: no cane);
    //              11:00 off, 12:00 on (60 min, choke: mechanical);
    //              13:30 off, 14:20 on (50 min, nobody gave a reason: unexplained; 30 in A, 20 in
    // B)
    //   the speed every 10 minutes, so the machine is never silent for more than 10 minutes;
    //   cane counter (t): 06:00 5000 (where it stood), 07:00 5150 (+150), 09:00 5370 (+220),
    //              10:00 40 (reset by the PLC: +40 counted from zero), 11:00 200 (+160),
    //              13:30 430 (+230), 14:20 430 (+0), 14:30 455 (+25, in B)
    //              so A produced 150 + 220 + 40 + 160 + 230 = 800 t, B 25 t;
    //   rejects counter (t): 06:00 0, 11:00 10, 13:30 16: 16 t in A.
    List<Reading> r = new ArrayList<>();
    for (LocalTime at = LocalTime.of(6, 0);
        !at.isAfter(LocalTime.of(14, 30));
        at = at.plusMinutes(10)) {
      add(r, at, speed, "5");
    }
    String[][] states = {
      {"06:00", "true"}, {"07:00", "false"}, {"07:30", "true"}, {"09:00", "false"},
      {"09:20", "true"}, {"11:00", "false"}, {"12:00", "true"}, {"13:30", "false"},
      {"14:20", "true"}
    };
    for (String[] s : states) {
      add(r, LocalTime.parse(s[0]), running, s[1]);
    }
    String[][] counts = {
      {"06:00", "5000"}, {"07:00", "5150"}, {"09:00", "5370"}, {"10:00", "40"},
      {"11:00", "200"}, {"13:30", "430"}, {"14:20", "430"}, {"14:30", "455"}
    };
    for (String[] s : counts) {
      add(r, LocalTime.parse(s[0]), cane, s[1]);
    }
    add(r, LocalTime.of(6, 0), rejects, "0");
    add(r, LocalTime.of(11, 0), rejects, "10");
    add(r, LocalTime.of(13, 30), rejects, "16");
    shift = r;
    send(shift);

    // A faster machine, 300 t/h (0.2 min/t), runs all of shift A without a stop; its counter goes
    // up 45 t every 10 minutes: 48 x 45 = 2160 t. A work centre PAIR holds both machines.
    String fast = "FST-" + machine.substring(4);
    String fastId = tele.mill(fast).getId();
    String fastCount = fast.toLowerCase() + ".cane";
    tele.machines.defineTag(
        DefineTagRequest.newBuilder()
            .setMachineId(fastId)
            .setKey(fastCount)
            .setName("Cane")
            .setUnit("t")
            .setValueType(ValueType.VALUE_TYPE_COUNTER)
            .build());
    oee.setMachineOee(
        SetMachineOeeRequest.newBuilder()
            .setMachineCode(fast)
            .setIdealRatePerHour(Decimal.newBuilder().setValue("300"))
            .setRateUnit("t")
            .setProducedTagKey(fastCount)
            .build());
    pair = f.workCentre(machine, fast).getCode();
    List<Reading> fr = new ArrayList<>();
    fr.add(Uplink.reading(0, fast.toLowerCase() + ".running", at(day, "06:00"), "true"));
    for (int i = 0; i <= 48; i++) {
      fr.add(
          Uplink.reading(
              0, fastCount, at(day, "06:00").plusSeconds(600L * i), Integer.toString(45 * i)));
    }
    send(fr);

    // The engineer explains three of the four stops; the 13:30 one stays without a reason.
    var periods =
        monitor
            .listDowntime(
                ListDowntimeRequest.newBuilder()
                    .setMachineId(id)
                    .setFrom(ts(at(day, "05:00")))
                    .setTo(ts(at(day, "23:00")))
                    .build())
            .getPeriodsList();
    assertThat(periods).hasSize(4);
    Map<Instant, String> reasons =
        Map.of(
            at(day, "07:00"),
            "planned",
            at(day, "09:00"),
            "no_cane",
            at(day, "11:00"),
            "mechanical");
    for (var p : periods) {
      String reason = reasons.get(Instant.ofEpochSecond(p.getStartedAt().getSeconds()));
      if (reason != null) {
        monitor.setDowntimeReason(
            SetDowntimeReasonRequest.newBuilder().setId(p.getId()).setReason(reason).build());
      }
    }
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  /** Readings in the agent's order: the shift's readings by time, each with the next seq. */
  static void add(List<Reading> r, LocalTime at, String tag, String value) {
    r.add(Uplink.reading(0, tag, at(day, at.toString()), value));
  }

  static void send(List<Reading> readings) throws InterruptedException {
    List<Reading> sorted = new ArrayList<>(readings);
    sorted.sort(java.util.Comparator.comparing((Reading x) -> x.getSourceTime().getSeconds()));
    try (Uplink up = new Uplink(t.channel(), device.getDeviceId(), device.getDeviceSecret())) {
      long mark = up.hello();
      seq = Math.max(seq, mark);
      List<Reading> batch = new ArrayList<>();
      for (Reading x : sorted) {
        batch.add(x.toBuilder().setSeq(++seq).build());
      }
      var ack = up.send(batch).getAck();
      assertThat(ack.getAckedSeq()).isEqualTo(seq);
      assertThat(ack.getRejectedList()).isEmpty();
    }
  }

  static Instant at(LocalDate d, String hhmm) {
    return d.atTime(LocalTime.parse(hhmm)).atZone(DHAKA).toInstant();
  }

  static Timestamp ts(Instant i) {
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).build();
  }

  static Date date(LocalDate d) {
    return Date.newBuilder()
        .setYear(d.getYear())
        .setMonth(d.getMonthValue())
        .setDay(d.getDayOfMonth())
        .build();
  }

  static GetOeeResponse ask(OeePeriod period, Shift s) {
    return oee.getOee(
        GetOeeRequest.newBuilder()
            .setWorkCentreCode(centre)
            .setPeriod(period)
            .setDate(date(day))
            .setShift(s)
            .build());
  }

  static OeeLine machineLine(GetOeeResponse r) {
    return r.getLinesList().stream()
        .filter(l -> l.getMachineCode().equals(machine))
        .findFirst()
        .orElseThrow();
  }

  static Map<String, String> losses(OeeLine l) {
    return l.getLossesList().stream()
        .collect(
            Collectors.toMap(
                OeeLoss::getCode, x -> x.getMinutes().getValue(), (a, b) -> a, TreeMap::new));
  }

  static List<String> apqo(OeeLine l) {
    return List.of(
        l.getAvailabilityPercent().getValue(),
        l.getPerformancePercent().getValue(),
        l.getQualityPercent().getValue(),
        l.getOeePercent().getValue());
  }

  @Test
  void theHandWorkedShiftGivesItsFigures() {
    // Shift A, 480 min, all of it seen (no data 0):
    //   planned 30 + no cane 20 -> planned busy time 480 - 50 = 430 min
    //   downtime: mechanical 60 + unexplained 30 (13:30-14:00) = 90 -> ran 430 - 90 = 340 min
    //   availability = 340 / 430 = 79.07 %
    //   ideal time of 800 t at 0.4 min/t = 320 min -> performance = 320 / 340 = 94.12 %
    //   good = 800 - 16 = 784 t -> quality = 784 / 800 = 98.00 %
    //   valuable = 784 x 0.4 = 313.6 min -> OEE = 313.6 / 430 = 72.93 %
    //   speed loss = 340 - 320 = 20 min; quality loss = 16 x 0.4 = 6.4 min
    OeeLine a = machineLine(ask(OeePeriod.OEE_PERIOD_SHIFT, Shift.SHIFT_A));
    assertThat(apqo(a)).containsExactly("79.07", "94.12", "98", "72.93");
    assertThat(losses(a))
        .containsEntry("PLANNED", "30")
        .containsEntry("NO_CANE", "20")
        .containsEntry("MECHANICAL", "60")
        .containsEntry("UNEXPLAINED", "30")
        .containsEntry("ELECTRICAL", "0")
        .containsEntry("SPEED_LOSS", "20")
        .containsEntry("QUALITY_LOSS", "6.4")
        .containsEntry("VALUABLE", "313.6");
    assertThat(a.getProduced().getValue()).isEqualTo("800");
    assertThat(a.getGood().getValue()).isEqualTo("784");
    assertThat(a.getPlannedBusyMinutes().getValue()).isEqualTo("430");
    assertThat(a.getRunningMinutes().getValue()).isEqualTo("340");
    assertThat(a.getNoDataMinutes().getValue()).isEqualTo("0");
  }

  @Test
  void aWorkCentreSumsItsMachinesMinutesAndIdealTimeEachAtItsOwnSpeed() {
    // PAIR, shift A = the hand-worked machine + the fast one:
    //   period 480 + 480 = 960 min; planned 30 + no cane 20 -> planned busy 910 min
    //   downtime 60 + 30 = 90 -> ran 820 min; A = 820 / 910 = 90.11 %
    //   ideal time produced = 800 x 0.4 + 2160 x 0.2 = 320 + 432 = 752 min; P = 752 / 820 = 91.71 %
    //   ideal time good = 784 x 0.4 + 2160 x 0.2 = 313.6 + 432 = 745.6; Q = 745.6 / 752 = 99.15 %
    //   OEE = 745.6 / 910 = 81.93 % (the machines' OEEs, 72.93 and 90, averaged would be 81.47)
    OeeLine centreLine =
        oee.getOee(
                GetOeeRequest.newBuilder()
                    .setWorkCentreCode(pair)
                    .setPeriod(OeePeriod.OEE_PERIOD_SHIFT)
                    .setDate(date(day))
                    .setShift(Shift.SHIFT_A)
                    .build())
            .getLines(0);
    assertThat(centreLine.getMachineCode()).isEmpty();
    assertThat(apqo(centreLine)).containsExactly("90.11", "91.71", "99.15", "81.93");
    assertThat(centreLine.getProduced().getValue()).isEqualTo("2960");
    assertThat(centreLine.getGood().getValue()).isEqualTo("2944");
    assertThat(losses(centreLine)).containsEntry("VALUABLE", "745.6");
  }

  @Test
  void theHomeScreensOeeNowCountsEachMachineOnceOverTheShiftUnderWay() {
    // At 13:59 the shift under way is A. The hand-worked machine belongs to two work centres
    // (its own and PAIR); counted once with the fast one it is PAIR's figure:
    //   valuable 313.6 + 432 = 745.6 min over planned busy 430 + 480 = 910 min = 81.93 %
    // (summed per work centre it would count the hand-worked machine twice: 1059.2 / 1340 = 79.04)
    var card =
        t.server()
            .reportConnection()
            .inCompany(
                io.millstone.server.platform.Actor.system(f.company, "test"),
                c -> io.millstone.server.reporting.HomeCards.oeeNow(c, DHAKA, at(day, "13:59")));
    assertThat(card.value()).isEqualByComparingTo("81.93");
    assertThat(card.screenId()).isEqualTo("production-oee");
  }

  @Test
  void aStopAcrossTwoOClockLandsInBothShifts() {
    // Shift B: seen 14:00-14:30 only; stopped 14:00-14:20 (the rest of the 13:30 stop, no reason),
    // ran 14:20-14:30, 25 t.
    //   planned busy 30 min, downtime 20 (unexplained), ran 10 -> availability 10 / 30 = 33.33 %
    //   25 t x 0.4 = 10 min ideal in 10 min run -> performance 100 %; quality 100 %; OEE 33.33 %
    //   no data: 480 - 30 = 450 min (nothing was heard after 14:30)
    OeeLine b = machineLine(ask(OeePeriod.OEE_PERIOD_SHIFT, Shift.SHIFT_B));
    assertThat(apqo(b)).containsExactly("33.33", "100", "100", "33.33");
    assertThat(losses(b)).containsEntry("UNEXPLAINED", "20").containsEntry("PLANNED", "0");
    assertThat(b.getNoDataMinutes().getValue()).isEqualTo("450");
    assertThat(b.getProduced().getValue()).isEqualTo("25");
  }

  @Test
  void theDayIsWorkedOutFromSummedMinutesNotAveragedPercentages() {
    // Day = A + B (C unseen):
    //   seen 480 + 30 = 510 min; planned 30 + no cane 20 -> planned busy 460 min
    //   downtime mechanical 60 + unexplained 30 + 20 = 110 -> ran 350 min; A = 350/460 = 76.09 %
    //   825 t x 0.4 = 330 min -> P = 330/350 = 94.29 %; good 825 - 16 = 809 -> Q = 809/825 = 98.06
    // %
    //   valuable 809 x 0.4 = 323.6 min -> OEE = 323.6 / 460 = 70.35 %
    //   (the shifts' OEE averaged, (72.93 + 33.33) / 2 = 53.13 %, would be wrong)
    GetOeeResponse r = ask(OeePeriod.OEE_PERIOD_DAY, Shift.SHIFT_UNSPECIFIED);
    OeeLine d = machineLine(r);
    assertThat(apqo(d)).containsExactly("76.09", "94.29", "98.06", "70.35");
    assertThat(losses(d)).containsEntry("UNEXPLAINED", "50");
    // The work centre has this one machine: its line is the machine's sum.
    OeeLine wc = r.getLines(0);
    assertThat(wc.getMachineCode()).isEmpty();
    assertThat(wc.getWorkCentreCode()).isEqualTo(centre);
    assertThat(apqo(wc)).isEqualTo(apqo(d));
    assertThat(losses(wc)).isEqualTo(losses(d));
    // Season to date (no season defined: from the first day with figures) is the same day.
    OeeLine s = machineLine(ask(OeePeriod.OEE_PERIOD_SEASON_TO_DATE, Shift.SHIFT_UNSPECIFIED));
    assertThat(apqo(s)).isEqualTo(apqo(d));
  }

  @Test
  void aReplayedOrLateBatchDoesNotChangeTheFigures() throws Exception {
    OeeLine before = machineLine(ask(OeePeriod.OEE_PERIOD_DAY, Shift.SHIFT_UNSPECIFIED));
    // The agent lost the ack and resends the batch with its seqs: ingest drops it by seq.
    try (Uplink up = new Uplink(t.channel(), device.getDeviceId(), device.getDeviceSecret())) {
      up.hello();
      List<Reading> again = new ArrayList<>();
      long s = seq - shift.size();
      List<Reading> sorted = new ArrayList<>(shift);
      sorted.sort(java.util.Comparator.comparing((Reading x) -> x.getSourceTime().getSeconds()));
      for (Reading x : sorted) {
        again.add(x.toBuilder().setSeq(++s).build());
      }
      assertThat(up.send(again).getAck().getAccepted()).isZero();
    }
    // A buffer restored from a backup sends the same readings under new seqs: they are stored,
    // but older than what the rollup has counted, so they are not counted again.
    send(shift);
    OeeLine after = machineLine(ask(OeePeriod.OEE_PERIOD_DAY, Shift.SHIFT_UNSPECIFIED));
    assertThat(after).isEqualTo(before);
  }

  @Test
  void badQuestionsAreRefusedFieldByField() {
    StatusRuntimeException e =
        TestServer.failure(() -> oee.getOee(GetOeeRequest.newBuilder().build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(BadRequests.fields(e)).containsExactlyInAnyOrder("period", "date");

    e =
        TestServer.failure(
            () ->
                oee.getOee(
                    GetOeeRequest.newBuilder()
                        .setPeriod(OeePeriod.OEE_PERIOD_SHIFT)
                        .setDate(date(day))
                        .build()));
    assertThat(BadRequests.fields(e)).containsExactly("shift");

    e =
        TestServer.failure(
            () ->
                oee.getOee(
                    GetOeeRequest.newBuilder()
                        .setPeriod(OeePeriod.OEE_PERIOD_RANGE)
                        .setDate(date(day))
                        .setFrom(date(day.plusDays(1)))
                        .build()));
    assertThat(BadRequests.fields(e)).containsExactly("from");

    e =
        TestServer.failure(
            () ->
                oee.getOee(
                    GetOeeRequest.newBuilder()
                        .setPeriod(OeePeriod.OEE_PERIOD_DAY)
                        .setDate(date(day))
                        .setWorkCentreCode("NO-SUCH")
                        .build()));
    assertThat(BadRequests.fields(e)).containsExactly("work_centre_code");

    e =
        TestServer.failure(
            () ->
                oee.setMachineOee(
                    SetMachineOeeRequest.newBuilder()
                        .setMachineCode(machine)
                        .setIdealRatePerHour(Decimal.newBuilder().setValue("-1"))
                        .setProducedTagKey(speed)
                        .build()));
    assertThat(BadRequests.fields(e)).containsExactly("ideal_rate_per_hour");

    e =
        TestServer.failure(
            () ->
                oee.setMachineOee(
                    SetMachineOeeRequest.newBuilder()
                        .setMachineCode(machine)
                        .setIdealRatePerHour(Decimal.newBuilder().setValue("150"))
                        .setProducedTagKey(speed)
                        .build()));
    assertThat(BadRequests.fields(e)).containsExactly("produced_tag_key");
  }

  @Test
  void aSalesClerkCannotAskForOee() {
    String clerk = t.createUser(f.company, t.fresh("oee.clerk"), "sales");
    String token = t.login(clerk, TestServer.PASSWORD).getSessionToken();
    var stub = TestServer.withToken(token, OeeServiceGrpc.newBlockingStub(t.channel()));
    assertThat(
            TestServer.codeOf(
                () ->
                    stub.getOee(
                        GetOeeRequest.newBuilder()
                            .setPeriod(OeePeriod.OEE_PERIOD_DAY)
                            .setDate(date(day))
                            .build())))
        .isEqualTo(Status.Code.PERMISSION_DENIED);
  }
}
