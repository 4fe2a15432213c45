package io.millstone.server.papers.supply;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.millstone.api.common.v1.Date;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.common.v1.IdempotencyKey;
import io.millstone.api.masterdata.v1.ItemKind;
import io.millstone.api.papers.v1.PaperChunk;
import io.millstone.api.papers.v1.PrintDocumentRequest;
import io.millstone.api.papers.v1.SupplyPaperServiceGrpc;
import io.millstone.api.papers.v1.SupplyPaperServiceGrpc.SupplyPaperServiceBlockingStub;
import io.millstone.api.purchasing.v1.CreatePurchaseOrderRequest;
import io.millstone.api.purchasing.v1.DecidePurchaseOrderRequest;
import io.millstone.api.purchasing.v1.GoodsReceipt;
import io.millstone.api.purchasing.v1.PostGoodsReceiptRequest;
import io.millstone.api.purchasing.v1.PurchaseLineInput;
import io.millstone.api.purchasing.v1.PurchaseOrder;
import io.millstone.api.purchasing.v1.PurchasingServiceGrpc;
import io.millstone.api.purchasing.v1.ReceiptLineInput;
import io.millstone.server.TestPlatform;
import io.millstone.server.TestServer;
import io.millstone.server.cane.CaneFixtures;
import io.millstone.server.masterdata.MasterdataFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.UUID;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The papers of buying, printed through the real service and read back as a person would: the
 * purchase order sent to a supplier, the goods receipt note the stores sign, the weighbridge ticket
 * handed to the driver and the cane bill a grower is paid on.
 */
class SupplyPapersTest {
  static TestServer t;
  static UUID mill;
  static UUID neighbour;
  static SupplyPaperServiceBlockingStub boss; // admin of the mill
  static SupplyPaperServiceBlockingStub stores; // purchasing, no cane
  static SupplyPaperServiceBlockingStub stranger; // admin of the neighbouring company
  static PurchaseOrder order; // 3 lines
  static PurchaseOrder longOrder; // enough lines for two pages
  static GoodsReceipt receipt;
  static String ticketId;
  static String billId;
  static final Path OUT = Path.of("target", "papers");

