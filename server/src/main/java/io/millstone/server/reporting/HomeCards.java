package io.millstone.server.reporting;

import io.millstone.server.accounting.AccountRole;
import io.millstone.server.accounting.Ageing;
import io.millstone.server.accounting.LedgerReports;
import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Transactions;
import io.millstone.server.production.OeeFigures;
import io.millstone.server.production.OeeRollups;
import io.millstone.server.production.ProductionDesk.Figures;
import io.millstone.server.production.RunTallies;
import io.millstone.server.reporting.HomeCard.Group;
import io.millstone.server.reporting.HomeCard.Kind;
import io.millstone.server.sales.Receivables;
import io.millstone.server.telemetry.ShiftCalendar;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The home screen's number cards, computed in one read transaction with a few aggregate queries
 * (everyone opens it every morning, and it refreshes while shown). A card is returned only when the
 * caller may read the list it opens, so a sales clerk sees sales and stock cards and the mill
 * manager sees them all.
 */
public final class HomeCards {
  /** Days in a card's small chart, today included. */
  static final int SERIES_DAYS = 7;

  private final Transactions tx;
  private final Clock clock;

  public HomeCards(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  public Home home(Actor actor) {
    return tx.reportInCompany(
        actor,
        (t, c) -> {
          LocalDate today =
              LocalDate.ofInstant(clock.instant(), ZoneId.of(CompanyAdmin.timeZoneOf(t)));
          List<HomeCard> cards = new ArrayList<>();
          if (actor.can("sales.read")) {
            sales(c, today, cards);
            cards.add(overdueReceivables(Ageing.of(t, c, clock, Receivables.OPEN_INVOICES, today)));
          }
          if (actor.can("accounting.read")) {
            accounts(c, today, cards);
          }
          if (actor.can("inventory.stock.read")) {
            stores(c, cards);
          }
          if (actor.can("production.read")) {
            production(c, today, cards);
          }
          if (actor.can("production.oee.read")) {
            cards.add(oeeNow(c, ZoneId.of(CompanyAdmin.timeZoneOf(t)), clock.instant()));
          }
          if (actor.can("telemetry.machines.read")) {
            cards.add(activeAlarms(c));
          }
          if (actor.can("purchasing.order.approve")) {
            cards.add(approvalsWaiting(c, actor.username()));
          }
          return new Home(today, CompanyAdmin.currencyOf(t), cards);
        });
  }

  // ---------------------------------------------------------------- sales

  private static void sales(Connection c, LocalDate today, List<HomeCard> cards)
      throws SQLException {
    // Confirmed orders by order date (quotations and cancelled orders are not sales).
    long[] orders = new long[SERIES_DAYS];
    List<BigDecimal> orderValue =
        daily(
            c,
            today,
            "SELECT o.order_date, count(*), sum(o.gross_total) FROM sales_order o"
                + " WHERE o.order_date BETWEEN ? AND ? AND o.state NOT IN ('QUOTATION', 'CANCELLED')"
                + " GROUP BY o.order_date",
            orders);
    cards.add(
        HomeCard.of(
                "sales.orders.today",
                Group.SALES,
                Kind.MONEY,
                orderValue.get(SERIES_DAYS - 1),
                "sales-orders")
            .documents(orders[SERIES_DAYS - 1])
            .series(orderValue));
    // Deliveries by delivery date, valued at the order's net prices.
    long[] deliveries = new long[SERIES_DAYS];
    List<BigDecimal> deliveryValue =
        daily(
            c,
            today,
            "SELECT d.delivery_date, count(DISTINCT d.id), sum(round(dl.quantity * ol.unit_price, 2))"
                + " FROM delivery d JOIN delivery_line dl ON dl.delivery_id = d.id"
                + " JOIN sales_order_line ol ON ol.id = dl.order_line_id"
                + " WHERE d.delivery_date BETWEEN ? AND ? GROUP BY d.delivery_date",
            deliveries);
    cards.add(
        HomeCard.of(
                "sales.deliveries.today",
                Group.SALES,
                Kind.MONEY,
                deliveryValue.get(SERIES_DAYS - 1),
                "sales-orders")
            .documents(deliveries[SERIES_DAYS - 1])
            .series(deliveryValue));
  }

  /** What customers owe past the due date: the ageing's total less its "current" column. */
  static HomeCard overdueReceivables(Ageing ageing) {
    BigDecimal current =
        ageing.rows().stream().map(Ageing.Row::current).reduce(BigDecimal.ZERO, BigDecimal::add);
    return HomeCard.of(
            "sales.receivables.overdue",
            Group.SALES,
            Kind.MONEY,
            ageing.total().subtract(current),
            "sales-payments")
        .attentionWhenAboveZero();
  }

  // ---------------------------------------------------------------- accounts

  private static void accounts(Connection c, LocalDate today, List<HomeCard> cards)
      throws SQLException {
    // Cash, bank and mobile money: the balance at the end of each of the last seven days, from the
    // balance today and the days' movements.
    String cashAccounts =
        " FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id"
            + " JOIN account a ON a.id = l.account_id WHERE a.code IN (?, ?, ?)";
    BigDecimal balance;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT coalesce(sum(l.debit - l.credit), 0)"
                + cashAccounts
                + " AND e.entry_date <= ?")) {
      int i = cashCodes(ps);
      ps.setDate(i, Date.valueOf(today));
      balance = one(ps);
    }
    BigDecimal[] moved = zeros();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT e.entry_date, sum(l.debit - l.credit)"
                + cashAccounts
                + " AND e.entry_date BETWEEN ? AND ? GROUP BY e.entry_date")) {
      int i = cashCodes(ps);
      ps.setDate(i, Date.valueOf(today.minusDays(SERIES_DAYS - 1)));
      ps.setDate(i + 1, Date.valueOf(today));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          moved[dayIndex(today, rs.getDate(1).toLocalDate())] = rs.getBigDecimal(2);
        }
      }
    }
    BigDecimal[] closing = new BigDecimal[SERIES_DAYS];
    BigDecimal b = balance;
    for (int d = SERIES_DAYS - 1; d >= 0; d--) {
      closing[d] = b;
      b = b.subtract(moved[d]);
    }
    cards.add(
        HomeCard.of("accounts.cash", Group.ACCOUNTS, Kind.MONEY, balance, "trial-balance")
            .series(List.of(closing)));
    // Bills still open that fall due within the week (today and the six days after), overdue
    // ones included: what must be paid by a week from now.
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT count(*), coalesce(sum(b.gross - b.settled), 0) FROM supplier_bill b"
                + " WHERE b.settled < b.gross AND b.due_date <= ?")) {
      ps.setDate(1, Date.valueOf(today.plusDays(6)));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        cards.add(
            HomeCard.of(
                    "accounts.payables.week",
                    Group.ACCOUNTS,
                    Kind.MONEY,
                    rs.getBigDecimal(2),
                    "supplier-payments")
                .documents(rs.getLong(1))
                .attentionWhenAboveZero());
      }
    }
    // VAT of the month so far: output VAT less input VAT, as the VAT summary shows it.
    BigDecimal vat =
        LedgerReports.vatMonths(c, today.withDayOfMonth(1), today).stream()
            .map(LedgerReports.VatMonth::netPayable)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    cards.add(HomeCard.of("accounts.vat.month", Group.ACCOUNTS, Kind.MONEY, vat, "trial-balance"));
  }

  private static int cashCodes(PreparedStatement ps) throws SQLException {
    ps.setString(1, AccountRole.CASH.code());
    ps.setString(2, AccountRole.BANK.code());
    ps.setString(3, AccountRole.MOBILE_MONEY.code());
    return 4;
  }

  // ---------------------------------------------------------------- stores

  private static void stores(Connection c, List<HomeCard> cards) throws SQLException {
    // Sugar and molasses are the items production's BOMs yield as those figures; their stock in
    // every warehouse, in tonnes.
    BigDecimal sugar = BigDecimal.ZERO;
    BigDecimal molasses = BigDecimal.ZERO;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT o.figure, coalesce(sum(b.quantity * u.factor_to_base / 1000), 0)"
                + " FROM (SELECT DISTINCT item_id, figure FROM production_bom_output"
                + "  WHERE figure IN ('SUGAR', 'MOLASSES')) o"
                + " JOIN item i ON i.id = o.item_id"
                + " JOIN unit_of_measure u ON u.company_id = i.company_id AND u.code = i.unit_code"
                + "  AND u.dimension = 'MASS'"
                + " JOIN stock_balance b ON b.item_id = o.item_id"
                + " GROUP BY o.figure")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          BigDecimal t = rs.getBigDecimal(2).setScale(3, java.math.RoundingMode.HALF_EVEN);
          if (rs.getString(1).equals("SUGAR")) {
            sugar = t;
          } else {
            molasses = t;
          }
        }
      }
    }
    cards.add(HomeCard.of("stores.sugar", Group.STORES, Kind.TONNES, sugar, "stock-on-hand"));
    cards.add(HomeCard.of("stores.molasses", Group.STORES, Kind.TONNES, molasses, "stock-on-hand"));
    // Active items short somewhere: below the level of a warehouse that has its own (V30), or,
    // with no warehouse levels, with all their stock below the item's company-wide level.
    List<String> short_ = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT i.code FROM item i LEFT JOIN (SELECT item_id, sum(quantity) q FROM stock_balance"
                + " GROUP BY item_id) s ON s.item_id = i.id"
                + " WHERE i.active AND ("
                + " EXISTS (SELECT 1 FROM item_warehouse_reorder r WHERE r.item_id = i.id"
                + " AND coalesce((SELECT sum(b.quantity) FROM stock_balance b WHERE b.item_id = r.item_id"
                + " AND b.warehouse_id = r.warehouse_id), 0) < r.reorder_level)"
                + " OR (i.reorder_level > 0 AND coalesce(s.q, 0) < i.reorder_level"
                + " AND NOT EXISTS (SELECT 1 FROM item_warehouse_reorder r WHERE r.item_id = i.id)))"
                + " ORDER BY i.code")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          short_.add(rs.getString(1));
        }
      }
    }
    cards.add(
        HomeCard.of(
                "stores.reorder",
                Group.STORES,
                Kind.COUNT,
                BigDecimal.valueOf(short_.size()),
                "stock-on-hand")
            // one item short opens the stock list on that item
            .filter(short_.size() == 1 ? short_.get(0) : "")
            .attentionWhenAboveZero());
  }

  // ---------------------------------------------------------------- production

  private static void production(Connection c, LocalDate today, List<HomeCard> cards)
      throws SQLException {
    // The day figures of GetDayFigures, date by date: over each day's finished runs.
    LocalDate first = today.minusDays(SERIES_DAYS - 1);
    RunTallies runs = RunTallies.finished(c, first, today);
    List<Figures> days =
        first
            .datesUntil(today.plusDays(1))
            .map(d -> runs.figures(r -> r.date().equals(d)))
            .toList();
    List<BigDecimal> cane = days.stream().map(Figures::caneTonnes).toList();
    List<BigDecimal> recovery = days.stream().map(Figures::recoveryPct).toList();
    cards.add(
        HomeCard.of(
                "production.cane.today",
                Group.PRODUCTION,
                Kind.TONNES,
                cane.get(SERIES_DAYS - 1),
                "production-day")
            .series(cane));
    cards.add(
        HomeCard.of(
                "production.recovery.today",
                Group.PRODUCTION,
                Kind.PERCENT,
                recovery.get(SERIES_DAYS - 1),
                "production-day")
            .series(recovery));
  }

  /**
   * OEE of the shift under way over the mill's rated machines, each counted once however many work
   * centres it belongs to: their valuable minutes over their planned busy minutes (ADR 0028), none
   * while the shift has no planned busy time yet.
   */
  public static HomeCard oeeNow(Connection c, ZoneId zone, Instant now) throws SQLException {
    ShiftCalendar.Bucket shift = ShiftCalendar.of(now, zone);
    Map<String, OeeFigures> machines = new LinkedHashMap<>();
    for (OeeRollups.Line l :
        OeeRollups.read(
            c, zone, now, OeeRollups.Period.shift(shift.date(), shift.shift()), null, null)) {
      if (!l.machineCode().isEmpty()) {
        machines.putIfAbsent(l.machineCode(), l.figures());
      }
    }
    BigDecimal valuable = BigDecimal.ZERO;
    long busy = 0;
    for (OeeFigures m : machines.values()) {
      valuable = valuable.add(m.goodIdealMinutes());
      busy += m.plannedBusyMinutes();
    }
    BigDecimal oee =
        busy == 0
            ? null
            : valuable
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(busy), 2, java.math.RoundingMode.HALF_EVEN);
    return HomeCard.of("production.oee.now", Group.PRODUCTION, Kind.PERCENT, oee, "production-oee");
  }

  /** Alarms still open: not yet ended or not yet acknowledged, as the alarms list shows them. */
  private static HomeCard activeAlarms(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT count(*) FROM alarm WHERE ended_at IS NULL OR acknowledged_at IS NULL")) {
      return HomeCard.of("production.alarms", Group.PRODUCTION, Kind.COUNT, one(ps), "alarms")
          .attentionWhenAboveZero();
    }
  }

  // ---------------------------------------------------------------- approvals

  /**
   * Purchase orders awaiting approval that the caller may decide: not ones they created or
   * submitted themselves (OrderApproval refuses those).
   */
  private static HomeCard approvalsWaiting(Connection c, String me) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT count(*), coalesce(sum(gross_total), 0) FROM purchase_order"
                + " WHERE state = 'AWAITING_APPROVAL' AND submitted_by <> ? AND created_by <> ?")) {
      ps.setString(1, me);
      ps.setString(2, me);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return HomeCard.of(
                "approvals.purchase",
                Group.APPROVALS,
                Kind.COUNT,
                BigDecimal.valueOf(rs.getLong(1)),
                "purchase-approvals")
            .attentionWhenAboveZero();
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Runs {@code sql} (date, count, amount per date; parameters from and to) over the last seven
   * days: the amounts per day, oldest first, zero on days without rows; the counts into {@code
   * counts}.
   */
  private static List<BigDecimal> daily(Connection c, LocalDate today, String sql, long[] counts)
      throws SQLException {
    BigDecimal[] amounts = zeros();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setDate(1, Date.valueOf(today.minusDays(SERIES_DAYS - 1)));
      ps.setDate(2, Date.valueOf(today));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int d = dayIndex(today, rs.getDate(1).toLocalDate());
          counts[d] = rs.getLong(2);
          amounts[d] = rs.getBigDecimal(3);
        }
      }
    }
    return List.of(amounts);
  }

  private static int dayIndex(LocalDate today, LocalDate day) {
    return SERIES_DAYS - 1 - (int) java.time.temporal.ChronoUnit.DAYS.between(day, today);
  }

  private static BigDecimal[] zeros() {
    BigDecimal[] z = new BigDecimal[SERIES_DAYS];
    java.util.Arrays.fill(z, BigDecimal.ZERO);
    return z;
  }

  private static BigDecimal one(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getBigDecimal(1);
    }
  }
}
