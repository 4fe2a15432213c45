package io.millstone.server.inventory;

import io.millstone.server.accounting.Books;
import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Decimals;
import io.millstone.server.platform.Idempotency;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Tx;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.error.BusinessRuleException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The stock ledger. Every change is a set of immutable moves written in one transaction together
 * with the balances they change and the item's moving-average cost. Lines are locked in one fixed
 * order (item, then warehouse, then lot), so concurrent postings queue instead of deadlocking, and
 * an issue is refused inside the same statement that would take the balance below zero: stock never
 * goes negative, however many deliveries race for the last bag.
 */
public final class StockLedger {
  public static final int QUANTITY_SCALE = 6;
  public static final int MONEY_SCALE = 4;

  /** One line a person or another domain asks to move. */
  public record LineInput(String itemCode, String warehouseCode, String lot, String quantity) {}

  /** A posted move, for answers and tests. */
  public record MoveView(
      UUID id,
      String itemCode,
      String warehouseCode,
      String lot,
      BigDecimal quantity,
      BigDecimal unitCost,
      BigDecimal value,
      String kind,
      String reference,
      Instant postedAt,
      String postedBy) {}

  /** What one request posted. */
  public record Movement(UUID id, List<MoveView> moves, String currency) {}

  private final Transactions tx;
  private final Books books;
  private final Clock clock;

  public StockLedger(Transactions tx, Books books, Clock clock) {
    this.tx = tx;
    this.books = books;
    this.clock = clock;
  }

  public Movement receive(
      Actor actor, String key, List<LineInput> lines, List<String> unitCosts, String reference) {
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    List<BigDecimal> qty = quantities(v, lines);
    v.check(unitCosts.size() == lines.size(), "unit_costs", "needs one cost per line");
    List<BigDecimal> costs = new ArrayList<>();
    for (int i = 0; i < unitCosts.size(); i++) {
      BigDecimal c =
          Decimals.parse(v, "unit_costs[" + i + "]", unitCosts.get(i), MONEY_SCALE, true);
      v.check(c == null || c.signum() >= 0, "unit_costs[" + i + "]", "must not be negative");
      costs.add(c);
    }
    v.throwIfInvalid();
    return post(actor, key, "RECEIPT", reference, lines, qty, costs, null);
  }

  public Movement issue(Actor actor, String key, List<LineInput> lines, String reference) {
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    List<BigDecimal> qty = quantities(v, lines);
    v.throwIfInvalid();
    return post(actor, key, "ISSUE", reference, lines, qty, null, null);
  }

  public Movement transfer(
      Actor actor, String key, List<LineInput> lines, String toWarehouse, String reference) {
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    List<BigDecimal> qty = quantities(v, lines);
    v.text(toWarehouse, "to_warehouse_code", 32);
    v.throwIfInvalid();
    return post(
        actor,
        key,
        "TRANSFER",
        reference,
        lines,
        qty,
        null,
        toWarehouse.trim().toUpperCase(Locale.ROOT));
  }

  /** Posts counted minus booked for each counted line; a line that matches posts nothing. */
  public Movement count(Actor actor, String key, List<LineInput> counted, String reference) {
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    List<BigDecimal> qty = new ArrayList<>();
    for (int i = 0; i < counted.size(); i++) {
      BigDecimal q =
          Decimals.parse(
              v, "counted[" + i + "].quantity", counted.get(i).quantity(), QUANTITY_SCALE, true);
      v.check(q == null || q.signum() >= 0, "counted[" + i + "].quantity", "must not be negative");
      qty.add(q);
    }
    v.check(!counted.isEmpty(), "counted", "needs at least one line");
    v.throwIfInvalid();
    return post(actor, key, "COUNT", reference, counted, qty, null, null);
  }

