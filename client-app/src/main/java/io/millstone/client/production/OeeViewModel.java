package io.millstone.client.production;

import io.millstone.api.production.v1.GetOeeResponse;
import io.millstone.api.production.v1.OeeLine;
import io.millstone.api.production.v1.OeeLoss;
import io.millstone.api.production.v1.OeePeriod;
import io.millstone.api.production.v1.Shift;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * OEE from the machines for a shift, a day or the season to date: each work centre with its
 * machines, OEE by work centre for the chart, and the chosen line's loss tree, largest loss first.
 * Opens on yesterday's whole day.
 */
public final class OeeViewModel extends AbstractViewModel {
  /** What the screen asks about. */
  public enum Span {
    SHIFT_A,
    SHIFT_B,
    SHIFT_C,
    DAY,
    SEASON
  }

  /** One loss of the tree: its name and minutes. */
  public record Loss(String code, String name, BigDecimal minutes) {}

  /** One bar: a work centre's OEE. */
  public record Bar(String centre, double oeePercent) {}

  private final OeeGateway gateway;
  private final Messages messages;
  private final ObjectProperty<LocalDate> date =
      new SimpleObjectProperty<>(Dates.today().minusDays(1));
  private final ObjectProperty<Span> span = new SimpleObjectProperty<>(Span.DAY);
  private final ObservableList<OeeLine> lines = FXCollections.observableArrayList();
  private final ObservableList<Bar> bars = FXCollections.observableArrayList();
  private final ObjectProperty<OeeLine> selected = new SimpleObjectProperty<>();
  private final ObservableList<Loss> losses = FXCollections.observableArrayList();
  private final StringProperty covered = new SimpleStringProperty("");
  private long asked;

  public OeeViewModel(OeeGateway gateway, UiTaskExecutor executor, Messages m) {
    super(executor);
    this.gateway = gateway;
    this.messages = m;
    date.addListener((o, a, b) -> refresh());
    span.addListener((o, a, b) -> refresh());
    selected.addListener((o, a, b) -> showLosses(b));
  }

  public void refresh() {
    LocalDate d = date.get();
    Span s = span.get();
    if (d == null || s == null) {
      return;
    }
    long mine = ++asked;
    setBusy(true);
    OeePeriod period =
        switch (s) {
          case DAY -> OeePeriod.OEE_PERIOD_DAY;
          case SEASON -> OeePeriod.OEE_PERIOD_SEASON_TO_DATE;
          default -> OeePeriod.OEE_PERIOD_SHIFT;
        };
    Shift shift =
        switch (s) {
          case SHIFT_A -> Shift.SHIFT_A;
          case SHIFT_B -> Shift.SHIFT_B;
          case SHIFT_C -> Shift.SHIFT_C;
          default -> Shift.SHIFT_UNSPECIFIED;
        };
    executor.submit(
        () -> gateway.oee(period, d, shift),
        r -> {
          if (mine == asked) {
            setBusy(false);
            setMessage("");
            show(r);
          }
        },
        t -> {
          if (mine == asked) {
            setBusy(false);
            lines.clear();
            bars.clear();
            setMessage(ErrorText.of(t, messages));
          }
        });
  }

  private void show(GetOeeResponse r) {
    String keep = selected.get() == null ? null : key(selected.get());
    lines.setAll(r.getLinesList());
    List<Bar> out = new ArrayList<>();
    for (OeeLine l : r.getLinesList()) {
      if (l.getMachineCode().isEmpty()) {
        out.add(new Bar(l.getWorkCentreCode(), Double.parseDouble(l.getOeePercent().getValue())));
      }
    }
    bars.setAll(out);
    OeeLine again =
        r.getLinesList().stream().filter(l -> key(l).equals(keep)).findFirst().orElse(null);
    selected.set(again != null ? again : r.getLinesCount() > 0 ? r.getLines(0) : null);
    showLosses(selected.get());
    LocalDate from =
        LocalDate.of(r.getFrom().getYear(), r.getFrom().getMonth(), r.getFrom().getDay());
    LocalDate to = LocalDate.of(r.getTo().getYear(), r.getTo().getMonth(), r.getTo().getDay());
    covered.set(
        r.getLinesCount() == 0
            ? messages.get("oee.none")
            : from.equals(to)
                ? messages.get("oee.coveredDay", Dates.date(to))
                : messages.get("oee.coveredDays", Dates.date(from), Dates.date(to)));
  }

  private static String key(OeeLine l) {
    return l.getWorkCentreCode() + "/" + l.getMachineCode();
  }

  private void showLosses(OeeLine l) {
    if (l == null) {
      losses.clear();
      return;
    }
    List<Loss> out = new ArrayList<>();
    for (OeeLoss x : l.getLossesList()) {
      BigDecimal min = Amounts.of(x.getMinutes().getValue());
      if (!x.getCode().equals("VALUABLE") && min.signum() > 0) {
        out.add(new Loss(x.getCode(), messages.get("oee.loss." + x.getCode()), min));
      }
    }
    BigDecimal noData = Amounts.of(l.getNoDataMinutes().getValue());
    if (noData.signum() > 0) {
      out.add(new Loss("NO_DATA", messages.get("oee.loss.NO_DATA"), noData));
    }
    out.sort(Comparator.comparing(Loss::minutes).reversed());
    losses.setAll(out);
  }

  /** Minutes that did not become good product at the rated speed (planned stops included). */
  public static BigDecimal lostMinutes(OeeLine l) {
    BigDecimal lost = BigDecimal.ZERO;
    for (OeeLoss x : l.getLossesList()) {
      if (!x.getCode().equals("VALUABLE")) {
        lost = lost.add(Amounts.of(x.getMinutes().getValue()));
      }
    }
    return lost;
  }

  public ObjectProperty<LocalDate> dateProperty() {
    return date;
  }

  public ObjectProperty<Span> spanProperty() {
    return span;
  }

  public ObservableList<OeeLine> lines() {
    return lines;
  }

  public ObservableList<Bar> bars() {
    return bars;
  }

  public ObjectProperty<OeeLine> selectedProperty() {
    return selected;
  }

  /** The selected line's losses, largest first (valuable time left out; no data shown). */
  public ObservableList<Loss> losses() {
    return losses;
  }

  /** The days the figures cover, e.g. "1 Dec 2026 to 7 Dec 2026". */
  public StringProperty coveredProperty() {
    return covered;
  }
}
