package io.millstone.client.accounting;

import io.millstone.api.accounting.v1.Account;
import io.millstone.api.accounting.v1.JournalEntry;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * A journal voucher typed by hand: lines of account, debit or credit and narration, whose totals
 * and difference are worked out as they are typed. The server decides what it accepts (balance,
 * open period, active accounts); its field violations go beside the lines, its refusal beside the
 * Post button. A posted voucher can be reversed, once, after a confirmation.
 */
public final class JournalViewModel extends AbstractViewModel {

  /** One line of the voucher as typed. */
  public static final class Line {
    private final StringProperty account = new SimpleStringProperty("");
    private final StringProperty accountName = new SimpleStringProperty("");
    private final StringProperty debit = new SimpleStringProperty("");
    private final StringProperty credit = new SimpleStringProperty("");
    private final StringProperty memo = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    Line() {
      account.addListener((o, a, b) -> error.set(""));
      debit.addListener((o, a, b) -> error.set(""));
      credit.addListener((o, a, b) -> error.set(""));
    }

    /** The account's code: what was typed up to the first space ("1010 Bank" is 1010). */
    public String code() {
      String a = account.get() == null ? "" : account.get().trim();
      int space = a.indexOf(' ');
      return (space < 0 ? a : a.substring(0, space)).toUpperCase(Locale.ROOT);
    }

    boolean blank() {
      return code().isEmpty() && debit.get().isBlank() && credit.get().isBlank();
    }

    public StringProperty accountProperty() {
      return account;
    }

    public StringProperty accountNameProperty() {
      return accountName;
    }

    public StringProperty debitProperty() {
      return debit;
    }

    public StringProperty creditProperty() {
      return credit;
    }

    public StringProperty memoProperty() {
      return memo;
    }

    public StringProperty errorProperty() {
      return error;
    }
  }

  private final LedgerGateway gateway;
  private final Messages messages;
  private final Notifier notifier;
  private final ObservableList<Account> accounts = FXCollections.observableArrayList();
  private final Map<String, Account> byCode = new HashMap<>();
  private final ObservableList<Line> lines =
      FXCollections.observableArrayList(
          l -> new Observable[] {l.account, l.debit, l.credit, l.memo});
  private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(Dates.today());
  private final StringProperty memo = new SimpleStringProperty("");
  private final StringProperty totalDebit = new SimpleStringProperty("0.00");
  private final StringProperty totalCredit = new SimpleStringProperty("0.00");
  private final StringProperty balance = new SimpleStringProperty("");
  private final BooleanProperty balanced = new SimpleBooleanProperty(false);
  private final StringProperty balanceError = new SimpleStringProperty("");
  private final StringProperty dateError = new SimpleStringProperty("");
  private final ObjectProperty<JournalEntry> posted = new SimpleObjectProperty<>();
  private final BooleanProperty reversible = new SimpleBooleanProperty(false);
  private String key = UUID.randomUUID().toString();

