package io.millstone.server.papers.vat;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.millstone.api.accounting.v1.GetVatSummaryRequest;
import io.millstone.api.accounting.v1.LedgerServiceGrpc;
import io.millstone.api.accounting.v1.VatSummary;
import io.millstone.api.common.v1.Date;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.common.v1.IdempotencyKey;
import io.millstone.api.common.v1.Money;
import io.millstone.api.identity.v1.CompanyServiceGrpc;
import io.millstone.api.identity.v1.GetCompanyRequest;
import io.millstone.api.identity.v1.UpdateCompanyRequest;
import io.millstone.api.inventory.v1.ReceiveStockRequest;
import io.millstone.api.inventory.v1.StockLine;
import io.millstone.api.inventory.v1.StockServiceGrpc;
import io.millstone.api.masterdata.v1.ItemKind;
import io.millstone.api.masterdata.v1.TaxCategory;
import io.millstone.api.papers.v1.GetVatBookRequest;
import io.millstone.api.papers.v1.GetVatReturnRequest;
import io.millstone.api.papers.v1.PaperChunk;
import io.millstone.api.papers.v1.PaperFormat;
import io.millstone.api.papers.v1.PrintVatBookRequest;
import io.millstone.api.papers.v1.PrintVatReturnRequest;
import io.millstone.api.papers.v1.VatBook;
import io.millstone.api.papers.v1.VatBookKind;
import io.millstone.api.papers.v1.VatBookLine;
import io.millstone.api.papers.v1.VatBookServiceGrpc;
import io.millstone.api.papers.v1.VatReturn;
import io.millstone.api.papers.v1.VatReturnLine;
import io.millstone.api.purchasing.v1.BillLineInput;
import io.millstone.api.purchasing.v1.CreatePurchaseOrderRequest;
import io.millstone.api.purchasing.v1.DecidePurchaseOrderRequest;
import io.millstone.api.purchasing.v1.PostGoodsReceiptRequest;
import io.millstone.api.purchasing.v1.PostSupplierBillRequest;
import io.millstone.api.purchasing.v1.PurchaseLineInput;
import io.millstone.api.purchasing.v1.PurchasingServiceGrpc;
import io.millstone.api.purchasing.v1.ReceiptLineInput;
import io.millstone.api.sales.v1.CreateOrderRequest;
import io.millstone.api.sales.v1.CreditLineInput;
import io.millstone.api.sales.v1.DeliveryLineInput;
import io.millstone.api.sales.v1.Invoice;
import io.millstone.api.sales.v1.OrderLineInput;
import io.millstone.api.sales.v1.PostCreditNoteRequest;
import io.millstone.api.sales.v1.PostDeliveryRequest;
import io.millstone.api.sales.v1.PostInvoiceRequest;
import io.millstone.api.sales.v1.SalesOrder;
import io.millstone.api.sales.v1.SalesServiceGrpc;
import io.millstone.server.TestServer;
import io.millstone.server.identity.BadRequests;
import io.millstone.server.masterdata.MasterdataFixtures;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The accounts office prints the VAT books and the month's return: Mushak 6.1 and 6.2 from the
 * posted bills, invoices and credit notes, and 9.1 from them, equal to the ledger's VAT summary to
 * the paisa.
 */
class VatBooksTest {
  static TestServer t;
  static VatBookServiceGrpc.VatBookServiceBlockingStub vat;
  static LedgerServiceGrpc.LedgerServiceBlockingStub ledger;
  static Mill mill;
  static Mill other;

