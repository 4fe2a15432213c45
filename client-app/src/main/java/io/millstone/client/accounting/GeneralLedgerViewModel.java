package io.millstone.client.accounting;

import io.millstone.api.accounting.v1.Account;
import io.millstone.api.accounting.v1.GeneralLedger;
import io.millstone.api.accounting.v1.LedgerLine;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import io.millstone.client.remote.RemoteException;
import java.time.LocalDate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One account's postings over a date range: the opening balance, each line with the running balance
 * after it, and the closing balance. A line opens the voucher it belongs to.
 */
public final class GeneralLedgerViewModel extends AbstractViewModel {
  private final LedgerGateway gateway;
  private final Messages messages;
  private final ObservableList<Account> accounts = FXCollections.observableArrayList();
  private final StringProperty account = new SimpleStringProperty("");
  private final ObjectProperty<LocalDate> from =
      new SimpleObjectProperty<>(Dates.today().withDayOfMonth(1));
  private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(Dates.today());
  private final ObservableList<LedgerLine> lines = FXCollections.observableArrayList();
  private final StringProperty title = new SimpleStringProperty("");
  private final StringProperty opening = new SimpleStringProperty("");
  private final StringProperty closing = new SimpleStringProperty("");
  private final StringProperty accountError = new SimpleStringProperty("");

  public GeneralLedgerViewModel(LedgerGateway gateway, UiTaskExecutor executor, Messages messages) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
    account.addListener((o, a, b) -> accountError.set(""));
  }

  /** Fetches the chart for the picker. */
  public void loadAccounts() {
    executor.submit(
        gateway::accounts, accounts::setAll, t -> setMessage(ErrorText.of(t, messages)));
  }

  /** The account's code as picked: "1010 Bank" is 1010. */
  String code() {
    String a = account.get() == null ? "" : account.get().trim();
    int space = a.indexOf(' ');
    return space < 0 ? a : a.substring(0, space);
  }

  /** Opens an account over a range at once (the trial balance's drill-down). */
  public void show(String accountCode, LocalDate from, LocalDate to) {
    account.set(accountCode);
    this.from.set(from);
    this.to.set(to);
    load();
  }

  public void load() {
    if (code().isEmpty()) {
      accountError.set(messages.get("accounting.gl.accountRequired"));
      return;
    }
    String c = code();
    LocalDate f = from.get();
    LocalDate t = to.get();
    setBusy(true);
    setMessage("");
    executor.submit(
        () -> gateway.generalLedger(c, f, t),
        gl -> {
          setBusy(false);
          show(gl);
        },
        e -> {
          setBusy(false);
          lines.clear();
          if (e instanceof RemoteException r && r.fieldViolations().containsKey("account_code")) {
            accountError.set(r.fieldViolations().get("account_code"));
          } else {
            setMessage(ErrorText.of(e, messages));
          }
        });
  }

  private void show(GeneralLedger gl) {
    lines.setAll(gl.getLinesList());
    title.set(gl.getAccountCode() + " " + gl.getAccountName());
    opening.set(
        messages.get(
            "accounting.gl.opening",
            Dates.date(from.get()),
            balance(gl.getOpeningBalance().getValue()),
            gl.getCurrencyCode()));
    closing.set(
        messages.get(
            "accounting.gl.closing",
            Dates.date(to.get()),
            balance(gl.getClosingBalance().getValue()),
            gl.getCurrencyCode()));
    if (gl.getTruncated()) {
      setMessage(messages.get("accounting.gl.truncated"));
    }
  }

  /** A balance as debit or credit: "1,200.00 Dr", "300.00 Cr", "0.00". */
  public String balance(String value) {
    var v = Amounts.of(value);
    if (v.signum() == 0) {
      return Amounts.money(v);
    }
    return Amounts.money(v.abs())
        + " "
        + messages.get(v.signum() > 0 ? "accounting.gl.dr" : "accounting.gl.cr");
  }

  public ObservableList<Account> accounts() {
    return accounts;
  }

  public StringProperty accountProperty() {
    return account;
  }

  public StringProperty accountErrorProperty() {
    return accountError;
  }

  public ObjectProperty<LocalDate> fromProperty() {
    return from;
  }

  public ObjectProperty<LocalDate> toProperty() {
    return to;
  }

  public ObservableList<LedgerLine> lines() {
    return lines;
  }

  public StringProperty titleProperty() {
    return title;
  }

  public StringProperty openingProperty() {
    return opening;
  }

  public StringProperty closingProperty() {
    return closing;
  }
}
