package io.millstone.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.server.TestPlatform;
import io.millstone.server.TestServer;
import io.millstone.server.identity.model.CompanySettings;
import io.millstone.server.platform.Actor;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every change leaves an audit row chained to the one before; editing, deleting or reordering rows
 * afterwards is detected by the verifier, and the runtime role cannot even try.
 */
class AuditChainTest {
  static TestServer t;
  static DataSource owner;

  @BeforeAll
  static void start() {
    t = new TestServer();
    owner = TestPlatform.get().database().ownerDataSource();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  /** A company with five audited changes: creation, two users, two settings updates. */
  private UUID companyWithHistory() {
    var c = t.createCompany("Audited Mill");
    Actor admin = Actor.system(c.id(), "test");
    t.createUser(c.id(), t.fresh("aud"), "sales");
    t.createUser(c.id(), t.fresh("aud"), "stores");
    var v = t.server().companyAdmin().get(admin);
    v =
        t.server()
            .companyAdmin()
            .update(
                admin,
                new CompanySettings(
                    "Audited Mill Ltd", "BDT", new BigDecimal("15"), 7, "Asia/Dhaka"),
                v.version());
    t.server()
        .companyAdmin()
        .update(
            admin,
            new CompanySettings("Audited Mill Ltd", "BDT", new BigDecimal("7.5"), 7, "Asia/Dhaka"),
            v.version());
    return c.id();
  }

  private static List<String> problemsOf(UUID company) throws SQLException {
    return new AuditVerifier(owner)
        .verify().problems().stream().filter(p -> p.contains(company.toString())).toList();
  }

  private static void asOwner(String sql, UUID company) throws SQLException {
    try (Connection c = owner.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, company);
      ps.executeUpdate();
    }
  }

  @Test
  void everyChangeIsRecordedAndTheChainVerifies() throws SQLException {
    UUID company = companyWithHistory();
    try (Connection c = owner.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT action FROM audit_event WHERE company_id = ? ORDER BY seq")) {
      ps.setObject(1, company);
      var rs = ps.executeQuery();
      List<String> actions = new java.util.ArrayList<>();
      while (rs.next()) {
        actions.add(rs.getString(1));
      }
      assertThat(actions)
          .containsExactly(
              "identity.company.create",
              "identity.user.create",
              "identity.user.create",
              "identity.company.update",
              "identity.company.update");
    }
    assertThat(problemsOf(company)).isEmpty();
  }

  @Test
  void anEditedRowIsDetected() throws SQLException {
    UUID company = companyWithHistory();
    asOwner(
        "UPDATE audit_event SET summary = 'nothing happened' WHERE company_id = ? AND seq = 4",
        company);

    assertThat(problemsOf(company)).singleElement().asString().contains("row 4").contains("edited");
  }

  @Test
  void aDeletedRowIsDetected() throws SQLException {
    UUID company = companyWithHistory();
    asOwner("DELETE FROM audit_event WHERE company_id = ? AND seq = 2", company);

    assertThat(problemsOf(company)).anySatisfy(p -> assertThat(p).contains("missing"));
  }

  @Test
  void aDeletedLastRowIsDetected() throws SQLException {
    UUID company = companyWithHistory();
    asOwner("DELETE FROM audit_event WHERE company_id = ? AND seq = 5", company);

    assertThat(problemsOf(company))
        .anySatisfy(p -> assertThat(p).contains("at the end were deleted"));
  }

  @Test
  void reorderedRowsAreDetected() throws SQLException {
    UUID company = companyWithHistory();
    try (Connection c = owner.getConnection()) {
      c.setAutoCommit(false);
      for (String sql :
          List.of(
              "UPDATE audit_event SET seq = -2 WHERE company_id = ? AND seq = 2",
              "UPDATE audit_event SET seq = 2 WHERE company_id = ? AND seq = 3",
              "UPDATE audit_event SET seq = 3 WHERE company_id = ? AND seq = -2")) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setObject(1, company);
          ps.executeUpdate();
        }
      }
      c.commit();
    }

    assertThat(problemsOf(company)).isNotEmpty();
  }

  @Test
  void theRuntimeRoleCanNeitherReadNorChangeTheTrail() throws SQLException {
    UUID company = companyWithHistory();
    DataSource runtime = TestPlatform.get().database().runtimeDataSource();
    for (String sql :
        List.of(
            "SELECT count(*) FROM audit_event",
            "UPDATE audit_event SET summary = 'x'",
            "DELETE FROM audit_event")) {
      try (Connection c = runtime.getConnection();
          Statement st = c.createStatement()) {
        st.execute("SELECT set_config('millstone.company_id', '" + company + "', true)");
        try {
          st.execute(sql);
          throw new AssertionError("runtime role could run: " + sql);
        } catch (SQLException e) {
          assertThat(e.getSQLState()).as(sql).isEqualTo("42501");
        }
        c.rollback();
      }
    }
    assertThat(problemsOf(company)).isEmpty();
  }
}
