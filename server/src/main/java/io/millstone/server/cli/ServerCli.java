package io.millstone.server.cli;

import io.grpc.inprocess.InProcessServerBuilder;
import io.millstone.server.MillstoneServer;
import io.millstone.server.audit.AuditVerifier;
import io.millstone.server.backup.BackupSchedule;
import io.millstone.server.demo.DemoSeeder;
import io.millstone.server.identity.CompanyView;
import io.millstone.server.identity.UserView;
import io.millstone.server.identity.model.CompanySettings;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Metrics;
import io.millstone.server.platform.MillstoneConfig;
import io.millstone.server.platform.Platform;
import io.millstone.server.platform.Version;
import io.millstone.server.platform.error.MillstoneException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code millstone-server} command line. */
@Command(
    name = "millstone-server",
    mixinStandardHelpOptions = true,
    versionProvider = ServerCli.VersionProvider.class,
    description = "The Millstone ERP server and its admin commands.",
    subcommands = {
      ServerCli.Run.class,
      ServerCli.Migrate.class,
      ServerCli.CreateCompany.class,
      ServerCli.CreateUser.class,
      CreateDevice.class,
      ServerCli.VerifyAudit.class,
      UnlockUserCommand.class,
      StatusCommand.class,
      BackupCommand.class,
      RestoreCommand.class
    })
public final class ServerCli implements Callable<Integer> {

  @Override
  public Integer call() {
    CommandLine.usage(this, System.out);
    return 0;
  }

  public static void main(String[] args) {
    int code =
        new CommandLine(new ServerCli())
            .setExecutionExceptionHandler(
                (e, cmd, parsed) -> {
                  cmd.getErr().println("millstone-server: " + messageOf(e));
                  return 1;
                })
            .execute(args);
    System.exit(code);
  }

