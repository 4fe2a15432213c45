package io.millstone.server.papers;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the sales papers print, read with plain SQL in the caller's company (row-level security
 * hides another company's documents, which then read as not found). Supplementary duty and a
 * delivery's vehicle are not kept anywhere yet: the papers leave their boxes empty.
 */
final class SalesPaperData {
  private SalesPaperData() {}

  /** A customer as the papers name them. */
  record Party(String code, String name, String bin, String address) {}

  record InvoiceLine(
      int lineNo,
      String itemCode,
      String itemName,
      String unitCode,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal vatRate,
      BigDecimal net,
      BigDecimal vat) {}

  record InvoiceDoc(
      UUID id,
      String number,
      String kind,
      String orderNumber,
      Party customer,
      String creditedNumber,
      LocalDate creditedDate,
      LocalDate date,
      LocalDate dueDate,
      String reason,
      Instant postedAt,
      List<InvoiceLine> lines,
      BigDecimal net,
      BigDecimal vat,
      BigDecimal gross) {}

  record DeliveryLine(
      String itemCode, String itemName, String unitCode, String lot, BigDecimal quantity) {}

  record DeliveryDoc(
      String number,
      String orderNumber,
      Party customer,
      String warehouseCode,
      String warehouseName,
      LocalDate date,
      Instant postedAt,
      List<DeliveryLine> lines) {}

  record Allocation(String invoiceNumber, LocalDate invoiceDate, BigDecimal amount) {}

  record ReceiptDoc(
      String number,
      Party customer,
      LocalDate date,
      Instant postedAt,
      BigDecimal amount,
      String method,
      String reference,
      List<Allocation> allocations) {}

  /** An invoice or credit note of the kind asked for; null when there is none. */
  static InvoiceDoc invoice(Connection c, UUID id, String kind) throws SQLException {
    InvoiceDoc head;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT s.number, s.kind, o.number, p.code, p.name, p.bin, p.address,"
                + " ci.number, ci.invoice_date, s.invoice_date, s.due_date, s.reason, s.posted_at,"
                + " s.net, s.vat, s.gross"
                + " FROM sales_invoice s JOIN sales_order o ON o.id = s.order_id"
                + " JOIN party p ON p.id = s.customer_id"
                + " LEFT JOIN sales_invoice ci ON ci.id = s.credited_invoice_id"
                + " WHERE s.id = ? AND s.kind = ?")) {
      ps.setObject(1, id);
      ps.setString(2, kind);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        head =
            new InvoiceDoc(
                id,
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                new Party(rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)),
                rs.getString(8),
                date(rs, 9),
                date(rs, 10),
                date(rs, 11),
                rs.getString(12),
                rs.getObject(13, OffsetDateTime.class).toInstant(),
                new ArrayList<>(),
                rs.getBigDecimal(14),
                rs.getBigDecimal(15),
                rs.getBigDecimal(16));
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT l.line_no, i.code, i.name, i.unit_code, l.quantity, l.unit_price, l.vat_rate,"
                + " l.net, l.vat FROM sales_invoice_line l JOIN item i ON i.id = l.item_id"
                + " WHERE l.invoice_id = ? ORDER BY l.line_no")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          head.lines()
              .add(
                  new InvoiceLine(
                      rs.getInt(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getBigDecimal(5),
                      rs.getBigDecimal(6),
                      rs.getBigDecimal(7),
                      rs.getBigDecimal(8),
                      rs.getBigDecimal(9)));
        }
      }
    }
    return head;
  }

  /** A delivery with its lines; null when there is none. */
  static DeliveryDoc delivery(Connection c, UUID id) throws SQLException {
    DeliveryDoc head;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT d.number, o.number, p.code, p.name, p.bin, p.address, w.code, w.name,"
                + " d.delivery_date, d.posted_at"
                + " FROM delivery d JOIN sales_order o ON o.id = d.order_id"
                + " JOIN party p ON p.id = o.customer_id JOIN warehouse w ON w.id = d.warehouse_id"
                + " WHERE d.id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        head =
            new DeliveryDoc(
                rs.getString(1),
                rs.getString(2),
                new Party(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)),
                rs.getString(7),
                rs.getString(8),
                date(rs, 9),
                rs.getObject(10, OffsetDateTime.class).toInstant(),
                new ArrayList<>());
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT i.code, i.name, i.unit_code, l.lot, l.quantity FROM delivery_line l"
                + " JOIN sales_order_line ol ON ol.id = l.order_line_id"
                + " JOIN item i ON i.id = ol.item_id WHERE l.delivery_id = ?"
                + " ORDER BY ol.line_no, l.lot")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          head.lines()
              .add(
                  new DeliveryLine(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getBigDecimal(5)));
        }
      }
    }
    return head;
  }

  /** A customer payment with the invoices it settled; null when there is none. */
  static ReceiptDoc receipt(Connection c, UUID id) throws SQLException {
    ReceiptDoc head;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT cp.number, p.code, p.name, p.bin, p.address, cp.payment_date, cp.posted_at,"
                + " cp.amount, cp.method, cp.reference"
                + " FROM customer_payment cp JOIN party p ON p.id = cp.customer_id WHERE cp.id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        head =
            new ReceiptDoc(
                rs.getString(1),
                new Party(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                date(rs, 6),
                rs.getObject(7, OffsetDateTime.class).toInstant(),
                rs.getBigDecimal(8),
                rs.getString(9),
                rs.getString(10),
                new ArrayList<>());
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT s.number, s.invoice_date, a.amount FROM payment_allocation a"
                + " JOIN sales_invoice s ON s.id = a.invoice_id WHERE a.payment_id = ?"
                + " ORDER BY s.invoice_date, s.number")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          head.allocations().add(new Allocation(rs.getString(1), date(rs, 2), rs.getBigDecimal(3)));
        }
      }
    }
    return head;
  }

  private static LocalDate date(ResultSet rs, int col) throws SQLException {
    java.sql.Date d = rs.getDate(col);
    return d == null ? null : d.toLocalDate();
  }
}
