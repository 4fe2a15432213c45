package io.millstone.client.cane;

import io.millstone.api.cane.v1.CaneBill;
import io.millstone.api.cane.v1.CanePaymentRun;
import io.millstone.api.cane.v1.Season;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Notifier;
import io.millstone.client.core.PostingSummary;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import io.millstone.client.remote.FieldErrors;
import io.millstone.client.remote.RemoteException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Cane bills for a period and the payment run: bills are made for the completed tickets of the
 * period (less loans recovered); the unpaid ones are listed, many are picked, each with bank or
 * mobile money and its reference; the posting is shown before it is posted.
 */
public final class CanePaymentRunViewModel extends AbstractViewModel {
  public static final List<String> METHODS = List.of("BANK", "MOBILE_MONEY");

  /** One unpaid bill and how it is to be paid. */
  public static final class Row {
    private final CaneBill bill;
    private final BooleanProperty selected = new SimpleBooleanProperty(false);
    private final StringProperty method = new SimpleStringProperty("BANK");
    private final StringProperty reference = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    Row(CaneBill bill) {
      this.bill = bill;
    }

    public CaneBill bill() {
      return bill;
    }

    public BigDecimal amount() {
      return Amounts.of(bill.getNetPayable().getAmount());
    }

    public BooleanProperty selectedProperty() {
      return selected;
    }

    public StringProperty methodProperty() {
      return method;
    }

    public StringProperty referenceProperty() {
      return reference;
    }

    public StringProperty errorProperty() {
      return error;
    }
  }

  /** A payment run posted before, POSTED or REVERSED, in the past runs table. */
  public static final class PastRun {
    private final ObjectProperty<CanePaymentRun> run;
    private final StringProperty error = new SimpleStringProperty("");

    PastRun(CanePaymentRun run) {
      this.run = new SimpleObjectProperty<>(run);
    }

    public CanePaymentRun run() {
      return run.get();
    }

    public ObjectProperty<CanePaymentRun> runProperty() {
      return run;
    }

    public boolean posted() {
      return run.get().getState()
          == io.millstone.api.cane.v1.CanePaymentRunState.CANE_PAYMENT_RUN_STATE_POSTED;
    }

    public StringProperty errorProperty() {
      return error;
    }
  }

  private final CaneGateway gateway;
  private final Messages messages;
  private final Notifier notifier;
  private final ObservableList<Season> seasons = FXCollections.observableArrayList();
  private final StringProperty season = new SimpleStringProperty("");
  private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
  private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(Dates.today());
  private final ObjectProperty<LocalDate> paymentDate = new SimpleObjectProperty<>(Dates.today());
  private final ObservableList<Row> rows =
      FXCollections.observableArrayList(r -> new Observable[] {r.selected, r.method});
  private final ObservableList<PastRun> pastRuns = FXCollections.observableArrayList();
  private final StringProperty totalText = new SimpleStringProperty("");
  private final StringProperty billed = new SimpleStringProperty("");
  private final StringProperty posted = new SimpleStringProperty("");
  private final ObjectProperty<CanePaymentRun> lastRun = new SimpleObjectProperty<>();
  private final StringProperty reversed = new SimpleStringProperty("");
  private String reverseKey = UUID.randomUUID().toString();
  private String billKey = UUID.randomUUID().toString();
  private String runKey = UUID.randomUUID().toString();

