package io.millstone.client.accounting;

import io.millstone.api.accounting.v1.Period;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Notifier;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import io.millstone.client.remote.ProtoValues;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The fiscal periods: open a fiscal year (any day of it), close a month once nothing in it is left
 * unposted (the server's refusal names what is), reopen a closed month for a correction.
 */
public final class PeriodsViewModel extends AbstractViewModel {
  private final LedgerGateway gateway;
  private final Messages messages;
  private final Notifier notifier;
  private final ObservableList<Period> periods = FXCollections.observableArrayList();
  private final ObjectProperty<LocalDate> yearDay = new SimpleObjectProperty<>(Dates.today());

  public PeriodsViewModel(
      LedgerGateway gateway, UiTaskExecutor executor, Messages messages, Notifier notifier) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
    this.notifier = notifier;
  }

  public void load() {
    run(gateway::periods, null);
  }

  /** Opens the fiscal year holding the chosen day. */
  public void openYear() {
    LocalDate d = yearDay.get() == null ? Dates.today() : yearDay.get();
    run(
        () -> {
          gateway.openFiscalYear(d);
          return gateway.periods();
        },
        "accounting.periods.yearOpened");
  }

  public void close(Period p) {
    run(
        () -> {
          gateway.closePeriod(p.getId());
          return gateway.periods();
        },
        "accounting.periods.closedNote");
  }

  public void reopen(Period p) {
    run(
        () -> {
          gateway.reopenPeriod(p.getId());
          return gateway.periods();
        },
        "accounting.periods.reopenedNote");
  }

  private void run(Callable<java.util.List<Period>> call, String note) {
    setBusy(true);
    setMessage("");
    executor.submit(
        call,
        list -> {
          setBusy(false);
          periods.setAll(list);
          if (note != null) {
            notifier.notify(messages.get(note), "");
          }
        },
        t -> {
          setBusy(false);
          // Closing a month with unposted documents: the server's sentence names each.
          setMessage(ErrorText.of(t, messages));
        });
  }

  /** "September 2026". */
  public static String month(Period p) {
    return ProtoValues.date(p.getStartDate())
        .format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH));
  }

  public String question(Period p, boolean close) {
    return messages.get(
        close ? "accounting.periods.closeConfirm" : "accounting.periods.reopenConfirm",
        month(p),
        p.getFiscalYear());
  }

  public ObservableList<Period> periods() {
    return periods;
  }

  public ObjectProperty<LocalDate> yearDayProperty() {
    return yearDay;
  }
}