  /** What a goods issue or receipt inside another document's transaction moved, and its value. */
  public record Moved(UUID movementId, List<BigDecimal> values) {
    public BigDecimal total() {
      return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  /**
   * Issues stock inside the caller's transaction (a delivery, say), so the document and its stock
   * moves commit or fail together. Quantities must already be checked to be above zero.
   *
   * @return the moving-average value of each line, in the order given
   */
  public Moved issueWithin(Tx t, String reference, List<LineInput> lines) {
    Actor actor = t.actor().orElseThrow();
    List<BigDecimal> qty = new ArrayList<>();
    for (LineInput l : lines) {
      qty.add(new BigDecimal(l.quantity()));
    }
    List<StockLine> resolved = StockLine.resolve(t, lines, qty, null);
    UUID id = Ids.newId();
    BigDecimal[] values =
        Jdbc.work(t, c -> write(c, t, actor, id, "ISSUE", reference, resolved, null));
    return new Moved(id, List.of(values));
  }

  /**
   * Receives stock inside the caller's transaction (a goods receipt against a purchase order).
   *
   * @return the value of each line (quantity times cost), in the order given
   */
  public Moved receiveWithin(
      Tx t, String reference, List<LineInput> lines, List<BigDecimal> unitCosts) {
    Actor actor = t.actor().orElseThrow();
    List<BigDecimal> qty = new ArrayList<>();
    for (LineInput l : lines) {
      qty.add(new BigDecimal(l.quantity()));
    }
    List<StockLine> resolved = StockLine.resolve(t, lines, qty, unitCosts);
    UUID id = Ids.newId();
    BigDecimal[] values =
        Jdbc.work(t, c -> write(c, t, actor, id, "RECEIPT", reference, resolved, null));
    return new Moved(id, List.of(values));
  }

  private static List<BigDecimal> quantities(Validator v, List<LineInput> lines) {
    v.check(!lines.isEmpty(), "lines", "needs at least one line");
    v.check(lines.size() <= 500, "lines", "may hold at most 500 lines");
    List<BigDecimal> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      BigDecimal q =
          Decimals.parse(
              v, "lines[" + i + "].quantity", lines.get(i).quantity(), QUANTITY_SCALE, true);
      v.check(q == null || q.signum() > 0, "lines[" + i + "].quantity", "must be more than zero");
      out.add(q);
    }
    return out;
  }

  private Movement post(
      Actor actor,
      String key,
      String kind,
      String reference,
      List<LineInput> inputs,
      List<BigDecimal> quantities,
      List<BigDecimal> costs,
      String toWarehouse) {
    String ref = reference == null ? "" : reference.trim();
    new Validator()
        .check(ref.length() <= 100, "reference", "is too long (at most 100 characters)")
        .throwIfInvalid();
    return tx.inCompany(
        actor,
        t -> {
          List<StockLine> lines = StockLine.resolve(t, inputs, quantities, costs);
          StockLine.WarehouseRef to =
              toWarehouse == null ? null : StockLine.warehouse(t, toWarehouse, "to_warehouse_code");
          var outcome =
              Idempotency.once(
                  t,
                  key,
                  "inventory.stock." + kind.toLowerCase(Locale.ROOT),
                  kind
                      + '\u001f'
                      + ref
                      + '\u001f'
                      + inputs
                      + '\u001f'
                      + costs
                      + '\u001f'
                      + toWarehouse,
                  id -> {
                    if (kind.equals("ISSUE") || kind.equals("TRANSFER")) {
                      Jdbc.work(t, c -> checkOnHand(c, actor, lines));
                    }
                    BigDecimal[] values =
                        Jdbc.work(t, c -> write(c, t, actor, id, kind, ref, lines, to));
                    StockPostings.post(books, clock, t, id, kind, ref, lines, values);
                    t.audit(
                        "inventory.stock." + kind.toLowerCase(Locale.ROOT),
                        "stock_movement",
                        id,
                        kind
                            + " of "
                            + lines.size()
                            + " line(s)"
                            + (ref.isEmpty() ? "" : ", ref " + ref));
                    return id;
                  });
          return new Movement(outcome.id(), moves(t, outcome.id()), CompanyAdmin.currencyOf(t));
        });
  }