  /** One company's desks, signed in as its admin. */
  record Mill(
      MasterdataFixtures md,
      SalesServiceGrpc.SalesServiceBlockingStub sales,
      PurchasingServiceGrpc.PurchasingServiceBlockingStub buy,
      StockServiceGrpc.StockServiceBlockingStub stock,
      CompanyServiceGrpc.CompanyServiceBlockingStub company,
      String token) {
    static Mill of(TestServer t, String name) {
      UUID id = t.createCompany(name).id();
      String token =
          t.login(t.createUser(id, t.fresh("vat.admin"), "admin"), TestServer.PASSWORD)
              .getSessionToken();
      return new Mill(
          MasterdataFixtures.of(t.channel(), token),
          TestServer.withToken(token, SalesServiceGrpc.newBlockingStub(t.channel())),
          TestServer.withToken(token, PurchasingServiceGrpc.newBlockingStub(t.channel())),
          TestServer.withToken(token, StockServiceGrpc.newBlockingStub(t.channel())),
          TestServer.withToken(token, CompanyServiceGrpc.newBlockingStub(t.channel())),
          token);
    }

    void setup(String customerName) {
      md.warehouse("VGD", "VAT godown", "BAY-1");
      md.item("V-SUGAR", "Refined sugar L30");
      md.items.createItem(
          MasterdataFixtures.itemRequest("V-MOL", "Molasses")
              .setKind(ItemKind.ITEM_KIND_BY_PRODUCT)
              .setDefaultSalePrice(Money.newBuilder().setAmount("12000").setCurrencyCode("BDT"))
              .setTaxCategory(TaxCategory.TAX_CATEGORY_EXEMPT)
              .build());
      md.items.createItem(
          MasterdataFixtures.itemRequest("V-LIME", "Hydrated lime")
              .setKind(ItemKind.ITEM_KIND_RAW_MATERIAL)
              .build());
      md.customers.createCustomer(
          MasterdataFixtures.partyRequest("V-C1", customerName)
              .clearCreditLimit()
              .setNoCreditLimit(true)
              .build());
      md.supplier("V-S1", customerName + " Lime Works");
      stock.receiveStock(
          ReceiveStockRequest.newBuilder()
              .setIdempotencyKey(key())
              .addLines(
                  StockLine.newBuilder()
                      .setItemCode("V-SUGAR")
                      .setWarehouseCode("VGD")
                      .setLot("L1")
                      .setQuantity(dec("100")))
              .addLines(
                  StockLine.newBuilder()
                      .setItemCode("V-MOL")
                      .setWarehouseCode("VGD")
                      .setLot("M1")
                      .setQuantity(dec("100")))
              .addUnitCosts(dec("60000"))
              .addUnitCosts(dec("5000"))
              .setReference("opening")
              .build());
    }

    /** An order delivered in full and invoiced on the day. */
    Invoice sell(Date day, String[][] lines) {
      var o =
          CreateOrderRequest.newBuilder()
              .setIdempotencyKey(key())
              .setCustomerCode("V-C1")
              .setOrderDate(day);
      for (String[] l : lines) {
        var b = OrderLineInput.newBuilder().setItemCode(l[0]).setQuantity(dec(l[1]));
        if (l.length > 2) {
          b.setUnitPrice(dec(l[2]));
        }
        o.addLines(b);
      }
      SalesOrder order = sales.createOrder(o.build());
      var d =
          PostDeliveryRequest.newBuilder()
              .setIdempotencyKey(key())
              .setOrderId(order.getId())
              .setWarehouseCode("VGD")
              .setDeliveryDate(day);
      for (int i = 0; i < lines.length; i++) {
        d.addLines(
            DeliveryLineInput.newBuilder()
                .setOrderLineNo(i + 1)
                .setQuantity(dec(lines[i][1]))
                .setLot(lines[i][0].equals("V-MOL") ? "M1" : "L1"));
      }
      sales.postDelivery(d.build());
      return sales.postInvoice(
          PostInvoiceRequest.newBuilder()
              .setIdempotencyKey(key())
              .setOrderId(order.getId())
              .setInvoiceDate(day)
              .build());
    }

    /** Lime bought, received and billed on the day under the supplier's number. */
    void buy(Date day, String qty, String price, String supplierInvoice) {
      var po =
          buy.createPurchaseOrder(
              CreatePurchaseOrderRequest.newBuilder()
                  .setSupplierCode("V-S1")
                  .setOrderDate(day)
                  .addLines(
                      PurchaseLineInput.newBuilder()
                          .setItemCode("V-LIME")
                          .setQuantity(dec(qty))
                          .setUnitPrice(dec(price)))
                  .build());
      po =
          buy.submitPurchaseOrder(
              DecidePurchaseOrderRequest.newBuilder()
                  .setId(po.getId())
                  .setVersion(po.getVersion())
                  .build());
      buy.postGoodsReceipt(
          PostGoodsReceiptRequest.newBuilder()
              .setOrderId(po.getId())
              .setWarehouseCode("VGD")
              .setReceiptDate(day)
              .addLines(ReceiptLineInput.newBuilder().setOrderLineNo(1).setQuantity(dec(qty)))
              .build());
      buy.postSupplierBill(
          PostSupplierBillRequest.newBuilder()
              .setOrderId(po.getId())
              .setSupplierInvoice(supplierInvoice)
              .setBillDate(day)
              .addLines(
                  BillLineInput.newBuilder()
                      .setOrderLineNo(1)
                      .setQuantity(dec(qty))
                      .setUnitPrice(dec(price)))
              .build());
    }

    void vatRate(String percent) {
      var c = company.getCompany(GetCompanyRequest.getDefaultInstance());
      company.updateCompany(
          UpdateCompanyRequest.newBuilder()
              .setName(c.getName())
              .setCurrencyCode(c.getCurrencyCode())
              .setVatRatePercent(dec(percent))
              .setFiscalYearStartMonth(c.getFiscalYearStartMonth())
              .setTimeZone(c.getTimeZone())
              .setBin("0001234567891")
              .setAddress("Mill Road, Joypurhat 5900")
              .setVersion(c.getVersion())
              .build());
    }
  }

