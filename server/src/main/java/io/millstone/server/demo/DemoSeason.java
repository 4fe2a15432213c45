package io.millstone.server.demo;

import io.millstone.server.MillstoneServer;
import io.millstone.server.cane.CaneDesk;
import io.millstone.server.inventory.StockLedger;
import io.millstone.server.masterdata.PartyAdmin;
import io.millstone.server.masterdata.WarehouseAdmin;
import io.millstone.server.platform.Actor;
import io.millstone.server.production.LabBench;
import io.millstone.server.production.ProductionDesk;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The first three weeks of the demo mill's crushing season, written day by day as they happened
 * (each day on its own clock, so permits are weighed on their day): 60 growers in six villages, the
 * mill gate and two outside purchase centres, permits and weighbridge tickets every day, the
 * outside centres' cane trucked to the mill yard, three shift runs a day with their stops, lab
 * samples each shift, and the first fortnight's cane bills and payment run. Today has permits, a
 * queue of trucks at the gate and the morning shift under way. Everything goes through the domain
 * code the screens use; a fixed seed makes every demo the same.
 */
final class DemoSeason {
  static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
  static final String GATE = "CANE-YARD";
  static final String[] OUTSIDE = {"PC-KALAI", "PC-AKKELPUR"};
  static final int DAYS = 21;
  static final int GROWERS = 60;
  static final String[] VILLAGES = {
    "Kalai", "Akkelpur", "Panchbibi", "Khetlal", "Mondumala", "Puranapoil"
  };
  static final String[] FIRST = {
    "Abdul",
    "Mofizul",
    "Rahim",
    "Karim",
    "Nurul",
    "Habibur",
    "Shafiqul",
    "Aminul",
    "Jahangir",
    "Rafiqul",
    "Anwar",
    "Delwar",
    "Golam",
    "Motiur",
    "Sirajul"
  };
  static final String[] LAST = {"Islam", "Haque", "Rahman", "Hossain", "Alam", "Mia", "Sarkar"};
  static final String[] VARIETIES = {"Isd 39", "Isd 40", "BSRI Akh 41", "BSRI Akh 45"};
  static final String[] STREAMS = {
    "PRIMARY_JUICE",
    "MIXED_JUICE",
    "CLEAR_JUICE",
    "SYRUP",
    "MASSECUITE_A",
    "MASSECUITE_B",
    "MASSECUITE_C",
    "FINAL_MOLASSES",
    "SUGAR"
  };

  /** A clock the seeding moves along the season's days. */
  static final class DemoClock extends Clock {
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

    void at(LocalDate day, LocalTime time) {
      now = day.atTime(time).atZone(DHAKA).toInstant();
    }

    void plus(Duration d) {
      now = now.plus(d);
    }
  }

  private DemoSeason() {}

  static void seed(MillstoneServer server, UUID companyId) {
    seed(server, companyId, DAYS, 24, 6);
  }

