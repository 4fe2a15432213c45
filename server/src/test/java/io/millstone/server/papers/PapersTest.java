package io.millstone.server.papers;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.millstone.api.common.v1.Date;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.common.v1.IdempotencyKey;
import io.millstone.api.identity.v1.Company;
import io.millstone.api.identity.v1.CompanyServiceGrpc;
import io.millstone.api.identity.v1.GetCompanyRequest;
import io.millstone.api.identity.v1.UpdateCompanyRequest;
import io.millstone.api.inventory.v1.ReceiveStockRequest;
import io.millstone.api.inventory.v1.StockLine;
import io.millstone.api.inventory.v1.StockServiceGrpc;
import io.millstone.api.papers.v1.Align;
import io.millstone.api.papers.v1.PaperChunk;
import io.millstone.api.papers.v1.PaperServiceGrpc;
import io.millstone.api.papers.v1.PrintDocumentRequest;
import io.millstone.api.papers.v1.PrintTableRequest;
import io.millstone.api.papers.v1.TableColumn;
import io.millstone.api.papers.v1.TableRow;
import io.millstone.api.sales.v1.AllocationInput;
import io.millstone.api.sales.v1.CreateOrderRequest;
import io.millstone.api.sales.v1.CreditLineInput;
import io.millstone.api.sales.v1.Delivery;
import io.millstone.api.sales.v1.DeliveryLineInput;
import io.millstone.api.sales.v1.Invoice;
import io.millstone.api.sales.v1.OrderLineInput;
import io.millstone.api.sales.v1.Payment;
import io.millstone.api.sales.v1.PaymentMethod;
import io.millstone.api.sales.v1.PostCreditNoteRequest;
import io.millstone.api.sales.v1.PostDeliveryRequest;
import io.millstone.api.sales.v1.PostInvoiceRequest;
import io.millstone.api.sales.v1.PostPaymentRequest;
import io.millstone.api.sales.v1.SalesOrder;
import io.millstone.api.sales.v1.SalesServiceGrpc;
import io.millstone.server.TestServer;
import io.millstone.server.masterdata.MasterdataFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A mill prints the papers of a sale through the real server: the tax invoice (Mushak 6.3) in
 * English and Bangla, long enough to run over pages, the credit note, the challan, the money
 * receipt, and any list as a table; read back with PDFBox as a reader would check them.
 */
class PapersTest {
  static TestServer t;
  static MasterdataFixtures md;
  static SalesServiceGrpc.SalesServiceBlockingStub sales;
  static PaperServiceGrpc.PaperServiceBlockingStub papers;
  static PaperServiceGrpc.PaperServiceBlockingStub otherCompany;
  static StockServiceGrpc.StockServiceBlockingStub stock;
  static Invoice invoice;
  static Delivery delivery;
  static String customer = "CUS-SHANTI";
  static final String BIN = "0001234567891";
  static final Path OUT = Path.of("target", "papers");

