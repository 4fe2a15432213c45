package io.millstone.client.production;

import io.millstone.api.analytics.v1.DrillDown;
import io.millstone.api.analytics.v1.Figure;
import io.millstone.api.analytics.v1.FigureGroup;
import io.millstone.api.analytics.v1.Flag;
import io.millstone.api.analytics.v1.LostTime;
import io.millstone.api.analytics.v1.ProductionReport;
import io.millstone.api.analytics.v1.SeasonDay;
import io.millstone.api.analytics.v1.WorkCentreOee;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.production.v1.ProductionRun;
import io.millstone.api.production.v1.RunStop;
import io.millstone.api.production.v1.StopReason;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import io.millstone.client.remote.Production;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Yesterday's production report: each figure by shift, for the day, beside the previous day and the
 * season's average, flagged when it moved beyond the band; the season's recovery and crushing rate,
 * lost time as a Pareto and OEE for the charts; and what lies behind a figure.
 */
public final class ProductionReportViewModel extends AbstractViewModel {

  /** A line of the table: a group's heading (figure null) or a figure with its label. */
  public record Row(String label, Figure figure) {
    public boolean heading() {
      return figure == null;
    }
  }

  /** What a figure opens: a title, column headings and rows; a row may open its run. */
  public record Behind(String title, List<String> headings, List<BehindRow> rows) {}

  public record BehindRow(List<String> cells, ProductionRun run) {}

  private final ProductionReportGateway gateway;
  private final Messages m;
  private final ObjectProperty<LocalDate> date =
      new SimpleObjectProperty<>(Dates.today().minusDays(1));
  private final ObjectProperty<ProductionReport> report = new SimpleObjectProperty<>();
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final ObservableList<SeasonDay> series = FXCollections.observableArrayList();
  private final ObservableList<LostTime> lostDay = FXCollections.observableArrayList();
  private final ObservableList<LostTime> lostSeason = FXCollections.observableArrayList();
  private final ObservableList<WorkCentreOee> oee = FXCollections.observableArrayList();
  private final StringProperty heading = new SimpleStringProperty("");
  private long asked;

  public ProductionReportViewModel(
      ProductionReportGateway gateway, UiTaskExecutor executor, Messages m) {
    super(executor);
    this.gateway = gateway;
    this.m = m;
    date.addListener((o, a, b) -> refresh());
  }

  public void refresh() {
    LocalDate d = date.get();
    if (d == null) {
      return;
    }
    long mine = ++asked;
    setBusy(true);
    executor.submit(
        () -> gateway.report(d),
        r -> {
          // a slower answer for a date already left behind is dropped
          if (mine == asked) {
            setBusy(false);
            setMessage("");
            show(r);
          }
        },
        t -> {
          if (mine == asked) {
            setBusy(false);
            clear();
            setMessage(ErrorText.of(t, m));
          }
        });
  }

  private void clear() {
    report.set(null);
    rows.clear();
    series.clear();
    lostDay.clear();
    lostSeason.clear();
    oee.clear();
    heading.set("");
  }

  private void show(ProductionReport r) {
    List<Row> out = new ArrayList<>();
    FigureGroup group = null;
    for (Figure f : r.getFiguresList()) {
      if (f.getGroup() != group) {
        group = f.getGroup();
        out.add(new Row(m.get("report.group." + group.name()), null));
      }
      out.add(new Row(label(f, m), f));
    }
    series.setAll(r.getSeriesList());
    lostDay.setAll(r.getLostTimeDayList());
    lostSeason.setAll(r.getLostTimeSeasonList());
    oee.setAll(r.getOeeList());
    heading.set(
        m.get(
            "report.heading",
            r.getSeasonName(),
            Dates.date(io.millstone.client.remote.ProtoValues.date(r.getSeasonStart())),
            r.getCrushingDays(),
            Amounts.quantityShown(r.getBandPercent().getValue())));
    rows.setAll(out);
    report.set(r);
  }

