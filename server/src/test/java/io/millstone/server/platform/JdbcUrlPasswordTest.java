package io.millstone.server.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.millstone.server.MillstoneServer;
import io.millstone.server.TestPlatform;
import io.millstone.server.cli.ServerCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * A JDBC URL may carry the database password ({@code password=}, {@code user:pass@}); wherever the
 * server prints the URL, in a log line, an error or the status command, the password is masked.
 */
class JdbcUrlPasswordTest {
  private static final String SECRET = "Pa55-in-the-url";

  @TempDir Path dir;

  @Test
  void theSettingsAndTheConfigurationPrintTheUrlWithoutItsPassword() {
    for (String url :
        List.of(
            "jdbc:postgresql://db.example:5432/millstone?user=millstone_owner&password=" + SECRET,
            "jdbc:postgresql://db.example:5432/millstone?PASSWORD=" + SECRET + "&sslmode=require",
            "jdbc:postgresql://db.example/millstone?sslmode=verify-full&sslpassword=" + SECRET,
            "jdbc:postgresql://millstone_owner:" + SECRET + "@db.example:5432/millstone")) {
      DatabaseSettings db =
          new DatabaseSettings(url, "millstone_owner", "x", "millstone_app", "y", 4);
      MillstoneConfig config =
          MillstoneConfig.builder().dataDir(dir).dbUrl(url).redisUrl("redis://r:6379").build();

      assertThat(db.toString()).doesNotContain(SECRET).contains("db.example");
      assertThat(db.maskedUrl()).doesNotContain(SECRET).contains("***");
      assertThat(config.toString()).doesNotContain(SECRET).contains("db.example");
    }
  }

  @Test
  void theStatusCommandShowsAnUnreachableDatabaseWithoutItsPassword() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Path config = dir.resolve("server.conf");
    Files.writeString(
        config,
        String.join(
            "\n",
            "data.dir=" + dir.resolve("data"),
            "db.url=jdbc:postgresql://127.0.0.1:"
                + closedPort
                + "/millstone?connectTimeout=2&password="
                + SECRET,
            "redis.url=" + TestPlatform.get().redisUrl(),
            "port=" + closedPort,
            ""));
    PrintStream original = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      code = new CommandLine(new ServerCli()).execute("status", "--config", config.toString());
    } finally {
      System.setOut(original);
    }
    String out = buf.toString(StandardCharsets.UTF_8);

    assertThat(code).isEqualTo(1);
    assertThat(out).contains("UNREACHABLE at").contains("127.0.0.1:" + closedPort);
    assertThat(out).doesNotContain(SECRET);
  }

  @Test
  void migratingOpeningAndFailingToConnectLogNoPasswordFromTheUrl() throws Exception {
    DatabaseSettings real = TestPlatform.get().database().settings();
    // Migrations: the owner's password given apart wins over the one in the URL.
    DatabaseSettings withSecret =
        new DatabaseSettings(
            real.jdbcUrl() + "&password=" + SECRET,
            real.ownerUser(),
            real.ownerPassword(),
            real.runtimeUser(),
            real.runtimePassword(),
            2);
    // The pool: a password in the URL wins, so it carries the runtime role's real one.
    DatabaseSettings runtimeInUrl =
        new DatabaseSettings(
            real.jdbcUrl() + "&password=" + real.runtimePassword(),
            real.ownerUser(),
            real.ownerPassword(),
            real.runtimeUser(),
            null,
            2);
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    DatabaseSettings unreachable =
        new DatabaseSettings(
            "jdbc:postgresql://127.0.0.1:" + closedPort + "/millstone?password=" + SECRET,
            real.ownerUser(),
            real.ownerPassword(),
            real.runtimeUser(),
            real.runtimePassword(),
            2);
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    List<Throwable> failures = new ArrayList<>();
    try {
      Database.migrate(withSecret);
      try (Database db = Database.open(runtimeInUrl, MillstoneServer.entities(), null)) {
        assertThat(db.settings().toString()).doesNotContain(real.runtimePassword());
      }
      failures.add(catchThrowable(() -> Database.migrate(unreachable)));
      failures.add(
          catchThrowable(() -> Database.open(unreachable, MillstoneServer.entities(), null)));
    } finally {
      root.detachAppender(appender);
    }

    assertThat(failures).allSatisfy(f -> assertThat(f).isNotNull());
    for (Throwable f : failures) {
      for (Throwable c = f; c != null; c = c.getCause()) {
        assertThat(String.valueOf(c.getMessage()))
            .doesNotContain(SECRET)
            .doesNotContain(real.runtimePassword());
      }
    }
    for (ILoggingEvent e : appender.list) {
      String line =
          e.getFormattedMessage()
              + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
      assertThat(line).doesNotContain(SECRET).doesNotContain(real.runtimePassword());
    }
  }
}
