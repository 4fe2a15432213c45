package io.millstone.client.papers;

import io.millstone.api.papers.v1.PaperFormat;
import io.millstone.api.papers.v1.PrintTableRequest;
import io.millstone.api.papers.v1.VatBook;
import io.millstone.api.papers.v1.VatBookKind;
import io.millstone.api.papers.v1.VatReturn;
import io.millstone.client.core.print.PaperSink;
import java.time.LocalDate;

/**
 * What the client asks of the server's papers (PaperService, SupplyPaperService, VatBookService).
 * Blocks; call it off the UI thread. Each print method streams one file into the sink, in the
 * language given ("en" or "bn").
 */
public interface PapersGateway {
  /** Mushak 6.3 of a sales invoice. */
  void taxInvoice(String invoiceId, String language, PaperSink sink) throws Exception;

  /** Mushak 6.7 of a credit note. */
  void creditNote(String creditNoteId, String language, PaperSink sink) throws Exception;

  /** The delivery challan and gate pass of a delivery. */
  void deliveryChallan(String deliveryId, String language, PaperSink sink) throws Exception;

  /** The money receipt of a customer payment. */
  void moneyReceipt(String paymentId, String language, PaperSink sink) throws Exception;

  /**
   * A list or report as the person sees it; the request's language is replaced by the one given.
   */
  void table(PrintTableRequest table, String language, PaperSink sink) throws Exception;

  void purchaseOrder(String orderId, String language, PaperSink sink) throws Exception;

  /** The goods receipt note of a goods receipt. */
  void goodsReceipt(String receiptId, String language, PaperSink sink) throws Exception;

  void weighbridgeTicket(String ticketId, String language, PaperSink sink) throws Exception;

  /** A grower's cane bill. */
  void caneBill(String billId, String language, PaperSink sink) throws Exception;

  /** Mushak 6.1 (purchases) or 6.2 (sales) for a period, inclusive. */
  VatBook vatBook(VatBookKind kind, LocalDate from, LocalDate to) throws Exception;

  void printVatBook(
      VatBookKind kind,
      LocalDate from,
      LocalDate to,
      PaperFormat format,
      String language,
      PaperSink sink)
      throws Exception;

  /** Mushak 9.1 for a month. */
  VatReturn vatReturn(int year, int month) throws Exception;

  void printVatReturn(int year, int month, PaperFormat format, String language, PaperSink sink)
      throws Exception;
}
