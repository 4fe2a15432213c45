package io.millstone.client.papers;

import io.millstone.api.papers.v1.PaperFormat;
import io.millstone.api.papers.v1.VatBook;
import io.millstone.api.papers.v1.VatBookKind;
import io.millstone.api.papers.v1.VatBookLine;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.core.print.PaperRequest;
import io.millstone.client.remote.ErrorText;
import io.millstone.client.remote.ProtoValues;
import io.millstone.client.remote.RemoteException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The VAT registers: Mushak 6.1 (purchase book) or 6.2 (sales book) for a period, its lines and
 * totals as the server reads them from the posted books, printed or saved as the server lays them
 * out (PDF or Excel, every column of the form).
 */
public final class VatBookViewModel extends AbstractViewModel {
  public record Row(
      String serial,
      String date,
      String number,
      String party,
      String bin,
      String item,
      String quantity,
      String taxable,
      String sd,
      String rate,
      String vat,
      String total) {}

  private final PapersGateway gateway;
  private final Messages m;
  private final ObjectProperty<VatBookKind> kind =
      new SimpleObjectProperty<>(VatBookKind.VAT_BOOK_KIND_SALES);
  private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
  private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
  private final StringProperty fromError = new SimpleStringProperty("");
  private final StringProperty toError = new SimpleStringProperty("");
  private final StringProperty totals = new SimpleStringProperty("");
  private final StringProperty count = new SimpleStringProperty("");
  private final ObservableList<Row> rows = FXCollections.observableArrayList();

  public VatBookViewModel(PapersGateway gateway, UiTaskExecutor executor, Messages m, Clock clock) {
    super(executor);
    this.gateway = gateway;
    this.m = m;
    LocalDate today = LocalDate.now(clock);
    from.set(today.withDayOfMonth(1));
    to.set(today);
  }

  /** Reads the book for the period; a refused period shows why beside its field. */
  public void load() {
    VatBookKind k = kind.get();
    LocalDate f = from.get();
    LocalDate t = to.get();
    fromError.set("");
    toError.set("");
    setMessage("");
    setBusy(true);
    executor.submit(
        () -> gateway.vatBook(k, f, t),
        b -> {
          setBusy(false);
          show(b);
        },
        e -> {
          setBusy(false);
          rows.clear();
          totals.set("");
          count.set("");
          refused(e);
        });
  }

  private void refused(Throwable e) {
    if (e instanceof RemoteException r && !r.fieldViolations().isEmpty()) {
      List<String> rest = new ArrayList<>();
      for (Map.Entry<String, String> v : r.fieldViolations().entrySet()) {
        switch (v.getKey()) {
          case "from" -> fromError.set(v.getValue());
          case "to" -> toError.set(v.getValue());
          default -> rest.add(v.getValue());
        }
      }
      setMessage(String.join(" ", rest));
    } else {
      setMessage(ErrorText.of(e, m));
    }
  }

  private void show(VatBook b) {
    List<Row> out = new ArrayList<>();
    for (VatBookLine l : b.getLinesList()) {
      out.add(
          new Row(
              Integer.toString(l.getSerial()),
              Dates.date(ProtoValues.date(l.getDate())),
              l.getDocumentNumber(),
              l.getPartyName(),
              l.getPartyBin(),
              l.getDescription().isBlank() ? l.getItemCode() : l.getDescription(),
              Amounts.quantity(l.getQuantity().getValue()) + " " + l.getUnitCode(),
              Amounts.money(l.getTaxableValue().getValue()),
              Amounts.money(l.getSupplementaryDuty().getValue()),
              l.getVatRate().getValue() + " %",
              Amounts.money(l.getVat().getValue()),
              Amounts.money(l.getTotal().getValue())));
    }
    rows.setAll(out);
    count.set(m.get("vat.book.rows", out.size()));
    totals.set(
        m.get(
            "vat.book.totals",
            Amounts.money(b.getTaxableValue().getValue()),
            Amounts.money(b.getSupplementaryDuty().getValue()),
            Amounts.money(b.getVat().getValue()),
            Amounts.money(b.getTotal().getValue()),
            b.getCurrencyCode()));
  }

  /** The book as a paper in {@code format}, for the period and register chosen now. */
  public PaperRequest paper(PaperFormat format) {
    VatBookKind k = kind.get();
    LocalDate f = from.get();
    LocalDate t = to.get();
    return (lang, sink) -> gateway.printVatBook(k, f, t, format, lang, sink);
  }

  /** The paper's title: "Mushak 6.2 1 Nov 2026 to 30 Nov 2026". */
  public String title() {
    return m.get(
        "print.paper.vatBook",
        kind.get() == VatBookKind.VAT_BOOK_KIND_PURCHASE ? "6.1" : "6.2",
        Dates.date(from.get()),
        Dates.date(to.get()));
  }

  /** A name for the saved file: "mushak-6.2-2026-11-01-2026-11-30.xlsx". */
  public String fileName(PaperFormat format) {
    return "mushak-"
        + (kind.get() == VatBookKind.VAT_BOOK_KIND_PURCHASE ? "6.1" : "6.2")
        + "-"
        + from.get()
        + "-"
        + to.get()
        + (format == PaperFormat.PAPER_FORMAT_XLSX ? ".xlsx" : ".pdf");
  }

  /** Saves the book as PDF or Excel to {@code target}; says how it went in the message. */
  public void save(PaperFormat format, String language, Path target) {
    PaperSaver.save(executor, m, paper(format), language, target, this::setMessage);
  }

  public ObjectProperty<VatBookKind> kindProperty() {
    return kind;
  }

  public ObjectProperty<LocalDate> fromProperty() {
    return from;
  }

  public ObjectProperty<LocalDate> toProperty() {
    return to;
  }

  public StringProperty fromErrorProperty() {
    return fromError;
  }

  public StringProperty toErrorProperty() {
    return toError;
  }

  public StringProperty totalsProperty() {
    return totals;
  }

  public StringProperty countProperty() {
    return count;
  }

  public ObservableList<Row> rows() {
    return rows;
  }
}
