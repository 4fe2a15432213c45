package io.millstone.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.server.TestPlatform;
import io.millstone.server.platform.DatabaseSettings;
import io.millstone.server.platform.MillstoneConfig;
import io.millstone.server.telemetry.DeviceAdmin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The admin commands against an external PostgreSQL and Redis named in a config file (here the test
 * stores, reached over their URLs exactly as a production install would reach its own).
 */
class AdminCommandsTest {
  @TempDir Path dir;
  Path config;

  @BeforeEach
  void writeConfig() throws Exception {
    DatabaseSettings db = TestPlatform.get().database().settings();
    config = dir.resolve("server.conf");
    Files.writeString(
        config,
        String.join(
            "\n",
            "data.dir=" + dir.resolve("data"),
            "db.url=" + db.jdbcUrl(),
            "db.user=" + db.runtimeUser(),
            "db.password=" + db.runtimePassword(),
            "db.owner.user=" + db.ownerUser(),
            "db.owner.password=" + db.ownerPassword(),
            "redis.url=" + TestPlatform.get().redisUrl(),
            ""));
  }

  record Run(int exitCode, String out) {}

  private Run run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      int code = new CommandLine(new ServerCli()).execute(args);
      return new Run(code, buf.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(original);
    }
  }

  @Test
  void anAdminCreatesACompanyAndItsFirstUserThenVerifiesTheAuditTrail() throws Exception {
    Run migrate = run("migrate", "--config", config.toString());
    assertThat(migrate.exitCode()).isZero();
    assertThat(migrate.out()).contains("up to date");

    Run company =
        run("create-company", "--config", config.toString(), "--name", "Gazipur Sugar Mills");
    assertThat(company.exitCode()).isZero();
    String[] lines = company.out().trim().split("\n");
    UUID companyId = UUID.fromString(lines[lines.length - 1].trim());

    Run user =
        run(
            "create-user",
            "--config",
            config.toString(),
            "--company",
            companyId.toString(),
            "--username",
            "gazipur.admin",
            "--display-name",
            "Gazipur Admin",
            "--role",
            "admin");
    assertThat(user.exitCode()).isZero();
    assertThat(user.out()).contains("Created user gazipur.admin").contains("Password: ");
    assertThat(Files.exists(dir.resolve("data/postgres")))
        .as("no embedded database started")
        .isFalse();

    // Other tests tamper with their own companies' trails in this shared database on purpose,
    // so this one looks only at what verify-audit says about its own company.
    assertThat(run("verify-audit", "--config", config.toString()).out())
        .doesNotContain(companyId.toString());

    try (Connection c = TestPlatform.get().database().ownerDataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE audit_event SET summary = 'forged' WHERE company_id = ? AND seq = 1")) {
      ps.setObject(1, companyId);
      ps.executeUpdate();
    }
    Run tampered = run("verify-audit", "--config", config.toString());
    assertThat(tampered.exitCode()).isEqualTo(1);
    assertThat(tampered.out()).contains("TAMPERED").contains(companyId.toString());
  }

  @Test
  void aDeviceCreatedFromTheShellEnrolsWithThePrintedToken() throws Exception {
    Run company =
        run("create-company", "--config", config.toString(), "--name", "Joypurhat Sugar Mills");
    String[] lines = company.out().trim().split("\n");
    UUID companyId = UUID.fromString(lines[lines.length - 1].trim());

    Run device =
        run(
            "create-device",
            "--config",
            config.toString(),
            "--company",
            companyId.toString(),
            "--name",
            "floor-pc-1");
    assertThat(device.exitCode()).isZero();
    assertThat(device.out()).contains("Created device floor-pc-1");
    String[] out = device.out().trim().split("\n");
    String token = out[out.length - 1].trim();

    DeviceAdmin.Enrolled enrolled =
        ServerCli.withServices(
            MillstoneConfig.load(Optional.of(config), Map.of()),
            s -> s.deviceAdmin().enroll(token, "0.1.0", "floor-pc-1", "req-" + UUID.randomUUID()));
    assertThat(enrolled.companyId()).isEqualTo(companyId);
    assertThat(enrolled.secret()).isNotBlank();
  }

  @Test
  void versionIsTheProjectVersion() {
    Run v = run("--version");
    assertThat(v.exitCode()).isZero();
    assertThat(v.out()).startsWith("millstone-server ").doesNotContain("unknown");
  }
}
