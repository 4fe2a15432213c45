package io.millstone.client.papers;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.common.v1.Decimal;
import io.millstone.api.papers.v1.PaperFormat;
import io.millstone.api.papers.v1.PrintTableRequest;
import io.millstone.api.papers.v1.VatBook;
import io.millstone.api.papers.v1.VatBookKind;
import io.millstone.api.papers.v1.VatBookLine;
import io.millstone.api.papers.v1.VatReturn;
import io.millstone.api.papers.v1.VatReturnLine;
import io.millstone.client.core.Messages;
import io.millstone.client.core.print.PaperSink;
import io.millstone.client.remote.RemoteException;
import io.millstone.client.support.DirectExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VatViewModelsTest {
  private final Messages m = new Messages(Messages.ENGLISH);
  private final Clock clock =
      Clock.fixed(Instant.parse("2026-12-08T06:00:00Z"), ZoneId.of("Asia/Dhaka"));

  static Decimal d(String v) {
    return Decimal.newBuilder().setValue(v).build();
  }

  /** The server's papers as the tests need them. */
  static class FakePapers implements PapersGateway {
    final List<String> calls = new ArrayList<>();
    Exception refuse;

    void file(String name, PaperSink sink) throws Exception {
      sink.start(name, "application/octet-stream", 0);
      sink.write(name.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void taxInvoice(String id, String language, PaperSink sink) throws Exception {
      file("6.3", sink);
    }

    @Override
    public void creditNote(String id, String language, PaperSink sink) throws Exception {
      file("6.7", sink);
    }

    @Override
    public void deliveryChallan(String id, String language, PaperSink sink) throws Exception {
      file("challan", sink);
    }

    @Override
    public void moneyReceipt(String id, String language, PaperSink sink) throws Exception {
      file("receipt", sink);
    }

    @Override
    public void table(PrintTableRequest t, String language, PaperSink sink) throws Exception {
      file("table", sink);
    }

    @Override
    public void purchaseOrder(String id, String language, PaperSink sink) throws Exception {
      file("po", sink);
    }

    @Override
    public void goodsReceipt(String id, String language, PaperSink sink) throws Exception {
      file("grn", sink);
    }

    @Override
    public void weighbridgeTicket(String id, String language, PaperSink sink) throws Exception {
      file("ticket", sink);
    }

    @Override
    public void caneBill(String id, String language, PaperSink sink) throws Exception {
      file("bill", sink);
    }

    @Override
    public VatBook vatBook(VatBookKind kind, LocalDate from, LocalDate to) throws Exception {
      calls.add("book " + kind + " " + from + " " + to);
      if (refuse != null) {
        throw refuse;
      }
      return VatBook.newBuilder()
          .setKind(kind)
          .addLines(
              VatBookLine.newBuilder()
                  .setSerial(1)
                  .setDocumentNumber("INV-1")
                  .setPartyName("Dhaka Sweets")
                  .setPartyBin("000123456-0101")
                  .setDescription("Refined sugar")
                  .setQuantity(d("10"))
                  .setUnitCode("BAG")
                  .setTaxableValue(d("50000"))
                  .setSupplementaryDuty(d("0"))
                  .setVatRate(d("15"))
                  .setVat(d("7500"))
                  .setTotal(d("57500")))
          .setTaxableValue(d("50000"))
          .setSupplementaryDuty(d("0"))
          .setVat(d("7500"))
          .setTotal(d("57500"))
          .setCurrencyCode("BDT")
          .build();
    }

    @Override
    public void printVatBook(
        VatBookKind kind,
        LocalDate from,
        LocalDate to,
        PaperFormat format,
        String language,
        PaperSink sink)
        throws Exception {
      calls.add("print book " + kind + " " + format + " " + language);
      file("book-" + format, sink);
    }

    @Override
    public VatReturn vatReturn(int year, int month) throws Exception {
      calls.add("return " + year + "-" + month);
      if (refuse != null) {
        throw refuse;
      }
      return VatReturn.newBuilder()
          .setYear(year)
          .setMonth(month)
          .addSupplies(
              VatReturnLine.newBuilder()
                  .setNote("1")
                  .setDescription("Standard-rated supply")
                  .setVatRate(d("15"))
                  .setValue(d("50000"))
                  .setVat(d("7500")))
          .setOutputVat(d("7500"))
          .setInputVat(d("1500"))
          .setIncreasingTotal(d("0"))
          .setDecreasingTotal(d("0"))
          .setNetPayable(d("6000"))
          .setCurrencyCode("BDT")
          .setCompanyName("Demo Sugar Mills")
          .setCompanyBin("000999888-0101")
          .build();
    }

    @Override
    public void printVatReturn(
        int year, int month, PaperFormat format, String language, PaperSink sink) throws Exception {
      calls.add("print return " + year + "-" + month + " " + format + " " + language);
      file("return-" + format, sink);
    }
  }

  @Test
  void theSalesBookOfThisMonthShowsItsLinesAndTotals() {
    FakePapers papers = new FakePapers();
    VatBookViewModel vm = new VatBookViewModel(papers, new DirectExecutor(), m, clock);
    vm.load();

    assertThat(papers.calls).containsExactly("book VAT_BOOK_KIND_SALES 2026-12-01 2026-12-08");
    assertThat(vm.rows()).hasSize(1);
    assertThat(vm.rows().get(0).number()).isEqualTo("INV-1");
    assertThat(vm.rows().get(0).rate()).isEqualTo("15 %");
    assertThat(vm.countProperty().get()).isEqualTo("1 line");
    assertThat(vm.totalsProperty().get()).contains("7,500").contains("57,500").endsWith("BDT");
    assertThat(vm.title()).startsWith("Mushak 6.2");
    assertThat(vm.fileName(PaperFormat.PAPER_FORMAT_XLSX))
        .isEqualTo("mushak-6.2-2026-12-01-2026-12-08.xlsx");
  }

  @Test
  void aRefusedPeriodIsShownBesideItsFieldAndClearsTheTable() {
    FakePapers papers = new FakePapers();
    VatBookViewModel vm = new VatBookViewModel(papers, new DirectExecutor(), m, clock);
    vm.load();
    papers.refuse =
        new RemoteException(
            RemoteException.Kind.INVALID_INPUT,
            "bad",
            "",
            Map.of("to", "The period ends before it begins."));
    vm.toProperty().set(LocalDate.of(2026, 11, 1));
    vm.load();

    assertThat(vm.toErrorProperty().get()).isEqualTo("The period ends before it begins.");
    assertThat(vm.fromErrorProperty().get()).isEmpty();
    assertThat(vm.rows()).isEmpty();
    assertThat(vm.totalsProperty().get()).isEmpty();
  }

  @Test
  void theBookIsSavedAsExcelInTheChosenLanguage(@TempDir Path dir) throws Exception {
    FakePapers papers = new FakePapers();
    VatBookViewModel vm = new VatBookViewModel(papers, new DirectExecutor(), m, clock);
    vm.kindProperty().set(VatBookKind.VAT_BOOK_KIND_PURCHASE);
    Path target = dir.resolve("book.xlsx");
    vm.save(PaperFormat.PAPER_FORMAT_XLSX, "bn", target);

    assertThat(papers.calls)
        .containsExactly("print book VAT_BOOK_KIND_PURCHASE PAPER_FORMAT_XLSX bn");
    assertThat(Files.readString(target)).isEqualTo("book-PAPER_FORMAT_XLSX");
    assertThat(vm.getMessage()).isEqualTo("Saved as book.xlsx.");
    try (var s = Files.list(dir)) {
      assertThat(s.toList()).containsExactly(target);
    }
  }

  @Test
  void theReturnOfLastMonthShowsItsPartsAndNetPayable() throws Exception {
    FakePapers papers = new FakePapers();
    VatReturnViewModel vm = new VatReturnViewModel(papers, new DirectExecutor(), m, clock);
    assertThat(vm.monthProperty().get()).isEqualTo(YearMonth.of(2026, 11));
    assertThat(vm.months()).hasSize(24).startsWith(YearMonth.of(2026, 12));
    vm.load();

    assertThat(papers.calls).containsExactly("return 2026-11");
    assertThat(vm.rows().get(0).heading()).isTrue();
    assertThat(vm.rows().get(1).description()).isEqualTo("Standard-rated supply");
    assertThat(vm.rows()).extracting(VatReturnViewModel.Row::heading).filteredOn(h -> h).hasSize(4);
    assertThat(vm.netProperty().get()).isEqualTo("6,000.00 BDT");
    assertThat(vm.companyProperty().get()).contains("Demo Sugar Mills").contains("000999888-0101");
    assertThat(vm.title()).isEqualTo("Mushak 9.1 2026-11");

    var sink = new java.io.ByteArrayOutputStream();
    vm.paper(PaperFormat.PAPER_FORMAT_PDF)
        .send(
            "en",
            new PaperSink() {
              @Override
              public void start(String fileName, String contentType, int pages) {}

              @Override
              public void write(byte[] data) {
                sink.writeBytes(data);
              }

              @Override
              public boolean cancelled() {
                return false;
              }
            });
    assertThat(papers.calls).contains("print return 2026-11 PAPER_FORMAT_PDF en");
  }

  @Test
  void aRefusedReturnSaysWhyAndShowsNothing() {
    FakePapers papers = new FakePapers();
    papers.refuse = new RemoteException(RemoteException.Kind.PERMISSION_DENIED, "no");
    VatReturnViewModel vm = new VatReturnViewModel(papers, new DirectExecutor(), m, clock);
    vm.load();

    assertThat(vm.getMessage()).isEqualTo(m.get("error.permissionDenied"));
    assertThat(vm.rows()).isEmpty();
    assertThat(vm.netProperty().get()).isEmpty();
  }
}
