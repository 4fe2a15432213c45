package io.millstone.server.cane;

import io.millstone.server.cane.CaneDesk.BillView;
import io.millstone.server.cane.CaneDesk.LoanView;
import io.millstone.server.cane.CaneDesk.PermitView;
import io.millstone.server.cane.CaneDesk.StatementPayment;
import io.millstone.server.cane.CaneDesk.StatementView;
import io.millstone.server.cane.CaneDesk.TicketView;
import io.millstone.server.cane.CaneRows.GrowerRow;
import io.millstone.server.cane.CaneRows.SeasonRow;
import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Validator;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Everything between the mill and one grower: permits, tickets, bills with their deductions, loans,
 * payments, and what is still owed each way.
 */
final class GrowerStatements {
  private final Transactions tx;
  private final Clock clock;

  GrowerStatements(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  StatementView of(Actor actor, String growerNumber, String season) {
    Validator v = new Validator();
    v.text(growerNumber, "grower_number", 20);
    v.throwIfInvalid();
    return tx.inCompany(
        actor,
        t -> {
          String currency = CompanyAdmin.currencyOf(t);
          GrowerRow g = Jdbc.work(t, c -> CaneRows.growerForRead(c, growerNumber));
          SeasonRow s =
              season == null || season.isBlank()
                  ? null
                  : Jdbc.work(t, c -> CaneRows.season(c, season, "season"));
          UUID sid = s == null ? null : s.id();
          String inSeason = s == null ? "" : " AND cc.season_id = ?";
          Object[] args = s == null ? new Object[] {g.id()} : new Object[] {g.id(), sid};
          List<PermitView> permits =
              Jdbc.work(
                  t,
                  c ->
                      Permits.readAt(
                          c,
                          CaneRows.today(t, clock),
                          "p.grower_id = ?" + inSeason + " ORDER BY p.permit_date, p.number",
                          args));
          List<TicketView> tickets =
              Jdbc.work(
                  t,
                  c ->
                      Weighbridge.read(
                          c,
                          currency,
                          "tk.grower_id = ?" + inSeason + " ORDER BY tk.ticket_date, tk.number",
                          args));
          List<BillView> bills =
              Jdbc.work(
                  t,
                  c ->
                      CaneBills.read(
                          c,
                          currency,
                          "b.grower_id = ?"
                              + (s == null ? "" : " AND b.season_id = ?")
                              + " ORDER BY b.bill_date, b.number",
                          args));
          List<LoanView> loans = Growers.loansOf(t, g.id(), false);
          List<StatementPayment> payments =
              Jdbc.work(
                  t,
                  c -> {
                    List<StatementPayment> out = new ArrayList<>();
                    try (PreparedStatement ps =
                        c.prepareStatement(
                            "SELECT r.number, b.number, r.payment_date, cp.method, cp.reference,"
                                + " cp.amount, cp.reversed FROM cane_payment cp JOIN cane_bill b ON b.id ="
                                + " cp.bill_id JOIN cane_payment_run r ON r.id = cp.run_id"
                                + " WHERE b.grower_id = ?"
                                + (s == null ? "" : " AND b.season_id = ?")
                                + " ORDER BY r.payment_date, r.number")) {
                      for (int i = 0; i < args.length; i++) {
                        ps.setObject(i + 1, args[i]);
                      }
                      try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                          out.add(
                              new StatementPayment(
                                  rs.getString(1),
                                  rs.getString(2),
                                  rs.getDate(3).toLocalDate(),
                                  rs.getString(4),
                                  rs.getString(5),
                                  rs.getBigDecimal(6),
                                  rs.getBoolean(7)));
                        }
                      }
                    }
                    return out;
                  });
          BigDecimal caneValue =
              tickets.stream()
                  .filter(x -> "COMPLETED".equals(x.state()))
                  .map(TicketView::value)
                  .reduce(BigDecimal.ZERO, BigDecimal::add);
          BigDecimal deducted =
              bills.stream()
                  .filter(b -> !"REVERSED".equals(b.state()))
                  .map(BillView::deducted)
                  .reduce(BigDecimal.ZERO, BigDecimal::add);
          BigDecimal paid =
              payments.stream()
                  .filter(x -> !x.reversed())
                  .map(StatementPayment::amount)
                  .reduce(BigDecimal.ZERO, BigDecimal::add);
          BigDecimal loansOutstanding =
              loans.stream().map(LoanView::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
          return new StatementView(
              Growers.view(t, g.id()),
              permits,
              tickets,
              bills,
              loans,
              payments,
              caneValue,
              deducted,
              paid,
              caneValue.subtract(deducted).subtract(paid),
              loansOutstanding,
              currency);
        });
  }
}
