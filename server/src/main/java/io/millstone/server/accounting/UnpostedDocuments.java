package io.millstone.server.accounting;

import io.millstone.server.platform.error.BusinessRuleException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The documents that keep a period from closing, named in the refusal. */
final class UnpostedDocuments {
  private UnpostedDocuments() {}

  /** How many unposted documents a refusal to close names before "and N more". */
  static final int NAMED_DOCUMENTS = 10;

  /**
   * Refuses to close a period while documents dated in it are still unposted: quotations (draft
   * sales orders), purchase orders not yet approved, production runs not finished and weighbridge
   * tickets not weighed out. Each would post into the period later, which closing forbids.
   */
  static void refuseToClose(Connection c, UUID periodId) throws SQLException {
    List<String> docs = new ArrayList<>();
    String name = "";
    try (PreparedStatement ps =
        c.prepareStatement(
            "WITH p AS (SELECT start_date s, end_date e FROM fiscal_period WHERE id = ?)"
                + " SELECT 1, 'quotation ' || o.number, o.order_date FROM sales_order o, p"
                + "  WHERE o.state = 'QUOTATION' AND o.order_date BETWEEN p.s AND p.e"
                + " UNION ALL SELECT 2, CASE o.state WHEN 'DRAFT' THEN 'draft purchase order '"
                + "  ELSE 'purchase order awaiting approval ' END || o.number, o.order_date"
                + "  FROM purchase_order o, p WHERE o.state IN ('DRAFT', 'AWAITING_APPROVAL')"
                + "  AND o.order_date BETWEEN p.s AND p.e"
                + " UNION ALL SELECT 3, lower(r.state) || ' production run ' || r.number, r.run_date"
                + "  FROM production_run r, p WHERE r.state IN ('PLANNED', 'STARTED')"
                + "  AND r.run_date BETWEEN p.s AND p.e"
                + " UNION ALL SELECT 4, 'open weighbridge ticket ' || w.number, w.ticket_date"
                + "  FROM weighbridge_ticket w, p WHERE w.state = 'OPEN'"
                + "  AND w.ticket_date BETWEEN p.s AND p.e"
                + " ORDER BY 1, 3, 2")) {
      ps.setObject(1, periodId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          docs.add(rs.getString(2));
        }
      }
    }
    if (docs.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT p.start_date, y.name FROM fiscal_period p"
                + " JOIN fiscal_year y ON y.id = p.fiscal_year_id WHERE p.id = ?")) {
      ps.setObject(1, periodId);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          LocalDate start = rs.getDate(1).toLocalDate();
          name =
              start.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                  + " "
                  + start.getYear()
                  + " ("
                  + rs.getString(2)
                  + ")";
        }
      }
    }
    String named = String.join(", ", docs.subList(0, Math.min(NAMED_DOCUMENTS, docs.size())));
    if (docs.size() > NAMED_DOCUMENTS) {
      named += " and " + (docs.size() - NAMED_DOCUMENTS) + " more";
    }
    throw new BusinessRuleException(
        "accounting.period.unposted",
        "The period "
            + name
            + " cannot be closed while documents dated in it are unposted: "
            + named
            + ". Post, finish or cancel them first, then close the period.",
        name,
        named);
  }
}