  public CanePaymentRunViewModel(
      CaneGateway gateway, UiTaskExecutor executor, Messages messages, Notifier notifier) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
    this.notifier = notifier;
    rows.addListener((javafx.collections.ListChangeListener<Row>) c -> summarise());
  }

  public void start() {
    executor.submit(
        gateway::seasons,
        list -> {
          seasons.setAll(list);
          if (!list.isEmpty() && season.get().isBlank()) {
            season.set(list.get(0).getCode());
            if (from.get() == null && list.get(0).hasStartDate()) {
              var d = list.get(0).getStartDate();
              from.set(LocalDate.of(d.getYear(), d.getMonth(), d.getDay()));
            }
          }
          loadUnpaid();
          loadRuns();
        },
        this::failed);
  }

  /** The payment runs posted before, newest first. */
  public void loadRuns() {
    executor.submit(
        () -> gateway.paymentRuns(""),
        runs -> pastRuns.setAll(runs.stream().map(PastRun::new).toList()),
        this::failed);
  }

  /** Makes the bills of the period, then lists every unpaid bill. */
  public void createBills() {
    if (isBusy()) {
      return;
    }
    if (season.get().isBlank() || from.get() == null || to.get() == null) {
      setMessage(messages.get("cane.bill.periodRequired"));
      return;
    }
    setBusy(true);
    String s = season.get();
    LocalDate f = from.get();
    LocalDate t = to.get();
    String k = billKey;
    executor.submit(
        () -> gateway.createBills(s, f, t, "", k),
        bills -> {
          setBusy(false);
          billKey = UUID.randomUUID().toString();
          BigDecimal total = BigDecimal.ZERO;
          for (CaneBill b : bills) {
            total = total.add(Amounts.of(b.getNetPayable().getAmount()));
          }
          billed.set(
              messages.get(
                  "cane.bill.created",
                  bills.size(),
                  Dates.date(f),
                  Dates.date(t),
                  Amounts.money(total)));
          setMessage("");
          loadUnpaid();
        },
        this::failed);
  }

  public void loadUnpaid() {
    String s = season.get();
    executor.submit(
        () -> gateway.unpaidBills(s),
        bills ->
            rows.setAll(
                bills.stream()
                    .sorted(java.util.Comparator.comparing(CaneBill::getNumber))
                    .map(Row::new)
                    .toList()),
        this::failed);
  }

  public void selectAll(boolean on) {
    rows.forEach(r -> r.selected.set(on));
  }

  private List<Row> chosen() {
    return rows.stream().filter(r -> r.selected.get()).toList();
  }

  private BigDecimal total(String method) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Row r : chosen()) {
      if (method == null || method.equals(r.method.get())) {
        sum = sum.add(r.amount());
      }
    }
    return sum;
  }

  private void summarise() {
    totalText.set(messages.get("cane.run.selected", chosen().size(), Amounts.money(total(null))));
  }

  public boolean validate() {
    rows.forEach(r -> r.error.set(""));
    List<Row> chosen = chosen();
    if (chosen.isEmpty()) {
      setMessage(messages.get("cane.run.nothing"));
      return false;
    }
    if (paymentDate.get() == null) {
      setMessage(messages.get("cane.run.dateRequired"));
      return false;
    }
    boolean ok = true;
    for (Row r : chosen) {
      if (r.reference.get().isBlank()) {
        r.error.set(messages.get("cane.run.referenceRequired"));
        ok = false;
      }
    }
    setMessage(ok ? "" : messages.get("form.fixFields"));
    return ok;
  }

  private String methodName(String m) {
    return messages.get("cane.method." + m);
  }

  /** What the run will post, for the person to confirm; null when the input is not valid. */
  public PostingSummary summary() {
    if (!validate()) {
      return null;
    }
    List<String> details = new ArrayList<>();
    for (Row r : chosen()) {
      details.add(
          messages.get(
              "cane.run.line",
              r.bill.getNumber(),
              r.bill.getGrowerNumber(),
              r.bill.getGrowerName(),
              Amounts.money(r.amount()),
              methodName(r.method.get()),
              r.reference.get().trim()));
    }
    details.add(messages.get("cane.run.debit", Amounts.money(total(null))));
    if (total("BANK").signum() > 0) {
      details.add(messages.get("cane.run.creditBank", Amounts.money(total("BANK"))));
    }
    if (total("MOBILE_MONEY").signum() > 0) {
      details.add(messages.get("cane.run.creditMobile", Amounts.money(total("MOBILE_MONEY"))));
    }
    return new PostingSummary(
        messages.get("cane.run.confirmTitle"),
        messages.get(
            "cane.run.confirm",
            chosen().size(),
            Amounts.money(total(null)),
            Dates.date(paymentDate.get())),
        details);
  }

  public void post() {
    if (isBusy() || !validate()) {
      return;
    }
    List<Row> chosen = chosen();
    List<CaneGateway.PaymentInput> in = new ArrayList<>();
    for (Row r : chosen) {
      in.add(
          new CaneGateway.PaymentInput(
              r.bill.getNumber(), r.method.get(), r.reference.get().trim()));
    }
    setBusy(true);
    LocalDate d = paymentDate.get();
    String k = runKey;
    executor.submit(
        () -> gateway.payRun(d, in, k),
        (CanePaymentRun run) -> {
          setBusy(false);
          runKey = UUID.randomUUID().toString();
          String text =
              messages.get(
                  "cane.run.done",
                  run.getNumber(),
                  run.getPaymentsCount(),
                  Amounts.money(run.getTotal().getAmount()),
                  run.getJournalEntryNumber());
          posted.set(text);
          reversed.set("");
          lastRun.set(run);
          notifier.notify(messages.get("cane.run.posted"), text);
          loadUnpaid();
          loadRuns();
        },
        t -> refused(t, chosen));
  }

  // ---- reversals ----

  /** What reversing an unpaid bill posts, for the person to confirm before the reason. */
  public PostingSummary billReversal(Row r) {
    CaneBill b = r.bill;
    BigDecimal deducted =
        b.getDeducted().getAmount().isBlank()
            ? BigDecimal.ZERO
            : Amounts.of(b.getDeducted().getAmount());
    List<String> details = new ArrayList<>();
    if (deducted != null && deducted.signum() > 0) {
      details.add(
          messages.get(
              "cane.bill.reverseEntry", b.getJournalEntryNumber(), Amounts.money(deducted)));
      details.add(messages.get("cane.bill.reverseDebit", Amounts.money(deducted)));
      details.add(messages.get("cane.bill.reverseCredit", Amounts.money(deducted)));
      b.getDeductionsList()
          .forEach(
              d ->
                  details.add(
                      messages.get(
                          "cane.bill.reverseLoan",
                          d.getLoanNumber(),
                          messages.get("cane.loan.kind." + d.getKind().name()),
                          Amounts.money(d.getAmount().getAmount()))));
    } else {
      details.add(messages.get("cane.bill.reverseNothingPosted"));
    }
    details.add(messages.get("cane.bill.reverseTickets", b.getTicketCount()));
    return new PostingSummary(
        messages.get("cane.bill.reverseTitle"),
        messages.get(
            "cane.bill.reverseAsk",
            b.getNumber(),
            b.getGrowerNumber(),
            b.getGrowerName(),
            Amounts.money(r.amount())),
        details);
  }

  /** Reverses an unpaid bill for the reason given; a refusal is shown on its row. */
  public void reverseBill(Row r, String reason) {
    r.error.set("");
    if (reason == null || reason.isBlank()) {
      r.error.set(messages.get("cane.reverse.reasonRequired"));
      return;
    }
    if (isBusy()) {
      return;
    }
    setBusy(true);
    String number = r.bill.getNumber();
    String k = reverseKey;
    executor.submit(
        () -> gateway.reverseBill(number, reason.trim(), k),
        b -> {
          setBusy(false);
          reverseKey = UUID.randomUUID().toString();
          reversed.set(
              b.getReversalEntryNumber().isBlank()
                  ? messages.get("cane.bill.reversedPlain", b.getNumber(), b.getReverseReason())
                  : messages.get(
                      "cane.bill.reversed",
                      b.getNumber(),
                      b.getReverseReason(),
                      b.getReversalEntryNumber()));
          setMessage("");
          loadUnpaid();
        },
        t -> {
          setBusy(false);
          r.error.set(ErrorText.of(t, messages));
        });
  }

  /** True when the run just posted can still be reversed. */
  public boolean canReverseRun() {
    CanePaymentRun run = lastRun.get();
    return run != null
        && run.getState()
            != io.millstone.api.cane.v1.CanePaymentRunState.CANE_PAYMENT_RUN_STATE_REVERSED;
  }

  /** What reversing the run just posted posts; null when there is none to reverse. */
  public PostingSummary runReversal() {
    if (!canReverseRun()) {
      return null;
    }
    return runReversal(lastRun.get());
  }

  /** What reversing a posted run of the past runs table posts, for the person to confirm. */
  public PostingSummary runReversal(PastRun row) {
    row.error.set("");
    return row.posted() ? runReversal(row.run()) : null;
  }

  private PostingSummary runReversal(CanePaymentRun run) {
    List<String> details = new ArrayList<>();
    BigDecimal bank = BigDecimal.ZERO;
    BigDecimal mobile = BigDecimal.ZERO;
    for (io.millstone.api.cane.v1.CanePayment p : run.getPaymentsList()) {
      String method = p.getMethod().name().replace("GROWER_PAYMENT_METHOD_", "");
      BigDecimal amount = Amounts.of(p.getAmount().getAmount());
      if (method.equals("BANK")) {
        bank = bank.add(amount);
      } else {
        mobile = mobile.add(amount);
      }
      details.add(
          messages.get(
              "cane.run.line",
              p.getBillNumber(),
              p.getGrowerNumber(),
              p.getGrowerName(),
              Amounts.money(amount),
              methodName(method),
              p.getReference()));
    }
    if (bank.signum() > 0) {
      details.add(messages.get("cane.run.reverseBank", Amounts.money(bank)));
    }
    if (mobile.signum() > 0) {
      details.add(messages.get("cane.run.reverseMobile", Amounts.money(mobile)));
    }
    details.add(messages.get("cane.run.reverseCredit", Amounts.money(run.getTotal().getAmount())));
    return new PostingSummary(
        messages.get("cane.run.reverseTitle"),
        messages.get(
            "cane.run.reverseAsk",
            run.getNumber(),
            run.getPaymentsCount(),
            Amounts.money(run.getTotal().getAmount()),
            run.getJournalEntryNumber()),
        details);
  }

  /** Reverses the run just posted for the reason given: its bills are unpaid again. */
  public void reverseRun(String reason) {
    if (!canReverseRun() || isBusy()) {
      return;
    }
    reverseRun(lastRun.get().getNumber(), reason, this::setMessage);
  }

  /** Reverses a posted run of the past runs table; a refusal is shown on its row. */
  public void reverseRun(PastRun row, String reason) {
    row.error.set("");
    if (!row.posted() || isBusy()) {
      return;
    }
    reverseRun(row.run().getNumber(), reason, row.error::set);
  }

  private void reverseRun(String number, String reason, java.util.function.Consumer<String> error) {
    if (reason == null || reason.isBlank()) {
      error.accept(messages.get("cane.reverse.reasonRequired"));
      return;
    }
    setBusy(true);
    String k = reverseKey;
    executor.submit(
        () -> gateway.reverseRun(number, reason.trim(), k),
        run -> {
          setBusy(false);
          reverseKey = UUID.randomUUID().toString();
          if (lastRun.get() != null && lastRun.get().getNumber().equals(run.getNumber())) {
            lastRun.set(run);
            posted.set("");
          }
          pastRuns.stream()
              .filter(p -> p.run().getNumber().equals(run.getNumber()))
              .forEach(p -> p.run.set(run));
          reversed.set(
              messages.get(
                  "cane.run.reversed",
                  run.getNumber(),
                  run.getReverseReason(),
                  run.getReversalEntryNumber()));
          setMessage("");
          loadUnpaid();
        },
        t -> {
          setBusy(false);
          error.accept(ErrorText.of(t, messages));
        });
  }

  private void refused(Throwable t, List<Row> sent) {
    setBusy(false);
    Throwable e = t;
    while (!(e instanceof RemoteException) && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof RemoteException r && !r.fieldViolations().isEmpty()) {
      List<String> elsewhere =
          FieldErrors.route(r, "payments", sent.size(), i -> sent.get(i).error::set, Map.of());
      setMessage(FieldErrors.message(r, elsewhere, messages.get("form.fixFields")));
      return;
    }
    setMessage(ErrorText.of(t, messages));
  }

  private void failed(Throwable t) {
    setBusy(false);
    setMessage(ErrorText.of(t, messages));
  }

  public ObservableList<Season> seasons() {
    return seasons;
  }

  public StringProperty seasonProperty() {
    return season;
  }

  public ObjectProperty<LocalDate> fromProperty() {
    return from;
  }

  public ObjectProperty<LocalDate> toProperty() {
    return to;
  }

  public ObjectProperty<LocalDate> paymentDateProperty() {
    return paymentDate;
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  /** The payment runs posted before, newest first. */
  public ObservableList<PastRun> pastRuns() {
    return pastRuns;
  }

  public StringProperty totalTextProperty() {
    return totalText;
  }

  public StringProperty billedProperty() {
    return billed;
  }

  public StringProperty postedProperty() {
    return posted;
  }

  /** The run posted last from this screen, until another is posted. */
  public ObjectProperty<CanePaymentRun> lastRunProperty() {
    return lastRun;
  }

  /** What was reversed last ("Bill … reversed: …"), empty otherwise. */
  public StringProperty reversedProperty() {
    return reversed;
  }
}
