package io.millstone.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.millstone.server.TestPlatform;
import io.millstone.server.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Company isolation is enforced by PostgreSQL itself, not by the application's queries: these tests
 * talk to the database directly as the runtime role and try to reach another company's rows in
 * every table that has a company_id, found from the catalog rather than from a list.
 */
class CompanyIsolationTest {
  static TestServer t;
  static UUID a;
  static UUID b;
  static DataSource runtime;
  static DataSource owner;

  @BeforeAll
  static void setUp() {
    t = new TestServer();
    a = t.createCompany("Isolation Mill A").id();
    b = t.createCompany("Isolation Mill B").id();
    for (UUID c : List.of(a, b)) {
      var user =
          t.server()
              .userAdmin()
              .create(
                  Actor.system(c, "test"),
                  "isolation-key-" + c,
                  t.fresh("iso"),
                  "Isolated",
                  TestServer.PASSWORD,
                  List.of("admin"));
      // One row in every master-data table too, so each table is probed with real data.
      var login = t.login(user.username(), TestServer.PASSWORD);
      var md =
          io.millstone.server.masterdata.MasterdataFixtures.of(
              t.channel(), login.getSessionToken());
      md.item("ISO-1", "Isolated sugar");
      var isoCustomer = md.customer("ISO-C1", "Isolated customer");
      md.warehouse("ISO-W1", "Isolated store", "BAY-1");
      md.savedSearch("items", "mine", "name: sugar");
      // A note and an attachment on the customer: a row in each of the side panel's tables.
      io.millstone.api.records.v1.RecordRef isoRef =
          io.millstone.api.records.v1.RecordRef.newBuilder()
              .setKind("customer")
              .setId(isoCustomer.getId())
              .build();
      TestServer.withToken(
              login.getSessionToken(),
              io.millstone.api.records.v1.RecordServiceGrpc.newBlockingStub(t.channel()))
          .addNote(
              io.millstone.api.records.v1.AddNoteRequest.newBuilder()
                  .setRecord(isoRef)
                  .setBody("isolated note")
                  .build());
      attachOneFile(login.getSessionToken(), isoRef);
      var telemetry =
          new io.millstone.server.telemetry.TelemetryFixtures(t.channel(), login.getSessionToken());
      String code = c.equals(a) ? "ISO-A" : "ISO-B";
      var ledger =
          io.millstone.api.accounting.v1.LedgerServiceGrpc.newBlockingStub(t.channel())
              .withInterceptors(
                  io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(
                      bearer(login.getSessionToken())));
      ledger.openFiscalYear(
          io.millstone.api.accounting.v1.OpenFiscalYearRequest.newBuilder()
              .setDate(
                  io.millstone.api.common.v1.Date.newBuilder().setYear(2026).setMonth(11).setDay(1))
              .build());
      ledger.postJournalEntry(
          io.millstone.api.accounting.v1.PostJournalEntryRequest.newBuilder()
              .setEntryDate(
                  io.millstone.api.common.v1.Date.newBuilder().setYear(2026).setMonth(11).setDay(1))
              .addLines(
                  io.millstone.api.accounting.v1.JournalLine.newBuilder()
                      .setAccountCode("1000")
                      .setDebit(io.millstone.api.common.v1.Decimal.newBuilder().setValue("5")))
              .addLines(
                  io.millstone.api.accounting.v1.JournalLine.newBuilder()
                      .setAccountCode("4900")
                      .setCredit(io.millstone.api.common.v1.Decimal.newBuilder().setValue("5")))
              .build());
      // A bank statement line: a row in bank_statement_line.
      io.millstone.api.accounting.v1.BankServiceGrpc.newBlockingStub(t.channel())
          .withInterceptors(
              io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(
                  bearer(login.getSessionToken())))
          .addStatementLines(
              io.millstone.api.accounting.v1.AddStatementLinesRequest.newBuilder()
                  .setAccountCode("1000")
                  .setFrom(
                      io.millstone.api.common.v1.Date.newBuilder()
                          .setYear(2026)
                          .setMonth(11)
                          .setDay(1))
                  .setTo(
                      io.millstone.api.common.v1.Date.newBuilder()
                          .setYear(2026)
                          .setMonth(11)
                          .setDay(30))
                  .addLines(
                      io.millstone.api.accounting.v1.StatementLineInput.newBuilder()
                          .setDate(
                              io.millstone.api.common.v1.Date.newBuilder()
                                  .setYear(2026)
                                  .setMonth(11)
                                  .setDay(1))
                          .setReference("ISO")
                          .setAmount(io.millstone.api.common.v1.Decimal.newBuilder().setValue("5")))
                  .build());
      io.millstone.api.inventory.v1.StockServiceGrpc.newBlockingStub(t.channel())
          .withInterceptors(
              io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(
                  bearer(login.getSessionToken())))
          .receiveStock(
              io.millstone.api.inventory.v1.ReceiveStockRequest.newBuilder()
                  .addLines(
                      io.millstone.api.inventory.v1.StockLine.newBuilder()
                          .setItemCode("ISO-1")
                          .setWarehouseCode("ISO-W1")
                          .setQuantity(
                              io.millstone.api.common.v1.Decimal.newBuilder().setValue("5")))
                  .addUnitCosts(io.millstone.api.common.v1.Decimal.newBuilder().setValue("100"))
                  .build());
      // A reorder level of the item in the warehouse (item_warehouse_reorder).
      io.millstone.api.inventory.v1.StockServiceGrpc.newBlockingStub(t.channel())
          .withInterceptors(
              io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(
                  bearer(login.getSessionToken())))
          .setReorderLevel(
              io.millstone.api.inventory.v1.SetReorderLevelRequest.newBuilder()
                  .setItemCode("ISO-1")
                  .setWarehouseCode("ISO-W1")
                  .setReorderLevel(io.millstone.api.common.v1.Decimal.newBuilder().setValue("10"))
                  .build());
      sellOneTonne(login.getSessionToken());
      md.supplier("ISO-S1", "Isolated supplier");
      buyOneTonne(login.getSessionToken());
      // The bell's read marker: a row in notification_read (the documents above wrote the
      // notifications).
      io.millstone.api.notify.v1.NotificationServiceGrpc.newBlockingStub(t.channel())
          .withInterceptors(
              io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(
                  bearer(login.getSessionToken())))
          .markRead(io.millstone.api.notify.v1.MarkReadRequest.newBuilder().setUpToId(1).build());
      // A season's cane documents: a row in every cane table.
      io.millstone.server.cane.CaneFixtures.oneLoadPaid(
          t.channel(), login.getSessionToken(), "ISO-W1", "ISO-S1");
      telemetry.mill(code);
      io.millstone.server.production.ProductionFixtures.oneShift(
          t, c, login.getSessionToken(), code);
      try {
        // OEE: a rated machine, its cursor and a shift's rollup.
        telemetry.rolledUp(code, telemetry.enrolledDevice("iso-oee"), login.getSessionToken());
        telemetry.someReadings(code, telemetry.enrolledDevice("iso-agent"));
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
    runtime = TestPlatform.get().database().runtimeDataSource();
    owner = TestPlatform.get().database().ownerDataSource();
  }

  /** Uploads a small text file to the record and waits for the server's answer. */
  static void attachOneFile(String token, io.millstone.api.records.v1.RecordRef record) {
    var done = new java.util.concurrent.CompletableFuture<io.millstone.api.records.v1.Attachment>();
    var out =
        TestServer.withToken(
                token, io.millstone.api.records.v1.RecordServiceGrpc.newStub(t.channel()))
            .uploadAttachment(
                new io.grpc.stub.StreamObserver<>() {
                  @Override
                  public void onNext(io.millstone.api.records.v1.Attachment a) {
                    done.complete(a);
                  }

                  @Override
                  public void onError(Throwable e) {
                    done.completeExceptionally(e);
                  }

                  @Override
                  public void onCompleted() {}
                });
    out.onNext(
        io.millstone.api.records.v1.AttachmentChunk.newBuilder()
            .setRecord(record)
            .setFileName("isolated.txt")
            .setData(com.google.protobuf.ByteString.copyFromUtf8("isolated file\n"))
            .build());
    out.onCompleted();
    try {
      done.get(60, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** A purchase order, a receipt, a bill and a payment: a row in every purchasing table. */
  static void buyOneTonne(String token) {
    var buy =
        io.millstone.api.purchasing.v1.PurchasingServiceGrpc.newBlockingStub(t.channel())
            .withInterceptors(
                io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(bearer(token)));
    var day = io.millstone.api.common.v1.Date.newBuilder().setYear(2026).setMonth(11).setDay(3);
    var one = io.millstone.api.common.v1.Decimal.newBuilder().setValue("1");
    var po =
        buy.createPurchaseOrder(
            io.millstone.api.purchasing.v1.CreatePurchaseOrderRequest.newBuilder()
                .setSupplierCode("ISO-S1")
                .setOrderDate(day)
                .addLines(
                    io.millstone.api.purchasing.v1.PurchaseLineInput.newBuilder()
                        .setItemCode("ISO-1")
                        .setQuantity(one)
                        .setUnitPrice(
                            io.millstone.api.common.v1.Decimal.newBuilder().setValue("100")))
                .build());
    po =
        buy.submitPurchaseOrder(
            io.millstone.api.purchasing.v1.DecidePurchaseOrderRequest.newBuilder()
                .setId(po.getId())
                .setVersion(po.getVersion())
                .build());
    buy.postGoodsReceipt(
        io.millstone.api.purchasing.v1.PostGoodsReceiptRequest.newBuilder()
            .setOrderId(po.getId())
            .setWarehouseCode("ISO-W1")
            .setReceiptDate(day)
            .addLines(
                io.millstone.api.purchasing.v1.ReceiptLineInput.newBuilder()
                    .setOrderLineNo(1)
                    .setQuantity(one))
            .build());
    var bill =
        buy.postSupplierBill(
            io.millstone.api.purchasing.v1.PostSupplierBillRequest.newBuilder()
                .setOrderId(po.getId())
                .setSupplierInvoice("ISO-INV-1")
                .setBillDate(day)
                .addLines(
                    io.millstone.api.purchasing.v1.BillLineInput.newBuilder()
                        .setOrderLineNo(1)
                        .setQuantity(one)
                        .setUnitPrice(
                            io.millstone.api.common.v1.Decimal.newBuilder().setValue("100")))
                .build());
    buy.postSupplierPayment(
        io.millstone.api.purchasing.v1.PostSupplierPaymentRequest.newBuilder()
            .setSupplierCode("ISO-S1")
            .setPaymentDate(day)
            .setAmount(
                io.millstone.api.common.v1.Decimal.newBuilder()
                    .setValue(bill.getGross().getAmount()))
            .addAllocations(
                io.millstone.api.purchasing.v1.BillAllocationInput.newBuilder()
                    .setBillId(bill.getId())
                    .setAmount(
                        io.millstone.api.common.v1.Decimal.newBuilder()
                            .setValue(bill.getGross().getAmount())))
            .build());
  }

  /** An order, a delivery, an invoice and a payment: a row in every sales table. */
  static void sellOneTonne(String token) {
    var sales =
        io.millstone.api.sales.v1.SalesServiceGrpc.newBlockingStub(t.channel())
            .withInterceptors(
                io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(bearer(token)));
    var day = io.millstone.api.common.v1.Date.newBuilder().setYear(2026).setMonth(11).setDay(2);
    var one = io.millstone.api.common.v1.Decimal.newBuilder().setValue("1");
    var order =
        sales.createOrder(
            io.millstone.api.sales.v1.CreateOrderRequest.newBuilder()
                .setCustomerCode("ISO-C1")
                .setOrderDate(day)
                .addLines(
                    io.millstone.api.sales.v1.OrderLineInput.newBuilder()
                        .setItemCode("ISO-1")
                        .setQuantity(one))
                .build());
    sales.postDelivery(
        io.millstone.api.sales.v1.PostDeliveryRequest.newBuilder()
            .setOrderId(order.getId())
            .setWarehouseCode("ISO-W1")
            .setDeliveryDate(day)
            .addLines(
                io.millstone.api.sales.v1.DeliveryLineInput.newBuilder()
                    .setOrderLineNo(1)
                    .setQuantity(one))
            .build());
    var invoice =
        sales.postInvoice(
            io.millstone.api.sales.v1.PostInvoiceRequest.newBuilder()
                .setOrderId(order.getId())
                .setInvoiceDate(day)
                .build());
    sales.postPayment(
        io.millstone.api.sales.v1.PostPaymentRequest.newBuilder()
            .setCustomerCode("ISO-C1")
            .setPaymentDate(day)
            .setAmount(
                io.millstone.api.common.v1.Decimal.newBuilder()
                    .setValue(invoice.getGross().getAmount()))
            .addAllocations(
                io.millstone.api.sales.v1.AllocationInput.newBuilder()
                    .setInvoiceId(invoice.getId())
                    .setAmount(
                        io.millstone.api.common.v1.Decimal.newBuilder()
                            .setValue(invoice.getGross().getAmount())))
            .build());
  }

  @AfterAll
  static void tearDown() {
    t.close();
  }

  /** Every table with a company_id, partitions of a partitioned table included. */
  static io.grpc.Metadata bearer(String token) {
    io.grpc.Metadata md = new io.grpc.Metadata();
    md.put(
        io.grpc.Metadata.Key.of("authorization", io.grpc.Metadata.ASCII_STRING_MARSHALLER),
        "Bearer " + token);
    return md;
  }

  static List<String> companyScopedTables() throws SQLException {
    return tables(true);
  }

  /**
   * The tables to probe with data: partitions are reached through their parent (which is how the
   * server reads and writes them), so each has rows only on some days.
   */
  static List<String> probedTables() throws SQLException {
    return tables(false);
  }

  static List<String> tables(boolean withPartitions) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection c = owner.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT c.table_name FROM information_schema.columns c"
                        + " JOIN information_schema.tables t USING (table_schema, table_name)"
                        + " JOIN pg_class k ON k.oid = ('public.' || c.table_name)::regclass"
                        + " WHERE c.table_schema = 'public' AND c.column_name = 'company_id'"
                        + (withPartitions ? "" : " AND NOT k.relispartition")
                        + " ORDER BY 1")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    return tables;
  }

  @Test
  void everyTableWithACompanyIdHasRowLevelSecurityEnabledAndForced() throws SQLException {
    List<String> tables = companyScopedTables();
    assertThat(tables)
        .contains("company_member", "audit_event", "idempotency_key", "item", "reading", "device")
        .anySatisfy(x -> assertThat(x).startsWith("reading_2"));
    try (Connection c = owner.getConnection()) {
      for (String table : tables) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT relrowsecurity, relforcerowsecurity FROM pg_class"
                    + " WHERE oid = ('public.' || ?)::regclass")) {
          ps.setString(1, table);
          try (ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).as(table + " RLS enabled").isTrue();
            assertThat(rs.getBoolean(2)).as(table + " RLS forced").isTrue();
          }
        }
      }
    }
  }

  @Test
  void theRuntimeRoleOwnsNothingAndCannotBypassRowLevelSecurity() throws SQLException {
    try (Connection c = runtime.getConnection();
        Statement st = c.createStatement()) {
      try (ResultSet rs =
          st.executeQuery(
              "SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles"
                  + " WHERE rolname = current_user")) {
        assertThat(rs.next()).isTrue();
        for (int i = 1; i <= 4; i++) {
          assertThat(rs.getBoolean(i)).as("role attribute " + i).isFalse();
        }
      }
      try (ResultSet rs =
          st.executeQuery(
              // Temporary tables are private to one connection and vanish with it; ingest
              // stages COPY data in one (COPY cannot write through row-level security).
              "SELECT (SELECT count(*) FROM pg_class WHERE relowner = r.oid AND relpersistence <> 't'),"
                  + " (SELECT count(*) FROM pg_namespace WHERE nspowner = r.oid),"
                  + " (SELECT count(*) FROM pg_proc WHERE proowner = r.oid)"
                  + " FROM pg_roles r WHERE r.rolname = current_user")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).as("tables owned").isZero();
        assertThat(rs.getLong(2)).as("schemas owned").isZero();
        assertThat(rs.getLong(3)).as("functions owned").isZero();
      }
      c.rollback();
    }
  }

  @Test
  void companyAsSessionCannotReadUpdateDeleteOrInsertCompanyBsRows() throws SQLException {
    for (String table : probedTables()) {
      String bRow = anyRowAsJson(table, b);
      assertThat(bRow).as("test data: company B has a row in " + table).isNotNull();
      try (Connection c = runtime.getConnection()) {
        setCompany(c, a);
        assertThat(
                countOrRefused(
                    c, "SELECT count(*) FROM " + table + " WHERE company_id = '" + b + "'"))
            .as("read B's rows of " + table)
            .isZero();
        assertThat(
                updateOrRefused(
                    c,
                    "UPDATE "
                        + table
                        + " SET company_id = company_id WHERE company_id = '"
                        + b
                        + "'"))
            .as("update B's rows of " + table)
            .isZero();
        assertThat(updateOrRefused(c, "DELETE FROM " + table + " WHERE company_id = '" + b + "'"))
            .as("delete B's rows of " + table)
            .isZero();
        assertThat(insertRefused(c, table, bRow)).as("insert a row for B into " + table).isTrue();
        c.rollback();
      }
    }
  }

  @Test
  void withNoCompanySetEveryCompanyScopedTableLooksEmpty() throws SQLException {
    for (String table : companyScopedTables()) {
      try (Connection c = runtime.getConnection()) {
        assertThat(countOrRefused(c, "SELECT count(*) FROM " + table)).as(table).isZero();
        c.rollback();
      }
    }
    try (Connection c = runtime.getConnection()) {
      assertThat(countOrRefused(c, "SELECT count(*) FROM company")).isZero();
      assertThat(countOrRefused(c, "SELECT count(*) FROM app_user")).isZero();
      c.rollback();
    }
  }

  @Test
  void theCompanySettingDoesNotLeakToTheNextTransactionOnAPooledConnection() throws SQLException {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(TestPlatform.get().database().settings().jdbcUrl());
    hc.setUsername(TestPlatform.get().database().settings().runtimeUser());
    hc.setPassword(TestPlatform.get().database().settings().runtimePassword());
    hc.setMaximumPoolSize(1);
    hc.setAutoCommit(false);
    try (HikariDataSource one = new HikariDataSource(hc)) {
      long firstPid;
      try (Connection c = one.getConnection()) {
        firstPid = pid(c);
        setCompany(c, a);
        assertThat(countOrRefused(c, "SELECT count(*) FROM company_member")).isPositive();
        c.commit();
      }
      try (Connection c = one.getConnection()) {
        assertThat(pid(c)).as("the same pooled connection").isEqualTo(firstPid);
        try (ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT coalesce(current_setting('millstone.company_id', true), '')")) {
          rs.next();
          assertThat(rs.getString(1)).isEmpty();
        }
        assertThat(countOrRefused(c, "SELECT count(*) FROM company_member")).isZero();
        c.rollback();
      }
    }
  }

  private static long pid(Connection c) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void setCompany(Connection c, UUID company) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT set_config('millstone.company_id', ?, true)")) {
      ps.setString(1, company.toString());
      ps.execute();
    }
  }

  private static String anyRowAsJson(String table, UUID company) throws SQLException {
    try (Connection c = owner.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT row_to_json(x)::text FROM " + table + " x WHERE company_id = ? LIMIT 1")) {
      ps.setObject(1, company);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** A count, or 0 when the role may not even read the table (also isolation). */
  private static long countOrRefused(Connection c, String sql) throws SQLException {
    try (Statement sp = c.createStatement()) {
      sp.execute("SAVEPOINT probe");
      try (ResultSet rs = sp.executeQuery(sql)) {
        rs.next();
        return rs.getLong(1);
      } catch (SQLException e) {
        assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("42501");
        sp.execute("ROLLBACK TO SAVEPOINT probe");
        return 0;
      }
    }
  }

  private static long updateOrRefused(Connection c, String sql) throws SQLException {
    try (Statement sp = c.createStatement()) {
      sp.execute("SAVEPOINT probe");
      try {
        return sp.executeUpdate(sql);
      } catch (SQLException e) {
        assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("42501");
        sp.execute("ROLLBACK TO SAVEPOINT probe");
        return 0;
      }
    }
  }

  private static boolean insertRefused(Connection c, String table, String rowJson)
      throws SQLException {
    try (Statement sp = c.createStatement()) {
      sp.execute("SAVEPOINT probe");
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO "
                  + table
                  + " SELECT * FROM json_populate_record(NULL::"
                  + table
                  + ", ?::json)")) {
        ps.setString(1, rowJson);
        ps.executeUpdate();
        return false;
      } catch (SQLException e) {
        sp.execute("ROLLBACK TO SAVEPOINT probe");
        return "42501".equals(e.getSQLState());
      }
    }
  }
}
