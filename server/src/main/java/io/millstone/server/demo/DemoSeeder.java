package io.millstone.server.demo;

import io.millstone.server.MillstoneServer;
import io.millstone.server.identity.model.CompanySettings;
import io.millstone.server.masterdata.ItemAdmin;
import io.millstone.server.masterdata.PartyAdmin;
import io.millstone.server.masterdata.WarehouseAdmin;
import io.millstone.server.masterdata.model.Item;
import io.millstone.server.platform.Actor;
import io.millstone.server.telemetry.MachineAdmin;
import io.millstone.server.telemetry.model.Tag;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * Creates, once, the demo sugar mill and its users with generated passwords, written to {@code
 * demo-credentials.properties} in the data directory ({@code user=password} lines).
 */
public final class DemoSeeder {
  public static final String COMPANY_NAME = "Sugar Mill Demo Ltd";
  public static final String CREDENTIALS_FILE = "demo-credentials.properties";

  /** Where the demo's simulated agent keeps its token, credential, buffer and config. */
  public static final String AGENT_DIR = "demo-agent";

  private static final String ALPHABET =
      "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  /** The demo users: username, display name and role. */
  private static final List<String[]> USERS =
      List.of(
          new String[] {"admin", "Demo Administrator", "admin"},
          new String[] {"manager", "Mill Manager", "manager"},
          new String[] {"sales", "Sales Office", "sales"},
          new String[] {"stores", "Stores Keeper", "stores"},
          new String[] {"accounts", "Accounts Office", "accounts"},
          new String[] {"cane", "Cane Office", "cane"},
          new String[] {"production", "Shift Engineer", "production"},
          new String[] {"lab", "Mill Chemist", "lab"});

  private DemoSeeder() {}

  /**
   * Seeds the demo company if this data directory has none; returns user → password. Safe to rerun
   * after a crash: the passwords are written first to a pending file, the company is found again by
   * name, and users are created with idempotency keys.
   */
  public static Map<String, String> seed(MillstoneServer server, Path dataDir) throws IOException {
    Path file = dataDir.resolve(CREDENTIALS_FILE);
    Path pending = dataDir.resolve(CREDENTIALS_FILE + ".pending");
    if (Files.exists(file)) {
      Map<String, String> existing = read(file);
      findCompany(server)
          .ifPresent(
              c -> {
                // Demo data made before trade existed gets its orders on the next start, and
                // before the weighbridge its machine.
                DemoTrade.seed(server, c);
                DemoSeason.seed(server, c);
                seedWeighbridge(server, Actor.system(c, "demo"));
                prepareAgent(server, dataDir, c);
              });
      return existing;
    }
    Map<String, String> credentials;
    if (Files.exists(pending)) {
      credentials = read(pending);
    } else {
      credentials = new LinkedHashMap<>();
      SecureRandom random = new SecureRandom();
      for (String[] u : USERS) {
        credentials.put(u[0], randomPassword(random));
      }
      write(pending, credentials, null);
    }
    UUID companyId = findCompany(server).orElse(null);
    if (companyId == null) {
      companyId = server.companyAdmin().create(CompanySettings.defaults(COMPANY_NAME), "demo").id();
    }
    // A tax invoice (Mushak 6.3) names the seller's BIN and address: the demo mill has both
    // (also a demo company found without them).
    var company = server.companyAdmin().get(Actor.system(companyId, "demo"));
    if (company.details() == null
        || company.details().bin() == null
        || company.details().bin().isBlank()) {
      server
          .companyAdmin()
          .update(
              Actor.system(companyId, "demo"),
              company.settings(),
              company.formats(),
              new io.millstone.server.identity.model.CompanyDetails(
                  "0000123456789", "Mill Road, Darsana, Chuadanga 7220", null),
              company.version());
    }
    Actor actor = Actor.system(companyId, "demo");
    for (String[] u : USERS) {
      server
          .userAdmin()
          .create(actor, "demo-user-" + u[0], u[0], u[1], credentials.get(u[0]), List.of(u[2]));
    }
    seedMasterData(server, actor);
    seedMachines(server, actor);
    DemoTrade.seed(server, companyId);
    DemoSeason.seed(server, companyId);
    write(file, credentials, companyId);
    prepareAgent(server, dataDir, companyId);
    Files.deleteIfExists(pending);
    return credentials;
  }

