package io.millstone.server.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The purchase orders an approver has waiting: the approvals badge. */
final class PurchasingApprovals {
  static final String PERMISSION = "purchasing.order.approve";

  private PurchasingApprovals() {}

  /**
   * Orders awaiting approval that {@code username} may decide on: not raised or submitted by them
   * (segregation of duties, as purchasing's OrderApproval enforces).
   */
  static int waitingFor(Connection c, String username) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT count(*) FROM purchase_order WHERE state = 'AWAITING_APPROVAL'"
                + " AND submitted_by <> ? AND created_by <> ?")) {
      ps.setString(1, username);
      ps.setString(2, username);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
