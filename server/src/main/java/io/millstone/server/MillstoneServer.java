package io.millstone.server;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerServiceDefinition;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.micrometer.core.instrument.MeterRegistry;
import io.millstone.server.accounting.Books;
import io.millstone.server.accounting.ChartSetup;
import io.millstone.server.accounting.LedgerGrpcService;
import io.millstone.server.accounting.LedgerReports;
import io.millstone.server.accounting.NextNumbers;
import io.millstone.server.audit.AuditLog;
import io.millstone.server.gateway.ConnectionCounter;
import io.millstone.server.gateway.Gateway;
import io.millstone.server.gateway.MethodRules;
import io.millstone.server.identity.AuthGrpcService;
import io.millstone.server.identity.BearerAuthenticator;
import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.identity.CompanyGrpcService;
import io.millstone.server.identity.LoginThrottle;
import io.millstone.server.identity.PasswordHasher;
import io.millstone.server.identity.RoleCatalog;
import io.millstone.server.identity.RoleGrpcService;
import io.millstone.server.identity.SessionService;
import io.millstone.server.identity.SessionStore;
import io.millstone.server.identity.UserAdmin;
import io.millstone.server.identity.UserGrpcService;
import io.millstone.server.inventory.InventorySetup;
import io.millstone.server.inventory.StockGrpcService;
import io.millstone.server.inventory.StockLedger;
import io.millstone.server.inventory.StockReports;
import io.millstone.server.masterdata.CustomerGrpcService;
import io.millstone.server.masterdata.ItemAdmin;
import io.millstone.server.masterdata.ItemGrpcService;
import io.millstone.server.masterdata.PartyAdmin;
import io.millstone.server.masterdata.SavedSearchGrpcService;
import io.millstone.server.masterdata.SavedSearches;
import io.millstone.server.masterdata.SupplierGrpcService;
import io.millstone.server.masterdata.UnitAdmin;
import io.millstone.server.masterdata.UnitGrpcService;
import io.millstone.server.masterdata.WarehouseAdmin;
import io.millstone.server.masterdata.WarehouseGrpcService;
import io.millstone.server.notify.NotificationGrpcService;
import io.millstone.server.notify.NotificationHub;
import io.millstone.server.notify.NotificationRelay;
import io.millstone.server.notify.Notifications;
import io.millstone.server.platform.MillstoneConfig;
import io.millstone.server.platform.NodeHeartbeat;
import io.millstone.server.platform.Platform;
import io.millstone.server.platform.ReportConnection;
import io.millstone.server.platform.Transactions;
import io.millstone.server.production.LabBench;
import io.millstone.server.production.LabGrpcService;
import io.millstone.server.production.ProductionDesk;
import io.millstone.server.production.ProductionGrpcService;
import io.millstone.server.purchasing.PurchaseDesk;
import io.millstone.server.purchasing.PurchasingGrpcService;
import io.millstone.server.purchasing.PurchasingSetup;
import io.millstone.server.sales.SalesDesk;
import io.millstone.server.sales.SalesGrpcService;
import io.millstone.server.telemetry.DeviceAdmin;
import io.millstone.server.telemetry.DeviceCredentials;
import io.millstone.server.telemetry.DeviceGrpcService;
import io.millstone.server.telemetry.EnrollmentGrpcService;
import io.millstone.server.telemetry.LiveHub;
import io.millstone.server.telemetry.MachineAdmin;
import io.millstone.server.telemetry.MachineGrpcService;
import io.millstone.server.telemetry.MonitorGrpcService;
import io.millstone.server.telemetry.Monitoring;
import io.millstone.server.telemetry.ReadingIngest;
import io.millstone.server.telemetry.ReadingPartitions;
import io.millstone.server.telemetry.TagDirectory;
import io.millstone.server.telemetry.UplinkGrpcService;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Millstone server node: the gateway and the domain services on a gRPC server built by the
 * caller (Netty with TLS in production, in-process in tests), standing on a {@link Platform}.
 */
public final class MillstoneServer {
  private static final Logger log = LoggerFactory.getLogger(MillstoneServer.class);
  static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(5);
  static final Duration HEARTBEAT_TTL = Duration.ofSeconds(20);