  /**
   * The season's last {@code days} days, ending today (the demo's {@value #DAYS}; the report
   * benchmark asks for more), with {@code gateTrucks} lorries a day at the mill gate and {@code
   * outsideTrucks} at each outside centre (the demo's 24 and 6). Does nothing if the company has a
   * cane season already.
   */
  static void seed(
      MillstoneServer server, UUID companyId, int days, int gateTrucks, int outsideTrucks) {
    Actor cane = Actor.system(companyId, "cane");
    DemoClock clock = new DemoClock();
    MillstoneServer.SeasonDesks desks = server.seasonDesks(clock);
    CaneDesk desk = desks.cane();
    LocalDate today = LocalDate.now(DHAKA);
    LocalDate start = today.minusDays(days - 1);
    String code = start.getYear() + "-" + String.format("%02d", (start.getYear() + 1) % 100);
    if (!desk.listSeasons(cane, 50, "").seasons().isEmpty()) {
      return; // seeded before
    }
    Random rnd = new Random(14);
    Actor admin = Actor.system(companyId, "admin");
    for (int i = 0; i < OUTSIDE.length; i++) {
      server
          .warehouseAdmin()
          .create(
              admin,
              "demo-wh-" + OUTSIDE[i],
              OUTSIDE[i],
              (i == 0 ? "Kalai" : "Akkelpur") + " purchase centre",
              "",
              List.of(new WarehouseAdmin.LocationInput("YARD", "Cane yard", true)));
    }
    clock.at(start.minusDays(30), LocalTime.of(10, 0));
    List<CaneDesk.CentreInput> centres = new ArrayList<>();
    centres.add(centre(GATE, "MILL_GATE", start, "600"));
    for (String o : OUTSIDE) {
      centres.add(centre(o, "OUTSIDE", start, "587"));
    }
    desk.createSeason(
        cane,
        "demo-season",
        code,
        "Crushing season " + code,
        start,
        start.plusDays(Math.max(119, days + 29)),
        centres);

    List<String> growers = growers(server, desk, admin, cane, rnd, start);
    // The demo's lime and sulphur last its three weeks; a longer season gets more.
    int stock = (days + DAYS - 1) / DAYS;
    Production production = new Production(server, desks, companyId, clock, rnd, stock);
    for (int d = 0; d < days; d++) {
      LocalDate day = start.plusDays(d);
      boolean isToday = day.equals(today);
      // Permits go out two days ahead: 24 lorries a day at the gate, 6 at each outside centre.
      production.yardTonnes =
          production.yardTonnes.add(
              tonnes(
                  weighDay(desk, cane, clock, rnd, code, growers, day, GATE, gateTrucks, isToday)));
      for (String o : OUTSIDE) {
        BigDecimal t =
            tonnes(weighDay(desk, cane, clock, rnd, code, growers, day, o, outsideTrucks, isToday));
        if (!isToday && t.signum() > 0) {
          // The mill's lorries bring the centre's cane to the yard in the evening.
          clock.at(day, LocalTime.of(18, 0));
          server
              .stockLedger()
              .transfer(
                  cane,
                  "demo-cane-truck-" + o + "-" + day,
                  List.of(new StockLedger.LineInput("CANE", o, "", t.toPlainString())),
                  GATE,
                  "Cane trucked from " + o + " to the mill yard");
          production.yardTonnes = production.yardTonnes.add(t);
        }
      }
      production.day(day, isToday);
    }
    production.history.rateTheMachines();

    // The first fortnight billed and paid.
    clock.at(start.plusDays(15), LocalTime.of(10, 0));
    var bills =
        desk.createBills(
            Actor.system(companyId, "accounts"),
            "demo-cane-bills-1",
            code,
            start,
            start.plusDays(13),
            "",
            start.plusDays(15));
    clock.at(start.plusDays(16), LocalTime.of(11, 0));
    List<CaneDesk.PaymentInput> pay = new ArrayList<>();
    int n = 0;
    for (var b : bills) {
      if (b.netPayable().signum() <= 0) {
        continue;
      }
      n++;
      pay.add(
          n % 3 == 0
              ? new CaneDesk.PaymentInput(
                  b.number(), "MOBILE_MONEY", "bKash 017" + String.format("%08d", 11_000_000 + n))
              : new CaneDesk.PaymentInput(
                  b.number(), "BANK", "Sonali Bank EFT " + String.format("%06d", 240_100 + n)));
    }
    if (!pay.isEmpty()) {
      desk.paymentRun(
          Actor.system(companyId, "accounts"), "demo-cane-pay-1", start.plusDays(16), pay);
    }
  }

  static BigDecimal tonnes(long kg) {
    return BigDecimal.valueOf(kg).movePointLeft(3);
  }

  static CaneDesk.CentreInput centre(String wh, String kind, LocalDate from, String price) {
    return new CaneDesk.CentreInput(wh, kind, List.of(new CaneDesk.PriceInput(from, price)));
  }

