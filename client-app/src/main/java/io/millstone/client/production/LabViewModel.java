package io.millstone.client.production;

import io.millstone.api.common.v1.Decimal;
import io.millstone.api.production.v1.ProductionRun;
import io.millstone.api.production.v1.Range;
import io.millstone.api.production.v1.RunState;
import io.millstone.api.production.v1.Sample;
import io.millstone.api.production.v1.Stream;
import io.millstone.api.production.v1.StreamLimits;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Notation;
import io.millstone.client.core.Notifier;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import io.millstone.client.remote.ProtoValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The lab's entry grid: one row per sample (stream, time, brix, pol, purity computed, colour,
 * moisture, grain), each value checked against its stream's limits as it is typed; the rows are
 * recorded together (all or none) and the shift's recorded samples listed below.
 */
public final class LabViewModel extends AbstractViewModel {
  public static final List<Stream> STREAMS =
      List.of(
          Stream.STREAM_PRIMARY_JUICE,
          Stream.STREAM_MIXED_JUICE,
          Stream.STREAM_CLEAR_JUICE,
          Stream.STREAM_SYRUP,
          Stream.STREAM_MASSECUITE_A,
          Stream.STREAM_MASSECUITE_B,
          Stream.STREAM_MASSECUITE_C,
          Stream.STREAM_FINAL_MOLASSES,
          Stream.STREAM_SUGAR);

  /** The measured fields of a row, in the grid's order, named as the server names them. */
  public static final List<String> FIELDS =
      List.of("brix", "pol", "purity", "colour_icumsa", "moisture_percent", "grain_mm");

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  /** One sample as typed. */
  public final class Row {
    private final ObjectProperty<Stream> stream = new SimpleObjectProperty<>();
    private final StringProperty time = new SimpleStringProperty("");
    private final Map<String, StringProperty> values = new LinkedHashMap<>();
    private final Map<String, StringProperty> flags = new LinkedHashMap<>();
    private final StringProperty note = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    Row() {
      for (String f : FIELDS) {
        values.put(f, new SimpleStringProperty(""));
        flags.put(f, new SimpleStringProperty(""));
      }
      stream.addListener((o, a, b) -> check());
      for (String f : FIELDS) {
        if (!f.equals("purity")) {
          values.get(f).addListener((o, a, b) -> check());
        }
      }
    }

    /** Recomputes purity and the out-of-range marks. */
    void check() {
      error.set("");
      BigDecimal brix = Amounts.parse(values.get("brix").get());
      BigDecimal pol = Amounts.parse(values.get("pol").get());
      values
          .get("purity")
          .set(
              brix != null && pol != null && brix.signum() > 0
                  ? Amounts.quantity(purity(brix, pol))
                  : "");
      StreamLimits l = stream.get() == null ? null : limits.get(stream.get());
      for (String f : FIELDS) {
        flags
            .get(f)
            .set(l == null ? "" : LabViewModel.this.flag(f, Amounts.parse(values.get(f).get()), l));
      }
    }

    boolean isEmpty() {
      return values.entrySet().stream()
              .filter(e -> !e.getKey().equals("purity"))
              .allMatch(e -> e.getValue().get().isBlank())
          && note.get().isBlank();
    }

    public ObjectProperty<Stream> streamProperty() {
      return stream;
    }

    public StringProperty timeProperty() {
      return time;
    }

    public StringProperty value(String field) {
      return values.get(field);
    }

    /** Empty when the value is within its stream's limits (or not typed), else why not. */
    public ReadOnlyStringProperty flag(String field) {
      return flags.get(field);
    }

    public StringProperty noteProperty() {
      return note;
    }

    public StringProperty errorProperty() {
      return error;
    }
  }

  private final ProductionGateway gateway;
  private final Messages messages;
  private final Notifier notifier;
  private final Map<Stream, StreamLimits> limits = new EnumMap<>(Stream.class);
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final ObservableList<Sample> recorded = FXCollections.observableArrayList();
  private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(Dates.today());
  private final ObservableList<ProductionRun> runs = FXCollections.observableArrayList();
  private final ObjectProperty<ProductionRun> run = new SimpleObjectProperty<>();
  private final ReadOnlyStringWrapper done = new ReadOnlyStringWrapper("");
  private String key = UUID.randomUUID().toString();