  static Invoice november;

  @BeforeAll
  static void start() {
    t = new TestServer();
    mill = Mill.of(t, "VAT Books Mill");
    other = Mill.of(t, "Other VAT Mill");
    vat = TestServer.withToken(mill.token(), VatBookServiceGrpc.newBlockingStub(t.channel()));
    ledger = TestServer.withToken(mill.token(), LedgerServiceGrpc.newBlockingStub(t.channel()));
    mill.setup("Jamuna Sweets");
    other.setup("Elsewhere Traders");

    // October, the neighbouring month: an invoice and a bill.
    mill.sell(day(2026, 10, 28), new String[][] {{"V-SUGAR", "1"}});
    mill.buy(day(2026, 10, 30), "2", "1000", "LW-OCT-1");
    // November: sugar at 15 % and molasses exempt, sugar at 7.5 %, a credit note, two bills.
    november = mill.sell(day(2026, 11, 5), new String[][] {{"V-SUGAR", "2"}, {"V-MOL", "3"}});
    mill.vatRate("7.5");
    mill.sell(day(2026, 11, 10), new String[][] {{"V-SUGAR", "1", "95000.33"}});
    mill.vatRate("15");
    mill.sales()
        .postCreditNote(
            PostCreditNoteRequest.newBuilder()
                .setIdempotencyKey(key())
                .setInvoiceId(november.getId())
                .setCreditDate(day(2026, 11, 20))
                .setReason("0.4 t arrived wet")
                .addLines(CreditLineInput.newBuilder().setLineNo(1).setQuantity(dec("0.4")))
                .build());
    mill.buy(day(2026, 11, 8), "3", "1234.57", "LW-NOV-1");
    mill.buy(day(2026, 11, 30), "1", "999.99", "LW-NOV-2");
    // December, the month after: an invoice.
    mill.sell(day(2026, 12, 1), new String[][] {{"V-SUGAR", "1"}});
    // Another company sells in November too.
    other.sell(day(2026, 11, 6), new String[][] {{"V-SUGAR", "5"}});
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static Date day(int y, int m, int d) {
    return Date.newBuilder().setYear(y).setMonth(m).setDay(d).build();
  }

  static Decimal dec(String v) {
    return Decimal.newBuilder().setValue(v).build();
  }

  static IdempotencyKey key() {
    return IdempotencyKey.newBuilder().setValue(UUID.randomUUID().toString()).build();
  }

  static BigDecimal num(Decimal d) {
    return new BigDecimal(d.getValue());
  }

  static VatSummary summary(Date from, Date to) {
    return ledger.getVatSummary(GetVatSummaryRequest.newBuilder().setFrom(from).setTo(to).build());
  }

  static VatBook book(VatBookKind kind, Date from, Date to) {
    return vat.getVatBook(
        GetVatBookRequest.newBuilder().setKind(kind).setFrom(from).setTo(to).build());
  }

  static VatReturn vatReturn(int year, int month) {
    return vat.getVatReturn(GetVatReturnRequest.newBuilder().setYear(year).setMonth(month).build());
  }

  /** A streamed file: the first chunk's head and all the bytes. */
  record File(PaperChunk head, byte[] data) {}

  static File file(Iterator<PaperChunk> chunks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PaperChunk head = null;
    while (chunks.hasNext()) {
      PaperChunk c = chunks.next();
      if (head == null) {
        head = c;
      }
      out.writeBytes(c.getData().toByteArray());
    }
    return new File(head, out.toByteArray());
  }

  static String pdfText(byte[] pdf) throws Exception {
    try (PDDocument d = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(d);
    }
  }

  /**
   * The first worksheet's XML of an .xlsx file and its shared strings, read as a spreadsheet
   * program reads the file: through the zip's central directory.
   */
  static String sheetXml(byte[] xlsx) throws Exception {
    Path f =
        Files.createTempFile(Files.createDirectories(Path.of("target", "papers")), "vat", ".xlsx");
    Files.write(f, xlsx);
    StringBuilder all = new StringBuilder();
    try (ZipFile z = new ZipFile(f.toFile())) {
      for (String name : new String[] {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"}) {
        ZipEntry e = z.getEntry(name);
        if (e != null) {
          all.append(new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    Files.delete(f);
    // Characters beyond ASCII are written as references (&#x9ae;).
    return java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);")
        .matcher(all)
        .replaceAll(m -> new String(Character.toChars(Integer.parseInt(m.group(1), 16))));
  }

  static void render(byte[] pdf, String name) throws Exception {
    Path png = Path.of("target", "papers", name);
    Files.createDirectories(png.getParent());
    try (PDDocument d = Loader.loadPDF(pdf)) {
      ImageIO.write(
          new PDFRenderer(d).renderImageWithDPI(0, 110, ImageType.RGB), "png", png.toFile());
    }
  }

  @Test
  void theBooksAndTheReturnEqualTheLedgersVatSummaryToThePaisa() {
    Date from = day(2026, 11, 1);
    Date to = day(2026, 11, 30);
    VatSummary s = summary(from, to);
    VatBook sales = book(VatBookKind.VAT_BOOK_KIND_SALES, from, to);
    VatBook purchases = book(VatBookKind.VAT_BOOK_KIND_PURCHASE, from, to);
    VatReturn r = vatReturn(2026, 11);

    assertThat(num(sales.getVat())).isEqualByComparingTo(num(s.getOutputVat()));
    assertThat(num(purchases.getVat())).isEqualByComparingTo(num(s.getInputVat()));
    assertThat(num(r.getOutputVat()).subtract(num(r.getDecreasingTotal())))
        .isEqualByComparingTo(num(s.getOutputVat()));
    assertThat(num(r.getInputVat())).isEqualByComparingTo(num(s.getInputVat()));
    assertThat(num(r.getNetPayable())).isEqualByComparingTo(num(s.getNetPayable()));
    // 2 t at 95,000 and 15 %, molasses exempt, 1 t at 95,000.33 and 7.5 %, 0.4 t credited at 15 %.
    // 28,500 + 7,125.02 (95,000.33 at 7.5 %, rounded half-up) - 5,700.
    assertThat(num(sales.getVat())).isEqualByComparingTo("29925.02");

    // Every line of the form, in date order; the credit note negative.
    assertThat(sales.getLinesList())
        .extracting(VatBookLine::getDocumentKind)
        .containsExactly("INVOICE", "INVOICE", "INVOICE", "CREDIT_NOTE");
    VatBookLine first = sales.getLines(0);
    assertThat(first.getSerial()).isEqualTo(1);
    assertThat(first.getDocumentNumber()).isEqualTo(november.getNumber());
    assertThat(first.getPartyName()).isEqualTo("Jamuna Sweets");
    assertThat(first.getPartyBin()).isEqualTo("0012345678901");
    assertThat(first.getPartyAddress()).isEqualTo("Station Road, Joypurhat");
    assertThat(first.getItemCode()).isEqualTo("V-SUGAR");
    assertThat(first.getUnitCode()).isEqualTo("t");
    assertThat(num(first.getTaxableValue())).isEqualByComparingTo("190000");
    assertThat(num(first.getVat())).isEqualByComparingTo("28500");
    assertThat(num(first.getTotal())).isEqualByComparingTo("218500");
    assertThat(num(sales.getLines(1).getVatRate())).isZero();
    assertThat(num(sales.getLines(2).getVatRate())).isEqualByComparingTo("7.5");
    VatBookLine credit = sales.getLines(3);
    assertThat(num(credit.getQuantity())).isEqualByComparingTo("-0.4");
    assertThat(num(credit.getVat())).isEqualByComparingTo("-5700");
    assertThat(purchases.getLinesList())
        .extracting(VatBookLine::getDocumentNumber)
        .containsExactly("LW-NOV-1", "LW-NOV-2");
    assertThat(purchases.getLines(0).getDescription()).isEqualTo("Hydrated lime");

    // 9.1 by rate: standard (note 4), other rate (7), exempt (3); the credit note in part 5.
    assertThat(r.getSuppliesList())
        .extracting(VatReturnLine::getNote)
        .containsExactly("3", "4", "7");
    assertThat(r.getPurchasesList()).extracting(VatReturnLine::getNote).containsExactly("14");
    assertThat(r.getDecreasingList())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.getNote()).isEqualTo("31");
              assertThat(num(l.getVat())).isEqualByComparingTo("5700");
            });
    assertThat(r.getCompanyBin()).isEqualTo("0001234567891");
    // Per rate as the ledger's summary has it.
    for (var rate : s.getMonths(0).getRatesList()) {
      BigDecimal supplied =
          r.getSuppliesList().stream()
              .filter(l -> num(l.getVatRate()).compareTo(num(rate.getRate())) == 0)
              .map(l -> num(l.getVat()))
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal credited =
          r.getDecreasingList().stream()
              .filter(l -> num(l.getVatRate()).compareTo(num(rate.getRate())) == 0)
              .map(l -> num(l.getVat()))
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(supplied.subtract(credited)).isEqualByComparingTo(num(rate.getOutputVat()));
    }

    // Two months at once: the books still equal the summary.
    VatSummary both = summary(day(2026, 10, 1), to);
    assertThat(num(book(VatBookKind.VAT_BOOK_KIND_SALES, day(2026, 10, 1), to).getVat()))
        .isEqualByComparingTo(num(both.getOutputVat()));
    assertThat(num(book(VatBookKind.VAT_BOOK_KIND_PURCHASE, day(2026, 10, 1), to).getVat()))
        .isEqualByComparingTo(num(both.getInputVat()));
    VatReturn october = vatReturn(2026, 10);
    assertThat(num(october.getNetPayable()))
        .isEqualByComparingTo(num(summary(day(2026, 10, 1), day(2026, 10, 31)).getNetPayable()));
  }

  @Test
  void anotherCompanysDocumentsNeverAppear() {
    VatBook sales = book(VatBookKind.VAT_BOOK_KIND_SALES, day(2026, 10, 1), day(2026, 12, 31));
    assertThat(sales.getLinesList())
        .extracting(VatBookLine::getPartyName)
        .containsOnly("Jamuna Sweets");
    VatBook theirs =
        TestServer.withToken(other.token(), VatBookServiceGrpc.newBlockingStub(t.channel()))
            .getVatBook(
                GetVatBookRequest.newBuilder()
                    .setKind(VatBookKind.VAT_BOOK_KIND_SALES)
                    .setFrom(day(2026, 11, 1))
                    .setTo(day(2026, 11, 30))
                    .build());
    assertThat(theirs.getLinesList())
        .extracting(VatBookLine::getPartyName)
        .containsOnly("Elsewhere Traders");
  }

  @Test
  void badPeriodsAreRefusedField() {
    var backwards =
        TestServer.failure(
            () -> book(VatBookKind.VAT_BOOK_KIND_SALES, day(2026, 11, 30), day(2026, 11, 1)));
    assertThat(backwards.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(BadRequests.fields(backwards)).containsExactly("to");
    var tooLong =
        TestServer.failure(
            () -> book(VatBookKind.VAT_BOOK_KIND_PURCHASE, day(2026, 1, 1), day(2027, 1, 1)));
    assertThat(BadRequests.fields(tooLong)).containsExactly("to");
    var noKind =
        TestServer.failure(
            () -> vat.getVatBook(GetVatBookRequest.newBuilder().setFrom(day(2026, 11, 1)).build()));
    assertThat(BadRequests.fields(noKind)).containsExactlyInAnyOrder("kind", "to");
    var month13 = TestServer.failure(() -> vatReturn(2026, 13));
    assertThat(month13.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(BadRequests.fields(month13)).containsExactly("month");
    var printed =
        TestServer.failure(
            () ->
                file(
                    vat.printVatReturn(
                        PrintVatReturnRequest.newBuilder().setYear(2026).setMonth(0).build())));
    assertThat(BadRequests.fields(printed)).containsExactly("month");
  }

  @Test
  void aMonthWithoutSalesIsAnEmptyFormInPdfAndExcel() throws Exception {
    VatReturn empty = vatReturn(2027, 3);
    assertThat(empty.getSuppliesList()).isEmpty();
    assertThat(num(empty.getNetPayable())).isZero();

    File pdf =
        file(
            vat.printVatReturn(
                PrintVatReturnRequest.newBuilder()
                    .setYear(2027)
                    .setMonth(3)
                    .setFormat(PaperFormat.PAPER_FORMAT_PDF)
                    .build()));
    assertThat(pdf.head().getFileName()).isEqualTo("mushak-9.1-2027-03.pdf");
    assertThat(pdf.head().getContentType()).isEqualTo("application/pdf");
    assertThat(pdf.head().getPages()).isEqualTo(1);
    String text = pdfText(pdf.data());
    assertThat(text).contains("Mushak-9.1 VAT Return").contains("March 2027").contains("0.00");

    File xlsx =
        file(
            vat.printVatBook(
                PrintVatBookRequest.newBuilder()
                    .setKind(VatBookKind.VAT_BOOK_KIND_SALES)
                    .setFrom(day(2027, 3, 1))
                    .setTo(day(2027, 3, 31))
                    .setFormat(PaperFormat.PAPER_FORMAT_XLSX)
                    .build()));
    assertThat(xlsx.head().getFileName()).isEqualTo("mushak-6.2-2027-03-01-to-2027-03-31.xlsx");
    assertThat(sheetXml(xlsx.data())).contains("Mushak-6.2 Sales Book").contains("<v>0</v>");
  }

  @Test
  void theBooksPrintAsPdfAndExcelWithRealNumbers() throws Exception {
    File xlsx =
        file(
            vat.printVatBook(
                PrintVatBookRequest.newBuilder()
                    .setKind(VatBookKind.VAT_BOOK_KIND_SALES)
                    .setFrom(day(2026, 11, 1))
                    .setTo(day(2026, 11, 30))
                    .setFormat(PaperFormat.PAPER_FORMAT_XLSX)
                    .build()));
    String xml = sheetXml(xlsx.data());
    // The taxable value and VAT are number cells, not text.
    assertThat(xml).contains("<v>190000").contains("<v>28500").contains("<v>-5700");

    File pdf =
        file(
            vat.printVatBook(
                PrintVatBookRequest.newBuilder()
                    .setKind(VatBookKind.VAT_BOOK_KIND_PURCHASE)
                    .setFrom(day(2026, 11, 1))
                    .setTo(day(2026, 11, 30))
                    .build()));
    assertThat(pdf.head().getContentType()).isEqualTo("application/pdf");
    assertThat(pdfText(pdf.data()))
        .contains("Mushak-6.1 Purchase Book")
        .contains("LW-NOV-1")
        .contains("Hydrated lime");

    File returnPdf =
        file(
            vat.printVatReturn(
                PrintVatReturnRequest.newBuilder().setYear(2026).setMonth(11).build()));
    assertThat(pdfText(returnPdf.data())).contains("Issuance of credit notes").contains("5,700.00");
    Path png = Path.of("target", "papers", "vat-return.png");
    Files.createDirectories(png.getParent());
    try (PDDocument d = Loader.loadPDF(returnPdf.data())) {
      ImageIO.write(
          new PDFRenderer(d).renderImageWithDPI(0, 110, ImageType.RGB), "png", png.toFile());
    }
    File salesPdf =
        file(
            vat.printVatBook(
                PrintVatBookRequest.newBuilder()
                    .setKind(VatBookKind.VAT_BOOK_KIND_SALES)
                    .setFrom(day(2026, 11, 1))
                    .setTo(day(2026, 11, 30))
                    .build()));
    assertThat(salesPdf.head().getFileName()).isEqualTo("mushak-6.2-2026-11-01-to-2026-11-30.pdf");
    assertThat(pdfText(salesPdf.data())).contains("Mushak-6.2 Sales Book").contains("29,925.02");
    render(salesPdf.data(), "vat-sales-book.png");
    File banglaPdf =
        file(
            vat.printVatReturn(
                PrintVatReturnRequest.newBuilder()
                    .setYear(2026)
                    .setMonth(11)
                    .setLanguage("bn")
                    .build()));
    render(banglaPdf.data(), "vat-return-bn.png");
    File bangla =
        file(
            vat.printVatReturn(
                PrintVatReturnRequest.newBuilder()
                    .setYear(2026)
                    .setMonth(11)
                    .setLanguage("bn")
                    .setFormat(PaperFormat.PAPER_FORMAT_XLSX)
                    .build()));
    assertThat(sheetXml(bangla.data())).contains("মূসক-৯.১");
  }
}
