package io.millstone.server.sales;

import io.millstone.server.platform.Amounts;
import io.millstone.server.platform.Money;
import io.millstone.server.platform.error.BusinessRuleException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** The credit check on confirmed orders. */
final class CreditCheck {
  private CreditCheck() {}

  /** Whether the company's credit-limit policy checks limits (REFUSE) or not (OFF). */
  private static boolean limitsEnforced(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT credit_policy FROM company WHERE id = current_company_id()");
        ResultSet rs = ps.executeQuery()) {
      return !rs.next() || !"OFF".equals(rs.getString(1));
    }
  }

  /**
   * Refuses an order that would take the customer past their credit limit; a limit of zero gives no
   * credit, only the accounts office's explicit "no limit" skips the check (ADR 0022). The
   * customer's row is locked so two orders cannot both fit the last headroom.
   */
  static void check(Connection c, CustomerRow cust, BigDecimal orderGross, UUID except)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM party WHERE id = ? FOR UPDATE")) {
      ps.setObject(1, cust.id());
      ps.executeQuery().close();
    }
    if (cust.noCreditLimit() || !limitsEnforced(c)) {
      return;
    }
    BigDecimal receivable;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT coalesce(sum(gross - settled), 0) FROM sales_invoice WHERE customer_id = ? AND kind = 'INVOICE'")) {
      ps.setObject(1, cust.id());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        receivable = rs.getBigDecimal(1);
      }
    }
    BigDecimal ordered;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT coalesce(sum((l.net + l.vat) * (l.quantity - l.invoiced_qty) / l.quantity), 0)"
                + " FROM sales_order_line l JOIN sales_order o ON o.id = l.order_id"
                + " WHERE o.customer_id = ? AND o.state IN ('CONFIRMED', 'DELIVERED') AND o.id IS DISTINCT FROM ?")) {
      ps.setObject(1, cust.id());
      ps.setObject(2, except);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        ordered = Amounts.amount(rs.getBigDecimal(1));
      }
    }
    BigDecimal exposure = receivable.add(ordered).add(orderGross);
    if (exposure.compareTo(cust.creditLimit()) > 0) {
      BigDecimal room =
          cust.creditLimit().subtract(receivable).subtract(ordered).max(BigDecimal.ZERO);
      throw new BusinessRuleException(
          "credit_limit_exceeded",
          cust.name()
              + " ("
              + cust.code()
              + ") has a credit limit of "
              + Amounts.money(cust.creditLimit())
              + "; unpaid invoices ("
              + Amounts.money(receivable)
              + ") and open orders ("
              + Amounts.money(ordered)
              + ") leave "
              + Amounts.money(room)
              + ", and this order is "
              + Amounts.money(orderGross)
              + ". Take a payment first, or ask for a higher limit.",
          cust.name(),
          cust.code(),
          new Money(cust.creditLimit()),
          new Money(receivable),
          new Money(ordered),
          new Money(room),
          new Money(orderGross));
    }
  }
}
