package io.millstone.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.server.TestPlatform;
import io.millstone.server.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo creates its mill once; running it again changes nothing and prints the same users. */
class DemoSeederTest {
  @TempDir Path dir;

  private static io.grpc.Metadata bearer(String token) {
    io.grpc.Metadata md = new io.grpc.Metadata();
    md.put(
        io.grpc.Metadata.Key.of("authorization", io.grpc.Metadata.ASCII_STRING_MARSHALLER),
        "Bearer " + token);
    return md;
  }

  @Test
  void seedingTwiceCreatesOneCompanyAndUsersWhoCanSignIn() throws Exception {
    try (TestServer t = new TestServer()) {
      Map<String, String> first = DemoSeeder.seed(t.server(), dir);
      Map<String, String> second = DemoSeeder.seed(t.server(), dir);

      assertThat(first)
          .containsOnlyKeys(
              "admin", "manager", "sales", "stores", "accounts", "cane", "production", "lab")
          .isEqualTo(second);
      assertThat(Files.getPosixFilePermissions(dir.resolve(DemoSeeder.CREDENTIALS_FILE)))
          .containsExactlyInAnyOrder(
              PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
      assertThat(Files.readAllLines(dir.resolve(DemoSeeder.CREDENTIALS_FILE)))
          .contains("admin=" + first.get("admin"));
      try (Connection c = TestPlatform.get().database().ownerDataSource().getConnection();
          ResultSet rs =
              c.createStatement()
                  .executeQuery(
                      "SELECT count(*), min(currency_code), min(vat_rate_percent), min(fiscal_year_start_month),"
                          + " min(time_zone), min(bin), min(address) FROM company"
                          + " WHERE name = 'Sugar Mill Demo Ltd'")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(1);
        assertThat(rs.getString(2)).isEqualTo("BDT");
        assertThat(rs.getBigDecimal(3)).isEqualByComparingTo("15");
        assertThat(rs.getInt(4)).isEqualTo(7);
        assertThat(rs.getString(5)).isEqualTo("Asia/Dhaka");
        // Its tax invoices name the seller's BIN and address.
        assertThat(rs.getString(6)).hasSize(13);
        assertThat(rs.getString(7)).contains("Darsana");
      }
      var admin = t.login("admin", first.get("admin"));
      assertThat(admin.getPermissionsList()).contains("identity.users.manage");
      var md =
          io.millstone.server.masterdata.MasterdataFixtures.of(
              t.channel(), admin.getSessionToken());
      var all = io.millstone.api.masterdata.v1.ListRequest.getDefaultInstance();
      assertThat(md.items.listItems(all).getItemsList())
          .extracting(i -> i.getCode())
          .contains("SUG-L30", "MOLASSES", "BAGASSE", "CANE", "LIME", "SULPHUR")
          .hasSize(12);
      assertThat(md.customers.listCustomers(all).getPartiesList()).hasSize(5);
      assertThat(md.suppliers.listSuppliers(all).getPartiesList())
          .extracting(p -> p.getName())
          .anySatisfy(n -> assertThat(n).contains("cane grower"));
      assertThat(md.warehouses.listWarehouses(all).getWarehousesList()).hasSize(6);
      var machines =
          io.millstone.api.telemetry.v1.MachineServiceGrpc.newBlockingStub(t.channel())
              .withInterceptors(
                  io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(
                      bearer(admin.getSessionToken())))
              .listMachines(io.millstone.api.telemetry.v1.ListMachinesRequest.getDefaultInstance())
              .getMachinesList();
      assertThat(machines)
          .extracting(m -> m.getCode())
          .containsExactly("BOILER-2", "CENT-3", "JUICE", "MILL-1", "WB-GATE");
      assertThat(machines.stream().mapToInt(m -> m.getTagsCount()).sum()).isEqualTo(15);
      assertThat(Files.readString(dir.resolve("demo-agent/agent.yaml")))
          .contains("weighbridge_weight: wb_gate.weight", "weighbridge_stable: wb_gate.stable");
      // A few weeks of trade: every sales and purchasing screen has something to show.
      var headers =
          io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(bearer(admin.getSessionToken()));
      var orders =
          io.millstone.api.sales.v1.SalesServiceGrpc.newBlockingStub(t.channel())
              .withInterceptors(headers)
              .listOrders(io.millstone.api.sales.v1.ListOrdersRequest.getDefaultInstance())
              .getOrdersList();
      assertThat(orders).hasSize(12);
      assertThat(orders)
          .extracting(o -> o.getState())
          .contains(
              io.millstone.api.sales.v1.OrderState.ORDER_STATE_QUOTATION,
              io.millstone.api.sales.v1.OrderState.ORDER_STATE_CONFIRMED,
              io.millstone.api.sales.v1.OrderState.ORDER_STATE_DELIVERED,
              io.millstone.api.sales.v1.OrderState.ORDER_STATE_INVOICED);
      var pos =
          io.millstone.api.purchasing.v1.PurchasingServiceGrpc.newBlockingStub(t.channel())
              .withInterceptors(headers)
              .listPurchaseOrders(
                  io.millstone.api.purchasing.v1.ListPurchaseOrdersRequest.getDefaultInstance())
              .getOrdersList();
      assertThat(pos)
          .extracting(o -> o.getState())
          .contains(
              io.millstone.api.purchasing.v1.PurchaseOrderState.PURCHASE_ORDER_STATE_CLOSED,
              io.millstone.api.purchasing.v1.PurchaseOrderState
                  .PURCHASE_ORDER_STATE_AWAITING_APPROVAL);
      var valuation =
          io.millstone.api.inventory.v1.StockServiceGrpc.newBlockingStub(t.channel())
              .withInterceptors(headers)
              .getStockValuation(
                  io.millstone.api.inventory.v1.GetStockValuationRequest.getDefaultInstance());
      assertThat(valuation.getTotal().getAmount())
          .isEqualTo(valuation.getLedgerBalance().getAmount());
      assertThat(new java.math.BigDecimal(valuation.getTotal().getAmount())).isPositive();
      // Three weeks of the crushing season: growers, tickets, runs a mill would recognise, the
      // lab, and the first fortnight billed and paid.
      var cane =
          io.millstone.api.cane.v1.CaneServiceGrpc.newBlockingStub(t.channel())
              .withInterceptors(headers);
      var page = io.millstone.api.common.v1.PageRequest.newBuilder().setPageSize(200).build();
      assertThat(
              cane.listGrowers(
                      io.millstone.api.cane.v1.ListGrowersRequest.newBuilder()
                          .setPage(page)
                          .build())
                  .getGrowersList())
          .hasSize(60);
      var tickets =
          cane.listTickets(
                  io.millstone.api.cane.v1.ListTicketsRequest.newBuilder().setPage(page).build())
              .getTicketsList();
      assertThat(tickets).hasSizeGreaterThanOrEqualTo(50);
      assertThat(
              cane.listOpenTickets(
                      io.millstone.api.cane.v1.ListOpenTicketsRequest.newBuilder()
                          .setWarehouseCode("CANE-YARD")
                          .build())
                  .getTicketsList())
          .as("trucks waiting at the gate for their tare")
          .hasSize(3);
      var bills =
          cane.listCaneBills(
                  io.millstone.api.cane.v1.ListCaneBillsRequest.newBuilder().setPage(page).build())
              .getBillsList();
      assertThat(bills).hasSizeGreaterThan(30);
      assertThat(bills)
          .allSatisfy(
              b -> assertThat(b.getPaid().getAmount()).isEqualTo(b.getNetPayable().getAmount()));
      var runs =
          io.millstone.api.production.v1.ProductionServiceGrpc.newBlockingStub(t.channel())
              .withInterceptors(headers)
              .listRuns(
                  io.millstone.api.production.v1.ListRunsRequest.newBuilder()
                      .setPage(page)
                      .setState(io.millstone.api.production.v1.RunState.RUN_STATE_FINISHED)
                      .build())
              .getRunsList();
      assertThat(runs).hasSize(60);
      assertThat(runs)
          .allSatisfy(
              r -> {
                var f = r.getFigures();
                assertThat(new java.math.BigDecimal(f.getRecoveryPercent().getValue()))
                    .isBetween(new java.math.BigDecimal("6"), new java.math.BigDecimal("7"));
                assertThat(new java.math.BigDecimal(f.getMolassesPercentCane().getValue()))
                    .isBetween(new java.math.BigDecimal("4.2"), new java.math.BigDecimal("4.9"));
                assertThat(new java.math.BigDecimal(f.getBagassePercentCane().getValue()))
                    .isBetween(new java.math.BigDecimal("29"), new java.math.BigDecimal("31.5"));
                assertThat(new java.math.BigDecimal(f.getPressMudPercentCane().getValue()))
                    .isBetween(new java.math.BigDecimal("3.3"), new java.math.BigDecimal("3.8"));
              });
      // Yesterday's OEE from the machines' history, streamed through the ingest.
      var manager = t.login("manager", first.get("manager")).getSessionToken();
      var yesterday = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Dhaka")).minusDays(1);
      var oee =
          io.millstone.api.production.v1.OeeServiceGrpc.newBlockingStub(t.channel())
              .withInterceptors(
                  io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(bearer(manager)))
              .getOee(
                  io.millstone.api.production.v1.GetOeeRequest.newBuilder()
                      .setPeriod(io.millstone.api.production.v1.OeePeriod.OEE_PERIOD_DAY)
                      .setDate(
                          io.millstone.api.common.v1.Date.newBuilder()
                              .setYear(yesterday.getYear())
                              .setMonth(yesterday.getMonthValue())
                              .setDay(yesterday.getDayOfMonth()))
                      .build());
      assertThat(oee.getLinesList())
          .filteredOn(l -> l.getMachineCode().isEmpty())
          .extracting(l -> l.getWorkCentreCode())
          .containsExactly("BOILER", "CENTRIF", "MILL");
      assertThat(oee.getLinesList())
          .allSatisfy(
              l -> {
                assertThat(new java.math.BigDecimal(l.getOeePercent().getValue()))
                    .isBetween(new java.math.BigDecimal("50"), new java.math.BigDecimal("100"));
                assertThat(l.getNoDataMinutes().getValue()).isEqualTo("0");
              });
      assertThat(
              io.millstone.api.production.v1.LabServiceGrpc.newBlockingStub(t.channel())
                  .withInterceptors(headers)
                  .listSamples(
                      io.millstone.api.production.v1.ListSamplesRequest.newBuilder()
                          .setPage(page)
                          .setOutOfRangeOnly(true)
                          .build())
                  .getSamplesList())
          .as("now and then a sample outside its stream's limits")
          .isNotEmpty();
      // The manager's first click: yesterday's production report, with the season's real figures.
      var report =
          TestServer.withToken(
                  t.login("manager", first.get("manager")).getSessionToken(),
                  io.millstone.api.analytics.v1.ProductionReportServiceGrpc.newBlockingStub(
                      t.channel()))
              .getProductionReport(
                  io.millstone.api.analytics.v1.GetProductionReportRequest.newBuilder()
                      .setDate(
                          io.millstone.server.gateway.ProtoValues.date(
                              java.time.LocalDate.now(java.time.ZoneId.of("Asia/Dhaka"))
                                  .minusDays(1)))
                      .build());
      java.util.Map<String, String> byKey = new java.util.LinkedHashMap<>();
      report
          .getFiguresList()
          .forEach(
              x ->
                  byKey.put(
                      x.getKey(),
                      x.getDay().getValue()
                          + " prev "
                          + x.getPreviousDay().getValue()
                          + " avg "
                          + x.getSeasonAverage().getValue()
                          + " "
                          + x.getFlag()));
      System.out.println("Demo report for yesterday: " + byKey);
      assertThat(report.getCrushingDays()).isEqualTo(20);
      assertThat(report.getSeriesList()).hasSize(20);
      assertThat(new java.math.BigDecimal(dayOf(report, "cane_crushed")))
          .isGreaterThan(new java.math.BigDecimal("100"));
      assertThat(new java.math.BigDecimal(dayOf(report, "cane_received"))).isPositive();
      assertThat(new java.math.BigDecimal(dayOf(report, "recovery")))
          .isBetween(new java.math.BigDecimal("6"), new java.math.BigDecimal("7"));
      assertThat(byKey).containsKeys("lab:MIXED_JUICE:purity", "lost_time", "molasses");
      assertThat(byKey.keySet()).anyMatch(k -> k.startsWith("stock:"));
      // The report's OEE per work centre is the OEE screen's figure for the same day.
      java.util.Map<String, String> oeeByCentre = new java.util.TreeMap<>();
      oee.getLinesList().stream()
          .filter(l -> l.getMachineCode().isEmpty())
          .forEach(l -> oeeByCentre.put(l.getWorkCentreCode(), l.getOeePercent().getValue()));
      java.util.Map<String, String> reportOee = new java.util.TreeMap<>();
      report
          .getOeeList()
          .forEach(o -> reportOee.put(o.getWorkCentreCode(), o.getOeePercent().getValue()));
      assertThat(reportOee).isEqualTo(oeeByCentre);
      assertThat(report.getOeeList())
          .allSatisfy(
              o -> {
                assertThat(new java.math.BigDecimal(o.getPreviousDayOeePercent().getValue()))
                    .isBetween(new java.math.BigDecimal("50"), new java.math.BigDecimal("100"));
                assertThat(new java.math.BigDecimal(o.getSeasonOeePercent().getValue()))
                    .isBetween(new java.math.BigDecimal("50"), new java.math.BigDecimal("100"));
              });
      assertThat(report.getFiguresList())
          .filteredOn(x -> x.getKey().startsWith("stock:"))
          .anySatisfy(
              x -> assertThat(new java.math.BigDecimal(x.getDay().getValue())).isPositive());
      Path token = dir.resolve("demo-agent/enrollment.token");
      assertThat(Files.getPosixFilePermissions(token))
          .containsExactlyInAnyOrder(
              PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
      var enrolled =
          io.millstone.api.telemetry.v1.EnrollmentServiceGrpc.newBlockingStub(t.channel())
              .enroll(
                  io.millstone.api.telemetry.v1.EnrollRequest.newBuilder()
                      .setEnrollmentToken(Files.readString(token).trim())
                      .build());
      assertThat(enrolled.getDeviceSecret()).isNotEmpty();
      assertThat(t.login("sales", first.get("sales")).getPermissionsList())
          .doesNotContain("identity.users.manage");

      // A crash after the company was made but before the file was final: the rerun completes.
      Files.move(
          dir.resolve(DemoSeeder.CREDENTIALS_FILE),
          dir.resolve(DemoSeeder.CREDENTIALS_FILE + ".pending"));
      assertThat(DemoSeeder.seed(t.server(), dir)).isEqualTo(first);
      assertThat(md.items.listItems(all).getItemsList()).hasSize(12);
      assertThat(
              io.millstone.api.sales.v1.SalesServiceGrpc.newBlockingStub(t.channel())
                  .withInterceptors(headers)
                  .listOrders(io.millstone.api.sales.v1.ListOrdersRequest.getDefaultInstance())
                  .getOrdersList())
          .as("trade is seeded once")
          .hasSize(12);
    }
  }

  private static String dayOf(io.millstone.api.analytics.v1.ProductionReport r, String key) {
    return r.getFiguresList().stream()
        .filter(x -> x.getKey().equals(key))
        .findFirst()
        .orElseThrow()
        .getDay()
        .getValue();
  }
}
