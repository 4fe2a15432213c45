package io.millstone.client.records;

import io.millstone.api.records.v1.SearchHit;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The search screen: words or a number in, ranked records of every kind the person may read out,
 * each with its kind and a one-line summary; with nothing typed, the records opened lately.
 */
public final class SearchViewModel extends AbstractViewModel {
  static final int LIMIT = 50;

  /** A line of the result list. */
  public record Row(String kind, String id, String kindLabel, String reference, String summary) {
    RecentItems.Item recent() {
      return new RecentItems.Item(kind, id, reference, summary);
    }
  }

  private final RecordsGateway gateway;
  private final Messages messages;
  private final RecentItems recent;
  private final StringProperty query = new SimpleStringProperty("");
  private final StringProperty heading = new SimpleStringProperty("");
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private UiTaskExecutor.Handle running;

  public SearchViewModel(
      RecordsGateway gateway, UiTaskExecutor executor, Messages messages, RecentItems recent) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
    this.recent = recent;
    showRecent();
  }

  public StringProperty queryProperty() {
    return query;
  }

  /** "Recently opened" or "n found for …". */
  public StringProperty headingProperty() {
    return heading;
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  /** The records opened lately, when nothing is typed. */
  public void showRecent() {
    List<Row> out = new ArrayList<>();
    for (RecentItems.Item i : recent.items()) {
      out.add(new Row(i.kind(), i.id(), kindLabel(i.kind(), messages), i.reference(), i.title()));
    }
    rows.setAll(out);
    heading.set(out.isEmpty() ? messages.get("search.recent.none") : messages.get("search.recent"));
    setMessage("");
  }

  public void search() {
    String q = query.get() == null ? "" : query.get().strip();
    if (q.isEmpty()) {
      showRecent();
      return;
    }
    if (q.length() < 2) {
      setMessage(messages.get("search.tooShort"));
      return;
    }
    if (running != null) {
      running.cancel();
    }
    setBusy(true);
    setMessage("");
    running =
        executor.submit(
            () -> gateway.search(q, LIMIT),
            hits -> {
              running = null;
              setBusy(false);
              rows.setAll(hits.stream().map(h -> row(h, messages)).toList());
              heading.set(
                  hits.isEmpty()
                      ? messages.get("search.nothing", q)
                      : messages.get("search.found", hits.size(), q));
            },
            failure -> {
              running = null;
              setBusy(false);
              setMessage(ErrorText.of(failure, messages));
            });
  }

  /** Remembers that {@code row} was opened, for the recent list. */
  public void opened(Row row) {
    recent.opened(row.recent());
  }

  public static Row row(SearchHit h, Messages m) {
    return new Row(
        h.getRecord().getKind(),
        h.getRecord().getId(),
        kindLabel(h.getRecord().getKind(), m),
        h.getReference(),
        summary(h, m));
  }

  /** One line: the name or party, the date, the amount and the state, those the hit has. */
  public static String summary(SearchHit h, Messages m) {
    List<String> parts = new ArrayList<>();
    if (!h.getTitle().isBlank()) {
      parts.add(h.getTitle());
    }
    if (h.hasDate()) {
      parts.add(
          Dates.date(
              LocalDate.of(h.getDate().getYear(), h.getDate().getMonth(), h.getDate().getDay())));
    }
    if (!h.getAmount().isBlank()) {
      parts.add(Amounts.money(h.getAmount()));
    }
    if (!h.getState().isBlank()) {
      String key = "search.state." + h.getState();
      parts.add(m.has(key) ? m.get(key) : h.getState());
    }
    return String.join("  ·  ", parts);
  }

  public static String kindLabel(String kind, Messages m) {
    String key = "records.kind." + kind;
    return m.has(key) ? m.get(key) : kind;
  }
}
