package io.millstone.server.bench;

import io.grpc.Channel;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.millstone.api.common.v1.Date;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.common.v1.IdempotencyKey;
import io.millstone.api.common.v1.PageRequest;
import io.millstone.api.identity.v1.AuthServiceGrpc;
import io.millstone.api.identity.v1.LoginRequest;
import io.millstone.api.sales.v1.CreateOrderRequest;
import io.millstone.api.sales.v1.DeliveryLineInput;
import io.millstone.api.sales.v1.ListOrdersRequest;
import io.millstone.api.sales.v1.OrderLineInput;
import io.millstone.api.sales.v1.PostDeliveryRequest;
import io.millstone.api.sales.v1.PostInvoiceRequest;
import io.millstone.api.sales.v1.SalesOrder;
import io.millstone.api.sales.v1.SalesServiceGrpc;
import io.millstone.server.MillstoneServer;
import io.millstone.server.cli.NettyTransport;
import io.millstone.server.identity.model.CompanySettings;
import io.millstone.server.inventory.StockLedger;
import io.millstone.server.masterdata.ItemAdmin;
import io.millstone.server.masterdata.PartyAdmin;
import io.millstone.server.masterdata.WarehouseAdmin;
import io.millstone.server.masterdata.model.Item;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.DatabaseSettings;
import io.millstone.server.platform.MillstoneConfig;
import io.millstone.server.platform.Platform;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order dialog of the SAP SD benchmark over real gRPC: create an order of five lines, deliver
 * it with goods issue, list 40 orders, invoice it (posted with VAT). Shared by {@code scripts/bench
 * orders} and {@code scripts/bench users}.
 */
final class TradeBench implements AutoCloseable {
  static final String PASSWORD = "bench password 123";

  /**
   * The catalogue orders draw from: as in the SAP SD benchmark, each order takes five different
   * materials of many, so deliveries of one item queue (its moving average needs that) while others
   * run in parallel.
   */
  static final String[] ITEMS = catalogue(Integer.getInteger("bench.items", 40));

  static final int LINES = 5;

  /** Buyers the orders are spread over (each with a credit limit, so every order is checked). */
  static final int CUSTOMERS = Integer.getInteger("bench.customers", 50);

  static String customer(int i) {
    return String.format("C-%03d", i + 1);
  }

