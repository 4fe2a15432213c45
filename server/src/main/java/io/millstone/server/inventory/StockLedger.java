package io.millstone.server.inventory;

import io.millstone.server.accounting.Books;
import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.masterdata.model.Item;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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

  /** What a movement needs of an item, read with plain JDBC (no entity load on the hot path). */
  private record ItemRef(UUID id, String code, boolean active, Item.Kind kind, String unitCode) {}

  /** What a movement needs of a warehouse. */
  private record WarehouseRef(UUID id, String code, String name, boolean active) {}

  private record Line(
      int index,
      ItemRef item,
      WarehouseRef warehouse,
      String lot,
      BigDecimal quantity,
      BigDecimal unitCost) {}

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
    List<Line> resolved = resolve(t, lines, qty, null);
    UUID id = Ids.newId();
    BigDecimal[] values =
        t.session()
            .doReturningWork(c -> write(c, t, actor, id, "ISSUE", reference, resolved, null));
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
    List<Line> resolved = resolve(t, lines, qty, unitCosts);
    UUID id = Ids.newId();
    BigDecimal[] values =
        t.session()
            .doReturningWork(c -> write(c, t, actor, id, "RECEIPT", reference, resolved, null));
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
          List<Line> lines = resolve(t, inputs, quantities, costs);
          WarehouseRef to =
              toWarehouse == null ? null : warehouse(t, toWarehouse, "to_warehouse_code");
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
                    BigDecimal[] values =
                        t.session()
                            .doReturningWork(c -> write(c, t, actor, id, kind, ref, lines, to));
                    postToBooks(t, id, kind, ref, lines, values);
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
   * Stock moved outside purchasing and sales still reaches the books, so the inventory accounts
   * always equal the stock's value: receipts (opening stock) against retained earnings, issues to
   * production as consumables used, count differences as stock adjustments. Transfers stay within
   * the same accounts and post nothing.
   */
  private void postToBooks(
      Tx t, UUID movementId, String kind, String ref, List<Line> lines, BigDecimal[] values) {
    String counter =
        switch (kind) {
          case "RECEIPT" -> "3100";
          case "ISSUE" -> "5200";
          case "COUNT" -> "5900";
          default -> null;
        };
    if (counter == null) {
      return;
    }
    Map<String, BigDecimal> byAccount = new TreeMap<>();
    for (Line l : lines) {
      BigDecimal v = values[l.index()];
      if (v == null || v.signum() == 0) {
        continue;
      }
      // Into stock debits the inventory account; issues come back as positive values.
      BigDecimal signed = kind.equals("ISSUE") ? v.negate() : v;
      byAccount.merge(Books.inventoryAccount(l.item().kind().name()), signed, BigDecimal::add);
    }
    List<Books.Line> posting = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (var e : byAccount.entrySet()) {
      BigDecimal v = e.getValue();
      if (v.signum() != 0) {
        posting.add(
            new Books.Line(
                e.getKey(), v.max(BigDecimal.ZERO), v.negate().max(BigDecimal.ZERO), ref));
        total = total.add(v);
      }
    }
    if (posting.isEmpty() || total.signum() == 0) {
      return;
    }
    posting.add(
        new Books.Line(
            counter,
            total.negate().max(BigDecimal.ZERO),
            total.max(BigDecimal.ZERO),
            kind.toLowerCase(Locale.ROOT) + " " + ref));
    books.post(
        t,
        LocalDate.ofInstant(clock.instant(), ZoneId.of(CompanyAdmin.timeZoneOf(t))),
        "Stock " + kind.toLowerCase(Locale.ROOT) + (ref.isEmpty() ? "" : " " + ref),
        "STOCK_" + kind,
        movementId,
        posting);
  }

  /** Writes the movement; returns the value each line moved, by line index. */
  private BigDecimal[] write(
      Connection c,
      Tx t,
      Actor actor,
      UUID movementId,
      String kind,
      String ref,
      List<Line> lines,
      WarehouseRef to)
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
    boolean allowNegative = allowNegative(c);
    List<Line> ordered = new ArrayList<>(lines);
    ordered.sort(
        Comparator.comparing((Line l) -> l.item().id())
            .thenComparing(l -> l.warehouse().id())
            .thenComparing(Line::lot));
    Map<UUID, ItemCost> costs = lockCosts(c, actor.companyId(), ordered);
    List<Issue> issued = new ArrayList<>();
    PreparedStatement moveRows =
        c.prepareStatement(
            "INSERT INTO stock_move (id, company_id, movement_id, item_id, warehouse_id, lot, quantity,"
                + " unit_cost, value, kind, reference, posted_at, posted_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    try (moveRows) {
      for (Line l : ordered) {
        ItemCost cost = costs.get(l.item().id());
        switch (kind) {
          case "RECEIPT" -> {
            BigDecimal value = money(l.quantity().multiply(l.unitCost()));
            values[l.index()] = value;
            move(
                c,
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
                now,
                true);
            cost.add(l.quantity(), value);
          }
          case "ISSUE" -> {
            BigDecimal value = cost.valueOf(l.quantity());
            values[l.index()] = value;
            // The balances of all issued lines change together below, in one statement.
            issued.add(new Issue(l, l.quantity().negate(), value.negate()));
            moveRow(
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
                  "Line "
                      + (l.index() + 1)
                      + " moves "
                      + l.item().code()
                      + " from "
                      + to.code()
                      + " to itself.");
            }
            BigDecimal value = cost.valueOf(l.quantity());
            move(
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
            move(
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
            BigDecimal booked = booked(c, actor.companyId(), l);
            BigDecimal diff = l.quantity().subtract(booked);
            if (diff.signum() > 0) {
              BigDecimal value = money(diff.multiply(cost.average()));
              values[l.index()] = value;
              move(
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
              move(
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
    issueAll(c, actor, issued, allowNegative);
    ItemCost.saveAll(c, costs.values());
    return values;
  }

  /** A line's pending change to its balance. */
  private record Issue(Line line, BigDecimal quantity, BigDecimal value) {}

  /**
   * Takes the issued quantities off their balances in one statement (the item rows are already
   * locked, so the order of the balance rows cannot deadlock). A balance that would go below zero
   * is not changed by it; those lines then go one by one, which refuses the first short one with
   * the figures, exactly as before.
   */
  private static void issueAll(Connection c, Actor actor, List<Issue> issues, boolean mayGoNegative)
      throws SQLException {
    if (issues.isEmpty()) {
      return;
    }
    int n = issues.size();
    UUID[] items = new UUID[n];
    UUID[] warehouses = new UUID[n];
    String[] lots = new String[n];
    BigDecimal[] quantities = new BigDecimal[n];
    BigDecimal[] values = new BigDecimal[n];
    for (int i = 0; i < n; i++) {
      Issue is = issues.get(i);
      items[i] = is.line().item().id();
      warehouses[i] = is.line().warehouse().id();
      lots[i] = is.line().lot();
      quantities[i] = is.quantity();
      values[i] = is.value();
    }
    java.util.Set<List<Object>> applied = new java.util.HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE stock_balance b SET quantity = b.quantity + u.q, value = b.value + u.v"
                + " FROM (SELECT item, wh, lot, sum(q) q, sum(v) v FROM unnest(?::uuid[], ?::uuid[],"
                + " ?::text[], ?::numeric[], ?::numeric[]) AS x(item, wh, lot, q, v)"
                + " GROUP BY item, wh, lot) u"
                + " WHERE b.company_id = ? AND b.item_id = u.item AND b.warehouse_id = u.wh"
                + " AND b.lot = u.lot AND (? OR b.quantity + u.q >= 0)"
                + " RETURNING b.item_id, b.warehouse_id, b.lot")) {
      ps.setArray(1, c.createArrayOf("uuid", items));
      ps.setArray(2, c.createArrayOf("uuid", warehouses));
      ps.setArray(3, c.createArrayOf("text", lots));
      ps.setArray(4, c.createArrayOf("numeric", quantities));
      ps.setArray(5, c.createArrayOf("numeric", values));
      ps.setObject(6, actor.companyId());
      ps.setBoolean(7, mayGoNegative);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          applied.add(
              List.of(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)));
        }
      }
    }
    for (Issue is : issues) {
      Line l = is.line();
      if (!applied.contains(List.of(l.item().id(), l.warehouse().id(), l.lot()))) {
        balance(c, actor, l, l.warehouse(), is.quantity(), is.value(), mayGoNegative);
      }
    }
  }

  /** Writes a move and changes its balance; refuses to take the balance below zero. */
  private static void move(
      Connection c,
      PreparedStatement moveRows,
      Actor actor,
      UUID movementId,
      Line l,
      WarehouseRef w,
      BigDecimal qty,
      BigDecimal unitCost,
      BigDecimal value,
      String kind,
      String ref,
      Instant now,
      boolean mayGoNegative)
      throws SQLException {
    balance(c, actor, l, w, qty, value, mayGoNegative);
    moveRow(moveRows, actor, movementId, l, w, qty, unitCost, value, kind, ref, now);
  }

  /** Changes a line's balance; refuses to take it below zero unless that is allowed. */
  private static void balance(
      Connection c,
      Actor actor,
      Line l,
      WarehouseRef w,
      BigDecimal qty,
      BigDecimal value,
      boolean mayGoNegative)
      throws SQLException {
    int changed;
    if (qty.signum() > 0) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO stock_balance (company_id, item_id, warehouse_id, lot, quantity, value)"
                  + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (company_id, item_id, warehouse_id, lot)"
                  + " DO UPDATE SET quantity = stock_balance.quantity + EXCLUDED.quantity,"
                  + " value = stock_balance.value + EXCLUDED.value")) {
        ps.setObject(1, actor.companyId());
        ps.setObject(2, l.item().id());
        ps.setObject(3, w.id());
        ps.setString(4, l.lot());
        ps.setBigDecimal(5, qty);
        ps.setBigDecimal(6, value);
        changed = ps.executeUpdate();
      }
    } else {
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE stock_balance SET quantity = quantity + ?, value = value + ?"
                  + " WHERE company_id = ? AND item_id = ? AND warehouse_id = ? AND lot = ?"
                  + " AND (? OR quantity + ? >= 0)")) {
        ps.setBigDecimal(1, qty);
        ps.setBigDecimal(2, value);
        ps.setObject(3, actor.companyId());
        ps.setObject(4, l.item().id());
        ps.setObject(5, w.id());
        ps.setString(6, l.lot());
        ps.setBoolean(7, mayGoNegative);
        ps.setBigDecimal(8, qty);
        changed = ps.executeUpdate();
      }
      if (changed == 0) {
        if (mayGoNegative) {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO stock_balance (company_id, item_id, warehouse_id, lot, quantity, value)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, actor.companyId());
            ps.setObject(2, l.item().id());
            ps.setObject(3, w.id());
            ps.setString(4, l.lot());
            ps.setBigDecimal(5, qty);
            ps.setBigDecimal(6, value);
            changed = ps.executeUpdate();
          }
        } else {
          BigDecimal onHand =
              booked(c, actor.companyId(), new Line(l.index(), l.item(), w, l.lot(), qty, null));
          String unit = l.item().unitCode();
          throw new BusinessRuleException(
              "insufficient_stock",
              "Not enough stock of "
                  + l.item().code()
                  + (l.lot().isEmpty() ? "" : " lot " + l.lot())
                  + " in "
                  + w.name()
                  + ": "
                  + plain(onHand)
                  + " "
                  + unit
                  + " on hand, "
                  + plain(qty.negate())
                  + " "
                  + unit
                  + " requested (line "
                  + (l.index() + 1)
                  + ").");
        }
      }
    }
  }

  private static void moveRow(
      PreparedStatement moveRows,
      Actor actor,
      UUID movementId,
      Line l,
      WarehouseRef w,
      BigDecimal qty,
      BigDecimal unitCost,
      BigDecimal value,
      String kind,
      String ref,
      Instant now)
      throws SQLException {
    moveRows.setObject(1, Ids.newId());
    moveRows.setObject(2, actor.companyId());
    moveRows.setObject(3, movementId);
    moveRows.setObject(4, l.item().id());
    moveRows.setObject(5, w.id());
    moveRows.setString(6, l.lot());
    moveRows.setBigDecimal(7, qty);
    moveRows.setBigDecimal(8, unitCost);
    moveRows.setBigDecimal(9, value);
    moveRows.setString(10, kind);
    moveRows.setString(11, ref);
    moveRows.setTimestamp(12, Timestamp.from(now));
    moveRows.setString(13, actor.username());
    moveRows.addBatch();
  }

  private static BigDecimal booked(Connection c, UUID company, Line l) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT quantity FROM stock_balance WHERE company_id = ? AND item_id = ? AND warehouse_id = ? AND lot = ?")) {
      ps.setObject(1, company);
      ps.setObject(2, l.item().id());
      ps.setObject(3, l.warehouse().id());
      ps.setString(4, l.lot());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getBigDecimal(1) : BigDecimal.ZERO;
      }
    }
  }

  private static boolean allowNegative(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT allow_negative_stock FROM inventory_setting");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  /** The company-wide quantity and value of an item, locked for this transaction. */
  private static final class ItemCost {
    final UUID company;
    final UUID item;
    BigDecimal quantity;
    BigDecimal value;

    ItemCost(UUID company, UUID item, BigDecimal quantity, BigDecimal value) {
      this.company = company;
      this.item = item;
      this.quantity = quantity;
      this.value = value;
    }

    BigDecimal average() {
      return quantity.signum() <= 0
          ? BigDecimal.ZERO.setScale(MONEY_SCALE)
          : value.divide(quantity, MONEY_SCALE, RoundingMode.HALF_EVEN);
    }

    /** The value of {@code q} leaving stock; all that is left takes all the value left. */
    BigDecimal valueOf(BigDecimal q) {
      if (quantity.signum() > 0 && q.compareTo(quantity) == 0) {
        return value;
      }
      return money(q.multiply(average()));
    }

    void add(BigDecimal q, BigDecimal v) {
      quantity = quantity.add(q);
      value = value.add(v);
    }

    static void saveAll(Connection c, java.util.Collection<ItemCost> costs) throws SQLException {
      if (costs.isEmpty()) {
        return;
      }
      // One statement for all the movement's items (each item once: the map is keyed by item).
      UUID[] items = new UUID[costs.size()];
      BigDecimal[] quantities = new BigDecimal[costs.size()];
      BigDecimal[] values = new BigDecimal[costs.size()];
      UUID company = null;
      int i = 0;
      for (ItemCost k : costs) {
        items[i] = k.item;
        quantities[i] = k.quantity;
        values[i] = k.value;
        company = k.company;
        i++;
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE item_cost SET quantity = u.q, value = u.v"
                  + " FROM unnest(?::uuid[], ?::numeric[], ?::numeric[]) AS u(item, q, v)"
                  + " WHERE item_cost.company_id = ? AND item_cost.item_id = u.item")) {
        ps.setArray(1, c.createArrayOf("uuid", items));
        ps.setArray(2, c.createArrayOf("numeric", quantities));
        ps.setArray(3, c.createArrayOf("numeric", values));
        ps.setObject(4, company);
        ps.executeUpdate();
      }
    }
  }

  /**
   * Locks the cost rows of all items of a movement in item order (one statement, however many
   * lines, once the items have cost rows; two more for the first movement of an item), creating
   * missing ones: the queue for an item starts here and ends at commit.
   */
  private static Map<UUID, ItemCost> lockCosts(Connection c, UUID company, List<Line> lines)
      throws SQLException {
    UUID[] items = lines.stream().map(l -> l.item().id()).distinct().sorted().toArray(UUID[]::new);
    Map<UUID, ItemCost> out = selectCostsForUpdate(c, company, items);
    if (out.size() == items.length) {
      return out;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO item_cost (company_id, item_id, quantity, value)"
                + " SELECT ?, i, 0, 0 FROM unnest(?::uuid[]) AS i ORDER BY i ON CONFLICT DO NOTHING")) {
      ps.setObject(1, company);
      ps.setArray(
          2,
          c.createArrayOf(
              "uuid",
              java.util.Arrays.stream(items)
                  .filter(i -> !out.containsKey(i))
                  .toArray(UUID[]::new)));
      ps.executeUpdate();
    }
    return selectCostsForUpdate(c, company, items);
  }

  private static Map<UUID, ItemCost> selectCostsForUpdate(Connection c, UUID company, UUID[] items)
      throws SQLException {
    Map<UUID, ItemCost> out = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT item_id, quantity, value FROM item_cost WHERE company_id = ? AND item_id = ANY(?)"
                + " ORDER BY item_id FOR UPDATE")) {
      ps.setObject(1, company);
      ps.setArray(2, c.createArrayOf("uuid", items));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          UUID item = rs.getObject(1, UUID.class);
          out.put(item, new ItemCost(company, item, rs.getBigDecimal(2), rs.getBigDecimal(3)));
        }
      }
    }
    return out;
  }

  private List<Line> resolve(
      Tx t, List<LineInput> inputs, List<BigDecimal> qty, List<BigDecimal> costs) {
    Validator v = new Validator();
    // One query for all the movement's items and one for its warehouses.
    Map<String, ItemRef> items = items(t, inputs.stream().map(LineInput::itemCode).toList());
    Map<String, WarehouseRef> warehouses =
        warehouses(t, inputs.stream().map(LineInput::warehouseCode).toList());
    List<Line> out = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      LineInput in = inputs.get(i);
      String ic = in.itemCode() == null ? "" : in.itemCode().trim().toUpperCase(Locale.ROOT);
      String wc =
          in.warehouseCode() == null ? "" : in.warehouseCode().trim().toUpperCase(Locale.ROOT);
      String lot = in.lot() == null ? "" : in.lot().trim();
      ItemRef item = items.get(ic);
      WarehouseRef w = warehouses.get(wc);
      v.check(
          item != null && item.active(),
          "lines[" + i + "].item_code",
          "'" + ic + "' is not an active item");
      v.check(
          w != null && w.active(),
          "lines[" + i + "].warehouse_code",
          "'" + wc + "' is not an active warehouse");
      v.check(lot.length() <= 40, "lines[" + i + "].lot", "is too long (at most 40 characters)");
      if (item != null && item.kind() == Item.Kind.SERVICE) {
        v.check(
            false, "lines[" + i + "].item_code", item.code() + " is a service and has no stock");
      }
      out.add(new Line(i, item, w, lot, qty.get(i), costs == null ? null : costs.get(i)));
    }
    v.throwIfInvalid();
    return out;
  }

  private static List<String> normalised(List<String> codes) {
    return codes.stream()
        .map(c -> c == null ? "" : c.trim().toUpperCase(Locale.ROOT))
        .distinct()
        .toList();
  }

  /** One row of a by-code look-up. */
  @FunctionalInterface
  private interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /**
   * The records of the given codes (trimmed, upper-cased) from {@code select} (which has {@code
   * code} as its second column), by code; unknown codes are absent. Plain JDBC with one array
   * parameter: an HQL {@code in :codes} was re-translated to SQL on every call and was the order
   * path's largest single cost in the JVM.
   */
  private static <T> Map<String, T> byCode(
      Tx t, String select, List<String> codes, RowReader<T> reader) {
    String[] wanted = normalised(codes).toArray(String[]::new);
    UUID company = t.actor().orElseThrow().companyId();
    return Jdbc.work(
        t,
        c -> {
          Map<String, T> out = new HashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(select + " WHERE company_id = ? AND code = ANY(?)")) {
            ps.setObject(1, company);
            ps.setArray(2, c.createArrayOf("text", wanted));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(rs.getString(2), reader.read(rs));
              }
            }
          }
          return out;
        });
  }

  private static Map<String, ItemRef> items(Tx t, List<String> codes) {
    return byCode(
        t,
        "SELECT id, code, active, kind, unit_code FROM item",
        codes,
        rs ->
            new ItemRef(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getBoolean(3),
                Item.Kind.valueOf(rs.getString(4)),
                rs.getString(5)));
  }

  private static Map<String, WarehouseRef> warehouses(Tx t, List<String> codes) {
    return byCode(
        t,
        "SELECT id, code, name, active FROM warehouse",
        codes,
        rs ->
            new WarehouseRef(
                rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
  }

  private static WarehouseRef warehouse(Tx t, String code, String field) {
    WarehouseRef w = warehouses(t, List.of(code)).get(code.trim().toUpperCase(Locale.ROOT));
    if (w == null || !w.active()) {
      throw io.millstone.server.platform.error.InvalidInputException.of(
          field, "'" + code + "' is not an active warehouse");
    }
    return w;
  }

  List<MoveView> moves(Tx t, UUID movementId) {
    return t.session()
        .doReturningWork(
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