  /** Sixty growers (the three the trade demo knows, and 57 more), a few with loans. */
  static List<String> growers(
      MillstoneServer server, CaneDesk desk, Actor admin, Actor cane, Random rnd, LocalDate start) {
    List<String> out = new ArrayList<>();
    for (int g = 1; g <= GROWERS; g++) {
      String number = String.format("G-%04d", g);
      String village = VILLAGES[g % VILLAGES.length];
      if (g > 3) {
        String name = FIRST[g % FIRST.length] + " " + LAST[(g * 5) % LAST.length];
        server
            .supplierAdmin()
            .create(
                admin,
                "demo-grower-supplier-" + g,
                number,
                new PartyAdmin.Input(
                    name + " (cane grower)",
                    village + ", Joypurhat",
                    "+880 17" + String.format("%08d", 20_000_000 + g * 7919),
                    "",
                    "0",
                    "BDT",
                    false,
                    15));
      }
      List<CaneDesk.PlotInput> plots = new ArrayList<>();
      int nPlots = 1 + g % 2;
      for (int p = 1; p <= nPlots; p++) {
        BigDecimal acres = BigDecimal.valueOf(50 + rnd.nextInt(250), 2);
        plots.add(
            new CaneDesk.PlotInput(
                p == 1 ? "Home field" : "River field",
                acres.toPlainString(),
                VARIETIES[(g + p) % VARIETIES.length],
                acres
                    .multiply(BigDecimal.valueOf(25))
                    .setScale(1, RoundingMode.HALF_UP)
                    .toPlainString()));
      }
      desk.createGrower(cane, "demo-grower-" + g, number, number, village, plots);
      if (g % 4 == 0) {
        desk.recordLoan(
            Actor.system(cane.companyId(), "accounts"),
            "demo-loan-" + g,
            number,
            g % 8 == 0 ? "SEED" : "FERTILISER",
            Integer.toString(5_000 + 1_000 * (g % 9)),
            start.minusDays(40 + g % 10),
            "BANK",
            g % 8 == 0 ? "Seed cane, Isd 40" : "Urea and TSP for the ratoon crop");
      }
      out.add(number);
    }
    return out;
  }

  /**
   * A centre's day: its permits (issued two days ahead), one cancelled, one never used; each truck
   * weighed in loaded and out empty, a quarter of an hour apart. Today stops mid-morning with three
   * trucks waiting for their tare.
   */
  static long weighDay(
      CaneDesk desk,
      Actor cane,
      DemoClock clock,
      Random rnd,
      String season,
      List<String> growers,
      LocalDate day,
      String centre,
      int trucks,
      boolean isToday) {
    clock.at(day.minusDays(2), LocalTime.of(11, 0));
    long received = 0;
    List<CaneDesk.PermitInput> input = new ArrayList<>();
    int first = rnd.nextInt(growers.size());
    for (int i = 0; i < trucks + 2; i++) {
      input.add(new CaneDesk.PermitInput(growers.get((first + i) % growers.size()), "80"));
    }
    var permits =
        desk.issuePermits(cane, "demo-permits-" + centre + "-" + day, season, centre, day, input);
    desk.cancelPermit(
        cane, permits.get(trucks).number(), "Grower's cart broke down; a new permit follows");
    // permits.get(trucks + 1) is never used: it expires at midnight.
    int weighed = isToday ? Math.min(trucks, 10) : trucks;
    // Trucks arrive from half past six until six in the evening, each out again within half an
    // hour.
    long spacing = 690 / trucks;
    for (int i = 0; i < weighed; i++) {
      var p = permits.get(i);
      clock.at(day, LocalTime.of(6, 30));
      clock.plus(Duration.ofMinutes(i * spacing + rnd.nextInt((int) spacing / 2 + 1)));
      long tare = 2_600 + rnd.nextInt(120) * 10L;
      long net = 5_000 + rnd.nextInt(400) * 10L;
      boolean manual = rnd.nextInt(40) == 0;
      var ticket =
          desk.weighIn(
              cane,
              "demo-wi-" + p.number(),
              p.number(),
              p.growerNumber(),
              centre,
              "JOYPURHAT-"
                  + (char) ('A' + rnd.nextInt(6))
                  + "-"
                  + (11 + rnd.nextInt(88))
                  + "-"
                  + (1000 + rnd.nextInt(9000)),
              Long.toString(tare + net),
              manual ? "MANUAL" : "SCALE",
              manual ? "Indicator display fogged; read from the printer slip" : "");
      if (isToday && i >= weighed - 3) {
        continue; // still in the yard, waiting to be weighed empty
      }
      if (!"OPEN".equals(ticket.state())) {
        continue;
      }
      clock.plus(Duration.ofMinutes(10 + rnd.nextInt(20)));
      desk.weighOut(cane, ticket.number(), Long.toString(tare), "SCALE", "");
      received += net;
    }
    return received;
  }