  /** The figure's name in the person's language; sugar grades and stock by their item's name. */
  public static String label(Figure f, Messages m) {
    String key = f.getKey();
    if (m.has("report.fig." + key)) {
      return m.get("report.fig." + key);
    }
    String[] parts = key.split(":");
    return switch (parts[0]) {
      case "sugar" -> m.get("report.fig.sugarGrade", f.getLabel());
      case "stock" -> m.get("report.fig.stock", f.getLabel());
      case "lost" -> m.get("report.fig.lostBy", reason(parts[1], m));
      case "lab" ->
          m.get(
              "report.fig.lab",
              m.get("lab.stream.STREAM_" + parts[1]),
              m.get("report.lab." + parts[2]));
      default -> f.getLabel();
    };
  }

  static String reason(String reason, Messages m) {
    try {
      return RunViewModel.reasonName(StopReason.valueOf("STOP_REASON_" + reason), m);
    } catch (IllegalArgumentException unknown) {
      return reason;
    }
  }

  /** A value as the table shows it: grouped, in the person's digits; empty where none applies. */
  public static String shown(boolean has, Decimal d) {
    return has ? Amounts.quantityShown(d.getValue()) : "";
  }

  /** "▲ Above" / "▼ Below" and nothing for a figure inside the band. */
  public static String flagText(Figure f, Messages m) {
    return switch (f.getFlag()) {
      case FLAG_HIGH -> "\u25b2 " + m.get("report.flag.high");
      case FLAG_LOW -> "\u25bc " + m.get("report.flag.low");
      default -> "";
    };
  }

  public static boolean flagged(Figure f) {
    return f.getFlag() == Flag.FLAG_HIGH || f.getFlag() == Flag.FLAG_LOW;
  }

  public void previousDay() {
    date.set(date.get().minusDays(1));
  }

  public void nextDay() {
    date.set(date.get().plusDays(1));
  }

  /**
   * Reads what lies behind {@code row}'s figure (its runs, stops, tickets, samples or stock moves)
   * and hands it to {@code show}; a heading opens nothing.
   */
  public void drill(Row row, Consumer<Behind> show) {
    if (row == null || row.heading()) {
      return;
    }
    DrillDown d = row.figure().getDrill();
    String title = m.get("report.behind", row.label(), Dates.date(date.get()));
    Instant from = Production.instant(d.getFrom());
    Instant to = Production.instant(d.getTo());
    setBusy(true);
    executor.submit(
        () ->
            switch (d.getKind()) {
              case DRILL_KIND_RUNS -> runs(title, gateway.runs(d.getRunIdsList()));
              case DRILL_KIND_STOPS -> stops(title, gateway.runs(d.getRunIdsList()), d.getReason());
              case DRILL_KIND_TICKETS -> tickets(title, from, to);
              case DRILL_KIND_SAMPLES -> samples(title, from, to, d.getStream());
              case DRILL_KIND_STOCK -> moves(title, d.getItemCode());
              default -> null;
            },
        b -> {
          setBusy(false);
          setMessage("");
          if (b != null) {
            show.accept(b);
          }
        },
        t -> {
          setBusy(false);
          setMessage(ErrorText.of(t, m));
        });
  }

  private Behind runs(String title, List<ProductionRun> runs) {
    List<BehindRow> out = new ArrayList<>();
    for (ProductionRun r : runs) {
      var f = r.getFigures();
      out.add(
          new BehindRow(
              List.of(
                  r.getNumber(),
                  r.getWorkCentreCode(),
                  RunViewModel.shiftName(r.getShift(), m),
                  Amounts.quantityShown(f.getCaneCrushedTonnes().getValue()),
                  Amounts.quantityShown(f.getSugarTonnes().getValue()),
                  Amounts.quantityShown(f.getRecoveryPercent().getValue()),
                  String.valueOf(f.getLostMinutes())),
              r));
    }
    return new Behind(
        title,
        List.of(
            m.get("sales.list.number"),
            m.get("production.run.workCentre"),
            m.get("production.run.shift"),
            m.get("production.day.caneT"),
            m.get("production.day.sugarT"),
            m.get("production.day.recovery"),
            m.get("production.day.lostMin")),
        out);
  }