  /**
   * Refuses a standalone issue or transfer that takes more than is on hand with a field violation
   * on each such line, naming the item and what there is, so the screen can show it beside the
   * quantity. The balance update stays the guard against races (StockBalances.issueAll).
   */
  private static Void checkOnHand(Connection c, Actor actor, List<StockLine> lines)
      throws SQLException {
    if (StockBalances.allowNegative(c)) {
      return null;
    }
    Map<String, BigDecimal> asked = new java.util.HashMap<>();
    Validator v = new Validator();
    for (StockLine l : lines) {
      String k = l.item().id() + "/" + l.warehouse().id() + "/" + l.lot();
      BigDecimal total = asked.merge(k, l.quantity(), BigDecimal::add);
      BigDecimal onHand = StockBalances.booked(c, actor.companyId(), l);
      v.check(
          total.compareTo(onHand) <= 0,
          "lines[" + l.index() + "].quantity",
          "stock_more_than_on_hand",
          "is more than the "
              + plain(onHand)
              + " "
              + l.item().unitCode()
              + " of "
              + l.item().code()
              + (l.lot().isEmpty() ? "" : " lot " + l.lot())
              + " on hand in "
              + l.warehouse().name(),
          plain(onHand),
          l.item().unitCode(),
          l.item().code() + (l.lot().isEmpty() ? "" : " / " + l.lot()),
          l.warehouse().name());
    }
    v.throwIfInvalid();
    return null;
  }

