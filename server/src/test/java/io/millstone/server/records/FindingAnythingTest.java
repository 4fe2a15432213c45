package io.millstone.server.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.millstone.api.common.v1.Date;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.common.v1.IdempotencyKey;
import io.millstone.api.purchasing.v1.CreatePurchaseOrderRequest;
import io.millstone.api.purchasing.v1.PurchaseLineInput;
import io.millstone.api.purchasing.v1.PurchaseOrder;
import io.millstone.api.purchasing.v1.PurchasingServiceGrpc;
import io.millstone.api.records.v1.AddNoteRequest;
import io.millstone.api.records.v1.Attachment;
import io.millstone.api.records.v1.AttachmentChunk;
import io.millstone.api.records.v1.DownloadAttachmentRequest;
import io.millstone.api.records.v1.GetPanelRequest;
import io.millstone.api.records.v1.RecordPanel;
import io.millstone.api.records.v1.RecordRef;
import io.millstone.api.records.v1.RecordServiceGrpc;
import io.millstone.api.records.v1.SearchHit;
import io.millstone.api.records.v1.SearchRequest;
import io.millstone.api.records.v1.SearchServiceGrpc;
import io.millstone.api.sales.v1.CreateOrderRequest;
import io.millstone.api.sales.v1.OrderLineInput;
import io.millstone.api.sales.v1.SalesOrder;
import io.millstone.api.sales.v1.SalesServiceGrpc;
import io.millstone.server.TestPlatform;
import io.millstone.server.TestServer;
import io.millstone.server.masterdata.MasterdataFixtures;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Finding documents by number and records by words, only of the kinds the caller may read and only
 * in the caller's company; and every record's side panel: notes, attachments and history.
 */
class FindingAnythingTest {
  static TestServer t;
  static UUID company;
  static String admin;
  static String sales;
  static String stores;
  static SalesOrder order;
  static PurchaseOrder purchase;
  static String customerId;
  static String otherAdmin;

  @BeforeAll
  static void setUp() {
    t = new TestServer();
    company = t.createCompany("Finding Mill " + t.unique("f")).id();
    admin = t.createUser(company, t.fresh("admin"), "admin");
    sales = t.createUser(company, t.fresh("sales"), "sales");
    stores = t.createUser(company, t.fresh("stores"), "stores");
    MasterdataFixtures md =
        MasterdataFixtures.of(t.channel(), t.login(admin, TestServer.PASSWORD).getSessionToken());
    md.item("SUGAR-50", "White sugar 50 kg");
    customerId = md.customer("RAHMAN", "Rahman Traders Khulna").getId();
    md.supplier("JLW", "Joypurhat Lime Works");
    md.warehouse("MAIN", "Main godown");
    md.customer("BN-1", "মেসার্স রহমান ট্রেডার্স");
    order =
        t.as(sales, SalesServiceGrpc.newBlockingStub(t.channel()))
            .createOrder(
                CreateOrderRequest.newBuilder()
                    .setIdempotencyKey(
                        IdempotencyKey.newBuilder().setValue(UUID.randomUUID().toString()))
                    .setCustomerCode("RAHMAN")
                    .setOrderDate(Date.newBuilder().setYear(2026).setMonth(11).setDay(3))
                    .setQuotation(true)
                    .setNote("deliver before the Eid market")
                    .addLines(
                        OrderLineInput.newBuilder()
                            .setItemCode("SUGAR-50")
                            .setQuantity(Decimal.newBuilder().setValue("10"))
                            .setUnitPrice(Decimal.newBuilder().setValue("3000")))
                    .build());
    purchase =
        t.as(stores, PurchasingServiceGrpc.newBlockingStub(t.channel()))
            .createPurchaseOrder(
                CreatePurchaseOrderRequest.newBuilder()
                    .setIdempotencyKey(
                        IdempotencyKey.newBuilder().setValue(UUID.randomUUID().toString()))
                    .setSupplierCode("JLW")
                    .setOrderDate(Date.newBuilder().setYear(2026).setMonth(11).setDay(3))
                    .addLines(
                        PurchaseLineInput.newBuilder()
                            .setItemCode("SUGAR-50")
                            .setQuantity(Decimal.newBuilder().setValue("1"))
                            .setUnitPrice(Decimal.newBuilder().setValue("100")))
                    .build());
    // Another company with a customer of the same name and its own order.
    UUID other = t.createCompany("Other Mill " + t.unique("o")).id();
    otherAdmin = t.createUser(other, t.fresh("oadmin"), "admin");
    MasterdataFixtures.of(t.channel(), t.login(otherAdmin, TestServer.PASSWORD).getSessionToken())
        .customer("RAHMAN", "Rahman Traders Khulna");
  }

