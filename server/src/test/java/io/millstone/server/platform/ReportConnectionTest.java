package io.millstone.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.millstone.api.analytics.v1.GetProductionReportRequest;
import io.millstone.api.analytics.v1.ProductionReportServiceGrpc;
import io.millstone.api.common.v1.Date;
import io.millstone.server.TestPlatform;
import io.millstone.server.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Reports read through the report connection: by default the server's own pool, in read-only
 * transactions with the company set as business work sets it; with {@code report.db.url} a pool of
 * its own, which is the one the report's statements run on.
 */
class ReportConnectionTest {

  @Test
  void byDefaultReportsReadTheServersDatabaseReadOnlyInTheCallersCompany() {
    try (TestServer t = new TestServer()) {
      ReportConnection reports = t.server().reportConnection();
      assertThat(reports.separate()).isFalse();
      UUID company = t.createCompany("Report Default Mill").id();
      String[] seen =
          reports.inCompany(
              Actor.system(company, "test"),
              c -> {
                try (PreparedStatement ps =
                        c.prepareStatement(
                            "SELECT current_setting('transaction_read_only'),"
                                + " current_setting('millstone.company_id'),"
                                + " current_setting('application_name')");
                    ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  return new String[] {rs.getString(1), rs.getString(2), rs.getString(3)};
                }
              });
      assertThat(seen).containsExactly("on", company.toString(), "millstone-server");
    }
  }

  @Test
  void aReportWritesNothing() {
    try (TestServer t = new TestServer()) {
      UUID company = t.createCompany("Report Read Only Mill").id();
      RuntimeException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              RuntimeException.class,
              () ->
                  t.server()
                      .reportConnection()
                      .inCompany(
                          Actor.system(company, "test"),
                          c -> {
                            try (PreparedStatement ps =
                                c.prepareStatement(
                                    "UPDATE company SET name = 'Renamed' WHERE id = ?")) {
                              ps.setObject(1, company);
                              return ps.executeUpdate();
                            }
                          }));
      assertThat(e).hasStackTraceContaining("read-only transaction");
    }
  }

  @Test
  void aConfiguredReportConnectionIsTheOneTheReportReadsThrough() throws Exception {
    Platform shared = TestPlatform.get();
    DatabaseSettings db = shared.database().settings();
    Platform withReports =
        shared.sharing(
            shared.config().toBuilder()
                .reportDb(db.jdbcUrl(), db.runtimeUser(), db.runtimePassword())
                .build());
    try (TestServer t = new TestServer(withReports)) {
      assertThat(t.server().reportConnection().separate()).isTrue();
      UUID company = t.createCompany("Report Replica Mill").id();
      var stub =
          t.as(
              t.createUser(company, t.fresh("replica.manager"), "manager"),
              ProductionReportServiceGrpc.newBlockingStub(t.channel()));
      Instant before = Instant.now();
      LocalDate d = LocalDate.now();
      // The company has no season, so the report says so, having asked on the report connection.
      assertThat(
              TestServer.codeOf(
                  () ->
                      stub.getProductionReport(
                          GetProductionReportRequest.newBuilder()
                              .setDate(
                                  Date.newBuilder()
                                      .setYear(d.getYear())
                                      .setMonth(d.getMonthValue())
                                      .setDay(d.getDayOfMonth()))
                              .build())))
          .isEqualTo(Status.Code.INVALID_ARGUMENT);
      try (Connection c = shared.database().runtimeDataSource().getConnection();
          PreparedStatement ps =
              c.prepareStatement(
                  "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?"
                      + " AND state_change >= ?")) {
        ps.setString(1, ReportConnection.APPLICATION_NAME);
        ps.setTimestamp(2, Timestamp.from(before));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertThat(rs.getLong(1)).as("report connections used during the call").isEqualTo(1);
        }
        c.rollback();
      }
    }
  }
}
