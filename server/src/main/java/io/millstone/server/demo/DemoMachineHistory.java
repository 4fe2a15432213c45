package io.millstone.server.demo;

import io.millstone.server.MillstoneServer;
import io.millstone.server.platform.Actor;
import io.millstone.server.telemetry.MachineAdmin;
import io.millstone.server.telemetry.ReadingIngest;
import io.millstone.server.telemetry.model.Tag;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The demo season's machine history, streamed through the same ingest as the edge agent's readings
 * (so the OEE rollups, downtime and alarms are derived exactly as on a live floor) by a device of
 * its own, "demo-history", so the live agent's sequence numbers are untouched. Each finished shift:
 * MILL-1 runs except during the run's stops and its cane counter counts the shift's crushed cane;
 * BOILER-2 raises steam and now and then trips for a few minutes (nobody has said why yet); CENT-3
 * counts its cycles and the ones sent back for a rewash.
 */
final class DemoMachineHistory {
  static final Duration STEP = Duration.ofMinutes(5);

  private final MillstoneServer server;
  private final Actor admin;
  private final Actor device;
  private final UUID deviceId;
  private long seq;
  private long millCane;
  private long boilerSteam;
  private long centCycles;
  private long centRewash;

  /** The best shift's crushing rate seen, t/h, for the tandem's rated speed. */
  private double bestMillRate;

  DemoMachineHistory(MillstoneServer server, UUID companyId) {
    this.server = server;
    this.admin = Actor.system(companyId, "admin");
    MachineAdmin machines = server.machineAdmin();
    String mill = machine("MILL-1", "Mill tandem 1", "Mill house");
    String boiler = machine("BOILER-2", "Boiler 2", "Boiler house");
    String cent = machine("CENT-3", "Centrifugal 3", "Pan and centrifugal station");
    counter(machines, mill, "mill1.cane_t", "Cane crushed", "t");
    counter(machines, boiler, "boiler2.steam_t", "Steam raised", "t");
    counter(machines, cent, "cent3.rewash", "Cycles sent back for rewash", "");
    machines.defineTag(
        admin,
        new MachineAdmin.TagInput(
            boiler,
            "boiler2.running",
            "Boiler firing",
            "",
            Tag.ValueType.BOOLEAN,
            null,
            null,
            null,
            null,
            null,
            true));
    // Provisional rates; the mill's is set from its best shift at the end (rateTheMachines).
    server.oeeDesk().setMachine(admin, "MILL-1", "150", "t", "mill1.cane_t", "");
    server.oeeDesk().setMachine(admin, "BOILER-2", "45", "t", "boiler2.steam_t", "");
    server.oeeDesk().setMachine(admin, "CENT-3", "24", "cycles", "cent3.cycles", "cent3.rewash");
    var created = server.deviceAdmin().create(admin, "demo-device-history", "demo-history");
    var enrolled =
        server.deviceAdmin().enroll(created.enrollmentToken(), "demo", "demo", "demo-history");
    this.deviceId = enrolled.deviceId();
    this.device = Actor.system(companyId, "device:demo-history");
  }

  private String machine(String code, String name, String area) {
    return server
        .machineAdmin()
        .create(admin, "demo-machine-" + code, code, name, area)
        .machine()
        .id()
        .toString();
  }

  private void counter(
      MachineAdmin machines, String machine, String key, String name, String unit) {
    machines.defineTag(
        admin,
        new MachineAdmin.TagInput(
            machine, key, name, unit, Tag.ValueType.COUNTER, null, null, null, null, null, false));
  }