  @AfterAll
  static void tearDown() {
    t.close();
  }

  static List<SearchHit> search(String user, String query) {
    return t.as(user, SearchServiceGrpc.newBlockingStub(t.channel()))
        .search(SearchRequest.newBuilder().setQuery(query).build())
        .getHitsList();
  }

  static RecordServiceGrpc.RecordServiceBlockingStub records(String user) {
    return t.as(user, RecordServiceGrpc.newBlockingStub(t.channel()));
  }

  static RecordRef ref(String kind, String id) {
    return RecordRef.newBuilder().setKind(kind).setId(id).build();
  }

  /** Uploads in pieces of {@code piece} bytes; answers the attachment or the refusal. */
  static Attachment upload(String user, RecordRef record, String name, byte[] bytes, int piece)
      throws Exception {
    CompletableFuture<Attachment> done = new CompletableFuture<>();
    StreamObserver<AttachmentChunk> out =
        t.as(user, RecordServiceGrpc.newStub(t.channel()))
            .uploadAttachment(
                new StreamObserver<>() {
                  @Override
                  public void onNext(Attachment a) {
                    done.complete(a);
                  }

                  @Override
                  public void onError(Throwable e) {
                    done.completeExceptionally(e);
                  }

                  @Override
                  public void onCompleted() {}
                });
    int from = 0;
    do {
      int to = Math.min(bytes.length, from + piece);
      AttachmentChunk.Builder c =
          AttachmentChunk.newBuilder().setData(ByteString.copyFrom(bytes, from, to - from));
      if (from == 0) {
        c.setRecord(record).setFileName(name);
      }
      out.onNext(c.build());
      from = to;
    } while (from < bytes.length && !done.isDone());
    out.onCompleted();
    try {
      return done.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw (StatusRuntimeException) e.getCause();
    }
  }

