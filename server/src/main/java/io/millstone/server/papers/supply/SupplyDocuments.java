package io.millstone.server.papers.supply;

import io.millstone.server.papers.Letterhead;
import io.millstone.server.papers.supply.SupplyRecords.BillLoad;
import io.millstone.server.papers.supply.SupplyRecords.CaneBill;
import io.millstone.server.papers.supply.SupplyRecords.Deduction;
import io.millstone.server.papers.supply.SupplyRecords.GoodsReceipt;
import io.millstone.server.papers.supply.SupplyRecords.OrderLine;
import io.millstone.server.papers.supply.SupplyRecords.Party;
import io.millstone.server.papers.supply.SupplyRecords.PurchaseOrder;
import io.millstone.server.papers.supply.SupplyRecords.ReceiptLine;
import io.millstone.server.papers.supply.SupplyRecords.Ticket;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.error.NotFoundException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads the four supply papers with their lines, party and company, in the caller's company (row
 * security hides another company's documents: they are not found, like missing ones).
 */
public final class SupplyDocuments {
  private final Transactions tx;

  public SupplyDocuments(Transactions tx) {
    this.tx = tx;
  }

  PurchaseOrder purchaseOrder(Actor actor, String id) {
    UUID orderId = Ids.parse(id, "id");
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT o.number, o.order_date, o.state, o.note, o.net_total, o.vat_total,"
                      + " o.gross_total, o.created_by, o.decided_by, "
                      + PARTY_COLUMNS
                      + " FROM purchase_order o JOIN party p ON p.id = o.supplier_id WHERE o.id = ?")) {
            ps.setObject(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw new NotFoundException("Purchase order", id);
              }
              return new PurchaseOrder(
                  Letterhead.read(c, actor.companyId()),
                  rs.getString(1),
                  rs.getDate(2).toLocalDate(),
                  rs.getString(3),
                  party(rs, 10),
                  rs.getString(4),
                  orderLines(c, orderId),
                  rs.getBigDecimal(5),
                  rs.getBigDecimal(6),
                  rs.getBigDecimal(7),
                  rs.getString(8),
                  rs.getString(9));
            }
          }
        });
  }

  GoodsReceipt goodsReceipt(Actor actor, String id) {
    UUID receiptId = Ids.parse(id, "id");
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT r.number, r.receipt_date, o.number, o.order_date, w.code, w.name, r.value,"
                      + " r.posted_by, "
                      + PARTY_COLUMNS
                      + " FROM goods_receipt r JOIN purchase_order o ON o.id = r.order_id"
                      + " JOIN party p ON p.id = o.supplier_id"
                      + " JOIN warehouse w ON w.id = r.warehouse_id WHERE r.id = ?")) {
            ps.setObject(1, receiptId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw new NotFoundException("Goods receipt", id);
              }
              return new GoodsReceipt(
                  Letterhead.read(c, actor.companyId()),
                  rs.getString(1),
                  rs.getDate(2).toLocalDate(),
                  rs.getString(3),
                  rs.getDate(4).toLocalDate(),
                  party(rs, 9),
                  rs.getString(5),
                  rs.getString(6),
                  receiptLines(c, receiptId),
                  rs.getBigDecimal(7),
                  rs.getString(8));
            }
          }
        });
  }

  Ticket ticket(Actor actor, String id) {
    UUID ticketId = Ids.parse(id, "id");
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT tk.number, tk.ticket_date, tk.state, g.grower_number, g.village, pm.number,"
                      + " pm.quota_quintals, w.code, w.name, tk.vehicle_number, tk.gross_kg,"
                      + " tk.gross_source, tk.weighed_in_at, tk.weighed_in_by, tk.tare_kg, tk.tare_source,"
                      + " tk.weighed_out_at, tk.weighed_out_by, tk.net_kg, tk.over_quota_kg,"
                      + " tk.price_per_quintal, tk.value, tk.void_reason, "
                      + PARTY_COLUMNS
                      + " FROM weighbridge_ticket tk JOIN grower g ON g.id = tk.grower_id"
                      + " JOIN party p ON p.id = g.party_id JOIN cane_permit pm ON pm.id = tk.permit_id"
                      + " JOIN cane_centre cc ON cc.id = tk.centre_id"
                      + " JOIN warehouse w ON w.id = cc.warehouse_id WHERE tk.id = ?")) {
            ps.setObject(1, ticketId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw new NotFoundException("Weighbridge ticket", id);
              }
              return new Ticket(
                  Letterhead.read(c, actor.companyId()),
                  rs.getString(1),
                  rs.getDate(2).toLocalDate(),
                  rs.getString(3),
                  rs.getString(4),
                  party(rs, 24),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getBigDecimal(7),
                  rs.getString(8),
                  rs.getString(9),
                  rs.getString(10),
                  rs.getBigDecimal(11),
                  rs.getString(12),
                  instant(rs.getTimestamp(13)),
                  rs.getString(14),
                  rs.getBigDecimal(15),
                  rs.getString(16),
                  instant(rs.getTimestamp(17)),
                  rs.getString(18),
                  rs.getBigDecimal(19),
                  rs.getBigDecimal(20),
                  rs.getBigDecimal(21),
                  rs.getBigDecimal(22),
                  rs.getString(23));
            }
          }
        });
  }

  CaneBill caneBill(Actor actor, String id) {
    UUID billId = Ids.parse(id, "id");
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT b.number, b.bill_date, s.code, s.name, b.from_date, b.to_date, b.state,"
                      + " g.grower_number, g.village, b.cane_kg, b.cane_value, b.deducted, b.net_payable,"
                      + " b.paid, "
                      + PARTY_COLUMNS
                      + " FROM cane_bill b JOIN cane_season s ON s.id = b.season_id"
                      + " JOIN grower g ON g.id = b.grower_id JOIN party p ON p.id = g.party_id"
                      + " WHERE b.id = ?")) {
            ps.setObject(1, billId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw new NotFoundException("Cane bill", id);
              }
              List<BillLoad> loads = loads(c, billId);
              BigDecimal gross = BigDecimal.ZERO;
              BigDecimal tare = BigDecimal.ZERO;
              for (BillLoad l : loads) {
                gross = gross.add(l.grossKg());
                tare = tare.add(l.tareKg());
              }
              return new CaneBill(
                  Letterhead.read(c, actor.companyId()),
                  rs.getString(1),
                  rs.getDate(2).toLocalDate(),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getDate(5).toLocalDate(),
                  rs.getDate(6).toLocalDate(),
                  rs.getString(7),
                  rs.getString(8),
                  party(rs, 15),
                  rs.getString(9),
                  loads,
                  gross,
                  tare,
                  rs.getBigDecimal(10),
                  rs.getBigDecimal(11),
                  deductions(c, billId),
                  rs.getBigDecimal(12),
                  rs.getBigDecimal(13),
                  rs.getBigDecimal(14));
            }
          }
        });
  }

  private static final String PARTY_COLUMNS = "p.code, p.name, p.address, p.phone, p.bin";

  private static Party party(ResultSet rs, int first) throws SQLException {
    return new Party(
        rs.getString(first),
        rs.getString(first + 1),
        rs.getString(first + 2),
        rs.getString(first + 3),
        rs.getString(first + 4));
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }

  private static List<OrderLine> orderLines(Connection c, UUID orderId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT l.line_no, i.code, i.name, i.unit_code, l.quantity, l.unit_price, l.vat_rate, l.net,"
                + " l.vat FROM purchase_order_line l JOIN item i ON i.id = l.item_id"
                + " WHERE l.order_id = ? ORDER BY l.line_no")) {
      ps.setObject(1, orderId);
      List<OrderLine> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new OrderLine(
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
      return out;
    }
  }

  private static List<ReceiptLine> receiptLines(Connection c, UUID receiptId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT l.line_no, i.code, i.name, i.unit_code, r.lot, l.quantity, r.quantity, l.unit_price,"
                + " round(r.quantity * l.unit_price, 2)"
                + " FROM goods_receipt_line r JOIN purchase_order_line l ON l.id = r.order_line_id"
                + " JOIN item i ON i.id = l.item_id WHERE r.receipt_id = ? ORDER BY l.line_no, r.id")) {
      ps.setObject(1, receiptId);
      List<ReceiptLine> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new ReceiptLine(
                  rs.getInt(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getBigDecimal(6),
                  rs.getBigDecimal(7),
                  rs.getBigDecimal(8),
                  rs.getBigDecimal(9)));
        }
      }
      return out;
    }
  }

  private static List<BillLoad> loads(Connection c, UUID billId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT number, ticket_date, vehicle_number, gross_kg, tare_kg, net_kg, price_per_quintal,"
                + " value FROM weighbridge_ticket WHERE bill_id = ? ORDER BY ticket_date, number")) {
      ps.setObject(1, billId);
      List<BillLoad> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new BillLoad(
                  rs.getString(1),
                  rs.getDate(2).toLocalDate(),
                  rs.getString(3),
                  rs.getBigDecimal(4),
                  rs.getBigDecimal(5),
                  rs.getBigDecimal(6),
                  rs.getBigDecimal(7),
                  rs.getBigDecimal(8)));
        }
      }
      return out;
    }
  }

  private static List<Deduction> deductions(Connection c, UUID billId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT l.number, l.kind, l.loan_date, d.amount FROM cane_bill_deduction d"
                + " JOIN grower_loan l ON l.id = d.loan_id WHERE d.bill_id = ?"
                + " ORDER BY l.loan_date, l.number")) {
      ps.setObject(1, billId);
      List<Deduction> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Deduction(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getDate(3).toLocalDate(),
                  rs.getBigDecimal(4)));
        }
      }
      return out;
    }
  }
}
