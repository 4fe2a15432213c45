package io.millstone.server.cli;

import static io.millstone.server.TestServer.PASSWORD;
import static io.millstone.server.TestServer.codeOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.millstone.server.TestPlatform;
import io.millstone.server.TestServer;
import io.millstone.server.platform.DatabaseSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** An admin lets a user who is locked out by failed sign-ins in again from the shell. */
class UnlockUserCommandTest {
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
  void unlockUserLetsALockedOutUserSignInAgainAndSaysWhatItCleared() throws Exception {
    try (TestServer t = new TestServer()) {
      UUID mill = t.createCompany("Unlock Mill").id();
      String user = t.createUser(mill, t.unique("locked"), "sales");
      for (int i = 0; i < 5; i++) {
        assertThat(codeOf(() -> t.login(user, "typo"))).isEqualTo(Status.Code.UNAUTHENTICATED);
      }
      assertThat(codeOf(() -> t.login(user, PASSWORD))).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);

      Run unlock = run("unlock-user", "--config", config.toString(), user);

      assertThat(unlock.exitCode()).isZero();
      assertThat(unlock.out()).contains("Unlocked " + user).contains("1 lock from one address");
      assertThat(t.login(user, PASSWORD).getUser().getUsername()).isEqualTo(user);
      assertThat(auditActions(mill, user)).contains("identity.user.unlock");
    }
  }

  /** The audit trail of the user in the company, read as the owner (as verify-audit does). */
  private static List<String> auditActions(UUID company, String username) throws Exception {
    List<String> actions = new ArrayList<>();
    try (Connection c = TestPlatform.get().database().ownerDataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT e.action FROM audit_event e JOIN app_user u ON u.id::text = e.entity_id"
                    + " WHERE e.company_id = ? AND u.username = ? ORDER BY e.seq")) {
      ps.setObject(1, company);
      ps.setString(2, username);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          actions.add(rs.getString(1));
        }
      }
    }
    return actions;
  }

  @Test
  void unlockingAnUnknownUserExitsWithTwo() {
    Run unlock = run("unlock-user", "--config", config.toString(), "nobody-" + UUID.randomUUID());

    assertThat(unlock.exitCode()).isEqualTo(2);
  }
}
