package io.millstone.server.sales;

/** What customers owe, as the receivables ageing and the home screen both read it. */
public final class Receivables {
  private Receivables() {}

  /**
   * Each open invoice dated on or before the one parameter (the as-of date): customer code, name,
   * due date and the amount still open, for {@link io.millstone.server.accounting.Ageing#of}.
   */
  public static final String OPEN_INVOICES =
      "SELECT p.code, p.name, s.due_date, s.gross - s.settled FROM sales_invoice s"
          + " JOIN party p ON p.id = s.customer_id"
          + " WHERE s.kind = 'INVOICE' AND s.settled < s.gross AND s.invoice_date <= ?";
}