  /** The factory's side: BOM, work centres, lab limits, and each day's shifts. */
  static final class Production {
    final MillstoneServer server;
    final ProductionDesk desk;
    final LabBench lab;
    final Actor planner;
    final Actor chemist;
    final DemoClock clock;
    final Random rnd;

    /** Cane in the mill yard, in tonnes (CANE's unit in the demo). */
    BigDecimal yardTonnes = BigDecimal.ZERO;

    /** The machines' readings of each finished shift, through the ingest. */
    final DemoMachineHistory history;

    Production(
        MillstoneServer server,
        MillstoneServer.SeasonDesks desks,
        UUID companyId,
        DemoClock clock,
        Random rnd,
        int stock) {
      this.server = server;
      this.desk = desks.production();
      this.lab = desks.lab();
      this.planner = Actor.system(companyId, "production");
      this.chemist = Actor.system(companyId, "lab");
      this.clock = clock;
      this.rnd = rnd;
      this.history = new DemoMachineHistory(server, companyId);
      server
          .stockLedger()
          .receive(
              Actor.system(companyId, "stores"),
              "demo-mill-house-consumables",
              List.of(
                  new StockLedger.LineInput("LIME", GATE, "", Integer.toString(15000 * stock)),
                  new StockLedger.LineInput("SULPHUR", GATE, "", Integer.toString(5000 * stock))),
              List.of("24", "82"),
              "Lime and sulphur for the season, at the mill house");
      desk.saveBom(
          planner,
          "SUGAR-L30",
          "Plantation white sugar L-30 from 100 t of cane",
          "SUG-L30",
          "100",
          List.of(
              new ProductionDesk.BomInputLine("CANE", "100"),
              new ProductionDesk.BomInputLine("LIME", "180"),
              new ProductionDesk.BomInputLine("SULPHUR", "50")),
          List.of(
              new ProductionDesk.BomOutputLine("SUG-L30", "MAIN", "90", "6.5", "SUGAR"),
              new ProductionDesk.BomOutputLine("MOLASSES", "CO_PRODUCT", "7", "4.5", "MOLASSES"),
              new ProductionDesk.BomOutputLine("BAGASSE", "BY_PRODUCT", "2.5", "30", "BAGASSE"),
              new ProductionDesk.BomOutputLine(
                  "PRESSMUD", "BY_PRODUCT", "0.5", "3.5", "PRESS_MUD")),
          "56",
          true,
          0);
      Object[][] centres = {
        {"MILL", "Mill tandem (5 mills)", List.of("MILL-1"), "PER_TONNE", "850"},
        {"BOILER", "Boiler house", List.of("BOILER-2"), "PER_HOUR", "4200"},
        {"PANS", "Pan station", List.<String>of(), "PER_HOUR", "2600"},
        {"CENTRIF", "Centrifugals", List.of("CENT-3"), "PER_HOUR", "1800"},
        {"BAGGING", "Bagging", List.<String>of(), "PER_HOUR", "900"},
      };
      for (Object[] c : centres) {
        @SuppressWarnings("unchecked")
        List<String> machines = (List<String>) c[2];
        desk.saveWorkCentre(
            planner, (String) c[0], (String) c[1], machines, (String) c[3], (String) c[4], true, 0);
      }
      String[][] limits = {
        {"PRIMARY_JUICE", "brix", "17", "22", "purity", "82", "90"},
        {"MIXED_JUICE", "brix", "14", "18", "purity", "80", "88"},
        {"CLEAR_JUICE", "brix", "14", "18", "purity", "81", "89"},
        {"SYRUP", "brix", "58", "68", "purity", "81", "89"},
        {"MASSECUITE_A", "brix", "90", "94", "purity", "80", "88"},
        {"MASSECUITE_B", "brix", "92", "96", "purity", "66", "74"},
        {"MASSECUITE_C", "brix", "95", "99", "purity", "54", "62"},
        {"FINAL_MOLASSES", "brix", "85", "92", "purity", "28", "38"},
        {"SUGAR", "colour_icumsa", "0", "300", "moisture_percent", "0", "0.08"},
      };
      for (String[] l : limits) {
        lab.saveLimits(
            chemist,
            l[0],
            Map.of(
                l[1], new LabBench.Range(l[2], l[3]),
                l[4], new LabBench.Range(l[5], l[6])));
      }
    }

