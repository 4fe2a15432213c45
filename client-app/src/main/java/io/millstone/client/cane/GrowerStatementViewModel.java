package io.millstone.client.cane;

import io.millstone.api.cane.v1.CaneBill;
import io.millstone.api.cane.v1.CaneBillDeduction;
import io.millstone.api.cane.v1.GrowerLoan;
import io.millstone.api.cane.v1.GrowerStatement;
import io.millstone.api.cane.v1.Permit;
import io.millstone.api.cane.v1.StatementPayment;
import io.millstone.api.cane.v1.WeighbridgeTicket;
import io.millstone.api.cane.v1.WeightSource;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import io.millstone.client.remote.ProtoValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Everything with one grower, oldest first: permits, weighbridge tickets, bills with their
 * deductions, loans and payments, and what the mill still owes.
 */
public final class GrowerStatementViewModel extends AbstractViewModel {

  /** One line of the statement: what happened, when, and the weight or money it carries. */
  public record Line(
      LocalDate date,
      int order,
      String kind,
      String number,
      String detail,
      String weight,
      String amount) {}

  private final CaneGateway gateway;
  private final Messages messages;
  private final StringProperty growerNumber = new SimpleStringProperty("");
  private final StringProperty season = new SimpleStringProperty("");
  private final StringProperty heading = new SimpleStringProperty("");
  private final StringProperty caneValue = new SimpleStringProperty("");
  private final StringProperty deducted = new SimpleStringProperty("");
  private final StringProperty paid = new SimpleStringProperty("");
  private final StringProperty balance = new SimpleStringProperty("");
  private final StringProperty loansOutstanding = new SimpleStringProperty("");
  private final ObservableList<Line> lines = FXCollections.observableArrayList();