  @BeforeAll
  static void start() throws Exception {
    t = new TestServer();
    mill = t.createCompany("Darsana Sugar Mills").id();
    neighbour = t.createCompany("Neighbour Mills").id();
    sql(
        "UPDATE company SET bin = '0001234560101', address = 'Mill Road 1, Darsana, Chuadanga'"
            + " WHERE id = ?",
        mill);
    String bossUser = t.createUser(mill, t.unique("sp.boss"), "admin");
    String token = t.login(bossUser, TestServer.PASSWORD).getSessionToken();
    boss = TestServer.withToken(token, SupplyPaperServiceGrpc.newBlockingStub(t.channel()));
    stores =
        t.as(
            t.createUser(mill, t.unique("sp.stores"), "stores"),
            SupplyPaperServiceGrpc.newBlockingStub(t.channel()));
    stranger =
        t.as(
            t.createUser(neighbour, t.unique("sp.stranger"), "admin"),
            SupplyPaperServiceGrpc.newBlockingStub(t.channel()));

    var md = MasterdataFixtures.of(t.channel(), token);
    md.warehouse("STORES", "General stores");
    md.warehouse("GATE", "Mill gate");
    md.supplier("LIME", "Joypurhat Lime Works");
    md.supplier("GROWER", "Abdul Karim");
    for (int i = 1; i <= 45; i++) {
      md.items.createItem(
          MasterdataFixtures.itemRequest("SP-" + i, "Spare part number " + i)
              .setKind(ItemKind.ITEM_KIND_RAW_MATERIAL)
              .build());
    }
    var purchasing =
        TestServer.withToken(token, PurchasingServiceGrpc.newBlockingStub(t.channel()));
    order =
        purchasing.createPurchaseOrder(
            CreatePurchaseOrderRequest.newBuilder()
                .setIdempotencyKey(key())
                .setSupplierCode("LIME")
                .setOrderDate(day(11, 3))
                .setNote("Deliver to the lime house")
                .addLines(line("SP-1", "10", "5000"))
                .addLines(line("SP-2", "2.5", "120000"))
                .addLines(line("SP-3", "4", "250"))
                .build());
    order =
        purchasing.submitPurchaseOrder(
            DecidePurchaseOrderRequest.newBuilder()
                .setId(order.getId())
                .setVersion(order.getVersion())
                .build());
    receipt =
        purchasing.postGoodsReceipt(
            PostGoodsReceiptRequest.newBuilder()
                .setIdempotencyKey(key())
                .setOrderId(order.getId())
                .setWarehouseCode("STORES")
                .setReceiptDate(day(11, 4))
                .addLines(
                    ReceiptLineInput.newBuilder()
                        .setOrderLineNo(1)
                        .setQuantity(dec("6"))
                        .setLot("L-2611"))
                .addLines(ReceiptLineInput.newBuilder().setOrderLineNo(2).setQuantity(dec("2.5")))
                .build());
    var many =
        CreatePurchaseOrderRequest.newBuilder()
            .setIdempotencyKey(key())
            .setSupplierCode("LIME")
            .setOrderDate(day(11, 6));
    for (int i = 1; i <= 45; i++) {
      many.addLines(line("SP-" + i, Integer.toString(i), "100"));
    }
    longOrder = purchasing.createPurchaseOrder(many.build());

    CaneFixtures.oneLoadPaid(t.channel(), token, "GATE", "GROWER");
    ticketId = one("SELECT id FROM weighbridge_ticket WHERE company_id = ?", mill);
    billId = one("SELECT id FROM cane_bill WHERE company_id = ?", mill);
    Files.createDirectories(OUT);
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @Test
  void aPurchaseOrderShowsTheSupplierItsLinesAndTotalsInWords() throws Exception {
    Printed p = print(boss::printPurchaseOrder, order.getId(), "en");
    assertThat(p.first.getContentType()).isEqualTo("application/pdf");
    assertThat(p.first.getFileName()).isEqualTo(order.getNumber() + ".pdf");
    assertThat(p.first.getPages()).isEqualTo(1);
    assertThat(p.text)
        .contains("Darsana Sugar Mills")
        .contains("0001234560101")
        .contains("Mill Road 1, Darsana, Chuadanga")
        .contains("PURCHASE ORDER")
        .contains(order.getNumber())
        .contains("03/11/2026")
        .contains("Joypurhat Lime Works")
        .contains("Spare part number 2")
        .contains("1,20,000.00") // 2.5 t at 1,20,000 each
        .contains("3,00,000.00") // its value
        .contains("3,51,000.00") // net: 50,000 + 3,00,000 + 1,000
        .contains("4,03,650.00") // with 15 % VAT
        .contains("Taka four lakh three thousand six hundred fifty only")
        .containsPattern("Page 1 of\\s*1");
    render(p, "purchase-order-en.png");
  }

  @Test
  void aLongOrderRepeatsItsHeaderRowOnEveryPage() throws Exception {
    Printed p = print(boss::printPurchaseOrder, longOrder.getId(), "en");
    assertThat(p.first.getPages()).isGreaterThanOrEqualTo(2);
    try (PDDocument doc = Loader.loadPDF(p.bytes)) {
      for (int page = 1; page <= doc.getNumberOfPages(); page++) {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(page);
        s.setEndPage(page);
        String text = s.getText(doc);
        assertThat(text)
            .as("page %d", page)
            .contains("Item")
            .contains("Quantity")
            .containsPattern("Page " + page + " of\\s*" + doc.getNumberOfPages())
            .contains("Darsana Sugar Mills");
      }
    }
    assertThat(p.text).contains("Spare part number 45");
    render(p, "purchase-order-long.png");
  }

  @Test
  void aGoodsReceiptNoteShowsWhatCameInAgainstTheOrder() throws Exception {
    Printed p = print(boss::printGoodsReceipt, receipt.getId(), "en");
    assertThat(p.first.getFileName()).isEqualTo(receipt.getNumber() + ".pdf");
    assertThat(p.text)
        .contains("GOODS RECEIPT NOTE")
        .contains(receipt.getNumber())
        .contains(order.getNumber())
        .contains("04/11/2026")
        .contains("Joypurhat Lime Works")
        .contains("General stores")
        .contains("L-2611")
        .contains("Spare part number 1")
        .doesNotContain("Spare part number 3")
        .contains("3,30,000.00") // 6 x 5,000 + 2.5 x 1,20,000
        .contains("Taka three lakh thirty thousand only");
    render(p, "goods-receipt-en.png");
  }

  @Test
  void aWeighbridgeTicketShowsGrossTareAndNet() throws Exception {
    Printed p = print(boss::printWeighbridgeTicket, ticketId, "en");
    String today = DateTimeFormatter.ofPattern("dd/MM/yyyy").format(dhakaToday());
    assertThat(p.text)
        .contains("WEIGHBRIDGE TICKET")
        .contains("ISO-G1")
        .contains("Abdul Karim")
        .contains("ISO 1")
        .contains(today)
        .contains("8,000.000") // gross kg
        .contains("3,000.000") // tare
        .contains("5,000.000") // net
        .contains("30,000.00"); // 50 quintals at 600
    render(p, "weighbridge-ticket-en.png");
  }

  @Test
  void aCaneBillShowsTheCaneTheLoanRecoveredAndWhatIsPayableInWords() throws Exception {
    Printed p = print(boss::printCaneBill, billId, "en");
    assertThat(p.text)
        .contains("CANE BILL")
        .contains("Abdul Karim")
        .contains("ISO-G1")
        .contains("8,000.000")
        .contains("3,000.000")
        .contains("5,000.000")
        .contains("600.00")
        .contains("30,000.00")
        .contains("100.00") // the seed loan recovered
        .contains("29,900.00")
        .contains("Taka twenty-nine thousand nine hundred only");
    render(p, "cane-bill-en.png");
  }

  @Test
  void aCaneBillInBangla() throws Exception {
    Printed p = print(boss::printCaneBill, billId, "bn");
    assertThat(p.first.getPages()).isEqualTo(1);
    // Bangla labels and digits; document and grower numbers as the system keeps them.
    assertThat(p.text)
        .contains("আখের বিল")
        .contains("নিট পরিশোধযোগ্য")
        .contains("২৯,৯০০.০০")
        .contains("৮,০০০.০০০")
        .contains("ISO-G1")
        .contains("টাকা ঊনত্রিশ হাজার নয় শত মাত্র")
        .contains("মাত্র");
    render(p, "cane-bill-bn.png");
  }

  @Test
  void aMalformedIdIsBadInputAndAMissingOneIsNotFound() {
    for (Function<PrintDocumentRequest, Iterator<PaperChunk>> call :
        java.util.List.<Function<PrintDocumentRequest, Iterator<PaperChunk>>>of(
            boss::printPurchaseOrder,
            boss::printGoodsReceipt,
            boss::printWeighbridgeTicket,
            boss::printCaneBill)) {
      assertThat(code(call, "not-a-uuid")).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(code(call, UUID.randomUUID().toString())).isEqualTo(Status.Code.NOT_FOUND);
    }
    var french = PrintDocumentRequest.newBuilder().setId(order.getId()).setLanguage("fr").build();
    var e = TestServer.failure(() -> boss.printPurchaseOrder(french).hasNext());
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(io.millstone.server.identity.BadRequests.fields(e)).containsExactly("language");
  }

  @Test
  void anotherCompanysPapersAreNotFound() {
    assertThat(code(stranger::printPurchaseOrder, order.getId())).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(code(stranger::printGoodsReceipt, receipt.getId())).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(code(stranger::printWeighbridgeTicket, ticketId)).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(code(stranger::printCaneBill, billId)).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void theStoresPrintOrdersButNotCaneBills() throws Exception {
    assertThat(print(stores::printPurchaseOrder, order.getId(), "en").text)
        .contains(order.getNumber());
    assertThat(code(stores::printCaneBill, billId)).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(code(stores::printWeighbridgeTicket, ticketId))
        .isEqualTo(Status.Code.PERMISSION_DENIED);
  }

  // ---------------------------------------------------------------------------------------------

  record Printed(PaperChunk first, byte[] bytes, String text) {}

  static Printed print(
      Function<PrintDocumentRequest, Iterator<PaperChunk>> call, String id, String language)
      throws IOException {
    Iterator<PaperChunk> chunks =
        call.apply(PrintDocumentRequest.newBuilder().setId(id).setLanguage(language).build());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PaperChunk first = null;
    while (chunks.hasNext()) {
      PaperChunk c = chunks.next();
      if (first == null) {
        first = c;
      }
      c.getData().writeTo(out);
    }
    byte[] bytes = out.toByteArray();
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      assertThat(doc.getNumberOfPages()).isEqualTo(first.getPages());
      return new Printed(first, bytes, new PDFTextStripper().getText(doc));
    }
  }

  static void render(Printed p, String name) throws IOException {
    try (PDDocument doc = Loader.loadPDF(p.bytes)) {
      ImageIO.write(
          new PDFRenderer(doc).renderImageWithDPI(0, 110), "png", OUT.resolve(name).toFile());
    }
  }

  static Status.Code code(Function<PrintDocumentRequest, Iterator<PaperChunk>> call, String id) {
    return TestServer.codeOf(
        () -> {
          Iterator<PaperChunk> it = call.apply(PrintDocumentRequest.newBuilder().setId(id).build());
          while (it.hasNext()) {
            it.next();
          }
        });
  }

  static LocalDate dhakaToday() {
    return LocalDate.now(ZoneId.of("Asia/Dhaka"));
  }

  static PurchaseLineInput line(String item, String qty, String price) {
    return PurchaseLineInput.newBuilder()
        .setItemCode(item)
        .setQuantity(dec(qty))
        .setUnitPrice(dec(price))
        .build();
  }

  static Decimal dec(String v) {
    return Decimal.newBuilder().setValue(v).build();
  }

  static Date day(int m, int d) {
    return Date.newBuilder().setYear(2026).setMonth(m).setDay(d).build();
  }

  static IdempotencyKey key() {
    return IdempotencyKey.newBuilder().setValue(UUID.randomUUID().toString()).build();
  }

  static void sql(String sql, Object... args) throws Exception {
    try (Connection c = TestPlatform.get().database().ownerDataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    }
  }

  static String one(String sql, Object... args) throws Exception {
    try (Connection c = TestPlatform.get().database().ownerDataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
