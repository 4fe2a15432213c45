package io.millstone.client.production;

import io.millstone.api.production.v1.DayFigures;
import io.millstone.api.production.v1.ProductionRun;
import io.millstone.api.production.v1.RunFigures;
import io.millstone.api.production.v1.WorkCentre;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A production date at a glance: each shift's run with its figures, then the day's figures over the
 * finished shifts (worked out by the server from the summed tonnes and minutes). Opens on
 * yesterday, the day a manager asks about in the morning.
 */
public final class DayFiguresViewModel extends AbstractViewModel {

  /** One line of the table: a shift's run, or the day's total (run null). */
  public record Row(ProductionRun run, RunFigures figures) {
    public boolean total() {
      return run == null;
    }
  }

  private final ProductionGateway gateway;
  private final Messages messages;
  private final ObjectProperty<LocalDate> date =
      new SimpleObjectProperty<>(Dates.today().minusDays(1));
  private final StringProperty workCentre = new SimpleStringProperty("");
  private final ObservableList<String> workCentres = FXCollections.observableArrayList("");
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final StringProperty lostTime = new SimpleStringProperty("");
  private final StringProperty counted = new SimpleStringProperty("");
  private long asked;

  public DayFiguresViewModel(ProductionGateway gateway, UiTaskExecutor executor, Messages m) {
    super(executor);
    this.gateway = gateway;
    this.messages = m;
    date.addListener((o, a, b) -> refresh());
    workCentre.addListener((o, a, b) -> refresh());
  }

  /** Loads the work centres for the choice, then the day. */
  public void start() {
    executor.submit(
        gateway::workCentres,
        list -> {
          List<String> codes = new ArrayList<>();
          codes.add("");
          list.stream().filter(WorkCentre::getActive).forEach(w -> codes.add(w.getCode()));
          workCentres.setAll(codes);
        },
        t -> setMessage(ErrorText.of(t, messages)));
    refresh();
  }

  public void refresh() {
    LocalDate d = date.get();
    if (d == null) {
      return;
    }
    long mine = ++asked;
    setBusy(true);
    executor.submit(
        () -> gateway.day(d, workCentre.get()),
        day -> {
          // a slower answer for a date already left behind is dropped
          if (mine == asked) {
            setBusy(false);
            setMessage("");
            show(day);
          }
        },
        t -> {
          if (mine == asked) {
            setBusy(false);
            rows.clear();
            setMessage(ErrorText.of(t, messages));
          }
        });
  }

  private void show(DayFigures day) {
    List<Row> out = new ArrayList<>();
    day.getRunsList().forEach(r -> out.add(new Row(r, r.getFigures())));
    if (!day.getRunsList().isEmpty()) {
      out.add(new Row(null, day.getDay()));
    }
    rows.setAll(out);
    counted.set(
        day.getRunsList().isEmpty()
            ? messages.get("production.day.none", Dates.date(date.get()))
            : messages.get("production.day.counted", day.getFinishedRuns(), day.getRunsCount()));
    lostTime.set(RunViewModel.lostTimeText(day.getDay().getLostTimeList(), messages));
  }

  public void previousDay() {
    date.set(date.get().minusDays(1));
  }

  public void nextDay() {
    date.set(date.get().plusDays(1));
  }

  public ObjectProperty<LocalDate> dateProperty() {
    return date;
  }

  public StringProperty workCentreProperty() {
    return workCentre;
  }

  public ObservableList<String> workCentres() {
    return workCentres;
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  /** The day's lost time by reason, e.g. "Mechanical 45 min, No cane 15 min". */
  public StringProperty lostTimeProperty() {
    return lostTime;
  }

  /** How many of the listed runs the day's line counts. */
  public StringProperty countedProperty() {
    return counted;
  }
}