    /** The day's three shifts on the mill tandem, each crushing what the yard holds by then. */
    void day(LocalDate day, boolean isToday) {
      String[] shifts = {"A", "B", "C"};
      int[] startHour = {6, 14, 22};
      for (int s = 0; s < shifts.length; s++) {
        if (isToday && s > 0) {
          return;
        }
        clock.at(day, LocalTime.of(startHour[s], 0));
        String key = "demo-run-" + day + "-" + shifts[s];
        var run =
            desk.plan(planner, key, "MILL", "SUGAR-L30", day, shifts[s], GATE, "Demo " + shifts[s]);
        String id = run.id().toString();
        if ("PLANNED".equals(run.state())) {
          run = desk.start(planner, id);
        }
        if (!"STARTED".equals(run.state())) {
          continue;
        }
        // A shift crushes its share of what the yard holds (the night shift takes the rest).
        BigDecimal cane =
            s == 2
                ? yardTonnes
                : yardTonnes.divide(BigDecimal.valueOf(3 - s), 3, RoundingMode.DOWN);
        if (isToday) {
          cane = cane.divide(BigDecimal.valueOf(2), 3, RoundingMode.DOWN);
        }
        if (cane.signum() <= 0) {
          continue;
        }
        double recovery = 6.2 + rnd.nextDouble() * 0.8; // % cane
        double molasses = 4.3 + rnd.nextDouble() * 0.5;
        double bagasse = 29 + rnd.nextDouble() * 2.5;
        double pressMud = 3.3 + rnd.nextDouble() * 0.5;
        clock.plus(Duration.ofHours(1));
        line(id, key + "-cane", false, "CANE", cane.toPlainString());
        yardTonnes = yardTonnes.subtract(cane);
        line(id, key + "-lime", false, "LIME", kg(cane, 1.8));
        line(id, key + "-sulphur", false, "SULPHUR", kg(cane, 0.5));
        if (isToday) {
          clock.plus(Duration.ofHours(1));
          samples(id, key, day, startHour[s], 1);
          return; // the morning shift is still crushing
        }
        clock.at(day, LocalTime.of(startHour[s], 0));
        clock.plus(Duration.ofHours(8));
        List<Stop> stops = stops(day, startHour[s]);
        history.shift(day, startHour[s], stops, cane);
        recordStops(id, key, stops);
        samples(id, key, day, startHour[s], 2);
        line(id, key + "-sugar", true, "SUG-L30", tonnes(cane, recovery));
        line(id, key + "-molasses", true, "MOLASSES", tonnes(cane, molasses));
        line(id, key + "-bagasse", true, "BAGASSE", tonnes(cane, bagasse));
        line(id, key + "-pressmud", true, "PRESSMUD", tonnes(cane, pressMud));
        clock.plus(Duration.ofMinutes(10));
        desk.finish(planner, id);
      }
    }

    void line(String run, String key, boolean output, String item, String qty) {
      desk.recordLine(planner, key, run, output, item, qty, "");
    }

    /** A stop of the mill tandem in a shift, before it is recorded on the run. */
    record Stop(Instant from, Instant to, String reason, String note) {}

    /** Stops: a choke now and then, a no-cane wait on some nights, a wash-out every sixth day. */
    List<Stop> stops(LocalDate day, int hour) {
      List<Stop> out = new ArrayList<>();
      Instant shift = day.atTime(hour, 0).atZone(DHAKA).toInstant();
      int r = rnd.nextInt(6);
      if (r < 3) {
        Instant from = shift.plus(Duration.ofMinutes(60 + rnd.nextInt(180)));
        out.add(
            new Stop(
                from,
                from.plus(Duration.ofMinutes(15 + rnd.nextInt(40))),
                r == 0 ? "ELECTRICAL" : "MECHANICAL",
                r == 0 ? "Cane carrier motor tripped" : "Choke at the No. 2 mill, cleared"));
      }
      if (hour == 22 && rnd.nextInt(3) == 0) {
        Instant from = shift.plus(Duration.ofMinutes(300));
        out.add(
            new Stop(
                from,
                from.plus(Duration.ofMinutes(45 + rnd.nextInt(60))),
                "NO_CANE",
                "Yard empty; waiting for the outside centres' trucks"));
      }
      if (hour == 6 && day.getDayOfYear() % 6 == 0) {
        Instant from = shift.plus(Duration.ofMinutes(390));
        out.add(
            new Stop(
                from,
                from.plus(Duration.ofMinutes(60)),
                "CLEANING",
                "Weekly wash-out of the juice heaters"));
      }
      return out;
    }