  /**
   * The demo's master data, machines, trade and a crushing season of {@code seasonDays} days
   * (ending today) in an existing company with no demo data yet: the report benchmark's season
   * documents, with {@code gateTrucks} lorries a day at the mill gate and {@code outsideTrucks} at
   * each outside centre (the demo has 24 and 6). No users, no agent.
   */
  public static void seedSeason(
      MillstoneServer server, UUID companyId, int seasonDays, int gateTrucks, int outsideTrucks) {
    Actor actor = Actor.system(companyId, "demo");
    seedMasterData(server, actor);
    seedMachines(server, actor);
    DemoTrade.seed(server, companyId);
    DemoSeason.seed(server, companyId, seasonDays, gateTrucks, outsideTrucks);
  }

  /**
   * What a sugar mill's office works with: sugar grades, by-products, cane and consumables; buyers,
   * cane growers and suppliers; the godowns. Idempotent keys make reruns harmless.
   */
  static void seedMasterData(MillstoneServer server, Actor actor) {
    Object[][] items = {
      {
        "SUG-L30",
        "Sugar L-30 (large grain)",
        "t",
        Item.Kind.FINISHED_GOOD,
        "135000",
        Item.TaxCategory.STANDARD
      },
      {
        "SUG-M30",
        "Sugar M-30 (medium grain)",
        "t",
        Item.Kind.FINISHED_GOOD,
        "132000",
        Item.TaxCategory.STANDARD
      },
      {
        "SUG-S30",
        "Sugar S-30 (small grain)",
        "t",
        Item.Kind.FINISHED_GOOD,
        "128000",
        Item.TaxCategory.STANDARD
      },
      {
        "SUG-BAG50",
        "Sugar L-30, 50 kg bag",
        "bag",
        Item.Kind.FINISHED_GOOD,
        "6900",
        Item.TaxCategory.STANDARD
      },
      {"MOLASSES", "Molasses", "t", Item.Kind.BY_PRODUCT, "14500", Item.TaxCategory.STANDARD},
      {
        "BAGASSE",
        "Bagasse (surplus fuel)",
        "t",
        Item.Kind.BY_PRODUCT,
        "1800",
        Item.TaxCategory.STANDARD
      },
      {
        "PRESSMUD",
        "Press mud (filter cake)",
        "t",
        Item.Kind.BY_PRODUCT,
        "600",
        Item.TaxCategory.EXEMPT
      },
      {"CANE", "Sugar cane", "t", Item.Kind.RAW_MATERIAL, "0", Item.TaxCategory.EXEMPT},
      {"LIME", "Quick lime", "kg", Item.Kind.CONSUMABLE, "0", Item.TaxCategory.STANDARD},
      {"SULPHUR", "Sulphur", "kg", Item.Kind.CONSUMABLE, "0", Item.TaxCategory.STANDARD},
      {"JUTE-BAG", "Jute bag, 50 kg", "pc", Item.Kind.CONSUMABLE, "0", Item.TaxCategory.STANDARD},
      {
        "SVC-TRANSPORT",
        "Transport to buyer",
        "pc",
        Item.Kind.SERVICE,
        "2500",
        Item.TaxCategory.STANDARD
      },
    };
    for (Object[] i : items) {
      server
          .itemAdmin()
          .create(
              actor,
              "demo-item-" + i[0],
              (String) i[0],
              new ItemAdmin.Input(
                  (String) i[1],
                  (String) i[2],
                  (Item.Kind) i[3],
                  (String) i[4],
                  "",
                  (Item.TaxCategory) i[5]));
    }
    String[][] customers = {
      {
        "C-DHK-001",
        "Dhaka Sweets & Bakery Ltd",
        "Tejgaon I/A, Dhaka",
        "+880 2 887 1234",
        "0001234567891",
        "2500000",
        "30"
      },
      {
        "C-CTG-002",
        "Chattogram Distillers Ltd",
        "Kalurghat, Chattogram",
        "+880 31 256 789",
        "0002345678912",
        "5000000",
        "45"
      },
      {
        "C-RAJ-003",
        "Rajshahi Wholesale Traders",
        "Shaheb Bazar, Rajshahi",
        "+880 721 775 512",
        "0003456789123",
        "1500000",
        "15"
      },
      {
        "C-KHL-004",
        "Khulna Food Products",
        "Khalishpur, Khulna",
        "+880 41 762 300",
        "",
        "800000",
        "30"
      },
      {
        "C-BOG-005",
        "Bogura Confectionery",
        "Sutrapur, Bogura",
        "+880 51 660 451",
        "0004567891234",
        "600000",
        "7"
      },
    };
    String[][] suppliers = {
      {
        "G-0001",
        "Abdul Karim (cane grower)",
        "Akkelpur, Joypurhat",
        "+880 1711 223344",
        "",
        "0",
        "7"
      },
      {
        "G-0002",
        "Rahima Begum (cane grower)",
        "Panchbibi, Joypurhat",
        "+880 1812 556677",
        "",
        "0",
        "7"
      },
      {
        "G-0003",
        "Mofizul Islam (cane grower)",
        "Kalai, Joypurhat",
        "+880 1913 889900",
        "",
        "0",
        "7"
      },
      {
        "S-LIME-01",
        "Joypurhat Lime Works",
        "BSCIC, Joypurhat",
        "+880 571 62 145",
        "0005678912345",
        "0",
        "30"
      },
      {
        "S-CHEM-02",
        "Padma Chemicals (sulphur)",
        "Tongi, Gazipur",
        "+880 2 981 2200",
        "0006789123456",
        "0",
        "30"
      },
    };
    for (String[] c : customers) {
      server.customerAdmin().create(actor, "demo-customer-" + c[0], c[0], party(c));
    }
    for (String[] c : suppliers) {
      server.supplierAdmin().create(actor, "demo-supplier-" + c[0], c[0], party(c));
    }
    Object[][] warehouses = {
      {"MAIN", "Main sugar godown", new String[] {"BAY-A", "BAY-B", "BAY-C"}},
      {"MOL-TANKS", "Molasses tank farm", new String[] {"TANK-1", "TANK-2"}},
      {"CANE-YARD", "Cane yard and weighbridge", new String[] {"YARD"}},
      {"STORES", "General stores", new String[] {"RACK-1", "RACK-2"}},
    };
    for (Object[] w : warehouses) {
      List<WarehouseAdmin.LocationInput> locations = new java.util.ArrayList<>();
      for (String l : (String[]) w[2]) {
        locations.add(new WarehouseAdmin.LocationInput(l, l.replace('-', ' '), true));
      }
      server
          .warehouseAdmin()
          .create(
              actor,
              "demo-warehouse-" + w[0],
              (String) w[0],
              (String) w[1],
              "Mill premises",
              locations);
    }
  }

