package io.millstone.server.purchasing;

import static io.millstone.server.purchasing.PurchaseOrderState.APPROVED;
import static io.millstone.server.purchasing.PurchaseOrderState.AWAITING_APPROVAL;
import static io.millstone.server.purchasing.PurchaseOrderState.DRAFT;
import static io.millstone.server.purchasing.PurchaseOrderState.REJECTED;

import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Amounts;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.Notices;
import io.millstone.server.platform.Notices.Notice;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.error.BusinessRuleException;
import io.millstone.server.purchasing.PurchaseDesk.OrderView;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/**
 * Submitting and deciding on purchase orders. An order above the company's threshold waits for an
 * approver who neither raised nor submitted it; each decision is stored and audited.
 */
final class OrderApproval {
  private final Transactions tx;
  private final Clock clock;

  OrderApproval(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  /** Sends a draft on: approved at once at or below the threshold, else to an approver. */
  OrderView submit(Actor actor, String id, long version) {
    UUID orderId = Ids.parse(id, "id");
    return decide(
        actor,
        orderId,
        version,
        (c, o) -> {
          if (o.state() != DRAFT) {
            throw new BusinessRuleException(
                "not_a_draft",
                o.number() + " was already submitted; it is " + o.stateWords() + ".");
          }
          BigDecimal threshold = PurchasingRules.read(c).approvalThreshold();
          boolean needsApproval = o.gross().compareTo(threshold) > 0;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE purchase_order SET state = ?, submitted_by = ?, decided_by = ?, decided_at = ?,"
                      + " decision_note = ? WHERE id = ?")) {
            ps.setString(1, (needsApproval ? AWAITING_APPROVAL : APPROVED).name());
            ps.setString(2, actor.username());
            ps.setString(3, needsApproval ? "" : actor.username());
            ps.setTimestamp(4, needsApproval ? null : Timestamp.from(clock.instant()));
            ps.setString(
                5,
                needsApproval
                    ? ""
                    : "Within the approval threshold of " + Amounts.money(threshold));
            ps.setObject(6, o.id());
            ps.executeUpdate();
          }
          if (needsApproval) {
            Notices.add(
                c,
                actor,
                Notice.toPermission(
                    "purchasing.order.approve",
                    "purchasing.order.approval_requested",
                    o.number()
                        + " ("
                        + Amounts.money(o.gross())
                        + ") awaits approval, sent by "
                        + actor.username(),
                    "purchase_order",
                    o.id(),
                    o.number(),
                    Amounts.money(o.gross()),
                    actor.username()));
          }
          return needsApproval ? "submitted for approval" : "approved within threshold";
        });
  }

  OrderView approve(Actor actor, String id, long version, String note) {
    return decision(actor, id, version, note, true);
  }

  OrderView reject(Actor actor, String id, long version, String note) {
    new Validator().text(note, "note", 300).throwIfInvalid();
    return decision(actor, id, version, note, false);
  }

  private OrderView decision(Actor actor, String id, long version, String note, boolean approve) {
    UUID orderId = Ids.parse(id, "id");
    new Validator()
        .check(note == null || note.length() <= 300, "note", "is too long (at most 300 characters)")
        .throwIfInvalid();
    return decide(
        actor,
        orderId,
        version,
        (c, o) -> {
          if (o.state() != AWAITING_APPROVAL) {
            throw new BusinessRuleException(
                "not_awaiting_approval",
                o.number() + " is " + o.stateWords() + ", not awaiting approval.");
          }
          // Segregation of duties: neither the person who raised the order nor the one who sent
          // it for approval may decide on it.
          boolean submitted = o.submittedBy().equals(actor.username());
          if (submitted || o.createdBy().equals(actor.username())) {
            throw new BusinessRuleException(
                "purchasing.approval.own_order",
                "You "
                    + (submitted ? "submitted " : "created ")
                    + o.number()
                    + "; another approver must "
                    + (approve ? "approve" : "reject")
                    + " it.",
                submitted ? "submitted" : "created",
                o.number(),
                approve ? "approve" : "reject");
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE purchase_order SET state = ?, decided_by = ?, decided_at = ?, decision_note = ?"
                      + " WHERE id = ?")) {
            ps.setString(1, (approve ? APPROVED : REJECTED).name());
            ps.setString(2, actor.username());
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            ps.setString(4, note == null ? "" : note.trim());
            ps.setObject(5, o.id());
            ps.executeUpdate();
          }
          UUID submitter = userNamed(c, o.submittedBy());
          if (submitter != null) {
            String words = note == null || note.isBlank() ? "" : note.trim();
            Notices.add(
                c,
                actor,
                Notice.toUser(
                    submitter,
                    approve ? "purchasing.order.approved" : "purchasing.order.rejected",
                    o.number()
                        + (approve ? " was approved by " : " was rejected by ")
                        + actor.username()
                        + (words.isEmpty() ? "" : ": " + words),
                    "purchase_order",
                    o.id(),
                    o.number(),
                    actor.username(),
                    words));
          }
          return approve ? "approved" : "rejected: " + note;
        });
  }

  /** The colleague with this username, who is told of the decision on what they submitted. */
  private static UUID userNamed(Connection c, String username) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id FROM app_user WHERE lower(username) = lower(?)")) {
      ps.setString(1, username);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getObject(1, UUID.class) : null;
      }
    }
  }

  /**
   * Cancels an order nothing has been received against (the rule of a sales order with no
   * deliveries); a cancelled order is refused again with the same sentence.
   */
  OrderView cancel(Actor actor, String id, long version) {
    UUID orderId = Ids.parse(id, "id");
    return decide(
        actor,
        orderId,
        version,
        (c, o) -> {
          boolean received;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT coalesce(bool_or(received_qty > 0 OR billed_qty > 0), false)"
                      + " FROM purchase_order_line WHERE order_id = ?")) {
            ps.setObject(1, orderId);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
              rs.next();
              received = rs.getBoolean(1);
            }
          }
          if (received || o.state() == PurchaseOrderState.CANCELLED) {
            throw new BusinessRuleException(
                o.state() == PurchaseOrderState.CANCELLED
                    ? "purchase_order_cancelled"
                    : "purchase_order_received",
                o.number()
                    + (o.state() == PurchaseOrderState.CANCELLED
                        ? " is already cancelled."
                        : " has goods received against it and cannot be cancelled; return the"
                            + " goods to the supplier instead."),
                o.number());
          }
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE purchase_order SET state = ? WHERE id = ?")) {
            ps.setString(1, PurchaseOrderState.CANCELLED.name());
            ps.setObject(2, orderId);
            ps.executeUpdate();
          }
          return "cancelled";
        });
  }

  @FunctionalInterface
  private interface Decision {
    String apply(Connection c, OrderHeadRow o) throws SQLException;
  }

  private OrderView decide(Actor actor, UUID orderId, long version, Decision decision) {
    return tx.inCompany(
        actor,
        t -> {
          String what =
              Jdbc.work(
                  t,
                  c -> {
                    OrderHeadRow o = OrderHeadRow.lock(c, orderId, version);
                    String done = decision.apply(c, o);
                    OrderHeadRow.touch(c, actor, orderId, clock.instant());
                    return o.number() + " " + done;
                  });
          t.audit("purchasing.order.decide", "purchase_order", orderId, what);
          return PurchaseOrders.view(t, orderId);
        });
  }
}