    /**
     * The run's stops, each tied to the downtime the telemetry saw on MILL-1 at that time, so the
     * stop's reason explains the machine's stopped minutes in OEE.
     */
    void recordStops(String run, String key, List<Stop> stops) {
      List<ProductionDesk.DowntimeView> seen = desk.downtime(planner, run);
      int n = 0;
      for (Stop st : stops) {
        String downtime =
            seen.stream()
                .filter(d -> d.machineCode().equals("MILL-1") && d.startedAt().equals(st.from()))
                .map(d -> d.id().toString())
                .findFirst()
                .orElse("");
        desk.recordStop(
            planner,
            key + "-stop-" + (++n),
            run,
            st.from(),
            st.to(),
            st.reason(),
            st.note(),
            downtime);
      }
    }

    /** The lab's rounds: every stream twice a shift, now and then a value outside its limits. */
    void samples(String run, String key, LocalDate day, int hour, int rounds) {
      List<LabBench.SampleInput> in = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        Instant at =
            day.atTime(hour, 0)
                .atZone(DHAKA)
                .toInstant()
                .plus(Duration.ofMinutes(90 + round * 240));
        for (String stream : STREAMS) {
          in.add(new LabBench.SampleInput(stream, at, run, values(stream), ""));
        }
      }
      lab.record(chemist, key + "-lab", in);
    }

    Map<String, String> values(String stream) {
      double[] bp =
          switch (stream) {
            case "PRIMARY_JUICE" -> new double[] {19.5, 86};
            case "MIXED_JUICE" -> new double[] {16, 84};
            case "CLEAR_JUICE" -> new double[] {16.2, 85};
            case "SYRUP" -> new double[] {63, 85};
            case "MASSECUITE_A" -> new double[] {92, 84};
            case "MASSECUITE_B" -> new double[] {94, 70};
            case "MASSECUITE_C" -> new double[] {97, 58};
            case "FINAL_MOLASSES" -> new double[] {88.5, 33};
            default -> new double[] {99.9, 99.7};
          };
      boolean off = rnd.nextInt(25) == 0;
      double brix = bp[0] + (rnd.nextDouble() - 0.5) * (off ? 9 : 1.5);
      brix = Math.min(brix, 99.95);
      double purity = bp[1] + (rnd.nextDouble() - 0.5) * 3;
      double pol = brix * Math.min(purity, 99.9) / 100;
      Map<String, String> v = new LinkedHashMap<>();
      v.put("brix", scale(brix, 2));
      v.put("pol", scale(pol, 2));
      if (stream.equals("SUGAR")) {
        v.put("colour_icumsa", scale(160 + rnd.nextDouble() * (off ? 300 : 110), 0));
        v.put("moisture_percent", scale(0.03 + rnd.nextDouble() * 0.03, 3));
        v.put("grain_mm", scale(0.7 + rnd.nextDouble() * 0.3, 2));
      }
      return v;
    }

    static String scale(double v, int places) {
      return BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).toPlainString();
    }

    /** Kilograms of a consumable at {@code perTonne} kg per tonne of cane. */
    static String kg(BigDecimal caneTonnes, double perTonne) {
      return caneTonnes
          .multiply(BigDecimal.valueOf(perTonne))
          .setScale(1, RoundingMode.HALF_UP)
          .toPlainString();
    }

    /** Tonnes of an output at {@code percent} % cane. */
    static String tonnes(BigDecimal caneTonnes, double percent) {
      return caneTonnes
          .multiply(BigDecimal.valueOf(percent))
          .divide(BigDecimal.valueOf(100), 3, RoundingMode.HALF_UP)
          .toPlainString();
    }
  }
}