  private final Platform platform;
  private final ScheduledExecutorService scheduler;
  private final SessionStore sessionStore;
  private final Gateway gateway;
  private final HealthStatusManager health = new HealthStatusManager();
  private final List<ServerServiceDefinition> services = new ArrayList<>();
  private final CompanyAdmin companyAdmin;
  private final UserAdmin userAdmin;
  private final ItemAdmin itemAdmin;
  private final PartyAdmin customerAdmin;
  private final PartyAdmin supplierAdmin;
  private final WarehouseAdmin warehouseAdmin;
  private final ReadingPartitions readingPartitions;
  private final LiveHub liveHub;
  private final MachineAdmin machineAdmin;
  private final ReadingIngest readingIngest;
  private final io.millstone.server.production.OeeDesk oeeDesk;
  private final DeviceAdmin deviceAdmin;
  private final StockLedger stockLedger;
  private final SalesDesk salesDesk;
  private final PurchaseDesk purchaseDesk;
  private final ProductionDesk productionDesk;
  private final Transactions tx;
  private final Books books;
  private final ConnectionCounter connections = new ConnectionCounter();
  private final Server server;
  private final PasswordHasher hasher;
  private final SessionService sessionService;
  private final ReportConnection reportConnection;
  private NodeHeartbeat heartbeat;
  private final NotificationHub notificationHub;
  private final io.millstone.server.records.RecordPanels recordPanels;
  private final NotificationRelay notificationRelay;
  private final NotificationGrpcService notificationService;

  public MillstoneServer(ServerBuilder<?> builder, Platform platform, MeterRegistry registry) {
    this.platform = platform;
    MillstoneConfig config = platform.config();
    Clock clock = Clock.systemUTC();
    this.scheduler =
        Executors.newScheduledThreadPool(
            1, Thread.ofPlatform().daemon().name("millstone-scheduler").factory());
    Transactions tx =
        new Transactions(
            platform.database().sessionFactory(),
            new AuditLog(clock),
            config.maxCallDuration(),
            CompanyAdmin.SETTINGS);
    this.hasher = new PasswordHasher(config.passwordHashThreads(), config.passwordHashQueue());
    RoleCatalog roles = RoleCatalog.load(platform.database().runtimeDataSource());
    this.sessionStore =
        new SessionStore(
            platform.redis(),
            config.sessionIdleTimeout(),
            config.sessionAbsoluteLifetime(),
            config.sessionCacheTtl(),
            clock);
    LoginThrottle throttle =
        new LoginThrottle(
            platform.redis(),
            new LoginThrottle.Limits(
                config.loginAttemptsPerAddressPerMinute(),
                config.loginFailuresBeforeLockout(),
                config.lockoutDuration(),
                config.loginAccountFailuresBeforeLockout(),
                config.loginAccountFailureWindow(),
                config.loginAccountLockout()));
    UnitAdmin unitAdmin = new UnitAdmin(tx, clock);
    this.companyAdmin =
        new CompanyAdmin(
            tx,
            clock,
            List.of(unitAdmin, new InventorySetup(), new ChartSetup(), new PurchasingSetup()));
    this.userAdmin = new UserAdmin(tx, hasher, roles, sessionStore, clock);
    this.itemAdmin = new ItemAdmin(tx, clock);
    this.customerAdmin = new PartyAdmin(tx, clock, PartyAdmin.Role.CUSTOMER);
    this.supplierAdmin = new PartyAdmin(tx, clock, PartyAdmin.Role.SUPPLIER);
    this.warehouseAdmin = new WarehouseAdmin(tx, clock);
    TagDirectory tagDirectory = new TagDirectory();
    this.readingPartitions =
        new ReadingPartitions(
            platform.database().ownerDataSource(), platform.database().settings().runtimeUser());
    this.deviceAdmin = new DeviceAdmin(tx, clock);
    this.machineAdmin = new MachineAdmin(tx, clock, tagDirectory);
    this.liveHub = new LiveHub(platform.redis());
    this.readingIngest = new ReadingIngest(tx, tagDirectory, readingPartitions, liveHub, clock);
    this.oeeDesk = new io.millstone.server.production.OeeDesk(tx, clock);
    DeviceCredentials deviceCredentials = new DeviceCredentials(tx);
    Books books = new Books(tx, clock);
    this.tx = tx;
    this.books = books;
    this.stockLedger = new StockLedger(tx, books, clock);
    this.salesDesk = new SalesDesk(tx, books, stockLedger, clock);
    this.purchaseDesk = new PurchaseDesk(tx, books, stockLedger, clock);
    this.productionDesk = new ProductionDesk(tx, books, stockLedger, clock);
    this.sessionService = new SessionService(tx, hasher, sessionStore, throttle, roles, clock);
    this.reportConnection = ReportConnection.of(config, platform.database());
    this.notificationHub = new NotificationHub(platform.redis());
    this.notificationRelay =
        new NotificationRelay(platform.database().ownerDataSource(), platform.redis());
    this.notificationService = new NotificationGrpcService(new Notifications(tx), notificationHub);

    this.recordPanels =
        new io.millstone.server.records.RecordPanels(tx, clock, config.attachmentMaxBytes());
    for (BindableService s :
        List.of(
            new AuthGrpcService(sessionService),
            new UserGrpcService(userAdmin),
            new RoleGrpcService(roles, () -> methodRules().methodsByPermission()),
            new CompanyGrpcService(companyAdmin),
            new UnitGrpcService(unitAdmin),
            new ItemGrpcService(itemAdmin),
            new CustomerGrpcService(customerAdmin),
            new SupplierGrpcService(supplierAdmin),
            new WarehouseGrpcService(warehouseAdmin),
            new SavedSearchGrpcService(new SavedSearches(tx, clock)),
            new MachineGrpcService(machineAdmin),
            new DeviceGrpcService(deviceAdmin),
            new EnrollmentGrpcService(deviceAdmin),
            new UplinkGrpcService(readingIngest, clock),
            new MonitorGrpcService(liveHub, new Monitoring(tx)),
            new LedgerGrpcService(books, new LedgerReports(tx), new NextNumbers(tx, clock)),
            new io.millstone.server.accounting.BankGrpcService(
                new io.millstone.server.accounting.BankReconciliation(tx, clock)),
            new StockGrpcService(
                stockLedger,
                new StockReports(tx),
                new io.millstone.server.inventory.ReorderLevels(tx, clock)),
            new SalesGrpcService(salesDesk),
            new PurchasingGrpcService(purchaseDesk),
            new io.millstone.server.cane.CaneGrpcService(
                new io.millstone.server.cane.CaneDesk(
                    tx,
                    books,
                    stockLedger,
                    new io.millstone.server.cane.TelemetryScale(liveHub),
                    clock)),
            new ProductionGrpcService(productionDesk),
            new LabGrpcService(new LabBench(tx, clock)),
            new io.millstone.server.reporting.DashboardGrpcService(
                new io.millstone.server.reporting.HomeCards(tx, clock)),
            new io.millstone.server.reporting.ProductionReportGrpcService(
                new io.millstone.server.reporting.ProductionReport(reportConnection)),
            notificationService,
            new io.millstone.server.production.OeeGrpcService(oeeDesk),
            new io.millstone.server.records.SearchGrpcService(
                new io.millstone.server.records.Finder(tx)),
            new io.millstone.server.records.RecordGrpcService(recordPanels),
            new io.millstone.server.papers.PaperGrpcService(
                new io.millstone.server.papers.SalesPapers(tx),
                new io.millstone.server.papers.TablePapers(tx, clock)),
            new io.millstone.server.papers.supply.SupplyPaperGrpcService(
                new io.millstone.server.papers.supply.SupplyDocuments(tx)),
            new io.millstone.server.papers.vat.VatBookGrpcService(
                new io.millstone.server.papers.vat.VatBooks(tx)),
            ProtoReflectionServiceV1.newInstance())) {
      services.add(s.bindService());
    }
    services.add(health.getHealthService().bindService());
    this.gateway =
        new Gateway(
            config,
            List.of(new BearerAuthenticator(sessionStore), deviceCredentials),
            platform.redis(),
            registry,
            scheduler);
    // Added before the gateway's interceptors, so it sees only authenticated agent streams.
    builder.addTransportFilter(connections);
    builder.intercept(connections);
    gateway.install(builder, services);
    this.server = builder.build();
  }

