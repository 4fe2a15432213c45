package io.millstone.client.production;

import io.millstone.api.common.v1.Decimal;
import io.millstone.api.production.v1.Range;
import io.millstone.api.production.v1.Stream;
import io.millstone.api.production.v1.StreamLimits;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Notifier;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The lab's limits per stream: a lower and upper bound for each measured value, the grid's marks
 * come from them. Only the streams whose bounds changed are sent.
 */
public final class LimitsViewModel extends AbstractViewModel {

  /** One stream's bounds as typed. */
  public static final class Row {
    private final Stream stream;
    private final Map<String, StringProperty[]> bounds = new LinkedHashMap<>();
    private final StringProperty error = new SimpleStringProperty("");
    private String saved = "";

    Row(Stream stream) {
      this.stream = stream;
      for (String f : LabViewModel.FIELDS) {
        bounds.put(
            f, new StringProperty[] {new SimpleStringProperty(""), new SimpleStringProperty("")});
      }
      saved = typed();
    }

    public Stream stream() {
      return stream;
    }

    public StringProperty min(String field) {
      return bounds.get(field)[0];
    }

    public StringProperty max(String field) {
      return bounds.get(field)[1];
    }

    public StringProperty errorProperty() {
      return error;
    }

    String typed() {
      StringBuilder b = new StringBuilder();
      bounds.values().forEach(p -> b.append(p[0].get()).append('|').append(p[1].get()).append('|'));
      return b.toString();
    }
  }

  private final ProductionGateway gateway;
  private final Messages messages;
  private final Notifier notifier;
  private final List<Row> rows = new ArrayList<>();

  public LimitsViewModel(
      ProductionGateway gateway, UiTaskExecutor executor, Messages messages, Notifier notifier) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
    this.notifier = notifier;
    for (Stream s : LabViewModel.STREAMS) {
      rows.add(new Row(s));
    }
  }

  public void refresh() {
    executor.submit(
        gateway::limits,
        list -> {
          for (StreamLimits l : list) {
            rows.stream()
                .filter(r -> r.stream == l.getStream())
                .findFirst()
                .ifPresent(r -> load(r, l));
          }
        },
        this::failed);
  }

  private static void load(Row r, StreamLimits l) {
    put(r, "brix", l.getBrix());
    put(r, "pol", l.getPol());
    put(r, "purity", l.getPurity());
    put(r, "colour_icumsa", l.getColourIcumsa());
    put(r, "moisture_percent", l.getMoisturePercent());
    put(r, "grain_mm", l.getGrainMm());
    r.saved = r.typed();
  }

  private static void put(Row r, String field, Range range) {
    r.min(field).set(text(range.getMin()));
    r.max(field).set(text(range.getMax()));
  }

  private static String text(Decimal d) {
    return d == null || d.getValue().isBlank() ? "" : Amounts.quantity(d.getValue());
  }

  /**
   * Sends the streams whose bounds changed; a bound that is not a number, or min above max, stops
   * it.
   */
  public void save() {
    if (isBusy()) {
      return;
    }
    Map<Row, Map<String, ProductionGateway.Bounds>> changed = new LinkedHashMap<>();
    boolean ok = true;
    for (Row r : rows) {
      r.error.set("");
      if (r.typed().equals(r.saved)) {
        continue;
      }
      Map<String, ProductionGateway.Bounds> b = new LinkedHashMap<>();
      for (String f : LabViewModel.FIELDS) {
        String lo = r.min(f).get();
        String hi = r.max(f).get();
        BigDecimal min = lo.isBlank() ? null : Amounts.parse(lo);
        BigDecimal max = hi.isBlank() ? null : Amounts.parse(hi);
        if ((!lo.isBlank() && min == null) || (!hi.isBlank() && max == null)) {
          r.error.set(messages.get("lab.notNumber", messages.get("lab.field." + f)));
          ok = false;
        } else if (min != null && max != null && min.compareTo(max) > 0) {
          r.error.set(messages.get("lab.limits.minAboveMax", messages.get("lab.field." + f)));
          ok = false;
        }
        b.put(f, new ProductionGateway.Bounds(min, max));
      }
      changed.put(r, b);
    }
    if (!ok) {
      setMessage(messages.get("form.fixFields"));
      return;
    }
    if (changed.isEmpty()) {
      setMessage(messages.get("lab.limits.unchanged"));
      return;
    }
    setBusy(true);
    setMessage("");
    executor.submit(
        () -> {
          List<StreamLimits> out = new ArrayList<>();
          for (var e : changed.entrySet()) {
            out.add(gateway.saveLimits(e.getKey().stream, e.getValue()));
          }
          return out;
        },
        saved -> {
          setBusy(false);
          for (StreamLimits l : saved) {
            rows.stream()
                .filter(r -> r.stream == l.getStream())
                .findFirst()
                .ifPresent(r -> load(r, l));
          }
          notifier.notify(messages.get("lab.limits.saved"), String.valueOf(saved.size()));
        },
        this::failed);
  }

  private void failed(Throwable t) {
    setBusy(false);
    setMessage(ErrorText.of(t, messages));
  }

  public List<Row> rows() {
    return rows;
  }
}