  static String messageOf(Throwable e) {
    if (e instanceof MillstoneException || e instanceof IllegalArgumentException) {
      return e.getMessage();
    }
    return e.toString();
  }

  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"millstone-server " + Version.get()};
    }
  }

  /** The configuration file option every command takes. */
  static final class ConfigOption {
    @Option(
        names = "--config",
        description = "Settings file (properties). Default: $MILLSTONE_CONFIG if set.")
    Path config;

    MillstoneConfig load() {
      Optional<Path> file =
          Optional.ofNullable(config)
              .or(() -> Optional.ofNullable(System.getenv("MILLSTONE_CONFIG")).map(Path::of));
      return MillstoneConfig.load(file, System.getenv());
    }
  }

  /** Starts the stores and the services without listening, for the admin commands. */
  static <T> T withServices(
      MillstoneConfig config, java.util.function.Function<MillstoneServer, T> work)
      throws IOException {
    try (Platform platform = Platform.start(config, MillstoneServer.entities(), null)) {
      MillstoneServer server =
          new MillstoneServer(
              InProcessServerBuilder.forName("cli-" + UUID.randomUUID()), platform, null);
      try {
        return work.apply(server);
      } finally {
        server.stop();
      }
    }
  }

  @Command(
      name = "run",
      description = "Run the server until stopped (SIGTERM stops it gracefully).")
  static final class Run implements Callable<Integer> {
    @Mixin ConfigOption configOption;

    @Option(
        names = "--demo",
        description = "Create the demo sugar mill and its users once, and print their passwords.")
    boolean demo;

    @Override
    public Integer call() throws Exception {
      MillstoneConfig config = configOption.load();
      // --demo, or demo=true in the settings (an installed service, whose output is the journal).
      boolean seedDemo = demo || config.demo();
      Metrics metrics = new Metrics();
      Platform platform = Platform.start(config, MillstoneServer.entities(), metrics.registry());
      Tls.Listening listening = Tls.credentialsFor(config);
      MillstoneServer server =
          new MillstoneServer(
              NettyTransport.builder(config, listening.credentials()),
              platform,
              metrics.registry());
      // The demo is seeded before the port opens, so a client that sees SERVING can sign in.
      Map<String, String> demoCredentials =
          seedDemo ? DemoSeeder.seed(server, config.dataDir()) : Map.of();
      server.start();
      Optional<BackupSchedule> backups = BackupSchedule.start(platform);
      if (config.metricsPort() > 0) {
        metrics.serve(config.metricsHost(), config.metricsPort());
      }
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              Thread.ofPlatform()
                  .name("shutdown")
                  .unstarted(
                      () -> {
                        backups.ifPresent(BackupSchedule::close);
                        server.stop();
                        metrics.close();
                        platform.close();
                        stopped.countDown();
                      }));
      System.out.println(
          "Millstone "
              + Version.get()
              + " listening on "
              + config.host()
              + ":"
              + config.port()
              + (listening.tls() ? " (TLS)" : " (plaintext, loopback only)"));
      if (listening.tls()) {
        System.out.println("TLS certificate SHA-256 fingerprint: " + listening.fingerprint());
      }
      if (config.metricsPort() > 0) {
        System.out.println(
            "Metrics: http://" + config.metricsHost() + ":" + config.metricsPort() + "/metrics");
      }
      if (seedDemo) {
        System.out.println("Demo company: " + DemoSeeder.COMPANY_NAME);
        if (demo) {
          demoCredentials.forEach((u, p) -> System.out.println("  user " + u + "  password " + p));
          System.out.println(
              "(also in " + config.dataDir().resolve(DemoSeeder.CREDENTIALS_FILE) + ")");
        } else {
          // The system journal is no place for passwords.
          System.out.println(
              "  users "
                  + String.join(", ", demoCredentials.keySet())
                  + "; their passwords are in "
                  + config.dataDir().resolve(DemoSeeder.CREDENTIALS_FILE));
        }
      }
      System.out.flush();
      server.blockUntilShutdown();
      stopped.await();
      return 0;
    }
  }

  @Command(name = "migrate", description = "Apply pending database migrations and exit.")
  static final class Migrate implements Callable<Integer> {
    @Mixin ConfigOption configOption;

    @Override
    public Integer call() throws Exception {
      Platform.migrateOnly(configOption.load());
      System.out.println("Database schema is up to date.");
      return 0;
    }
  }

  @Command(name = "create-company", description = "Create a company and print its id.")
  static final class CreateCompany implements Callable<Integer> {
    @Mixin ConfigOption configOption;

    @Option(names = "--name", required = true)
    String name;

    @Option(names = "--currency", defaultValue = "BDT")
    String currency;

    @Option(names = "--vat", defaultValue = "15", description = "Standard VAT rate in percent.")
    BigDecimal vat;

    @Option(names = "--fiscal-year-start-month", defaultValue = "7")
    int fiscalYearStart;

    @Option(names = "--time-zone", defaultValue = "Asia/Dhaka")
    String timeZone;

    @Override
    public Integer call() throws Exception {
      CompanyView c =
          withServices(
              configOption.load(),
              s ->
                  s.companyAdmin()
                      .create(
                          new CompanySettings(name, currency, vat, fiscalYearStart, timeZone),
                          "cli"));
      System.out.println(c.id());
      return 0;
    }
  }

  @Command(
      name = "create-user",
      description =
          "Create a user in a company. The password comes from $MILLSTONE_NEW_PASSWORD, or is"
              + " generated and printed once.")
  static final class CreateUser implements Callable<Integer> {
    @Mixin ConfigOption configOption;

    @Option(names = "--company", required = true, description = "Company id.")
    UUID company;

    @Option(names = "--username", required = true)
    String username;

    @Option(names = "--display-name", required = true)
    String displayName;

    @Option(
        names = "--role",
        description = "Role code (admin, sales, stores, accounts); repeatable.")
    List<String> roles = List.of();

    @Override
    public Integer call() throws Exception {
      String given = System.getenv("MILLSTONE_NEW_PASSWORD");
      String password = given == null || given.isEmpty() ? generated() : given;
      UserView u =
          withServices(
              configOption.load(),
              s ->
                  s.userAdmin()
                      .create(
                          Actor.system(company, "cli"),
                          null,
                          username,
                          displayName,
                          password,
                          roles));
      System.out.println("Created user " + u.username() + " (" + u.id() + ")");
      if (given == null || given.isEmpty()) {
        System.out.println("Password: " + password + "  (shown once; ask the user to change it)");
      }
      return 0;
    }

    private static String generated() {
      SecureRandom r = new SecureRandom();
      String a = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 16; i++) {
        sb.append(a.charAt(r.nextInt(a.length())));
      }
      return sb.toString();
    }
  }

  @Command(
      name = "verify-audit",
      description =
          "Check every company's audit chain; exit 1 if a row was edited, deleted or moved.")
  static final class VerifyAudit implements Callable<Integer> {
    @Mixin ConfigOption configOption;

    @Override
    public Integer call() throws Exception {
      AuditVerifier.Report report =
          withServices(
              configOption.load(),
              s -> {
                try {
                  return new AuditVerifier(s.platform().database().ownerDataSource()).verify();
                } catch (java.sql.SQLException e) {
                  throw new IllegalStateException(
                      "Cannot read the audit trail: " + e.getMessage(), e);
                }
              });
      if (report.intact()) {
        System.out.println(
            "Audit trail intact: "
                + report.rows()
                + " rows in "
                + report.companies()
                + " companies.");
        return 0;
      }
      System.out.println("Audit trail TAMPERED: " + report.problems().size() + " problem(s):");
      report.problems().forEach(p -> System.out.println("  " + p));
      return 1;
    }
  }
}
