package io.millstone.server.papers;

import io.grpc.stub.StreamObserver;
import io.millstone.api.papers.v1.PaperChunk;
import io.millstone.api.papers.v1.PaperServiceGrpc;
import io.millstone.api.papers.v1.PrintDocumentRequest;
import io.millstone.api.papers.v1.PrintTableRequest;
import io.millstone.api.papers.v1.TableColumn;
import io.millstone.server.gateway.GatewayContext;
import io.millstone.server.papers.Paper.Align;
import io.millstone.server.papers.Paper.Column;
import io.millstone.server.papers.Paper.Row;
import java.util.List;

/** Adapter from the PaperService contract to {@link SalesPapers} and {@link TablePapers}. */
public final class PaperGrpcService extends PaperServiceGrpc.PaperServiceImplBase {
  private final SalesPapers sales;
  private final TablePapers tables;

  public PaperGrpcService(SalesPapers sales, TablePapers tables) {
    this.sales = sales;
    this.tables = tables;
  }

  @Override
  public void printTaxInvoice(PrintDocumentRequest req, StreamObserver<PaperChunk> out) {
    PaperStreams.send(
        sales.taxInvoice(GatewayContext.actor(), req.getId(), req.getLanguage()), out);
  }

  @Override
  public void printCreditNote(PrintDocumentRequest req, StreamObserver<PaperChunk> out) {
    PaperStreams.send(
        sales.creditNote(GatewayContext.actor(), req.getId(), req.getLanguage()), out);
  }

  @Override
  public void printDeliveryChallan(PrintDocumentRequest req, StreamObserver<PaperChunk> out) {
    PaperStreams.send(
        sales.deliveryChallan(GatewayContext.actor(), req.getId(), req.getLanguage()), out);
  }

  @Override
  public void printMoneyReceipt(PrintDocumentRequest req, StreamObserver<PaperChunk> out) {
    PaperStreams.send(
        sales.moneyReceipt(GatewayContext.actor(), req.getId(), req.getLanguage()), out);
  }

  @Override
  public void printTable(PrintTableRequest req, StreamObserver<PaperChunk> out) {
    List<Column> columns = req.getColumnsList().stream().map(PaperGrpcService::column).toList();
    List<Row> rows =
        req.getRowsList().stream()
            .map(r -> new Row(List.copyOf(r.getCellsList()), r.getEmphasis()))
            .toList();
    PaperStreams.send(
        tables.print(
            GatewayContext.actor(),
            req.getTitle(),
            req.getSubtitle(),
            columns,
            rows,
            req.getLanguage()),
        out);
  }

  private static Column column(TableColumn c) {
    Align a =
        switch (c.getAlign()) {
          case ALIGN_RIGHT -> Align.RIGHT;
          case ALIGN_CENTER -> Align.CENTER;
          default -> Align.LEFT;
        };
    return new Column(c.getHeader(), a, Math.max(0f, c.getWeight()));
  }
}
