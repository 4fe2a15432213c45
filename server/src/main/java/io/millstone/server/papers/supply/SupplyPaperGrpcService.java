package io.millstone.server.papers.supply;

import io.grpc.stub.StreamObserver;
import io.millstone.api.papers.v1.PaperChunk;
import io.millstone.api.papers.v1.PrintDocumentRequest;
import io.millstone.api.papers.v1.SupplyPaperServiceGrpc;
import io.millstone.server.gateway.GatewayContext;
import io.millstone.server.papers.PaperLanguage;
import io.millstone.server.papers.PaperStreams;
import io.millstone.server.platform.Actor;
import java.util.function.BiFunction;

/**
 * Adapter from the SupplyPaperService contract: reads the document (NOT_FOUND for a missing one or
 * another company's), lays it out and streams the PDF in chunks, the first naming it.
 */
public final class SupplyPaperGrpcService
    extends SupplyPaperServiceGrpc.SupplyPaperServiceImplBase {
  private final SupplyDocuments documents;

  public SupplyPaperGrpcService(SupplyDocuments documents) {
    this.documents = documents;
  }

  @Override
  public void printPurchaseOrder(PrintDocumentRequest r, StreamObserver<PaperChunk> out) {
    print(
        r,
        out,
        (layouts, actor) -> layouts.purchaseOrder(documents.purchaseOrder(actor, r.getId())));
  }

  @Override
  public void printGoodsReceipt(PrintDocumentRequest r, StreamObserver<PaperChunk> out) {
    print(
        r, out, (layouts, actor) -> layouts.goodsReceipt(documents.goodsReceipt(actor, r.getId())));
  }

  @Override
  public void printWeighbridgeTicket(PrintDocumentRequest r, StreamObserver<PaperChunk> out) {
    print(r, out, (layouts, actor) -> layouts.ticket(documents.ticket(actor, r.getId())));
  }

  @Override
  public void printCaneBill(PrintDocumentRequest r, StreamObserver<PaperChunk> out) {
    print(r, out, (layouts, actor) -> layouts.caneBill(documents.caneBill(actor, r.getId())));
  }

  private static void print(
      PrintDocumentRequest r,
      StreamObserver<PaperChunk> out,
      BiFunction<SupplyLayouts, Actor, Sheet> lay) {
    PaperLanguage lang = PaperLanguage.parse(r.getLanguage(), "language");
    Sheet sheet = lay.apply(SupplyLayouts.in(lang), GatewayContext.actor());
    PaperStreams.send(SheetPdf.draw(sheet, lang), out);
  }
}