  @BeforeAll
  static void start() throws IOException {
    Files.createDirectories(OUT);
    t = new TestServer();
    UUID mill = t.createCompany("Joypurhat Sugar Mills Ltd").id();
    String admin = t.createUser(mill, t.unique("pp.admin"), "admin");
    md = MasterdataFixtures.of(t.channel(), t.login(admin, TestServer.PASSWORD).getSessionToken());
    CompanyServiceGrpc.CompanyServiceBlockingStub companies =
        t.as(admin, CompanyServiceGrpc.newBlockingStub(t.channel()));
    Company c = companies.getCompany(GetCompanyRequest.getDefaultInstance());
    companies.updateCompany(
        UpdateCompanyRequest.newBuilder()
            .setName(c.getName())
            .setCurrencyCode(c.getCurrencyCode())
            .setVatRatePercent(c.getVatRatePercent())
            .setFiscalYearStartMonth(c.getFiscalYearStartMonth())
            .setTimeZone(c.getTimeZone())
            .setBin(BIN)
            .setAddress("Station Road, Joypurhat 5900")
            .setVersion(c.getVersion())
            .build());
    sales = t.as(admin, SalesServiceGrpc.newBlockingStub(t.channel()));
    stock = t.as(admin, StockServiceGrpc.newBlockingStub(t.channel()));
    papers = t.as(admin, PaperServiceGrpc.newBlockingStub(t.channel()));
    md.warehouse("GODOWN", "Sugar godown");
    md.items.createItem(MasterdataFixtures.itemRequest("SUG-L30", "Refined sugar L30").build());
    md.customers.createCustomer(
        MasterdataFixtures.partyRequest(customer, "শান্তি বস্ত্রালয় (Shanti Traders)")
            .setAddress("১২ মতিঝিল বাণিজ্যিক এলাকা, ঢাকা")
            .setBin("0009876543210")
            .clearCreditLimit()
            .setNoCreditLimit(true)
            .build());
    receive("SUG-L30", "100");
    SalesOrder so = order(List.of("SUG-L30"), "10");
    delivery = deliver(so, 1);
    invoice = invoice(so);

    UUID other = t.createCompany("Other Mill").id();
    otherCompany =
        t.as(
            t.createUser(other, t.unique("pp.other"), "admin"),
            PaperServiceGrpc.newBlockingStub(t.channel()));
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static Decimal dec(String v) {
    return Decimal.newBuilder().setValue(v).build();
  }

  static IdempotencyKey key() {
    return IdempotencyKey.newBuilder().setValue(UUID.randomUUID().toString()).build();
  }

  static Date day(int d) {
    return Date.newBuilder().setYear(2026).setMonth(12).setDay(d).build();
  }

  static void receive(String item, String qty) {
    stock.receiveStock(
        ReceiveStockRequest.newBuilder()
            .addLines(
                StockLine.newBuilder()
                    .setItemCode(item)
                    .setWarehouseCode("GODOWN")
                    .setQuantity(dec(qty)))
            .addUnitCosts(dec("70000"))
            .setReference("opening")
            .build());
  }

  static SalesOrder order(List<String> items, String qty) {
    var b =
        CreateOrderRequest.newBuilder()
            .setIdempotencyKey(key())
            .setCustomerCode(customer)
            .setOrderDate(day(1));
    for (String item : items) {
      b.addLines(OrderLineInput.newBuilder().setItemCode(item).setQuantity(dec(qty)));
    }
    return sales.createOrder(b.build());
  }

  static Delivery deliver(SalesOrder so, int lines) {
    var b =
        PostDeliveryRequest.newBuilder()
            .setIdempotencyKey(key())
            .setOrderId(so.getId())
            .setWarehouseCode("GODOWN")
            .setDeliveryDate(day(2));
    for (int i = 1; i <= lines; i++) {
      b.addLines(
          DeliveryLineInput.newBuilder()
              .setOrderLineNo(i)
              .setQuantity(so.getLines(i - 1).getQuantity()));
    }
    return sales.postDelivery(b.build());
  }

  static Invoice invoice(SalesOrder so) {
    return sales.postInvoice(
        PostInvoiceRequest.newBuilder()
            .setIdempotencyKey(key())
            .setOrderId(so.getId())
            .setInvoiceDate(day(3))
            .build());
  }

  /** The chunks of one printed paper, and the file they make. */
  record Printed(List<PaperChunk> chunks, byte[] pdf) {
    PaperChunk first() {
      return chunks.get(0);
    }
  }

  static Printed collect(Iterator<PaperChunk> it) {
    List<PaperChunk> chunks = new ArrayList<>();
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    it.forEachRemaining(
        c -> {
          chunks.add(c);
          all.writeBytes(c.getData().toByteArray());
        });
    return new Printed(chunks, all.toByteArray());
  }

  static PrintDocumentRequest doc(String id, String language) {
    return PrintDocumentRequest.newBuilder().setId(id).setLanguage(language).build();
  }

  static String text(byte[] pdf, int fromPage, int toPage) throws IOException {
    try (PDDocument d = Loader.loadPDF(pdf)) {
      PDFTextStripper s = new PDFTextStripper();
      s.setStartPage(fromPage);
      s.setEndPage(toPage < 0 ? d.getNumberOfPages() : toPage);
      return s.getText(d);
    }
  }

  static void png(byte[] pdf, String name) throws IOException {
    try (PDDocument d = Loader.loadPDF(pdf)) {
      ImageIO.write(
          new PDFRenderer(d).renderImageWithDPI(0, 110), "png", OUT.resolve(name).toFile());
    }
  }

  static PDRectangle pageSize(byte[] pdf) throws IOException {
    try (PDDocument d = Loader.loadPDF(pdf)) {
      return d.getPage(0).getMediaBox();
    }
  }

  @Test
  void theTaxInvoiceInEnglishCarriesWhatAnOfficerChecks() throws IOException {
    Printed p = collect(papers.printTaxInvoice(doc(invoice.getId(), "")));
    assertThat(p.first().getContentType()).isEqualTo("application/pdf");
    assertThat(p.first().getFileName()).isEqualTo("mushak-6.3-" + invoice.getNumber() + ".pdf");
    assertThat(p.first().getPages()).isEqualTo(2); // the original and the copy
    for (PaperChunk c : p.chunks().subList(1, p.chunks().size())) {
      assertThat(c.getFileName()).isEmpty();
      assertThat(c.getData().size()).isLessThanOrEqualTo(PaperStreams.CHUNK);
    }
    Files.write(OUT.resolve("mushak-6-3.pdf"), p.pdf());
    png(p.pdf(), "mushak-6-3.png");
    assertThat(invoice.getGross().getAmount()).startsWith("1092500");
    String original = text(p.pdf(), 1, 1);
    assertThat(original)
        .contains("Mushak-6.3", "Tax Invoice", "ORIGINAL", "Joypurhat Sugar Mills Ltd")
        .contains("BIN: " + BIN, "0009876543210", invoice.getNumber())
        .contains("Station Road, Joypurhat 5900")
        .contains("9,50,000.00", "1,42,500.00", "10,92,500.00", "15%")
        .contains("Taka ten lakh ninety-two thousand five hundred only")
        .contains("Page 1 of 2");
    assertThat(text(p.pdf(), 2, 2)).contains("COPY", invoice.getNumber(), "10,92,500.00");
  }

  @Test
  void theTaxInvoiceInBanglaIsShapedAndWrittenInBanglaDigits() throws IOException {
    Printed p = collect(papers.printTaxInvoice(doc(invoice.getId(), "bn")));
    Files.write(OUT.resolve("mushak-6-3-bn.pdf"), p.pdf());
    png(p.pdf(), "mushak-6-3-bn.png");
    String original = text(p.pdf(), 1, 1);
    assertThat(original)
        .contains("মূসক-৬.৩", "কর চালান", "মূল কপি", "সরবরাহকারী", "গ্রাহক")
        .contains(BIN, invoice.getNumber(), "শান্তি বস্ত্রালয়")
        .contains("১০,৯২,৫০০.০০")
        .contains("টাকা দশ লক্ষ বিরানব্বই হাজার পাঁচ শত মাত্র");
  }

  @Test
  void aLongInvoiceRunsOverPagesWithItsHeaderRepeatedAndTotalsOnlyAtTheEnd() throws IOException {
    List<String> items = new ArrayList<>();
    for (int i = 1; i <= 200; i++) {
      String code = String.format("LONG-%03d", i);
      md.items.createItem(
          MasterdataFixtures.itemRequest(code, "Sugar bag lot " + i)
              .setDefaultSalePrice(
                  io.millstone.api.common.v1.Money.newBuilder()
                      .setAmount("1000")
                      .setCurrencyCode("BDT"))
              .build());
      receive(code, "5");
      items.add(code);
    }
    SalesOrder so = order(items, "1");
    deliver(so, 200);
    Invoice inv = invoice(so);
    Printed p = collect(papers.printTaxInvoice(doc(inv.getId(), "en")));
    int pages = p.first().getPages();
    assertThat(pages).isGreaterThan(2);
    assertThat(p.chunks()).hasSizeGreaterThanOrEqualTo(1);
    int copyStarts = 0;
    for (int page = 1; page <= pages; page++) {
      String s = text(p.pdf(), page, page);
      assertThat(s).as("page %s has the column headers", page).contains("Sl.", "Unit price");
      assertThat(s).contains("Page " + page + " of " + pages);
      if (s.contains("COPY") && copyStarts == 0) {
        copyStarts = page;
      }
    }
    assertThat(copyStarts).isGreaterThan(2);
    assertThat(text(p.pdf(), 1, 1)).doesNotContain("In words");
    assertThat(text(p.pdf(), copyStarts - 1, copyStarts - 1))
        .contains("In words", "Taka two lakh thirty thousand only");
    for (int page = 1; page < copyStarts - 1; page++) {
      assertThat(text(p.pdf(), page, page)).doesNotContain("In words");
    }
  }

  @Test
  void theCreditNoteChallanAndReceiptPrint() throws IOException {
    Invoice cn =
        sales.postCreditNote(
            PostCreditNoteRequest.newBuilder()
                .setIdempotencyKey(key())
                .setInvoiceId(invoice.getId())
                .setCreditDate(day(4))
                .setReason("1 t arrived wet")
                .addLines(CreditLineInput.newBuilder().setLineNo(1).setQuantity(dec("1")))
                .build());
    String credit = text(collect(papers.printCreditNote(doc(cn.getId(), "en"))).pdf(), 1, -1);
    assertThat(credit)
        .contains("Mushak-6.7", "Credit Note", cn.getNumber(), invoice.getNumber())
        .contains("03/12/2026", "1 t arrived wet", "decreased", "14,250.00", "1,09,250.00");

    String challan =
        text(collect(papers.printDeliveryChallan(doc(delivery.getId(), "en"))).pdf(), 1, -1);
    assertThat(challan)
        .contains("Delivery Challan and Gate Pass", delivery.getNumber(), "GODOWN")
        .contains("SUG-L30 Refined sugar L30", "10", "Vehicle", "Gate", "Driver / carrier");

    Payment paid =
        sales.postPayment(
            PostPaymentRequest.newBuilder()
                .setIdempotencyKey(key())
                .setCustomerCode(customer)
                .setPaymentDate(day(5))
                .setAmount(dec("500000"))
                .setMethod(PaymentMethod.PAYMENT_METHOD_BANK)
                .setReference("DBBL TT 4471")
                .addAllocations(
                    AllocationInput.newBuilder()
                        .setInvoiceId(invoice.getId())
                        .setAmount(dec("500000")))
                .build());
    Printed receipt = collect(papers.printMoneyReceipt(doc(paid.getId(), "bn")));
    png(receipt.pdf(), "money-receipt-bn.png");
    assertThat(text(receipt.pdf(), 1, -1))
        .contains("মানি রসিদ", paid.getNumber(), "৫,০০,০০০.০০", "টাকা পাঁচ লক্ষ মাত্র")
        .contains("DBBL TT 4471", invoice.getNumber());
  }

  @Test
  void anotherCompanysOrAMalformedIdIsRefused() {
    assertThat(
            TestServer.codeOf(
                () -> otherCompany.printTaxInvoice(doc(invoice.getId(), "en")).hasNext()))
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(
            TestServer.codeOf(
                () -> papers.printTaxInvoice(doc(UUID.randomUUID().toString(), "")).hasNext()))
        .isEqualTo(Status.Code.NOT_FOUND);
    // An invoice is not a credit note, nor a delivery.
    assertThat(TestServer.codeOf(() -> papers.printCreditNote(doc(invoice.getId(), "")).hasNext()))
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(
            TestServer.codeOf(
                () -> papers.printDeliveryChallan(doc(invoice.getId(), "")).hasNext()))
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(TestServer.codeOf(() -> papers.printMoneyReceipt(doc("nonsense", "")).hasNext()))
        .isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(TestServer.codeOf(() -> papers.printTaxInvoice(doc("INV-1", "")).hasNext()))
        .isEqualTo(Status.Code.INVALID_ARGUMENT);
    var badLanguage =
        TestServer.failure(() -> papers.printTaxInvoice(doc(invoice.getId(), "fr")).hasNext());
    assertThat(badLanguage.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(badLanguage.getStatus().getDescription()).contains("language");
  }

  static PrintTableRequest.Builder table(int columns, int rows) {
    PrintTableRequest.Builder b =
        PrintTableRequest.newBuilder().setTitle("Stock moves").setSubtitle("December 2026");
    for (int c = 0; c < columns; c++) {
      b.addColumns(
          TableColumn.newBuilder()
              .setHeader("Column " + c)
              .setAlign(c == 0 ? Align.ALIGN_LEFT : Align.ALIGN_RIGHT));
    }
    for (int r = 0; r < rows; r++) {
      TableRow.Builder row = TableRow.newBuilder();
      for (int c = 0; c < columns; c++) {
        row.addCells(c == 0 ? "Row " + r : "1,23,456.00");
      }
      b.addRows(row);
    }
    return b;
  }

  @Test
  void anyListPrintsAsATableLandscapeWhenItIsWide() throws IOException {
    Printed narrow = collect(papers.printTable(table(3, 1500).build()));
    PDRectangle portrait = pageSize(narrow.pdf());
    assertThat(portrait.getHeight()).isGreaterThan(portrait.getWidth());
    int pages = narrow.first().getPages();
    assertThat(pages).isGreaterThan(10);
    assertThat(narrow.chunks()).hasSizeGreaterThan(1);
    assertThat(text(narrow.pdf(), pages, pages)).contains("Column 2", "Row 1499");
    assertThat(text(narrow.pdf(), 1, 1)).contains("Stock moves", "December 2026", "1,500 rows");

    Printed wide = collect(papers.printTable(table(14, 10).build()));
    png(wide.pdf(), "table-landscape.png");
    PDRectangle landscape = pageSize(wide.pdf());
    assertThat(landscape.getWidth()).isGreaterThan(landscape.getHeight());
  }

  @Test
  void aListTooLongForPaperIsRefused() {
    var refused = TestServer.failure(() -> papers.printTable(table(1, 20_001).build()).hasNext());
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refused.getStatus().getDescription()).contains("20001", "20000");
    assertThat(
            TestServer.codeOf(
                () ->
                    papers
                        .printTable(PrintTableRequest.newBuilder().setTitle("Empty").build())
                        .hasNext()))
        .isEqualTo(Status.Code.INVALID_ARGUMENT);
    PrintTableRequest.Builder ragged = table(2, 2);
    ragged.setRows(1, TableRow.newBuilder().addCells("a").addCells("b").addCells("c"));
    assertThat(TestServer.codeOf(() -> papers.printTable(ragged.build()).hasNext()))
        .isEqualTo(Status.Code.INVALID_ARGUMENT);
  }
}