  private Behind stops(String title, List<ProductionRun> runs, String reason) {
    List<BehindRow> out = new ArrayList<>();
    for (ProductionRun r : runs) {
      for (RunStop s : r.getStopsList()) {
        if (!reason.isEmpty() && !s.getReason().name().equals("STOP_REASON_" + reason)) {
          continue;
        }
        Instant from = Production.instant(s.getFrom());
        Instant to = Production.instant(s.getTo());
        out.add(
            new BehindRow(
                List.of(
                    r.getNumber(),
                    RunViewModel.shiftName(r.getShift(), m),
                    Dates.time(from),
                    Dates.time(to),
                    String.valueOf(java.time.Duration.between(from, to).toMinutes()),
                    RunViewModel.reasonName(s.getReason(), m),
                    s.getNote()),
                r));
      }
    }
    return new Behind(
        title,
        List.of(
            m.get("sales.list.number"),
            m.get("production.run.shift"),
            m.get("production.stop.from"),
            m.get("production.stop.to"),
            m.get("production.stop.minutes"),
            m.get("production.stop.reason"),
            m.get("production.stop.note")),
        out);
  }

  private Behind tickets(String title, Instant from, Instant to) throws Exception {
    List<BehindRow> out = new ArrayList<>();
    for (var t : gateway.tickets(from, to)) {
      out.add(
          new BehindRow(
              List.of(
                  t.getNumber(),
                  t.getGrowerNumber() + " " + t.getGrowerName(),
                  t.getWarehouseCode(),
                  t.getVehicleNumber(),
                  Dates.dateTime(Production.instant(t.getWeighedOutAt())),
                  Amounts.quantityShown(t.getNet().getKg().getValue())),
              null));
    }
    return new Behind(
        title,
        List.of(
            m.get("report.behind.ticket"),
            m.get("report.behind.grower"),
            m.get("report.behind.centre"),
            m.get("report.behind.vehicle"),
            m.get("report.behind.weighedOut"),
            m.get("report.behind.netKg")),
        out);
  }

  private Behind samples(String title, Instant from, Instant to, String stream) throws Exception {
    List<BehindRow> out = new ArrayList<>();
    for (var s : gateway.samples(from, to)) {
      if (!s.getStream().name().equals("STREAM_" + stream)) {
        continue;
      }
      out.add(
          new BehindRow(
              List.of(
                  Dates.dateTime(Production.instant(s.getTakenAt())),
                  m.get("lab.stream." + s.getStream().name()),
                  Amounts.quantityShown(s.getBrix().getValue()),
                  Amounts.quantityShown(s.getPol().getValue()),
                  Amounts.quantityShown(s.getPurity().getValue()),
                  s.getRecordedBy()),
              null));
    }
    return new Behind(
        title,
        List.of(
            m.get("report.behind.taken"),
            m.get("lab.stream"),
            m.get("report.lab.brix"),
            m.get("report.lab.pol"),
            m.get("report.lab.purity"),
            m.get("report.behind.by")),
        out);
  }

  private Behind moves(String title, String itemCode) throws Exception {
    List<BehindRow> out = new ArrayList<>();
    for (var mv : gateway.stockMoves(itemCode)) {
      out.add(
          new BehindRow(
              List.of(
                  Dates.dateTime(Production.instant(mv.getPostedAt())),
                  mv.getItemCode(),
                  mv.getWarehouseCode(),
                  mv.getKind(),
                  mv.getReference(),
                  Amounts.quantityShown(mv.getQuantity().getValue())),
              null));
    }
    return new Behind(
        title,
        List.of(
            m.get("report.behind.posted"),
            m.get("report.behind.item"),
            m.get("report.behind.warehouse"),
            m.get("report.behind.kind"),
            m.get("report.behind.reference"),
            m.get("report.behind.quantity")),
        out);
  }

  public ObjectProperty<LocalDate> dateProperty() {
    return date;
  }

  public ObjectProperty<ProductionReport> reportProperty() {
    return report;
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  public ObservableList<SeasonDay> series() {
    return series;
  }

  public ObservableList<LostTime> lostDay() {
    return lostDay;
  }

  public ObservableList<LostTime> lostSeason() {
    return lostSeason;
  }

  public ObservableList<WorkCentreOee> oee() {
    return oee;
  }

  /** The season, its first day, the crushing days so far and the band. */
  public StringProperty headingProperty() {
    return heading;
  }
}
