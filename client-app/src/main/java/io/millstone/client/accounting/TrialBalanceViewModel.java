package io.millstone.client.accounting;

import io.millstone.api.accounting.v1.TrialBalance;
import io.millstone.api.accounting.v1.TrialBalanceLine;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import java.math.BigDecimal;
import java.time.LocalDate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The trial balance as of a date: every account's debit or credit balance and the two totals. */
public final class TrialBalanceViewModel extends AbstractViewModel {
  private final LedgerGateway gateway;
  private final Messages messages;
  private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>(Dates.today());
  private final ObservableList<TrialBalanceLine> lines = FXCollections.observableArrayList();
  private final StringProperty totalDebit = new SimpleStringProperty("");
  private final StringProperty totalCredit = new SimpleStringProperty("");
  private final StringProperty verdict = new SimpleStringProperty("");
  private final BooleanProperty balanced = new SimpleBooleanProperty(false);

  public TrialBalanceViewModel(LedgerGateway gateway, UiTaskExecutor executor, Messages messages) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
  }

  /** Fetches the balances as of the chosen date. */
  public void load() {
    LocalDate d = asOf.get() == null ? Dates.today() : asOf.get();
    setBusy(true);
    setMessage("");
    executor.submit(
        () -> gateway.trialBalance(d),
        tb -> {
          setBusy(false);
          show(tb);
        },
        t -> {
          setBusy(false);
          setMessage(ErrorText.of(t, messages));
        });
  }

  private void show(TrialBalance tb) {
    lines.setAll(tb.getLinesList());
    BigDecimal dr = Amounts.of(tb.getTotalDebit().getValue());
    BigDecimal cr = Amounts.of(tb.getTotalCredit().getValue());
    totalDebit.set(Amounts.money(dr));
    totalCredit.set(Amounts.money(cr));
    boolean ok = dr.compareTo(cr) == 0;
    balanced.set(ok);
    verdict.set(
        ok
            ? messages.get("accounting.tb.balanced", tb.getCurrencyCode())
            : messages.get(
                "accounting.tb.outOfBalance",
                Amounts.money(dr.subtract(cr).abs()),
                tb.getCurrencyCode()));
  }

  public ObjectProperty<LocalDate> asOfProperty() {
    return asOf;
  }

  public ObservableList<TrialBalanceLine> lines() {
    return lines;
  }

  public StringProperty totalDebitProperty() {
    return totalDebit;
  }

  public StringProperty totalCreditProperty() {
    return totalCredit;
  }

  /** "Debits equal credits (BDT)" or how far apart they are. */
  public StringProperty verdictProperty() {
    return verdict;
  }

  public BooleanProperty balancedProperty() {
    return balanced;
  }
}
