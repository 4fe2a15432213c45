package io.millstone.server.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millstone.server.MillstoneServer;
import io.millstone.server.TestPlatform;
import io.millstone.server.TestServer;
import io.millstone.server.platform.Database;
import io.millstone.server.platform.DatabaseSettings;
import io.millstone.server.platform.MillstoneConfig;
import io.millstone.server.platform.Platform;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a restore refuses, and that a refused or failed restore leaves nothing behind. */
class RestoreRefusalTest {
  @TempDir static Path dir;
  static Path backup;

  /**
   * A database of its own, not the shared test database: other test classes tamper with their
   * companies' audit trails on purpose, and a restore rightly refuses a backup of those.
   */
  @BeforeAll
  static void backUpADatabaseOfItsOwn() throws Exception {
    DatabaseSettings own = emptyDatabase();
    MillstoneConfig config =
        TestPlatform.config(dir.resolve("own"))
            .dbUrl(own.jdbcUrl())
            .dbOwnerPassword(own.ownerPassword())
            .dbPassword(own.runtimePassword())
            .redisUrl(TestPlatform.get().redisUrl())
            .build();
    try (Platform platform = Platform.start(config, MillstoneServer.entities(), null);
        TestServer t = new TestServer(platform)) {
      t.createCompany("Refusal Mill " + t.unique("x"));
    }
    backup = dir.resolve("test.zip");
    BackupWriter.write(own, dir.resolve("data"), backup);
  }

  /** The same backup with one entry changed. */
  private static Path altered(String entry, BiFunction<String, byte[], byte[]> change)
      throws Exception {
    Path out = dir.resolve("altered-" + UUID.randomUUID() + ".zip");
    try (ZipFile in = new ZipFile(backup.toFile());
        OutputStream file = Files.newOutputStream(out);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      Enumeration<? extends ZipEntry> all = in.entries();
      while (all.hasMoreElements()) {
        ZipEntry e = all.nextElement();
        byte[] bytes;
        try (InputStream s = in.getInputStream(e)) {
          bytes = s.readAllBytes();
        }
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(e.getName().equals(entry) ? change.apply(e.getName(), bytes) : bytes);
        zip.closeEntry();
      }
    }
    return out;
  }

  /** A new, empty database on the test PostgreSQL, owned by the Millstone owner role. */
  static DatabaseSettings emptyDatabase() throws Exception {
    DatabaseSettings test = TestPlatform.get().database().settings();
    String name = "restore_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String server = test.jdbcUrl().substring(0, test.jdbcUrl().lastIndexOf('/'));
    try (Connection c =
            DriverManager.getConnection(
                server + "/postgres",
                "postgres",
                io.millstone.server.platform.EmbeddedStores.superuserPassword(
                        TestPlatform.get().config().dataDir())
                    .orElseThrow());
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name + " OWNER " + test.ownerUser());
    }
    return new DatabaseSettings(
        server + "/" + name,
        test.ownerUser(),
        test.ownerPassword(),
        test.runtimeUser(),
        test.runtimePassword(),
        2);
  }

  private static long companies(DatabaseSettings db) throws Exception {
    try (Connection c = Database.ownerDataSource(db).getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM company")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void aBackupFromANewerServerIsRefusedWithTheVersionToInstall() throws Exception {
    Path newer =
        altered(
            Manifest.ENTRY,
            (n, b) ->
                new String(b, StandardCharsets.UTF_8)
                    .replaceFirst("schema.version=\\d+", "schema.version=99")
                    .replaceFirst("server.version=.*", "server.version=9.9.0")
                    .getBytes(StandardCharsets.UTF_8));
    DatabaseSettings empty = emptyDatabase();

    assertThatThrownBy(() -> Restorer.restore(empty, dir.resolve("d1"), newer))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("schema (version 99")
        .hasMessageContaining("Install Millstone 9.9.0 or newer");
    assertThat(Database.migrationState(empty).applied()).as("nothing was migrated").isNull();
  }

  @Test
  void aDamagedTableRestoresNothing() throws Exception {
    Path damaged =
        altered(
            "tables/company.copy",
            (n, b) -> {
              String s = new String(b, StandardCharsets.UTF_8);
              return s.substring(s.indexOf('\n') + 1).getBytes(StandardCharsets.UTF_8);
            });
    DatabaseSettings empty = emptyDatabase();

    assertThatThrownBy(() -> Restorer.restore(empty, dir.resolve("d2"), damaged))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("nothing was restored");
    assertThat(companies(empty)).isZero();

    Restorer.Result ok = Restorer.restore(empty, dir.resolve("d2"), backup);
    assertThat(companies(empty))
        .isEqualTo(
            ok.manifest().tables().stream()
                .filter(t -> t.name().equals("company"))
                .findFirst()
                .orElseThrow()
                .rows());
  }

  @Test
  void aNonBackupFileIsRefusedInPlainWords() throws Exception {
    Path notZip = Files.writeString(dir.resolve("notes.txt"), "hello");
    assertThatThrownBy(
            () ->
                Restorer.restore(
                    TestPlatform.get().database().settings(), dir.resolve("d3"), notZip))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("is not a Millstone backup");
  }
}
