package io.millstone.client.accounting;

import io.millstone.api.accounting.v1.Account;
import io.millstone.api.accounting.v1.BookLine;
import io.millstone.api.accounting.v1.Reconciliation;
import io.millstone.api.accounting.v1.StatementLine;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import io.millstone.client.remote.RemoteException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A bank or cash account reconciled against its statement: statement lines typed or pasted one a
 * line (date; reference; amount, money out negative), each matched to a posted line of the same
 * amount (the server suggests the nearest in date), and what is left unreconciled on each side.
 */
public final class BankReconciliationViewModel extends AbstractViewModel {
  private static final Pattern ROW = Pattern.compile("lines\\[(\\d+)]\\.?(.*)");

  private final LedgerGateway gateway;
  private final Messages messages;
  private final ObservableList<Account> accounts = FXCollections.observableArrayList();
  private final ObjectProperty<Account> account = new SimpleObjectProperty<>();
  private final ObjectProperty<LocalDate> from =
      new SimpleObjectProperty<>(Dates.today().withDayOfMonth(1));
  private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(Dates.today());
  private final StringProperty statementText = new SimpleStringProperty("");
  private final StringProperty statementError = new SimpleStringProperty("");
  private final ObservableList<StatementLine> statement = FXCollections.observableArrayList();
  private final ObservableList<BookLine> books = FXCollections.observableArrayList();
  private final StringProperty unreconciled = new SimpleStringProperty("");
  private Reconciliation shown = Reconciliation.getDefaultInstance();
  private String key = UUID.randomUUID().toString();