  static String[] catalogue(int n) {
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      out[i] = String.format("ITEM-%03d", i + 1);
    }
    return out;
  }

  final Platform platform;
  final MillstoneServer server;
  final List<ManagedChannel> channels = new ArrayList<>();
  final DatabaseSettings db;
  final UUID companyId;
  private int next;

  TradeBench(int users) throws Exception {
    this(users, true);
  }

  /**
   * A server with the bench company and its users; with {@code catalogue}, also the trade benches'
   * items, buyers, MAIN godown and opening stock (the report bench seeds the demo's instead).
   */
  TradeBench(int users, boolean catalogue) throws Exception {
    Path dir = Files.createTempDirectory("millstone-bench-");
    MillstoneConfig.Builder builder =
        MillstoneConfig.builder()
            .dataDir(dir)
            .port(0)
            .metricsPort(0)
            .userCallsPerSecond(10_000_000)
            .addressCallsPerSecond(10_000_000)
            // Every simulated desk signs in from this one address.
            .loginAttemptsPerAddressPerMinute(100_000);
    // The server's default pool size unless the run asks for another (to measure its effect).
    Integer pool = Integer.getInteger("bench.db.pool.size");
    if (pool != null) {
      builder.dbPoolSize(pool);
    }
    MillstoneConfig config = builder.build();
    platform = Platform.start(config, MillstoneServer.entities(), null);
    db = platform.database().settings();
    if (Boolean.getBoolean("bench.diag.asyncCommit")) {
      // Diagnosis only: how much of the time is waiting for the WAL to reach the disk.
      try (var c =
              java.sql.DriverManager.getConnection(
                  db.jdbcUrl(),
                  "postgres",
                  io.millstone.server.platform.EmbeddedStores.superuserPassword(
                          platform.config().dataDir())
                      .orElseThrow());
          var st = c.createStatement()) {
        st.execute("ALTER SYSTEM SET synchronous_commit = off");
        st.execute("SELECT pg_reload_conf()");
      }
    }
    server =
        new MillstoneServer(
            NettyTransport.builder(config, InsecureServerCredentials.create()),
            platform,
            new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    server.start();
    var company = server.companyAdmin().create(CompanySettings.defaults("Bench Mill"), "bench");
    companyId = company.id();
    Actor actor = Actor.system(company.id(), "bench");
    if (catalogue) {
      catalogue(actor);
    }
    int accounts = Math.max(1, Math.min(users, 100));
    for (int i = 0; i < accounts; i++) {
      server.userAdmin().create(actor, null, "clerk" + i, "Clerk " + i, PASSWORD, List.of("admin"));
    }
    for (int i = 0; i < 4; i++) {
      channels.add(
          NettyChannelBuilder.forAddress("127.0.0.1", server.grpcServerPort())
              .usePlaintext()
              .build());
    }
  }

  /** The trade benches' items, buyers, MAIN godown and opening stock. */
  private void catalogue(Actor actor) {
    for (String code : ITEMS) {
      server
          .itemAdmin()
          .create(
              actor,
              null,
              code,
              new ItemAdmin.Input(
                  "Bench " + code,
                  "t",
                  Item.Kind.FINISHED_GOOD,
                  "12500",
                  "",
                  Item.TaxCategory.STANDARD));
    }
    for (int i = 0; i < CUSTOMERS; i++) {
      server
          .customerAdmin()
          .create(
              actor,
              null,
              customer(i),
              new PartyAdmin.Input("Bench Buyer " + i, "Dhaka", "", "", "999999999999", "", 30));
    }
    server
        .warehouseAdmin()
        .create(
            actor,
            null,
            "MAIN",
            "Main godown",
            "",
            List.of(new WarehouseAdmin.LocationInput("A", "A", true)));
    List<StockLedger.LineInput> opening = new ArrayList<>();
    List<String> costs = new ArrayList<>();
    for (String code : ITEMS) {
      opening.add(new StockLedger.LineInput(code, "MAIN", "", "1000000000"));
      costs.add("9000");
    }
    server.stockLedger().receive(actor, null, opening, costs, "opening");
  }

  int accounts(int users) {
    return Math.max(1, Math.min(users, 100));
  }

  /** A signed-in sales clerk's stub, on one of the shared connections. */
  SalesServiceGrpc.SalesServiceBlockingStub clerk(int i) {
    return signedIn(i, SalesServiceGrpc::newBlockingStub);
  }

  /** Any service's stub for user clerk{i} (signed in), on one of the shared connections. */
  synchronized <T extends AbstractStub<T>> T signedIn(int i, Function<Channel, T> stub) {
    ManagedChannel ch = channels.get(next++ % channels.size());
    String token =
        AuthServiceGrpc.newBlockingStub(ch)
            .login(LoginRequest.newBuilder().setUsername("clerk" + i).setPassword(PASSWORD).build())
            .getSessionToken();
    Metadata md = new Metadata();
    md.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
    return stub.apply(ch).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(md));
  }

  static Decimal dec(String v) {
    return Decimal.newBuilder().setValue(v).build();
  }

  static Date today() {
    LocalDate d = LocalDate.now();
    return Date.newBuilder()
        .setYear(d.getYear())
        .setMonth(d.getMonthValue())
        .setDay(d.getDayOfMonth())
        .build();
  }

  /** The dialog's steps, each timed: the recorder gets (step, nanoseconds). */
  interface Recorder {
    void record(int step, long nanos);
  }

  static final int STEPS = 4;

  /** One whole order: create, deliver, list 40, invoice. */
  static void dialog(SalesServiceGrpc.SalesServiceBlockingStub s, Recorder r, Pacer pacer)
      throws InterruptedException {
    var stub = s.withDeadlineAfter(30, TimeUnit.SECONDS);
    var order =
        CreateOrderRequest.newBuilder()
            .setIdempotencyKey(key())
            .setCustomerCode(
                customer(java.util.concurrent.ThreadLocalRandom.current().nextInt(CUSTOMERS)))
            .setOrderDate(today());
    List<String> items = new ArrayList<>(List.of(ITEMS));
    java.util.Collections.shuffle(items, java.util.concurrent.ThreadLocalRandom.current());
    for (String item : items.subList(0, LINES)) {
      order.addLines(OrderLineInput.newBuilder().setItemCode(item).setQuantity(dec("2")));
    }
    long t0 = System.nanoTime();
    SalesOrder so = stub.createOrder(order.build());
    r.record(0, System.nanoTime() - t0);
    pacer.pause();
    var delivery =
        PostDeliveryRequest.newBuilder()
            .setIdempotencyKey(key())
            .setOrderId(so.getId())
            .setWarehouseCode("MAIN")
            .setDeliveryDate(today());
    for (int i = 1; i <= LINES; i++) {
      delivery.addLines(DeliveryLineInput.newBuilder().setOrderLineNo(i).setQuantity(dec("2")));
    }
    t0 = System.nanoTime();
    s.withDeadlineAfter(30, TimeUnit.SECONDS).postDelivery(delivery.build());
    r.record(1, System.nanoTime() - t0);
    pacer.pause();
    t0 = System.nanoTime();
    s.withDeadlineAfter(30, TimeUnit.SECONDS)
        .listOrders(
            ListOrdersRequest.newBuilder()
                .setPage(PageRequest.newBuilder().setPageSize(40))
                .build());
    r.record(2, System.nanoTime() - t0);
    pacer.pause();
    t0 = System.nanoTime();
    s.withDeadlineAfter(30, TimeUnit.SECONDS)
        .postInvoice(
            PostInvoiceRequest.newBuilder()
                .setIdempotencyKey(key())
                .setOrderId(so.getId())
                .setInvoiceDate(today())
                .build());
    r.record(3, System.nanoTime() - t0);
    pacer.pause();
  }

  /** Think time between steps (none for the throughput benchmark). */
  interface Pacer {
    void pause() throws InterruptedException;
  }

  static IdempotencyKey key() {
    return IdempotencyKey.newBuilder().setValue(UUID.randomUUID().toString()).build();
  }

  static double percentile(long[] nanos, int n, double p) {
    if (n == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(nanos, n);
    Arrays.sort(sorted);
    return sorted[Math.min(n - 1, (int) Math.ceil(p * n) - 1)] / 1e6;
  }

  /**
   * pgbench's TPC-B-like run on the same PostgreSQL, as the reference: -1 when pgbench is not
   * installed (the embedded PostgreSQL ships without it).
   */
  double pgbenchTps(int clients, int seconds) throws Exception {
    String exe = findPgbench();
    if (exe == null) {
      System.out.println("orders bench: pgbench not found; install postgresql-client to compare");
      return -1;
    }
    Matcher m = Pattern.compile("//([^:/]+):(\\d+)/([^?]+)").matcher(db.jdbcUrl());
    if (!m.find()) {
      return -1;
    }
    List<String> base = List.of(exe, "-h", m.group(1), "-p", m.group(2), "-U", db.ownerUser());
    run(concat(base, List.of("-i", "-q", "-s", "10", m.group(3))));
    String out =
        run(
            concat(
                base,
                List.of(
                    "-c",
                    String.valueOf(clients),
                    "-j",
                    "2",
                    "-T",
                    String.valueOf(seconds),
                    "-M",
                    "prepared",
                    m.group(3))));
    Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
    double last = -1;
    while (tps.find()) {
      last = Double.parseDouble(tps.group(1));
    }
    return last;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private String run(List<String> cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("PGPASSWORD", db.ownerPassword());
    Process p = pb.start();
    StringBuilder out = new StringBuilder();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.append(line).append('\n');
      }
    }
    if (p.waitFor() != 0) {
      throw new IllegalStateException("pgbench failed: " + out);
    }
    return out.toString();
  }

  private static String findPgbench() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path p = Path.of(dir, "pgbench");
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    try (var s = Files.list(Path.of("/usr/lib/postgresql"))) {
      return s.map(v -> v.resolve("bin/pgbench"))
          .filter(Files::isExecutable)
          .sorted()
          .reduce((a, b) -> b)
          .map(Path::toString)
          .orElse(null);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  @Override
  public void close() throws Exception {
    for (ManagedChannel c : channels) {
      c.shutdownNow();
    }
    server.stop();
    platform.close();
  }
}