  public GrowerStatementViewModel(CaneGateway gateway, UiTaskExecutor executor, Messages messages) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
  }

  public void load() {
    String g = growerNumber.get().trim();
    if (g.isEmpty()) {
      setMessage(messages.get("cane.statement.growerRequired"));
      return;
    }
    setBusy(true);
    String s = season.get();
    executor.submit(
        () -> gateway.statement(g, s),
        st -> {
          setBusy(false);
          setMessage("");
          show(st);
        },
        t -> {
          setBusy(false);
          setMessage(ErrorText.of(t, messages));
        });
  }

  private static LocalDate day(io.millstone.api.common.v1.Date d) {
    LocalDate v = ProtoValues.date(d);
    return v == null ? LocalDate.MIN : v;
  }

  private void show(GrowerStatement st) {
    heading.set(
        messages.get(
            "cane.statement.heading",
            st.getGrower().getGrowerNumber(),
            st.getGrower().getName(),
            st.getGrower().getVillage()));
    List<Line> out = new ArrayList<>();
    for (Permit p : st.getPermitsList()) {
      out.add(
          new Line(
              day(p.getPermitDate()),
              0,
              messages.get("cane.statement.permit"),
              p.getNumber(),
              messages.get(
                  "cane.statement.permitDetail",
                  p.getWarehouseCode(),
                  messages.get("cane.permit.state." + p.getState().name())),
              Amounts.quantityShown(p.getQuotaQuintals().getValue()) + " q",
              ""));
    }
    for (GrowerLoan l : st.getLoansList()) {
      out.add(
          new Line(
              day(l.getLoanDate()),
              1,
              messages.get("cane.statement.loan"),
              l.getNumber(),
              messages.get(
                  "cane.statement.loanDetail",
                  messages.get("cane.loan.kind." + l.getKind().name()),
                  Amounts.money(l.getOutstanding().getAmount())),
              "",
              Amounts.money(l.getAmount().getAmount())));
    }
    for (WeighbridgeTicket t : st.getTicketsList()) {
      BigDecimal net = Weights.kgOf(t.getNet());
      boolean manual =
          t.getGrossSource() == WeightSource.WEIGHT_SOURCE_MANUAL
              || t.getTareSource() == WeightSource.WEIGHT_SOURCE_MANUAL;
      out.add(
          new Line(
              day(t.getTicketDate()),
              2,
              messages.get("cane.statement.ticket"),
              t.getNumber(),
              messages.get(
                      "cane.statement.ticketDetail",
                      t.getVehicleNumber(),
                      t.getPermitNumber(),
                      Amounts.money(t.getPricePerQuintal().getAmount()))
                  + (manual ? " " + messages.get("cane.wb.manualMark") : ""),
              t.getState() == io.millstone.api.cane.v1.TicketState.TICKET_STATE_VOIDED
                  ? messages.get("cane.statement.voided")
                  : net == null
                      ? messages.get("cane.statement.open")
                      : Weights.quintalShown(net) + " q",
              Amounts.money(t.getValue().getAmount())));
    }
    for (CaneBill b : st.getBillsList()) {
      // A reversed bill and its recoveries stay on the statement, said not to count.
      String reversed =
          b.getState() == io.millstone.api.cane.v1.CaneBillState.CANE_BILL_STATE_REVERSED
              ? messages.get("cane.statement.reversed")
              : "";
      out.add(
          new Line(
              day(b.getBillDate()),
              3,
              messages.get("cane.statement.bill"),
              b.getNumber(),
              messages.get(
                      "cane.statement.billDetail",
                      b.getTicketCount(),
                      Dates.date(ProtoValues.date(b.getFromDate())),
                      Dates.date(ProtoValues.date(b.getToDate())),
                      Amounts.money(b.getNetPayable().getAmount()))
                  + reversed,
              Weights.quintalShown(Weights.kgOf(b.getCane())) + " q",
              Amounts.money(b.getCaneValue().getAmount())));
      for (CaneBillDeduction d : b.getDeductionsList()) {
        out.add(
            new Line(
                day(b.getBillDate()),
                4,
                messages.get("cane.statement.deduction"),
                d.getLoanNumber(),
                messages.get(
                        "cane.statement.deductionDetail",
                        messages.get("cane.loan.kind." + d.getKind().name()),
                        b.getNumber())
                    + reversed,
                "",
                "-" + Amounts.money(d.getAmount().getAmount())));
      }
    }
    for (StatementPayment p : st.getPaymentsList()) {
      out.add(
          new Line(
              day(p.getPaymentDate()),
              5,
              messages.get("cane.statement.payment"),
              p.getRunNumber(),
              messages.get(
                      "cane.statement.paymentDetail",
                      p.getBillNumber(),
                      messages.get(
                          "cane.method."
                              + p.getMethod().name().replace("GROWER_PAYMENT_METHOD_", "")),
                      p.getReference())
                  + (p.getReversed() ? messages.get("cane.statement.reversed") : ""),
              "",
              "-" + Amounts.money(p.getAmount().getAmount())));
    }
    out.sort(
        Comparator.comparing(Line::date).thenComparing(Line::order).thenComparing(Line::number));
    lines.setAll(out);
    caneValue.set(Amounts.money(st.getCaneValue().getAmount()));
    deducted.set(Amounts.money(st.getDeducted().getAmount()));
    paid.set(Amounts.money(st.getPaid().getAmount()));
    balance.set(Amounts.money(st.getBalanceOwed().getAmount()));
    loansOutstanding.set(Amounts.money(st.getLoansOutstanding().getAmount()));
  }

  public StringProperty growerNumberProperty() {
    return growerNumber;
  }

  public StringProperty seasonProperty() {
    return season;
  }

  public StringProperty headingProperty() {
    return heading;
  }

  public StringProperty caneValueProperty() {
    return caneValue;
  }

  public StringProperty deductedProperty() {
    return deducted;
  }

  public StringProperty paidProperty() {
    return paid;
  }

  public StringProperty balanceProperty() {
    return balance;
  }

  public StringProperty loansOutstandingProperty() {
    return loansOutstanding;
  }

  public ObservableList<Line> lines() {
    return lines;
  }
}