  /** Streams one finished shift of the three machines. */
  void shift(LocalDate day, int hour, List<DemoSeason.Production.Stop> stops, BigDecimal cane) {
    Instant start = day.atTime(hour, 0).atZone(DemoSeason.DHAKA).toInstant();
    Instant end = start.plus(Duration.ofHours(8));
    // Its own seed per shift: the season's other random figures stay as they were.
    Random rnd = new Random(day.toEpochDay() * 31 + hour);
    long millRunMs = 0;
    for (Instant t = start; t.isBefore(end); t = t.plus(STEP)) {
      millRunMs += runningMs(stops, t, t.plus(STEP));
    }
    if (millRunMs > 0) {
      bestMillRate = Math.max(bestMillRate, cane.doubleValue() / (millRunMs / 3_600_000.0));
    }
    Instant tripFrom =
        rnd.nextInt(3) == 0 ? start.plus(Duration.ofMinutes(30 + rnd.nextInt(400))) : null;
    Instant tripTo =
        tripFrom == null ? null : tripFrom.plus(Duration.ofMinutes(5 + rnd.nextInt(15)));
    List<ReadingIngest.Incoming> batch = new ArrayList<>();
    read(batch, start, "mill1.running", "true");
    read(batch, start, "boiler2.running", "true");
    read(batch, start, "cent3.running", "true");
    for (DemoSeason.Production.Stop st : stops) {
      read(batch, st.from(), "mill1.running", "false");
      read(batch, st.to(), "mill1.running", "true");
    }
    if (tripFrom != null) {
      read(batch, tripFrom, "boiler2.running", "false");
      read(batch, tripTo, "boiler2.running", "true");
    }
    long crushedMs = 0;
    long baseCane = millCane;
    long caneTonnes = cane.setScale(0, RoundingMode.HALF_UP).longValue();
    for (Instant t = start; !t.isAfter(end); t = t.plus(STEP)) {
      if (t.isAfter(start)) {
        crushedMs += runningMs(stops, t.minus(STEP), t);
        millCane = baseCane + (millRunMs == 0 ? 0 : caneTonnes * crushedMs / millRunMs);
        boolean boilerUp = tripFrom == null || t.isBefore(tripFrom) || !t.isBefore(tripTo);
        boilerSteam += boilerUp ? 3 : 0; // ~36 t/h while firing
        centCycles += 2; // 24 cycles an hour at its best; 2 a 5 minutes
        if (rnd.nextInt(40) == 0) {
          centRewash++;
        }
      }
      read(batch, t, "mill1.cane_t", Long.toString(millCane));
      read(batch, t, "boiler2.steam_t", Long.toString(boilerSteam));
      read(batch, t, "cent3.cycles", Long.toString(centCycles));
      read(batch, t, "cent3.rewash", Long.toString(centRewash));
    }
    batch.sort(java.util.Comparator.comparing(ReadingIngest.Incoming::sourceTime));
    List<ReadingIngest.Incoming> numbered = new ArrayList<>(batch.size());
    for (ReadingIngest.Incoming r : batch) {
      numbered.add(new ReadingIngest.Incoming(++seq, r.tagKey(), r.sourceTime(), r.value(), 1));
    }
    server.readingIngest().ingest(device, deviceId, numbered);
  }

  private static long runningMs(List<DemoSeason.Production.Stop> stops, Instant a, Instant b) {
    long ms = Duration.between(a, b).toMillis();
    for (DemoSeason.Production.Stop st : stops) {
      Instant from = st.from().isAfter(a) ? st.from() : a;
      Instant to = st.to().isBefore(b) ? st.to() : b;
      if (to.isAfter(from)) {
        ms -= Duration.between(from, to).toMillis();
      }
    }
    return ms;
  }

  private static void read(List<ReadingIngest.Incoming> batch, Instant t, String tag, String v) {
    batch.add(new ReadingIngest.Incoming(0, tag, t, v, 1));
  }

  /** The tandem's rated speed: a little above its best shift, so its best shift runs near 95 %. */
  void rateTheMachines() {
    if (bestMillRate > 0) {
      String rate =
          BigDecimal.valueOf(bestMillRate / 0.95).setScale(0, RoundingMode.UP).toPlainString();
      server.oeeDesk().setMachine(admin, "MILL-1", rate, "t", "mill1.cane_t", "");
    }
  }
}
