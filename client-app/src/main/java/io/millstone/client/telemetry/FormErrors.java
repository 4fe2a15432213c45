package io.millstone.client.telemetry;

import io.millstone.client.core.Messages;
import io.millstone.client.remote.ErrorText;
import io.millstone.client.remote.FieldErrors;
import io.millstone.client.remote.RemoteException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The complaints about one small form of the plant screens, by the server's field name, shown
 * beside the fields; what names no field of the form becomes the form's message.
 */
final class FormErrors {
  private final List<String> fields;
  private final ObservableMap<String, String> errors = FXCollections.observableHashMap();

  FormErrors(String... fields) {
    this.fields = List.of(fields);
  }

  ObservableMap<String, String> map() {
    return errors;
  }

  void clear() {
    errors.clear();
  }

  /** Routes a refusal to the fields; returns the sentence for the form's message line. */
  String show(Throwable t, Messages messages) {
    errors.clear();
    if (t instanceof RemoteException r && r.kind() == RemoteException.Kind.INVALID_INPUT) {
      Map<String, Consumer<String>> setters = new LinkedHashMap<>();
      for (String f : fields) {
        setters.put(f, text -> errors.put(f, text));
      }
      List<String> elsewhere = FieldErrors.route(r, 0, i -> s -> {}, setters);
      return FieldErrors.message(r, elsewhere, messages.get("form.fixFields"));
    }
    return ErrorText.of(t, messages);
  }
}
