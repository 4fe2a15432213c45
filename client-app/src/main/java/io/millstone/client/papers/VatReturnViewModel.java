package io.millstone.client.papers;

import io.millstone.api.papers.v1.PaperFormat;
import io.millstone.api.papers.v1.VatReturn;
import io.millstone.api.papers.v1.VatReturnLine;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.core.print.PaperRequest;
import io.millstone.client.remote.ErrorText;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The monthly VAT return (Mushak 9.1): the parts the books fill (supplies, purchases and the
 * adjustments, by rate) and the net payable, printed or saved as the server lays out the form.
 */
public final class VatReturnViewModel extends AbstractViewModel {
  /** A line of a part; a part's heading is a row with only {@code description} and heading set. */
  public record Row(
      String note,
      String description,
      String rate,
      String value,
      String sd,
      String vat,
      boolean heading) {}

  private final PapersGateway gateway;
  private final Messages m;
  private final ObjectProperty<YearMonth> month = new SimpleObjectProperty<>();
  private final ObservableList<YearMonth> months = FXCollections.observableArrayList();
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final StringProperty company = new SimpleStringProperty("");
  private final StringProperty output = new SimpleStringProperty("");
  private final StringProperty input = new SimpleStringProperty("");
  private final StringProperty increasing = new SimpleStringProperty("");
  private final StringProperty decreasing = new SimpleStringProperty("");
  private final StringProperty net = new SimpleStringProperty("");

  /** Offers the last 24 months; the one before this month (the one being filed) is chosen. */
  public VatReturnViewModel(
      PapersGateway gateway, UiTaskExecutor executor, Messages m, Clock clock) {
    super(executor);
    this.gateway = gateway;
    this.m = m;
    YearMonth now = YearMonth.from(LocalDate.now(clock));
    for (int i = 0; i < 24; i++) {
      months.add(now.minusMonths(i));
    }
    month.set(now.minusMonths(1));
  }

  public void load() {
    YearMonth ym = month.get();
    if (ym == null) {
      return;
    }
    setBusy(true);
    setMessage("");
    executor.submit(
        () -> gateway.vatReturn(ym.getYear(), ym.getMonthValue()),
        r -> {
          setBusy(false);
          show(r);
        },
        e -> {
          setBusy(false);
          rows.clear();
          for (StringProperty p : List.of(company, output, input, increasing, decreasing, net)) {
            p.set("");
          }
          setMessage(ErrorText.of(e, m));
        });
  }

  private void show(VatReturn r) {
    List<Row> out = new ArrayList<>();
    part(out, "vat.return.part3", r.getSuppliesList());
    part(out, "vat.return.part4", r.getPurchasesList());
    part(out, "vat.return.part5up", r.getIncreasingList());
    part(out, "vat.return.part5down", r.getDecreasingList());
    rows.setAll(out);
    company.set(
        r.getCompanyBin().isBlank()
            ? r.getCompanyName()
            : m.get("vat.return.company", r.getCompanyName(), r.getCompanyBin()));
    String cur = r.getCurrencyCode();
    output.set(Amounts.money(r.getOutputVat().getValue()) + " " + cur);
    input.set(Amounts.money(r.getInputVat().getValue()) + " " + cur);
    increasing.set(Amounts.money(r.getIncreasingTotal().getValue()) + " " + cur);
    decreasing.set(Amounts.money(r.getDecreasingTotal().getValue()) + " " + cur);
    net.set(Amounts.money(r.getNetPayable().getValue()) + " " + cur);
  }

  private void part(List<Row> out, String heading, List<VatReturnLine> lines) {
    out.add(new Row("", m.get(heading), "", "", "", "", true));
    if (lines.isEmpty()) {
      out.add(new Row("", m.get("vat.return.none"), "", "", "", "", false));
    }
    for (VatReturnLine l : lines) {
      out.add(
          new Row(
              l.getNote(),
              l.getDescription(),
              l.getVatRate().getValue().isBlank() ? "" : l.getVatRate().getValue() + " %",
              Amounts.money(l.getValue().getValue()),
              Amounts.money(l.getSupplementaryDuty().getValue()),
              Amounts.money(l.getVat().getValue()),
              false));
    }
  }

  /** The return for the chosen month as a paper in {@code format}. */
  public PaperRequest paper(PaperFormat format) {
    YearMonth ym = month.get();
    return (lang, sink) ->
        gateway.printVatReturn(ym.getYear(), ym.getMonthValue(), format, lang, sink);
  }

  public String title() {
    return m.get("print.paper.vatReturn", month.get().toString());
  }

  public String fileName(PaperFormat format) {
    return "mushak-9.1-"
        + month.get()
        + (format == PaperFormat.PAPER_FORMAT_XLSX ? ".xlsx" : ".pdf");
  }

  public void save(PaperFormat format, String language, Path target) {
    PaperSaver.save(executor, m, paper(format), language, target, this::setMessage);
  }

  public ObjectProperty<YearMonth> monthProperty() {
    return month;
  }

  public ObservableList<YearMonth> months() {
    return months;
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  public StringProperty companyProperty() {
    return company;
  }

  public StringProperty outputProperty() {
    return output;
  }

  public StringProperty inputProperty() {
    return input;
  }

  public StringProperty increasingProperty() {
    return increasing;
  }

  public StringProperty decreasingProperty() {
    return decreasing;
  }

  public StringProperty netProperty() {
    return net;
  }
}