  /** The mill's floor as the simulated agent reports it (see the simulator's signals). */
  static void seedMachines(MillstoneServer server, Actor actor) {
    Object[][] machines = {
      {"MILL-1", "Mill tandem 1", "Mill house"},
      {"JUICE", "Juice weighing and clarification", "Process house"},
      {"BOILER-2", "Boiler 2", "Boiler house"},
      {"CENT-3", "Centrifugal 3", "Pan and centrifugal station"},
    };
    java.util.Map<String, String> ids = new java.util.HashMap<>();
    for (Object[] m : machines) {
      ids.put(
          (String) m[0],
          server
              .machineAdmin()
              .create(actor, "demo-machine-" + m[0], (String) m[0], (String) m[1], (String) m[2])
              .machine()
              .id()
              .toString());
    }
    // machine, key, name, unit, type, alarm low, alarm high, hysteresis, run state
    Object[][] tags = {
      {
        "MILL-1", "mill1.running", "Mill running", "", Tag.ValueType.BOOLEAN, null, null, null, true
      },
      {
        "MILL-1",
        "mill1.speed",
        "Mill speed",
        "rpm",
        Tag.ValueType.NUMBER,
        null,
        "5.6",
        "0.1",
        false
      },
      {
        "MILL-1",
        "mill1.cane_feed",
        "Cane feed",
        "t/h",
        Tag.ValueType.NUMBER,
        null,
        "142",
        "2",
        false
      },
      {
        "JUICE",
        "juice.flow",
        "Mixed juice flow",
        "m³/h",
        Tag.ValueType.NUMBER,
        null,
        null,
        null,
        false
      },
      {
        "JUICE",
        "juice.brix",
        "Mixed juice brix",
        "%",
        Tag.ValueType.NUMBER,
        "12",
        null,
        "0.3",
        false
      },
      {
        "BOILER-2",
        "boiler2.pressure",
        "Drum pressure",
        "bar",
        Tag.ValueType.NUMBER,
        "29.5",
        "34",
        "0.5",
        false
      },
      {
        "BOILER-2",
        "boiler2.steam_temp",
        "Steam temperature",
        "°C",
        Tag.ValueType.NUMBER,
        null,
        "400",
        "3",
        false
      },
      {
        "CENT-3",
        "cent3.running",
        "Centrifugal running",
        "",
        Tag.ValueType.BOOLEAN,
        null,
        null,
        null,
        true
      },
      {"CENT-3", "cent3.cycles", "Cycles", "", Tag.ValueType.COUNTER, null, null, null, false},
    };
    for (Object[] t : tags) {
      server
          .machineAdmin()
          .defineTag(
              actor,
              new MachineAdmin.TagInput(
                  ids.get((String) t[0]),
                  (String) t[1],
                  (String) t[2],
                  (String) t[3],
                  (Tag.ValueType) t[4],
                  null,
                  null,
                  (String) t[5],
                  (String) t[6],
                  (String) t[7],
                  (Boolean) t[8]));
    }
    seedWeighbridge(server, actor);
  }