  /** Writes the movement; returns the value each line moved, by line index. */
  private BigDecimal[] write(
      Connection c,
      Tx t,
      Actor actor,
      UUID movementId,
      String kind,
      String ref,
      List<StockLine> lines,
      StockLine.WarehouseRef to)
      throws SQLException {
    BigDecimal[] values = new BigDecimal[lines.size()];
    Instant now = clock.instant();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO stock_movement (id, company_id, kind, reference, posted_at, posted_by)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setObject(1, movementId);
      ps.setObject(2, actor.companyId());
      ps.setString(3, kind);
      ps.setString(4, ref);
      ps.setTimestamp(5, Timestamp.from(now));
      ps.setString(6, actor.username());
      ps.executeUpdate();
    }
    boolean allowNegative = StockBalances.allowNegative(c);
    List<StockLine> ordered = new ArrayList<>(lines);
    ordered.sort(
        Comparator.comparing((StockLine l) -> l.item().id())
            .thenComparing(l -> l.warehouse().id())
            .thenComparing(StockLine::lot));
    // A receipt only adds to its items' cost rows, and additions commute: it takes their locks at
    // its end (ItemCost.addAll) instead of here, so receipts of one item (the cane of every
    // weighbridge) queue only for their last statements. Whatever reads the average locks first.
    boolean receipt = kind.equals("RECEIPT");
    Map<UUID, ItemCost> costs =
        receipt
            ? ItemCost.unlocked(actor.companyId(), ordered)
            : ItemCost.lockAll(c, actor.companyId(), ordered);
    List<StockBalances.Issue> issued = new ArrayList<>();
    List<StockBalances.Issue> received = new ArrayList<>();
    PreparedStatement moveRows =
        c.prepareStatement(
            "INSERT INTO stock_move (id, company_id, movement_id, item_id, warehouse_id, lot, quantity,"
                + " unit_cost, value, kind, reference, posted_at, posted_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    try (moveRows) {
      for (StockLine l : ordered) {
        ItemCost cost = costs.get(l.item().id());
        switch (kind) {
          case "RECEIPT" -> {
            BigDecimal value = money(l.quantity().multiply(l.unitCost()));
            values[l.index()] = value;
            // The balance after the cost (below), in the order issues lock them.
            received.add(new StockBalances.Issue(l, l.quantity(), value));
            StockBalances.moveRow(
                moveRows,
                actor,
                movementId,
                l,
                l.warehouse(),
                l.quantity(),
                l.unitCost(),
                value,
                "RECEIPT",
                ref,
                now);
            cost.add(l.quantity(), value);
          }
          case "ISSUE" -> {
            BigDecimal value = cost.valueOf(l.quantity());
            values[l.index()] = value;
            // The balances of all issued lines change together below, in one statement.
            issued.add(new StockBalances.Issue(l, l.quantity().negate(), value.negate()));
            StockBalances.moveRow(
                moveRows,
                actor,
                movementId,
                l,
                l.warehouse(),
                l.quantity().negate(),
                cost.average(),
                value.negate(),
                "ISSUE",
                ref,
                now);
            cost.add(l.quantity().negate(), value.negate());
          }
          case "TRANSFER" -> {
            if (to.id().equals(l.warehouse().id())) {
              throw new BusinessRuleException(
                  "same_warehouse",
                  "StockLine "
                      + (l.index() + 1)
                      + " moves "
                      + l.item().code()
                      + " from "
                      + to.code()
                      + " to itself.");
            }
            BigDecimal value = cost.valueOf(l.quantity());
            StockBalances.move(
                c,
                moveRows,
                actor,
                movementId,
                l,
                l.warehouse(),
                l.quantity().negate(),
                cost.average(),
                value.negate(),
                "TRANSFER_OUT",
                ref,
                now,
                allowNegative);
            StockBalances.move(
                c,
                moveRows,
                actor,
                movementId,
                l,
                to,
                l.quantity(),
                cost.average(),
                value,
                "TRANSFER_IN",
                ref,
                now,
                true);
          }
          case "COUNT" -> {
            BigDecimal booked = StockBalances.booked(c, actor.companyId(), l);
            BigDecimal diff = l.quantity().subtract(booked);
            if (diff.signum() > 0) {
              BigDecimal value = money(diff.multiply(cost.average()));
              values[l.index()] = value;
              StockBalances.move(
                  c,
                  moveRows,
                  actor,
                  movementId,
                  l,
                  l.warehouse(),
                  diff,
                  cost.average(),
                  value,
                  "ADJUSTMENT",
                  ref,
                  now,
                  true);
              cost.add(diff, value);
            } else if (diff.signum() < 0) {
              BigDecimal value = cost.valueOf(diff.negate());
              values[l.index()] = value.negate();
              StockBalances.move(
                  c,
                  moveRows,
                  actor,
                  movementId,
                  l,
                  l.warehouse(),
                  diff,
                  cost.average(),
                  value.negate(),
                  "ADJUSTMENT",
                  ref,
                  now,
                  true);
              cost.add(diff, value.negate());
            }
          }
          default -> throw new IllegalStateException(kind);
        }
      }
      moveRows.executeBatch();
    }
    StockBalances.issueAll(c, actor, issued, allowNegative);
    if (receipt) {
      // Cost rows first, then balances: the order in which issues lock them, so the two never
      // wait on each other in a circle.
      ItemCost.addAll(c, costs.values());
      StockBalances.receiveAll(c, actor, received);
    } else {
      ItemCost.saveAll(c, costs.values());
    }
    return values;
  }

  List<MoveView> moves(Tx t, UUID movementId) {
    return Jdbc.work(
        t,
        c -> {
          List<MoveView> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT m.id, i.code, w.code, m.lot, m.quantity, m.unit_cost, m.value, m.kind, m.reference,"
                      + " m.posted_at, m.posted_by FROM stock_move m JOIN item i ON i.id = m.item_id"
                      + " JOIN warehouse w ON w.id = m.warehouse_id WHERE m.movement_id = ?"
                      + " ORDER BY i.code, w.code, m.lot, m.kind")) {
            ps.setObject(1, movementId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new MoveView(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6),
                        rs.getBigDecimal(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getTimestamp(10).toInstant(),
                        rs.getString(11)));
              }
            }
          }
          return out;
        });
  }

  static BigDecimal money(BigDecimal v) {
    return v.setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
  }

  static String plain(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }
}