  public MillstoneServer start() throws IOException {
    readingPartitions.ensureAhead();
    scheduler.scheduleAtFixedRate(
        () -> {
          try {
            readingPartitions.ensureAhead();
          } catch (RuntimeException e) {
            log.warn("Could not create reading partitions ahead: {}", e.getMessage());
          }
        },
        6,
        6,
        TimeUnit.HOURS);
    server.start();
    notificationRelay.start();
    health.setStatus("", ServingStatus.SERVING);
    heartbeat =
        new NodeHeartbeat(
            platform.redis(),
            platform.config().host() + ":" + grpcServerPort(),
            connections::counts,
            HEARTBEAT_TTL);
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            heartbeat.beat();
          } catch (RuntimeException e) {
            log.warn("Could not publish this node's heartbeat: {}", e.getMessage());
          }
        },
        0,
        HEARTBEAT_EVERY.toMillis(),
        TimeUnit.MILLISECONDS);
    log.info("Millstone server started: {}", server.getListenSockets());
    return this;
  }

  /** Stops taking calls, lets running ones finish (up to 10 s), then releases resources. */
  public void stop() {
    health.enterTerminalState();
    server.shutdown();
    try {
      if (!server.awaitTermination(10, TimeUnit.SECONDS)) {
        server.shutdownNow();
        server.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    } finally {
      if (heartbeat != null) {
        try {
          heartbeat.close();
        } catch (RuntimeException e) {
          log.warn("Could not withdraw this node's heartbeat: {}", e.getMessage());
        }
      }
      gateway.close();
      sessionStore.close();
      hasher.close();
      liveHub.close();
      reportConnection.close();
      notificationRelay.close();
      notificationHub.close();
      notificationService.close();
      scheduler.shutdownNow();
    }
  }

  public void blockUntilShutdown() throws InterruptedException {
    server.awaitTermination();
  }

  /** Every service this node exposes, as registered (health and reflection included). */
  public List<ServerServiceDefinition> services() {
    return List.copyOf(services);
  }

  public MethodRules methodRules() {
    return gateway.rules();
  }

  /** The port the server listens on: the real one once started, else the configured one. */
  public int grpcServerPort() {
    try {
      int p = server.getPort();
      return p > 0 ? p : platform.config().port();
    } catch (IllegalStateException notStarted) {
      return platform.config().port();
    }
  }

  public Server grpcServer() {
    return server;
  }

  public Platform platform() {
    return platform;
  }

  /** Notes, attachments and history of records (RecordService). */
  public io.millstone.server.records.RecordPanels recordPanels() {
    return recordPanels;
  }

  public StockLedger stockLedger() {
    return stockLedger;
  }

  public SalesDesk salesDesk() {
    return salesDesk;
  }

  public Books books() {
    return books;
  }

  public PurchaseDesk purchaseDesk() {
    return purchaseDesk;
  }

  public ProductionDesk productionDesk() {
    return productionDesk;
  }

  /** The season's desks, on the clock given. */
  public record SeasonDesks(
      io.millstone.server.cane.CaneDesk cane,
      ProductionDesk production,
      io.millstone.server.production.LabBench lab) {}

  /**
   * The season's desks on another clock than the server's: the demo writes a season's past days as
   * they happened (a permit is weighed on its own day).
   */
  public SeasonDesks seasonDesks(Clock clock) {
    // Stock moves too are dated on the clock, so stock as of a past day (the production report's
    // stock at the end of the day) sees the season's runs and loads on their days.
    StockLedger stock = new StockLedger(tx, books, clock);
    return new SeasonDesks(
        new io.millstone.server.cane.CaneDesk(
            tx, books, stock, new io.millstone.server.cane.TelemetryScale(liveHub), clock),
        new ProductionDesk(tx, books, stock, clock),
        new io.millstone.server.production.LabBench(tx, clock));
  }

  /** The clients and agents connected to this node right now, as its heartbeat publishes them. */
  public NodeHeartbeat.Counts connectionCounts() {
    return connections.counts();
  }

  /** Where this node's reports read. */
  public ReportConnection reportConnection() {
    return reportConnection;
  }

  /** This node's notification relay (tests count what it published). */
  public NotificationRelay notificationRelay() {
    return notificationRelay;
  }

  public SessionService sessionService() {
    return sessionService;
  }

  public PasswordHasher passwordHasher() {
    return hasher;
  }

  public CompanyAdmin companyAdmin() {
    return companyAdmin;
  }

  public UserAdmin userAdmin() {
    return userAdmin;
  }

  public ItemAdmin itemAdmin() {
    return itemAdmin;
  }

  public PartyAdmin customerAdmin() {
    return customerAdmin;
  }

  public PartyAdmin supplierAdmin() {
    return supplierAdmin;
  }

  public WarehouseAdmin warehouseAdmin() {
    return warehouseAdmin;
  }

  public MachineAdmin machineAdmin() {
    return machineAdmin;
  }

  /** The ingest the uplink uses: the demo writes its season's machine history through it. */
  public ReadingIngest readingIngest() {
    return readingIngest;
  }

  public io.millstone.server.production.OeeDesk oeeDesk() {
    return oeeDesk;
  }

  public DeviceAdmin deviceAdmin() {
    return deviceAdmin;
  }

  /** The entity classes Hibernate maps; the platform validates them against the schema. */
  public static List<Class<?>> entities() {
    return List.of(
        io.millstone.server.identity.model.AppUser.class,
        io.millstone.server.identity.model.Company.class,
        io.millstone.server.identity.model.CompanyMember.class,
        io.millstone.server.masterdata.model.Unit.class,
        io.millstone.server.masterdata.model.Item.class,
        io.millstone.server.masterdata.model.Party.class,
        io.millstone.server.masterdata.model.Warehouse.class,
        io.millstone.server.masterdata.model.WarehouseLocation.class,
        io.millstone.server.masterdata.model.SavedSearch.class,
        io.millstone.server.telemetry.model.Machine.class,
        io.millstone.server.telemetry.model.Tag.class,
        io.millstone.server.telemetry.model.Device.class);
  }
}
