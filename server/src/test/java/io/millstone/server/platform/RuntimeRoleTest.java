package io.millstone.server.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.millstone.server.MillstoneServer;
import io.millstone.server.TestPlatform;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server refuses to run as a database role for which row-level security would silently not keep
 * companies apart, and says which role, what is wrong and what to do.
 */
class RuntimeRoleTest {
  private static final String PASSWORD = "role-test-" + UUID.randomUUID();
  private static DatabaseSettings real;
  private static String superuserUrl;
  private static String superuserPassword;
  private static final List<String> cleanup = new ArrayList<>();

  @BeforeAll
  static void connect() throws Exception {
    real = TestPlatform.get().database().settings();
    superuserUrl = real.jdbcUrl().replace("/millstone?", "/postgres?");
    superuserPassword =
        EmbeddedStores.superuserPassword(TestPlatform.get().config().dataDir()).orElseThrow();
  }

  @AfterAll
  static void dropWhatWasMade() throws Exception {
    for (int i = cleanup.size() - 1; i >= 0; i--) {
      asSuperuser(superuserUrl, cleanup.get(i));
    }
  }

  private static void asSuperuser(String url, String... sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", superuserPassword);
        Statement st = c.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
    }
  }

  private static String role(String attributes) throws Exception {
    String name = "rt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    asSuperuser(
        superuserUrl,
        "CREATE ROLE " + name + " LOGIN " + attributes + " PASSWORD '" + PASSWORD + "'");
    cleanup.add("DROP ROLE IF EXISTS " + name);
    return name;
  }

  private static String refusal(String url, String runtimeRole) {
    DatabaseSettings settings =
        new DatabaseSettings(url, real.ownerUser(), real.ownerPassword(), runtimeRole, PASSWORD, 2);
    Throwable t =
        catchThrowable(() -> Database.open(settings, MillstoneServer.entities(), null).close());
    assertThat(t).as("the server started as %s", runtimeRole).isNotNull();
    assertThat(t).isInstanceOf(IllegalArgumentException.class);
    return t.getMessage();
  }

  @Test
  void aSuperuserRuntimeRoleIsRefusedByName() throws Exception {
    String role = role("SUPERUSER");

    assertThat(refusal(real.jdbcUrl(), role))
        .contains("runtime database role " + role)
        .contains("is a superuser")
        .contains("NOSUPERUSER NOBYPASSRLS");
  }

  @Test
  void aRuntimeRoleThatBypassesRowLevelSecurityIsRefused() throws Exception {
    String role = role("NOSUPERUSER BYPASSRLS");
    asSuperuser(superuserUrl, "GRANT CONNECT ON DATABASE millstone TO " + role);
    cleanup.add("REVOKE CONNECT ON DATABASE millstone FROM " + role);

    assertThat(refusal(real.jdbcUrl(), role)).contains(role).contains("has BYPASSRLS");
  }

  @Test
  void aRuntimeRoleThatIsAMemberOfTheOwnerIsRefused() throws Exception {
    String role = role("NOSUPERUSER NOBYPASSRLS");
    asSuperuser(real.jdbcUrl(), "GRANT " + real.ownerUser() + " TO " + role);

    assertThat(refusal(real.jdbcUrl(), role))
        .contains(role)
        .contains("is a member of the owner role " + real.ownerUser());
  }

  @Test
  void aRuntimeRoleThatOwnsATableIsRefusedAndTheTableNamed() throws Exception {
    String role = role("NOSUPERUSER NOBYPASSRLS");
    String database = "roles_" + role;
    asSuperuser(superuserUrl, "CREATE DATABASE " + database);
    // Dropped before the role (cleanup runs backwards).
    cleanup.add("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    String url = real.jdbcUrl().replace("/millstone?", "/" + database + "?");
    asSuperuser(
        url,
        "CREATE TABLE public.stock_move (id uuid PRIMARY KEY)",
        "ALTER TABLE public.stock_move OWNER TO " + role);

    assertThat(refusal(url, role)).contains(role).contains("owns table public.stock_move");
  }
}