  /**
   * The mill gate's weighbridge, which the simulated agent reads too (its weighbridge signals).
   * Made once, by the machine's idempotency key; its tags only while it has none.
   */
  static void seedWeighbridge(MillstoneServer server, Actor actor) {
    var bridge =
        server
            .machineAdmin()
            .create(actor, "demo-machine-WB-GATE", "WB-GATE", "Mill gate weighbridge", "Cane yard");
    if (!bridge.tags().isEmpty()) {
      return;
    }
    String id = bridge.machine().id().toString();
    for (Object[] t :
        new Object[][] {
          {"wb_gate.weight", "Weight on the bridge", "kg", Tag.ValueType.NUMBER},
          {"wb_gate.stable", "Weight stable", "", Tag.ValueType.BOOLEAN},
        }) {
      server
          .machineAdmin()
          .defineTag(
              actor,
              new MachineAdmin.TagInput(
                  id,
                  (String) t[0],
                  (String) t[1],
                  (String) t[2],
                  (Tag.ValueType) t[3],
                  null,
                  null,
                  null,
                  null,
                  null,
                  false));
    }
  }

  /**
   * Leaves a one-time enrolment token for the demo's simulated agent in {@code demo-agent/}, unless
   * that agent is enrolled already (its credential file is there).
   */
  static void prepareAgent(MillstoneServer server, Path dataDir, UUID companyId) {
    Path dir = dataDir.resolve(AGENT_DIR);
    writeAgentConfig(dir, server.grpcServerPort());
    if (Files.exists(dir.resolve("credential.properties"))) {
      return;
    }
    var created =
        server
            .deviceAdmin()
            .create(Actor.system(companyId, "demo"), "demo-device-floor-pc", "demo-floor-pc");
    if (created.device().state()
        != io.millstone.server.telemetry.model.Device.State.ENROLLMENT_PENDING) {
      return;
    }
    try {
      Files.createDirectories(dir);
      Path token = dir.resolve("enrollment.token");
      Files.deleteIfExists(token);
      Files.createFile(
          token,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(token, created.enrollmentToken() + "\n");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The demo agent reads the simulator and maps its signals to the demo machines' tags. */
  static void writeAgentConfig(Path dir, int port) {
    String yaml =
        "# Written by millstone-server run --demo for the demo's simulated floor PC.\n"
            + "server: 127.0.0.1:"
            + port
            + "\ncredentials: credential.properties\n"
            + "buffer:\n  path: buffer.db\n"
            + "status_file: status.properties\n"
            + "uplink:\n  batch_size: 1000\n"
            + "sources:\n"
            + "  - type: simulator\n"
            + "    name: demo-mill\n"
            + "    interval: 1s\n"
            + "    seed: 42\n"
            + "    tags:\n"
            + "      mill_running: mill1.running\n"
            + "      mill_speed: mill1.speed\n"
            + "      cane_feed: mill1.cane_feed\n"
            + "      juice_flow: juice.flow\n"
            + "      juice_brix: juice.brix\n"
            + "      boiler_pressure: boiler2.pressure\n"
            + "      steam_temp: boiler2.steam_temp\n"
            + "      centrifugal_running: cent3.running\n"
            + "      centrifugal_cycles: cent3.cycles\n"
            + "      weighbridge_weight: wb_gate.weight\n"
            + "      weighbridge_stable: wb_gate.stable\n";
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("agent.yaml"), yaml);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static PartyAdmin.Input party(String[] c) {
    return new PartyAdmin.Input(c[1], c[2], c[3], c[4], c[5], "", Integer.parseInt(c[6]));
  }

  private static Optional<UUID> findCompany(MillstoneServer server) {
    try (Connection c = server.platform().database().ownerDataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id FROM company WHERE name = ? ORDER BY created_at LIMIT 1")) {
      ps.setString(1, COMPANY_NAME);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot look for the demo company: " + e.getMessage(), e);
    }
  }

  private static Map<String, String> read(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String[] u : USERS) {
      if (p.getProperty(u[0]) != null) {
        out.put(u[0], p.getProperty(u[0]));
      }
    }
    return out;
  }

  private static void write(Path file, Map<String, String> credentials, UUID company)
      throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(
        tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      w.write(
          "# Demo users of "
              + COMPANY_NAME
              + (company == null ? "" : " (company " + company + ")")
              + "\n");
      for (Map.Entry<String, String> e : credentials.entrySet()) {
        w.write(e.getKey() + "=" + e.getValue() + "\n");
      }
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static String randomPassword(SecureRandom random) {
    StringBuilder sb = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
