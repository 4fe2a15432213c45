package io.millstone.server.production;

import io.millstone.server.accounting.AccountRole;
import io.millstone.server.accounting.Books;
import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.inventory.StockLedger;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Amounts;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.Notices;
import io.millstone.server.platform.Notices.Notice;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Tx;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.error.BusinessRuleException;
import io.millstone.server.production.ProductionDesk.MovePreview;
import io.millstone.server.production.ProductionDesk.PostingLineView;
import io.millstone.server.production.ProductionDesk.PostingView;
import io.millstone.server.production.ProductionDesk.RunView;
import io.millstone.server.production.RunRows.BomFacts;
import io.millstone.server.production.RunRows.Head;
import io.millstone.server.production.RunRows.Line;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Posts a run when it is finished (inputs issued from stock, outputs received, one balanced entry
 * through work in progress) and reverses a finished run once with the opposite moves and entry. The
 * preview computes the same entry from today's stock costs without writing anything.
 */
final class RunPostings {
  private final Transactions tx;
  private final Books books;
  private final StockLedger stock;
  private final Clock clock;

  RunPostings(Transactions tx, Books books, StockLedger stock, Clock clock) {
    this.tx = tx;
    this.books = books;
    this.stock = stock;
    this.clock = clock;
  }

  /** What the run's work centre adds to its cost. */
  private static BigDecimal conversion(Connection c, Head h, BigDecimal caneTonnes)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT cost_basis, conversion_rate FROM work_centre WHERE id = ?")) {
      ps.setObject(1, h.workCentreId());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long hours = Duration.between(h.windowStart(), h.windowEnd()).toHours();
        return RunCosting.conversion(rs.getString(1), rs.getBigDecimal(2), caneTonnes, hours);
      }
    }
  }

  private static List<StockLedger.LineInput> stockLines(Head h, List<Line> lines) {
    return lines.stream()
        .map(
            l ->
                new StockLedger.LineInput(
                    l.item().code(), h.warehouseCode(), l.lot(), l.quantity().toPlainString()))
        .toList();
  }

  PostingView preview(Actor actor, String runId) {
    UUID id = Ids.parse(runId, "run_id");
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          Head h = RunRows.lock(c, id, false);
          ProductionRuns.requireState(h, "STARTED", "previewed");
          List<Line> in = RunRows.lines(c, id, "IN");
          List<Line> out = RunRows.lines(c, id, "OUT");
          BomFacts bom = RunRows.bom(c, h.bomId());
          List<BigDecimal> inValues = new ArrayList<>();
          for (Line l : in) {
            inValues.add(averageValue(c, l));
          }
          BigDecimal conv = conversion(c, h, RunFigures.caneTonnes(in, bom));
          RunCosting cost = RunCosting.of(in, inValues, out, bom, conv);
          return view(c, h, in, out, cost, CompanyAdmin.currencyOf(t));
        });
  }

  /** What issuing the line now would take out of stock, as the ledger values it. */
  private static BigDecimal averageValue(Connection c, Line l) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT quantity, value FROM item_cost WHERE item_id = ?")) {
      ps.setObject(1, l.item().id());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || rs.getBigDecimal(1).signum() <= 0) {
          return BigDecimal.ZERO.setScale(RunCosting.MONEY);
        }
        BigDecimal q = rs.getBigDecimal(1);
        BigDecimal v = rs.getBigDecimal(2);
        if (l.quantity().compareTo(q) == 0) {
          return v;
        }
        BigDecimal avg = v.divide(q, RunCosting.MONEY, RoundingMode.HALF_EVEN);
        return l.quantity().multiply(avg).setScale(RunCosting.MONEY, RoundingMode.HALF_EVEN);
      }
    }
  }

  private static PostingView view(
      Connection c, Head h, List<Line> in, List<Line> out, RunCosting cost, String currency)
      throws SQLException {
    Map<String, String> names = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT code, name FROM account")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    List<PostingLineView> lines = new ArrayList<>();
    for (Books.Line l : cost.entry(in, out, h.number())) {
      lines.add(
          new PostingLineView(
              l.accountCode(),
              names.getOrDefault(l.accountCode(), ""),
              l.debit(),
              l.credit(),
              l.memo()));
    }
    List<MovePreview> moves = new ArrayList<>();
    for (int i = 0; i < in.size(); i++) {
      Line l = in.get(i);
      moves.add(
          new MovePreview(
              l.item().code(),
              h.warehouseCode(),
              l.lot(),
              l.quantity().negate(),
              cost.inputValues().get(i).negate()));
    }
    for (int i = 0; i < out.size(); i++) {
      Line l = out.get(i);
      moves.add(
          new MovePreview(
              l.item().code(),
              h.warehouseCode(),
              l.lot(),
              l.quantity(),
              cost.outputValues().get(i)));
    }
    return new PostingView(
        h.id(),
        lines,
        moves,
        cost.inputTotal(),
        cost.conversion(),
        cost.outputTotal(),
        cost.abnormalLoss(),
        currency);
  }

  RunView finish(Actor actor, String runId) {
    UUID id = Ids.parse(runId, "run_id");
    return tx.inCompany(
        actor,
        t -> {
          Head h = Jdbc.work(t, c -> RunRows.lock(c, id, true));
          ProductionRuns.requireState(h, "STARTED", "finished");
          List<Line> in = Jdbc.work(t, c -> RunRows.lines(c, id, "IN"));
          List<Line> out = Jdbc.work(t, c -> RunRows.lines(c, id, "OUT"));
          if (in.isEmpty()) {
            throw new BusinessRuleException(
                "run_without_consumption",
                "Run " + h.number() + " has no consumption; record what it used before finishing.",
                h.number());
          }
          BomFacts bom = Jdbc.work(t, c -> RunRows.bom(c, h.bomId()));
          // Stock first: a yard without the cane refuses here and nothing is written.
          StockLedger.Moved issued = stock.issueWithin(t, h.number(), stockLines(h, in));
          BigDecimal conv = Jdbc.work(t, c -> conversion(c, h, RunFigures.caneTonnes(in, bom)));
          RunCosting cost = RunCosting.of(in, issued.values(), out, bom, conv);
          StockLedger.Moved received = null;
          if (!out.isEmpty()) {
            received = stock.receiveWithin(t, h.number(), stockLines(h, out), unitCosts(out, cost));
            cost = cost.withOutputs(received.values());
          }
          RunCosting posted = cost;
          Books.Posted entry =
              books.postEntry(
                  t,
                  h.date(),
                  "Production run " + h.number(),
                  "PRODUCTION",
                  id,
                  posted.entry(in, out, h.number()));
          UUID receiptId = received == null ? null : received.movementId();
          Jdbc.work(
              t,
              c -> {
                saveValues(c, in, posted.inputValues());
                saveValues(c, out, posted.outputValues());
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "UPDATE production_run SET state = 'FINISHED', finished_at = ?, input_value = ?,"
                            + " conversion_cost = ?, output_value = ?, abnormal_loss_value = ?,"
                            + " issue_movement_id = ?, receipt_movement_id = ?, journal_entry_id = ?,"
                            + " updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?")) {
                  Timestamp now = Timestamp.from(clock.instant());
                  ps.setTimestamp(1, now);
                  ps.setBigDecimal(2, posted.inputTotal());
                  ps.setBigDecimal(3, posted.conversion());
                  ps.setBigDecimal(4, posted.outputTotal());
                  ps.setBigDecimal(5, posted.abnormalLoss());
                  ps.setObject(6, issued.movementId());
                  ps.setObject(7, receiptId);
                  ps.setObject(8, entry.id());
                  ps.setTimestamp(9, now);
                  ps.setString(10, actor.username());
                  ps.setObject(11, id);
                  ps.executeUpdate();
                }
                return null;
              });
          t.audit(
              "production.run.post",
              "production_run",
              id,
              h.number()
                  + " "
                  + entry.number()
                  + ", inputs "
                  + Amounts.money(posted.inputTotal())
                  + ", outputs "
                  + Amounts.money(posted.outputTotal()));
          Notices.add(
              t,
              Notice.toPermission(
                  "production.read",
                  "production.run.posted",
                  "Production run " + h.number() + " posted",
                  "production_run",
                  id,
                  h.number()));
          return ProductionRuns.view(t, id);
        });
  }

  /** Unit costs precise enough that quantity times cost gives back each value to the paisa. */
  private static List<BigDecimal> unitCosts(List<Line> out, RunCosting cost) {
    List<BigDecimal> costs = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      costs.add(
          cost.outputValues().get(i).divide(out.get(i).quantity(), 20, RoundingMode.HALF_EVEN));
    }
    return costs;
  }

  private static void saveValues(Connection c, List<Line> lines, List<BigDecimal> values)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE production_run_line SET value = ? WHERE id = ?")) {
      for (int i = 0; i < lines.size(); i++) {
        ps.setBigDecimal(1, values.get(i));
        ps.setObject(2, lines.get(i).id());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  RunView reverse(Actor actor, String runId, String note) {
    UUID id = Ids.parse(runId, "run_id");
    new Validator().text(note, "note", 300).throwIfInvalid();
    return tx.inCompany(
        actor,
        t -> {
          Head h = Jdbc.work(t, c -> RunRows.lock(c, id, true));
          ProductionRuns.requireState(h, "FINISHED", "reversed");
          List<Line> in = Jdbc.work(t, c -> RunRows.lines(c, id, "IN"));
          List<Line> out = Jdbc.work(t, c -> RunRows.lines(c, id, "OUT"));
          String ref = "Reversal " + h.number();
          LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(CompanyAdmin.timeZoneOf(t))));
          // Outputs leave stock first: sugar already sold cannot be un-made.
          StockLedger.Moved outMoved =
              out.isEmpty() ? null : stock.issueWithin(t, ref, stockLines(h, out));
          List<BigDecimal> inCosts = new ArrayList<>();
          for (Line l : in) {
            inCosts.add(l.value().divide(l.quantity(), 20, RoundingMode.HALF_EVEN));
          }
          StockLedger.Moved inMoved = stock.receiveWithin(t, ref, stockLines(h, in), inCosts);
          Books.Posted mirror = books.reverseWithin(t, h.entryId(), today, "PRODUCTION", id);
          if (outMoved != null) {
            adjustOutputCost(t, h, out, outMoved.values(), today);
          }
          Jdbc.work(
              t,
              c -> {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "UPDATE production_run SET state = 'REVERSED', reversed_at = ?, reversal_note = ?,"
                            + " reversal_issue_movement_id = ?, reversal_receipt_movement_id = ?,"
                            + " reversal_entry_id = ?, updated_at = ?, updated_by = ?,"
                            + " version = version + 1 WHERE id = ?")) {
                  Timestamp now = Timestamp.from(clock.instant());
                  ps.setTimestamp(1, now);
                  ps.setString(2, note.trim());
                  ps.setObject(3, outMoved == null ? null : outMoved.movementId());
                  ps.setObject(4, inMoved.movementId());
                  ps.setObject(5, mirror.id());
                  ps.setTimestamp(6, now);
                  ps.setString(7, actor.username());
                  ps.setObject(8, id);
                  ps.executeUpdate();
                }
                return null;
              });
          t.audit(
              "production.run.reverse", "production_run", id, h.number() + " " + mirror.number());
          return ProductionRuns.view(t, id);
        });
  }

  /**
   * The outputs leave stock at today's average cost, which differs from what the run put in when
   * the same items came in from other runs since; the difference is a stock adjustment, so the
   * stock accounts keep equalling the stock's value.
   */
  private void adjustOutputCost(
      Tx t, Head h, List<Line> out, List<BigDecimal> issuedValues, LocalDate date) {
    List<BigDecimal> original = out.stream().map(Line::value).toList();
    Map<String, BigDecimal> issued = RunCosting.byAccount(out, issuedValues);
    Map<String, BigDecimal> made = RunCosting.byAccount(out, original);
    List<Books.Line> lines = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (var e : issued.entrySet()) {
      BigDecimal diff = e.getValue().subtract(made.get(e.getKey()));
      if (diff.signum() != 0) {
        lines.add(
            new Books.Line(
                e.getKey(),
                diff.negate().max(BigDecimal.ZERO),
                diff.max(BigDecimal.ZERO),
                "reversal of " + h.number()));
        total = total.add(diff);
      }
    }
    if (total.signum() == 0 && lines.isEmpty()) {
      return;
    }
    if (total.signum() != 0) {
      lines.add(
          new Books.Line(
              AccountRole.STOCK_ADJUSTMENTS.code(),
              total.max(BigDecimal.ZERO),
              total.negate().max(BigDecimal.ZERO),
              "cost difference on reversing " + h.number()));
    }
    books.post(t, date, "Cost difference on reversing " + h.number(), "PRODUCTION", h.id(), lines);
  }
}
