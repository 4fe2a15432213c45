package io.millstone.client.remote;

import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import io.millstone.api.papers.v1.GetVatBookRequest;
import io.millstone.api.papers.v1.GetVatReturnRequest;
import io.millstone.api.papers.v1.PaperChunk;
import io.millstone.api.papers.v1.PaperFormat;
import io.millstone.api.papers.v1.PaperServiceGrpc;
import io.millstone.api.papers.v1.PrintDocumentRequest;
import io.millstone.api.papers.v1.PrintTableRequest;
import io.millstone.api.papers.v1.PrintVatBookRequest;
import io.millstone.api.papers.v1.PrintVatReturnRequest;
import io.millstone.api.papers.v1.SupplyPaperServiceGrpc;
import io.millstone.api.papers.v1.VatBook;
import io.millstone.api.papers.v1.VatBookKind;
import io.millstone.api.papers.v1.VatBookServiceGrpc;
import io.millstone.api.papers.v1.VatReturn;
import io.millstone.client.core.print.PaperSink;
import io.millstone.client.papers.PapersGateway;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/** Papers from the server: documents, tables, the VAT books and return, each a file streamed. */
public final class Papers implements PapersGateway {
  private final Session session;

  public Papers(Session session) {
    this.session = session;
  }

  private PaperServiceGrpc.PaperServiceBlockingStub papers() {
    return session.stub(PaperServiceGrpc.newBlockingStub(session.connection().channel()));
  }

  private SupplyPaperServiceGrpc.SupplyPaperServiceBlockingStub supply() {
    return session.stub(SupplyPaperServiceGrpc.newBlockingStub(session.connection().channel()));
  }

  private VatBookServiceGrpc.VatBookServiceBlockingStub books() {
    return session.stub(VatBookServiceGrpc.newBlockingStub(session.connection().channel()));
  }

  private static PrintDocumentRequest doc(String id, String language) {
    return PrintDocumentRequest.newBuilder()
        .setId(id == null ? "" : id.trim())
        .setLanguage(language == null ? "" : language)
        .build();
  }

  /**
   * Reads a paper stream into the sink. The call runs in a cancellable context: when the sink is
   * cancelled (or the thread interrupted) the server stops sending and nothing more is written.
   */
  static void stream(Supplier<Iterator<PaperChunk>> call, PaperSink sink) throws Exception {
    Context.CancellableContext context = Context.current().withCancellation();
    Context previous = context.attach();
    try {
      Iterator<PaperChunk> chunks = call.get();
      boolean first = true;
      while (chunks.hasNext()) {
        PaperChunk c = chunks.next();
        if (sink.cancelled()) {
          throw new CancellationException();
        }
        if (first) {
          sink.start(c.getFileName(), c.getContentType(), c.getPages());
          first = false;
        }
        if (!c.getData().isEmpty()) {
          sink.write(c.getData().toByteArray());
        }
      }
      if (first) {
        throw new RemoteException(RemoteException.Kind.OTHER, "the server sent no file");
      }
    } catch (StatusRuntimeException e) {
      if (sink.cancelled() || Thread.currentThread().isInterrupted()) {
        throw new CancellationException();
      }
      throw StatusTranslator.translate(e, false);
    } finally {
      context.detach(previous);
      context.cancel(null);
    }
  }

  @Override
  public void taxInvoice(String invoiceId, String language, PaperSink sink) throws Exception {
    stream(() -> papers().printTaxInvoice(doc(invoiceId, language)), sink);
  }

  @Override
  public void creditNote(String creditNoteId, String language, PaperSink sink) throws Exception {
    stream(() -> papers().printCreditNote(doc(creditNoteId, language)), sink);
  }

  @Override
  public void deliveryChallan(String deliveryId, String language, PaperSink sink) throws Exception {
    stream(() -> papers().printDeliveryChallan(doc(deliveryId, language)), sink);
  }

  @Override
  public void moneyReceipt(String paymentId, String language, PaperSink sink) throws Exception {
    stream(() -> papers().printMoneyReceipt(doc(paymentId, language)), sink);
  }

  @Override
  public void table(PrintTableRequest table, String language, PaperSink sink) throws Exception {
    PrintTableRequest r = table.toBuilder().setLanguage(language == null ? "" : language).build();
    stream(() -> papers().printTable(r), sink);
  }

  @Override
  public void purchaseOrder(String orderId, String language, PaperSink sink) throws Exception {
    stream(() -> supply().printPurchaseOrder(doc(orderId, language)), sink);
  }

  @Override
  public void goodsReceipt(String receiptId, String language, PaperSink sink) throws Exception {
    stream(() -> supply().printGoodsReceipt(doc(receiptId, language)), sink);
  }

  @Override
  public void weighbridgeTicket(String ticketId, String language, PaperSink sink) throws Exception {
    stream(() -> supply().printWeighbridgeTicket(doc(ticketId, language)), sink);
  }

  @Override
  public void caneBill(String billId, String language, PaperSink sink) throws Exception {
    stream(() -> supply().printCaneBill(doc(billId, language)), sink);
  }

  @Override
  public VatBook vatBook(VatBookKind kind, LocalDate from, LocalDate to) throws RemoteException {
    GetVatBookRequest.Builder r = GetVatBookRequest.newBuilder().setKind(kind);
    if (from != null) {
      r.setFrom(ProtoValues.date(from));
    }
    if (to != null) {
      r.setTo(ProtoValues.date(to));
    }
    return Calls.call(() -> books().getVatBook(r.build()));
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
    PrintVatBookRequest.Builder r =
        PrintVatBookRequest.newBuilder()
            .setKind(kind)
            .setFormat(format)
            .setLanguage(language == null ? "" : language);
    if (from != null) {
      r.setFrom(ProtoValues.date(from));
    }
    if (to != null) {
      r.setTo(ProtoValues.date(to));
    }
    stream(() -> books().printVatBook(r.build()), sink);
  }

  @Override
  public VatReturn vatReturn(int year, int month) throws RemoteException {
    GetVatReturnRequest r = GetVatReturnRequest.newBuilder().setYear(year).setMonth(month).build();
    return Calls.call(() -> books().getVatReturn(r));
  }

  @Override
  public void printVatReturn(
      int year, int month, PaperFormat format, String language, PaperSink sink) throws Exception {
    PrintVatReturnRequest r =
        PrintVatReturnRequest.newBuilder()
            .setYear(year)
            .setMonth(month)
            .setFormat(format)
            .setLanguage(language == null ? "" : language)
            .build();
    stream(() -> books().printVatReturn(r), sink);
  }
}