  public BankReconciliationViewModel(
      LedgerGateway gateway, UiTaskExecutor executor, Messages messages) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
    statementText.addListener((o, a, b) -> statementError.set(""));
  }

  /** Fetches the bank and cash accounts and shows the first. */
  public void loadAccounts() {
    executor.submit(
        gateway::bankAccounts,
        list -> {
          accounts.setAll(list);
          if (account.get() == null && !list.isEmpty()) {
            account.set(
                list.stream()
                    .filter(a -> a.getCode().equals("1010"))
                    .findFirst()
                    .orElse(list.get(0)));
          }
          load();
        },
        t -> setMessage(ErrorText.of(t, messages)));
  }

  public void load() {
    Account a = account.get();
    if (a == null) {
      return;
    }
    LocalDate f = from.get();
    LocalDate t = to.get();
    call(() -> gateway.reconciliation(a.getCode(), f, t));
  }

  /**
   * Reads the statement lines typed or pasted: "date; reference; amount" (a tab does for the
   * semicolon, so lines copied from a spreadsheet paste as they are). Null when one is not
   * understood; the reason stands beside the box.
   */
  List<LedgerGateway.StatementInput> parse() {
    List<LedgerGateway.StatementInput> out = new ArrayList<>();
    String[] rows = statementText.get() == null ? new String[0] : statementText.get().split("\\R");
    int n = 0;
    for (String row : rows) {
      n++;
      if (row.isBlank()) {
        continue;
      }
      String[] f = row.split("[;\\t]");
      LocalDate d = f.length > 0 ? Dates.parse(f[0].trim()) : null;
      BigDecimal amount = f.length >= 3 ? Amounts.parse(f[f.length - 1].trim()) : null;
      if (f.length < 3 || d == null || amount == null) {
        statementError.set(messages.get("accounting.bank.badRow", n, Dates.prompt()));
        return null;
      }
      String ref = String.join(" ", java.util.Arrays.copyOfRange(f, 1, f.length - 1)).trim();
      out.add(new LedgerGateway.StatementInput(d, ref, amount));
    }
    if (out.isEmpty()) {
      statementError.set(messages.get("accounting.bank.noRows"));
      return null;
    }
    return out;
  }

  /** Adds the typed statement lines to the account. */
  public void addStatement() {
    Account a = account.get();
    List<LedgerGateway.StatementInput> in = parse();
    if (a == null || in == null || isBusy()) {
      return;
    }
    String k = key;
    LocalDate f = from.get();
    LocalDate t = to.get();
    setBusy(true);
    setMessage("");
    executor.submit(
        () -> gateway.addStatementLines(k, a.getCode(), in, f, t),
        r -> {
          setBusy(false);
          key = UUID.randomUUID().toString();
          statementText.set("");
          show(r);
        },
        e -> {
          setBusy(false);
          if (e instanceof RemoteException r && !r.fieldViolations().isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, String> v : r.fieldViolations().entrySet()) {
              Matcher m = ROW.matcher(v.getKey());
              parts.add(
                  m.matches()
                      ? messages.get(
                          "accounting.bank.rowError",
                          Integer.parseInt(m.group(1)) + 1,
                          v.getValue())
                      : v.getValue());
            }
            statementError.set(String.join(" ", parts));
          } else {
            setMessage(ErrorText.of(e, messages));
          }
        });
  }

  /**
   * Reconciles a statement line with a posted line: the one chosen, or else the server's
   * suggestion.
   */
  public void match(StatementLine s, BookLine chosen) {
    if (s == null || !s.getMatchedJournalLineId().isEmpty()) {
      return;
    }
    String journalLine = chosen != null ? chosen.getJournalLineId() : s.getSuggestedJournalLineId();
    if (journalLine.isEmpty()) {
      setMessage(messages.get("accounting.bank.chooseBookLine"));
      return;
    }
    LocalDate f = from.get();
    LocalDate t = to.get();
    call(() -> gateway.match(s.getId(), journalLine, f, t));
  }

  private void call(java.util.concurrent.Callable<Reconciliation> work) {
    setBusy(true);
    setMessage("");
    executor.submit(
        work,
        r -> {
          setBusy(false);
          show(r);
        },
        e -> {
          setBusy(false);
          setMessage(ErrorText.of(e, messages));
        });
  }

  private void show(Reconciliation r) {
    shown = r;
    statement.setAll(r.getStatementLinesList());
    books.setAll(r.getBookLinesList());
    unreconciled.set(
        messages.get(
            "accounting.bank.unreconciled",
            Amounts.money(r.getUnreconciledStatement().getValue()),
            r.getStatementLinesList().stream()
                .filter(s -> s.getMatchedJournalLineId().isEmpty())
                .count(),
            Amounts.money(r.getUnreconciledBooks().getValue()),
            r.getBookLinesList().stream().filter(b -> !b.getReconciled()).count(),
            r.getCurrencyCode()));
  }

  /** What a statement line's state column says. */
  public String state(StatementLine s) {
    if (!s.getMatchedJournalLineId().isEmpty()) {
      return messages.get("accounting.bank.matched", s.getMatchedEntryNumber());
    }
    if (!s.getSuggestedJournalLineId().isEmpty()) {
      String entry =
          shown.getBookLinesList().stream()
              .filter(b -> b.getJournalLineId().equals(s.getSuggestedJournalLineId()))
              .map(BookLine::getEntryNumber)
              .findFirst()
              .orElse("");
      return messages.get("accounting.bank.suggested", entry);
    }
    return messages.get("accounting.bank.open");
  }

  public ObservableList<Account> accounts() {
    return accounts;
  }

  public ObjectProperty<Account> accountProperty() {
    return account;
  }

  public ObjectProperty<LocalDate> fromProperty() {
    return from;
  }

  public ObjectProperty<LocalDate> toProperty() {
    return to;
  }

  public StringProperty statementTextProperty() {
    return statementText;
  }

  public StringProperty statementErrorProperty() {
    return statementError;
  }

  public ObservableList<StatementLine> statement() {
    return statement;
  }

  public ObservableList<BookLine> books() {
    return books;
  }

  public StringProperty unreconciledProperty() {
    return unreconciled;
  }
}
