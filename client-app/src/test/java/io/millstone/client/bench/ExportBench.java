package io.millstone.client.bench;

import io.grpc.InsecureServerCredentials;
import io.millstone.api.inventory.v1.Move;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.core.list.ExportFormat;
import io.millstone.client.core.list.ListViewModel;
import io.millstone.client.core.list.Page;
import io.millstone.client.inventory.StockScreens;
import io.millstone.client.remote.CertificatePins;
import io.millstone.client.remote.ChannelFactory;
import io.millstone.client.remote.ServerAddress;
import io.millstone.client.remote.Session;
import io.millstone.client.remote.SignIn;
import io.millstone.client.remote.Stock;
import io.millstone.server.MillstoneServer;
import io.millstone.server.cli.NettyTransport;
import io.millstone.server.cli.ServerCli;
import io.millstone.server.identity.model.CompanySettings;
import io.millstone.server.inventory.MoveExport;
import io.millstone.server.masterdata.ItemAdmin;
import io.millstone.server.masterdata.WarehouseAdmin;
import io.millstone.server.masterdata.model.Item;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.DatabaseSettings;
import io.millstone.server.platform.MillstoneConfig;
import io.millstone.server.platform.Platform;
import io.millstone.server.platform.ReportConnection;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;

/**
 * {@code scripts/bench export}: {@value #ROWS} stock moves (generated in SQL in a bench company)
 * exported to .xlsx and to CSV through the real path — the server in a JVM of its own (-Xmx256m)
 * streaming ExportMoves over gRPC, the client's list export ({@link ListViewModel#export} with the
 * stock-moves columns and the streamed source) writing the file — timing each and sampling the peak
 * heap of both JVMs (the server's with jstat, the client's from this JVM's memory bean). The
 * ceiling: a bare JDBC {@code COPY (the export's query) TO STDOUT} of the same rows in the same
 * company under row-level security.
 */
public final class ExportBench {
  static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
  static final String PASSWORD = "bench password 123";

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("millstone-export-bench-");
    MillstoneConfig config =
        MillstoneConfig.builder()
            .dataDir(dir)
            .port(0)
            .metricsPort(0)
            .userCallsPerSecond(10_000_000)
            .addressCallsPerSecond(10_000_000)
            .build();
    Platform platform = Platform.start(config, MillstoneServer.entities(), null);
    Process serverProcess = null;
    try {
      DatabaseSettings db = platform.database().settings();
      // The company, its user, items and godown, made in this JVM; then its server goes away.
      MillstoneServer setup =
          new MillstoneServer(
              NettyTransport.builder(config, InsecureServerCredentials.create()),
              platform,
              new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
      UUID company;
      try {
        var c = setup.companyAdmin().create(CompanySettings.defaults("Export Bench Mill"), "bench");
        company = c.id();
        Actor actor = Actor.system(company, "bench");
        setup.userAdmin().create(actor, null, "stores", "Stores", PASSWORD, List.of("stores"));
        for (int i = 1; i <= 20; i++) {
          setup
              .itemAdmin()
              .create(
                  actor,
                  null,
                  String.format("ITEM-%02d", i),
                  new ItemAdmin.Input(
                      "Bench item " + i,
                      "t",
                      Item.Kind.RAW_MATERIAL,
                      "0",
                      "",
                      Item.TaxCategory.STANDARD));
        }
        for (String wh : List.of("MAIN", "STORES", "YARD")) {
          setup
              .warehouseAdmin()
              .create(
                  actor,
                  null,
                  wh,
                  wh + " godown",
                  "",
                  List.of(new WarehouseAdmin.LocationInput("A", "A", true)));
        }
      } finally {
        setup.stop();
      }
      long s0 = System.nanoTime();
      seed(db, company);
      System.out.printf(
          "export bench: %,d stock moves generated in SQL in %.1f s%n",
          ROWS, (System.nanoTime() - s0) / 1e9);

      int port = freePort();
      serverProcess = startServer(platform, db, dir.resolve("server"), port);
      HeapSampler serverHeap = new HeapSampler(serverProcess.pid());
      awaitServing(port, serverProcess);
      serverHeap.start();

      Session session =
          new SignIn(new ChannelFactory(new CertificatePins(dir.resolve("pins")), (s, f) -> false))
              .signIn(
                  new ServerAddress("127.0.0.1", port, false), "stores", PASSWORD.toCharArray());
      Stock stock = new Stock(session);
      Messages messages = new Messages(Messages.ENGLISH);
      ListViewModel<Move> vm =
          new ListViewModel<>(
              "stock-moves",
              (q, token, size) -> new Page<>(List.of(), "", 0),
              null,
              StockScreens.moveColumns(messages),
              new SameThread(),
              messages,
              (t, x) -> System.out.println("export bench: " + t + ": " + x));
      vm.setExportStream((q, total, rows) -> stock.exportMoves("", "", total, rows));

      ClientHeap clientHeap = new ClientHeap();
      clientHeap.start();
      // A first small run warms both JVMs' code the way any second export by a clerk would.
      double warm = time(vm, dir.resolve("warm.csv"), ExportFormat.CSV);
      System.out.printf("export bench: first (warming) CSV export in %.1f s%n", warm);
      serverHeap.reset();
      clientHeap.reset();
      double xlsx = time(vm, dir.resolve("moves.xlsx"), ExportFormat.XLSX);
      double csv = time(vm, dir.resolve("moves.csv"), ExportFormat.CSV);
      long serverPeak = serverHeap.stop();
      long clientPeak = clientHeap.stop();
      System.out.printf(
          "export bench: .xlsx %.1f MB in %.1f s, CSV %.1f MB in %.1f s%n",
          Files.size(dir.resolve("moves.xlsx")) / 1e6,
          xlsx,
          Files.size(dir.resolve("moves.csv")) / 1e6,
          csv);
      double copy = copy(db, company);
      session.close();
      System.out.printf(
          "export rows=%d xlsx_s=%.1f csv_s=%.1f copy_s=%.1f xlsx_ratio=%.1f server_heap_mb=%d"
              + " client_heap_mb=%d%n",
          ROWS, xlsx, csv, copy, xlsx / copy, serverPeak >> 20, clientPeak >> 20);
    } finally {
      if (serverProcess != null) {
        serverProcess.destroy();
        serverProcess.waitFor(30, TimeUnit.SECONDS);
      }
      platform.close();
    }
    System.exit(0);
  }

