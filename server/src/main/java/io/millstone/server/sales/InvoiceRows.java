package io.millstone.server.sales;

import io.millstone.server.accounting.Books;
import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.Tx;
import io.millstone.server.platform.error.NotFoundException;
import io.millstone.server.sales.SalesDesk.InvoiceLineView;
import io.millstone.server.sales.SalesDesk.InvoiceView;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The statements of the sales_invoice table, shared by invoices, credit notes and payments. */
final class InvoiceRows {
  /** The net and VAT already taken from a line, so the last part takes exactly what is left. */
  record SoFar(BigDecimal net, BigDecimal vat) {
    static final SoFar NONE = new SoFar(BigDecimal.ZERO, BigDecimal.ZERO);
  }

  private InvoiceRows() {}

  static InvoiceView view(Tx t, UUID id) {
    String currency = CompanyAdmin.currencyOf(t);
    return Jdbc.work(t, c -> view(c, id, currency));
  }

  static InvoiceView view(Connection c, UUID id, String currency) throws SQLException {
    return readInvoice(c, id, currency, false);
  }

  /** Locks the invoice (for a payment or a credit note) and reads it. */
  static InvoiceView locked(Connection c, UUID id) throws SQLException {
    return readInvoice(c, id, "", true);
  }

  private static InvoiceView readInvoice(Connection c, UUID id, String currency, boolean lock)
      throws SQLException {
    if (lock) {
      try (PreparedStatement ps =
          c.prepareStatement("SELECT 1 FROM sales_invoice WHERE id = ? FOR UPDATE")) {
        ps.setObject(1, id);
        ps.executeQuery().close();
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT s.number, s.kind, s.order_id, o.number, p.code, p.name, p.bin, s.credited_invoice_id,"
                + " s.invoice_date, s.due_date, s.reason, s.net, s.vat, s.gross, s.settled, s.journal_entry_id"
                + " FROM sales_invoice s JOIN sales_order o ON o.id = s.order_id"
                + " JOIN party p ON p.id = s.customer_id WHERE s.id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("Invoice", id.toString());
        }
        List<InvoiceLineView> lines = new ArrayList<>();
        try (PreparedStatement pl =
            c.prepareStatement(
                "SELECT l.line_no, i.code, i.name, l.quantity, l.unit_price, l.vat_rate, l.net, l.vat,"
                    + " l.credited_qty FROM sales_invoice_line l JOIN item i ON i.id = l.item_id"
                    + " WHERE l.invoice_id = ? ORDER BY l.line_no")) {
          pl.setObject(1, id);
          try (ResultSet rl = pl.executeQuery()) {
            while (rl.next()) {
              lines.add(
                  new InvoiceLineView(
                      rl.getInt(1),
                      rl.getString(2),
                      rl.getString(3),
                      rl.getBigDecimal(4),
                      rl.getBigDecimal(5),
                      rl.getBigDecimal(6),
                      rl.getBigDecimal(7),
                      rl.getBigDecimal(8),
                      rl.getBigDecimal(9)));
            }
          }
        }
        return new InvoiceView(
            id,
            rs.getString(1),
            rs.getString(2),
            rs.getObject(3, UUID.class),
            rs.getString(4),
            rs.getString(5),
            rs.getString(6),
            rs.getString(7),
            rs.getObject(8, UUID.class),
            rs.getDate(9).toLocalDate(),
            rs.getDate(10).toLocalDate(),
            rs.getString(11),
            lines,
            rs.getBigDecimal(12),
            rs.getBigDecimal(13),
            rs.getBigDecimal(14),
            rs.getBigDecimal(15),
            Books.entryNumber(c, rs.getObject(16, UUID.class)),
            currency);
      }
    }
  }

  static void insert(
      Connection c,
      Actor actor,
      UUID id,
      String number,
      String kind,
      UUID orderId,
      UUID customerId,
      UUID credited,
      LocalDate date,
      LocalDate due,
      String reason,
      BigDecimal net,
      BigDecimal vat,
      BigDecimal gross,
      BigDecimal settled,
      UUID entry)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO sales_invoice (id, company_id, number, kind, order_id, customer_id, credited_invoice_id,"
                + " invoice_date, due_date, reason, net, vat, gross, settled, journal_entry_id, posted_at, posted_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?)")) {
      ps.setObject(1, id);
      ps.setObject(2, actor.companyId());
      ps.setString(3, number);
      ps.setString(4, kind);
      ps.setObject(5, orderId);
      ps.setObject(6, customerId);
      ps.setObject(7, credited);
      ps.setDate(8, Date.valueOf(date));
      ps.setDate(9, Date.valueOf(due));
      ps.setString(10, reason);
      ps.setBigDecimal(11, net);
      ps.setBigDecimal(12, vat);
      ps.setBigDecimal(13, gross);
      ps.setBigDecimal(14, settled);
      ps.setObject(15, entry);
      ps.setString(16, actor.username());
      ps.executeUpdate();
    }
  }

  static void settle(Connection c, UUID invoiceId, BigDecimal amount) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE sales_invoice SET settled = settled + ? WHERE id = ?")) {
      ps.setBigDecimal(1, amount);
      ps.setObject(2, invoiceId);
      ps.executeUpdate();
    }
  }
}
