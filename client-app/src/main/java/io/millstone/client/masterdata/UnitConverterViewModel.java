package io.millstone.client.masterdata;

import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import io.millstone.client.remote.RemoteException;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The units screen's converter: how much of one unit a quantity of another is, worked out by the
 * server with the units' factors (so the answer is the one documents use).
 */
public final class UnitConverterViewModel extends AbstractViewModel {

  /** The server's conversion. Blocks. */
  @FunctionalInterface
  public interface Converter {
    String convert(String quantity, String from, String to) throws Exception;
  }

  private final Converter converter;
  private final Messages messages;
  private final StringProperty quantity = new SimpleStringProperty("1");
  private final StringProperty from = new SimpleStringProperty("");
  private final StringProperty to = new SimpleStringProperty("");
  private final StringProperty result = new SimpleStringProperty("");
  private final ObservableMap<String, String> errors = FXCollections.observableHashMap();

  public UnitConverterViewModel(Converter converter, UiTaskExecutor executor, Messages messages) {
    super(executor);
    this.converter = converter;
    this.messages = messages;
    quantity.addListener((o, a, b) -> errors.remove("quantity"));
    from.addListener((o, a, b) -> errors.remove("from_unit_code"));
    to.addListener((o, a, b) -> errors.remove("to_unit_code"));
  }

  public void convert() {
    if (isBusy()) {
      return;
    }
    setBusy(true);
    setMessage("");
    errors.clear();
    String q = quantity.get();
    String f = from.get();
    String t = to.get();
    executor.submit(
        () -> converter.convert(q, f, t),
        r -> {
          setBusy(false);
          result.set(
              messages.get(
                  "units.convert.result",
                  Amounts.quantityShown(q.trim()),
                  f.trim(),
                  Amounts.quantityShown(r),
                  t.trim()));
        },
        e -> {
          setBusy(false);
          result.set("");
          if (e instanceof RemoteException r && r.kind() == RemoteException.Kind.INVALID_INPUT) {
            errors.putAll(r.fieldViolations());
            setMessage(String.join(" ", r.fieldViolations().values()));
            if (r.fieldViolations().isEmpty()) {
              setMessage(r.getMessage());
            }
          } else {
            setMessage(ErrorText.of(e, messages));
          }
        });
  }

  public StringProperty quantityProperty() {
    return quantity;
  }

  public StringProperty fromProperty() {
    return from;
  }

  public StringProperty toProperty() {
    return to;
  }

  /** "1 t = 1,000 kg", after a conversion. */
  public StringProperty resultProperty() {
    return result;
  }

  /** Field name (quantity, from_unit_code, to_unit_code) → what is wrong with it. */
  public ObservableMap<String, String> errors() {
    return errors;
  }
}