  public LabViewModel(
      ProductionGateway gateway, UiTaskExecutor executor, Messages messages, Notifier notifier) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
    this.notifier = notifier;
    addRow();
    date.addListener((o, a, b) -> loadRecorded());
  }

  /** Reads the streams' limits and the day's recorded samples. */
  public void start() {
    executor.submit(
        gateway::limits,
        list -> {
          limits.clear();
          for (StreamLimits l : list) {
            limits.put(l.getStream(), l);
          }
          rows.forEach(Row::check);
        },
        this::failed);
    loadRecorded();
  }

  private void loadRecorded() {
    LocalDate d = date.get();
    if (d == null) {
      return;
    }
    Instant from = d.atStartOfDay(Dates.zone()).toInstant();
    Instant to = d.plusDays(1).atStartOfDay(Dates.zone()).toInstant().minusMillis(1);
    executor.submit(() -> gateway.samples(from, to), recorded::setAll, this::failed);
    // The day's runs, so a round of samples can belong to the shift that was running.
    executor.submit(
        () ->
            gateway.runs("", "", 100).rows().stream()
                .filter(r -> d.equals(ProtoValues.date(r.getRunDate())))
                .toList(),
        list -> {
          runs.setAll(list);
          run.set(
              list.stream()
                  .filter(r -> r.getState() == RunState.RUN_STATE_STARTED)
                  .findFirst()
                  .orElse(null));
        },
        t -> runs.clear());
  }

  /**
   * A new row after the last: the next stream of the round and the same time, as a lab goes stream
   * by stream through one round of samples.
   */
  public Row addRow() {
    Row r = new Row();
    if (!rows.isEmpty()) {
      Row last = rows.get(rows.size() - 1);
      r.time.set(last.time.get());
      if (last.stream.get() != null) {
        int i = STREAMS.indexOf(last.stream.get());
        r.stream.set(STREAMS.get(Math.min(i + 1, STREAMS.size() - 1)));
      }
    } else {
      r.time.set(HH_MM.format(LocalTime.now(Dates.zone())));
      r.stream.set(STREAMS.get(0));
    }
    rows.add(r);
    return r;
  }

  public void removeRow(Row r) {
    rows.remove(r);
    if (rows.isEmpty()) {
      addRow();
    }
  }

  static BigDecimal purity(BigDecimal brix, BigDecimal pol) {
    return pol.multiply(HUNDRED).divide(brix, 2, RoundingMode.HALF_UP);
  }

  private String flag(String field, BigDecimal v, StreamLimits l) {
    if (v == null) {
      return "";
    }
    Range r =
        switch (field) {
          case "brix" -> l.getBrix();
          case "pol" -> l.getPol();
          case "purity" -> l.getPurity();
          case "colour_icumsa" -> l.getColourIcumsa();
          case "moisture_percent" -> l.getMoisturePercent();
          default -> l.getGrainMm();
        };
    BigDecimal min = bound(r.getMin());
    BigDecimal max = bound(r.getMax());
    String limitsText = rangeText(min, max);
    if (min != null && v.compareTo(min) < 0) {
      return messages.get(
          "lab.low",
          fieldName(field),
          Amounts.quantityShown(v),
          streamName(l.getStream()),
          limitsText);
    }
    if (max != null && v.compareTo(max) > 0) {
      return messages.get(
          "lab.high",
          fieldName(field),
          Amounts.quantityShown(v),
          streamName(l.getStream()),
          limitsText);
    }
    return "";
  }

  private static BigDecimal bound(Decimal d) {
    return d == null || d.getValue().isBlank() ? null : Amounts.of(d.getValue());
  }

  private static String rangeText(BigDecimal min, BigDecimal max) {
    return (min == null ? "" : Amounts.quantityShown(min))
        + "–"
        + (max == null ? "" : Amounts.quantityShown(max));
  }

  /** Records every row that holds a value, all or none; the grid then starts afresh. */
  public void save() {
    if (isBusy()) {
      return;
    }
    List<ProductionGateway.SampleLine> lines = new ArrayList<>();
    String runId = run.get() == null ? "" : run.get().getId();
    boolean ok = true;
    LocalDate d = date.get();
    for (Row r : rows) {
      if (r.isEmpty()) {
        continue;
      }
      String problem = null;
      Instant at = at(d, r.time.get());
      Map<String, BigDecimal> v = new LinkedHashMap<>();
      for (String f : FIELDS) {
        String text = r.values.get(f).get();
        BigDecimal n = Amounts.parse(text);
        if (!text.isBlank() && n == null && !f.equals("purity")) {
          problem = messages.get("lab.notNumber", fieldName(f));
        }
        v.put(f, n);
      }
      if (r.stream.get() == null) {
        problem = messages.get("lab.streamRequired");
      } else if (at == null) {
        problem = messages.get("lab.timeRequired");
      } else if (problem == null
          && v.get("brix") != null
          && v.get("pol") != null
          && v.get("pol").compareTo(v.get("brix")) > 0) {
        problem = messages.get("lab.polAboveBrix");
      }
      if (problem != null) {
        r.error.set(problem);
        ok = false;
        continue;
      }
      lines.add(
          new ProductionGateway.SampleLine(
              r.stream.get(),
              at,
              runId,
              v.get("brix"),
              v.get("pol"),
              v.get("colour_icumsa"),
              v.get("moisture_percent"),
              v.get("grain_mm"),
              r.note.get()));
    }
    if (!ok) {
      setMessage(messages.get("form.fixFields"));
      return;
    }
    if (lines.isEmpty()) {
      setMessage(messages.get("lab.nothing"));
      return;
    }
    setBusy(true);
    setMessage("");
    String k = key;
    executor.submit(
        () -> gateway.recordSamples(lines, k),
        saved -> {
          setBusy(false);
          key = UUID.randomUUID().toString();
          long flagged = saved.stream().filter(s -> s.getOutOfRangeCount() > 0).count();
          done.set(messages.get("lab.recorded", saved.size(), flagged));
          notifier.notify(messages.get("lab.recordedTitle"), done.get());
          String lastTime = rows.get(rows.size() - 1).time.get();
          rows.clear();
          Row fresh = addRow();
          fresh.time.set(lastTime);
          loadRecorded();
        },
        this::failed);
  }

  /** The moment HH:mm on the date, in the company's zone; null when it is not a time. */
  static Instant at(LocalDate d, String text) {
    if (d == null || text == null || text.isBlank()) {
      return null;
    }
    try {
      return d.atTime(LocalTime.parse(Notation.latinDigits(text.strip()), HH_MM))
          .atZone(Dates.zone())
          .toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private void failed(Throwable t) {
    setBusy(false);
    setMessage(ErrorText.of(t, messages));
  }

  public String fieldName(String field) {
    return messages.get("lab.field." + field);
  }

  public String streamName(Stream s) {
    return s == null ? "" : messages.get("lab.stream." + s.name());
  }

  /** The stream whose name starts with the letter typed after {@code current}, cycling. */
  public Stream streamByLetter(Stream current, String letter) {
    if (letter == null || letter.isBlank()) {
      return current;
    }
    String l = letter.substring(0, 1).toLowerCase(Locale.ROOT);
    int start = current == null ? -1 : STREAMS.indexOf(current);
    for (int k = 1; k <= STREAMS.size(); k++) {
      Stream s = STREAMS.get((start + k) % STREAMS.size());
      if (streamName(s).toLowerCase(Locale.ROOT).startsWith(l)) {
        return s;
      }
    }
    return current;
  }

  /** The out-of-range fields of a recorded sample, as a person reads them. */
  public String outOfRangeText(Sample s) {
    return String.join(
        ", ",
        s.getOutOfRangeList().stream()
            .map(
                o ->
                    fieldName(o.getField())
                        + " "
                        + messages.get(
                            "LOW".equals(o.getSide()) ? "lab.side.low" : "lab.side.high"))
            .toList());
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  public ObservableList<Sample> recorded() {
    return recorded;
  }

  public ObjectProperty<LocalDate> dateProperty() {
    return date;
  }

  /** The runs of the day the samples may belong to. */
  public ObservableList<ProductionRun> runs() {
    return runs;
  }

  /** The run the samples belong to; null for none. */
  public ObjectProperty<ProductionRun> runProperty() {
    return run;
  }

  public ReadOnlyStringProperty doneProperty() {
    return done.getReadOnlyProperty();
  }
}
