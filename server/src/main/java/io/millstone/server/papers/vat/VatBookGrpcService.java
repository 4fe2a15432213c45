package io.millstone.server.papers.vat;

import io.grpc.stub.StreamObserver;
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
import io.millstone.server.gateway.GatewayContext;
import io.millstone.server.gateway.ProtoValues;
import io.millstone.server.papers.PaperFile;
import io.millstone.server.papers.PaperStreams;
import io.millstone.server.platform.Validator;
import java.time.LocalDate;
import java.util.List;

/** Adapter from the VatBookService contract to {@link VatBooks} and {@link VatPapers}. */
public final class VatBookGrpcService extends VatBookServiceGrpc.VatBookServiceImplBase {
  private final VatBooks books;

  public VatBookGrpcService(VatBooks books) {
    this.books = books;
  }

  static VatBooks.Kind kind(VatBookKind k) {
    return switch (k) {
      case VAT_BOOK_KIND_PURCHASE -> VatBooks.Kind.PURCHASE;
      case VAT_BOOK_KIND_SALES -> VatBooks.Kind.SALES;
      default -> null;
    };
  }

  /** The period of a request, every bad field refused at once. */
  private static VatBooks.Book read(
      VatBooks books,
      VatBookKind k,
      io.millstone.api.common.v1.Date fromDate,
      io.millstone.api.common.v1.Date toDate) {
    LocalDate from = null;
    LocalDate to = null;
    Validator v = new Validator();
    try {
      from = ProtoValues.date(fromDate, "from");
    } catch (io.millstone.server.platform.error.InvalidInputException e) {
      v.check(false, "from", "is not a calendar date");
    }
    try {
      to = ProtoValues.date(toDate, "to");
    } catch (io.millstone.server.platform.error.InvalidInputException e) {
      v.check(false, "to", "is not a calendar date");
    }
    v.throwIfInvalid();
    return books.book(GatewayContext.actor(), kind(k), from, to);
  }

  @Override
  public void getVatBook(GetVatBookRequest req, StreamObserver<VatBook> out) {
    out.onNext(proto(read(books, req.getKind(), req.getFrom(), req.getTo())));
    out.onCompleted();
  }

  @Override
  public void printVatBook(PrintVatBookRequest req, StreamObserver<PaperChunk> out) {
    VatBooks.Book b = read(books, req.getKind(), req.getFrom(), req.getTo());
    VatPapers.Labels labels = VatPapers.Labels.of(req.getLanguage());
    send(
        req.getFormat() == PaperFormat.PAPER_FORMAT_XLSX
            ? VatPapers.bookXlsx(b, labels)
            : VatPapers.bookPdf(b, labels),
        out);
  }

  @Override
  public void getVatReturn(GetVatReturnRequest req, StreamObserver<VatReturn> out) {
    out.onNext(proto(books.vatReturn(GatewayContext.actor(), req.getYear(), req.getMonth()), "en"));
    out.onCompleted();
  }

  @Override
  public void printVatReturn(PrintVatReturnRequest req, StreamObserver<PaperChunk> out) {
    VatBooks.Return r = books.vatReturn(GatewayContext.actor(), req.getYear(), req.getMonth());
    VatPapers.Labels labels = VatPapers.Labels.of(req.getLanguage());
    send(
        req.getFormat() == PaperFormat.PAPER_FORMAT_XLSX
            ? VatPapers.returnXlsx(r, labels)
            : VatPapers.returnPdf(r, labels),
        out);
  }

  static void send(PaperFile file, StreamObserver<PaperChunk> out) {
    PaperStreams.send(file, out);
  }

  static VatBook proto(VatBooks.Book b) {
    VatBook.Builder p =
        VatBook.newBuilder()
            .setKind(
                b.kind() == VatBooks.Kind.SALES
                    ? VatBookKind.VAT_BOOK_KIND_SALES
                    : VatBookKind.VAT_BOOK_KIND_PURCHASE)
            .setFrom(ProtoValues.date(b.from()))
            .setTo(ProtoValues.date(b.to()))
            .setTaxableValue(ProtoValues.decimal(b.taxableValue()))
            .setSupplementaryDuty(ProtoValues.decimal(b.supplementaryDuty()))
            .setVat(ProtoValues.decimal(b.vat()))
            .setTotal(ProtoValues.decimal(b.total()))
            .setCurrencyCode(b.company().currencyCode());
    for (VatBooks.Line l : b.lines()) {
      p.addLines(
          VatBookLine.newBuilder()
              .setSerial(l.serial())
              .setDate(ProtoValues.date(l.date()))
              .setDocumentNumber(l.documentNumber())
              .setDocumentKind(l.documentKind())
              .setPartyName(l.partyName())
              .setPartyBin(l.partyBin())
              .setPartyAddress(l.partyAddress())
              .setItemCode(l.itemCode())
              .setDescription(l.description())
              .setQuantity(ProtoValues.decimal(l.quantity()))
              .setUnitCode(l.unitCode())
              .setTaxableValue(ProtoValues.decimal(l.taxableValue()))
              .setSupplementaryDuty(ProtoValues.decimal(l.supplementaryDuty()))
              .setVatRate(ProtoValues.decimal(l.vatRate()))
              .setVat(ProtoValues.decimal(l.vat()))
              .setTotal(ProtoValues.decimal(l.total())));
    }
    return p.build();
  }

  static VatReturn proto(VatBooks.Return r, String language) {
    VatPapers.Labels labels = VatPapers.Labels.of(language);
    return VatReturn.newBuilder()
        .setYear(r.year())
        .setMonth(r.month())
        .addAllSupplies(lines(r.supplies(), labels))
        .addAllPurchases(lines(r.purchases(), labels))
        .addAllIncreasing(lines(r.increasing(), labels))
        .addAllDecreasing(lines(r.decreasing(), labels))
        .setOutputVat(ProtoValues.decimal(r.outputVat()))
        .setInputVat(ProtoValues.decimal(r.inputVat()))
        .setIncreasingTotal(ProtoValues.decimal(r.increasingTotal()))
        .setDecreasingTotal(ProtoValues.decimal(r.decreasingTotal()))
        .setNetPayable(ProtoValues.decimal(r.netPayable()))
        .setCurrencyCode(r.company().currencyCode())
        .setCompanyName(r.company().name())
        .setCompanyBin(r.company().bin())
        .build();
  }

  private static List<VatReturnLine> lines(List<VatBooks.ReturnLine> ls, VatPapers.Labels labels) {
    return ls.stream()
        .map(
            l ->
                VatReturnLine.newBuilder()
                    .setNote(l.note())
                    .setDescription(labels.note(l.note()))
                    .setVatRate(ProtoValues.decimal(l.rate()))
                    .setValue(ProtoValues.decimal(l.value()))
                    .setSupplementaryDuty(ProtoValues.decimal(l.supplementaryDuty()))
                    .setVat(ProtoValues.decimal(l.vat()))
                    .build())
        .toList();
  }
}
