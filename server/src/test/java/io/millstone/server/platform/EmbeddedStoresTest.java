package io.millstone.server.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