  public JournalViewModel(
      LedgerGateway gateway, UiTaskExecutor executor, Messages messages, Notifier notifier) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
    this.notifier = notifier;
    lines.addListener(
        (ListChangeListener<Line>)
            c -> {
              totals();
              // What the last refusal said no longer holds once the lines change.
              setMessage("");
            });
    date.addListener((o, a, b) -> dateError.set(""));
    lines.add(new Line());
    lines.add(new Line());
    totals();
  }

  /** Fetches the chart of accounts for the pickers. */
  public void load() {
    executor.submit(
        gateway::accounts,
        list -> {
          accounts.setAll(list.stream().filter(Account::getActive).toList());
          byCode.clear();
          list.forEach(a -> byCode.put(a.getCode(), a));
          totals();
        },
        t -> setMessage(ErrorText.of(t, messages)));
  }

  public Line addLine() {
    Line l = new Line();
    lines.add(l);
    return l;
  }

  public void removeLine(Line l) {
    if (lines.size() > 2) {
      lines.remove(l);
    }
  }

  private void totals() {
    BigDecimal d = BigDecimal.ZERO;
    BigDecimal c = BigDecimal.ZERO;
    for (Line l : lines) {
      BigDecimal ld = Amounts.parse(l.debit.get());
      BigDecimal lc = Amounts.parse(l.credit.get());
      d = ld == null ? d : d.add(ld);
      c = lc == null ? c : c.add(lc);
      Account a = byCode.get(l.code());
      l.accountName.set(
          l.code().isEmpty()
              ? ""
              : a == null
                  ? messages.get("accounting.jv.unknownAccount")
                  : a.getName()
                      + (a.getActive() ? "" : " " + messages.get("accounting.jv.inactive")));
    }
    totalDebit.set(Amounts.money(d));
    totalCredit.set(Amounts.money(c));
    boolean ok = d.compareTo(c) == 0 && d.signum() > 0;
    balanced.set(ok);
    balanceError.set("");
    balance.set(
        d.compareTo(c) == 0
            ? (d.signum() > 0 ? messages.get("accounting.jv.balanced") : "")
            : messages.get("accounting.jv.difference", Amounts.money(d.subtract(c).abs())));
  }

  /** Checks what the client can tell without the server: numbers are numbers, a line has one. */
  public boolean validate() {
    boolean ok = true;
    if (date.get() == null) {
      dateError.set(messages.get("accounting.jv.dateRequired"));
      ok = false;
    }
    int filled = 0;
    for (Line l : lines) {
      if (l.blank()) {
        continue;
      }
      filled++;
      BigDecimal d = Amounts.parse(l.debit.get().isBlank() ? "0" : l.debit.get());
      BigDecimal c = Amounts.parse(l.credit.get().isBlank() ? "0" : l.credit.get());
      if (l.code().isEmpty()) {
        l.error.set(messages.get("accounting.jv.accountRequired"));
        ok = false;
      } else if (d == null || c == null || d.signum() < 0 || c.signum() < 0) {
        l.error.set(messages.get("accounting.jv.amountNumber"));
        ok = false;
      } else if ((d.signum() == 0) == (c.signum() == 0)) {
        l.error.set(messages.get("accounting.jv.debitOrCredit"));
        ok = false;
      }
    }
    if (ok && filled < 2) {
      setMessage(messages.get("accounting.jv.twoLines"));
      return false;
    }
    setMessage(ok ? "" : messages.get("form.fixFields"));
    return ok;
  }

  private List<Line> filled() {
    return lines.stream().filter(l -> !l.blank()).toList();
  }

  /** What will be posted, for the person to confirm; null when the input is not valid. */
  public PostingSummary summary() {
    if (!validate()) {
      return null;
    }
    List<String> details = new ArrayList<>();
    for (Line l : filled()) {
      String d = l.debit.get().isBlank() ? "" : Amounts.money(Amounts.parse(l.debit.get()));
      String c = l.credit.get().isBlank() ? "" : Amounts.money(Amounts.parse(l.credit.get()));
      details.add(
          messages.get(
              d.isEmpty() ? "accounting.jv.creditLine" : "accounting.jv.debitLine",
              l.code(),
              l.accountName.get(),
              d.isEmpty() ? c : d));
    }
    return new PostingSummary(
        messages.get("accounting.jv.confirmTitle"),
        messages.get("accounting.jv.confirm", Dates.date(date.get()), totalDebit.get()),
        details);
  }

  public void post() {
    if (isBusy() || !validate()) {
      return;
    }
    List<Line> sent = filled();
    List<LedgerGateway.VoucherLine> in = new ArrayList<>();
    for (Line l : sent) {
      in.add(
          new LedgerGateway.VoucherLine(
              l.code(),
              l.debit.get().isBlank() ? BigDecimal.ZERO : Amounts.parse(l.debit.get()),
              l.credit.get().isBlank() ? BigDecimal.ZERO : Amounts.parse(l.credit.get()),
              l.memo.get()));
    }
    LocalDate d = date.get();
    String m = memo.get();
    String k = key;
    setBusy(true);
    setMessage("");
    executor.submit(
        () -> gateway.postVoucher(k, d, m, in),
        e -> {
          setBusy(false);
          key = UUID.randomUUID().toString();
          notifier.notify(messages.get("accounting.jv.posted", e.getNumber()), "");
          show(e);
          clear();
        },
        t -> {
          setBusy(false);
          if (t instanceof RemoteException r && r.kind() == RemoteException.Kind.INVALID_INPUT) {
            List<String> elsewhere =
                FieldErrors.route(
                    r,
                    sent.size(),
                    i -> sent.get(i).error::set,
                    Map.of("lines", balanceError::set, "entry_date", dateError::set));
            setMessage(FieldErrors.message(r, elsewhere, messages.get("form.fixFields")));
          } else {
            // A closed period or a year not opened: the server's sentence says what to do.
            setMessage(ErrorText.of(t, messages));
          }
        });
  }

  private void clear() {
    memo.set("");
    lines.setAll(List.of(new Line(), new Line()));
  }

  /** Shows a posted entry (from the ledger, or just posted) with its Reverse button. */
  public void open(String entryId) {
    setBusy(true);
    executor.submit(
        () -> gateway.entry(entryId),
        e -> {
          setBusy(false);
          show(e);
        },
        t -> {
          setBusy(false);
          setMessage(ErrorText.of(t, messages));
        });
  }

  private void show(JournalEntry e) {
    posted.set(e);
    reversible.set(e.getSource().equals("MANUAL"));
  }

  /** The question the Reverse button asks first. */
  public String reverseQuestion() {
    JournalEntry e = posted.get();
    return e == null
        ? ""
        : messages.get("accounting.jv.reverseConfirm", e.getNumber(), Dates.date(reverseDate()));
  }

  private LocalDate reverseDate() {
    return date.get() == null ? Dates.today() : date.get();
  }

  /** Posts the mirror of the shown entry on the voucher date. */
  public void reverse() {
    JournalEntry e = posted.get();
    if (e == null || isBusy()) {
      return;
    }
    String k = UUID.randomUUID().toString();
    LocalDate d = reverseDate();
    setBusy(true);
    setMessage("");
    executor.submit(
        () -> gateway.reverse(k, e.getId(), d),
        r -> {
          setBusy(false);
          notifier.notify(messages.get("accounting.jv.reversed", e.getNumber(), r.getNumber()), "");
          posted.set(r);
          reversible.set(false);
        },
        t -> {
          setBusy(false);
          setMessage(ErrorText.of(t, messages));
        });
  }

  public ObservableList<Account> accounts() {
    return accounts;
  }

  public ObservableList<Line> lines() {
    return lines;
  }

  public ObjectProperty<LocalDate> dateProperty() {
    return date;
  }

  public StringProperty memoProperty() {
    return memo;
  }

  public StringProperty totalDebitProperty() {
    return totalDebit;
  }

  public StringProperty totalCreditProperty() {
    return totalCredit;
  }

  /** "Balanced" or "Difference 100.00" as the lines are typed. */
  public StringProperty balanceProperty() {
    return balance;
  }

  public BooleanProperty balancedProperty() {
    return balanced;
  }

  /** The server's word on the balance ("debits … and credits … differ by …"). */
  public StringProperty balanceErrorProperty() {
    return balanceError;
  }

  public StringProperty dateErrorProperty() {
    return dateError;
  }

  public ObjectProperty<JournalEntry> postedProperty() {
    return posted;
  }

  public BooleanProperty reversibleProperty() {
    return reversible;
  }
}
