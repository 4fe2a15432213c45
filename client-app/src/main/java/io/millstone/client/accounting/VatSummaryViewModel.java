package io.millstone.client.accounting;

import io.millstone.api.accounting.v1.VatMonth;
import io.millstone.api.accounting.v1.VatSummary;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import io.millstone.client.remote.ProtoValues;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Output VAT against input VAT per month and, under each month, per rate: what the monthly return
 * declares. Net payable positive is paid, negative carried forward.
 */
public final class VatSummaryViewModel extends AbstractViewModel {
  /** One row: a month's total (rate empty) or one rate of it. */
  public record Row(String month, String rate, String output, String input, String net) {}

  private final LedgerGateway gateway;
  private final Messages messages;
  private final ObjectProperty<LocalDate> from =
      new SimpleObjectProperty<>(Dates.today().withDayOfYear(1));
  private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(Dates.today());
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final StringProperty total = new SimpleStringProperty("");

  public VatSummaryViewModel(LedgerGateway gateway, UiTaskExecutor executor, Messages messages) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
  }

  public void load() {
    LocalDate f = from.get();
    LocalDate t = to.get();
    setBusy(true);
    setMessage("");
    executor.submit(
        () -> gateway.vatSummary(f, t),
        s -> {
          setBusy(false);
          show(s);
        },
        e -> {
          setBusy(false);
          rows.clear();
          total.set("");
          setMessage(ErrorText.of(e, messages));
        });
  }

  private void show(VatSummary s) {
    DateTimeFormatter month = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    List<Row> out = new ArrayList<>();
    for (VatMonth m : s.getMonthsList()) {
      out.add(
          new Row(
              ProtoValues.date(m.getMonth()).format(month),
              messages.get("accounting.vat.allRates"),
              Amounts.money(m.getOutputVat().getValue()),
              Amounts.money(m.getInputVat().getValue()),
              Amounts.money(m.getNetPayable().getValue())));
      for (var r : m.getRatesList()) {
        out.add(
            new Row(
                "",
                r.getRate().getValue() + " %",
                Amounts.money(r.getOutputVat().getValue()),
                Amounts.money(r.getInputVat().getValue()),
                Amounts.money(r.getNetPayable().getValue())));
      }
    }
    rows.setAll(out);
    total.set(
        messages.get(
            "accounting.vat.total",
            Amounts.money(s.getOutputVat().getValue()),
            Amounts.money(s.getInputVat().getValue()),
            Amounts.money(s.getNetPayable().getValue()),
            s.getCurrencyCode()));
  }

  public ObjectProperty<LocalDate> fromProperty() {
    return from;
  }

  public ObjectProperty<LocalDate> toProperty() {
    return to;
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  public StringProperty totalProperty() {
    return total;
  }
}
