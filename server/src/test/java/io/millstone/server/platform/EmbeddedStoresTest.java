package io.millstone.server.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL a newcomer's server starts is a real server on a real port: another local
 * user must not get into it, least of all as the superuser that row-level security does not stop.
 */
class EmbeddedStoresTest {
  @TempDir Path dataDir;

  @Test
  void everyConnectionToTheEmbeddedDatabaseNeedsItsRolesPassword() throws Exception {
    MillstoneConfig config = MillstoneConfig.builder().dataDir(dataDir).build();
    try (EmbeddedStores stores = EmbeddedStores.start(config, true, false)) {
      assertOnlyPasswordsLetIn(stores.databaseSettings());
    }
  }

  @Test
  void aDataDirectoryLeftOnTrustByAnOlderVersionRequiresPasswordsAgainAfterTheNextStart()
      throws Exception {
    MillstoneConfig config = MillstoneConfig.builder().dataDir(dataDir).build();
    try (EmbeddedStores stores = EmbeddedStores.start(config, true, false)) {
      assertThat(stores.databaseSettings()).isNotNull();
    }
    // What zonky's initdb writes, and what data directories made before this check held.
    Files.writeString(
        dataDir.resolve("postgres/pg_hba.conf"),
        "host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n");

    try (EmbeddedStores stores = EmbeddedStores.start(config, true, false)) {
      assertOnlyPasswordsLetIn(stores.databaseSettings());
      // The data survived: the owner still owns the schema it made on the first start.
      try (Connection c =
              DriverManager.getConnection(
                  stores.databaseSettings().jdbcUrl(),
                  stores.databaseSettings().ownerUser(),
                  stores.databaseSettings().ownerPassword());
          Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'public'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo(stores.databaseSettings().ownerUser());
      }
    }
  }

  @Test
  void aNewClusterNeverTrustsAConnectionNotEvenBeforeTheServerSecuresIt() throws Exception {
    Path pgDir = dataDir.resolve("postgres");
    String password = "first-start-" + java.util.UUID.randomUUID();

    // Only initdb and the first start: nothing of the server's own securing has run yet.
    try (EmbeddedPostgres pg = EmbeddedStores.startPostgres(dataDir, pgDir, password)) {
      List<String> rules =
          Files.readAllLines(pgDir.resolve("pg_hba.conf")).stream()
              .map(String::strip)
              .filter(l -> !l.isEmpty() && !l.startsWith("#"))
              .toList();
      assertThat(rules).isNotEmpty().noneMatch(l -> l.matches(".*\\btrust\\b.*"));
      String url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres?sslmode=disable";
      for (String attempt : new String[] {"", "guess"}) {
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", attempt))
            .as("postgres with password '%s'", attempt)
            .isInstanceOf(SQLException.class);
      }
      try (Connection c = DriverManager.getConnection(url, "postgres", password)) {
        assertThat(c.isValid(2)).isTrue();
      }
    }
    assertThat(EmbeddedStores.binariesDirectory(dataDir))
        .as("the password file given to initdb is gone")
        .isDirectoryNotContaining(p -> p.getFileName().toString().contains("password"));
  }

  @Test
  void thePostgresBinariesRunFromAnOwnerOnlyDirectoryUnderTheDataDirectory() throws Exception {
    MillstoneConfig config = MillstoneConfig.builder().dataDir(dataDir).build();
    try (EmbeddedStores stores = EmbeddedStores.start(config, true, false)) {
      Path binaries = dataDir.resolve("binaries");
      Path mine = Files.createFile(dataDir.resolve("made-by-this-user"));

      assertThat(Files.getOwner(binaries)).isEqualTo(Files.getOwner(mine));
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(binaries)))
          .isEqualTo("rwx------");
      DatabaseSettings db = stores.databaseSettings();
      try (Connection c =
              DriverManager.getConnection(db.jdbcUrl(), db.runtimeUser(), db.runtimePassword());
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
        rs.next();
        Path executable = Files.readSymbolicLink(Path.of("/proc", rs.getString(1), "exe"));
        assertThat(executable).startsWith(binaries.toRealPath());
      }
    }
  }

  private void assertOnlyPasswordsLetIn(DatabaseSettings db) throws IOException, SQLException {
    String url = db.jdbcUrl();
    String postgresDb = url.replace("/millstone?", "/postgres?");

    for (String[] attempt :
        new String[][] {
          {postgresDb, "postgres", ""},
          {postgresDb, "postgres", "guess"},
          {url, db.ownerUser(), "guess"},
          {url, db.runtimeUser(), "guess"},
          {url, db.runtimeUser(), db.ownerPassword()},
        }) {
      assertThatThrownBy(() -> DriverManager.getConnection(attempt[0], attempt[1], attempt[2]))
          .as("%s with password '%s'", attempt[1], attempt[2])
          .isInstanceOf(SQLException.class)
          .satisfies(
              e -> assertThat(((SQLException) e).getSQLState()).isIn("28P01", "28000", "08004"));
    }

    try (Connection c = DriverManager.getConnection(url, db.runtimeUser(), db.runtimePassword());
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT current_user")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo(db.runtimeUser());
    }
    try (Connection c =
        DriverManager.getConnection(
            postgresDb, "postgres", EmbeddedStores.superuserPassword(dataDir).orElseThrow())) {
      assertThat(c.isValid(2)).isTrue();
    }
  }
}