  static StatusRuntimeException refusal(String user, RecordRef record, String name, byte[] bytes) {
    try {
      upload(user, record, name, bytes, 1024 * 1024);
    } catch (StatusRuntimeException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("the upload was accepted but should have been refused");
  }

  static byte[] pdf() {
    return "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
        .getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] xlsx() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(b)) {
      z.putNextEntry(new ZipEntry("[Content_Types].xml"));
      z.write("<Types/>".getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new ZipEntry("xl/workbook.xml"));
      z.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
    }
    return b.toByteArray();
  }

  @Test
  void aDocumentIsFoundByItsWholeNumberFirstAndByAPartOfIt() {
    List<SearchHit> whole = search(sales, order.getNumber());
    assertThat(whole).isNotEmpty();
    assertThat(whole.get(0).getRecord().getKind()).isEqualTo("sales_order");
    assertThat(whole.get(0).getReference()).isEqualTo(order.getNumber());
    assertThat(whole.get(0).getTitle()).isEqualTo("Rahman Traders Khulna");
    assertThat(whole.get(0).getAmount()).isNotBlank();

    String tail = order.getNumber().substring(order.getNumber().length() - 5);
    assertThat(search(sales, tail)).extracting(SearchHit::getReference).contains(order.getNumber());
    assertThat(search(sales, order.getNumber().toLowerCase()).get(0).getReference())
        .isEqualTo(order.getNumber());
  }

  @Test
  void wordsFindMasterDataAndTheDocumentsOfAParty() {
    List<SearchHit> hits = search(admin, "rahman khul");
    assertThat(hits)
        .extracting(h -> h.getRecord().getKind() + " " + h.getReference())
        .contains("customer RAHMAN", "sales_order " + order.getNumber());
    assertThat(hits.get(0).getRecord().getKind()).isEqualTo("customer");
    assertThat(search(admin, "Eid market"))
        .extracting(SearchHit::getReference)
        .containsExactly(order.getNumber());
    assertThat(search(admin, "lime"))
        .extracting(h -> h.getRecord().getKind())
        .contains("supplier", "purchase_order");
    assertThat(search(admin, "godown")).extracting(SearchHit::getReference).containsExactly("MAIN");
  }

  @Test
  void aBanglaNameIsFoundByAnyOfItsWordsOrTheStartOfOne() {
    assertThat(search(sales, "রহমান")).extracting(SearchHit::getReference).containsExactly("BN-1");
    assertThat(search(sales, "ট্রেড")).extracting(SearchHit::getReference).containsExactly("BN-1");
  }

  @Test
  void aListsQuickFilterTakesAnOrdersNumberOrItsStartAsWellAsAPartyCode() {
    var orders = t.as(sales, SalesServiceGrpc.newBlockingStub(t.channel()));
    String start = order.getNumber().substring(0, order.getNumber().length() - 2).toLowerCase();
    assertThat(
            orders
                .listOrders(
                    io.millstone.api.sales.v1.ListOrdersRequest.newBuilder()
                        .setCustomerCode(start)
                        .build())
                .getOrdersList())
        .extracting(SalesOrder::getNumber)
        .containsExactly(order.getNumber());
    assertThat(
            orders
                .listOrders(
                    io.millstone.api.sales.v1.ListOrdersRequest.newBuilder()
                        .setCustomerCode("RAHMAN")
                        .build())
                .getOrdersList())
        .extracting(SalesOrder::getNumber)
        .containsExactly(order.getNumber());
    assertThat(
            t.as(stores, PurchasingServiceGrpc.newBlockingStub(t.channel()))
                .listPurchaseOrders(
                    io.millstone.api.purchasing.v1.ListPurchaseOrdersRequest.newBuilder()
                        .setSupplierCode(purchase.getNumber())
                        .build())
                .getOrdersList())
        .extracting(PurchaseOrder::getNumber)
        .containsExactly(purchase.getNumber());
  }

  @Test
  void aSalesClerkFindsNoSuppliersNorTheirOrders() {
    assertThat(search(stores, purchase.getNumber()))
        .extracting(SearchHit::getReference)
        .contains(purchase.getNumber());
    assertThat(search(sales, purchase.getNumber())).isEmpty();
    assertThat(search(sales, "lime works")).isEmpty();
    assertThat(search(stores, "rahman"))
        .as("stores reads sales orders but not customers")
        .extracting(h -> h.getRecord().getKind())
        .containsExactly("sales_order");
  }

  @Test
  void anotherCompanyFindsNothingOfThisOne() {
    assertThat(search(otherAdmin, order.getNumber())).isEmpty();
    List<SearchHit> own = search(otherAdmin, "rahman");
    assertThat(own).extracting(h -> h.getRecord().getKind()).containsExactly("customer");
    assertThat(own.get(0).getRecord().getId()).isNotEqualTo(customerId);
    assertThat(
            TestServer.codeOf(
                () ->
                    records(otherAdmin)
                        .getPanel(
                            GetPanelRequest.newBuilder()
                                .setRecord(ref("sales_order", order.getId()))
                                .build())))
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(
            TestServer.codeOf(
                () ->
                    records(otherAdmin)
                        .addNote(
                            AddNoteRequest.newBuilder()
                                .setRecord(ref("customer", customerId))
                                .setBody("not ours")
                                .build())))
        .isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void aRecordsPanelHoldsItsNotesAttachmentsAndHistory() throws Exception {
    RecordRef customer = ref("customer", customerId);
    records(sales)
        .addNote(
            AddNoteRequest.newBuilder()
                .setRecord(customer)
                .setBody("Pays by cheque; call Mr Rahman before delivery")
                .build());
    byte[] file = xlsx();
    // In small pieces, as a slow line would send it.
    Attachment a = upload(sales, customer, "C:\\scans\\price list.xlsx", file, 64);
    assertThat(a.getFileName()).isEqualTo("price list.xlsx");
    assertThat(a.getContentType()).isEqualTo(ContentSniffer.XLSX);
    assertThat(a.getSizeBytes()).isEqualTo(file.length);

    RecordPanel p =
        records(sales).getPanel(GetPanelRequest.newBuilder().setRecord(customer).build());
    assertThat(p.getNotesList()).hasSize(1);
    assertThat(p.getNotes(0).getAuthor()).isEqualTo(sales);
    assertThat(p.getNotes(0).getBody()).startsWith("Pays by cheque");
    assertThat(p.getAttachmentsList())
        .extracting(Attachment::getFileName)
        .contains("price list.xlsx");
    assertThat(p.getMaxAttachmentBytes()).isEqualTo(10L * 1024 * 1024);
    assertThat(p.getHistoryList())
        .extracting(h -> h.getActor() + " " + h.getAction())
        .containsSubsequence(
            sales + " records.attachment.add",
            sales + " records.note.add",
            admin + " masterdata.customer.create");

    Iterator<AttachmentChunk> chunks =
        records(sales)
            .downloadAttachment(
                DownloadAttachmentRequest.newBuilder()
                    .setRecord(customer)
                    .setAttachmentId(a.getId())
                    .build());
    ByteArrayOutputStream back = new ByteArrayOutputStream();
    String name = null;
    while (chunks.hasNext()) {
      AttachmentChunk c = chunks.next();
      if (c.hasAttachment()) {
        name = c.getAttachment().getFileName();
      }
      back.writeBytes(c.getData().toByteArray());
    }
    assertThat(name).isEqualTo("price list.xlsx");
    assertThat(back.toByteArray()).isEqualTo(file);

    // A document's history, read from the trail.
    RecordPanel so =
        records(sales)
            .getPanel(
                GetPanelRequest.newBuilder().setRecord(ref("sales_order", order.getId())).build());
    assertThat(so.getHistoryList()).extracting(h -> h.getAction()).contains("sales.order.create");
  }

  @Test
  void aFileThatIsEmptyTooLargeOrOfAnotherTypeIsRefusedWithASentence() throws Exception {
    RecordRef customer = ref("customer", customerId);
    StatusRuntimeException empty = refusal(sales, customer, "blank.pdf", new byte[0]);
    assertThat(empty.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(empty.getStatus().getDescription()).contains("blank.pdf is empty");

    byte[] big = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy(pdf(), 0, big, 0, pdf().length);
    StatusRuntimeException large = refusal(sales, customer, "scan.pdf", big);
    assertThat(large.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(large.getStatus().getDescription()).contains("scan.pdf is larger than 10 MB");

    byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};
    StatusRuntimeException type = refusal(sales, customer, "invoice.pdf", exe);
    assertThat(type.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(type.getStatus().getDescription())
        .contains("invoice.pdf is not a PDF, a PNG or JPEG picture");

    assertThat(
            records(sales)
                .getPanel(GetPanelRequest.newBuilder().setRecord(customer).build())
                .getAttachmentsList())
        .extracting(Attachment::getFileName)
        .doesNotContain("blank.pdf", "scan.pdf", "invoice.pdf");
    assertThat(upload(sales, customer, "terms.pdf", pdf(), 1024).getContentType())
        .isEqualTo("application/pdf");
  }

  @Test
  void badInputNamesTheField() {
    StatusRuntimeException shortQuery = TestServer.failure(() -> search(sales, "x"));
    assertThat(shortQuery.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(shortQuery.getStatus().getDescription()).contains("query");

    StatusRuntimeException kind =
        TestServer.failure(
            () ->
                records(sales)
                    .getPanel(
                        GetPanelRequest.newBuilder()
                            .setRecord(ref("spaceship", customerId))
                            .build()));
    assertThat(kind.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(kind.getStatus().getDescription()).contains("record.kind");

    StatusRuntimeException id =
        TestServer.failure(
            () ->
                records(sales)
                    .getPanel(
                        GetPanelRequest.newBuilder().setRecord(ref("customer", "42")).build()));
    assertThat(id.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);

    StatusRuntimeException note =
        TestServer.failure(
            () ->
                records(sales)
                    .addNote(
                        AddNoteRequest.newBuilder()
                            .setRecord(ref("customer", customerId))
                            .setBody("   ")
                            .build()));
    assertThat(note.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(note.getStatus().getDescription()).contains("body");

    StatusRuntimeException noName =
        refusal(sales, ref("customer", customerId), "  ", "hello".getBytes(StandardCharsets.UTF_8));
    assertThat(noName.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
  }

  @Test
  void aPanelOfAKindTheCallerCannotReadIsRefused() {
    StatusRuntimeException e =
        TestServer.failure(
            () ->
                records(sales)
                    .getPanel(
                        GetPanelRequest.newBuilder()
                            .setRecord(ref("purchase_order", purchase.getId()))
                            .build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(
            records(stores)
                .getPanel(
                    GetPanelRequest.newBuilder()
                        .setRecord(ref("purchase_order", purchase.getId()))
                        .build())
                .getHistoryList())
        .isNotEmpty();
  }

  /**
   * On a company with thousands of orders and customers (written straight into the tables), the
   * planner reaches orders through their number's trigram index and their words' index, and parties
   * through theirs, not by reading every row of the company.
   */
  @Test
  void theSearchUsesTheIndexes() throws Exception {
    UUID bulk = t.createCompany("Bulk Mill " + t.unique("b")).id();
    try (Connection c = TestPlatform.get().database().ownerDataSource().getConnection();
        Statement st = c.createStatement()) {
      st.execute(
          "INSERT INTO party (id, company_id, code, name, is_customer, created_at, updated_at,"
              + " updated_by) SELECT gen_random_uuid(), '"
              + bulk
              + "', 'C-' || i, 'Bulk customer ' || i, true, now(), now(), 'test'"
              + " FROM generate_series(1, 3000) i");
      st.execute(
          "INSERT INTO sales_order (id, company_id, number, customer_id, order_date, state, note,"
              + " net_total, vat_total, gross_total, created_at, created_by, updated_at,"
              + " updated_by) SELECT gen_random_uuid(), p.company_id, 'SO-2025-' ||"
              + " lpad(row_number() OVER ()::text, 5, '0'), p.id, date '2025-11-01', 'CONFIRMED',"
              + " 'bulk order ' || p.code, 100, 15, 115, now(), 'test', now(), 'test'"
              + " FROM party p WHERE p.company_id = '"
              + bulk
              + "'");
      st.execute("ANALYZE party");
      st.execute("ANALYZE sales_order");
      // The search functions run as the owner for the company set on the transaction: their
      // query, planned the same way, reaches rows through the indexes.
      c.setAutoCommit(false);
      st.execute("SELECT set_config('millstone.company_id', '" + bulk + "', true)");
      String plan =
          explain(st, "search_sales_order", "SO-2025-01234")
              + explain(st, "search_customer", "1234");
      c.rollback();
      assertThat(plan)
          .contains("sales_order_number_trgm_idx")
          .contains("sales_order_words_idx")
          .contains("party_words_idx")
          .doesNotContain("Seq Scan on sales_order")
          .doesNotContain("Seq Scan on party");
    }
  }

  /** EXPLAIN of a search function's own query, with the values the server would pass. */
  static String explain(Statement st, String function, String typed) throws Exception {
    String body;
    try (ResultSet rs =
        st.executeQuery("SELECT prosrc FROM pg_proc WHERE proname = '" + function + "'")) {
      rs.next();
      body = rs.getString(1);
    }
    String upper = typed.toUpperCase(java.util.Locale.ROOT);
    String sql =
        body.replace("$1", "to_tsquery('simple', '" + Finder.tsquery(typed) + "')")
            .replace("$2", "'" + upper + "'")
            .replace("$3", "'" + upper + "%'")
            .replace("$4", "'%" + upper + "%'")
            .replace("$5", "'%" + upper + "%'")
            .replace("$6", "20");
    StringBuilder plan = new StringBuilder();
    try (ResultSet rs = st.executeQuery("EXPLAIN " + sql)) {
      while (rs.next()) {
        plan.append(rs.getString(1)).append('\n');
      }
    }
    return plan.toString();
  }
}