  static double time(ListViewModel<Move> vm, Path file, ExportFormat format) throws Exception {
    System.gc();
    long t0 = System.nanoTime();
    vm.export(file, format, null);
    if (!Files.exists(file) || !vm.messageProperty().get().isEmpty()) {
      throw new IllegalStateException("export failed: " + vm.messageProperty().get());
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /** ROWS moves over 20 items and 3 godowns, one a second of the past, in one INSERT … SELECT. */
  static void seed(DatabaseSettings db, UUID company) throws Exception {
    try (Connection c =
        DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword())) {
      c.setAutoCommit(false);
      UUID movement = UUID.randomUUID();
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO stock_movement (id, company_id, kind, reference, posted_at, posted_by)"
                  + " VALUES (?, ?, 'RECEIPT', 'bench', now(), 'bench')")) {
        ps.setObject(1, movement);
        ps.setObject(2, company);
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO stock_move (id, company_id, movement_id, item_id, warehouse_id, lot,"
                  + " quantity, unit_cost, value, kind, reference, posted_at, posted_by)"
                  + " SELECT gen_random_uuid(), ?, ?, i.id[1 + g % 20], w.id[1 + g % 3],"
                  + " CASE WHEN g % 5 = 0 THEN 'LOT-' || (g % 97) ELSE '' END,"
                  + " CASE WHEN g % 4 = 0 THEN -(1 + g % 50) ELSE 1 + g % 50 END, 123.4567,"
                  + " round((1 + g % 50) * 123.4567, 4),"
                  + " CASE WHEN g % 4 = 0 THEN 'ISSUE' ELSE 'RECEIPT' END, 'GRN-' || g,"
                  + " now() - (? - g) * interval '1 second', 'stores'"
                  + " FROM generate_series(1, ?) g,"
                  + " (SELECT array_agg(id ORDER BY code) id FROM item WHERE company_id = ?) i,"
                  + " (SELECT array_agg(id ORDER BY code) id FROM warehouse WHERE company_id = ?) w")) {
        ps.setObject(1, company);
        ps.setObject(2, movement);
        ps.setInt(3, ROWS);
        ps.setInt(4, ROWS);
        ps.setObject(5, company);
        ps.setObject(6, company);
        ps.executeUpdate();
      }
      c.commit();
      c.setAutoCommit(true);
      try (Statement st = c.createStatement()) {
        st.execute("VACUUM ANALYZE stock_move");
      }
    }
  }

  /** The ceiling: COPY of the export's query, as the runtime role in the company (RLS on). */
  static double copy(DatabaseSettings db, UUID company) throws Exception {
    try (Connection c =
        DriverManager.getConnection(db.jdbcUrl(), db.runtimeUser(), db.runtimePassword())) {
      c.setAutoCommit(false);
      ReportConnection.enterCompany(c, company, null, "600000ms");
      String sql = MoveExport.SELECT.replace("?", "''");
      AtomicLong bytes = new AtomicLong();
      OutputStream sink =
          new OutputStream() {
            @Override
            public void write(int b) {
              bytes.incrementAndGet();
            }

            @Override
            public void write(byte[] b, int off, int len) {
              bytes.addAndGet(len);
            }
          };
      long t0 = System.nanoTime();
      long rows =
          c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + sql + ") TO STDOUT", sink);
      double s = (System.nanoTime() - t0) / 1e9;
      c.commit();
      System.out.printf(
          "export bench: COPY TO STDOUT %,d rows, %.1f MB in %.1f s%n", rows, bytes.get() / 1e6, s);
      if (rows != ROWS) {
        throw new IllegalStateException("COPY saw " + rows + " rows");
      }
      return s;
    }
  }

  static Process startServer(Platform platform, DatabaseSettings db, Path dataDir, int port)
      throws Exception {
    Files.createDirectories(dataDir);
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(ServerCli.class.getName());
    cmd.add("run");
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().keySet().removeIf(k -> k.startsWith("MILLSTONE_"));
    pb.environment().put("MILLSTONE_DATA_DIR", dataDir.toString());
    pb.environment().put("MILLSTONE_PORT", String.valueOf(port));
    pb.environment().put("MILLSTONE_METRICS_PORT", String.valueOf(freePort()));
    pb.environment().put("MILLSTONE_DB_URL", db.jdbcUrl());
    pb.environment().put("MILLSTONE_DB_USER", db.runtimeUser());
    pb.environment().put("MILLSTONE_DB_PASSWORD", db.runtimePassword());
    pb.environment().put("MILLSTONE_DB_OWNER_USER", db.ownerUser());
    pb.environment().put("MILLSTONE_DB_OWNER_PASSWORD", db.ownerPassword());
    pb.environment().put("MILLSTONE_REDIS_URL", platform.redisUrl());
    pb.environment().put("MILLSTONE_RATE_USER_PER_SECOND", "1000000");
    pb.environment().put("MILLSTONE_RATE_ADDRESS_PER_SECOND", "1000000");
    pb.redirectErrorStream(true);
    pb.redirectOutput(dataDir.resolve("server.log").toFile());
    System.out.println("export bench: server log in " + dataDir.resolve("server.log"));
    return pb.start();
  }

  static void awaitServing(int port, Process p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException("server process ended: " + p.exitValue());
      }
      try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
        return;
      } catch (java.io.IOException notYet) {
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException("server not listening after 5 minutes");
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Runs work in the calling thread (the bench waits for the export anyway). */
  static final class SameThread implements UiTaskExecutor {
    @Override
    public <T> Handle submit(
        java.util.concurrent.Callable<T> work,
        java.util.function.Consumer<T> ok,
        java.util.function.Consumer<Throwable> fail) {
      return submitWithProgress(p -> work.call(), null, ok, fail);
    }

    @Override
    public <T> Handle submitWithProgress(
        ProgressWork<T> work,
        java.util.function.Consumer<Double> onProgress,
        java.util.function.Consumer<T> ok,
        java.util.function.Consumer<Throwable> fail) {
      T r;
      try {
        r =
            work.call(
                new Progress() {
                  @Override
                  public void update(long done, long total) {}

                  @Override
                  public boolean isCancelled() {
                    return false;
                  }
                });
      } catch (Exception e) {
        e.printStackTrace();
        fail.accept(e);
        return () -> {};
      }
      ok.accept(r);
      return () -> {};
    }

    @Override
    public void runOnUiThread(Runnable r) {
      r.run();
    }
  }

  /** The server JVM's heap in use (eden, survivors, old), sampled by jstat every 100 ms. */
  static final class HeapSampler {
    private final long pid;
    private Process jstat;
    private final AtomicLong peak = new AtomicLong();
    private Thread reader;

    HeapSampler(long pid) {
      this.pid = pid;
    }

    void start() throws Exception {
      String exe = Path.of(System.getProperty("java.home"), "bin", "jstat").toString();
      jstat =
          new ProcessBuilder(exe, "-gc", Long.toString(pid), "100")
              .redirectErrorStream(true)
              .start();
      reader =
          Thread.ofPlatform()
              .daemon()
              .start(
                  () -> {
                    try (BufferedReader r =
                        new BufferedReader(
                            new InputStreamReader(
                                jstat.getInputStream(), StandardCharsets.UTF_8))) {
                      String line;
                      List<String> header = null;
                      while ((line = r.readLine()) != null) {
                        List<String> f = List.of(line.trim().split("\\s+"));
                        if (f.contains("EU")) {
                          header = f;
                          continue;
                        }
                        if (header == null || f.size() != header.size()) {
                          continue;
                        }
                        double kb = 0;
                        for (String col : List.of("S0U", "S1U", "EU", "OU")) {
                          kb += Double.parseDouble(f.get(header.indexOf(col)));
                        }
                        long used = (long) (kb * 1024);
                        peak.accumulateAndGet(used, Math::max);
                      }
                    } catch (Exception ignored) {
                      // jstat ends when the server does
                    }
                  });
    }

    void reset() {
      peak.set(0);
    }

    long stop() {
      jstat.destroy();
      return peak.get();
    }
  }

  /** This JVM's heap in use, sampled every 20 ms. */
  static final class ClientHeap {
    private final AtomicLong peak = new AtomicLong();
    private volatile boolean running = true;

    void start() {
      Thread.ofPlatform()
          .daemon()
          .start(
              () -> {
                var bean = ManagementFactory.getMemoryMXBean();
                while (running) {
                  peak.accumulateAndGet(bean.getHeapMemoryUsage().getUsed(), Math::max);
                  try {
                    Thread.sleep(20);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
    }

    void reset() {
      peak.set(0);
    }

    long stop() {
      running = false;
      return peak.get();
    }
  }
}
